# Indexing: scalars, negative and slice indexes, strings, hashtables, nested arrays, member enumeration.
# ==== scalar-index-zero
$x = 5; $x[0]
# ==== scalar-index-minus-one
$x = 5; $x[-1]
# ==== scalar-index-one
$x = 5; $null -eq $x[1]
# ==== string-index
$s = 'hello'; $s[0]; $s[-1]; $s[0].GetType().Name
# ==== string-index-out-of-range
$s = 'abc'; $null -eq $s[10]
# ==== string-slice
$s = 'hello'; $s[1..3]; -join $s[1..3]
# ==== array-negative
$a = 1..5; $a[-1]; $a[-2]; $a[-5]
# ==== array-negative-out-of-range
$a = 1..3; $null -eq $a[-4]
# ==== array-slice
$a = 10, 20, 30, 40; $a[1, 3]; $a[0..1]
# ==== array-slice-reverse
$a = 1..5; $a[-1..-3]
# ==== array-slice-wrap
$a = 1..5; $a[-2..1]
# ==== array-out-of-range
$a = 1, 2; $null -eq $a[5]
# ==== array-out-of-range-strict
Set-StrictMode -Version Latest
$a = 1, 2; $a[5]
'after'
# ==== array-assign-out-of-range
$a = 1, 2; $a[5] = 3
# ==== array-assign
$a = 1, 2, 3; $a[1] = 'x'; "$a"
# ==== array-assign-negative
$a = 1, 2, 3; $a[-1] = 9; "$a"
# ==== null-index
$n = $null; $n[0]
# ==== index-with-string
$a = 1, 2, 3; $a['1']
# ==== index-with-double
$a = 10, 20, 30; $a[1.6]
# ==== index-with-array-var
$a = 'a', 'b', 'c'; $i = 0, 2; $a[$i]
# ==== nested-array-string
$a = 1, (2, 3); "$a"
# ==== nested-array-count
$a = 1, (2, 3); $a.Count; $a[1].Count; $a[1][0]
# ==== nested-array-output
$a = 1, (2, 3); $a
# ==== unary-comma
$a = , (1, 2); $a.Count; $a[0].Count
# ==== jagged-index
$m = @(@(1, 2), @(3, 4)); $m[1][0]; $m[0, 1].Count
# ==== hashtable-missing-key
$h = @{a = 1}; $null -eq $h['b']; $null -eq $h.b
# ==== hashtable-missing-key-strict
Set-StrictMode -Version Latest
$h = @{a = 1}; $null -eq $h['b']; $null -eq $h.b
# ==== hashtable-multi-key
$h = @{a = 1; b = 2; c = 3}; $h['a', 'c']
# ==== hashtable-dot-key-number
$h = @{1 = 'one'; '1' = 'strone'}; $h[1]; $h['1']; $h.1
# ==== hashtable-key-with-space
$h = @{'my key' = 5}; $h.'my key'; $h['my key']
# ==== hashtable-keys-property
$h = @{keys = 'shadow'}; $h.keys; $h.Keys.Count
# ==== hashtable-set-via-dot
$h = @{}; $h.new = 1; $h.Count; $h['new']
# ==== hashtable-nested
$h = @{a = @{b = @{c = 'deep'}}}; $h.a.b.c; $h['a']['b']['c']
# ==== ordered-int-index
$o = [ordered]@{x = 'first'; y = 'second'}; $o[1]; $o[-1]
# ==== member-enumeration
$objs = [pscustomobject]@{n = 1}, [pscustomobject]@{n = 2}; $objs.n
# ==== member-enumeration-missing
$objs = [pscustomobject]@{n = 1}, [pscustomobject]@{m = 2}; $objs.n; ($objs.n).Count
# ==== member-enumeration-method
$s = 'a', 'b'; $s.ToUpper()
# ==== member-enumeration-length
$s = 'abc', 'de'; $s.Length; $s.Count
# ==== member-enumeration-nested
$o = [pscustomobject]@{items = [pscustomobject]@{v = 1}, [pscustomobject]@{v = 2}}; $o.items.v
# ==== count-on-scalar
$x = 5; $x.Count; $x.Length; 'abc'.Count
# ==== count-on-null
$n = $null; $n.Count
# ==== count-on-null-strict
Set-StrictMode -Version Latest
$n = $null; $n.Count
# ==== property-on-null
$n = $null; $null -eq $n.Foo
# ==== property-on-null-strict
Set-StrictMode -Version Latest
$n = $null; $n.Foo
# ==== missing-property-strict
Set-StrictMode -Version Latest
$o = [pscustomobject]@{a = 1}; $o.b
# ==== method-on-null
$n = $null; $n.ToString()
# ==== method-on-collection
$a = 1, 2, 3; $a.Contains(2); $a.IndexOf(3)
# ==== array-methods
$a = @(3, 1, 2); [array]::Sort($a); "$a"; [array]::Reverse($a); "$a"; [array]::IndexOf($a, 1)
# ==== array-where-method
(1..10).Where({ $_ % 3 -eq 0 })
# ==== array-where-first
(1..10).Where({ $_ -gt 4 }, 'First', 2)
# ==== array-where-split
$a, $b = (1..6).Where({ $_ % 2 }, 'Split'); "$a"; "$b"
# ==== array-foreach-method
(1..3).ForEach({ $_ * 10 })
# ==== array-foreach-property
@([pscustomobject]@{p = 'x'}, [pscustomobject]@{p = 'y'}).ForEach('p')
# ==== array-foreach-method-name
('a', 'b').ForEach('ToUpper')
# ==== where-method-on-scalar
(5).Where({ $_ -gt 1 }).Count
# ==== multiple-assignment
$a, $b, $c = 1, 2, 3, 4; $a; $b; "$c"
# ==== multiple-assignment-short
$a, $b = 1; $a; $null -eq $b
# ==== swap
$a = 1; $b = 2; $a, $b = $b, $a; "$a $b"
# ==== index-expression-property
$a = @{list = 1..5}; $a.list[-1]; ($a.list)[0]
# ==== string-chars-method
'abc'.ToCharArray()[1]; 'abc'.Substring(1); 'abc'.IndexOf('c')
# ==== substring-out-of-range
'abc'.Substring(5)
# ==== index-on-dictionary-entry
$h = @{a = 1}; $e = $h.GetEnumerator() | Select-Object -First 1; $e.Key; $e.Value
# ==== index-pipeline-result
(Write-Output 1 2 3)[1]
# ==== index-single-result-command
(Write-Output 'only')[0]
# ==== array-of-one-from-pipeline
$r = @(Write-Output 'x'); $r.Count; $r[0]
# ==== empty-array-index
$a = @(); $null -eq $a[0]
# ==== empty-array-index-strict
Set-StrictMode -Version Latest
$a = @(); $a[0]
# ==== array-equality-reference
$a = 1, 2; $b = $a; $b[0] = 9; $a[0]
# ==== array-clone
$a = 1, 2; $b = $a.Clone(); $b[0] = 9; $a[0]
# ==== range-index-string
'powershell'[0..4] -join ''
# ==== index-assignment-hashtable-add
$h = @{}; $h['x'] += 1; $h['x'] += 1; $h['x']
# ==== index-assignment-hashtable-array
$h = @{}; $h['x'] += @('a'); $h['x'] += @('b'); $h['x'] -join ','
# ==== hashtable-keys-enumerate
$h = [ordered]@{a = 1; b = 2}; foreach ($k in $h.Keys) { "$k=$($h[$k])" }
# ==== hashtable-modify-while-enumerating
$h = @{a = 1; b = 2}; foreach ($k in $h.Keys) { $h[$k] = 0 }
# ==== hashtable-modify-while-enumerating-next-statement
$h = @{a = 1; b = 2}; foreach ($k in $h.Keys) { $h[$k] = 0 }; 'same line'
'next line'
# ==== hashtable-modify-while-enumerating-one-key
$h = @{a = 1}; foreach ($k in $h.Keys) { $h[$k] = 0 }; $h.a
# ==== hashtable-modify-while-enumerating-copy
$h = @{a = 1; b = 2}; foreach ($k in @($h.Keys)) { $h[$k] = 5 }; $h.a + $h.b
# ==== hashtable-modify-while-enumerating-catch
$h = @{a = 1; b = 2}; try { foreach ($k in $h.Keys) { $h.Remove($k) } } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.CategoryInfo.Category }
# ==== hashtable-modify-while-enumerating-values
$h = [ordered]@{a = 1; b = 2}; foreach ($v in $h.Values) { $h['c'] = $v }
# ==== hashtable-read-while-enumerating
$h = @{a = 1; b = 2}; $n = 0; foreach ($k in $h.Keys) { $n += $h[$k] }; $n
# ==== hashtable-getenumerator-sort
$h = @{b = 2; a = 1; c = 3}; $h.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }
# ==== psobject-properties
$o = [pscustomobject]@{a = 1; b = 2}; $o.psobject.Properties | ForEach-Object { "$($_.Name):$($_.Value)" }
# ==== dynamic-property-name
$o = [pscustomobject]@{alpha = 1}; $p = 'alpha'; $o.$p; $o."$p"; $o.('al' + 'pha')
# ==== dynamic-method-name
$m = 'ToUpper'; 'abc'.$m()
# ==== static-member-via-variable
$t = [math]; $t::Max(1, 2)
# ==== index-string-negative-range
'abcdef'[-3..-1] -join ''
# ==== property-assign-on-pscustomobject
$o = [pscustomobject]@{a = 1}; $o.a = 5; $o.a; $o.b = 2
# ==== array-property-count-vs-member
$o = [pscustomobject]@{Count = 99}; $o.Count; @($o).Count
# ==== list-index-out-of-range
$l = [System.Collections.Generic.List[int]]::new(); $l[0]
# ==== list-negative-index
$l = [System.Collections.Generic.List[int]](1, 2, 3); $l[-1]
# ==== arraylist-index
$al = [System.Collections.ArrayList](1, 2, 3); $al[-1]; $al[1..2]
# ==== index-string-by-string
$s = 'abc'; $s['1']
# ==== index-hashtable-by-int-key
$h = @{0 = 'zero'}; $h[0]; $null -eq $h['0']
# ==== hashtable-null-key
$h = @{}; $h[$null] = 1
# ==== hashtable-index-null
$h = @{a = 1}; $h[$null]
# ==== slice-with-null
$a = 1, 2, 3; $a[0, $null, 2]
# ==== array-index-assign-grow
$a = @(); $a += 1; $a[0] = 'x'; $a
# ==== array-index-assign-out-of-range-message
$a = @(1); $a[1] = 2
# ==== index-into-int
$i = 42; $i[0]; $null -eq $i[1]
# ==== index-into-hashtable-array-value
$h = @{list = 'a', 'b'}; $h.list[1]; $h['list'][0]
# ==== method-on-each-element
$a = 'a', 'b'; $a.PadLeft(3, '.')
# ==== member-enumeration-on-empty
$a = @(); $r = $a.Name; $null -eq $r; @($r).Count
# ==== member-enumeration-on-hashtable-values
$h = [ordered]@{x = [pscustomobject]@{v = 1}; y = [pscustomobject]@{v = 2}}; $h.Values.v
# ==== index-after-sort
(3, 1, 2 | Sort-Object)[0]; (3, 1, 2 | Sort-Object)[-1]
# ==== index-chained-methods
'a b c'.Split(' ')[1].ToUpper()
# ==== list-of-lists
$l = [System.Collections.Generic.List[object]]::new(); $l.Add(@(1, 2)); $l.Add(@(3)); $l.Count; $l[0][1]
