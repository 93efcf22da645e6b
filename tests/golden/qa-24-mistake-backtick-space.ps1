Connect-MicrosoftTeams | Out-Null
Write-Host "Creating"
New-CsApplicationAccessPolicy `
    -Identity "Backtick-Policy" ` 
    -AppIds "5f4e3d2c-1b0a-4998-8776-655443322110" `
    -Description "Trailing space after the backtick above"
Grant-CsApplicationAccessPolicy -PolicyName "Backtick-Policy" -Identity "lee.gu@contoso.onmicrosoft.com"
Write-Host "Done"
