//! What goes into the audit log (`Get-EmuAuditLog`): every run of a tenant command (the Teams,
//! Microsoft Graph and `Emu` cmdlets), with its bound parameters written back as PowerShell
//! source text and its outcome. Language cmdlets (`ForEach-Object`, `Write-Host`...) are not
//! logged: a trainer reviews what was done to the tenant, not how the script looped.
//!
//! Owns the choice of commands, the outcome words and the rendering of values. Secrets (a
//! parameter named like a secret, a password or a credential, and every SecureString) are
//! written as `***`. The entries themselves live in `store::AuditLog`.

use super::binder::BoundParameters;
use super::session::Session;
use super::value::Value;
use crate::runtime::CmdletDef;
use crate::store::{AuditEntry, format_time};
use crate::syntax::Span;

/// Longest command text kept per entry, in characters (a pasted script block can be long).
const MAX_TEXT: usize = 400;

/// Longest rendering kept of one parameter value, and of the error message, in bytes: a 40 MB
/// -Description costs the log about 1 KiB, with a marker that says how much was cut.
pub const MAX_VALUE: usize = 1024;

/// Whether runs of this cmdlet are logged: the tenant's cmdlets, not the language's.
pub fn audited(def: &CmdletDef) -> bool {
    def.module == "MicrosoftTeams"
        || def.module.starts_with("Microsoft.Graph")
        || def.module == "aapsh"
}

/// How one run ended, in the log's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    /// An error was written or raised (including a parameter that did not bind).
    Failed,
    /// ShouldProcess said no: -WhatIf, or a confirmation answered No.
    Skipped,
    /// Ctrl-C, `exit` or `break` ended it.
    Stopped,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Succeeded => "Succeeded",
            Outcome::Failed => "Failed",
            Outcome::Skipped => "Skipped",
            Outcome::Stopped => "Stopped",
        }
    }
}

