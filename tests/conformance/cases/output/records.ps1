# Error records' fields: the FullyQualifiedErrorId of failed casts.

# ==== cast-error-ids
foreach ($s in @({[int]'abc'}, {[datetime]'nope'}, {[int]@(1,2)}, {[guid]'x'}, {[double]'x'}, {[decimal]'x'}, {[char]'ab'}, {[version]'x'}, {[byte]300}, {[DayOfWeek]'x'}, {[int]([pscustomobject]@{})})) {
  try { & $s } catch { "$s => $($_.FullyQualifiedErrorId) | $($_.CategoryInfo.Category)" }
}
