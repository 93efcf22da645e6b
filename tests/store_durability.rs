//! Durability and concurrency of the store (issue 6): the change journal, checkpoints, crashes
//! at every step, damaged and foreign journals, full disks, and real processes that write at the
//! same time or are killed midway. The journal format these tests write by hand is the one
//! documented in src/store/journal.rs.
//!
//! Child processes are this test binary run again with `AAPSH_TEST_CHILD` set: the `child_*`
//! entry points below then do their part and exit; run as ordinary tests they return at once.

use std::convert::Infallible;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aapsh::store::{Change, Durability, Store, StoreError, Tenant, journal_path_for};
use serde_json::{Value, json};
use tempfile::TempDir;

const MEGAN: &str = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
const WEBINAR_HOSTS: &str = "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69";
const APP: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn store_file(content: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    fs::write(&path, content).unwrap();
    (dir, path)
}

fn new_policy(name: &str) -> Change {
    Change::NewPolicy {
        name: name.to_string(),
        app_ids: vec![APP.to_string()],
        description: String::new(),
    }
}

fn grant_user(user: &str, policy: Option<&str>) -> Change {
    Change::GrantUser {
        user_id: user.to_string(),
        policy_name: policy.map(str::to_string),
    }
}

fn set_description(policy: &str, text: &str) -> Change {
    Change::SetPolicy {
        identity: policy.to_string(),
        app_ids: None,
        description: Some(text.to_string()),
    }
}

/// Opens a store whose last session died without folding its journal (no `Drop`).
fn crash(store: Store) {
    std::mem::forget(store);
}

fn policy_names(tenant: &Tenant) -> Vec<String> {
    tenant.policies.iter().map(|p| p.identity.clone()).collect()
}

/// FNV-1a 64, as the journal format documents it.
fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One journal line around `payload`, as the format documents it.
fn journal_line(payload: &str) -> Vec<u8> {
    format!(
        "{:08x} {:016x} {payload}\n",
        payload.len(),
        fnv64(payload.as_bytes())
    )
    .into_bytes()
}

/// The `folded` marker a checkpoint writes for a store file with these bytes.
fn folded_marker(file: &[u8]) -> Vec<u8> {
    journal_line(&format!(
        r#"{{"folded":{{"size":{},"fnv64":"{:016x}"}}}}"#,
        file.len(),
        fnv64(file)
    ))
}

/// Byte offsets where each journal record starts.
fn record_starts(journal: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, b) in journal.iter().enumerate() {
        if *b == b'\n' && i + 1 < journal.len() {
            starts.push(i + 1);
        }
    }
    starts
}

// ---------------------------------------------------------------------------------------------
// The journal and checkpoints

