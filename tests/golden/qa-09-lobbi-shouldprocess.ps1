<#
.SYNOPSIS
    Grants the meeting access policy to one or more organisers.
.EXAMPLE
    ./09-lobbi-shouldprocess.ps1 -AppId <id> -UserPrincipalNames a@x.com,b@x.com -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [ValidateNotNullOrEmpty()]
    [string]$AppId,

    [Parameter(Mandatory = $true)]
    [string[]]$UserPrincipalNames,

    [string]$PolicyName = "Lobbi-MeetingAccess"
)

if ($AppId -notmatch '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$') {
    throw "AppId '$AppId' is not a GUID"
}

Connect-MicrosoftTeams | Out-Null

$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if (-not $policy) {
    if ($PSCmdlet.ShouldProcess($PolicyName, "Create application access policy")) {
        New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @($AppId) -Description "Lobbi meeting access" | Out-Null
        Write-Host "Created $PolicyName"
    }
}

foreach ($upn in $UserPrincipalNames) {
    if ($PSCmdlet.ShouldProcess($upn, "Grant $PolicyName")) {
        Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn
        Write-Host "Granted $PolicyName to $upn"
    }
}
Write-Host "Processed $($UserPrincipalNames.Count) user(s)."
