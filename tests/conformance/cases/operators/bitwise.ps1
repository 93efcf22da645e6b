# Bitwise and shift operators.
# ==== band-bor-bxor
5 -band 3; 5 -bor 3; 5 -bxor 3
# ==== bnot-int
-bnot 0; -bnot 5
# ==== bnot-long
$r = -bnot [long]0; $r; $r.GetType().Name
# ==== bnot-byte
$r = -bnot [byte]1; $r; $r.GetType().Name
# ==== bnot-uint
$r = -bnot [uint32]0; $r; $r.GetType().Name
# ==== band-types
$r = [byte]255 -band [byte]15; $r; $r.GetType().Name
# ==== band-long-int
$r = [long]0xFF -band 0x0F; $r.GetType().Name
# ==== band-double
5.7 -band 3
# ==== band-string
'12' -band 4
# ==== shl
1 -shl 4; 1 -shl 31; 1 -shl 32; 1 -shl 33
# ==== shl-long
[long]1 -shl 40; ([long]1 -shl 63)
# ==== shr
256 -shr 4; -16 -shr 2
# ==== shr-uint
[uint32]0x80000000 -shr 31
# ==== shl-type
$r = 1 -shl 4; $r.GetType().Name; $r = [byte]1 -shl 4; $r.GetType().Name
# ==== band-enum
$o = [System.Text.RegularExpressions.RegexOptions]'IgnoreCase, Multiline'
$o -band [System.Text.RegularExpressions.RegexOptions]::IgnoreCase
# ==== bor-enum-type
$r = [System.IO.FileAttributes]::ReadOnly -bor [System.IO.FileAttributes]::Hidden; $r; $r.GetType().Name
# ==== bxor-bool
$true -bxor $false
# ==== band-negative
-1 -band 0xFF
# ==== band-uint64
[uint64]::MaxValue -band 1
# ==== shl-negative-count
1 -shl -1
# ==== bnot-string
-bnot '7'
# ==== band-bigint
[bigint]12 -band 10
