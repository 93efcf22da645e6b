# The TeamsMessagingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy -AllowGiphy $false -AllowMemes $false -Description "created by the golden" | Format-List Identity, Description, AllowGiphy, AllowMemes
Get-CsTeamsMessagingPolicy -Identity "Tag:StudentMessagingPolicy" | Format-List Identity, AllowGiphy, AllowMemes
Set-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy -GiphyRatingType Strict -AllowUserDeleteMessage $false
Get-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy | Format-List Identity, GiphyRatingType, AllowUserDeleteMessage
(Get-CsTeamsMessagingPolicy).Identity
Get-CsTeamsMessagingPolicy -Filter "*Stud*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsMessagingPolicy -Identity $megan -PolicyName StudentMessagingPolicy
(Get-CsOnlineUser -Identity $megan).TeamsMessagingPolicy
Get-CsOnlineUser -Filter "TeamsMessagingPolicy -eq 'StudentMessagingPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsMessagingPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsMessagingPolicy -Group "Webinar Hosts" -PolicyName StudentMessagingPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsMessagingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsMessagingPolicy -Global -PolicyName StudentMessagingPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsMessagingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy -GiphyRatingType Rude
Grant-CsTeamsMessagingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsMessagingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsMessagingPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsMessagingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsMessagingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsMessagingPolicy)]"
Remove-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy
(Get-CsTeamsMessagingPolicy).Identity
Get-CsTeamsMessagingPolicy -Identity StudentMessagingPolicy
