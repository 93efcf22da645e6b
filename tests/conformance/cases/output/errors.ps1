# ConciseView (and NormalView) of every kind of error.
# ==== write-error-simple
Write-Error 'simple message'
# ==== write-error-in-function
function Invoke-Thing { Write-Error 'from function' }
Invoke-Thing
# ==== write-error-advanced-function
function Invoke-Thing { [CmdletBinding()] param() Write-Error 'from advanced' }
Invoke-Thing
# ==== write-error-category
Write-Error -Message 'bad input' -Category InvalidArgument
# ==== write-error-errorid
Write-Error -Message 'with id' -ErrorId 'My.Error' -Category ObjectNotFound -TargetObject 'obj'
# ==== write-error-exception
Write-Error -Exception ([System.InvalidOperationException]::new('from exception'))
# ==== write-error-long-message
Write-Error ('This is a long error message that will certainly need to be wrapped across several lines because it is much longer than eighty columns of text.')
# ==== write-error-multiline-message
Write-Error "first line`nsecond line"
# ==== write-error-empty
Write-Error ''
# ==== throw-string
throw 'thrown string'
# ==== throw-string-in-function
function f { throw 'thrown in f' }
f
# ==== throw-hashtable
throw @{a = 1}
# ==== throw-number
throw 42
# ==== throw-exception
throw [System.InvalidOperationException]::new('invalid op')
# ==== throw-exception-inner
throw [System.Exception]::new('outer', [System.Exception]::new('inner'))
# ==== throw-errorrecord
$er = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('rec msg'), 'RecId', 'NotSpecified', $null)
throw $er
# ==== throw-long
throw ('x' * 150)
# ==== throw-indented-statement
if ($true) {
    if ($true) {
        throw 'deep'
    }
}
# ==== method-invocation
'abc'.Substring(10)
# ==== method-invocation-static
[int]::Parse('nope')
# ==== method-not-found
'abc'.NoSuchMethod()
# ==== method-wrong-arg-count
'abc'.Substring(1, 2, 3)
# ==== method-on-null
$null.ToString()
# ==== property-set-readonly
'abc'.Length = 5
# ==== property-not-found-set
$o = [pscustomobject]@{a = 1}; $o.nope = 2
# ==== division-by-zero
1 / 0
# ==== division-by-zero-variable
$z = 0
$r = 10 / $z
# ==== conversion-error
[int]'abc'
# ==== conversion-error-assignment
[int]$x = 'nope'
# ==== index-into-null
$n = $null; $n[0]
# ==== cmdlet-not-found
Get-DoesNotExist
# ==== cmdlet-not-found-in-pipeline
1 | Get-DoesNotExist
# ==== path-not-found
Get-Item ./missing.txt
# ==== path-not-found-stop
Get-Item ./missing.txt -ErrorAction Stop
'not reached'
# ==== binding-unknown-parameter
Get-Item -Bogus x
# ==== binding-missing-argument
Get-Content -Path
# ==== binding-bad-value
Get-Content f.txt -TotalCount abc
# ==== binding-ambiguous
Get-ChildItem -F x
# ==== binding-positional
Write-Host -NoNewline 1 2 3 -Separator ',' ; Write-Host ''
Set-Content a b c d
# ==== binding-validateset
Get-Content f.txt -Encoding nonsense
# ==== binding-pipeline-input
'x' | Get-Date
# ==== binding-mandatory-noninteractive
New-Item -ItemType File
# ==== parse-error-missing-brace
function f {
    'x'
# ==== parse-error-unexpected-token
$a = 1 2
# ==== parse-error-runs-nothing
'first'
$b = (1 +)
# ==== normalview-write-error
$ErrorView = 'NormalView'
Write-Error 'normal write-error'
# ==== normalview-throw
$ErrorView = 'NormalView'
throw 'normal throw'
# ==== normalview-method
$ErrorView = 'NormalView'
'abc'.Substring(10)
# ==== normalview-cmdlet-not-found
$ErrorView = 'NormalView'
Get-DoesNotExist
# ==== normalview-path
$ErrorView = 'NormalView'
Get-Variable -Name nosuchvariable
# ==== normalview-binding
$ErrorView = 'NormalView'
Get-Item -Bogus x
# ==== normalview-division
$ErrorView = 'NormalView'
1 / 0
# ==== normalview-function
$ErrorView = 'NormalView'
function f { Write-Error 'in f' }
f
# ==== normalview-category
$ErrorView = 'NormalView'
Write-Error -Message 'cat' -Category PermissionDenied -ErrorId 'X.Y' -TargetObject 't'
# ==== normalview-long
$ErrorView = 'NormalView'
Write-Error ('word ' * 40)
# ==== categoryview
$ErrorView = 'CategoryView'
Get-Variable -Name nosuchvariable
# ==== error-then-output-order
'one'
Write-Error 'two'
'three'
# ==== warning-output
Write-Warning 'warn message'
# ==== warning-long
Write-Warning ('w' * 100)
# ==== verbose-output
Write-Verbose 'verbose message' -Verbose
# ==== debug-output
Write-Debug 'debug message' -Debug
# ==== information-output
Write-Information 'info message' -InformationAction Continue
# ==== error-in-scriptblock
& { Write-Error 'in block' }
# ==== error-in-foreach-object
1 | ForEach-Object { Write-Error "item $_" }
# ==== error-in-where-object
1 | Where-Object { $_.Foo() }
# ==== nested-function-error-position
function outer { inner }
function inner { [int]'x' }
outer
# ==== error-second-line-of-pipeline
1, 2 |
    ForEach-Object { 1 / 0 }
# ==== error-with-unicode
Write-Error 'Fehler: Größe ungültig'
# ==== error-message-with-braces
Write-Error 'value {0} and {1}'
# ==== terminating-stops-script
$ErrorActionPreference = 'Stop'
Get-Item ./missing.txt
'not reached'
# ==== nonterminating-continues
Get-Item ./missing.txt
'reached'
# ==== throw-in-catch
try { throw 'a' } catch { throw "rethrown: $_" }
# ==== error-in-finally
try { 'body' } finally { Write-Error 'in finally' }
# ==== exit-after-error
Write-Error 'e'
exit 2
# ==== error-from-static-conversion
[datetime]::Parse('not a date')
# ==== error-argument-exception
[System.IO.Path]::Combine($null, 'x')
# ==== runtime-exception-property-strict
Set-StrictMode -Version Latest
$x = [pscustomobject]@{}; $x.missing
# ==== error-write-error-targetobject-display
Write-Error -Message 'msg' -TargetObject ([pscustomobject]@{a = 1})
# ==== error-record-output-as-object
$e = try { throw 'x' } catch { $_ }; $e
# ==== error-record-format-list
try { throw 'fl' } catch { $_ | Format-List * -Force | Out-String -Width 80 | Out-Null; 'formatted' }
# ==== error-action-continue-cmdlet
Get-Item ./a.txt, ./b.txt
# ==== concise-long-command-line
Get-Item ./this/is/a/very/long/path/that/goes/on/and/on/and/on/and/on/missing.txt -ErrorAction Continue
# ==== concise-column-position
$x = 1; $y = 2; $z = $x / 0
# ==== error-from-operator-in-pipeline
1..2 | ForEach-Object { $_ / 0 }
