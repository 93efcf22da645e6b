//! Conformance corpus: small PowerShell cases whose stdout, stderr and exit code were recorded
//! from the reference pwsh (`tests/conformance/record`), replayed through the real aapsh binary
//! and compared byte for byte.
//!
//! Layout: `tests/conformance/cases/AREA/TOPIC.ps1` holds many cases, each starting at a line
//! `# ==== NAME`; `TOPIC.recorded` beside it holds what pwsh printed for each (format in
//! `tests/conformance/record.ps1`). A case's id is `AREA/TOPIC/NAME`.
//!
//! `tests/conformance/known-differences.txt` lists the cases where aapsh disagrees today, one id
//! a line followed by a short reason. The test fails when a case not on the list disagrees, or
//! when a listed case now agrees (remove the stale line).
//!
//! Environment:
//! - `AAPSH_CONFORMANCE_UPDATE_KNOWN=1` rewrites the known-differences list from the current
//!   state, keeping the reasons of cases that stay listed.
//! - `AAPSH_CONFORMANCE_REPORT=1` also lists every disagreeing case per area (the agreement
//!   table is always printed; see it with `-- --nocapture`).
//! - `AAPSH_CONFORMANCE_FILTER=TEXT` runs only the cases whose id contains TEXT.
//! - `AAPSH_CONFORMANCE_DIFFS=N` prints the diffs of N failing cases (default 5); with a filter,
//!   listed cases are shown too.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-26T09:00:00Z";
const SEED: &str = "42";
const TIMEOUT: Duration = Duration::from_secs(20);
const NO_NEWLINE: &str = "\\ no newline at end";

struct Case {
    id: String,
    area: String,
    script: String,
    expected: Option<Outcome>,
    /// The script text stored with the recording, when it differs from the case file.
    recorded_script: Option<String>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// Splits a case file: the rule of `record.ps1` (`# ==== NAME` starts a case; trailing blank
/// lines are dropped; every line ends in "\n").
fn split_cases(path: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let flush = |current: Option<(String, Vec<&str>)>, out: &mut Vec<(String, String)>| {
        if let Some((name, mut body)) = current {
            while body
                .last()
                .is_some_and(|l| l.chars().all(|c| matches!(c, ' ' | '\t' | '\r')))
            {
                body.pop();
            }
            assert!(
                !body.is_empty(),
                "{}: case '{name}' is empty",
                path.display()
            );
            assert!(
                !out.iter().any(|(n, _)| *n == name),
                "{}: duplicate case name '{name}'",
                path.display()
            );
            let mut script = body.join("\n");
            script.push('\n');
            out.push((name, script));
        }
    };
    for line in text.split('\n') {
        if let Some(name) = marker(line) {
            flush(current.take(), &mut out);
            current = Some((name.to_string(), Vec::new()));
        } else if let Some((_, body)) = current.as_mut() {
            body.push(line);
        }
    }
    flush(current, &mut out);
    out
}

fn marker(line: &str) -> Option<&str> {
    let name = line.strip_prefix("# ==== ")?;
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    ok.then_some(name)
}

/// One encoded text (`|line`, `~escaped`, `\ no newline at end`) back to its bytes.
fn decode_text(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        if *line == NO_NEWLINE {
            assert!(out.ends_with('\n'), "misplaced no-newline marker");
            out.pop();
        } else if let Some(raw) = line.strip_prefix('|') {
            out.push_str(raw);
            out.push('\n');
        } else if let Some(esc) = line.strip_prefix('~') {
            let mut chars = esc.chars();
            while let Some(c) = chars.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('\\') => out.push('\\'),
                    Some('r') => out.push('\r'),
                    Some('x') => {
                        let hex: String = chars.by_ref().take(2).collect();
                        let code = u32::from_str_radix(&hex, 16).expect("\\xNN escape");
                        out.push(char::from_u32(code).expect("control character"));
                    }
                    other => panic!("bad escape \\{other:?} in recording"),
                }
            }
            out.push('\n');
        } else {
            panic!("bad recording line: {line:?}");
        }
    }
    out
}

