<#
.SYNOPSIS
    usage.md §3 E: script structure (E1 comment-based help, E2 [CmdletBinding()] param()
    with validation, E4 Set-StrictMode, E5 helper functions, E6 here-strings).
.PARAMETER PolicyName
    The policy to create.
.EXAMPLE
    ./lang-e-structure.ps1 -PolicyName Bot -Users a@x,b@x -Force
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$PolicyName,

    [Parameter(Mandatory = $true, HelpMessage = "The app (client) id")]
    [string]$AppId,

    [string[]]$Users = @(),

    [ValidateSet('Per-User', 'Global')]
    [string]$Scope = 'Per-User',

    [switch]$Force
)

Set-StrictMode -Version Latest

# E5 helper functions
function Write-Ok([string]$msg) { Write-Host "  ✓ $msg" -ForegroundColor Green }
function Write-Step {
    param([Parameter(Mandatory)][string]$Text)
    Write-Host "==> $Text" -ForegroundColor Cyan
}

Write-Step "Connecting"
Connect-MicrosoftTeams | Out-Null
Write-Ok "Connected"

Write-Step "Policy $PolicyName (scope $Scope, force: $Force)"
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "Created by script" | Out-Null
Write-Ok "Created"

foreach ($u in $Users) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $u
    Write-Ok "Granted to $u"
}
"bound parameters: $(($PSBoundParameters.Keys | Sort-Object) -join ', ')"

# E6 here-strings
$summary = @"

Summary
-------
Policy : $PolicyName
App id : $AppId
Users  : $($Users.Count)
"@
Write-Host $summary
$template = @'
Literal: $PolicyName stays as typed, "quotes" too.
'@
$template

# E4 strict mode: an unset variable is an error, the script goes on
Write-Host "Total: $total"
Write-Host "done"
