//! String scanning: single- and double-quoted strings, here-strings, barewords (argument-mode
//! generic tokens), backtick escapes and the `$var` / `$( ... )` parts of expandable text.
//! Owns turning string text into `StrToken`s; it must not parse the inside of `$( ... )` (the
//! parser does that when the token becomes an expression).

use nom::bytes::complete::{take_till, take_while};
use nom::{IResult, Parser};

use super::ast::{QuoteKind, VariableRef};
use super::chars::{forces_new_token, is_double_quote, is_single_quote, is_var_start, is_ws};
use super::lexer::{Cursor, scan_variable_after_dollar};
use super::messages::{self as msg, Diag};
use super::span::Span;
use super::token::{LexContext, Mode, StrPart, StrToken};

/// Accumulates a string value and its parts.
#[derive(Default)]
pub(crate) struct StrBuilder {
    value: String,
    parts: Vec<StrPart>,
    literal: String,
}

impl StrBuilder {
    pub fn with_text(text: &str) -> StrBuilder {
        let mut b = StrBuilder::default();
        b.push_str(text);
        b
    }

    pub fn push(&mut self, c: char) {
        self.value.push(c);
        self.literal.push(c);
    }

    pub fn push_str(&mut self, s: &str) {
        self.value.push_str(s);
        self.literal.push_str(s);
    }

    /// Adds a `$var` or `$( ... )` part; `written` is its source text, kept in `value`.
    fn push_part(&mut self, part: StrPart, written: &str) {
        if !self.literal.is_empty() {
            self.parts
                .push(StrPart::Literal(std::mem::take(&mut self.literal)));
        }
        self.parts.push(part);
        self.value.push_str(written);
    }

    /// Removes what was appended after `len` bytes of value (a here-string's last newline).
    fn truncate_literal(&mut self, removed: usize) {
        let keep = self.literal.len().saturating_sub(removed);
        self.literal.truncate(keep);
        let keep = self.value.len().saturating_sub(removed);
        self.value.truncate(keep);
    }

    pub fn finish(mut self, quote: QuoteKind) -> StrToken {
        if !self.literal.is_empty() || self.parts.is_empty() {
            self.parts.push(StrPart::Literal(self.literal));
        }
        StrToken {
            value: self.value,
            parts: self.parts,
            quote,
        }
    }
}

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

/// Text up to the next character that needs attention.
fn plain<'a>(stop: impl Fn(char) -> bool) -> impl FnMut(&'a str) -> IResult<&'a str, &'a str> {
    move |i| take_till(&stop).parse(i)
}

/// After a backtick: the escaped character(s), as PowerShell's `Backtick()` maps them.
/// The cursor is past the backtick; `escape_start` is the backtick's offset.
pub(crate) fn backtick_escape(
    cur: &mut Cursor,
    escape_start: usize,
    out: &mut StrBuilder,
    diags: &mut Vec<Diag>,
) {
    let Some(c) = cur.bump() else {
        out.push('`');
        return;
    };
    match c {
        '0' => out.push('\0'),
        'a' => out.push('\u{07}'),
        'b' => out.push('\u{08}'),
        'e' => out.push('\u{1b}'),
        'f' => out.push('\u{0c}'),
        'n' => out.push('\n'),
        'r' => out.push('\r'),
        't' => out.push('\t'),
        'v' => out.push('\u{0b}'),
        'u' => unicode_escape(cur, escape_start, out, diags),
        '\r' => {
            out.push('\r');
            if cur.eat('\n') {
                out.push('\n');
            }
        }
        other => out.push(other),
    }
}

