# Format-* cmdlets and error views.
# ==== format-table-basic
[pscustomobject]@{Name = 'a'; Value = 1}, [pscustomobject]@{Name = 'bb'; Value = 22} | Format-Table
# ==== format-table-autosize
[pscustomobject]@{Name = 'a'; Value = 1}, [pscustomobject]@{Name = 'longer name'; Value = 22} | Format-Table -AutoSize
# ==== format-table-property
[pscustomobject]@{a = 1; b = 2; c = 3} | Format-Table c, a
# ==== format-table-calculated
[pscustomobject]@{n = 3} | Format-Table @{Label = 'Triple'; Expression = { $_.n * 3 }}, n
# ==== format-table-calculated-width-align
[pscustomobject]@{n = 3} | Format-Table @{Label = 'N'; Expression = { $_.n }; Width = 10; Alignment = 'Left'}
# ==== format-table-hideheaders
[pscustomobject]@{a = 1; b = 2} | Format-Table -HideTableHeaders
# ==== format-table-groupby
$d = @([pscustomobject]@{g = 'x'; v = 1}, [pscustomobject]@{g = 'x'; v = 2}, [pscustomobject]@{g = 'y'; v = 3})
$d | Format-Table v -GroupBy g
# ==== format-table-wrap
[pscustomobject]@{Short = 'a'; Long = ('word ' * 30).Trim()} | Format-Table -Wrap
# ==== format-table-nowrap-truncate
[pscustomobject]@{Short = 'a'; Long = ('word ' * 30).Trim()} | Format-Table
# ==== format-table-many-columns
$h = [ordered]@{}; 1..12 | ForEach-Object { $h["Column$_"] = $_ * 1000 }; [pscustomobject]$h | Format-Table
# ==== format-table-numbers-align
[pscustomobject]@{n = 1; s = 'x'}, [pscustomobject]@{n = 12345; s = 'yy'} | Format-Table
# ==== format-table-strings-from-numbers
1, 22, 333 | Format-Table
# ==== format-table-hashtable
@{b = 2; a = 1} | Format-Table
# ==== format-table-wildcard-property
[pscustomobject]@{aa = 1; ab = 2; b = 3} | Format-Table a*
# ==== format-list-basic
[pscustomobject]@{Name = 'a'; Value = 1} | Format-List
# ==== format-list-star
[pscustomobject]@{Name = 'a'; Value = 1} | Format-List *
# ==== format-list-property
[pscustomobject]@{a = 1; b = 2} | Format-List b
# ==== format-list-long-value
[pscustomobject]@{Name = 'x'; Text = ('lorem ipsum ' * 12).Trim()} | Format-List
# ==== format-list-multiline-value
[pscustomobject]@{Name = 'x'; Text = "line one`nline two"} | Format-List
# ==== format-list-array-value
[pscustomobject]@{Name = 'x'; Ids = 1, 2, 3} | Format-List
# ==== format-list-force-string
'abc' | Format-List -Force
# ==== format-list-hashtable
@{k = 'v'} | Format-List
# ==== format-list-calculated
[pscustomobject]@{a = 2} | Format-List @{n = 'Sq'; e = { $_.a * $_.a }}
# ==== format-list-multiple
[pscustomobject]@{a = 1}, [pscustomobject]@{a = 2} | Format-List
# ==== format-wide
'alpha', 'beta', 'gamma', 'delta', 'epsilon' | Format-Wide
# ==== format-wide-column
1..7 | Format-Wide -Column 3
# ==== format-wide-property
[pscustomobject]@{n = 'a'; v = 1}, [pscustomobject]@{n = 'b'; v = 2} | Format-Wide -Property n
# ==== format-wide-autosize
'a', 'bb', 'ccc', 'dddd' | Format-Wide -AutoSize
# ==== format-custom
[pscustomobject]@{a = 1; b = 'x'} | Format-Custom
# ==== format-custom-nested
[pscustomobject]@{a = 1; inner = [pscustomobject]@{c = 2}} | Format-Custom
# ==== format-then-select
[pscustomobject]@{a = 1} | Format-Table | Select-Object -First 1 | ForEach-Object { $_.GetType().Name }
# ==== format-table-then-out-string
$s = [pscustomobject]@{a = 1} | Format-Table | Out-String; $s.Split("`n").Count
# ==== format-table-empty
@() | Format-Table; 'done'
# ==== format-table-null-values
[pscustomobject]@{a = $null; b = 'x'} | Format-Table
# ==== format-table-bool
[pscustomobject]@{Enabled = $true; Count = 0} | Format-Table
# ==== format-table-datetime
[pscustomobject]@{When = [datetime]'2024-01-02 03:04:05'} | Format-Table
# ==== format-table-double
[pscustomobject]@{v = 1.5}, [pscustomobject]@{v = 1/3} | Format-Table
# ==== format-list-datetime
[pscustomobject]@{When = [datetime]'2024-01-02 03:04:05'} | Format-List
# ==== format-table-mixed-types
[pscustomobject]@{a = 1}, 'string', [pscustomobject]@{b = 2} | Format-Table
# ==== format-list-nested-object
[pscustomobject]@{a = 1; inner = [pscustomobject]@{c = 2}} | Format-List
# ==== errorview-normal-set
$ErrorView = 'NormalView'
Write-Error 'normal view error'
# ==== errorview-category
$ErrorView = 'CategoryView'
Write-Error 'category view error'
# ==== errorview-concise-default
$ErrorView
# ==== get-error-basic
try { throw 'for get-error' } catch { }
$e = Get-Error -Newest 1; $e.Exception.Message
# ==== error-record-members
Write-Error -Message 'msg' -Category InvalidArgument -ErrorId 'MyId' -TargetObject 'tgt' 2>$null
$e = $Error[0]; $e.FullyQualifiedErrorId; $e.CategoryInfo.Category; $e.TargetObject; $e.CategoryInfo.ToString()
# ==== error-invocationinfo
function f { Write-Error 'inside' }
f 2>$null
$Error[0].InvocationInfo.MyCommand.Name; $Error[0].InvocationInfo.ScriptLineNumber
# ==== error-exception-type
Write-Error 'x' 2>$null; $Error[0].Exception.GetType().FullName
# ==== error-tostring
try { 1 / 0 } catch { $_.ToString(); $_.Exception.Message }
