//! Where the store goes, through the real binary: `-Store` and `AAPSH_STORE` as paths (not
//! necessarily UTF-8), a named directory that does not exist, an empty `-Store`, the default
//! data directory, and arguments that are not UTF-8 (which must never panic).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `aapsh` with a clean environment whose home (and so default data directory) is `home`.
fn aapsh(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
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

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

const NEW_POLICY: &str = "New-CsApplicationAccessPolicy -Identity Made | Out-Null";

#[test]
fn a_named_store_in_a_missing_directory_is_refused_and_nothing_is_created() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("typo-dir/store.json");
    for via_env in [false, true] {
        let mut cmd = aapsh(home.path());
        if via_env {
            cmd.env("AAPSH_STORE", &missing);
        } else {
            cmd.arg("-Store").arg(&missing);
        }
        let o = cmd
            .args(["-Connected", "-Command", NEW_POLICY])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "its directory '{}' does not exist",
                home.path().join("typo-dir").display()
            )),
            "{err}"
        );
        assert!(err.contains("Nothing was created"), "{err}");
        assert_eq!(files_under(home.path()), Vec::<PathBuf>::new(), "{via_env}");
    }
}

#[test]
fn the_default_data_directory_is_created() {
    let home = tempfile::tempdir().unwrap();
    let o = aapsh(home.path())
        .args(["-Connected", "-Command", NEW_POLICY])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let store = home.path().join("data/aapsh/store.json");
    assert!(
        fs::read_to_string(&store).unwrap().contains("Tag:Made"),
        "{:?}",
        files_under(home.path())
    );
}

#[test]
fn an_empty_store_option_is_refused_before_anything_is_written() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["-Store", ""][..], &["--store="][..]] {
        let o = aapsh(home.path())
            .args(args)
            .args(["-Connected", "-Command", NEW_POLICY])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("-Store needs a file path, and '' names no file"),
            "{}",
            stderr(&o)
        );
        assert_eq!(files_under(home.path()), Vec::<PathBuf>::new(), "{args:?}");
    }
    // An empty AAPSH_STORE still means "unset": the default store is used.
    let o = aapsh(home.path())
        .env("AAPSH_STORE", "")
        .args(["-Connected", "-Command", NEW_POLICY])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(home.path().join("data/aapsh/store.json").exists());
}

#[cfg(unix)]
mod not_utf8 {
    use super::*;
    use std::ffi::OsString;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};

    /// `caf\xE9.json`: Latin-1, not UTF-8.
    fn latin1_name(dir: &Path) -> PathBuf {
        let mut bytes = dir.as_os_str().as_bytes().to_vec();
        bytes.extend_from_slice(b"/caf\xE9.json");
        PathBuf::from(OsString::from_vec(bytes))
    }

    #[test]
    fn a_store_path_that_is_not_utf8_is_honoured() {
        let home = tempfile::tempdir().unwrap();
        let store = latin1_name(home.path());
        // From AAPSH_STORE (it used to be ignored, and the default store written instead)...
        let o = aapsh(home.path())
            .env("AAPSH_STORE", &store)
            .args(["-Connected", "-Command", NEW_POLICY])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(fs::read_to_string(&store).unwrap().contains("Tag:Made"));
        assert!(
            !home.path().join("data").exists(),
            "the default was not used"
        );
        // ...from -Store PATH and from --store=PATH.
        let mut inline = OsString::from("--store=");
        inline.push(&store);
        for (i, args) in [
            vec![OsString::from("-Store"), store.clone().into_os_string()],
            vec![inline],
        ]
        .into_iter()
        .enumerate()
        {
            let o = aapsh(home.path())
                .args(args)
                .args([
                    "-Connected",
                    "-Command",
                    &format!("New-CsApplicationAccessPolicy -Identity Opt{i} | Out-Null"),
                ])
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            assert!(
                fs::read_to_string(&store)
                    .unwrap()
                    .contains(&format!("Tag:Opt{i}"))
            );
        }
        assert!(!home.path().join("data").exists());
    }

    #[test]
    fn other_arguments_that_are_not_utf8_never_panic() {
        let home = tempfile::tempdir().unwrap();
        let store = home.path().join("s.json");
        let bad = OsString::from_vec(b"caf\xE9".to_vec());
        let mut script = bad.clone();
        script.push(".ps1");
        let mut text = OsString::from("Write-Output 'x");
        text.push(&bad);
        text.push("'");
        let cases: Vec<Vec<OsString>> = vec![
            // a script file name (there is no such file)
            vec![script.clone()],
            vec!["-File".into(), script],
            // script arguments and -Command text
            vec!["-Command".into(), text],
            // an option name and an option value
            vec![bad.clone()],
            vec!["-Color".into(), bad.clone()],
            vec![OsString::from_vec(b"-St\xE9re".to_vec()), "x".into()],
        ];
        for args in cases {
            let o = aapsh(home.path())
                .arg("-Store")
                .arg(&store)
                .args(&args)
                .output()
                .unwrap();
            let err = stderr(&o);
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(o.status.code().is_some(), "{args:?}: {err}");
        }
        // -Command text that is not UTF-8 runs with the bad byte replaced.
        let mut text = OsString::from("Write-Output 'x");
        text.push(&bad);
        text.push("'");
        let o = aapsh(home.path())
            .arg("-Store")
            .arg(&store)
            .arg("-Command")
            .arg(text)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout), "xcaf\u{FFFD}\n");
        // A script name that is not UTF-8 is a missing file, said so.
        let mut script = bad;
        script.push(".ps1");
        let o = aapsh(home.path())
            .arg("-Store")
            .arg(&store)
            .arg(script)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(64));
        assert!(
            stderr(&o).contains("is not recognized as the name of a script file"),
            "{}",
            stderr(&o)
        );
    }
}
