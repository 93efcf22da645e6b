//! Syntax colours for the line being typed, PSReadLine's defaults (PSConsoleReadLineOptions:
//! Command Yellow, Parameter and Operator DarkGray, String DarkCyan, Variable and Keyword
//! Green, Number White, Comment DarkGreen, Type and Member Gray, Error Red), from the same
//! classifier completion uses. A part the parser rejects is shown red and underlined. Only
//! escape sequences are added, so the text keeps its display width (rustyline's rule). Hints
//! use PSReadLine's inline-prediction style (dim italic).

use crate::syntax::highlight::{TokenClass, classify};

pub const RESET: &str = "\x1b[0m";
/// PSReadLine's InlinePredictionColor default.
pub const HINT: &str = "\x1b[97;2;3m";
/// ErrorColor, underlined so that the exact place shows whatever colour the token had.
pub const ERROR: &str = "\x1b[91;4m";

/// The escape sequence for a class; `None` leaves the terminal's default colour.
pub fn style(class: TokenClass) -> Option<&'static str> {
    Some(match class {
        TokenClass::Command => "\x1b[93m",
        TokenClass::Parameter => "\x1b[90m",
        TokenClass::String => "\x1b[36m",
        TokenClass::Variable => "\x1b[92m",
        TokenClass::Number => "\x1b[97m",
        TokenClass::Operator => "\x1b[90m",
        TokenClass::Keyword => "\x1b[92m",
        TokenClass::Comment => "\x1b[32m",
        TokenClass::Type | TokenClass::Member => "\x1b[37m",
        TokenClass::Error => "\x1b[91m",
        TokenClass::Default => return None,
    })
}

/// The text with colour escapes around tokens; the characters themselves are unchanged.
pub fn highlight(text: &str) -> String {
    let c = classify(text);
    // Split the text where any token or error range starts or ends.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for t in &c.tokens {
        cuts.extend([t.range.start, t.range.end]);
    }
    for e in &c.errors {
        cuts.extend([e.start, e.end]);
    }
    cuts.retain(|i| *i <= text.len() && text.is_char_boundary(*i));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let piece = &text[a..b];
        let in_error = c.errors.iter().any(|e| e.start <= a && b <= e.end);
        let token_style = c
            .tokens
            .iter()
            .find(|t| t.range.start <= a && b <= t.range.end)
            .and_then(|t| style(t.class));
        match (in_error, token_style) {
            (true, _) => {
                out.push_str(ERROR);
                out.push_str(piece);
                out.push_str(RESET);
            }
            (false, Some(s)) => {
                out.push_str(s);
                out.push_str(piece);
                out.push_str(RESET);
            }
            (false, None) => out.push_str(piece),
        }
    }
    out
}

/// Removes CSI escape sequences (for tests and width checks).
pub fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_colours() {
        let cases: &[(&str, &str)] = &[
            (
                "Get-CsTenant -ErrorAction Stop",
                "\x1b[93mGet-CsTenant\x1b[0m \x1b[90m-ErrorAction\x1b[0m Stop",
            ),
            (
                "$p = 'x' # c",
                "\x1b[92m$p\x1b[0m \x1b[90m=\x1b[0m \x1b[36m'x'\x1b[0m \x1b[32m# c\x1b[0m",
            ),
            ("1.5", "\x1b[97m1.5\x1b[0m"),
            ("foreach", "\x1b[92mforeach\x1b[0m"),
            // The parser rejects the `)`: it is marked.
            ("Get-X )", "\x1b[93mGet-X\x1b[0m \x1b[91;4m)\x1b[0m"),
        ];
        for (text, expected) in cases {
            assert_eq!(highlight(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn width_is_kept() {
        for text in [
            "Grant-CsApplicationAccessPolicy -Identity 'adèle@contoso.com' -PolicyName $p",
            "$h = @{\n Add = \"a$b\" }\n| Out-Null",
            "Get-X ) ] }",
            "\"unterminated $(",
            "[int]$x = 0x1F + 1kb # done",
        ] {
            assert_eq!(strip_escapes(&highlight(text)), text);
        }
    }
}
