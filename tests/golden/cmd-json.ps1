# ConvertTo-Json and ConvertFrom-Json as pwsh 7.4 writes and reads them.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -Description "Bot `"quoted`" \ path" | Out-Null

[ordered]@{ Name = "Bot"; Count = 2; Ratio = 0.5; Whole = 3.0; On = $true; Off = $false; Nothing = $null; Apps = @("a", "b"); Empty = @(); Inner = @{} } | ConvertTo-Json
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object Identity, AppIds, Description | ConvertTo-Json
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object Identity, AppIds | ConvertTo-Json -Compress
1, "two", $null | ConvertTo-Json
ConvertTo-Json -InputObject @(1) -Compress
"line1`nline2`ttab <b> & 'q'" | ConvertTo-Json
"é <b>" | ConvertTo-Json -EscapeHandling EscapeHtml
@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json
@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json -Depth 5 -Compress
[PSCustomObject]@{ Level1 = [PSCustomObject]@{ Level2 = [PSCustomObject]@{ Level3 = "deep" } } } | ConvertTo-Json -Depth 1
Get-Date | ConvertTo-Json
[guid]"a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | ConvertTo-Json

$json = '{ "policyName": "Bot", "appIds": ["a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"], "users": [ { "upn": "megan.bowen@contoso.onmicrosoft.com", "grant": true }, { "upn": "lee.gu@contoso.onmicrosoft.com", "grant": false } ], "created": "2026-11-26T09:00:00Z", "count": 2 }'
$config = $json | ConvertFrom-Json
$config.policyName
$config.appIds.Count
$config.users | Where-Object grant | ForEach-Object upn
$config.count.GetType().Name
$config.created.GetType().Name
$config.users[1]
$h = $json | ConvertFrom-Json -AsHashtable
$h["policyName"], $h.users[0].upn
'[1, 2, 3]' | ConvertFrom-Json | Measure-Object -Sum | Select-Object -ExpandProperty Sum
('[1, 2, 3]' | ConvertFrom-Json -NoEnumerate).Count
"{", '"a": 1', "}" | ConvertFrom-Json
'{"a":1,"A":2}' | ConvertFrom-Json
'{ not json' | ConvertFrom-Json
"still running"
