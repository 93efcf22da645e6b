# usage.md §3 E2: a script argument that does not convert to the parameter's type.
param([int]$Retries = 3, [switch]$Force)
Write-Host "not reached: $Retries"
