<#
.SYNOPSIS
  Add-Teams-Access-Policy.ps1 - Bookme online meeting access.
.PARAMETER Environment
  dev, test or prod.
#>
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet("dev", "test", "prod")]
    [string]$Environment,

    [Parameter(Mandatory = $true)]
    [string]$AppRegistrationId
)

$policyName = "Bookme-OnlineMeetingAccess-Policy-$Environment"

Connect-MicrosoftTeams -Identity | Out-Null

$message = @"
Creating policy:
    Name   : $policyName
    App id : $AppRegistrationId
"@
Write-Host $message

New-CsApplicationAccessPolicy -Identity "$policyName" -AppIds "$AppRegistrationId" -Description "Bookme $Environment"

Grant-CsApplicationAccessPolicy -PolicyName "$policyName" -Global

Write-Host "Policy granted globally. Current state:"
Get-CsApplicationAccessPolicy | Format-Table Identity, AppIds -AutoSize

# troubleshooting section from the docs
Get-CsApplicationAccessPolicy -Identity $policyName | Select-Object -ExpandProperty GrantedToGroup
Write-Host "after ExpandProperty"
