# Group-Object's own table view: Count right-aligned in 5 columns, Name in 25, then Group
# (PowerShellCore_format_ps1xml.cs). GroupInfoNoElement derives from GroupInfo, so -NoElement
# rows continue the same table.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Bot -AppIds "ddb80e06-92f3-4978-bc22-a0eee85e6a9e" | Out-Null
"megan.bowen@contoso.onmicrosoft.com", "alex.wilber@contoso.onmicrosoft.com" | ForEach-Object {
    Grant-CsApplicationAccessPolicy -PolicyName Bot -Identity $_
}
Get-CsOnlineUser | Group-Object ApplicationAccessPolicy | Sort-Object Name
Get-CsOnlineUser | Group-Object ApplicationAccessPolicy -NoElement | Sort-Object Name
