# Casts within the numeric family: rounding, overflow, strings.
# ==== int-round-half-even
[int]2.5; [int]3.5; [int]-2.5; [int]0.5; [int]1.5
# ==== int-round-other
[int]2.6; [int]2.4; [int]-2.6
# ==== long-round
[long]2.5; [long]7.5
# ==== int-from-string-fraction
[int]'2.5'; [int]'3.5'
# ==== int-overflow-cast
[int]3000000000
# ==== int-overflow-double
[int]1e20
# ==== byte-overflow
[byte]256
# ==== byte-negative
[byte]-1
# ==== sbyte-overflow
[sbyte]200
# ==== int16-overflow
[int16]40000
# ==== uint16-negative
[uint16]-5
# ==== uint32-negative
[uint32]-1
# ==== uint64-negative
[uint64]-1
# ==== long-from-double-overflow
[long]1e30
# ==== decimal-from-double
[decimal]0.1; [decimal]1e-10; [decimal]3.0
# ==== decimal-overflow
[decimal]1e30
# ==== double-from-string
[double]'3.14'; [double]'-1e-3'; [double]' 2 '
# ==== double-from-bad-string
[double]'3,14'
# ==== int-from-bad-string
[int]'abc'
# ==== int-from-empty
[int]''; [int]$null; [int]' '
# ==== int-from-bool
[int]$true; [int]$false
# ==== int-from-char
[int][char]'A'
# ==== int-from-hex-string
[int]'0xFF'; [long]'0x7FFFFFFFFFFFFFFF'
# ==== int-from-array-single
[int]@(5)
# ==== int-from-array-many
[int]@(1, 2)
# ==== float-cast
[float]3.14159265358979; [single]1e40
# ==== bigint-from-double
[bigint]1e20; [bigint]2.5; [bigint]3.5
# ==== bigint-from-string
[bigint]'99999999999999999999999'
# ==== numeric-cast-chain
[int][double]'7.5'; [string][int]'08'
# ==== cast-to-byte-array
[byte[]](65, 66, 67) -join ','
# ==== int-array-from-strings
$a = [int[]]('1', '2', '3'); $a[0].GetType().Name; ($a | Measure-Object -Sum).Sum
# ==== int-array-bad-element
[int[]]('1', 'x')
# ==== string-to-int-culture
[int]'1,000'
# ==== double-nan-inf
[double]'NaN'; [double]'Infinity'; [double]::NegativeInfinity; [double]::NaN -eq [double]::NaN
# ==== int-from-nan
[int][double]::NaN
# ==== int-parse
[int]::Parse('42'); [int]::TryParse('x', [ref]$null)
# ==== int-parse-fail
[int]::Parse('4x2')
# ==== tryparse-ref
$n = 0; [int]::TryParse('123', [ref]$n); $n
# ==== convert-toint32-base
[convert]::ToInt32('ff', 16); [convert]::ToString(255, 2); [convert]::ToInt32('1010', 2)
# ==== convert-toint32-rounding
[convert]::ToInt32(2.5); [convert]::ToInt32(3.5)
# ==== numeric-type-accelerators
[int32]1 -is [int]; [int64]1 -is [long]; [single]1 -is [float]; ([byte]1).GetType().FullName
# ==== cast-negative-zero
[int]-0.4; [int]-0.5; [int]-0.6
# ==== minvalue-maxvalue
[byte]::MaxValue; [sbyte]::MinValue; [int16]::MaxValue; [uint16]::MaxValue; [uint32]::MaxValue; [long]::MinValue; [uint64]::MaxValue
# ==== float-max
[float]::MaxValue; [double]::MaxValue; [double]::Epsilon
# ==== decimal-max
[decimal]::MaxValue; [decimal]::MinValue
