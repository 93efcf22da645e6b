# Read-Host under -NonInteractive, Get-Date from the session clock, Start-Sleep without waiting,
# $env: and $PSScriptRoot / $PSCommandPath.
$start = Get-Date
$start
Get-Date -Format "yyyy-MM-dd HH:mm:ss"
Get-Date -UFormat "%Y%m%d-%H%M%S"
Get-Date -Format o
(Get-Date).AddDays(-1).ToString("yyyy-MM-dd")
Get-Date -Date "2026-01-15" -Format "dddd, MMMM d"
Start-Sleep -Seconds 90
Start-Sleep -Milliseconds 500
(Get-Date).Minute
Start-Sleep 2
Get-Date -Format "HH:mm:ss"
Split-Path $PSScriptRoot -Leaf
Split-Path $PSCommandPath -Leaf
"HOME set: $([bool]$env:HOME)"
"unset: [$env:AAPSH_NO_SUCH_VARIABLE]"
$AppId = Read-Host "Application (client) ID"
"after Read-Host: [$AppId]"
$secret = Read-Host "Secret" -AsSecureString
Write-Information "not shown by default"
Write-Information "shown" -InformationAction Continue
Write-Debug "not shown"
Write-Debug "shown with -Debug" -Debug
Set-StrictMode -Version Latest
try { $undefinedVariable } catch { "strict: $($_.Exception.Message)" }
Set-StrictMode -Off
"off: [$undefinedVariable]"
