//! End-to-end: the real binary at its interactive prompt, driven through a pseudo-terminal.
//! Covers tab completion of a cmdlet and of a parameter, a multi-line hashtable with the `>> `
//! prompt, Ctrl+C on a line and on a running command, history kept across two sessions (with
//! secrets left out of the file), Ctrl+R, Ctrl+D, and a transcript of an interactive session.
//! Every wait is on output, with a generous timeout; nothing is timed.
//!
//! Where a test compares the screen with pwsh's, the text pwsh 7.6.10 with PSReadLine showed
//! for the same keys (in tmux, 100 columns) is quoted beside it.

#![cfg(unix)]

mod pty;

use std::path::Path;

use rexpect::session::PtySession;

fn shell(dir: &Path) -> PtySession {
    pty::spawn(dir, &[]).p
}

fn prompt_of(dir: &Path) -> String {
    format!("PS {}> ", dir.canonicalize().unwrap().display())
}

fn enter(p: &mut PtySession, line: &str) {
    p.send(line).unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
}

#[test]
fn interactive_session_end_to_end() {
    let dir = tempfile::tempdir().unwrap();

    // --- first session ---
    let prompt = prompt_of(dir.path());
    let (offline, connected) = (prompt.as_str(), prompt.as_str());
    let mut p = shell(dir.path());
    p.exp_string(offline).unwrap();

    // Tab completes a cmdlet name, then a parameter name.
    p.send("Get-CsApp\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-CsApplicationAccessPolicy").unwrap();
    p.send(" -Ide\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-CsApplicationAccessPolicy -Identity")
        .unwrap();

    // Ctrl+C cancels the line: nothing runs, a fresh prompt comes on a new line. (Keys typed
    // before that prompt appears would be lost with the line, so wait for it.)
    p.send_control('c').unwrap();
    p.exp_string("^C").unwrap();
    p.exp_string(offline).unwrap();
    enter(&mut p, "'after-' + 'cancel'");
    p.exp_string("after-cancel").unwrap();
    p.exp_string(offline).unwrap();

    enter(&mut p, "Connect-MicrosoftTeams");
    p.exp_string(connected).unwrap();

    // A multi-line hashtable: `>> ` until the closing brace.
    enter(&mut p, "$h = @{");
    p.exp_string(">> ").unwrap();
    enter(&mut p, "  Add = 'hash' + 'value'");
    p.exp_string(">> ").unwrap();
    enter(&mut p, "}");
    p.exp_string(connected).unwrap();
    enter(&mut p, "$h.Add");
    p.exp_string("hashvalue").unwrap();
    p.exp_string(connected).unwrap();

    // Ctrl+C stops a running command and returns to the prompt; the session goes on.
    enter(
        &mut p,
        "Write-Host ('loop' + 'started'); while ($true) { $n++ }",
    );
    p.exp_string("loopstarted").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(connected).unwrap();
    enter(&mut p, "'still ' + 'alive'");
    p.exp_string("still alive").unwrap();
    p.exp_string(connected).unwrap();

    // A secret stays out of the history file; an ordinary line goes in.
    enter(&mut p, "$ClientSecret = 'hush'");
    p.exp_string(connected).unwrap();
    enter(&mut p, "'marker' + '-one'");
    p.exp_string("marker-one").unwrap();
    p.exp_string(connected).unwrap();
    enter(&mut p, "exit");
    p.exp_eof().unwrap();

    let saved = std::fs::read_to_string(dir.path().join("history.txt")).unwrap();
    assert!(saved.contains("'marker' + '-one'"), "{saved}");
    assert!(saved.contains("$h = @{"), "{saved}");
    assert!(
        !saved.contains("hush"),
        "a secret reached the file:\n{saved}"
    );
    assert!(
        !saved.contains("-Identity"),
        "a cancelled line reached the file:\n{saved}"
    );

    // --- second session: the history is there (Ctrl+R finds it) ---
    let mut p = shell(dir.path());
    p.exp_string(offline).unwrap();
    // A transcript records each command line after `PS>`, then what it showed.
    enter(&mut p, "Start-Transcript -Path ~/session.log");
    p.exp_string("Transcript started, output file is ~/session.log")
        .unwrap();
    p.exp_string(offline).unwrap();
    p.send_control('r').unwrap();
    p.send("marker").unwrap();
    p.flush().unwrap();
    p.exp_string("'marker' + '-one'").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("marker-one").unwrap();
    p.exp_string(offline).unwrap();
    // Ctrl+D on an empty line leaves.
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();

    // Leaving closed the transcript with its footer.
    let log = std::fs::read_to_string(dir.path().join("session.log")).unwrap();
    assert!(log.contains("PS>'marker' + '-one'\nmarker-one\n"), "{log}");
    assert!(log.trim_end().ends_with("**********************"), "{log}");
    assert!(log.contains("PowerShell transcript end"), "{log}");
}

