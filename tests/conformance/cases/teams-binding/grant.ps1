# Binding of Grant-CsApplicationAccessPolicy (sets Identity, GrantToTenant default, GrantToGroup).
# ==== grant-identity-policy
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -PolicyName $null -WhatIf:$false | Out-Null; 'bound'
# ==== grant-positional-both
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy megan.bowen@contoso.onmicrosoft.com $null -WhatIf:$false | Out-Null; 'bound'
# ==== grant-positional-three
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy a b c
# ==== grant-identity-and-global
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Identity u -Global -PolicyName p
'after'
# ==== grant-global
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -WhatIf:$false | Out-Null; 'bound'
# ==== grant-group-and-identity
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Identity u -Group g -PolicyName p
# ==== grant-group-and-global
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Group g -Global -PolicyName p
# ==== grant-rank-without-group
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Rank 1
# ==== grant-rank-bad
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Group g -PolicyName p -Rank abc
# ==== grant-rank-double
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -Group 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyName p -Rank 1.5 -WhatIf:$false | Out-Null; 'bound'
# ==== grant-rank-overflow
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Group g -PolicyName p -Rank 99999999999
# ==== grant-rank-missing-arg
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Group g -PolicyName p -Rank
# ==== grant-group-rank-whatif
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -Group 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyName p -Rank 2 -WhatIf:$false | Out-Null; 'bound'
# ==== grant-policyname-prefix
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -Pol p -Global -WhatIf:$false | Out-Null; 'bound'
# ==== grant-p-ambiguous
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -P p -Global
# ==== grant-g-ambiguous
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -G -PolicyName p
# ==== grant-identity-null
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Identity $null -PolicyName p
# ==== grant-identity-empty
Connect-MicrosoftTeams | Out-Null
try { Grant-CsApplicationAccessPolicy -Identity '' -PolicyName p -ErrorAction Stop }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'after'
# ==== grant-group-null
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Group $null -PolicyName p
# ==== grant-identity-missing-arg
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Identity
# ==== grant-pipeline-by-property
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{Identity = 'megan.bowen@contoso.onmicrosoft.com'} | Grant-CsApplicationAccessPolicy -PolicyName $null -WhatIf:$false | Out-Null; 'bound'
# ==== grant-pipeline-string
Connect-MicrosoftTeams | Out-Null
'megan.bowen@contoso.onmicrosoft.com' | Grant-CsApplicationAccessPolicy -PolicyName p
# ==== grant-pipeline-wrong-property
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{UserPrincipalName = 'megan.bowen@contoso.onmicrosoft.com'} | Grant-CsApplicationAccessPolicy -PolicyName p
# ==== grant-passthru-whatif
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -PassThru -WhatIf:$false | Out-Null; 'bound'
# ==== grant-unknown-parameter
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -User u -PolicyName p
# ==== grant-global-value
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global:$true -WhatIf:$false | Out-Null; 'bound'
# ==== grant-global-with-argument
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Global $true -PolicyName p
# ==== grant-erroraction-stop
Connect-MicrosoftTeams | Out-Null
try { Grant-CsApplicationAccessPolicy -Identity u -Global -ErrorAction Stop } catch { 'caught'; $_.Exception.GetType().Name }
# ==== grant-errorvariable
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -Identity u -Global -ErrorVariable ev 2>$null
'count ' + $ev.Count
# ==== grant-msft-internal
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -MsftInternalProcessingMode x -WhatIf:$false | Out-Null; 'bound'
# ==== grant-splat
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
$g = @{PolicyName = 'p'; Global = $true; WhatIf = $false}
Grant-CsApplicationAccessPolicy @g | Out-Null; 'bound'
# ==== grant-in-foreach-binding-error
Connect-MicrosoftTeams | Out-Null
foreach ($u in 'a', 'b') { Grant-CsApplicationAccessPolicy -Identity $u -Global }
'after loop'
# ==== grant-whatif-prefix
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -wi:$false | Out-Null; 'bound'
# ==== grant-confirm-alias
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -cf:$false | Out-Null; 'bound'
# ==== grant-common-ea-alias
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity p | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -ea SilentlyContinue -WhatIf:$false | Out-Null; 'bound'
# ==== grant-erroraction-bad-value
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global -ErrorAction Sometimes