impl Session {
    /// Logs one run of `def` (`bound` is `None` when the arguments did not bind). A log that
    /// cannot be written is reported once as a warning; the command's own result stands.
    pub(crate) fn audit(
        &mut self,
        def: &CmdletDef,
        bound: Option<&BoundParameters>,
        span: Span,
        outcome: Outcome,
        error: Option<String>,
    ) {
        let source = self.current_source();
        let line = source.line_of(span.start);
        // The script's file name (not its full path, which says more about the machine).
        let place = match source.path.as_ref().and_then(|p| p.file_name()) {
            Some(name) => format!("{}:{line}", name.to_string_lossy()),
            None => format!("line:{line}"),
        };
        // Secrets are masked before anything is cut, so a cut never splits one in two.
        let text = masked_text(source.slice(span).trim(), MAX_TEXT);
        let parameters = bound
            .map(|b| {
                b.iter()
                    .map(|(name, value)| {
                        let switch = def
                            .params
                            .iter()
                            .any(|p| p.name.eq_ignore_ascii_case(name) && p.is_switch())
                            || super::binder::common_parameters()
                                .iter()
                                .chain(super::binder::should_process_parameters())
                                .any(|p| p.name.eq_ignore_ascii_case(name) && p.is_switch());
                        let rendered = if is_secret(name) {
                            "***".to_string()
                        } else if switch && value.is_truthy() {
                            // A switch that is on shows as `-Name` alone.
                            String::new()
                        } else {
                            audited_value(value, MAX_VALUE)
                        };
                        (name.to_string(), rendered)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let entry = AuditEntry {
            time: format_time(self.clock.now()),
            session: format_time(self.clock.start()),
            account: self
                .connection
                .as_ref()
                .map(|c| c.account.clone())
                .unwrap_or_default(),
            command: def.name.to_string(),
            parameters,
            outcome: outcome.name().to_string(),
            error: error.map(|e| masked_bytes(&e, e.len(), MAX_VALUE)),
            source: place,
            text,
        };
        if let Err(e) = self.audit_log.append(entry)
            && !self.audit_failed
        {
            self.audit_failed = true;
            self.write_warning_text(&format!(
                "The audit log could not be written, so Get-EmuAuditLog will miss commands from this session: {e}"
            ));
        }
    }
}

/// The bound parameters of an entry as one line: `-Name value -Switch -Other:$false`.
pub fn parameter_line(entry: &AuditEntry) -> String {
    entry
        .parameters
        .iter()
        .map(|(name, text)| {
            if text.is_empty() {
                format!("-{name}")
            } else if text.starts_with('$') && matches!(text.as_str(), "$true" | "$false") {
                format!("-{name}:{text}")
            } else {
                format!("-{name} {text}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a parameter, hashtable key or variable of this name carries a secret: a password,
/// secret, token, credential, API key or authorization header.
fn is_secret(name: &str) -> bool {
    let name = name
        .trim_matches(['\'', '"', '-', '$', ':'])
        .to_ascii_lowercase();
    name == "pwd"
        || [
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "credential",
            "apikey",
            "api_key",
            "authorization",
        ]
        .iter()
        .any(|s| name.contains(s))
}

/// A value written back as PowerShell source text that would bind the same way.
pub fn source_text(value: &Value) -> String {
    source_text_limited(value, usize::MAX)
}

/// `source_text`, kept to `limit` bytes (cut on a char boundary), with `… [N more bytes cut]`
/// when it is longer. Values under a secret-named hashtable key are written as `***`. A long
/// value is never written out in full first: a 40 MB string costs the limit, not 40 MB.
pub fn source_text_limited(value: &Value, limit: usize) -> String {
    let mut out = Limited::new(limit);
    render(value, &mut out);
    out.finish()
}

/// Text up to a limit, counting what did not fit.
struct Limited {
    out: String,
    limit: usize,
    total: usize,
    closed: bool,
}

impl Limited {
    fn new(limit: usize) -> Limited {
        Limited {
            out: String::new(),
            limit,
            total: 0,
            closed: false,
        }
    }

    fn push(&mut self, s: &str) {
        self.total = self.total.saturating_add(s.len());
        if self.closed {
            return;
        }
        let room = self.limit - self.out.len();
        if s.len() <= room {
            self.out.push_str(s);
        } else {
            self.out.push_str(prefix_within(s, room));
            self.closed = true;
        }
    }

    fn finish(self) -> String {
        let cut = self.total - self.out.len();
        if cut == 0 {
            self.out
        } else {
            format!("{}… [{cut} more bytes cut]", self.out)
        }
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How much more than the limit is rendered and masked before the cut: masking looks at a
/// secret's surroundings (its parameter, its key, the rest of its command), and works on a
/// bounded prefix, so a 40 MB value costs neither 40 MB of tokens nor the time to scan them. A
/// construct the prefix cuts open (a string, a group) counts as running to its end.
const MASK_MARGIN: usize = 8;

/// A parameter value as source text, with what looks like a secret masked, cut to `limit`
/// bytes with a marker that says how much was cut.
fn audited_value(value: &Value, limit: usize) -> String {
    let mut out = Limited::new(limit.saturating_mul(MASK_MARGIN));
    render(value, &mut out);
    masked_bytes(&out.out, out.total, limit)
}

/// `head` (the start of a text `total` bytes long) with secrets masked, cut to `limit` bytes.
fn masked_bytes(head: &str, total: usize, limit: usize) -> String {
    let head = prefix_within(head, limit.saturating_mul(MASK_MARGIN));
    let masked = mask_literals(head);
    let mut out = Limited::new(limit);
    out.push(&masked);
    out.total = out.total.saturating_add(total.saturating_sub(head.len()));
    out.finish()
}

/// The command text with its secrets masked, cut to `max` characters with a marker that says
/// how many were cut.
fn masked_text(text: &str, max: usize) -> String {
    let head_end = text
        .char_indices()
        .nth(max.saturating_mul(MASK_MARGIN))
        .map_or(text.len(), |(i, _)| i);
    let (head, rest) = text.split_at(head_end);
    let masked = mask_secrets(head);
    match masked.char_indices().nth(max) {
        None if rest.is_empty() => masked,
        None => format!("{masked}… [{} more characters cut]", rest.chars().count()),
        Some((end, _)) => format!(
            "{}… [{} more characters cut]",
            &masked[..end],
            masked[end..].chars().count() + rest.chars().count()
        ),
    }
}

fn render(value: &Value, out: &mut Limited) {
    match value {
        Value::Null => out.push("$null"),
        Value::Bool(true) => out.push("$true"),
        Value::Bool(false) => out.push("$false"),
        Value::Num(_) | Value::Char(_) | Value::Guid(_) => out.push(&value.to_ps_string()),
        Value::String(s) => word_into(s, out),
        Value::Array(items) => {
            let items = items.borrow();
            if items.is_empty() {
                out.push("@()");
            }
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(",");
                }
                render(item, out);
            }
        }
        Value::Hashtable(h) => {
            let h = h.borrow();
            out.push("@{");
            for (i, (k, v)) in h.iter().enumerate() {
                if i > 0 {
                    out.push("; ");
                }
                let key = k.to_ps_string();
                word_into(&key, out);
                out.push("=");
                if is_secret(&key) {
                    out.push(MASK);
                } else {
                    render(v, out);
                }
            }
            out.push("}");
        }
        Value::ScriptBlock(sb) => {
            out.push("{");
            out.push(&mask_secrets(sb.text()));
            out.push("}");
        }
        Value::SecureString(_) => out.push(MASK),
        Value::Type(name) => {
            out.push("[");
            out.push(name);
            out.push("]");
        }
        other => word_into(&other.to_ps_string(), out),
    }
}

/// A string as an argument: bare when PowerShell would read it back unchanged, else quoted.
fn word_into(s: &str, out: &mut Limited) {
    if is_plain_word(s) {
        out.push(s);
        return;
    }
    out.push("'");
    for (i, piece) in s.split('\'').enumerate() {
        if i > 0 {
            out.push("''");
        }
        out.push(piece);
    }
    out.push("'");
}

fn is_plain_word(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['-', '@', '#', '$', '<', '>'])
        && s.chars().all(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\'' | '"'
                        | '`'
                        | '$'
                        | ';'
                        | ','
                        | '|'
                        | '&'
                        | '('
                        | ')'
                        | '{'
                        | '}'
                        | '<'
                        | '>'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{201C}'
                        | '\u{201D}'
                )
        })
}

// ---------------------------------------------------------------------------------------------
// Masking secrets in command text
//
// The audit log keeps each command as typed, so the text is masked before it is written: a
// light tokenizer (strings, here-strings, comments, variables, parameters, groups) finds
//
// - the argument of a secret-named parameter (`-AccessTokens`, `-Credential`,
//   `-ClientSecretCredential`, `-PasswordProfile`, `-CertificatePassword`...): every string and
//   bare word in it, through parentheses, `@{}` and `@()` and comma lists;
// - the value after a secret-named key or variable and `=` (`@{Password = ...}`,
//   `@{Authorization = ...}`, `$secret = ...`);
// - the whole command around `ConvertTo-SecureString`, `-AsPlainText`, or a word naming a
//   credential (`[pscredential]::new(...)`, `New-Object PSCredential(...)`,
//   `Get-Credential`),
//
// then a pass over the whole text masks what looks like a secret wherever it is: `Bearer ...`,
// JSON Web Tokens (`eyJ...`), Entra ID client secrets (`abc1Q~...`), and `key=value` or
// `"key": "value"` pairs whose key names a secret (inside JSON bodies and query strings too).
// Variables are kept (`-AccessToken $token`): a name is no secret. It prefers masking too
// much over too little, and never panics on any text.

use std::sync::LazyLock;

use regex::Regex;

/// What a secret is replaced with.
const MASK: &str = "***";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Space,
    Newline,
    Comment,
    /// A string literal or here-string; `inner` is its content.
    Str,
    Word,
    Param,
    Var,
    /// `(`, `{`, `@(`, `@{`, `$(`.
    Open,
    Close,
    /// `[` and `]`: type literals and indexes, which do not end a command.
    BracketOpen,
    BracketClose,
    /// `|`, `;`, `&&`, `||`, `&`.
    Sep,
    Comma,
    Equals,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    inner: (usize, usize),
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut toks: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let start = i;
        let simple = |kind: Kind, len: usize| Tok {
            kind,
            start: at(start),
            end: at(start + len),
            inner: (at(start), at(start + len)),
        };
        let prev_kind = toks.last().map(|t| t.kind);
        let tok = match c {
            '\n' => simple(Kind::Newline, 1),
            c if c.is_whitespace() => {
                let mut j = i;
                while ch(j).is_some_and(|c| c.is_whitespace() && c != '\n') {
                    j += 1;
                }
                simple(Kind::Space, j - i)
            }
            '#' => {
                let mut j = i;
                while ch(j).is_some_and(|c| c != '\n') {
                    j += 1;
                }
                simple(Kind::Comment, j - i)
            }
            '<' if ch(i + 1) == Some('#') => {
                let mut j = i + 2;
                while j < chars.len() && !(ch(j) == Some('#') && ch(j + 1) == Some('>')) {
                    j += 1;
                }
                simple(Kind::Comment, (j + 2).min(chars.len()) - i)
            }
            '@' if ch(i + 1).is_some_and(|q| is_single_quote(q) || is_double_quote(q)) => {
                // A here-string: to a line that starts with the closing quote and `@`.
                let double = ch(i + 1).is_some_and(is_double_quote);
                let mut j = i + 2;
                let body = j;
                let mut close = None;
                while j < chars.len() {
                    if ch(j) == Some('\n')
                        && ch(j + 1).is_some_and(|q| {
                            if double {
                                is_double_quote(q)
                            } else {
                                is_single_quote(q)
                            }
                        })
                        && ch(j + 2) == Some('@')
                    {
                        close = Some(j);
                        break;
                    }
                    j += 1;
                }
                let (inner_end, end) = match close {
                    Some(j) => (j, j + 3),
                    None => (chars.len(), chars.len()),
                };
                Tok {
                    kind: Kind::Str,
                    start: at(i),
                    end: at(end),
                    inner: (at(body), at(inner_end)),
                }
            }
            '@' | '$'
                if matches!(ch(i + 1), Some('(' | '{'))
                    && !(c == '$' && ch(i + 1) == Some('{')) =>
            {
                simple(Kind::Open, 2)
            }
            '(' | '{' => simple(Kind::Open, 1),
            ')' | '}' => simple(Kind::Close, 1),
            '[' => simple(Kind::BracketOpen, 1),
            ']' => simple(Kind::BracketClose, 1),
            '|' | ';' | '&' => {
                let len = if ch(i + 1) == Some(c) { 2 } else { 1 };
                simple(Kind::Sep, len)
            }
            ',' => simple(Kind::Comma, 1),
            '=' => simple(Kind::Equals, 1),
            q if is_single_quote(q) || is_double_quote(q) => {
                let double = is_double_quote(q);
                let mut j = i + 1;
                loop {
                    match ch(j) {
                        None => break,
                        Some('`') if double => j += 2,
                        Some(e)
                            if (double && is_double_quote(e))
                                || (!double && is_single_quote(e)) =>
                        {
                            let doubled = ch(j + 1).is_some_and(|n| {
                                if double {
                                    is_double_quote(n)
                                } else {
                                    is_single_quote(n)
                                }
                            });
                            if doubled {
                                j += 2;
                            } else {
                                break;
                            }
                        }
                        Some(_) => j += 1,
                    }
                }
                let j = j.min(chars.len());
                Tok {
                    kind: Kind::Str,
                    start: at(i),
                    end: at((j + 1).min(chars.len())),
                    inner: (at(i + 1), at(j)),
                }
            }
            '$' => {
                let mut j = i + 1;
                if ch(j) == Some('{') {
                    while ch(j).is_some_and(|c| c != '}') {
                        j += 1;
                    }
                    j = (j + 1).min(chars.len());
                } else {
                    while ch(j)
                        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '?' | '^'))
                    {
                        j += 1;
                    }
                }
                Tok {
                    kind: Kind::Var,
                    start: at(i),
                    end: at(j),
                    inner: (at(i + 1), at(j)),
                }
            }
            '-' | '\u{2013}' | '\u{2014}'
                if ch(i + 1).is_some_and(|c| c.is_alphabetic() || c == '_')
                    && !matches!(
                        prev_kind,
                        Some(Kind::Word | Kind::Str | Kind::Var | Kind::Close | Kind::BracketClose)
                    ) =>
            {
                let mut j = i + 1;
                while ch(j).is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-')) {
                    j += 1;
                }
                if ch(j) == Some(':') {
                    j += 1;
                }
                simple(Kind::Param, j - i)
            }
            _ => {
                let mut j = i;
                while ch(j).is_some_and(|c| {
                    !c.is_whitespace()
                        && !matches!(
                            c,
                            '(' | ')'
                                | '{'
                                | '}'
                                | '['
                                | ']'
                                | '|'
                                | ';'
                                | '&'
                                | ','
                                | '='
                                | '$'
                                | '#'
                        )
                        && !is_single_quote(c)
                        && !is_double_quote(c)
                }) {
                    j += 1;
                }
                simple(Kind::Word, (j - i).max(1))
            }
        };
        // Step by characters: find the char index of the token's end.
        let end_byte = tok.end;
        while i < chars.len() && chars[i].0 < end_byte {
            i += 1;
        }
        if i == start {
            i += 1;
        }
        toks.push(tok);
    }
    toks
}

/// The next token after `i` that is not space (or a comment).
fn next_solid(toks: &[Tok], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&j| !matches!(toks[j].kind, Kind::Space | Kind::Comment))
}

