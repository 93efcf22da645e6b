# .NET regular expressions through -match, [regex] and $Matches.
# ==== match-matches
'abc123' -match '\d+'; $Matches[0]
# ==== match-matches-table
'abc123' -match '(?<letters>[a-z]+)(?<digits>\d+)' | Out-Null; $Matches
# ==== match-named
if ('user@contoso.com' -match '^(?<name>[^@]+)@(?<domain>.+)$') { $Matches.name; $Matches.domain; $Matches.Count }
# ==== match-numbered
'2024-01-02' -match '(\d+)-(\d+)-(\d+)' | Out-Null; $Matches[1]; $Matches[3]; $Matches.Count
# ==== match-fail-keeps-matches
'abc' -match 'b' | Out-Null; 'xyz' -match 'q'; $Matches[0]
# ==== match-case
'ABC' -match 'abc'; 'ABC' -cmatch 'abc'; 'ABC' -imatch 'abc'
# ==== notmatch
'abc' -notmatch 'z'; 'abc' -cnotmatch 'A'
# ==== match-collection
'apple', 'banana', 'cherry' -match 'an'
# ==== match-collection-no-matches-var
$Matches = $null; $r = 'a1', 'b2' -match '\d'; $r; $null -eq $Matches
# ==== match-number-left
123 -match '^\d{3}$'
# ==== match-null-left
$null -match 'x'; $null -match ''
# ==== match-bad-pattern
'x' -match '['
# ==== match-bad-pattern-quantifier
'x' -match '*a'
# ==== backreference
'hello' -match '(l)\1'; 'abab' -match '^(ab)\1$'
# ==== named-backreference
'xyzxyz' -match '(?<t>xyz)\k<t>'
# ==== lookahead
'price: 100USD' -match '\d+(?=USD)'; $Matches[0]
# ==== negative-lookahead
'foobar', 'foobaz' -match 'foo(?!bar)'
# ==== lookbehind
'USD100' -match '(?<=USD)\d+'; $Matches[0]
# ==== negative-lookbehind
'a1', 'b1' -match '(?<!a)1'
# ==== variable-length-lookbehind
'xxabc' -match '(?<=x+)abc'
# ==== non-greedy
'<a><b>' -match '<.+?>'; $Matches[0]; '<a><b>' -match '<.+>'; $Matches[0]
# ==== anchors-multiline
"one`ntwo" -match '^two$'; "one`ntwo" -match '(?m)^two$'
# ==== singleline
"a`nb" -match 'a.b'; "a`nb" -match '(?s)a.b'
# ==== inline-ignorecase
'ABC' -cmatch '(?i)abc'
# ==== literal-brace
'a{b' -match 'a{b'; 'a{1}' -match 'a{1}'; 'x{2,}' -match '^x{2,}$'
# ==== brace-quantifier-invalid-literal
'a{,2}' -match 'a{,2}'; $Matches[0]
# ==== unicode-class
'Ünïcödé' -match '^\w+$'; 'abc' -match '\p{Lu}'
# ==== digit-unicode
'٣' -match '\d'
# ==== ecmascript-option
[regex]::IsMatch('٣', '\d', 'ECMAScript')
# ==== regex-matches
[regex]::Matches('a1b22c333', '\d+') | ForEach-Object { $_.Value }
# ==== regex-matches-count
([regex]::Matches('aaa', 'a')).Count
# ==== regex-matches-groups
$m = [regex]::Matches('k1=v1;k2=v2', '(\w+)=(\w+)'); foreach ($x in $m) { $x.Groups[1].Value + '->' + $x.Groups[2].Value }
# ==== regex-match-object
$m = [regex]::Match('abc123def', '\d+'); $m.Success; $m.Index; $m.Length; $m.Value
# ==== regex-match-fail
$m = [regex]::Match('abc', '\d'); $m.Success; $m.Value -eq ''
# ==== regex-match-default-output
[regex]::Match('abc123', '(?<n>\d+)')
# ==== regex-replace
[regex]::Replace('a1b2', '\d', '#')
# ==== regex-replace-evaluator
[regex]::Replace('a1b2', '\d', { param($m) [int]$m.Value * 2 })
# ==== regex-replace-options
[regex]::Replace('AbC', 'b', '-', 'IgnoreCase')
# ==== regex-escape
[regex]::Escape('a.b*c?(d)[e] {f} $^|\'); [regex]::Escape('tab	space ')
# ==== regex-unescape
[regex]::Unescape('a\.b\tc')
# ==== regex-split
[regex]::Split('a1b2c', '\d')
# ==== regex-options-enum
[System.Text.RegularExpressions.RegexOptions]'IgnoreCase,Multiline'
$r = [regex]::new('^b', 'IgnoreCase, Multiline'); $r.Matches("a`nB").Count
# ==== regex-object-replace
$r = [regex]'(\w)(\w)'; $r.Replace('abcd', '$2$1')
# ==== regex-replace-count
$r = [regex]'a'; $r.Replace('aaaa', 'b', 2)
# ==== regex-groups-by-name
$m = [regex]::Match('John 42', '(?<name>\w+) (?<age>\d+)'); $m.Groups['age'].Value; $m.Groups['name'].Index
# ==== regex-group-names
([regex]'(?<a>x)(?<b>y)').GetGroupNames() -join ','
# ==== regex-captures
$m = [regex]::Match('abc', '(\w)+'); $m.Groups[1].Captures.Count; $m.Groups[1].Value
# ==== regex-timeout-none
[regex]::IsMatch('aaa', '^a+$')
# ==== select-string-basic
'alpha', 'beta', 'gamma' | Select-String 'a$' | ForEach-Object { $_.Line }
# ==== select-string-output
'one', 'two' | Select-String 'w'
# ==== select-string-allmatches
'a1b2c3' | Select-String '\d' -AllMatches | ForEach-Object { $_.Matches.Value }
# ==== select-string-simple
'a.b', 'axb' | Select-String -SimpleMatch '.' | ForEach-Object Line
# ==== select-string-notmatch
'a', 'b', 'c' | Select-String -NotMatch 'b' | ForEach-Object Line
# ==== select-string-file
Set-Content -Path log.txt -Value 'INFO start', 'ERROR disk', 'INFO end', 'ERROR net'
Select-String -Path log.txt -Pattern '^ERROR' | ForEach-Object { '{0}:{1}' -f $_.LineNumber, $_.Line }
# ==== select-string-context
'a', 'b', 'c', 'd' | Select-String 'c' -Context 1 | ForEach-Object { $_.Context.PreContext; $_.Line }
# ==== switch-regex-matches
switch -Regex ('abc-123') { '(\d+)' { $Matches[1] } }
# ==== replace-lookaround
'1234567' -replace '(?<=\d)(?=(\d{3})+$)', ','
# ==== replace-unicode-escape
'a b' -replace '\u0020', '_'
# ==== replace-dollar-in-double-quotes
$x = 'X'; 'abc' -replace 'b', "$x"
# ==== replace-named-group-missing
'abc' -replace '(?<x>b)', '${y}'
# ==== replace-group-zero
'abc' -replace 'b', '<$0>'; 'abc' -replace 'b', '<$&>'
# ==== replace-prefix-suffix
'abc' -replace 'b', '[$`|$'']'
# ==== split-lookahead
'CamelCaseString' -csplit '(?=[A-Z])' | Where-Object { $_ }
# ==== match-whitespace-classes
"a`tb" -match '\s'; 'a b' -match '\S\s\S'
# ==== match-word-boundary
'cat concat' -match '\bcat\b'; ([regex]::Matches('cat concat', '\bcat\b')).Count
# ==== match-alternation
'gray', 'grey', 'groy' -match 'gr(a|e)y'
# ==== match-quantifiers
'aaa' -match '^a{2,3}$'; 'aaaa' -match '^a{2,3}$'; 'ab' -match '^ab?c?$'
# ==== match-character-class
'x9' -match '^[a-z][0-9]$'; 'X9' -cmatch '^[a-z][0-9]$'; 'a-b' -match '^[\w-]+$'
# ==== match-negated-class
'abc' -match '[^abc]'; 'abd' -match '[^abc]'
# ==== atomic-group
'aaab' -match '(?>a+)b'
# ==== conditional-regex
'(a)', 'a' | ForEach-Object { $_ -match '^(\()?a(?(1)\))$' }
# ==== balancing-group
'((a))' -match '^(?:[^()]|(?<o>\()|(?<-o>\)))*(?(o)(?!))$'
# ==== regex-comment-mode
'abc' -match '(?x) a  b  c  # letters'
# ==== match-emoji
'hi😀' -match '😀'; 'hi😀'.Length
# ==== matches-after-switch
switch -Regex ('k=v') { '^(\w)=' { "key $($Matches[1])" } }
# ==== match-uppercase-groups
'AB' -match '(?<First>A)(?<second>B)'; $Matches.first; $Matches.SECOND
# ==== regex-ismatch-static-options
[regex]::IsMatch('HELLO', 'hello', [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
# ==== regex-matches-empty
[regex]::Matches('abc', 'x*').Count
# ==== regex-rtl
[regex]::Match('abcabc', 'abc', 'RightToLeft').Index
# ==== regex-escape-in-match
$user = 'a.b+c'; 'xa.b+cx' -match [regex]::Escape($user); 'xaXbbcx' -match [regex]::Escape($user)
# ==== wildcard-vs-regex
'file.txt' -like '*.txt'; 'file.txt' -match '*.txt'
# ==== wildcard-pattern-class
$w = [WildcardPattern]::new('a*c', 'IgnoreCase'); $w.IsMatch('ABC'); [WildcardPattern]::Escape('a*b?')
# ==== match-returns-bool-type
('a' -match 'a').GetType().Name; ('a', 'b' -match 'a').GetType().Name
# ==== matches-case-insensitive-keys
'ab' -match '(?<Key>a)' | Out-Null; $Matches['KEY']
# ==== match-in-where
'abc1', 'def', 'gh2' | Where-Object { $_ -match '\d$' }
# ==== match-ip-address
'10.0.0.1' -match '^(\d{1,3}\.){3}\d{1,3}$'; '10.0.0' -match '^(\d{1,3}\.){3}\d{1,3}$'
# ==== match-guid
'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -match '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'
# ==== match-upn
'megan.bowen@contoso.onmicrosoft.com' -match '^[^@\s]+@[^@\s]+\.[^@\s]+$'
# ==== replace-case-insensitive-default
'Hello HELLO hello' -replace 'hello', 'x'
# ==== replace-newlines
"a`r`nb`nc" -replace '\r?\n', '|'
# ==== replace-unicode-category
'a1-b2' -replace '\p{Nd}', '#'
# ==== split-regex-special
'a|b|c' -split '\|'; 'a|b' -split '|', 0, 'SimpleMatch'
# ==== split-max-substrings-regex
'1-2-3-4' -split '-', 3
# ==== regex-matches-index
[regex]::Matches('abcabc', 'c') | ForEach-Object Index
# ==== regex-match-nextmatch
$m = [regex]::Match('a1b2', '\d'); $m.Value; $m.NextMatch().Value
# ==== regex-named-numbered-mix
'ab' -match '(?<n>a)(b)' | Out-Null; $Matches[1]; $Matches['n']; ($Matches.Keys | Sort-Object) -join ','
# ==== regex-invalid-group-name
'a' -match '(?<1a>a)'
# ==== regex-unterminated-class
[regex]::new('[abc')
# ==== regex-lazy-quantifier-braces
'aaaa' -match 'a{2,3}?'; $Matches[0]
# ==== regex-static-cache-options
[regex]::Matches('A a', 'a', 'IgnoreCase').Count
