//! The script cmdlets through the real binary, for what the golden transcripts cannot show:
//! prompts answered on standard input (goldens always run -NonInteractive), files written and
//! read back, and the session clock.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

struct Run {
    out: String,
    err: String,
    code: i32,
}

fn aapsh(dir: &Path, script: &str, stdin: &str, extra: &[&str]) -> Run {
    let file = dir.join("t.ps1");
    std::fs::write(&file, script).expect("write script");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", dir)
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .env("AAPSH_SEED", "7")
        .current_dir(dir)
        .args(["-Color", "never", "-Store"])
        .arg(dir.join("store.json"))
        .args(extra)
        .arg(&file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn aapsh");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let o: Output = child.wait_with_output().expect("wait");
    Run {
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: unwrap_messages(&String::from_utf8_lossy(&o.stderr)),
        code: o.status.code().unwrap_or(-1),
    }
}

/// ConciseView wraps a message at the 80 columns of redirected output (`     | ` lines); the
/// assertions here read each message as one line.
fn unwrap_messages(err: &str) -> String {
    const BAR: &str = "     | ";
    let mut out: Vec<String> = Vec::new();
    for line in err.lines() {
        let is_message = |l: &str| {
            l.strip_prefix(BAR)
                .is_some_and(|rest| !rest.trim_start().starts_with('~'))
        };
        match out.last_mut() {
            Some(prev) if is_message(line) && is_message(prev) => {
                prev.push(' ');
                prev.push_str(&line[BAR.len()..]);
            }
            _ => out.push(line.to_string()),
        }
    }
    let mut text = out.join("\n");
    if err.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn run(script: &str) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    aapsh(dir.path(), script, "", &["-NonInteractive"])
}

#[test]
fn read_host_prompts_and_reads_a_line_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let r = aapsh(
        dir.path(),
        "$id = Read-Host \"Application (client) ID\"\n\"got [$id]\"\n$s = Read-Host -AsSecureString\n$s.GetType().FullName\n",
        "a41d7c2e\nsecret\n",
        &[],
    );
    assert_eq!(
        r.out, "Application (client) ID: got [a41d7c2e]\nSystem.Security.SecureString\n",
        "{}",
        r.err
    );
    let r = aapsh(
        dir.path(),
        "Read-Host 'x'\n'next'\n",
        "",
        &["-NonInteractive"],
    );
    assert!(
        r.err.contains(
            "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
        ),
        "{}",
        r.err
    );
    assert_eq!(r.out, "next\n");
}

#[test]
fn get_credential_prompts_like_the_console_or_returns_the_offline_credential() {
    let dir = tempfile::tempdir().unwrap();
    let script = "$c = Get-Credential\n$c.UserName\n$c.GetType().FullName\n";
    let r = aapsh(
        dir.path(),
        script,
        "ops@contoso.onmicrosoft.com\nP@ss\n",
        &[],
    );
    assert_eq!(
        r.out,
        "PowerShell credential request\nEnter your credentials.\nUser: Password for user ops@contoso.onmicrosoft.com: \nops@contoso.onmicrosoft.com\nSystem.Management.Automation.PSCredential\n",
        "{}",
        r.err
    );
    let r = aapsh(dir.path(), script, "", &["-NonInteractive"]);
    assert_eq!(
        r.out,
        "admin@contoso.onmicrosoft.com\nSystem.Management.Automation.PSCredential\n"
    );
    let r = aapsh(
        dir.path(),
        "(Get-Credential -UserName bot@x).UserName\n",
        "",
        &["-NonInteractive"],
    );
    assert_eq!(r.out, "bot@x\n");
}

