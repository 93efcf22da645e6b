# Batch assignment: one operation, per-user results.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
$users_ids = @("megan.bowen@contoso.onmicrosoft.com", "alex.wilber@contoso.onmicrosoft.com", "nobody@contoso.onmicrosoft.com", "MEGAN.BOWEN@contoso.onmicrosoft.com")
$id = New-CsBatchPolicyAssignmentOperation -PolicyType ApplicationAccessPolicy -PolicyName Scheduling -Identity $users_ids -OperationName "Batch assign Scheduling"
$id
Get-CsBatchPolicyAssignmentOperation
Get-CsBatchPolicyAssignmentOperation -OperationId $id | Format-List OperationId, OperationName, OverallStatus, CompletedCount, ErrorCount
Get-CsBatchPolicyAssignmentOperation -OperationId $id | Select-Object -ExpandProperty UserState
Get-CsOnlineUser -Filter {ApplicationAccessPolicy -eq "Tag:Scheduling"} | Select-Object UserPrincipalName, ApplicationAccessPolicy
# $null unassigns; other policy types are not emulated.
$id2 = New-CsBatchPolicyAssignmentOperation -PolicyType ApplicationAccessPolicy -PolicyName $null -Identity "alex.wilber@contoso.onmicrosoft.com"
Get-CsBatchPolicyAssignmentOperation -Status Completed | Measure-Object | Select-Object Count
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'Scheduling'" | Select-Object UserPrincipalName
New-CsBatchPolicyAssignmentOperation -PolicyType TeamsCallParkPolicy -PolicyName Kiosk -Identity "alex.wilber@contoso.onmicrosoft.com"
New-CsBatchPolicyAssignmentOperation -PolicyType ApplicationAccessPolicy -PolicyName Nope -Identity "alex.wilber@contoso.onmicrosoft.com"
