[CmdletBinding()]
param(
    [string]$TenantId = '5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58',
    [string]$AppId = '9c4e1b7a-3f2d-4a8c-b6e5-0d1f2a3b4c5d',
    [string]$PolicyName = 'AAMC-RPL-TranscriptReader',
    [switch]$TenantWide
)

$ErrorActionPreference = 'Stop'

Write-Host "== Teams application access policy ==" -ForegroundColor Cyan
Connect-MicrosoftTeams -TenantId $TenantId | Out-Null

$existing = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if (-not $existing) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description 'RPL transcript reader' | Out-Null
    Write-Host "Created $PolicyName"
}
elseif ($existing.AppIds -notcontains $AppId) {
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds (@($existing.AppIds) + $AppId)
    Write-Host "Added $AppId to $PolicyName"
}
else {
    Write-Host "$PolicyName already allows $AppId"
}

if ($TenantWide) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
    Write-Host "Granted tenant-wide"
}
else {
    $grant = Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity 'adele.vance@contoso.onmicrosoft.com' -PassThru
    Write-Host "Granted to Adele ($($grant.PolicyName))"
}

$global = Get-CsApplicationAccessPolicy -Identity Global
Write-Host ("Global policy apps: {0}" -f ($global.AppIds.Count))
Write-Host "Note: it can take up to an hour before the bot can read transcripts." -ForegroundColor Yellow
