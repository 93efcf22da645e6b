# Outside the interactive prompt there is no history; Clear-Host writes nothing when redirected.
Get-History
Clear-Host
cls
'done'
