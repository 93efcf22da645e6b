#Requires -Version 7.0
<#
.SYNOPSIS
    Grants the reporting app's policy to every enabled user, with a progress bar.
#>
[CmdletBinding()]
param(
    [string]$PolicyName = "Reporting-Policy",
    [string]$AppId = "6f5e4d3c-2b1a-4098-8765-4321fedcba98"
)

if ($PSVersionTable.PSVersion.Major -lt 7) {
    Write-Error "PowerShell 7 or later is required (found $($PSVersionTable.PSVersion))."
    exit 1
}
Write-Verbose "PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition))"

Connect-MicrosoftTeams | Out-Null
if (-not (Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "Reporting" | Out-Null
}

$users = @(Get-CsOnlineUser | Where-Object { $_.AccountEnabled -and $_.UserPrincipalName -notlike "admin@*" })
$total = $users.Count
$i = 0
foreach ($user in $users) {
    $i++
    Write-Progress -Activity "Granting $PolicyName" -Status "$i of $total : $($user.UserPrincipalName)" -PercentComplete ([int]($i / $total * 100))
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $user.UserPrincipalName
}
Write-Progress -Activity "Granting $PolicyName" -Completed
Write-Host ("Granted {0} of {1} users ({2:P0})" -f $i, $total, ($i / $total))

Get-CsOnlineUser |
    Where-Object { $_.ApplicationAccessPolicy -eq $PolicyName } |
    Sort-Object -Property @{ Expression = { $_.DisplayName.Length }; Descending = $true }, DisplayName |
    Select-Object -First 3 DisplayName, @{ Name = 'Policy'; Expression = { $_.ApplicationAccessPolicy } }
