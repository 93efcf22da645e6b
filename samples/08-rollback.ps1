# Rollback: takes the bot's policy back from every user who has it, clears the tenant-wide
# grant, and removes the policy. The first part sets up what a previous rollout left behind.
Connect-MicrosoftTeams | Out-Null
$PolicyName = "Meeting-Bot-Policy"

# --- what the rollout left behind -------------------------------------------------------------
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
"megan.bowen@contoso.onmicrosoft.com", "lee.gu@contoso.onmicrosoft.com", "adele.vance@contoso.onmicrosoft.com" |
    ForEach-Object { Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $_ }
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global

# --- rollback ---------------------------------------------------------------------------------
Write-Host "Rolling back $PolicyName" -ForegroundColor Yellow

# A policy that is still granted cannot be removed.
Remove-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if (-not $?) {
    Write-Warning "Still granted: $($Error[0].Exception.Message)"
}

$assigned = @(Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq $PolicyName })
Write-Host "Unassigning $($assigned.Count) users"
$assigned | ForEach-Object -Begin { $n = 0 } -Process {
    Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $_.UserPrincipalName
    $n++
    Write-Host ("  [{0}/{1}] {2}" -f $n, $assigned.Count, $_.DisplayName)
} -End { Write-Host "  $n users unassigned" }

Write-Host "Clearing the tenant-wide grant"
Grant-CsApplicationAccessPolicy -PolicyName $null -Global

Write-Host "Removing the policy"
Remove-CsApplicationAccessPolicy -Identity $PolicyName

# Verify: the policy is gone and nobody has it.
$left = Get-CsApplicationAccessPolicy | Where-Object Identity -like "*$PolicyName*"
$stillAssigned = Get-CsOnlineUser | Where-Object ApplicationAccessPolicy -EQ $PolicyName | Measure-Object
if ($null -eq $left -and $stillAssigned.Count -eq 0) {
    Write-Host "Rollback complete." -ForegroundColor Green
}
else {
    Write-Error "Rollback incomplete: $($stillAssigned.Count) users still have $PolicyName"
    exit 1
}
Get-CsApplicationAccessPolicy | Select-Object Identity, @{ Name = 'Apps'; Expression = { $_.AppIds.Count } }