#[test]
fn a_command_is_journaled_before_transact_returns_and_the_file_waits_for_a_checkpoint() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Journaled")]).unwrap();

    // The store file is untouched; the journal holds the base record and one command.
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    let journal = fs::read(journal_path_for(&path)).unwrap();
    let text = String::from_utf8(journal.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let base = format!(
        r#"{{"base":{{"format":1,"size":{},"fnv64":"{:016x}"}}}}"#,
        fixture("spec-example.json").len(),
        fnv64(&fixture("spec-example.json"))
    );
    assert_eq!(journal_line(&base), format!("{}\n", lines[0]).into_bytes());
    assert!(lines[1].contains(r#"{"changes":[{"NewPolicy":{"name":"Journaled""#));
    assert_eq!(store.unfolded_changes(), 1);

    // Another session sees it (without a checkpoint), and so does a crash-restart.
    let mut other = Store::open(&path).unwrap();
    assert!(other.tenant().unwrap().find_policy("Journaled").is_some());
    crash(store);
}

#[test]
fn checkpoint_writes_exactly_what_a_whole_save_would_and_deletes_the_journal() {
    let (_dir, path) = store_file(&fixture("unknown-keys.json"));
    let mut store = Store::open(&path).unwrap();
    store
        .commit(vec![
            new_policy("Folded"),
            grant_user(MEGAN, Some("folded")),
        ])
        .unwrap();
    store
        .commit(vec![set_description("Folded", "after")])
        .unwrap();
    store.checkpoint().unwrap();

    assert!(!journal_path_for(&path).exists());
    assert_eq!(store.unfolded_changes(), 0);
    let written = fs::read(&path).unwrap();
    assert_eq!(written, store.tenant().unwrap().to_json_bytes().unwrap());
    let out: Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(
        out["trainerNotes"],
        json!("Scenario 3: a group grant that loses to a direct grant")
    );
    assert_eq!(
        out["assignments"]["ApplicationAccessPolicy"]["users"][MEGAN],
        json!("Folded")
    );

    // Nothing waiting: a checkpoint does not touch the file.
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    store.checkpoint().unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert_eq!(fs::read(&path).unwrap(), written);
}

#[test]
fn open_and_drop_fold_a_journal() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Left-over")]).unwrap();
    crash(store);
    assert!(journal_path_for(&path).exists());

    // The next session folds what the dead one left.
    let mut next = Store::open(&path).unwrap();
    assert!(!journal_path_for(&path).exists());
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(on_disk.find_policy("Left-over").is_some());

    // A session that ends normally folds its own.
    next.commit(vec![new_policy("Dropped")]).unwrap();
    drop(next);
    assert!(!journal_path_for(&path).exists());
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(on_disk.find_policy("Dropped").is_some());
}

#[test]
fn a_journal_larger_than_the_store_is_folded_by_itself() {
    // A tiny store: the journal outgrows it (and the 4 MiB floor) after some thousands of
    // commands, and must then be folded without anyone asking.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    let mut store = Store::open(&path).unwrap();
    store.set_durability(Durability::Os);
    store.commit(vec![new_policy("Flip")]).unwrap();
    let mut folded = false;
    for i in 0..40_000 {
        let text = format!("{i:0>100}");
        store.commit(vec![set_description("Flip", &text)]).unwrap();
        if store.unfolded_changes() == 0 {
            folded = true;
            break;
        }
    }
    assert!(folded, "the journal was never folded by itself");
    let journal_len = fs::metadata(journal_path_for(&path)).map_or(0, |m| m.len());
    assert!(journal_len < 4 << 20, "{journal_len}");
    crash(store);
}

#[test]
fn a_refused_command_writes_nothing_to_the_journal() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("First")]).unwrap();
    let journal = fs::read(journal_path_for(&path)).unwrap();
    let before = store.tenant().unwrap().clone();
    let err = store
        .commit(vec![
            new_policy("Second"),
            grant_user(MEGAN, Some("Missing")),
        ])
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(fs::read(journal_path_for(&path)).unwrap(), journal);
    assert_eq!(*store.tenant().unwrap(), before);
    crash(store);
}

// ---------------------------------------------------------------------------------------------
// Crashes: torn appends and checkpoints cut short

/// A journal of three commands on the spec example, left by a session that crashed.
fn three_commands() -> (TempDir, PathBuf, Vec<u8>) {
    let (dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    for name in ["One", "Two", "Three"] {
        store.commit(vec![new_policy(name)]).unwrap();
    }
    crash(store);
    let journal = fs::read(journal_path_for(&path)).unwrap();
    (dir, path, journal)
}

#[test]
fn every_torn_last_record_is_ignored_and_cut_off_by_the_next_command() {
    let (_dir, path, journal) = three_commands();
    let last = *record_starts(&journal).last().unwrap();
    for cut in last..journal.len() {
        fs::write(&path, fixture("spec-example.json")).unwrap();
        fs::write(journal_path_for(&path), &journal[..cut]).unwrap();
        let mut store = Store::open(&path).unwrap();
        let names = policy_names(store.tenant().unwrap());
        assert_eq!(
            names,
            ["Global", "Tag:Test-policy", "Tag:One", "Tag:Two"],
            "cut at {cut}"
        );
        // The next command lands after the intact records, and everything reads back.
        store.commit(vec![new_policy("After")]).unwrap();
        crash(store);
        let mut again = Store::open(&path).unwrap();
        assert_eq!(
            policy_names(again.tenant().unwrap()),
            [
                "Global",
                "Tag:Test-policy",
                "Tag:One",
                "Tag:Two",
                "Tag:After"
            ],
            "cut at {cut}"
        );
    }
}

#[test]
fn a_torn_append_filled_with_zeros_is_ignored() {
    let (_dir, path, mut journal) = three_commands();
    journal.extend_from_slice(&[0; 4096]);
    fs::write(journal_path_for(&path), &journal).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(policy_names(store.tenant().unwrap()).len(), 5);
}

#[test]
fn a_torn_first_record_means_an_empty_journal() {
    let (_dir, path, journal) = three_commands();
    fs::write(journal_path_for(&path), &journal[..20]).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(policy_names(store.tenant().unwrap()).len(), 2);
    store.commit(vec![new_policy("Fresh")]).unwrap();
    crash(store);
    let mut again = Store::open(&path).unwrap();
    assert!(again.tenant().unwrap().find_policy("Fresh").is_some());
}

#[test]
fn a_checkpoint_cut_short_before_its_rename_keeps_every_change_once() {
    // The checkpoint wrote its `folded` marker, then died before renaming the new file in: the
    // store file is still the old one, so the marker is void.
    let (_dir, path, mut journal) = three_commands();
    journal.extend(folded_marker(b"the file that never made it"));
    fs::write(journal_path_for(&path), &journal).unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        policy_names(store.tenant().unwrap()),
        [
            "Global",
            "Tag:Test-policy",
            "Tag:One",
            "Tag:Two",
            "Tag:Three"
        ]
    );
    drop(store);
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(policy_names(&on_disk).len(), 5);
}

