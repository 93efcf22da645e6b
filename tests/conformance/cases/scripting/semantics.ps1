# Scripting semantics: function scopes, [switch] values, $input, dot-sourcing, $private:,
# -Scope N, $? after catch, Write-Error views, redirection files, .NET argument exceptions.
# ==== nested-function-restores-outer
function inner { 'outer one' }
function outer { function inner { 'nested one' }; inner }
outer; inner
# ==== switch-value-shows-table
function f([switch]$s) { $s }
f -s
# ==== switch-in-string-and-conditions
function f([switch]$s) { "[$s]"; if ($s) { 'yes' } else { 'no' }; -not $s; $s -eq $true; [bool]$s; $s.ToBool() }
f -s; f
# ==== switch-passed-on
function g([switch]$Force) { "g:$Force" }
function k([switch]$Force) { g -Force:$Force }
k -Force; k
# ==== switch-psboundparameters-type
function f([switch]$s) { $PSBoundParameters['s'].GetType().Name }
f -s
# ==== switch-cast
([switch]$true).GetType().FullName
# ==== switch-string-refused
function f([switch]$s) { $s.IsPresent }
f -s:'x'
# ==== switch-array-refused
function f([switch]$s) { $s.IsPresent }
f -s:@($true)
# ==== input-foreach-twice
function c { foreach ($i in $input) { "i=$i" }; foreach ($i in $input) { "j=$i" } }
1, 2 | c
# ==== input-in-string-then-empty
function k { "$input"; @($input).Count }
1, 2 | k
# ==== process-not-run-without-input
function e { begin { 'b' } process { 'p' } end { 'e' } }
@() | e
# ==== pipeline-value-unbindable
function g { [CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$Name) process { "n=$Name" } }
'x', 5 | g
# ==== dot-source-function-params
function f($a) { $leaked = "yes $a" }
. f 3; $leaked
# ==== call-operator-missing-variable
$n = 'No-Such'; & $n -x 1
# ==== dot-operator-missing
. 'No-Such'
# ==== private-hidden-from-block
function hh { $private:z = 'hz'; & { "inner [$z]" }; "hh [$z]" }
hh
# ==== private-assign-then-read
$private:q = 1; $q = 2; function g { "g [$q]" }; g; $q
# ==== set-variable-scope-1
function g { Set-Variable y 5 -Scope 1 }; g; $y
# ==== get-variable-scope-too-far
function f { Get-Variable x -Scope 9 }
f
# ==== get-variable-scope-too-far-record
function f { try { Get-Variable x -Scope 9 } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.ToString() } }
f
# ==== dollar-question-in-catch
try { throw 'x' } catch { $? }
# ==== dollar-question-after-catch-output
try { throw 'x' } catch { 'a' }; $?
# ==== dollar-question-after-finally
try { throw 'x' } catch { } finally { }; $?
# ==== write-error-in-block-variable
$sb = { Write-Error 'via var' }
& $sb
# ==== write-error-in-block-in-function
function f { & { Write-Error 'nested' } }
f
# ==== write-error-block-normalview
$ErrorView = 'NormalView'
& { Write-Error 'in block' }
# ==== write-error-stop-position
try { Write-Error 'top' -ErrorAction Stop } catch { $_.InvocationInfo.MyCommand.Name; $_.InvocationInfo.ScriptLineNumber }
# ==== write-error-line-number-zero
Write-Error 'plain' 2>$null
$Error[0].InvocationInfo.ScriptLineNumber
# ==== block-invocation-name
& { $MyInvocation.InvocationName }
# ==== redirect-cmdlet-output-to-file
Get-Item . > o.txt; (Get-Content o.txt).Count -gt 3
# ==== redirect-foreach-output-to-file
'a', 'b' | ForEach-Object { $_ } > o.txt; Get-Content o.txt
# ==== redirect-cmdlet-error-to-file
Get-Item ./nope 2> e.txt; (Get-Content e.txt).Count
# ==== redirect-block-error-to-file
& { Write-Error 'blk' } 2> e.txt; Get-Content e.txt
# ==== argument-exception-messages
$list = @(
 [System.ArgumentException]::new('bad arg', 'p'),
 [System.ArgumentException]::new('bad arg'),
 [System.ArgumentNullException]::new('p'),
 [System.ArgumentNullException]::new('p', 'msg'),
 [System.ArgumentOutOfRangeException]::new('n'),
 [System.ArgumentOutOfRangeException]::new('n', 'too big')
)
foreach ($e in $list) { "$($e.GetType().Name)|$($e.Message)|$($e.ParamName)|$e" }
# ==== list-assign-out-of-range
$l = [System.Collections.ArrayList]@(1); $l[3] = 2
# ==== generic-list-assign-out-of-range
$g = [System.Collections.Generic.List[int]]::new(); $g[0] = 1
# ==== array-assign-out-of-range-record
try { $a = @(1); $a[2] = 1 } catch { $_.Exception.GetType().FullName; $_.FullyQualifiedErrorId }
# ==== ordered-null-index
$o = [ordered]@{}; $o[$null]
# ==== null-index-record
try { $h = @{}; $h[$null] } catch { $_.FullyQualifiedErrorId }
# ==== ordered-int-keys-positional
$o = [ordered]@{1 = 'a'; 2 = 'b'}; $o[1]; $o[5]; $o[-3]
# ==== member-enumeration-null-values
@([pscustomobject]@{Foo = $null}, [pscustomobject]@{Foo = 1}).Foo.Count
@(@{Foo = $null}, @{Foo = 2}).Foo.Count
@('a', 'b').Foo.Count
@(@{Foo = 1}, @{Bar = 2}).Foo.Count
# ==== strict-count-on-scalars
Set-StrictMode -Version 2
$s = 'abc'; $s.Count
$o = [pscustomobject]@{a = 1}; $o.Count
# ==== strict-1-count-on-null
Set-StrictMode -Version 1
$n = $null; $n.Count
