//! When is an input finished? The parser decides: input whose first error is "incomplete"
//! (an open quote, brace, parenthesis or here-string, a trailing backtick or `|`) asks for
//! more with pwsh's `>> ` prompt; anything else, valid or not, is submitted so that a real
//! error shows with its position. rustyline 19 has no continuation prompt (continuation lines
//! would start at column 0 and the highlighter may not add characters), so the REPL reads each
//! `>> ` line itself and asks this module after every line.

use crate::syntax::{SourceFile, parse_script};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// Run it (it may still hold a parse error, which is then reported).
    Complete,
    /// Ask for another line. `in_here_string`: an empty line is content, not the end.
    Incomplete { in_here_string: bool },
}

pub fn check(text: &str) -> Completeness {
    match parse_script(SourceFile::new(None, text)) {
        Err(e) if e.is_incomplete() => {
            let in_here_string = e.errors.first().is_some_and(|first| {
                first.id == "TerminatorExpectedAtEndOfString"
                    && (first.message.contains("\"@") || first.message.contains("'@"))
            });
            Completeness::Incomplete { in_here_string }
        }
        _ => Completeness::Complete,
    }
}

/// Whether an empty continuation line ends the input: it does, as in pwsh's console host, so
/// that a mistyped construct can always be submitted (and its error shown) — except inside a
/// here-string, where empty lines are part of the text.
pub fn empty_line_submits(text: &str) -> bool {
    !matches!(
        check(text),
        Completeness::Incomplete {
            in_here_string: true
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_inputs() {
        use Completeness::*;
        let incomplete = Incomplete {
            in_here_string: false,
        };
        let cases: &[(&str, Completeness)] = &[
            ("Get-CsApplicationAccessPolicy", Complete),
            ("", Complete),
            ("# just a comment", Complete),
            ("$h = @{", incomplete),
            ("$h = @{\n  Add = 'x'", incomplete),
            ("$h = @{\n  Add = 'x'\n}", Complete),
            ("Write-Host 'open", incomplete),
            ("Write-Host \"open", incomplete),
            ("foreach ($u in $users) {", incomplete),
            ("(1 + ", incomplete),
            ("Get-CsOnlineUser |", incomplete),
            ("Get-CsOnlineUser `", incomplete),
            (
                "$s = @'",
                Incomplete {
                    in_here_string: true,
                },
            ),
            (
                "$s = @\"\nline",
                Incomplete {
                    in_here_string: true,
                },
            ),
            ("$s = @'\nline\n'@", Complete),
            ("<# open comment", incomplete),
            // Invalid input is submitted so the error shows.
            ("Get-X )", Complete),
            ("Get-X -Name }", Complete),
            ("1 +* 2", Complete),
            ("if", incomplete),
            ("Get-X -Name \"a\" |", incomplete),
        ];
        for (text, expected) in cases {
            assert_eq!(check(text), *expected, "{text:?}");
        }
        assert!(empty_line_submits("$h = @{"));
        assert!(!empty_line_submits("$s = @'\nx"));
    }
}