/// Ctrl+C at any question a command asks stops the command at once, as in pwsh; the line typed
/// next is a new command, never the answer. (Before, Ctrl+C at New-CsApplicationAccessPolicy's
/// `Identity:` prompt let the next command line become the policy's name.)
///
/// pwsh 7.6.10 showed, for Ctrl+C at a mandatory prompt, at Read-Host after typing `abc`, and at
/// Get-Credential's password after typing `pw12` (masked):
///
/// ```text
/// PS /tmp/pw> f
///
/// cmdlet f at command pipeline position 1
/// Supply values for the following parameters:
/// Identity:
/// PS /tmp/pw> "next"
/// next
/// PS /tmp/pw> Read-Host "Name"
/// Name: abc
/// PS /tmp/pw> $c = Get-Credential
///
/// PowerShell credential request
/// Enter your credentials.
/// User: bob
/// Password for user bob: ****
/// PS /tmp/pw> $?
/// False
/// ```
#[test]
fn ctrl_c_at_a_question_stops_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &["-Connected"]);
    t.prompt();

    t.enter("New-CsApplicationAccessPolicy");
    t.expect("Identity: ");
    t.ctrl('c');
    t.prompt();
    t.enter("Grant-CsApplicationAccessPolicy -PolicyName Test-policy");
    t.expect("\"Test-policy\" not found");
    t.prompt();
    t.enter("'policies=' + ((Get-CsApplicationAccessPolicy).Identity -join ',')");
    t.expect("policies=Global\r\n");
    t.prompt();

    t.enter("$a = Read-Host 'Name'; 'after-' + 'read'");
    t.expect("Name: ");
    t.send("abc");
    t.expect("abc");
    t.ctrl('c');
    t.prompt();
    t.enter("'a=[' + $a + ']'");
    t.expect("a=[]");
    t.prompt();

    t.enter("New-CsApplicationAccessPolicy -Identity Keep | Out-Null");
    t.prompt();
    t.enter("Remove-CsApplicationAccessPolicy -Identity Keep -Confirm");
    t.expect("(default is \"Y\"): ");
    t.ctrl('c');
    t.prompt();
    t.enter("y");
    t.expect("'y' is not recognized");
    t.prompt();

    t.enter("$c = Get-Credential");
    t.expect("User: ");
    t.enter("bob");
    t.expect("Password for user bob: ");
    t.send("pw12");
    t.expect("****");
    t.ctrl('c');
    t.prompt();
    t.enter("$?");
    t.expect("False");
    t.prompt();
    t.enter(
        "'kept=' + ((Get-CsApplicationAccessPolicy).Identity -join ',') + ' c=' + ($null -eq $c)",
    );
    t.expect("kept=Global,Tag:Keep c=True");
    t.prompt();

    let screen = t.text();
    assert!(!screen.contains("after-read"), "{screen}");
    assert!(!screen.contains("pw12"), "{screen}");
    assert!(
        screen.contains("\nIdentity:\nPS "),
        "the prompt follows the question on the next line:\n{screen}"
    );
    assert!(screen.contains("\nName: abc\nPS "), "{screen}");
    assert!(
        screen.contains("\nPassword for user bob: ****\nPS "),
        "{screen}"
    );
    t.enter("exit");
    t.p.exp_eof().unwrap();
}

/// Secrets echo `*` per character, as pwsh's console host shows them. pwsh 7.6.10:
///
/// ```text
/// PS /tmp/pw> $s = Read-Host -AsSecureString "Pw"
/// Pw: ******
/// ```
#[test]
fn secret_input_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.enter("$s = Read-Host -AsSecureString 'Pw'");
    t.expect("Pw: ");
    t.send("secret");
    t.expect("******");
    t.send("\r");
    t.prompt();
    t.enter("$m = Read-Host -MaskInput 'Code'");
    t.expect("Code: ");
    t.enter("1234");
    t.prompt();
    t.enter("$s.GetType().Name + '/' + $m");
    t.expect("SecureString/1234");
    t.prompt();
    let rows = t.last_rows(7);
    assert_eq!(rows[0], "PS <dir>> $s = Read-Host -AsSecureString 'Pw'");
    assert_eq!(rows[1], "Pw: ******");
    assert_eq!(rows[3], "Code: ****");
    assert!(!t.text().contains("Pw: secret"), "{}", t.text());
}

