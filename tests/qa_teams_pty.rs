//! Teams acceptance checks that need a terminal: Grant-CsApplicationAccessPolicy without
//! -Identity, -Group or -Global asks before a tenant-wide grant (the real Grant cmdlets prompt
//! unless -Global is given). `N` leaves the tenant as it was, `?` lists the choices, `Y` (or
//! Enter) grants. Every wait is on output, with a generous timeout; nothing is timed.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

const TIMEOUT_MS: u64 = 60_000;
const CHOICES: &str = "[Y] Yes  [N] No  [?] Help (default is \"Y\"): ";

fn shell(dir: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.args(["-NoLogo", "-Color", "never", "-Connected"])
        .env_clear()
        .env("HOME", dir)
        .env("TERM", "xterm")
        .env("AAPSH_HISTORY", dir.join("history.txt"))
        .env("AAPSH_STORE", dir.join("store.json"))
        .current_dir(dir);
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn aapsh in a pty")
}

fn enter(p: &mut PtySession, line: &str) {
    p.send(line).unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
}

/// Lee's effective route, read from the output (the typed line spells the marker apart, so its
/// echo cannot match).
fn route(p: &mut PtySession, connected: &str) -> String {
    enter(
        p,
        "'ro' + 'ute=' + (Get-EmuEffectivePolicy -User lee.gu@contoso.onmicrosoft.com).Route + '.'",
    );
    let (_, found) = p.exp_regex(r"route=[^.\r\n]*\.").unwrap();
    p.exp_string(connected).unwrap();
    found["route=".len()..found.len() - 1].to_string()
}

#[test]
fn tenant_grant_without_global_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let prompt = format!("PS {}> ", dir.path().canonicalize().unwrap().display());
    let connected = prompt.as_str();
    let mut p = shell(dir.path());
    p.exp_string(connected).unwrap();
    enter(
        &mut p,
        "New-CsApplicationAccessPolicy -Identity Bot | Out-Null",
    );
    p.exp_string(connected).unwrap();

    // The user was forgotten: the question, the help, then No. Nothing changes.
    enter(&mut p, "Grant-CsApplicationAccessPolicy -PolicyName Bot");
    p.exp_string("\r\nConfirm\r\n").unwrap();
    p.exp_string("the policy \"Bot\" will be granted to the whole tenant")
        .unwrap();
    p.exp_string(CHOICES).unwrap();
    enter(&mut p, "?");
    p.exp_string("Y - Continue with only the next step of the operation.")
        .unwrap();
    p.exp_string("N - Skip this operation and proceed with the next operation.")
        .unwrap();
    p.exp_string(CHOICES).unwrap();
    enter(&mut p, "n");
    p.exp_string(connected).unwrap();
    assert_eq!(route(&mut p, connected), "Global");

    // Asked again: Enter takes the default, Yes.
    enter(&mut p, "Grant-CsApplicationAccessPolicy -PolicyName Bot");
    p.exp_string(CHOICES).unwrap();
    enter(&mut p, "");
    p.exp_string(connected).unwrap();
    assert_eq!(route(&mut p, connected), "tenant (-Global)");

    // -Global never asks; here it unassigns the tenant grant at once.
    enter(
        &mut p,
        "Grant-CsApplicationAccessPolicy -PolicyName $null -Global; 'no ' + 'question'",
    );
    p.exp_string("no question").unwrap();
    p.exp_string(connected).unwrap();
    assert_eq!(route(&mut p, connected), "Global");

    enter(&mut p, "exit");
    p.exp_eof().unwrap();
}
