//! The command line as users and acceptance checks call it (docs/cli.md): modes, store
//! location precedence, state across processes, exit codes.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn aapsh(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", dir)
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .env("AAPSH_SEED", "1")
        .current_dir(dir)
        .stdin(Stdio::null());
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run aapsh")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn state_survives_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let o = run(aapsh(dir.path()).args(["-Store", store.to_str().unwrap(), "-Connected", "-Command"]).arg(
        "New-CsApplicationAccessPolicy -Identity Keep -AppIds 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | Out-Null; Grant-CsApplicationAccessPolicy -PolicyName Keep -Identity megan.bowen@contoso.onmicrosoft.com",
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let json = fs::read_to_string(&store).unwrap();
    assert!(json.contains("\"Tag:Keep\""), "{json}");
    assert!(
        json.contains("\"ddb80e06-92f3-4978-bc22-a0eee85e6a9e\": \"Keep\""),
        "{json}"
    );
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-Connected",
        "-Command",
        "(Get-CsOnlineUser -Identity 'Megan Bowen').ApplicationAccessPolicy",
    ]));
    assert_eq!(stdout(&o), "Keep\n");
}

#[test]
fn store_location_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let env_store = dir.path().join("env.json");
    let opt_store = dir.path().join("opt.json");
    // AAPSH_STORE is used when there is no -Store...
    let o = run(aapsh(dir.path()).env("AAPSH_STORE", &env_store).args([
        "-Connected",
        "-Command",
        "New-CsApplicationAccessPolicy -Identity FromEnv | Out-Null",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read_to_string(&env_store)
            .unwrap()
            .contains("Tag:FromEnv")
    );
    // ...and -Store wins over it.
    let o = run(aapsh(dir.path()).env("AAPSH_STORE", &env_store).args([
        "-Store",
        opt_store.to_str().unwrap(),
        "-Connected",
        "-Command",
        "New-CsApplicationAccessPolicy -Identity FromOption | Out-Null",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read_to_string(&opt_store)
            .unwrap()
            .contains("Tag:FromOption")
    );
    assert!(
        !fs::read_to_string(&env_store)
            .unwrap()
            .contains("FromOption")
    );
}

#[test]
fn command_exit_code_follows_last_statement() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let s = store.to_str().unwrap();
    let ok = run(aapsh(dir.path()).args([
        "-Store",
        s,
        "-Connected",
        "-c",
        "Get-CsApplicationAccessPolicy -Identity Global | Out-Null",
    ]));
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let failed = run(aapsh(dir.path()).args([
        "-Store",
        s,
        "-Connected",
        "-c",
        "Get-CsApplicationAccessPolicy -Identity Nope",
    ]));
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("\"Nope\" not found"),
        "{}",
        stderr(&failed)
    );
    let exit = run(aapsh(dir.path()).args(["-Store", s, "-c", "exit 7"]));
    assert_eq!(exit.status.code(), Some(7));
    let parse = run(aapsh(dir.path()).args(["-Store", s, "-c", "Write-Host 'x"]));
    assert_eq!(parse.status.code(), Some(1));
    assert!(
        stderr(&parse).contains("The string is missing the terminator: '."),
        "{}",
        stderr(&parse)
    );
    assert_eq!(stdout(&parse), "");
}

#[test]
fn command_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let mut child = aapsh(dir.path())
        .args(["-Store", store.to_str().unwrap(), "-Command", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Connect-MicrosoftTeams | Out-Null\n(Get-CsApplicationAccessPolicy).Identity\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(stdout(&o), "Global\n", "{}", stderr(&o));
}

#[test]
fn script_file_parse_error_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let script = dir.path().join("bad.ps1");
    fs::write(&script, "Connect-MicrosoftTeams\nNew-CsApplicationAccessPolicy -Identity Ghost\nWrite-Host \"unterminated\n").unwrap();
    let o =
        run(aapsh(dir.path()).args(["-Store", store.to_str().unwrap(), script.to_str().unwrap()]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let json = fs::read_to_string(&store).unwrap_or_default();
    assert!(!json.contains("Ghost"));
}

#[test]
fn script_arguments_bind_to_param_block() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let script = dir.path().join("greet.ps1");
    fs::write(&script, "param([string]$Name = 'nobody', [switch]$Loud)\nif ($Loud) { Write-Host \"HELLO $Name\" } else { Write-Host \"hello $Name\" }\n").unwrap();
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-File",
        script.to_str().unwrap(),
        "-Name",
        "Megan",
        "-Loud",
    ]));
    assert_eq!(stdout(&o), "HELLO Megan\n", "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        script.to_str().unwrap(),
        "Lee",
    ]));
    assert_eq!(stdout(&o), "hello Lee\n", "{}", stderr(&o));
}

