<#
.SYNOPSIS
    Grants an application access policy tenant-wide (-Global) or to named users.
.PARAMETER PolicyName
    The policy to grant; created with -AppId when it does not exist.
.PARAMETER AppId
    The application (client) id the policy allows.
.PARAMETER Users
    The users to grant the policy to (ignored with -Global).
.PARAMETER Global
    Grants the policy to every user without a direct assignment.
.EXAMPLE
    ./07-param-driven.ps1 -PolicyName Bot -AppId 7c9e... -Global
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$PolicyName,

    [Parameter(Mandatory)]
    [string]$AppId,

    [string[]]$Users = @(),

    [ValidateSet("Report", "Apply")]
    [string]$Mode = "Apply",

    [switch]$Global
)

function Write-Step([string]$Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

Connect-MicrosoftTeams | Out-Null

Write-Step "Policy $PolicyName"
$existing = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if (!$existing) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "Granted by 07-param-driven.ps1" | Out-Null
    Write-Verbose "Created $PolicyName"
}
elseif ($existing.AppIds -notcontains $AppId) {
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds (@($existing.AppIds) + $AppId)
}

switch ($Mode) {
    "Report" {
        Write-Step "Report only: nothing granted"
    }
    "Apply" {
        if ($Global) {
            Write-Step "Granting $PolicyName to the whole tenant"
            Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
        }
        elseif ($Users.Count -eq 0) {
            Write-Warning "No users given and -Global not set: nothing to grant."
        }
        else {
            foreach ($u in $Users) {
                Write-Step "Granting $PolicyName to $u"
                Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $u
            }
        }
    }
}

if ($PSBoundParameters.ContainsKey('Global')) {
    Get-CsApplicationAccessPolicy -Identity Global
}
Get-CsOnlineUser | Select-Object DisplayName, ApplicationAccessPolicy | Sort-Object DisplayName | Format-Table -AutoSize
