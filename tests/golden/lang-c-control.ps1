# usage.md §3 C: control flow and error handling (C1-C14).
Connect-MicrosoftTeams | Out-Null
$PolicyName = "Meeting-Bot"
$AppId = "1f0e5a2c-7d4b-4c1e-9a3f-5b8e2d6c0a17"

# C1 + C2 Get-then-New-or-Set, probe with -ErrorAction SilentlyContinue
$p = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($p) { Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{Add=$AppId} } else { New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId | Out-Null; "created" }
$p = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($p) { "exists now: $($p.Identity)" }

# C3 existence probe without -ErrorAction: the error shows, the script goes on
$WCPolicy = Get-CsApplicationAccessPolicy -Identity "Watercooler"
if (!$WCPolicy) { "probe returned nothing; creating"; New-CsApplicationAccessPolicy -Identity "Watercooler" -AppIds $AppId | Out-Null }

# C5 try/catch around Grant; C6 matching error text in catch
try {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity "nobody@contoso.onmicrosoft.com" -ErrorAction Stop
} catch {
    Write-Host "Grant failed: $($_.Exception.Message)"
}
try {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -ErrorAction Stop
} catch {
    if ($_.Exception.Message -match 'already exists') { "already there, continuing" } else { throw }
}

# C7 if/elseif/else with -not, !, $null -eq, -ne, -and, -or
$existing = Get-CsApplicationAccessPolicy -Identity $PolicyName
if ($null -eq $existing) { "missing" }
elseif ($existing.AppIds -notcontains $AppId) { "app missing" }
elseif (-not ($existing.Description -ne "") -and !$false -or $false) { "no description" }
else { "complete" }

# C8 -contains / -notcontains on AppIds
$existing.AppIds -contains $AppId
$existing.AppIds -notcontains "00000000-0000-0000-0000-000000000000"

# C9 foreach grant loop; C10 counters and a colour chosen by an if expression
$SuccessCount = 0; $FailCount = 0
foreach ($upn in "megan.bowen@contoso.onmicrosoft.com", "ghost@contoso.onmicrosoft.com", "lee.gu@contoso.onmicrosoft.com") {
    try {
        Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn -ErrorAction Stop
        $SuccessCount++
    } catch {
        $FailCount++
    }
}
Write-Host "Succeeded: $SuccessCount, failed: $FailCount" -ForegroundColor $(if ($FailCount -eq 0) {"Green"} else {"Yellow"})

# C12 switch-parameter branches
function Grant-Policy([string]$Organizer, [switch]$Global) {
    if ($Global) { Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global; "tenant-wide" }
    else { Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $Organizer; "for $Organizer" }
}
Grant-Policy -Organizer "adele.vance@contoso.onmicrosoft.com"
Grant-Policy -Global

# C13 empty catch
try { $gone = Get-CsApplicationAccessPolicy -Identity "Gone" -ErrorAction Stop } catch { }
"after the empty catch: [$gone]"

# C14 $PSCmdlet.ShouldProcess and $PSBoundParameters.ContainsKey
function Remove-Policy {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name, [string]$Reason)
    if ($PSBoundParameters.ContainsKey('Reason')) { "reason: $Reason" }
    if ($PSCmdlet.ShouldProcess($Name, "Remove application access policy")) {
        Remove-CsApplicationAccessPolicy -Identity $Name
        "removed $Name"
    }
}
Remove-Policy -Name "Watercooler" -WhatIf
Remove-Policy -Name "Watercooler" -Reason "cleanup"

# C11 throw, return, exit
function Assert-Connected { if (-not (Get-CsTenant)) { throw "Not connected" }; return "connected" }
Assert-Connected
try { throw "Guard failed" } catch { "caught: $_" }
exit 3
"never printed"
