//! Scale benchmark for aapsh (issue 6): start-up, parse throughput, replay by tenant size, store
//! open and save, peak memory, each next to the baseline its target is a ratio of, measured in
//! the same run. Not a test: it prints figures, it asserts nothing.
//!
//! Run: `cargo bench --bench scale` (all sizes; a few minutes, mostly spent in fsync), or
//! `AAPSH_BENCH_USERS=1000,10000 AAPSH_BENCH_STATEMENTS=1000 cargo bench --bench scale` for a
//! subset. The figures and how to read them are in docs/performance.md.
//!
//! Generated inputs (in a temporary directory): tenants of N users (`user{i}@bench.example`,
//! object ids `00000000-0000-4000-8000-{i:012}`, 1 group per 1,000 users, a tenth of the users
//! already granted), and scripts of M statements, one `Grant-CsApplicationAccessPolicy` each.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aapsh::store::{Change, Store, UserLookup};
use aapsh::syntax::{SourceFile, parse_script};
use serde_json::json;

const AAPSH: &str = env!("CARGO_BIN_EXE_aapsh");
const POLICY: &str = "Bench";
const APP_ID: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";
/// Statement i grants user (i * STRIDE) mod N: spread over the tenant, not one hot user.
const STRIDE: usize = 7919;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-replay") {
        // A child run for the peak memory of a store-level replay (its own VmHWM).
        let path = PathBuf::from(&args[i + 1]);
        let statements: usize = args[i + 2].parse().expect("statement count");
        let users: usize = args[i + 3].parse().expect("user count");
        library_replay(&path, users, statements);
        println!("{}", vm_hwm_kb().unwrap_or(0));
        return;
    }

    let user_sizes = sizes("AAPSH_BENCH_USERS", &[1_000, 10_000, 100_000]);
    let statement_sizes = sizes("AAPSH_BENCH_STATEMENTS", &[1_000, 10_000, 100_000]);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut report = Report::default();

    report.line(&format!(
        "aapsh scale benchmark: {} core(s), temp dir on {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        dir.path().display()
    ));
    let fsync = fsync_latency(dir.path());
    report.line(&format!(
        "fsync of a small append here: median {} (every completed command pays one)",
        show(fsync)
    ));

    startup(&mut report);

    let scripts: Vec<(usize, PathBuf)> = statement_sizes
        .iter()
        .map(|&m| {
            (
                m,
                write_script(dir.path(), m, *user_sizes.iter().min().unwrap_or(&1000)),
            )
        })
        .collect();
    let parser_works = parse_throughput(&mut report, &scripts);

    let tenants: Vec<(usize, PathBuf)> = user_sizes
        .iter()
        .map(|&n| (n, write_tenant(dir.path(), n)))
        .collect();
    let library = store_level(&mut report, dir.path(), &tenants, &statement_sizes);
    if parser_works {
        end_to_end(&mut report, dir.path(), &tenants, &statement_sizes);
    } else {
        report.line("");
        report.line(
            "End-to-end replay through aapsh: skipped, the parser in this build is a \
             placeholder (scripts parse to no statements).",
        );
    }
    targets(&mut report, &library);
}

/// Sizes from an environment variable (comma-separated), else the defaults.
fn sizes(var: &str, default: &[usize]) -> Vec<usize> {
    match std::env::var(var) {
        Ok(text) if !text.trim().is_empty() => text
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .collect(),
        _ => default.to_vec(),
    }
}

#[derive(Default)]
struct Report;

impl Report {
    fn line(&mut self, text: &str) {
        println!("{text}");
        let _ = std::io::stdout().flush();
    }
}

