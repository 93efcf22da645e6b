# Functions: simple and advanced, defaults, switches, validation, $args, pipeline input with
# begin/process/end, $PSBoundParameters, ShouldProcess with -WhatIf, ThrowTerminatingError.
Connect-MicrosoftTeams | Out-Null

function Get-PolicyName($Base, $Suffix = "Prod") { "$Base-$Suffix" }
Get-PolicyName Bot
Get-PolicyName -Base Bot -Suffix Test

function Show-Args { "count=$($args.Count) first=$($args[0])" }
Show-Args one two three

function Grant-ToUsers {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)][string]$PolicyName,
        [Parameter(ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('UPN')][string]$UserPrincipalName
    )
    begin { $granted = 0 }
    process {
        if ($PSCmdlet.ShouldProcess($UserPrincipalName, "Grant $PolicyName")) {
            Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $UserPrincipalName
            $granted++
        }
    }
    end { "granted $granted" }
}
New-CsApplicationAccessPolicy -Identity "Pipe" -AppIds "1f0e5a2c-7d4b-4c1e-9a3f-5b8e2d6c0a17" | Out-Null
"megan.bowen@contoso.onmicrosoft.com", "lee.gu@contoso.onmicrosoft.com" | Grant-ToUsers -PolicyName "Pipe"
[PSCustomObject]@{ UPN = "adele.vance@contoso.onmicrosoft.com" } | Grant-ToUsers -PolicyName "Pipe" -WhatIf
Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq "Pipe" } | Select-Object UserPrincipalName

function Test-Input {
    [CmdletBinding()]
    param(
        [ValidateSet('Add', 'Remove')][string]$Action = 'Add',
        [ValidateNotNullOrEmpty()][string]$AppId
    )
    "action=$Action bound=$($PSBoundParameters.Keys -join ',')"
}
Test-Input -Action remove -AppId x
Test-Input -Action Replace
Test-Input -AppId ""
"the script goes on"

function Assert-Policy {
    [CmdletBinding()]
    param([string]$Name)
    if (-not (Get-CsApplicationAccessPolicy -Identity $Name -ErrorAction SilentlyContinue)) {
        $record = [System.Management.Automation.ErrorRecord]::new(
            [System.Exception]::new("Policy '$Name' does not exist."),
            'PolicyMissing',
            [System.Management.Automation.ErrorCategory]::ObjectNotFound,
            $Name)
        $PSCmdlet.ThrowTerminatingError($record)
    }
    "policy $Name is there"
}
Assert-Policy -Name Pipe
Assert-Policy -Name Nope
try { Assert-Policy -Name Nope } catch { "caught $($_.FullyQualifiedErrorId): $($_.CategoryInfo)" }

# The other validation attributes admins put on script parameters.
function Set-BotPolicy {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [ValidatePattern('^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$')][string]$AppId,
        [ValidateScript({ $_ -like 'Tag:*' -or $_ -notmatch ':' })][string]$Policy = 'Bot',
        [ValidateScript({ if (Test-Path $_) { $true } else { throw "CSV file '$_' was not found." } })][string]$CsvPath,
        [ValidateLength(3, 64)][string]$Description = 'bot',
        [ValidateCount(1, 2)][string[]]$Users = @('megan')
    )
    process { "ok $AppId $Policy" }
}
Set-BotPolicy -AppId 'ddb80e06-92f3-4978-bc22-a0eee85e6a9e'
Set-BotPolicy -AppId '<APP_ID>'
Set-BotPolicy -AppId 'ddb80e06-92f3-4978-bc22-a0eee85e6a9e' -Policy 'Global:Bot'
Set-BotPolicy -AppId 'ddb80e06-92f3-4978-bc22-a0eee85e6a9e' -CsvPath ./no-such-users.csv
Set-BotPolicy -AppId 'ddb80e06-92f3-4978-bc22-a0eee85e6a9e' -Description 'x'
Set-BotPolicy -AppId 'ddb80e06-92f3-4978-bc22-a0eee85e6a9e' -Users a, b, c
'ddb80e06-92f3-4978-bc22-a0eee85e6a9e', 'not-a-guid' | Set-BotPolicy
try { Set-BotPolicy -AppId x -ErrorAction Stop } catch { "caught $($_.FullyQualifiedErrorId)" }

# ErrorMessage replaces the stock text ({0} the value, {1} the pattern, set or script);
# ValidateRange's kinds; a null argument fails ValidatePattern and ValidateScript.
function Set-Tagged {
    param(
        [ValidatePattern('^Tag:', ErrorMessage = 'Policy "{0}" must start with {1}')]$Policy,
        [ValidateSet('Add', 'Remove', ErrorMessage = '{0} is not one of: {1}')][string]$Action = 'Add',
        [ValidateScript({ $_ -le 30 }, ErrorMessage = 'A delay of {0} minutes is longer than the real 30')][int]$Delay = 0,
        [ValidateRange('Positive')][int]$Rank = 1
    )
    "ok $Policy $Action $Delay $Rank"
}
Set-Tagged -Policy 'Tag:Bot'
Set-Tagged -Policy 'Bot'
Set-Tagged -Policy 'Tag:Bot' -Action Replace
Set-Tagged -Policy 'Tag:Bot' -Delay 45
Set-Tagged -Policy 'Tag:Bot' -Rank 0
Set-Tagged -Policy $null
