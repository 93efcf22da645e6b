# Error records as objects: ScriptStackTrace, Format-List * -Force, Get-Error's nested view.
# ==== script-stack-trace-functions
function Inner { throw 'boom' }
function Outer { Inner }
try { Outer } catch { }
$Error[0].ScriptStackTrace
# ==== script-stack-trace-top-level
try { [int]::Parse('x') } catch { $_.ScriptStackTrace }
# ==== script-stack-trace-cmdlet-in-function
function Get-Thing { Get-Item /no/such/path -ErrorAction Stop }
try { Get-Thing } catch { $_.ScriptStackTrace }
# ==== script-stack-trace-non-terminating
function Write-Problem { Write-Error 'soft problem' -ErrorAction SilentlyContinue }
Write-Problem
$Error[0].ScriptStackTrace
# ==== script-stack-trace-select
try { throw 'boom' } catch { }
$Error[0] | Select-Object FullyQualifiedErrorId, ScriptStackTrace
# ==== format-list-force-throw
function Inner { throw 'boom' }
try { Inner } catch { }
$Error[0] | Format-List * -Force
# ==== format-list-no-force-is-error-view
try { throw 'boom' } catch { }
$Error[0] | Format-List *
# ==== format-list-force-cmdlet-error
try { Get-Item /no/such/path -ErrorAction Stop } catch { }
$Error[0] | Format-List * -Force
# ==== get-error-throw-in-function
function Inner { throw 'boom' }
try { Inner } catch { }
Get-Error
# ==== get-error-newest-two
try { throw 'first' } catch { }
try { throw 'second' } catch { }
Get-Error -Newest 2
