# The TeamsUpdateManagementPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsUpdateManagementPolicy -Identity PreviewUsers -AllowPublicPreview Enabled -Description "created by the golden" | Format-List Identity, Description, AllowPublicPreview
Get-CsTeamsUpdateManagementPolicy -Identity "Tag:PreviewUsers" | Format-List Identity, AllowPublicPreview
Set-CsTeamsUpdateManagementPolicy -Identity PreviewUsers -AllowManagedUpdates $true
Get-CsTeamsUpdateManagementPolicy -Identity PreviewUsers | Format-List Identity, AllowPublicPreview, AllowManagedUpdates
(Get-CsTeamsUpdateManagementPolicy).Identity
Get-CsTeamsUpdateManagementPolicy -Filter "*Prev*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsUpdateManagementPolicy -Identity $megan -PolicyName PreviewUsers
(Get-CsOnlineUser -Identity $megan).TeamsUpdateManagementPolicy
Get-CsOnlineUser -Filter "TeamsUpdateManagementPolicy -eq 'PreviewUsers'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsUpdateManagementPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsUpdateManagementPolicy -Group "Webinar Hosts" -PolicyName PreviewUsers -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsUpdateManagementPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsUpdateManagementPolicy -Global -PolicyName PreviewUsers
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsUpdateManagementPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsUpdateManagementPolicy -Identity PreviewUsers -AllowPublicPreview Always
Grant-CsTeamsUpdateManagementPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsUpdateManagementPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsUpdateManagementPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsUpdateManagementPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsUpdateManagementPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsUpdateManagementPolicy)]"
Remove-CsTeamsUpdateManagementPolicy -Identity PreviewUsers
(Get-CsTeamsUpdateManagementPolicy).Identity
Get-CsTeamsUpdateManagementPolicy -Identity PreviewUsers
