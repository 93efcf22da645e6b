//! The project's `emulator` section of a store file: it round-trips with keys it does not know,
//! a bad one is refused with its place, and directory changes keep lookups right.

use aapsh::store::{Change, ExtraKeys, Tenant, UserLookup, demo_tenant};

fn with_section(section: &str) -> Vec<u8> {
    format!(r#"{{ "schemaVersion": 1, "users": [], "emulator": {section}, "later": 1 }}"#)
        .into_bytes()
}

#[test]
fn the_section_round_trips_with_unknown_keys() {
    let bytes = with_section(
        r#"{ "propagationDelaySeconds": 1800, "graphErrorStyle": "modern", "fromTheFuture": [1, 2] }"#,
    );
    let tenant = Tenant::from_json_bytes(&bytes).unwrap();
    let state = tenant.emulator();
    assert_eq!(state.propagation_delay_seconds, 1800);
    assert_eq!(state.graph_error_style.name(), "Modern");
    let written = String::from_utf8(tenant.to_json_bytes().unwrap()).unwrap();
    assert!(written.contains("\"fromTheFuture\""), "{written}");
    assert!(written.contains("\"later\": 1"), "{written}");
    let again = Tenant::from_json_bytes(written.as_bytes()).unwrap();
    assert_eq!(again, tenant);
}

#[test]
fn a_bad_section_is_refused_with_its_place() {
    let err = Tenant::from_json_bytes(&with_section(r#"{ "propagationDelaySeconds": -5 }"#))
        .unwrap_err()
        .to_string();
    assert!(err.contains("emulator"), "{err}");
    let err = Tenant::from_json_bytes(&with_section(
        r#"{ "propagationDelaySeconds": 60, "pendingAccessChanges": [ { "at": "soon", "command": "x", "before": {} } ] }"#,
    ))
    .unwrap_err()
    .to_string();
    assert!(err.contains("pendingAccessChanges[0].at"), "{err}");
}

#[test]
fn an_empty_section_is_not_written_and_delay_zero_forgets_pending_changes() {
    let mut tenant = demo_tenant();
    let plain = tenant.to_json_bytes().unwrap();
    tenant
        .apply(&Change::SetPropagationDelay { seconds: 60 })
        .unwrap();
    tenant
        .apply(&Change::RecordAccessChange {
            at: "2026-11-26T09:00:00Z".into(),
            command: "Grant-CsApplicationAccessPolicy".into(),
        })
        .unwrap();
    assert_eq!(tenant.emulator().pending_access_changes.len(), 1);
    tenant
        .apply(&Change::SetPropagationDelay { seconds: 0 })
        .unwrap();
    assert_eq!(tenant.to_json_bytes().unwrap(), plain);
}

#[test]
fn users_removed_and_added_are_found_by_the_lookups() {
    let mut tenant = demo_tenant();
    let megan = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
    tenant
        .apply_all(&[
            Change::RemoveUser {
                user_id: megan.into(),
            },
            Change::NewUser {
                object_id: "11111111-2222-4333-8444-555555555555".into(),
                user_principal_name: "rene@contoso.onmicrosoft.com".into(),
                display_name: "Rene".into(),
                properties: ExtraKeys::new(),
            },
        ])
        .unwrap();
    assert!(matches!(
        tenant.resolve_user("rene@contoso.onmicrosoft.com"),
        UserLookup::Found(_)
    ));
    assert!(matches!(tenant.resolve_user(megan), UserLookup::NotFound));
    assert!(
        tenant
            .groups
            .iter()
            .all(|g| !g.members.iter().any(|m| m == megan))
    );
    // A refused change undoes the ones before it, users and index included.
    let before = tenant.clone();
    let err = tenant.apply_all(&[
        Change::RemoveUser {
            user_id: "11111111-2222-4333-8444-555555555555".into(),
        },
        Change::AddGroupMember {
            group_id: "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69".into(),
            user_id: "11111111-2222-4333-8444-555555555555".into(),
        },
    ]);
    assert!(err.is_err());
    assert_eq!(tenant, before);
    assert!(matches!(
        tenant.resolve_user("rene@contoso.onmicrosoft.com"),
        UserLookup::Found(_)
    ));
}
