# The ExternalAccessPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsExternalAccessPolicy -Identity NoFederation -EnableFederationAccess $false -EnableTeamsConsumerAccess $false -Description "created by the golden" | Format-List Identity, Description, EnableFederationAccess, EnableTeamsConsumerAccess
Get-CsExternalAccessPolicy -Identity "Tag:NoFederation" | Format-List Identity, EnableFederationAccess, EnableTeamsConsumerAccess
Set-CsExternalAccessPolicy -Identity NoFederation -EnableOutsideAccess $true
Get-CsExternalAccessPolicy -Identity NoFederation | Format-List Identity, EnableOutsideAccess, EnableFederationAccess
(Get-CsExternalAccessPolicy).Identity
Get-CsExternalAccessPolicy -Filter "*NoFe*" | Select-Object -ExpandProperty Identity
Grant-CsExternalAccessPolicy -Identity $megan -PolicyName NoFederation
(Get-CsOnlineUser -Identity $megan).ExternalAccessPolicy
Get-CsOnlineUser -Filter "ExternalAccessPolicy -eq 'NoFederation'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType ExternalAccessPolicy | Format-List PolicyType, PolicyName
Grant-CsExternalAccessPolicy -Group "Webinar Hosts" -PolicyName NoFederation -Rank 1
Get-CsGroupPolicyAssignment -PolicyType ExternalAccessPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsExternalAccessPolicy -Global -PolicyName NoFederation
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType ExternalAccessPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsExternalAccessPolicy -Identity NoFederation -EnableFederationAccess perhaps
Grant-CsExternalAccessPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsExternalAccessPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsExternalAccessPolicy -Identity $megan -PolicyName $null
Grant-CsExternalAccessPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsExternalAccessPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).ExternalAccessPolicy)]"
Remove-CsExternalAccessPolicy -Identity NoFederation
(Get-CsExternalAccessPolicy).Identity
Get-CsExternalAccessPolicy -Identity NoFederation
