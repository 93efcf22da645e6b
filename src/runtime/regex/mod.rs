//! .NET regular expressions (`System.Text.RegularExpressions`) for `-match`, `-replace`,
//! `-split`, `switch -Regex`, `Select-String` and `[regex]`: .NET's pattern syntax and its
//! error messages (`parse`), its character classes and Unicode tables (`class`, `unicode`),
//! a backtracking machine with .NET's semantics (`compile`, `exec`: lookbehind, atomic groups,
//! balancing groups, conditionals, RightToLeft, every capture of a group), group numbering as
//! .NET numbers them (unnamed first, then named), replacement patterns (`$1`, `${name}`, `$$`,
//! `` $` ``, `$'`, `$+`, `$_`), `Split` with captured separators, `Escape` and `Unescape`.
//!
//! A match never runs unbounded: past a step budget it fails with `Timeout`, which callers
//! report as .NET's RegexMatchTimeoutException (see docs/fidelity.md).

mod class;
mod compile;
pub mod dotnet;
mod exec;
mod parse;
mod unicode;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use exec::{Captures, Timeout};
pub use parse::opt;

/// The message of .NET's RegexMatchTimeoutException.
pub const TIMEOUT_MESSAGE: &str = "The Regex engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.";

/// A compiled pattern.
#[derive(Debug)]
pub struct Regex {
    pub pattern: String,
    pub options: u32,
    prog: compile::Program,
    /// Group numbers by slot, ascending.
    pub numbers: Vec<i32>,
    /// Group names by slot (`"0"`, `"1"`, `"name"`).
    pub names: Vec<String>,
    budget: Option<u64>,
}

/// One match: every capture of every group, by slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub caps: Captures,
}

impl Match {
    pub fn index(&self) -> usize {
        self.group(0).map_or(0, |g| g.0)
    }

