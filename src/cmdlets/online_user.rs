//! The user object of Get-CsOnlineUser: every documented attribute (Get-CsOnlineUser.md lists
//! the current ones, the ones renamed and the ones dropped since module 3.0; the filterable
//! attributes and the policy attributes added in 6.8.0), in the alphabetical order the real
//! object shows them (a published `Get-CsOnlineUser -Identity` output: Telnyx's Teams Direct
//! Routing guide), with values from the store's user entry and the tenant's grants.
//!
//! Each `<Type>Policy` property (and CallingLineIdentity, TenantDialPlan) shows only the policy
//! granted to the user directly, by its bare name; group and tenant grants leave it blank, as the
//! real object does (fidelity.md). Values the store does not hold are derived as a new cloud-only
//! user's would be (chosen, fidelity.md): Teams-licensed, TeamsOnly, homed online.

use serde_json::Value as Json;

use super::assignments::time_value;
use super::policy_kind::PolicyKind;
use crate::runtime::{Hashtable, PsObject, Value};
use crate::store::{PolicySource, Tenant, User, keys};

/// The type name Get-CsOnlineUser objects carry (chosen).
pub const ONLINE_USER_TYPE: &str =
    "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser";

/// Every policy attribute of the user object that shows a direct grant. Those of the policy types
/// aapsh emulates show the grant; the others are always blank offline.
const POLICY_PROPERTIES: &[&str] = &[
    "ApplicationAccessPolicy",
    "CallingLineIdentity",
    "ExternalAccessPolicy",
    "OnlineAudioConferencingRoutingPolicy",
    "OnlineDialOutPolicy",
    "OnlineVoicemailPolicy",
    "OnlineVoiceRoutingPolicy",
    "TeamsAIPolicy",
    "TeamsAppPermissionPolicy",
    "TeamsAppSetupPolicy",
    "TeamsAudioConferencingPolicy",
    "TeamsBYODAndDesksPolicy",
    "TeamsCallHoldPolicy",
    "TeamsCallingPolicy",
    "TeamsCallParkPolicy",
    "TeamsChannelsPolicy",
    "TeamsComplianceRecordingPolicy",
    "TeamsCortanaPolicy",
    "TeamsEducationAssignmentsAppPolicy",
    "TeamsEmergencyCallingPolicy",
    "TeamsEmergencyCallRoutingPolicy",
    "TeamsEnhancedEncryptionPolicy",
    "TeamsEventsPolicy",
    "TeamsFeedbackPolicy",
    "TeamsFilesPolicy",
    "TeamsIPPhonePolicy",
    "TeamsMediaConnectivityPolicy",
    "TeamsMeetingBrandingPolicy",
    "TeamsMeetingBroadcastPolicy",
    "TeamsMeetingPolicy",
    "TeamsMeetingTemplatePermissionPolicy",
    "TeamsMessagingPolicy",
    "TeamsMobilityPolicy",
    "TeamsNotificationAndFeedsPolicy",
    "TeamsOwnersPolicy",
    "TeamsRoomVideoTeleConferencingPolicy",
    "TeamsSharedCallingRoutingPolicy",
    "TeamsShiftsAppPolicy",
    "TeamsShiftsPolicy",
    "TeamsSurvivableBranchAppliancePolicy",
    "TeamsSyntheticAutomatedCallPolicy",
    "TeamsTemplatePermissionPolicy",
    "TeamsUpdateManagementPolicy",
    "TeamsUpgradeOverridePolicy",
    "TeamsUpgradePolicy",
    "TeamsVdiPolicy",
    "TeamsVerticalPackagePolicy",
    "TeamsVideoInteropServicePolicy",
    "TeamsVirtualAppointmentsPolicy",
    "TeamsVoiceApplicationsPolicy",
    "TeamsWorkLocationDetectionPolicy",
    "TeamsWorkLoadPolicy",
    "TenantDialPlan",
];

/// The user's stored text attribute (`None` when missing, empty or not a string).
fn text(u: &User, key: &str) -> Option<String> {
    u.extra
        .get(key)
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn flag(u: &User, key: &str) -> Option<bool> {
    u.extra.get(key).and_then(Json::as_bool)
}

fn texts(u: &User, key: &str) -> Option<Vec<String>> {
    u.extra.get(key).and_then(Json::as_array).map(|a| {
        a.iter()
            .filter_map(Json::as_str)
            .map(str::to_string)
            .collect()
    })
}

fn opt(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::str)
}