#[test]
fn bad_store_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("broken.json");
    fs::write(&store, "{ \"schemaVersion\": 1, \"users\": [ }").unwrap();
    let before = fs::read(&store).unwrap();
    let o = run(aapsh(dir.path()).args(["-Store", store.to_str().unwrap(), "-Command", "exit 0"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("broken.json"), "{}", stderr(&o));
    assert_eq!(fs::read(&store).unwrap(), before);
}

#[test]
fn file_must_be_a_ps1_script_and_options_take_equals() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let text = dir.path().join("notes.txt");
    fs::write(&text, "Write-Host hi\n").unwrap();
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-File",
        text.to_str().unwrap(),
    ]));
    assert_eq!(o.status.code(), Some(64));
    assert!(
        stderr(&o).contains("does not have a '.ps1' extension"),
        "{}",
        stderr(&o)
    );
    let o = run(aapsh(dir.path())
        .arg(format!("--store={}", store.display()))
        .args(["--color=never", "-c", "'ok'"]));
    assert_eq!(stdout(&o), "ok\n", "{}", stderr(&o));
}

#[test]
fn version_help_and_unknown_option() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(aapsh(dir.path()).arg("-Version"));
    assert!(stdout(&o).starts_with("aapsh "));
    let o = run(aapsh(dir.path()).arg("-?"));
    assert!(stdout(&o).contains("-Command TEXT"));
    let o = run(aapsh(dir.path()).arg("-NoSuchOption"));
    assert_ne!(o.status.code(), Some(0));
}

/// Trainers review a trainee's session afterwards: the audit log beside the store keeps every
/// tenant command from every process, with bound parameters (secrets masked) and outcomes.
#[test]
fn the_audit_log_keeps_commands_from_every_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let store_arg = store.to_str().unwrap();
    let o = run(aapsh(dir.path()).args(["-Store", store_arg, "-Connected", "-Command"]).arg(
        "New-CsApplicationAccessPolicy -Identity Audit -AppIds a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 | Out-Null; \
         Grant-CsApplicationAccessPolicy -PolicyName Audit -Identity nobody@contoso.onmicrosoft.com; \
         1..3 | ForEach-Object { $_ } | Out-Null",
    ));
    assert!(!stderr(&o).is_empty());
    let o = run(aapsh(dir.path())
        .env("AAPSH_NOW", "2026-11-26T10:00:00Z")
        .args(["-Store", store_arg, "-Connected", "-Command"])
        .arg(
            "$s = ConvertTo-SecureString 'hunter2' -AsPlainText -Force; \
             $c = New-Object System.Management.Automation.PSCredential('a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', $s); \
             Connect-MgGraph -TenantId 5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58 -ClientSecretCredential $c | Out-Null; \
             Remove-CsApplicationAccessPolicy -Identity Audit -WhatIf | Out-Null",
        ));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args(["-Store", store_arg, "-Command"]).arg(
        "Get-EmuAuditLog | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.Session.ToString('HH:mm'), $_.Command, $_.Outcome, $_.Parameters, $_.Error }",
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // The language cmdlets (ForEach-Object, Out-Null...) are not logged.
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(
        lines[0],
        "09:00|New-CsApplicationAccessPolicy|Succeeded|-Identity Audit -AppIds a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83|"
    );
    // The failed grant says why.
    let failed = lines[1]
        .strip_prefix("09:00|Grant-CsApplicationAccessPolicy|Failed|-PolicyName Audit -Identity nobody@contoso.onmicrosoft.com|")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(
        failed.contains("nobody@contoso.onmicrosoft.com"),
        "{failed}"
    );
    assert_eq!(
        lines[2],
        "10:00|Connect-MgGraph|Succeeded|-TenantId 5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58 -ClientSecretCredential ***|"
    );
    assert_eq!(
        lines[3],
        "10:00|Remove-CsApplicationAccessPolicy|Skipped|-Identity Audit -WhatIf|"
    );
    let log = fs::read_to_string(dir.path().join("s.json.audit")).unwrap();
    assert!(!log.contains("hunter2"), "{log}");
}

