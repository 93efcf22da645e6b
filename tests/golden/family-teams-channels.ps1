# The TeamsChannelsPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsChannelsPolicy -Identity StudentChannels -AllowPrivateChannelCreation $false -Description "created by the golden" | Format-List Identity, Description, AllowPrivateChannelCreation
Get-CsTeamsChannelsPolicy -Identity "Tag:StudentChannels" | Format-List Identity, AllowPrivateChannelCreation
Set-CsTeamsChannelsPolicy -Identity StudentChannels -AllowSharedChannelCreation $false
Get-CsTeamsChannelsPolicy -Identity StudentChannels | Format-List Identity, AllowPrivateChannelCreation, AllowSharedChannelCreation
(Get-CsTeamsChannelsPolicy).Identity
Get-CsTeamsChannelsPolicy -Filter "*Stud*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsChannelsPolicy -Identity $megan -PolicyName StudentChannels
(Get-CsOnlineUser -Identity $megan).TeamsChannelsPolicy
Get-CsOnlineUser -Filter "TeamsChannelsPolicy -eq 'StudentChannels'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsChannelsPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsChannelsPolicy -Group "Webinar Hosts" -PolicyName StudentChannels -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsChannelsPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsChannelsPolicy -Global -PolicyName StudentChannels
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsChannelsPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsChannelsPolicy -Identity StudentChannels -AllowPrivateChannelCreation 2x
Grant-CsTeamsChannelsPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsChannelsPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsChannelsPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsChannelsPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsChannelsPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsChannelsPolicy)]"
Remove-CsTeamsChannelsPolicy -Identity StudentChannels
(Get-CsTeamsChannelsPolicy).Identity
Get-CsTeamsChannelsPolicy -Identity StudentChannels
