//! The store's durability and concurrency promises (docs/cli.md, issue 6) checked through
//! the real `aapsh` binary: concurrent sessions replaying scripts, and replays killed with
//! SIGKILL at random points. The same promises are checked at the library level, with real
//! processes, in store_durability.rs; these add the interpreter and the command line on top.
//!
//! They need the PowerShell parser: a build whose parser is still the placeholder (scripts parse
//! to nothing) is detected, and the tests then say so on stderr and check nothing more.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use aapsh::store::{Store, Tenant, journal_path_for};
use serde_json::{Value, json};
use tempfile::TempDir;

const APP: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";

/// `aapsh` with a clean environment: no store from the user's data directory, no colour.
fn aapsh(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    command
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NO_COLOR", "1")
        .args([
            "-NoProfile",
            "-NonInteractive",
            "-Color",
            "never",
            "-Connected",
        ]);
    command
}

/// Whether this build runs scripts (false while the parser is the placeholder).
fn parser_ready(home: &Path) -> bool {
    let store = home.join("probe.json");
    let out = aapsh(home)
        .args(["-Store", &store.display().to_string()])
        .args(["-Command", "Write-Output 42"])
        .output()
        .unwrap();
    let ready = String::from_utf8_lossy(&out.stdout).contains("42");
    if !ready {
        eprintln!(
            "note: this build's parser runs no statements yet, so the end-to-end store checks \
             are skipped; the library-level process tests in store_durability.rs cover them"
        );
    }
    ready
}

fn user_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

/// A store of `users` users and the policy `P`, in a fresh directory (also used as HOME).
fn users_store(users: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let list: Vec<Value> = (0..users)
        .map(|i| json!({ "objectId": user_id(i), "userPrincipalName": format!("user{i}@contoso.com") }))
        .collect();
    let doc = json!({ "schemaVersion": 1, "users": list,
                      "policies": [{ "identity": "Global" }, { "identity": "Tag:P", "appIds": [APP] }] });
    let path = dir.path().join("store.json");
    fs::write(&path, doc.to_string()).unwrap();
    (dir, path)
}

/// A script granting `P` to users `range`, one statement each, with a marker after each one.
fn grant_script(dir: &Path, name: &str, range: std::ops::Range<usize>) -> PathBuf {
    let mut text = String::new();
    for i in range {
        text.push_str(&format!(
            "Grant-CsApplicationAccessPolicy -PolicyName P -Identity {}\nWrite-Host \"DONE {i}\"\n",
            user_id(i)
        ));
    }
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn two_aapsh_sessions_issuing_500_grants_each_lose_none() {
    let (dir, path) = users_store(1000);
    if !parser_ready(dir.path()) {
        return;
    }
    let scripts = [
        grant_script(dir.path(), "first.ps1", 0..500),
        grant_script(dir.path(), "second.ps1", 500..1000),
    ];
    let sessions: Vec<_> = scripts
        .iter()
        .map(|script| {
            aapsh(dir.path())
                .args(["-Store", &path.display().to_string(), "-File"])
                .arg(script)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for session in sessions {
        let out = session.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut store = Store::open(&path).unwrap();
    let tenant = store.tenant().unwrap();
    let granted = (0..1000)
        .filter(|&i| tenant.user_policy(&user_id(i)) == Some("P"))
        .count();
    assert_eq!(granted, 1000);
    drop(store);
    assert!(!journal_path_for(&path).exists());
    let on_disk = Tenant::from_json_bytes(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(on_disk.assignments.users.len(), 1000);
}

#[test]
fn aapsh_replays_killed_at_random_points_leave_exactly_a_prefix() {
    const STATEMENTS: usize = 300;
    let (probe, _) = users_store(1);
    if !parser_ready(probe.path()) {
        return;
    }
    let seed = std::env::var("AAPSH_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("kill test seed {seed} (AAPSH_TEST_SEED={seed} repeats it)");
    let mut rng = fastrand::Rng::with_seed(seed);
    for run in 0..20 {
        let (dir, path) = users_store(STATEMENTS);
        let script = grant_script(dir.path(), "grants.ps1", 0..STATEMENTS);
        let mut process = aapsh(dir.path())
            .args(["-Store", &path.display().to_string(), "-File"])
            .arg(&script)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
        let kill_after = rng.usize(1..120);
        let mut done = 0;
        for line in lines.by_ref() {
            if line.unwrap().starts_with("DONE ") {
                done += 1;
                if done == kill_after {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_micros(rng.u64(0..3000)));
        process.kill().unwrap();
        process.wait().unwrap();
        done += lines
            .map_while(Result::ok)
            .filter(|l| l.starts_with("DONE "))
            .count();

        let mut store = Store::open(&path)
            .unwrap_or_else(|e| panic!("run {run}: the store does not open after a kill: {e}"));
        let tenant = store.tenant().unwrap();
        let prefix = (0..STATEMENTS)
            .take_while(|&i| tenant.user_policy(&user_id(i)) == Some("P"))
            .count();
        for i in prefix..STATEMENTS {
            assert_eq!(
                tenant.user_policy(&user_id(i)),
                None,
                "run {run}: statement {i} is there but statement {prefix} is not"
            );
        }
        // Every statement whose marker was printed completed before it; at most the one in
        // flight completed without its marker.
        assert!(
            prefix == done || prefix == done + 1,
            "run {run}: {done} statements reported done, the store holds {prefix}"
        );
    }
}
