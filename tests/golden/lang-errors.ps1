# The error model: non-terminating, statement-terminating and script-terminating errors,
# -ErrorAction, $?, $Error, try/catch/finally with typed catches, rethrow, and the engine's
# own runtime errors with their positions.
Connect-MicrosoftTeams | Out-Null

# Non-terminating: the command reports and the statement goes on.
Get-CsApplicationAccessPolicy -Identity "One" -ErrorAction Continue
"`$? after a failed command: $?"
Get-CsApplicationAccessPolicy -Identity "Three" -ErrorAction Ignore
"errors so far: $($Error.Count)"

# Statement-terminating engine errors: the script goes on with the next statement.
$user = $null
$user.Trim()
$n = 10 / 0
$list = $null; $list[0]
"still running"

# Typed catches, finally, $_ as the error record, rethrow.
try { 1 / 0 } catch [System.DivideByZeroException] { "divide: $($_.Exception.Message)" } finally { "finally 1" }
try {
    try { Get-CsNoSuchCmdlet } catch [System.Management.Automation.CommandNotFoundException] { "not found: $($_.CategoryInfo.Category)"; throw }
} catch {
    "rethrown: $($_.FullyQualifiedErrorId)"
}
try { throw "custom" } catch { "$($_.CategoryInfo)"; $_.Exception.GetType().FullName }
$Error[0].Exception.Message

# throw ends the script (after finally blocks run).
function Stop-Here { throw "Policy setup failed: no app id" }
try { Stop-Here } finally { Write-Host "cleanup" }
"not reached"