#[test]
fn a_checkpoint_cut_short_after_its_rename_applies_nothing_twice() {
    // Changes that cannot be applied twice: a new policy (a second one is refused) and a group
    // grant at a taken rank (a second one would shift ranks again).
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Once")]).unwrap();
    store
        .commit(vec![Change::GrantGroup {
            group_id: WEBINAR_HOSTS.to_string(),
            policy_name: Some("Once".to_string()),
            rank: Some(1),
        }])
        .unwrap();
    crash(store);
    let journal = fs::read(journal_path_for(&path)).unwrap();

    // Fold it, then put the journal back with the marker naming the folded file, as a
    // checkpoint that died between its rename and deleting the journal leaves it.
    drop(Store::open(&path).unwrap());
    let folded = fs::read(&path).unwrap();
    let mut stale = journal.clone();
    stale.extend(folded_marker(&folded));
    fs::write(journal_path_for(&path), &stale).unwrap();

    let mut store = Store::open(&path).unwrap();
    let expected = Tenant::from_json_bytes(&folded).unwrap();
    assert_eq!(*store.tenant().unwrap(), expected);
    assert_eq!(fs::read(&path).unwrap(), folded);
    // The next command starts a journal of its own and all reads back.
    store.commit(vec![new_policy("Next")]).unwrap();
    crash(store);
    let mut again = Store::open(&path).unwrap();
    let tenant = again.tenant().unwrap();
    assert!(tenant.find_policy("Next").is_some());
    assert_eq!(tenant.policies.len(), expected.policies.len() + 1);
}

// ---------------------------------------------------------------------------------------------
// Damaged and foreign journals: a clear error naming the journal, both files untouched

fn assert_refused_untouched(path: &Path, journal: &[u8], check: impl Fn(&StoreError)) -> String {
    let file = fs::read(path).unwrap();
    let err = Store::open(path).unwrap_err();
    check(&err);
    let message = err.to_string();
    assert!(
        message.contains(&journal_path_for(path).display().to_string()),
        "{message}"
    );
    assert!(message.contains("left unchanged"), "{message}");
    assert_eq!(
        fs::read(path).unwrap(),
        file,
        "the store file was not touched"
    );
    assert_eq!(
        fs::read(journal_path_for(path)).unwrap(),
        journal,
        "the journal was not touched"
    );
    message
}

#[test]
fn a_damaged_record_before_intact_ones_is_refused_with_its_place() {
    let (_dir, path, mut journal) = three_commands();
    let starts = record_starts(&journal);
    // Damage the second command (record 3; record 1 is the base).
    journal[starts[2] + 40] ^= 0x01;
    fs::write(journal_path_for(&path), &journal).unwrap();
    let message = assert_refused_untouched(&path, &journal, |e| {
        assert!(
            matches!(e, StoreError::Journal { record: 3, offset, .. } if *offset == starts[2] as u64),
            "{e:?}"
        );
        assert_eq!(e.place(), Some(format!("record 3 (byte {})", starts[2])));
    });
    assert!(message.contains("damaged at record 3"), "{message}");
    assert!(message.contains("Move the journal aside"), "{message}");
    assert!(message.contains("new -Store path"), "{message}");
}

