# The TeamsComplianceRecordingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy -Enabled $true -Description "created by the golden" | Format-List Identity, Description, Enabled, ComplianceRecordingApplications
Get-CsTeamsComplianceRecordingPolicy -Identity "Tag:ContosoPartnerComplianceRecordingPolicy" | Format-List Identity, Enabled, ComplianceRecordingApplications
Set-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy -WarnUserOnRemoval $false
Get-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy | Format-List Identity, Enabled, WarnUserOnRemoval
(Get-CsTeamsComplianceRecordingPolicy).Identity
Get-CsTeamsComplianceRecordingPolicy -Filter "*Cont*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsComplianceRecordingPolicy -Identity $megan -PolicyName ContosoPartnerComplianceRecordingPolicy
(Get-CsOnlineUser -Identity $megan).TeamsComplianceRecordingPolicy
Get-CsOnlineUser -Filter "TeamsComplianceRecordingPolicy -eq 'ContosoPartnerComplianceRecordingPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsComplianceRecordingPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsComplianceRecordingPolicy -Group "Webinar Hosts" -PolicyName ContosoPartnerComplianceRecordingPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsComplianceRecordingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsComplianceRecordingPolicy -Global -PolicyName ContosoPartnerComplianceRecordingPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsComplianceRecordingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy -Enabled yes
Grant-CsTeamsComplianceRecordingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsComplianceRecordingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsComplianceRecordingPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsComplianceRecordingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsComplianceRecordingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsComplianceRecordingPolicy)]"
Remove-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy
(Get-CsTeamsComplianceRecordingPolicy).Identity
Get-CsTeamsComplianceRecordingPolicy -Identity ContosoPartnerComplianceRecordingPolicy
