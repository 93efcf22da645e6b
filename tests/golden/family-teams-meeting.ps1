# The TeamsMeetingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy -AllowCloudRecording $false -AutoAdmittedUsers EveryoneInCompany -Description "created by the golden" | Format-List Identity, Description, AllowCloudRecording, AutoAdmittedUsers
Get-CsTeamsMeetingPolicy -Identity "Tag:SalesMeetingPolicy" | Format-List Identity, AllowCloudRecording, AutoAdmittedUsers
Set-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy -AllowCloudRecording $true -AllowTranscription $true
Get-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy | Format-List Identity, AllowCloudRecording, AllowTranscription
(Get-CsTeamsMeetingPolicy).Identity
Get-CsTeamsMeetingPolicy -Filter "*Sale*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsMeetingPolicy -Identity $megan -PolicyName SalesMeetingPolicy
(Get-CsOnlineUser -Identity $megan).TeamsMeetingPolicy
Get-CsOnlineUser -Filter "TeamsMeetingPolicy -eq 'SalesMeetingPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsMeetingPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsMeetingPolicy -Group "Webinar Hosts" -PolicyName SalesMeetingPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsMeetingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsMeetingPolicy -Global -PolicyName SalesMeetingPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsMeetingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy -AutoAdmittedUsers Nobody
Grant-CsTeamsMeetingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsMeetingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsMeetingPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsMeetingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsMeetingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsMeetingPolicy)]"
Remove-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy
(Get-CsTeamsMeetingPolicy).Identity
Get-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy
