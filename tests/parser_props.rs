//! Property tests: the parser never panics, whatever the input, and every prefix of a real
//! script either parses or errors; a prefix that ends inside an open construct (string,
//! comment, bracket, trailing backtick or pipe) is reported as incomplete input.

use aapsh::syntax::{SourceFile, parse_script};
use proptest::prelude::*;

const FIXTURES: [&str; 3] = ["setup-policy", "csv-grant-loop", "verify-and-report"];

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/parser/{name}.ps1",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("fixture")
}

/// A rough scanner (independent of the parser) that tells whether a prefix of the fixture
/// scripts ends inside something still open. The fixtures avoid constructs it cannot follow.
fn ends_inside_open_construct(text: &str) -> bool {
    #[derive(PartialEq)]
    enum State {
        Code,
        Single,
        Double,
        HereSingle,
        HereDouble,
        LineComment,
        BlockComment,
    }
    let chars: Vec<char> = text.chars().collect();
    let mut state = State::Code;
    let mut depth = 0i32;
    let mut sub_depth: Vec<i32> = Vec::new();
    let mut i = 0;
    let at_line_start = |i: usize| i == 0 || chars[i - 1] == '\n';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match state {
            State::Code => match c {
                '#' => state = State::LineComment,
                '<' if next == Some('#') => {
                    state = State::BlockComment;
                    i += 1;
                }
                '@' if next == Some('\'') => {
                    state = State::HereSingle;
                    i += 1;
                }
                '@' if next == Some('"') => {
                    state = State::HereDouble;
                    i += 1;
                }
                '\'' => state = State::Single,
                '"' => state = State::Double,
                '`' => i += 1,
                // `[` is left out: pwsh reports `[T` at the end as a missing `]`, not as
                // incomplete input (AttributeRule uses ReportError there).
                '(' | '{' => depth += 1,
                ')' | '}' => {
                    depth -= 1;
                    if sub_depth.last() == Some(&depth) {
                        sub_depth.pop();
                        state = State::Double;
                    }
                }
                _ => {}
            },
            State::Single => {
                if c == '\'' {
                    if next == Some('\'') {
                        i += 1;
                    } else {
                        state = State::Code;
                    }
                }
            }
            State::Double => match c {
                '`' => i += 1,
                '"' if next == Some('"') => i += 1,
                '"' => state = State::Code,
                '$' if next == Some('(') => {
                    sub_depth.push(depth);
                    depth += 1;
                    i += 1;
                    state = State::Code;
                }
                _ => {}
            },
            State::HereSingle | State::HereDouble => {
                let quote = if state == State::HereSingle {
                    '\''
                } else {
                    '"'
                };
                if c == quote && next == Some('@') && at_line_start(i) {
                    state = State::Code;
                    i += 1;
                }
            }
            State::LineComment => {
                if c == '\n' {
                    state = State::Code;
                }
            }
            State::BlockComment => {
                if c == '#' && next == Some('>') {
                    state = State::Code;
                    i += 1;
                }
            }
        }
        i += 1;
    }
    let trimmed = text.trim_end_matches([' ', '\t']);
    let dangling = trimmed.ends_with('`') || trimmed.ends_with('|');
    !matches!(state, State::Code | State::LineComment)
        || depth > 0
        || (state == State::Code && dangling)
}

/// Every golden and sample script, and the parser fixtures.
fn all_real_scripts() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in ["tests/golden", "samples", "tests/fixtures/parser"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect(dir)
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("script");
            out.push((p.display().to_string(), text));
        }
    }
    out
}

/// Ids pwsh reports at once (ReportError), even where more input could complete the text.
const REPORTED_AT_ONCE: [&str; 5] = [
    "EndSquareBracketExpectedAtEndOfAttribute",
    "MissingEqualsInHashLiteral",
    "ParameterRequiresArgument",
    "MissingFileSpecification",
    "MissingExpression",
];

