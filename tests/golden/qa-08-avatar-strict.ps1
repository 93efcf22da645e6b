#Requires -Version 7.0
<#
.SYNOPSIS
    Sets up the Teams integration for the avatar voice bot.
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

function Write-Ok([string]$msg)   { Write-Host "  ✓ $msg" -ForegroundColor Green }
function Write-Warn([string]$msg) { Write-Host "  ! $msg" -ForegroundColor Yellow }
function Write-Err([string]$msg)  { Write-Host "  ✗ $msg" -ForegroundColor Red }

$banner = @"
==============================================
  Teams avatar voice bot - integration setup
  Tenant : $((Get-Date).ToString('yyyy-MM-dd'))
==============================================
"@
Write-Host $banner -ForegroundColor Cyan

$appId = "8e2d4f6a-0b1c-4d3e-9f5a-7b8c9d0e1f2a"
$policyName = "AvatarVoice-Policy"
$organizers = @("adele.vance@contoso.onmicrosoft.com", "lee.gu@contoso.onmicrosoft.com")

$graphToken = "eyJ0eXAiOiJKV1QiLCJhbGciOi.graph"
$teamsToken = "eyJ0eXAiOiJKV1QiLCJhbGciOi.teams"
Connect-MicrosoftTeams -AccessTokens @($graphToken, $teamsToken) | Out-Null
Write-Ok "Connected to Teams"

$policy = Get-CsApplicationAccessPolicy -Identity "Tag:$policyName" -ErrorAction SilentlyContinue
if ($null -eq $policy) {
    $policy = New-CsApplicationAccessPolicy -Identity $policyName -AppIds $appId -Description "Avatar voice bot"
    Write-Ok "Created policy $($policy.Identity)"
} else {
    Write-Warn "Policy $($policy.Identity) already exists"
}

foreach ($organizer in $organizers) {
    Grant-CsApplicationAccessPolicy -PolicyName $policyName -Identity $organizer
    Write-Ok "Granted to $organizer"
}

$summary = @'
Next steps:
  1. Wait for propagation (can take up to 24 hours; if meeting creation returns 404, wait and retry)
  2. Run the bot with $env:BOT_ENV set to "prod"
'@
Write-Host $summary

# typo in the variable name below is caught by strict mode
Write-Host "Policy apps: $($policy.AppIds -join ', ')"
Write-Host "Organizer count: $($organisers.Count)"
Write-Err "not reached"
