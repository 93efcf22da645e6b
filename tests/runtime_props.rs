//! Robustness: random and truncated scripts run through the whole interpreter (parser, binder,
//! cmdlets, formatter) on an in-memory store never panic. A watchdog stops runaway loops through
//! the same interrupt flag Ctrl-C uses.

use std::sync::atomic::Ordering;
use std::time::Duration;

use aapsh::runtime::SessionOptions;
use aapsh::runtime::host::BufferHost;
use aapsh::store::{Store, demo_tenant};
use proptest::prelude::*;

fn run(text: &str) {
    let owned = text.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            run_here(&owned);
            let _ = tx.send(());
        })
        .expect("spawn");
    // The watchdog interrupts after 200 ms; anything still running after 20 s ignored Ctrl-C.
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(()) => handle.join().expect("the interpreter panicked"),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            handle.join().expect("the interpreter panicked");
        }
        Err(_) => panic!("did not stop after an interrupt: {text:?}"),
    }
}

fn run_here(text: &str) {
    let mut session = aapsh::shell::new_session(
        Box::new(BufferHost::default()),
        Store::in_memory(demo_tenant()),
        SessionOptions {
            non_interactive: true,
            ..SessionOptions::default()
        },
    );
    let flag = session.interrupt.clone();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let finished = done.clone();
    let watchdog = std::thread::spawn(move || {
        for _ in 0..40 {
            if finished.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        flag.store(true, Ordering::Relaxed);
    });
    let _ = session.run_text(None, text, Vec::new());
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
}

const SCRIPT: &str = r#"
Connect-MicrosoftTeams | Out-Null
$ids = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83", "5817674c-81d9-4adb-bfb2-8f6a442e4622"
$p = Get-CsApplicationAccessPolicy -Identity "Bot" -ErrorAction SilentlyContinue
if ($p) { Set-CsApplicationAccessPolicy -Identity "Bot" -AppIds @{Add=$ids[1]} } else { New-CsApplicationAccessPolicy -Identity "Bot" -AppIds $ids[0] -Description "x" }
foreach ($u in Get-CsOnlineUser) { Grant-CsApplicationAccessPolicy -PolicyName "Bot" -Identity $u.UserPrincipalName; $count++ }
Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq "Bot" } | Select-Object DisplayName, @{n='P';e={$_.ApplicationAccessPolicy}} | Format-Table
try { Remove-CsApplicationAccessPolicy -Identity "Bot" -ErrorAction Stop } catch { Write-Host "caught: $($_.Exception.Message)" }
"$($count) users" -f 1
"#;

#[test]
fn sample_script_and_every_prefix_run_without_panic() {
    run(SCRIPT);
    let chars: Vec<(usize, char)> = SCRIPT.char_indices().collect();
    for (i, _) in chars.iter().step_by(7) {
        run(&SCRIPT[..*i]);
    }
}

/// The language features of usage.md §3 in one script: advanced functions, ShouldProcess,
/// pipeline input, switch, strict mode, lists, here-strings, typed catches and rethrow.
const LANGUAGE: &str = r#"
[CmdletBinding(SupportsShouldProcess)]
param([string]$Name = 'Bot', [switch]$Force)
Set-StrictMode -Version Latest
function Grant-All {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][ValidateNotNullOrEmpty()][string]$Policy,
          [Parameter(ValueFromPipeline)][string]$Upn)
    begin { $n = 0 }
    process { if ($PSCmdlet.ShouldProcess($Upn, "Grant $Policy")) { $n++ } }
    end { "granted $n"; $PSBoundParameters.ContainsKey('Policy') }
}
$list = [System.Collections.Generic.List[string]]::new(); $list.Add('a@x'); [void]$list.Add('b@x')
$list | Grant-All -Policy $Name -WhatIf
switch -regex ($list) { '^a' { "first $($Matches[0])"; continue } default { $_.ToUpper() } }
$h = @"
Name: $Name $($list.Count)
"@
try { 1 / 0 } catch [System.DivideByZeroException] { try { throw } catch { "rethrown $_" } } finally { $f = 1 }
$r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('x'), 'Id', 'InvalidData', $null)
function T { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError($r) }
try { T } catch { "$($_.CategoryInfo)" }
:outer foreach ($i in 1..3) { for ($j = 0; $j -lt 3; $j++) { if ($j -eq 1) { continue outer } } }
function Trapped { trap [System.DivideByZeroException] { "trapped"; continue }; 1 / 0 }
Trapped
"{0,-5}|{1:N2}" -f $Name, 3.14159
$missing.Count
exit 0
"#;

#[test]
fn language_script_and_every_prefix_run_without_panic() {
    run(LANGUAGE);
    let chars: Vec<(usize, char)> = LANGUAGE.char_indices().collect();
    for (i, _) in chars.iter().step_by(5) {
        run(&LANGUAGE[..*i]);
    }
}

#[test]
fn runaway_loop_is_stopped() {
    run("while ($true) { $i++ }");
    run("for (;;) { }");
    run("function f { f }; f");
    run("do { } while ($true)");
    run("do { $x++ } until ($false)");
    run(":l while ($true) { switch (1) { 1 { continue l } } }");
    run(
        "$l = [System.Collections.ArrayList]::new(); while ($true) { [void]$l.Add(1); $l.Clear() }",
    );
    run("try { while ($true) { } } finally { 'cleanup' }");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn token_soup_runs_without_panic(parts in prop::collection::vec(
        prop_oneof![
            Just("Get-CsApplicationAccessPolicy"), Just("New-CsApplicationAccessPolicy"), Just("Grant-CsApplicationAccessPolicy"),
            Just("Connect-MicrosoftTeams"), Just("-Identity"), Just("-PolicyName"), Just("-AppIds"), Just("-Global"),
            Just("$x"), Just("$null"), Just("@{Add='a'}"), Just("'Bot'"), Just("\"a$($y)\""), Just("|"), Just(";"),
            Just("\n"), Just("("), Just(")"), Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just("="), Just("+"),
            Just("-eq"), Just("-and"), Just("if"), Just("foreach"), Just("in"), Just("ForEach-Object"), Just("Where-Object"),
            Just("$_"), Just(".Count"), Just("1..3"), Just("@()"), Just("[int]"), Just("`"), Just(" "), Just("#"), Just("2>$null"),
            Just("Select-Object"), Just("-First"), Just("1"), Just("throw"), Just("try"), Just("catch"), Just("return"), Just("exit"),
            Just("switch"), Just("default"), Just("trap"), Just("continue"), Just("function"), Just("f"), Just("param"), Just("[CmdletBinding()]"), Just("$PSCmdlet"),
            Just(".ShouldProcess('t')"), Just("Set-StrictMode"), Just("-Version"), Just("Latest"), Just("$args"), Just("++"),
            Just("[System.Collections.ArrayList]::new()"), Just(".Add(1)"), Just("-split"), Just("-f"), Just("'{0}'"), Just("break"),
        ],
        0..20,
    )) {
        let text: String = parts.join(" ");
        run(&text);
    }
}
