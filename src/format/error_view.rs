//! Error records as text: pwsh 7's ConciseView (the default) and the Windows PowerShell 5.1
//! NormalView block, following the ErrorRecord view script in pwsh's
//! PowerShellCore_format_ps1xml.cs. Also warnings/verbose/debug/what-if lines. Must not decide
//! which stream the text goes to, nor build records.

use crate::runtime::{CommandKind, ErrorCategory, ErrorRecord, InvocationInfo};

use super::palette::Palette;
use super::position::{EllipsisStyle, PositionMessage, position_message};
use super::wrap::{char_len, skip_chars, spaces, take_chars};
use crate::runtime::output::{ErrorView, FormatOptions};

/// Label of aapsh's own hint line printed after a record that carries a `suggestion`.
pub const SUGGESTION_LABEL: &str = "Suggestion [aapsh]:";

/// The full text of one error record for stderr, ending in a newline, colours included when
/// `opts.color`. A record's `suggestion` follows as its own paragraph:
/// an empty line, then `Suggestion [aapsh]: {text}` (label in ErrorAccent).
pub fn render_error(record: &ErrorRecord, view: ErrorView, opts: &FormatOptions) -> String {
    let palette = Palette::new(opts.color);
    let mut text = view_text(record, view, opts).text;
    text.push('\n');
    if let Some(hint) = &record.suggestion {
        if view == ErrorView::Concise {
            text.push('\n');
        }
        text.push_str(&palette.error_accent(SUGGESTION_LABEL));
        text.push(' ');
        text.push_str(hint);
        text.push('\n');
    }
    text
}

/// An error record written to the output (`$e` at the top level, `$_ | Out-String`): the
/// view's string as one line of output. ConciseView's string for a script error ends in a
/// newline of its own, so a blank line follows it there; on the error stream it does not.
pub fn render_error_output(record: &ErrorRecord, opts: &FormatOptions) -> String {
    let view = view_text(record, opts.error_view, opts);
    let mut text = view.text;
    if view.trailing_newline {
        text.push('\n');
    }
    text.push('\n');
    text
}

/// The string the ErrorRecord view script returns, without the newline it may end in
/// (`trailing_newline`).
struct ViewText {
    text: String,
    trailing_newline: bool,
}

fn view_text(record: &ErrorRecord, view: ErrorView, opts: &FormatOptions) -> ViewText {
    let palette = Palette::new(opts.color);
    let text = match view {
        ErrorView::Concise => {
            let (text, trailing_newline) = concise(record, opts.width, &palette);
            return ViewText {
                text,
                trailing_newline,
            };
        }
        ErrorView::Normal => normal(record, &palette),
        ErrorView::Category => category(record, &palette),
        ErrorView::Detailed => detailed(record, opts),
        ErrorView::WindowsNormal => windows_normal(record, opts.width, &palette),
    };
    ViewText {
        text,
        trailing_newline: false,
    }
}

fn is_parse_error(record: &ErrorRecord) -> bool {
    record.category == ErrorCategory::ParserError
}

fn non_empty(s: Option<&String>) -> Option<&str> {
    s.map(String::as_str).filter(|s| !s.is_empty())
}

/// ConciseView's `reason`: `Exception` for `throw` (of a message or a record), else the
/// command when Get-Command finds it (a cmdlet or function, not a script), the CategoryInfo
/// activity, `MyCommand`, the name as typed, and finally the category (`ParserError`).
fn concise_reason(record: &ErrorRecord) -> String {
    if record.thrown {
        return "Exception".into();
    }
    let inv = record.invocation.as_ref();
    if let Some(inv) = inv
        && inv.command_kind == CommandKind::Command
        && let Some(name) = non_empty(inv.command_name.as_ref())
    {
        return name.into();
    }
    if !record.activity.is_empty() {
        return record.activity.clone();
    }
    if let Some(name) = inv.and_then(|i| non_empty(i.command_name.as_ref())) {
        return name.into();
    }
    if let Some(name) = inv.and_then(|i| non_empty(i.invocation_name.as_ref())) {
        return name.into();
    }
    // NotSpecified is the enum's 0, which the format script's `elseif` treats as false: it
    // falls through to CategoryInfo.Reason, the exception type (`RuntimeException:`).
    if record.category == ErrorCategory::NotSpecified {
        return record.exception.short_name().into();
    }
    record.category.name().into()
}

/// The message ConciseView shows: for a parse error whose message still carries pwsh's
/// rendered position (`…~\n{message}\n\n…`), only the first error's own text.
fn concise_message(record: &ErrorRecord) -> String {
    let msg = &record.exception.message;
    if is_parse_error(record)
        && let Some(idx) = msg.find("~\n")
    {
        let rest = &msg[idx + 2..];
        return rest.split("\n\n").next().unwrap_or(rest).to_string();
    }
    msg.clone()
}

