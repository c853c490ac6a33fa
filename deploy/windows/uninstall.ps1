<#
.SYNOPSIS
  Removes OCOP Kiosk: the scheduled task and the program. The kiosk
  account, its data (%LOCALAPPDATA%\ocopkiosk: content, PIN, settings,
  analytics) and automatic logon are left as they are; remove them by hand
  if they are really unwanted. Run as an administrator:

    powershell -ExecutionPolicy Bypass -File "C:\Program Files\OCOP Kiosk\uninstall.ps1"
#>
[CmdletBinding()]
param([string]$InstallDir = (Join-Path $env:ProgramFiles 'OCOP Kiosk'))
$ErrorActionPreference = 'Stop'
if (Get-ScheduledTask -TaskName 'OCOP Kiosk' -ErrorAction SilentlyContinue) {
  Stop-ScheduledTask -TaskName 'OCOP Kiosk'
  Unregister-ScheduledTask -TaskName 'OCOP Kiosk' -Confirm:$false
}
Get-Process -Name ocopkiosk -ErrorAction SilentlyContinue | Stop-Process -Force
Start-Sleep -Seconds 1
Set-Location $env:TEMP
Remove-Item -Recurse -Force $InstallDir
Write-Host 'OCOP Kiosk removed. Its data in each account''s %LOCALAPPDATA%\ocopkiosk is kept.'
Write-Host 'To turn automatic logon off: Set-ItemProperty ''HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'' AutoAdminLogon 0'
