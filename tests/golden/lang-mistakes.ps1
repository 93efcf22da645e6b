# usage.md §4: mistakes admins make, failing as pwsh fails. (A pasted <APP_ID> and a backtick
# followed by a space have their own goldens: parse-app-id-placeholder, parse-backtick-space.)
Connect-MicrosoftTeams | Out-Null

# P12: unquoted GUIDs after '=' are a command lookup; the variable is not assigned.
$ids = d4c2e8f1-1234-4abc-9def-0123456789ab
"ids: [$ids]"
# In argument mode the same text is a string.
New-CsApplicationAccessPolicy -Identity Mistakes -AppIds d4c2e8f1-1234-4abc-9def-0123456789ab | Format-List Identity, AppIds

# P10: the Exchange cmdlet name instead of the Teams one.
New-ApplicationAccessPolicy -AppId "d4c2e8f1-1234-4abc-9def-0123456789ab" -PolicyScopeGroupId "x" -AccessRight RestrictAccess

# P11: properties that do not exist are $null (no error without strict mode).
$p = Get-CsApplicationAccessPolicy -Identity Mistakes
"AllowedAadAppIds: [$($p.AllowedAadAppIds)]"
$grant = Grant-CsApplicationAccessPolicy -PolicyName Mistakes -Identity "lee.gu@contoso.onmicrosoft.com"
"grant output: [$grant] PolicyName: [$($grant.PolicyName)]"
# ... but -ExpandProperty of a missing property is an error for each input object.
Get-CsApplicationAccessPolicy | Select-Object -ExpandProperty GrantedToGroup

# P5: Set replaces the list when given a plain value.
Set-CsApplicationAccessPolicy -Identity Mistakes -AppIds "5817674c-81d9-4adb-bfb2-8f6a442e4622"
(Get-CsApplicationAccessPolicy -Identity Mistakes).AppIds

# Typing $null.Method(), indexing $null, or calling a string method that does not exist.
$missing = Get-CsApplicationAccessPolicy -Identity Nope -ErrorAction SilentlyContinue
$missing.AppIds.Contains("x")
"Tag:Mistakes".TrimPrefix("Tag:")
