//! A script that grows a string or an array without end gets pwsh's OutOfMemoryException
//! error record, statement by statement, and the process goes on: `AAPSH_MEMORY_BUDGET` makes
//! the budget small so the test reaches it without allocating gigabytes.

use std::process::Command;

#[test]
fn a_string_doubling_in_a_loop_meets_out_of_memory_and_the_script_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env("HOME", home.path())
        .env("AAPSH_MEMORY_BUDGET", "2000000")
        .arg("-Store")
        .arg(home.path().join("s.json"))
        .arg("-Command")
        .arg("$i = 0; $s = 'x' * 1000; while ($i -lt 25) { $i++; $s += $s }; $s.Length; $i; $a = @(1); foreach ($n in 1..30) { $a += $a }; $a.Count")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    // 1,000 characters doubled 10 times is 1,024,000 bytes; the 11th doubling passes 2 MB.
    // An array counts 32 bytes a value: 32,768 values fit in 2 MB, 65,536 do not.
    assert_eq!(out, "1024000\n25\n32768\n", "{err}");
    let line = "OperationStopped: Insufficient memory to continue the execution of the program.\n";
    assert_eq!(err, line.repeat(15 + 15), "{err}");
}
