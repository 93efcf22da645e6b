# Reference solution of the lab bulk-csv (run from the lab's folder: the file is there).
New-CsApplicationAccessPolicy -Identity Onboarding -AppIds $BotApp | Out-Null
$failed = @()
$users = Import-Csv ./new-hires.csv
foreach ($u in $users) {
    try {
        Grant-CsApplicationAccessPolicy -PolicyName Onboarding -Identity $u.UserPrincipalName -ErrorAction Stop
    } catch {
        Write-Warning "Could not grant $($u.UserPrincipalName): $_"
        $failed += $u.UserPrincipalName
    }
}
"Failed: $($failed -join ', ')"
foreach ($u in $users) {
    Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $u.UserPrincipalName -ErrorAction SilentlyContinue
}
Remove-CsApplicationAccessPolicy -Identity Onboarding
