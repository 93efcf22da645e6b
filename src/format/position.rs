//! PowerShell's PositionMessage (`PositionUtilities.VerboseMessage` in engine/parser/Position.cs):
//! `At line:L char:C` (or `At PATH:L char:C`), the source line after `+ ` (tabs expanded,
//! trailing blanks trimmed, windowed to 69 characters around the error with ellipses), and the
//! `~` underline. Must not know about error views or colour.

use crate::runtime::InvocationInfo;

use super::wrap::{char_len, spaces};

/// pwsh 6+ marks a cut line with `… `/` …`; Windows PowerShell 5.1 with `... `/` ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EllipsisStyle {
    Unicode,
    Ascii,
}

impl EllipsisStyle {
    fn marks(self) -> (&'static str, &'static str) {
        match self {
            EllipsisStyle::Unicode => ("\u{2026} ", " \u{2026}"),
            EllipsisStyle::Ascii => ("... ", " ..."),
        }
    }
}

/// The three parts of a PositionMessage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionMessage {
    /// `At line:1 char:46` / `At C:\scripts\setup.ps1:3 char:46`.
    pub header: String,
    /// The (windowed) source line and the underline, without their `+ ` prefixes; `None`
    /// when the source line is empty.
    pub source: Option<(String, String)>,
}

impl PositionMessage {
    /// The message as pwsh prints it: header, `+ line`, `+ underline` (or a bare `+ `).
    pub fn text(&self) -> String {
        match &self.source {
            Some((line, underline)) => format!("{}\n+ {line}\n+ {underline}", self.header),
            None => format!("{}\n+ ", self.header),
        }
    }
}

const MAX_LINE_LENGTH: i64 = 69;

pub fn position_message(inv: &InvocationInfo, style: EllipsisStyle) -> PositionMessage {
    let source = &inv.source;
    let start_line = inv.line();
    let start_col = inv.column();
    let end_line = source.line_of(inv.extent.end);
    let end_col = source.column_of(inv.extent.end);
    let file = source.display_name().unwrap_or_else(|| "line".to_string());
    let header = format!("At {file}:{start_line} char:{start_col}");

    let raw: Vec<char> = source.line_text(start_line).trim_end().chars().collect();
    if raw.is_empty() {
        return PositionMessage {
            header,
            source: None,
        };
    }
    let mut spaces_before = start_col as i64 - 1;
    let mut error_len = if start_line == end_line {
        end_col as i64 - start_col as i64
    } else {
        raw.len() as i64 - start_col as i64 + 1
    };
    let mut line: Vec<char> = raw.clone();
    if raw.contains(&'\t') {
        let expand = |part: &[char]| -> Vec<char> {
            part.iter()
                .flat_map(|c| if *c == '\t' { vec![' '; 4] } else { vec![*c] })
                .collect()
        };
        let len = raw.len() as i64;
        let a = spaces_before.clamp(0, len) as usize;
        let b = (spaces_before + error_len.max(0)).clamp(a as i64, len) as usize;
        let before = expand(&raw[..a]);
        let error = expand(&raw[a..b]);
        spaces_before = before.len() as i64;
        error_len = error.len() as i64;
        line = [before, error, expand(&raw[b..])].concat();
    }

    let mut needs_prefix = false;
    let mut needs_suffix = false;
    let line_len = line.len() as i64;
    if line_len > MAX_LINE_LENGTH {
        let total_prefix = spaces_before;
        let mut prefix = total_prefix.min(12);
        let total_suffix = line_len - error_len - spaces_before;
        let mut suffix = total_suffix.min(8);
        let mut candidate = prefix + error_len + suffix;
        if candidate >= MAX_LINE_LENGTH {
            if prefix + error_len >= MAX_LINE_LENGTH {
                error_len = MAX_LINE_LENGTH - prefix;
            }
            needs_suffix = true;
        } else {
            let prefix_available = total_prefix - prefix;
            if prefix_available > 0 {
                prefix += prefix_available.min(MAX_LINE_LENGTH - candidate);
                candidate = prefix + error_len + suffix;
            }
            if candidate < MAX_LINE_LENGTH && total_suffix > 0 {
                suffix += total_suffix.min(MAX_LINE_LENGTH - candidate);
            }
            needs_suffix = suffix < total_suffix;
        }
        needs_prefix = prefix < total_prefix;
        let start = (spaces_before - prefix).clamp(0, line_len) as usize;
        let end = (start as i64 + MAX_LINE_LENGTH).min(line_len) as usize;
        line = line[start..end].to_vec();
        spaces_before = spaces_before.min(prefix);
        error_len = error_len.min(MAX_LINE_LENGTH - spaces_before);
    }

    let (lead, trail) = style.marks();
    let mut text = String::new();
    if needs_prefix {
        text.push_str(lead);
    }
    text.extend(line.iter());
    if needs_suffix {
        text.push_str(trail);
    }
    let indent = spaces_before.max(0) as usize + if needs_prefix { char_len(lead) } else { 0 };
    let underline = format!(
        "{}{}",
        spaces(indent),
        "~".repeat(error_len.max(1) as usize)
    );
    PositionMessage {
        header,
        source: Some((text, underline)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{SourceFile, Span};

    fn inv(text: &str, start: usize, end: usize) -> InvocationInfo {
        InvocationInfo {
            command_name: None,
            invocation_name: None,
            source: SourceFile::new(None, text),
            extent: Span::new(start, end),
            command_kind: Default::default(),
        }
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "New-CsApplicationAccessPolicy -Identity Test -Foo bar";
        let pm = position_message(&inv(text, 45, 49), EllipsisStyle::Ascii);
        assert_eq!(
            pm.text(),
            format!("At line:1 char:46\n+ {text}\n+ {}~~~~", spaces(45))
        );
    }

    #[test]
    fn long_lines_are_windowed_around_the_error() {
        let text =
            "$group = New-Team -alias \"TestTeam\" -displayname \"Test Teams\" -Visibility Private";
        let pm = position_message(&inv(text, 18, 24), EllipsisStyle::Ascii);
        assert_eq!(
            pm.text(),
            "At line:1 char:19\n+ $group = New-Team -alias \"TestTeam\" -displayname \"Test Teams\" -Visibi ...\n+                   ~~~~~~"
        );
        let far = format!("{}Get-Thing -Bad", "x".repeat(90));
        let pm = position_message(&inv(&far, 100, 104), EllipsisStyle::Unicode);
        let (line, underline) = pm.source.expect("source");
        assert!(line.starts_with("\u{2026} "), "{line}");
        assert_eq!(char_len(&line), 71);
        assert!(line.ends_with("Get-Thing -Bad"));
        assert_eq!(underline, format!("{}~~~~", spaces(2 + 65)));
    }

    #[test]
    fn tabs_empty_lines_and_eof() {
        let pm = position_message(&inv("\tab", 1, 3), EllipsisStyle::Ascii);
        assert_eq!(pm.source, Some(("    ab".into(), "    ~~".into())));
        let pm = position_message(&inv("x\n", 2, 2), EllipsisStyle::Ascii);
        assert_eq!(pm.text(), "At line:2 char:1\n+ ");
        let pm = position_message(&inv("\"abc", 4, 4), EllipsisStyle::Ascii);
        assert_eq!(pm.source, Some(("\"abc".into(), "    ~".into())));
    }
}
