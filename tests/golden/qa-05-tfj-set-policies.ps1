<#
.SYNOPSIS
    Sets the Teams policies needed by the Teams for Justice app.

.DESCRIPTION
    Creates an application access policy for the Teams for Justice API app, adds the app id
    to it, and assigns the policy to the service account.

.PARAMETER PolicyName
    Name of the application access policy.

.PARAMETER AppId
    Client id of the API app registration.

.PARAMETER ServiceAccount
    UPN of the account the app acts as.

.EXAMPLE
    .\05-tfj-set-policies.ps1 -AppId 0b8c... -ServiceAccount svc@contoso.com
#>
[CmdletBinding()]
param (
    [Parameter()]
    [string]
    $PolicyName = "TeamsForJustice-AccessPolicy",

    [Parameter(Mandatory = $true)]
    [ValidateNotNullOrEmpty()]
    [string]
    $AppId,

    [Parameter(Mandatory = $true)]
    [string]
    $ServiceAccount
)

Write-Verbose "Using policy $PolicyName"
Connect-MicrosoftTeams | Out-Null

$policy = Get-CsApplicationAccessPolicy $PolicyName -ErrorAction SilentlyContinue
if ($null -eq $policy) {
    Write-Output "Creating application access policy $PolicyName"
    New-CsApplicationAccessPolicy -Identity $PolicyName -Description "Teams for Justice" | Out-Null
}

$policy = Get-CsApplicationAccessPolicy $PolicyName
if (-not ($policy.AppIds -contains $AppId)) {
    Write-Output "Adding $AppId to $PolicyName"
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{Add = $AppId}
}

if ($PSBoundParameters.ContainsKey('ServiceAccount')) {
    Write-Output "Granting $PolicyName to $ServiceAccount"
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $ServiceAccount
}

Write-Output "Policy now allows $($policy.AppIds.Count) app(s)"
Get-CsApplicationAccessPolicy -Identity $PolicyName