/// The encoding `record.ps1` writes, used here to show diffs in the recordings' own terms.
fn encode_text(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let ends = text.ends_with('\n');
    let mut parts: Vec<&str> = text.split('\n').collect();
    if ends {
        parts.pop();
    }
    let mut out: Vec<String> = parts
        .iter()
        .map(|line| {
            let control = |c: char| (c < ' ' && c != '\t') || c == '\x7f';
            if line.chars().any(control) {
                let mut s = String::from("~");
                for c in line.chars() {
                    match c {
                        '\\' => s.push_str("\\\\"),
                        '\r' => s.push_str("\\r"),
                        c if control(c) => s.push_str(&format!("\\x{:02x}", c as u32)),
                        c => s.push(c),
                    }
                }
                s
            } else {
                format!("|{line}")
            }
        })
        .collect();
    if !ends {
        out.push(NO_NEWLINE.to_string());
    }
    out
}

/// `NAME → (script, outcome)` from a `.recorded` file.
fn read_recording(path: &Path) -> BTreeMap<String, (String, Outcome)> {
    let mut map = BTreeMap::new();
    let Ok(text) = fs::read_to_string(path) else {
        return map;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let take_text = |i: &mut usize| {
        let start = *i;
        while *i < lines.len() && matches!(lines[*i].chars().next(), Some('|' | '~' | '\\')) {
            *i += 1;
        }
        decode_text(&lines[start..*i])
    };
    let expect = |i: &mut usize, what: &str| {
        assert_eq!(
            lines.get(*i).copied(),
            Some(what),
            "{}: line {}: expected `{what}`",
            path.display(),
            *i + 1
        );
        *i += 1;
    };
    while i < lines.len() {
        let name = lines[i]
            .strip_prefix("#### ")
            .unwrap_or_else(|| panic!("{}: line {}: expected `#### NAME`", path.display(), i + 1))
            .to_string();
        i += 1;
        expect(&mut i, "script");
        let script = take_text(&mut i);
        let code = lines
            .get(i)
            .and_then(|l| l.strip_prefix("exit "))
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("{}: line {}: expected `exit N`", path.display(), i + 1));
        i += 1;
        expect(&mut i, "stdout");
        let stdout = take_text(&mut i);
        expect(&mut i, "stderr");
        let stderr = take_text(&mut i);
        map.insert(
            name,
            (
                script,
                Outcome {
                    code,
                    stdout,
                    stderr,
                },
            ),
        );
    }
    map
}

