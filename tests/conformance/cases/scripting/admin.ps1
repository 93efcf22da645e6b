# Patterns from admin scripts: loops over data, accumulation, error handling, reporting.
# ==== accumulate-results
$results = @()
foreach ($u in 'a', 'b', 'c') { $results += [pscustomobject]@{User = $u; Ok = $u -ne 'b'} }
$results | Where-Object { -not $_.Ok } | ForEach-Object User
$results.Count
# ==== list-accumulate
$list = [System.Collections.Generic.List[string]]::new()
foreach ($i in 1..3) { $list.Add("item$i") }
$list -join ','
# ==== hashtable-count-by
$counts = @{}
foreach ($w in 'a', 'b', 'a', 'c', 'a') { $counts[$w]++ }
$counts.a; $counts.c
# ==== try-per-item
foreach ($v in '1', 'x', '3') {
    try { [int]$v } catch { "bad: $v" }
}
# ==== continue-on-error-per-item
foreach ($p in 'a.txt', 'b.txt') {
    $c = Get-Content $p -ErrorAction SilentlyContinue
    if (-not $?) { "missing $p"; continue }
    $c
}
# ==== erroraction-stop-in-loop
$ErrorActionPreference = 'Stop'
foreach ($p in 'a.txt', 'b.txt') {
    try { Get-Content $p } catch { "failed: $($_.Exception.Message)" }
}
# ==== exception-message-path
try { Get-Item ./nope.txt -ErrorAction Stop } catch { $_.Exception.Message -replace [regex]::Escape($PWD.Path), '<cwd>' }
# ==== exception-type-name
try { Get-Item ./nope.txt -ErrorAction Stop } catch { $_.Exception.GetType().FullName }
# ==== throw-custom-exception-catch-type
try { throw [System.ArgumentOutOfRangeException]::new('n', 'too big') } catch [System.ArgumentException] { 'base caught'; $_.Exception.ParamName }
# ==== error-details-message
try { throw 'base' } catch { $_.ErrorDetails -eq $null; $_.Exception.Message }
# ==== write-progress-silent
Write-Progress -Activity 'x' -Status 'y' -PercentComplete 50; 'after progress'
# ==== param-validation-in-script-function
function Set-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][ValidateNotNullOrEmpty()][string]$Name, [ValidateRange(1, 5)][int]$Level = 1)
    if ($PSCmdlet.ShouldProcess($Name)) { "set $Name $Level" }
}
Set-Thing -Name a -Level 3
Set-Thing -Name b -Level 9
Set-Thing -Name c -WhatIf
# ==== csv-driven-loop
@'
Upn,Policy
u1@contoso.com,P1
u2@contoso.com,
'@ | Set-Content in.csv
foreach ($row in Import-Csv in.csv) {
    if ([string]::IsNullOrWhiteSpace($row.Policy)) { "skip $($row.Upn)"; continue }
    "grant $($row.Policy) to $($row.Upn)"
}
# ==== text-file-loop
'user1', '', '# comment', 'user2' | Set-Content users.txt
Get-Content users.txt | Where-Object { $_ -and $_ -notmatch '^#' } | ForEach-Object { "user: $_" }
# ==== report-formatting
$rows = 1..3 | ForEach-Object { [pscustomobject]@{Id = $_; Name = "n$_"; Ok = ($_ % 2 -eq 1)} }
$rows | Format-Table -AutoSize | Out-String -Width 80
# ==== summary-line
$ok = 3; $fail = 1; "Done: $ok succeeded, $fail failed ($([math]::Round(100 * $ok / ($ok + $fail), 1))%)"
# ==== string-builder-report
$sb = [System.Text.StringBuilder]::new()
foreach ($i in 1..3) { [void]$sb.AppendLine("line $i") }
$sb.ToString().TrimEnd()
# ==== retry-loop
$attempt = 0
do { $attempt++; $ok = $attempt -ge 3 } until ($ok -or $attempt -ge 5)
"attempts: $attempt"
# ==== switch-on-status
foreach ($s in 'Succeeded', 'Failed', 'Other') {
    switch ($s) { 'Succeeded' { 'green' } 'Failed' { 'red' } default { 'grey' } }
}
# ==== ordered-report-object
$r = [ordered]@{}; $r.Total = 5; $r.Failed = 0; [pscustomobject]$r
# ==== where-object-count-zero
$none = @(1, 2 | Where-Object { $_ -gt 5 }); $none.Count
# ==== null-check-patterns
$v = $null; if (-not $v) { 'empty' }; if ($null -eq $v) { 'null' }; if ([string]::IsNullOrEmpty($v)) { 'nullorempty' }
# ==== param-default-from-env
$env:POLICY_NAME_X = 'FromEnv'
function f($Name = $env:POLICY_NAME_X) { $Name }
f
# ==== test-guid-helper
function Test-Guid([string]$s) { $g = [guid]::Empty; [guid]::TryParse($s, [ref]$g) }
Test-Guid 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'; Test-Guid 'nope'
# ==== join-path-loop
foreach ($n in 'a', 'b') { Join-Path 'root' "$n.txt" }
# ==== measure-command-shape
$t = Measure-Command { 1 + 1 }; $t.GetType().Name
# ==== measure-command-type
(Measure-Command { 1 + 1 }).GetType().FullName; (Measure-Command -Expression { 'x' }) -is [timespan]
# ==== measure-command-list-shape
(Measure-Command { 'hi' } | Out-String) -replace '[0-9.E+-]+', 'N'
# ==== measure-command-current-scope
$x = 1; $null = Measure-Command { $x = 5; $y = 6 }; "$x $y"
# ==== measure-command-pipeline
$n = 0; 1..3 | Measure-Command { $n += $_ } | Out-Null; $n
# ==== measure-command-output-discarded
$r = Measure-Command { Write-Output 'x'; 'y' }; $r.GetType().Name
# ==== measure-command-sleep
(Measure-Command { Start-Sleep -Milliseconds 20 }).TotalMilliseconds -ge 20
# ==== measure-command-in-function
function t { Measure-Command { return 5 } | Out-Null; 'in t' }; t
# ==== measure-command-throw
Measure-Command { throw 'boom' }; 'after'
# ==== measure-command-seconds-format
$t = Measure-Command { $null = 1..10 }; '{0:N0} ms' -f [math]::Floor($t.TotalMilliseconds / 100000)
# ==== script-exit-code-from-failures
$failures = 2
if ($failures) { "failures: $failures"; exit 1 }
# ==== foreach-object-with-index
$i = 0; 'a', 'b' | ForEach-Object { "$i=$_"; $i++ }
# ==== hashtable-splat-build
$p = @{Path = 'x.txt'}; $p['Value'] = 'content'; Set-Content @p; Get-Content x.txt
# ==== where-object-multiple-conditions
$d = 1..10 | ForEach-Object { [pscustomobject]@{n = $_; even = $_ % 2 -eq 0} }
($d | Where-Object { $_.even -and $_.n -gt 5 }).n -join ','
# ==== nested-function-with-pipeline
function Get-Items { 1..3 }
function Add-One { process { $_ + 1 } }
Get-Items | Add-One
# ==== output-array-from-function-unrolled
function f { , @(1, 2, 3) }
(f).Count; (f | Measure-Object).Count
# ==== here-string-template
$name = 'P1'
$tpl = @"
Policy: $name
Apps:   $(2 + 1)
"@
$tpl
# ==== write-output-in-function-vs-host
function f { Write-Host 'host'; 'out' }
$r = f; "captured: $r"
# ==== get-content-foreach-count
1..5 | Set-Content n.txt; $sum = 0; Get-Content n.txt | ForEach-Object { $sum += [int]$_ }; $sum
# ==== global-error-action-in-function
function f { [CmdletBinding()] param() Get-Item ./nope.txt; 'continued' }
f -ErrorAction Stop
'after'
# ==== strictmode-uninitialized-in-string
Set-StrictMode -Version Latest
"value: $notDefined"
# ==== exit-in-try-finally
try { exit 5 } finally { 'finally runs' }
# ==== return-from-script
'before'
return
'after'
# ==== return-value-from-script
return 'returned value'
