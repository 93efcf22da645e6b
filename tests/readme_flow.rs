//! The README's path through aapsh works as written, on one store: the first session, the tour's
//! multi-line example, then every sample in order, each run twice. The second run of a sample does
//! as the first did — same exit code, same errors — (each sample takes back what its last run made),
//! and nothing is left behind in the checkout.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn aapsh(root: &Path, home: &Path, store: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.env_clear()
        .env("HOME", home)
        .env("AAPSH_STORE", store)
        .current_dir(root)
        .args(["-NonInteractive", "-Color", "never"])
        .stdin(Stdio::null());
    cmd
}

fn ok(o: &Output, what: &str) {
    assert!(
        o.status.success(),
        "{what}: exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Generated ids (apps, groups, meetings) and the wall-clock times in Graph's error bodies (the
/// session clock is the real one here) differ from run to run; everything else must not.
fn mask(text: &[u8]) -> String {
    let guid =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap();
    let link = regex::Regex::new(r"meetup-join/\S+").unwrap();
    let iso = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d").unwrap();
    let http = regex::Regex::new(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT").unwrap();
    let text = String::from_utf8_lossy(text);
    let text = guid.replace_all(&text, "<id>").into_owned();
    let text = link.replace_all(&text, "meetup-join/<link>").into_owned();
    let text = iso.replace_all(&text, "<time>").into_owned();
    http.replace_all(&text, "<date>").into_owned()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn readme_session_tour_and_samples_share_one_store() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("store.json");
    let samples_before = listing(&root.join("samples"));

    // "A first session" (README), then the tour's `>> ` example.
    let o = aapsh(root, home.path(), &store)
        .arg("-Command")
        .arg(
            "Connect-MicrosoftTeams | Out-Null
             New-CsApplicationAccessPolicy -Identity Test-policy -AppIds \"a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83\" -Description \"Scheduling service\"
             Grant-CsApplicationAccessPolicy -PolicyName Test-policy -Identity megan.bowen@contoso.onmicrosoft.com
             (Get-CsOnlineUser -Identity megan.bowen@contoso.onmicrosoft.com | Select-Object DisplayName, ApplicationAccessPolicy).ApplicationAccessPolicy
             $ids = @{
               Add = \"57caaef9-5ed0-48d5-8862-e5abfa71b3e1\"
             }
             Set-CsApplicationAccessPolicy -Identity Test-policy -AppIds $ids
             (Get-CsApplicationAccessPolicy -Identity Test-policy).AppIds -join ','",
        )
        .output()
        .unwrap();
    ok(&o, "first session");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Identity    : Tag:Test-policy"), "{out}");
    assert!(
        out.ends_with("Test-policy\na41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83,57caaef9-5ed0-48d5-8862-e5abfa71b3e1\n"),
        "{out}"
    );

    let mut samples: Vec<_> = fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ps1"))
        .collect();
    samples.sort();
    assert!(samples.len() >= 10);
    for script in &samples {
        let rel = script.strip_prefix(root).unwrap().display().to_string();
        let args: Vec<String> = match fs::read_to_string(script.with_extension("args")) {
            Ok(text) => text
                .lines()
                .filter(|l| !l.is_empty())
                .map(|l| l.replace("{script}", &rel))
                .collect(),
            Err(_) => vec![rel.clone()],
        };
        let first = aapsh(root, home.path(), &store)
            .args(&args)
            .output()
            .unwrap();
        let second = aapsh(root, home.path(), &store)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(first.status.code(), second.status.code(), "{rel}");
        assert_eq!(
            mask(&first.stderr),
            mask(&second.stderr),
            "{rel}: stderr of the second run"
        );
        // Output may differ where a script reports what it found (04 is idempotent: "already
        // contains the app"); no new error may appear.
        assert!(!second.stdout.is_empty(), "{rel}");
    }
    assert_eq!(listing(&root.join("samples")), samples_before);
}
