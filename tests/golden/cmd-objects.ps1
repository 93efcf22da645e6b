# Sort-Object, Measure-Object, Group-Object, ForEach-Object -Begin/-Process/-End, Where-Object forms.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
"megan.bowen", "lee.gu", "alex.wilber" | ForEach-Object { Grant-CsApplicationAccessPolicy -PolicyName "Bot" -Identity "$_@contoso.onmicrosoft.com" }

Get-CsOnlineUser | Sort-Object DisplayName -Descending | Select-Object -First 3 -ExpandProperty DisplayName
Get-CsOnlineUser | Sort-Object ApplicationAccessPolicy, DisplayName | Format-Table DisplayName, ApplicationAccessPolicy
3, 1, 2, 3, 1 | Sort-Object -Unique
"b", "B", "a" | Sort-Object
Get-CsOnlineUser | Measure-Object
Get-CsOnlineUser | Measure-Object | Select-Object -ExpandProperty Count
1..10 | Measure-Object -Sum -Average -Maximum -Minimum
(1, 2, 3, 4 | Measure-Object -StandardDeviation).StandardDeviation
[PSCustomObject]@{ Apps = 2 }, [PSCustomObject]@{ Apps = 5 } | Measure-Object -Property Apps -Sum | Format-List Count, Sum, Property
Get-CsOnlineUser | Group-Object ApplicationAccessPolicy | Sort-Object Name | Format-Table Count, Name
Get-CsOnlineUser | Group-Object ApplicationAccessPolicy -NoElement | Sort-Object Count -Descending | ForEach-Object { "$($_.Count) x '$($_.Name)'" }
$byPolicy = Get-CsOnlineUser | Group-Object ApplicationAccessPolicy -AsHashTable -AsString
$byPolicy["Bot"].Count
Get-CsOnlineUser | ForEach-Object -Begin { $n = 0; "start" } -Process { $n++ } -End { "counted $n" }
"a b", "c" | ForEach-Object { $_.Split(" ") } | ForEach-Object ToUpper
"abc" | ForEach-Object -MemberName Replace -ArgumentList "b", "X"
Get-CsOnlineUser | Where-Object DisplayName -like "*gu*" | ForEach-Object DisplayName
Get-CsOnlineUser | Where-Object -Property ApplicationAccessPolicy -NE -Value "Bot" | Measure-Object | ForEach-Object Count
Get-CsOnlineUser | Where-Object { $_.DisplayName -match '^A' -and $_.ApplicationAccessPolicy } | ForEach-Object UserPrincipalName
1..5 | Where-Object { $_ % 2 } | ForEach-Object { $_ * 10 }
1..20 | Select-Object -First 3 -Skip 2
1..20 | Select-Object -Last 2
