# pwsh 7 operators: ??, ??=, ternary, ?. and ?[], && and ||, using namespace.
using namespace System.Collections.Generic

$policy = $null
$name = $policy ?? 'Tag:Default'
"name: $name"

$count = $null
$count ??= 0
$count ??= 99
"count: $count"

$n = 3
"size: $($n -gt 2 ? 'many' : 'few')"
$grade = $n -ge 5 ? 'A' : $n -ge 3 ? 'B' : 'C'
"grade: $grade"

$missing = $null
"length: [$(${missing}?.Length)]"
$text = 'teams'
"first: $(${text}?[0]) upper: $(${text}?.ToUpper())"

$ids = [List[string]]::new()
$ids.Add('app-1')
$ids.Add('app-2')
"ids: $($ids.Count)"

Write-Output 'step 1' && Write-Output 'step 2'
Write-Error 'lookup failed' || Write-Warning 'falling back'
Write-Error 'no chain' && Write-Output 'not shown'
$all = Write-Output 'a' && Write-Output 'b'
"chained: $($all -join ',')"
1..4 | ? { $_ % 2 -eq 0 }
