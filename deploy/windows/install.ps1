<#
.SYNOPSIS
  Installs OCOP Kiosk on Windows 10/11 for a kiosk account that starts it at
  logon and brings it back whenever it ends.

.DESCRIPTION
  Run from the unpacked release folder, in PowerShell as an administrator:

    powershell -ExecutionPolicy Bypass -File .\install.ps1 -KioskUser kiosk -CreateUser -AutoLogon

  - copies ocopkiosk.exe to "C:\Program Files\OCOP Kiosk" (an upgrade
    replaces only the program: content, PIN, settings and visitor analytics
    live in the kiosk account's %LOCALAPPDATA%\ocopkiosk and are kept);
  - refuses to replace a newer version with an older one unless
    -AllowDowngrade is given;
  - with -CreateUser, makes the kiosk account (a standard user, not an
    administrator) if it does not exist, asking for its password;
  - registers the scheduled task "OCOP Kiosk", which, when that account
    logs on, runs the kiosk through run-kiosk.ps1: full screen, and started
    again two seconds after it ends (a crash, or staff leaving it);
  - turns off edge swipes for the machine (Windows 10/11 Pro and up);
  - with -AutoLogon, makes Windows log the kiosk account on at boot.
    Windows keeps that password in the registry in plain text; Microsoft's
    Sysinternals Autologon stores it encrypted and is the better choice
    where it can be downloaded.

  On Windows Enterprise, Education or IoT Enterprise, Shell Launcher makes the
  kiosk the account's only shell instead: docs/install.md shows how.
#>
[CmdletBinding()]
param(
  [string]$KioskUser = 'kiosk',
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'OCOP Kiosk'),
  [switch]$CreateUser,
  [switch]$AutoLogon,
  [switch]$AllowDowngrade
)
$ErrorActionPreference = 'Stop'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'install.ps1 must run as an administrator (right-click PowerShell, Run as administrator).'
}
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$newExe = Join-Path $here 'ocopkiosk.exe'
if (-not (Test-Path $newExe)) { throw "ocopkiosk.exe is not beside install.ps1 in $here" }
$newVersion = [version](Get-Item $newExe).VersionInfo.ProductVersion
$target = Join-Path $InstallDir 'ocopkiosk.exe'

# An older kiosk may not understand a database a newer one has migrated.
if (Test-Path $target) {
  $oldVersion = [version](Get-Item $target).VersionInfo.ProductVersion
  if ($newVersion -lt $oldVersion -and -not $AllowDowngrade) {
    throw "OCOP Kiosk $oldVersion is installed; refusing to replace it with the older $newVersion. Use -AllowDowngrade to force it (copy %LOCALAPPDATA%\ocopkiosk of the kiosk account first)."
  }
  Write-Host "Replacing OCOP Kiosk $oldVersion with $newVersion; the kiosk's data is kept."
} else {
  Write-Host "Installing OCOP Kiosk $newVersion."
}

# The kiosk account.
if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
  if (-not $CreateUser) { throw "There is no account '$KioskUser'. Create it, or run again with -CreateUser." }
  $password = Read-Host -AsSecureString "Password for the new account '$KioskUser'"
  New-LocalUser -Name $KioskUser -Password $password -FullName 'OCOP Kiosk' -Description 'Runs the OCOP showroom kiosk' -PasswordNeverExpires | Out-Null
  Add-LocalGroupMember -Group (Get-LocalGroup -SID 'S-1-5-32-545') -Member $KioskUser  # Users
  Write-Host "Created the standard account '$KioskUser'."
}

# Stop a running kiosk so its program can be replaced.
$taskName = 'OCOP Kiosk'
if (Get-ScheduledTask -TaskName $taskName -ErrorAction SilentlyContinue) { Stop-ScheduledTask -TaskName $taskName }
Get-Process -Name ocopkiosk -ErrorAction SilentlyContinue | Stop-Process -Force
Start-Sleep -Seconds 1

New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
foreach ($f in 'ocopkiosk.exe', 'run-kiosk.ps1', 'uninstall.ps1', 'README.txt') {
  Copy-Item -Force (Join-Path $here $f) $InstallDir
}

# Start at logon, restart on exit. Task Scheduler only restarts a task that
# fails to start, so run-kiosk.ps1 keeps the kiosk running.
$action = New-ScheduledTaskAction -Execute 'powershell.exe' `
  -Argument "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File `"$InstallDir\run-kiosk.ps1`""
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $KioskUser
$settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
  -ExecutionTimeLimit ([TimeSpan]::Zero) -MultipleInstances IgnoreNew -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1)
$taskPrincipal = New-ScheduledTaskPrincipal -UserId $KioskUser -LogonType Interactive -RunLevel Limited
Register-ScheduledTask -TaskName $taskName -Action $action -Trigger $trigger -Settings $settings -Principal $taskPrincipal -Force | Out-Null
Write-Host "The kiosk starts when '$KioskUser' logs on (scheduled task '$taskName')."

# No edge swipes (Action Center, task view) over the kiosk.
$edge = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI'
New-Item -Force -Path $edge | Out-Null
Set-ItemProperty -Path $edge -Name AllowEdgeSwipe -Type DWord -Value 0

if ($AutoLogon) {
  $pw = Read-Host -AsSecureString "Password of '$KioskUser' (for automatic logon)"
  $plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR([Runtime.InteropServices.Marshal]::SecureStringToBSTR($pw))
  $winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
  Set-ItemProperty -Path $winlogon -Name AutoAdminLogon -Value '1'
  Set-ItemProperty -Path $winlogon -Name DefaultUserName -Value $KioskUser
  Set-ItemProperty -Path $winlogon -Name DefaultDomainName -Value $env:COMPUTERNAME
  Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value $plain
  Write-Host "Windows now logs '$KioskUser' on at boot."
}

Write-Host "Done. Check with: & '$target' version"
Write-Host "The kiosk's data will be in C:\Users\$KioskUser\AppData\Local\ocopkiosk. Restart to see it start by itself."