fn show(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 0.001 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn user_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

fn fsync_latency(dir: &Path) -> Duration {
    let path = dir.join("fsync-probe");
    let mut file = fs::File::create(&path).expect("probe file");
    let samples = (0..200)
        .map(|_| {
            let start = Instant::now();
            file.write_all(&[b'x'; 120]).expect("probe write");
            file.sync_data().expect("probe sync");
            start.elapsed()
        })
        .collect();
    let _ = fs::remove_file(&path);
    median(samples)
}

fn run_quiet(command: &mut Command) -> Duration {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("spawn");
    let elapsed = start.elapsed();
    assert!(status.success(), "{command:?} failed: {status}");
    elapsed
}

fn startup(report: &mut Report) {
    let store_dir = tempfile::tempdir().expect("temp dir");
    let store = store_dir.path().join("store.json");
    // The first run creates the demo store; time the ones after it.
    let aapsh = |_: usize| {
        run_quiet(
            Command::new(AAPSH)
                .args(["-NoProfile", "-Command", "exit"])
                .env("AAPSH_STORE", &store),
        )
    };
    aapsh(0);
    let aapsh_time = median((0..30).map(aapsh).collect());
    let bash_time = median(
        (0..30)
            .map(|_| run_quiet(Command::new("bash").args(["-c", "exit"])))
            .collect(),
    );
    report.line("");
    report.line("Start-up (median of 30 runs)");
    report.line(&format!(
        "  aapsh -NoProfile -Command exit: {}   bash -c exit: {}   ratio {:.2} (target <= 3)",
        show(aapsh_time),
        show(bash_time),
        aapsh_time.as_secs_f64() / bash_time.as_secs_f64()
    ));
}

/// A script of `statements` grants, one statement each, over the first `users` users.
fn script_text(statements: usize, users: usize) -> String {
    let mut text = String::from("Connect-MicrosoftTeams\n");
    for i in 0..statements {
        text.push_str(&format!(
            "Grant-CsApplicationAccessPolicy -PolicyName {POLICY} -Identity {}\n",
            user_id((i * STRIDE) % users)
        ));
    }
    text
}

fn write_script(dir: &Path, statements: usize, users: usize) -> PathBuf {
    let path = dir.join(format!("grants-{statements}-of-{users}.ps1"));
    fs::write(&path, script_text(statements, users)).expect("write script");
    path
}

fn parse_throughput(report: &mut Report, scripts: &[(usize, PathBuf)]) -> bool {
    report.line("");
    report.line("Parse throughput (aapsh::syntax::parse_script, in process, best of 3)");
    let mut works = true;
    for (statements, path) in scripts {
        let text = fs::read_to_string(path).expect("read script");
        let bytes = text.len();
        let mut best = Duration::MAX;
        let mut parsed = 0;
        for _ in 0..3 {
            let source = SourceFile::new(Some(path.clone()), text.clone());
            let start = Instant::now();
            let ast = parse_script(source);
            best = best.min(start.elapsed());
            parsed = match &ast {
                Ok(ast) => ast.end.as_ref().map_or(0, |b| b.statements.len()),
                Err(_) => 0,
            };
        }
        works &= parsed > 0;
        report.line(&format!(
            "  {statements:>7} statements, {:>5.1} MB: {} = {:.1} MB/s ({} statements parsed)",
            bytes as f64 / 1e6,
            show(best),
            bytes as f64 / 1e6 / best.as_secs_f64(),
            parsed
        ));
    }
    works
}

/// A tenant of `users` users as a store file.
fn write_tenant(dir: &Path, users: usize) -> PathBuf {
    let user_list: Vec<_> = (0..users)
        .map(|i| {
            json!({
                "objectId": user_id(i),
                "userPrincipalName": format!("user{i}@bench.example"),
                "displayName": format!("Bench User {i}"),
                "sipAddress": format!("sip:user{i}@bench.example"),
            })
        })
        .collect();
    let groups: Vec<_> = (0..users.div_ceil(1000))
        .map(|g| {
            json!({
                "objectId": format!("00000000-0000-4000-9000-{g:012}"),
                "displayName": format!("Bench Group {g}"),
                "members": (g * 1000..(g * 1000 + 100).min(users)).map(user_id).collect::<Vec<_>>(),
            })
        })
        .collect();
    let direct: serde_json::Map<String, serde_json::Value> = (0..users)
        .step_by(10)
        .map(|i| (user_id(i), json!(POLICY)))
        .collect();
    let doc = json!({
        "schemaVersion": 1,
        "tenant": { "tenantId": "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58",
                    "domain": "bench.example", "displayName": "Bench" },
        "users": user_list,
        "groups": groups,
        "applications": [{ "appId": APP_ID, "displayName": "Scheduling service",
                           "permissions": ["OnlineMeetings.ReadWrite.All"] }],
        "policies": [{ "identity": "Global", "appIds": [], "description": "" },
                     { "identity": format!("Tag:{POLICY}"), "appIds": [APP_ID], "description": "" }],
        "assignments": { "users": direct, "groups": [], "tenant": null },
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).expect("serialize tenant");
    bytes.push(b'\n');
    let path = dir.join(format!("tenant-{users}.json"));
    fs::write(&path, bytes).expect("write tenant");
    path
}

/// A fresh copy of a tenant file to run against (no journal, nothing applied yet).
fn fresh_copy(tenant: &Path, dir: &Path, name: &str) -> PathBuf {
    let run_dir = dir.join(name);
    let _ = fs::remove_dir_all(&run_dir);
    fs::create_dir_all(&run_dir).expect("run dir");
    let path = run_dir.join("store.json");
    fs::copy(tenant, &path).expect("copy tenant");
    path
}

/// What a grant statement does to the store, as the cmdlet does it: read the (fresh) tenant,
/// resolve the user, then one transaction. Opens first and checkpoints at the end.
fn library_replay(path: &Path, users: usize, statements: usize) -> Duration {
    let start = Instant::now();
    let mut store = Store::open(path).expect("open");
    for i in 0..statements {
        let typed = user_id((i * STRIDE) % users);
        let tenant = store.tenant().expect("tenant");
        if tenant.find_policy(POLICY).is_none() {
            panic!("no policy {POLICY}");
        }
        let user = match tenant.resolve_user(&typed) {
            UserLookup::Found(u) => u.object_id.clone(),
            _ => panic!("no user {typed}"),
        };
        store
            .transact(|t| {
                if t.find_policy(POLICY).is_none() {
                    return Err("policy vanished");
                }
                Ok((
                    (),
                    vec![Change::GrantUser {
                        user_id: user,
                        policy_name: Some(POLICY.to_string()),
                    }],
                ))
            })
            .expect("transact")
            .expect("grant");
    }
    store.checkpoint().expect("checkpoint");
    drop(store);
    start.elapsed()
}

struct LibraryFigures {
    /// (users, file bytes, open, open + 1 statement + save, [(statements, time)])
    rows: Vec<(usize, u64, Duration, Duration, Vec<(usize, Duration)>)>,
    peak_100k: Option<(u64, u64)>,
}

fn store_level(
    report: &mut Report,
    dir: &Path,
    tenants: &[(usize, PathBuf)],
    statement_sizes: &[usize],
) -> LibraryFigures {
    report.line("");
    report.line(
        "Store level (the calls a Grant statement makes: tenant(), resolve_user, transact; \
         checkpoint at the end)",
    );
    let mut figures = LibraryFigures {
        rows: Vec::new(),
        peak_100k: None,
    };
    for (users, tenant) in tenants {
        let file_bytes = fs::metadata(tenant).map(|m| m.len()).unwrap_or(0);
        let open = median(
            (0..3)
                .map(|_| {
                    let path = fresh_copy(tenant, dir, "open");
                    let start = Instant::now();
                    let store = Store::open(&path).expect("open");
                    let elapsed = start.elapsed();
                    drop(store);
                    elapsed
                })
                .collect(),
        );
        let open_save = median(
            (0..3)
                .map(|_| library_replay(&fresh_copy(tenant, dir, "once"), *users, 1))
                .collect(),
        );
        report.line(&format!(
            "  {users:>6} users, file {:>5.1} MB: open {}, open + 1 grant + save {}",
            file_bytes as f64 / 1e6,
            show(open),
            show(open_save)
        ));
        let mut replays = Vec::new();
        for &statements in statement_sizes {
            let path = fresh_copy(tenant, dir, "replay");
            let time = library_replay(&path, *users, statements);
            let per = (time.saturating_sub(open_save)).as_secs_f64() / statements as f64;
            report.line(&format!(
                "         {statements:>7} grants: {} = {:.0} statements/s, {:.0} µs per statement \
                 beyond open and save, {:.2}x one open-and-save",
                show(time),
                statements as f64 / time.as_secs_f64(),
                per * 1e6,
                time.as_secs_f64() / open_save.as_secs_f64()
            ));
            replays.push((statements, time));
        }
        if *users == 100_000 {
            let path = fresh_copy(tenant, dir, "memory");
            let out = Command::new(std::env::current_exe().expect("self"))
                .args([
                    "--child-replay",
                    &path.display().to_string(),
                    "10000",
                    &users.to_string(),
                ])
                .output()
                .expect("child");
            let kb: u64 = String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .unwrap_or(0);
            figures.peak_100k = Some((kb * 1024, file_bytes));
            report.line(&format!(
                "         peak memory (VmHWM) of open + 10,000 grants + save: {:.1} MB",
                kb as f64 / 1024.0
            ));
        }
        figures
            .rows
            .push((*users, file_bytes, open, open_save, replays));
    }
    figures
}

fn peak_rss_of(command: &mut Command) -> Option<(Duration, u64)> {
    if !Path::new("/usr/bin/time").exists() {
        let elapsed = run_quiet(command);
        return Some((elapsed, 0));
    }
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(|a| a.to_owned()).collect();
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let elapsed = start.elapsed();
    let text = String::from_utf8_lossy(&out.stderr);
    let kb: u64 = text.lines().last()?.trim().parse().ok()?;
    Some((elapsed, kb * 1024))
}

fn end_to_end(
    report: &mut Report,
    dir: &Path,
    tenants: &[(usize, PathBuf)],
    statement_sizes: &[usize],
) {
    report.line("");
    report.line("End to end: aapsh -NoProfile -NonInteractive -Store S -File grants.ps1");
    for (users, tenant) in tenants {
        let file_bytes = fs::metadata(tenant).map(|m| m.len()).unwrap_or(0);
        let once_script = dir.join(format!("once-{users}.ps1"));
        fs::write(&once_script, script_text(1, *users)).expect("script");
        let run = |script: &Path| {
            let path = fresh_copy(tenant, dir, "e2e");
            peak_rss_of(Command::new(AAPSH).args([
                "-NoProfile",
                "-NonInteractive",
                "-Store",
                &path.display().to_string(),
                "-File",
                &script.display().to_string(),
            ]))
        };
        let Some((once, once_rss)) = run(&once_script) else {
            report.line("  (could not run aapsh)");
            return;
        };
        report.line(&format!(
            "  {users:>6} users: open + 1 grant + save {} (peak RSS {:.1} MB; file {:.1} MB)",
            show(once),
            once_rss as f64 / 1048576.0,
            file_bytes as f64 / 1e6
        ));
        for &statements in statement_sizes {
            let script = dir.join(format!("e2e-{statements}-{users}.ps1"));
            fs::write(&script, script_text(statements, *users)).expect("script");
            if let Some((time, rss)) = run(&script) {
                report.line(&format!(
                    "         {statements:>7} grants: {} = {:.0} statements/s, {:.2}x one \
                     open-and-save, peak RSS {:.1} MB",
                    show(time),
                    statements as f64 / time.as_secs_f64(),
                    time.as_secs_f64() / once.as_secs_f64(),
                    rss as f64 / 1048576.0
                ));
            }
        }
    }
}

fn targets(report: &mut Report, library: &LibraryFigures) {
    report.line("");
    report.line("Targets (store level)");
    let row = |users: usize| library.rows.iter().find(|r| r.0 == users);
    let per_statement = |users: usize| {
        row(users).and_then(|(_, _, _, open_save, replays)| {
            replays
                .iter()
                .find(|(m, _)| *m == 10_000)
                .map(|(m, t)| t.saturating_sub(*open_save).as_secs_f64() / *m as f64)
        })
    };
    if let Some((_, _, _, open_save, replays)) = row(100_000)
        && let Some((_, t)) = replays.iter().find(|(m, _)| *m == 10_000)
    {
        report.line(&format!(
            "  10,000 grants on 100k users / one open-and-save: {:.2} (target <= 3)",
            t.as_secs_f64() / open_save.as_secs_f64()
        ));
    }
    if let (Some(small), Some(large)) = (per_statement(1_000), per_statement(100_000)) {
        report.line(&format!(
            "  per-statement cost, 100k users / 1k users: {:.2} ({:.0} µs vs {:.0} µs; target \
             within 2x)",
            large / small,
            large * 1e6,
            small * 1e6
        ));
    }
    if let Some((peak, file)) = library.peak_100k {
        let limit = 4 * file + 30 * 1024 * 1024;
        report.line(&format!(
            "  peak memory on 100k users: {:.1} MB, limit 4 x {:.1} MB + 30 MB = {:.1} MB ({})",
            peak as f64 / 1048576.0,
            file as f64 / 1048576.0,
            limit as f64 / 1048576.0,
            if peak <= limit { "met" } else { "NOT met" }
        ));
    }
}

fn vm_hwm_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