/// The end (inclusive) of the group opened at `open`, or the last token.
fn group_end(toks: &[Tok], open: usize) -> usize {
    let (up, down) = match toks[open].kind {
        Kind::BracketOpen => (Kind::BracketOpen, Kind::BracketClose),
        _ => (Kind::Open, Kind::Close),
    };
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(open) {
        if t.kind == up {
            depth += 1;
        } else if t.kind == down {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return j;
            }
        }
    }
    toks.len().saturating_sub(1)
}

/// The tokens of the value that starts at `first`: one argument (adjacent pieces and whole
/// groups), continued through commas. `None` when there is no value there.
fn value_extent(toks: &[Tok], first: usize) -> Option<(usize, usize)> {
    let starts_value = |k: Kind| {
        matches!(
            k,
            Kind::Str | Kind::Word | Kind::Var | Kind::Open | Kind::BracketOpen
        )
    };
    if !starts_value(toks.get(first)?.kind) {
        return None;
    }
    let mut i = first;
    loop {
        // One element: pieces with nothing between them (`[t]::new(...)`, `$a.b`, `"x"y`).
        let mut end = match toks[i].kind {
            Kind::Open | Kind::BracketOpen => group_end(toks, i),
            _ => i,
        };
        while let Some(next) = toks.get(end + 1) {
            if !starts_value(next.kind) || next.start != toks[end].end {
                break;
            }
            end = match next.kind {
                Kind::Open | Kind::BracketOpen => group_end(toks, end + 1),
                _ => end + 1,
            };
        }
        match next_solid(toks, end) {
            Some(comma) if toks[comma].kind == Kind::Comma => match next_solid(toks, comma) {
                Some(next) if starts_value(toks[next].kind) => i = next,
                _ => return Some((first, comma)),
            },
            _ => return Some((first, end)),
        }
    }
}

