# Records the .NET surface aapsh describes (src/vocab/dotnet_members.tsv): for each type, every
# member Get-Member shows and the hidden ones -Force adds, instance and static, with PowerShell's
# own definition text, and each type's PSTypeNames chain. Re-record with the reference pwsh
# (PowerShell 7.6.10):
#
#   pwsh -NoProfile -File tests/record/dotnet-members.ps1 > src/vocab/dotnet_members.tsv
#
# Columns: type, static (1) or instance (0), hidden unless -Force (1), MemberType, Name,
# Definition (with \n, \t and \\ escaped). Lines `#types <type> <a;b;c>` give the type names;
# lines `#enum <type> <flags 0|1> <underlying type> <Name=value,...>` each enum's members.
$ErrorActionPreference = 'Stop'
$err = try { throw 'x' } catch { $_ }
$instances = [ordered]@{
  'System.String' = 'a'
  'System.Char' = [char]'a'
  'System.Boolean' = $true
  'System.SByte' = [sbyte]1
  'System.Byte' = [byte]1
  'System.Int16' = [int16]1
  'System.UInt16' = [uint16]1
  'System.Int32' = 1
  'System.UInt32' = [uint32]1
  'System.Int64' = [long]1
  'System.UInt64' = [uint64]1
  'System.Single' = [single]1
  'System.Double' = 1.0
  'System.Decimal' = 1d
  'System.Numerics.BigInteger' = 1n
  'System.DateTime' = [datetime]'2024-01-01'
  'System.TimeSpan' = [timespan]'01:00:00'
  'System.Guid' = [guid]::Empty
  'System.Version' = [version]'1.2'
  'System.Object[]' = (,1)
  'System.Collections.ArrayList' = [System.Collections.ArrayList]::new()
  'System.Collections.Hashtable' = @{}
  'System.Collections.Specialized.OrderedDictionary' = [ordered]@{}
  'System.Management.Automation.OrderedHashtable' = ('{}' | ConvertFrom-Json -AsHashtable)
  'System.Management.Automation.PSCustomObject' = [pscustomobject]@{}
  'System.Management.Automation.ScriptBlock' = {}
  'System.Text.RegularExpressions.Regex' = [regex]'a'
  'System.Text.StringBuilder' = [System.Text.StringBuilder]::new()
  'System.Diagnostics.Stopwatch' = [System.Diagnostics.Stopwatch]::new()
  'System.Uri' = [uri]'https://contoso.com/'
  'System.Net.IPAddress' = [ipaddress]'10.0.0.1'
  'System.Management.Automation.ErrorRecord' = $err
  'System.Security.SecureString' = [System.Security.SecureString]::new()
  'System.DayOfWeek' = [System.DayOfWeek]::Monday
  # Generic collections, under the names aapsh gives their instantiations.
  'System.Collections.Generic.List`1[[System.String]]' = [System.Collections.Generic.List[string]]::new()
  'System.Collections.Generic.List`1[[System.Int32]]' = [System.Collections.Generic.List[int]]::new()
  'System.Collections.Generic.List`1[[System.Object]]' = [System.Collections.Generic.List[object]]::new()
  'System.Collections.Generic.Dictionary`2[[System.String],[System.String]]' = [System.Collections.Generic.Dictionary[string, string]]::new()
  'System.Collections.Generic.Dictionary`2[[System.String],[System.Int32]]' = [System.Collections.Generic.Dictionary[string, int]]::new()
  'System.Collections.Generic.Dictionary`2[[System.String],[System.Object]]' = [System.Collections.Generic.Dictionary[string, object]]::new()
  'System.Collections.Generic.HashSet`1[[System.String]]' = [System.Collections.Generic.HashSet[string]]::new()
  'System.Collections.Generic.HashSet`1[[System.Int32]]' = [System.Collections.Generic.HashSet[int]]::new()
  'System.Collections.Generic.Queue`1[[System.String]]' = [System.Collections.Generic.Queue[string]]::new()
  'System.Collections.Generic.Queue`1[[System.Int32]]' = [System.Collections.Generic.Queue[int]]::new()
  'System.Collections.Generic.Stack`1[[System.String]]' = [System.Collections.Generic.Stack[string]]::new()
  'System.Collections.Generic.Stack`1[[System.Int32]]' = [System.Collections.Generic.Stack[int]]::new()
}
$statics = @('System.String','System.Char','System.Boolean','System.SByte','System.Byte','System.Int16','System.UInt16','System.Int32','System.UInt32','System.Int64','System.UInt64','System.Single','System.Double','System.Decimal','System.Numerics.BigInteger','System.DateTime','System.TimeSpan','System.Guid','System.Version','System.Math','System.Convert','System.Environment','System.IO.Path','System.IO.File','System.Console','System.Text.RegularExpressions.Regex','System.Array','System.Enum','System.DayOfWeek','System.Net.IPAddress')
function Emit($type, $static, $members, $shown) {
  foreach ($m in $members) {
    $forced = if ($shown.ContainsKey("$($m.MemberType)|$($m.Name)")) { 0 } else { 1 }
    $def = $m.Definition -replace '\\', '\\' -replace "`r", '' -replace "`n", '\n' -replace "`t", '\t'
    "{0}`t{1}`t{2}`t{3}`t{4}`t{5}" -f $type, $static, $forced, $m.MemberType, $m.Name, $def
  }
}
foreach ($name in $instances.Keys) {
  $v = $instances[$name]
  "#types`t{0}`t{1}" -f $name, (($v.pstypenames) -join ';')
  # Collections go in whole; everything else through the pipeline (a script block given to
  # -InputObject would be evaluated).
  if ($v -is [System.Collections.IEnumerable] -and $v -isnot [string]) {
    $plain = Get-Member -InputObject $v; $all = Get-Member -InputObject $v -Force
  } else {
    $plain = $v | Get-Member; $all = $v | Get-Member -Force
  }
  $shown = @{}; $plain | ForEach-Object { $shown["$($_.MemberType)|$($_.Name)"] = 1 }
  Emit $name 0 $all $shown
}
foreach ($name in $statics) {
  $t = [type]$name
  $shown = @{}; Get-Member -InputObject $t -Static | ForEach-Object { $shown["$($_.MemberType)|$($_.Name)"] = 1 }
  Emit $name 1 (Get-Member -InputObject $t -Static -Force) $shown
}
$enums = @('System.DayOfWeek','System.DateTimeKind','System.StringSplitOptions','System.StringComparison','System.MidpointRounding','System.ConsoleColor','System.IO.FileAttributes','System.Text.RegularExpressions.RegexOptions','System.Globalization.NumberStyles','System.Globalization.DateTimeStyles','System.UriKind','System.Base64FormattingOptions','System.EnvironmentVariableTarget','System.TypeCode','System.Text.NormalizationForm','System.IO.SearchOption','System.Management.Automation.ActionPreference','System.Management.Automation.ErrorCategory','System.Management.Automation.ErrorView','System.Management.Automation.ConfirmImpact','System.Management.Automation.PSMemberTypes','System.Management.Automation.CommandTypes','System.Management.Automation.ScopedItemOptions','Microsoft.PowerShell.ExecutionPolicy','System.PlatformID','System.Net.Sockets.AddressFamily')
foreach ($name in $enums) {
  $t = [type]$name
  $flags = if ($t.GetCustomAttributes([System.FlagsAttribute], $false).Count) { 1 } else { 0 }
  $pairs = [enum]::GetNames($t) | ForEach-Object { '{0}={1}' -f $_, ([System.Convert]::ChangeType([enum]::Parse($t, $_), [enum]::GetUnderlyingType($t))) }
  "#enum`t{0}`t{1}`t{2}`t{3}" -f $name, $flags, [enum]::GetUnderlyingType($t).FullName, ($pairs -join ',')
}