/// Lines typed ahead or pasted without bracketed paste all run, in order, as in pwsh (which
/// drew each line after its own prompt: `PS> "one"` / `one` / `PS> "two"` / `two`).
#[test]
fn pasted_lines_all_run_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    // One write, as a terminal without bracketed paste delivers a paste.
    t.send("'p' + 1\r'p' + 2\r$h = @{\r  a = 'pasted' + '-hash'\r}\r$h.a\r'p' + 3\r");
    t.expect("p1");
    t.expect("p2");
    t.expect("pasted-hash");
    t.expect("p3");
    t.prompt();
    // Typed ahead while a command runs (the terminal holds the keys; the editor reads them at
    // the next prompt). pwsh 7.6.10 showed `PS> "typed-1"` / `typed-1` after the sleep.
    t.send("Start-Sleep -Milliseconds 500; 'sl' + 'ept'\r");
    t.expect("'sl' + 'ept'");
    // The editor leaves the terminal (bracketed paste off): the command is running.
    t.expect("\x1b[?2004l");
    t.send("'ahead' + 1\r");
    t.expect("slept");
    t.expect("ahead1");
    t.prompt();
}

/// Ctrl+C erases the hint and marks the line `^C`, as PSReadLine does; a byte that is not UTF-8
/// is dropped and the prompt comes back (it used to end the session with "invalid data").
/// pwsh 7.6.10: `PS /tmp/pw> Get-ChildItem -Path ^C` then the prompt on the next row.
#[test]
fn ctrl_c_erases_the_hint_and_bad_bytes_do_not_end_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.send("Remove-CsApplicationAccessPolicy ");
    t.expect("[-Identity] <XdsIdentity>");
    t.ctrl('c');
    t.expect("^C");
    t.prompt();
    t.send("Get-Dat");
    t.expect("Get-Dat");
    t.ctrl('c');
    t.expect("^C");
    t.prompt();
    t.ctrl('c');
    t.expect("^C");
    t.prompt();
    assert_eq!(
        t.last_rows(4),
        [
            "PS <dir>> Remove-CsApplicationAccessPolicy ^C",
            "PS <dir>> Get-Dat^C",
            "PS <dir>> ^C",
            "PS <dir>>",
        ]
    );
    t.send("ab");
    t.expect("ab");
    t.bytes(b"\xff");
    t.prompt();
    t.enter("'still' + '-here'");
    t.expect("still-here");
    t.prompt();
    t.enter("exit");
    t.p.exp_eof().unwrap();
}

/// pwsh's prompt: `PS <location>> ` following Set-Location, and a user's `function prompt`
/// replaces it (one that returns nothing gives `PS>`, as pwsh 7.6.10 showed). pwsh 7.6.10:
///
/// ```text
/// PS /tmp/pw> Set-Location /tmp
/// PS /tmp> function prompt { "my> " }
/// my>
/// ```
#[test]
fn prompt_follows_location_and_prompt_function() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.enter("Set-Location sub");
    t.prompt = format!("PS {}> ", t.dir.join("sub").display());
    t.prompt();
    t.enter("function prompt { \"my> \" }");
    t.prompt = "my> ".into();
    t.prompt();
    t.enter("'x' + 'y'");
    t.expect("xy");
    t.prompt();
    t.enter("function prompt { }");
    t.prompt = "PS>".into();
    t.prompt();
    assert_eq!(
        t.last_rows(6),
        [
            "PS <dir>> Set-Location sub",
            "PS <dir>/sub> function prompt { \"my> \" }",
            "my> 'x' + 'y'",
            "xy",
            "my> function prompt { }",
            "PS>",
        ]
    );
}

