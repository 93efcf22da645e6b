# usage.md D1, D2, D8, D9: progress lines, subexpressions and escapes, the output streams, -join.
Connect-MicrosoftTeams | Out-Null
$PolicyName = "Bot-Policy"
$upn = "megan.bowen@contoso.onmicrosoft.com"
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83", "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20" | Out-Null

# D1: Write-Host, coloured or not, with -NoNewline, -Separator and arrays.
Write-Host "Granting '$PolicyName' to $upn..." -ForegroundColor Cyan
Write-Host "Step 1 of 2: " -NoNewline
Write-Host "done" -ForegroundColor Green -BackgroundColor Black
Write-Host "a", "b", "c" -Separator " | "
Write-Host @(1, 2, 3)
Write-Host
Write-Host "x" 42 $true

# D2: subexpressions and escapes.
$p = Get-CsApplicationAccessPolicy -Identity $PolicyName
Write-Host "Policy $($p.Identity) has $($p.AppIds.Count) apps`n== Done =="
Write-Host "Tab`there, quote `"q`", dollar `$PolicyName"

# D9: -join for display.
Write-Host "Apps: $($p.AppIds -join ', ')"

# D8: Write-Output, Write-Warning, Write-Error, Write-Verbose.
Write-Output "Policy created: $PolicyName"
Write-Output 1, 2 -NoEnumerate | ForEach-Object { "items: $($_.Count)" }
Write-Warning "Changes can take up to 30 minutes to take effect."
Write-Error "Could not grant the policy to $upn"
Write-Error -Message "Bad input" -Category InvalidArgument -ErrorId "BadInput" -TargetObject $upn
Write-Verbose "not shown"
Write-Verbose "shown with -Verbose" -Verbose
$VerbosePreference = "Continue"
Write-Verbose "shown with the preference"
"after the errors"
