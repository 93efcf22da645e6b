//! Acceptance QA for real admin scripts (issue 3): the realistic scripts are replayed as
//! goldens (`tests/golden/qa-*.ps1`); this file holds the cases a golden cannot express
//! (standard input without -NonInteractive) and focused checks of the engine fixes those
//! scripts exposed.

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::rc::Rc;

use aapsh::runtime::clock::{Clock, IdGenerator};
use aapsh::runtime::host::Host;
use aapsh::runtime::{RunOutcome, SessionOptions};
use aapsh::store::{Store, demo_tenant};

#[derive(Default)]
struct Captured {
    out: String,
    err: String,
}

struct SharedHost(Rc<RefCell<Captured>>);

impl Host for SharedHost {
    fn write_out(&mut self, text: &str) {
        self.0.borrow_mut().out.push_str(text);
    }
    fn write_err(&mut self, text: &str) {
        self.0.borrow_mut().err.push_str(text);
    }
    fn read_line(&mut self) -> Option<String> {
        None
    }
    fn width(&self) -> usize {
        120
    }
}

/// Runs `script` as the file `/scripts/t.ps1` in a fresh session (demo tenant, fixed clock,
/// -NonInteractive, 120 columns); returns (stdout, stderr, outcome).
fn run_file(script: &str, args: &[&str]) -> (String, String, RunOutcome) {
    let script = script.to_string();
    let raw: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let captured = Rc::new(RefCell::new(Captured::default()));
            let mut s = aapsh::shell::new_session(
                Box::new(SharedHost(captured.clone())),
                Store::in_memory(demo_tenant()),
                SessionOptions {
                    non_interactive: true,
                    ..SessionOptions::default()
                },
            );
            s.clock = Clock::from_env_value(Some("2026-11-26T09:00:00Z")).expect("clock");
            s.ids = IdGenerator::new(Some(42));
            let args = aapsh::runtime::pipeline::script_arguments(&raw);
            let outcome = s.run_text(Some("/scripts/t.ps1".into()), &script, args);
            let c = captured.borrow();
            (c.out.clone(), c.err.clone(), outcome)
        })
        .expect("spawn")
        .join()
        .expect("the interpreter panicked")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn realistic_scripts_are_replayed_as_goldens() {
    let count = std::fs::read_dir(root().join("tests/golden"))
        .expect("golden folder")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.starts_with("qa-") && name.ends_with(".ps1")
        })
        .count();
    assert!(count >= 25, "only {count} realistic scripts");
}

/// Read-Host reads the answers from standard input when the shell may prompt (pwsh reads a
/// redirected stdin line by line); the prompt and `: ` go to stdout.
#[test]
fn read_host_takes_answers_from_standard_input() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let script = root().join("tests/golden/qa-04-tdot-read-host.ps1");
    let mut child = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", tmp.path())
        .env("AAPSH_NOW", "2026-11-26T09:00:00Z")
        .env("AAPSH_SEED", "42")
        .args(["-Color", "never", "-Store"])
        .arg(tmp.path().join("store.json"))
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn aapsh");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"7d3a1f9e-2c4b-4e8d-a6f1-3b5c7d9e1f20\nlee.gu@contoso.onmicrosoft.com\n")
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    let out = String::from_utf8_lossy(&output.stdout);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(err, "", "no errors expected");
    assert!(out.starts_with("Application (client) ID: Organizer UPN (leave blank with -Global): "));
    assert!(out.contains("AppIds      : {7d3a1f9e-2c4b-4e8d-a6f1-3b5c7d9e1f20}"));
    // The organiser read from stdin got the grant.
    let store = std::fs::read_to_string(tmp.path().join("store.json")).expect("store");
    assert!(store.contains("TDOT-Transcript-Policy"));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn script_common_parameters_set_the_script_preferences() {
    let script = "[CmdletBinding()] param([string]$Name = 'x')\n\
                  Write-Verbose \"name=$Name\"\n\
                  \"bound: $($PSBoundParameters.Keys -join ',')\"\n\
                  Write-Error 'not shown'\n\
                  'after'\n";
    let (out, err, _) = run_file(
        script,
        &["-Name", "y", "-Verbose", "-ErrorAction", "SilentlyContinue"],
    );
    assert_eq!(
        out,
        "VERBOSE: name=y\nbound: Name,Verbose,ErrorAction\nafter\n"
    );
    assert_eq!(err, "");
    // Without -Verbose nothing is shown.
    let (out, _, _) = run_file(script, &[]);
    assert_eq!(out, "bound: \nafter\n");
}

#[test]
fn warnings_verbose_and_debug_lines_go_to_stdout_in_order() {
    let (out, err, _) = run_file(
        "'one'; Write-Warning 'w'; Write-Verbose 'v' -Verbose; Write-Debug 'd' -Debug; 'two'; Write-Error 'e'",
        &[],
    );
    assert_eq!(out, "one\nWARNING: w\nVERBOSE: v\nDEBUG: d\ntwo\n");
    // pwsh heads it `Write-Error:`: ConciseView names only what Get-Command finds.
    assert_eq!(err, "Write-Error: e\n");
}