#[test]
fn a_complete_last_record_with_a_bad_checksum_is_refused_not_dropped() {
    // Only an incomplete last line is a torn append; a whole line that fails its checksum was
    // damaged after it was written, and dropping it would silently lose a command.
    let (_dir, path, mut journal) = three_commands();
    let last = *record_starts(&journal).last().unwrap();
    journal[last + 40] ^= 0x01;
    fs::write(journal_path_for(&path), &journal).unwrap();
    let message = assert_refused_untouched(&path, &journal, |e| {
        assert!(
            matches!(e, StoreError::Journal { record: 4, offset, .. } if *offset == last as u64),
            "{e:?}"
        );
    });
    assert!(message.contains("checksum"), "{message}");
    // A second try (say, the next command of a session) still refuses and still keeps both.
    assert_refused_untouched(&path, &journal, |_| {});
}

#[test]
fn a_journal_aapsh_does_not_recognise_is_refused_and_kept() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    for journal in [
        &b"some notes the trainer kept here\n"[..],
        b"not a journal, and no newline either",
        b"{\"changes\":[{\"grantTenant\":{\"policyName\":\"Global\"}}]}\n",
    ] {
        fs::write(journal_path_for(&path), journal).unwrap();
        let message = assert_refused_untouched(&path, journal, |e| {
            assert!(
                matches!(
                    e,
                    StoreError::Journal {
                        record: 1,
                        offset: 0,
                        ..
                    }
                ),
                "{e:?}"
            );
        });
        assert!(
            message.contains("not a record of an aapsh journal"),
            "{message}"
        );
    }
    // A session that is already open finds it at its next command, and writes nothing.
    fs::remove_file(journal_path_for(&path)).unwrap();
    let mut store = Store::open(&path).unwrap();
    let garbage = b"garbage\n".to_vec();
    fs::write(journal_path_for(&path), &garbage).unwrap();
    let err = store.commit(vec![new_policy("Lost")]).unwrap_err();
    assert!(matches!(err, StoreError::Journal { .. }), "{err}");
    drop(store);
    assert_eq!(fs::read(journal_path_for(&path)).unwrap(), garbage);
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
}

#[test]
fn a_journal_of_another_version_of_the_file_is_refused() {
    let (_dir, path, journal) = three_commands();
    // Someone edits the store file while three commands wait in the journal.
    let edited = String::from_utf8(fixture("spec-example.json"))
        .unwrap()
        .replace("description here", "edited by hand");
    fs::write(&path, &edited).unwrap();
    let message = assert_refused_untouched(&path, &journal, |e| {
        assert!(
            matches!(e, StoreError::JournalMismatch { changes: 3, .. }),
            "{e:?}"
        );
    });
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("3 changes"), "{message}");
    assert!(message.contains("Move the journal aside"), "{message}");
}

#[test]
fn an_edit_while_no_change_waits_is_simply_read() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Saved")]).unwrap();
    store.checkpoint().unwrap();
    // A hand edit between sessions: nothing waits in a journal, so it is just the new state.
    let edited = String::from_utf8(fs::read(&path).unwrap())
        .unwrap()
        .replace("description here", "edited by hand");
    fs::write(&path, &edited).unwrap();
    let tenant = store.tenant().unwrap();
    assert_eq!(
        tenant.find_policy("Test-policy").unwrap().description,
        "edited by hand"
    );
    store.commit(vec![new_policy("After-edit")]).unwrap();
    drop(store);
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(on_disk.find_policy("After-edit").is_some());
    assert_eq!(
        on_disk.find_policy("Test-policy").unwrap().description,
        "edited by hand"
    );
}

