//! Store tests: the file contract (docs/store-format.md), change rules, lookups, effective
//! policy precedence, and the file protocol (atomic save, lock file, refresh, concurrency).
//! Each test names the rule it guards; fixtures live in tests/fixtures/store/.

use std::convert::Infallible;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use aapsh::store::{
    CURRENT_SCHEMA_VERSION, Change, EffectivePolicy, ExtraKeys, GroupAssignment, GroupLookup,
    PolicyReference, PolicySource, Store, StoreError, Tenant, User, UserLookup, default_store_path,
    demo_tenant, journal_path_for, lock_path_for,
};
use serde_json::{Value, json};
use tempfile::TempDir;

const MEGAN: &str = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
const ALEX: &str = "dc17674c-81d9-4adb-bfb2-8f6a442e4624";
const WEBINAR_HOSTS: &str = "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69";
const SCHEDULING_APP: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A temp dir holding `store.json` with `content`.
fn store_file(content: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    fs::write(&path, content).unwrap();
    (dir, path)
}

fn parse(json: Value) -> Result<Tenant, StoreError> {
    Tenant::from_json_bytes(json.to_string().as_bytes())
}

fn new_policy(name: &str, app_ids: &[&str]) -> Change {
    Change::NewPolicy {
        name: name.to_string(),
        app_ids: app_ids.iter().map(|a| a.to_string()).collect(),
        description: String::new(),
    }
}

fn grant_user(user: &str, policy: Option<&str>) -> Change {
    Change::GrantUser {
        user_id: user.to_string(),
        policy_name: policy.map(str::to_string),
    }
}

fn grant_group(group: &str, policy: Option<&str>, rank: Option<i64>) -> Change {
    Change::GrantGroup {
        group_id: group.to_string(),
        policy_name: policy.map(str::to_string),
        rank,
    }
}

fn grant_tenant(policy: Option<&str>) -> Change {
    Change::GrantTenant {
        policy_name: policy.map(str::to_string),
    }
}

fn commit(store: &mut Store, changes: Vec<Change>) -> Result<(), StoreError> {
    store.commit(changes)
}

/// What the next session finds: the store opened (which folds a leftover journal) and
/// checkpointed, then the file read back as a user would read it.
fn saved(path: &Path) -> Tenant {
    let mut store = Store::open(path).unwrap();
    store.checkpoint().unwrap();
    drop(store);
    assert!(!journal_path_for(path).exists(), "the journal was folded");
    Tenant::from_json_bytes(&fs::read(path).unwrap()).unwrap()
}

/// Keys of a JSON object, in order.
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Loading: the spec's rules

#[test]
fn spec_example_loads_as_written() {
    // The version-1 example of the first store-format page, read and upgraded in memory.
    let tenant = Tenant::from_json_bytes(&fixture("spec-example.json")).unwrap();
    assert_eq!(tenant.schema_version, CURRENT_SCHEMA_VERSION);
    assert_eq!(tenant.tenant.display_name, "Contoso");
    assert_eq!(tenant.users[0].display_name, "Megan Bowen");
    let names: Vec<&str> = tenant.policies.iter().map(|p| p.name()).collect();
    assert_eq!(names, ["Global", "Test-policy"]);
    assert_eq!(tenant.user_policy(MEGAN), Some("Test-policy"));
    assert_eq!(tenant.assignments.groups[0].rank, 1);
    assert_eq!(tenant.assignments.tenant, None);
}

#[test]
fn every_section_but_schema_version_may_be_missing() {
    let tenant = parse(json!({ "schemaVersion": 1 })).unwrap();
    assert!(tenant.users.is_empty() && tenant.groups.is_empty());
    assert!(tenant.applications.is_empty());
    assert!(tenant.assignments.users.is_empty() && tenant.assignments.groups.is_empty());
    assert_eq!(
        tenant.tenant.domain, "contoso.onmicrosoft.com",
        "tenant gets defaults"
    );
    assert_eq!(
        tenant.tenant.tenant_id,
        "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58"
    );
    assert_eq!(tenant.policies.len(), 1);
    assert!(tenant.policies[0].is_global());

    // null means "not given" as well
    let tenant = parse(json!({ "schemaVersion": 1, "users": null, "tenant": null })).unwrap();
    assert!(tenant.users.is_empty());
}

#[test]
fn schema_version_is_required() {
    let err = parse(json!({ "users": [] })).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert_eq!(err.place().as_deref(), Some("schemaVersion"));
}

#[test]
fn sip_address_defaults_to_sip_plus_upn() {
    let tenant = parse(json!({ "schemaVersion": 1, "users": [
        { "objectId": MEGAN, "userPrincipalName": "megan.bowen@contoso.onmicrosoft.com" },
        { "objectId": ALEX, "userPrincipalName": "alex@contoso.onmicrosoft.com",
          "sipAddress": "sip:alex.w@contoso.com" }
    ]}))
    .unwrap();
    assert_eq!(
        tenant.users[0].sip_address,
        "sip:megan.bowen@contoso.onmicrosoft.com"
    );
    assert_eq!(tenant.users[1].sip_address, "sip:alex.w@contoso.com");
}

#[test]
fn global_is_added_first_when_missing() {
    let tenant = parse(json!({ "schemaVersion": 1, "policies": [
        { "identity": "Tag:B" }, { "identity": "Tag:A" }
    ]}))
    .unwrap();
    let ids: Vec<&str> = tenant
        .policies
        .iter()
        .map(|p| p.identity.as_str())
        .collect();
    assert_eq!(ids, ["Global", "Tag:B", "Tag:A"]);
}

#[test]
fn policies_keep_creation_order_and_case() {
    let tenant = parse(json!({ "schemaVersion": 1, "policies": [
        { "identity": "Global" }, { "identity": "Tag:zeta-Policy" }, { "identity": "tag:Alpha" },
        { "identity": "Bare" }
    ]}))
    .unwrap();
    let ids: Vec<&str> = tenant
        .policies
        .iter()
        .map(|p| p.identity.as_str())
        .collect();
    assert_eq!(ids, ["Global", "Tag:zeta-Policy", "Tag:Alpha", "Tag:Bare"]);
    assert_eq!(
        tenant.find_policy("ZETA-policy").unwrap().name(),
        "zeta-Policy"
    );
}

#[test]
fn find_policy_accepts_every_spelling() {
    let tenant = Tenant::from_json_bytes(&fixture("spec-example.json")).unwrap();
    for spelling in [
        "Test-policy",
        "test-POLICY",
        "Tag:Test-policy",
        "tag:test-policy",
        "TAG:Test-Policy",
    ] {
        assert_eq!(
            tenant.find_policy(spelling).map(|p| p.identity.as_str()),
            Some("Tag:Test-policy"),
            "{spelling}"
        );
    }
    for spelling in ["Global", "global", "GLOBAL"] {
        assert!(
            tenant.find_policy(spelling).unwrap().is_global(),
            "{spelling}"
        );
    }
    assert!(tenant.find_policy("Other").is_none());
}

#[test]
fn references_are_matched_case_insensitively_and_made_canonical() {
    let tenant = parse(json!({ "schemaVersion": 1,
        "users": [{ "objectId": MEGAN, "userPrincipalName": "megan@contoso.com" }],
        "groups": [{ "objectId": WEBINAR_HOSTS, "members": [MEGAN.to_uppercase()] }],
        "policies": [{ "identity": "Tag:Test-Policy" }],
        "assignments": {
            "users": { MEGAN.to_uppercase(): "TEST-POLICY" },
            "groups": [{ "groupId": WEBINAR_HOSTS.to_uppercase(), "policyName": "tag:test-policy", "rank": 2 }],
            "tenant": "test-policy"
        }
    }))
    .unwrap();
    assert_eq!(tenant.groups[0].members, [MEGAN]);
    assert_eq!(
        tenant.assignments.users.get(MEGAN).map(String::as_str),
        Some("Test-Policy")
    );
    assert_eq!(tenant.assignments.groups[0].group_id, WEBINAR_HOSTS);
    assert_eq!(tenant.assignments.groups[0].policy_name, "Test-Policy");
    assert_eq!(tenant.assignments.tenant.as_deref(), Some("Test-Policy"));
}