/// `r` / Invoke-History runs a history line again (echoing it), by Id or by the start of the
/// line, and the history records the line that ran; Get-History is laid out as pwsh lays it
/// out; Alt+. yanks the last argument of the previous line, and again of the one before.
/// pwsh 7.6.10 showed:
///
/// ```text
/// PS> "abc" + 1
/// abc1
/// PS> r '"ab'
/// "abc" + 1
/// abc1
/// PS> r 9999
/// Invoke-History: Cannot locate the history for Id 9999.
/// PS> r zzz
/// Invoke-History: Cannot locate the history for command line zzz.
/// PS> Get-History -Count 4
///
///   Id     Duration CommandLine
///   --     -------- -----------
///   37        0.001 "abc" + 1
///   38        0.026 "abc" + 1
///   39        0.058 r 9999
///   40        0.055 r zzz
/// ```
///
/// and for Alt+. after `'one' + 'two'` and `"x" | Select-Object -First 1 # note`: `# note`, then
/// `'two'`.
#[test]
fn history_recall_r_and_alt_dot() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.enter("\"abc\" + 1");
    t.expect("abc1");
    t.prompt();
    t.enter("r '\"ab'");
    t.expect("abc1");
    t.prompt();
    t.enter("r 9999");
    t.expect("Cannot locate the history for Id 9999.");
    t.prompt();
    t.enter("r zzz");
    t.expect("Cannot locate the history for command line zzz.");
    t.prompt();
    t.enter("Get-History");
    t.expect("r zzz\r\n");
    t.prompt();
    let rows = t.last_rows(17);
    assert_eq!(
        rows[..11],
        [
            "PS <dir>> r '\"ab'",
            "\"abc\" + 1",
            "abc1",
            "PS <dir>> r 9999",
            "Invoke-History: Cannot locate the history for Id 9999.",
            "PS <dir>> r zzz",
            "Invoke-History: Cannot locate the history for command line zzz.",
            "PS <dir>> Get-History",
            "",
            "  Id     Duration CommandLine",
            "  --     -------- -----------",
        ]
    );
    assert!(
        rows[11].starts_with("   1        0.") && rows[11].ends_with(" \"abc\" + 1"),
        "{rows:?}"
    );
    assert!(
        rows[12].starts_with("   2        0.") && rows[12].ends_with(" \"abc\" + 1"),
        "{rows:?}"
    );
    assert!(
        rows[13].ends_with(" r 9999") && rows[14].ends_with(" r zzz"),
        "{rows:?}"
    );
    assert_eq!(rows[15..], ["", "PS <dir>>"]);

    t.enter("'one' + 'two'");
    t.expect("onetwo");
    t.prompt();
    t.enter("\"x\" | Select-Object -First 1 # note");
    t.prompt();
    t.send("Write-Output ");
    t.send("\x1b.");
    t.expect("# note");
    t.send("\x1b.");
    t.expect("'two'");
    t.send("\r");
    t.expect("two\r\n");
    t.prompt();
    assert_eq!(
        t.last_rows(3),
        ["PS <dir>> Write-Output 'two'", "two", "PS <dir>>"]
    );
}

/// Set-PSReadLineOption -EditMode switches the bindings at the next prompt, as PSReadLine's
/// modes differ: Windows mode clears the line with Esc, undoes with Ctrl+Z and cycles through
/// candidates with Tab; Emacs (the default on Linux) completes the common part and lists the
/// candidates on the second Tab. PSReadLine 2.3 (pwsh 7.6.10) binds Escape to RevertLine and
/// Ctrl+z to Undo in Windows mode.
#[test]
fn edit_mode_switches_bindings() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.enter("Set-PSReadLineOption -EditMode Windows");
    t.prompt();
    // Esc clears the line; what is typed next is all there is.
    t.send("Get-Date junk");
    t.wait_row("PS <dir>> Get-Date junk");
    t.send("\x1b");
    t.wait_row("PS <dir>>");
    t.enter("'after' + '-escape'");
    t.expect("after-escape");
    t.prompt();
    // Ctrl+Z takes back the last edit, one typed character at a time as in PSReadLine (pwsh
    // 7.6.10, Windows mode: `'kept' + 'undone'` then Ctrl+Z showed `PS> 'kept' + 'undone`;
    // Escape then left `PS>`).
    t.send("'kept'");
    t.wait_row("PS <dir>> 'kept'");
    t.send(" + 'undone'");
    t.wait_row("PS <dir>> 'kept' + 'undone'");
    t.ctrl('z');
    t.wait_row("PS <dir>> 'kept' + 'undone");
    // (A second Ctrl+Z here takes back the rest of the word at once: rustyline groups typed
    // word characters, PSReadLine does not; docs/fidelity.md.)
    t.send("\x1b");
    t.wait_row("PS <dir>>");
    t.send("'kept'\r");
    t.expect("kept\r\n");
    t.prompt();
    t.enter("(Get-PSReadLineOption).EditMode");
    t.expect("Windows\r\n");
    t.prompt();

    // Back to Emacs: Esc is a prefix again (Esc . is Alt+.), Ctrl+Z does not undo.
    t.enter("Set-PSReadLineOption -EditMode Emacs");
    t.prompt();
    t.send("Write-Output ");
    t.send("\x1b.");
    t.wait_row("PS <dir>> Write-Output Emacs");
    t.send("\r");
    t.expect("Emacs\r\n");
    t.prompt();
}

