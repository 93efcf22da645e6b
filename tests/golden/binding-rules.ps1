# Parameter names: any case, any unique prefix, aliases; positional Identity.
Connect-MicrosoftTeams | Out-Null
new-csapplicationaccesspolicy -IDENT "Bot" -Desc "prefix and case" -app "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
Get-CsApplicationAccessPolicy Bot
# -De matches Description and the common Debug: the declared parameter wins.
Set-CsApplicationAccessPolicy Bot -De "changed by -De"
Get-CsApplicationAccessPolicy -Identity Bot -ea Stop
# The value may follow a colon, even when it starts with a dash.
Set-CsApplicationAccessPolicy -Identity:Bot -Description:-dashed
Get-CsApplicationAccessPolicy -Identity:Bot
# A switch takes $true/$false after a colon.
Grant-CsApplicationAccessPolicy -PolicyName Bot -Global:$true
Grant-CsApplicationAccessPolicy -PolicyName $null -Global:$true -PassThru
