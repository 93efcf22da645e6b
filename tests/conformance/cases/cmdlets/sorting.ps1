# Sort-Object's order (.NET's unstable sort, culture text order), -Unique in Select-Object and Get-Unique, Group-Object checks.
# ==== sort-ties-unstable
$o = 1..20 | ForEach-Object { [pscustomobject]@{ k = $_ % 3; i = $_ } }
($o | Sort-Object k | ForEach-Object { "$($_.k):$($_.i)" }) -join ' '
# ==== sort-ties-descending
$o = 1..20 | ForEach-Object { [pscustomobject]@{ k = $_ % 3; i = $_ } }
($o | Sort-Object k -Descending | ForEach-Object { "$($_.k):$($_.i)" }) -join ' '
# ==== sort-ties-stable
$o = 1..20 | ForEach-Object { [pscustomobject]@{ k = $_ % 3; i = $_ } }
($o | Sort-Object k -Stable | ForEach-Object { "$($_.k):$($_.i)" }) -join ' '
# ==== sort-two-keys-large
$p = 1..40 | ForEach-Object { [pscustomobject]@{ k = ($_ * 7) % 5; n = "n$($_ % 4)"; i = $_ } }
($p | Sort-Object n, k | ForEach-Object { "$($_.n)$($_.k):$($_.i)" }) -join ' '
# ==== sort-hashtable-keys-unique
$p = 1..40 | ForEach-Object { [pscustomobject]@{ k = ($_ * 7) % 5; n = "n$($_ % 4)"; i = $_ } }
($p | Sort-Object @{ Expression = 'k'; Descending = $true }, n -Unique | ForEach-Object { "$($_.n)$($_.k):$($_.i)" }) -join ' '
# ==== sort-many-numbers
(1..100 | ForEach-Object { ($_ * 37) % 11 } | Sort-Object) -join ','
# ==== sort-ascii-culture-order
((33..126 | ForEach-Object { [string][char]$_ }) | Sort-Object -CaseSensitive) -join ''
# ==== sort-words-culture
('Item10', 'item2', 'Item1', 'item 1', 'item-1', '_x', '1x', 'é', 'e', 'f', 'E' | Sort-Object) -join ' '
# ==== compare-strings-culture
'a' -clt 'A'; '_' -lt '1'; 'B' -cgt 'b'; [string]::Compare('item 1', 'item-1')
# ==== sort-custom-objects-no-property
[pscustomobject]@{a = 2}, [pscustomobject]@{a = 1} | Sort-Object | ForEach-Object a
# ==== select-unique-custom-objects
[pscustomobject]@{a = 1}, [pscustomobject]@{a = 2} | Select-Object -Unique | ForEach-Object a
# ==== select-unique-property
[pscustomobject]@{a = 1}, [pscustomobject]@{a = 2}, [pscustomobject]@{a = 1} | Select-Object a -Unique | ForEach-Object a
# ==== select-unique-numbers-strings
1, '1', 1.0 | Select-Object -Unique | ForEach-Object { $_.GetType().Name }
# ==== get-unique-hashtables
@{a = 1}, @{a = 2} | Get-Unique | ForEach-Object a
# ==== group-hashtable-two-properties
[pscustomobject]@{a = 1; b = 2} | Group-Object a, b -AsHashTable
# ==== group-two-properties-name
[pscustomobject]@{a = 1; b = 2}, [pscustomobject]@{a = 1; b = 3} | Group-Object a, b | ForEach-Object Name
# ==== group-mixed-types-order
3, 1, 'x', 1, 3 | Group-Object | ForEach-Object { "$($_.Name):$($_.Count)" }
