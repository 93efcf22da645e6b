//! Large inputs through the real binary: a filter over every user of a large tenant holds only
//! the users it keeps (peak memory within 4 x the store file + 30 MB, read from the process's
//! own VmHWM, not timed), and a policy with 100,000 AppIds is checked for duplicates correctly
//! (the check is linear; the time it takes is recorded in benches/scale.rs, not asserted).

use std::fs;
#[cfg(target_os = "linux")]
use std::io::Write;
use std::path::Path;
#[cfg(target_os = "linux")]
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

#[cfg(target_os = "linux")]
const APP_ID: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";

fn aapsh(home: &Path, store: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", home)
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .env("NO_COLOR", "1")
        .current_dir(home)
        .stdin(Stdio::null())
        .args(["-NoProfile", "-NonInteractive", "-Connected", "-Store"])
        .arg(store);
    cmd
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[cfg(target_os = "linux")]
fn user_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

#[cfg(target_os = "linux")]
/// `users` users, one policy per 10 of them, and a direct grant for every user, written the
/// way aapsh writes a store (the current schema, pretty, two spaces). An older schema is read
/// the general way, whole, once, and written back in the current one.
fn large_store(dir: &Path, users: usize) -> PathBuf {
    let policies = users / 10;
    let path = dir.join("large.json");
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    let doc = serde_json::json!({
        "schemaVersion": 3,
        "users": (0..users).map(|i| serde_json::json!({
            "objectId": user_id(i),
            "userPrincipalName": format!("user{i}@contoso.onmicrosoft.com"),
            "displayName": format!("Bench User {i}"),
            "sipAddress": format!("sip:user{i}@contoso.onmicrosoft.com"),
        })).collect::<Vec<_>>(),
        "policies": { "ApplicationAccessPolicy": (0..policies).map(|p| serde_json::json!({
            "identity": format!("Tag:P{p}"), "appIds": [APP_ID], "description": "",
        })).collect::<Vec<_>>() },
        "assignments": { "ApplicationAccessPolicy": {
            "users": (0..users)
                .map(|i| (user_id(i), serde_json::json!(format!("P{}", i % policies))))
                .collect::<serde_json::Map<_, _>>(),
        } },
    });
    serde_json::to_writer_pretty(&mut out, &doc).unwrap();
    out.write_all(b"\n").unwrap();
    drop(out);
    path
}

/// The peak resident memory (VmHWM) aapsh reports for itself at the end of `command`, in
/// bytes, and what the command printed before it.
#[cfg(target_os = "linux")]
fn run_and_peak(home: &Path, store: &Path, command: &str) -> (String, u64) {
    let o = aapsh(home, store)
        .arg("-Command")
        .arg(format!(
            "{command}; Get-Content /proc/self/status | Where-Object {{ $_ -like 'VmHWM:*' }}"
        ))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let (before, hwm) = out.rsplit_once("VmHWM:").expect("VmHWM printed");
    let kb: u64 = hwm
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("VmHWM in kB");
    (before.to_string(), kb * 1024)
}

#[cfg(target_os = "linux")]
#[test]
fn a_filter_over_every_user_of_a_large_tenant_holds_only_its_matches() {
    let home = tempfile::tempdir().unwrap();
    let store = large_store(home.path(), 40_000);
    let file = fs::metadata(&store).unwrap().len();
    let limit = 4 * file + 30 * 1024 * 1024;
    let (out, peak) = run_and_peak(
        home.path(),
        &store,
        "(Get-CsOnlineUser -Filter \"ApplicationAccessPolicy -eq 'P7'\" | Measure-Object).Count",
    );
    assert_eq!(out.trim(), "10");
    assert!(
        peak <= limit,
        "peak {} MB over the limit {} MB (file {} MB)",
        peak >> 20,
        limit >> 20,
        file >> 20
    );
    // The same users as filtering the full list afterwards, in the same order.
    let o = aapsh(home.path(), &store)
        .arg("-Command")
        .arg(
            "$a = Get-CsOnlineUser -Filter \"ApplicationAccessPolicy -eq 'Tag:P7' -and DisplayName -like '*1*'\" | ForEach-Object UserPrincipalName; \
             $b = Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq 'P7' -and $_.DisplayName -like '*1*' } | ForEach-Object UserPrincipalName; \
             ($a -join ',') -eq ($b -join ','); $a.Count; \
             (Get-CsOnlineUser -Filter \"DisplayName -like 'Bench User 1*'\" -ResultSize 3 | ForEach-Object UserPrincipalName) -join ','",
        )
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o),
        "True\n2\nuser1@contoso.onmicrosoft.com,user10@contoso.onmicrosoft.com,user11@contoso.onmicrosoft.com\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_policy_with_100000_app_ids_is_checked_for_duplicates() {
    let home = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (1..=100_000u128)
        .map(|i| uuid::Uuid::from_u128(i).hyphenated().to_string())
        .collect();
    fs::write(home.path().join("ids.txt"), ids.join("\n") + "\n").unwrap();
    let store = home.path().join("store.json");
    let o = aapsh(home.path(), &store)
        .arg("-Command")
        .arg(
            "$ids = Get-Content ./ids.txt; \
             New-CsApplicationAccessPolicy -Identity Many -AppIds $ids | Out-Null; \
             (Get-CsApplicationAccessPolicy Many).AppIds.Count; \
             New-CsApplicationAccessPolicy -Identity Twice -AppIds ($ids + $ids[12345].ToUpper()); \
             Set-CsApplicationAccessPolicy -Identity Many -AppIds @{Add=$ids[99999]}; \
             Set-CsApplicationAccessPolicy -Identity Many -AppIds @{Remove=$ids[0..49999]; Add=$ids[0]}; \
             $after = (Get-CsApplicationAccessPolicy Many).AppIds; $after.Count; $after[0] -eq $ids[50000]; $after[-1] -eq $ids[0]",
        )
        .output()
        .unwrap();
    assert_eq!(stdout(&o), "100000\n50001\nTrue\nTrue\n", "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "conflict or have duplicate key/identity: AppIds: {}",
            ids[12345]
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "conflict or have duplicate key/identity: AppIds: {}",
            ids[99999]
        )),
        "{err}"
    );
    // The refused policy was not created.
    assert!(
        !fs::read_to_string(&store).unwrap().contains("Tag:Twice"),
        "a refused policy reached the store"
    );
}
