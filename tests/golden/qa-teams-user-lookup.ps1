# Users by object id, UPN, SIP address, alias (Get-CsOnlineUser takes "GUID, SIP address, UPN,
# Alias" since module 3.0) or unique display name; -AccountType other than User finds nobody
# offline; an alias two users share is ambiguous.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Bot | Out-Null
Get-CsOnlineUser -Identity lee.gu | Format-Table Alias, UserPrincipalName
# The alias is the user's mailNickname when the store keeps one.
Get-CsOnlineUser -Identity JOHN | Format-Table Alias, UserPrincipalName
Grant-CsApplicationAccessPolicy -PolicyName Bot -Identity lee.gu
Grant-CsApplicationAccessPolicy -PolicyName Bot -Identity john
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'Bot'" | Format-Table Alias, ApplicationAccessPolicy
# Two users with the alias "sam": neither wins, and the error names both.
Grant-CsApplicationAccessPolicy -PolicyName Bot -Identity sam
Get-CsOnlineUser -Identity sam
Get-CsOnlineUser -Identity sam@fabrikam.com | Format-Table Alias, DisplayName
"users of type User: $((Get-CsOnlineUser -AccountType User | Measure-Object).Count)"
"resource accounts: $((Get-CsOnlineUser -AccountType ResourceAccount | Measure-Object).Count)"
"guests: $((Get-CsOnlineUser -AccountType Guest | Measure-Object).Count)"
