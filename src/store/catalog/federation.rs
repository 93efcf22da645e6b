//! The tenant federation configuration (Get-/Set-CsTenantFederationConfiguration): which
//! external domains the tenant's users may reach. Settings as Set-CsTenantFederationConfiguration.md
//! lists them (MicrosoftDocs/office-docs-powershell, `teams/teams-ps/MicrosoftTeams/`); defaults
//! stated there are marked `// doc`, the others are chosen (docs/fidelity.md). Help lines are
//! aapsh's own words. `AllowedDomainsAsAList` is a parameter of Set only (it edits the allowed
//! list), not a setting.

use super::Fallback::{AllowAllKnownDomains, Bool as B, Empty, Text as T};
use super::SettingKind::{AllowedDomains, Bool, Choice, Domains};
use super::{Configuration, Setting};

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

pub const TENANT_FEDERATION: Configuration = Configuration {
    name: "TenantFederationConfiguration",
    about: "decides which external domains the tenant's users may communicate with, and whether they may reach Teams users with personal accounts",
    object_type: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Edge.TenantFederationSettings",
    settings: &[
        s(
            "AllowedDomains",
            AllowedDomains,
            AllowAllKnownDomains,
            "Every known domain (New-CsEdgeAllowAllKnownDomains) or only the listed ones (New-CsEdgeAllowList); $null allows none.",
        ),
        s(
            "BlockedDomains",
            Domains,
            Empty,
            "Domains users may not communicate with (New-CsEdgeDomainPattern objects or names).",
        ),
        s(
            "AllowedTrialTenantDomains",
            Domains,
            Empty,
            "Trial-only tenants' domains that stay reachable while ExternalAccessWithTrialTenants is Blocked.",
        ),
        s(
            "AllowFederatedUsers",
            Bool,
            B(true),
            "Whether users may communicate with other organizations at all.",
        ), // doc
        s(
            "AllowTeamsConsumer",
            Bool,
            B(true),
            "Whether users may communicate with Teams users who have personal accounts.",
        ), // doc
        s(
            "AllowTeamsConsumerInbound",
            Bool,
            B(true),
            "Whether Teams users with personal accounts may start conversations with users.",
        ), // doc
        s(
            "TreatDiscoveredPartnersAsUnverified",
            Bool,
            B(false),
            "Whether discovered partner domains are treated as unverified.",
        ), // doc
        s(
            "SharedSipAddressSpace",
            Bool,
            B(false),
            "Whether online and on-premises users share one SIP domain.",
        ), // doc
        s(
            "RestrictTeamsConsumerToExternalUserProfiles",
            Bool,
            B(false),
            "Whether personal-account communication is limited to people in the extended directory.",
        ),
        s(
            "BlockAllSubdomains",
            Bool,
            B(false),
            "Whether the subdomains of blocked domains are blocked too.",
        ),
        s(
            "ExternalAccessWithTrialTenants",
            Choice(&["Allowed", "Blocked"]),
            T("Blocked"),
            "Whether users may reach tenants that have only trial licenses: Allowed or Blocked.",
        ),
        s(
            "SecurityTeamAllowBlockListDelegation",
            Choice(&["Enabled", "Disabled"]),
            T("Disabled"),
            "Whether the security team may add domains and users to the block list.",
        ),
        s(
            "EnableExternalAccessRestrictionsForChatParticipants",
            Bool,
            B(false),
            "Whether users whose external access is off are kept out of external group chats.",
        ), // doc
        s(
            "EnableMutualFederationForChatParticipants",
            Bool,
            B(false),
            "Whether every participant of an external group chat must be federated with every other.",
        ), // doc
    ],
};
