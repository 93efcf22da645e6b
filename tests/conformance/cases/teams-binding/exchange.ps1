# Binding of the Exchange Online cmdlets (issue 16). Recorded against a stub module with the
# documented parameters (tests/conformance/stub/ExchangeOnlineManagement); cases print only
# markers, $? and binding errors.
# ==== connect-positional-uri
Connect-ExchangeOnline 'https://outlook.office365.com/powershell-liveid/' -ShowBanner:$false; 'bound'
# ==== connect-bad-environment
Connect-ExchangeOnline -ExchangeEnvironmentName Mars -ShowBanner:$false
'after'
# ==== new-named
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight RestrictAccess -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -Description 'd' | Out-Null; 'bound'
# ==== new-two-apps
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight DenyAccess -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', 'f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20' -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com | Out-Null; $?
# ==== new-bad-access-right
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight AllowAccess -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com
'after'
# ==== new-mandatory-missing
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight RestrictAccess -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
'after'
# ==== new-positional
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy RestrictAccess
# ==== new-unknown-parameter
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight RestrictAccess -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -PolicyScopeGroupId x
# ==== new-prefix
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -Acc RestrictAccess -App 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -Pol salesteam@contoso.onmicrosoft.com | Out-Null; 'bound'
# ==== test-positional-identity
Connect-ExchangeOnline -ShowBanner:$false
Test-ApplicationAccessPolicy alex.wilber@contoso.onmicrosoft.com -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; 'bound'
# ==== test-appid-missing
Connect-ExchangeOnline -ShowBanner:$false
Test-ApplicationAccessPolicy -Identity alex.wilber@contoso.onmicrosoft.com
# ==== test-two-positionals
Connect-ExchangeOnline -ShowBanner:$false
Test-ApplicationAccessPolicy alex.wilber@contoso.onmicrosoft.com 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
# ==== set-identity-missing
Connect-ExchangeOnline -ShowBanner:$false
Set-ApplicationAccessPolicy -Description ' '
# ==== remove-parameter-twice
Connect-ExchangeOnline -ShowBanner:$false
Remove-ApplicationAccessPolicy -Identity x -Identity y
# ==== group-type
Connect-ExchangeOnline -ShowBanner:$false
New-DistributionGroup -Name 'Binding Group' -Alias bindinggroup -Type Security | Out-Null; 'bound'
# ==== group-bad-type
Connect-ExchangeOnline -ShowBanner:$false
New-DistributionGroup -Name 'Binding Group' -Type Dynamic
# ==== member-missing
Connect-ExchangeOnline -ShowBanner:$false
Add-DistributionGroupMember -Identity salesteam@contoso.onmicrosoft.com
# ==== role-assignment-app-missing
Connect-ExchangeOnline -ShowBanner:$false
New-ManagementRoleAssignment -Role 'Application Mail.Read'
# ==== spauth-identity-missing
Connect-ExchangeOnline -ShowBanner:$false
Test-ServicePrincipalAuthorization -Resource alex.wilber@contoso.onmicrosoft.com
# ==== disconnect-no-question
Connect-ExchangeOnline -ShowBanner:$false
Disconnect-ExchangeOnline -Confirm:$false; 'done'
