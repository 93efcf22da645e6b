# usage.md D3, D4, D5, D6, D10: Out-Null, piping users into Grant, filter then report,
# Select-Object property lists, ForEach-Object with Grant.
Connect-MicrosoftTeams | Out-Null

# D3: silence New and Connect.
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
$null = New-CsApplicationAccessPolicy -Identity "Recorder" -AppIds "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"
[void](Connect-MicrosoftTeams)

# D4: every user gets the policy.
Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName "Bot"

# D10: ForEach-Object with $_ and Grant.
$members = @(
    [PSCustomObject]@{ EmailAddress = "megan.bowen@contoso.onmicrosoft.com" }
    [PSCustomObject]@{ EmailAddress = "lee.gu@contoso.onmicrosoft.com" }
)
$members | ForEach-Object { Grant-CsApplicationAccessPolicy -PolicyName "Recorder" -Identity $_.EmailAddress }
$members | foreach { Write-Host "granted to $($_.EmailAddress)" }
$members | % EmailAddress

# D5: filter, then act or report. (Out-Default lays every Selected.* user object out with the
# columns of the first one, as pwsh does, so each report here is formatted on its own.)
Get-CsOnlineUser | Where-Object {$_.ApplicationAccessPolicy -eq "Recorder"} | Select-Object UserPrincipalName | Format-Table
Get-CsOnlineUser | Where-Object ApplicationAccessPolicy -eq "Bot" | Select-Object -First 2 -Property DisplayName | Format-Table
Get-CsOnlineUser | ? { $_.DisplayName -like "A*" } | select DisplayName, ApplicationAccessPolicy | Out-Host

# D6: Select-Object property lists, wildcards, calculated properties, -ExpandProperty.
Get-CsOnlineUser -Identity "lee.gu@contoso.onmicrosoft.com" | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy | Format-List
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object Identity, AppIds | Format-Table
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object Ident*, @{Name = "AppCount"; Expression = { $_.AppIds.Count }}, @{ L = "Upper"; E = { $_.Identity.ToUpper() } } | Format-Table
Get-CsApplicationAccessPolicy | Select-Object -ExpandProperty Identity
Get-CsOnlineUser | Select-Object -Last 2 -ExpandProperty DisplayName
Get-CsOnlineUser | Select-Object ApplicationAccessPolicy -Unique | Sort-Object ApplicationAccessPolicy | Format-Table
Get-CsOnlineUser | Select-Object -Skip 6 DisplayName | Format-Table
# The first object shapes the table: the second report's objects have no UserPrincipalName.
Get-CsOnlineUser -Identity "Lee Gu" | Select-Object UserPrincipalName
Get-CsOnlineUser -Identity "Lee Gu" | Select-Object DisplayName
"end"
