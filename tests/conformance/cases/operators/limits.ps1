# Size limits of results: where pwsh's own .NET limits stop an operation, aapsh stops with the
# same error (no limit of aapsh's own).
# ==== string-repeat-length-overflow
$s = 'ab' * 1200000000
'after'
# ==== string-repeat-past-max-string
$s = 'x' * 1073741792
# ==== array-repeat-length-overflow
$a = (1, 2) * 1100000000
# ==== array-repeat-past-max-array
$b = @(1) * 2147483592
# ==== array-repeat-large
((1, 2, 3) * 5000000).Count
# ==== string-repeat-large
('abc' * 40000000).Length
