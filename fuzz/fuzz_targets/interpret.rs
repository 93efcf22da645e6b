//! Feeds the whole interpreter (parser, binder, cmdlets, formatter) on an in-memory demo
//! tenant. Each input byte picks a token from a fixed vocabulary of the language and of the
//! Teams cmdlets, so coverage guides the fuzzer through scripts that parse and bind, and no
//! script can touch the file system (no file cmdlet, path or redirection is in the vocabulary).
//! A watchdog raises the interrupt flag Ctrl-C uses after 200 ms, so loops stop. Nothing may
//! panic, overflow the stack or ignore the interrupt.
#![no_main]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use aapsh::runtime::SessionOptions;
use aapsh::runtime::host::BufferHost;
use aapsh::store::{Store, demo_tenant};
use libfuzzer_sys::fuzz_target;

const TOKENS: &[&str] = &[
    "Get-CsApplicationAccessPolicy", "New-CsApplicationAccessPolicy", "Set-CsApplicationAccessPolicy",
    "Remove-CsApplicationAccessPolicy", "Grant-CsApplicationAccessPolicy", "Get-CsOnlineUser",
    "Connect-MicrosoftTeams", "Test-EmuAppAccess", "Get-EmuEffectivePolicy", "-Identity", "-PolicyName",
    "-AppIds", "-Global", "-Description", "-Filter", "'Bot'", "'Tag:Bot'", "'megan.bowen@contoso.onmicrosoft.com'",
    "'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'", "@{Add='a'}", "@{Remove='b'}", "$x", "$y", "$null", "$true", "$_",
    "$args", "$PSCmdlet", "$Error", "\"a$($y)b\"", "'{0,5:N2}'", "|", ";", "\n", "(", ")", "{", "}", "[", "]", ",", "=",
    "+", "-", "*", "/", "%", "+=", "++", "..", "::", ".", "-eq", "-ne", "-gt", "-like", "-match", "-replace",
    "-split", "-join", "-f", "-and", "-or", "-not", "-band", "-is", "-as", "-in", "-contains", "!", "if", "else",
    "elseif", "foreach", "in", "for", "while", "do", "until", "switch", "default", "break", "continue", "return",
    "throw", "try", "catch", "finally", "trap", "function", "f", "param", "begin", "process", "end",
    "[CmdletBinding()]", "[Parameter(Mandatory)]", "[ValidateSet('a','b')]", "[int]", "[string]", "[double]",
    "[datetime]", "[timespan]", "[guid]", "[version]", "[hashtable]", "[pscustomobject]", "[ordered]", "[array]",
    "[char]", "[long]", "[decimal]", "[bigint]", "[regex]", "[math]", "[convert]", "[System.Text.Encoding]",
    "::UTF8", ".GetBytes('x')", ".ToBase64String", "[System.Collections.ArrayList]::new()", ".Add(1)", ".Count",
    ".Length", ".Where({$_})", ".ForEach({$_})", ".ToString('N')", ".Substring(1)", ".PadLeft(3)", "ForEach-Object",
    "Where-Object", "Select-Object", "Sort-Object", "Group-Object", "Measure-Object", "Format-Table",
    "Format-List", "Out-String", "ConvertTo-Json", "ConvertFrom-Json", "ConvertTo-Csv", "Write-Host",
    "Write-Output", "Write-Error", "Write-Warning", "-First", "-Property", "-ErrorAction", "Stop",
    "SilentlyContinue", "-Depth", "1", "0", "-1", "2147483647", "1e300", "0x10", "3.5", "'abc'", "''",
    "@()", "@(1,2)", "1..3", "'a'..'c'", "2>$null", "2>&1", "`", "#", " ", "Set-StrictMode", "-Version",
    "Latest", "exit", "$ErrorActionPreference", "$OFS", "&", ".", "{ $args[0] }", "@x", "$x.y", "$x[0]",
];

fn run(text: &str) {
    let mut session = aapsh::shell::new_session(
        Box::new(BufferHost::default()),
        Store::in_memory(demo_tenant()),
        SessionOptions {
            non_interactive: true,
            ..SessionOptions::default()
        },
    );
    let flag = session.interrupt.clone();
    let done = Arc::new(AtomicBool::new(false));
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

fuzz_target!(|data: &[u8]| {
    let text: Vec<&str> = data
        .iter()
        .take(64)
        .map(|b| TOKENS[*b as usize % TOKENS.len()])
        .collect();
    let text = text.join(" ");
    // The interpreter recurses: run it on a thread with the stack the binary gives it.
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || run(&text))
        .expect("spawn")
        .join()
        .expect("the interpreter panicked");
});
