# Table and list layout details at 80 columns.
# ==== table-column-widths
[pscustomobject]@{a = 'x'; b = 'yy'; c = 'zzz'}
# ==== table-header-longer-than-values
[pscustomobject]@{LongHeaderName = 1; B = 2}
# ==== table-values-longer-than-header
[pscustomobject]@{A = 'long value here'; B = 2}
# ==== table-truncation-two-long
[pscustomobject]@{A = 'a' * 50; B = 'b' * 50; C = 'c'}
# ==== table-truncation-number
[pscustomobject]@{A = 'a' * 70; N = 1234567890}
# ==== table-four-wide-columns
[pscustomobject]@{First = 'x' * 25; Second = 'y' * 25; Third = 'z' * 25; Fourth = 'w' * 25}
# ==== table-empty-string-values
[pscustomobject]@{A = ''; B = 'x'}
# ==== table-column-of-nulls
[pscustomobject]@{A = $null; B = $null}
# ==== table-rows-varying-widths
'a', 'bbbbbbbbbb', 'cc' | ForEach-Object { [pscustomobject]@{V = $_; L = $_.Length} }
# ==== table-negative-numbers
[pscustomobject]@{n = -1}, [pscustomobject]@{n = 100}
# ==== table-decimals-mixed
[pscustomobject]@{v = 1}, [pscustomobject]@{v = 2.25}, [pscustomobject]@{v = 1000.125}
# ==== list-label-width
[pscustomobject]@{A = 1; LongerLabel = 2; Mid = 3; X = 4; Y = 5}
# ==== list-wrap-long-word
[pscustomobject]@{A = 1; B = 2; C = 3; D = 4; E = 'z' * 150}
# ==== list-wrap-words
[pscustomobject]@{A = 1; B = 2; C = 3; D = 4; E = ('word ' * 30).Trim()}
# ==== list-multiple-objects
1..2 | ForEach-Object { [pscustomobject]@{A = $_; B = 2; C = 3; D = 4; E = 5} }
# ==== list-empty-value
[pscustomobject]@{A = ''; B = $null; C = 3; D = 4; E = 5}
# ==== list-array-value-empty
[pscustomobject]@{A = @(); B = 2; C = 3; D = 4; E = 5}
# ==== list-nested-array-value
[pscustomobject]@{A = 1, (2, 3); B = 2; C = 3; D = 4; E = 5}
# ==== table-array-value-truncated
[pscustomobject]@{Name = 'x'; Ids = 1..50}
# ==== table-hashtable-value
[pscustomobject]@{Name = 'x'; H = @{k = 'v'}}
# ==== hashtable-long-value
@{k = 'v' * 100}
# ==== hashtable-multiline-value
@{k = "a`nb"}
# ==== hashtable-many
$h = [ordered]@{}; 1..5 | ForEach-Object { $h["key$_"] = $_ }; $h