#[test]
fn an_app_id_in_a_policy_need_not_be_registered() {
    let tenant = parse(json!({ "schemaVersion": 1, "policies": [
        { "identity": "Tag:Other-tenant-app", "appIds": ["00000000-1111-2222-3333-444444444444"] }
    ]}))
    .unwrap();
    assert!(
        tenant
            .find_application("00000000-1111-2222-3333-444444444444")
            .is_none()
    );
    assert_eq!(tenant.policies[1].app_ids.len(), 1);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(br#"{"schemaVersion": 1}"#);
    assert!(Tenant::from_json_bytes(&bytes).is_ok());
}

#[test]
fn a_key_in_the_wrong_case_gets_a_hint() {
    let err = parse(json!({ "schemaVersion": 1, "users": [
        { "ObjectId": MEGAN, "userPrincipalName": "megan@contoso.com" }
    ]}))
    .unwrap_err();
    assert_eq!(err.place().as_deref(), Some("users[0].objectId"));
    assert!(err.to_string().contains("found \"ObjectId\""), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Saving: format and round trip

#[test]
fn round_trip_keeps_unknown_keys_and_their_order() {
    let original: Value = serde_json::from_slice(&fixture("unknown-keys.json")).unwrap();
    let tenant = Tenant::from_json_bytes(&fixture("unknown-keys.json")).unwrap();
    let written = tenant.to_json_bytes().unwrap();
    let out: Value = serde_json::from_slice(&written).unwrap();

    // Known keys in the documented order, then unknown keys in the order they were read.
    assert_eq!(
        keys(&out),
        [
            "schemaVersion",
            "tenant",
            "users",
            "groups",
            "applications",
            "policies",
            "assignments",
            "configurations",
            "trainerNotes",
            "zzzLast",
            "exchange"
        ]
    );
    assert_eq!(
        keys(&out["tenant"]),
        ["tenantId", "domain", "displayName", "country"]
    );
    assert_eq!(
        keys(&out["users"][1]),
        [
            "objectId",
            "userPrincipalName",
            "displayName",
            "sipAddress",
            "zeta",
            "alpha"
        ]
    );
    // The version-1 sections moved under their policy type, unknown keys and all.
    let aap = &out["assignments"]["ApplicationAccessPolicy"];
    assert_eq!(keys(aap), ["users", "groups", "tenant", "history"]);
    assert_eq!(keys(&out["zzzLast"]["nested"]), ["b", "a"]);

    // Every unknown value survives exactly.
    assert_eq!(out["trainerNotes"], original["trainerNotes"]);
    assert_eq!(
        out["users"][0]["licenses"],
        original["users"][0]["licenses"]
    );
    assert_eq!(out["groups"][0]["mailEnabled"], json!(false));
    assert_eq!(
        out["applications"][0]["publisher"],
        original["applications"][0]["publisher"]
    );
    let policies = &out["policies"]["ApplicationAccessPolicy"];
    assert_eq!(policies[0]["note"], original["policies"][0]["note"]);
    assert_eq!(policies[1]["createdBy"], json!("trainer"));
    assert_eq!(
        aap["groups"][0]["createdTime"],
        json!("2024-05-01T09:00:00Z")
    );
    assert_eq!(out["zzzLast"], original["zzzLast"]);

    // And reading what we wrote gives the same tenant and the same bytes.
    let again = Tenant::from_json_bytes(&written).unwrap();
    assert_eq!(again, tenant);
    assert_eq!(again.to_json_bytes().unwrap(), written);
}

#[test]
fn saved_file_is_pretty_with_two_spaces_and_a_trailing_newline() {
    let bytes = demo_tenant().to_json_bytes().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("{\n  \"schemaVersion\": 3,\n  \"tenant\": {\n    \"tenantId\""),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    assert!(!text.ends_with("\n\n"));
    assert!(
        text.contains("\"tenant\": null"),
        "an empty tenant grant is written as null"
    );
}

#[test]
fn unknown_keys_survive_a_transact() {
    let (_dir, path) = store_file(&fixture("unknown-keys.json"));
    let mut store = Store::open(&path).unwrap();
    commit(&mut store, vec![new_policy("Added", &[])]).unwrap();
    store.checkpoint().unwrap();
    let out: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        out["trainerNotes"],
        json!("Scenario 3: a group grant that loses to a direct grant")
    );
    assert_eq!(out["users"][0]["department"], json!("Marketing"));
    assert_eq!(
        out["policies"]["ApplicationAccessPolicy"][2]["identity"],
        json!("Tag:Added")
    );
}

// ---------------------------------------------------------------------------------------------
// Corrupt files: a clear error naming the file and the place; the file is never overwritten

/// Opens a store over `content` and checks the error; then checks the bytes are untouched.
fn assert_refused(content: &[u8], place: &str, check: fn(&StoreError) -> bool) -> String {
    let (_dir, path) = store_file(content);
    let err = Store::open(&path).expect_err("a corrupt file must be refused");
    assert!(check(&err), "wrong kind of error: {err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "message must name the file: {message}"
    );
    assert!(
        message.contains(place),
        "message must name the place {place:?}: {message}"
    );
    assert_eq!(err.file(), Some(path.as_path()));
    assert!(message.contains("left unchanged"), "{message}");
    assert_eq!(
        fs::read(&path).unwrap(),
        content,
        "the file must not be touched"
    );
    // Nothing else was written beside it either (no demo tenant, no temp file).
    let names: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("store.json")]);
    message
}

