//! Parse errors as pwsh prints them. Each `tests/fixtures/parser/pwsh/cases/NAME.ps1` was run
//! by the reference pwsh 7.6 (`tests/fixtures/parser/pwsh/record` writes what it printed, with
//! ANSI colours stripped and the script's path as `{path}`):
//!
//! - `NAME.concise`: `pwsh -NoProfile -NonInteractive -File NAME.ps1` (ConciseView, the first
//!   error only). aapsh's `-File` run must print exactly the same. pwsh 7.6 prints nothing for
//!   an error placed past the last line of the file (a defect of its ConciseView); aapsh must
//!   then still print the error.
//! - `NAME.normal`: `$ErrorView = 'NormalView'; & NAME.ps1`: every error (up to ten) with its
//!   position, then the first error's id. aapsh's `-ErrorView normal` must print the same
//!   positions, messages and id. The frame around them is the error view's (format/, see
//!   tests/golden/normalview-errors): aapsh draws Windows PowerShell 5.1's NormalView, whose
//!   CategoryInfo and FullyQualifiedErrorId lines are indented and wrapped, followed by a line
//!   holding a space, and name the exception ParentContainsErrorRecordException. So the text
//!   before the CategoryInfo line and the FullyQualifiedErrorId are compared.
//!
//! Cases listed in `gaps.txt` (name, then why) are known to differ; the test fails when one
//! of them starts to agree, so the list stays true. The agreement figure is printed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parser/pwsh/cases")
}

fn gaps() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parser/pwsh/gaps.txt");
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, why) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (name.to_string(), why.trim().to_string())
        })
        .collect()
}

/// stdout and stderr of one aapsh run, interleaved as a terminal shows them.
fn run_aapsh(dir: &Path, script: &Path, normal: bool) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$@\" 2>&1")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_aapsh"))
        .args(["-NoProfile", "-NonInteractive", "-Color", "never"])
        .arg("-Store")
        .arg(dir.join("store.json"));
    if normal {
        cmd.args(["-ErrorView", "normal"]);
    }
    let out = cmd
        .arg("-File")
        .arg(script)
        .env_clear()
        .env("HOME", dir)
        .env("AAPSH_NOW", "2026-01-15T09:00:00Z")
        .env("AAPSH_SEED", "1")
        // pwsh writing to a pipe wraps at 80 columns, as when the cases were recorded.
        .env("COLUMNS", "80")
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run aapsh");
    String::from_utf8_lossy(&out.stdout).replace(&script.display().to_string(), "{path}")
}

/// NormalView with the frame set aside (see the module comment): the text before the
/// CategoryInfo line, and the FullyQualifiedErrorId (5.1 wraps these lines at the width).
fn normal_frame_aside(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let cut = lines
        .iter()
        .position(|l| l.trim_start().starts_with("+ CategoryInfo"))
        .unwrap_or(lines.len());
    let mut out = lines[..cut].join("\n");
    let rest: Vec<&str> = lines[cut..].to_vec();
    if let Some(i) = rest
        .iter()
        .position(|l| l.trim_start().starts_with("+ FullyQualifiedErrorId"))
    {
        let mut id = rest[i].trim_start().to_string();
        for more in &rest[i + 1..] {
            if more.trim().is_empty() || more.trim_start().starts_with('+') {
                break;
            }
            id.push_str(more.trim());
        }
        out.push('\n');
        out.push_str(&id);
    }
    out
}

#[test]
fn parse_errors_print_as_pwsh_prints_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let known = gaps();
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .expect("cases")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".ps1").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 150, "only {} cases", names.len());
    let (mut agree, mut differ) = (0, Vec::new());
    let mut newly_agreeing = Vec::new();
    for name in &names {
        let source = cases_dir().join(format!("{name}.ps1"));
        let script = tmp.path().join(format!("{name}.ps1"));
        fs::copy(&source, &script).expect("copy case");
        let expected = |ext: &str| {
            fs::read_to_string(cases_dir().join(format!("{name}.{ext}")))
                .unwrap_or_else(|_| panic!("{name}.{ext} missing: run the record script"))
        };
        let (concise, normal) = (expected("concise"), expected("normal"));
        let got_concise = run_aapsh(tmp.path(), &script, false);
        let got_normal = run_aapsh(tmp.path(), &script, true);
        let mut problems = Vec::new();
        if concise.is_empty() && !normal.is_empty() {
            // pwsh's ConciseView defect: aapsh shows the error all the same.
            if !got_concise.contains("ParserError") {
                problems.push(format!("concise: expected an error, got:\n{got_concise}"));
            }
        } else if got_concise != concise {
            problems.push(format!(
                "concise:\n--- pwsh\n{concise}--- aapsh\n{got_concise}---"
            ));
        }
        if normal_frame_aside(&got_normal) != normal_frame_aside(&normal) {
            problems.push(format!(
                "normal:\n--- pwsh\n{normal}--- aapsh\n{got_normal}---"
            ));
        }
        match (problems.is_empty(), known.contains_key(name)) {
            (true, false) => agree += 1,
            (true, true) => newly_agreeing.push(name.clone()),
            (false, true) => {}
            (false, false) => differ.push(format!("== {name}\n{}", problems.join("\n"))),
        }
    }
    let listed = known.len();
    eprintln!(
        "parser cases agreeing with pwsh: {agree} of {} ({listed} listed in gaps.txt)",
        names.len()
    );
    assert!(
        newly_agreeing.is_empty(),
        "now agree with pwsh, remove from gaps.txt: {newly_agreeing:?}"
    );
    assert!(
        differ.is_empty(),
        "{} case(s) differ from pwsh:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