#[test]
fn a_journal_from_a_newer_aapsh_is_refused() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let file = fixture("spec-example.json");
    let mut journal = journal_line(&format!(
        r#"{{"base":{{"format":2,"size":{},"fnv64":"{:016x}"}}}}"#,
        file.len(),
        fnv64(&file)
    ));
    journal.extend(journal_line(r#"{"changes":[]}"#));
    fs::write(journal_path_for(&path), &journal).unwrap();
    let message = assert_refused_untouched(&path, &journal, |e| {
        assert!(matches!(e, StoreError::Journal { record: 1, .. }), "{e:?}");
    });
    assert!(message.contains("newer aapsh"), "{message}");
}

#[test]
fn a_record_that_cannot_apply_is_refused_with_its_place() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let file = fixture("spec-example.json");
    let mut journal = journal_line(&format!(
        r#"{{"base":{{"format":1,"size":{},"fnv64":"{:016x}"}}}}"#,
        file.len(),
        fnv64(&file)
    ));
    journal.extend(journal_line(
        r#"{"changes":[{"RemovePolicy":{"identity":"No-such-policy"}}]}"#,
    ));
    fs::write(journal_path_for(&path), &journal).unwrap();
    let message = assert_refused_untouched(&path, &journal, |e| {
        assert!(matches!(e, StoreError::Journal { record: 2, .. }), "{e:?}");
    });
    assert!(message.contains("No-such-policy"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Sessions: freshness, last command wins, read-only stores, lock waits

#[test]
fn sessions_see_each_others_commands_before_their_next_one() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    for i in 0..20 {
        let (writer, reader) = if i % 2 == 0 {
            (&mut a, &mut b)
        } else {
            (&mut b, &mut a)
        };
        writer.commit(vec![new_policy(&format!("P{i}"))]).unwrap();
        if i % 7 == 6 {
            // A checkpoint replaces the store file: the reader must notice that too.
            writer.checkpoint().unwrap();
        }
        let seen = reader.tenant().unwrap();
        assert!(seen.find_policy(&format!("P{i}")).is_some(), "step {i}");
        assert_eq!(seen.policies.len(), 3 + i, "step {i}");
    }
}

#[test]
fn the_last_completed_command_wins() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    a.commit(vec![set_description("Test-policy", "from a")])
        .unwrap();
    b.commit(vec![set_description("Test-policy", "from b")])
        .unwrap();
    assert_eq!(
        a.tenant()
            .unwrap()
            .find_policy("Test-policy")
            .unwrap()
            .description,
        "from b"
    );
    a.commit(vec![set_description("Test-policy", "from a again")])
        .unwrap();
    drop(a);
    drop(b);
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        on_disk.find_policy("Test-policy").unwrap().description,
        "from a again"
    );
}

#[test]
fn a_read_only_store_with_a_left_over_journal_opens_for_reading() {
    let (_dir, path, journal) = three_commands();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();

    let mut store = Store::open(&path).unwrap();
    assert!(store.tenant().unwrap().find_policy("Three").is_some());
    let err = store.commit(vec![new_policy("Refused")]).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    let err = store.checkpoint().unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    drop(store);
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    assert_eq!(fs::read(journal_path_for(&path)).unwrap(), journal);
}

#[test]
fn a_checkpoint_waits_for_the_lock_only_so_long() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Waiting")]).unwrap();
    store.set_lock_timeout(Duration::from_millis(150));
    let held = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(store.lock_path().unwrap())
        .unwrap();
    held.lock().unwrap();
    let start = Instant::now();
    let err = store.checkpoint().unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(matches!(err, StoreError::LockTimeout { .. }), "{err}");
    // Reading still works, and nothing was lost.
    assert!(store.tenant().unwrap().find_policy("Waiting").is_some());
    held.unlock().unwrap();
    store.checkpoint().unwrap();
    assert!(!journal_path_for(&path).exists());
}

#[test]
fn lookups_by_id_and_upn_are_indexed_and_survive_a_reload() {
    let users: Vec<Value> = (0..2000)
        .map(|i| {
            json!({ "objectId": format!("00000000-0000-4000-8000-{i:012}"),
                    "userPrincipalName": format!("User{i}@Contoso.com"),
                    "displayName": format!("Twin {}", i / 2) })
        })
        .collect();
    let doc = json!({ "schemaVersion": 1, "users": users, "policies": [{ "identity": "Tag:P" }] });
    let (_dir, path) = store_file(doc.to_string().as_bytes());
    let mut store = Store::open(&path).unwrap();
    let tenant = store.tenant().unwrap();
    use aapsh::store::UserLookup;
    match tenant.resolve_user("00000000-0000-4000-8000-000000001234") {
        UserLookup::Found(u) => assert_eq!(u.user_principal_name, "User1234@Contoso.com"),
        other => panic!("{other:?}"),
    }
    match tenant.resolve_user("user77@contoso.COM") {
        UserLookup::Found(u) => assert_eq!(u.object_id, "00000000-0000-4000-8000-000000000077"),
        other => panic!("{other:?}"),
    }
    match tenant.resolve_user("TWIN 5") {
        UserLookup::Ambiguous(found) => assert_eq!(found.len(), 2),
        other => panic!("{other:?}"),
    }
    store
        .commit(vec![grant_user(
            "00000000-0000-4000-8000-000000000010",
            Some("p"),
        )])
        .unwrap();
    assert_eq!(
        store
            .tenant()
            .unwrap()
            .user_policy("00000000-0000-4000-8000-000000000010"),
        Some("P")
    );
    // The index never reaches the file.
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("index"), "{}", &text[..200]);
}