/// Snapshots are store files beside the store and outlive the session that saved them.
#[test]
fn snapshots_are_store_files_that_outlive_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let store_arg = store.to_str().unwrap();
    let o = run(aapsh(dir.path()).args(["-Store", store_arg, "-Connected", "-Command"]).arg(
        "New-CsApplicationAccessPolicy -Identity Kept | Out-Null; Save-EmuSnapshot -Name 'Day 1'; Reset-EmuState",
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let snapshot = dir.path().join("s.json.snapshots").join("Day 1.json");
    // A snapshot opens as a store of its own.
    let o = run(aapsh(dir.path()).args([
        "-Store",
        snapshot.to_str().unwrap(),
        "-Connected",
        "-Command",
        "(Get-CsApplicationAccessPolicy).Identity -join ','",
    ]));
    assert_eq!(stdout(&o), "Global,Tag:Kept\n", "{}", stderr(&o));
    // A later session restores it.
    let o = run(aapsh(dir.path()).args(["-Store", store_arg, "-Connected", "-Command"]).arg(
        "(Get-CsApplicationAccessPolicy).Identity -join ','; Restore-EmuSnapshot 'day 1'; (Get-CsApplicationAccessPolicy).Identity -join ','",
    ));
    assert_eq!(stdout(&o), "Global\nGlobal,Tag:Kept\n", "{}", stderr(&o));
    assert!(fs::read_to_string(&store).unwrap().contains("Tag:Kept"));
}

/// `AAPSH_DURABILITY` takes `disk` or `os`; anything else is refused before the store is touched.
#[test]
fn durability_setting_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let o = run(aapsh(dir.path())
        .env("AAPSH_DURABILITY", "sometimes")
        .args(["-Store", store.to_str().unwrap(), "-Command", "1"]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "aapsh: AAPSH_DURABILITY must be disk or os, not 'sometimes'.\n"
    );
    assert!(!store.exists());
    for value in ["disk", "OS"] {
        let o = run(aapsh(dir.path()).env("AAPSH_DURABILITY", value).args([
            "-Store",
            store.to_str().unwrap(),
            "-Command",
            "1",
        ]));
        assert_eq!(stdout(&o), "1\n", "{}", stderr(&o));
    }
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut v = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        v.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    v
}

/// Scripts saved on Windows (UTF-16 with a BOM, UTF-8 with a BOM) run as pwsh runs them: as
/// file arguments, dot-sourced and `&`-invoked, and read by Get-Content. pwsh 7.6.10 printed
/// `héllo1` for the UTF-16 LE script `'héllo' + 1` (CRLF line ends) given to -File.
#[test]
fn windows_encoded_scripts_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    fs::write(
        dir.path().join("le.ps1"),
        utf16("'h\u{e9}llo' + 1\r\n$x = 'from-le'\r\n", true),
    )
    .unwrap();
    fs::write(
        dir.path().join("be.ps1"),
        utf16("'big-' + 'endian'\r\n", false),
    )
    .unwrap();
    fs::write(
        dir.path().join("bom8.ps1"),
        b"\xEF\xBB\xBF'utf8-' + 'bom'\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("users.txt"),
        utf16("alice\r\nbob\r\n", true),
    )
    .unwrap();
    let o = run(aapsh(dir.path()).args(["-Store", store.to_str().unwrap(), "le.ps1"]));
    assert_eq!(stdout(&o), "h\u{e9}llo1\n", "{}", stderr(&o));
    assert!(o.status.success());
    let o = run(aapsh(dir.path()).args(["-Store", store.to_str().unwrap(), "-File", "be.ps1"]));
    assert_eq!(stdout(&o), "big-endian\n", "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-Command",
        ". ./le.ps1; $x; & ./be.ps1; & ./bom8.ps1; (Get-Content ./users.txt) -join ','",
    ]));
    assert_eq!(
        stdout(&o),
        "h\u{e9}llo1\nfrom-le\nbig-endian\nutf8-bom\nalice,bob\n",
        "{}",
        stderr(&o)
    );
}

