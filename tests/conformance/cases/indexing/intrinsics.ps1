# The intrinsic Where() and ForEach() in every mode, a scalar as a collection of one, an array's
# Clone(), the [array] statics that work in place, Guid formats and version ordering.
# ==== where-modes
$x = 1..8
$x.Where({ $_ -gt 2 }, 'Last', 2)
$x.Where({ $_ -gt 5 }, 'Until') -join ','
$x.Where({ $_ -gt 5 }, 'SkipUntil') -join ','
$x.Where({ $_ -gt 2 }, 'First', 0)
$x.Where({ $_ -gt 2 }, 'Default', 3) -join ','
# ==== where-bad-mode
(1..3).Where({ $_ }, 'Bogus')
# ==== where-split-count
$a, $b = (1..6).Where({ $_ -gt 1 }, 'Split', 2); "$a"; "$b"
# ==== foreach-forms
(1..3).ForEach({ $_ * 2 }) -join ','
(1..2).ForEach({ "$_ $args" }, 'x', 'y')
('1', '2').ForEach([int]) | ForEach-Object { $_.GetType().Name }
('ab', 'c').ForEach('Length') -join ','
('ab', 'c').ForEach('PadLeft', 3) -join '|'
# ==== scalar-intrinsics
(5).ForEach({ $_ + 1 }); $null.Where({ $true }).Count; 'x'.Where({ $_ -eq 'x' })
# ==== array-statics
$a = @('pear', 'Apple', 'fig'); [array]::Sort($a); "$a"
[array]::LastIndexOf(@(1, 2, 1), 1); [array]::IndexOf(@('a', 'b'), 'B')
$c = @(1, 2, 3, 4); [array]::Clear($c, 1, 2); $c -join ','
$d = @(1, 2); $e = $d.Clone(); $e[0] = 9; "$d $e"
# ==== guid-formats
$g = [guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
$g.ToString('N'); $g.ToString('P'); $g.ToString('X'); $g.ToString('D')
$g.ToString('Q')
# ==== version-order
[version]'1.2' -lt '1.10'; [version]'2.0' -eq [version]'2.0'; [version]'1.0' -lt [version]'1.0.0'
'1.10', '1.9', '1.2.1', '1.2' | Sort-Object { [version]$_ }
[version]'1.2.x'
