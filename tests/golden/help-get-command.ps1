# Get-Command: -Noun, -Verb, -Name wildcards, -Module, -Syntax, aliases, errors, objects.
Get-Command -Noun CsApplicationAccessPolicy
Get-Command -Verb Grant
Get-Command *-CsOnline*, Get-CsTenant
Get-Command -Module MicrosoftTeams -Verb Get
Get-Command Grant-CsApplicationAccessPolicy -Syntax
Get-Command gcm, help
Get-Command New-ApplicationAccessPolicy
(Get-Command Set-CsApplicationAccessPolicy).Definition
Get-Command -Noun CsApplicationAccessPolicy | Select-Object Name, Verb
(Get-Command -Noun *AccessPolicy).Count
function Test-Mine { param($Name) "hi $Name" }
Get-Command Test-Mine
Get-Command Test-Mine -Syntax
