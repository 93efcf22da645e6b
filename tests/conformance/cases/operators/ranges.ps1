# Range operator and collections.
# ==== range-basic
1..5
# ==== range-reverse
5..1
# ==== range-negative
-2..2
# ==== range-chars
'a'..'e'
# ==== range-chars-reverse
'e'..'a' -join ''
# ==== range-char-type
('a'..'c')[0].GetType().Name
# ==== range-doubles
1.5..4.5
# ==== range-strings-numeric
'1'..'3'
# ==== range-type
(1..3).GetType().Name
# ==== range-single
1..1
# ==== range-variables
$a = 2; $b = 4; $a..$b
# ==== range-count
(1..100).Count; (1..100 | Measure-Object -Sum).Sum
# ==== range-bad-string
'ab'..'c'
# ==== range-in-index
$a = 10..20; $a[2..4]
# ==== range-with-expression
0..(3 - 1)
# ==== range-large-bound
(1..10 | Select-Object -Last 1)
# ==== range-long
$r = 2147483647..2147483648
# ==== range-precedence
1..3 + 5
# ==== range-unary-minus
-1..-3
