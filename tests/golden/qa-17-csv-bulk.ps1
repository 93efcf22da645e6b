# Bulk-assign the application access policy from a CSV
# CSV columns: UserPrincipalName, Name, Grant

$PolicyName = "Bulk-Policy"
$File = "$PSScriptRoot\qa-bulk-users.csv"
$Report = Join-Path $env:HOME "bulk-report.csv"

Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" | Out-Null

$users = Import-Csv $File
$results = @()
foreach ($user in $users) {
    $upn = $user.UserPrincipalName
    if ($user.Grant -ne "yes") {
        write-host "Skipping" $upn -ForegroundColor DarkGray
        continue
    }
    Grant-CsApplicationAccessPolicy -Identity $upn -PolicyName $PolicyName
    write-host "Policy granted to" $upn -ForegroundColor Green
    $results += [PSCustomObject]@{
        UPN    = $upn
        Name   = $user.Name
        Policy = (Get-CsOnlineUser -Identity $upn -ErrorAction SilentlyContinue).ApplicationAccessPolicy
    }
}
$results | Export-Csv -Path $Report -NoTypeInformation
Write-Host "Report written: $(Split-Path $Report -Leaf)"
Import-Csv $Report | Format-Table
Get-Content $Report
