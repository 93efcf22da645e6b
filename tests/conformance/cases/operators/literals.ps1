# Numeric literals, suffixes and multipliers.
# ==== long-suffix
$r = 1l; $r; $r.GetType().Name
# ==== uint-suffix
$r = 1u; $r; $r.GetType().Name
# ==== ulong-suffix
$r = 1ul; $r; $r.GetType().Name
# ==== decimal-suffix
$r = 1d; $r; $r.GetType().Name
# ==== decimal-suffix-fraction
$r = 1.50d; $r; $r.GetType().Name
# ==== bigint-suffix
$r = 1n; $r; $r.GetType().Name
# ==== short-suffix
$r = 1s; $r; $r.GetType().Name
# ==== ushort-suffix
$r = 1us; $r; $r.GetType().Name
# ==== sbyte-suffix
$r = 1y; $r; $r.GetType().Name
# ==== byte-suffix
$r = 1uy; $r; $r.GetType().Name
# ==== hex-literal
$r = 0x10; $r; $r.GetType().Name
# ==== hex-literal-big
$r = 0xFFFFFFFF; $r; $r.GetType().Name
# ==== hex-literal-long
$r = 0x1FFFFFFFF; $r; $r.GetType().Name
# ==== hex-long-suffix
$r = 0xFFl; $r; $r.GetType().Name
# ==== binary-literal
$r = 0b1010; $r; $r.GetType().Name
# ==== binary-literal-high-bit
$r = 0b11111111111111111111111111111111; $r; $r.GetType().Name
# ==== kb-multiplier
1kb; 1mb; 1gb; (1kb).GetType().Name
# ==== tb-pb-multiplier
1tb; 1pb; (1pb).GetType().Name
# ==== fraction-multiplier
1.5kb; (1.5kb).GetType().Name
# ==== exponent
$r = 1e3; $r; $r.GetType().Name
# ==== exponent-negative
1e-3; 1.5E+2
# ==== int-max-literal
$r = 2147483647; $r.GetType().Name
$r = 2147483648; $r.GetType().Name
# ==== long-max-literal
$r = 9223372036854775807; $r.GetType().Name
$r = 9223372036854775808; $r; $r.GetType().Name
# ==== huge-literal
$r = 123456789012345678901234567890; $r; $r.GetType().Name
# ==== leading-dot
$r = .5; $r; $r.GetType().Name
# ==== negative-literal
$r = -5; $r.GetType().Name; -0x10
# ==== underscore-not-allowed
$r = 1_000
# ==== bad-number-suffix
$r = 12abc
# ==== number-like-command
1..3 | ForEach-Object { $_ }
# ==== type-of-literals
(1).GetType().FullName; (1.0).GetType().FullName; ('1').GetType().FullName; (1d).GetType().FullName
# ==== multiplier-with-suffix
$r = 1lkb; $r; $r.GetType().Name
# ==== decimal-exponent
$r = 1e2d; $r; $r.GetType().Name
# ==== hex-negative-wrap
$r = 0xFFFFFFFF; $r
$r = 0x80000000; $r
# ==== string-to-number-literals
[int]'0x1F'; [int]'  42  '; [double]'1e3'; [int]'1kb'