/// The pipeline around token `t`: back and forward to a `;`, `&&`, `||` or new line at its own
/// depth, or to the group that encloses it (a pipe does not end it: `'pw' |
/// ConvertTo-SecureString -AsPlainText` holds its secret before the pipe).
fn command_extent(toks: &[Tok], text: &str, t: usize) -> (usize, usize) {
    let ends = |tok: &Tok| match tok.kind {
        Kind::Newline => true,
        Kind::Sep => &text[tok.start..tok.end] != "|",
        _ => false,
    };
    let mut depth = 0i32;
    let mut start = t;
    for j in (0..t).rev() {
        match toks[j].kind {
            Kind::Close => depth += 1,
            Kind::Open if depth == 0 => break,
            Kind::Open => depth -= 1,
            _ if depth == 0 && ends(&toks[j]) => break,
            _ => {}
        }
        start = j;
    }
    let mut depth = 0i32;
    let mut end = t;
    for (j, tok) in toks.iter().enumerate().skip(t + 1) {
        match tok.kind {
            Kind::Open => depth += 1,
            Kind::Close if depth == 0 => break,
            Kind::Close => depth -= 1,
            _ if depth == 0 && ends(tok) => break,
            _ => {}
        }
        end = j;
    }
    (start, end)
}

/// A word that names a command (`Verb-Noun`) or a member (`.Value`, `::new`): kept.
fn is_structure(word: &str) -> bool {
    let command = word.split_once('-').is_some_and(|(verb, noun)| {
        !verb.is_empty()
            && !noun.is_empty()
            && verb.chars().all(|c| c.is_ascii_alphabetic())
            && noun.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            && verb.chars().next().is_some_and(|c| c.is_ascii_uppercase())
    });
    command || word.starts_with('.') || word.starts_with("::")
}

