# Binding of the application access policy cmdlets. Recorded against a stub module with the
# documented parameters (tests/conformance/stub); cases print only markers, $? and binding errors.
# ==== new-named
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; 'bound'
# ==== new-with-description
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -Description 'd' | Out-Null; $?
# ==== new-positional-identity
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy pos -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; 'bound'
# ==== new-positional-too-many
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy one two
'after'
# ==== new-missing-argument
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity
'after'
# ==== new-missing-argument-appids
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppIds
# ==== new-mandatory-missing
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
'after'
# ==== new-identity-null
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $null
# ==== new-identity-empty
Connect-MicrosoftTeams | Out-Null
try { New-CsApplicationAccessPolicy -Identity '' -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'after'
# ==== new-unknown-parameter
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; 'bound'
# ==== new-unknown-parameter-typo
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identiy x
# ==== new-prefix-description
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -De 'desc' | Out-Null; 'bound'
# ==== new-prefix-app
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Id x -App 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; 'bound'
# ==== new-ambiguous-prefix
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -M 'y' | Out-Null; 'bound'
# ==== new-parameter-twice
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -Identity y
# ==== new-whatif
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -WhatIf:$false | Out-Null; 'bound'
# ==== new-confirm-false
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -Confirm:$false | Out-Null; 'bound'
# ==== new-tenant-bad-guid
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -Tenant 'not-a-guid'
# ==== new-tenant-guid
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -Tenant '5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58' | Out-Null; 'bound'
# ==== new-erroraction-stop-binding
Connect-MicrosoftTeams | Out-Null
try { New-CsApplicationAccessPolicy -Nope 1 -ErrorAction Stop } catch { 'caught'; $_.Exception.GetType().Name }
# ==== new-binding-error-fqid
Connect-MicrosoftTeams | Out-Null
try { New-CsApplicationAccessPolicy -Identity } catch { $_.Exception.GetType().Name; $_.CategoryInfo.Category }
# ==== new-binding-error-dollar-question
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Bogus 2>$null; $?
# ==== new-splat
Connect-MicrosoftTeams | Out-Null
$p = @{Identity = 'x'; AppIds = 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'; Description = 'd'}
New-CsApplicationAccessPolicy @p | Out-Null; 'bound'
# ==== new-splat-unknown
Connect-MicrosoftTeams | Out-Null
$p = @{Identity = 'x'; Bogus = 1}
New-CsApplicationAccessPolicy @p
# ==== new-colon-syntax
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity:x -Description:'d' | Out-Null; 'bound'
# ==== new-appids-array
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', 'd39597bf-8407-40ca-92ef-1ec26b885b7b' | Out-Null; 'bound'
# ==== get-no-args
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy | Out-Null; 'bound'
# ==== get-identity-positional
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy Global | Out-Null; 'bound'
# ==== get-filter
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Filter 'tag:*' | Out-Null; 'bound'
# ==== get-identity-and-filter
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Identity Global -Filter '*'
# ==== get-localstore
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -LocalStore | Out-Null; 'bound'
# ==== get-positional-too-many
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy a b
# ==== get-pipeline-input
Connect-MicrosoftTeams | Out-Null
'Global' | Get-CsApplicationAccessPolicy
# ==== get-unknown
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Name x
# ==== get-whatif-not-supported
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -WhatIf
# ==== get-filter-missing-arg
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Filter
# ==== set-identity
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -Description 'x' | Out-Null; 'bound'
# ==== set-appids-hashtable
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -AppIds @{Add = 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'} -WhatIf:$false | Out-Null; 'bound'
# ==== set-no-identity
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Description 'global one' | Out-Null; 'bound'
# ==== set-positional
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy Global -Description 'x' | Out-Null; 'bound'
# ==== set-pipeline-by-property
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{Identity = 'Global'} | Set-CsApplicationAccessPolicy -Description 'piped' | Out-Null; 'bound'
# ==== set-pipeline-by-value-string
Connect-MicrosoftTeams | Out-Null
'Global' | Set-CsApplicationAccessPolicy -Description 'x'
# ==== set-pipeline-no-identity-property
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{Name = 'Global'} | Set-CsApplicationAccessPolicy -Description 'x'
# ==== set-unknown
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -Add 'x'
# ==== set-missing-arg
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -Description
# ==== set-prefix-ambiguous-d
Connect-MicrosoftTeams | Out-Null
Set-CsApplicationAccessPolicy -Identity Global -D 'x'
# ==== remove-identity
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x | Out-Null
Remove-CsApplicationAccessPolicy -Identity x -WhatIf:$false | Out-Null; 'bound'
# ==== remove-positional
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x | Out-Null
Remove-CsApplicationAccessPolicy x -WhatIf:$false | Out-Null; 'bound'
# ==== remove-mandatory-missing
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy
# ==== remove-identity-null
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy -Identity $null
# ==== remove-pipeline-by-property
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x | Out-Null
New-CsApplicationAccessPolicy -Identity y | Out-Null
[pscustomobject]@{Identity = 'x'}, [pscustomobject]@{Identity = 'y'} | Remove-CsApplicationAccessPolicy -WhatIf:$false | Out-Null; 'bound'
# ==== remove-pipeline-string
Connect-MicrosoftTeams | Out-Null
'x' | Remove-CsApplicationAccessPolicy
# ==== remove-description-not-a-parameter
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy -Identity x -Description 'd'
# ==== remove-missing-arg
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy -Identity
# ==== remove-too-many-positional
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy a b
