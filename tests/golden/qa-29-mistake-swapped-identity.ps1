# P2: -Identity means the policy on New/Get/Set/Remove but the user on Grant.
$PolicyName = "Swap-Policy"
$User = "nestor.wilke@contoso.onmicrosoft.com"
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "4d3c2b1a-0f9e-4d8c-b7a6-958473625140" | Out-Null

Grant-CsApplicationAccessPolicy -Identity $PolicyName -PolicyName $User
Grant-CsApplicationAccessPolicy -Identity $User $PolicyName
Grant-CsApplicationAccessPolicy $User -PolicyName $PolicyName -Global
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global:$true -Force
Get-CsApplicationAccessPolicy -PolicyName $PolicyName
Get-CsOnlineUser -Identity $User | Select-Object UserPrincipalName, ApplicationAccessPolicy
