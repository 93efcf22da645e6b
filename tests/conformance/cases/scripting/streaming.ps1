# Streaming pipelines: objects move one at a time, every begin block runs first, and a command
# that has all it needs (Select-Object -First, -Index, -Unique with -First) stops the commands
# upstream: their end blocks do not run, the commands after it still end (StopUpstreamCommands).
# ==== stop-end-blocks
function Source {
    begin { Write-Host 'source begin' }
    end { foreach ($i in 1..5) { Write-Host "source emits $i"; $i }; Write-Host 'source end done' }
}
function Producer {
    begin { Write-Host 'producer begin' }
    process { Write-Host "producer process $_"; $_ }
    end { Write-Host 'producer end' }
}
function Sink {
    begin { Write-Host 'sink begin' }
    process { Write-Host "sink got $_"; $_ }
    end { Write-Host 'sink end' }
}
Source | Producer | Select-Object -First 2 | Sink
'after'
# ==== stop-foreach-object-blocks
1..10 | ForEach-Object -Begin { Write-Host 'fe begin' } -Process { Write-Host "fe $_"; $_ } -End { Write-Host 'fe end' } | Select-Object -First 1
# ==== stop-runs-finally
function WithFinally { try { foreach ($i in 1..5) { Write-Host "emit $i"; $i } } finally { Write-Host 'finally ran' } }
WithFinally | Select-Object -First 1
# ==== stop-is-not-caught
function Catching { try { foreach ($i in 1..5) { $i } } catch { Write-Host "caught $_" }; Write-Host 'after try' }
Catching | Select-Object -First 2
'next statement'
# ==== stop-in-assignment
$r = 1..10 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -First 3
"r=$r"
# ==== stop-index
1..10 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -Index 1, 3 | ForEach-Object { "idx $_" }
# ==== stop-skip-first
1..10 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -Skip 2 -First 2
# ==== stop-unique-first
1, 1, 2, 2, 3, 3, 4 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -Unique -First 2
# ==== stop-nested-select
1..5 | ForEach-Object { Write-Host "a $_"; $_ } | Select-Object -First 2 | Select-Object -First 1
# ==== stop-first-zero
1..5 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -First 0
'after zero'
# ==== stop-property-first
1..5 | ForEach-Object { Write-Host "up $_"; [pscustomobject]@{ N = $_; Sq = $_ * $_ } } | Select-Object -Property Sq -First 2
# ==== stop-last-reads-all
1..4 | ForEach-Object { Write-Host "up $_"; $_ } | Select-Object -Last 1
# ==== stop-nested-pipeline-in-function
function Inner { 1..1000000 | ForEach-Object { Write-Host "in $_"; $_ }; Write-Host 'inner after' }
Inner | Select-Object -First 2
'done'
# ==== stop-pipeline-in-script-block
& { 1..1000000 | ForEach-Object { Write-Host "sb $_"; $_ } } | Select-Object -First 1
# ==== begin-blocks-run-first
function A { begin { Write-Host 'A begin'; 'from A begin' } process { Write-Host "A process $_"; "A:$_" } end { Write-Host 'A end' } }
function B { begin { Write-Host 'B begin' } process { Write-Host "B got $_"; $_ } end { Write-Host 'B end' } }
A | B
1, 2 | A | B
# ==== objects-interleave
1..3 | ForEach-Object { Write-Host "make $_"; $_ } | ForEach-Object { Write-Host "use $_"; $_ * 10 }
# ==== where-method-modes
$a = 1..10
$a.Where({ Write-Host "test $_"; $_ -gt 2 }, 'First')
$a.Where({ $_ -gt 3 }, 'First', 2) -join ','
$a.Where({ $_ -gt 3 }, 'Last', 2) -join ','
$a.Where({ $_ -gt 7 }, 'SkipUntil') -join ','
$a.Where({ $_ -gt 3 }, 'Until', 2) -join ','
$x, $y = $a.Where({ $_ -gt 3 }, 'Split', 2)
"x=$x y=$y"
$a.Where({ $_ -gt 3 }, 'Default', 2) -join ','
# ==== where-method-bad-mode
(1..3).Where({ $_ }, 'Bogus')
# ==== range-lazy-pipeline
1..2000000000 | Select-Object -First 3
-5..-2000000000 | Select-Object -Skip 1 -First 2
# ==== range-lazy-foreach
foreach ($i in 1..2000000000) { if ($i -gt 3) { break }; $i }
foreach ($i in 2147483646..2147483647) { $i }
# ==== range-lazy-full-int32
-2147483648..2147483647 | Select-Object -First 2
# ==== range-array-too-long
$a = 1..2147483647
'after'
# ==== range-array-in-operator
5 -in 1..2147483647
# ==== range-array-paren-pipeline
(1..2147483647) | Select-Object -First 1
# ==== range-count-overflow
$x = -2147483648..2147483647
# ==== range-count-wraps
$x = 0..2147483647
# ==== get-content-streams
Set-Content -Path five.txt -Value 'l1', 'l2', 'l3', 'l4', 'l5'
Get-Content five.txt | ForEach-Object { Write-Host "read $_"; $_ } | Select-Object -First 2
Get-Content five.txt -TotalCount 2
Get-Content five.txt -Head 1
# ==== get-content-read-count
Set-Content -Path five.txt -Value 'l1', 'l2', 'l3', 'l4', 'l5'
Get-Content five.txt -ReadCount 2 | ForEach-Object { "batch $($_.Count) [$_] $($_.GetType().Name)" }
Get-Content five.txt -ReadCount 2 -TotalCount 3 | ForEach-Object { "batch $($_.Count) [$_]" }
Get-Content five.txt -ReadCount 0 | ForEach-Object { "all $($_.Count)" }
Get-Content five.txt -ReadCount 1 | ForEach-Object { $_.GetType().Name }
# ==== get-content-tail
Set-Content -Path five.txt -Value 'l1', 'l2', 'l3', 'l4', 'l5'
Get-Content five.txt -Tail 2
Get-Content five.txt -Tail 0
'tail 0 done'
Get-Content five.txt -Tail 9 -ReadCount 2 | ForEach-Object { "batch [$_]" }
[IO.File]::WriteAllText("$PWD/mixed.txt", "a`r`nb`rc`n`nd")
foreach ($n in 1..5) { "tail $n : " + ((Get-Content mixed.txt -Tail $n) -join '|') }
# ==== get-content-tail-and-head
Set-Content -Path five.txt -Value 'l1', 'l2'
Get-Content five.txt -Tail 1 -TotalCount 1
'after'
# ==== get-content-total-count-zero
Get-Content missing.txt -TotalCount 0
'nothing read'