#[test]
fn truncated_json_is_refused_with_line_and_column() {
    let full = fixture("spec-example.json");
    let cut = &full[..full.len() / 2];
    let message = assert_refused(cut, "line ", |e| matches!(e, StoreError::Syntax { .. }));
    assert!(message.contains("column"), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_refused(b"", "line 1", |e| matches!(e, StoreError::Syntax { .. }));
}

#[test]
fn invalid_utf8_is_refused_with_line_and_column() {
    let content =
        b"{\n  \"schemaVersion\": 1,\n  \"tenant\": { \"displayName\": \"Cont\xFFso\" }\n}\n";
    let message = assert_refused(content, "line 3, column 35", |e| {
        matches!(e, StoreError::Syntax { .. })
    });
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn a_wrong_type_is_refused_with_its_json_path() {
    let content = json!({ "schemaVersion": 1, "users": [
        { "objectId": MEGAN, "userPrincipalName": "megan@contoso.com" },
        { "objectId": 42, "userPrincipalName": "alex@contoso.com" }
    ]});
    let message = assert_refused(content.to_string().as_bytes(), "users[1].objectId", |e| {
        matches!(e, StoreError::Invalid { .. })
    });
    assert!(
        message.contains("expected a string, found a number"),
        "{message}"
    );

    let content = json!({ "schemaVersion": 1, "policies": { "identity": "Global" } });
    assert_refused(content.to_string().as_bytes(), "policies", |e| {
        matches!(e, StoreError::Invalid { .. })
    });
    let content =
        json!({ "schemaVersion": 1, "groups": [{ "objectId": WEBINAR_HOSTS, "members": "x" }] });
    assert_refused(content.to_string().as_bytes(), "groups[0].members", |e| {
        matches!(e, StoreError::Invalid { .. })
    });
    assert_refused(b"[1, 2]", "the top level", |e| {
        matches!(e, StoreError::Invalid { .. })
    });
}

#[test]
fn a_bad_rank_is_refused() {
    let content = json!({ "schemaVersion": 1,
        "groups": [{ "objectId": WEBINAR_HOSTS }],
        "assignments": { "groups": [{ "groupId": WEBINAR_HOSTS, "policyName": "Global", "rank": 1.5 }] }
    });
    assert_refused(
        content.to_string().as_bytes(),
        "assignments.groups[0].rank",
        |e| matches!(e, StoreError::Invalid { .. }),
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let user = |id: &str, upn: &str| json!({ "objectId": id, "userPrincipalName": upn });
    let cases = [
        (
            json!({ "schemaVersion": 1, "users": [user(MEGAN, "a@x.com"), user(&MEGAN.to_uppercase(), "b@x.com")] }),
            "users[1].objectId",
        ),
        (
            json!({ "schemaVersion": 1, "users": [user(MEGAN, "megan@x.com"), user(ALEX, "MEGAN@X.COM")] }),
            "users[1].userPrincipalName",
        ),
        (
            json!({ "schemaVersion": 1, "groups": [{ "objectId": WEBINAR_HOSTS }, { "objectId": WEBINAR_HOSTS }] }),
            "groups[1].objectId",
        ),
        (
            json!({ "schemaVersion": 1, "applications": [{ "appId": SCHEDULING_APP }, { "appId": SCHEDULING_APP }] }),
            "applications[1].appId",
        ),
        (
            json!({ "schemaVersion": 1, "policies": [{ "identity": "Tag:Test" }, { "identity": "tag:TEST" }] }),
            "policies[2].identity",
        ),
        (
            json!({ "schemaVersion": 1, "policies": [{ "identity": "Global" }, { "identity": "global" }] }),
            "policies[1].identity",
        ),
        (
            json!({ "schemaVersion": 1, "users": [user(MEGAN, "m@x.com")],
                    "groups": [{ "objectId": WEBINAR_HOSTS, "members": [MEGAN, MEGAN] }] }),
            "groups[0].members[1]",
        ),
        (
            json!({ "schemaVersion": 1, "groups": [{ "objectId": WEBINAR_HOSTS }],
                    "assignments": { "groups": [
                        { "groupId": WEBINAR_HOSTS, "policyName": "Global", "rank": 1 },
                        { "groupId": WEBINAR_HOSTS, "policyName": "Global", "rank": 2 } ] } }),
            "assignments.groups[1].groupId",
        ),
    ];
    for (content, place) in cases {
        assert_refused(content.to_string().as_bytes(), place, |e| {
            matches!(e, StoreError::Duplicate { .. })
        });
    }
}

#[test]
fn a_key_given_twice_is_refused_at_any_level() {
    // serde_json (like most readers) would keep the last value; the next save would then drop
    // the first for good. Each case: the text, the path of the repeated key, the key.
    let cases = [
        (
            r#"{"schemaVersion": 1,
                "users": [{"objectId": "a", "userPrincipalName": "a@x.com"}],
                "users": [{"objectId": "b", "userPrincipalName": "b@x.com"}]}"#
                .to_string(),
            "at users:",
            r#""users" is given more than once in the top-level object"#,
        ),
        (
            format!(
                r#"{{"schemaVersion": 1, "users": [
                    {{"objectId": "{MEGAN}", "userPrincipalName": "m@x.com"}},
                    {{"objectId": "{ALEX}", "displayName": "Alex", "userPrincipalName": "a@x.com",
                      "displayName": "Alex W."}}]}}"#
            ),
            "at users[1].displayName:",
            r#""displayName" is given more than once in users[1]"#,
        ),
        (
            format!(
                r#"{{"schemaVersion": 1,
                    "users": [{{"objectId": "{MEGAN}", "userPrincipalName": "m@x.com"}}],
                    "policies": [{{"identity": "Tag:A"}}, {{"identity": "Tag:B"}}],
                    "assignments": {{"users": {{"{MEGAN}": "A", "{MEGAN}": "B"}}}}}}"#
            ),
            &format!(r#"at assignments.users["{MEGAN}"]:"#),
            &format!(r#""{MEGAN}" is given more than once in assignments.users"#),
        ),
        (
            // The same key spelled with an escape is the same key.
            r#"{"schemaVersion": 1, "tenant": {"domain": "a.com", "dom\u0061in": "b.com"}}"#
                .to_string(),
            "at tenant.domain:",
            r#""domain" is given more than once in tenant"#,
        ),
        (
            // A project key (kept as it is) and the schema version itself.
            r#"{"schemaVersion": 1, "schemaVersion": 1}"#.to_string(),
            "at schemaVersion:",
            r#""schemaVersion" is given more than once"#,
        ),
    ];
    for (text, place, what) in cases {
        let message = assert_refused(text.as_bytes(), place, |e| {
            matches!(e, StoreError::DuplicateKey { .. })
        });
        assert!(message.contains(what), "{message}");
        assert!(message.contains("duplicate key"), "{message}");
    }
    // A key repeated in a snapshot or scenario file is refused the same way.
    let err = Tenant::from_json_bytes(br#"{"schemaVersion": 1, "groups": [], "groups": []}"#)
        .unwrap_err();
    assert_eq!(err.place().as_deref(), Some("groups"));
}

#[test]
fn a_key_given_twice_in_a_file_edited_mid_session_is_refused_and_not_overwritten() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    let edited = String::from_utf8(fixture("spec-example.json"))
        .unwrap()
        .replacen("\"policies\"", "\"policies\": [],\n  \"policies\"", 1);
    fs::write(&path, &edited).unwrap();
    let err = commit(&mut store, vec![new_policy("X", &[])]).unwrap_err();
    assert!(matches!(err, StoreError::DuplicateKey { .. }), "{err}");
    assert!(store.checkpoint().is_err());
    drop(store);
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    assert!(!journal_path_for(&path).exists());
}

#[test]
fn control_characters_from_the_file_are_escaped_in_messages() {
    // A policy name with an escape sequence and a newline, given twice; a dangling grant to a
    // user id with a bell; a key with a C1 control (CSI).
    let cases = [
        (
            json!({ "schemaVersion": 1, "policies": [
                { "identity": "Tag:Red\u{1b}[31mAlert\nline" },
                { "identity": "Tag:red\u{1b}[31malert\nLINE" } ] }),
            "\"red`e[31malert`nLINE\"",
        ),
        (
            json!({ "schemaVersion": 1, "assignments": { "users": { "bell\u{7}": "Global" } } }),
            "\"bell`a\"",
        ),
        (
            json!({ "schemaVersion": 1, "tenant": { "displayName": 1 }, "x\u{9b}2J": 1 }),
            "tenant.displayName",
        ),
    ];
    for (content, expected) in cases {
        let (_dir, path) = store_file(content.to_string().as_bytes());
        let message = Store::open(&path).unwrap_err().to_string();
        assert!(
            !message.chars().any(char::is_control),
            "raw control characters in: {message:?}"
        );
        assert!(message.contains(expected), "{message}");
    }
    // The file name too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\u{1b}]0;title\u{7}.json");
    fs::write(&path, b"{").unwrap();
    let message = Store::open(&path).unwrap_err().to_string();
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.contains("evil`e]0;title`a.json"), "{message}");
    assert_eq!(
        aapsh::store::escape_controls("tab\there \u{85}\u{0}"),
        "tab`there `u{85}`0"
    );
}

#[test]
fn dangling_references_are_refused() {
    let users = json!([{ "objectId": MEGAN, "userPrincipalName": "m@x.com" }]);
    let groups = json!([{ "objectId": WEBINAR_HOSTS, "members": [MEGAN] }]);
    let cases = [
        // an assignment to a user that does not exist
        (
            json!({ "schemaVersion": 1, "users": users, "assignments": { "users": { ALEX: "Global" } } }),
            format!("assignments.users[\"{ALEX}\"]"),
            "no user has objectId",
        ),
        // an assignment of a policy that does not exist
        (
            json!({ "schemaVersion": 1, "users": users, "assignments": { "users": { MEGAN: "Nope" } } }),
            format!("assignments.users[\"{MEGAN}\"]"),
            "no policy is named \"Nope\"",
        ),
        // an assignment to a group that does not exist
        (
            json!({ "schemaVersion": 1, "assignments": { "groups": [
                { "groupId": WEBINAR_HOSTS, "policyName": "Global", "rank": 1 } ] } }),
            "assignments.groups[0].groupId".to_string(),
            "no group has objectId",
        ),
        (
            json!({ "schemaVersion": 1, "users": users, "groups": groups, "assignments": { "groups": [
                { "groupId": WEBINAR_HOSTS, "policyName": "Nope", "rank": 1 } ] } }),
            "assignments.groups[0].policyName".to_string(),
            "no policy is named",
        ),
        (
            json!({ "schemaVersion": 1, "assignments": { "tenant": "Nope" } }),
            "assignments.tenant".to_string(),
            "no policy is named",
        ),
        // a group member who is not a user
        (
            json!({ "schemaVersion": 1, "users": users,
                    "groups": [{ "objectId": WEBINAR_HOSTS, "members": [MEGAN, ALEX] }] }),
            "groups[0].members[1]".to_string(),
            "no user has objectId",
        ),
    ];
    for (content, place, what) in cases {
        let message = assert_refused(content.to_string().as_bytes(), &place, |e| {
            matches!(e, StoreError::Dangling { .. })
        });
        assert!(message.contains(what), "{message}");
    }
}

