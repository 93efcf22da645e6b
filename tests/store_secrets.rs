//! Nothing aapsh writes may hold a secret the user typed: sessions full of secrets (a script
//! through the binary, and the interactive prompt in a pseudo-terminal), then every file aapsh
//! wrote (store, journal, audit log, snapshots, history) is searched for each secret. Also: the
//! audit log is private to its owner and keeps long values short.

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rexpect::session::{PtySession, spawn_command};

const JWT: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnX3NlY3JldDE";

/// Each secret of the script session, as the user typed it.
const SCRIPT_SECRETS: &[&str] = &[
    JWT,
    "c2lnX3NlY3JldDE",
    "AccTok-Plain-7731",
    "Cr3d-Literal-Pw",
    "Sup3r-Pl41n-Passw0rd",
    "Cl13nt~S3cret~Value",
    "xWwvJ]6NMw+bWH-d-Profile",
    "QueryTok-5521",
    "Bearer-Header-Token-991",
    "Xyz8Q~AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    "Bind-Err-Secret-42",
    "Body-Json-Pw-17",
    "Piped-Pw-64",
];

/// A script that hands every kind of secret to the tenant's cmdlets, the ways admins do.
fn secret_script() -> String {
    format!(
        r#"Connect-MicrosoftTeams -AccessTokens @('{JWT}', "AccTok-Plain-7731") | Out-Null
Connect-MicrosoftTeams -Credential (New-Object System.Management.Automation.PSCredential('admin@contoso.onmicrosoft.com', (ConvertTo-SecureString 'Cr3d-Literal-Pw' -AsPlainText -Force))) | Out-Null
Connect-MgGraph -AccessToken (ConvertTo-SecureString 'Sup3r-Pl41n-Passw0rd' -AsPlainText -Force) -NoWelcome
Connect-MgGraph -TenantId contoso.onmicrosoft.com -ClientSecretCredential ([pscredential]::new('a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', ('Cl13nt~S3cret~Value' | ConvertTo-SecureString -AsPlainText -Force))) -NoWelcome
Connect-MgGraph -AccessToken ('Piped-Pw-64' | ConvertTo-SecureString -AsPlainText -Force) -NoWelcome
New-MgUser -DisplayName 'Rene Magi' -PasswordProfile @{{ Password = 'xWwvJ]6NMw+bWH-d-Profile' }} -AccountEnabled -MailNickName 'ReneMagi' -UserPrincipalName 'ReneMagi@contoso.onmicrosoft.com' | Out-Null
Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/me?access_token=QueryTok-5521' -Headers @{{ Authorization = "Bearer Bearer-Header-Token-991" }}
Invoke-MgGraphRequest -Method POST -Uri '/v1.0/applications' -Body '{{"passwordCredential":{{"secretText":"Xyz8Q~AbCdEfGhIjKlMnOpQrStUvWxYz012345"}}}}'
Invoke-MgGraphRequest -Method POST -Uri '/v1.0/users' -Body @{{ displayName = 'X'; passwordProfile = @{{ password = 'Body-Json-Pw-17' }} }}
Connect-MgGraph -AccessToken (ConvertTo-SecureString 'Bind-Err-Secret-42' -AsPlainText -Force) -NoSuchParam x
New-CsApplicationAccessPolicy -Identity AfterSecrets -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName AfterSecrets -Identity megan.bowen@contoso.onmicrosoft.com
Save-EmuSnapshot -Name after-secrets
Get-Content -Raw -Path ./store.json.journal | Set-Content -Path ./journal-copy.txt
"#
    )
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Fails naming the file and the secret if any file under `dir` holds any of `secrets`.
fn assert_no_secret_under(dir: &Path, secrets: &[&str]) {
    let files = files_under(dir);
    assert!(!files.is_empty());
    for file in files {
        let bytes = fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{} holds the secret {secret:?}:\n{text}",
                file.display()
            );
        }
    }
}

