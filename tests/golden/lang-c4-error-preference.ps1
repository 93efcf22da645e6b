# usage.md §3 C4: $ErrorActionPreference = "Stop" at the top. Probes that say
# -ErrorAction SilentlyContinue still work; any other error ends the script.
$ErrorActionPreference = "Stop"
Connect-MicrosoftTeams | Out-Null

$p = Get-CsApplicationAccessPolicy -Identity "Missing" -ErrorAction SilentlyContinue
"probe: [$p]"
try {
    Get-CsApplicationAccessPolicy -Identity "Missing"
} catch {
    "caught: $($_.FullyQualifiedErrorId)"
}
Write-Host "before the uncaught error"
Grant-CsApplicationAccessPolicy -PolicyName "Missing" -Identity "megan.bowen@contoso.onmicrosoft.com"
Write-Host "not reached"