fn load_cases() -> Vec<Case> {
    let cases_dir = root().join("cases");
    let mut areas: Vec<PathBuf> = fs::read_dir(&cases_dir)
        .expect("tests/conformance/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    areas.sort();
    let mut out = Vec::new();
    for area_dir in areas {
        let area = area_dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<PathBuf> = fs::read_dir(&area_dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
            .collect();
        files.sort();
        for file in files {
            let topic = file.file_stem().unwrap().to_string_lossy().to_string();
            let mut recorded = read_recording(&file.with_extension("recorded"));
            for (name, script) in split_cases(&file) {
                let (expected, recorded_script) = match recorded.remove(&name) {
                    Some((s, o)) if s == script => (Some(o), None),
                    Some((s, _)) => (None, Some(s)),
                    None => (None, None),
                };
                out.push(Case {
                    id: format!("{area}/{topic}/{name}"),
                    area: area.clone(),
                    script,
                    expected,
                    recorded_script,
                });
            }
            // Recorded cases that are gone from the case file would be silently lost.
            assert!(
                recorded.is_empty(),
                "{}: recordings of removed cases ({}): re-record with tests/conformance/record {area}/{topic}",
                file.with_extension("recorded").display(),
                recorded.keys().cloned().collect::<Vec<_>>().join(", ")
            );
        }
    }
    out
}

fn normalize(bytes: &[u8], dir: &Path) -> String {
    let text = String::from_utf8_lossy(bytes);
    let ansi = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    let text = ansi.replace_all(&text, "");
    let dir = dir.display().to_string();
    text.replace(&format!("{dir}/work"), "<TMP>")
        .replace(&dir, "<CASEDIR>")
}

/// Runs one case through aapsh as `record.ps1` runs it through pwsh: its own script file, a
/// fresh `/tmp/aapsh-conf-XXXXXXXX` directory (`work/` is the current directory, `home/` is
/// HOME), a cleared environment, and a throwaway store outside the work directory.
fn run_aapsh(script: &str) -> Outcome {
    let dir = tempfile::Builder::new()
        .prefix("aapsh-conf-")
        .rand_bytes(8)
        .tempdir_in("/tmp")
        .expect("temp dir");
    let d = dir.path();
    for sub in ["work", "home", "store"] {
        fs::create_dir(d.join(sub)).expect("mkdir");
    }
    let case = d.join("case.ps1");
    fs::write(&case, script).expect("write case");
    let out = fs::File::create(d.join("stdout")).expect("stdout file");
    let err = fs::File::create(d.join("stderr")).expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", d.join("home"))
        .env("AAPSH_NOW", NOW)
        .env("AAPSH_SEED", SEED)
        .current_dir(d.join("work"))
        .args(["-NoProfile", "-NonInteractive", "-Color", "never", "-Store"])
        .arg(d.join("store/store.json"))
        .arg("-File")
        .arg(&case)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("spawn aapsh");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for aapsh") {
            break Some(status);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = normalize(&fs::read(d.join("stdout")).unwrap_or_default(), d);
    let mut stderr = normalize(&fs::read(d.join("stderr")).unwrap_or_default(), d);
    let code = match status {
        Some(s) => s.code().unwrap_or(-1),
        None => {
            stderr.push_str(&format!("<conformance: killed after {TIMEOUT:?}>\n"));
            -1
        }
    };
    Outcome {
        code,
        stdout,
        stderr,
    }
}

/// A small line diff (longest common subsequence) of two encoded texts.
fn line_diff(label: &str, expected: &str, actual: &str, out: &mut String) {
    if expected == actual {
        return;
    }
    let e = encode_text(expected);
    let a = encode_text(actual);
    out.push_str(&format!("  {label} (- pwsh, + aapsh):\n"));
    if e.len() * a.len() > 4_000_000 {
        e.iter().for_each(|l| out.push_str(&format!("    -{l}\n")));
        a.iter().for_each(|l| out.push_str(&format!("    +{l}\n")));
        return;
    }
    let mut lcs = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out.push_str(&format!("     {}\n", e[i]));
            i += 1;
            j += 1;
        } else if i < e.len() && (j == a.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("    -{}\n", e[i]));
            i += 1;
        } else {
            out.push_str(&format!("    +{}\n", a[j]));
            j += 1;
        }
    }
}

fn describe(case: &Case, got: &Outcome) -> String {
    let mut out = format!("=== {}\n  script:\n", case.id);
    for l in case.script.lines() {
        out.push_str(&format!("    {l}\n"));
    }
    let Some(exp) = &case.expected else {
        return out;
    };
    if exp.code != got.code {
        out.push_str(&format!(
            "  exit code: pwsh {}, aapsh {}\n",
            exp.code, got.code
        ));
    }
    line_diff("stdout", &exp.stdout, &got.stdout, &mut out);
    line_diff("stderr", &exp.stderr, &got.stderr, &mut out);
    out
}

/// Which streams differ, as the reason a new known-differences line gets.
fn kind(exp: &Outcome, got: &Outcome) -> String {
    let mut parts = Vec::new();
    if exp.stdout != got.stdout {
        parts.push("stdout");
    }
    if exp.stderr != got.stderr {
        parts.push("stderr");
    }
    if exp.code != got.code {
        parts.push("exit");
    }
    format!("untriaged: {} differ", parts.join("+"))
}