/// `Get-TruncatedString`: the first `n` characters, cut back to before the last whitespace.
fn truncated(s: &str, n: usize) -> String {
    if char_len(s) <= n {
        return s.to_string();
    }
    let head = take_chars(s, n);
    match head.rfind(char::is_whitespace) {
        Some(i) => head[..i].to_string(),
        None => head.to_string(),
    }
}

/// ConciseView's message wrapping for script-file and parse errors: `message` already starts
/// with `prefix`; continuation lines get the prefix again. Returns plain lines.
fn wrap_message(message: &str, prefix: &str, width: usize) -> Vec<String> {
    if width == 0 || char_len(message) <= width {
        return vec![message.to_string()];
    }
    let p = char_len(prefix);
    let mut lines = Vec::new();
    let first = truncated(message, width);
    let mut remaining = skip_chars(message, char_len(&first)).trim().to_string();
    lines.push(first);
    while char_len(&remaining) + p > width {
        let sub = truncated(&format!("{prefix}{remaining}"), width);
        let taken = char_len(&sub);
        if taken <= p {
            break;
        }
        remaining = skip_chars(&remaining, taken - p).trim().to_string();
        lines.push(sub);
    }
    lines.push(format!("{prefix}{}", remaining.trim()));
    lines
}

/// ConciseView's text, and whether the view's string ends in a newline (a wrapped message).
fn concise(record: &ErrorRecord, width: usize, palette: &Palette) -> (String, bool) {
    let e = palette.error_code();
    let a = palette.error_accent_code();
    let r = palette.reset();
    let parse = is_parse_error(record);
    let inv = record.invocation.as_ref();
    let path = inv.and_then(|i| i.source.display_name());
    let in_module = path
        .as_deref()
        .is_some_and(|p| p.to_ascii_lowercase().ends_with(".psm1"));
    let detail = inv.filter(|i| (path.is_some() || i.line() > 1 || parse) && !in_module);

    let mut body = String::new();
    let mut prefix_plain = String::new();
    let mut prefix_painted = String::new();
    if let Some(inv) = detail {
        let line_no = inv.line().to_string();
        let digits = line_no.len();
        let header_ws = spaces(digits.saturating_sub(4));
        let line_ws = spaces(4usize.saturating_sub(digits));
        match &path {
            Some(p) => body.push_str(&format!("{r}{p}:{line_no}\n")),
            None => body.push('\n'),
        }
        body.push_str(&format!("{a}{header_ws}Line |\n"));
        let (src, highlight) = concise_lines(inv);
        body.push_str(&format!(
            "{a}{line_ws}{line_no} | {r}{}\n",
            accent_extent(&src, &highlight, &a, r)
        ));
        prefix_plain = format!("{header_ws}     | ");
        prefix_painted = format!("{a}{header_ws}     | {e}");
        body.push_str(&format!("{prefix_painted}{highlight}\n"));
    }

    let mut message = concise_message(record);
    let wraps = inv.is_some_and(|_| path.is_some()) || parse;
    if wraps {
        message = message.replace("\r\n", " ").replace(['\n', '\t'], " ");
        let lines = wrap_message(&format!("{prefix_plain}{message}"), &prefix_plain, width);
        let painted: Vec<String> = lines
            .iter()
            .map(|l| match l.strip_prefix(prefix_plain.as_str()) {
                Some(rest) if !prefix_plain.is_empty() => format!("{prefix_painted}{rest}"),
                _ => l.clone(),
            })
            .collect();
        body.push_str(&e);
        body.push_str(&painted.join("\n"));
    } else {
        body.push_str(&e);
        body.push_str(&prefix_painted);
        body.push_str(&message);
    }
    if let Some(action) = &record.recommended_action {
        body.push_str(&format!("\n  Recommendation: {action}"));
    }
    (format!("{e}{}: {body}{r}", concise_reason(record)), wraps)
}

/// The source line and underline of ConciseView's gutter, each starting with the space that
/// follows PositionMessage's `+`.
fn concise_lines(inv: &InvocationInfo) -> (String, String) {
    let pm: PositionMessage = position_message(inv, EllipsisStyle::Unicode);
    match pm.source {
        Some((line, underline)) => (format!(" {line}"), format!(" {underline}")),
        None => (" ".into(), " ".into()),
    }
}

/// Paints the underlined part of the source line in ErrorAccent (not when it is the whole
/// line), as the ConciseView script does.
fn accent_extent(src: &str, highlight: &str, accent: &str, reset: &str) -> String {
    if accent.is_empty() {
        return src.to_string();
    }
    let offset_len = char_len(highlight.trim());
    let Some(offset) = highlight.chars().position(|c| c == '~') else {
        return src.to_string();
    };
    let len = char_len(src);
    if offset_len >= len || offset > len {
        return src.to_string();
    }
    let end = (offset + offset_len).min(len);
    format!(
        "{}{accent}{}{reset}{}",
        take_chars(src, offset),
        take_chars(skip_chars(src, offset), end - offset),
        skip_chars(src, end)
    )
}

