// Binding-only stub of the MicrosoftTeams cmdlets that aapsh emulates, used ONLY when recording
// the conformance corpus with the reference pwsh (tests/conformance/record compiles this file
// once per run and puts the stub folder on PSModulePath; MicrosoftTeams.psm1 imports the
// assembly). pwsh has no Teams module offline, but parameter binding is pwsh's own: these
// compiled cmdlets (PSCmdlet classes, as the real module's are) declare the documented
// parameters (names, types, positions, parameter sets, mandatory, pipeline input, aliases,
// ShouldProcess) and do nothing, so the recorded binding behaviour, including the wording of
// conversion errors ("Cannot bind parameter 'X'. Cannot convert value ...") and of $null ("because
// it is null"), is what pwsh does with the real cmdlets. Cases print only what does not depend on
// the emulation (a marker after `| Out-Null`, `$?`, binding errors).
//
// Sources: the MicrosoftTeams reference pages (MicrosoftDocs/office-docs-powershell,
// teams/teams-ps/teams/*.md) and, where the docs leave a choice open, what aapsh chose
// (docs/fidelity.md; src/cmdlets/policy.rs, assignments.rs, teams.rs). Those choices are marked
// "aapsh choice" below. Parameters are declared in the docs' alphabetical order, as aapsh
// declares them. The class names are the ones aapsh gives each cmdlet (the suffix of a
// FullyQualifiedErrorId), so that recorded FullyQualifiedErrorIds compare.
using System.Management.Automation;

// The module's parameter types that pwsh does not have. Only their names matter to binding
// messages; each converts from any string, the empty one included (docs/fidelity.md: an empty
// -Identity binds and the cmdlet refuses it).
namespace Microsoft.Rtc.Management.Xds {
    public class XdsIdentity {
        private readonly string value;
        public XdsIdentity(string value) { this.value = value; }
        public override string ToString() { return value; }
    }
}
namespace Microsoft.Rtc.Management.AD {
    public class UserIdParameter {
        private readonly string value;
        public UserIdParameter(string value) { this.value = value; }
        public override string ToString() { return value; }
    }
}
namespace Microsoft.TeamsCmdlets.Powershell.Connect.Common {
    public enum LogLevel { Info, Error, Warning, None }
}

