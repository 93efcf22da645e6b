# Unknown named parameters of a command with a ValueFromRemainingArguments parameter: they go to
# that parameter as text (`-Name`, or `-Name:` in the colon and splatted forms) with their value.
# ==== unknown-named-before-positional
function f { [CmdletBinding()] param([Parameter(Position=0)]$a, [Parameter(ValueFromRemainingArguments)]$rest) "a=$a"; "rest=$($rest -join '|')" }
f -Foo 1 2
# ==== unknown-named-colon-form
function f { [CmdletBinding()] param([Parameter(Position=0)]$a, [Parameter(ValueFromRemainingArguments)]$rest) "a=$a"; "rest=$($rest -join '|')" }
f 1 -Foo:3 2
# ==== unknown-named-splatted
function f { [CmdletBinding()] param([Parameter(Position=0)]$a, [Parameter(ValueFromRemainingArguments)]$rest) "a=$a"; "rest=$($rest -join '|')" }
$h = @{Bar = 'x'}; f 0 @h
# ==== write-output-unknown-named
Write-Output -Foo bar
# ==== no-remaining-parameter
function g { [CmdletBinding()] param([Parameter(Position=0)]$a) $a }
g -Foo 1
