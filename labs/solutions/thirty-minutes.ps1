# Reference solution of the lab thirty-minutes.
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $Megan
Connect-MgGraph -ClientId $BotApp -TenantId contoso.onmicrosoft.com -CertificateThumbprint F8813914053FBFB5D84F1EFA9EDB3205621C1126 -NoWelcome
New-MgUserOnlineMeeting -UserId $Megan -Subject "Too early" -ErrorAction SilentlyContinue
$wait = (Test-EmuAppAccess -AppId $BotApp -User $Megan).TakesEffect - (Get-Date)
Start-Sleep -Seconds ([math]::Ceiling($wait.TotalSeconds))
New-MgUserOnlineMeeting -UserId $Megan -Subject "On time" | Out-Null
