# Binding-only stub of the MicrosoftTeams cmdlets that aapsh emulates, used ONLY when recording
# the conformance corpus with the reference pwsh (tests/conformance/record puts this folder on
# PSModulePath). pwsh has no Teams module offline, but parameter binding is pwsh's own: these
# advanced functions declare the documented parameters (names, types, positions, parameter sets,
# mandatory, pipeline input, aliases, ShouldProcess) and do nothing, so the recorded binding
# behaviour is what pwsh would do with the real cmdlets. Cases print only what does not depend on
# the emulation (a marker after `| Out-Null`, `$?`, binding errors).
#
# Sources: the MicrosoftTeams reference pages (MicrosoftDocs/office-docs-powershell,
# teams/teams-ps/teams/*.md) and, where the docs leave a choice open, what aapsh chose
# (docs/fidelity.md; src/cmdlets/policy.rs, assignments.rs, teams.rs). Those choices are marked
# "aapsh choice" below. Compiled cmdlets bind positionally only where a position is declared, so
# every function says PositionalBinding = $false. Parameters are declared in the docs'
# alphabetical order, as aapsh declares them (it decides the order of ambiguity lists).

# The module's parameter types that pwsh does not have. Only their names matter to binding
# messages; each converts from a string as the real types do.
# The recorder compiles types.cs once and passes the assembly in AAPSH_STUB_TYPES (compiling it in
# every case costs seconds); without it the source is compiled here.
if (-not ('Microsoft.Rtc.Management.Xds.XdsIdentity' -as [type])) {
    if ($env:AAPSH_STUB_TYPES -and (Test-Path -LiteralPath $env:AAPSH_STUB_TYPES)) {
        Add-Type -Path $env:AAPSH_STUB_TYPES
    }
    else {
        Add-Type -Path (Join-Path $PSScriptRoot 'types.cs')
    }
}

# --- Connection (no-op stubs) ------------------------------------------------------------------

function Connect-MicrosoftTeams {
    # Connect-MicrosoftTeams.md: parameter sets UserCredential (default),
    # ServicePrincipalCertificate, ServicePrincipalCertificateThumbprint, AccessTokens,
    # ManagedServiceLogin.
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'UserCredential', PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'AccessTokens')]
        [string[]]$AccessTokens,

        [Parameter(ParameterSetName = 'UserCredential')]
        [string]$AccountId,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [string]$ApplicationId,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [object]$Certificate,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [string]$CertificateThumbprint,

        [Parameter(ParameterSetName = 'UserCredential')]
        [System.Management.Automation.PSCredential]$Credential,

        [Parameter(Mandatory, ParameterSetName = 'ManagedServiceLogin')]
        [Alias('MSI', 'ManagedService')]
        [switch]$Identity,

        [string]$LogFilePath,

        [Microsoft.TeamsCmdlets.Powershell.Connect.Common.LogLevel]$LogLevel,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [string]$ManagedServiceHostName,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [int]$ManagedServicePort,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [System.Security.SecureString]$ManagedServiceSecret,

        [Parameter(ParameterSetName = 'UserCredential')]
        [string]$TeamsEnvironmentName,

        [Parameter(ParameterSetName = 'UserCredential')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [Parameter(ParameterSetName = 'AccessTokens')]
        [Alias('Domain', 'TenantDomain')]
        [string]$TenantId,

        [Parameter(ParameterSetName = 'UserCredential')]
        [switch]$UseDeviceAuthentication
    )
}

function Disconnect-MicrosoftTeams {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param()
}

# --- Application access policies ---------------------------------------------------------------

function New-CsApplicationAccessPolicy {
    # New-CsApplicationAccessPolicy.md: Identity <XdsIdentity> (required, position 1 in the docs'
    # numbering: the first positional), AppIds <PSListModifier>, Description <String>.
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [System.Management.Automation.PSListModifier]$AppIds,

        [string]$Description,

        [Parameter(Mandatory, Position = 0)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant
    )
}

function Get-CsApplicationAccessPolicy {
    # Get-CsApplicationAccessPolicy.md: sets Identity (default) and Filter; no pipeline input.
    [CmdletBinding(DefaultParameterSetName = 'Identity', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'Filter')]
        [string]$Filter,

        [Parameter(ParameterSetName = 'Identity', Position = 0)]
        [string]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant,

        # Lync-era parameter, accepted (aapsh choice, fidelity.md).
        [switch]$LocalStore
    )
}

