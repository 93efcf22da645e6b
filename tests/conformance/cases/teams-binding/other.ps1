# Binding of the connection, user and group assignment cmdlets.
# ==== connect-plain
Connect-MicrosoftTeams | Out-Null; 'bound'
# ==== connect-tenantid
Connect-MicrosoftTeams -TenantId '5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58' | Out-Null; 'bound'
# ==== connect-tenant-alias
Connect-MicrosoftTeams -TenantDomain contoso.onmicrosoft.com | Out-Null; 'bound'
# ==== connect-accountid
Connect-MicrosoftTeams -AccountId admin@contoso.onmicrosoft.com | Out-Null; 'bound'
# ==== connect-certificate-thumbprint
Connect-MicrosoftTeams -ApplicationId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -CertificateThumbprint 'ABCDEF' -TenantId '5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58' | Out-Null; 'bound'
# ==== connect-certificate-missing-tenant
Connect-MicrosoftTeams -ApplicationId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -CertificateThumbprint 'ABCDEF'
'after'
# ==== connect-app-without-cert
Connect-MicrosoftTeams -ApplicationId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -TenantId '5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58'
# ==== connect-access-tokens
Connect-MicrosoftTeams -AccessTokens 't1', 't2' | Out-Null; 'bound'
# ==== connect-identity-msi
Connect-MicrosoftTeams -Identity | Out-Null; 'bound'
# ==== connect-msi-alias
Connect-MicrosoftTeams -MSI | Out-Null; 'bound'
# ==== connect-identity-and-accountid
Connect-MicrosoftTeams -Identity -AccountId a
# ==== connect-loglevel
Connect-MicrosoftTeams -LogLevel None | Out-Null; 'bound'
# ==== connect-loglevel-bad
Connect-MicrosoftTeams -LogLevel Verbose
# ==== connect-managedserviceport-bad
Connect-MicrosoftTeams -Identity -ManagedServicePort abc
# ==== connect-credential-string
Connect-MicrosoftTeams -Credential 'notacredential'
# ==== connect-credential-object
$c = [pscredential]::new('admin@contoso.onmicrosoft.com', (ConvertTo-SecureString 'x' -AsPlainText -Force))
Connect-MicrosoftTeams -Credential $c | Out-Null; 'bound'
# ==== connect-positional
Connect-MicrosoftTeams contoso
# ==== connect-tenant-prefix
Connect-MicrosoftTeams -Tenant x | Out-Null; 'bound'
# ==== connect-whatif
Connect-MicrosoftTeams -WhatIf:$false | Out-Null; 'bound'
# ==== disconnect
Connect-MicrosoftTeams | Out-Null
Disconnect-MicrosoftTeams | Out-Null; 'bound'
# ==== disconnect-unknown
Disconnect-MicrosoftTeams -Force
# ==== disconnect-positional
Disconnect-MicrosoftTeams now
# ==== import-module
Import-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null; 'imported'
# ==== onlineuser-plain
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser | Out-Null; 'bound'
# ==== onlineuser-identity-positional
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser megan.bowen@contoso.onmicrosoft.com | Out-Null; 'bound'
# ==== onlineuser-filter
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'x'" | Out-Null; 'bound'
# ==== onlineuser-filter-scriptblock
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -Filter { DisplayName -like 'M*' } | Out-Null; 'bound'
# ==== onlineuser-orderby-alias
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -OrderBy 'DisplayName asc' | Out-Null; 'bound'
# ==== onlineuser-two-positional
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser a b
# ==== onlineuser-unknown
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -UserPrincipalName x
# ==== onlineuser-ambiguous-s
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -S
# ==== onlineuser-identity-missing
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser -Identity
# ==== onlineuser-pipeline
Connect-MicrosoftTeams | Out-Null
'megan.bowen@contoso.onmicrosoft.com' | Get-CsOnlineUser
# ==== userpolicyassignment
Connect-MicrosoftTeams | Out-Null
Get-CsUserPolicyAssignment -Identity megan.bowen@contoso.onmicrosoft.com -PolicyType ApplicationAccessPolicy | Out-Null; 'bound'
# ==== userpolicyassignment-missing-identity
Connect-MicrosoftTeams | Out-Null
Get-CsUserPolicyAssignment -PolicyType ApplicationAccessPolicy
# ==== userpolicyassignment-positional
Connect-MicrosoftTeams | Out-Null
Get-CsUserPolicyAssignment megan.bowen@contoso.onmicrosoft.com
# ==== userpolicyassignment-identity-empty
Connect-MicrosoftTeams | Out-Null
Get-CsUserPolicyAssignment -Identity ''
# ==== group-new
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName p -Rank 1 -WhatIf:$false | Out-Null; 'bound'
# ==== group-new-missing-policyname
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId g -PolicyType ApplicationAccessPolicy
# ==== group-new-missing-all
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment
# ==== group-new-positional
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment g ApplicationAccessPolicy p
# ==== group-new-rank-bad
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId g -PolicyType ApplicationAccessPolicy -PolicyName p -Rank first
# ==== group-new-policy-prefix-ambiguous
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId g -Policy x
# ==== group-new-passthru-whatif
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName p -PassThru -WhatIf:$false | Out-Null; 'bound'
# ==== group-get
Connect-MicrosoftTeams | Out-Null
Get-CsGroupPolicyAssignment -PolicyType ApplicationAccessPolicy | Out-Null; 'bound'
# ==== group-get-unknown
Connect-MicrosoftTeams | Out-Null
Get-CsGroupPolicyAssignment -Rank 1
# ==== group-set
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName p | Out-Null
Set-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -Rank 1 -WhatIf:$false | Out-Null; 'bound'
# ==== group-set-missing-type
Connect-MicrosoftTeams | Out-Null
Set-CsGroupPolicyAssignment -GroupId g -Rank 1
# ==== group-remove
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName p | Out-Null
Remove-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -WhatIf:$false | Out-Null; 'bound'
# ==== group-remove-policyname-not-a-parameter
Connect-MicrosoftTeams | Out-Null
Remove-CsGroupPolicyAssignment -GroupId g -PolicyType ApplicationAccessPolicy -PolicyName p
# ==== group-remove-groupid-null
Connect-MicrosoftTeams | Out-Null
Remove-CsGroupPolicyAssignment -GroupId $null -PolicyType ApplicationAccessPolicy
# ==== group-remove-pipeline
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{GroupId = 'g'; PolicyType = 'ApplicationAccessPolicy'} | Remove-CsGroupPolicyAssignment
