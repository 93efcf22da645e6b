# xMatters - verify who has the policy
$PolicyName = "xMatters-Meetings"
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f" | Out-Null
"megan.bowen@contoso.onmicrosoft.com", "lee.gu@contoso.onmicrosoft.com" | ForEach-Object {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $_
}

Write-Host "Users with $PolicyName (Where-Object):"
Get-CsOnlineUser | Where-Object {$_.ApplicationAccessPolicy -eq $PolicyName} | Select-Object UserPrincipalName

Write-Host "Users with $PolicyName (-Filter):"
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq '$PolicyName'" | Select-Object DisplayName, UserPrincipalName | Sort-Object DisplayName

$count = (Get-CsOnlineUser | Where-Object ApplicationAccessPolicy -eq $PolicyName | Measure-Object).Count
Write-Host "Total: $count"

Get-CsOnlineUser | Group-Object ApplicationAccessPolicy | Select-Object Name, Count | Sort-Object Count -Descending

Get-CsUserPolicyAssignment -Identity "lee.gu@contoso.onmicrosoft.com" -PolicyType ApplicationAccessPolicy |
    Where-Object { $_.PolicyName -eq $PolicyName } |
    ForEach-Object { Write-Host "lee.gu: $($_.PolicyName) via $($_.PolicySource)" }
