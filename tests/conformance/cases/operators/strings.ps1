# String operators: -replace, -split, -join, -f, multiplication.
# ==== replace-basic
'hello world' -replace 'o', '0'
# ==== replace-case
'Hello' -replace 'h', 'J'; 'Hello' -creplace 'h', 'J'; 'Hello' -ireplace 'H', 'J'
# ==== replace-group
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
# ==== replace-named-group
'2024-01-02' -replace '(?<y>\d+)-(?<m>\d+)-(?<d>\d+)', '${d}/${m}/${y}'
# ==== replace-double-quoted-dollar
"abc" -replace 'b', "[$0]"
'abc' -replace 'b', '[$0]'
# ==== replace-dollar-dollar
'price' -replace 'price', '$$5'
# ==== replace-scriptblock
'a1b22c333' -replace '\d+', { $_.Value.Length }
# ==== replace-scriptblock-upper
'hello world' -replace '\b\w', { $_.Value.ToUpper() }
# ==== replace-no-replacement
'hello' -replace 'l'
# ==== replace-collection
'apple', 'banana' -replace 'a', 'A'
# ==== replace-chained
'a-b_c' -replace '-', ' ' -replace '_', ' '
# ==== replace-bad-regex
'abc' -replace '(', 'x'
# ==== replace-number
12345 -replace '3', 'x'
# ==== replace-empty-match
'abc' -replace '', '-'
# ==== split-basic
'a,b,c' -split ','
# ==== split-regex
'a1b22c' -split '\d+'
# ==== split-limit
'a,b,c,d' -split ',', 2
# ==== split-limit-negative
'a,b,c,d' -split ',', -2
# ==== split-simplematch
'a.b.c' -split '.', 0, 'SimpleMatch'
# ==== split-regex-dot
('a.b.c' -split '.').Count
# ==== split-options-ignorecase
'aXbxc' -csplit 'x'
'aXbxc' -split 'x', 0, 'RegexMatch,IgnoreCase'
# ==== split-scriptblock
'a1b2c3' -split { $_ -match '\d' }
# ==== split-unary
-split '  one two   three  '
# ==== split-unary-count
(-split "a`tb`nc").Count
# ==== split-capture-group
'a1b2c' -split '(\d)'
# ==== split-collection
'a-b', 'c-d' -split '-'
# ==== split-empty-entries
'a,,b,' -split ','
# ==== split-multiline-option
"a`nb" -split '^', 0, 'Multiline'
# ==== split-chars
'abc' -split ''
# ==== join-basic
1, 2, 3 -join ', '
# ==== join-unary
-join ('a', 'b', 'c')
# ==== join-unary-precedence
-join 'a', 'b'
# ==== join-nulls
'a', $null, 'b' -join '-'
# ==== join-numbers-doubles
1.5, 2, 3.25 -join ';'
# ==== format-basic
'{0} and {1}' -f 'a', 'b'
# ==== format-n2
'{0:N2}' -f 1234.567
# ==== format-n0
'{0:N0}' -f 1234567.5
# ==== format-align
'[{0,10}]' -f 'right'; '[{0,-10}]' -f 'left'
# ==== format-hex
'{0:X8}' -f 255; '{0:x}' -f 255; '{0:X}' -f -1
# ==== format-d5
'{0:D5}' -f 42; '{0:D2}' -f -7
# ==== format-percent
'{0:P1}' -f 0.4567; '{0:P0}' -f 1
# ==== format-currency
'{0:C}' -f 1234.5
# ==== format-exponent
'{0:E3}' -f 12345.678; '{0:e}' -f 0.00012
# ==== format-custom
'{0:0.00}' -f 3.14159; '{0:#,##0}' -f 1234567; '{0:000}' -f 7; '{0:#.##}' -f 0.5
# ==== format-date
'{0:yyyy-MM-dd}' -f [datetime]'2024-03-05 14:07:09'
'{0:HH:mm:ss}' -f [datetime]'2024-03-05 14:07:09'
'{0:dddd, MMMM d}' -f [datetime]'2024-03-05'
# ==== format-date-default
'{0}' -f [datetime]'2024-03-05 14:07:09'
# ==== format-escaped-braces
'{{0}} is {0}' -f 'x'
# ==== format-missing-arg
'{0} {1}' -f 'only'
# ==== format-bad
'{0' -f 1
# ==== format-array-arg
'{0}' -f @(1, 2, 3)
'{0} {1}' -f @(1, 2)
# ==== format-null
'[{0}]' -f $null
# ==== format-bool
'{0}' -f $true
# ==== format-g
'{0:G}' -f 1.5; '{0:F3}' -f 2; '{0:R}' -f 0.1
# ==== format-timespan
'{0}' -f [timespan]'01:02:03'; '{0:hh\:mm}' -f [timespan]'01:02:03'
# ==== string-multiply
'ab' * 3; 'x' * 0; ('-' * 10).Length
# ==== array-multiply
$a = 1, 2 * 2; "$a"; $a = @(1, 2) * 2; "$a"
# ==== array-plus
$a = 1, 2 + 3, 4; $a.Count; "$a"
# ==== array-plus-scalar-left
$r = 1 + 2, 3
# ==== array-plus-array
$a = @(1) + @(2, 3); $a.Count; $a.GetType().Name
# ==== hashtable-plus
$h = @{a = 1} + @{b = 2}; $h.Count; $h.b
# ==== hashtable-plus-duplicate
$h = @{a = 1} + @{a = 2}
# ==== string-compare-ops
'abc'.CompareTo('abd'); [string]::Compare('a', 'B', $true)
# ==== concat-in-string
$n = 5; "n is $n and $($n * 2)"
# ==== subexpression-array
"values: $(1, 2, 3)"
# ==== string-ofs
$OFS = '-'; "$(1, 2, 3)"; $a = 4, 5; "$a"