    pub fn len(&self) -> usize {
        self.group(0).map_or(0, |g| g.1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn end(&self) -> usize {
        self.index() + self.len()
    }

    /// A group's last capture (what `Group.Value` shows), `None` when it did not take part.
    pub fn group(&self, slot: usize) -> Option<(usize, usize)> {
        self.caps.get(slot).and_then(|c| c.last().copied())
    }
}

/// Text of a range of UTF-16 units.
pub fn text(input: &[u16], (index, len): (usize, usize)) -> String {
    String::from_utf16_lossy(&input[index..index + len])
}

/// The UTF-16 units of a string (what .NET indexes).
pub fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

const MAX_NESTING: usize = 1000;

impl Regex {
    /// Parses and compiles; the error is .NET's RegexParseException message
    /// (`Invalid pattern '(' at offset 1. Not enough )'s.`).
    pub fn new(pattern: &str, options: u32) -> Result<Regex, String> {
        let p = units(pattern);
        let parsed = parse::parse(&p, options, MAX_NESTING).map_err(|e| {
            format!(
                "Invalid pattern '{pattern}' at offset {}. {}",
                e.offset, e.reason
            )
        })?;
        let prog = compile::compile(
            &parsed.root,
            parsed.numbers.len(),
            options & opt::ECMA_SCRIPT != 0,
        );
        Ok(Regex {
            pattern: pattern.to_string(),
            options,
            prog,
            numbers: parsed.numbers,
            names: parsed.names,
            budget: None,
        })
    }

    /// A compiled pattern from a per-thread cache (pwsh caches compiled patterns too).
    pub fn cached(pattern: &str, options: u32) -> Result<Rc<Regex>, String> {
        thread_local! {
            static CACHE: RefCell<HashMap<(String, u32), Rc<Regex>>> = RefCell::new(HashMap::new());
        }
        let key = (pattern.to_string(), options);
        if let Some(hit) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
            return Ok(hit);
        }
        let re = Rc::new(Regex::new(pattern, options)?);
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= 256 {
                c.clear();
            }
            c.insert(key, re.clone());
        });
        Ok(re)
    }

    /// Limits the steps of each match (tests; the default scales with the input).
    pub fn with_budget(mut self, budget: u64) -> Regex {
        self.budget = Some(budget);
        self
    }

    pub fn right_to_left(&self) -> bool {
        self.options & opt::RIGHT_TO_LEFT != 0
    }

    /// The slot of a group by name, or by number written as text.
    pub fn slot_by_name(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return Some(i);
        }
        let n: i32 = name.parse().ok()?;
        self.slot_by_number(n)
    }

    pub fn slot_by_number(&self, n: i32) -> Option<usize> {
        self.numbers.iter().position(|&x| x == n)
    }

    /// The first match scanning from `start` (leftwards under RightToLeft).
    pub fn find_at(&self, input: &[u16], start: usize) -> Result<Option<Match>, Timeout> {
        let budget = self
            .budget
            .unwrap_or_else(|| exec::default_budget(input.len()));
        let mut m = exec::Machine::new(&self.prog, input, budget);
        Ok(m.find(start.min(input.len()), self.right_to_left())?
            .map(|caps| Match { caps }))
    }

    /// `Regex.Match(input)`.
    pub fn find(&self, input: &[u16]) -> Result<Option<Match>, Timeout> {
        let start = if self.right_to_left() { input.len() } else { 0 };
        self.find_at(input, start)
    }

    pub fn is_match(&self, input: &str) -> Result<bool, Timeout> {
        Ok(self.find(&units(input))?.is_some())
    }

    /// Where the next scan starts after `m` (`Match.NextMatch`); `None` at the end.
    pub fn next_start(&self, input: &[u16], m: &Match) -> Option<usize> {
        if self.right_to_left() {
            let at = m.index();
            if m.is_empty() {
                at.checked_sub(1)
            } else {
                Some(at)
            }
        } else {
            let at = m.end();
            if m.is_empty() {
                (at < input.len()).then_some(at + 1)
            } else {
                Some(at)
            }
        }
    }

    /// Up to `limit` matches (`None`: all), from `start`, in the order .NET finds them.
    pub fn find_all(
        &self,
        input: &[u16],
        start: usize,
        limit: Option<usize>,
    ) -> Result<Vec<Match>, Timeout> {
        let mut out = Vec::new();
        let mut at = Some(start);
        while let Some(s) = at {
            if limit.is_some_and(|l| out.len() >= l) {
                break;
            }
            match self.find_at(input, s)? {
                Some(m) => {
                    at = self.next_start(input, &m);
                    out.push(m);
                }
                None => break,
            }
        }
        Ok(out)
    }

    /// `Regex.Replace` with a function giving each match's replacement.
    pub fn replace_with(
        &self,
        input: &[u16],
        limit: Option<usize>,
        mut f: impl FnMut(&Match) -> Result<Vec<u16>, ReplaceError>,
    ) -> Result<Vec<u16>, ReplaceError> {
        let start = if self.right_to_left() { input.len() } else { 0 };
        let mut matches = self
            .find_all(input, start, limit)
            .map_err(|_| ReplaceError::Timeout)?;
        let mut pieces = Vec::with_capacity(matches.len());
        for m in &matches {
            pieces.push(f(m)?);
        }
        if self.right_to_left() {
            matches.reverse();
            pieces.reverse();
        }
        let mut out = Vec::with_capacity(input.len());
        let mut prev = 0;
        for (m, piece) in matches.iter().zip(pieces) {
            out.extend_from_slice(&input[prev..m.index()]);
            out.extend(piece);
            prev = m.end();
        }
        out.extend_from_slice(&input[prev..]);
        Ok(out)
    }

    /// `Regex.Replace(input, replacement, count)`.
    pub fn replace(
        &self,
        input: &[u16],
        replacement: &Replacement,
        limit: Option<usize>,
    ) -> Result<Vec<u16>, Timeout> {
        self.replace_with(input, limit, |m| Ok(replacement.expand(self, input, m)))
            .map_err(|_| Timeout)
    }

    /// `Regex.Split(input, count)`: captured groups of each separator are kept.
    pub fn split(&self, input: &[u16], count: usize) -> Result<Vec<Vec<u16>>, Timeout> {
        Ok(self
            .split_ranges(input, count)?
            .into_iter()
            .map(|r| input[r].to_vec())
            .collect())
    }

    /// `Regex.Split` as ranges of `input`: the pieces between at most `count - 1` matches (all
    /// when `count` is 0), each followed by the match's captured groups, in input order (right to
    /// left, pieces are found from the end and then put back in order). Matches are not kept:
    /// splitting a large text holds only the ranges.
    pub fn split_ranges(
        &self,
        input: &[u16],
        count: usize,
    ) -> Result<Vec<std::ops::Range<usize>>, Timeout> {
        if count == 1 {
            let whole = 0..input.len();
            return Ok(vec![whole]);
        }
        let limit = if count == 0 { None } else { Some(count - 1) };
        let rtl = self.right_to_left();
        let mut out = Vec::new();
        let mut found = 0usize;
        let mut prev = if rtl { input.len() } else { 0 };
        let mut at = Some(prev);
        while let Some(start) = at {
            if limit.is_some_and(|l| found >= l) {
                break;
            }
            let Some(m) = self.find_at(input, start)? else {
                break;
            };
            found += 1;
            if rtl {
                out.push(m.end()..prev);
                prev = m.index();
            } else {
                out.push(prev..m.index());
                prev = m.end();
            }
            for slot in 1..m.caps.len() {
                if let Some((i, l)) = m.group(slot) {
                    out.push(i..i + l);
                }
            }
            at = self.next_start(input, &m);
        }
        if found == 0 {
            let whole = 0..input.len();
            return Ok(vec![whole]);
        }
        if rtl {
            out.push(0..prev);
            out.reverse();
        } else {
            out.push(prev..input.len());
        }
        Ok(out)
    }
}

