# Reference solution of the lab first-policy (aapsh -Lab first-policy -Check this file).
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp -Description "Scheduling service"
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $Megan
Connect-MgGraph -ClientId $BotApp -TenantId contoso.onmicrosoft.com -CertificateThumbprint F8813914053FBFB5D84F1EFA9EDB3205621C1126 -NoWelcome
New-MgUserOnlineMeeting -UserId $Megan -Subject "Lab test" | Out-Null
