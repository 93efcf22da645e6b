# Collections show at most $FormatEnumerationLimit (4) items, then an ellipsis.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Many" -AppIds "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333", "44444444-4444-4444-4444-444444444444", "55555555-5555-5555-5555-555555555555"
New-CsApplicationAccessPolicy -Identity "Three" -AppIds "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333" -Description "Three apps: the value wraps at the window width, as in pwsh."
$global:FormatEnumerationLimit = -1
Get-CsApplicationAccessPolicy -Identity "Many"
$global:FormatEnumerationLimit = 1
Get-CsApplicationAccessPolicy -Identity "Many"
