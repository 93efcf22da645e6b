# Exchange Online application access policies: create, read, change, test, remove, and every
# documented error. They limit mailboxes, not online meetings.
Connect-ExchangeOnline -ShowBanner:$false
$app = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -AccessRight RestrictAccess -Description "Sales only"
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -AccessRight DenyAccess
New-DistributionGroup -Name "Newsletter" -Alias newsletter | Out-Null
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId newsletter@contoso.onmicrosoft.com -AccessRight RestrictAccess
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId nobody@contoso.onmicrosoft.com -AccessRight RestrictAccess
New-ApplicationAccessPolicy -AppId "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9" -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -AccessRight RestrictAccess
New-ApplicationAccessPolicy -AppId "not-a-guid" -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -AccessRight RestrictAccess
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -AccessRight AllowAccess
New-ApplicationAccessPolicy -AppId "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20" -PolicyScopeGroupId megan.bowen@contoso.onmicrosoft.com -AccessRight DenyAccess -Description ("x" * 40000)
New-ApplicationAccessPolicy -AppId "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20" -PolicyScopeGroupId megan.bowen@contoso.onmicrosoft.com -AccessRight DenyAccess -WhatIf
Get-ApplicationAccessPolicy | Format-Table ScopeName, AppId, AccessRight, Description
$id = (Get-ApplicationAccessPolicy).Identity
Get-ApplicationAccessPolicy -Identity $id | Format-List ScopeName, AccessRight
Get-ApplicationAccessPolicy -Identity "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58\nothing"
Set-ApplicationAccessPolicy -Identity $id -Description " "
Get-ApplicationAccessPolicy | Format-Table ScopeName, Description
# Test: members of Sales Team (Alex Wilber, Adele Vance) are granted, everyone else denied.
Test-ApplicationAccessPolicy -Identity alex.wilber@contoso.onmicrosoft.com -AppId $app
Test-ApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -AppId $app | Format-Table Mailbox, AccessCheckResult
Test-ApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -AppId "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20" | Format-Table Mailbox, AccessCheckResult
Test-ApplicationAccessPolicy -Identity nobody@contoso.onmicrosoft.com -AppId $app
# A DenyAccess policy for a member wins over the RestrictAccess one.
New-ApplicationAccessPolicy -AppId $app -PolicyScopeGroupId alex.wilber@contoso.onmicrosoft.com -AccessRight DenyAccess | Format-Table ScopeName, AccessRight
Test-ApplicationAccessPolicy -Identity alex.wilber@contoso.onmicrosoft.com -AppId $app | Format-Table Mailbox, AccessCheckResult
# The Teams side is untouched: a mailbox policy changes nothing for online meetings.
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy | Format-Table Identity, AppIds
Get-ApplicationAccessPolicy | Remove-ApplicationAccessPolicy -Confirm:$false
Get-ApplicationAccessPolicy
Remove-ApplicationAccessPolicy -Identity $id -Confirm:$false
Set-ApplicationAccessPolicy -Identity $id -Description "x"
