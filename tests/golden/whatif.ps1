# -WhatIf says what would happen and changes nothing.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -WhatIf
Get-CsApplicationAccessPolicy
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
Set-CsApplicationAccessPolicy -Identity "Bot" -Description "changed" -WhatIf
Grant-CsApplicationAccessPolicy -PolicyName "Bot" -Identity "megan.bowen@contoso.onmicrosoft.com" -wi
Grant-CsApplicationAccessPolicy -PolicyName "Bot" -Global -WhatIf
Remove-CsApplicationAccessPolicy -Identity "Bot" -WhatIf
Get-CsApplicationAccessPolicy -Identity "Bot"
Get-CsOnlineUser -Identity "megan.bowen@contoso.onmicrosoft.com" | Select-Object UserPrincipalName, ApplicationAccessPolicy
