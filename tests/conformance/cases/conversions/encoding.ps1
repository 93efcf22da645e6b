# System.Text.Encoding and Base64 as admin scripts use them: a Basic authorization header, the
# payload of a token, bytes of a string in UTF-8, UTF-16 and ASCII.
# ==== encoding-bytes
$b = [System.Text.Encoding]::UTF8.GetBytes("héllo"); $b -join ","; $b.GetType().FullName
[System.Text.Encoding]::Unicode.GetBytes("ab") -join ","
[System.Text.Encoding]::ASCII.GetBytes("é") -join ","
[System.Text.Encoding]::ASCII.GetString([byte[]](72, 105))
[System.Text.Encoding]::UTF8.GetString([byte[]](104, 105), 1, 1)
# ==== encoding-objects
[System.Text.Encoding]::UTF8.GetType().FullName; [System.Text.Encoding]::Unicode.GetType().FullName
[System.Text.Encoding]::ASCII.GetType().FullName
[System.Text.Encoding]::UTF8.WebName; [System.Text.Encoding]::UTF8.CodePage; [System.Text.Encoding]::UTF8.EncodingName
# ==== base64-round-trip
$b = [System.Text.Encoding]::UTF8.GetBytes("héllo")
[Convert]::ToBase64String($b)
[System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String("aMOpbGxv"))
[Convert]::ToBase64String([byte[]]@())
# ==== base64-basic-auth-header
$h = @{ Authorization = "Basic " + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("app:secret")) }
$h.Authorization
$payload = "eyJhdWQiOiJodHRwcyJ9"; [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($payload))
# ==== base64-invalid
[Convert]::FromBase64String("abc")
[Convert]::FromBase64String("a!bc")
