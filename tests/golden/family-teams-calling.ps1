# The TeamsCallingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsCallingPolicy -Identity SalesCallingPolicy -AllowPrivateCalling $true -AllowVoicemail AlwaysEnabled -Description "created by the golden" | Format-List Identity, Description, AllowPrivateCalling, AllowVoicemail
Get-CsTeamsCallingPolicy -Identity "Tag:SalesCallingPolicy" | Format-List Identity, AllowPrivateCalling, AllowVoicemail
Set-CsTeamsCallingPolicy -Identity SalesCallingPolicy -AllowCallForwardingToPhone $false -BusyOnBusyEnabledType Enabled
Get-CsTeamsCallingPolicy -Identity SalesCallingPolicy | Format-List Identity, AllowCallForwardingToPhone, BusyOnBusyEnabledType
(Get-CsTeamsCallingPolicy).Identity
Get-CsTeamsCallingPolicy -Filter "*Sale*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsCallingPolicy -Identity $megan -PolicyName SalesCallingPolicy
(Get-CsOnlineUser -Identity $megan).TeamsCallingPolicy
Get-CsOnlineUser -Filter "TeamsCallingPolicy -eq 'SalesCallingPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsCallingPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsCallingPolicy -Group "Webinar Hosts" -PolicyName SalesCallingPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsCallingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsCallingPolicy -Global -PolicyName SalesCallingPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsCallingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsCallingPolicy -Identity SalesCallingPolicy -AllowVoicemail Sometimes
Grant-CsTeamsCallingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsCallingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsCallingPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsCallingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsCallingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsCallingPolicy)]"
Remove-CsTeamsCallingPolicy -Identity SalesCallingPolicy
(Get-CsTeamsCallingPolicy).Identity
Get-CsTeamsCallingPolicy -Identity SalesCallingPolicy
