# The gallery cmdlets, offline, for the modules aapsh emulates (PowerShellGet and PSResourceGet).
Find-Module MicrosoftTeams | Format-Table Name, Version, Repository
Find-Module Microsoft.Graph.Applications, Microsoft.Graph.Teams | Select-Object Name, Version
Find-Module NoSuchModule
Get-InstalledModule | Sort-Object Name | Format-Table Name, Version
Install-Module Microsoft.Graph.Applications -Scope CurrentUser -Force
Get-InstalledModule Microsoft.Graph.Applications | Format-Table Name, Version
Update-Module Microsoft.Graph.Applications
Uninstall-Module Microsoft.Graph.Applications
"after uninstall: $([bool](Get-InstalledModule Microsoft.Graph.Applications -ErrorAction SilentlyContinue))"
Find-PSResource -Name MicrosoftTeams | Format-Table Name, Version, Repository
Install-PSResource -Name Microsoft.Graph.Users -TrustRepository
Get-InstalledPSResource -Name Microsoft.Graph.Users | Format-Table Name, Version
Uninstall-PSResource -Name Microsoft.Graph.Users
Get-Module -ListAvailable MicrosoftTeams, Microsoft.Graph.Authentication | Format-Table Name, Version
# Uninstalled just above, so it no longer imports; a module aapsh does not emulate never does.
Import-Module Microsoft.Graph.Users
Import-Module Az.Accounts
