# Tokenizer and parser corners that do parse: what they mean is printed.
# ==== command-vs-expression-mode
Write-Output 1+2; Write-Output (1+2); 1+2
# ==== argument-mode-numbers
Write-Output 1kb 0x10 1e2 -5 .5
# ==== argument-mode-bareword
Write-Output hello-world a.b c,d
# ==== argument-mode-dollar-in-word
$x = 'X'; Write-Output pre$x post$($x)post
# ==== argument-mode-quoted-concat
Write-Output 'a'"b"c
# ==== argument-mode-dash-dash
Write-Output -- -notaparameter
# ==== argument-mode-negative-number-vs-param
function f($a) { "a=$a" }
f -5; f -a -5
# ==== line-continuation
Write-Output `
    'continued'
# ==== line-continuation-pipe
1, 2 |
    ForEach-Object { $_ * 2 }
# ==== leading-pipe-continuation
1, 2
| ForEach-Object { $_ + 10 }
# ==== semicolons
'a'; 'b';; 'c'
# ==== comments
'a' # trailing comment
<# block
comment #> 'b'
'c' <# inline #> | ForEach-Object { "$_!" }
# ==== hash-in-word
Write-Output a#b 'c' #comment
# ==== escape-sequences
"a`tb"; "`$notvar"; "back``tick"; "`e[0m".Length; "`u{1F600}".Length
# ==== single-quote-escape
'it''s'; 'no `t escape'
# ==== double-quote-in-double
"say ""hi"""; "say `"hi`""
# ==== smart-quotes
‘curly single’; “curly double”
# ==== here-string-single-quoted
@'
$notexpanded `t
'@
# ==== here-string-empty
$h = @"
"@
"[$h]"
# ==== here-string-with-quotes
@"
"quoted" 'single' @" inner
"@
# ==== variable-names
$a_b = 1; ${a-b} = 2; $ab1 = 3; "$a_b ${a-b} $ab1"
# ==== variable-scope-prefixes
$global:gv = 1; $script:sv = 2; $local:lv = 3; "$gv $sv $lv"
# ==== variable-drive-syntax
${env:PATH_LIKE_TEST} = 'p'; $env:PATH_LIKE_TEST; ${function:f} = { 'f body' }; f
# ==== automatic-variables
$true; $false; $null -eq $null; $PSItem -eq $null
# ==== splat-at-token
$h = @{Object = 'splatted'}; Write-Output @h
# ==== array-literal-forms
$a = 1, 2, 3; $b = @(1; 2; 3); $c = @(
    1
    2
); $a.Count; $b.Count; $c.Count
# ==== hashtable-literal-forms
$h = @{a = 1; 'b' = 2; 3 = 'c'; (1 + 1) = 'two'}
$h.a; $h.b; $h[3]; $h[2]
# ==== hashtable-newline-separated
$h = @{
    x = 1
    y = 2
}
$h.Count
# ==== nested-expressions
$( $( 1 + 1 ) * 2 ); @( @( 1 ) ).Count
# ==== subexpression-statements
$(if ($true) { 'from if' }); $(foreach ($i in 1..2) { $i })
# ==== statement-as-expression
$r = if ($false) { 'a' } else { 'b' }; $r
$r = foreach ($i in 1..3) { $i * 2 }; $r -join ','
$r = switch (1) { 1 { 'one' } }; $r
# ==== while-as-expression
$i = 0; $r = while ($i -lt 3) { $i; $i++ }; $r -join ','
# ==== try-as-expression
$r = try { 'ok' } catch { 'bad' }; $r
# ==== operators-without-spaces
1+2*3; 10-4/2; 2-1
# ==== unary-operators
-(-5); +'3'; !$true; -not$false
# ==== cast-precedence
[int]'5' + 1; [string]5 + 1; [int]'5' * '2'
# ==== member-access-on-literal
'abc'.Length; (1, 2).Count; @{a = 1}.a
# ==== static-member-access
[int]::MaxValue; [System.Math]::Max(1, 2); [string]::Empty.Length
# ==== method-call-no-space
'abc'.ToUpper(); 'abc'.ToUpper ()
# ==== method-call-newline-args
[string]::Join(
    ',',
    ('a', 'b')
)
# ==== index-whitespace
$a = 1, 2; $a[0]; $a [0]
# ==== redirect-operators-parse
'out' 2>&1; 'x' 3>$null; Write-Warning 'w' 3>&1
# ==== ampersand-call-scriptblock
& { 'called' }; &{ 'nospace' }
# ==== dot-source-scriptblock
. { $dotted = 1 }; $dotted
# ==== labels
:myLabel while ($true) { 'in loop'; break myLabel }
# ==== function-keyword-variants
function a { 'a' }; filter b { "b$_" }; workflowLike = 1
# ==== function-names-special
function Get-Thing! { 'bang' }
Get-Thing!
function 1st { 'digit' }
1st
# ==== param-attributes-multiline
function f {
    param(
        [Parameter()]
        [ValidateNotNull()]
        [string]
        $Name = 'n'
    )
    $Name
}
f
# ==== comment-based-help-parses
<#
.SYNOPSIS
  Does a thing.
#>
function f { <# .DESCRIPTION inner #> 'ok' }
f
# ==== numeric-member-access
(12).ToString('X'); 1.5.ToString(); (1kb).GetType().Name
# ==== string-method-chaining-newline
'a,b,c'.
    Split(',').
    Count
# ==== generic-type-syntax
[System.Collections.Generic.Dictionary[string, System.Collections.Generic.List[int]]]::new().GetType().Name
# ==== array-type-syntax
[int[]].Name; [string[][]].Name
# ==== bracket-escape-in-variable
$a = 'v'; "$($a)[0]"; "${a}[0]"
# ==== keyword-as-command-arg
Write-Output if else foreach function
# ==== keyword-as-member
$o = [pscustomobject]@{if = 1; function = 2}; $o.if; $o.function
# ==== keyword-as-hashtable-key
$h = @{if = 1; while = 2}; $h.if + $h.while
# ==== assignment-chain
$a = $b = 5; "$a $b"
# ==== assignment-in-condition
if ($x = 3) { "x is $x" }
# ==== comparison-chain
1 -lt 2 -eq $true
# ==== double-negation
- -5; -not -not $true
# ==== operator-precedence-comma
$a = 1, 2 + 3; $a.Count
# ==== range-precedence-vs-unary
-1..2 -join ','
# ==== format-operator-precedence
'{0}' -f 1 + 1
# ==== bitwise-precedence
1 -bor 2 -eq 3
# ==== join-split-precedence
'a b' -split ' ' -join '+'
# ==== type-accelerators-list
[pscustomobject].Name; [ordered].Name; [hashtable].Name; [regex].Name; [ipaddress].Name
# ==== crlf-line-endings
$s = [scriptblock]::Create("'a'`r`n'b'`r`n"); & $s
# ==== tab-indentation
if ($true) {
	'tabbed'
}
# ==== unicode-identifiers
$größe = 5; $größe; function Grüß { 'hallo' }; Grüß
# ==== bom-free-utf8-literal
'日本語'.Length
# ==== em-dash-operator
1 –eq 1
# ==== non-breaking-space
'a' + 'b'