function Set-CsApplicationAccessPolicy {
    # Set-CsApplicationAccessPolicy.md: AppIds <Object>, Description, Identity <String> (position
    # 1 in the docs' numbering). Binding Identity from piped policies by property name is an
    # aapsh choice (Lync analog, fidelity.md).
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [object]$AppIds,

        [string]$Description,

        [Parameter(Position = 0, ValueFromPipelineByPropertyName)]
        [string]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant
    )
    process { }
}

function Remove-CsApplicationAccessPolicy {
    # Remove-CsApplicationAccessPolicy.md: Identity <XdsIdentity>, required. Pipeline binding by
    # property name: aapsh choice (Lync analog, fidelity.md).
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [guid]$Tenant
    )
    process { }
}

function Grant-CsApplicationAccessPolicy {
    # Grant-CsApplicationAccessPolicy.md: sets Identity, GrantToTenant (default), GrantToGroup;
    # Identity <UserIdParameter> position 0; Group required in GrantToGroup; Rank <Int32>.
    # aapsh choices (fidelity.md): PolicyName is position 1 (the docs say Named; sibling Grant
    # cmdlets use 1), Identity binds from the pipeline by property name (the documented
    # `Get-CsOnlineUser | Grant-...` example needs it), Global belongs to GrantToTenant only, so
    # that -Identity with -Global is an ambiguous parameter set.
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'GrantToTenant', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'GrantToTenant')]
        [switch]$Global,

        [Parameter(Mandatory, ParameterSetName = 'GrantToGroup')]
        [string]$Group,

        [Parameter(Mandatory, ParameterSetName = 'Identity', Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.AD.UserIdParameter]$Identity,

        [string]$MsftInternalProcessingMode,

        [switch]$PassThru,

        [Parameter(Position = 1)]
        [string]$PolicyName,

        [Parameter(ParameterSetName = 'GrantToGroup')]
        [int]$Rank,

        [guid]$Tenant
    )
    process { }
}

# --- Users and assignments ---------------------------------------------------------------------

function Get-CsOnlineUser {
    # Get-CsOnlineUser.md: Identity <UserIdParameter> position 0; ResultSize <Unlimited> is left
    # out here (pwsh has no such type; cases do not bind it).
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [string]$AccountType,

        [object]$Filter,

        [Parameter(Position = 0)]
        [Microsoft.Rtc.Management.AD.UserIdParameter]$Identity,

        [string]$Properties,

        [switch]$SkipUserPolicies,

        [switch]$SoftDeletedUser,

        [Alias('OrderBy')]
        [string]$Sort
    )
}

function Get-CsUserPolicyAssignment {
    # Get-CsUserPolicyAssignment.md: Identity required, PolicyType.
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$Identity,

        [string]$PolicyType
    )
}

function New-CsGroupPolicyAssignment {
    # New-CsGroupPolicyAssignment.md: GroupId, PolicyType, PolicyName required; Rank; PassThru.
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [Parameter(Mandatory)]
        [string]$PolicyName,

        [int]$Rank,

        [switch]$PassThru
    )
}

function Get-CsGroupPolicyAssignment {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [string]$GroupId,

        [string]$PolicyType
    )
}

function Set-CsGroupPolicyAssignment {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [string]$PolicyName,

        [int]$Rank,

        [switch]$PassThru
    )
}

function Remove-CsGroupPolicyAssignment {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [switch]$PassThru
    )
}

# --- The Teams policy family, shown by TeamsMeetingPolicy ---------------------------------------
# Every policy type's cmdlets are built from one declaration (src/store/catalog/), so one type
# checks the shared binding: its ~120 settings (for prefix and ambiguity errors), the parameter
# types Boolean/UInt32/Int32/String, the Identity and Instance sets of Set-, and the Grant sets.
# New- and Set-CsTeamsMeetingPolicy's parameter lists were generated from aapsh's own declaration
# (`Get-Command New-CsTeamsMeetingPolicy -Syntax`), whose setting names and types follow
# New-CsTeamsMeetingPolicy.md / Set-CsTeamsMeetingPolicy.md; re-generate them when a setting is
# added. aapsh choices: Identity is the first positional; Set- binds Identity by property name.

