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

/// Runs `command` and returns what it printed on stdout (stderr holds only the notice that a
/// store was created).
fn run(dir: &Path, command: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_aapsh"))
        .env_clear()
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .stdin(Stdio::null())
        .args(["-NoProfile", "-NonInteractive", "-Command", command])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("rror"), "{command}: {err}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A file of `lines` lines of about 1 KB each (a number, then padding), so that a writer that
/// gathered its input would hold about the file's size.
fn wide_file(dir: &Path, name: &str, lines: usize, csv: bool) -> u64 {
    let path = dir.join(name);
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    if csv {
        writeln!(out, "N,Pad").unwrap();
    }
    let pad = "x".repeat(1000);
    for i in 1..=lines {
        if csv {
            writeln!(out, "{i},{pad}").unwrap();
        } else {
            writeln!(out, "{i:08}{pad}").unwrap();
        }
    }
    drop(out);
    fs::metadata(&path).unwrap().len()
}

/// The writers write as objects arrive: while the upstream command is still running (at its
/// last object) the file already holds text. A writer that gathered its input (as aapsh's did
/// before) would not have created the file yet. No timing: the upstream looks at the file
/// itself. 3,000 objects are more than the 8 KiB a buffered writer holds back.
#[test]
fn writers_write_while_the_upstream_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let probe = |file: &str| {
        format!(
            "1..3000 | ForEach-Object {{ if ($_ -eq 3000) {{ Write-Host \"written before the end: $((Test-Path {file}) -and (Get-Item {file}).Length -gt 0)\" }}; $_ }}"
        )
    };
    for (writer, file) in [
        ("Set-Content out1.txt", "out1.txt"),
        ("Add-Content out2.txt", "out2.txt"),
        ("Out-File out3.txt", "out3.txt"),
        (
            "ForEach-Object { [pscustomobject]@{ N = $_ } } | Export-Csv out4.csv",
            "out4.csv",
        ),
    ] {
        let out = run(dir.path(), &format!("{} | {writer}", probe(file)));
        assert_eq!(out, "written before the end: True\n", "{writer}");
    }
    let out = run(dir.path(), &format!("{} > out5.txt", probe("out5.txt")));
    assert_eq!(out, "written before the end: True\n", "> file");
    // And the files are whole once the pipeline ends.
    let out = run(
        dir.path(),
        "foreach ($f in 'out1.txt', 'out2.txt', 'out3.txt', 'out5.txt') { (Get-Content $f | Measure-Object).Count }; (Import-Csv out4.csv | Measure-Object).Count",
    );
    assert_eq!(out, "3000\n3000\n3000\n3000\n3000\n");
}

/// A pipeline from a file to a file holds one object at a time, whatever the file's size:
/// 20,000 lines of 1 KB (20 MB) go through each writer, and through ConvertFrom-Csv and
/// Select-String (piped lines and files it reads), with the peak memory (VmHWM) near that of an empty script.
#[test]
fn file_to_file_pipelines_hold_memory_flat() {
    let dir = tempfile::tempdir().unwrap();
    let (_, base) = run_and_peak(dir.path(), "1..3 | Out-Null");
    let size = wide_file(dir.path(), "wide.txt", 20_000, false);
    let csv_size = wide_file(dir.path(), "wide.csv", 20_000, true);
    assert!(size > 19 * MB && csv_size > 19 * MB);
    for (script, expected) in [
        (
            "Get-Content wide.txt | Set-Content out1.txt; (Get-Item out1.txt).Length",
            size.to_string(),
        ),
        (
            "Get-Content wide.txt | Add-Content out2.txt; (Get-Item out2.txt).Length",
            size.to_string(),
        ),
        (
            "Get-Content wide.txt | Out-File out3.txt; (Get-Item out3.txt).Length",
            size.to_string(),
        ),
        (
            "Get-Content wide.txt > out4.txt; (Get-Item out4.txt).Length",
            size.to_string(),
        ),
        (
            "Import-Csv wide.csv | Export-Csv out5.csv -UseQuotes Never; (Get-Item out5.csv).Length",
            csv_size.to_string(),
        ),
        (
            "Get-Content wide.csv | ConvertFrom-Csv | Export-Csv out6.csv -UseQuotes Never; (Get-Item out6.csv).Length",
            csv_size.to_string(),
        ),
        (
            "Get-Content wide.txt | Select-String '^0001999' | ForEach-Object LineNumber",
            "19990\n19991\n19992\n19993\n19994\n19995\n19996\n19997\n19998\n19999".into(),
        ),
        // Files Select-String names are read a line at a time too, with and without context.
        (
            "Select-String -Path wide.txt -Pattern '^0001999' | ForEach-Object LineNumber",
            "19990\n19991\n19992\n19993\n19994\n19995\n19996\n19997\n19998\n19999".into(),
        ),
        (
            "Select-String -LiteralPath wide.txt -Pattern '^00019995' -Context 2 | ForEach-Object { $_.Context.PreContext.Count, $_.LineNumber, $_.Context.PostContext.Count }",
            "2\n19995\n2".into(),
        ),
    ] {
        let (out, peak) = run_and_peak(dir.path(), script);
        assert_eq!(out, expected, "{script}");
        assert!(
            peak < base + size / 4 + 8 * MB,
            "{script}: peak {} MB, empty script {} MB, file {} MB",
            peak / MB,
            base / MB,
            size / MB
        );
    }
}
