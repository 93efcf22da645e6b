# Start-Transcript / Stop-Transcript as admin scripts use them: the log receives output,
# Write-Host text, warnings and errors, without colour, between pwsh's header and footer.
# Stopping with nothing running is pwsh's error.
Stop-Transcript

# A folder that does not exist.
Start-Transcript -Path ~/no-such-folder/run.log

$log = "~/grant-run.log"
Start-Transcript -Path $log
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Transcript-Demo -AppIds "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Write-Host "Granting Transcript-Demo" -ForegroundColor Green
Grant-CsApplicationAccessPolicy -PolicyName Transcript-Demo -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Grant-CsApplicationAccessPolicy -PolicyName Transcript-Dmeo -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Write-Warning "Changes can take up to 30 minutes to reach Microsoft Graph."
Stop-Transcript
"Not in the transcript."

# The machine, user and process lines differ from machine to machine; the rest is fixed.
Get-Content $log | Where-Object { $_ -notmatch '^(Username|RunAs User|Machine|Host Application|Process ID|OS):' }

# -Append adds a second session to the same file; -UseMinimalHeader keeps only the start time.
Start-Transcript -Path $log -Append -UseMinimalHeader | Out-Null
"Second run"
Stop-Transcript | Out-Null
(Get-Content $log | Where-Object { $_ -eq 'PowerShell transcript start' }).Count
Get-Content $log | Select-Object -Last 8

# -NoClobber refuses an existing file.
Start-Transcript -Path $log -NoClobber

# Without a path: PowerShell_transcript.<machine>.<random>.<time>.txt in the home folder. A
# transcript still open when the script ends is closed with its footer.
$started = Start-Transcript
$started -replace 'PowerShell_transcript\..+\.[a-z0-9]{8}\.', 'PowerShell_transcript.<MACHINE>.<RANDOM>.'