/// `` `u{263A} ``: one to six hex digits between braces.
fn unicode_escape(
    cur: &mut Cursor,
    escape_start: usize,
    out: &mut StrBuilder,
    diags: &mut Vec<Diag>,
) {
    if !cur.eat('{') {
        diags.push(Diag::error(
            span(escape_start, cur.pos),
            msg::INVALID_UNICODE_ESCAPE,
            &[],
        ));
        return;
    }
    let digits_start = cur.pos;
    let hex: IResult<&str, &str> = take_while(|c: char| c.is_ascii_hexdigit()).parse(cur.rest());
    let digits = hex.map(|(_, d)| d).unwrap_or("");
    let count = digits.len();
    if count > 6 {
        cur.pos = digits_start + 6;
        diags.push(Diag::error(
            span(cur.pos, cur.pos + 1),
            msg::TOO_MANY_UNICODE_DIGITS,
            &[],
        ));
        return;
    }
    cur.pos = digits_start + count;
    if !cur.eat('}') {
        let template = if count < 6 {
            msg::INVALID_UNICODE_ESCAPE
        } else {
            msg::MISSING_UNICODE_ESCAPE_TERMINATOR
        };
        // The character found instead of `}` (it may take several bytes).
        let width = cur.peek().map_or(1, char::len_utf8);
        diags.push(Diag::error(span(cur.pos, cur.pos + width), template, &[]));
        return;
    }
    if count == 0 {
        diags.push(Diag::error(
            span(escape_start, cur.pos),
            msg::INVALID_UNICODE_ESCAPE,
            &[],
        ));
        return;
    }
    match u32::from_str_radix(digits, 16)
        .ok()
        .and_then(char::from_u32)
    {
        Some(ch) => out.push(ch),
        None => diags.push(Diag::error(
            span(digits_start, cur.pos - 1),
            msg::INVALID_UNICODE_ESCAPE_VALUE,
            &[],
        )),
    }
}

/// The body of `'...'` after the opening quote: `''` is one quote, backticks are literal.
/// Returns false (with an error) when the input ends first.
pub(crate) fn single_quoted_body(
    cur: &mut Cursor,
    open: usize,
    out: &mut StrBuilder,
    diags: &mut Vec<Diag>,
) -> bool {
    loop {
        if let Ok((rest, text)) = plain(is_single_quote)(cur.rest()) {
            out.push_str(text);
            cur.advance_to(rest);
        }
        match cur.bump() {
            None => {
                diags.push(Diag::incomplete(
                    span(open, cur.pos),
                    msg::TERMINATOR_EXPECTED,
                    &["'"],
                ));
                return false;
            }
            Some(_) => match cur.peek() {
                Some(q) if is_single_quote(q) => {
                    cur.bump();
                    out.push(q);
                }
                _ => return true,
            },
        }
    }
}

fn double_quote_stop(c: char) -> bool {
    is_double_quote(c) || c == '$' || c == '`'
}

/// The body of `"..."` after the opening quote: `""` is one quote, backtick escapes, `$var`
/// and `$( ... )` parts. Returns false (with an error) when the input ends first.
pub(crate) fn double_quoted_body(
    cur: &mut Cursor,
    open: usize,
    out: &mut StrBuilder,
    diags: &mut Vec<Diag>,
) -> bool {
    loop {
        if let Ok((rest, text)) = plain(double_quote_stop)(cur.rest()) {
            out.push_str(text);
            cur.advance_to(rest);
        }
        let at = cur.pos;
        match cur.bump() {
            None => {
                diags.push(Diag::incomplete(
                    span(open, cur.pos),
                    msg::TERMINATOR_EXPECTED,
                    &["\""],
                ));
                return false;
            }
            Some('$') => {
                if !dollar_in_string(cur, at, false, out, diags) {
                    out.push('$');
                }
            }
            Some('`') => backtick_escape(cur, at, out, diags),
            Some(_) => match cur.peek() {
                Some(q) if is_double_quote(q) => {
                    cur.bump();
                    out.push(q);
                }
                _ => return true,
            },
        }
    }
}

