# $_ inside ForEach-Object / Where-Object is the item only while the block runs.
try { throw "boom" } catch {
    1, 2 | ForEach-Object { "item $_" }
    "caught: $($_.GetType().Name) $_"
}
$_ = "outer"
"a", "b" | Where-Object { $_ -eq "b" }
"still $_"
