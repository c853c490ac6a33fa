# run-kiosk.ps1: started by the scheduled task "OCOP Kiosk" when the kiosk
# account logs on (install.ps1 sets it up). Runs the kiosk full screen and
# starts it again two seconds after it ends, whatever ended it: a crash, or
# staff choosing Exit in staff mode. To work on the machine, log on as an
# administrator instead, or end the task in Task Scheduler.
$exe = Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) 'ocopkiosk.exe'
while ($true) {
  $p = Start-Process -FilePath $exe -ArgumentList 'run' -PassThru -Wait
  if ($p.ExitCode -ne 0) {
    Write-EventLog -LogName Application -Source 'Application Error' -EventId 1000 -EntryType Warning `
      -Message "OCOP Kiosk ended with exit code $($p.ExitCode); starting it again." -ErrorAction SilentlyContinue
  }
  Start-Sleep -Seconds 2
}
