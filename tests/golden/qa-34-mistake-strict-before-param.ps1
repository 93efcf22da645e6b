# setup-policy.ps1 -- someone moved the strict-mode lines above the param block
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

param([string]$PolicyName, [string]$AppId)

Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId
