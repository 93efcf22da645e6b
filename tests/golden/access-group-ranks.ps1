# Group assignments: ranks become 1, 2, 3...; a taken rank pushes the others down; the lowest
# rank among a user's groups wins; equal ranks in a hand-written file go to the earlier entry.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
Get-CsGroupPolicyAssignment -PolicyType ApplicationAccessPolicy | Format-Table GroupId, PolicyName, Rank
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
# Any change renumbers: the tie is broken in file order.
New-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -PolicyName Sales-policy -Rank 10
Get-CsGroupPolicyAssignment | Format-Table GroupId, PolicyName, Rank
# Moving Sales to rank 1 pushes the others down; Megan is in Sales too, so Sales-policy wins.
Set-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -Rank 1
Get-CsGroupPolicyAssignment | Format-Table GroupId, PolicyName, Rank
Get-EmuEffectivePolicy -User $megan | Format-Table User, Policy, Route
# Set with -PolicyName keeps the rank and restamps CreatedTime.
Set-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -PolicyName Hosts-policy
Get-CsGroupPolicyAssignment -GroupId "Sales"
# Removing rank 1 moves the others up.
Remove-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -PassThru
Get-CsGroupPolicyAssignment | Format-Table GroupId, PolicyName, Rank
Get-CsUserPolicyAssignment -Identity $megan | Select-Object -ExpandProperty PolicySource | Format-Table
# Grant -Group -Rank follows the same rules.
Grant-CsApplicationAccessPolicy -PolicyName Sales-policy -Group "Sales" -Rank 2
Get-CsGroupPolicyAssignment | Format-Table GroupId, PolicyName, Rank
# Errors: another policy type, an unknown group, a second assignment, a bad rank.
Get-CsGroupPolicyAssignment -PolicyType TeamsCallParkPolicy
New-CsGroupPolicyAssignment -GroupId "Nobody" -PolicyType ApplicationAccessPolicy -PolicyName Sales-policy
New-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -PolicyName Sales-policy
Set-CsGroupPolicyAssignment -GroupId "Sales" -PolicyType ApplicationAccessPolicy -Rank 0
