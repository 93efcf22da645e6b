//! docs/coverage.md is generated from the cmdlet table; this keeps it in step. Regenerate with
//! `AAPSH_UPDATE_GOLDEN=1 cargo test --test coverage`.

use aapsh::cmdlets::coverage::coverage_markdown;

#[test]
fn coverage_page_matches_the_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/coverage.md");
    let generated = coverage_markdown(&aapsh::cmdlets::command_table());
    if std::env::var("AAPSH_UPDATE_GOLDEN").is_ok_and(|v| !v.is_empty()) {
        std::fs::write(&path, &generated).expect("write docs/coverage.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/coverage.md is out of date with the cmdlet table; regenerate it with AAPSH_UPDATE_GOLDEN=1 cargo test --test coverage"
    );
    // Every cmdlet of the brief is on the page.
    for name in [
        "New-CsApplicationAccessPolicy",
        "Get-CsApplicationAccessPolicy",
        "Set-CsApplicationAccessPolicy",
        "Remove-CsApplicationAccessPolicy",
        "Grant-CsApplicationAccessPolicy",
        "Connect-MicrosoftTeams",
    ] {
        assert!(
            generated.contains(&format!("| `{name}` |")),
            "{name} missing"
        );
    }
}
