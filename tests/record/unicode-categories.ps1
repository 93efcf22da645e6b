# Records what .NET's regular expressions need of Unicode, per UTF-16 code unit (a .NET regex
# matches code units, so only the BMP and the surrogate halves matter), into
# src/runtime/regex/unicode.tsv. Re-record with the reference pwsh:
#
#   ../shared/pwsh/pwsh -NoProfile -File tests/record/unicode-categories.ps1 > src/runtime/regex/unicode.tsv
#
# Lines `c <first> <last> <category>`: a run of code units (hex) with one general category
# ([char]::GetUnicodeCategory, as RegexCharClass reads it), two-letter code as in \p{Lu}.
# Lines `e <unit> <unit>...`: a set of code units that match one another under
# RegexOptions.IgnoreCase with the invariant culture (every unit of the BMP was tried against
# the simple lower- and upper-case mappings of every other unit sharing one).
$ErrorActionPreference = 'Stop'
$codes = @{
  UppercaseLetter = 'Lu'; LowercaseLetter = 'Ll'; TitlecaseLetter = 'Lt'; ModifierLetter = 'Lm'; OtherLetter = 'Lo'
  NonSpacingMark = 'Mn'; SpacingCombiningMark = 'Mc'; EnclosingMark = 'Me'
  DecimalDigitNumber = 'Nd'; LetterNumber = 'Nl'; OtherNumber = 'No'
  SpaceSeparator = 'Zs'; LineSeparator = 'Zl'; ParagraphSeparator = 'Zp'
  Control = 'Cc'; Format = 'Cf'; Surrogate = 'Cs'; PrivateUse = 'Co'; OtherNotAssigned = 'Cn'
  ConnectorPunctuation = 'Pc'; DashPunctuation = 'Pd'; OpenPunctuation = 'Ps'; ClosePunctuation = 'Pe'
  InitialQuotePunctuation = 'Pi'; FinalQuotePunctuation = 'Pf'; OtherPunctuation = 'Po'
  MathSymbol = 'Sm'; CurrencySymbol = 'Sc'; ModifierSymbol = 'Sk'; OtherSymbol = 'So'
}
$sb = [System.Text.StringBuilder]::new()
$start = 0
$prev = $codes[[char]::GetUnicodeCategory([char]0).ToString()]
for ($i = 1; $i -le 0x10000; $i++) {
  $cat = if ($i -le 0xFFFF) { $codes[[char]::GetUnicodeCategory([char]$i).ToString()] } else { '' }
  if ($cat -ne $prev) {
    [void]$sb.Append(('c {0:X4} {1:X4} {2}' -f $start, ($i - 1), $prev)).Append("`n")
    $start = $i; $prev = $cat
  }
}
# Case equivalence: candidates are the units that share a simple lower- or upper-case mapping;
# the regex engine itself says which of them match.
$groups = @{}
for ($i = 0; $i -le 0xFFFF; $i++) {
  if ($i -ge 0xD800 -and $i -le 0xDFFF) { continue }
  $c = [char]$i
  foreach ($k in @([char]::ToLowerInvariant($c), [char]::ToUpperInvariant($c))) {
    if ([int]$k -ne $i) {
      $key = [int]$k
      if (-not $groups.ContainsKey($key)) { $groups[$key] = [System.Collections.Generic.SortedSet[int]]::new(); [void]$groups[$key].Add($key) }
      [void]$groups[$key].Add($i)
    }
  }
}
# Merge groups that share a member, then ask the engine which pairs really match.
$seen = [System.Collections.Generic.HashSet[int]]::new()
$out = [System.Collections.Generic.List[string]]::new()
foreach ($key in ($groups.Keys | Sort-Object)) {
  if ($seen.Contains($key)) { continue }
  $set = [System.Collections.Generic.SortedSet[int]]::new()
  $todo = [System.Collections.Generic.Queue[int]]::new(); $todo.Enqueue($key)
  while ($todo.Count) {
    $x = $todo.Dequeue(); if (-not $set.Add($x)) { continue }
    if ($groups.ContainsKey($x)) { foreach ($y in $groups[$x]) { $todo.Enqueue($y) } }
    foreach ($g in $groups.Values) { if ($g.Contains($x)) { foreach ($y in $g) { if (-not $set.Contains($y)) { $todo.Enqueue($y) } } } }
  }
  foreach ($x in $set) { [void]$seen.Add($x) }
  $members = @($set)
  # split the candidate set into the classes the engine agrees on
  $left = [System.Collections.Generic.List[int]]::new(); foreach ($x in $members) { $left.Add($x) }
  while ($left.Count) {
    $a = $left[0]
    $re = [regex]::new([regex]::Escape([string][char]$a), 'IgnoreCase, CultureInvariant')
    $class = @($left | Where-Object { $re.IsMatch([string][char]$_) })
    if ($class -notcontains $a) { $class = @($a) + $class }
    foreach ($x in $class) { [void]$left.Remove($x) }
    if ($class.Count -gt 1) { $out.Add('e ' + (($class | ForEach-Object { '{0:X4}' -f $_ }) -join ' ')) }
  }
}
foreach ($line in $out) { [void]$sb.Append($line).Append("`n") }
[Console]::Out.Write($sb.ToString())
