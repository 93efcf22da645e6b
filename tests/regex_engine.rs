//! The .NET regex engine (`runtime::regex`) under generated patterns: it never panics, never
//! runs past its budget, and, on the syntax .NET shares with Rust's `regex` crate (literals,
//! classes, groups, alternation, greedy and lazy quantifiers: both leftmost-first), it finds
//! the same matches and the same group values. Also replays `fuzz/regressions/regex/`.

use aapsh::runtime::regex::{Regex, Replacement, opt, units};
use proptest::prelude::*;

/// A pattern from pieces both engines read the same way.
fn pattern() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("ab".to_string()),
        Just("[ab]".to_string()),
        Just("[^a]".to_string()),
        Just(".".to_string()),
        Just("x".to_string()),
        Just("\\.".to_string()),
        Just("[a-c]".to_string()),
    ];
    atom.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("(?:{a}|{b})")),
            inner.clone().prop_map(|a| format!("({a})")),
            (
                inner.clone(),
                prop_oneof![
                    Just("*"),
                    Just("+"),
                    Just("?"),
                    Just("*?"),
                    Just("+?"),
                    Just("??"),
                    Just("{2}"),
                    Just("{1,3}"),
                    Just("{0,2}?")
                ]
            )
                .prop_map(|(a, q)| format!("(?:{a}){q}")),
        ]
    })
}

fn input() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('a'),
            Just('b'),
            Just('c'),
            Just('.'),
            Just('x'),
            Just('\n')
        ],
        0..12,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn agrees_with_a_leftmost_first_engine(p in pattern(), text in input(), ci in any::<bool>()) {
        let ours = Regex::new(&p, if ci { opt::IGNORE_CASE } else { 0 }).expect("pattern");
        let theirs = regex::RegexBuilder::new(&p).case_insensitive(ci).build().expect("pattern");
        let u = units(&text);
        let found: Vec<(usize, usize)> = ours
            .find_all(&u, 0, None)
            .expect("budget")
            .iter()
            .map(|m| (m.index(), m.end()))
            .collect();
        // Same scan rule as .NET: after an empty match, the next scan starts one further on.
        let mut expected = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = theirs.find_at(&text, at) else { break };
            expected.push((m.start(), m.end()));
            at = if m.end() == m.start() { m.end() + 1 } else { m.end() };
        }
        prop_assert_eq!(&found, &expected, "pattern {:?} on {:?}", p, text);
        if let (Some(m), Some(c)) = (ours.find(&u).expect("budget"), theirs.captures(&text)) {
            for slot in 1..c.len() {
                let theirs = c.get(slot).map(|g| (g.start(), g.end() - g.start()));
                prop_assert_eq!(m.group(slot), theirs, "group {} of {:?} on {:?}", slot, p, text);
            }
        }
    }

    #[test]
    fn any_text_is_refused_or_matched(p in "[()\\[\\]{}?*+|\\\\^$.<>=!:'a-c0-9kpPdDwWsSbBAzZG#-]{0,16}", text in input(), flags in 0u32..128) {
        let options = flags & (opt::IGNORE_CASE | opt::MULTILINE | opt::EXPLICIT_CAPTURE
            | opt::SINGLELINE | opt::IGNORE_PATTERN_WHITESPACE | opt::RIGHT_TO_LEFT);
        if let Ok(re) = Regex::new(&p, options) {
            let re = re.with_budget(100_000);
            let u = units(&text);
            let start = if re.right_to_left() { u.len() } else { 0 };
            if let Ok(all) = re.find_all(&u, start, Some(32)) {
                for m in all {
                    prop_assert!(m.end() <= u.len());
                }
            }
            let r = Replacement::parse(&re, "$1${x}$$$&$+$_");
            let _ = re.replace(&u, &r, Some(8));
            let _ = re.split(&u, 4);
        }
    }
}

#[test]
fn fuzz_regressions_run_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/regex");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        let data = std::fs::read(&path).expect("read");
        let Some((&flags, rest)) = data.split_first() else {
            continue;
        };
        let (pattern, text) = match rest.iter().position(|&b| b == 0) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &b"ab\ncd"[..]),
        };
        let options = u32::from(flags) & 0x7F & !opt::COMPILED;
        if let Ok(re) = Regex::new(&String::from_utf8_lossy(pattern), options) {
            let re = re.with_budget(200_000);
            let u = units(&String::from_utf8_lossy(text));
            let start = if re.right_to_left() { u.len() } else { 0 };
            let _ = re.find_all(&u, start, Some(64));
        }
    }
}