/// `-Sandbox`: a store in a new temporary folder, gone when aapsh exits; the next sandbox
/// starts from the demo tenant again. It says nothing on stderr (the banner names it).
#[test]
fn sandbox_store_is_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let script = "New-CsApplicationAccessPolicy -Identity Scratch | Out-Null; (Get-CsApplicationAccessPolicy).Identity -join ','";
    for _ in 0..2 {
        let o = run(aapsh(dir.path()).env("TMPDIR", &tmp).args([
            "-Sandbox",
            "-Connected",
            "-Command",
            script,
        ]));
        assert_eq!(stdout(&o), "Global,Tag:Scratch\n", "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
        assert_eq!(
            fs::read_dir(&tmp).unwrap().count(),
            0,
            "sandbox left behind"
        );
    }
    let o = run(aapsh(dir.path()).args(["-Sandbox", "-Store", "x.json", "-Command", "1"]));
    assert_eq!(o.status.code(), Some(64));
    assert!(!dir.path().join("x.json").exists());
}

/// A new store is announced once on stderr with its path when the path was not given with
/// -Store; with -Store (goldens, CI) a script's stderr stays pwsh's own.
#[test]
fn a_new_store_is_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    let env_store = dir.path().join("env.json");
    let o = run(aapsh(dir.path())
        .env("AAPSH_STORE", &env_store)
        .args(["-Command", "'first'"]));
    assert_eq!(stdout(&o), "first\n");
    assert_eq!(
        stderr(&o),
        format!(
            "aapsh: created a new store from the demo tenant (Contoso): {}\n",
            env_store.display()
        )
    );
    let o = run(aapsh(dir.path())
        .env("AAPSH_STORE", &env_store)
        .args(["-Command", "'second'"]));
    assert_eq!(stderr(&o), "");
    let o = run(aapsh(dir.path()).args(["-Store", "explicit.json", "-Command", "'third'"]));
    assert_eq!(stderr(&o), "");
    assert!(dir.path().join("explicit.json").exists());
}

/// A Windows path on Linux fails as pwsh fails there (pwsh 7.6.10 on Linux:
/// `Get-Content: Cannot find drive. A drive with the name 'C' does not exist.`, category
/// ObjectNotFound, id `DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand`;
/// Test-Path says False and Split-Path works); `-PathMap` replays the script from a local folder.
#[test]
#[cfg(unix)]
fn windows_paths_fail_as_in_pwsh_unless_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-Command",
        "Get-Content C:\\Temp\\users.csv; $error[0].CategoryInfo.Category; $error[0].FullyQualifiedErrorId; Import-Csv D:\\a.csv; Test-Path C:\\Temp; Split-Path C:\\x\\y.txt -Leaf; $env:HOME -ne $null",
    ]));
    assert_eq!(
        stdout(&o),
        "ObjectNotFound\nDriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand\nFalse\ny.txt\nTrue\n"
    );
    assert_eq!(
        stderr(&o),
        "Get-Content: Cannot find drive. A drive with the name 'C' does not exist.\nImport-Csv: Cannot find drive. A drive with the name 'D' does not exist.\n"
    );

    fs::create_dir(dir.path().join("scripts")).unwrap();
    fs::write(
        dir.path().join("scripts/users.csv"),
        "upn\nalice@contoso.com\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("scripts/grant.ps1"),
        "(Import-Csv C:\\Scripts\\users.csv).upn\n$PSScriptRoot -replace '.*[\\\\/]', ''\n",
    )
    .unwrap();
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-PathMap",
        "c:\\scripts=./scripts",
        "-File",
        "C:\\Scripts\\grant.ps1",
    ]));
    assert_eq!(stdout(&o), "alice@contoso.com\nscripts\n", "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-PathMap",
        "C:\\Scripts=./scripts",
        "-Command",
        "& 'C:\\Scripts\\grant.ps1'; Get-Content C:\\ScriptsOther\\x.txt",
    ]));
    assert_eq!(stdout(&o), "alice@contoso.com\nscripts\n", "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "Get-Content: Cannot find drive. A drive with the name 'C' does not exist.\n"
    );
}

