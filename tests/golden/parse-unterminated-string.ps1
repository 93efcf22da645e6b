Write-Host "this line never runs: the whole file is parsed first"
Write-Host "abc