/// Why a replacement stopped: the match ran out of steps, or the evaluator failed.
#[derive(Debug)]
pub enum ReplaceError {
    Timeout,
    Evaluator(Box<dyn std::any::Any>),
}

#[derive(Clone, Debug)]
enum Piece {
    Text(Vec<u16>),
    Group(usize),
    Left,
    Right,
    LastGroup,
    Whole,
}

/// A parsed replacement pattern (`$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`);
/// references to groups the pattern lacks stay literal, as .NET's parser leaves them.
#[derive(Clone, Debug)]
pub struct Replacement {
    pieces: Vec<Piece>,
}

impl Replacement {
    pub fn parse(re: &Regex, replacement: &str) -> Replacement {
        let r = units(replacement);
        let mut pieces = Vec::new();
        let mut lit: Vec<u16> = Vec::new();
        let mut i = 0;
        let dollar = b'$' as u16;
        let flush = |lit: &mut Vec<u16>, pieces: &mut Vec<Piece>| {
            if !lit.is_empty() {
                pieces.push(Piece::Text(std::mem::take(lit)));
            }
        };
        while i < r.len() {
            let c = r[i];
            i += 1;
            if c != dollar || i == r.len() {
                lit.push(c);
                continue;
            }
            let start = i;
            let mut reference = None;
            let mut d = r[i];
            let angled = d == b'{' as u16 && i + 1 < r.len();
            if angled {
                i += 1;
                d = r[i];
            }
            if (b'0' as u16..=b'9' as u16).contains(&d) {
                let mut n: i64 = 0;
                while i < r.len() && (b'0' as u16..=b'9' as u16).contains(&r[i]) {
                    n = (n * 10 + i64::from(r[i] - b'0' as u16)).min(i64::from(i32::MAX) + 1);
                    i += 1;
                }
                let closed = !angled
                    || (i < r.len() && r[i] == b'}' as u16 && {
                        i += 1;
                        true
                    });
                if closed
                    && let Ok(n) = i32::try_from(n)
                    && let Some(slot) = re.slot_by_number(n)
                {
                    reference = Some(Piece::Group(slot));
                }
            } else if angled && unicode::is_boundary_word(d) {
                let name_start = i;
                while i < r.len() && unicode::is_boundary_word(r[i]) {
                    i += 1;
                }
                let name = String::from_utf16_lossy(&r[name_start..i]);
                if i < r.len() && r[i] == b'}' as u16 {
                    i += 1;
                    if let Some(slot) = re.names.iter().position(|n| *n == name) {
                        reference = Some(Piece::Group(slot));
                    }
                }
            } else if !angled {
                let special = match d as u8 {
                    b'$' if d < 128 => {
                        i += 1;
                        lit.push(dollar);
                        continue;
                    }
                    b'&' if d < 128 => Some(Piece::Group(0)),
                    b'`' if d < 128 => Some(Piece::Left),
                    b'\'' if d < 128 => Some(Piece::Right),
                    b'+' if d < 128 => Some(Piece::LastGroup),
                    b'_' if d < 128 => Some(Piece::Whole),
                    _ => None,
                };
                if let Some(p) = special {
                    i += 1;
                    reference = Some(p);
                }
            }
            match reference {
                Some(p) => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(p);
                }
                None => {
                    i = start;
                    lit.push(dollar);
                }
            }
        }
        flush(&mut lit, &mut pieces);
        Replacement { pieces }
    }

    pub fn expand(&self, re: &Regex, input: &[u16], m: &Match) -> Vec<u16> {
        let mut out = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.extend_from_slice(t),
                Piece::Group(slot) => {
                    if let Some((i, l)) = m.group(*slot) {
                        out.extend_from_slice(&input[i..i + l]);
                    }
                }
                Piece::Left => out.extend_from_slice(&input[..m.index()]),
                Piece::Right => out.extend_from_slice(&input[m.end()..]),
                Piece::LastGroup => {
                    let last = re.numbers.len().saturating_sub(1);
                    if let Some((i, l)) = m.group(last) {
                        out.extend_from_slice(&input[i..i + l]);
                    }
                }
                Piece::Whole => out.extend_from_slice(input),
            }
        }
        out
    }
}

