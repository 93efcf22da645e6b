//! "Did you mean": a near miss gets the closest command, a name over 100 characters gets none
//! (comparing a pasted megabyte with every command name took 18 s).

use aapsh::runtime::commands::{SUGGEST_MAX_LEN, suggest_command};
use aapsh::runtime::host::BufferHost;
use aapsh::runtime::{RunOutcome, SessionOptions};
use aapsh::store::{Store, demo_tenant};

#[test]
fn long_names_get_no_suggestion() {
    let mut s = aapsh::shell::new_session(
        Box::new(BufferHost::default()),
        Store::in_memory(demo_tenant()),
        SessionOptions::default(),
    );
    // A user function whose name is longer than the limit: one typo away is no suggestion.
    let long = format!("Invoke-{}", "a".repeat(SUGGEST_MAX_LEN));
    let typo = format!("Invoke-{}b", "a".repeat(SUGGEST_MAX_LEN - 1));
    let outcome = s.run_text(None, &format!("function {long} {{ 1 }}"), Vec::new());
    assert!(matches!(outcome, RunOutcome::Completed { .. }));
    assert!(s.commands.get(&long).is_some());
    assert_eq!(suggest_command(&s.commands, &typo), None);
    // Within the limit the same typo is found.
    let short = format!("Invoke-{}", "a".repeat(40));
    let short_typo = format!("Invoke-{}b", "a".repeat(39));
    s.run_text(None, &format!("function {short} {{ 1 }}"), Vec::new());
    assert_eq!(
        suggest_command(&s.commands, &short_typo),
        Some(format!("Did you mean {short}?"))
    );
    assert_eq!(
        suggest_command(&s.commands, "Get-CsTenan").as_deref(),
        Some("Did you mean Get-CsTenant?")
    );
    // A megabyte-long name is answered at once, with nothing.
    assert_eq!(suggest_command(&s.commands, &"x".repeat(1_000_000)), None);
}

/// The Graph page links Grant-ApplicationAccessPolicy, which neither product has: the
/// suggestion names the Teams cmdlet and says how the Exchange policies apply; an Exchange
/// cmdlet run before Connect-ExchangeOnline is "not recognized", with a hint naming it.
#[test]
fn the_wrong_product_gets_a_hint() {
    let mut s = aapsh::shell::new_session(
        Box::new(BufferHost::default()),
        Store::in_memory(demo_tenant()),
        SessionOptions::default(),
    );
    let hint = suggest_command(&s.commands, "Grant-ApplicationAccessPolicy").unwrap();
    assert!(
        hint.starts_with("Did you mean Grant-CsApplicationAccessPolicy?"),
        "{hint}"
    );
    assert!(hint.contains("New-ApplicationAccessPolicy"), "{hint}");
    // Before Connect-ExchangeOnline the Exchange cmdlets do not exist.
    s.run_text(None, "Get-Mailbox", Vec::new());
    let first = s
        .errors
        .borrow()
        .first()
        .map(|e| e.to_ps_string())
        .unwrap_or_default();
    assert!(
        first.contains("The term 'Get-Mailbox' is not recognized"),
        "{first}"
    );
    s.run_text(None, "Connect-ExchangeOnline -ShowBanner:$false; $Error.Clear(); Get-Mailbox -ResultSize 1 | Out-Null", Vec::new());
    assert_eq!(s.errors.borrow().len(), 0);
}
