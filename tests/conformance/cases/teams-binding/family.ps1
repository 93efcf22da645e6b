# Binding of the Teams policy family (one declaration per type), shown by TeamsMeetingPolicy.
# ==== new-positional
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy Sales | Out-Null; 'bound'
# ==== new-settings
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloudRecording $false -AutoAdmittedUsers EveryoneInCompany -MediaBitRateKb 40000 | Out-Null; 'bound'
# ==== new-bool-number
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloudRecording 0 | Out-Null; 'bound'
# ==== new-bool-string
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloudRecording yes
'after'
# ==== new-uint32-negative
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -MediaBitRateKb -1
# ==== new-uint32-text
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -MediaBitRateKb fast
# ==== new-cloud-prefix
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloud $true | Out-Null; 'bound'
# ==== new-ambiguous-prefix
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowP $true
# ==== new-ambiguous-allow
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowW $true
# ==== new-unique-prefix
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowTransc $true | Out-Null; 'bound'
# ==== new-unknown
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowEverything $true
# ==== new-switch-as-setting
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloudRecording
# ==== new-missing-identity
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -AllowCloudRecording $true
# ==== new-two-positionals
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy Sales Extra
# ==== get-positional
Connect-MicrosoftTeams | Out-Null
Get-CsTeamsMeetingPolicy Global | Out-Null; 'bound'
# ==== get-identity-and-filter
Connect-MicrosoftTeams | Out-Null
Get-CsTeamsMeetingPolicy -Identity Global -Filter 'tag:*'
# ==== get-filter
Connect-MicrosoftTeams | Out-Null
Get-CsTeamsMeetingPolicy -Filter 'tag:*' | Out-Null; 'bound'
# ==== set-global-default
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -AllowCloudRecording $true | Out-Null; 'bound'
# ==== set-identity-and-instance
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -Identity Global -Instance ([pscustomobject]@{ Identity = 'Global' })
# ==== set-pipeline-by-property
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales | Out-Null
[pscustomobject]@{ Identity = 'Tag:Sales' } | Set-CsTeamsMeetingPolicy -AllowTranscription $true | Out-Null; 'bound'
# ==== set-int32-overflow
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -Identity Global -NewMeetingRecordingExpirationDays 99999999999
# ==== remove-missing-identity
Connect-MicrosoftTeams | Out-Null
Remove-CsTeamsMeetingPolicy -Force
# ==== remove-positional
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales | Out-Null
Remove-CsTeamsMeetingPolicy Sales | Out-Null; 'bound'
# ==== grant-user-positional
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales | Out-Null
Grant-CsTeamsMeetingPolicy megan.bowen@contoso.onmicrosoft.com Sales | Out-Null; 'bound'
# ==== grant-global-and-identity
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -Identity megan.bowen@contoso.onmicrosoft.com -Global -PolicyName Sales
# ==== grant-group-without-name
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -Group -PolicyName Sales
# ==== grant-rank-text
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -Group 'Webinar Hosts' -PolicyName Sales -Rank first
# ==== grant-rank-without-group
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -PolicyName Sales -Rank 1
# ==== grant-force
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -Global -PolicyName Sales -Force
# ==== grant-global-null
Connect-MicrosoftTeams | Out-Null
Grant-CsTeamsMeetingPolicy -Global -PolicyName $null | Out-Null; 'bound'