/// `[regex]::Escape`: metacharacters get a backslash; tab, newline, return and form feed
/// become `\t`, `\n`, `\r`, `\f`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\x0C' => out.push_str("\\f"),
            '\\' | '*' | '+' | '?' | '|' | '{' | '[' | '(' | ')' | '^' | '$' | '.' | '#' | ' ' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `[regex]::Unescape`: the escapes a pattern understands; errors as the parser words them.
pub fn unescape(s: &str) -> Result<String, String> {
    let p = units(s);
    parse::unescape(&p)
        .map(|u| String::from_utf16_lossy(&u))
        .map_err(|e| format!("Invalid pattern '{s}' at offset {}. {}", e.offset, e.reason))
}

/// Parses a RegexOptions value written as names (`'IgnoreCase, Multiline'`).
pub fn option_names(text: &str) -> Option<u32> {
    let mut o = 0;
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        o |= match part.to_ascii_lowercase().as_str() {
            "none" => 0,
            "ignorecase" => opt::IGNORE_CASE,
            "multiline" => opt::MULTILINE,
            "explicitcapture" => opt::EXPLICIT_CAPTURE,
            "compiled" => opt::COMPILED,
            "singleline" => opt::SINGLELINE,
            "ignorepatternwhitespace" => opt::IGNORE_PATTERN_WHITESPACE,
            "righttoleft" => opt::RIGHT_TO_LEFT,
            "ecmascript" => opt::ECMA_SCRIPT,
            "cultureinvariant" => opt::CULTURE_INVARIANT,
            "nonbacktracking" => opt::NON_BACKTRACKING,
            _ => part.parse().ok()?,
        };
    }
    Some(o)
}

/// RegexOptions as .NET prints them (`IgnoreCase, Multiline`).
pub fn option_text(o: u32) -> String {
    const NAMES: [(u32, &str); 10] = [
        (opt::IGNORE_CASE, "IgnoreCase"),
        (opt::MULTILINE, "Multiline"),
        (opt::EXPLICIT_CAPTURE, "ExplicitCapture"),
        (opt::COMPILED, "Compiled"),
        (opt::SINGLELINE, "Singleline"),
        (opt::IGNORE_PATTERN_WHITESPACE, "IgnorePatternWhitespace"),
        (opt::RIGHT_TO_LEFT, "RightToLeft"),
        (opt::ECMA_SCRIPT, "ECMAScript"),
        (opt::CULTURE_INVARIANT, "CultureInvariant"),
        (opt::NON_BACKTRACKING, "NonBacktracking"),
    ];
    if o == 0 {
        return "None".into();
    }
    NAMES
        .iter()
        .filter(|(b, _)| o & b != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
