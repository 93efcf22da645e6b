//! Streaming through the real binary: ranges first in a pipeline or in `foreach` are counted,
//! never built, and Get-Content reads a file a line at a time, so the peak memory of these
//! scripts (the process's own VmHWM, Linux only) stays near that of an empty script however
//! large the range or the file. Nothing here is timed: the times are in docs/performance.md
//! (benches/streaming.sh).
#![cfg(target_os = "linux")]

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `command` and returns what it printed before, and the peak resident memory (VmHWM) in
/// bytes aapsh reports for itself at the end.
fn run_and_peak(dir: &Path, command: &str) -> (String, u64) {
    let o = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .stdin(Stdio::null())
        .args(["-NoProfile", "-NonInteractive", "-Command"])
        .arg(format!(
            "{command}; Get-Content /proc/self/status | Where-Object {{ $_ -like 'VmHWM:*' }}"
        ))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (before, hwm) = out.rsplit_once("VmHWM:").expect("VmHWM printed");
    let kb: u64 = hwm
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("VmHWM in kB");
    (before.trim().to_string(), kb * 1024)
}

/// A file of `lines` numbered lines.
fn numbered_file(dir: &Path, name: &str, lines: usize) -> u64 {
    let path = dir.join(name);
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    for i in 1..=lines {
        writeln!(out, "{i}").unwrap();
    }
    drop(out);
    fs::metadata(&path).unwrap().len()
}

const MB: u64 = 1024 * 1024;

#[test]
fn ranges_and_file_reads_hold_memory_flat_and_stop_early() {
    let dir = tempfile::tempdir().unwrap();
    let (_, base) = run_and_peak(dir.path(), "1..3 | Out-Null");
    // Built as an array, 20 million numbers would take hundreds of MB.
    let (out, peak) = run_and_peak(dir.path(), "1..20000000 | Select-Object -First 2");
    assert_eq!(out, "1\n2");
    assert!(
        peak < base + 8 * MB,
        "range: peak {} MB, empty script {} MB",
        peak / MB,
        base / MB
    );
    // aapsh used to refuse ranges over 50,000,000 elements; pwsh counts them.
    let (out, peak) = run_and_peak(
        dir.path(),
        "foreach ($i in 1..200000000) { if ($i -gt 3) { break } }; $i",
    );
    assert_eq!(out, "4");
    assert!(peak < base + 8 * MB, "foreach: peak {} MB", peak / MB);

    // 2,000,000 lines (15 MB on disk; well over 100 MB as strings in memory).
    let size = numbered_file(dir.path(), "big.txt", 2_000_000);
    assert!(size > 14 * MB);
    for (script, expected) in [
        ("Get-Content big.txt -TotalCount 2", "1\n2"),
        ("Get-Content big.txt | Select-Object -First 2", "1\n2"),
        ("Get-Content big.txt -Tail 2", "1999999\n2000000"),
        // Every line read, a batch at a time.
        (
            "Get-Content big.txt -ReadCount 100000 | ForEach-Object { $_.Count } | Select-Object -Last 1",
            "100000",
        ),
    ] {
        let (out, peak) = run_and_peak(dir.path(), script);
        assert_eq!(out, expected, "{script}");
        assert!(
            peak < base + size / 2 + 8 * MB,
            "{script}: peak {} MB, empty script {} MB, file {} MB",
            peak / MB,
            base / MB,
            size / MB
        );
    }
}
