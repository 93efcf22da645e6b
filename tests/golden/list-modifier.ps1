# -AppIds is a PSListModifier: a list replaces, a hashtable adds, removes or replaces.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Apps" -AppIds "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Add="33333333-3333-3333-3333-333333333333"; Remove="11111111-1111-1111-1111-111111111111"}
Get-CsApplicationAccessPolicy -Identity "Apps"
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{ add = "44444444-4444-4444-4444-444444444444", "55555555-5555-5555-5555-555555555555" }
Get-CsApplicationAccessPolicy -Identity "Apps"
# Removing an id that is not there changes nothing; case does not matter for GUIDs.
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Add="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Remove="99999999-9999-9999-9999-999999999999", "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE", "44444444-4444-4444-4444-444444444444".ToUpper()}
Get-CsApplicationAccessPolicy -Identity "Apps"
# Replace wins over Add and Remove; an empty Replace does nothing.
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Replace=@()}
Get-CsApplicationAccessPolicy -Identity "Apps"
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Replace="66666666-6666-6666-6666-666666666666"; Add="77777777-7777-7777-7777-777777777777"}
Get-CsApplicationAccessPolicy -Identity "Apps"
# An unknown key is a binding error; a non-GUID is refused and nothing changes.
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Append="88888888-8888-8888-8888-888888888888"}
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds @{Add="<APP_ID>"}
Set-CsApplicationAccessPolicy -Identity "Apps" -AppIds "66666666-6666-6666-6666-666666666666", "not-a-guid"
Get-CsApplicationAccessPolicy -Identity "Apps"
# The description can be emptied.
Set-CsApplicationAccessPolicy -Identity "Apps" -Description ""
Get-CsApplicationAccessPolicy -Identity "Tag:apps"