#[test]
fn strict_mode_refuses_method_style_command_calls() {
    let (out, err, _) = run_file(
        "function Add-Two($a, $b) { \"$a|$b\" }\n\
         Add-Two(1, 2)\n\
         Set-StrictMode -Version 2\n\
         Add-Two (1, 2)\n\
         Add-Two(3)\n\
         Add-Two(1, 2)\n\
         'next'\n",
        &[],
    );
    // Off: one array argument. A space before '(' or a single value is not method syntax.
    assert_eq!(out, "1 2|\n1 2|\n3|\nnext\n");
    assert!(
        err.starts_with("InvalidOperation: /scripts/t.ps1:6\n"),
        "unexpected error: {err}"
    );
    assert!(err.contains("   6 |  Add-Two(1, 2)\n     |  ~~~~~~~~~~~~~\n"));
    assert!(err.contains("The function or command was called as if it were a method."));
}

#[test]
fn sort_object_takes_a_direction_per_property() {
    let (out, err, _) = run_file(
        "$rows = @([pscustomobject]@{D='b';N=1}, [pscustomobject]@{D='a';N=1}, [pscustomobject]@{D='c';N=2})\n\
         ($rows | Sort-Object @{e='N';Descending=$true}, D | ForEach-Object { $_.D }) -join ','\n\
         ($rows | Sort-Object N, @{e='D';asc=$false} | ForEach-Object { $_.D }) -join ','\n\
         ($rows | Sort-Object N, @{e='D';Ascending=$true} -Descending | ForEach-Object { $_.D }) -join ','\n",
        &[],
    );
    assert_eq!(err, "");
    assert_eq!(out, "c,a,b\nb,a,c\nc,a,b\n");
}

#[test]
fn ps_version_table_has_a_version_object() {
    let (out, err, _) = run_file(
        "$v = $PSVersionTable.PSVersion\n\
         \"$v $($v.Major).$($v.Minor) $($v.GetType().FullName)\"\n\
         if ($PSVersionTable.PSVersion.Major -lt 7) { 'old' } else { 'new' }\n\
         $r = [version]'5.1.2'; \"$($r.Major)/$($r.Build)/$($r.Revision)\"\n\
         [version]'abc'\n",
        &[],
    );
    assert_eq!(
        out,
        "7.6.10 7.6 System.Management.Automation.SemanticVersion\nnew\n5/2/-1\n"
    );
    assert!(
        err.contains("Cannot convert value \"abc\" to type \"System.Version\""),
        "{err}"
    );
}

#[test]
fn environment_provider_paths() {
    let (out, err, _) = run_file(
        "Set-Item -Path env:AAPSH_QA_ONE -Value 'one'\n\
         Set-Item \"Env:\\AAPSH_QA_TWO\" 'two'\n\
         [Environment]::SetEnvironmentVariable('AAPSH_QA_THREE', 'three')\n\
         \"$env:AAPSH_QA_ONE $env:AAPSH_QA_TWO $env:AAPSH_QA_THREE\"\n\
         Test-Path env:AAPSH_QA_ONE\n\
         Test-Path env:AAPSH_QA_MISSING\n\
         $env:AAPSH_QA_ONE = ''\n\
         Test-Path env:AAPSH_QA_ONE\n\
         Set-Item -Path variable:Answer -Value 42; $Answer\n\
         Set-Item -Path ./some-file.txt -Value x\n\
         'after'\n",
        &[],
    );
    assert_eq!(out, "one two three\nTrue\nFalse\nFalse\n42\nafter\n");
    assert!(
        err.contains(
            "Provider operation stopped because the provider does not support this operation."
        ),
        "{err}"
    );
}

#[test]
fn write_progress_prints_nothing() {
    let (out, err, _) = run_file(
        "foreach ($i in 1..3) { Write-Progress -Activity 'Granting' -Status \"$i of 3\" -PercentComplete ($i * 33) }\n\
         Write-Progress -Activity 'Granting' -Completed\n\
         'done'\n",
        &[],
    );
    assert_eq!((out.as_str(), err.as_str()), ("done\n", ""));
}

#[test]
fn script_paths_are_normalized() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("sub")).expect("mkdir");
    std::fs::write(
        tmp.path().join("sub/inner.ps1"),
        "$PSCommandPath\n$PSScriptRoot\n",
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", tmp.path())
        .current_dir(tmp.path())
        .args(["-NonInteractive", "-Color", "never", "-Store"])
        .arg(tmp.path().join("store.json"))
        .args(["-Command", "& ./sub/../sub/./inner.ps1; . ~/sub/inner.ps1"])
        .output()
        .expect("run aapsh");
    let root = tmp.path().canonicalize().expect("canonical");
    let expected_file = root.join("sub/inner.ps1");
    let expected_dir = root.join("sub");
    let out = String::from_utf8_lossy(&output.stdout).replace(
        &tmp.path().display().to_string(),
        &root.display().to_string(),
    );
    let want = format!(
        "{f}\n{d}\n{f}\n{d}\n",
        f = expected_file.display(),
        d = expected_dir.display()
    );
    assert_eq!(
        out,
        want,
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