/// Windows PowerShell 5.1's `ErrorCategoryInfo.Ellipsize`: longer than 40 characters →
/// first 15 + `...` + last 15.
fn ellipsize(s: &str) -> String {
    let len = char_len(s);
    if len <= 40 {
        return s.to_string();
    }
    format!("{}...{}", take_chars(s, 15), skip_chars(s, len - 15))
}

/// CategoryInfo as 5.1 prints it: Activity, TargetName and TargetType ellipsized; the reason
/// (an exception type name) is not. A parse error's reason is the wrapper pwsh reports.
fn category_info_51(record: &ErrorRecord) -> String {
    let mut reason = record.exception.short_name().to_string();
    if is_parse_error(record) && reason == "ParseException" {
        reason = "ParentContainsErrorRecordException".into();
    }
    format!(
        "{}: ({}:{}) [{}], {}",
        record.category.name(),
        ellipsize(&record.target_name),
        ellipsize(&record.target_type),
        ellipsize(&record.activity),
        reason
    )
}

/// NormalView's command prefix (the first part of pwsh's ErrorInstance view): a script's
/// path, a script block's text, else the name as typed (the command's own name when it was
/// invoked with `&`/`.`), then ` : `.
fn normal_prefix(inv: Option<&InvocationInfo>) -> String {
    let Some(inv) = inv else {
        return String::new();
    };
    let typed = inv.invocation_name.as_deref().unwrap_or("");
    match (&inv.command_kind, non_empty(inv.command_name.as_ref())) {
        (CommandKind::ExternalScript(path), _) if !path.is_empty() => format!("{path} : "),
        (CommandKind::ExternalScript(_), _) => String::new(),
        (CommandKind::ScriptBlock(text), _) if !text.is_empty() => format!("{text} : "),
        (CommandKind::ScriptBlock(_), _) => String::new(),
        (CommandKind::Command, Some(cmd)) if matches!(typed, "" | "&" | ".") => {
            format!("{cmd} : ")
        }
        (CommandKind::Command, _) if !typed.is_empty() => format!("{typed} : "),
        (CommandKind::Command, _) => String::new(),
    }
}

/// NormalView's message and the position after it: `"\n" + $myinv.PositionMessage` when the
/// error has a command or is not a parse error (and a position at all); a ParseException's
/// message carries the position of each of its errors itself.
fn normal_message(record: &ErrorRecord, style: EllipsisStyle) -> (String, String) {
    let mut message = record.exception.message.clone();
    let mut posmsg = String::new();
    let Some(inv) = record.invocation.as_ref() else {
        return (message, posmsg);
    };
    let parse = is_parse_error(record);
    if parse && inv.command_name.is_none() && record.parse_errors.len() > 1 {
        // A ParseException's message: each error with its position, a blank line between.
        let each: Vec<String> = record
            .parse_errors
            .iter()
            .map(|(extent, text)| match extent {
                Some(extent) => {
                    let at = InvocationInfo {
                        extent: *extent,
                        ..inv.clone()
                    };
                    format!("{}\n{text}", position_message(&at, style).text())
                }
                None => text.clone(),
            })
            .collect();
        message = each.join("\n\n");
    } else if inv.command_name.is_some() || !parse {
        if inv.has_position() {
            posmsg = format!("\n{}", position_message(inv, style).text());
        }
    } else if !message.contains("~\n") {
        // A ParseException's message starts with its rendered position.
        message = format!("{}\n{message}", position_message(inv, style).text());
    }
    (message, posmsg)
}

/// pwsh 7's NormalView: prefix, message, PositionMessage, then `+ CategoryInfo` and
/// `+ FullyQualifiedErrorId` lines at the left margin, nothing wrapped.
fn normal(record: &ErrorRecord, palette: &Palette) -> String {
    let e = palette.error_code();
    let (message, posmsg) = normal_message(record, EllipsisStyle::Unicode);
    format!(
        "{e}{}{e}{message}{posmsg}\n+ CategoryInfo          : {}\n+ FullyQualifiedErrorId : {}{}",
        normal_prefix(record.invocation.as_ref()),
        record.category_info(),
        record.fully_qualified_error_id(),
        palette.reset()
    )
}

/// CategoryView: `ErrorCategoryInfo.GetMessage()` alone.
fn category(record: &ErrorRecord, palette: &Palette) -> String {
    format!(
        "{}{}{}",
        palette.error_code(),
        record.category_info(),
        palette.reset()
    )
}