// ---------------------------------------------------------------------------------------------
// Real processes

/// Runs this test binary again as the child `name`, with `env` set.
fn child(name: &str, env: &[(&str, String)]) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env("AAPSH_TEST_CHILD", name);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// Whether this process is the child `name`. A child starts a new line first: the test harness
/// has just written "test NAME ... " without one, and the parent reads our lines.
fn is_child(name: &str) -> bool {
    let yes = std::env::var("AAPSH_TEST_CHILD").as_deref() == Ok(name);
    if yes {
        println!();
    }
    yes
}

fn env_var(key: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| panic!("{key} is not set"))
}

fn user_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

/// A store of `users` users and the policy `P`.
fn users_store(users: usize) -> (TempDir, PathBuf) {
    let list: Vec<Value> = (0..users)
        .map(|i| json!({ "objectId": user_id(i), "userPrincipalName": format!("user{i}@contoso.com") }))
        .collect();
    let doc = json!({ "schemaVersion": 1, "users": list,
                      "policies": [{ "identity": "Global" }, { "identity": "Tag:P", "appIds": [APP] }] });
    store_file(doc.to_string().as_bytes())
}

/// Child: grants `P` to users FIRST..FIRST+COUNT, one command each, as the cmdlet does it
/// (a fresh read, then a transaction).
#[test]
fn child_grants() {
    if !is_child("child_grants") {
        return;
    }
    let path = PathBuf::from(env_var("AAPSH_TEST_STORE"));
    let first: usize = env_var("AAPSH_TEST_FIRST").parse().unwrap();
    let count: usize = env_var("AAPSH_TEST_COUNT").parse().unwrap();
    let mut store = Store::open(&path).unwrap();
    store.set_lock_timeout(Duration::from_secs(60));
    for i in first..first + count {
        let user = user_id(i);
        assert!(store.tenant().unwrap().user_by_id(&user).is_some());
        store
            .transact(|t| {
                assert!(t.find_policy("P").is_some());
                Ok::<_, Infallible>(((), vec![grant_user(&user, Some("P"))]))
            })
            .unwrap()
            .unwrap();
    }
}

#[test]
fn two_processes_issuing_500_grants_each_lose_none() {
    let (_dir, path) = users_store(1000);
    let spawn = |first: usize| {
        child(
            "child_grants",
            &[
                ("AAPSH_TEST_STORE", path.display().to_string()),
                ("AAPSH_TEST_FIRST", first.to_string()),
                ("AAPSH_TEST_COUNT", "500".to_string()),
            ],
        )
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
    };
    let children = [spawn(0), spawn(500)];
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let mut store = Store::open(&path).unwrap();
    let tenant = store.tenant().unwrap();
    assert_eq!(tenant.assignments.users.len(), 1000);
    for i in 0..1000 {
        assert_eq!(tenant.user_policy(&user_id(i)), Some("P"), "user {i}");
    }
    drop(store);
    assert!(!journal_path_for(&path).exists());
}

/// Command `i` of the kill test: most grant P to user i; every fifth creates policy `Q<i>` and
/// grants it to user i in the same command (both or neither may survive).
fn kill_test_command(i: usize) -> Vec<Change> {
    if i % 5 == 4 {
        vec![
            new_policy(&format!("Q{i}")),
            grant_user(&user_id(i), Some(&format!("Q{i}"))),
        ]
    } else {
        vec![grant_user(&user_id(i), Some("P"))]
    }
}

