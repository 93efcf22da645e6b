# Policies piped into Remove and Set bind -Identity by property name, as the Lync-lineage
# cmdlets document it (Get-CsClientPolicy -Filter "tag:*" | Remove-CsClientPolicy).
Connect-MicrosoftTeams | Out-Null
"Test-1", "Test-2", "Keep" | ForEach-Object { New-CsApplicationAccessPolicy -Identity $_ | Out-Null }
Get-CsApplicationAccessPolicy -Filter "tag:test-*" | Set-CsApplicationAccessPolicy -Description "to be removed"
Get-CsApplicationAccessPolicy | Format-Table Identity, Description
Get-CsApplicationAccessPolicy -Filter "tag:test-*" | Remove-CsApplicationAccessPolicy -WhatIf
Get-CsApplicationAccessPolicy -Filter "tag:test-*" | Remove-CsApplicationAccessPolicy
(Get-CsApplicationAccessPolicy).Identity
# A granted policy is still refused, one error per piped policy.
Grant-CsApplicationAccessPolicy -PolicyName Keep -Identity lee.gu@contoso.onmicrosoft.com
Get-CsApplicationAccessPolicy -Filter "tag:*" | Remove-CsApplicationAccessPolicy
# New refuses names that are empty or carry another scope, and nothing is created.
New-CsApplicationAccessPolicy -Identity "Tag:"
New-CsApplicationAccessPolicy -Identity "tag:Tag:Keep2"
New-CsApplicationAccessPolicy -Identity " Tag: Spaced " | Select-Object Identity
(Get-CsApplicationAccessPolicy).Identity -join ", "
