//! The built-in demo tenant, written when a store file is missing.
//!
//! Owns its fixed content, in the style of Microsoft's Contoso demo tenants: fixed GUIDs, so
//! every transcript that starts from it is reproducible. It must not generate ids, read the clock
//! or touch files.

use super::model::{
    Application, Assignments, CURRENT_SCHEMA_VERSION, ExtraKeys, Group, Policy, Tenant, TenantInfo,
    User,
};

pub(crate) const DEMO_TENANT_ID: &str = "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58";
pub(crate) const DEMO_DOMAIN: &str = "contoso.onmicrosoft.com";
pub(crate) const DEMO_DISPLAY_NAME: &str = "Contoso";

/// (objectId, mail nickname, displayName)
const USERS: &[(&str, &str, &str)] = &[
    (
        "4b7e9f02-6c1d-4a83-b5e0-2f9d8c7a6b15",
        "admin",
        "MOD Administrator",
    ),
    (
        "ddb80e06-92f3-4978-bc22-a0eee85e6a9e",
        "megan.bowen",
        "Megan Bowen",
    ),
    (
        "dc17674c-81d9-4adb-bfb2-8f6a442e4624",
        "alex.wilber",
        "Alex Wilber",
    ),
    (
        "7a3c5e91-2d4f-4b68-9e1a-c0b3d5f7e829",
        "adele.vance",
        "Adele Vance",
    ),
    ("e2f49b6d-8a17-4c35-b0d2-5f6e7a8b9c01", "lee.gu", "Lee Gu"),
    (
        "31c8d7e5-4b2a-4f96-8d03-a1b2c3d4e5f6",
        "nestor.wilke",
        "Nestor Wilke",
    ),
    (
        "9f1e2d3c-5b4a-4c69-87d8-e0f1a2b3c4d5",
        "patti.fernandez",
        "Patti Fernandez",
    ),
    (
        "c6d5e4f3-a2b1-4098-b7c6-d5e4f3a2b1c0",
        "pradeep.gupta",
        "Pradeep Gupta",
    ),
];

/// What Get-CsOnlineUser and Get-MgUser show about each user (the project's user keys,
/// store-format.md): (jobTitle, department, city, state, country, usageLocation, featureTypes,
/// lineUri, createdDateTime), in `USERS` order. Phone numbers are from the 555-01xx range set
/// aside for fiction.
type Profile = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    &'static str,
);
const PROFILES: &[Profile] = &[
    (
        "IT Administrator",
        "IT",
        "Redmond",
        "WA",
        "United States",
        "US",
        &["Teams", "AudioConferencing", "PhoneSystem"],
        None,
        "2024-03-12T16:02:41Z",
    ),
    (
        "Marketing Manager",
        "Marketing",
        "Pittsburgh",
        "PA",
        "United States",
        "US",
        &["Teams", "AudioConferencing"],
        None,
        "2024-03-12T16:04:11Z",
    ),
    (
        "Marketing Assistant",
        "Marketing",
        "San Diego",
        "CA",
        "United States",
        "US",
        &["Teams", "AudioConferencing", "PhoneSystem", "CallingPlan"],
        Some("tel:+18585550117"),
        "2024-03-12T16:04:15Z",
    ),
    (
        "Retail Manager",
        "Retail",
        "Tulsa",
        "OK",
        "United States",
        "US",
        &["Teams"],
        None,
        "2024-03-12T16:04:19Z",
    ),
    (
        "Director",
        "Manufacturing",
        "Birmingham",
        "AL",
        "United States",
        "US",
        &["Teams", "AudioConferencing", "PhoneSystem"],
        Some("tel:+12055550149"),
        "2024-03-12T16:04:23Z",
    ),
    (
        "Director",
        "Operations",
        "Seattle",
        "WA",
        "United States",
        "US",
        &["Teams"],
        None,
        "2024-03-12T16:04:27Z",
    ),
    (
        "President",
        "Executive Management",
        "Louisville",
        "KY",
        "United States",
        "US",
        &["Teams", "AudioConferencing"],
        None,
        "2024-03-12T16:04:31Z",
    ),
    (
        "Accountant",
        "Finance",
        "Cairo",
        "Cairo Governorate",
        "Egypt",
        "EG",
        &["Teams"],
        None,
        "2024-03-12T16:04:35Z",
    ),
];

const _: () = assert!(PROFILES.len() == USERS.len());

/// The user keys of a profile.
fn profile_keys(p: &Profile) -> ExtraKeys {
    use super::directory::keys;
    let (title, department, city, state, country, usage, features, line, created) = *p;
    let mut extra = ExtraKeys::new();
    let mut put = |k: &str, v: serde_json::Value| {
        extra.insert(k.to_string(), v);
    };
    put(keys::JOB_TITLE, title.into());
    put(keys::DEPARTMENT, department.into());
    put(keys::COMPANY_NAME, DEMO_DISPLAY_NAME.into());
    put(keys::CITY, city.into());
    put(keys::STATE, state.into());
    put(keys::COUNTRY, country.into());
    put(keys::USAGE_LOCATION, usage.into());
    put(
        keys::FEATURE_TYPES,
        features
            .iter()
            .map(|f| (*f).into())
            .collect::<Vec<serde_json::Value>>()
            .into(),
    );
    if let Some(line) = line {
        put(keys::LINE_URI, line.into());
    }
    put(keys::CREATED_DATE_TIME, created.into());
    extra
}

