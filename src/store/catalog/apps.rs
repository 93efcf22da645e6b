//! App permission, app setup and update management policies, as the Teams module's New-/Set-
//! pages list them (MicrosoftDocs/office-docs-powershell, `teams/teams-ps/MicrosoftTeams/`).
//! The Global instances of the app policies are the documented `Get-Cs<Name> -Identity Global`
//! outputs (Get-CsTeamsAppPermissionPolicy.md, Get-CsTeamsAppSetupPolicy.md; the pinned apps
//! that page cuts off with `...` are Teams' built-in Calling and Files apps). Help lines are
//! aapsh's own words; defaults not on those pages are chosen (docs/fidelity.md).

use super::Fallback::{Apps as A, Bool as B, Empty, Int as I, PinnedApps as P, Text as T};
use super::SettingKind::{Apps, Bool, Choice, Int64, PinnedApps, Text, TextList};
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

const APP_LIST_TYPES: &[&str] = &["AllowedAppList", "BlockedAppList"];

pub const APP_PERMISSION: PolicyType = PolicyType {
    name: "TeamsAppPermissionPolicy",
    about: "decides which Teams apps users may install: Microsoft's, third parties' and the organization's own, each as an allowed or a blocked list",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsAppPermissionPolicy",
    example_name: "NoThirdPartyApps",
    example_settings: "-GlobalCatalogAppsType AllowedAppList -GlobalCatalogApps @()",
    settings: &[
        s(
            "DefaultCatalogApps",
            Apps,
            A(&[
                "26bc2873-6023-480c-a11b-76b66605ce8c",
                "0d820ecd-def2-4297-adad-78056cde7c78",
                "com.microsoft.teamspace.tab.planner",
            ]),
            "Microsoft's apps that the list allows or blocks (by app id).",
        ), // doc
        s(
            "GlobalCatalogApps",
            Apps,
            Empty,
            "Third-party apps that the list allows or blocks (by app id).",
        ), // doc
        s(
            "PrivateCatalogApps",
            Apps,
            Empty,
            "The organization's custom apps that the list allows or blocks (by app id).",
        ), // doc
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ), // doc
        s(
            "DefaultCatalogAppsType",
            Choice(APP_LIST_TYPES),
            T("AllowedAppList"),
            "Whether DefaultCatalogApps lists the allowed apps (AllowedAppList) or the blocked ones (BlockedAppList).",
        ), // doc
        s(
            "GlobalCatalogAppsType",
            Choice(APP_LIST_TYPES),
            T("AllowedAppList"),
            "Whether GlobalCatalogApps lists the allowed apps (AllowedAppList) or the blocked ones (BlockedAppList).",
        ), // doc
        s(
            "PrivateCatalogAppsType",
            Choice(APP_LIST_TYPES),
            T("AllowedAppList"),
            "Whether PrivateCatalogApps lists the allowed apps (AllowedAppList) or the blocked ones (BlockedAppList).",
        ), // doc
    ],
};

pub const APP_SETUP: PolicyType = PolicyType {
    name: "TeamsAppSetupPolicy",
    about: "decides which apps are installed for users and pinned to their app bar, and whether users may upload custom apps or pin their own",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsAppSetupPolicy",
    example_name: "FrontlineAppSetup",
    example_settings: "-AllowSideLoading $false -AllowUserPinning $true",
    settings: &[
        s(
            "AppPresetList",
            Apps,
            A(&["d2c6f111-ffad-42a0-b65e-ee00425598aa"]),
            "Apps installed for users (by app id).",
        ), // doc
        s(
            "PinnedAppBarApps",
            PinnedApps,
            P(&[
                "14d6962d-6eeb-4f48-8890-de55454bb136",
                "86fcd49b-61a2-4701-b771-54728cd291fb",
                "2a84919f-59d8-4441-a975-2a8c2643b741",
                "ef56c0de-36fc-4ef8-b417-3d82ba9d073c",
                "20c3440d-c67e-4420-9f80-0e50c39693df",
                "5af6a76b-40fc-4ba1-af29-8f49b08e44fd",
            ]),
            "Apps pinned to the app bar, in order (Id and Order).",
        ), // doc (first four)
        s(
            "PinnedMessageBarApps",
            PinnedApps,
            Empty,
            "Apps pinned to the messaging extensions, in order.",
        ), // doc
        s(
            "PinnedCallingBarApps",
            PinnedApps,
            Empty,
            "Apps pinned in calls, in order.",
        ),
        s(
            "AppPresetMeetingList",
            Apps,
            Empty,
            "Apps available in meetings (by app id).",
        ), // doc
        s(
            "AdditionalCustomizationApps",
            Apps,
            Empty,
            "Customized versions of apps shown to users instead of the originals.",
        ),
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ), // doc
        s(
            "AllowSideLoading",
            Bool,
            B(true),
            "Whether users may upload custom app packages.",
        ), // doc
        s(
            "AllowUserPinning",
            Bool,
            B(true),
            "Whether users may pin apps of their own to the app bar.",
        ), // doc
    ],
};

pub const UPDATE_MANAGEMENT: PolicyType = PolicyType {
    name: "TeamsUpdateManagementPolicy",
    about: "decides how the Teams client updates for users: preview features, managed update times, the new Teams client, and in-product messages",
    object_type: "Deserialized.Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsUpdateManagementPolicy",
    example_name: "PreviewUsers",
    example_settings: "-AllowPublicPreview Enabled",
    settings: &[
        s(
            "Description",
            Text,
            T(""),
            "Free text saying what the policy is for.",
        ),
        s(
            "AllowManagedUpdates",
            Bool,
            B(false),
            "Whether the client's updates are managed (a day and time set by the admin).",
        ),
        s(
            "AllowPreview",
            Bool,
            B(false),
            "Whether every feature flag is switched on (needs AllowManagedUpdates).",
        ),
        s(
            "UpdateDayOfWeek",
            Int64,
            I(1),
            "The day updates are installed, 0 (Sunday) to 6 (Saturday).",
        ),
        s(
            "UpdateTime",
            Text,
            T("18:00"),
            "The time updates are installed, HH:MM.",
        ),
        s(
            "UpdateTimeOfDay",
            Text,
            T("18:00"),
            "The time updates are installed (needs AllowManagedUpdates).",
        ),
        s(
            "AllowPublicPreview",
            Choice(&["Disabled", "Enabled", "Forced", "FollowOfficePreview"]),
            T("FollowOfficePreview"),
            "Whether users may opt in to Public Preview: Disabled, Enabled, Forced or FollowOfficePreview.",
        ),
        s(
            "AllowPrivatePreview",
            Choice(&["Disabled", "Enabled", "Forced"]),
            T("Disabled"),
            "Whether users may opt in to Private Preview: Disabled, Enabled or Forced.",
        ),
        s(
            "DisabledInProductMessages",
            TextList,
            Empty,
            "Categories of in-product messages that are not shown (by id).",
        ),
        s(
            "UseNewTeamsClient",
            Choice(&[
                "AdminDisabled",
                "UserChoice",
                "MicrosoftDefault",
                "NewTeamsAsDefault",
                "NewTeamsOnly",
            ]),
            T("MicrosoftDefault"),
            "Which Teams client users get: AdminDisabled, UserChoice, MicrosoftDefault, NewTeamsAsDefault or NewTeamsOnly.",
        ),
        s(
            "BlockLegacyAuthorization",
            Bool,
            B(false),
            "Whether Teams clients must enforce session revocation.",
        ),
    ],
};
