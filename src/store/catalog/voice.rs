//! Calling, online voice routing, compliance recording and emergency calling policies, and the
//! settings of a compliance recording application, as the Teams module's New-/Set- pages list
//! them (MicrosoftDocs/office-docs-powershell, `teams/teams-ps/MicrosoftTeams/`). Help lines are
//! aapsh's own words; defaults stated on those pages are marked `// doc`, the others are chosen
//! (docs/fidelity.md, "Teams policy family").

use super::Fallback::{Bool as B, Empty, Int as I, Null, Text as T};
use super::SettingKind::{Bool, Choice, Guid, Int32, Int64, RecordingApps, Text, TextList, UInt32};
use super::{PolicyType, Setting};

const fn s(
    name: &'static str,
    kind: super::SettingKind,
    default: super::Fallback,
    help: &'static str,
) -> Setting {
    Setting {
        name,
        kind,
        default,
        help,
    }
}

const ENABLED_DISABLED: &[&str] = &["Enabled", "Disabled"];

pub const CALLING: PolicyType = PolicyType {
    name: "TeamsCallingPolicy",
    about: "decides how users make and receive calls: private calls, forwarding and simultaneous ring, voicemail, delegation, busy on busy, call recording and transcription",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsCallingPolicy",
    example_name: "SalesCallingPolicy",
    example_settings: "-AllowPrivateCalling $true -AllowVoicemail AlwaysEnabled",
    settings: &[
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ),
        s(
            "AllowPrivateCalling",
            Bool,
            B(true),
            "Whether users may make and receive calls at all (the Calls app).",
        ),
        s(
            "AllowWebPSTNCalling",
            Bool,
            B(true),
            "Whether users may call phone numbers from Teams on the web.",
        ),
        s(
            "AllowSIPDevicesCalling",
            Bool,
            B(false),
            "Whether users may use SIP devices through the Teams SIP gateway.",
        ),
        s(
            "AllowVoicemail",
            Choice(&["AlwaysEnabled", "AlwaysDisabled", "UserOverride"]),
            T("UserOverride"),
            "Whether unanswered calls go to voicemail: AlwaysEnabled, AlwaysDisabled or UserOverride.",
        ),
        s(
            "AllowCallGroups",
            Bool,
            B(true),
            "Whether users may set up call groups.",
        ),
        s(
            "AllowDelegation",
            Bool,
            B(true),
            "Whether users may let delegates make and take calls for them.",
        ),
        s(
            "AllowCallForwardingToUser",
            Bool,
            B(true),
            "Whether users may forward or simultaneously ring calls to other users.",
        ),
        s(
            "AllowCallForwardingToPhone",
            Bool,
            B(true),
            "Whether users may forward or simultaneously ring calls to phone numbers.",
        ),
        s(
            "PreventTollBypass",
            Bool,
            B(false),
            "Whether calls must go out through the phone network rather than the internet.",
        ),
        s(
            "BusyOnBusyEnabledType",
            Choice(&["Enabled", "Disabled", "Unanswered", "UserOverride"]),
            T("Disabled"),
            "What happens to a new call while the user is on a call: Enabled, Disabled, Unanswered or UserOverride.",
        ),
        s(
            "MusicOnHoldEnabledType",
            Choice(&["Enabled", "Disabled", "UserOverride"]),
            T("Enabled"),
            "Whether callers on hold hear music: Enabled, Disabled or UserOverride.",
        ), // doc
        s(
            "AllowCloudRecordingForCalls",
            Bool,
            B(false),
            "Whether one-to-one calls may be recorded.",
        ),
        s(
            "AllowTranscriptionForCalling",
            Bool,
            B(false),
            "Whether one-to-one calls may be transcribed.",
        ),
        s(
            "PopoutForIncomingPstnCalls",
            Choice(ENABLED_DISABLED),
            T("Disabled"),
            "Whether an app pops out for incoming phone calls.",
        ),
        s(
            "PopoutAppPathForIncomingPstnCalls",
            Text,
            T(""),
            "The address of the app that pops out for incoming phone calls.",
        ),
        s(
            "LiveCaptionsEnabledTypeForCalling",
            Choice(&["DisabledUserOverride", "Disabled"]),
            T("DisabledUserOverride"),
            "Live captions in calls: DisabledUserOverride or Disabled.",
        ),
        s(
            "AutoAnswerEnabledType",
            Choice(ENABLED_DISABLED),
            T("Disabled"),
            "Whether meeting invitations may be answered automatically.",
        ),
        s(
            "SpamFilteringEnabledType",
            Choice(&["Enabled", "Disabled", "EnabledWithoutIVR"]),
            T("Enabled"),
            "Whether incoming spam calls are detected.",
        ),
        s(
            "CallRecordingExpirationDays",
            Int64,
            I(60),
            "Days before call recordings expire.",
        ), // doc
        s(
            "AllowCallRedirect",
            Choice(&["Enabled", "Disabled", "UserOverride"]),
            T("Enabled"),
            "Whether SIP devices may redirect incoming calls.",
        ),
        s(
            "Copilot",
            Choice(&["Enabled", "EnabledWithTranscript", "Disabled"]),
            T("Enabled"),
            "Whether Copilot is available in calls, and whether it needs a transcript.",
        ), // doc
        s(
            "EnableWebPstnMediaBypass",
            Bool,
            B(false),
            "Whether media bypass is used for phone calls on the web.",
        ),
        s(
            "InboundPstnCallRoutingTreatment",
            Choice(&["RegularIncoming", "Unanswered", "Voicemail", "UserOverride"]),
            T("RegularIncoming"),
            "How incoming phone calls are routed: RegularIncoming, Unanswered, Voicemail or UserOverride.",
        ), // doc
        s(
            "InboundFederatedCallRoutingTreatment",
            Choice(&["RegularIncoming", "Unanswered", "Voicemail"]),
            T("RegularIncoming"),
            "How incoming calls from federated users are routed: RegularIncoming, Unanswered or Voicemail.",
        ), // doc
        s(
            "EnableSpendLimits",
            Bool,
            B(false),
            "Whether the user's calling spend is limited.",
        ),
        s(
            "CallingSpendUserLimit",
            Int64,
            Null,
            "The most the user may spend on calls, when spend limits are on.",
        ),
        s(
            "RealTimeText",
            Choice(ENABLED_DISABLED),
            T("Enabled"),
            "Whether users may turn on real-time text in calls.",
        ),
        s(
            "PreventComplianceRecording",
            Choice(&["None", "All"]),
            T("None"),
            "Whether users under compliance recording are kept out of the user's calls.",
        ), // doc
        s(
            "ReportCall",
            Choice(ENABLED_DISABLED),
            T("Enabled"),
            "Whether the Report call option shows in calling settings.",
        ),
        s(
            "ExplicitRecordingConsent",
            Choice(ENABLED_DISABLED),
            T("Disabled"),
            "Whether participants must agree before a call is recorded.",
        ),
        s(
            "AIInterpreter",
            Choice(ENABLED_DISABLED),
            T("Enabled"),
            "Whether the AI interpreter is available in calls.",
        ),
        s(
            "VoiceSimulationInInterpreter",
            Choice(ENABLED_DISABLED),
            T("Disabled"),
            "Whether the interpreter may simulate the speaker's voice.",
        ),
        s(
            "RecordingAndTranscriptionAudioNotification",
            Choice(ENABLED_DISABLED),
            T("Enabled"),
            "Whether audio notifications play when recording or transcription starts or stops.",
        ),
        s(
            "EnableRecordingAndTranscriptionCustomMessage",
            Bool,
            B(false),
            "Whether a custom message is shown when a call is recorded.",
        ),
        s(
            "RecordingAndTranscriptionCustomMessageIdentifier",
            Guid,
            Null,
            "The custom recording message.",
        ),
        s(
            "AllowMeetingKnowledgeGeneration",
            Bool,
            B(false),
            "Whether knowledge may be generated from recorded calls.",
        ),
        s(
            "VoicePhishingDetection",
            Choice(&["BannerAndAudio", "Banner", "Audio", "None"]),
            T("BannerAndAudio"),
            "How voice phishing attempts are signalled: BannerAndAudio, Banner, Audio or None.",
        ),
    ],
};

