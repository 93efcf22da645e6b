# trap, as older admin scripts use it: one handler for the whole script (about_Trap).
# A trap covers every statement of the list it is in, even those written before it.
"Granting with a trap for every error"
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Missing-Policy -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e" -ErrorAction Stop
"the script goes on after continue"

trap {
    Write-Warning "Failed: $($_.Exception.Message)"
    $script:failures++
    continue
}

# A typed trap in a function takes only its own kind of error; others go to the caller's trap.
function Grant-Safely {
    trap [System.Management.Automation.CommandNotFoundException] {
        "not installed: $($_.TargetObject)"
        continue
    }
    Grant-CsApplicationAcessPolicy -PolicyName Bot
    "after the typo"
    throw "policy store unavailable"
    "never printed"
}
Grant-Safely
"failures: $failures"

# Without continue or break the error is reported and the next statement runs.
function Report-AndGoOn {
    trap { "handling: $_" }
    throw "first"
    "second statement runs"
}
Report-AndGoOn

# break ends the function with the error; the script's trap then handles it.
function Stop-Here {
    trap { "stopping: $_"; break }
    throw "fatal"
    "never printed"
}
Stop-Here
"failures: $failures"
$Error.Count -ge 3

# The trap body has its own scope: a plain assignment there does not reach the script.
function Count-Local {
    $count = 0
    trap { $count = 99; continue }
    throw "x"
    "count is still $count"
}
Count-Local