/// Marks for masking the secrets among `toks[from..=to]`: string contents, and bare words
/// other than keys, command names, members and what is inside `[...]`.
fn mark_range(toks: &[Tok], text: &str, from: usize, to: usize, masked: &mut Vec<(usize, usize)>) {
    let mut brackets = 0usize;
    for j in from..=to.min(toks.len().saturating_sub(1)) {
        let t = toks[j];
        match t.kind {
            Kind::BracketOpen => brackets += 1,
            Kind::BracketClose => brackets = brackets.saturating_sub(1),
            Kind::Str if t.inner.0 < t.inner.1 => masked.push(t.inner),
            Kind::Word if brackets == 0 => {
                let word = &text[t.start..t.end];
                let key = next_solid(toks, j).is_some_and(|n| toks[n].kind == Kind::Equals);
                if !key && !is_structure(word) && !is_trigger_word(word) {
                    masked.push((t.start, t.end));
                }
            }
            Kind::Comment => masked.push((t.start, t.end)),
            _ => {}
        }
    }
}

/// A word that puts its whole command under the mask.
fn is_trigger_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.contains("securestring") || lower.contains("credential")
}

/// `text` with the secrets it holds replaced by `***` (see above).
pub fn mask_secrets(text: &str) -> String {
    let toks = tokenize(text);
    let mut masked: Vec<(usize, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let piece = &text[t.start..t.end];
        match t.kind {
            Kind::Param => {
                let name = piece.trim_end_matches(':');
                if name.to_ascii_lowercase().contains("asplaintext") {
                    let (from, to) = command_extent(&toks, text, i);
                    mark_range(&toks, text, from, to, &mut masked);
                } else if is_secret(name) {
                    let first = if piece.ends_with(':') {
                        Some(i + 1)
                    } else {
                        next_solid(&toks, i)
                    };
                    if let Some((from, to)) = first.and_then(|f| value_extent(&toks, f)) {
                        mark_range(&toks, text, from, to, &mut masked);
                    }
                }
            }
            Kind::Word | Kind::Str | Kind::Var => {
                let name = match t.kind {
                    Kind::Str => &text[t.inner.0..t.inner.1],
                    _ => piece,
                };
                if t.kind == Kind::Word && is_trigger_word(piece) {
                    let (from, to) = command_extent(&toks, text, i);
                    mark_range(&toks, text, from, to, &mut masked);
                }
                if is_secret(name)
                    && let Some(eq) = next_solid(&toks, i)
                    && toks[eq].kind == Kind::Equals
                    && let Some((from, to)) =
                        next_solid(&toks, eq).and_then(|f| value_extent(&toks, f))
                {
                    mark_range(&toks, text, from, to, &mut masked);
                }
            }
            _ => {}
        }
    }
    masked.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end) in masked {
        if end <= pos {
            continue;
        }
        let start = start.max(pos);
        out.push_str(&text[pos..start]);
        out.push_str(MASK);
        pos = end;
    }
    out.push_str(&text[pos..]);
    mask_literals(&out)
}

