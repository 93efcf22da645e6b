# usage.md D7 and G3: Format-List and Format-Table, with and without property lists.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -Description "Scheduling bot" | Out-Null
New-CsApplicationAccessPolicy -Identity "Recorder" -AppIds "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20", "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null

Get-CsApplicationAccessPolicy -Identity "Bot" | Format-List Identity, AppIds, Description
Get-CsApplicationAccessPolicy -Identity "Bot" | Format-List
Get-CsApplicationAccessPolicy -Identity "Bot" | fl *
Get-CsApplicationAccessPolicy | Format-Table Identity, AppIds
Get-CsApplicationAccessPolicy | Format-Table Identity, Description -AutoSize
Get-CsApplicationAccessPolicy | ft Identity, @{Label = "Apps"; Expression = { $_.AppIds.Count }}
Get-CsOnlineUser | Select-Object -First 3 | Format-Table DisplayName, UserPrincipalName -HideTableHeaders
Get-CsOnlineUser -Identity "Lee Gu" | Format-List DisplayName, *Policy*
(Get-CsApplicationAccessPolicy -Identity "Recorder" | Out-String).Trim()
Get-CsApplicationAccessPolicy -Identity "Recorder" | Out-String -Stream | Where-Object { $_ -match 'AppIds' }
