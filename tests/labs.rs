//! Training labs through the real binary (docs/labs.md): every built-in lab passes with its
//! reference solution and fails with an empty script; a lab written from docs/labs.md alone (the
//! fixture in tests/fixtures/labs/webinar, and the example in the page itself) runs and grades;
//! bad lab files are refused with the file, the field and the problem, and nothing runs; the
//! report is JSON with no secret in it; a lab never touches the user's own store.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-26T09:00:00Z";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// aapsh with `args`, run in `cwd`, with a home, a history and a store of its own in `home`.
fn aapsh_in(home: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", home)
        .env("AAPSH_NOW", NOW)
        .env("AAPSH_SEED", "7")
        .env("AAPSH_HISTORY", "")
        .env("AAPSH_STORE", home.join("my-store.json"))
        .current_dir(cwd)
        .args(["-NoLogo", "-Color", "never"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run aapsh")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn report(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).expect("report written")).expect("report JSON")
}

const SHIPPED: &[&str] = &[
    "first-policy",
    "global-exception",
    "group-ranks",
    "thirty-minutes",
    "debug-403",
    "bulk-csv",
];

#[test]
fn every_built_in_lab_passes_with_its_solution_and_fails_with_an_empty_script() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty.ps1");
    fs::write(&empty, "").unwrap();
    for name in SHIPPED {
        let solution = root().join("labs/solutions").join(format!("{name}.ps1"));
        assert!(solution.is_file(), "{name} has a reference solution");
        let out_report = home.path().join(format!("{name}.json"));
        let out = aapsh_in(
            home.path(),
            &root(),
            &[
                "-Lab",
                name,
                "-Check",
                solution.to_str().unwrap(),
                "-Report",
                out_report.to_str().unwrap(),
            ],
        );
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name} with its solution:\n{stdout}\n{}",
            text(&out.stderr)
        );
        let r = report(&out_report);
        assert_eq!(r["passed"], true, "{name}: {r}");
        assert_eq!(r["stepsPassed"], r["stepCount"], "{name}: {r}");
        assert!(r["stepCount"].as_u64().unwrap() >= 3, "{name} has steps");
        for step in r["steps"].as_array().unwrap() {
            assert_eq!(step["passed"], true);
            assert!(step["command"].as_str().is_some_and(|c| !c.is_empty()));
        }
        assert!(stdout.contains("steps passed."), "{stdout}");

        let out_report = home.path().join(format!("{name}-empty.json"));
        let out = aapsh_in(
            home.path(),
            &root(),
            &[
                "-Lab",
                name,
                "-Check",
                empty.to_str().unwrap(),
                "-Report",
                out_report.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{name} with an empty script");
        let r = report(&out_report);
        assert_eq!(r["passed"], false);
        assert_eq!(
            r["stepsPassed"], 0,
            "{name}: an empty script passes no step: {r}"
        );
        assert!(text(&out.stdout).contains("FAILED   1."));
    }
    // The user's own store was never opened.
    assert!(!home.path().join("my-store.json").exists());
}

#[test]
fn labs_are_found_by_number_and_listed() {
    let home = tempfile::tempdir().unwrap();
    let out = aapsh_in(
        home.path(),
        home.path(),
        &[
            "-c",
            "Get-EmuLab -ListAvailable | Format-Table Number, Name, Steps",
        ],
    );
    let stdout = text(&out.stdout);
    for name in SHIPPED {
        assert!(stdout.contains(name), "{stdout}");
    }
    // Outside a lab the lab cmdlets say so, and nothing breaks.
    let out = aapsh_in(home.path(), home.path(), &["-c", "Show-EmuLabHint"]);
    assert!(text(&out.stderr).contains("No lab is running in this session"));
    // `-Lab 4` is the fourth lab.
    let empty = home.path().join("empty.ps1");
    fs::write(&empty, "").unwrap();
    let out = aapsh_in(
        home.path(),
        home.path(),
        &["-Lab", "4", "-Check", empty.to_str().unwrap()],
    );
    assert!(text(&out.stdout).contains("(thirty-minutes)"));
}

#[test]
fn a_lab_written_from_the_docs_runs_and_grades() {
    let home = tempfile::tempdir().unwrap();
    let dir = root().join("tests/fixtures/labs/webinar");
    let lab = dir.join("webinar-lab.json");
    let lab = lab.to_str().unwrap();
    let rep = home.path().join("r.json");
    let out = aapsh_in(
        home.path(),
        &dir,
        &[
            "-Lab",
            lab,
            "-Check",
            "solution.ps1",
            "-Report",
            rep.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let r = report(&rep);
    assert_eq!(r["lab"]["name"], "webinar-lab");
    assert_eq!(r["stepsPassed"], 4);
    assert_eq!(r["mode"], "check");
    assert_eq!(r["solution"], "solution.ps1");
    assert_eq!(r["startedAt"], NOW);

    // A grant to the whole tenant is what step 2 does not allow.
    let out = aapsh_in(
        home.path(),
        &dir,
        &[
            "-Lab",
            lab,
            "-Check",
            "global-solution.ps1",
            "-Report",
            rep.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("passed   1. A policy for the bot"),
        "{stdout}"
    );
    assert!(
        stdout.contains("FAILED   2. Grant it to the hosts"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Grant-CsApplicationAccessPolicy -Global was used. Only the hosts may get the bot."
        ),
        "{stdout}"
    );
    assert!(stdout.contains("not run  3."), "{stdout}");
    let r = report(&rep);
    assert!(r["steps"][1]["forbiddenUsed"].as_str().is_some());
    assert_eq!(r["steps"][2]["passed"], false);

    // An empty script passes nothing.
    fs::write(home.path().join("empty.ps1"), "").unwrap();
    let empty = home.path().join("empty.ps1");
    let out = aapsh_in(
        home.path(),
        &dir,
        &["-Lab", lab, "-Check", empty.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("0 of 4 steps passed."));
}

/// The example in docs/labs.md ("Writing a lab") is a lab that works.
#[test]
fn the_example_in_the_docs_is_a_working_lab() {
    let doc = fs::read_to_string(root().join("docs/labs.md")).unwrap();
    let after = &doc[doc.find("## Writing a lab").expect("section")..];
    let start = after.find("```json\n").expect("json block") + "```json\n".len();
    let json = &after[start..start + after[start..].find("```").unwrap()];
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join("doc-lab.json"), json).unwrap();
    fs::write(
        home.path().join("solution.ps1"),
        "New-CsApplicationAccessPolicy -Identity Recording -AppIds $Recorder\nGrant-CsApplicationAccessPolicy -PolicyName Recording -Group $Hosts -Rank 1\n",
    )
    .unwrap();
    let out = aapsh_in(
        home.path(),
        home.path(),
        &["-Lab", "doc-lab.json", "-Check", "solution.ps1"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("2 of 2 steps passed."));
}

/// Writes `lab` as `name` in a new folder and runs `-Lab` on it with an empty solution.
fn run_bad(name: &str, lab: &str) -> (i32, String, String) {
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join(name), lab).unwrap();
    fs::write(home.path().join("s.ps1"), "'the solution ran'").unwrap();
    let out = aapsh_in(home.path(), home.path(), &["-Lab", name, "-Check", "s.ps1"]);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

const GOOD_STEP: &str =
    r#"{"title": "T", "instruction": "Do it.", "hints": ["h"], "check": "$true"}"#;

fn lab_with_steps(steps: &str) -> String {
    format!(r#"{{"labFormat": 1, "title": "T", "introduction": "I", "steps": [{steps}]}}"#)
}

#[test]
fn bad_lab_files_name_the_file_the_field_and_the_problem_and_nothing_runs() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "a missing field",
            r#"{"labFormat": 1, "introduction": "I", "steps": []}"#.to_string(),
            "The lab file 'bad.json' cannot be used: title: this field is required and missing",
        ),
        (
            "a wrong type",
            lab_with_steps(r#"{"title": "T", "instruction": "I", "hints": "one hint", "check": "$true"}"#),
            "The lab file 'bad.json' cannot be used: steps[0].hints: expected a list of strings [\"...\", \"...\"], found a string",
        ),
        (
            "a check that does not parse",
            lab_with_steps(&format!(
                r#"{GOOD_STEP}, {{"title": "T", "instruction": "I", "hints": ["h"], "check": "(Test-EmuAppAccess -AppId $x"}}"#
            )),
            "The lab file 'bad.json' cannot be used: steps[1].check: the PowerShell does not parse",
        ),
        (
            "an unknown tenant file",
            r#"{"labFormat": 1, "title": "T", "introduction": "I", "tenant": "nowhere.json", "steps": [STEP]}"#
                .replace("STEP", GOOD_STEP),
            "The lab file 'bad.json' cannot be used: tenant: the tenant file 'nowhere.json' does not exist",
        ),
        (
            "a misspelt field",
            lab_with_steps(r#"{"title": "T", "instruction": "I", "hint": ["h"], "check": "$true"}"#),
            "steps[0].hint: unknown field; did you mean \"hints\"?",
        ),
        (
            "a step without a check",
            lab_with_steps(r#"{"title": "T", "instruction": "I", "hints": ["h"]}"#),
            "steps[0]: a step needs a \"check\"",
        ),
        (
            "a newer format",
            r#"{"labFormat": 2, "title": "T", "introduction": "I", "steps": []}"#.to_string(),
            "labFormat: version 2 is newer than this aapsh reads (1); update aapsh",
        ),
        (
            "not JSON",
            "{\"labFormat\": 1,\n  \"title\": \"T\",,\n}".to_string(),
            "cannot be used: it is not valid JSON (line 2, column",
        ),
        (
            "a graphCall naming an undeclared variable",
            lab_with_steps(r#"{"title": "T", "instruction": "I", "hints": ["h"], "graphCall": {"user": "$Nobody"}}"#),
            "steps[0].graphCall.user: $Nobody is not one of the lab's variables",
        ),
        (
            "a setup command that fails",
            r#"{"labFormat": 1, "title": "T", "introduction": "I", "setup": ["Grant-CsApplicationAccessPolicy -PolicyName Missing -Identity nobody@contoso.onmicrosoft.com"], "steps": [STEP]}"#
                .replace("STEP", GOOD_STEP),
            "setup[0]: Grant-CsApplicationAccessPolicy -PolicyName Missing -Identity nobody@contoso.onmicrosoft.com failed: ",
        ),
        (
            "an inline tenant that is not a store",
            r#"{"labFormat": 1, "title": "T", "introduction": "I", "tenant": {"schemaVersion": 1, "users": [{"objectId": 5}]}, "steps": [STEP]}"#
                .replace("STEP", GOOD_STEP),
            "tenant: not a valid store document",
        ),
    ];
    for (what, lab, expected) in cases {
        let (code, stdout, stderr) = run_bad("bad.json", &lab);
        assert_eq!(code, 65, "{what}: exit code\n{stderr}");
        assert!(
            stderr.contains(expected),
            "{what}: expected {expected:?} in:\n{stderr}"
        );
        assert!(stderr.contains("Nothing was run."), "{what}");
        assert!(
            !stdout.contains("the solution ran"),
            "{what}: the solution must not run"
        );
        assert!(!stderr.contains("panicked"), "{what}");
    }
}

#[test]
fn the_command_line_refuses_what_it_cannot_do() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    fs::write(h.join("s.ps1"), "").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["-Lab", "no-such-lab"],
            "There is no lab named 'no-such-lab'",
        ),
        (
            &["-Lab", "missing.json"],
            "There is no lab named 'missing.json'",
        ),
        (&["-Check", "s.ps1"], "-Check and -Report go with -Lab NAME"),
        (
            &["-Lab", "1", "-Store", "x.json"],
            "cannot be used with -Store or -Sandbox",
        ),
        (
            &["-Lab", "1", "-Check", "nope.ps1"],
            "the solution script 'nope.ps1' cannot be read",
        ),
        (
            &["-Lab", "1", "-Command", "1"],
            "cannot be combined with -Command",
        ),
    ];
    for (args, expected) in cases {
        let out = aapsh_in(h, h, args);
        assert_eq!(out.status.code(), Some(64), "{args:?}");
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    assert!(!h.join("my-store.json").exists());
}

#[test]
fn reports_hold_no_secret() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    fs::write(
        h.join("secret-lab.json"),
        lab_with_steps(
            r#"{"title": "Keep a secret", "instruction": "I", "hints": ["h"], "check": "$null -ne $clientSecret"}"#,
        ),
    )
    .unwrap();
    fs::write(h.join("s.ps1"), "$clientSecret = 'Sup3rS3cretValue~abc'\n").unwrap();
    let rep = h.join("r.json");
    let out = aapsh_in(
        h,
        h,
        &[
            "-Lab",
            "secret-lab.json",
            "-Check",
            "s.ps1",
            "-Report",
            rep.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let written = fs::read_to_string(&rep).unwrap();
    assert!(!written.contains("Sup3rS3cretValue"), "{written}");
    assert!(written.contains("$clientSecret = '***'"), "{written}");
}

#[test]
fn a_check_that_raises_an_error_is_reported_to_the_author() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    fs::write(
        h.join("broken.json"),
        lab_with_steps(
            r#"{"title": "T", "instruction": "I", "hints": ["h"], "check": "(Get-CsApplicationAccessPolicy -Identity Nope).AppIds -contains 'x'"}"#,
        ),
    )
    .unwrap();
    fs::write(h.join("s.ps1"), "Connect-MicrosoftTeams | Out-Null\n").unwrap();
    let rep = h.join("r.json");
    let out = aapsh_in(
        h,
        h,
        &[
            "-Lab",
            "broken.json",
            "-Check",
            "s.ps1",
            "-Report",
            rep.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("The check raised an error: [ClientError] : \"Nope\" not found"),
        "{stdout}"
    );
    let r = report(&rep);
    assert!(
        r["steps"][0]["checkError"]
            .as_str()
            .is_some_and(|e| e.contains("Nope"))
    );
}

/// The bulk-csv lab's file is written into the lab's folder and the session starts there; the
/// folder is gone afterwards.
#[test]
fn lab_files_are_in_the_working_folder_and_the_folder_is_removed() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    fs::write(
        h.join("s.ps1"),
        "(Get-Location).Path; Get-Content ./new-hires.csv -TotalCount 1\n",
    )
    .unwrap();
    let out = aapsh_in(h, h, &["-Lab", "bulk-csv", "-Check", "s.ps1"]);
    let stdout = text(&out.stdout);
    let folder = stdout.lines().next().unwrap_or_default().to_string();
    assert!(folder.contains("aapsh-lab-"), "{stdout}");
    assert!(stdout.contains("UserPrincipalName,Department"), "{stdout}");
    assert!(!Path::new(&folder).exists(), "the lab folder is removed");
}

/// Restart-EmuLab starts over (an answer given before no longer counts); Restart-EmuLab -Step
/// undoes a command the step does not allow, and the step can pass again.
#[test]
fn restarting_forgets_answers_and_undoes_forbidden_commands() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let grade = |script: &str| {
        fs::write(h.join("s.ps1"), script).unwrap();
        let rep = h.join("r.json");
        let lab = if script.contains("$answer") {
            "group-ranks"
        } else {
            "first-policy"
        };
        let out = aapsh_in(
            h,
            h,
            &[
                "-Lab",
                lab,
                "-Check",
                "s.ps1",
                "-Report",
                rep.to_str().unwrap(),
            ],
        );
        (out.status.code(), report(&rep), text(&out.stdout))
    };
    let (code, r, _) = grade("$answer = 'Recording'\nRestart-EmuLab\n");
    assert_eq!(code, Some(1));
    assert_eq!(r["stepsPassed"], 0, "{r}");
    let (_, r, _) = grade("$answer = 'Recording'\nRestart-EmuLab\n$answer = 'Recording'\n");
    assert_eq!(r["stepsPassed"], 1, "{r}");

    let (_, r, stdout) = grade(
        "Connect-MicrosoftTeams | Out-Null\nNew-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp | Out-Null\nGrant-CsApplicationAccessPolicy -PolicyName Scheduling -Global\n",
    );
    assert_eq!(r["stepsPassed"], 1, "{r}");
    assert!(stdout.contains("FAILED   2."), "{stdout}");
    let (_, r, _) = grade(
        "Connect-MicrosoftTeams | Out-Null\nNew-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp | Out-Null\nGrant-CsApplicationAccessPolicy -PolicyName Scheduling -Global\nRestart-EmuLab -Step\n(Get-EmuEffectivePolicy -User $Megan).Route\nGrant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $Megan\n",
    );
    assert_eq!(r["stepsPassed"], 2, "{r}");
    assert_eq!(
        r["steps"][1]["forbiddenUsed"],
        serde_json::Value::Null,
        "{r}"
    );
}

/// A report written into the lab's folder would be removed with it: refused, and written
/// elsewhere as asked.
#[test]
fn a_report_is_never_written_where_it_would_be_lost() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let outside = h.join("kept.json");
    fs::write(
        h.join("s.ps1"),
        format!(
            "Export-EmuLabReport -Path ./lost.json\nExport-EmuLabReport -Path '{}'\n",
            outside.display()
        ),
    )
    .unwrap();
    let out = aapsh_in(h, h, &["-Lab", "bulk-csv", "-Check", "s.ps1"]);
    assert!(
        text(&out.stderr).contains("The report would be written in the lab's folder"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(report(&outside)["lab"]["name"], "bulk-csv");
}

/// A lab folder left by an aapsh that was killed (its process is gone) is removed by the next
/// lab; the folder of a running one is left alone.
#[cfg(target_os = "linux")]
#[test]
fn lab_folders_left_by_a_killed_aapsh_are_removed() {
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let stale = tmp.path().join("aapsh-lab-999999999-0badf00d");
    let alive = tmp
        .path()
        .join(format!("aapsh-lab-{}-0badf00d", std::process::id()));
    for d in [&stale, &alive] {
        fs::create_dir(d).unwrap();
        fs::write(d.join("store.json"), "{}").unwrap();
    }
    fs::write(home.path().join("e.ps1"), "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", home.path())
        .env("TMPDIR", tmp.path())
        .env("AAPSH_HISTORY", "")
        .current_dir(home.path())
        .args(["-Lab", "1", "-Check", "e.ps1"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stale.exists(), "the stale folder is removed");
    assert!(alive.exists(), "a running aapsh's folder stays");
}

/// A step's graphCall is met only by a matching call Graph answered since the step began:
/// Invoke-MgGraphRequest counts as the SDK cmdlets do, the app is the one signed in, and a
/// delegated sign-in is no app.
#[test]
fn graph_call_rules_match_operation_user_app_and_outcome() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let lab = r#"{
      "labFormat": 1, "title": "Graph calls", "introduction": "I",
      "variables": {"App": "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"},
      "setup": ["Connect-MicrosoftTeams | Out-Null",
                "New-CsApplicationAccessPolicy -Identity P -AppIds a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 | Out-Null",
                "Grant-CsApplicationAccessPolicy -PolicyName P -Identity megan.bowen@contoso.onmicrosoft.com"],
      "steps": [
        {"title": "Read as the app", "instruction": "I", "hints": ["h"],
         "graphCall": {"operation": "Get", "user": "megan.bowen@contoso.onmicrosoft.com", "app": "Scheduling service"}},
        {"title": "Be refused", "instruction": "I", "hints": ["h"],
         "graphCall": {"operation": "Any", "user": "Alex Wilber", "app": "$App", "succeeded": false}}
      ]
    }"#;
    fs::write(h.join("g.json"), lab).unwrap();
    let grade = |script: &str| {
        fs::write(h.join("s.ps1"), script).unwrap();
        let rep = h.join("r.json");
        aapsh_in(
            h,
            h,
            &[
                "-Lab",
                "g.json",
                "-Check",
                "s.ps1",
                "-Report",
                rep.to_str().unwrap(),
            ],
        );
        report(&rep)["stepsPassed"].as_u64().unwrap()
    };
    let app_only = "Connect-MgGraph -ClientId $App -TenantId contoso.onmicrosoft.com -CertificateThumbprint AB -NoWelcome\n";
    // A delegated sign-in reading Megan's meetings is not the app.
    assert_eq!(
        grade(
            "Connect-MgGraph -Scopes OnlineMeetings.Read -NoWelcome\nInvoke-MgGraphRequest -Uri /v1.0/users/megan.bowen@contoso.onmicrosoft.com/onlineMeetings -ErrorAction SilentlyContinue | Out-Null\n"
        ),
        0
    );
    // A create is not a read.
    assert_eq!(
        grade(&format!(
            "{app_only}New-MgUserOnlineMeeting -UserId megan.bowen@contoso.onmicrosoft.com -Subject x | Out-Null\n"
        )),
        0
    );
    // The read through Invoke-MgGraphRequest; then a success for Alex does not count as refused.
    assert_eq!(
        grade(&format!(
            "{app_only}Invoke-MgGraphRequest -Uri /v1.0/users/megan.bowen@contoso.onmicrosoft.com/onlineMeetings | Out-Null\nGet-MgUserOnlineMeeting -UserId megan.bowen@contoso.onmicrosoft.com | Out-Null\n"
        )),
        1
    );
    assert_eq!(
        grade(&format!(
            "{app_only}Invoke-MgGraphRequest -Uri /v1.0/users/megan.bowen@contoso.onmicrosoft.com/onlineMeetings | Out-Null\ntry {{ Invoke-MgGraphRequest -Method POST -Uri /v1.0/users/alex.wilber@contoso.onmicrosoft.com/onlineMeetings -Body @{{subject='x'}} }} catch {{ 'refused' }}\n"
        )),
        2
    );
}