#[test]
fn a_newer_schema_version_is_refused() {
    let content = json!({ "schemaVersion": CURRENT_SCHEMA_VERSION + 1, "users": "a new shape" });
    let message = assert_refused(content.to_string().as_bytes(), "schemaVersion 4", |e| {
        matches!(
            e,
            StoreError::NewerSchema {
                found: 4,
                supported: 3,
                ..
            }
        )
    });
    assert!(message.contains("newer aapsh"), "{message}");
}

#[test]
fn an_impossible_schema_version_is_refused() {
    for version in [json!(0), json!(-1), json!("1"), json!(1.5)] {
        let content = json!({ "schemaVersion": version });
        assert_refused(content.to_string().as_bytes(), "schemaVersion", |e| {
            matches!(e, StoreError::Invalid { .. })
        });
    }
}

#[test]
fn a_corrupt_file_written_by_someone_else_mid_session_is_not_overwritten() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    fs::write(&path, b"{ \"schemaVersion\": 1, ").unwrap();
    let err = commit(&mut store, vec![new_policy("X", &[])]).unwrap_err();
    assert!(matches!(err, StoreError::Syntax { .. }), "{err}");
    assert!(store.tenant().is_err());
    assert_eq!(fs::read(&path).unwrap(), b"{ \"schemaVersion\": 1, ");
}

#[test]
fn no_prefix_or_mutation_of_a_store_file_panics() {
    let full = fixture("unknown-keys.json");
    for end in 0..full.len() {
        let _ = Tenant::from_json_bytes(&full[..end]);
    }
    // Flip each byte to a few troublesome values.
    for i in 0..full.len() {
        for b in [b'"', b'}', b'1', b'n', 0xC3, 0xFF] {
            let mut mutated = full.clone();
            mutated[i] = b;
            let _ = Tenant::from_json_bytes(&mutated);
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = Tenant::from_json_bytes(&bytes);
        }

        #[test]
        fn arbitrary_json_never_panics(text in r#"\{"schemaVersion": ?1(, "(users|groups|policies|assignments|tenant)": (null|1|"x"|\[\]|\{\}|\[\{"objectId": ?"[a-z]{0,3}"\}\]|\{"users": ?\{"a": ?"b"\}\}))*\}"#) {
            let _ = Tenant::from_json_bytes(text.as_bytes());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The demo tenant and opening

#[test]
fn a_missing_file_gets_the_demo_tenant() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.path(), Some(path.as_path()));
    assert_eq!(
        fs::read(&path).unwrap(),
        demo_tenant().to_json_bytes().unwrap()
    );
    assert_eq!(*store.tenant().unwrap(), demo_tenant());
    // and the written file reads back as the demo
    assert_eq!(
        Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap(),
        demo_tenant()
    );
}

#[test]
fn a_missing_directory_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/store.json");
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NoDirectory { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&format!(
            "its directory '{}' does not exist",
            dir.path().join("nested/deeper").display()
        )),
        "{message}"
    );
    assert!(message.contains("Nothing was created"), "{message}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn a_store_that_is_a_symbolic_link_is_written_through_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("tenant.json");
    fs::write(&real, fixture("spec-example.json")).unwrap();
    // A relative link, and a link to that link.
    let link = dir.path().join("store.json");
    symlink("real/tenant.json", &link).unwrap();
    let chain = dir.path().join("chain.json");
    symlink(&link, &chain).unwrap();

    for (i, name) in [&link, &chain].into_iter().enumerate() {
        let mut store = Store::open(name).unwrap();
        commit(&mut store, vec![new_policy(&format!("Through{i}"), &[])]).unwrap();
        store.checkpoint().unwrap();
        drop(store);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            fs::symlink_metadata(&chain)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let saved = Tenant::from_json_bytes(&fs::read(&real).unwrap()).unwrap();
        assert!(saved.find_policy(&format!("Through{i}")).is_some(), "{i}");
    }
    // The journal, lock and temporary files live beside the real file, none beside the links.
    let mut beside_links: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    beside_links.sort();
    assert_eq!(beside_links, ["chain.json", "real", "store.json"]);

    // A dangling link: the demo tenant is created where it points, and the link stays.
    let dangling = dir.path().join("new.json");
    symlink("real/new-tenant.json", &dangling).unwrap();
    drop(Store::open(&dangling).unwrap());
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(real_dir.join("new-tenant.json")).unwrap(),
        demo_tenant().to_json_bytes().unwrap()
    );

    // A loop is an error, not a hang.
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let err = Store::open(&a).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
}

#[test]
fn temporary_files_left_by_a_crashed_checkpoint_are_removed_on_open() {
    let (dir, path) = store_file(&fixture("spec-example.json"));
    let stale = [
        ".store.json.4242.0badf00d.tmp",
        ".store.json.journal.17.deadbeef.tmp",
    ];
    // Files that are not ours, or not this store's, are left alone.
    let kept = [
        ".store.json.4242.tmp",
        ".store.json.x.0badf00d.tmp",
        ".other.json.4242.0badf00d.tmp",
        "store.json.4242.0badf00d.tmp",
        ".store.json.4242.0badf00d.tmp.bak",
        ".store.json.snapshots.1.0badf00d.tmp",
    ];
    for name in stale.iter().chain(&kept) {
        fs::write(dir.path().join(name), b"half a store").unwrap();
    }
    let store = Store::open(&path).unwrap();
    for name in stale {
        assert!(!dir.path().join(name).exists(), "{name} was removed");
    }
    for name in kept {
        assert!(dir.path().join(name).exists(), "{name} was kept");
    }
    drop(store);
}

#[test]
fn temporary_files_are_not_removed_while_another_session_holds_the_lock() {
    let (dir, path) = store_file(&fixture("spec-example.json"));
    let tmp = dir.path().join(".store.json.4242.0badf00d.tmp");
    fs::write(&tmp, b"being written").unwrap();
    // Another session in the middle of a write holds the lock file.
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path_for(&path))
        .unwrap();
    lock.lock().unwrap();
    drop(Store::open(&path).unwrap());
    assert!(tmp.exists());
    lock.unlock().unwrap();
    drop(Store::open(&path).unwrap());
    assert!(!tmp.exists());
}

#[test]
fn the_demo_tenant_is_contoso_with_the_documented_objects() {
    let demo = demo_tenant();
    assert_eq!(demo, demo_tenant(), "deterministic");
    assert_eq!(
        demo.tenant.tenant_id,
        "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58"
    );
    assert_eq!(demo.tenant.domain, "contoso.onmicrosoft.com");
    assert_eq!(demo.tenant.display_name, "Contoso");
    let megan = demo.user_by_id(MEGAN).unwrap();
    assert_eq!(megan.display_name, "Megan Bowen");
    assert_eq!(
        megan.user_principal_name,
        "megan.bowen@contoso.onmicrosoft.com"
    );
    assert!(demo.user_by_id(ALEX).is_some());
    let UserLookup::Found(admin) = demo.resolve_user("admin@contoso.onmicrosoft.com") else {
        panic!("no admin");
    };
    assert_eq!(admin.display_name, "MOD Administrator");
    assert!(demo.users.len() >= 7);
    let group = demo.find_group(WEBINAR_HOSTS).unwrap();
    assert_eq!(group.display_name, "Webinar Hosts");
    assert!((2..=3).contains(&group.members.len()));
    let app = demo.find_application(SCHEDULING_APP).unwrap();
    assert_eq!(app.display_name, "Scheduling service");
    assert_eq!(app.permissions, ["OnlineMeetings.ReadWrite.All"]);
    assert!(demo.applications.len() >= 2);
    assert_eq!(demo.policies.len(), 1);
    assert!(demo.policies[0].is_global());
    assert!(demo.policies[0].app_ids.is_empty() && demo.policies[0].description.is_empty());
    assert!(demo.assignments.users.is_empty() && demo.assignments.groups.is_empty());
    assert_eq!(demo.assignments.tenant, None);
    // It passes every check a file gets.
    let bytes = demo.to_json_bytes().unwrap();
    assert_eq!(Tenant::from_json_bytes(&bytes).unwrap(), demo);
}