pub const ONLINE_VOICE_ROUTING: PolicyType = PolicyType {
    name: "OnlineVoiceRoutingPolicy",
    about: "decides which PSTN usages (and so which voice routes and gateways) Direct Routing calls of a user may take",
    object_type: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Voice.OnlineVoiceRoutingPolicy",
    example_name: "RedmondOnlineVoiceRoutingPolicy",
    example_settings: "-OnlinePstnUsages \"Long Distance\"",
    settings: &[
        s(
            "OnlinePstnUsages",
            TextList,
            Empty,
            "The PSTN usages (such as Local or Long Distance) the policy's calls may use, in order.",
        ),
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ),
        s(
            "RouteType",
            Choice(&["BYOT", "Hybrid"]),
            T("BYOT"),
            "Reserved for Microsoft's internal use.",
        ),
    ],
};

pub const COMPLIANCE_RECORDING: PolicyType = PolicyType {
    name: "TeamsComplianceRecordingPolicy",
    about: "decides which policy-based recording applications (bots) are invited to the user's calls and meetings, and what happens when they are missing",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsComplianceRecordingPolicy",
    example_name: "ContosoPartnerComplianceRecordingPolicy",
    example_settings: "-Enabled $true",
    settings: &[
        s(
            "ComplianceRecordingApplications",
            RecordingApps,
            Empty,
            "The recording applications of the policy (New-CsTeamsComplianceRecordingApplication).",
        ),
        s("Enabled", Bool, B(false), "Whether the policy is in force."),
        s(
            "WarnUserOnRemoval",
            Bool,
            B(true),
            "Reserved for future use.",
        ),
        s(
            "DisableComplianceRecordingAudioNotificationForCalls",
            Bool,
            B(false),
            "Whether one-to-one calls under compliance recording play no audio notification.",
        ),
        s(
            "RecordReroutedCalls",
            Bool,
            B(false),
            "Whether calls rerouted from a recorded user are recorded too.",
        ),
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ),
        s(
            "CustomBanner",
            Guid,
            Null,
            "The custom banner text shown to recorded users.",
        ),
        s(
            "CustomPromptsEnabled",
            Bool,
            B(false),
            "Whether custom recording prompts are played.",
        ),
        s(
            "CustomPromptsPackageId",
            Text,
            Null,
            "The package of custom recording prompts.",
        ),
    ],
};

