# OData filters that are not ASCII, or not what the emulation understands, are errors, never a
# crash (a filter starting with multi-byte text used to panic the shell).
Connect-MgGraph -Scopes "User.Read.All" -NoWelcome
Get-MgUser -Filter "aaaaaaaaaaé eq 'x'"
Get-MgGroup -Filter "ééééééé eq 'x'"
Get-MgUser -Filter "displayName eq 'Adele Vance'" | Select-Object DisplayName
Get-MgUser -Filter "startswith(displayName,'Ad')" | Select-Object DisplayName
"still running"