namespace Microsoft.TeamsCmdlets.Powershell.Connect {
    // Connect-MicrosoftTeams.md: parameter sets UserCredential (default),
    // ServicePrincipalCertificate, ServicePrincipalCertificateThumbprint, AccessTokens,
    // ManagedServiceLogin.
    [Cmdlet("Connect", "MicrosoftTeams", SupportsShouldProcess = true, DefaultParameterSetName = "UserCredential")]
    public class ConnectMicrosoftTeams : PSCmdlet {
        [Parameter(ParameterSetName = "AccessTokens", Mandatory = true)]
        public string[] AccessTokens { get; set; }
        [Parameter(ParameterSetName = "UserCredential")]
        public string AccountId { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificateThumbprint", Mandatory = true)]
        [Parameter(ParameterSetName = "ServicePrincipalCertificate", Mandatory = true)]
        public string ApplicationId { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificate", Mandatory = true)]
        public object Certificate { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificateThumbprint", Mandatory = true)]
        public string CertificateThumbprint { get; set; }
        [Parameter(ParameterSetName = "UserCredential")]
        [Credential]
        public System.Management.Automation.PSCredential Credential { get; set; }
        [Alias("MSI", "ManagedService")]
        [Parameter(ParameterSetName = "ManagedServiceLogin", Mandatory = true)]
        public SwitchParameter Identity { get; set; }
        [Parameter]
        public string LogFilePath { get; set; }
        [Parameter]
        public Microsoft.TeamsCmdlets.Powershell.Connect.Common.LogLevel LogLevel { get; set; }
        [Parameter(ParameterSetName = "ManagedServiceLogin")]
        public string ManagedServiceHostName { get; set; }
        [Parameter(ParameterSetName = "ManagedServiceLogin")]
        public int ManagedServicePort { get; set; }
        [Parameter(ParameterSetName = "ManagedServiceLogin")]
        public System.Security.SecureString ManagedServiceSecret { get; set; }
        [Parameter(ParameterSetName = "UserCredential")]
        public string TeamsEnvironmentName { get; set; }
        [Alias("Domain", "TenantDomain")]
        [Parameter(ParameterSetName = "AccessTokens")]
        [Parameter(ParameterSetName = "ServicePrincipalCertificateThumbprint", Mandatory = true)]
        [Parameter(ParameterSetName = "ServicePrincipalCertificate", Mandatory = true)]
        [Parameter(ParameterSetName = "UserCredential")]
        public string TenantId { get; set; }
        [Parameter(ParameterSetName = "UserCredential")]
        public SwitchParameter UseDeviceAuthentication { get; set; }
    }
}
namespace Microsoft.TeamsCmdlets.Powershell.Connect {
    [Cmdlet("Disconnect", "MicrosoftTeams", SupportsShouldProcess = true)]
    public class DisconnectMicrosoftTeams : PSCmdlet {
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // New-CsApplicationAccessPolicy.md: Identity <XdsIdentity> (required, position 1 in the docs'
    // numbering: the first positional), AppIds <PSListModifier>, Description <String>.
    [Cmdlet("New", "CsApplicationAccessPolicy", SupportsShouldProcess = true)]
    public class NewCsApplicationAccessPolicy : PSCmdlet {
        [Parameter]
        public System.Management.Automation.PSListModifier AppIds { get; set; }
        [Parameter]
        public string Description { get; set; }
        [Parameter(Mandatory = true, Position = 0)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter]
        public string MsftInternalProcessingMode { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Get-CsApplicationAccessPolicy.md: sets Identity (default) and Filter; no pipeline input.
    [Cmdlet("Get", "CsApplicationAccessPolicy", DefaultParameterSetName = "Identity")]
    public class GetCsApplicationAccessPolicy : PSCmdlet {
        [Parameter(ParameterSetName = "Filter")]
        public string Filter { get; set; }
        [Parameter(ParameterSetName = "Identity", Position = 0)]
        public string Identity { get; set; }
        [Parameter]
        public string MsftInternalProcessingMode { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
        // Lync-era parameter, accepted (aapsh choice, fidelity.md).
        [Parameter]
        public SwitchParameter LocalStore { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Set-CsApplicationAccessPolicy.md: AppIds <Object>, Description, Identity <String> (position
    // 1 in the docs' numbering). Binding Identity from piped policies by property name is an
    // aapsh choice (Lync analog, fidelity.md).
    [Cmdlet("Set", "CsApplicationAccessPolicy", SupportsShouldProcess = true)]
    public class SetCsApplicationAccessPolicy : PSCmdlet {
        [Parameter]
        public object AppIds { get; set; }
        [Parameter]
        public string Description { get; set; }
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter]
        public string MsftInternalProcessingMode { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Remove-CsApplicationAccessPolicy.md: Identity <XdsIdentity>, required. Pipeline binding by
    // property name: aapsh choice (Lync analog, fidelity.md).
    [Cmdlet("Remove", "CsApplicationAccessPolicy", SupportsShouldProcess = true)]
    public class RemoveCsApplicationAccessPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Grant-CsApplicationAccessPolicy.md: sets Identity, GrantToTenant (default), GrantToGroup;
    // Identity <UserIdParameter> position 0; Group required in GrantToGroup; Rank <Int32>.
    // aapsh choices (fidelity.md): PolicyName is position 1 (the docs say Named; sibling Grant
    // cmdlets use 1), Identity binds from the pipeline by property name (the documented
    // `Get-CsOnlineUser | Grant-...` example needs it), Global belongs to GrantToTenant only, so
    // that -Identity with -Global is an ambiguous parameter set.
    [Cmdlet("Grant", "CsApplicationAccessPolicy", SupportsShouldProcess = true, DefaultParameterSetName = "GrantToTenant")]
    public class GrantCsApplicationAccessPolicy : PSCmdlet {
        [Parameter(ParameterSetName = "GrantToTenant")]
        public SwitchParameter Global { get; set; }
        [Parameter(ParameterSetName = "GrantToGroup", Mandatory = true)]
        public string Group { get; set; }
        [Parameter(ParameterSetName = "Identity", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public Microsoft.Rtc.Management.AD.UserIdParameter Identity { get; set; }
        [Parameter]
        public string MsftInternalProcessingMode { get; set; }
        [Parameter]
        public SwitchParameter PassThru { get; set; }
        [Parameter(Position = 1)]
        public string PolicyName { get; set; }
        [Parameter(ParameterSetName = "GrantToGroup")]
        public int Rank { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    // Get-CsOnlineUser.md: Identity <UserIdParameter> position 0; ResultSize <Unlimited> is left
    // out here (pwsh has no such type; cases do not bind it).
    [Cmdlet("Get", "CsOnlineUser")]
    public class GetCsOnlineUser : PSCmdlet {
        [Parameter]
        public string AccountType { get; set; }
        [Parameter]
        public object Filter { get; set; }
        [Parameter(Position = 0)]
        public Microsoft.Rtc.Management.AD.UserIdParameter Identity { get; set; }
        [Parameter]
        public string Properties { get; set; }
        [Parameter]
        public SwitchParameter SkipUserPolicies { get; set; }
        [Parameter]
        public SwitchParameter SoftDeletedUser { get; set; }
        [Parameter]
        [Alias("OrderBy")]
        public string Sort { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    // Get-CsUserPolicyAssignment.md: Identity required, PolicyType.
    [Cmdlet("Get", "CsUserPolicyAssignment")]
    public class GetCsUserPolicyAssignment : PSCmdlet {
        [Parameter(Mandatory = true)]
        public string Identity { get; set; }
        [Parameter]
        public string PolicyType { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    // New-CsGroupPolicyAssignment.md: GroupId, PolicyType, PolicyName required; Rank; PassThru.
    [Cmdlet("New", "CsGroupPolicyAssignment", SupportsShouldProcess = true)]
    public class NewCsGroupPolicyAssignment : PSCmdlet {
        [Parameter(Mandatory = true)]
        public string GroupId { get; set; }
        [Parameter(Mandatory = true)]
        public string PolicyType { get; set; }
        [Parameter(Mandatory = true)]
        public string PolicyName { get; set; }
        [Parameter]
        public int Rank { get; set; }
        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    [Cmdlet("Get", "CsGroupPolicyAssignment")]
    public class GetCsGroupPolicyAssignment : PSCmdlet {
        [Parameter]
        public string GroupId { get; set; }
        [Parameter]
        public string PolicyType { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    [Cmdlet("Set", "CsGroupPolicyAssignment", SupportsShouldProcess = true)]
    public class SetCsGroupPolicyAssignment : PSCmdlet {
        [Parameter(Mandatory = true)]
        public string GroupId { get; set; }
        [Parameter(Mandatory = true)]
        public string PolicyType { get; set; }
        [Parameter]
        public string PolicyName { get; set; }
        [Parameter]
        public int Rank { get; set; }
        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
namespace Microsoft.Teams.ConfigAPI.Cmdlets {
    [Cmdlet("Remove", "CsGroupPolicyAssignment", SupportsShouldProcess = true)]
    public class RemoveCsGroupPolicyAssignment : PSCmdlet {
        [Parameter(Mandatory = true)]
        public string GroupId { get; set; }
        [Parameter(Mandatory = true)]
        public string PolicyType { get; set; }
        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
// --- The Teams policy family, shown by TeamsMeetingPolicy ---------------------------------------
// Every policy type's cmdlets are built from one declaration (src/store/catalog/), so one type
// checks the shared binding: its ~120 settings (for prefix and ambiguity errors), the parameter
// types Boolean/UInt32/Int32/String, the Identity and Instance sets of Set-, and the Grant sets.
// New- and Set-CsTeamsMeetingPolicy's parameter lists were generated from aapsh's own declaration
// (`Get-Command New-CsTeamsMeetingPolicy -Syntax`), whose setting names and types follow
// New-CsTeamsMeetingPolicy.md / Set-CsTeamsMeetingPolicy.md; re-generate them when a setting is
// added. aapsh choices: Identity is the first positional; Set- binds Identity by property name.
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    [Cmdlet("New", "CsTeamsMeetingPolicy", SupportsShouldProcess = true)]
    public class NewCsTeamsMeetingPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter]
        public string AIInterpreter { get; set; }
        [Parameter]
        public bool AllowAnnotations { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToDialOut { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToJoinMeeting { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToStartMeeting { get; set; }
        [Parameter]
        public bool AllowAvatarsInGallery { get; set; }
        [Parameter]
        public bool AllowBreakoutRooms { get; set; }
        [Parameter]
        public string AllowCartCaptionsScheduling { get; set; }
        [Parameter]
        public bool AllowChannelMeetingScheduling { get; set; }
        [Parameter]
        public bool AllowCloudRecording { get; set; }
        [Parameter]
        public string AllowDocumentCollaboration { get; set; }
        [Parameter]
        public string AllowedStreamingMediaInput { get; set; }
        [Parameter]
        public string AllowedUsersForMeetingContext { get; set; }
        [Parameter]
        public string AllowedUsersForMeetingDetails { get; set; }
        [Parameter]
        public string AllowEngagementReport { get; set; }
        [Parameter]
        public bool AllowExternalNonTrustedMeetingChat { get; set; }
        [Parameter]
        public bool AllowExternalParticipantGiveRequestControl { get; set; }
        [Parameter]
        public bool AllowImmersiveView { get; set; }
        [Parameter]
        public bool AllowIntelligentRecap { get; set; }
        [Parameter]
        public bool AllowIPAudio { get; set; }
        [Parameter]
        public bool AllowIPVideo { get; set; }
        [Parameter]
        public bool AllowLocalRecording { get; set; }
        [Parameter]
        public bool AllowMeetingCoach { get; set; }
        [Parameter]
        public bool AllowMeetingKnowledgeGeneration { get; set; }
        [Parameter]
        public bool AllowMeetingReactions { get; set; }
        [Parameter]
        public bool AllowMeetingRegistration { get; set; }
        [Parameter]
        public bool AllowMeetNow { get; set; }
        [Parameter]
        public bool AllowMultipleScreenshare { get; set; }
        [Parameter]
        public bool AllowNDIStreaming { get; set; }
        [Parameter]
        public bool AllowNetworkConfigurationSettingsLookup { get; set; }
        [Parameter]
        public bool AllowOrganizersToOverrideLobbySettings { get; set; }
        [Parameter]
        public bool AllowOutlookAddIn { get; set; }
        [Parameter]
        public bool AllowParticipantGiveRequestControl { get; set; }
        [Parameter]
        public bool AllowPowerPointSharing { get; set; }
        [Parameter]
        public bool AllowPrivateMeetingScheduling { get; set; }
        [Parameter]
        public bool AllowPrivateMeetNow { get; set; }
        [Parameter]
        public bool AllowPSTNUsersToBypassLobby { get; set; }
        [Parameter]
        public bool AllowRecordingStorageOutsideRegion { get; set; }
        [Parameter]
        public bool AllowScreenContentDigitization { get; set; }
        [Parameter]
        public bool AllowSharedNotes { get; set; }
        [Parameter]
        public string AllowTasksFromTranscript { get; set; }
        [Parameter]
        public bool AllowTrackingInReport { get; set; }
        [Parameter]
        public bool AllowTranscription { get; set; }
        [Parameter]
        public string AllowUserToJoinExternalMeeting { get; set; }
        [Parameter]
        public bool AllowWatermarkCustomizationForCameraVideo { get; set; }
        [Parameter]
        public bool AllowWatermarkCustomizationForScreenSharing { get; set; }
        [Parameter]
        public bool AllowWatermarkForCameraVideo { get; set; }
        [Parameter]
        public bool AllowWatermarkForScreenSharing { get; set; }
        [Parameter]
        public bool AllowWhiteboard { get; set; }
        [Parameter]
        public string AnonymousUserAuthenticationMethod { get; set; }
        [Parameter]
        public string AttendeeIdentityMasking { get; set; }
        [Parameter]
        public string AudibleRecordingNotification { get; set; }
        [Parameter]
        public string AutoAdmittedUsers { get; set; }
        [Parameter]
        public string AutomaticallyStartCopilot { get; set; }
        [Parameter]
        public string AutoRecording { get; set; }
        [Parameter]
        public object BlockedAnonymousJoinClientTypes { get; set; }
        [Parameter]
        public string CaptchaVerificationForMeetingJoin { get; set; }
        [Parameter]
        public string ChannelRecordingDownload { get; set; }
        [Parameter]
        public bool ConditionalAccessAttendeeVerification { get; set; }
        [Parameter]
        public string ConnectToMeetingControls { get; set; }
        [Parameter]
        public string ContentSharingInExternalMeetings { get; set; }
        [Parameter]
        public string Copilot { get; set; }
        [Parameter]
        public bool CopyRestriction { get; set; }
        [Parameter]
        public string Description { get; set; }
        [Parameter]
        public string DesignatedPresenterRoleMode { get; set; }
        [Parameter]
        public bool DetectSensitiveContentDuringScreenSharing { get; set; }
        [Parameter]
        public bool DisableAudioAnnouncementsForResourceAccounts { get; set; }
        [Parameter]
        public bool EnablePreMeetingConsent { get; set; }
        [Parameter]
        public bool EnableRecordingAndTranscriptionCustomMessage { get; set; }
        [Parameter]
        public string EnrollUserOverride { get; set; }
        [Parameter]
        public string ExplicitRecordingConsent { get; set; }
        [Parameter]
        public string ExternalBotAccessMode { get; set; }
        [Parameter]
        public string ExternalMeetingJoin { get; set; }
        [Parameter]
        public string FilterProfanityInTranscript { get; set; }
        [Parameter]
        public string InfoShownInReportMode { get; set; }
        [Parameter]
        public int IntelligentRecapDocxFileExpirationDays { get; set; }
        [Parameter]
        public string IPAudioMode { get; set; }
        [Parameter]
        public string IPVideoMode { get; set; }
        [Parameter]
        public string LiveCaptionsEnabledType { get; set; }
        [Parameter]
        public string LiveInterpretationEnabledType { get; set; }
        [Parameter]
        public string LiveStreamingMode { get; set; }
        [Parameter]
        public string LobbyChat { get; set; }
        [Parameter]
        public uint MediaBitRateKb { get; set; }
        [Parameter]
        public string MeetingChatEnabledType { get; set; }
        [Parameter]
        public string MeetingInviteLanguages { get; set; }
        [Parameter]
        public int MeetingKnowledgeExpirationDays { get; set; }
        [Parameter]
        public int NewMeetingRecordingExpirationDays { get; set; }
        [Parameter]
        public string NoiseSuppressionForDialInParticipants { get; set; }
        [Parameter]
        public string ParticipantNameChange { get; set; }
        [Parameter]
        public string ParticipantSlideControl { get; set; }
        [Parameter]
        public string PasscodeComplexity { get; set; }
        [Parameter]
        public string PreferredMeetingProviderForIslandsMode { get; set; }
        [Parameter]
        public System.Guid PreMeetingConsentContentIdentifier { get; set; }
        [Parameter]
        public string PreventComplianceRecording { get; set; }
        [Parameter]
        public string QnAEngagementMode { get; set; }
        [Parameter]
        public string RealTimeText { get; set; }
        [Parameter]
        public string RecordingAndTranscriptionAudioNotification { get; set; }
        [Parameter]
        public System.Guid RecordingAndTranscriptionCustomMessageIdentifier { get; set; }
        [Parameter]
        public string RecordingStorageMode { get; set; }
        [Parameter]
        public string RoomAttributeUserOverride { get; set; }
        [Parameter]
        public string RoomPeopleNameUserOverride { get; set; }
        [Parameter]
        public string ScreenSharingMode { get; set; }
        [Parameter]
        public string SetRecordingAndTranscriptOwnership { get; set; }
        [Parameter]
        public string SmsNotifications { get; set; }
        [Parameter]
        public string SpeakerAttributionMode { get; set; }
        [Parameter]
        public string StreamingAttendeeMode { get; set; }
        [Parameter]
        public string SyntheticMediaDetection { get; set; }
        [Parameter]
        public System.Guid SyntheticMediaDetectionAppId { get; set; }
        [Parameter]
        public string TeamsCameraFarEndPTZMode { get; set; }
        [Parameter]
        public string UsersCanAdmitFromLobby { get; set; }
        [Parameter]
        public string VideoFiltersMode { get; set; }
        [Parameter]
        public string VoiceIsolation { get; set; }
        [Parameter]
        public string VoiceSimulationInInterpreter { get; set; }
        [Parameter]
        public string WatermarkForAnonymousUsers { get; set; }
        [Parameter]
        public long WatermarkForCameraVideoOpacity { get; set; }
        [Parameter]
        public string WatermarkForCameraVideoPattern { get; set; }
        [Parameter]
        public long WatermarkForScreenSharingOpacity { get; set; }
        [Parameter]
        public string WatermarkForScreenSharingPattern { get; set; }
        [Parameter]
        public string WhoCanRegister { get; set; }
        [Parameter]
        public SwitchParameter Force { get; set; }
        [Parameter]
        public SwitchParameter InMemory { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    [Cmdlet("Set", "CsTeamsMeetingPolicy", SupportsShouldProcess = true, DefaultParameterSetName = "Identity")]
    public class SetCsTeamsMeetingPolicy : PSCmdlet {
        [Parameter(ParameterSetName = "Identity", Position = 0, ValueFromPipelineByPropertyName = true)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter(ParameterSetName = "Instance")]
        public PSObject Instance { get; set; }
        [Parameter]
        public string AIInterpreter { get; set; }
        [Parameter]
        public bool AllowAnnotations { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToDialOut { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToJoinMeeting { get; set; }
        [Parameter]
        public bool AllowAnonymousUsersToStartMeeting { get; set; }
        [Parameter]
        public bool AllowAvatarsInGallery { get; set; }
        [Parameter]
        public bool AllowBreakoutRooms { get; set; }
        [Parameter]
        public string AllowCartCaptionsScheduling { get; set; }
        [Parameter]
        public bool AllowChannelMeetingScheduling { get; set; }
        [Parameter]
        public bool AllowCloudRecording { get; set; }
        [Parameter]
        public string AllowDocumentCollaboration { get; set; }
        [Parameter]
        public string AllowedStreamingMediaInput { get; set; }
        [Parameter]
        public string AllowedUsersForMeetingContext { get; set; }
        [Parameter]
        public string AllowedUsersForMeetingDetails { get; set; }
        [Parameter]
        public string AllowEngagementReport { get; set; }
        [Parameter]
        public bool AllowExternalNonTrustedMeetingChat { get; set; }
        [Parameter]
        public bool AllowExternalParticipantGiveRequestControl { get; set; }
        [Parameter]
        public bool AllowImmersiveView { get; set; }
        [Parameter]
        public bool AllowIntelligentRecap { get; set; }
        [Parameter]
        public bool AllowIPAudio { get; set; }
        [Parameter]
        public bool AllowIPVideo { get; set; }
        [Parameter]
        public bool AllowLocalRecording { get; set; }
        [Parameter]
        public bool AllowMeetingCoach { get; set; }
        [Parameter]
        public bool AllowMeetingKnowledgeGeneration { get; set; }
        [Parameter]
        public bool AllowMeetingReactions { get; set; }
        [Parameter]
        public bool AllowMeetingRegistration { get; set; }
        [Parameter]
        public bool AllowMeetNow { get; set; }
        [Parameter]
        public bool AllowMultipleScreenshare { get; set; }
        [Parameter]
        public bool AllowNDIStreaming { get; set; }
        [Parameter]
        public bool AllowNetworkConfigurationSettingsLookup { get; set; }
        [Parameter]
        public bool AllowOrganizersToOverrideLobbySettings { get; set; }
        [Parameter]
        public bool AllowOutlookAddIn { get; set; }
        [Parameter]
        public bool AllowParticipantGiveRequestControl { get; set; }
        [Parameter]
        public bool AllowPowerPointSharing { get; set; }
        [Parameter]
        public bool AllowPrivateMeetingScheduling { get; set; }
        [Parameter]
        public bool AllowPrivateMeetNow { get; set; }
        [Parameter]
        public bool AllowPSTNUsersToBypassLobby { get; set; }
        [Parameter]
        public bool AllowRecordingStorageOutsideRegion { get; set; }
        [Parameter]
        public bool AllowScreenContentDigitization { get; set; }
        [Parameter]
        public bool AllowSharedNotes { get; set; }
        [Parameter]
        public string AllowTasksFromTranscript { get; set; }
        [Parameter]
        public bool AllowTrackingInReport { get; set; }
        [Parameter]
        public bool AllowTranscription { get; set; }
        [Parameter]
        public string AllowUserToJoinExternalMeeting { get; set; }
        [Parameter]
        public bool AllowWatermarkCustomizationForCameraVideo { get; set; }
        [Parameter]
        public bool AllowWatermarkCustomizationForScreenSharing { get; set; }
        [Parameter]
        public bool AllowWatermarkForCameraVideo { get; set; }
        [Parameter]
        public bool AllowWatermarkForScreenSharing { get; set; }
        [Parameter]
        public bool AllowWhiteboard { get; set; }
        [Parameter]
        public string AnonymousUserAuthenticationMethod { get; set; }
        [Parameter]
        public string AttendeeIdentityMasking { get; set; }
        [Parameter]
        public string AudibleRecordingNotification { get; set; }
        [Parameter]
        public string AutoAdmittedUsers { get; set; }
        [Parameter]
        public string AutomaticallyStartCopilot { get; set; }
        [Parameter]
        public string AutoRecording { get; set; }
        [Parameter]
        public object BlockedAnonymousJoinClientTypes { get; set; }
        [Parameter]
        public string CaptchaVerificationForMeetingJoin { get; set; }
        [Parameter]
        public string ChannelRecordingDownload { get; set; }
        [Parameter]
        public bool ConditionalAccessAttendeeVerification { get; set; }
        [Parameter]
        public string ConnectToMeetingControls { get; set; }
        [Parameter]
        public string ContentSharingInExternalMeetings { get; set; }
        [Parameter]
        public string Copilot { get; set; }
        [Parameter]
        public bool CopyRestriction { get; set; }
        [Parameter]
        public string Description { get; set; }
        [Parameter]
        public string DesignatedPresenterRoleMode { get; set; }
        [Parameter]
        public bool DetectSensitiveContentDuringScreenSharing { get; set; }
        [Parameter]
        public bool DisableAudioAnnouncementsForResourceAccounts { get; set; }
        [Parameter]
        public bool EnablePreMeetingConsent { get; set; }
        [Parameter]
        public bool EnableRecordingAndTranscriptionCustomMessage { get; set; }
        [Parameter]
        public string EnrollUserOverride { get; set; }
        [Parameter]
        public string ExplicitRecordingConsent { get; set; }
        [Parameter]
        public string ExternalBotAccessMode { get; set; }
        [Parameter]
        public string ExternalMeetingJoin { get; set; }
        [Parameter]
        public string FilterProfanityInTranscript { get; set; }
        [Parameter]
        public string InfoShownInReportMode { get; set; }
        [Parameter]
        public int IntelligentRecapDocxFileExpirationDays { get; set; }
        [Parameter]
        public string IPAudioMode { get; set; }
        [Parameter]
        public string IPVideoMode { get; set; }
        [Parameter]
        public string LiveCaptionsEnabledType { get; set; }
        [Parameter]
        public string LiveInterpretationEnabledType { get; set; }
        [Parameter]
        public string LiveStreamingMode { get; set; }
        [Parameter]
        public string LobbyChat { get; set; }
        [Parameter]
        public uint MediaBitRateKb { get; set; }
        [Parameter]
        public string MeetingChatEnabledType { get; set; }
        [Parameter]
        public string MeetingInviteLanguages { get; set; }
        [Parameter]
        public int MeetingKnowledgeExpirationDays { get; set; }
        [Parameter]
        public int NewMeetingRecordingExpirationDays { get; set; }
        [Parameter]
        public string NoiseSuppressionForDialInParticipants { get; set; }
        [Parameter]
        public string ParticipantNameChange { get; set; }
        [Parameter]
        public string ParticipantSlideControl { get; set; }
        [Parameter]
        public string PasscodeComplexity { get; set; }
        [Parameter]
        public string PreferredMeetingProviderForIslandsMode { get; set; }
        [Parameter]
        public System.Guid PreMeetingConsentContentIdentifier { get; set; }
        [Parameter]
        public string PreventComplianceRecording { get; set; }
        [Parameter]
        public string QnAEngagementMode { get; set; }
        [Parameter]
        public string RealTimeText { get; set; }
        [Parameter]
        public string RecordingAndTranscriptionAudioNotification { get; set; }
        [Parameter]
        public System.Guid RecordingAndTranscriptionCustomMessageIdentifier { get; set; }
        [Parameter]
        public string RecordingStorageMode { get; set; }
        [Parameter]
        public string RoomAttributeUserOverride { get; set; }
        [Parameter]
        public string RoomPeopleNameUserOverride { get; set; }
        [Parameter]
        public string ScreenSharingMode { get; set; }
        [Parameter]
        public string SetRecordingAndTranscriptOwnership { get; set; }
        [Parameter]
        public string SmsNotifications { get; set; }
        [Parameter]
        public string SpeakerAttributionMode { get; set; }
        [Parameter]
        public string StreamingAttendeeMode { get; set; }
        [Parameter]
        public string SyntheticMediaDetection { get; set; }
        [Parameter]
        public System.Guid SyntheticMediaDetectionAppId { get; set; }
        [Parameter]
        public string TeamsCameraFarEndPTZMode { get; set; }
        [Parameter]
        public string UsersCanAdmitFromLobby { get; set; }
        [Parameter]
        public string VideoFiltersMode { get; set; }
        [Parameter]
        public string VoiceIsolation { get; set; }
        [Parameter]
        public string VoiceSimulationInInterpreter { get; set; }
        [Parameter]
        public string WatermarkForAnonymousUsers { get; set; }
        [Parameter]
        public long WatermarkForCameraVideoOpacity { get; set; }
        [Parameter]
        public string WatermarkForCameraVideoPattern { get; set; }
        [Parameter]
        public long WatermarkForScreenSharingOpacity { get; set; }
        [Parameter]
        public string WatermarkForScreenSharingPattern { get; set; }
        [Parameter]
        public string WhoCanRegister { get; set; }
        [Parameter]
        public SwitchParameter Force { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Get-CsTeamsMeetingPolicy.md: sets Identity (default, position 1 in the docs' numbering) and
    // Filter; LocalStore as the Lync-era cmdlets (aapsh choice).
    [Cmdlet("Get", "CsTeamsMeetingPolicy", DefaultParameterSetName = "Identity")]
    public class GetCsTeamsMeetingPolicy : PSCmdlet {
        [Parameter(ParameterSetName = "Filter")]
        public string Filter { get; set; }
        [Parameter(ParameterSetName = "Identity", Position = 0)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter]
        public SwitchParameter LocalStore { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Remove-CsTeamsMeetingPolicy.md: Identity <XdsIdentity> required, the first positional;
    // Force; Tenant. aapsh choice: Identity binds by property name (Get- | Remove-).
    [Cmdlet("Remove", "CsTeamsMeetingPolicy", SupportsShouldProcess = true)]
    public class RemoveCsTeamsMeetingPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public Microsoft.Rtc.Management.Xds.XdsIdentity Identity { get; set; }
        [Parameter]
        public SwitchParameter Force { get; set; }
        [Parameter]
        public System.Guid Tenant { get; set; }
    }
}
namespace Microsoft.Teams.ConfigApi.Cmdlets {
    // Grant-CsTeamsMeetingPolicy.md: sets GrantToTenant (default: -Global), GrantToGroup (-Group,
    // -Rank), Identity; PolicyName the second positional; PassThru; no -Force. aapsh declares
    // every family Grant like Grant-CsApplicationAccessPolicy (see its stub above).
    [Cmdlet("Grant", "CsTeamsMeetingPolicy", SupportsShouldProcess = true, DefaultParameterSetName = "GrantToTenant")]
    public class GrantCsTeamsMeetingPolicy : PSCmdlet {
        [Parameter(ParameterSetName = "GrantToTenant")]
        public SwitchParameter Global { get; set; }
        [Parameter(ParameterSetName = "GrantToGroup", Mandatory = true)]
        public string Group { get; set; }
        [Parameter(ParameterSetName = "Identity", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public Microsoft.Rtc.Management.AD.UserIdParameter Identity { get; set; }
        [Parameter]
        public string MsftInternalProcessingMode { get; set; }
        [Parameter]
        public SwitchParameter PassThru { get; set; }
        [Parameter(Position = 1)]
        public string PolicyName { get; set; }
        [Parameter(ParameterSetName = "GrantToGroup")]
        public int Rank { get; set; }
    }
}
