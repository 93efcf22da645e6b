# Commands aapsh does not emulate fail loudly with PowerShell's "not recognized" error.
Connect-MicrosoftTeams | Out-Null
Get-CsTeamsCallParkPolicy
New-ApplicationAccessPolicy -AppId "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -PolicyScopeGroupId "x" -AccessRight RestrictAccess
Get-AzureADUser -ObjectId "megan.bowen@contoso.onmicrosoft.com"
Send-MailMessage -To "admin@contoso.com" -Subject "done"
# Unquoted GUIDs after = are a command lookup at run time (usage.md P3).
$appId = a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83
"appId is [$appId]"