#[test]
fn the_default_store_path_is_store_json_in_the_data_dir() {
    if let Some(path) = default_store_path() {
        assert_eq!(path.file_name().unwrap(), "store.json");
        assert!(path.parent().unwrap().to_string_lossy().contains("aapsh"));
    }
}

// ---------------------------------------------------------------------------------------------
// transact, refresh and concurrency

#[test]
fn transact_saves_before_returning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    let mut first = Store::open(&path).unwrap();
    let answer = first
        .transact(|tenant| {
            assert!(tenant.find_policy("Test").is_none());
            Ok::<_, Infallible>((
                42,
                vec![
                    new_policy("Test", &[SCHEDULING_APP]),
                    grant_user(MEGAN, Some("test")),
                ],
            ))
        })
        .unwrap()
        .unwrap();
    assert_eq!(answer, 42);

    let mut second = Store::open(&path).unwrap();
    let tenant = second.tenant().unwrap();
    assert_eq!(
        tenant.find_policy("Test").unwrap().app_ids,
        [SCHEDULING_APP]
    );
    assert_eq!(tenant.user_policy(MEGAN), Some("Test"));
    // No temp files are left behind.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_failing_transaction_writes_nothing() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    let outcome = store
        .transact(|_| Err::<((), Vec<Change>), _>("the cmdlet failed"))
        .unwrap();
    assert_eq!(outcome, Err("the cmdlet failed"));
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
}

#[test]
fn a_transaction_without_changes_leaves_a_hand_written_file_alone() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(Vec::new()).unwrap();
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
}

#[test]
fn a_refused_change_writes_nothing_and_keeps_the_state() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    let before = store.tenant().unwrap().clone();
    // The first change is fine, the second is not: neither may be applied.
    let err = commit(
        &mut store,
        vec![new_policy("Fine", &[]), grant_user(MEGAN, Some("Missing"))],
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    assert_eq!(*store.tenant().unwrap(), before);
}

#[test]
fn tenant_sees_what_another_store_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    let mut reader = Store::open(&path).unwrap();
    let mut writer = Store::open(&path).unwrap();
    assert!(reader.tenant().unwrap().find_policy("Seen").is_none());
    commit(&mut writer, vec![new_policy("Seen", &[])]).unwrap();
    assert!(reader.tenant().unwrap().find_policy("Seen").is_some());
}

#[test]
fn transact_rereads_a_file_another_store_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    a.tenant().unwrap();
    b.tenant().unwrap();
    commit(&mut a, vec![new_policy("FromA", &[])]).unwrap();
    // b's cached state is stale; its transaction must see FromA and keep it.
    let saw = b
        .transact(|t| {
            Ok::<_, Infallible>((
                t.find_policy("FromA").is_some(),
                vec![new_policy("FromB", &[])],
            ))
        })
        .unwrap()
        .unwrap();
    assert!(saw);
    let tenant = saved(&path);
    assert!(tenant.find_policy("FromA").is_some() && tenant.find_policy("FromB").is_some());
}

#[test]
fn a_file_deleted_mid_session_comes_back_as_the_demo() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    assert_eq!(*store.tenant().unwrap(), demo_tenant());
    assert!(path.exists());
}

