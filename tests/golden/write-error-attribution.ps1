# Write-Error names its caller: the function (at the call), the script at its top level.
function Grant-All {
    [CmdletBinding()]
    param()
    Write-Error "boom from the function"
}
Grant-All
Write-Error "boom from the script"
try { Grant-All -ErrorAction Stop } catch { Write-Host "caught: $($_.FullyQualifiedErrorId)" }
function Simple { Write-Error "simple" }
# A simple function has no -ErrorAction: it lands in $args and the error is not stopped.
try { Simple -ErrorAction Stop } catch { Write-Host "not reached" }
