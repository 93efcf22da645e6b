<#
.SYNOPSIS
    Rollback: removes the meeting bot's application access policy.
.DESCRIPTION
    Unassigns the policy from every user that has it and from the tenant, then deletes it.
#>
param([string]$PolicyName = "Rollback-Policy")

Connect-MicrosoftTeams | Out-Null

# --- set-up that a previous deployment did -------------------------------------------
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "11111111-2222-4333-8444-555555555555" | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity "megan.bowen@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity "lee.gu@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
# ---------------------------------------------------------------------------------------

# Removing straight away fails while the policy is assigned
Remove-CsApplicationAccessPolicy -Identity $PolicyName

$assigned = Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq $PolicyName }
Write-Host "Unassigning from $(@($assigned).Count) user(s)"
foreach ($u in $assigned) {
    Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $u.UserPrincipalName
    Write-Host "  - $($u.DisplayName)"
}
Grant-CsApplicationAccessPolicy -PolicyName $null -Global

Remove-CsApplicationAccessPolicy $PolicyName
if (-not (Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue)) {
    Write-Host "Rollback complete: $PolicyName removed" -ForegroundColor Green
}
Get-CsApplicationAccessPolicy | Select-Object Identity, AppIds
