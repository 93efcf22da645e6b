# Export-Clixml / Import-Clixml, and Select-Object's $null records.
# ==== clixml-types
[pscustomobject]@{a = 1; b = 'x'; c = $null; d = $true; e = 1.5; f = [long]5; g = @(1, 'y'); h = @{k = 1}; i = [datetime]'2024-01-02T03:04:05'; j = [guid]::Empty; n = [pscustomobject]@{z = 1}} | Export-Clixml c.xml
Get-Content c.xml -Raw
# ==== clixml-scalars
'a&<b>', 5, [byte]1, 2.5d | Export-Clixml d.xml; Get-Content d.xml -Raw
# ==== clixml-import-list
[pscustomobject]@{a = 1; b = 'x'; g = @(1, 'y'); h = @{k = 1}; n = [pscustomobject]@{z = 1}} | Export-Clixml c.xml
Import-Clixml c.xml | Format-List
# ==== clixml-import-types
[pscustomobject]@{a = 1; f = [long]5; e = 1.5; m = 2.5d} | Export-Clixml c.xml
$o = Import-Clixml c.xml; $o.GetType().FullName; $o.a.GetType().Name; $o.f.GetType().Name; $o.e.GetType().Name; $o.m.GetType().Name
# ==== clixml-import-missing
Import-Clixml nope.xml
# ==== select-null-index
1, $null, 2, 3 | Select-Object -Index 1; 1, $null, 2, 3 | Select-Object -Skip 1 -First 1
