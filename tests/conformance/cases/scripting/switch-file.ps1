# switch -File: the lines of a file, with the other flags; a missing file; the parse errors.
# ==== switch-file-lines
Set-Content -Path data.txt -Value 'alpha', 'beta', 'gamma'
switch -File data.txt { 'beta' { 'found beta' } default { "line $_" } }
# ==== switch-file-regex
Set-Content -Path data.txt -Value 'alpha', 'beta', 'gamma'
switch -Regex -File ./data.txt { '^g' { "g: $_" } 'a$' { "a: $_"; continue } }
# ==== switch-file-break
Set-Content -Path data.txt -Value 'one', 'two', 'three'
switch -file data.txt { 'two' { 'stop'; break } default { $_ } }
# ==== switch-file-missing-after
switch -file nofile.txt { default { $_ } }
'after'
# ==== switch-file-and-expression
switch -file a.txt (1) { default { } }
# ==== switch-file-scriptblock-name
switch -file { } ; 'x'