/// DetailedView: what `Get-Error` shows for the record.
fn detailed(record: &ErrorRecord, opts: &FormatOptions) -> String {
    let palette = Palette::new(opts.color);
    let text = super::get_error::get_error_text(record, opts);
    format!(
        "{}{}{}",
        palette.error_code(),
        text.trim_end_matches('\n'),
        palette.reset()
    )
}

/// `+ CategoryInfo …` style line, hard-split every `width − 6` characters, each piece on its own
/// line indented by four spaces.
fn indented_lines(text: &str, width: usize) -> String {
    let chunk = width.saturating_sub(6);
    let mut out = String::new();
    let mut rest = text;
    loop {
        let piece = if chunk == 0 {
            rest
        } else {
            take_chars(rest, chunk)
        };
        out.push_str("\n    ");
        out.push_str(piece);
        rest = &rest[piece.len()..];
        if rest.is_empty() {
            break;
        }
    }
    out
}

/// Windows PowerShell 5.1's NormalView block (aapsh's `-ErrorView normal`).
fn windows_normal(record: &ErrorRecord, width: usize, palette: &Palette) -> String {
    let (message, posmsg) = normal_message(record, EllipsisStyle::Ascii);
    let mut text = format!(
        "{}{message}{posmsg}",
        normal_prefix(record.invocation.as_ref())
    );
    text.push_str(&indented_lines(
        &format!("+ CategoryInfo          : {}", category_info_51(record)),
        width,
    ));
    text.push_str(&indented_lines(
        &format!(
            "+ FullyQualifiedErrorId : {}",
            record.fully_qualified_error_id()
        ),
        width,
    ));
    text.push_str("\n ");
    format!("{}{text}{}", palette.error_code(), palette.reset())
}

/// `WARNING: {text}` in the Warning colour.
pub fn render_warning(text: &str, opts: &FormatOptions) -> String {
    format!(
        "{}\n",
        Palette::new(opts.color).warning(&format!("WARNING: {text}"))
    )
}

/// `VERBOSE: {text}` in the Verbose colour.
pub fn render_verbose(text: &str, opts: &FormatOptions) -> String {
    format!(
        "{}\n",
        Palette::new(opts.color).verbose(&format!("VERBOSE: {text}"))
    )
}

/// `DEBUG: {text}` in the Debug colour.
pub fn render_debug(text: &str, opts: &FormatOptions) -> String {
    format!(
        "{}\n",
        Palette::new(opts.color).debug(&format!("DEBUG: {text}"))
    )
}

/// `-WhatIf` (ShouldProcessWhatIfMessage + ShouldProcessMessage):
/// `What if: Performing the operation "{operation}" on target "{target}".`
pub fn render_what_if(operation: &str, target: &str) -> String {
    format!("What if: Performing the operation \"{operation}\" on target \"{target}\".\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_cuts_at_the_last_whitespace() {
        assert_eq!(truncated("aaa bbb ccc", 9), "aaa bbb");
        assert_eq!(truncated("aaaaaaaaaa", 4), "aaaa");
        assert_eq!(truncated("short", 40), "short");
    }

    #[test]
    fn wrap_repeats_the_prefix() {
        let lines = wrap_message("  | one two three four", "  | ", 12);
        assert_eq!(lines, vec!["  | one two", "  | three", "  | four"]);
        // A word longer than the width cannot loop forever.
        let lines = wrap_message("  | abcdefghijklmnop", "  | ", 8);
        assert_eq!(lines, vec!["  |", "  | abcdefghijklmnop"]);
        assert_eq!(wrap_message("x y", "", 0), vec!["x y"]);
    }

    #[test]
    fn ellipsize_keeps_fifteen_each_side() {
        let s = "{ Identity = mobileAppCreateAssignmentUserRequest }";
        assert_eq!(ellipsize(s), "{ Identity = mo...ntUserRequest }");
        assert_eq!(ellipsize("short"), "short");
    }

    #[test]
    fn indented_split() {
        assert_eq!(indented_lines("abcdefgh", 9), "\n    abc\n    def\n    gh");
        assert_eq!(indented_lines("abc", 3), "\n    abc");
        assert_eq!(indented_lines("", 80), "\n    ");
    }

    #[test]
    fn parses_error_view_names() {
        assert_eq!(
            ErrorView::parse("NormalView"),
            Some(ErrorView::WindowsNormal)
        );
        assert_eq!(ErrorView::parse("concise"), Some(ErrorView::Concise));
        assert_eq!(ErrorView::parse("x"), None);
        assert_eq!(ErrorView::from_name("normalview"), Some(ErrorView::Normal));
        assert_eq!(
            ErrorView::from_name("DetailedView"),
            Some(ErrorView::Detailed)
        );
        assert_eq!(ErrorView::from_name("Detailed"), None);
    }
}
