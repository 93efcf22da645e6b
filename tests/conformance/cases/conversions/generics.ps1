# Generic collections as typed values: Dictionary[K,V], HashSet[T], Queue[T], Stack[T], List[T].
# ==== dictionary-table
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['a'] = 1; $d.Add('b', 22); $d
# ==== dictionary-type-names
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d.GetType().Name; "$d"
# ==== dictionary-set-bad-value
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['b'] = 'x'
'after'; $d.Count
# ==== dictionary-add-converts-key
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d.Add(3, '4'); $d.Keys -join ','; $d['3'].GetType().Name
# ==== dictionary-remove-trygetvalue
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d.Add('a', 1); $d.Add('b', 2)
$d.Remove('a'); $d.Remove('zz'); $v = 0; $d.TryGetValue('b', [ref]$v); $v; $d.TryGetValue('q', [ref]$v); $v
# ==== dictionary-tryadd
$d = [System.Collections.Generic.Dictionary[string, string]]::new(); $d.TryAdd('k', 'v'); $d.TryAdd('k', 'w'); $d['k']
# ==== dictionary-ignorecase-comparer
$d = [System.Collections.Generic.Dictionary[string, string]]::new([System.StringComparer]::OrdinalIgnoreCase); $d['A'] = 'x'; $d['a']; $d.ContainsKey('a')
# ==== dictionary-enumerator
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['a'] = 1; $d['b'] = 2
foreach ($kv in $d.GetEnumerator()) { "$($kv.Key)=$($kv.Value)" }
# ==== dictionary-cast-from-hashtable
$d = [System.Collections.Generic.Dictionary[string, int]]@{a = 1}
# ==== hashset-int-convert
$s = [System.Collections.Generic.HashSet[int]]::new(); $s.Add('5'); $s.Add(5); $s; $s.GetType().Name
# ==== hashset-add-bad
$s = [System.Collections.Generic.HashSet[int]]::new(); $s.Add('x')
# ==== hashset-set-operations
$s = [System.Collections.Generic.HashSet[int]]::new(); [void]$s.Add(1); [void]$s.Add(2)
$s.UnionWith([int[]](2, 3)); $s -join ','; $s.IsSubsetOf([int[]](1, 2, 3, 4)); $s.IntersectWith([int[]](2, 3, 9)); $s -join ','
# ==== hashset-from-array
$s = [System.Collections.Generic.HashSet[string]]@('a', 'b', 'a'); $s.Count; $s.Contains('A')
# ==== queue-order
$q = [System.Collections.Generic.Queue[string]]::new(); $q.Enqueue(1); $q.Enqueue(2); $q; $q.Peek(); $q.Count; $q.GetType().Name
# ==== stack-order
$s = [System.Collections.Generic.Stack[int]]::new(); $s.Push(1); $s.Push(2); $s; $s.Peek(); $s -join ','
# ==== stack-from-array
$s = [System.Collections.Generic.Stack[int]]@(1, 2, 3); $s -join ','; $s.Pop()
# ==== stack-pop-empty
$s = [System.Collections.Generic.Stack[int]]::new(); $s.Pop()
# ==== queue-dequeue-empty
$q = [System.Collections.Generic.Queue[int]]::new(); $q.Dequeue()
# ==== list-add-null-int
$l = [System.Collections.Generic.List[int]]::new(); $l.Add($null); $l
# ==== list-insert-bad
$l = [System.Collections.Generic.List[int]]::new(); $l.Insert(0, 'y')
# ==== list-toarray-type
$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l.ToArray().GetType().Name
# ==== string-comparer-object
[System.StringComparer]::OrdinalIgnoreCase.GetType().FullName
# ==== generic-type-name
[System.Collections.Generic.Dictionary[string, int]].Name; [System.Collections.Generic.HashSet[int]].Name
# ==== generic-new-object
$s = New-Object 'System.Collections.Generic.HashSet[string]'; $s.Add('q'); $s.Count
# ==== type-object-table
[int], [string], [hashtable], [scriptblock], [int[]], [System.DayOfWeek]
# ==== version-new-negative
[System.Version]::new(1, -1)
# ==== bigint-statics
[bigint]::Pow(3, 50); [bigint]::Add(1, 2).GetType().Name; [bigint]::Parse('123456789012345678901234567890')
# ==== char-range-pipeline
'x'..'z' | ForEach-Object { $_.GetType().Name }; foreach ($c in 'c'..'a') { $c }
# ==== digit-string-range
('1'..'3')[0].GetType().Name
# ==== enum-order-bad
[System.DayOfWeek]::Monday -gt 'Nope'
# ==== datetime-specifykind-local
([datetime]::SpecifyKind([datetime]'2024-01-01', 'Local')).Kind
