Set-StrictMode -Version Latest
Connect-MicrosoftTeams | Out-Null
$PolicyName = "Strict-Policy"
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b" | Out-Null
$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName
Write-Host "apps: $($policy.AppIds.Count)"
Write-Host "bad property: $($policy.AppId)"
Write-Host "after bad property"
Write-Host "undefined: $PolicyNme"
Write-Host "after undefined"
$users = @()
Write-Host "first of empty: $($users[0])"
function Get-Thing { param($Name) "thing $Name" }
Get-Thing -Name x
Get-Thing("a", "b")
