# Copied from the support article; the placeholders were never filled in (P12).
Connect-MicrosoftTeams
Write-Host "Creating the policy"
New-CsApplicationAccessPolicy -Identity Events-Policy -AppIds <APP_ID> -Description "Customer Insights events"
Grant-CsApplicationAccessPolicy -PolicyName Events-Policy -Global