/// The one demo group and its members (Megan Bowen, Patti Fernandez, Lee Gu).
const WEBINAR_HOSTS: &str = "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69";
const WEBINAR_HOST_MEMBERS: &[&str] = &[
    "ddb80e06-92f3-4978-bc22-a0eee85e6a9e",
    "9f1e2d3c-5b4a-4c69-87d8-e0f1a2b3c4d5",
    "e2f49b6d-8a17-4c35-b0d2-5f6e7a8b9c01",
];

/// (appId, displayName, permissions, service principal object id)
const APPLICATIONS: &[(&str, &str, &[&str], &str)] = &[
    (
        "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83",
        "Scheduling service",
        &["OnlineMeetings.ReadWrite.All"],
        "0c9d3b1e-6a2f-4e85-b7d4-1f3a5c7e9b20",
    ),
    (
        "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20",
        "Meeting recorder bot",
        &[
            "OnlineMeetings.Read.All",
            "OnlineMeetingRecording.Read.All",
            "OnlineMeetingTranscript.Read.All",
        ],
        "7e5a1c3d-9b4f-4a26-8c0e-2d4f6a8c0e13",
    ),
    (
        "2e7c4a9b-d81f-4e06-b3a5-9c0d2f4e6a18",
        "Webinar registration portal",
        &["VirtualEvent.ReadWrite.All"],
        "b4f8e2a6-1d3c-4f5e-9a7b-0c2e4f6a8b35",
    ),
];

/// The demo tenant: Contoso with eight users, the "Webinar Hosts" group, three app registrations,
/// only the Global policy (empty) and no assignments.
pub fn demo_tenant() -> Tenant {
    let users = USERS
        .iter()
        .zip(PROFILES)
        .map(|((id, nick, name), profile)| {
            let upn = format!("{nick}@{DEMO_DOMAIN}");
            User {
                object_id: (*id).to_string(),
                sip_address: format!("sip:{upn}"),
                user_principal_name: upn,
                display_name: (*name).to_string(),
                extra: profile_keys(profile),
            }
        })
        .collect();
    // A Microsoft 365 group with a team (Get-MgUserJoinedTeam), usable for group policy grants.
    let group_keys: ExtraKeys = {
        use super::directory::keys;
        [
            (keys::MAIL_NICKNAME, serde_json::json!("webinarhosts")),
            (
                keys::DESCRIPTION,
                serde_json::json!("Hosts of Contoso's customer webinars"),
            ),
            (keys::GROUP_TYPES, serde_json::json!(["Unified"])),
            (keys::MAIL_ENABLED, serde_json::json!(true)),
            (
                keys::RESOURCE_PROVISIONING_OPTIONS,
                serde_json::json!(["Team"]),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    };
    let groups = vec![
        Group {
            object_id: WEBINAR_HOSTS.to_string(),
            display_name: "Webinar Hosts".to_string(),
            members: WEBINAR_HOST_MEMBERS
                .iter()
                .map(|m| (*m).to_string())
                .collect(),
            extra: group_keys,
        },
        sales_team(),
    ];
    let applications = APPLICATIONS
        .iter()
        .map(|(id, name, permissions, sp)| Application {
            app_id: (*id).to_string(),
            display_name: (*name).to_string(),
            permissions: permissions.iter().map(|p| (*p).to_string()).collect(),
            // The apps were consented in the tenant, so each has its service principal.
            extra: [(
                super::directory::keys::SERVICE_PRINCIPAL_ID.to_string(),
                serde_json::Value::from(*sp),
            )]
            .into_iter()
            .collect(),
        })
        .collect();
    let mut tenant = Tenant {
        schema_version: CURRENT_SCHEMA_VERSION,
        tenant: TenantInfo::default(),
        users,
        groups,
        applications,
        policies: vec![Policy::global()],
        assignments: Assignments::default(),
        families: super::model::default_families(),
        configurations: super::model::default_configurations(),
        policies_extra: ExtraKeys::new(),
        assignments_extra: ExtraKeys::new(),
        extra: ExtraKeys::new(),
        index: Default::default(),
    };
    // The Exchange Online side: a mailbox for every user (store-format.md, schema 3).
    let exchange = super::exchange::demo_section(&tenant.users);
    tenant
        .extra
        .insert(super::exchange::EXCHANGE_KEY.to_string(), exchange);
    tenant
}

/// The demo's mail-enabled security group (the scope Exchange application access policies
/// need): Alex Wilber and Adele Vance.
const SALES_TEAM: &str = "6e0f3a58-2b7c-4d91-a4e3-8c5b1d7f9a02";
const SALES_TEAM_MEMBERS: &[&str] = &[
    "dc17674c-81d9-4adb-bfb2-8f6a442e4624",
    "7a3c5e91-2d4f-4b68-9e1a-c0b3d5f7e829",
];

fn sales_team() -> Group {
    let mut extra = ExtraKeys::new();
    extra.insert("mail".into(), format!("salesteam@{DEMO_DOMAIN}").into());
    extra.insert("mailNickname".into(), "salesteam".into());
    extra.insert("mailEnabled".into(), true.into());
    extra.insert("securityEnabled".into(), true.into());
    Group {
        object_id: SALES_TEAM.to_string(),
        display_name: "Sales Team".to_string(),
        members: SALES_TEAM_MEMBERS
            .iter()
            .map(|m| (*m).to_string())
            .collect(),
        extra,
    }
}