function New-CsTeamsMeetingPolicy {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,
        [string]$AIInterpreter,
        [bool]$AllowAnnotations,
        [bool]$AllowAnonymousUsersToDialOut,
        [bool]$AllowAnonymousUsersToJoinMeeting,
        [bool]$AllowAnonymousUsersToStartMeeting,
        [bool]$AllowAvatarsInGallery,
        [bool]$AllowBreakoutRooms,
        [string]$AllowCartCaptionsScheduling,
        [bool]$AllowChannelMeetingScheduling,
        [bool]$AllowCloudRecording,
        [string]$AllowDocumentCollaboration,
        [string]$AllowedStreamingMediaInput,
        [string]$AllowedUsersForMeetingContext,
        [string]$AllowedUsersForMeetingDetails,
        [string]$AllowEngagementReport,
        [bool]$AllowExternalNonTrustedMeetingChat,
        [bool]$AllowExternalParticipantGiveRequestControl,
        [bool]$AllowImmersiveView,
        [bool]$AllowIntelligentRecap,
        [bool]$AllowIPAudio,
        [bool]$AllowIPVideo,
        [bool]$AllowLocalRecording,
        [bool]$AllowMeetingCoach,
        [bool]$AllowMeetingKnowledgeGeneration,
        [bool]$AllowMeetingReactions,
        [bool]$AllowMeetingRegistration,
        [bool]$AllowMeetNow,
        [bool]$AllowMultipleScreenshare,
        [bool]$AllowNDIStreaming,
        [bool]$AllowNetworkConfigurationSettingsLookup,
        [bool]$AllowOrganizersToOverrideLobbySettings,
        [bool]$AllowOutlookAddIn,
        [bool]$AllowParticipantGiveRequestControl,
        [bool]$AllowPowerPointSharing,
        [bool]$AllowPrivateMeetingScheduling,
        [bool]$AllowPrivateMeetNow,
        [bool]$AllowPSTNUsersToBypassLobby,
        [bool]$AllowRecordingStorageOutsideRegion,
        [bool]$AllowScreenContentDigitization,
        [bool]$AllowSharedNotes,
        [string]$AllowTasksFromTranscript,
        [bool]$AllowTrackingInReport,
        [bool]$AllowTranscription,
        [string]$AllowUserToJoinExternalMeeting,
        [bool]$AllowWatermarkCustomizationForCameraVideo,
        [bool]$AllowWatermarkCustomizationForScreenSharing,
        [bool]$AllowWatermarkForCameraVideo,
        [bool]$AllowWatermarkForScreenSharing,
        [bool]$AllowWhiteboard,
        [string]$AnonymousUserAuthenticationMethod,
        [string]$AttendeeIdentityMasking,
        [string]$AudibleRecordingNotification,
        [string]$AutoAdmittedUsers,
        [string]$AutomaticallyStartCopilot,
        [string]$AutoRecording,
        [object]$BlockedAnonymousJoinClientTypes,
        [string]$CaptchaVerificationForMeetingJoin,
        [string]$ChannelRecordingDownload,
        [bool]$ConditionalAccessAttendeeVerification,
        [string]$ConnectToMeetingControls,
        [string]$ContentSharingInExternalMeetings,
        [string]$Copilot,
        [bool]$CopyRestriction,
        [string]$Description,
        [string]$DesignatedPresenterRoleMode,
        [bool]$DetectSensitiveContentDuringScreenSharing,
        [bool]$DisableAudioAnnouncementsForResourceAccounts,
        [bool]$EnablePreMeetingConsent,
        [bool]$EnableRecordingAndTranscriptionCustomMessage,
        [string]$EnrollUserOverride,
        [string]$ExplicitRecordingConsent,
        [string]$ExternalBotAccessMode,
        [string]$ExternalMeetingJoin,
        [string]$FilterProfanityInTranscript,
        [string]$InfoShownInReportMode,
        [int]$IntelligentRecapDocxFileExpirationDays,
        [string]$IPAudioMode,
        [string]$IPVideoMode,
        [string]$LiveCaptionsEnabledType,
        [string]$LiveInterpretationEnabledType,
        [string]$LiveStreamingMode,
        [string]$LobbyChat,
        [uint32]$MediaBitRateKb,
        [string]$MeetingChatEnabledType,
        [string]$MeetingInviteLanguages,
        [int]$MeetingKnowledgeExpirationDays,
        [int]$NewMeetingRecordingExpirationDays,
        [string]$NoiseSuppressionForDialInParticipants,
        [string]$ParticipantNameChange,
        [string]$ParticipantSlideControl,
        [string]$PasscodeComplexity,
        [string]$PreferredMeetingProviderForIslandsMode,
        [guid]$PreMeetingConsentContentIdentifier,
        [string]$PreventComplianceRecording,
        [string]$QnAEngagementMode,
        [string]$RealTimeText,
        [string]$RecordingAndTranscriptionAudioNotification,
        [guid]$RecordingAndTranscriptionCustomMessageIdentifier,
        [string]$RecordingStorageMode,
        [string]$RoomAttributeUserOverride,
        [string]$RoomPeopleNameUserOverride,
        [string]$ScreenSharingMode,
        [string]$SetRecordingAndTranscriptOwnership,
        [string]$SmsNotifications,
        [string]$SpeakerAttributionMode,
        [string]$StreamingAttendeeMode,
        [string]$SyntheticMediaDetection,
        [guid]$SyntheticMediaDetectionAppId,
        [string]$TeamsCameraFarEndPTZMode,
        [string]$UsersCanAdmitFromLobby,
        [string]$VideoFiltersMode,
        [string]$VoiceIsolation,
        [string]$VoiceSimulationInInterpreter,
        [string]$WatermarkForAnonymousUsers,
        [long]$WatermarkForCameraVideoOpacity,
        [string]$WatermarkForCameraVideoPattern,
        [long]$WatermarkForScreenSharingOpacity,
        [string]$WatermarkForScreenSharingPattern,
        [string]$WhoCanRegister,
        [switch]$Force,
        [switch]$InMemory,
        [guid]$Tenant
    )
}

