# Reference solution of the lab debug-403.
Connect-MgGraph -ClientId $Bot -TenantId contoso.onmicrosoft.com -CertificateThumbprint F8813914053FBFB5D84F1EFA9EDB3205621C1126 -NoWelcome
New-MgUserOnlineMeeting -UserId $Megan -Subject "Stand-up" -ErrorAction SilentlyContinue
Test-EmuAppAccess -AppId $Bot -User $Megan -Detailed
Grant-EmuAppPermission -AppId $Bot -Permission OnlineMeetings.ReadWrite.All
Set-CsApplicationAccessPolicy -Identity Standup -AppIds @{Add = $Bot; Remove = "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"}
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity alex.wilber@contoso.onmicrosoft.com
Grant-CsApplicationAccessPolicy -PolicyName Standup -Identity $Megan
New-MgUserOnlineMeeting -UserId $Megan -Subject "Stand-up" | Out-Null
