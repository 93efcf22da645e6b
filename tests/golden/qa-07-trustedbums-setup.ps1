<#
.SYNOPSIS
  Creates the Teams application access policy for TrustedBums and grants it.
.NOTES
  Requires: MicrosoftTeams module, Teams admin role.
#>
param(
  [Parameter(Mandatory)][string]$AppId,
  [string]$PolicyName = "TrustedBums-AppAccess",
  [string[]]$Users = @("patti.fernandez@contoso.onmicrosoft.com")
)

$ErrorActionPreference = "Stop"

Connect-MicrosoftTeams | Out-Null

try {
  $existing = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction Stop
  Write-Host "Policy '$PolicyName' exists."
}
catch {
  if ($_.Exception.Message -notmatch "not found") { throw }
  Write-Host "Policy '$PolicyName' not found. Creating..."
  $existing = New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "TrustedBums transcript access"
}

if ($existing.AppIds -notcontains $AppId) {
  Write-Host "Adding app to policy..."
  Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{Add=$AppId}
}

foreach ($u in $Users) {
  try {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $u
    Write-Host "Granted to $u" -ForegroundColor Green
  }
  catch {
    Write-Host "Failed for ${u}: $($_.Exception.Message)" -ForegroundColor Red
  }
}

Write-Host "Done."