/// Completion shows the candidates: in Emacs mode (the Linux default) the second Tab lists them
/// in columns, as PSReadLine does, and the line comes back below; members of a variable whose
/// value is known complete after `.`, and property names after Select-Object. F1 shows the
/// help of the command under the cursor and gives the line back. pwsh 7.6.10 (Emacs mode):
///
/// ```text
/// my> Get-C
/// Get-ChildItem                    Get-Command                      Get-CredsFromCredentialProvider
/// Get-Clipboard                    Get-Content                      Get-Culture
/// Get-CmsMessage                   Get-Credential
/// my> Get-C
/// ```
#[test]
fn completion_lists_members_properties_and_f1() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &["-Connected"]);
    t.prompt();
    t.send("Get-CsTenantF\t");
    t.wait_row("PS <dir>> Get-CsTenantFederationConfiguration");
    t.ctrl('c');
    t.prompt();
    t.send("Get-C\t\t");
    t.expect("Get-ChildItem");
    t.wait_row("PS <dir>> Get-C");
    let rows = t.rows();
    let first = rows
        .iter()
        .position(|r| r.starts_with("Get-ChildItem"))
        .unwrap_or_else(|| panic!("{rows:?}"));
    let rows = rows[first.saturating_sub(1)..].to_vec();
    assert!(rows.iter().any(|r| r.contains("Get-CsTenant")), "{rows:?}");
    assert!(
        rows.iter().any(|r| r.contains("Get-Credential")),
        "{rows:?}"
    );
    // Column-major, like PSReadLine: the second entry is below the first.
    assert!(rows[2].starts_with("Get-Command"), "{rows:?}");
    t.ctrl('c');
    t.prompt();

    t.enter("$p = Get-CsApplicationAccessPolicy -Identity Global");
    t.prompt();
    t.send("$p.Desc\t");
    t.wait_row("PS <dir>> $p.Description");
    t.ctrl('c');
    t.prompt();
    t.send("Get-CsOnlineUser | Select-Object ApplicationAcc\t");
    t.wait_row("PS <dir>> Get-CsOnlineUser | Select-Object ApplicationAccessPolicy");
    t.ctrl('c');
    t.prompt();

    // F1: the help of the command under the cursor, then the line as it was.
    t.send("Get-CsTenant -Identity x");
    t.wait_row("PS <dir>> Get-CsTenant -Identity x");
    t.send("\x1bOP");
    t.expect("NAME");
    t.expect("Get-CsTenant");
    t.wait_row("PS <dir>> Get-CsTenant -Identity x");
    t.ctrl('c');
    t.prompt();
    t.enter("exit");
    t.p.exp_eof().unwrap();
}

/// While the input does not parse, the prompt's `> ` turns red, as PSReadLine draws it (pwsh
/// 7.6.10 drew `P` + ESC[91m `> ` for the prompt `PS>` and the input `Get-Date )`, and for
/// `Get-Date (`; with `Get-Date` the prompt kept its colour). Once every argument is given, the
/// parameter hint is gone.
#[test]
fn syntax_error_turns_the_prompt_red_and_hints_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &["-Color", "always"]);
    t.prompt();
    let gt = t.prompt.len() - 2;
    t.send("Get-Date )");
    t.wait_until("a red prompt", |t| t.color_at(0, gt) == Some(9));
    t.ctrl('c');
    t.prompt();
    t.send("Get-Date (");
    t.wait_until("a red prompt", |t| t.color_at(0, gt) == Some(9));
    t.ctrl('c');
    t.prompt();
    t.send("Get-Date");
    t.wait_until("the command drawn", |t| {
        t.last_rows(1)[0].ends_with("> Get-Date")
    });
    assert_eq!(t.color_at(0, gt), None);
    t.ctrl('c');
    t.prompt();

    // The hint shows what is left, and goes once every argument is there.
    t.send("Remove-CsApplicationAccessPolicy ");
    t.wait_until("the syntax hint", |t| {
        t.last_rows(2)
            .iter()
            .any(|r| r.contains("Remove-CsApplicationAccessPolicy [-Identity] <XdsIdentity>"))
    });
    t.send("-Identity X ");
    t.wait_until("no hint", |t| {
        t.last_rows(1)[0].ends_with("> Remove-CsApplicationAccessPolicy -Identity X")
    });
    t.ctrl('c');
    t.prompt();
}

