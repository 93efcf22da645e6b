//! Teams acceptance checks on the store contract (docs/store-format.md) and the lookups
//! the Teams cmdlets share: what the real binary writes after the documented workflow, users by
//! alias, groups by mail.

use std::fs;
use std::process::Command;

use aapsh::store::{GroupLookup, Tenant, UserLookup};
use serde_json::{Value, json};

const MEGAN: &str = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
const WEBINAR_HOSTS: &str = "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69";
const APP: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";

fn aapsh(store: &std::path::Path, command: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", store.parent().unwrap())
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .args(["-NonInteractive", "-Color", "never", "-Connected", "-Store"])
        .arg(store)
        .args(["-Command", command])
        .output()
        .expect("run aapsh")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The file after the documented workflow has exactly the documented shape: key names, types,
/// `assignments.users` keyed by object id with bare names, group grants `{groupId, policyName,
/// rank}` (plus the project's own stamps), `assignments.tenant` a bare name or null.
#[test]
fn the_written_file_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.json");
    let out = aapsh(
        &store,
        &format!(
            "New-CsApplicationAccessPolicy -Identity Test-policy -AppIds '{APP}' -Description 'description here' | Out-Null; \
             Grant-CsApplicationAccessPolicy -PolicyName tag:TEST-POLICY -Identity megan.bowen@contoso.onmicrosoft.com; \
             Grant-CsApplicationAccessPolicy -PolicyName Test-policy -Group 'Webinar Hosts' -Rank 1; \
             Grant-CsApplicationAccessPolicy -PolicyName Test-policy -Global"
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&fs::read(&store).unwrap()).unwrap();
    assert_eq!(
        keys(&doc),
        [
            "schemaVersion",
            "tenant",
            "users",
            "groups",
            "applications",
            "policies",
            "assignments",
            "configurations",
            "exchange"
        ]
    );
    assert_eq!(doc["schemaVersion"], json!(3));
    assert_eq!(keys(&doc["tenant"]), ["tenantId", "domain", "displayName"]);
    let user = &doc["users"][1];
    assert_eq!(
        &keys(user)[..4],
        ["objectId", "userPrincipalName", "displayName", "sipAddress"]
    );
    // The demo users' attributes that Get-CsOnlineUser and Get-MgUser show (project keys).
    assert_eq!(
        &keys(user)[4..],
        [
            "jobTitle",
            "department",
            "companyName",
            "city",
            "state",
            "country",
            "usageLocation",
            "featureTypes",
            "createdDateTime"
        ]
    );
    assert_eq!(user["featureTypes"], json!(["Teams", "AudioConferencing"]));
    assert_eq!(
        &keys(&doc["groups"][0])[..3],
        ["objectId", "displayName", "members"]
    );
    // The demo groups' directory attributes (project keys); a group with a team says so.
    assert_eq!(
        &keys(&doc["groups"][0])[3..],
        [
            "mailNickname",
            "description",
            "groupTypes",
            "mailEnabled",
            "resourceProvisioningOptions"
        ]
    );
    assert!(doc["groups"][0]["members"].is_array());
    assert_eq!(
        keys(&doc["applications"][0]),
        ["appId", "displayName", "permissions", "servicePrincipalId"]
    );
    assert_eq!(
        doc["policies"]["ApplicationAccessPolicy"],
        json!([
            { "identity": "Global", "appIds": [], "description": "" },
            { "identity": "Tag:Test-policy", "appIds": [APP], "description": "description here" }
        ])
    );
    let a = &doc["assignments"]["ApplicationAccessPolicy"];
    assert_eq!(keys(a), ["users", "groups", "tenant"]);
    assert_eq!(a["users"], json!({ MEGAN: "Test-policy" }));
    let grant = &a["groups"][0];
    assert_eq!(&keys(grant)[..3], ["groupId", "policyName", "rank"]);
    assert_eq!(grant["groupId"], json!(WEBINAR_HOSTS));
    assert_eq!(grant["policyName"], json!("Test-policy"));
    assert_eq!(grant["rank"], json!(1));
    assert_eq!(a["tenant"], json!("Test-policy"));

    // Unassigning puts the documented empty forms back.
    let out = aapsh(
        &store,
        "Grant-CsApplicationAccessPolicy -PolicyName $null -Identity megan.bowen@contoso.onmicrosoft.com; \
         Grant-CsApplicationAccessPolicy -PolicyName $null -Group 'Webinar Hosts'; \
         Grant-CsApplicationAccessPolicy -PolicyName $null -Global",
    );
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&fs::read(&store).unwrap()).unwrap();
    assert_eq!(
        doc["assignments"]["ApplicationAccessPolicy"],
        json!({ "users": {}, "groups": [], "tenant": null })
    );
}

/// Users resolve by alias (the entry's mailNickname, else the UPN before `@`), after object id,
/// UPN and SIP address and before the display name; a shared alias is ambiguous. Groups resolve
/// by `mailNickname@<tenant domain>` after id and display name.
#[test]
fn users_by_alias_and_groups_by_mail() {
    let t = Tenant::from_json_bytes(
        json!({
            "schemaVersion": 1,
            "tenant": { "domain": "contoso.com" },
            "users": [
                { "objectId": "u1", "userPrincipalName": "j.smith@contoso.com", "mailNickname": "john" },
                { "objectId": "u2", "userPrincipalName": "sam@contoso.com" },
                { "objectId": "u3", "userPrincipalName": "sam@fabrikam.com" },
                { "objectId": "u4", "userPrincipalName": "x@contoso.com", "displayName": "john" }
            ],
            "groups": [
                { "objectId": "g1", "displayName": "Bots", "mailNickname": "botusers" }
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    let found = |id: &str| match t.resolve_user(id) {
        UserLookup::Found(u) => u.object_id.clone(),
        other => format!("{other:?}"),
    };
    // The alias wins over a display name that spells the same; the UPN's local part is not the
    // alias when the entry keeps a mailNickname.
    assert_eq!(found("JOHN"), "u1");
    assert!(matches!(t.resolve_user("j.smith"), UserLookup::NotFound));
    assert!(matches!(t.resolve_user("sam"), UserLookup::Ambiguous(v) if v.len() == 2));
    assert_eq!(found("sam@fabrikam.com"), "u3");
    assert!(matches!(
        t.resolve_user("john@contoso.com"),
        UserLookup::NotFound
    ));
    assert!(
        matches!(t.resolve_group("BotUsers@Contoso.com"), GroupLookup::Found(g) if g.object_id == "g1")
    );
    assert!(matches!(
        t.resolve_group("botusers@fabrikam.com"),
        GroupLookup::NotFound
    ));
    assert!(matches!(t.resolve_group("botusers"), GroupLookup::NotFound));
}
