# usage.md G1-G5: what admins print at the end.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "CalendarAccess" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -Description "Calendar app" | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName "CalendarAccess" -Identity "megan.bowen@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName "CalendarAccess" -Identity "alex.wilber@contoso.onmicrosoft.com"
$u = "megan.bowen@contoso.onmicrosoft.com"

# G1
Get-CsOnlineUser -Identity $u | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy
# G2
Get-CsUserPolicyAssignment -Identity $u -PolicyType ApplicationAccessPolicy
# G3
Get-CsApplicationAccessPolicy -Identity "CalendarAccess" | Format-List Identity, AppIds, Description
Get-CsApplicationAccessPolicy | Format-List
# G4
Get-CsOnlineUser | Where-Object {$_.ApplicationAccessPolicy -eq "CalendarAccess"} | Select-Object DisplayName
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'CalendarAccess'" | Measure-Object | Select-Object -ExpandProperty Count
# G5
Grant-CsApplicationAccessPolicy -PolicyName "CalendarAccess" -Global
Get-CsApplicationAccessPolicy -Identity Global
