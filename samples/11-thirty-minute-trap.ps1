# The 30-minute trap (usage.md P1): the grant shows at once in Teams, but Microsoft Graph keeps
# answering 403 until the change has propagated. The delay runs on the session clock.
Connect-MicrosoftTeams | Out-Null
# Run it again on the same store: first take back the last run's grant and policy, at once.
Set-EmuPropagationDelay -Minutes 0
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity megan.bowen@contoso.onmicrosoft.com
Remove-CsApplicationAccessPolicy -Identity Scheduling -ErrorAction SilentlyContinue
Set-EmuPropagationDelay -Minutes 30
$app = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $app | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $megan
Get-CsOnlineUser -Identity $megan | Format-Table DisplayName, ApplicationAccessPolicy

Connect-MgGraph -ClientId $app -TenantId contoso.onmicrosoft.com -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126" -NoWelcome
# A typical retry loop: try, wait ten minutes, try again.
for ($attempt = 1; $attempt -le 4; $attempt++) {
    try {
        $m = New-MgUserOnlineMeeting -UserId $megan -Subject "Attempt $attempt" -ErrorAction Stop
        "Attempt ${attempt}: created '$($m.Subject)'"
        break
    } catch {
        "Attempt ${attempt}: denied, $((Test-EmuAppAccess -AppId $app -User $megan).Why)"
        Start-Sleep -Seconds 600
    }
}
# The meeting was only a test: delete it, so a second run starts the same way.
if ($m) { Remove-MgUserOnlineMeeting -UserId $megan -OnlineMeetingId $m.Id }
