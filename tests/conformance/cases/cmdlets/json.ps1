# ConvertTo-Json edges: Single text, NaN and infinities, DateTime kinds, -EnumsAsStrings, Guid as a pipeline object.
# ==== json-single-values
[float]1.5, [float]3e10, [float]-0.25, [float]2 | ConvertTo-Json -Compress
# ==== json-nonfinite
[float]::NaN, [double]::NegativeInfinity, [double]::PositiveInfinity | ConvertTo-Json -Compress; @{ a = [double]::NaN } | ConvertTo-Json -Compress
# ==== json-date-utc
[datetime]'2024-01-02T03:04:05.5Z' | ConvertTo-Json
# ==== json-date-unspecified-nested
@{ d = [datetime]'2024-01-02T03:04:05' } | ConvertTo-Json -Compress
# ==== json-enums-as-strings
[System.DayOfWeek]::Monday, [System.DayOfWeek]::Friday | ConvertTo-Json -EnumsAsStrings -Compress; @{ d = [System.DayOfWeek]::Monday } | ConvertTo-Json -EnumsAsStrings -Compress
# ==== json-guid-nested
@{ g = [guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' } | ConvertTo-Json -Compress
# ==== json-guid-array
[guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', [guid]'00000000-0000-0000-0000-000000000001' | ConvertTo-Json -Compress
# ==== json-guid-in-object-in-array
@([pscustomobject]@{ g = [guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' }) | ConvertTo-Json -Compress -AsArray
# ==== from-json-ordered-hashtable-type
$h = '{"b":1,"a":{"x":[1,2]}}' | ConvertFrom-Json -AsHashtable
$h.GetType().FullName; $h.a.GetType().Name; $h -is [hashtable]; $h -is [System.Collections.Specialized.OrderedDictionary]
# ==== from-json-ordered-hashtable-print
'{"b":1,"a":{"x":[1,2]},"c":"text"}' | ConvertFrom-Json -AsHashtable
# ==== from-json-ordered-hashtable-case-sensitive
$h = '{"a":1,"A":2}' | ConvertFrom-Json -AsHashtable; $h.Count; $h['a']; $h['A']; $null -eq $h['B']
# ==== from-json-ordered-hashtable-add
$h = '{"z":1}' | ConvertFrom-Json -AsHashtable; $h.Add('y', 2); $h['x'] = 3; $h.Keys -join ','
# ==== from-json-ordered-hashtable-members
'{}' | ConvertFrom-Json -AsHashtable | Get-Member -MemberType Property | Format-Table -AutoSize
