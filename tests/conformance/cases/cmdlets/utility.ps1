# Utility cmdlets scripts use: strings, objects, hashtables, aliases, misc.
# ==== new-object-pscustomobject
$o = New-Object -TypeName PSObject -Property @{a = 1}; $o.a
# ==== new-object-hashtable-type
$o = New-Object psobject; $o | Add-Member NoteProperty x 1; $o.x
# ==== get-alias
(Get-Alias ls).Definition; (Get-Alias %).Definition; (Get-Alias ?).Definition
# ==== set-alias
Set-Alias -Name greet -Value Write-Output; greet 'hi'
# ==== get-command-cmdlet
(Get-Command Get-ChildItem).CommandType; (Get-Command Where-Object).Name
# ==== get-command-missing
Get-Command Get-Nope
# ==== start-sleep-zero
Start-Sleep -Milliseconds 0; 'slept'
# ==== get-random-seeded
Get-Random -SetSeed 42 -Maximum 1000 | Out-Null; 'seeded ok'
# ==== get-random-count
(1..10 | Get-Random -Count 3 -SetSeed 1).Count
# ==== string-methods
'  Trim Me  '.Trim(); 'abc'.ToUpper(); 'a,b,c'.Split(','); 'Hello'.Replace('l', 'L'); 'abc'.StartsWith('A'); 'abc'.Contains('b')
# ==== string-methods-2
'abc'.PadLeft(5, '*'); 'abc'.PadRight(5) + '|'; 'a-b'.Split('-')[1]; 'Hello'.ToLower().IndexOf('l'); 'x'.Equals('X')
# ==== string-static
[string]::IsNullOrEmpty(''); [string]::IsNullOrWhiteSpace(' '); [string]::Join('-', 1, 2); [string]::Format('{0}!', 'hey'); [string]::Concat('a', 1)
# ==== string-split-options
'a,,b'.Split(',', [System.StringSplitOptions]::RemoveEmptyEntries)
# ==== string-format-method
'{0:D3}-{1}'.Replace('-', '_') -f 7, 'x'
# ==== string-comparison-method
'abc'.Equals('ABC', [System.StringComparison]::OrdinalIgnoreCase)
# ==== string-here-strings
$a = @'
literal $x
  indented
