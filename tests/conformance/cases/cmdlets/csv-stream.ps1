# Import-Csv reads a file as it goes and writes each row as it is read.
# ==== import-csv-stops-upstream
Set-Content -Path t.csv -Value 'A,B', '1,2', '3,4', '5,6'
Import-Csv t.csv | ForEach-Object { Write-Host "row $($_.A)"; $_ } | Select-Object -First 2 | ForEach-Object { "got $($_.B)" }
# ==== import-csv-header-skips-comments
Set-Content -Path t.csv -Value '# comment', 'A,,C', '1,2,3', '', '4,5,6'
Import-Csv t.csv -Header X, Y | ForEach-Object { "$($_.X)-$($_.Y)" }
Import-Csv t.csv | ForEach-Object { "$($_.A)|$($_.H1)|$($_.C)" }
# ==== import-csv-type-line-and-quoted-newline
Set-Content -Path t.csv -Value '#TYPE Foo.Bar', 'A,B', '1,2', '"x', 'y",3'
Import-Csv t.csv | ForEach-Object { "$($_.A)|$($_.B)|$($_.PSObject.TypeNames[0])" }
