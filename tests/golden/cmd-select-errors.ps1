# usage.md P11: selecting properties that do not exist.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
# A missing property in a -Property list is an empty column, not an error.
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object Identity, AllowedAadAppIds
# -ExpandProperty of a missing property fails once per object, non-terminating.
Get-CsApplicationAccessPolicy | Select-Object -ExpandProperty GrantedToGroup
"next statement runs"
$grant = Get-CsApplicationAccessPolicy -Identity "Bot"
"PolicyName: [$($grant.PolicyName)]"
try {
    Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object -ExpandProperty GrantedToGroup -ErrorAction Stop
}
catch {
    "caught: $($_.Exception.Message) / $($_.FullyQualifiedErrorId) / $($_.CategoryInfo.Category)"
}
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object -ExpandProperty AppIds
Get-CsApplicationAccessPolicy -Identity "Bot" | Select-Object -Property Identity -ExpandProperty AppIds