'@
$a
$x = 'X'
$b = @"
expand $x
"@
$b
# ==== string-escapes
"tab[`t] nl-next`n0x[`0]".Length; "back`u{263A}tick"; 'single ''quoted'''; "dq ""x"""
# ==== string-variable-braces
${my var} = 1; ${my var}; $a = 'x'; "${a}y"
# ==== string-member-in-expandable
$o = [pscustomobject]@{n = 'N'}; "$o.n"; "$($o.n)"
# ==== string-array-index-in-expandable
$a = 'x', 'y'; "$a[0]"; "$($a[0])"
# ==== string-env-var
$env:MY_TEST_VAR = 'set'; $env:MY_TEST_VAR; "$env:MY_TEST_VAR"; Test-Path env:MY_TEST_VAR
# ==== string-env-missing
$null -eq $env:SURELY_NOT_SET_VAR
# ==== hashtable-methods
$h = @{a = 1}; $h.Add('b', 2); $h.Remove('a'); $h.ContainsKey('b'); $h.ContainsValue(2); $h.Count
# ==== hashtable-add-duplicate
$h = @{a = 1}; $h.Add('a', 2)
# ==== hashtable-clone
$h = @{a = 1}; $c = $h.Clone(); $c.a = 2; $h.a
# ==== hashtable-keys-sorted
$h = @{c = 3; a = 1; b = 2}; ($h.Keys | Sort-Object) -join ','
# ==== stopwatch-type
$sw = [System.Diagnostics.Stopwatch]::StartNew(); $sw.GetType().Name; $sw.IsRunning
# ==== stringbuilder
$sb = [System.Text.StringBuilder]::new(); [void]$sb.AppendLine('a'); [void]$sb.AppendFormat('{0}-{1}', 1, 2); $sb.ToString()
# ==== encoding-bytes
[System.Text.Encoding]::UTF8.GetBytes('hé') -join ','; [System.Text.Encoding]::UTF8.GetString([byte[]](104, 105))
# ==== base64
[Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes('hello')); [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('aGk='))
# ==== base64-bad
[Convert]::FromBase64String('***')
# ==== path-combine
[System.IO.Path]::Combine('a', 'b', 'c.txt'); [System.IO.Path]::GetFileNameWithoutExtension('x/y/report.final.csv')
# ==== file-static-methods
[System.IO.File]::WriteAllText("$PWD/s.txt", "x`ny"); [System.IO.File]::ReadAllLines("$PWD/s.txt").Count; [System.IO.File]::Exists("$PWD/s.txt")
# ==== file-static-missing
[System.IO.File]::ReadAllText("$PWD/missing.txt")
# ==== set-location
New-Item -ItemType Directory d1 | Out-Null; Set-Location d1; Split-Path -Leaf (Get-Location).Path; Set-Location ..; Split-Path -Leaf $PWD
# ==== push-pop-location
New-Item -ItemType Directory d2 | Out-Null; Push-Location d2; Split-Path -Leaf $PWD; Pop-Location; Test-Path d2
# ==== set-location-missing
Set-Location nowhere
# ==== get-childitem-empty
Get-ChildItem; 'empty'
# ==== get-childitem-recurse
New-Item -ItemType Directory a/b -Force | Out-Null; Set-Content a/b/f.txt 1; Set-Content a/g.txt 2
Get-ChildItem -Recurse -File | ForEach-Object Name | Sort-Object
# ==== get-item-properties
Set-Content p.txt 'abc'; $i = Get-Item p.txt; $i.Name; $i.Extension; $i.Length; $i.BaseName; $i.PSIsContainer
# ==== clear-content
Set-Content cc.txt 'x'; Clear-Content cc.txt; (Get-Content cc.txt) -eq $null; (Get-Item cc.txt).Length
# ==== rename-item
Set-Content old.txt 1; Rename-Item old.txt new.txt; Test-Path old.txt; Test-Path new.txt
# ==== convert-path
Set-Content cp.txt 1; (Convert-Path cp.txt) -eq "$PWD/cp.txt"
# ==== read-host-noninteractive
$r = Read-Host 'Enter'
'after'
# ==== get-culture-name
(Get-Culture).Name -eq ''; [cultureinfo]::CurrentCulture.Name -eq ''
# ==== format-hex-like
'{0:x2}' -f 10; ('{0:x}' -f 255).PadLeft(4, '0')
# ==== sort-hashtable-by-value
$h = @{a = 3; b = 1; c = 2}; $h.GetEnumerator() | Sort-Object Value | ForEach-Object Key
# ==== select-string-raw
'a1', 'b2' | Select-String '\d' -Raw
# ==== convertto-html-fragment
[pscustomobject]@{a = 1} | ConvertTo-Html -Fragment
# ==== out-string-width
[pscustomobject]@{Text = 'x' * 50} | Format-Table | Out-String -Width 30
# ==== get-date-properties
$d = Get-Date -Year 2024 -Month 2 -Day 29 -Hour 0 -Minute 0 -Second 0 -Millisecond 0; $d.DayOfYear; $d.ToString('yyyy-MM-dd HH:mm:ss.fff')
# ==== get-date-adddays
(Get-Date '2024-12-31').AddDays(1).ToString('yyyy-MM-dd')
# ==== datetime-kind
([datetime]'2024-01-01').Kind; ([datetime]::SpecifyKind([datetime]'2024-01-01', 'Utc')).Kind
# ==== dotnet-math-static
[math]::Round(1234.5678, 2); [math]::Sign(-3); [math]::Log10(1000); [int][math]::Floor(7 / 2)
# ==== test-json
'{"a":1}' | Test-Json; '{bad' | Test-Json -ErrorAction SilentlyContinue
# ==== clixml-roundtrip
[pscustomobject]@{a = 1; b = 'x'} | Export-Clixml c.xml; $o = Import-Clixml c.xml; $o.a; $o.b
# ==== where-object-nothing
1..3 | Where-Object { $false }; 'none'
# ==== ellipsis-truncation-list
[pscustomobject]@{A = 'short'; B = 'x' * 200} | Format-Table -Property A, B
# ==== invoke-command-scriptblock
Invoke-Command -ScriptBlock { param($x) $x + 1 } -ArgumentList 1
# ==== foreach-object-parallel-ordered
1..3 | ForEach-Object -Parallel { $_ * 2 } -ThrottleLimit 1