/// How many of the kill test's commands `tenant` holds, checking they are exactly a prefix.
fn kill_test_prefix(tenant: &Tenant, commands: usize) -> usize {
    let done = |i: usize| match tenant.user_policy(&user_id(i)) {
        None => {
            assert!(
                tenant.find_policy(&format!("Q{i}")).is_none(),
                "half of command {i}"
            );
            false
        }
        Some(name) => {
            let expected = if i % 5 == 4 {
                format!("Q{i}")
            } else {
                "P".to_string()
            };
            assert_eq!(name, expected, "command {i}");
            true
        }
    };
    let prefix = (0..commands).take_while(|&i| done(i)).count();
    for i in prefix..commands {
        assert!(
            !done(i),
            "command {i} is there but command {prefix} is not: not a prefix"
        );
    }
    prefix
}

/// Child: runs the kill test's commands in order, printing `DONE i` after each completed one
/// and checkpointing now and then, until it is killed.
#[test]
fn child_commands_until_killed() {
    if !is_child("child_commands_until_killed") {
        return;
    }
    let path = PathBuf::from(env_var("AAPSH_TEST_STORE"));
    let every: usize = env_var("AAPSH_TEST_CHECKPOINT_EVERY").parse().unwrap();
    let mut store = Store::open(&path).unwrap();
    if env_var("AAPSH_TEST_DURABILITY") == "os" {
        store.set_durability(Durability::Os);
    }
    for i in 0..KILL_TEST_USERS {
        store.commit(kill_test_command(i)).unwrap();
        println!("DONE {i}");
        if i % every == every - 1 {
            store.checkpoint().unwrap();
            println!("FOLDED {i}");
        }
    }
    println!("FINISHED");
}

const KILL_TEST_USERS: usize = 400;

