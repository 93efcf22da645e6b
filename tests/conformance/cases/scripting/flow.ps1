# Control flow: switch, loops, labels, trap, try/catch/finally, throw, exit.
# ==== switch-basic
switch (3) { 1 { 'one' } 3 { 'three' } default { 'other' } }
# ==== switch-default
switch ('z') { 'a' { 'A' } default { 'none' } }
# ==== switch-multiple-match
switch (5) { { $_ -gt 1 } { 'gt1' } { $_ -gt 3 } { 'gt3' } 5 { 'five' } }
# ==== switch-break
switch (5) { { $_ -gt 1 } { 'gt1'; break } 5 { 'five' } }
# ==== switch-array
switch (1, 2, 3) { 2 { 'two' } default { "d$_" } }
# ==== switch-array-continue
switch (1, 2, 3) { 2 { 'skip'; continue } { $true } { "all $_" } }
# ==== switch-array-break
switch (1, 2, 3) { 2 { 'stop'; break } default { "v$_" } }
# ==== switch-wildcard
switch -Wildcard ('report.csv') { '*.txt' { 'text' } '*.csv' { 'csv' } 'rep*' { 'rep' } }
# ==== switch-regex
switch -Regex ('abc123') { '^\d' { 'digit first' } '\d$' { 'digit last' } '[a-z]+' { "letters $($Matches[0])" } }
# ==== switch-case-sensitive
switch -CaseSensitive ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }
switch ('ABC') { 'abc' { 'insensitive' } }
# ==== switch-exact
switch -Exact ('a*') { 'a*' { 'exact' } }
# ==== switch-file
Set-Content -Path data.txt -Value 'alpha', 'beta', 'gamma'
switch -File data.txt { 'beta' { 'found beta' } default { "line $_" } }
# ==== switch-file-missing
switch -File nofile.txt { default { $_ } }
'after'
# ==== switch-null
switch ($null) { $null { 'null' } default { 'not' } }
# ==== switch-empty-array
switch (@()) { default { 'never' } }
'done'
# ==== switch-number-string
switch ('1') { 1 { 'int matches string' } }
switch (1) { '1' { 'string matches int' } }
# ==== switch-scriptblock-value
switch (10) { { $_ % 2 -eq 0 } { 'even' } }
# ==== switch-returns-value
$r = switch (2) { 1 { 'a' } 2 { 'b' } }; $r
# ==== switch-hashtable-input
switch (@{a = 1}) { default { $_.GetType().Name } }
# ==== foreach-loop
foreach ($i in 1..3) { $i * 2 }
# ==== foreach-null
foreach ($i in $null) { 'ran' }
'done'
# ==== foreach-scalar
foreach ($i in 5) { "v=$i" }
# ==== foreach-break-continue
foreach ($i in 1..6) { if ($i -eq 2) { continue }; if ($i -eq 5) { break }; $i }
# ==== for-loop
for ($i = 0; $i -lt 3; $i++) { "i=$i" }
# ==== for-multiple
for ($i = 0, $j = 10; $i -lt 3; $i++, $j--) { "$i $j" }
# ==== while-loop
$n = 0; while ($n -lt 3) { $n++; "n=$n" }
# ==== do-while
$n = 0; do { $n++ } while ($n -lt 5); $n
# ==== do-until
$n = 0; do { $n++ } until ($n -ge 3); $n
# ==== labelled-break
:outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { break outer }; "$i-$j" } }
# ==== labelled-continue
:outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; "$i-$j" } }
# ==== break-outside-loop
function f { break }
f
'not reached'
# ==== break-in-foreach-object
1..5 | ForEach-Object { if ($_ -eq 3) { break }; $_ }
'after'
# ==== continue-in-foreach-object
1..3 | ForEach-Object { if ($_ -eq 2) { continue }; $_ }
'after'
# ==== return-in-foreach-object
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
# ==== try-catch
try { throw 'boom' } catch { "caught: $_" }
# ==== try-catch-typed
try { [int]::Parse('x') } catch [System.FormatException] { 'format' } catch { 'other' }
# ==== try-catch-typed-order
try { 1 / 0 } catch [System.DivideByZeroException] { 'dbz' } catch [System.ArithmeticException] { 'arith' }
# ==== try-catch-runtime-exception
try { $null.Foo() } catch { $_.Exception.GetType().Name; $_.FullyQualifiedErrorId }
# ==== try-catch-method-invocation
try { 'abc'.Substring(10) } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }
# ==== try-catch-multiple-types
try { throw [System.IO.FileNotFoundException]::new('nf') } catch [System.IO.IOException], [System.UnauthorizedAccessException] { "io: $($_.Exception.Message)" }
# ==== try-finally
try { 'body' } finally { 'finally' }
# ==== try-catch-finally-order
try { 'a'; throw 'x'; 'b' } catch { 'c' } finally { 'd' }
# ==== finally-after-uncaught
try { throw 'uncaught' } finally { 'cleanup' }
'not reached'
# ==== nested-try-rethrow
try { try { throw 'inner' } catch { 'inner catch'; throw } } catch { "outer: $_" }
# ==== catch-nonterminating
try { Write-Error 'nonterm'; 'continued' } catch { 'caught' }
# ==== catch-erroraction-stop
try { Write-Error 'now terminating' -ErrorAction Stop; 'no' } catch { "caught: $_" }
# ==== catch-cmdlet-error-stop
try { Get-Item nofile.txt -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.FullyQualifiedErrorId }
# ==== erroractionpreference-stop
$ErrorActionPreference = 'Stop'
try { Get-Item nofile.txt; 'no' } catch { 'caught' }
# ==== erroractionpreference-stop-uncaught
$ErrorActionPreference = 'Stop'
Write-Error 'fatal now'
'not reached'
# ==== throw-string
throw 'plain message'
# ==== throw-object
throw @{code = 42}
# ==== throw-exception
throw [System.ArgumentException]::new('bad arg', 'p')
# ==== throw-empty
throw
# ==== throw-errorrecord-props
try { throw 'm' } catch { $_.GetType().Name; $_.Exception.GetType().Name; $_.CategoryInfo.Category; $_.FullyQualifiedErrorId; $_.TargetObject }
# ==== throw-object-targetobject
try { throw 42 } catch { $_.TargetObject; $_.Exception.Message }
# ==== throw-in-function-line
function f { throw 'from f' }
f
# ==== trap-continue
trap { "trapped: $_"; continue }
'before'; throw 'x'; 'after'
# ==== trap-break
trap { "trapped: $_"; break }
'before'; throw 'x'; 'after'
# ==== trap-default
trap { "trapped: $_" }
'before'; throw 'x'; 'after'
# ==== trap-typed
trap [System.DivideByZeroException] { 'dbz trap'; continue }
$z = 0; 1 / $z; 'end'
# ==== trap-in-function
function f { trap { 'f trap'; continue }; throw 'e'; 'f after' }
f; 'main after'
# ==== exit-code
'before'; exit 3
'after'
# ==== exit-no-code
exit
# ==== exit-string
exit 'x'
# ==== exit-in-function
function f { exit 4 }
f; 'not reached'
# ==== lastexitcode
& /bin/sh -c 'exit 7'; $LASTEXITCODE; $?
# ==== dollar-question
Write-Output 1; $?; Get-Item nofile.txt 2>$null; $?
# ==== dollar-question-after-throw-caught
try { throw 'x' } catch { }; $?
# ==== dollar-question-parens
(Get-Item nofile.txt -ErrorAction SilentlyContinue); $?
# ==== write-error-continue
Write-Error 'first'; 'second'
# ==== write-error-silently
Write-Error 'hidden' -ErrorAction SilentlyContinue; 'after'; $Error.Count
# ==== write-error-ignore
Write-Error 'hidden' -ErrorAction Ignore; $Error.Count
# ==== error-variable
Write-Error 'captured' -ErrorVariable ev -ErrorAction SilentlyContinue; $ev.Count; "$($ev[0])"
# ==== error-collection
Write-Error 'one' 2>$null; Write-Error 'two' 2>$null; $Error.Count; "$($Error[0])"
# ==== redirect-error-to-output
Write-Error 'to stdout' 2>&1 | ForEach-Object { "got: $_" }
# ==== redirect-all
& { Write-Output 'o'; Write-Warning 'w'; Write-Verbose 'v' -Verbose } *>&1 | ForEach-Object { "[$_]" }
# ==== warning-stream
Write-Warning 'careful'
# ==== information-stream
Write-Information 'info' -InformationAction Continue
Write-Information 'quiet'
# ==== write-host-stream
Write-Host 'to host'; 'to output'
# ==== invoke-expression
Invoke-Expression '1 + 2'; iex '"in iex"'
# ==== invoke-expression-parse-error
Invoke-Expression '1 +'
'after'
# ==== invoke-expression-scope
Invoke-Expression '$fromIex = 5'; $fromIex
# ==== data-section
$d = data { 'static'; 1 }; $d
# ==== data-section-convertfrom
$t = data { ConvertFrom-StringData -StringData 'a = 1
b = two' }; $t.b
# ==== data-section-invalid
$d = data { $x = 1 }
# ==== clean-block
function f { process { 'process' } clean { Write-Host 'clean ran' } }
f
# ==== clean-block-after-error
function f { process { throw 'p' } clean { Write-Host 'clean anyway' } }
try { f } catch { 'caught' }
# ==== myinvocation
function f { $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName }
f
# ==== myinvocation-script
$MyInvocation.MyCommand.Name; Split-Path -Leaf $PSCommandPath; $MyInvocation.MyCommand.CommandType
# ==== psscriptroot
(Split-Path -Leaf $PSCommandPath); $PSScriptRoot -eq (Split-Path $PSCommandPath)
# ==== scope-script
$script:s = 1
function f { $script:s++ }
f; f; $s
# ==== scope-global
function f { $global:g = 'set' }
f; $g
# ==== scope-child-no-leak
function f { $local = 'x' }
f; $null -eq $local
# ==== scope-dot-source
function f { $leaked = 'yes' }
. f; $leaked
# ==== scope-scriptblock
$v = 1; & { $v = 2 }; $v; . { $v = 3 }; $v
# ==== scope-private
$private:p = 'priv'
function f { "f sees [$p]" }
f
# ==== scope-get-variable-scope
$x = 'script'
function f { $x = 'local'; (Get-Variable x -Scope 1).Value }
f
# ==== set-variable-scope
function f { Set-Variable -Name sv -Value 9 -Scope Script }
f; $sv
# ==== variable-undefined-strict
Set-StrictMode -Version Latest
$undefinedThing
'after'
# ==== strict-mode-function-call-parens
Set-StrictMode -Version Latest
function f($a, $b) { }
f(1, 2)
# ==== foreach-variable-after-loop
foreach ($item in 1..3) { }; $item
# ==== while-break-label
$i = 0
:w while ($true) { $i++; if ($i -gt 2) { break w } }
$i