/// After a `$` inside expandable text: a `$( ... )` or a variable becomes a part. Returns false
/// when the `$` is literal (nothing was consumed).
fn dollar_in_string(
    cur: &mut Cursor,
    dollar: usize,
    here: bool,
    out: &mut StrBuilder,
    diags: &mut Vec<Diag>,
) -> bool {
    match cur.peek() {
        Some('(') => {
            cur.bump();
            scan_subexpression(cur, dollar, here, diags);
            let written = cur.slice(dollar, cur.pos);
            out.push_part(StrPart::SubExpression(span(dollar, cur.pos)), written);
            true
        }
        Some(c) if is_var_start(c) || c == '{' => {
            let cx = LexContext {
                mode: Mode::Expression,
                allow_signed_numbers: false,
                want_simple_name: false,
            };
            match scan_variable_after_dollar(cur, dollar, false, true, cx, diags) {
                Some(var) => {
                    let written = cur.slice(dollar, cur.pos);
                    out.push_part(StrPart::Variable(var, span(dollar, cur.pos)), written);
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

/// Finds the `)` that closes `$(` by counting parentheses, as PowerShell does before parsing
/// the inside (quotes inside are not tracked, except doubled `""` in a plain string).
fn scan_subexpression(cur: &mut Cursor, dollar: usize, here: bool, diags: &mut Vec<Diag>) {
    let mut depth = 1usize;
    loop {
        let stop = |c: char| matches!(c, '(' | ')' | '`') || is_double_quote(c);
        if let Ok((rest, _)) = take_till::<_, _, nom::error::Error<&str>>(stop).parse(cur.rest()) {
            cur.advance_to(rest);
        }
        match cur.bump() {
            None => {
                diags.push(Diag::incomplete(
                    span(dollar, cur.pos),
                    msg::INCOMPLETE_DOLLAR_SUBEXPRESSION,
                    &[],
                ));
                return;
            }
            Some('(') => depth += 1,
            Some(')') => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            Some(_) => {
                if !here && cur.peek().is_some_and(is_double_quote) {
                    cur.bump();
                }
            }
        }
    }
}

/// A bareword in argument mode (`Test-policy`, `C:\x\users.csv`, `Policy-$Env`, a GUID).
/// Runs until a character that forces a new token; quoted pieces and `$var` parts join in.
pub(crate) fn generic_body(cur: &mut Cursor, out: &mut StrBuilder, diags: &mut Vec<Diag>) {
    loop {
        let stop = |c: char| {
            forces_new_token(Some(c))
                || c == '`'
                || c == '$'
                || is_single_quote(c)
                || is_double_quote(c)
        };
        if let Ok((rest, text)) = plain(stop)(cur.rest()) {
            out.push_str(text);
            cur.advance_to(rest);
        }
        let at = cur.pos;
        let Some(c) = cur.peek() else { return };
        if forces_new_token(Some(c)) {
            return;
        }
        cur.bump();
        match c {
            '`' => backtick_escape(cur, at, out, diags),
            '$' => {
                if !dollar_in_string(cur, at, false, out, diags) {
                    out.push('$');
                }
            }
            q if is_single_quote(q) => {
                single_quoted_body(cur, at, out, diags);
            }
            _ => {
                double_quoted_body(cur, at, out, diags);
            }
        }
    }
}

/// After `@'` or `@"`: optional whitespace, then a newline. Otherwise reports the error and
/// skips the rest of the line (or to a terminator on it). Returns true when the body follows.
fn here_header(cur: &mut Cursor, header: usize, quote: char, diags: &mut Vec<Diag>) -> bool {
    let footer = if quote == '"' { "\"@" } else { "'@" };
    if let Ok((rest, _)) = take_while::<_, _, nom::error::Error<&str>>(is_ws).parse(cur.rest()) {
        cur.advance_to(rest);
    }
    match cur.peek() {
        Some('\r') => {
            cur.bump();
            cur.eat('\n');
            true
        }
        Some('\n') => {
            cur.bump();
            true
        }
        None => {
            diags.push(Diag::incomplete(
                span(header, cur.pos),
                msg::TERMINATOR_EXPECTED,
                &[footer],
            ));
            false
        }
        Some(c) => {
            diags.push(Diag::error(
                span(cur.pos, cur.pos + c.len_utf8()),
                msg::UNEXPECTED_CHARS_AFTER_HERE_HEADER,
                &[],
            ));
            while let Some(c) = cur.peek() {
                if c == '\r' || c == '\n' {
                    break;
                }
                cur.bump();
                if is_quote_of(c, quote) && cur.peek() == Some('@') {
                    cur.bump();
                    break;
                }
            }
            false
        }
    }
}

fn is_quote_of(c: char, quote: char) -> bool {
    if quote == '"' {
        is_double_quote(c)
    } else {
        is_single_quote(c)
    }
}

/// At the start of a here-string line: true when the line is the footer (`"@` in column 1).
/// Whitespace before a would-be footer is content, remembered for a better error message.
fn here_footer(
    cur: &mut Cursor,
    quote: char,
    out: &mut StrBuilder,
    false_footer: &mut Option<usize>,
) -> bool {
    let is_footer = |cur: &Cursor| {
        cur.peek().is_some_and(|c| is_quote_of(c, quote)) && cur.peek_second() == Some('@')
    };
    if is_footer(cur) {
        cur.bump();
        cur.bump();
        return true;
    }
    let ws: IResult<&str, &str> = take_while(is_ws).parse(cur.rest());
    if let Ok((rest, text)) = ws {
        out.push_str(text);
        cur.advance_to(rest);
    }
    if is_footer(cur) {
        if false_footer.is_none() {
            *false_footer = Some(cur.pos);
        }
        if let (Some(q), Some(at)) = (cur.bump(), cur.bump()) {
            out.push(q);
            out.push(at);
        }
    }
    false
}

/// A here-string after its `@'` / `@"` header. `header` is the offset of `@`.
pub(crate) fn here_string(
    cur: &mut Cursor,
    header: usize,
    quote: char,
    diags: &mut Vec<Diag>,
) -> StrToken {
    let expandable = quote == '"';
    let kind = if expandable {
        QuoteKind::HereDouble
    } else {
        QuoteKind::HereSingle
    };
    let mut out = StrBuilder::default();
    if !here_header(cur, header, quote, diags) {
        return out.finish(kind);
    }
    let mut false_footer = None;
    if here_footer(cur, quote, &mut out, &mut false_footer) {
        return out.finish(kind);
    }
    loop {
        let stop = |c: char| c == '\r' || c == '\n' || (expandable && (c == '$' || c == '`'));
        if let Ok((rest, text)) = plain(stop)(cur.rest()) {
            out.push_str(text);
            cur.advance_to(rest);
        }
        let at = cur.pos;
        match cur.bump() {
            None => {
                let (err_span, template, args): (Span, msg::Template, &[&str]) = match false_footer
                {
                    Some(f) => (span(f, cur.pos), msg::WHITESPACE_BEFORE_HERE_FOOTER, &[]),
                    None => (
                        span(header, cur.pos),
                        msg::TERMINATOR_EXPECTED,
                        if expandable { &["\"@"] } else { &["'@"] },
                    ),
                };
                diags.push(Diag::incomplete(err_span, template, args));
                return out.finish(kind);
            }
            Some(nl @ ('\r' | '\n')) => {
                let mut len = nl.len_utf8();
                out.push(nl);
                if nl == '\r' && cur.eat('\n') {
                    out.push('\n');
                    len += 1;
                }
                if here_footer(cur, quote, &mut out, &mut false_footer) {
                    out.truncate_literal(len);
                    return out.finish(kind);
                }
            }
            Some('$') => {
                if !dollar_in_string(cur, at, true, &mut out, diags) {
                    out.push('$');
                }
            }
            Some(_) => backtick_escape(cur, at, &mut out, diags),
        }
    }
}

/// A quoted string starting at `open` (the cursor is past the quote).
pub(crate) fn quoted_string(
    cur: &mut Cursor,
    open: usize,
    quote: char,
    diags: &mut Vec<Diag>,
) -> StrToken {
    let mut out = StrBuilder::default();
    if is_single_quote(quote) {
        single_quoted_body(cur, open, &mut out, diags);
        out.finish(QuoteKind::Single)
    } else {
        double_quoted_body(cur, open, &mut out, diags);
        out.finish(QuoteKind::Double)
    }
}

/// `name` of a variable as written (`script:x`, `env:PATH`, `weird name`) split into scope and
/// name. Also tells whether the unqualified name is empty and whether a drive was given.
pub(crate) fn variable_path(written: &str) -> (VariableRef, bool, bool) {
    const SCOPES: [&str; 6] = ["global", "local", "private", "script", "using", "workflow"];
    if let Some((prefix, rest)) = written.split_once(':')
        && !prefix.is_empty()
    {
        let lower = prefix.to_ascii_lowercase();
        let drive = !SCOPES.contains(&lower.as_str());
        let var = VariableRef {
            name: rest.to_string(),
            scope: Some(lower),
        };
        return (var, rest.is_empty(), drive);
    }
    let var = VariableRef {
        name: written.to_string(),
        scope: None,
    };
    (var, written.is_empty(), false)
}
