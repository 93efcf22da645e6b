# Arithmetic on every numeric type: the value and the result type.
# ==== int-add
$r = 1 + 2; $r; $r.GetType().Name
# ==== int-overflow-add
$r = [int]::MaxValue + 1; $r; $r.GetType().Name
# ==== int-overflow-mul
$r = 2147483647 * 2; $r; $r.GetType().Name
# ==== int-sub-underflow
$r = [int]::MinValue - 1; $r; $r.GetType().Name
# ==== long-overflow-add
$r = [long]::MaxValue + 1; $r; $r.GetType().Name
# ==== long-overflow-mul
$r = [long]::MaxValue * 2; $r; $r.GetType().Name
# ==== byte-add
$r = [byte]200 + [byte]100; $r; $r.GetType().Name
# ==== byte-plus-int
$r = [byte]1 + 1; $r; $r.GetType().Name
# ==== sbyte-add
$r = [sbyte]100 + [sbyte]100; $r; $r.GetType().Name
# ==== int16-add
$r = [int16]30000 + [int16]30000; $r; $r.GetType().Name
# ==== uint16-add
$r = [uint16]60000 + [uint16]60000; $r; $r.GetType().Name
# ==== uint32-add
$r = [uint32]4000000000 + [uint32]1000000000; $r; $r.GetType().Name
# ==== uint32-plus-int
$r = [uint32]5 + 1; $r; $r.GetType().Name
# ==== uint32-minus-int-negative
$r = [uint32]1 - 5; $r; $r.GetType().Name
# ==== uint64-add
$r = [uint64]1 + [uint64]2; $r; $r.GetType().Name
# ==== uint64-max-plus-one
$r = [uint64]::MaxValue + 1; $r; $r.GetType().Name
# ==== uint64-plus-long
$r = [uint64]10 + [long]5; $r; $r.GetType().Name
# ==== float-add
$r = [float]1.5 + [float]2.25; $r; $r.GetType().Name
# ==== float-plus-int
$r = [float]1.5 + 1; $r; $r.GetType().Name
# ==== float-plus-double
$r = [float]0.1 + 0.2; $r; $r.GetType().Name
# ==== double-add
$r = 0.1 + 0.2; $r; $r.GetType().Name
# ==== double-large
$r = 1e300 * 1e10; $r; $r.GetType().Name
# ==== double-neg-infinity
$r = -1e300 * 1e10; $r
# ==== decimal-add
$r = [decimal]0.1 + [decimal]0.2; $r; $r.GetType().Name
# ==== decimal-plus-int
$r = 1d + 2; $r; $r.GetType().Name
# ==== decimal-plus-double
$r = 1d + 0.5; $r; $r.GetType().Name
# ==== decimal-overflow
$r = [decimal]::MaxValue + 1; $r
# ==== bigint-add
$r = [bigint]'123456789012345678901234567890' + 1; $r; $r.GetType().Name
# ==== bigint-mul
$r = [bigint]::Pow(2, 100); $r
# ==== bigint-plus-double
$r = [bigint]10 + 1.5; $r; $r.GetType().Name
# ==== int-div-exact
$r = 10 / 2; $r; $r.GetType().Name
# ==== int-div-inexact
$r = 10 / 4; $r; $r.GetType().Name
# ==== int-div-third
$r = 1 / 3; $r; $r.GetType().Name
# ==== long-div
$r = [long]10 / [long]4; $r; $r.GetType().Name
# ==== decimal-div
$r = 10d / 3; $r; $r.GetType().Name
# ==== byte-div
$r = [byte]10 / [byte]5; $r; $r.GetType().Name
# ==== div-by-zero-int
$r = 1 / 0
'after'
# ==== div-by-zero-var
$z = 0
$r = 1 / $z
'after'
# ==== div-by-zero-double
$z = 0.0; $r = 1.0 / $z; $r
# ==== div-zero-by-zero-double
$z = 0.0; $r = 0.0 / $z; $r
# ==== div-by-zero-decimal
$z = 0d; $r = 1d / $z
'after'
# ==== rem-basic
7 % 3; -7 % 3; 7 % -3
# ==== rem-double
7.5 % 2
# ==== rem-by-zero
$z = 0; 5 % $z
'after'
# ==== int-min-div-minus-one
$m = [int]::MinValue; $r = $m / -1; $r; $r.GetType().Name
# ==== int-min-rem-minus-one
$m = [int]::MinValue; $m % -1
# ==== long-min-div-minus-one
$m = [long]::MinValue; $r = $m / -1; $r; $r.GetType().Name
# ==== negate-int-min
$m = [int]::MinValue; $r = -$m; $r; $r.GetType().Name
# ==== unary-minus-string
$r = -'5'; $r; $r.GetType().Name
# ==== unary-plus-string
$r = +'5.5'; $r; $r.GetType().Name
# ==== string-plus-number
'1' + 2
# ==== number-plus-string
1 + '2'
# ==== number-plus-bad-string
1 + 'abc'
# ==== number-times-string
3 * '4'
# ==== string-minus-number
'10' - 3
# ==== hex-string-arith
'0x10' + 0
0 + '0x10'
# ==== null-arith
$null + 1
1 + $null
$r = $null * 5; $null -eq $r
# ==== bool-arith
$true + $true
$r = $true + 1; $r.GetType().Name
# ==== increment-postfix
$i = 5; $i++; $i; $i--; $i
# ==== increment-prefix-value
$i = 5; $j = ++$i; $j; $i
# ==== increment-postfix-value
$i = 5; $j = $i++; $j; $i
# ==== increment-undefined
$u++; $u; $u.GetType().Name
# ==== increment-int-max
$i = [int]::MaxValue; $i++; $i; $i.GetType().Name
# ==== compound-assign
$x = 10; $x += 5; $x; $x -= 3; $x; $x *= 2; $x; $x /= 4; $x; $x %= 4; $x
# ==== compound-string
$s = 'ab'; $s += 'cd'; $s; $s *= 2; $s
# ==== compound-array
$a = 1, 2; $a += 3; $a.Count; "$a"
# ==== int-times-double
$r = 3 * 1.5; $r; $r.GetType().Name
# ==== double-whole-display
$r = 2.0 * 3; $r; $r.GetType().Name
# ==== double-display-precision
1.0 / 3.0
2 / 3
[math]::PI
# ==== double-exponent-display
1e20
1e-5
123456789012345678.0
# ==== float-display
[float]1 / 3
# ==== decimal-display
[decimal]1 / 3
# ==== int16-times
$r = [int16]2 * [int16]3; $r.GetType().Name
# ==== sbyte-negative
$r = [sbyte]-128 - 1; $r; $r.GetType().Name
# ==== char-arith
$r = [char]'a' + 1; $r; $r.GetType().Name
# ==== math-round
[math]::Round(2.5); [math]::Round(3.5); [math]::Round(-2.5); [math]::Round(2.345, 2)
# ==== math-round-away
[math]::Round(2.5, [MidpointRounding]::AwayFromZero)
# ==== math-functions
[math]::Floor(-2.5); [math]::Ceiling(2.1); [math]::Truncate(-2.7); [math]::Abs(-4); [math]::Sqrt(16); [math]::Pow(2, 10)
# ==== math-max-min
[math]::Max(3, 7); [math]::Min(3L, 7); ([math]::Max(1, 2.5)).GetType().Name
# ==== math-abs-int-min
[math]::Abs([int]::MinValue)
# ==== multiply-precedence
2 + 3 * 4; (2 + 3) * 4; 10 - 2 - 3; 2 * 3 % 4
# ==== uint64-mul-overflow
$r = [uint64]::MaxValue * 2; $r; $r.GetType().Name
# ==== long-times-int
$r = 3000000000 * 3; $r; $r.GetType().Name