/// Every golden and sample script cut at the end of each of its lines (as the REPL sends a
/// buffer): no panic, and the text so far parses, or more lines could complete it, or pwsh too
/// reports the error at once. With `AAPSH_EVERY_PREFIX=1` every prefix, cut at each character,
/// is also parsed (no panic): too slow for a debug build in every run (minutes), so it is
/// kept for a release run: `AAPSH_EVERY_PREFIX=1 cargo test --release --test parser_props`.
#[test]
fn every_prefix_of_every_golden_and_sample_parses_or_reports_incomplete() {
    let scripts = all_real_scripts();
    assert!(scripts.len() > 100, "only {} scripts", scripts.len());
    let every_char = std::env::var("AAPSH_EVERY_PREFIX").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for (name, text) in &scripts {
        // Scripts that show parse errors on purpose are only checked for panics.
        let whole_parses = parse_script(SourceFile::new(None, text.as_str())).is_ok();
        for end in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            let prefix = &text[..end];
            // At the end of a line (not after an empty line: a REPL buffer does not end with
            // a newline).
            let at_line_end = text[end..].starts_with(['\n', '\r'])
                && !prefix.trim_end_matches([' ', '\t']).ends_with(['\n', '\r']);
            if !at_line_end && !every_char {
                continue;
            }
            let result = std::panic::catch_unwind(|| {
                parse_script(SourceFile::new(None, prefix)).map(|_| ())
            });
            let Ok(result) = result else {
                failures.push(format!("{name}: panic on the prefix ending at {end}"));
                continue;
            };
            // A line holding only a comment after an open construct is not incomplete for
            // pwsh either (the newline before it is not white space to IsAtEndOfScript).
            let last_line = prefix.rsplit(['\n', '\r']).next().unwrap_or("");
            let comment_line = last_line.trim_start().starts_with('#');
            if whole_parses
                && at_line_end
                && !comment_line
                && !prefix.trim_end().is_empty()
                && let Err(e) = result
            {
                let first = &e.errors[0];
                if !e.is_incomplete() && !REPORTED_AT_ONCE.contains(&first.id) {
                    failures.push(format!(
                        "{name}: line ending at {end} is neither complete nor incomplete: {} {:?}",
                        first.id, first.message
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_prefix_of_real_scripts_parses_or_reports_incomplete() {
    for name in FIXTURES {
        let text = fixture(name);
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &end in &ends {
            let prefix = &text[..end];
            // As typed at the REPL: a buffer never ends with a newline. (pwsh only calls input
            // incomplete when nothing but spaces and comments follow the error point, and a
            // newline is not a space.)
            if prefix.trim_end_matches([' ', '\t']).ends_with(['\n', '\r']) {
                continue;
            }
            let result = parse_script(SourceFile::new(None, prefix));
            // Judge only prefixes cut between tokens (the next character is white space), as
            // when a line is entered; a half-typed `$` or `-` is a different token.
            let between_tokens = text[end..].starts_with([' ', '\t', '\n', '\r']);
            if between_tokens && ends_inside_open_construct(prefix) {
                let errors = result.expect_err(prefix);
                // pwsh reports these at once (ReportError), even at the end of the input.
                let reported_at_once = [
                    "EndSquareBracketExpectedAtEndOfAttribute",
                    "MissingEqualsInHashLiteral",
                    "ParameterRequiresArgument",
                    "MissingFileSpecification",
                    "MissingExpression",
                ];
                if reported_at_once.contains(&errors.errors[0].id) {
                    continue;
                }
                assert!(
                    errors.is_incomplete(),
                    "{name} prefix ending at {end} should be incomplete: {:?}",
                    errors.errors
                );
            }
        }
    }
}

fn powershell_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(vec![
            ' ', '\n', '\r', '\t', '$', '@', '(', ')', '{', '}', '[', ']', '"', '\'', '`', '|', ';',
            ',', '.', ':', '=', '-', '+', '*', '/', '%', '!', '<', '>', '#', '&', '?', 'a', 'b', 'x',
            '0', '1', '2', '_', '\u{201c}', '\u{2019}', '\u{2013}', 'é', '✓',
        ]),
        1 => any::<char>(),
    ]
}

fn token_soup() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "Get-X",
        " -Name",
        " -Name:",
        " $x",
        " $env:Y",
        " ${a b}",
        " 'q'",
        " \"d $v $(1)\"",
        " @\"\n",
        "\n\"@",
        " @'\n",
        "\n'@",
        " (",
        ")",
        " {",
        "}",
        " [int]",
        "[",
        "]",
        " @{",
        " @(",
        " $(",
        " |",
        " ;",
        "\n",
        " `",
        "`\n",
        " ,",
        " =",
        " +=",
        " -eq",
        " -not",
        " !",
        " 1",
        " 0x1F",
        " 1.5e3",
        " 10kb",
        " if",
        " else",
        " elseif",
        " foreach",
        " in",
        " for",
        " while",
        " do",
        " until",
        " switch",
        " default",
        " function",
        " param",
        " begin",
        " process",
        " end",
        " try",
        " catch",
        " finally",
        " trap",
        " [int]",
        " throw",
        " return",
        " break",
        " :lbl",
        " 2>&1",
        " *>",
        " <",
        " >>",
        " #c",
        " <# c #>",
        " <#",
        " .",
        " ::",
        " ..",
        " --",
        " --%",
        " &",
        " &&",
        " ||",
        " ??",
        " ??=",
        " ?",
        " :",
        "?.",
        "?[",
        "${a}",
        "using namespace X\n",
        " @splat",
        " [CmdletBinding()]",
        " [Parameter(Mandatory)]",
        " -f",
        " -split",
        " -join",
    ]);
    prop::collection::vec(tokens, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(chars in prop::collection::vec(powershell_char(), 0..120)) {
        let text: String = chars.into_iter().collect();
        let _ = parse_script(SourceFile::new(None, text));
    }

    #[test]
    fn token_soup_never_panics_and_errors_have_valid_spans(text in token_soup()) {
        let src = SourceFile::new(None, text.clone());
        if let Err(e) = parse_script(src) {
            prop_assert!(!e.errors.is_empty());
            prop_assert!(e.errors.len() <= 11);
            for err in &e.errors {
                prop_assert!(err.span.start <= err.span.end);
                prop_assert!(err.span.end as usize <= text.len());
                prop_assert!(text.is_char_boundary(err.span.start as usize));
            }
        }
    }

    #[test]
    fn prefixes_of_token_soup_never_panic(text in token_soup(), cut in 0usize..400) {
        let end = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
        let _ = parse_script(SourceFile::new(None, &text[..end]));
    }
}