function Set-CsTeamsMeetingPolicy {
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Identity', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,
        [Parameter(ParameterSetName = 'Instance')]
        [psobject]$Instance,
        [string]$AIInterpreter,
        [bool]$AllowAnnotations,
        [bool]$AllowAnonymousUsersToDialOut,
        [bool]$AllowAnonymousUsersToJoinMeeting,
        [bool]$AllowAnonymousUsersToStartMeeting,
        [bool]$AllowAvatarsInGallery,
        [bool]$AllowBreakoutRooms,
        [string]$AllowCartCaptionsScheduling,
        [bool]$AllowChannelMeetingScheduling,
        [bool]$AllowCloudRecording,
        [string]$AllowDocumentCollaboration,
        [string]$AllowedStreamingMediaInput,
        [string]$AllowedUsersForMeetingContext,
        [string]$AllowedUsersForMeetingDetails,
        [string]$AllowEngagementReport,
        [bool]$AllowExternalNonTrustedMeetingChat,
        [bool]$AllowExternalParticipantGiveRequestControl,
        [bool]$AllowImmersiveView,
        [bool]$AllowIntelligentRecap,
        [bool]$AllowIPAudio,
        [bool]$AllowIPVideo,
        [bool]$AllowLocalRecording,
        [bool]$AllowMeetingCoach,
        [bool]$AllowMeetingKnowledgeGeneration,
        [bool]$AllowMeetingReactions,
        [bool]$AllowMeetingRegistration,
        [bool]$AllowMeetNow,
        [bool]$AllowMultipleScreenshare,
        [bool]$AllowNDIStreaming,
        [bool]$AllowNetworkConfigurationSettingsLookup,
        [bool]$AllowOrganizersToOverrideLobbySettings,
        [bool]$AllowOutlookAddIn,
        [bool]$AllowParticipantGiveRequestControl,
        [bool]$AllowPowerPointSharing,
        [bool]$AllowPrivateMeetingScheduling,
        [bool]$AllowPrivateMeetNow,
        [bool]$AllowPSTNUsersToBypassLobby,
        [bool]$AllowRecordingStorageOutsideRegion,
        [bool]$AllowScreenContentDigitization,
        [bool]$AllowSharedNotes,
        [string]$AllowTasksFromTranscript,
        [bool]$AllowTrackingInReport,
        [bool]$AllowTranscription,
        [string]$AllowUserToJoinExternalMeeting,
        [bool]$AllowWatermarkCustomizationForCameraVideo,
        [bool]$AllowWatermarkCustomizationForScreenSharing,
        [bool]$AllowWatermarkForCameraVideo,
        [bool]$AllowWatermarkForScreenSharing,
        [bool]$AllowWhiteboard,
        [string]$AnonymousUserAuthenticationMethod,
        [string]$AttendeeIdentityMasking,
        [string]$AudibleRecordingNotification,
        [string]$AutoAdmittedUsers,
        [string]$AutomaticallyStartCopilot,
        [string]$AutoRecording,
        [object]$BlockedAnonymousJoinClientTypes,
        [string]$CaptchaVerificationForMeetingJoin,
        [string]$ChannelRecordingDownload,
        [bool]$ConditionalAccessAttendeeVerification,
        [string]$ConnectToMeetingControls,
        [string]$ContentSharingInExternalMeetings,
        [string]$Copilot,
        [bool]$CopyRestriction,
        [string]$Description,
        [string]$DesignatedPresenterRoleMode,
        [bool]$DetectSensitiveContentDuringScreenSharing,
        [bool]$DisableAudioAnnouncementsForResourceAccounts,
        [bool]$EnablePreMeetingConsent,
        [bool]$EnableRecordingAndTranscriptionCustomMessage,
        [string]$EnrollUserOverride,
        [string]$ExplicitRecordingConsent,
        [string]$ExternalBotAccessMode,
        [string]$ExternalMeetingJoin,
        [string]$FilterProfanityInTranscript,
        [string]$InfoShownInReportMode,
        [int]$IntelligentRecapDocxFileExpirationDays,
        [string]$IPAudioMode,
        [string]$IPVideoMode,
        [string]$LiveCaptionsEnabledType,
        [string]$LiveInterpretationEnabledType,
        [string]$LiveStreamingMode,
        [string]$LobbyChat,
        [uint32]$MediaBitRateKb,
        [string]$MeetingChatEnabledType,
        [string]$MeetingInviteLanguages,
        [int]$MeetingKnowledgeExpirationDays,
        [int]$NewMeetingRecordingExpirationDays,
        [string]$NoiseSuppressionForDialInParticipants,
        [string]$ParticipantNameChange,
        [string]$ParticipantSlideControl,
        [string]$PasscodeComplexity,
        [string]$PreferredMeetingProviderForIslandsMode,
        [guid]$PreMeetingConsentContentIdentifier,
        [string]$PreventComplianceRecording,
        [string]$QnAEngagementMode,
        [string]$RealTimeText,
        [string]$RecordingAndTranscriptionAudioNotification,
        [guid]$RecordingAndTranscriptionCustomMessageIdentifier,
        [string]$RecordingStorageMode,
        [string]$RoomAttributeUserOverride,
        [string]$RoomPeopleNameUserOverride,
        [string]$ScreenSharingMode,
        [string]$SetRecordingAndTranscriptOwnership,
        [string]$SmsNotifications,
        [string]$SpeakerAttributionMode,
        [string]$StreamingAttendeeMode,
        [string]$SyntheticMediaDetection,
        [guid]$SyntheticMediaDetectionAppId,
        [string]$TeamsCameraFarEndPTZMode,
        [string]$UsersCanAdmitFromLobby,
        [string]$VideoFiltersMode,
        [string]$VoiceIsolation,
        [string]$VoiceSimulationInInterpreter,
        [string]$WatermarkForAnonymousUsers,
        [long]$WatermarkForCameraVideoOpacity,
        [string]$WatermarkForCameraVideoPattern,
        [long]$WatermarkForScreenSharingOpacity,
        [string]$WatermarkForScreenSharingPattern,
        [string]$WhoCanRegister,
        [switch]$Force,
        [guid]$Tenant
    )
    process { }
}

