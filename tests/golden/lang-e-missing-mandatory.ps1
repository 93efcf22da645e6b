# usage.md §3 E2: a script's mandatory parameter without a value under -NonInteractive is a
# binding error for the whole script (no statement runs).
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$PolicyName,
    [int]$Retries = 3
)
Write-Host "not reached: $PolicyName"
