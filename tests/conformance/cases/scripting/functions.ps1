# Functions, parameter binding of script functions, pipeline functions.
# ==== positional
function f($a, $b) { "a=$a b=$b" }
f 1 2
# ==== named
function f($a, $b) { "a=$a b=$b" }
f -b 2 -a 1
# ==== named-colon
function f($a) { "a=$a" }
f -a:5
# ==== switch-param
function f([switch]$On) { $On.IsPresent; $On.GetType().Name }
f; f -On; f -On:$false
# ==== default-value
function f($x = 'def') { $x }
f; f 'given'
# ==== default-from-other-param
function f($a, $b = $a * 2) { $b }
f 4
# ==== args-variable
function f { $args.Count; $args[1] }
f x y z
# ==== args-with-named
function f($a) { "a=$a rest=$($args -join ',')" }
f 1 2 3
# ==== unknown-named-to-simple-function
function f { "args: $args" }
f -Foo bar
# ==== advanced-unknown-parameter
function f { [CmdletBinding()] param($a) $a }
f -b 1
# ==== advanced-too-many-positional
function f { [CmdletBinding()] param($a) $a }
f 1 2
# ==== typed-param-conversion
function f([int]$n) { $n + 1 }
f '41'
# ==== typed-param-bad
function f([int]$n) { $n }
f 'abc'
'after'
# ==== typed-param-datetime
function f([datetime]$d) { $d.ToString('yyyy-MM-dd') }
f '2024-02-29'
# ==== mandatory-noninteractive
function f { param([Parameter(Mandatory)]$Name) "hi $Name" }
f
'after'
# ==== mandatory-null
function f { param([Parameter(Mandatory)][string]$Name) "hi $Name" }
f -Name $null
# ==== mandatory-empty-string
function f { param([Parameter(Mandatory)][string]$Name) "hi $Name" }
f -Name ''
# ==== mandatory-allow-empty
function f { param([Parameter(Mandatory)][AllowEmptyString()][string]$Name) "hi [$Name]" }
f -Name ''
# ==== mandatory-given
function f { param([Parameter(Mandatory)][string]$Name) "hi $Name" }
f -Name World
# ==== missing-argument
function f { param([string]$Name) $Name }
f -Name
# ==== ambiguous-prefix
function f { [CmdletBinding()] param($Name, $Number) }
f -N 1
# ==== prefix-match
function f { [CmdletBinding()] param($Name, $Number) "$Name" }
f -Na 'x'
# ==== parameter-alias
function f { [CmdletBinding()] param([Alias('CN')]$ComputerName) $ComputerName }
f -CN 'srv'
# ==== parameter-twice
function f { [CmdletBinding()] param($a) $a }
f -a 1 -a 2
# ==== validateset
function f { param([ValidateSet('Red', 'Green')]$Color) $Color }
f -Color green
f -Color Blue
# ==== validaterange
function f { param([ValidateRange(1, 10)][int]$N) $N }
f 5
f 11
# ==== validatepattern
function f { param([ValidatePattern('^\d{3}$')]$Code) $Code }
f 123
f 12a
# ==== validatenotnullorempty
function f { param([ValidateNotNullOrEmpty()][string]$S) $S }
f ''
# ==== validatescript
function f { param([ValidateScript({ $_ -gt 0 })][int]$N) $N }
f 0
# ==== validatelength
function f { param([ValidateLength(2, 4)]$S) $S }
f 'abcde'
# ==== validatecount
function f { param([ValidateCount(1, 2)][string[]]$S) $S.Count }
f a, b, c
# ==== parameter-sets
function f {
    [CmdletBinding(DefaultParameterSetName = 'A')]
    param([Parameter(ParameterSetName = 'A')]$X, [Parameter(ParameterSetName = 'B')]$Y)
    $PSCmdlet.ParameterSetName
}
f; f -X 1; f -Y 2
# ==== parameter-sets-ambiguous
function f {
    [CmdletBinding()]
    param([Parameter(ParameterSetName = 'A')]$X, [Parameter(ParameterSetName = 'B')]$Y)
    $PSCmdlet.ParameterSetName
}
f -X 1 -Y 2
# ==== psboundparameters
function f { [CmdletBinding()] param($a, $b) $PSBoundParameters.Keys -join ','; $PSBoundParameters.ContainsKey('b') }
f -a 1
# ==== valuefrompipeline
function f { param([Parameter(ValueFromPipeline)]$x) process { "got $x" } }
1, 2 | f
# ==== valuefrompipeline-no-process
function f { param([Parameter(ValueFromPipeline)]$x) "got $x" }
1, 2 | f
# ==== pipeline-by-property-name
function f { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { "n=$Name" } }
[pscustomobject]@{Name = 'a'}, [pscustomobject]@{Name = 'b'} | f
# ==== pipeline-input-not-bound
function f { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { "n=$Name" } }
5 | f
# ==== pipeline-input-to-non-pipeline-function
function f { [CmdletBinding()] param($x) process { "x=$x" } }
1 | f
# ==== begin-process-end
function f { begin { 'begin' } process { "p $_" } end { 'end' } }
1, 2 | f
# ==== input-variable
function f { "count $(@($input).Count)" }
1, 2, 3 | f
# ==== input-enumerator-once
function f { $input | ForEach-Object { $_ * 2 }; @($input).Count }
1, 2 | f
# ==== dollar-underscore-in-end
function f { end { "end sees [$_]" } }
1, 2 | f
# ==== filter
filter Double { $_ * 2 }
1, 2, 3 | Double
# ==== return-value
function f { 'a'; return 'b'; 'c' }
f
# ==== return-array
function f { return @(1, 2) }
(f).Count; (f).GetType().Name
# ==== return-single-element-array
function f { return @(1) }
(f).GetType().Name
# ==== return-comma
function f { return , @(1) }
(f).GetType().Name
# ==== uncaptured-output
function f { 1; [void]2; $null = 3; 4 | Out-Null; 5 > $null; 'six' }
f
# ==== output-of-method-call
function f { $l = [System.Collections.ArrayList]::new(); $l.Add('x'); 'done' }
f
# ==== output-of-assignment-in-parens
function f { ($x = 5) }
f
# ==== recursion
function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }
fact 10
# ==== function-called-with-parens
function f($a, $b) { "a=$a b=$b" }
f(1, 2)
# ==== function-comma-args
function f($a, $b) { "a=[$a] b=[$b]" }
f 1, 2
# ==== function-expression-arg
function f($a) { $a }
f (1 + 2)
f 1+2
# ==== cmdletbinding-common-params
function f { [CmdletBinding()] param() Write-Verbose 'v'; 'ran' }
f -Verbose
# ==== write-verbose-default
function f { [CmdletBinding()] param() Write-Verbose 'hidden'; Write-Debug 'hidden too'; 'ran' }
f
# ==== supportsshouldprocess-whatif
function f { [CmdletBinding(SupportsShouldProcess)] param($x) if ($PSCmdlet.ShouldProcess($x, 'Do')) { 'did' } }
f -x T -WhatIf
f -x T
# ==== param-help-missing
function f { param([Parameter(Mandatory, HelpMessage = 'the name')]$Name) $Name }
f
# ==== function-scope-variable
$x = 'outer'
function f { $x = 'inner'; $x }
f; $x
# ==== function-reads-parent
$x = 'outer'
function f { "sees $x" }
f
# ==== function-drive
function zz { 'z' }
Test-Path function:zz; (Get-Item function:zz).Name
# ==== function-redefinition
function f { 1 }
function f { 2 }
f
# ==== nested-function
function outer { function inner { 'in' }; inner }
outer
inner
# ==== splatting-hashtable
function f($a, $b) { "a=$a b=$b" }
$p = @{a = 1; b = 2}; f @p
# ==== splatting-array
function f($a, $b) { "a=$a b=$b" }
$p = 1, 2; f @p
# ==== splatting-switch
function f([switch]$s) { $s.IsPresent }
$p = @{s = $true}; f @p
# ==== splat-cmdlet
$p = @{Object = 'hi'; NoNewline = $true}; Write-Host @p; Write-Host ''
# ==== remaining-arguments
function f { param($a, [Parameter(ValueFromRemainingArguments)]$rest) "a=$a rest=$($rest -join ',')" }
f 1 2 3
# ==== switch-with-value
function f([switch]$s) { $s.IsPresent }
f -s $false
# ==== positional-typed-array
function f([string[]]$names) { $names.Count }
f a, b, c
f a
# ==== parameter-attribute-position
function f { param([Parameter(Position = 1)]$b, [Parameter(Position = 0)]$a) "a=$a b=$b" }
f 1 2
# ==== get-command-parameters
function f { [CmdletBinding()] param([string]$Alpha, [int]$Beta) }
(Get-Command f).Parameters.Keys | Where-Object { $_ -in 'Alpha', 'Beta' }
# ==== get-command-parameters-all-keys
function f { [CmdletBinding()] param([Parameter(Mandatory)][string]$Alpha, [Alias('b')][int]$Beta, [switch]$Gamma) }
(Get-Command f).Parameters.Keys -join ','
# ==== get-command-parameters-simple-function
function s { param($x, [string[]]$y) }
(Get-Command s).Parameters.Keys -join ','; (Get-Command s).Parameters['x'].ParameterType.Name; (Get-Command s).Parameters.Count
# ==== get-command-parameters-metadata
function f { [CmdletBinding()] param([Parameter(Mandatory)][string]$Alpha, [Alias('b')][int]$Beta, [switch]$Gamma) }
$p = (Get-Command f).Parameters
$p['Beta'].ParameterType.FullName; $p['Beta'].Aliases -join ','; $p['Gamma'].SwitchParameter; $p.ContainsKey('alpha')
$p['Alpha'] | Format-List Name, ParameterType, IsDynamic
# ==== get-command-parameters-cmdlet
(Get-Command Get-Item).Parameters.ContainsKey('Path'); (Get-Command Get-Item).Parameters['Path'].ParameterType.FullName
# ==== get-command-parameters-splat-filter
function Set-Thing { [CmdletBinding()] param([string]$Name, [int]$Size) "$Name $Size" }
$all = @{ Name = 'n'; Size = 3; Extra = 'x' }
$known = (Get-Command Set-Thing).Parameters.Keys
$args2 = @{}; foreach ($k in $all.Keys) { if ($known -contains $k) { $args2[$k] = $all[$k] } }
Set-Thing @args2
# ==== script-param-block
param($Name = 'default')
"name=$Name"
# ==== script-param-mandatory
param([Parameter(Mandatory)]$Name)
"name=$Name"
# ==== scriptblock-param-invoke
$sb = { param($x) $x * 3 }
& $sb 4; . $sb 5
# ==== call-operator-string
& 'Write-Output' 'via call'
# ==== call-operator-missing
& 'No-SuchCommand'
'after'
# ==== command-not-found
Get-Nothing -x 1
'after'
# ==== command-not-found-similar
Write-Outptu 'x'