#[test]
fn processes_killed_at_random_points_leave_exactly_a_prefix() {
    let seed = std::env::var("AAPSH_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("kill test seed {seed} (AAPSH_TEST_SEED={seed} repeats it)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut killed_in_checkpoint = 0;
    for run in 0..24 {
        let (_dir, path) = users_store(KILL_TEST_USERS);
        let every = rng.usize(3..12);
        let mut process = child(
            "child_commands_until_killed",
            &[
                ("AAPSH_TEST_STORE", path.display().to_string()),
                ("AAPSH_TEST_CHECKPOINT_EVERY", every.to_string()),
                // Both levels keep every completed command through a kill: `disk` (the
                // prompt's default) and `os` (scripts' default).
                (
                    "AAPSH_TEST_DURABILITY",
                    if run % 2 == 0 { "disk" } else { "os" }.to_string(),
                ),
            ],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        let stdout = process.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Kill after a random number of completed commands, at a random moment after it.
        let kill_after = rng.usize(1..150);
        let mut done = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if line.starts_with("DONE ") {
                done += 1;
                if done == kill_after {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_micros(rng.u64(0..3000)));
        process.kill().unwrap();
        process.wait().unwrap();
        // Lines already printed were printed by completed commands.
        let mut last_line = String::new();
        for line in lines {
            let line = line.unwrap();
            if line.starts_with("DONE ") {
                done += 1;
            }
            last_line = line;
        }
        let last_done: Option<usize> = last_line.strip_prefix("DONE ").and_then(|i| i.parse().ok());
        if last_done.is_some_and(|i| i % every == every - 1) {
            killed_in_checkpoint += 1;
        }

        let mut store = Store::open(&path)
            .unwrap_or_else(|e| panic!("run {run}: the store does not open after a kill: {e}"));
        let prefix = kill_test_prefix(store.tenant().unwrap(), KILL_TEST_USERS);
        assert!(
            prefix == done || prefix == done + 1,
            "run {run}: {done} commands reported done, the store holds {prefix}"
        );
        // The store carries on, and holds the same after a fold.
        store.commit(vec![new_policy("After-the-kill")]).unwrap();
        drop(store);
        let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            kill_test_prefix(&on_disk, KILL_TEST_USERS),
            prefix,
            "run {run}"
        );
        assert!(on_disk.find_policy("After-the-kill").is_some());
    }
    eprintln!("{killed_in_checkpoint} of 24 kills landed while a checkpoint could be running");
}

/// Child: commits new policies until a write fails (the file size limit stands in for a full
/// disk), then tries a checkpoint; prints what happened.
#[test]
fn child_fills_the_disk() {
    if !is_child("child_fills_the_disk") {
        return;
    }
    let path = PathBuf::from(env_var("AAPSH_TEST_STORE"));
    let mut store = Store::open(&path).unwrap();
    for i in 0..1000 {
        match store.commit(vec![new_policy(&format!("Filler-{i:03}"))]) {
            Ok(()) => println!("OK {i}"),
            Err(e) => {
                println!("COMMIT-ERROR {e}");
                break;
            }
        }
    }
    match store.checkpoint() {
        Ok(()) => println!("CHECKPOINT-OK"),
        Err(e) => println!("CHECKPOINT-ERROR {e}"),
    }
    crash(store);
}

#[cfg(unix)]
#[test]
fn a_full_disk_fails_the_command_cleanly_and_keeps_every_completed_one() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    // `ulimit -f` caps the size of any file the child writes (here 4 KiB); a write past it fails
    // with "File too large", as a full disk fails with "No space left on device". The signal
    // that would kill the child instead is ignored, as an ignored signal stays across exec.
    let exe = std::env::current_exe().unwrap();
    let output = Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 4 && trap '' XFSZ && exec \"$0\" \"$@\"")
        .arg(&exe)
        .args([
            "child_fills_the_disk",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("AAPSH_TEST_CHILD", "child_fills_the_disk")
        .env("AAPSH_TEST_STORE", &path)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    let completed = out.lines().filter(|l| l.starts_with("OK ")).count();
    let commit_error = out
        .lines()
        .find_map(|l| l.strip_prefix("COMMIT-ERROR "))
        .unwrap_or_else(|| panic!("no write failed:\n{out}"));
    assert!(completed > 0, "{out}");
    assert!(
        commit_error.contains(&path.display().to_string()),
        "{commit_error}"
    );
    assert!(commit_error.contains("journal"), "{commit_error}");
    assert!(commit_error.contains("disk is not full"), "{commit_error}");
    let checkpoint_error = out
        .lines()
        .find_map(|l| l.strip_prefix("CHECKPOINT-ERROR "))
        .unwrap_or_else(|| panic!("the checkpoint did not fail:\n{out}"));
    assert!(
        checkpoint_error.contains("temporary file"),
        "{checkpoint_error}"
    );

    // The store file was never touched, no temporary file is left, and the store opens to
    // exactly the commands that completed.
    assert_eq!(fs::read(&path).unwrap(), fixture("spec-example.json"));
    let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let mut store = Store::open(&path).unwrap();
    let names = policy_names(store.tenant().unwrap());
    assert_eq!(names.len(), 2 + completed, "{names:?}");
    assert_eq!(
        names.last().unwrap(),
        &format!("Tag:Filler-{:03}", completed - 1)
    );
}

/// `Reset-EmuState` and `Restore-EmuSnapshot` replace the whole tenant in one journaled change:
/// a crash before the checkpoint loses nothing, and a document that would not read as a store
/// file is refused without touching the state or the files.
#[test]
fn a_whole_state_replacement_is_journaled_and_survives_a_crash() {
    let (_dir, path) = store_file(&fixture("spec-example.json"));
    let mut store = Store::open(&path).unwrap();
    store.commit(vec![new_policy("Before")]).unwrap();
    let demo = aapsh::store::demo_tenant();
    let document = aapsh::store::snapshot::state_document(&demo).unwrap();
    store
        .commit(vec![Change::ReplaceState { document }])
        .unwrap();
    assert_eq!(policy_names(store.tenant().unwrap()), ["Global"]);
    crash(store);

    let mut reopened = Store::open(&path).unwrap();
    let tenant = reopened.tenant().unwrap();
    assert_eq!(policy_names(tenant), ["Global"]);
    assert_eq!(tenant.users.len(), demo.users.len());
    assert!(tenant.assignments.users.is_empty());

    // A dangling reference in the new document: refused, nothing changes.
    let journal_before = fs::read(journal_path_for(&path)).ok();
    let bad = json!({
        "schemaVersion": 1,
        "assignments": { "users": { "no-such-user": "Nope" } }
    });
    let err = reopened
        .commit(vec![Change::ReplaceState { document: bad }])
        .unwrap_err();
    assert!(err.to_string().contains("assignments"), "{err}");
    assert_eq!(policy_names(reopened.tenant().unwrap()), ["Global"]);
    assert_eq!(fs::read(journal_path_for(&path)).ok(), journal_before);
}
