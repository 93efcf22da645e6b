# The documented setup, verbatim: connect, create a policy with three app ids, grant it to a
# user by object id, then look at the policy.
Connect-MicrosoftTeams
# Run it again on the same store: first take back what the last run made (nothing, the first time).
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Remove-CsApplicationAccessPolicy -Identity Test-policy -ErrorAction SilentlyContinue
New-CsApplicationAccessPolicy -Identity Test-policy -AppIds "ddb80e06-92f3-4978-bc22-a0eee85e6a9e", "ccb80e06-92f3-4978-bc22-a0eee85e6a9e", "bbb80e06-92f3-4978-bc22-a0eee85e6a9e" -Description "description here"
Grant-CsApplicationAccessPolicy -PolicyName Test-policy -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Get-CsApplicationAccessPolicy -Identity Test-policy
