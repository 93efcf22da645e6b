//! Parsing is linear in the size of the input: the parser's work (bytes covered by token scans,
//! rescans included, from `parse_script_counting`) grows in proportion to the text, for long
//! statements of one repeated token, deep nesting, long strings, many lines and unbalanced
//! input. No clocks: the work is counted, so the test means the same on any machine.
//! `benches/parse.rs` prints the times for the same shapes.

use aapsh::syntax::{SourceFile, parse_script_counting};

#[path = "fixtures/parser/shapes.rs"]
mod shapes;
use shapes::shapes;

fn work(text: &str) -> u64 {
    parse_script_counting(SourceFile::new(None, text)).1
}

#[test]
fn parser_work_grows_linearly_with_the_input() {
    let mut failures = Vec::new();
    for (name, make) in shapes() {
        let small = make(1000);
        let large = make(8000);
        let (ws, wl) = (work(&small), work(&large));
        // Linear: eight times the input, at most about eight times the work (with room for a
        // constant), and never more than a few scans of each byte.
        let ratio = wl as f64 / ws.max(1) as f64;
        let per_byte = wl as f64 / large.len() as f64;
        // A string's `$( ... )` is scanned with the string, then parsed on its own: text
        // inside strings nested d deep is scanned d times, and d is capped by the nesting
        // limit (100). Elsewhere: each byte once or twice, plus one rescan of the rest of a
        // line for each of the (at most ten) errors pwsh reports.
        let bound = if name == "nested strings" {
            100.0
        } else {
            16.0
        };
        if ratio > 10.0 || per_byte > bound {
            failures.push(format!(
                "{name}: work {ws} -> {wl} (x{ratio:.1}), {per_byte:.1} per byte"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear parsing:\n{}",
        failures.join("\n")
    );
}