/// A compliance recording application's own settings (besides Identity, Id and Parent).
pub const RECORDING_APPLICATION_SETTINGS: &[Setting] = &[
    s(
        "RequiredBeforeMeetingJoin",
        Bool,
        B(true),
        "Whether the application must be in the meeting before the user may join it.",
    ),
    s(
        "RequiredDuringMeeting",
        Bool,
        B(true),
        "Whether the application must stay in the meeting while the user is in it.",
    ),
    s(
        "RequiredBeforeCallEstablishment",
        Bool,
        B(true),
        "Whether the application must be in the call before the call is established.",
    ),
    s(
        "RequiredDuringCall",
        Bool,
        B(true),
        "Whether the application must stay in the call while it lasts.",
    ),
    s(
        "ConcurrentInvitationCount",
        UInt32,
        I(1),
        "How many invitations are sent to the application for one call or meeting (1 or 2).",
    ), // doc
    s(
        "ComplianceRecordingPairedApplications",
        TextList,
        Empty,
        "The object ids of recording applications paired with this one for resiliency.",
    ),
    s(
        "Priority",
        Int32,
        I(1),
        "The order in which the policy's applications are listed.",
    ),
];

pub const EMERGENCY_CALLING: PolicyType = PolicyType {
    name: "TeamsEmergencyCallingPolicy",
    about: "decides how emergency calls of a user are announced: who is notified, how (chat, conference, dial-out), and the disclaimer users must accept",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsEmergencyCallingPolicy",
    example_name: "SecurityDeskPolicy",
    example_settings: "-NotificationGroup \"alert@contoso.onmicrosoft.com\" -NotificationMode NotificationOnly",
    settings: &[
        s(
            "NotificationGroup",
            Text,
            Null,
            "E-mail addresses of the users and groups told of an emergency call (separated by ;).",
        ),
        s(
            "NotificationDialOutNumber",
            Text,
            Null,
            "A phone number called when an emergency call is made, in a conference mode.",
        ),
        s(
            "ExternalLocationLookupMode",
            Choice(ENABLED_DISABLED),
            T("Disabled"),
            "Whether users may set emergency addresses for remote locations.",
        ),
        s(
            "NotificationMode",
            Choice(&["NotificationOnly", "ConferenceMuted", "ConferenceUnMuted"]),
            T("NotificationOnly"),
            "How the security desk is told: NotificationOnly, ConferenceMuted or ConferenceUnMuted.",
        ), // doc
        s(
            "ExtendedNotifications",
            TextList,
            Empty,
            "Extra notification settings for specific emergency numbers.",
        ),
        s(
            "EnhancedEmergencyServiceDisclaimer",
            Text,
            Null,
            "Text users must accept that reminds them to confirm their emergency location.",
        ),
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ),
    ],
};
