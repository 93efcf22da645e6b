# Reference solution of the lab group-ranks.
Get-EmuEffectivePolicy -User $Megan | Format-List User, Policy, Route
$answer = (Get-EmuEffectivePolicy -User $Megan).Policy -replace '^Tag:', ''
Set-CsApplicationAccessPolicy -Identity Recording -AppIds @{Add = $Scheduler}
Connect-MgGraph -Scopes Group.ReadWrite.All -NoWelcome
$sales = Get-MgGroup -Filter "displayName eq 'Sales'"
New-MgGroupMember -GroupId $sales.Id -DirectoryObjectId (Get-MgUser -UserId $Adele).Id