fn strings(items: &[String]) -> Value {
    Value::array(items.iter().map(Value::str).collect())
}

/// The service plans behind each feature type (what AssignedPlan lists).
fn plans_for(features: &[String]) -> Vec<String> {
    let mut plans = Vec::new();
    for f in features {
        let plan = match f.as_str() {
            "Teams" => "TEAMS1",
            "AudioConferencing" => "MCOMEETADD",
            "PhoneSystem" => "MCOEV",
            "CallingPlan" => "MCOPSTN1",
            "VoiceApp" => "MCOEV_VIRTUALUSER",
            "TeamsProMgmt" => "TEAMSPRO_MGMT",
            _ => continue,
        };
        plans.push(plan.to_string());
    }
    if features.iter().any(|f| f == "Teams") {
        plans.insert(0, "MCOSTANDARD".to_string());
    }
    plans
}

/// `+14255550101` (or `tel:+14255550101;ext=101`) as `tel:+14255550101`.
fn line_uri(u: &User) -> Option<String> {
    text(u, keys::LINE_URI).map(|l| {
        if l.to_ascii_lowercase().starts_with("tel:") {
            l
        } else {
            format!("tel:{l}")
        }
    })
}

/// The user object of Get-CsOnlineUser.
pub fn online_user_object(t: &Tenant, u: &User) -> Value {
    let account_type = text(u, keys::ACCOUNT_TYPE).unwrap_or_else(|| "User".to_string());
    let enabled = flag(u, keys::ACCOUNT_ENABLED).unwrap_or(true);
    let features = texts(u, keys::FEATURE_TYPES).unwrap_or_else(|| vec!["Teams".to_string()]);
    let line = line_uri(u);
    let voice = flag(u, keys::ENTERPRISE_VOICE_ENABLED)
        .unwrap_or(line.is_some() && features.iter().any(|f| f == "PhoneSystem"));
    let interpreted = text(u, keys::INTERPRETED_USER_TYPE).unwrap_or_else(|| {
        if account_type.eq_ignore_ascii_case("ResourceAccount") {
            "PureOnlineApplicationInstance"
        } else if features.iter().any(|f| f == "Teams") {
            "PureOnlineTeamsOnlyUser"
        } else {
            "PureOnlineNoService"
        }
        .to_string()
    });
    let (given, last) = {
        let mut words = u.display_name.split_whitespace();
        let first = words.next().map(str::to_string);
        let rest: Vec<&str> = words.collect();
        let rest = (!rest.is_empty()).then(|| rest.join(" "));
        (
            text(u, keys::GIVEN_NAME).or(first),
            text(u, keys::SURNAME).or(rest),
        )
    };
    let created = text(u, keys::CREATED_DATE_TIME);
    let changed = text(u, keys::WHEN_CHANGED).or_else(|| created.clone());
    let usage = text(u, keys::USAGE_LOCATION);
    let mail = text(u, keys::MAIL).unwrap_or_else(|| u.user_principal_name.clone());
    let sip_plain = u
        .sip_address
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("sip:"))
        .map_or(u.sip_address.as_str(), |_| &u.sip_address[4..]);

    // The direct grant of each emulated policy type, by its property name.
    let direct = |property: &str| -> Value {
        PolicyKind::from_name(property)
            .filter(|k| k.name() == property)
            .and_then(|k| k.grants(t))
            .and_then(|g| g.users.get(&u.object_id))
            .map_or(Value::Null, Value::str)
    };
    let effective: Vec<Value> = PolicyKind::all()
        .into_iter()
        .filter_map(|k| {
            let (name, source) = t.effective_grant(k.name(), &u.object_id)?;
            let (kind, group) = match source {
                PolicySource::Direct => ("Direct", None),
                PolicySource::Group { group_id, .. } => ("Group", Some(group_id)),
                PolicySource::Tenant => ("TenantDefault", None),
                PolicySource::Global => return None,
            };
            let mut assignment = Hashtable::new(true);
            assignment.insert(Value::str("displayName"), Value::str(&name));
            assignment.insert(Value::str("assignmentType"), Value::str(kind));
            assignment.insert(Value::str("policyId"), Value::Null);
            assignment.insert(Value::str("groupId"), opt(group));
            Some(Value::object(
                PsObject::new(
                    "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicyAssignment",
                )
                .with_text(k.name())
                .with("PolicyType", Value::str(k.name()))
                .with("PolicyAssignment", Value::hashtable(assignment)),
            ))
        })
        .collect();
    let telephone_numbers: Vec<Value> = line
        .iter()
        .map(|l| {
            let number = l
                .trim_start_matches("tel:")
                .split(';')
                .next()
                .unwrap_or_default()
                .to_string();
            Value::object(
                PsObject::new(
                    "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.TelephoneNumber",
                )
                .with_text(format!("{number} (Primary)"))
                .with("TelephoneNumber", Value::str(number))
                .with("AssignmentCategory", Value::str("Primary")),
            )
        })
        .collect();
    let mut proxy = vec![format!("SMTP:{mail}"), format!("SIP:{sip_plain}")];
    if !mail.eq_ignore_ascii_case(&u.user_principal_name) {
        proxy.push(format!("smtp:{}", u.user_principal_name));
    }

    let mut fields: Vec<(&str, Value)> = vec![
        ("AccountEnabled", Value::Bool(enabled)),
        ("AccountType", Value::str(&account_type)),
        ("Alias", Value::str(u.alias())),
        ("AssignedPlan", strings(&plans_for(&features))),
        ("City", opt(text(u, keys::CITY))),
        ("Company", opt(text(u, keys::COMPANY_NAME))),
        ("Country", opt(text(u, keys::COUNTRY))),
        ("CountryAbbreviation", opt(usage.clone())),
        ("Department", opt(text(u, keys::DEPARTMENT))),
        ("DisplayName", Value::str(&u.display_name)),
        ("EffectivePolicyAssignments", Value::array(effective)),
        ("EnterpriseVoiceEnabled", Value::Bool(voice)),
        ("FeatureTypes", strings(&features)),
        ("GivenName", opt(given)),
        ("HideFromAddressLists", Value::Bool(false)),
        (
            "HostedVoiceMail",
            if voice {
                Value::Bool(true)
            } else {
                Value::Null
            },
        ),
        ("HostingProvider", Value::str("sipfed.online.lync.com")),
        ("Identity", Value::str(&u.object_id)),
        ("InterpretedUserType", Value::str(interpreted)),
        ("IsSipEnabled", Value::Bool(enabled)),
        ("LastName", opt(last)),
        ("LastSyncTimeStamp", time_value(changed.as_deref())),
        ("LineUri", opt(line.clone())),
        ("OnPremEnterpriseVoiceEnabled", Value::Bool(false)),
        ("OnPremHostingProvider", Value::Null),
        ("OnPremLineURI", Value::Null),
        ("OnPremSIPEnabled", Value::Bool(false)),
        ("OnPremSipAddress", Value::Null),
        ("OwnerUrn", Value::Null),
        ("PreferredDataLocation", Value::Null),
        (
            "PreferredLanguage",
            Value::str(text(u, keys::PREFERRED_LANGUAGE).unwrap_or_else(|| "en-US".into())),
        ),
        ("ProxyAddresses", strings(&proxy)),
        ("SipAddress", Value::str(&u.sip_address)),
        ("SipProxyAddress", Value::str(sip_plain)),
        ("SoftDeletionTimestamp", Value::Null),
        ("StateOrProvince", opt(text(u, keys::STATE))),
        ("Street", opt(text(u, keys::STREET_ADDRESS))),
        ("TeamsUpgradeEffectiveMode", Value::str("TeamsOnly")),
        ("TeamsUpgradeNotificationsEnabled", Value::Bool(false)),
        (
            "TeamsUpgradePolicyIsReadOnly",
            Value::str("ModeAndNotifications"),
        ),
        ("TelephoneNumbers", Value::array(telephone_numbers)),
        ("TenantId", Value::str(&t.tenant.tenant_id)),
        ("Title", opt(text(u, keys::JOB_TITLE))),
        ("UsageLocation", opt(usage)),
        ("UserDirSyncEnabled", Value::Bool(false)),
        ("UserPrincipalName", Value::str(&u.user_principal_name)),
        ("UserValidationErrors", Value::array(Vec::new())),
        ("WhenChanged", time_value(changed.as_deref())),
        ("WhenCreated", time_value(created.as_deref())),
    ];
    for property in POLICY_PROPERTIES {
        fields.push((property, direct(property)));
    }
    // Alphabetical, as the real object lists them (ordinal, case-insensitive).
    fields.sort_by_key(|(name, _)| name.to_ascii_lowercase());
    let mut o = PsObject::new(ONLINE_USER_TYPE);
    for (name, value) in fields {
        o.set(name, value);
    }
    Value::object(o)
}
