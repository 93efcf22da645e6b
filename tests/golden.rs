//! Golden transcripts: every `tests/golden/*.ps1` and `samples/*.ps1` runs through the real
//! binary with a cleared environment, a fresh temp store (the demo tenant, or `NAME.setup.json`),
//! no colour, a fixed clock and seed, and `-NonInteractive`. Its stdout, stderr and exit code are
//! compared with `NAME.out`, `NAME.err` (absent when empty) and `NAME.code` (absent when 0).
//!
//! Optional sidecars: `NAME.args` (the command line, one argument per line; `{script}` is the
//! script path and `{store}` the store path; default `{script}`), `NAME.stdin`.
//!
//! Regenerate with `AAPSH_UPDATE_GOLDEN=1 cargo test --test golden`, then read the diff:
//! golden files are never edited by hand.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const NOW: &str = "2026-11-26T09:00:00Z";
const SEED: &str = "42";

struct Case {
    script: PathBuf,
}

impl Case {
    fn sidecar(&self, ext: &str) -> PathBuf {
        self.script.with_extension(ext)
    }
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/golden", "samples"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut scripts: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
            .collect();
        scripts.sort();
        out.extend(scripts.into_iter().map(|script| Case { script }));
    }
    out
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(case: &Case) -> Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = tmp.path().join("store.json");
    if let Ok(setup) = fs::read(case.sidecar("setup.json")) {
        fs::write(&store, setup).expect("write setup store");
    }
    let script = case.script.strip_prefix(root).unwrap_or(&case.script);
    let args: Vec<String> = match fs::read_to_string(case.sidecar("args")) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        Err(_) => vec!["{script}".to_string()],
    };
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            a.replace("{script}", &script.display().to_string())
                .replace("{store}", &store.display().to_string())
        })
        .collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", tmp.path())
        .env("AAPSH_NOW", NOW)
        .env("AAPSH_SEED", SEED)
        .current_dir(root)
        .arg("-NonInteractive")
        .arg("-Color")
        .arg("never")
        .arg("-Store")
        .arg(&store)
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn aapsh");
    let input = fs::read(case.sidecar("stdin")).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(&input);
    }
    let output = child.wait_with_output().expect("wait for aapsh");
    let normalize = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .replace(&root.display().to_string(), "<ROOT>")
            .replace(&tmp.path().display().to_string(), "<TMP>")
    };
    Run {
        stdout: normalize(&output.stdout),
        stderr: normalize(&output.stderr),
        code: output.status.code().unwrap_or(-1),
    }
}

/// Writes `content` to `path`, or removes the file when the content is the default.
fn update(path: &Path, content: &str, default: &str) {
    if content == default {
        let _ = fs::remove_file(path);
    } else {
        fs::write(path, content).expect("write golden file");
    }
}

fn diff(name: &str, expected: &str, actual: &str) -> String {
    let mut out = format!("--- {name}: expected vs actual\n");
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                out.push_str(&format!(
                    "{:>4}- {}\n{:>4}+ {}\n",
                    i + 1,
                    x.unwrap_or(&"<none>"),
                    i + 1,
                    y.unwrap_or(&"<none>")
                ));
            }
        }
    }
    if e.len() == a.len() && expected != actual {
        out.push_str("(line endings or trailing newline differ)\n");
    }
    out
}

#[test]
fn golden_transcripts() {
    let updating = std::env::var("AAPSH_UPDATE_GOLDEN").is_ok_and(|v| !v.is_empty());
    let mut failures = Vec::new();
    let all = cases();
    assert!(!all.is_empty(), "no golden cases found");
    for case in &all {
        let got = run(case);
        let code = if got.code == 0 {
            String::new()
        } else {
            format!("{}\n", got.code)
        };
        if updating {
            update(&case.sidecar("out"), &got.stdout, "");
            update(&case.sidecar("err"), &got.stderr, "");
            update(&case.sidecar("code"), &code, "");
            continue;
        }
        let name = case.script.display().to_string();
        for (ext, actual) in [("out", &got.stdout), ("err", &got.stderr), ("code", &code)] {
            let expected = fs::read_to_string(case.sidecar(ext)).unwrap_or_default();
            if &expected != actual {
                failures.push(diff(&format!("{name} ({ext})"), &expected, actual));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatch(es); regenerate with AAPSH_UPDATE_GOLDEN=1 and review the diff:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
