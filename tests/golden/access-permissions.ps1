# Application permissions: OnlineMeetings.Read.All for reads, OnlineMeetings.ReadWrite.All for
# writes, checked before the policy (token roles first).
Connect-MicrosoftTeams | Out-Null
$recorder = "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsApplicationAccessPolicy -Identity Bots -AppIds $recorder, "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Bots -Identity $megan
Test-EmuAppAccess -User $megan
Connect-MgGraph -ClientId $recorder -TenantId contoso.onmicrosoft.com -CertificateThumbprint "AB12" -NoWelcome
Get-MgContext | Select-Object ClientId, AuthType, Scopes, AppName
# Reads are allowed, writes are not (the service's real body has an empty message).
Get-MgUserOnlineMeeting -UserId $megan
New-MgUserOnlineMeeting -UserId $megan -Subject "Recording test"
Grant-EmuAppPermission -AppId "Meeting recorder bot" -Permission OnlineMeetings.ReadWrite.All
New-MgUserOnlineMeeting -UserId $megan -Subject "Recording test" -StartDateTime "2026-11-27T10:00:00Z" | Select-Object Subject, StartDateTime, EndDateTime
Revoke-EmuAppPermission -AppId $recorder -Permission OnlineMeetings.ReadWrite.All, OnlineMeetings.Read.All
Get-MgUserOnlineMeeting -UserId $megan
Test-EmuAppAccess -AppId $recorder -User $megan | Format-List User, App, Read, Write, Why, MissingStep
# An app that is not registered cannot sign in; a delegated sign-in reaches only its own meetings.
Connect-MgGraph -ClientId "00000000-1111-4222-8333-444444444444" -TenantId contoso.onmicrosoft.com -CertificateThumbprint "AB12"
Disconnect-MgGraph | Select-Object ClientId, AuthType
Get-MgUserOnlineMeeting -UserId $megan
Connect-MgGraph -Scopes OnlineMeetings.ReadWrite -NoWelcome
New-MgUserOnlineMeeting -UserId $megan -Subject "Not mine"
New-MgUserOnlineMeeting -UserId admin@contoso.onmicrosoft.com -Subject "Mine" | Select-Object Subject
