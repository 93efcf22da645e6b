# .NET regex semantics beyond the basics: group numbering, balancing groups, options, every
# capture, replacement patterns, Split, RightToLeft, parse errors and Select-String's context.
# ==== group-numbering-named-last
$m = [regex]::Match('abc', '(?<x>a)(b)(c)'); $m.Groups | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }
# ==== group-numbering-explicit
([regex]'(?<5>a)(b)(?<n>c)').GetGroupNumbers() -join ','; ([regex]'(?<5>a)(b)(?<n>c)').GetGroupNames() -join ','
# ==== group-name-from-number
$r = [regex]'(?<first>a)(b)'; $r.GroupNameFromNumber(2); $r.GroupNumberFromName('first'); $r.GroupNumberFromName('zz')
# ==== duplicate-group-names
$m = [regex]::Match('ab', '(?<x>a)(?<x>b)'); $m.Groups['x'].Value; $m.Groups['x'].Captures.Count
# ==== explicit-capture-option
$m = [regex]::Match('ab', '(a)(?<n>b)', 'ExplicitCapture'); $m.Groups.Count; $m.Groups[1].Name
# ==== explicit-capture-inline
'ab' -match '(?n)(a)(b)' | Out-Null; $Matches.Count
# ==== balancing-group-capture
$m = [regex]::Match('<<x>>', '^(?<o><)+(?<c-o>x)?(?<-o>>)+$'); $m.Success; $m.Groups['c'].Value; $m.Groups['o'].Success
# ==== balancing-unbalanced
'(()' -match '^(?:(?<o>\()|(?<-o>\)))+(?(o)(?!))$'; '(())' -match '^(?:(?<o>\()|(?<-o>\)))+(?(o)(?!))$'
# ==== captures-every-iteration
$m = [regex]::Match('a1b2c3', '(?:(\w)\d)+'); ($m.Groups[1].Captures | ForEach-Object Value) -join ','; $m.Groups[1].Value
# ==== captures-index
$m = [regex]::Match('xx-ab', '(\w)+$'); $m.Groups[1].Captures | ForEach-Object { '{0}:{1}' -f $_.Index, $_.Value }
# ==== group-not-participating
$m = [regex]::Match('b', '(a)?b'); $m.Groups[1].Success; $m.Groups[1].Index; "[$($m.Groups[1].Value)]"
# ==== matches-skips-unmatched-group
'b' -match '(a)?(b)' | Out-Null; $Matches.ContainsKey(1); $Matches[2]
# ==== backreference-case-insensitive
'Aa' -match '^(a)\1$'; 'Aa' -cmatch '^(a)\1$'
# ==== backreference-to-unmatched-group
'b' -match '(a)?\1b'
# ==== lazy-versus-greedy-groups
[regex]::Match('aaa', '(a+?)(a*)').Groups[1].Value; [regex]::Match('aaa', '(a+)(a*)').Groups[1].Value
# ==== atomic-blocks-backtracking
'aaa' -match '^(?>a*)a'; 'aaa' -match '^(?:a*)a'
# ==== possessive-is-not-dotnet
'aaa' -match 'a*+'
# ==== lookbehind-with-capture
$m = [regex]::Match('price: $42', '(?<=(\$))\d+'); $m.Value; $m.Groups[1].Value
# ==== negative-lookbehind-variable
[regex]::Matches('xa ya za', '(?<!x|yy)a').Count
# ==== conditional-by-name
'<a>', 'a>' | ForEach-Object { $_ -match '^(?<lt><)?a(?(lt)>|)$' }
# ==== conditional-expression
[regex]::Matches('a1 b2', '(?(\d)\d|[a-z])').Count
# ==== inline-option-scoped
'aB' -cmatch 'a(?i:b)'; 'AB' -cmatch 'a(?i:b)'; 'aB' -cmatch '(?i)A(?-i)B'
# ==== multiline-option
[regex]::Matches("a`nb`nc", '^\w$', 'Multiline').Count; [regex]::Matches("a`nb`nc", '^\w$').Count
# ==== singleline-option
[regex]::IsMatch("a`nb", 'a.b', 'Singleline'); [regex]::IsMatch("a`nb", 'a.b')
# ==== ignore-pattern-whitespace-option
[regex]::IsMatch('abc', 'a b c # comment', 'IgnorePatternWhitespace'); [regex]::IsMatch('a b', 'a[ ]b', 'IgnorePatternWhitespace')
# ==== dollar-before-final-newline
"abc`n" -match 'c$'; "abc`n" -match 'c\z'; "abc`n" -match 'c\Z'
# ==== anchor-g
[regex]::Matches('aab', '\Ga').Count
# ==== right-to-left-matches
([regex]::Matches('a1b2c3', '\d', 'RightToLeft') | ForEach-Object Value) -join ','
# ==== right-to-left-lazy
[regex]::Match('aaa', 'a+?', 'RightToLeft').Index
# ==== word-boundary-unicode
[regex]::Matches('über café', '\b\w+\b').Count
# ==== unicode-category-and-block
'αβγ' -match '^\p{IsGreek}+$'; 'abc' -match '\p{IsGreek}'; 'a_b' -match '^[\p{L}\p{Pc}]+$'
# ==== class-subtraction
[regex]::Matches('abcdef', '[a-z-[aeiou]]').Count
# ==== class-case-insensitive-range
'Q' -match '[a-z]'; 'Q' -cmatch '[a-z]'; 'q' -match '[^A-Z]'
# ==== escapes-in-class
'a]b' -match '[]]'; 'a-b' -match '[a\-z]{3}'; "a`tb" -match '[\t]'
# ==== hex-unicode-octal-escapes
'A' -match '\x41'; 'A' -match '\u0041'; 'A' -match '\101'; "`e" -match '\e'; 'A' -match '\cA'
# ==== quantifier-braces-literal
'a{1,2' -match '^a{1,2$'; 'a{x}' -match 'a{x}'; '{' -match '{'; '{1}' -match '^{1}$'
# ==== large-counted-repeat
('ab' * 3000) -match '^(?:ab){3000}$'
# ==== long-input-no-stack-overflow
('x' * 200000) -match '^(?:x|y)*$'
# ==== replace-numbered-and-braced
'john smith' -replace '(\w+) (\w+)', '$2, $1'; 'ab' -replace '(a)', '${1}1'
# ==== replace-missing-group-literal
'ab' -replace 'a', '$1'; 'ab' -replace 'a', '$9x'; 'ab' -replace 'a', '${zz}'
# ==== replace-last-group-and-input
'ab' -replace '(a)(b)?', '[$+]'; 'ab' -replace 'b', '[$_]'
# ==== replace-dollar-literal-end
'ab' -replace 'a', 'x$'; 'ab' -replace 'a', '$$1'
# ==== replace-scriptblock-dollar-underscore
'a1b22' -replace '\d+', { '<' + $_.Value.Length + '>' }
# ==== replace-scriptblock-groups
'k=v' -replace '(\w)=(\w)', { $_.Groups[2].Value + '=' + $_.Groups[1].Value }
# ==== replace-scriptblock-array-result
'ab' -replace 'a', { 1, 2 }
# ==== replace-with-regex-object
$r = [regex]'A'; 'aA' -replace $r, 'x'
# ==== replace-too-many-arguments
'a' -replace 'a', 'b', 'c'
# ==== replace-empty-matches
'abc' -replace '', '-'; 'abc' -replace 'x*', '.'
# ==== replace-collection
'a1', 'b2' -replace '\d', '#'
# ==== regex-replace-evaluator-param
[regex]::Replace('abc', '[ac]', { param($m) $m.Value.ToUpper() + $m.Index })
# ==== regex-replace-count-and-rtl
([regex]'a').Replace('aaaa', 'b', 2); [regex]::new('a', 'RightToLeft').Replace('aaaa', 'b', 1)
# ==== regex-split-captures
[regex]::Split('a1b2c', '(\d)') -join '|'; [regex]::Split('a-b_c', '(-)|(_)') -join '|'
# ==== regex-split-count
([regex]'-').Split('a-b-c-d', 2) -join '|'; ([regex]::new('-', 'RightToLeft')).Split('a-b-c-d', 2) -join '|'
# ==== regex-split-empty-pattern
[regex]::Split('abc', '') -join '|'
# ==== split-options-multiline
"a`nb" -split '^', 0, 'Multiline' | ForEach-Object { "[$_]" }
# ==== split-options-invalid-combination
'a.b' -split '.', 0, 'SimpleMatch,Multiline'
# ==== split-negative-limit
'a,b,c,d' -split ',', -2
# ==== split-case-sensitive
'aXbxc' -csplit 'x'; 'aXbxc' -split 'x'
# ==== split-predicate-limit
'a1b2c3' -split { $_ -match '\d' }, 2
# ==== split-predicate-negative
'a1b2c3' -split { $_ -match '\d' }, -2
# ==== split-predicate-with-options
'abc' -split { $_ -eq 'b' }, 0, 'SimpleMatch'
# ==== split-unary
-split "  a  b`tc `n"
# ==== split-captures-kept
'1+2-3' -split '([+-])'
# ==== matches-case-insensitive-key-lookup
'X' -match '(?<Name>x)' | Out-Null; $Matches.name; $Matches.NAME
# ==== switch-regex-named
switch -Regex ('user=alice') { '^(?<k>\w+)=(?<v>\w+)$' { $Matches.k + ':' + $Matches.v } }
# ==== switch-regex-case-sensitive
switch -Regex -CaseSensitive ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }
# ==== match-regex-object-keeps-case
$r = [regex]'abc'; 'ABC' -match $r; 'ABC' -imatch $r
# ==== match-options-enum-values
[int][System.Text.RegularExpressions.RegexOptions]::IgnoreCase; ([regex]::new('x', 'IgnoreCase, Singleline')).Options
# ==== regex-object-properties
$r = [regex]::new('a(b)', 'IgnoreCase'); $r.ToString(); $r.Options; $r.RightToLeft; "$r"
# ==== regex-object-default-output
[regex]'a(b)'
# ==== regex-ismatch-startat
([regex]'a').IsMatch('ba', 1); ([regex]'^a').IsMatch('ba', 1)
# ==== regex-match-startat
([regex]'\d').Match('1a2', 1).Value; ([regex]'\d').Matches('1a2b3', 2).Count
# ==== regex-count
[regex]::Count('a1b2c3', '\d')
# ==== match-nextmatch-chain
$m = [regex]::Match('a1b2c3', '\d'); while ($m.Success) { $m.Value; $m = $m.NextMatch() }
# ==== match-nextmatch-empty
$m = [regex]::Match('ab', 'x*'); $m.Index; $m = $m.NextMatch(); $m.Index; $m = $m.NextMatch(); $m.Index; $m.NextMatch().Success
# ==== match-failed-object
$m = [regex]::Match('abc', '(x)'); $m.Success; $m.Groups.Count; $m.Groups[1].Success; $m.Index
# ==== match-object-tostring
$m = [regex]::Match('abc', 'b'); "$m"; $m.ToString(); $m.Groups[0].ToString()
# ==== match-object-gettype
[regex]::Match('a', 'a').GetType().FullName; [regex]::Match('a', '(a)').Groups[1].GetType().FullName; [regex]::Matches('a', 'a').GetType().FullName
# ==== group-object-list
[regex]::Match('xaby', '(a)+(?<q>b)').Groups[1]
# ==== group-captures-list
([regex]::Match('aa', '(a)+').Groups[1].Captures)[0]
# ==== matches-in-pipeline
[regex]::Matches('a1b2', '\d') | Measure-Object | ForEach-Object Count
# ==== escape-specials
[regex]::Escape("a#b`nc`rd`fe") ; [regex]::Escape('}]')
# ==== unescape-escapes
[regex]::Unescape('\x41\u0042\103\t|\\'); [regex]::Unescape('trailing\')
# ==== unescape-bad
[regex]::Unescape('\q')
# ==== parse-error-not-enough-parens
'x' -match '(a'
# ==== parse-error-too-many-parens
'x' -match 'a)'
# ==== parse-error-nested-quantifier
'x' -match 'a**'
# ==== parse-error-reverse-range
'x' -match '[z-a]'
# ==== parse-error-x-greater-y
'x' -match 'a{3,1}'
# ==== parse-error-unknown-property
'x' -match '\p{Foo}'
# ==== parse-error-undefined-backref
'x' -match '(a)\2'
# ==== parse-error-undefined-name
'x' -match '\k<nope>'
# ==== parse-error-bad-escape
'x' -match '\q'
# ==== parse-error-trailing-backslash
'x' -match 'a\'
# ==== parse-error-bad-hex
'x' -match '\x4'
# ==== parse-error-unrecognized-grouping
'x' -match '(?<'
# ==== parse-error-conditional
'x' -match '(?(1)a|b|c)'
# ==== parse-error-class-in-range
'x' -match '[a-\w]'
# ==== parse-error-comment
'x' -match '(?#abc'
# ==== parse-error-new-two-args
[regex]::new('(', 'IgnoreCase')
# ==== parse-error-static-match
[regex]::Match('x', '[')
# ==== parse-error-split
'x' -split '('
# ==== parse-error-select-string
'x' | Select-String '['
# ==== parse-error-catch-type
try { 'x' -match '(' } catch { $_.Exception.GetType().FullName; $_.FullyQualifiedErrorId }
# ==== select-string-context-two
'a', 'b', 'c', 'd', 'c', 'e', 'f' | Select-String 'c' -Context 2, 1 | ForEach-Object { '{0} pre={1} post={2} dpre={3} dpost={4}' -f $_.LineNumber, ($_.Context.PreContext -join ','), ($_.Context.PostContext -join ','), ($_.Context.DisplayPreContext -join ','), ($_.Context.DisplayPostContext -join ',') }
# ==== select-string-context-tostring
'a', 'b', 'c', 'd' | Select-String 'b' -Context 1 | ForEach-Object { $_.ToString() }
# ==== select-string-matches-groups
'key=value' | Select-String '(?<k>\w+)=(?<v>\w+)' | ForEach-Object { $_.Matches[0].Groups['v'].Value }
# ==== select-string-allmatches-count
'a1 b22 c333' | Select-String '\d+' -AllMatches | ForEach-Object { $_.Matches.Count; $_.Matches[2].Index }
# ==== select-string-simplematch-no-matches
'a.b' | Select-String -SimpleMatch '.' | ForEach-Object { $_.Matches.Count; $_.Line }
# ==== select-string-case-sensitive
'ABC', 'abc' | Select-String 'abc' -CaseSensitive | ForEach-Object Line
# ==== select-string-lookbehind
'v1.2', 'x3' | Select-String '(?<=v)\d' | ForEach-Object { $_.Matches[0].Value }
# ==== where-object-match
[pscustomobject]@{ N = 'a1' }, [pscustomobject]@{ N = 'b' } | Where-Object N -Match '\d$' | ForEach-Object N
# ==== validate-pattern-dotnet
function f { param([ValidatePattern('^(?<n>\d+)(?!x)$')][string]$v) $v }; f '12'; f '12x'
