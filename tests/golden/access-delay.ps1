# The 30-minute trap: policy changes reach Microsoft Graph only after the propagation delay,
# measured on the session clock (Start-Sleep moves it at once).
Connect-MicrosoftTeams | Out-Null
$app = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
$megan = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Set-EmuPropagationDelay -Minutes 30
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $app | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $megan
# The Teams side shows the grant at once...
Get-CsOnlineUser -Identity $megan | Select-Object DisplayName, ApplicationAccessPolicy
Connect-MgGraph -ClientId $app -TenantId contoso.onmicrosoft.com -CertificateThumbprint "AB12" -NoWelcome
# ...but Graph still denies.
New-MgUserOnlineMeeting -UserId $megan -Subject "Too early"
Test-EmuAppAccess -AppId $app -User $megan | Format-List Read, Write, Why, TakesEffect
Get-EmuPropagationDelay
Start-Sleep -Seconds 1799
New-MgUserOnlineMeeting -UserId $megan -Subject "Still too early" -ErrorAction SilentlyContinue
"29:59 later: denied ($($Error[0].FullyQualifiedErrorId))"
Start-Sleep -Seconds 1
New-MgUserOnlineMeeting -UserId $megan -Subject "On time" | Select-Object Subject, CreationDateTime
# Revoking takes as long: the call keeps working for 30 minutes.
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $megan
Get-MgUserOnlineMeeting -UserId $megan | Select-Object Subject
Start-Sleep -Seconds 1800
Get-MgUserOnlineMeeting -UserId $megan | Select-Object Subject
# Group membership changes are access changes too.
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Group "Webinar Hosts"
Start-Sleep -Seconds 1800
Connect-MgGraph -NoWelcome
Remove-MgGroupMemberByRef -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -DirectoryObjectId $megan
Test-EmuAppAccess -AppId $app -User $megan | Select-Object User, Read, Write, TakesEffect
# A delay of 0 makes every pending change arrive.
Set-EmuPropagationDelay 0
Test-EmuAppAccess -AppId $app -User $megan | Select-Object User, Read, Write, TakesEffect
Get-EmuPropagationDelay | Select-Object Delay, PendingChanges