fn known_path() -> PathBuf {
    root().join("known-differences.txt")
}

/// `id → reason` from the known-differences list (`#` comments and blank lines skipped).
fn read_known() -> (Vec<String>, BTreeMap<String, String>) {
    let text = fs::read_to_string(known_path()).unwrap_or_default();
    let mut header = Vec::new();
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            if map.is_empty() {
                header.push(line.to_string());
            }
            continue;
        }
        let (id, reason) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        map.insert(id.to_string(), reason.trim().to_string());
    }
    (header, map)
}

/// Case ids from `unstable.txt`: pwsh itself prints them differently from run to run.
fn read_unstable() -> BTreeSet<String> {
    fs::read_to_string(root().join("unstable.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn conformance() {
    let started = Instant::now();
    let filter = std::env::var("AAPSH_CONFORMANCE_FILTER").unwrap_or_default();
    let updating = env_flag("AAPSH_CONFORMANCE_UPDATE_KNOWN");
    assert!(
        !updating || filter.is_empty(),
        "AAPSH_CONFORMANCE_UPDATE_KNOWN needs every case: unset AAPSH_CONFORMANCE_FILTER"
    );
    let all = load_cases();
    assert!(!all.is_empty(), "no conformance cases found");
    let unstable = read_unstable();
    let cases: Vec<&Case> = all
        .iter()
        .filter(|c| c.id.contains(&filter) && !unstable.contains(&c.id))
        .collect();

    // Unrecorded or changed cases are errors before anything runs.
    let unrecorded: Vec<String> = cases
        .iter()
        .filter(|c| c.expected.is_none())
        .map(|c| {
            let why = if c.recorded_script.is_some() {
                "changed since it was recorded"
            } else {
                "not recorded"
            };
            format!("  {} ({why})", c.id)
        })
        .collect();
    assert!(
        unrecorded.is_empty(),
        "cases without a current recording; run tests/conformance/record AREA/TOPIC:\n{}",
        unrecorded.join("\n")
    );

    // Run every case, several at a time.
    let results: Vec<Mutex<Option<Outcome>>> = cases.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    // Each case is mostly process start-up and file system latency, not CPU: many at a time.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get() * 8)
        .unwrap_or(16)
        .clamp(8, 32);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let got = run_aapsh(&case.script);
                    *results[i].lock().unwrap() = Some(got);
                }
            });
        }
    });
    let results: Vec<Outcome> = results
        .into_iter()
        .map(|m| m.into_inner().unwrap().expect("case ran"))
        .collect();

    let (header, known) = read_known();
    let mut per_area: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut unexpected: Vec<String> = Vec::new();
    let mut stale: Vec<&str> = Vec::new();
    let mut disagreeing: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut new_known: BTreeMap<String, String> = BTreeMap::new();
    for (case, got) in cases.iter().zip(&results) {
        let exp = case.expected.as_ref().expect("recorded");
        let agrees = exp == got;
        let entry = per_area.entry(&case.area).or_default();
        entry.0 += 1;
        if agrees {
            entry.1 += 1;
            if known.contains_key(&case.id) {
                stale.push(&case.id);
            }
        } else {
            disagreeing.entry(&case.area).or_default().push(&case.id);
            let reason = known
                .get(&case.id)
                .cloned()
                .unwrap_or_else(|| kind(exp, got));
            new_known.insert(case.id.clone(), reason);
            if !known.contains_key(&case.id) || !filter.is_empty() {
                unexpected.push(describe(case, got));
            }
        }
    }
    let ids: BTreeSet<&str> = all.iter().map(|c| c.id.as_str()).collect();
    let missing: Vec<&String> = if filter.is_empty() {
        known.keys().filter(|k| !ids.contains(k.as_str())).collect()
    } else {
        Vec::new()
    };

    // The report: agreement per area and in total.
    let mut report =
        String::from("\nconformance with pwsh 7.6.10 (cases agreeing byte for byte)\n");
    report.push_str(&format!(
        "{:<16} {:>6} {:>6} {:>7}\n",
        "area", "cases", "agree", "%"
    ));
    let (mut total, mut agree) = (0, 0);
    for (area, (n, ok)) in &per_area {
        total += n;
        agree += ok;
        report.push_str(&format!(
            "{:<16} {:>6} {:>6} {:>6.1}%\n",
            area,
            n,
            ok,
            100.0 * *ok as f64 / *n as f64
        ));
    }
    report.push_str(&format!(
        "{:<16} {:>6} {:>6} {:>6.1}%\n",
        "total",
        total,
        agree,
        100.0 * agree as f64 / total.max(1) as f64
    ));
    report.push_str(&format!(
        "({} cases in {:.1} s; {} skipped as unstable in pwsh, see unstable.txt)\n",
        total,
        started.elapsed().as_secs_f64(),
        unstable.len()
    ));
    if env_flag("AAPSH_CONFORMANCE_REPORT") {
        for (area, list) in &disagreeing {
            report.push_str(&format!("\n{area}: {} disagree\n", list.len()));
            for id in list {
                let reason = new_known.get(*id).map(String::as_str).unwrap_or("");
                report.push_str(&format!("  {id}  {reason}\n"));
            }
        }
    }
    println!("{report}");

    if updating {
        let mut text = if header.is_empty() {
            vec![
                "# Conformance cases where aapsh disagrees with the pwsh recording today: the case id,"
                    .to_string(),
                "# then a short reason. Regenerate with AAPSH_CONFORMANCE_UPDATE_KNOWN=1 cargo test"
                    .to_string(),
                "# --test conformance (reasons of cases still listed are kept); fix the engine and"
                    .to_string(),
                "# remove lines, never add a line for a case that used to agree without a reason."
                    .to_string(),
            ]
        } else {
            header
        }
        .join("\n");
        text.push('\n');
        for (id, reason) in &new_known {
            text.push_str(&format!("{id} {reason}\n"));
        }
        fs::write(known_path(), text).expect("write known differences");
        println!(
            "wrote {} ({} cases)",
            known_path().display(),
            new_known.len()
        );
        return;
    }

    let shown: usize = std::env::var("AAPSH_CONFORMANCE_DIFFS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut problems = String::new();
    if !unexpected.is_empty() && filter.is_empty() {
        problems.push_str(&format!(
            "{} case(s) disagree with pwsh and are not in tests/conformance/known-differences.txt \
             (fix aapsh, or after review regenerate the list with AAPSH_CONFORMANCE_UPDATE_KNOWN=1):\n",
            unexpected.len()
        ));
    }
    for d in unexpected.iter().take(shown) {
        problems.push_str(d);
    }
    if unexpected.len() > shown {
        problems.push_str(&format!(
            "... and {} more (AAPSH_CONFORMANCE_DIFFS=N shows more)\n",
            unexpected.len() - shown
        ));
    }
    if !stale.is_empty() {
        problems.push_str(&format!(
            "{} case(s) in tests/conformance/known-differences.txt now agree with pwsh: remove their lines:\n",
            stale.len()
        ));
        for id in &stale {
            problems.push_str(&format!("  {id}\n"));
        }
    }
    if !missing.is_empty() {
        problems
            .push_str("tests/conformance/known-differences.txt names cases that do not exist:\n");
        for id in &missing {
            problems.push_str(&format!("  {id}\n"));
        }
    }
    let failing =
        (!unexpected.is_empty() && filter.is_empty()) || !stale.is_empty() || !missing.is_empty();
    if !filter.is_empty() && !unexpected.is_empty() {
        println!("{problems}");
    }
    assert!(!failing, "{problems}");
}
