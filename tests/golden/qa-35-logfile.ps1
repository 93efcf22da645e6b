# Policy setup with a log file, the way the service desk runs it
$LogFile = Join-Path $env:HOME "aap-setup.log"
$PolicyName = "ServiceDesk-Policy"
$AppId = "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d"

function Write-Log {
    param(
        [Parameter(Mandatory = $true)][string]$Message,
        [ValidateSet('INFO', 'WARN', 'ERROR')][string]$Level = 'INFO'
    )
    $line = "{0} [{1}] {2}" -f (Get-Date -Format 'yyyy-MM-dd HH:mm:ss'), $Level, $Message
    Add-Content -Path $LogFile -Value $line
    switch ($Level) {
        'ERROR' { Write-Host $line -ForegroundColor Red }
        'WARN'  { Write-Host $line -ForegroundColor Yellow }
        default { Write-Host $line }
    }
}

Write-Log "Starting"
try {
    Connect-MicrosoftTeams -ErrorAction Stop | Out-Null
    Write-Log "Connected"
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -ErrorAction Stop | Out-Null
    Write-Log "Created $PolicyName"
    Start-Sleep -Seconds 90
    foreach ($upn in 'lee.gu@contoso.onmicrosoft.com', 'nobody@contoso.onmicrosoft.com') {
        try {
            Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn -ErrorAction Stop
            Write-Log "Granted to $upn"
        }
        catch {
            Write-Log "Grant to $upn failed: $($_.Exception.Message)" -Level WARN
        }
    }
    Write-Log "Finished" -Level Info
    Write-Log "Bad level" -Level Debug
}
catch {
    Write-Log $_.Exception.Message -Level ERROR
    exit 1
}
finally {
    Write-Host "Log: $(Split-Path $LogFile -Leaf), $((Get-Content $LogFile).Count) lines"
}
Get-Content $LogFile | Select-Object -Last 2