static BEARER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(bearer|basic)(\s+|%20)[^\s'"`‘’“”;,)}\]]+"#).expect("bearer pattern")
});
static JWT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"eyJ[A-Za-z0-9_\-]{4,}(\.[A-Za-z0-9_\-]*)*").expect("jwt pattern")
});
static CLIENT_SECRET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9_\-.~]{3}\dQ~[A-Za-z0-9_\-.~]{20,}").expect("client secret pattern")
});
static SECRET_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(["']?[\w\-]*(?:password|passwd|passphrase|secret|token|credential|apikey|api_key|authorization)[\w\-]*["']?\s*(?::|=)\s*)("(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s&;,"'{}\[\])]+)"#,
    )
    .expect("secret pair pattern")
});

/// Masks what looks like a secret wherever it is in `text`: bearer and basic credentials,
/// JSON Web Tokens, client secrets, and values of secret-named keys (`password=...`,
/// `"client_secret": "..."`, `Authorization: ...`).
pub fn mask_literals(text: &str) -> String {
    let text = BEARER.replace_all(text, "$1 ***");
    let text = JWT.replace_all(&text, MASK);
    let text = CLIENT_SECRET.replace_all(&text, MASK);
    SECRET_PAIR
        .replace_all(&text, |caps: &regex::Captures<'_>| {
            let value = &caps[2];
            if value == MASK || value.starts_with('$') || value.trim_matches(['"', '\'']) == MASK {
                caps[0].to_string()
            } else {
                format!("{}{MASK}", &caps[1])
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_source() {
        assert_eq!(source_text(&Value::str("Test-policy")), "Test-policy");
        assert_eq!(source_text(&Value::str("two words")), "'two words'");
        assert_eq!(source_text(&Value::str("it's")), "'it''s'");
        assert_eq!(source_text(&Value::str("")), "''");
        assert_eq!(source_text(&Value::str("-dash")), "'-dash'");
        assert_eq!(source_text(&Value::Null), "$null");
        assert_eq!(
            source_text(&Value::array(vec![Value::str("a"), Value::integer(2)])),
            "a,2"
        );
        assert_eq!(source_text(&Value::array(vec![])), "@()");
        assert_eq!(source_text(&Value::SecureString("pw".into())), "***");
    }

    /// Each case: the text, then every secret it holds (none may survive the mask), then
    /// what must stay.
    #[test]
    fn secrets_are_masked_in_command_text() {
        let jwt =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl";
        let cases: Vec<(String, Vec<&str>, Vec<&str>)> = vec![
            (
                format!("Connect-MicrosoftTeams -AccessTokens @('{jwt}', \"tok2-SECRET\")"),
                vec![jwt, "tok2-SECRET", "eyJ"],
                vec!["Connect-MicrosoftTeams -AccessTokens @("],
            ),
            (
                "Connect-MicrosoftTeams -AccessTokens 'plain-one','plain-two' -TenantId t1".into(),
                vec!["plain-one", "plain-two"],
                vec!["-TenantId t1"],
            ),
            (
                "Connect-MgGraph -TenantId 'contoso' -ClientSecretCredential (New-Object System.Management.Automation.PSCredential('app-id', (ConvertTo-SecureString 'Sup3r$ecret' -AsPlainText -Force)))".into(),
                vec!["Sup3r$ecret", "app-id"],
                vec![
                    "-TenantId 'contoso'",
                    "New-Object System.Management.Automation.PSCredential(",
                    "ConvertTo-SecureString",
                    "-AsPlainText -Force",
                ],
            ),
            (
                "Connect-MgGraph -ClientSecretCredential ([pscredential]::new('id', (ConvertTo-SecureString -String \"p@ss w0rd\" -AsPlainText -Force)))".into(),
                vec!["p@ss w0rd", "'id'"],
                vec!["[pscredential]::new("],
            ),
            (
                "New-MgUser -DisplayName 'Rene' -PasswordProfile @{ Password = 'xWwvJ]6NMw+bWH-d'; ForceChangePasswordNextSignIn = $true } -AccountEnabled".into(),
                vec!["xWwvJ]6NMw+bWH-d"],
                vec!["-DisplayName 'Rene'", "-AccountEnabled", "$true"],
            ),
            (
                format!("Invoke-MgGraphRequest -Method GET -Uri '/v1.0/me' -Headers @{{Authorization=\"Bearer {jwt}\"; ConsistencyLevel='eventual'}}"),
                vec![jwt, "eyJ"],
                vec!["-Method GET", "Authorization="],
            ),
            (
                "Invoke-MgGraphRequest -Headers @{ 'Authorization' = 'Basic dXNlcjpwYXNz' } -Uri x".into(),
                vec!["dXNlcjpwYXNz"],
                vec!["-Uri x"],
            ),
            (
                "Connect-MicrosoftTeams -Credential (Get-Credential -UserName admin@contoso.com)".into(),
                vec![],
                vec!["Connect-MicrosoftTeams -Credential"],
            ),
            (
                "Connect-MicrosoftTeams -Credential:$cred -AccessTokens:$tokens".into(),
                vec![],
                vec!["-Credential:$cred -AccessTokens:$tokens"],
            ),
            (
                "Invoke-MgGraphRequest -Method POST -Uri '/v1.0/users' -Body '{\"passwordProfile\":{\"password\":\"Js0n-Secret\"},\"client_secret\": \"cs-123\"}'".into(),
                vec!["Js0n-Secret", "cs-123"],
                vec!["-Method POST", "{\"passwordProfile\":{\"password\":"],
            ),
            (
                "Invoke-MgGraphRequest -Uri 'https://x/y?access_token=qs-token-1&a=b'".into(),
                vec!["qs-token-1"],
                vec!["&a=b"],
            ),
            (
                "Connect-MgGraph -ClientId x -TenantId y -CertificateThumbprint ABC # secret: Xyz8Q~abcdefghijklmnopqrstuvwxyz0123".into(),
                vec!["Xyz8Q~abcdefghijklmnopqrstuvwxyz0123"],
                vec!["-CertificateThumbprint ABC"],
            ),
            (
                "Connect-MicrosoftTeams -ManagedServiceSecret (ConvertTo-SecureString $plain -AsPlainText -Force) -ManagedServiceHostName h".into(),
                vec![],
                vec!["$plain"],
            ),
            (
                "Connect-MgGraph -AccessToken ('pipe-pw' | ConvertTo-SecureString -AsPlainText -Force) -Environment Global".into(),
                vec!["pipe-pw"],
                vec!["-Environment Global"],
            ),
            (
                "Set-Thing -Password:'colon-pw' -Other 'keep-me'".into(),
                vec!["colon-pw"],
                vec!["'keep-me'"],
            ),
            (
                "Connect-MgGraph -AccessToken (ConvertTo-SecureString @'\nhere-string-token\n'@ -AsPlainText -Force)".into(),
                vec!["here-string-token"],
                vec![],
            ),
        ];
        for (text, secrets, kept) in cases {
            let masked = mask_secrets(&text);
            for secret in secrets {
                assert!(!masked.contains(secret), "{secret:?} survived in {masked}");
            }
            for k in kept {
                assert!(masked.contains(k), "{k:?} was lost from {masked}");
            }
            assert!(masked.contains("***") || !text.contains('\''), "{masked}");
        }
        // Nothing to mask: unchanged.
        let plain =
            "Grant-CsApplicationAccessPolicy -PolicyName 'Test-policy' -Identity megan@contoso.com";
        assert_eq!(mask_secrets(plain), plain);
    }

    #[test]
    fn masking_never_panics_on_any_text() {
        let samples = [
            "",
            "'",
            "\"",
            "@'",
            "@\"\n",
            "-",
            "-Password",
            "-Password:",
            "$",
            "${",
            "<#",
            "#",
            "@{Password=",
            "a = ",
            "((((",
            "))))",
            "[[[",
            "-Token @(",
            "ConvertTo-SecureString",
            "\u{2018}x",
            "-\u{2013}x",
            "é-ü",
            "Bearer",
            "eyJ",
        ];
        for a in samples {
            for b in samples {
                let text = format!("{a}{b} {a}");
                let _ = mask_secrets(&text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn masking_never_panics_on_arbitrary_text(text in "[-@$'\"`{}()\\[\\]=,;|#<> a-zA-Z\n\u{2018}\u{201C}é]{0,80}") {
            let _ = mask_secrets(&text);
        }

        #[test]
        fn masking_never_panics_on_any_string(text in ".{0,120}") {
            let _ = mask_secrets(&text);
        }
    }

    #[test]
    fn long_values_are_cut_with_a_marker() {
        let big = "x".repeat(4 << 20);
        let rendered = source_text_limited(&Value::str(&big), MAX_VALUE);
        assert!(rendered.len() < MAX_VALUE + 64, "{}", rendered.len());
        assert!(rendered.ends_with(&format!("… [{} more bytes cut]", (4 << 20) - MAX_VALUE)));
        // Quoted strings, arrays and multi-byte characters are cut on a char boundary.
        let ids: Vec<Value> = (0..100_000)
            .map(|i| Value::str(format!("id {i}")))
            .collect();
        let rendered = source_text_limited(&Value::array(ids), MAX_VALUE);
        assert!(rendered.starts_with("'id 0','id 1',"), "{rendered}");
        assert!(rendered.contains("more bytes cut]"), "{rendered}");
        let rendered = source_text_limited(&Value::str("é".repeat(2000)), 1001);
        assert!(rendered.starts_with(&"é".repeat(500)));
        // Short values are untouched.
        assert_eq!(
            source_text_limited(&Value::str("two words"), MAX_VALUE),
            "'two words'"
        );
        assert_eq!(masked_text("abcdef", 4), "abcd… [2 more characters cut]");
        assert_eq!(masked_text("abc", 4), "abc");
        // A secret is masked before the cut, whether the cut falls before, in or after it.
        let text = format!("Connect-MgGraph -AccessToken '{}'", "t".repeat(5000));
        for max in [10, 30, 400, 10_000] {
            let cut = masked_text(&text, max);
            assert!(!cut.contains("ttt"), "{max}: {cut}");
        }
        let error = format!("Cannot bind 'Bearer {}'", "z".repeat(100_000));
        let cut = masked_bytes(&error, error.len(), MAX_VALUE);
        assert!(
            !cut.contains("zzz") && cut.contains("more bytes cut]"),
            "{cut}"
        );
    }

    #[test]
    fn secrets_are_recognised_by_name() {
        assert!(is_secret("ClientSecret"));
        assert!(is_secret("CertificatePassword"));
        assert!(is_secret("ClientSecretCredential"));
        assert!(is_secret("AccessTokens"));
        assert!(is_secret("PasswordProfile"));
        assert!(is_secret("Authorization"));
        assert!(!is_secret("PolicyName"));
        assert!(!is_secret("Headers"));
    }
}
