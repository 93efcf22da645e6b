# usage.md §3 E4: Set-StrictMode -Version Latest and its rules; each failure ends only its
# statement.
Set-StrictMode -Version Latest
Connect-MicrosoftTeams | Out-Null

$policy = Get-CsApplicationAccessPolicy -Identity Global
"Identity: $($policy.Identity)"
"Typo: $polciy"
$grant = Get-CsOnlineUser -Identity "megan.bowen@contoso.onmicrosoft.com"
$grant.PolicyName
$settings = @{ Retries = 3 }
$settings.Retry
$ids = @("a", "b")
$ids[2]
$ids.Count
"script still running"
Set-StrictMode -Off
"off: [$polciy]"
