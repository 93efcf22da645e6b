# The TeamsAppPermissionPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps -GlobalCatalogAppsType AllowedAppList -GlobalCatalogApps @() -Description "created by the golden" | Format-List Identity, Description, GlobalCatalogAppsType, GlobalCatalogApps
Get-CsTeamsAppPermissionPolicy -Identity "Tag:NoThirdPartyApps" | Format-List Identity, GlobalCatalogAppsType, GlobalCatalogApps
Set-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps -PrivateCatalogAppsType BlockedAppList
Get-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps | Format-List Identity, PrivateCatalogAppsType
(Get-CsTeamsAppPermissionPolicy).Identity
Get-CsTeamsAppPermissionPolicy -Filter "*NoTh*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsAppPermissionPolicy -Identity $megan -PolicyName NoThirdPartyApps
(Get-CsOnlineUser -Identity $megan).TeamsAppPermissionPolicy
Get-CsOnlineUser -Filter "TeamsAppPermissionPolicy -eq 'NoThirdPartyApps'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsAppPermissionPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsAppPermissionPolicy -Group "Webinar Hosts" -PolicyName NoThirdPartyApps -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsAppPermissionPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsAppPermissionPolicy -Global -PolicyName NoThirdPartyApps
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsAppPermissionPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps -GlobalCatalogAppsType Some
Grant-CsTeamsAppPermissionPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsAppPermissionPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsAppPermissionPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsAppPermissionPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsAppPermissionPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsAppPermissionPolicy)]"
Remove-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps
(Get-CsTeamsAppPermissionPolicy).Identity
Get-CsTeamsAppPermissionPolicy -Identity NoThirdPartyApps
