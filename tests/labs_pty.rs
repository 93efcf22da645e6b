//! A built-in lab at the interactive prompt, through a pseudo-terminal, as a trainee meets it:
//! the introduction and step 1; a command that fails (not connected) and the nudge towards
//! hints; a hint; Ctrl+C on a half-typed line; the step passing and the next one shown; a change
//! that does not complete the step, acknowledged; a command the step does not allow, then `Restart-EmuLab -Step`; the last step passing through a
//! Graph call; the summary (steps, hints, time, the commands that made each step pass) and the
//! report written at the end. The user's own store is never created. Every wait is on output,
//! with a generous timeout; nothing is timed.

#![cfg(unix)]

mod pty;

#[test]
fn a_trainee_runs_the_first_lab_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(
        dir.path(),
        &["-Lab", "first-policy", "-Report", "report.json"],
    );

    t.expect("Lab: The documented setup: one app, one user");
    t.expect("$BotApp = 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'");
    t.expect("Step 1 of 3: Create the policy");
    t.prompt();

    // Not connected yet: pwsh's error, the lab goes on, and says where help is.
    t.enter("New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp");
    t.expect("You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.");
    t.expect("Not there yet, and that is fine: Show-EmuLabHint gives a hint");
    t.prompt();
    assert!(!t.text().contains("Step 1 of 3 done"), "{}", t.text());

    t.enter("Show-EmuLabHint");
    t.expect("Hint 1 of 2 for step 1:");
    t.expect("The Teams cmdlets need Connect-MicrosoftTeams first.");
    t.prompt();

    // Ctrl+C on a half-typed line cancels the line, not the lab.
    t.send("Restart-Emu");
    t.wait_until("the half-typed line", |t| {
        t.last_rows(1)
            .first()
            .is_some_and(|r| r.ends_with("Restart-Emu"))
    });
    t.ctrl('c');
    t.expect("^C");
    t.prompt();

    t.enter("Connect-MicrosoftTeams | Out-Null");
    t.prompt();
    t.enter("New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp");
    t.expect("Step 1 of 3 done: Create the policy");
    t.expect("Step 2 of 3: Grant it to Megan");
    t.prompt();

    // A change that does not complete the step: the lab says it saw it (once a step).
    t.enter("New-CsApplicationAccessPolicy -Identity Spare | Out-Null");
    t.expect("(Step 2 is not complete yet.)");
    t.prompt();

    // -Global is what step 2 does not allow: said at once; Restart-EmuLab -Step recovers.
    t.enter("Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Global");
    t.expect("Step 2 cannot pass now:");
    t.expect("Restart-EmuLab -Step puts the tenant back");
    t.prompt();
    t.enter("Restart-EmuLab -Step");
    t.expect("Step 2 starts again: the tenant is as it was when the step began.");
    t.prompt();
    t.enter("(Get-EmuEffectivePolicy -User $Megan).Route");
    t.expect("\nGlobal");
    t.prompt();

    t.enter("Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $Megan");
    t.expect("Step 2 of 3 done: Grant it to Megan");
    t.expect("Step 3 of 3: Prove it through Graph");
    t.prompt();

    t.enter("Connect-MgGraph -ClientId $BotApp -TenantId contoso.onmicrosoft.com -CertificateThumbprint F88 -NoWelcome");
    t.prompt();
    t.enter("New-MgUserOnlineMeeting -UserId $Megan -Subject Standup | Out-Null");
    t.expect("Step 3 of 3 done: Prove it through Graph");
    t.expect("Lab complete: The documented setup: one app, one user");
    t.expect("Steps done   3 of 3");
    t.expect("Hints used   1");
    t.expect("Time taken");
    t.expect("What made each step pass:");
    t.expect("Report written to");
    t.prompt();
    let screen = t.text();
    for line in [
        "  1. Create the policy",
        "     New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $BotApp",
        "  2. Grant it to Megan",
        "     Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $Megan",
        "     New-MgUserOnlineMeeting -UserId $Megan -Subject Standup | Out-Null",
    ] {
        assert!(
            screen.lines().any(|l| l == line),
            "{line:?} in the summary:\n{screen}"
        );
    }
    assert!(!screen.contains("panicked"));

    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(report["passed"], true);
    assert_eq!(report["mode"], "interactive");
    assert_eq!(report["hintsUsed"], 1);
    assert_eq!(report["steps"][1]["hintsUsed"], 0);

    t.enter("exit");
    t.p.exp_eof().unwrap();
    // The lab ran on its own copy of the tenant.
    assert!(!dir.path().join("store.json").exists());
}

#[test]
fn leaving_early_says_where_the_trainee_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &["-Lab", "thirty-minutes"]);
    t.expect("Step 1 of 3: Grant as usual");
    t.prompt();
    t.enter("Show-EmuLabStep");
    t.expect("Create a policy named Scheduling that lists the Scheduling service");
    t.prompt();
    t.ctrl('d');
    t.expect("You left the lab at step 1 of 3 (0 done, 0 hints used). aapsh -Lab thirty-minutes starts it again.");
    t.p.exp_eof().unwrap();
}
