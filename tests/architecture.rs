//! The floors of `src/` and the one direction imports run in (docs/architecture.md):
//! store and syntax at the bottom, then vocab, runtime, format, cmdlets, and the shell on top.
//! A file may import its own folder and any floor below it, never one above or beside it.

use std::fs;
use std::path::Path;

/// Each top-level module of `src/` and its floor; two modules on one floor may not import
/// each other either.
const FLOORS: &[(&str, u32)] = &[
    ("store", 0),
    ("syntax", 0),
    ("vocab", 1),
    ("runtime", 2),
    ("format", 3),
    ("cmdlets", 4),
    ("shell", 5),
];

fn floor(module: &str) -> Option<u32> {
    FLOORS.iter().find(|(m, _)| *m == module).map(|(_, f)| *f)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `crate::<module>` paths a file names outside comments.
fn crate_references(text: &str) -> Vec<String> {
    let mut refs = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            refs.push(name);
        }
    }
    refs
}

#[test]
fn imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut violations = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let Some(module) = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
        else {
            continue;
        };
        let Some(mine) = floor(module) else {
            continue; // lib.rs and main.rs stand above every floor
        };
        let text = fs::read_to_string(file).expect("read file");
        for other in crate_references(&text) {
            if other == module {
                continue;
            }
            if let Some(theirs) = floor(&other)
                && theirs >= mine
            {
                violations.push(format!("{} imports crate::{other}", relative.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports that run up or sideways:\n{}",
        violations.join("\n")
    );
}

#[test]
fn every_folder_of_src_has_a_floor() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in fs::read_dir(&src).expect("read src").flatten() {
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().to_string();
            assert!(floor(&name).is_some(), "src/{name} has no floor in FLOORS");
        }
    }
}