function Get-CsTeamsMeetingPolicy {
    # Get-CsTeamsMeetingPolicy.md: sets Identity (default, position 1 in the docs' numbering) and
    # Filter; LocalStore as the Lync-era cmdlets (aapsh choice).
    [CmdletBinding(DefaultParameterSetName = 'Identity', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'Filter')]
        [string]$Filter,

        [Parameter(ParameterSetName = 'Identity', Position = 0)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [switch]$LocalStore,

        [guid]$Tenant
    )
}
function Remove-CsTeamsMeetingPolicy {
    # Remove-CsTeamsMeetingPolicy.md: Identity <XdsIdentity> required, the first positional;
    # Force; Tenant. aapsh choice: Identity binds by property name (Get- | Remove-).
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [switch]$Force,

        [guid]$Tenant
    )
    process { }
}
function Grant-CsTeamsMeetingPolicy {
    # Grant-CsTeamsMeetingPolicy.md: sets GrantToTenant (default: -Global), GrantToGroup (-Group,
    # -Rank), Identity; PolicyName the second positional; PassThru; no -Force. aapsh declares
    # every family Grant like Grant-CsApplicationAccessPolicy (see its stub above).
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'GrantToTenant', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'GrantToTenant')]
        [switch]$Global,

        [Parameter(Mandatory, ParameterSetName = 'GrantToGroup')]
        [string]$Group,

        [Parameter(Mandatory, ParameterSetName = 'Identity', Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.AD.UserIdParameter]$Identity,

        [string]$MsftInternalProcessingMode,

        [switch]$PassThru,

        [Parameter(Position = 1)]
        [string]$PolicyName,

        [Parameter(ParameterSetName = 'GrantToGroup')]
        [int]$Rank
    )
    process { }
}
