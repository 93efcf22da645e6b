# Exchange Online recipients: the cmdlets exist only after Connect-ExchangeOnline, as with the
# real module; mailboxes, mail-enabled groups and their members.
Get-Mailbox
Get-Module -ListAvailable -Name ExchangeOnlineManagement | Format-Table Name, Version
Import-Module ExchangeOnlineManagement
(Get-Module ExchangeOnlineManagement).ExportedCommands.Count -gt 10
Connect-ExchangeOnline
Get-Mailbox -ResultSize 3
Get-Mailbox -Identity megan.bowen@contoso.onmicrosoft.com | Format-List Name, Alias, DisplayName, PrimarySmtpAddress, RecipientTypeDetails, ExternalDirectoryObjectId
Get-Mailbox -Identity "nobody@contoso.onmicrosoft.com"
Get-Mailbox -Identity "*wilber*" | Format-Table Name, PrimarySmtpAddress
Get-Mailbox -Filter "Alias -like 'p*'" -SortBy Name | Format-Table Name
Get-Recipient -RecipientTypeDetails MailUniversalSecurityGroup | Format-Table Name, RecipientTypeDetails, IsValidSecurityPrincipal
Get-DistributionGroup
New-DistributionGroup -Name "Mail Readers" -Alias mailreaders -Type Security -Members megan.bowen@contoso.onmicrosoft.com
New-DistributionGroup -Name "Newsletter" -Alias newsletter
New-DistributionGroup -Name "Another" -PrimarySmtpAddress mailreaders@contoso.onmicrosoft.com
New-DistributionGroup -Name "Mail Readers"
New-DistributionGroup -Name "Ghosts" -Members nobody@contoso.onmicrosoft.com
Add-DistributionGroupMember -Identity mailreaders@contoso.onmicrosoft.com -Member alex.wilber@contoso.onmicrosoft.com
Add-DistributionGroupMember -Identity mailreaders@contoso.onmicrosoft.com -Member alex.wilber@contoso.onmicrosoft.com
Get-DistributionGroupMember -Identity "Mail Readers"
Remove-DistributionGroupMember -Identity "Mail Readers" -Member megan.bowen@contoso.onmicrosoft.com -Confirm:$false
Remove-DistributionGroupMember -Identity "Mail Readers" -Member megan.bowen@contoso.onmicrosoft.com -Confirm:$false
Get-DistributionGroupMember -Identity "Mail Readers" | Format-Table Name, PrimarySmtpAddress
Get-DistributionGroupMember -Identity "Sales Team" -WhatIf
Add-DistributionGroupMember -Identity "Webinar Hosts" -Member alex.wilber@contoso.onmicrosoft.com
# The group is a directory group too: Graph sees it.
Connect-MgGraph -Scopes Group.Read.All -NoWelcome
Get-MgGroup | Where-Object DisplayName -eq "Mail Readers" | Format-Table DisplayName, MailEnabled, SecurityEnabled
Disconnect-ExchangeOnline -Confirm:$false
Get-Recipient