fn aapsh(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("AAPSH_HISTORY", home.join("history.txt"))
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .env("AAPSH_SEED", "1")
        .env("NO_COLOR", "1")
        .current_dir(home)
        .stdin(Stdio::null());
    cmd
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_script_full_of_secrets_leaves_none_on_disk() {
    let home = tempfile::tempdir().unwrap();
    // The script is the user's own file, outside the folder searched.
    let scripts = tempfile::tempdir().unwrap();
    let script = scripts.path().join("secrets.ps1");
    fs::write(&script, secret_script()).unwrap();
    let o = aapsh(home.path())
        .env("AAPSH_DURABILITY", "os")
        .args(["-NoProfile", "-NonInteractive", "-Store", "store.json"])
        .arg(&script)
        .output()
        .unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    // What the run wrote: the store, a copy of its live journal, the audit log, a snapshot.
    for file in [
        "store.json",
        "journal-copy.txt",
        "store.json.audit",
        "store.json.snapshots/after-secrets.json",
    ] {
        assert!(home.path().join(file).is_file(), "{file} was written");
    }
    let journal = fs::read_to_string(home.path().join("journal-copy.txt")).unwrap();
    assert!(journal.contains("NewUser"), "{journal}");
    assert_no_secret_under(home.path(), SCRIPT_SECRETS);

    // The same text as -Command (the audit log's `source` is then `line:N`).
    let o = aapsh(home.path())
        .args(["-NoProfile", "-NonInteractive", "-Store", "store.json"])
        .arg("-Command")
        .arg(secret_script())
        .output()
        .unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_no_secret_under(home.path(), SCRIPT_SECRETS);

    // The log still says what happened, with the secrets as ***.
    let audit = fs::read_to_string(home.path().join("store.json.audit")).unwrap();
    assert!(audit.contains(r#""AccessTokens":"***""#), "{audit}");
    assert!(
        audit
            .contains("New-MgUser -DisplayName 'Rene Magi' -PasswordProfile @{ Password = '***' }"),
        "{audit}"
    );
    assert!(audit.contains("access_token=***"), "{audit}");
    assert!(audit.contains("Grant-CsApplicationAccessPolicy -PolicyName AfterSecrets"));
}

#[cfg(unix)]
#[test]
fn the_audit_log_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let o = aapsh(home.path())
        .args([
            "-Store",
            "store.json",
            "-Connected",
            "-Command",
            "Get-CsTenant | Out-Null",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = fs::metadata(home.path().join("store.json.audit"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

#[test]
fn the_audit_log_keeps_long_values_short() {
    let home = tempfile::tempdir().unwrap();
    // A 4 MB description, and a 400 KB value that ends up in an error message.
    let o = aapsh(home.path())
        .args(["-Store", "store.json", "-Connected", "-Command"])
        .arg(
            "$big = 'd' * 4MB; New-CsApplicationAccessPolicy -Identity Big -Description $big | Out-Null; \
             New-CsApplicationAccessPolicy -Identity Bad -AppIds ('z' * 400KB)",
        )
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("is not a valid AppId"),
        "{}",
        stderr(&o)
    );
    let audit = fs::read_to_string(home.path().join("store.json.audit")).unwrap();
    assert!(
        audit.len() < 16 * 1024,
        "the log holds {} bytes",
        audit.len()
    );
    assert!(
        audit.contains(&format!("… [{} more bytes cut]", 4 * 1024 * 1024 - 1024)),
        "{audit}"
    );
    // The description itself is stored in full: only the log is cut.
    let store = fs::read_to_string(home.path().join("store.json")).unwrap();
    assert!(store.contains(&"d".repeat(4 << 20)));
}

// ---------------------------------------------------------------------------------------------
// The interactive prompt

const TIMEOUT_MS: u64 = 60_000;
const PROMPT: &str = r"PS [^\r\n]*> ";

/// Secrets typed at the prompt. The first two were kept in the history file before its filter
/// knew bearer tokens and JSON Web Tokens.
const REPL_SECRETS: &[&str] = &[
    "Opaque-Repl-Value-77",
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBsIn0.UmVwbFNpZw",
    "UmVwbFNpZw",
    "Opaque-Inline-Value-88",
    "Repl-Graph-Tok",
    "Repl-Pw-Value-3",
    "Repl-Plain-Tok-1",
];

/// Runs `line` and waits for the next prompt. The prompt is redrawn while a line is typed, so
/// it alone says nothing: the editor turns bracketed paste back on (`ESC [?2004h`) only when it
/// starts reading the next line, after the command ran. (Keys sent before that are lost.)
fn enter(p: &mut PtySession, line: &str) {
    p.send(line).unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("\u{1b}[?2004h").unwrap();
    p.exp_regex(PROMPT).unwrap();
}

#[test]
fn an_interactive_session_full_of_secrets_leaves_none_on_disk() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.args(["-NoLogo", "-Color", "never", "-Store", "store.json"])
        .env_clear()
        .env("HOME", home.path())
        .env("TERM", "xterm")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("AAPSH_HISTORY", home.path().join("history.txt"))
        .current_dir(home.path());
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn aapsh in a pty");
    p.exp_regex(PROMPT).unwrap();
    for line in [
        "Connect-MicrosoftTeams -AccessTokens @('Repl-Plain-Tok-1', 'x') | Out-Null",
        "$h = @{ Authorization = \"Bearer Opaque-Repl-Value-77\" }",
        "$jwt = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBsIn0.UmVwbFNpZw'",
        "Connect-MgGraph -AccessToken (ConvertTo-SecureString 'Repl-Graph-Tok' -AsPlainText -Force) -NoWelcome",
        "Invoke-MgGraphRequest -Method GET -Uri '/v1.0/me' -Headers $h",
        "Invoke-MgGraphRequest -Method GET -Uri '/v1.0/me' -Headers @{ Authorization = \"Bearer Opaque-Inline-Value-88\" }",
        "Invoke-MgGraphRequest -Method GET -Uri \"/v1.0/me?x=$jwt\"",
        "New-MgUser -DisplayName 'Pat' -PasswordProfile @{ Password = 'Repl-Pw-Value-3' } -AccountEnabled -MailNickName 'Pat' -UserPrincipalName 'pat@contoso.onmicrosoft.com' | Out-Null",
        "'marker' + '-kept'",
    ] {
        enter(&mut p, line);
    }
    // While the session is still open (its journal may be live), and after it ends.
    assert_no_secret_under(home.path(), REPL_SECRETS);
    p.send("exit\r").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    assert_no_secret_under(home.path(), REPL_SECRETS);

    let history = fs::read_to_string(home.path().join("history.txt")).unwrap();
    assert!(history.contains("'marker' + '-kept'"), "{history}");
    let audit = fs::read_to_string(home.path().join("store.json.audit")).unwrap();
    assert!(audit.contains("New-MgUser"), "{audit}");
    assert!(
        audit.contains(r#""Headers":"@{Authorization=***}""#),
        "{audit}"
    );
}
