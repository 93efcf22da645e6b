# The about_aapsh topic and the default help text.
Get-Help about_aapsh
Get-Help