#[test]
fn csv_round_trips_commas_quotes_and_line_breaks() {
    let r = run(r#"
$rows = @(
    [PSCustomObject]@{ UPN = 'a@x'; Note = 'Sales, EMEA'; Quote = 'say "hi"' }
    [PSCustomObject]@{ UPN = 'b@x'; Note = "two`nlines"; Quote = $null }
)
$rows | Export-Csv -Path data.csv
Get-Content data.csv -Raw
$back = Import-Csv data.csv
$back.Count
$back[0].Note
$back[0].Quote
$back[1].Note -eq "two`nlines"
$back[1].Quote -eq ''
"#);
    assert_eq!(
        r.out,
        "\"UPN\",\"Note\",\"Quote\"\n\"a@x\",\"Sales, EMEA\",\"say \"\"hi\"\"\"\n\"b@x\",\"two\nlines\",\n\n2\nSales, EMEA\nsay \"hi\"\nTrue\nTrue\n",
        "{}",
        r.err
    );
}

#[test]
fn export_csv_append_refuses_mismatched_columns() {
    let r = run(r#"
[PSCustomObject]@{ A = 1; B = 2 } | Export-Csv t.csv
[PSCustomObject]@{ A = 3 } | Export-Csv t.csv -Append
(Get-Content t.csv).Count
[PSCustomObject]@{ A = 3 } | Export-Csv t.csv -Append -Force
Get-Content t.csv
"#);
    assert!(
        r.err.contains("Cannot append CSV content to the following file: t.csv. The appended object does not have a property that corresponds to the following column: B. To continue with mismatched properties, add the -Force parameter, and then retry the command."),
        "{}",
        r.err
    );
    assert_eq!(r.out, "2\n\"A\",\"B\"\n\"1\",\"2\"\n\"3\",\n");
}

#[test]
fn json_round_trip_and_depth_warning() {
    let r = run(r#"
$o = [PSCustomObject]@{ Name = 'Bot'; Apps = @('a', 'b'); Owner = [PSCustomObject]@{ Upn = 'a@x'; Groups = @{ Id = 1 } } }
$json = $o | ConvertTo-Json -Depth 5
$back = $json | ConvertFrom-Json
$back.Owner.Groups.Id
$back.Apps -join '+'
$o | ConvertTo-Json -Depth 1 -Compress
"#);
    // The warning is a host line on stdout (pwsh's WriteWarningLine), before the JSON.
    assert_eq!(
        r.out,
        "1\na+b\nWARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 1.\n{\"Name\":\"Bot\",\"Apps\":[\"a\",\"b\"],\"Owner\":{\"Upn\":\"a@x\",\"Groups\":\"System.Collections.Hashtable\"}}\n",
        "{}",
        r.err
    );
    assert_eq!(r.err, "");
}

#[test]
fn start_sleep_moves_the_session_clock_at_once() {
    let r = run(
        "Get-Date -Format HH:mm\nStart-Sleep -Seconds 3600\nGet-Date -Format HH:mm\nStart-Sleep -Milliseconds 90000\nGet-Date -Format HH:mm:ss\n",
    );
    assert_eq!(r.out, "09:00\n10:00\n10:01:30\n", "{}", r.err);
}

#[test]
fn foreach_object_runs_begin_and_end_without_input_and_positional_blocks() {
    let r = run(
        "@() | ForEach-Object -Begin { 'B' } -Process { 'P' } -End { 'E' }\n1..2 | % { 'b' } { $_ } { 'e' }\n'ab', 'c' | % ToUpper\n",
    );
    assert_eq!(r.out, "B\nE\nb\n1\n2\ne\nAB\nC\n", "{}", r.err);
}

#[test]
fn module_stand_ins() {
    let r = run(
        "Import-Module MicrosoftTeams\n(Get-Module MicrosoftTeams).Name\nImport-Module Nope.Module\n$?\nInstall-Module MicrosoftTeams -Force\n(Get-Module -ListAvailable -Name MicrosoftTeams).Version\n",
    );
    assert_eq!(r.out, "MicrosoftTeams\nFalse\n7.6.0\n", "{}", r.err);
    assert!(r.err.contains(
        "The specified module 'Nope.Module' was not loaded because no valid module file was found in any module directory."
    ));
    assert_eq!(r.code, 0);
}
