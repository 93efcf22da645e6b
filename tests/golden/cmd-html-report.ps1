# ConvertTo-Html as report scripts use it: a page with a title and text around the table, a
# fragment, calculated properties, -As List, and the encoding of values.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot <prod>" -AppIds "ddb80e06-92f3-4978-bc22-a0eee85e6a9e" -Description "R&D's bot" | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName "Bot <prod>" -Identity megan.bowen@contoso.onmicrosoft.com
$users = Get-CsOnlineUser | Select-Object -First 3 DisplayName, ApplicationAccessPolicy
$users | ConvertTo-Html -Title "Application access report" -PreContent "<h1>Who may the bots act for?</h1>" -PostContent "<p>Generated offline</p>"
Get-CsApplicationAccessPolicy | ConvertTo-Html -Fragment -Property Identity, @{ Label = "Apps"; Expression = { $_.AppIds.Count } }, Description
$users | Select-Object -First 2 | ConvertTo-Html -As List -Fragment
"one", "three" | ConvertTo-Html -Fragment
$report = $users | ConvertTo-Html -Head "<style>td { padding: 4px }</style>"
$report | Out-File ~/report.html
(Get-Content ~/report.html | Measure-Object).Count
