# Records the conformance corpus with the reference pwsh. Run it through `tests/conformance/record`,
# which finds pwsh and pins its unpack cache; see the comment there and README.md ("Developing").
#
# Case files: tests/conformance/cases/AREA/TOPIC.ps1. A line `# ==== NAME` starts a case; the
# case is the lines after it up to the next marker, without trailing blank lines, each ending in
# "\n". Lines before the first marker are a comment on the file. tests/conformance.rs splits the
# files by the same rule and checks that every recording holds the script it was recorded from.
#
# Recordings: TOPIC.recorded beside TOPIC.ps1, one block per case:
#
#   #### NAME
#   script            the case text
#   exit N            pwsh's exit code
#   stdout            the normalised stdout
#   stderr            the normalised stderr
#
# Each text is written line by line: `|` + the line, or `~` + the line escaped (`\\`, `\r`,
# `\xNN`) when it holds a control character other than tab; a text that does not end in "\n" is
# followed by the line `\ no newline at end`. Normalisation: ANSI `ESC[...m` sequences are
# stripped, the case's working directory becomes <TMP> and the directory holding the script
# <CASEDIR>. Both directories have the same length in every run (and in the harness), so that
# wrapping does not depend on them.
param(
    [Parameter(Mandatory)][string]$Pwsh,
    [Parameter(Mandatory)][string]$Cache,
    [int]$Jobs = 2,
    [Parameter(ValueFromRemainingArguments)][string[]]$Select
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$casesRoot = Join-Path $PSScriptRoot 'cases'
$stub = Join-Path $PSScriptRoot 'stub'
$utf8 = [Text.UTF8Encoding]::new($false)

function Split-CaseFile([string]$Path) {
    $text = [IO.File]::ReadAllText($Path, $utf8)
    $cases = [Collections.Generic.List[object]]::new()
    $names = @{}
    $name = $null
    $body = $null
    $flush = {
        if ($null -eq $name) { return }
        while ($body.Count -gt 0 -and $body[$body.Count - 1] -cmatch '^[ \t\r]*$') {
            $body.RemoveAt($body.Count - 1)
        }
        if ($body.Count -eq 0) { throw "${Path}: case '$name' is empty" }
        $cases.Add([pscustomobject]@{ Name = $name; Script = ($body -join "`n") + "`n" })
    }
    foreach ($line in $text.Split("`n")) {
        if ($line -cmatch '^# ==== ([A-Za-z0-9_.-]+)$') {
            $next = $Matches[1]
            . $flush
            $name = $next
            if ($names.ContainsKey($name)) { throw "${Path}: duplicate case name '$name'" }
            $names[$name] = $true
            $body = [Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $name) {
            $body.Add($line)
        }
    }
    . $flush
    $cases
}

function Format-Text([string]$Text) {
    if ($Text.Length -eq 0) { return '' }
    $sb = [Text.StringBuilder]::new()
    $parts = $Text.Split("`n")
    $endsWithNewline = $Text.EndsWith("`n")
    $count = if ($endsWithNewline) { $parts.Count - 1 } else { $parts.Count }
    for ($i = 0; $i -lt $count; $i++) {
        $line = $parts[$i]
        if ([regex]::IsMatch($line, '[\x00-\x08\x0B-\x1F\x7F]')) {
            [void]$sb.Append('~')
            foreach ($ch in $line.ToCharArray()) {
                $code = [int]$ch
                if ($ch -eq '\') { [void]$sb.Append('\\') }
                elseif ($code -eq 13) { [void]$sb.Append('\r') }
                elseif (($code -lt 32 -and $code -ne 9) -or $code -eq 127) { [void]$sb.Append(('\x{0:x2}' -f $code)) }
                else { [void]$sb.Append($ch) }
            }
        }
        else {
            [void]$sb.Append('|').Append($line)
        }
        [void]$sb.Append("`n")
    }
    if (-not $endsWithNewline) { [void]$sb.Append("\ no newline at end`n") }
    $sb.ToString()
}

function Get-Normalized([string]$Text, [string]$Dir) {
    $Text = [regex]::Replace($Text, '\x1b\[[0-9;]*m', '')
    $Text.Replace("$Dir/work", '<TMP>').Replace($Dir, '<CASEDIR>')
}

# Which topic files to record.
$all = Get-ChildItem -Path $casesRoot -Recurse -Filter '*.ps1' | Sort-Object FullName
if ($Select) {
    $files = foreach ($s in $Select) {
        $s = $s.Trim('/')
        $hit = @($all | Where-Object {
                $rel = [IO.Path]::GetRelativePath($casesRoot, $_.FullName) -replace '\.ps1$', ''
                $rel -eq $s -or $rel.StartsWith("$s/")
            })
        if (-not $hit) { throw "no case file matches '$s'" }
        $hit
    }
    $files = @($files | Sort-Object FullName -Unique)
}
else {
    $files = $all
    # Recordings whose case file is gone.
    Get-ChildItem -Path $casesRoot -Recurse -Filter '*.recorded' | ForEach-Object {
        if (-not (Test-Path ([IO.Path]::ChangeExtension($_.FullName, '.ps1')))) { Remove-Item $_.FullName }
    }
}

$runs = [Collections.Generic.List[object]]::new()
$alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
foreach ($file in $files) {
    foreach ($case in Split-CaseFile $file.FullName) {
        # /tmp/aapsh-conf-XXXXXXXX: the harness uses the same shape and length.
        do {
            $suffix = -join (1..8 | ForEach-Object { $alphabet[(Get-Random -Maximum $alphabet.Length)] })
            $dir = "/tmp/aapsh-conf-$suffix"
        } while (Test-Path $dir)
        [void](New-Item -ItemType Directory -Path $dir, "$dir/work", "$dir/home")
        [IO.File]::WriteAllText("$dir/case.ps1", $case.Script, $utf8)
        $runs.Add([pscustomobject]@{ File = $file.FullName; Name = $case.Name; Script = $case.Script; Dir = $dir })
    }
}
Write-Host "recording $($runs.Count) cases from $($files.Count) files with $Jobs jobs"

# One case: a fresh pwsh in the case's work directory with a cleared environment (PATH, HOME,
# the launcher's cache, the stub module path; no LANG, no TERM).
# The stub modules' compiled cmdlets (stub/*/NAME.cs), compiled once per run; each case's
# NAME.psm1 imports NAME.dll from the folder AAPSH_STUB_ASSEMBLIES names.
$stubAssemblies = Join-Path ([IO.Path]::GetTempPath()) "aapsh-stub-assemblies-$PID"
[void](New-Item -ItemType Directory -Force -Path $stubAssemblies)
foreach ($module in 'MicrosoftTeams', 'ExchangeOnlineManagement') {
    Add-Type -Path (Join-Path $stub "$module/$module.cs") -OutputType Library `
        -OutputAssembly (Join-Path $stubAssemblies "$module.dll")
}
$runner = @'
dir=$1 pwsh=$2 cache=$3 stub=$4 assemblies=$5
cd "$dir/work" || exit 99
env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$dir/home" AAPSH_PWSH_CACHE="$cache" PSModulePath="$stub" \
  AAPSH_STUB_ASSEMBLIES="$assemblies" \
  "$pwsh" -NoProfile -NonInteractive -File "$dir/case.ps1" >"$dir/stdout" 2>"$dir/stderr" </dev/null
echo $? >"$dir/code"
'@
$started = Get-Date
$runs | ForEach-Object -ThrottleLimit $Jobs -Parallel {
    & /bin/bash -c $using:runner bash $_.Dir $using:Pwsh $using:Cache $using:stub $using:stubAssemblies
}
Remove-Item -Recurse -Force $stubAssemblies
Write-Host ("ran in {0:n0} s" -f ((Get-Date) - $started).TotalSeconds)

$defects = [Collections.Generic.List[string]]::new()
foreach ($group in $runs | Group-Object File) {
    $sb = [Text.StringBuilder]::new()
    foreach ($run in $group.Group) {
        $stdout = Get-Normalized ([IO.File]::ReadAllText("$($run.Dir)/stdout", $utf8)) $run.Dir
        $stderr = Get-Normalized ([IO.File]::ReadAllText("$($run.Dir)/stderr", $utf8)) $run.Dir
        $code = [int]([IO.File]::ReadAllText("$($run.Dir)/code").Trim())
        if ($code -ne 0 -and $stdout.Length -eq 0 -and $stderr.Length -eq 0) {
            # pwsh 7.6.10 prints nothing for a parse error past the last line (ConciseView throws
            # while drawing it): such a case cannot be recorded faithfully.
            $errors = $null
            [void][System.Management.Automation.Language.Parser]::ParseFile("$($run.Dir)/case.ps1", [ref]$null, [ref]$errors)
            if ($errors) {
                $defects.Add("$($run.File) :: $($run.Name) :: $($errors[0].ErrorId): $($errors[0].Message)")
                Remove-Item -Recurse -Force $run.Dir
                continue
            }
        }
        [void]$sb.Append("#### $($run.Name)`n")
        [void]$sb.Append("script`n").Append((Format-Text $run.Script))
        [void]$sb.Append("exit $code`n")
        [void]$sb.Append("stdout`n").Append((Format-Text $stdout))
        [void]$sb.Append("stderr`n").Append((Format-Text $stderr))
        Remove-Item -Recurse -Force $run.Dir
    }
    [IO.File]::WriteAllText([IO.Path]::ChangeExtension($group.Name, '.recorded'), $sb.ToString(), $utf8)
}
if ($defects.Count) {
    Write-Host "NOT recorded (known pwsh 7.6.10 defect: a parse error past the last line prints nothing under -File; move the error or drop the case):"
    $defects | ForEach-Object { Write-Host "  $_" }
    exit 1
}
Write-Host 'done'
