//! Feeds any bytes to the .NET regex engine: the first byte picks RegexOptions, the rest up to
//! a NUL byte is the pattern, the rest after it the input. Parsing, compiling, every match,
//! a replacement and a split must return normally (an error or a timeout, never a panic, a
//! stack overflow or a hang: the step budget is small here).
#![no_main]

use aapsh::runtime::regex::{Regex, Replacement, opt, units};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let options = u32::from(flags)
        & (opt::IGNORE_CASE
            | opt::MULTILINE
            | opt::EXPLICIT_CAPTURE
            | opt::SINGLELINE
            | opt::IGNORE_PATTERN_WHITESPACE
            | opt::RIGHT_TO_LEFT);
    let (pattern, input) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &b"ab\ncd aAbB 12"[..]),
    };
    let pattern = String::from_utf8_lossy(pattern);
    let input = units(&String::from_utf8_lossy(input));
    let Ok(re) = Regex::new(&pattern, options) else {
        return;
    };
    let re = re.with_budget(200_000);
    let start = if re.right_to_left() { input.len() } else { 0 };
    if let Ok(all) = re.find_all(&input, start, Some(64)) {
        for m in &all {
            assert!(m.end() <= input.len(), "match past the end");
        }
    }
    let r = Replacement::parse(&re, "$1${n}$$$&$`$'$+$_");
    let _ = re.replace(&input, &r, Some(16));
    let _ = re.split(&input, 8);
});
