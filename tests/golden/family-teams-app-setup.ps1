# The TeamsAppSetupPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup -AllowSideLoading $false -AllowUserPinning $true -Description "created by the golden" | Format-List Identity, Description, AllowSideLoading, AllowUserPinning
Get-CsTeamsAppSetupPolicy -Identity "Tag:FrontlineAppSetup" | Format-List Identity, AllowSideLoading, AllowUserPinning
Set-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup -AllowUserPinning $false
Get-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup | Format-List Identity, AllowUserPinning, PinnedAppBarApps
(Get-CsTeamsAppSetupPolicy).Identity
Get-CsTeamsAppSetupPolicy -Filter "*Fron*" | Select-Object -ExpandProperty Identity
Grant-CsTeamsAppSetupPolicy -Identity $megan -PolicyName FrontlineAppSetup
(Get-CsOnlineUser -Identity $megan).TeamsAppSetupPolicy
Get-CsOnlineUser -Filter "TeamsAppSetupPolicy -eq 'FrontlineAppSetup'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType TeamsAppSetupPolicy | Format-List PolicyType, PolicyName
Grant-CsTeamsAppSetupPolicy -Group "Webinar Hosts" -PolicyName FrontlineAppSetup -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsAppSetupPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsTeamsAppSetupPolicy -Global -PolicyName FrontlineAppSetup
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType TeamsAppSetupPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup -AllowSideLoading maybe
Grant-CsTeamsAppSetupPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsTeamsAppSetupPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsTeamsAppSetupPolicy -Identity $megan -PolicyName $null
Grant-CsTeamsAppSetupPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsTeamsAppSetupPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).TeamsAppSetupPolicy)]"
Remove-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup
(Get-CsTeamsAppSetupPolicy).Identity
Get-CsTeamsAppSetupPolicy -Identity FrontlineAppSetup
