# Loads .env next to the script and sets up the application access policy from it.

$envFile = Join-Path $PSScriptRoot "qa-envloader.env"
if (-not (Test-Path $envFile)) {
    Write-Error "Missing $envFile"
    exit 1
}

Get-Content $envFile | ForEach-Object {
    $line = $_.Trim()
    if ($line -eq "" -or $line.StartsWith("#")) { return }
    $name, $value = $line -split '=', 2
    $name = $name.Trim()
    $value = $value.Trim().Trim('"')
    Set-Item -Path "env:$name" -Value $value
    Write-Verbose "loaded $name"
}

$PolicyName = $env:TEAMS_POLICY_NAME
$AppId = $env:TEAMS_POLICY_APP_ID
$Users = $env:TEAMS_POLICY_USERS -split ';'

if ([string]::IsNullOrWhiteSpace($AppId)) {
    Write-Host "TEAMS_POLICY_APP_ID is not set" -ForegroundColor Red
    exit 1
}

Write-Host "Policy : $PolicyName"
Write-Host "App id : $AppId"
Write-Host "Users  : $($Users.Count)"

Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "from .env" | Out-Null
foreach ($u in $Users) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $u
}
foreach ($u in $Users) {
    Get-CsUserPolicyAssignment -Identity $u -PolicyType ApplicationAccessPolicy
}
if (-not $env:EMPTY_VALUE) { Write-Host "EMPTY_VALUE is empty" }
exit 0
