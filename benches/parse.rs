//! Parse time for the input shapes of `tests/parser_linear.rs` at about 1k, 8k and 64k tokens:
//! `cargo bench --bench parse` (add a shape name to run only the shapes containing it). The
//! ratio columns should stay near 8 (linear); the test checks the same through a work count.

use std::time::{Duration, Instant};

use aapsh::syntax::{SourceFile, parse_script};

#[path = "../tests/fixtures/parser/shapes.rs"]
mod shapes;

/// The best of a few runs (at least three, and at least 200 ms in all).
fn time(text: &str) -> Duration {
    let mut best = Duration::MAX;
    let started = Instant::now();
    let mut runs = 0;
    while runs < 3 || (started.elapsed() < Duration::from_millis(200) && runs < 50) {
        let t = Instant::now();
        let r = parse_script(SourceFile::new(None, text));
        std::hint::black_box(&r);
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    // AAPSH_BENCH_SIZES=8000,64000,512000 measures other sizes (three, each eight times the last).
    let sizes: Vec<usize> = std::env::var("AAPSH_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| v.len() == 3)
        .unwrap_or(vec![1_000, 8_000, 64_000]);
    println!(
        "{:<20} {:>10} {:>10} {:>10} {:>6} {:>6}",
        "shape", sizes[0], sizes[1], sizes[2], "2nd/1st", "3rd/2nd"
    );
    let mut worst: f64 = 0.0;
    for (name, make) in shapes::shapes() {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let t: Vec<Duration> = [1_000, 8_000, 64_000]
            .iter()
            .map(|&n| time(&make(n)))
            .collect();
        let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        let (r1, r2) = (ratio(t[0], t[1]), ratio(t[1], t[2]));
        worst = worst.max(r2);
        let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
        println!(
            "{:<20} {:>10} {:>10} {:>10} {:>6.1} {:>6.1}",
            name,
            ms(t[0]),
            ms(t[1]),
            ms(t[2]),
            r1,
            r2
        );
    }
    println!("worst 3rd/2nd ratio: {worst:.1} (8 is linear)");
}