/// pwsh's own command-line options (`pwsh -?`): -EncodedCommand (Base64 of UTF-16 LE),
/// -WorkingDirectory (a missing folder is Set-Location's error and the run goes on, as pwsh
/// 7.6.10 did), -ExecutionPolicy (checked, no effect), -OutputFormat/-InputFormat Text.
#[test]
fn pwsh_command_line_options() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let s = store.to_str().unwrap();
    fs::create_dir(dir.path().join("work")).unwrap();
    // [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("'enc' + 1"))
    let o = run(aapsh(dir.path()).args([
        "-Store",
        s,
        "-ep",
        "Bypass",
        "-of",
        "Text",
        "-e",
        "JwBlAG4AYwAnACAAKwAgADEA",
    ]));
    assert_eq!(stdout(&o), "enc1\n", "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args(["-Store", s, "-EncodedCommand", "!!"]));
    assert_eq!(o.status.code(), Some(64));
    assert!(stderr(&o).starts_with("Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.\n"));
    let o = run(aapsh(dir.path()).args(["-Store", s, "-ExecutionPolicy", "Bogus", "-c", "1"]));
    assert_eq!(o.status.code(), Some(64));
    assert!(stderr(&o).starts_with("Invalid ExecutionPolicy value 'Bogus'.\n"));
    let o = run(aapsh(dir.path()).args([
        "-Store",
        s,
        "-wd",
        "work",
        "-InputFormat",
        "text",
        "-c",
        "Split-Path $PWD.Path -Leaf",
    ]));
    assert_eq!(stdout(&o), "work\n", "{}", stderr(&o));
    let o = run(aapsh(dir.path()).args([
        "-Store",
        s,
        "-WorkingDirectory",
        "/nonexistent-dir",
        "-c",
        "'ran'",
    ]));
    assert_eq!(stdout(&o), "ran\n");
    assert_eq!(
        stderr(&o),
        "Set-Location: Cannot find path '/nonexistent-dir' because it does not exist.\n"
    );
    assert_eq!(o.status.code(), Some(0));
}

/// `Get-Help -Online` cannot open a browser offline: it prints the Microsoft Learn address of
/// the command's page; a command with no online page gets pwsh's error (pwsh 7.6.10, for a
/// function: "The online version of this Help topic cannot be displayed because the Internet
/// address (URI) of the Help topic is not specified in the command code or in the help file for
/// the command.").
#[test]
fn get_help_online_prints_the_learn_address() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.json");
    let o = run(aapsh(dir.path()).args([
        "-Store",
        store.to_str().unwrap(),
        "-Command",
        "Get-Help Grant-CsApplicationAccessPolicy -Online; help Get-Content -Online; Get-Help New-MgUser -Online; Get-Help Test-EmuAppAccess -Online",
    ]));
    assert_eq!(
        stdout(&o),
        "https://learn.microsoft.com/powershell/module/microsoftteams/grant-csapplicationaccesspolicy\nhttps://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-content\nhttps://learn.microsoft.com/powershell/module/microsoft.graph.users/new-mguser\n"
    );
    assert_eq!(
        stderr(&o),
        "Get-Help: The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.\n"
    );
}
