# The TeamsEmergencyCallingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy -NotificationGroup "alert@contoso.onmicrosoft.com" -NotificationMode NotificationOnly -Description "created by the golden" | Format-List Identity, Description, NotificationGroup, NotificationMode
Get-CsTeamsEmergencyCallingPolicy -Identity "Tag:SecurityDeskPolicy" | Format-List Identity, NotificationGroup, NotificationMode
Set-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy -NotificationMode ConferenceUnMuted
Get-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy | Format-List Identity, NotificationGroup, NotificationMode
(Get-CsTeamsEmergencyCallingPolicy).Identity
Get-CsTeamsEmergencyCallingPolicy -Filter "*Secu*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsEmergencyCallingPolicy -Identity $megan -PolicyName SecurityDeskPolicy
(Get-CsOnlineUser -Identity $megan).TeamsEmergencyCallingPolicy
Get-CsOnlineUser -Filter "TeamsEmergencyCallingPolicy -eq 'SecurityDeskPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsEmergencyCallingPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsEmergencyCallingPolicy -Group "Webinar Hosts" -PolicyName SecurityDeskPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsEmergencyCallingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsEmergencyCallingPolicy -Global -PolicyName SecurityDeskPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsEmergencyCallingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy -NotificationMode Loud
Grant-CsTeamsEmergencyCallingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsEmergencyCallingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsEmergencyCallingPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsEmergencyCallingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsEmergencyCallingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsEmergencyCallingPolicy)]"
Remove-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy
(Get-CsTeamsEmergencyCallingPolicy).Identity
Get-CsTeamsEmergencyCallingPolicy -Identity SecurityDeskPolicy
