# Grant the policy to all members of the "Meeting Bots" group
$PolicyName = "GroupLoop-Policy"
$GroupId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

Connect-MicrosoftTeams
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70" | Out-Null

#Not Working
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $GroupId

Connect-AzureAD
$GroupMembers = Get-AzureADGroupMember -ObjectId $GroupId -All $true | Where-Object {$_.ObjectType -eq "User"}
Write-Host "Members: $($GroupMembers.Count)"
foreach ($User in $GroupMembers) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $User.UserPrincipalName
}
Write-Host "Finished"
