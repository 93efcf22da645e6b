# Script function binding: Allow* attributes on mandatory parameters, the empty-array check,
# DefaultParameterSetName, ValueFromRemainingArguments.
# ==== allow-empty-string
function a { param([Parameter(Mandatory)][AllowEmptyString()][string]$Name) "hi [$Name]" }
a -Name ''
# ==== allow-null
function b { param([Parameter(Mandatory)][AllowNull()]$X) "x=[$X]" }
b -X $null
# ==== mandatory-empty-array
function c { param([Parameter(Mandatory)][string[]]$L) "n=$($L.Count)" }
c -L @()
'after'
# ==== allow-empty-collection
function d { param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$L) "n=$($L.Count)" }
d -L @()
# ==== mandatory-null
function e { param([Parameter(Mandatory)]$X) "x=[$X]" }
e -X $null
# ==== default-parameter-set
function g {
    [CmdletBinding(DefaultParameterSetName = 'A')]
    param([Parameter(ParameterSetName = 'A')]$X, [Parameter(ParameterSetName = 'B')]$Y)
    $PSCmdlet.ParameterSetName
}
g; g -X 1; g -Y 2
# ==== remaining-arguments
function hh { param($a, [Parameter(ValueFromRemainingArguments)]$rest) "a=$a rest=$($rest -join ',')" }
hh 1 2 3; hh 1; hh -a 5 6 7
