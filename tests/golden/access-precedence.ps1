# Effective policy, strongest first: direct > group (lowest rank) > tenant (-Global) > Global.
Connect-MicrosoftTeams | Out-Null
$sched = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
$rec = "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"
$portal = "2e7c4a9b-d81f-4e06-b3a5-9c0d2f4e6a18"
New-CsApplicationAccessPolicy -Identity Direct-policy -AppIds $sched | Out-Null
New-CsApplicationAccessPolicy -Identity Group-policy -AppIds $rec | Out-Null
New-CsApplicationAccessPolicy -Identity Tenant-policy -AppIds $portal | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -AppIds $portal, $rec
$megan = "megan.bowen@contoso.onmicrosoft.com"
# 4. Nothing granted: the Global instance applies.
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
# 3. The tenant grant beats Global.
Grant-CsApplicationAccessPolicy -PolicyName Tenant-policy -Global
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
# 2. A group grant beats the tenant grant (Megan is in Webinar Hosts).
Grant-CsApplicationAccessPolicy -PolicyName Group-policy -Group "Webinar Hosts" -Rank 1
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
# 1. A direct grant beats them all.
Grant-CsApplicationAccessPolicy -PolicyName Direct-policy -Identity $megan
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
Get-CsUserPolicyAssignment -Identity $megan -PolicyType ApplicationAccessPolicy | Format-Table PolicyType, PolicyName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType ApplicationAccessPolicy | Select-Object -ExpandProperty PolicySource | Format-Table
# Get-CsOnlineUser shows only the direct grant: Patti (group) and Alex (tenant) are blank.
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -ne ''" | Format-Table UserPrincipalName, ApplicationAccessPolicy
Get-CsOnlineUser -Identity patti.fernandez@contoso.onmicrosoft.com | Format-Table UserPrincipalName, ApplicationAccessPolicy
# Unassigning the direct grant falls back to the group, then to the tenant.
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $megan
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
Remove-CsGroupPolicyAssignment -GroupId "Webinar Hosts" -PolicyType ApplicationAccessPolicy
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
Get-CsUserPolicyAssignment -Identity $megan -PolicyType ApplicationAccessPolicy
# Which app may act for Megan now, and why.
Test-EmuAppAccess -User $megan
# Removing a policy that is still assigned is refused (chosen: the Lync wording).
Remove-CsApplicationAccessPolicy -Identity Tenant-policy
Grant-CsApplicationAccessPolicy -PolicyName $null -Global
Remove-CsApplicationAccessPolicy -Identity Tenant-policy
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
