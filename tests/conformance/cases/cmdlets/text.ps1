# Invoke-Expression, Join-String, ConvertFrom-StringData, [AllowEmptyString()]: text-building cmdlets admin scripts use.
# ==== iex-scope
$x = 5; Invoke-Expression '$x + 1'; iex '$y = 7'; $y
# ==== iex-pipeline-output
iex '1;2' | ForEach-Object { $_ * 10 }
# ==== iex-from-pipeline
'"a"', '"b"' | Invoke-Expression
# ==== iex-function-defined
iex 'function Get-Greeting { "hello" }'; Get-Greeting
# ==== iex-return
iex 'return 5; 6'; 'after'
# ==== iex-in-function-scope
function f { iex '$local = 3'; $local }; f; "[$local]"
# ==== iex-parse-error-caught
try { iex '1 +' } catch { $_.FullyQualifiedErrorId; "$($_.CategoryInfo)"; $_.Exception.GetType().FullName }
# ==== iex-parse-errors-message
try { iex '1 + ; 2 +' } catch { $_.Exception.Message }
# ==== iex-parse-error
iex '(1'; 'after'
# ==== iex-empty
iex ''; 'ok'
# ==== iex-error-inside
iex 'Get-Item nosuch'; 'after'
# ==== iex-stop-inside
iex 'Write-Error oops -ErrorAction Stop'; 'after'
# ==== iex-throw
iex 'throw "boom"'; 'after'
# ==== iex-composed-command
$prop = 'Length'; iex "'abc'.$prop"
# ==== join-default
1..3 | Join-String
# ==== join-separator-positional
1..3 | Join-String -Property { $_ * 2 } ', '
# ==== join-quotes
'a', "it's" | Join-String -SingleQuote -Separator ','; 'a', 'b' | Join-String -DoubleQuote
# ==== join-prefix-suffix
'a', 'b' | Join-String -OutputPrefix '[' -OutputSuffix ']' -Separator '|'
# ==== join-format-string
1.5, 2 | Join-String -FormatString '{0:N2}' -Separator ';'
# ==== join-format-bad
'a' | Join-String -FormatString '{1}'
# ==== join-property-name
[pscustomobject]@{n = 'x'}, [pscustomobject]@{n = 'y'} | Join-String -Property n -Separator '-'
# ==== join-property-missing
[pscustomobject]@{n = 1}, [pscustomobject]@{n = 2} | Join-String nosuch -Separator ','
# ==== join-scriptblock
[pscustomobject]@{n = 'x'}, [pscustomobject]@{n = 'y'} | Join-String { $_.n.ToUpper() }
# ==== join-inputobject
Join-String -InputObject 1, 2, 3 -Separator '+'
# ==== join-empty-input
@() | Join-String -OutputPrefix 'P' -OutputSuffix 'S'
# ==== join-nulls-skipped
'x', $null, 'y' | Join-String -Separator ','
# ==== join-ofs
$OFS = '/'; 1, 2 | Join-String; [pscustomobject]@{n = 1, 2} | Join-String n
# ==== join-array-property
[pscustomobject]@{n = 1, 2} | Join-String -Property n
# ==== join-invariant
(Get-Date 2020-01-02), 3.5 | Join-String -Separator ' '
# ==== join-quote-format-conflict
'a' | Join-String -SingleQuote -FormatString '{0}!'
# ==== join-alias-parameters
'a', 'b' | Join-String -op '<' -os '>'
# ==== stringdata-unescape
$h = ConvertFrom-StringData 'a=1\tb\n2\x41\u0042\.\\'; $h.a
# ==== stringdata-bad-escape
ConvertFrom-StringData 'a=\q'
# ==== stringdata-bad-hex
ConvertFrom-StringData 'a=\x4'
# ==== stringdata-delimiter
(ConvertFrom-StringData 'k:v' -Delimiter ':').k
# ==== stringdata-pipeline
'a=1', 'b=2' | ConvertFrom-StringData | ForEach-Object Count
# ==== stringdata-empty
(ConvertFrom-StringData '').GetType().Name
# ==== stringdata-trim-crlf
$h = ConvertFrom-StringData "A=1`r`nb = x y "; "[$($h.a)][$($h.B)]"
# ==== stringdata-empty-name
ConvertFrom-StringData "name=value`n=bad"
# ==== stringdata-error-id
try { ConvertFrom-StringData 'x' } catch { $_.FullyQualifiedErrorId; "$($_.CategoryInfo)" }
# ==== stringdata-here-string
$m = ConvertFrom-StringData -StringData @'
Msg1 = Hello
# a comment
Msg2 = World
'@
$m.Msg1; $m.msg2; $m.Count
# ==== allow-empty-string
function f { param([Parameter(Mandatory)][AllowEmptyString()][string]$s) "[$s]" }
f ''
# ==== allow-null
function f { param([Parameter(Mandatory)][AllowNull()]$s) "[$($null -eq $s)]" }
f $null
# ==== mandatory-empty-string
function g { param([Parameter(Mandatory)][string]$s) "[$s]" }
g ''