#[test]
fn two_threads_with_their_own_stores_lose_no_change() {
    const PER_THREAD: usize = 200;
    let users: Vec<Value> = (0..2 * PER_THREAD)
        .map(|i| {
            json!({ "objectId": format!("00000000-0000-4000-8000-{i:012}"),
                         "userPrincipalName": format!("user{i}@contoso.com") })
        })
        .collect();
    let content = json!({ "schemaVersion": 1, "users": users,
                          "policies": [{ "identity": "Tag:Left" }, { "identity": "Tag:Right" }] });
    let (_dir, path) = store_file(content.to_string().as_bytes());

    let workers: Vec<_> = [(0, "Left"), (PER_THREAD, "Right")]
        .into_iter()
        .map(|(first, policy)| {
            let path = path.clone();
            thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                store.set_lock_timeout(Duration::from_secs(120));
                for i in first..first + PER_THREAD {
                    let user = format!("00000000-0000-4000-8000-{i:012}");
                    store
                        .transact(|t| {
                            assert!(t.user_policy(&user).is_none());
                            Ok::<_, Infallible>(((), vec![grant_user(&user, Some(policy))]))
                        })
                        .unwrap()
                        .unwrap();
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }

    let tenant = saved(&path);
    assert_eq!(tenant.assignments.users.len(), 2 * PER_THREAD);
    for i in 0..2 * PER_THREAD {
        let expected = if i < PER_THREAD { "Left" } else { "Right" };
        let user = format!("00000000-0000-4000-8000-{i:012}");
        assert_eq!(tenant.user_policy(&user), Some(expected), "user {i}");
    }
}

#[test]
fn a_held_lock_gives_an_error_not_a_hang() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.set_lock_timeout(Duration::from_millis(200));
    let lock_path = lock_path_for(&path);
    assert_eq!(store.lock_path(), Some(lock_path.clone()));
    assert_eq!(lock_path.file_name().unwrap(), "store.json.lock");

    let held = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap();
    held.lock().unwrap();
    let err = commit(&mut store, vec![new_policy("Blocked", &[])]).unwrap_err();
    assert!(matches!(err, StoreError::LockTimeout { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("store.json.lock") && message.contains("Another aapsh session"),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    // Reading needs no lock.
    assert!(store.tenant().unwrap().find_policy("Blocked").is_none());

    held.unlock().unwrap();
    commit(&mut store, vec![new_policy("Blocked", &[])]).unwrap();
    assert!(store.tenant().unwrap().find_policy("Blocked").is_some());
}

#[test]
fn a_read_only_store_file_is_refused_and_left_intact() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();

    let err = commit(&mut store, vec![new_policy("X", &[])]).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()));
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    assert!(store.tenant().unwrap().find_policy("X").is_none());
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_gives_a_clear_error_and_leaves_the_file_intact() {
    use std::os::unix::fs::PermissionsExt;

    let (dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();

    // Root (and some sandboxes) can write into a read-only directory anyway: detect it.
    let probe = dir.path().join("probe");
    if fs::write(&probe, b"").is_ok() {
        let _ = fs::remove_file(&probe);
        restore();
        eprintln!(
            "note: the read-only directory is still writable here (running as root?); the \
             read-only case is covered by a_read_only_store_file_is_refused_and_left_intact"
        );
        return;
    }

    let result = commit(&mut store, vec![new_policy("X", &[])]);
    restore();
    let err = result.unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("writable"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    assert!(store.tenant().unwrap().find_policy("X").is_none());
}

#[test]
fn an_in_memory_store_changes_without_a_file() {
    let mut store = Store::in_memory(demo_tenant());
    assert!(store.path().is_none() && store.lock_path().is_none());
    commit(&mut store, vec![new_policy("Mem", &[])]).unwrap();
    assert!(store.tenant().unwrap().find_policy("Mem").is_some());
}

// ---------------------------------------------------------------------------------------------
// Change rules

fn demo_with(changes: Vec<Change>) -> Tenant {
    let mut tenant = demo_tenant();
    for change in &changes {
        tenant.apply(change).unwrap();
    }
    tenant
}

#[test]
fn new_policy_is_tagged_and_keeps_its_case() {
    let tenant = demo_with(vec![new_policy("Test-Policy", &[SCHEDULING_APP])]);
    let policy = &tenant.policies[1];
    assert_eq!(policy.identity, "Tag:Test-Policy");
    assert_eq!(policy.name(), "Test-Policy");
    assert!(!policy.is_global());
    // a tolerated Tag: prefix is not doubled
    let tenant = demo_with(vec![new_policy("tag:Other", &[])]);
    assert_eq!(tenant.policies[1].identity, "Tag:Other");
}

#[test]
fn new_policy_refuses_a_taken_name() {
    let mut tenant = demo_with(vec![new_policy("Test", &[])]);
    for name in ["TEST", "Global", "global"] {
        let err = tenant.apply(&new_policy(name, &[])).unwrap_err();
        assert!(matches!(err, StoreError::Conflict { .. }), "{name}: {err}");
    }
    assert!(tenant.apply(&new_policy("", &[])).is_err());
    assert_eq!(tenant.policies.len(), 2);
}

#[test]
fn set_policy_replaces_only_the_given_fields() {
    let mut tenant = demo_with(vec![Change::NewPolicy {
        name: "P".into(),
        app_ids: vec!["a".into()],
        description: "old".into(),
    }]);
    tenant
        .apply(&Change::SetPolicy {
            identity: "tag:p".into(),
            app_ids: None,
            description: Some("new".into()),
        })
        .unwrap();
    assert_eq!(tenant.policies[1].app_ids, ["a"]);
    assert_eq!(tenant.policies[1].description, "new");
    tenant
        .apply(&Change::SetPolicy {
            identity: "P".into(),
            app_ids: Some(vec!["b".into(), "c".into()]),
            description: None,
        })
        .unwrap();
    assert_eq!(tenant.policies[1].app_ids, ["b", "c"]);
    assert_eq!(tenant.policies[1].description, "new");
    let err = tenant
        .apply(&Change::SetPolicy {
            identity: "Missing".into(),
            app_ids: None,
            description: None,
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
}

#[test]
fn removing_global_resets_it() {
    let mut tenant = demo_tenant();
    tenant
        .apply(&Change::SetPolicy {
            identity: "Global".into(),
            app_ids: Some(vec![SCHEDULING_APP.into()]),
            description: Some("d".into()),
        })
        .unwrap();
    tenant
        .apply(&Change::RemovePolicy {
            identity: "global".into(),
        })
        .unwrap();
    assert_eq!(tenant.policies.len(), 1);
    assert!(tenant.policies[0].is_global());
    assert!(tenant.policies[0].app_ids.is_empty() && tenant.policies[0].description.is_empty());
}

#[test]
fn removing_a_policy_still_in_use_is_refused() {
    let mut tenant = demo_with(vec![
        new_policy("Used", &[]),
        grant_user(MEGAN, Some("Used")),
        grant_group(WEBINAR_HOSTS, Some("Used"), None),
        grant_tenant(Some("used")),
    ]);
    assert_eq!(
        tenant.policy_references("Tag:Used"),
        [
            PolicyReference::User(MEGAN.into()),
            PolicyReference::Group(WEBINAR_HOSTS.into()),
            PolicyReference::Tenant
        ]
    );
    let err = tenant
        .apply(&Change::RemovePolicy {
            identity: "Tag:Used".into(),
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
    assert!(err.to_string().contains(MEGAN), "{err}");
    assert!(tenant.find_policy("Used").is_some());

    for change in [
        grant_user(MEGAN, None),
        grant_group(WEBINAR_HOSTS, None, None),
        grant_tenant(None),
    ] {
        tenant.apply(&change).unwrap();
    }
    tenant
        .apply(&Change::RemovePolicy {
            identity: "used".into(),
        })
        .unwrap();
    assert!(tenant.find_policy("Used").is_none());
    assert!(
        tenant
            .apply(&Change::RemovePolicy {
                identity: "Used".into()
            })
            .is_err()
    );
}

#[test]
fn grant_user_replaces_unassigns_and_uses_the_canonical_name() {
    let mut tenant = demo_with(vec![new_policy("First", &[]), new_policy("Second", &[])]);
    tenant.apply(&grant_user(MEGAN, Some("FIRST"))).unwrap();
    tenant.apply(&grant_user(ALEX, Some("tag:second"))).unwrap();
    assert_eq!(tenant.user_policy(MEGAN), Some("First"));
    tenant
        .apply(&grant_user(&MEGAN.to_uppercase(), Some("second")))
        .unwrap();
    assert_eq!(tenant.user_policy(MEGAN), Some("Second"));
    assert_eq!(tenant.assignments.users.len(), 2, "one policy per user");
    assert_eq!(
        tenant.assignments.users.keys().next().map(String::as_str),
        Some(MEGAN)
    );
    tenant.apply(&grant_user(MEGAN, None)).unwrap();
    assert_eq!(tenant.user_policy(MEGAN), None);
    tenant.apply(&grant_user(MEGAN, None)).unwrap(); // unassigning twice is harmless
    assert!(
        tenant
            .apply(&grant_user("no-such-user", Some("First")))
            .is_err()
    );
    assert!(tenant.apply(&grant_user(MEGAN, Some("Missing"))).is_err());
}

#[test]
fn grant_tenant_sets_and_clears() {
    let mut tenant = demo_with(vec![new_policy("Wide", &[])]);
    tenant.apply(&grant_tenant(Some("WIDE"))).unwrap();
    assert_eq!(tenant.assignments.tenant.as_deref(), Some("Wide"));
    tenant.apply(&grant_tenant(None)).unwrap();
    assert_eq!(tenant.assignments.tenant, None);
    assert!(tenant.apply(&grant_tenant(Some("Missing"))).is_err());
}

/// A tenant with three groups (G1, G2, G3) and Megan in all of them.
fn three_groups() -> Tenant {
    let mut tenant = demo_with(vec![
        new_policy("P1", &["app-1"]),
        new_policy("P2", &["app-2"]),
        new_policy("P3", &["app-3"]),
    ]);
    for (i, id) in ["g1", "g2", "g3"].into_iter().enumerate() {
        tenant.groups.push(aapsh::store::Group {
            object_id: id.into(),
            display_name: format!("Group {}", i + 1),
            members: vec![MEGAN.into()],
            extra: ExtraKeys::new(),
        });
    }
    tenant
}

fn ranks(tenant: &Tenant) -> Vec<(String, i64)> {
    tenant
        .assignments
        .groups
        .iter()
        .map(|g| (g.group_id.clone(), g.rank))
        .collect()
}

#[test]
fn grant_group_ranks() {
    let mut tenant = three_groups();
    tenant.apply(&grant_group("g1", Some("p1"), None)).unwrap();
    tenant.apply(&grant_group("G2", Some("P2"), None)).unwrap();
    assert_eq!(
        ranks(&tenant),
        [("g1".into(), 1), ("g2".into(), 2)],
        "next free rank"
    );
    assert_eq!(tenant.assignments.groups[0].policy_name, "P1");

    // A taken rank inserts there and moves the others down.
    tenant
        .apply(&grant_group("g3", Some("P3"), Some(1)))
        .unwrap();
    assert_eq!(
        ranks(&tenant),
        [("g3".into(), 1), ("g1".into(), 2), ("g2".into(), 3)]
    );

    // Re-granting a group replaces its assignment.
    tenant
        .apply(&grant_group("g1", Some("P2"), Some(10)))
        .unwrap();
    assert_eq!(
        ranks(&tenant),
        [("g3".into(), 1), ("g2".into(), 3), ("g1".into(), 10)]
    );
    assert_eq!(tenant.group_assignment("g1").unwrap().policy_name, "P2");

    // None removes that group's assignment only.
    tenant.apply(&grant_group("g3", None, None)).unwrap();
    assert_eq!(ranks(&tenant), [("g2".into(), 3), ("g1".into(), 10)]);

    assert!(
        tenant
            .apply(&grant_group("g1", Some("P1"), Some(0)))
            .is_err()
    );
    assert!(
        tenant
            .apply(&grant_group("nope", Some("P1"), None))
            .is_err()
    );
    assert!(
        tenant
            .apply(&grant_group("g1", Some("Missing"), None))
            .is_err()
    );
}

#[test]
fn changes_serialize_for_a_journal() {
    let changes = vec![
        new_policy("P", &[SCHEDULING_APP]),
        Change::SetPolicy {
            identity: "P".into(),
            app_ids: None,
            description: Some("d".into()),
        },
        Change::RemovePolicy {
            identity: "P".into(),
        },
        grant_user(MEGAN, None),
        grant_group(WEBINAR_HOSTS, Some("P"), Some(2)),
        grant_tenant(Some("P")),
    ];
    let text = serde_json::to_string(&changes).unwrap();
    let back: Vec<Change> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, changes);
}

// ---------------------------------------------------------------------------------------------
// Lookups

#[test]
fn resolve_user_by_every_identity() {
    let demo = demo_tenant();
    let found = |identity: &str| match demo.resolve_user(identity) {
        UserLookup::Found(user) => Some(user.object_id.clone()),
        _ => None,
    };
    for identity in [
        MEGAN,
        &MEGAN.to_uppercase(),
        "megan.bowen@contoso.onmicrosoft.com",
        "MEGAN.BOWEN@Contoso.OnMicrosoft.com",
        "sip:megan.bowen@contoso.onmicrosoft.com",
        "SIP:Megan.Bowen@contoso.onmicrosoft.com",
        "megan bowen",
    ] {
        assert_eq!(found(identity).as_deref(), Some(MEGAN), "{identity}");
    }
    assert!(matches!(demo.resolve_user("Nobody"), UserLookup::NotFound));
    assert!(matches!(demo.resolve_user(""), UserLookup::NotFound));
    assert!(matches!(demo.resolve_user("é"), UserLookup::NotFound));
}

#[test]
fn resolve_user_by_sip_without_the_prefix_and_ambiguous_names() {
    let mut tenant = demo_tenant();
    let user = |id: &str, upn: &str, sip: &str| User {
        object_id: id.into(),
        user_principal_name: upn.into(),
        display_name: "Sam Twin".into(),
        sip_address: sip.into(),
        extra: ExtraKeys::new(),
    };
    tenant
        .users
        .push(user("twin-1", "sam1@contoso.com", "sip:sam@fabrikam.com"));
    tenant
        .users
        .push(user("twin-2", "sam2@contoso.com", "sip:sam2@fabrikam.com"));
    assert!(
        matches!(tenant.resolve_user("sam@fabrikam.com"), UserLookup::Found(u) if u.object_id == "twin-1")
    );
    match tenant.resolve_user("sam twin") {
        UserLookup::Ambiguous(users) => assert_eq!(users.len(), 2),
        other => panic!("expected ambiguous, got {other:?}"),
    }
}

#[test]
fn find_group_by_id_or_unique_name() {
    let mut tenant = demo_tenant();
    assert_eq!(
        tenant.find_group("webinar hosts").unwrap().object_id,
        WEBINAR_HOSTS
    );
    assert_eq!(
        tenant
            .find_group(&WEBINAR_HOSTS.to_uppercase())
            .unwrap()
            .object_id,
        WEBINAR_HOSTS
    );
    assert!(tenant.find_group("Nope").is_none());
    tenant.groups.push(aapsh::store::Group {
        object_id: "other".into(),
        display_name: "Webinar Hosts".into(),
        members: vec![],
        extra: ExtraKeys::new(),
    });
    assert!(tenant.find_group("Webinar Hosts").is_none());
    assert!(
        matches!(tenant.resolve_group("Webinar Hosts"), GroupLookup::Ambiguous(g) if g.len() == 2)
    );
    assert!(tenant.find_group(WEBINAR_HOSTS).is_some());
}

// ---------------------------------------------------------------------------------------------
// Effective policy: direct > group (lowest rank) > tenant grant > Global

fn effective(tenant: &Tenant, user: &str) -> (Option<String>, PolicySource) {
    let EffectivePolicy {
        policy,
        source,
        reason,
    } = tenant.effective_policy(user);
    assert!(!reason.is_empty());
    (policy.map(|p| p.name().to_string()), source)
}

#[test]
fn with_nothing_granted_the_global_policy_applies() {
    let tenant = three_groups();
    assert_eq!(
        effective(&tenant, MEGAN),
        (Some("Global".into()), PolicySource::Global)
    );
}

#[test]
fn a_tenant_grant_beats_global() {
    let mut tenant = three_groups();
    tenant.apply(&grant_tenant(Some("P3"))).unwrap();
    assert_eq!(
        effective(&tenant, MEGAN),
        (Some("P3".into()), PolicySource::Tenant)
    );
    assert!(tenant.app_may_act_for("app-3", MEGAN));
    assert!(!tenant.app_may_act_for("app-1", MEGAN));
}

#[test]
fn a_group_grant_beats_the_tenant_grant_and_the_lowest_rank_wins() {
    let mut tenant = three_groups();
    tenant.apply(&grant_tenant(Some("P3"))).unwrap();
    tenant
        .apply(&grant_group("g2", Some("P2"), Some(5)))
        .unwrap();
    assert_eq!(
        effective(&tenant, MEGAN),
        (
            Some("P2".into()),
            PolicySource::Group {
                group_id: "g2".into(),
                rank: 5
            }
        )
    );
    tenant
        .apply(&grant_group("g1", Some("P1"), Some(2)))
        .unwrap();
    assert_eq!(
        effective(&tenant, MEGAN),
        (
            Some("P1".into()),
            PolicySource::Group {
                group_id: "g1".into(),
                rank: 2
            }
        )
    );
    assert!(tenant.effective_policy(MEGAN).reason.contains("Group 1"));
}

#[test]
fn a_group_grant_only_applies_to_members() {
    let mut tenant = three_groups();
    tenant.apply(&grant_tenant(Some("P3"))).unwrap();
    tenant
        .apply(&grant_group("g1", Some("P1"), Some(1)))
        .unwrap();
    assert_eq!(
        effective(&tenant, ALEX),
        (Some("P3".into()), PolicySource::Tenant)
    );
}

#[test]
fn a_direct_grant_beats_everything() {
    let mut tenant = three_groups();
    tenant.apply(&grant_tenant(Some("P3"))).unwrap();
    tenant
        .apply(&grant_group("g1", Some("P1"), Some(1)))
        .unwrap();
    tenant.apply(&grant_user(MEGAN, Some("P2"))).unwrap();
    assert_eq!(
        effective(&tenant, MEGAN),
        (Some("P2".into()), PolicySource::Direct)
    );
    assert!(
        tenant.app_may_act_for("APP-2", MEGAN),
        "appIds compare case-insensitively"
    );
    assert!(!tenant.app_may_act_for("app-1", MEGAN));
    // Unassigning falls back to the group.
    tenant.apply(&grant_user(MEGAN, None)).unwrap();
    assert!(matches!(
        effective(&tenant, MEGAN).1,
        PolicySource::Group { .. }
    ));
}

#[test]
fn equal_ranks_in_a_hand_written_file_go_to_the_earlier_entry() {
    let mut tenant = three_groups();
    tenant.assignments.groups = vec![
        GroupAssignment {
            group_id: "g2".into(),
            policy_name: "P2".into(),
            rank: 1,
            extra: ExtraKeys::new(),
        },
        GroupAssignment {
            group_id: "g1".into(),
            policy_name: "P1".into(),
            rank: 1,
            extra: ExtraKeys::new(),
        },
    ];
    assert_eq!(effective(&tenant, MEGAN).0.as_deref(), Some("P2"));
}

// ---------------------------------------------------------------------------------------------
// Atomic saves: readers and crashes never see a half-written file

#[test]
fn a_reader_never_sees_a_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    Store::open(&path).unwrap();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));

    let writer = {
        let (path, done) = (path.clone(), done.clone());
        thread::spawn(move || {
            let mut store = Store::open(&path).unwrap();
            for i in 0..100 {
                let policy = if i % 2 == 0 { Some("Global") } else { None };
                commit(&mut store, vec![grant_user(MEGAN, policy)]).unwrap();
                // Fold every time, so the file is replaced a hundred times under the reader.
                store.checkpoint().unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        })
    };
    let mut reads = 0;
    while !done.load(std::sync::atomic::Ordering::SeqCst) {
        let bytes = fs::read(&path).unwrap();
        if let Err(e) = Tenant::from_json_bytes(&bytes) {
            panic!("read a half-written store after {reads} reads: {e}");
        }
        reads += 1;
    }
    writer.join().unwrap();
}

// ---------------------------------------------------------------------------------------------
// Migration: a version-1 file in the spellings older builds and hand edits used

/// `value` with every string and key lower-cased and a `tag:` prefix dropped: the spellings the
/// reader makes canonical, so "nothing was lost" can be checked without caring about them.
fn folded(value: &Value) -> Value {
    match value {
        Value::String(s) => {
            let lower = s.to_lowercase();
            Value::String(lower.strip_prefix("tag:").unwrap_or(&lower).to_string())
        }
        Value::Array(items) => Value::Array(items.iter().map(folded).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.to_lowercase(), folded(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every key and value of `old` is in `new` (which may hold more).
fn assert_kept(old: &Value, new: &Value, place: &str) {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in old {
                let Some(kept) = new.get(key) else {
                    panic!("{place}.{key} was lost");
                };
                assert_kept(value, kept, &format!("{place}.{key}"));
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            assert_eq!(old.len(), new.len(), "{place}");
            for (i, (o, n)) in old.iter().zip(new).enumerate() {
                assert_kept(o, n, &format!("{place}[{i}]"));
            }
        }
        (old, new) => assert_eq!(old, new, "{place}"),
    }
}

#[test]
fn a_version_1_file_from_an_older_build_is_upgraded_when_next_written_and_keeps_every_field() {
    let original = fixture("v1-older-build.json");
    let (_dir, path) = store_file(&original);
    const ANA: &str = "6F1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8";
    const BO: &str = "b0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
    const CY: &str = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f";

    // Reading it changes nothing on disk, and every legacy spelling means what it meant.
    let mut store = Store::open(&path).unwrap();
    let tenant = store.tenant().unwrap();
    assert_eq!(
        tenant
            .policies
            .iter()
            .map(|p| p.identity.as_str())
            .collect::<Vec<_>>(),
        ["Global", "Tag:Sales-bots", "Tag:Meeting-apps"]
    );
    assert_eq!(tenant.user_policy(ANA), Some("Sales-bots"));
    assert_eq!(tenant.user_policy(&ANA.to_lowercase()), Some("Sales-bots"));
    assert_eq!(tenant.user_policy(BO), Some("Meeting-apps"));
    assert_eq!(
        effective(tenant, CY),
        (
            Some("Meeting-apps".to_string()),
            PolicySource::Group {
                group_id: "5A1E5000-0000-4000-8000-000000000001".to_string(),
                rank: 1
            }
        )
    );
    assert_eq!(tenant.assignments.tenant.as_deref(), Some("Sales-bots"));
    assert_eq!(
        tenant.user_by_id(CY).unwrap().sip_address,
        "sip:cy.okafor@fabrikam.onmicrosoft.com"
    );
    drop(store);
    assert_eq!(fs::read(&path).unwrap(), original);

    // The next write upgrades it to today's spelling: exactly the reviewed golden file.
    let mut store = Store::open(&path).unwrap();
    commit(&mut store, vec![grant_user(CY, Some("sales-bots"))]).unwrap();
    store.checkpoint().unwrap();
    drop(store);
    let upgraded = fs::read(&path).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store/v1-older-build.upgraded.json");
    if std::env::var_os("AAPSH_BLESS").is_some() {
        fs::write(&golden, &upgraded).unwrap();
    }
    assert_eq!(
        String::from_utf8(upgraded.clone()).unwrap(),
        fs::read_to_string(&golden).unwrap(),
        "the upgraded file differs from {} (AAPSH_BLESS=1 rewrites it; review the diff)",
        golden.display()
    );

    // Nothing of the old file was lost, unknown keys included (spellings aside): every value is
    // where the old file had it, or, for the two sections version 2 keys by policy type, under
    // `ApplicationAccessPolicy`.
    let old: Value = serde_json::from_slice(&original).unwrap();
    let new: Value = serde_json::from_slice(&upgraded).unwrap();
    let mut moved = old.clone();
    for section in ["policies", "assignments"] {
        let value = moved[section].take();
        moved[section] = json!({ "ApplicationAccessPolicy": value });
    }
    moved["schemaVersion"] = json!(CURRENT_SCHEMA_VERSION);
    assert_kept(&folded(&moved), &folded(&new), "the file");
    assert_eq!(new["schemaVersion"], json!(CURRENT_SCHEMA_VERSION));
    let policies = &new["policies"]["ApplicationAccessPolicy"];
    let grants = &new["assignments"]["ApplicationAccessPolicy"];
    assert_eq!(policies[1]["identity"], json!("Tag:Sales-bots"));
    assert_eq!(grants["users"][ANA], json!("Sales-bots"));
    assert_eq!(grants["users"][CY], json!("Sales-bots"));
    assert_eq!(grants["groups"][0]["policyName"], json!("Meeting-apps"));
    // Every Teams policy type the build knows is there, with its Global instance.
    for ty in aapsh::store::catalog::POLICY_TYPES {
        assert_eq!(
            new["policies"][ty.name][0]["identity"],
            json!("Global"),
            "{}",
            ty.name
        );
        assert_eq!(
            new["assignments"][ty.name]["users"],
            json!({}),
            "{}",
            ty.name
        );
    }

    // And the upgraded file reads back as the same tenant.
    let again = Tenant::from_json_bytes(&upgraded).unwrap();
    assert_eq!(again.to_json_bytes().unwrap(), upgraded);
}

#[test]
fn the_streaming_reader_and_the_general_reader_agree() {
    // Files whose first key is "schemaVersion": 1 are streamed; any other order takes the
    // general path. Both must give the same tenant, or the same error.
    let mut documents: Vec<Value> = [
        "spec-example.json",
        "unknown-keys.json",
        "v1-older-build.json",
    ]
    .iter()
    .map(|name| serde_json::from_slice(&fixture(name)).unwrap())
    .collect();
    let broken = [
        json!({ "schemaVersion": 1, "users": 3 }),
        json!({ "schemaVersion": 1, "users": [{ "objectId": 5, "userPrincipalName": "a@b" }] }),
        json!({ "schemaVersion": 1, "users": null, "groups": {} }),
        json!({ "schemaVersion": 1, "tenant": [] }),
        json!({ "schemaVersion": 1, "policies": [{ "identity": "x:y" }] }),
        json!({ "schemaVersion": 1, "assignments": [] }),
        json!({ "schemaVersion": 1, "assignments": { "users": [] } }),
        json!({ "schemaVersion": 1, "assignments": { "users": { "u": 1 } } }),
        json!({ "schemaVersion": 1, "assignments": { "tenant": 4, "groups": 1 } }),
        json!({ "schemaVersion": 1, "assignments": { "groups": [{ "groupId": "g", "policyName": "Global", "rank": 0 }] } }),
        json!({ "schemaVersion": 1, "applications": [{ "appId": "" }] }),
        json!({ "schemaVersion": 1, "users": [{ "objectId": "a", "userPrincipalName": "x" }, { "objectId": "A", "userPrincipalName": "y" }] }),
        json!({ "schemaVersion": 1, "assignments": { "users": { "nobody": "Global" } } }),
    ];
    documents.extend(broken);
    for doc in documents {
        let streamed = Tenant::from_json_bytes(doc.to_string().as_bytes());
        let mut reordered = doc.as_object().unwrap().clone();
        let version = reordered.shift_remove("schemaVersion").unwrap();
        reordered.insert("schemaVersion".to_string(), version);
        let general = Tenant::from_json_bytes(Value::Object(reordered).to_string().as_bytes());
        match (streamed, general) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{doc}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{doc}"),
            (a, b) => panic!("{doc}: streamed {a:?}, general {b:?}"),
        }
    }
}
