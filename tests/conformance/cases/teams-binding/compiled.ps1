# Binding as pwsh does it for compiled cmdlets (the real Teams and Exchange cmdlets are compiled;
# the stub modules are compiled C# too): conversion errors say "Cannot bind parameter", $null stays
# $null for [string] parameters, collections are checked element by element.
# ==== string-null-optional
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity x -Description $null | Out-Null; 'bound'
# ==== string-null-mandatory
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId $null -PolicyType ApplicationAccessPolicy -PolicyName p
# ==== string-empty-mandatory
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId '' -PolicyType ApplicationAccessPolicy -PolicyName p
# ==== string-null-fqid
Connect-MicrosoftTeams | Out-Null
try { Set-CsGroupPolicyAssignment -GroupId g -PolicyType $null } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
# ==== string-array-to-string
Connect-MicrosoftTeams | Out-Null
Get-CsUserPolicyAssignment -Identity 'a', 'b'
# ==== string-array-to-string-fqid
Connect-MicrosoftTeams | Out-Null
try { Get-CsUserPolicyAssignment -Identity 'a', 'b' } catch { $_.FullyQualifiedErrorId }
# ==== string-number
Connect-MicrosoftTeams | Out-Null
try { Get-CsGroupPolicyAssignment -GroupId 42 -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== array-null-element-mandatory
Connect-MicrosoftTeams -AccessTokens 't1', $null
# ==== array-empty-element-mandatory
Connect-MicrosoftTeams -AccessTokens 't1', ''
# ==== array-empty-mandatory
Connect-MicrosoftTeams -AccessTokens @()
# ==== array-null-mandatory
Connect-MicrosoftTeams -AccessTokens $null
# ==== exchange-array-null-element
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight RestrictAccess -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', $null -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com
# ==== exchange-array-null-element-optional
Connect-ExchangeOnline -ShowBanner:$false
try { New-DistributionGroup -Name 'Binding Group' -Members 'a', $null -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== xds-null-fqid
Connect-MicrosoftTeams | Out-Null
try { Remove-CsTeamsMeetingPolicy -Identity $null } catch { $_.FullyQualifiedErrorId }
# ==== enum-number
Connect-MicrosoftTeams -LogLevel 3 | Out-Null; 'bound'
# ==== enum-number-undefined
Connect-MicrosoftTeams -LogLevel 9
# ==== enum-null
Connect-MicrosoftTeams -LogLevel $null
# ==== enum-empty
Connect-MicrosoftTeams -LogLevel ''
# ==== enum-case-insensitive
Connect-MicrosoftTeams -LogLevel warning | Out-Null; 'bound'
# ==== enum-fqid
try { Connect-MicrosoftTeams -LogLevel Loud } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }
# ==== exchange-enum-number
Connect-ExchangeOnline -ShowBanner:$false
try { New-ApplicationAccessPolicy -AccessRight 1 -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== exchange-enum-null
Connect-ExchangeOnline -ShowBanner:$false
New-ApplicationAccessPolicy -AccessRight $null -AppId 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' -PolicyScopeGroupId salesteam@contoso.onmicrosoft.com
# ==== exchange-group-type-number
Connect-ExchangeOnline -ShowBanner:$false
New-DistributionGroup -Name 'Binding Group' -Type 7
# ==== int-empty
Connect-MicrosoftTeams | Out-Null
try { Grant-CsApplicationAccessPolicy -Group g -PolicyName p -Rank '' -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== int-null
Connect-MicrosoftTeams | Out-Null
New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName p -Rank $null -WhatIf | Out-Null; 'bound'
# ==== int-array
Connect-MicrosoftTeams | Out-Null
Set-CsGroupPolicyAssignment -GroupId g -PolicyType ApplicationAccessPolicy -Rank 1, 2
# ==== int-hex-string
Connect-MicrosoftTeams -Identity -ManagedServicePort '0x10' | Out-Null; 'bound'
# ==== int-fqid
Connect-MicrosoftTeams | Out-Null
try { Set-CsGroupPolicyAssignment -GroupId g -PolicyType ApplicationAccessPolicy -Rank x } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
# ==== exchange-int-bad
Connect-ExchangeOnline -PageSize many
# ==== uint32-overflow
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -MediaBitRateKb 4294967296
# ==== int32-negative-text
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -Identity Global -MeetingKnowledgeExpirationDays '-x'
# ==== int64-text
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -Identity Global -WatermarkForCameraVideoOpacity half
# ==== bool-null
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowCloudRecording $null
# ==== bool-true-string
Connect-MicrosoftTeams | Out-Null
Set-CsTeamsMeetingPolicy -Identity Global -AllowTranscription 'true'
# ==== bool-two
Connect-MicrosoftTeams | Out-Null
try { Set-CsTeamsMeetingPolicy -Identity Global -AllowTranscription 2 -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== bool-fqid
Connect-MicrosoftTeams | Out-Null
try { Set-CsTeamsMeetingPolicy -Identity Global -AllowTranscription 'no' } catch { $_.FullyQualifiedErrorId }
# ==== exchange-bool-string
Connect-ExchangeOnline -ShowBanner:$false
New-DistributionGroup -Name 'Binding Group' -RequireSenderAuthenticationEnabled yes
# ==== switch-string-value
Connect-MicrosoftTeams | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName p -Global:'yes'
# ==== guid-empty
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Tenant ''
# ==== guid-null
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Tenant $null | Out-Null; 'bound'
# ==== guid-number
Connect-MicrosoftTeams | Out-Null
Remove-CsTeamsMeetingPolicy -Identity Sales -Tenant 42
# ==== guid-braces
Connect-MicrosoftTeams | Out-Null
Get-CsTeamsMeetingPolicy -Tenant '{5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58}' | Out-Null; 'bound'
# ==== guid-setting-bad
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -PreMeetingConsentContentIdentifier 'consent-1'
# ==== guid-fqid
Connect-MicrosoftTeams | Out-Null
try { Get-CsApplicationAccessPolicy -Tenant 'x' } catch { $_.FullyQualifiedErrorId }
# ==== pipeline-property-null
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{ Identity = $null } | Remove-CsApplicationAccessPolicy
'after'
# ==== pipeline-property-empty
Connect-MicrosoftTeams | Out-Null
try { [pscustomobject]@{ Identity = '' } | Set-CsApplicationAccessPolicy -Description d -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
# ==== pipeline-property-array
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{ Identity = 'a', 'b' } | Set-CsApplicationAccessPolicy -Description d
# ==== pipeline-property-null-grant
Connect-MicrosoftTeams | Out-Null
[pscustomobject]@{ Identity = $null } | Grant-CsTeamsMeetingPolicy -PolicyName Sales
# ==== pipeline-property-fqid
Connect-MicrosoftTeams | Out-Null
try { [pscustomobject]@{ Identity = $null } | Remove-CsApplicationAccessPolicy -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
# ==== exchange-pipeline-value-null
Connect-ExchangeOnline -ShowBanner:$false
$null | Get-DistributionGroupMember
# ==== exchange-pipeline-property-array
Connect-ExchangeOnline -ShowBanner:$false
try { [pscustomobject]@{ Identity = 'a', 'b' } | Test-ServicePrincipalAuthorization -ErrorAction Stop | Out-Null }
catch [System.Management.Automation.ParameterBindingException] { 'binding error' }
catch { }
'bound'
