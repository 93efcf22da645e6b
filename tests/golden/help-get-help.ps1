# Get-Help: the default view, -Examples, -Full, -Parameter, Cmdlet -?, wildcards and errors.
Get-Help Grant-CsApplicationAccessPolicy
Get-Help New-CsApplicationAccessPolicy -Examples
Get-Help Remove-CsApplicationAccessPolicy -Full
Get-Help Set-CsApplicationAccessPolicy -Parameter AppIds, Ident*
Get-CsApplicationAccessPolicy -?
Get-Help *AccessPolicy
Get-Help Get-NoSuchThing
Get-Help Grant-CsApplicationAccessPolicy -Parameter Nope
help Get-CsTenant