/// `help` pages its output as pwsh's `help` function does on Linux (through `$PAGER`, else
/// `less -s`; pwsh 7.6.10 showed `Page 1. Press h for help or q to quit.` under `help
/// Get-Date`); Get-Help writes it out.
#[test]
fn help_goes_through_the_pager() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn_with_env(dir.path(), &[], &[("PAGER", "sed s/^/paged:/")]);
    t.prompt();
    t.enter("help Get-CsTenant");
    t.expect("paged:NAME");
    t.expect("paged:    Get-CsTenant");
    t.prompt();
    t.enter("Get-Help Get-CsTenant");
    t.expect("\nNAME");
    t.prompt();
    assert!(!t.text().contains("paged:SYNOPSIS\npaged:NAME"));
}

/// `-NoExit -Command`: the command runs, then the prompt comes with the same session, as pwsh
/// documents (`pwsh -NoExit -Command Get-Date`).
#[test]
fn no_exit_keeps_the_session_at_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(
        dir.path(),
        &["-NoExit", "-Command", "$kept = 40 + 2; 'ran ' + 'first'"],
    );
    t.expect("ran first");
    t.prompt();
    t.enter("'kept=' + $kept");
    t.expect("kept=42");
    t.prompt();
    t.enter("exit 3");
    t.p.exp_eof().unwrap();
}

/// Get-Error at the prompt: the nested view of the newest error, with the history id of the
/// line that failed and the script stack trace, cut at the 80-column window as pwsh's console
/// writer does. pwsh 7.6.10 (PSReadLine, 80 columns) showed exactly the rows asserted below
/// after `function Inner { throw 'boom' }`, `Inner` and `Get-Error`.
#[test]
fn get_error_shows_the_newest_error_nested() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = pty::spawn(dir.path(), &[]);
    t.prompt();
    t.enter("function Inner { throw 'boom' }");
    t.prompt();
    t.enter("Inner");
    t.expect("Exception: boom");
    t.prompt();
    t.enter("Get-Error");
    t.expect("at <ScriptBlock>, <No file>: line 1");
    t.prompt();
    assert_eq!(
        t.last_rows(34),
        [
            "Exception: boom",
            "PS <dir>> Get-Error",
            "",
            "Exception             :",
            "    Type                        : System.Management.Automation.RuntimeException",
            "    ErrorRecord                 :",
            "        Exception             :",
            "            Type    : System.Management.Automation.ParentContainsErrorRecordExc",
            "eption",
            "            Message : boom",
            "            HResult : -2146233087",
            "        CategoryInfo          : NotSpecified: (:) [], ParentContainsErrorRecord",
            "Exception",
            "        FullyQualifiedErrorId : RuntimeException",
            "    WasThrownFromThrowStatement : True",
            "    Message                     : boom",
            "    HResult                     : -2146233087",
            "TargetObject          : boom",
            "CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException",
            "FullyQualifiedErrorId : boom",
            "InvocationInfo        :",
            "    ScriptLineNumber : 1",
            "    OffsetInLine     : 18",
            "    HistoryId        : 2",
            "    Line             : function Inner { throw 'boom' }",
            "    Statement        : throw 'boom'",
            "    PositionMessage  : At line:1 char:18",
            "                       + function Inner { throw 'boom' }",
            "                       +                  ~~~~~~~~~~~~",
            "    CommandOrigin    : Internal",
            "ScriptStackTrace      : at Inner, <No file>: line 1",
            "                        at <ScriptBlock>, <No file>: line 1",
            "",
            "PS <dir>>",
        ]
    );
}
