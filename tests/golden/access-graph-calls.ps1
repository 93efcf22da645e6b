# The Graph side: an app-only connection, then online meeting calls decided by the policy.
Connect-MicrosoftTeams | Out-Null
$app = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
$megan = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Connect-MgGraph -ClientId $app -TenantId "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58" -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126"
# No policy lists the app: the documented body (legacy wording, the default).
Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/users/$megan/onlineMeetings" -Body @{ subject = "Standup" }
# The SDK cmdlet's error is non-terminating: -ErrorAction decides, try/catch needs Stop.
New-MgUserOnlineMeeting -UserId $megan -Subject "Standup" -ErrorAction SilentlyContinue
"after SilentlyContinue: $($Error.Count) error(s) recorded"
try {
    New-MgUserOnlineMeeting -UserId $megan -Subject "Standup" -ErrorAction Stop
} catch {
    "caught $($_.FullyQualifiedErrorId)"
}
# Grant a policy that lists the app: the same call succeeds and the meeting is kept.
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $app | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $megan
$m = New-MgUserOnlineMeeting -UserId $megan -Subject "Standup" -StartDateTime "2026-11-26T14:00:00Z" -EndDateTime "2026-11-26T14:30:00Z"
$m | Select-Object Subject, StartDateTime, EndDateTime
Get-MgUserOnlineMeeting -UserId megan.bowen@contoso.onmicrosoft.com -Filter "JoinWebUrl eq '$($m.JoinWebUrl)'" | Select-Object Subject
$r = Invoke-MgGraphRequest -Uri "/v1.0/users/$megan/onlineMeetings/$($m.Id)"
$r.subject
# The same lookup through the REST path, with the join URL pasted into the query unencoded.
(Invoke-MgGraphRequest -Uri "/v1.0/users/$megan/onlineMeetings?`$filter=JoinWebUrl eq '$($m.JoinWebUrl)'").value.Count
# Unassign: denied again, with the operation word that fits the call.
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $megan
Get-MgUserOnlineMeeting -UserId $megan -OnlineMeetingId $m.Id
Invoke-MgGraphRequest -Method DELETE -Uri "/v1.0/users/$megan/onlineMeetings/$($m.Id)"
# The modern wording (since mid-2023) is an option kept in the store.
Set-EmuGraphErrorStyle Modern
Invoke-MgGraphRequest -Uri "/v1.0/users/$megan/onlineMeetings/$($m.Id)"
# A group grant works the same way; so does -Global.
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Global
Remove-MgUserOnlineMeeting -UserId $megan -OnlineMeetingId $m.Id -PassThru
Get-MgUserOnlineMeeting -UserId $megan -OnlineMeetingId $m.Id
# Unknown users and URIs the emulation does not cover.
New-MgUserOnlineMeeting -UserId nobody@contoso.onmicrosoft.com -Subject "x"
Invoke-MgGraphRequest -Uri "/v1.0/me/events"
