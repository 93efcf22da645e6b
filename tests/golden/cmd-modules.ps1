# usage.md E3 and the module stand-ins: guard, install, import, list.
if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) {
    Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber
}
"installed: $([bool](Get-Module -ListAvailable -Name MicrosoftTeams))"
"imported before: $([bool](Get-Module -Name MicrosoftTeams))"
Import-Module MicrosoftTeams
"imported after: $([bool](Get-Module -Name MicrosoftTeams))"
(Get-Module -ListAvailable MicrosoftTeams).Version
Get-Module MicrosoftTeams | Select-Object Name, Version, ModuleType
Install-Module -Name Microsoft.Graph.Authentication -Scope CurrentUser -WhatIf
Install-Module -Name Microsoft.Graph.Authentication -Scope CurrentUser
Import-Module Microsoft.Graph.Authentication
Get-Module -ListAvailable Microsoft.Graph* | Select-Object -ExpandProperty Name
Import-Module AzureAD, MSOnline
Import-Module MicrosoftTeamz
Install-Module MicrosoftTeamz -Force
Import-Module ./NoSuchModule.psm1
try { Import-Module SkypeOnlineConnector -ErrorAction Stop } catch { "caught: $($_.FullyQualifiedErrorId)" }
# Cmdlets of modules aapsh does not emulate stay unknown.
Connect-AzureAD
"done"
