//! End-to-end: the real binary at its interactive prompt, driven through a pseudo-terminal.
//! Covers tab completion of a cmdlet and of a parameter, a multi-line hashtable with the `>> `
//! prompt, Ctrl+C on a line and on a running command, history kept across two sessions (with
//! secrets left out of the file), Ctrl+R, Ctrl+D, and a transcript of an interactive session.
//! Every wait is on output, with a generous timeout; nothing is timed.

use std::path::Path;
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

const TIMEOUT_MS: u64 = 60_000;
const OFFLINE: &str = "PS [offline] > ";
const CONNECTED: &str = "PS [contoso.onmicrosoft.com] > ";

fn shell(dir: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.args(["-NoLogo", "-Color", "never"])
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

#[test]
fn interactive_session_end_to_end() {
    let dir = tempfile::tempdir().unwrap();

    // --- first session ---
    let mut p = shell(dir.path());
    p.exp_string(OFFLINE).unwrap();

    // Tab completes a cmdlet name, then a parameter name.
    p.send("Get-CsApp\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-CsApplicationAccessPolicy").unwrap();
    p.send(" -Ide\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-CsApplicationAccessPolicy -Identity")
        .unwrap();

    // Ctrl+C cancels the line: nothing runs, a fresh prompt comes on a new line. (Keys typed
    // before that prompt appears would be lost with the line, so wait for it.)
    p.send_control('c').unwrap();
    p.exp_regex(r"\n[^\n]*PS \[offline\] > ").unwrap();
    enter(&mut p, "'after-' + 'cancel'");
    p.exp_string("after-cancel").unwrap();
    p.exp_string(OFFLINE).unwrap();

    enter(&mut p, "Connect-MicrosoftTeams");
    p.exp_string(CONNECTED).unwrap();

    // A multi-line hashtable: `>> ` until the closing brace.
    enter(&mut p, "$h = @{");
    p.exp_string(">> ").unwrap();
    enter(&mut p, "  Add = 'hash' + 'value'");
    p.exp_string(">> ").unwrap();
    enter(&mut p, "}");
    p.exp_string(CONNECTED).unwrap();
    enter(&mut p, "$h.Add");
    p.exp_string("hashvalue").unwrap();
    p.exp_string(CONNECTED).unwrap();

    // Ctrl+C stops a running command and returns to the prompt; the session goes on.
    enter(
        &mut p,
        "Write-Host ('loop' + 'started'); while ($true) { $n++ }",
    );
    p.exp_string("loopstarted").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(CONNECTED).unwrap();
    enter(&mut p, "'still ' + 'alive'");
    p.exp_string("still alive").unwrap();
    p.exp_string(CONNECTED).unwrap();

    // A secret stays out of the history file; an ordinary line goes in.
    enter(&mut p, "$ClientSecret = 'hush'");
    p.exp_string(CONNECTED).unwrap();
    enter(&mut p, "'marker' + '-one'");
    p.exp_string("marker-one").unwrap();
    p.exp_string(CONNECTED).unwrap();
    enter(&mut p, "exit");
    p.exp_eof().unwrap();

    let saved = std::fs::read_to_string(dir.path().join("history.txt")).unwrap();
    assert!(saved.contains("'marker' + '-one'"), "{saved}");
    assert!(saved.contains("$h = @{"), "{saved}");
    assert!(
        !saved.contains("hush"),
        "a secret reached the file:\n{saved}"
    );
    assert!(
        !saved.contains("-Identity"),
        "a cancelled line reached the file:\n{saved}"
    );

    // --- second session: the history is there (Ctrl+R finds it) ---
    let mut p = shell(dir.path());
    p.exp_string(OFFLINE).unwrap();
    // A transcript records each command line after `PS>`, then what it showed.
    enter(&mut p, "Start-Transcript -Path ~/session.log");
    p.exp_string("Transcript started, output file is ~/session.log")
        .unwrap();
    p.exp_string(OFFLINE).unwrap();
    p.send_control('r').unwrap();
    p.send("marker").unwrap();
    p.flush().unwrap();
    p.exp_string("'marker' + '-one'").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("marker-one").unwrap();
    p.exp_string(OFFLINE).unwrap();
    // Ctrl+D on an empty line leaves.
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();

    // Leaving closed the transcript with its footer.
    let log = std::fs::read_to_string(dir.path().join("session.log")).unwrap();
    assert!(log.contains("PS>'marker' + '-one'\nmarker-one\n"), "{log}");
    assert!(log.trim_end().ends_with("**********************"), "{log}");
    assert!(log.contains("PowerShell transcript end"), "{log}");
}
