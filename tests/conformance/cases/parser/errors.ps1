# Parse errors: each is reported before anything runs. Every case ends with a line after the
# error so that the error is not positioned past the last line (a pwsh 7.6.10 defect).
# ==== missing-closing-brace-if
'first'
if ($true) {
    'x'
'last'
# ==== missing-closing-paren
'first'
$a = (1 + 2
'last'
# ==== missing-closing-bracket
$a = @(1, 2)
$a[0
'last'
# ==== unexpected-closing-brace
'first'
}
'last'
# ==== unexpected-closing-paren
'first'
$a = 1)
'last'
# ==== unexpected-token-after-expression
$a = 1 2
'last'
# ==== unexpected-token-string
'a' 'b'
'last'
# ==== missing-expression-after-operator
$a = 1 +
'last'
# ==== missing-expression-after-operator-mult
$a = 2 *
'x'
# ==== missing-expression-after-unary
$a = -not
'x'
# ==== missing-expression-after-comma
$a = 1,
'x'
# ==== missing-expression-after-assignment
$a =
'x'
# ==== missing-expression-in-parens
$a = ()
'x'
# ==== empty-pipe-element
Get-Item x | | Out-Null
'x'
# ==== pipe-at-start
| Out-Null
'x'
# ==== trailing-pipe-eof-not
'a' |
'x'
# ==== incomplete-string-double
'first'
$s = "unterminated
'last'
# ==== incomplete-string-single
'first'
$s = 'unterminated
"last"
# ==== bad-number-literal
$a = 1x
'x'
# ==== bad-hex-literal
$a = 0xZZ
'x'
# ==== bad-numeric-suffix-combination
$a = 1.5l
'x'
# ==== foreach-missing-in
foreach ($i 1..3) { $i }
'x'
# ==== foreach-missing-variable
foreach (1..3) { }
'x'
# ==== foreach-missing-paren
foreach $i in 1..3 { }
'x'
# ==== foreach-missing-body
foreach ($i in 1..3)
'x'
# ==== if-missing-condition
if { 'x' }
'y'
# ==== if-missing-body
if ($true)
'y'
# ==== else-without-if
else { 'x' }
'y'
# ==== elseif-missing-condition
if ($true) { } elseif { }
'y'
# ==== while-missing-condition
while { }
'y'
# ==== for-missing-paren
for $i = 0; $i -lt 3; $i++ { }
'y'
# ==== do-missing-while
do { 'x' }
'y'
# ==== switch-missing-body
switch ($x)
'y'
# ==== switch-bad-clause
switch (1) { 1 }
'y'
# ==== switch-unknown-option
switch -Bogus (1) { 1 { } }
'y'
# ==== function-missing-name
function { 'x' }
'y'
# ==== function-missing-body
function f
'y'
# ==== param-not-first
'before'
param($a)
'y'
# ==== param-in-function-not-first
function f { 'x'; param($a) }
'y'
# ==== duplicate-parameter
function f { param($a, $a) }
'y'
# ==== duplicate-parameter-case
function f { param($Name, $name) }
'y'
# ==== duplicate-parameter-inline
function f($x, $X) { }
'y'
# ==== parameter-both-inline-and-block
function f($a) { param($b) }
'y'
# ==== using-not-first
'x'
using namespace System.Text
'y'
# ==== using-module-missing
using module NoSuchModuleAnywhere
'y'
# ==== invalid-assignment-number
1 = 2
'y'
# ==== invalid-assignment-expression
$a + 1 = 2
'y'
# ==== invalid-assignment-string
'a' = 1
'y'
# ==== invalid-assignment-method
$a.Foo() = 1
'y'
# ==== invalid-compound-assignment
1 += 2
'y'
# ==== invalid-increment
5++
'y'
# ==== return-in-finally
try { } finally { return }
'y'
# ==== break-in-finally
foreach ($i in 1) { try { } finally { break } }
'y'
# ==== continue-in-finally
foreach ($i in 1) { try { } finally { continue } }
'y'
# ==== try-without-catch
try { 'x' }
'y'
# ==== catch-without-try
catch { }
'y'
# ==== catch-after-default-catch
try { } catch { } catch [System.Exception] { }
'y'
# ==== catch-bad-type-syntax
try { } catch [ { }
'y'
# ==== finally-twice
try { } finally { } finally { }
'y'
# ==== redirection-merge-invalid
'x' 1>&3
'y'
# ==== redirection-duplicate
'x' > a.txt > b.txt
'y'
# ==== redirection-input
Get-Content < in.txt
'y'
# ==== redirection-missing-file
'x' >
'y'
# ==== unterminated-here-string
$h = @"
text
'y'
# ==== here-string-header-content
$h = @" text
"@
'y'
# ==== here-string-footer-not-at-start
$h = @'
text '@
'y'
# ==== missing-type-name-close
[int 5
'y'
# ==== unknown-type-cast-parses
[NoSuchTypeName]$x = 1
'y'
# ==== empty-type-literal
[] 5
'y'
# ==== generic-missing-close
[System.Collections.Generic.List[int] 5
'y'
# ==== hashtable-missing-equals
$h = @{a 1}
'y'
# ==== hashtable-missing-close
$h = @{a = 1
'y'
# ==== hashtable-missing-value
$h = @{a = }
'y'
# ==== hashtable-bad-key
$h = @{= 1}
'y'
# ==== subexpression-unclosed-in-string
"value $(1 + 2"
'y'
# ==== variable-empty-braces
${} = 1
'y'
# ==== variable-bad-scope
$foo:bar:baz
'y'
# ==== dollar-alone
$ = 1
'y'
# ==== member-access-missing-name
$a.
'y'
# ==== static-member-missing-name
[int]::
'y'
# ==== method-call-unclosed
'x'.Substring(1
'y'
# ==== index-missing-expression
$a = 1, 2; $a[]
'y'
# ==== trap-missing-body
trap
'y'
# ==== class-missing-name
class { }
'y'
# ==== class-method-missing-return
class C { [int] F() { } }
'y'
# ==== class-property-duplicate
class C { $a; $a }
'y'
# ==== class-unknown-base
class C : NoSuchBaseType { }
'y'
# ==== enum-bad-value
enum E { A = 'x' }
'y'
# ==== enum-duplicate
enum E { A; A }
'y'
# ==== label-bad
:123 foreach ($i in 1) { }
'y'
# ==== break-label-expression
break (1 + 1)
'y'
# ==== attribute-unclosed
function f { param([Parameter(Mandatory] $a) }
'y'
# ==== attribute-unknown-parses
function f { param([NoSuchAttribute()]$a) $a }
f 1
# ==== cmdletbinding-misplaced
[CmdletBinding()]
'y'
# ==== data-section-bad-command
data { Get-Date }
'y'
# ==== begin-after-process
function f { process { } begin { } }
'y'
# ==== mixed-begin-and-statements
function f { 'x'; begin { } }
'y'
# ==== double-pipe-redirect
'x' | > a.txt
'y'
# ==== ampersand-alone
&
'y'
# ==== unexpected-comma-start
, , 1
'y'
# ==== bad-operator
1 -notanoperator 2
'y'
# ==== bad-operator-case
1 -EQQ 2
'y'
# ==== splat-expression
Write-Output @(1).x
'y'
# ==== dot-source-missing
.
'y'
# ==== parse-error-position-late
'one'
'two'
'three'
$x = @{ a = 1; b = }
'y'
# ==== two-parse-errors
$a = (1 +
$b = 1 2
'y'
# ==== ternary-missing-colon
$a = $true ? 1
'y'
# ==== ternary-missing-branch
$a = $true ? : 2
'y'
# ==== null-conditional-bad
$a = $null ?? 
'y'
# ==== pipeline-chain-missing-rhs
'a' &&
'y'
# ==== background-operator-alone
&
'y'
# ==== comment-block-unclosed
<# never closed
'y'
# ==== requires-bad
#requires -Bogus 1
'y'
# ==== requires-version-high
#requires -Version 99
'y'
# ==== begin-block-typo
function f { beginn { } }
f
'y'
# ==== scriptblock-unclosed-in-call
1 | ForEach-Object { $_
'y'
