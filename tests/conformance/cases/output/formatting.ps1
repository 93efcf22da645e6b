# Format-Table, Format-List and Format-Wide layout: column alignment and number text in
# auto-generated tables, -GroupBy, -Wrap, -Force, wide columns, wrapping in the invariant culture.

# ==== table-number-column-then-string
[pscustomobject]@{a = 5; b = 'x'}, [pscustomobject]@{a = 'long text'; b = 'y'}

# ==== table-string-column-then-number
[pscustomobject]@{a = 'text'; b = 1}, [pscustomobject]@{a = 12345; b = 2}

# ==== table-char-enum-bigint
[pscustomobject]@{c = [char]'z'; d = [System.DayOfWeek]::Friday; n = [bigint]12; s = 'str'}

# ==== table-double-special-values
[pscustomobject]@{a = [double]::NaN; b = [double]::PositiveInfinity; c = -0.001; d = 1e15}

# ==== table-decimal-and-single
[pscustomobject]@{m = 2.675d; f = [float]0.125; d = 0.125}

# ==== table-explicit-properties-format-doubles
[pscustomobject]@{a = 1.5; b = 'x'; c = 2} | Format-Table c, a

# ==== table-calculated-property-double
[pscustomobject]@{a = 3} | Format-Table a, @{n = 'half'; e = { $_.a / 2 }}

# ==== list-keeps-double-text
[pscustomobject]@{a = 1.5; b = 2} | Format-List

# ==== hashtable-table-keeps-double-text
@{rate = 1.5}

# ==== format-list-groupby
$d = @([pscustomobject]@{g = 'x'; v = 1}, [pscustomobject]@{g = 'x'; v = 2}, [pscustomobject]@{g = 'y'; v = 3})
$d | Format-List -GroupBy g

# ==== format-table-groupby-hideheaders
$d = @([pscustomobject]@{g = 'x'; v = 1}, [pscustomobject]@{g = 'y'; v = 3})
$d | Format-Table -GroupBy g -HideTableHeaders
'after'

# ==== format-list-hashtable-two-keys
[ordered]@{one = 1; two = 'zwei'} | Format-List

# ==== format-list-force-number
5 | Format-List -Force
'next'

# ==== format-wide-objects-autosize
1..5 | ForEach-Object { [pscustomobject]@{n = "item$_"; v = $_} } | Format-Wide -AutoSize

# ==== format-wide-default-two-columns
1..3 | ForEach-Object { [pscustomobject]@{n = "item$_"; v = $_} } | Format-Wide

# ==== format-wide-column-four-by-property
1..5 | ForEach-Object { [pscustomobject]@{n = "item$_"; v = $_} } | Format-Wide v -Column 4

# ==== format-table-wrap-two-columns
[pscustomobject]@{A = ('alpha ' * 12).Trim(); B = ('beta ' * 12).Trim()} | Format-Table -Wrap

# ==== format-table-wrap-multiline-value
[pscustomobject]@{k = 'a'; v = "line one`nline two"} | Format-Table -Wrap

# ==== format-table-long-header-invariant
[pscustomobject]@{ThisIsAVeryLongPropertyNameThatWillNotFitInItsColumnAtAll = 1; B = ('x' * 70)}

# ==== format-list-long-value-invariant
[pscustomobject]@{Text = ('word ' * 30).Trim()} | Format-List

# ==== get-error-type-names
try { throw 'boom' } catch { }
$e = Get-Error
$e.PSObject.TypeNames[0]
$e.GetType().FullName
$e.Exception.Message

# ==== get-error-newest-index
try { 1 / 0 } catch { }
try { throw 'second' } catch { }
Get-Error -Newest 2 | ForEach-Object { "$($_.PSErrorIndex): $($_.Exception.Message)" }
(Get-Error -Newest 5).Count

# ==== get-error-piped-record
try { [int]'abc' } catch { $_ | Get-Error | ForEach-Object { $_.FullyQualifiedErrorId } }

# ==== get-error-no-errors
Get-Error
'none'
