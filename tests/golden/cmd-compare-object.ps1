# Compare-Object as idempotent setup scripts use it: what does the policy lack, what is extra?
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Bots -AppIds "ddb80e06-92f3-4978-bc22-a0eee85e6a9e", "ccb80e06-92f3-4978-bc22-a0eee85e6a9e" | Out-Null
$wanted = "ccb80e06-92f3-4978-bc22-a0eee85e6a9e", "bbb80e06-92f3-4978-bc22-a0eee85e6a9e"
$current = (Get-CsApplicationAccessPolicy -Identity Bots).AppIds
$drift = Compare-Object -ReferenceObject $wanted -DifferenceObject $current
$drift
$missing = $drift | Where-Object SideIndicator -eq '<=' | ForEach-Object InputObject
$extra = $drift | Where-Object SideIndicator -eq '=>' | ForEach-Object InputObject
Set-CsApplicationAccessPolicy -Identity Bots -AppIds @{ Add = $missing; Remove = $extra }
if (-not (Compare-Object $wanted (Get-CsApplicationAccessPolicy -Identity Bots).AppIds)) { "Bots now lists exactly the wanted apps" }

# The documented example: differences from both sides, then -IncludeEqual, -ExcludeDifferent,
# pipeline input, case, -Property and -PassThru.
$ref = "dog", "squirrel", "bird"
$dif = "cat", "bird", "racoon"
Compare-Object -ReferenceObject $ref -DifferenceObject $dif -IncludeEqual | Format-Table
Compare-Object $ref $dif -ExcludeDifferent | Format-Table
$dif | Compare-Object $ref | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object "Bot" "BOT" | Measure-Object | ForEach-Object Count
Compare-Object "Bot" "BOT" -CaseSensitive | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
$before = [PSCustomObject]@{ User = "megan"; Policy = "Bot" }, [PSCustomObject]@{ User = "alex"; Policy = "Bot" }
$after = [PSCustomObject]@{ User = "megan"; Policy = "Bot" }, [PSCustomObject]@{ User = "alex"; Policy = "" }
Compare-Object $before $after -Property User, Policy | Format-Table
Compare-Object $before $after -Property Policy -PassThru | Format-Table User, Policy, SideIndicator
Compare-Object $null "a"
