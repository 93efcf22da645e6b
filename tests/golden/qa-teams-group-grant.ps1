# Grant -Group finds a group the way the group policy assignment cmdlets do (object id, display
# name, or its e-mail address mailNickname@domain) and reports a missing group in the same words.
Connect-MicrosoftTeams | Out-Null
Connect-MgGraph -Scopes "Group.ReadWrite.All" -NoWelcome
$group = New-MgGroup -DisplayName "Bot users" -MailEnabled:$false -MailNickname botusers -SecurityEnabled
New-MgGroupMember -GroupId $group.Id -DirectoryObjectId "7a3c5e91-2d4f-4b68-9e1a-c0b3d5f7e829"
New-CsApplicationAccessPolicy -Identity Bots -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Bots -Group botusers@contoso.onmicrosoft.com -Rank 1
Get-CsGroupPolicyAssignment -PolicyType ApplicationAccessPolicy | Format-Table GroupId, PolicyName, Rank
Get-CsUserPolicyAssignment -Identity adele.vance@contoso.onmicrosoft.com -PolicyType ApplicationAccessPolicy | Select-Object -ExpandProperty PolicySource
# The same group by its mail address for the assignment cmdlets, then unassigned through Grant.
Get-CsGroupPolicyAssignment -GroupId botusers@contoso.onmicrosoft.com | Format-Table GroupId, PolicyName, Rank
Grant-CsApplicationAccessPolicy -PolicyName $null -Group "Bot users"
"assignments left: $(@(Get-CsGroupPolicyAssignment).Count)"
# Missing groups: the same error from both.
Grant-CsApplicationAccessPolicy -PolicyName Bots -Group "No such group"
Grant-CsApplicationAccessPolicy -PolicyName Bots -Group botusers@fabrikam.com
New-CsGroupPolicyAssignment -GroupId "No such group" -PolicyType ApplicationAccessPolicy -PolicyName Bots
# -Rank belongs to the group set, where -Group is mandatory.
Grant-CsApplicationAccessPolicy -PolicyName Bots -Rank 2
