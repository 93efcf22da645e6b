# setup-teams-transcript-policy.ps1
# Asks for the app id and the organiser, then creates and grants the policy.

param(
    [switch]$Global
)

$AppId = Read-Host "Application (client) ID"
$Organizer = Read-Host "Organizer UPN (leave blank with -Global)"
$PolicyName = "TDOT-Transcript-Policy"

Connect-MicrosoftTeams

if (!(Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "TDOT transcript automation"
}
else {
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId
}

if ($Global) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
}
else {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $Organizer
}

Get-CsApplicationAccessPolicy -Identity $PolicyName | Format-List
