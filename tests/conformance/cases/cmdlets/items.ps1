# File-system item cmdlets, aliases, Invoke-Command, Get-Culture, Test-Json and Format-Custom.
# ==== copy-item-recurse
New-Item -ItemType Directory d | Out-Null; Set-Content d/b.txt 'y'; New-Item -ItemType Directory d/sub | Out-Null; Set-Content d/sub/c.txt z
Copy-Item d d2; (Get-ChildItem d2 -Recurse -Name) -join ','
Copy-Item d d3 -Recurse; (Get-ChildItem d3 -Recurse -Name) -join ','
# ==== copy-item-into-folder
New-Item -ItemType Directory d | Out-Null; Set-Content a.txt 1; Set-Content b.txt 2
Copy-Item *.txt d -PassThru | ForEach-Object Name; (Get-ChildItem d -Name) -join ','
# ==== copy-item-missing
Copy-Item nope.txt x.txt
# ==== copy-item-onto-itself
Set-Content a.txt 1; Copy-Item a.txt a.txt
# ==== copy-item-whatif
Set-Content a.txt 1; Copy-Item a.txt b.txt -WhatIf; Test-Path b.txt
# ==== move-item-exists
Set-Content a.txt 1; Set-Content b.txt 2; Move-Item a.txt b.txt; Get-Content b.txt
# ==== move-item-force
Set-Content a.txt 1; Set-Content b.txt 2; Move-Item a.txt b.txt -Force; Get-Content b.txt; Test-Path a.txt
# ==== rename-item-path-error
Set-Content a.txt 1; New-Item -ItemType Directory d | Out-Null; Rename-Item a.txt d/q.txt
# ==== rename-item-exists
Set-Content a.txt 1; Set-Content b.txt 2; Rename-Item a.txt b.txt
# ==== rename-item-passthru
Set-Content a.txt 1; (Rename-Item a.txt q.txt -PassThru).Name
# ==== clear-content-directory
New-Item -ItemType Directory d | Out-Null; Clear-Content d
# ==== resolve-path-wildcard
Set-Content a.txt 1; Set-Content b.txt 2; Resolve-Path *.txt | ForEach-Object { Split-Path $_.Path -Leaf }
# ==== resolve-path-type
Set-Content a.txt 1; (Resolve-Path a.txt).GetType().FullName; (Resolve-Path a.txt).Path -eq "$PWD/a.txt"
# ==== resolve-path-missing
Resolve-Path nope.txt
# ==== resolve-path-relative-subfolder
New-Item -ItemType Directory d | Out-Null; Set-Content d/a.txt 1; Resolve-Path d/*.txt -Relative
# ==== convert-path-missing
Convert-Path nope
# ==== get-alias-definition
Get-Alias -Definition Get-ChildItem
# ==== get-alias-missing
Get-Alias nope
# ==== set-alias-passthru
Set-Alias gg Get-Date; Set-Alias gg Get-Item -PassThru | Format-List Name, Definition, CommandType, Options, ResolvedCommandName, DisplayName
# ==== new-alias-exists
New-Alias gg Get-Date; New-Alias gg Get-Item
# ==== set-alias-readonly
Set-Alias -Name ro -Value Get-Date -Option ReadOnly; Set-Alias ro Get-Item
# ==== set-alias-builtin-readonly
Set-Alias gci Get-Date
# ==== alias-to-missing-command
New-Alias -Name zz -Value NoSuch; zz
# ==== remove-alias
Set-Alias gg Get-Date; Remove-Alias gg; Get-Alias gg
# ==== invoke-command-args
Invoke-Command { $args.Count } -ArgumentList 1, 2, 3
# ==== invoke-command-scope
$v = 1; Invoke-Command { $v = 5 }; $v; Invoke-Command { $v = 5 } -NoNewScope; $v
# ==== invoke-command-input
1, 2 | Invoke-Command { $input | ForEach-Object { $_ * 10 } }
# ==== get-culture-table
Get-Culture
# ==== test-json-invalid
'{bad' | Test-Json
# ==== test-json-options
'{"a":1,}' | Test-Json -Options AllowTrailingCommas; '{"a":1 /* c */}' | Test-Json -Options IgnoreComments
# ==== test-json-schema
$s = '{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name"]}'
'{"name":"x","age":5}' | Test-Json -Schema $s
'{"age":"x"}' | Test-Json -Schema $s
# ==== test-json-bad-schema
'{"a":1}' | Test-Json -Schema '{bad'
# ==== format-custom-several
[pscustomobject]@{a = 1}, [pscustomobject]@{b = 2} | Format-Custom
# ==== format-custom-array-depth
[pscustomobject]@{a = 1, 2; s = 'x'; n = $null} | Format-Custom
[pscustomobject]@{a = [pscustomobject]@{b = [pscustomobject]@{c = 1}}} | Format-Custom -Depth 1
