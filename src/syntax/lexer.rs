//! The mode-dependent PowerShell tokenizer: whitespace, comments and line continuations,
//! punctuation and operators, numbers, variables, parameters, identifiers, keywords and
//! redirections. Pieces are nom parsers over `&str`; offsets are computed against the whole
//! text with `nom::Offset`. It reports scanning errors as `Diag`s and must not build syntax
//! trees or decide statement structure.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_until, take_while, take_while1};
use nom::character::complete::{char as one_char, satisfy};
use nom::combinator::recognize;
use nom::sequence::{pair, preceded, terminated};
use std::cell::Cell;

use nom::{IResult, Offset, Parser};

use super::ast::{Number, RedirectStream, VariableRef};
use super::chars::{
    ends_number_in_expression, forces_new_token, is_dash, is_double_quote, is_ident_follow,
    is_ident_start, is_newline, is_single_quote, is_type_name_char, is_var_start, is_ws,
};
use super::messages::{self as msg, Diag};
use super::span::Span;
use super::string::{self, StrBuilder, variable_path};
use super::token::{Keyword, LexContext, Mode, Operator, Tok, Token};

/// A position in the text being scanned. The text may end before the source does (the inside
/// of a `$( ... )` is scanned as its own text).
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'s> {
    pub text: &'s str,
    pub pos: usize,
}

impl<'s> Cursor<'s> {
    pub fn new(text: &'s str, pos: usize) -> Cursor<'s> {
        Cursor {
            text,
            pos: pos.min(text.len()),
        }
    }

    pub fn rest(&self) -> &'s str {
        self.text.get(self.pos..).unwrap_or("")
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn peek_second(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Moves to where a nom parser stopped (`rest` is a suffix of the text).
    pub fn advance_to(&mut self, rest: &str) {
        self.pos = self.text.offset(rest);
    }

    pub fn slice(&self, start: usize, end: usize) -> &'s str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Runs a nom parser at the cursor; on success moves past what it consumed.
    pub fn run<O, P>(&mut self, mut parser: P) -> Option<O>
    where
        P: Parser<&'s str, Output = O, Error = nom::error::Error<&'s str>>,
    {
        match parser.parse(self.rest()) {
            Ok((rest, out)) => {
                self.advance_to(rest);
                Some(out)
            }
            Err(_) => None,
        }
    }
}

type NomResult<'a, O> = IResult<&'a str, O>;

fn line_comment(i: &str) -> NomResult<'_, &str> {
    recognize(preceded(one_char('#'), take_till(is_newline))).parse(i)
}

/// `<# ... #>`; the bool is false when the terminator is missing (the comment runs to the end).
fn block_comment(i: &str) -> NomResult<'_, bool> {
    preceded(
        tag("<#"),
        alt((
            terminated(take_until("#>"), tag("#>")).map(|_| true),
            nom::combinator::rest.map(|_| false),
        )),
    )
    .parse(i)
}

fn newline(i: &str) -> NomResult<'_, &str> {
    alt((tag("\r\n"), tag("\n"), tag("\r"))).parse(i)
}

fn whitespace(i: &str) -> NomResult<'_, &str> {
    take_while1(is_ws).parse(i)
}

fn identifier(i: &str) -> NomResult<'_, &str> {
    recognize(pair(satisfy(is_ident_start), take_while(is_ident_follow))).parse(i)
}

fn ascii_letters(i: &str) -> NomResult<'_, &str> {
    take_while(|c: char| c.is_ascii_alphabetic()).parse(i)
}

fn decimal_digits(i: &str) -> NomResult<'_, &str> {
    take_while(|c: char| c.is_ascii_digit()).parse(i)
}

/// A file or merging redirection operator starting with a stream digit or `*`, e.g. `2>`,
/// `3>>`, `2>&1`, `*>&1`.
fn numbered_redirection(i: &str) -> NomResult<'_, (char, &str)> {
    pair(
        satisfy(|c| matches!(c, '1'..='6' | '*')),
        alt((tag(">&1"), tag(">&2"), tag(">>"), tag(">"))),
    )
    .parse(i)
}

fn stream_of(c: char) -> RedirectStream {
    match c {
        '*' => RedirectStream::All,
        '2' => RedirectStream::Error,
        '3' => RedirectStream::Warning,
        '4' => RedirectStream::Verbose,
        '5' => RedirectStream::Debug,
        '6' => RedirectStream::Information,
        _ => RedirectStream::Output,
    }
}

/// The tokenizer over one text. Stateless: every call scans one token from a position.
pub(crate) struct Lexer<'s> {
    pub text: &'s str,
    /// Bytes of text covered by scans so far (a token's text and what was skipped before it,
    /// counted again when a token is scanned again): the parser's work, which the tests check
    /// grows linearly with the input.
    pub work: Cell<u64>,
    /// The line comments starting with `#requires` that scans met, each once, in order
    /// (read by syntax::requires after the parse).
    requires: std::cell::RefCell<Vec<Span>>,
}

impl<'s> Lexer<'s> {
    pub fn new(text: &'s str) -> Lexer<'s> {
        Lexer {
            text,
            work: Cell::new(0),
            requires: Default::default(),
        }
    }

    /// The `#requires` comments met so far, in source order.
    pub fn requires_comments(&self) -> Vec<Span> {
        let mut all = self.requires.borrow().clone();
        all.sort_by_key(|s| s.start);
        all
    }

    /// Notes a line comment if it is a `#requires` one (rescans note it once).
    fn note_comment(&self, start: usize, end: usize) {
        let is_requires = self
            .text
            .get(start..end)
            .and_then(|t| t.get(..9))
            .is_some_and(|t| t.eq_ignore_ascii_case("#requires"));
        if is_requires {
            let at = Span::new(start, end);
            let mut seen = self.requires.borrow_mut();
            if !seen.contains(&at) {
                seen.push(at);
            }
        }
    }

    fn charge(&self, from: usize, to: usize) {
        let n = to.saturating_sub(from).max(1) as u64;
        self.work.set(self.work.get().saturating_add(n));
    }

    /// Skips whitespace, comments and line continuations, then scans one token.
    pub fn next_token(&self, pos: usize, cx: LexContext, diags: &mut Vec<Diag>) -> Token {
        let t = self.scan_token(pos, cx, diags);
        self.charge(pos, t.end());
        t
    }

    fn scan_token(&self, pos: usize, cx: LexContext, diags: &mut Vec<Diag>) -> Token {
        let mut cur = Cursor::new(self.text, pos);
        loop {
            cur.run(take_while(is_ws));
            let start = cur.pos;
            let Some(c) = cur.peek() else {
                return token(Tok::Eof, start, start, cx);
            };
            match c {
                '#' => {
                    cur.run(line_comment);
                    self.note_comment(start, cur.pos);
                }
                '<' if cur.peek_second() == Some('#') => {
                    if cur.run(block_comment) == Some(false) {
                        diags.push(Diag::incomplete(
                            Span::new(start, cur.pos),
                            msg::MISSING_TERMINATOR_MULTILINE_COMMENT,
                            &[],
                        ));
                    }
                }
                '`' => {
                    cur.bump();
                    if cur.run(newline).is_some() || cur.run(whitespace).is_some() {
                        continue;
                    }
                    if cur.peek().is_none() {
                        diags.push(Diag::incomplete(
                            Span::new(cur.pos, cur.pos),
                            msg::INCOMPLETE_STRING,
                            &[],
                        ));
                        continue;
                    }
                    let mut b = StrBuilder::default();
                    string::backtick_escape(&mut cur, start, &mut b, diags);
                    return self.generic(&mut cur, start, b, cx, diags);
                }
                _ => return self.scan(&mut cur, start, c, cx, diags),
            }
        }
    }

    fn generic(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        mut b: StrBuilder,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        string::generic_body(cur, &mut b, diags);
        token(
            Tok::Generic(b.finish(super::ast::QuoteKind::Bare)),
            start,
            cur.pos,
            cx,
        )
    }

    /// A bareword scanned again from its start (`77z`, `$a-b`, `Test-policy`).
    fn rescan_generic(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        cur.pos = start;
        self.generic(cur, start, StrBuilder::default(), cx, diags)
    }

    /// In command mode an operator glued to more text is a bareword (`=foo`, `+x`).
    fn operator_or_generic(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        tok: Tok,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        if cx.mode == Mode::Command && !forces_new_token(cur.peek()) {
            let b = StrBuilder::with_text(cur.slice(start, cur.pos));
            return self.generic(cur, start, b, cx, diags);
        }
        token(tok, start, cur.pos, cx)
    }

    fn scan(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        c: char,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        let command = cx.mode == Mode::Command;
        let expression = cx.mode == Mode::Expression;
        let simple = |cur: &mut Cursor<'s>, tok: Tok| {
            cur.bump();
            token(tok, start, cur.pos, cx)
        };
        match c {
            '\n' => simple(cur, Tok::NewLine),
            '\r' => {
                cur.run(newline);
                token(Tok::NewLine, start, cur.pos, cx)
            }
            q if is_single_quote(q) || is_double_quote(q) => {
                cur.bump();
                let s = string::quoted_string(cur, start, q, diags);
                token(Tok::Str(s), start, cur.pos, cx)
            }
            '@' => {
                cur.bump();
                match cur.peek() {
                    Some('{') => simple(cur, Tok::AtCurly),
                    Some('(') => simple(cur, Tok::AtParen),
                    Some(q) if is_single_quote(q) || is_double_quote(q) => {
                        cur.bump();
                        let quote = if is_double_quote(q) { '"' } else { '\'' };
                        let s = string::here_string(cur, start, quote, diags);
                        token(Tok::Str(s), start, cur.pos, cx)
                    }
                    Some(v) if is_var_start(v) => {
                        match scan_variable_after_dollar(cur, start, true, false, cx, diags) {
                            Some(var) => {
                                token(Tok::Variable { var, splat: true }, start, cur.pos, cx)
                            }
                            None => self.rescan_generic(cur, start, cx, diags),
                        }
                    }
                    _ => {
                        diags.push(Diag::error(
                            Span::new(start, start + 1),
                            msg::UNRECOGNIZED_TOKEN,
                            &[],
                        ));
                        token(Tok::Unknown, start, cur.pos, cx)
                    }
                }
            }
            '=' => {
                cur.bump();
                self.operator_or_generic(cur, start, Tok::Equals, cx, diags)
            }
            '+' => {
                cur.bump();
                match cur.peek() {
                    Some('+') => {
                        cur.bump();
                        self.operator_or_generic(cur, start, Tok::PlusPlus, cx, diags)
                    }
                    Some('=') => {
                        cur.bump();
                        self.operator_or_generic(cur, start, Tok::PlusEquals, cx, diags)
                    }
                    Some(d) if cx.allow_signed_numbers && (d.is_ascii_digit() || d == '.') => {
                        self.number(cur, start, cx, diags)
                    }
                    _ => self.operator_or_generic(cur, start, Tok::Plus, cx, diags),
                }
            }
            d if is_dash(d) => {
                cur.bump();
                match cur.peek() {
                    Some(n) if is_dash(n) => {
                        cur.bump();
                        self.operator_or_generic(cur, start, Tok::MinusMinus, cx, diags)
                    }
                    Some('=') => {
                        cur.bump();
                        self.operator_or_generic(cur, start, Tok::MinusEquals, cx, diags)
                    }
                    Some(n) if n.is_alphabetic() || n == '_' || n == '?' => {
                        self.parameter(cur, start, cx, diags)
                    }
                    Some(n) if cx.allow_signed_numbers && (n.is_ascii_digit() || n == '.') => {
                        self.number(cur, start, cx, diags)
                    }
                    _ => self.operator_or_generic(cur, start, Tok::Minus, cx, diags),
                }
            }
            '*' => {
                if let Some((_, op)) = cur.run(numbered_redirection) {
                    return redirection(start, cur.pos, '*', op, cx);
                }
                cur.bump();
                if cur.eat('=') {
                    return self.operator_or_generic(cur, start, Tok::MultiplyEquals, cx, diags);
                }
                self.operator_or_generic(cur, start, Tok::Multiply, cx, diags)
            }
            '/' | '%' => {
                cur.bump();
                let (assign, plain) = if c == '/' {
                    (Tok::DivideEquals, Tok::Divide)
                } else {
                    (Tok::RemainderEquals, Tok::Rem)
                };
                if cur.eat('=') {
                    return self.operator_or_generic(cur, start, assign, cx, diags);
                }
                self.operator_or_generic(cur, start, plain, cx, diags)
            }
            '$' => {
                cur.bump();
                if cur.eat('(') {
                    return token(Tok::DollarParen, start, cur.pos, cx);
                }
                match cur.peek() {
                    Some(v) if is_var_start(v) || v == '{' => {
                        match scan_variable_after_dollar(cur, start, false, false, cx, diags) {
                            Some(var) => {
                                token(Tok::Variable { var, splat: false }, start, cur.pos, cx)
                            }
                            None => self.rescan_generic(cur, start, cx, diags),
                        }
                    }
                    _ => self.generic(cur, start, StrBuilder::with_text("$"), cx, diags),
                }
            }
            '<' => simple(cur, Tok::InputRedirect),
            '>' => {
                cur.bump();
                let append = cur.eat('>');
                let tok = Tok::FileRedirect {
                    stream: RedirectStream::Output,
                    append,
                };
                token(tok, start, cur.pos, cx)
            }
            '(' => simple(cur, Tok::LParen),
            ')' => simple(cur, Tok::RParen),
            '{' => simple(cur, Tok::LCurly),
            '}' => simple(cur, Tok::RCurly),
            ']' => simple(cur, Tok::RBracket),
            ';' => simple(cur, Tok::Semi),
            ',' => simple(cur, Tok::Comma),
            '[' => {
                cur.bump();
                if command && !forces_new_token(cur.peek()) {
                    return self.generic(cur, start, StrBuilder::with_text("["), cx, diags);
                }
                token(Tok::LBracket, start, cur.pos, cx)
            }
            '.' => self.dot(cur, start, cx, diags),
            '1'..='6' => {
                if let Some((n, op)) = cur.run(numbered_redirection) {
                    if expression {
                        // In an expression `2>` is the number 2 followed by `>`.
                        cur.pos = start + 1;
                        let value = Number::Int32(n.to_digit(10).unwrap_or(0) as i32);
                        return token(Tok::Number(value), start, cur.pos, cx);
                    }
                    return redirection(start, cur.pos, n, op, cx);
                }
                self.number(cur, start, cx, diags)
            }
            '0'..='9' => self.number(cur, start, cx, diags),
            '&' => {
                cur.bump();
                if cur.eat('&') {
                    return token(Tok::AndAnd, start, cur.pos, cx);
                }
                token(Tok::Ampersand, start, cur.pos, cx)
            }
            '|' => {
                cur.bump();
                if cur.eat('|') {
                    return token(Tok::OrOr, start, cur.pos, cx);
                }
                token(Tok::Pipe, start, cur.pos, cx)
            }
            '!' => {
                cur.bump();
                let next = cur.peek();
                if (command && !forces_new_token(next))
                    || (expression && next.is_some_and(is_ident_start))
                {
                    return self.generic(cur, start, StrBuilder::with_text("!"), cx, diags);
                }
                if expression && next.is_some_and(|n| n.is_ascii_digit() || n == '.') {
                    let mut probe = *cur;
                    if scan_number_text(&mut probe, cx).is_none() {
                        return self.generic(cur, start, StrBuilder::with_text("!"), cx, diags);
                    }
                }
                token(Tok::Exclaim, start, cur.pos, cx)
            }
            ':' => {
                cur.bump();
                if cur.eat(':') {
                    if command && !cx.want_simple_name && !forces_new_token(cur.peek()) {
                        return self.generic(cur, start, StrBuilder::with_text("::"), cx, diags);
                    }
                    return token(Tok::ColonColon, start, cur.pos, cx);
                }
                if command {
                    return self.label(cur, start, cx, diags);
                }
                token(Tok::Colon, start, cur.pos, cx)
            }
            '?' if expression => {
                cur.bump();
                let kind = if !cur.eat('?') {
                    Tok::QuestionMark
                } else if cur.eat('=') {
                    Tok::QuestionQuestionEquals
                } else {
                    Tok::QuestionQuestion
                };
                token(kind, start, cur.pos, cx)
            }
            c if is_ident_start(c) => self.identifier(cur, start, cx, diags),
            _ => {
                cur.bump();
                let b = StrBuilder::with_text(cur.slice(start, cur.pos));
                self.generic(cur, start, b, cx, diags)
            }
        }
    }

    fn dot(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        let command = cx.mode == Mode::Command;
        cur.bump();
        match cur.peek() {
            Some('.') => {
                cur.bump();
                if command && !forces_new_token(cur.peek()) {
                    cur.pos = start + 1;
                    return self.generic(cur, start, StrBuilder::with_text("."), cx, diags);
                }
                token(Tok::DotDot, start, cur.pos, cx)
            }
            Some(d) if d.is_ascii_digit() => {
                cur.pos = start;
                self.number(cur, start, cx, diags)
            }
            next => {
                let dotting = matches!(next, Some('$' | '"' | '\''));
                if command && !forces_new_token(next) && !dotting {
                    return self.generic(cur, start, StrBuilder::with_text("."), cx, diags);
                }
                token(Tok::Dot, start, cur.pos, cx)
            }
        }
    }

    fn identifier(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        let name = cur.run(identifier).unwrap_or("");
        if cx.mode == Mode::TypeName {
            cur.run(take_while(is_type_name_char));
            let text = cur.slice(start, cur.pos).to_string();
            return token(Tok::Identifier(text), start, cur.pos, cx);
        }
        let command = cx.mode == Mode::Command;
        if !cx.want_simple_name && command && !forces_new_token(cur.peek()) {
            return self.generic(cur, start, StrBuilder::with_text(name), cx, diags);
        }
        if !cx.want_simple_name
            && command
            && let Some(kw) = Keyword::from_name(name)
        {
            return token(Tok::Keyword(kw), start, cur.pos, cx);
        }
        token(Tok::Identifier(name.to_string()), start, cur.pos, cx)
    }

    /// After `:` in command mode: a loop label (`:outer`) or a bareword (`:x.y`).
    fn label(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        match cur.run(identifier) {
            Some(name) => {
                if !forces_new_token(cur.peek()) {
                    let b = StrBuilder::with_text(cur.slice(start, cur.pos));
                    return self.generic(cur, start, b, cx, diags);
                }
                token(Tok::Label(name.to_string()), start, cur.pos, cx)
            }
            None => self.generic(cur, start, StrBuilder::with_text(":"), cx, diags),
        }
    }

    /// After a dash followed by a letter: a parameter (`-Name`, `-Name:`) or, in expression
    /// mode, an operator (`-eq`, `-not`).
    fn parameter(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        let command = cx.mode == Mode::Command;
        let mut name = String::new();
        let mut colon = false;
        loop {
            if let Some(letters) = cur.run(ascii_letters) {
                name.push_str(letters);
            }
            let Some(c) = cur.peek() else { break };
            if is_ws(c)
                || matches!(
                    c,
                    '{' | '}' | '(' | ')' | ';' | ',' | '|' | '&' | '.' | '[' | '\r' | '\n'
                )
            {
                break;
            }
            if c == ':' {
                colon = true;
                if command {
                    cur.bump();
                }
                break;
            }
            if is_single_quote(c) || is_double_quote(c) {
                if command {
                    let b = StrBuilder::with_text(cur.slice(start, cur.pos));
                    return self.generic(cur, start, b, cx, diags);
                }
                break;
            }
            if !command {
                break;
            }
            cur.bump();
            name.push(c);
        }
        if cx.mode == Mode::Expression
            && let Some(op) = Operator::from_name(&name)
        {
            return token(Tok::Op(op), start, cur.pos, cx);
        }
        if name.is_empty() {
            return token(Tok::Minus, start, cur.pos, cx);
        }
        token(Tok::Parameter { name, colon }, start, cur.pos, cx)
    }

    fn number(
        &self,
        cur: &mut Cursor<'s>,
        start: usize,
        cx: LexContext,
        diags: &mut Vec<Diag>,
    ) -> Token {
        cur.pos = start;
        let Some(scanned) = scan_number_text(cur, cx) else {
            return self.rescan_generic(cur, start, cx, diags);
        };
        match number_value(&scanned) {
            Some(n) => token(Tok::Number(n), start, cur.pos, cx),
            None if cx.mode != Mode::Expression => self.rescan_generic(cur, start, cx, diags),
            None => {
                let text = cur.slice(start, cur.pos);
                diags.push(Diag::error(
                    Span::new(start, cur.pos),
                    msg::BAD_NUMERIC_CONSTANT,
                    &[text],
                ));
                token(Tok::Number(Number::Int32(0)), start, cur.pos, cx)
            }
        }
    }
}

fn token(kind: Tok, start: usize, end: usize, context: LexContext) -> Token {
    Token {
        kind,
        span: Span::new(start, end),
        context,
    }
}

fn redirection(start: usize, end: usize, from: char, op: &str, cx: LexContext) -> Token {
    let stream = stream_of(from);
    let kind = match op {
        ">&1" | ">&2" => Tok::MergeRedirect {
            from: stream,
            to_output: op == ">&1",
            same: (from == '1' && op == ">&1") || (from == '2' && op == ">&2"),
        },
        _ => Tok::FileRedirect {
            stream,
            append: op == ">>",
        },
    };
    token(kind, start, end, cx)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NumberFormat {
    Decimal,
    Hex,
    Binary,
}

struct ScannedNumber {
    negative: bool,
    digits: String,
    format: NumberFormat,
    real: bool,
    /// The type suffix as typed, lowercased: "", "y", "uy", "s", "us", "u", "l", "ul", "n", "d".
    suffix: String,
    multiplier: i64,
}

/// PowerShell's number syntax (`1`, `1.5`, `1e3`, `0x1F`, `0b101`, `10kb`, `5l`, `2.5d`).
/// None when the text is not entirely a number (then it is a bareword in command mode).
fn scan_number_text(cur: &mut Cursor, cx: LexContext) -> Option<ScannedNumber> {
    let mut negative = false;
    if let Some(c) = cur.peek()
        && (is_dash(c) || c == '+')
    {
        negative = is_dash(c);
        cur.bump();
    }
    let mut digits = String::new();
    let mut format = NumberFormat::Decimal;
    let mut real = false;
    let mut not_number = false;
    let exponent = |cur: &mut Cursor, digits: &mut String, not_number: &mut bool| {
        digits.push('e');
        if let Some(c) = cur.peek()
            && (c == '+' || is_dash(c))
        {
            cur.bump();
            digits.push(if c == '+' { '+' } else { '-' });
        }
        let d = cur.run(decimal_digits).unwrap_or("");
        if d.is_empty() {
            *not_number = true;
        }
        digits.push_str(d);
    };
    if cur.peek() == Some('.') {
        cur.bump();
        digits.push_str("0.");
        digits.push_str(cur.run(decimal_digits).unwrap_or(""));
        real = true;
        if cur.peek().is_some_and(|c| c == 'e' || c == 'E') {
            cur.bump();
            exponent(cur, &mut digits, &mut not_number);
        }
    } else if cur.peek() == Some('0') && matches!(cur.peek_second(), Some('x' | 'X' | 'b' | 'B')) {
        cur.bump();
        let hex = matches!(cur.bump(), Some('x' | 'X'));
        let body = if hex {
            cur.run(take_while(|c: char| c.is_ascii_hexdigit()))
        } else {
            cur.run(take_while(|c: char| c == '0' || c == '1'))
        };
        let body = body.unwrap_or("");
        if body.is_empty() {
            not_number = true;
        }
        digits.push_str(body);
        format = if hex {
            NumberFormat::Hex
        } else {
            NumberFormat::Binary
        };
    } else {
        digits.push_str(cur.run(decimal_digits).unwrap_or(""));
        match cur.peek() {
            Some('.') if cur.peek_second() != Some('.') => {
                cur.bump();
                digits.push('.');
                let frac = cur.run(decimal_digits).unwrap_or("");
                digits.push_str(if frac.is_empty() { "0" } else { frac });
                real = true;
                if cur.peek().is_some_and(|c| c == 'e' || c == 'E') {
                    cur.bump();
                    exponent(cur, &mut digits, &mut not_number);
                }
            }
            Some('e' | 'E') => {
                cur.bump();
                real = true;
                exponent(cur, &mut digits, &mut not_number);
            }
            _ => {}
        }
    }
    // A suffix: one letter of u, s, l, d, y, n, or `u` followed by y, s or l.
    let mut suffix = String::new();
    if let Some(c) = cur.peek()
        && matches!(c.to_ascii_lowercase(), 'u' | 's' | 'l' | 'd' | 'y' | 'n')
        && !(format == NumberFormat::Hex && c.eq_ignore_ascii_case(&'d'))
    {
        cur.bump();
        let lower = c.to_ascii_lowercase();
        suffix.push(lower);
        if let Some(c2) = cur.peek()
            && matches!(c2.to_ascii_lowercase(), 'u' | 's' | 'l' | 'd' | 'y' | 'n')
        {
            cur.bump();
            if lower == 'u' && matches!(c2.to_ascii_lowercase(), 'l' | 's' | 'y') {
                suffix.push(c2.to_ascii_lowercase());
            } else {
                not_number = true;
            }
        }
    }
    let mut multiplier = 1i64;
    if let Some(c) = cur.peek()
        && matches!(c.to_ascii_lowercase(), 'k' | 'm' | 'g' | 't' | 'p')
    {
        cur.bump();
        multiplier = match c.to_ascii_lowercase() {
            'k' => 1 << 10,
            'm' => 1 << 20,
            'g' => 1 << 30,
            't' => 1 << 40,
            _ => 1 << 50,
        };
        if !(cur.eat('b') || cur.eat('B')) {
            not_number = true;
        }
    }
    let next = cur.peek();
    if !forces_new_token(next) && (cx.mode != Mode::Expression || !ends_number_in_expression(next))
    {
        not_number = true;
    }
    if not_number {
        return None;
    }
    Some(ScannedNumber {
        negative,
        digits,
        format,
        real,
        suffix,
        multiplier,
    })
}

/// The value of a scanned number, or None when it does not fit its type (the tokenizer's
/// TryGetNumberValue: reals are Doubles unless suffixed; integers go through a BigInteger and
/// are then narrowed to the suffix's type, or to the narrowest of Int32, Int64, Decimal and
/// Double; hex and binary literals of a full width carry a sign bit).
fn number_value(n: &ScannedNumber) -> Option<Number> {
    use num_bigint::BigInt;
    use num_traits::{FromPrimitive, ToPrimitive};
    use rust_decimal::Decimal;
    let sign: i64 = if n.negative { -1 } else { 1 };
    let suffix = n.suffix.as_str();
    // An integer value narrowed to the suffix's type.
    let narrow = |v: BigInt, decimal_format: bool| -> Option<Number> {
        Some(match suffix {
            "y" => Number::SByte(v.to_i8()?),
            "uy" => Number::Byte(v.to_u8()?),
            "s" => Number::Int16(v.to_i16()?),
            "us" => Number::UInt16(v.to_u16()?),
            "l" => Number::Int64(v.to_i64()?),
            "u" => match v.to_u32() {
                Some(u) => Number::UInt32(u),
                None => Number::UInt64(v.to_u64()?),
            },
            "ul" => Number::UInt64(v.to_u64()?),
            "d" => Number::Decimal(Decimal::from_i128(v.to_i128()?)?),
            "n" => Number::BigInt(v),
            "" => {
                if let Some(i) = v.to_i32() {
                    Number::Int32(i)
                } else if let Some(i) = v.to_i64() {
                    Number::Int64(i)
                } else if !decimal_format {
                    return None;
                } else if let Some(d) = v.to_i128().and_then(Decimal::from_i128) {
                    Number::Decimal(d)
                } else {
                    Number::Double(v.to_f64()?)
                }
            }
            _ => return None,
        })
    };
    match n.format {
        NumberFormat::Decimal if n.real => {
            if suffix == "d" {
                let d = if n.digits.contains(['e', 'E']) {
                    Decimal::from_scientific(&n.digits).ok()?
                } else {
                    n.digits.parse::<Decimal>().ok()?
                };
                let d = d.checked_mul(Decimal::from(n.multiplier))?;
                return Some(Number::Decimal(if n.negative { -d } else { d }));
            }
            let value: f64 = n.digits.parse().ok()?;
            let value = value * n.multiplier as f64 * sign as f64;
            if suffix.is_empty() {
                return Some(Number::Double(value));
            }
            // A suffixed real is rounded (half to even) to an integer first.
            let rounded = if (value - value.trunc()).abs() == 0.5 {
                2.0 * (value / 2.0).round()
            } else {
                value.round()
            };
            narrow(BigInt::from_f64(rounded)?, true)
        }
        NumberFormat::Decimal => {
            let v: BigInt = n.digits.parse().ok()?;
            narrow(v * n.multiplier * sign, true)
        }
        NumberFormat::Hex => {
            let digits = n.digits.as_str();
            // The digits carry a sign bit at the width the suffix (or the length) gives.
            let width = match suffix {
                "y" => 2,
                "s" => 4,
                "l" => 16,
                _ if digits.len() <= 8 => 8,
                _ => 16,
            };
            let unsigned = suffix.starts_with('u');
            let mut value = BigInt::parse_bytes(digits.as_bytes(), 16)?;
            if !unsigned
                && digits.len() == width
                && digits.starts_with(|c: char| c.to_digit(16).is_some_and(|d| d >= 8))
            {
                value -= BigInt::from(1) << (4 * width);
            }
            let value = value * n.multiplier * sign;
            if digits.len() == 16 && (suffix.is_empty() || suffix == "u") {
                // A 16-digit hex literal is a (U)Int64 even when the value is small.
                return Some(if suffix.is_empty() {
                    Number::Int64(value.to_i64()?)
                } else {
                    Number::UInt64(value.to_u64()?)
                });
            }
            narrow(value, false)
        }
        NumberFormat::Binary => {
            let digits = n.digits.as_str();
            let unsigned = suffix.starts_with('u')
                || digits.starts_with('0')
                || !matches!(digits.len(), 8 | 16 | 32 | 64 | 96) && digits.len() < 128;
            let mut value = BigInt::parse_bytes(digits.as_bytes(), 2)?;
            if !unsigned {
                value -= BigInt::from(1) << digits.len();
            }
            let value = value * n.multiplier * sign;
            if digits.len() == 64 && (suffix.is_empty() || suffix == "u") {
                return Some(if suffix.is_empty() {
                    Number::Int64(value.to_i64()?)
                } else {
                    Number::UInt64(value.to_u64()?)
                });
            }
            narrow(value, false)
        }
    }
}

/// A whole string as one number literal, as the runtime converts text to a number
/// (`[int]'0x1F'`, `'10' - 1`): surrounding white space is ignored and a sign is allowed.
/// None when the text is not exactly one number.
pub fn scan_number(text: &str) -> Option<Number> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Number::Int32(0));
    }
    let mut cur = Cursor::new(text, 0);
    let cx = LexContext {
        mode: Mode::Expression,
        allow_signed_numbers: true,
        want_simple_name: false,
    };
    let scanned = scan_number_text(&mut cur, cx)?;
    if cur.pos != text.len() {
        return None;
    }
    number_value(&scanned)
}

/// After `$` (or `@` for splatting): a variable name, braced or not. Returns None when, in
/// command mode, the text must be rescanned as a bareword (`$a-b`, `${x}y`).
/// `start` is the offset of the `$`; the cursor is past it.
pub(crate) fn scan_variable_after_dollar(
    cur: &mut Cursor,
    start: usize,
    splat: bool,
    in_string: bool,
    cx: LexContext,
    diags: &mut Vec<Diag>,
) -> Option<VariableRef> {
    let command = cx.mode == Mode::Command;
    let name_start = cur.pos;
    if !splat && cur.eat('{') {
        let mut name = StrBuilder::default();
        let mut closed = false;
        loop {
            let stop =
                |c: char| c == '}' || c == '`' || c == '{' || (in_string && is_double_quote(c));
            if let Some(text) = cur.run(take_till(stop)) {
                name.push_str(text);
            }
            let at = cur.pos;
            match cur.bump() {
                None => break,
                Some('}') => {
                    closed = true;
                    break;
                }
                Some('`') => {
                    if cur.peek().is_none() {
                        break;
                    }
                    string::backtick_escape(cur, at, &mut name, diags);
                }
                Some('{') => {
                    let next = cur.pos;
                    diags.push(Diag::error(
                        Span::new(next, next + 1),
                        msg::OPEN_BRACE_IN_VARIABLE_NAME,
                        &[],
                    ));
                    name.push('{');
                }
                Some(q) => {
                    if cur.peek().is_some_and(is_double_quote) {
                        let second = cur.bump().unwrap_or(q);
                        name.push(second);
                    } else {
                        name.push(q);
                    }
                }
            }
        }
        let written = name.finish(super::ast::QuoteKind::Bare).value;
        if !closed {
            diags.push(Diag::incomplete(
                Span::new(name_start, cur.pos),
                msg::INCOMPLETE_DOLLAR_VARIABLE_REFERENCE,
                &[],
            ));
        }
        if written.is_empty() && closed {
            diags.push(Diag::error(
                Span::new(cur.pos - 1, cur.pos),
                msg::EMPTY_VARIABLE_REFERENCE,
                &[],
            ));
        }
        if command {
            let next = cur.peek();
            if !forces_new_token(next) && next != Some('.') && next != Some('[') {
                return None;
            }
        }
        let (var, empty, _) = variable_path(&written);
        if empty && !written.is_empty() {
            diags.push(Diag::error(
                Span::new(start, cur.pos),
                msg::INVALID_BRACED_VARIABLE_REFERENCE,
                &[],
            ));
        }
        return Some(var);
    }
    let first = cur.bump()?;
    if matches!(first, '$' | '?' | '^') {
        if command && !forces_new_token(cur.peek()) {
            return None;
        }
    } else {
        loop {
            cur.run(take_while(|c: char| {
                c.is_ascii_alphanumeric() || c == '_' || c == '?'
            }));
            let Some(c) = cur.peek() else { break };
            match c {
                ':' => {
                    if cur.peek_second() == Some(':') {
                        break;
                    }
                    cur.bump();
                }
                '\0' | '\t' | '\r' | '\n' | ' ' | '&' | '(' | ')' | ',' | ';' | '{' | '}' | '|'
                | '.' | '[' | '=' => break,
                c if c.is_alphanumeric() => {
                    cur.bump();
                }
                c if command && !forces_new_token(Some(c)) => return None,
                _ => break,
            }
        }
    }
    let written = cur.slice(name_start, cur.pos);
    let (var, empty, drive) = variable_path(written);
    if empty {
        let template = if drive {
            msg::INVALID_VARIABLE_REFERENCE_WITH_DRIVE
        } else {
            msg::INVALID_VARIABLE_REFERENCE
        };
        diags.push(Diag::error(Span::new(start, cur.pos), template, &[]));
    }
    Some(var)
}

impl Lexer<'_> {
    /// A member-access operator right after a value, with no whitespace before it (block
    /// comments are allowed): `.`, `::` or (when allowed) `[`.
    pub fn member_access_at(
        &self,
        pos: usize,
        cx: LexContext,
        allow_lbracket: bool,
    ) -> Option<Token> {
        self.charge(pos, pos);
        let mut cur = Cursor::new(self.text, pos);
        while cur.rest().starts_with("<#") {
            if cur.run(block_comment) != Some(true) {
                return None;
            }
        }
        let start = cur.pos;
        let command = cx.mode == Mode::Command;
        let ends = |c: Option<char>| c.is_none_or(|c| is_ws(c) || is_newline(c));
        match cur.peek()? {
            '.' => {
                cur.bump();
                let next = cur.peek();
                if next == Some('.') || (command && ends(next)) {
                    return None;
                }
                Some(token(Tok::Dot, start, cur.pos, cx))
            }
            ':' if cur.peek_second() == Some(':') => {
                cur.bump();
                cur.bump();
                if command && ends(cur.peek()) {
                    return None;
                }
                Some(token(Tok::ColonColon, start, cur.pos, cx))
            }
            '[' if allow_lbracket => Some(token(Tok::LBracket, start, start + 1, cx)),
            // pwsh 7.1+: `?.` and `?[` (only reachable after `${name}`, since `?` is a
            // variable-name character in `$name?`).
            '?' => match cur.peek_second()? {
                '.' => Some(token(Tok::QuestionDot, start, start + 2, cx)),
                '[' if allow_lbracket => Some(token(Tok::QuestionLBracket, start, start + 2, cx)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The `(` (or `{`) of a method call, directly after the member name.
    pub fn invoke_paren_at(&self, pos: usize, cx: LexContext) -> Option<Token> {
        self.charge(pos, pos);
        let cur = Cursor::new(self.text, pos);
        match cur.peek()? {
            '(' => Some(token(Tok::LParen, pos, pos + 1, cx)),
            '{' => Some(token(Tok::LCurly, pos, pos + 1, cx)),
            _ => None,
        }
    }

    /// A `[` after optional whitespace and comments (not newlines), in any mode: attributes
    /// and type constraints start here even where `[x` would otherwise be a bareword.
    pub fn lbracket_at(&self, pos: usize, cx: LexContext, diags: &mut Vec<Diag>) -> Option<Token> {
        let mut cur = Cursor::new(self.text, pos);
        loop {
            cur.run(take_while(is_ws));
            if cur.peek() == Some('#') {
                cur.run(line_comment);
                continue;
            }
            if cur.rest().starts_with("<#") {
                let start = cur.pos;
                if cur.run(block_comment) == Some(false) {
                    diags.push(Diag::incomplete(
                        Span::new(start, cur.pos),
                        msg::MISSING_TERMINATOR_MULTILINE_COMMENT,
                        &[],
                    ));
                }
                continue;
            }
            break;
        }
        let start = cur.pos;
        self.charge(pos, start);
        cur.eat('[')
            .then(|| token(Tok::LBracket, start, start + 1, cx))
    }
}

/// Scans a whole token sequence (for tests and the REPL highlighter): kinds with spans.
#[cfg(test)]
pub(crate) fn tokens(text: &str, mode: Mode) -> Vec<Token> {
    let lexer = Lexer::new(text);
    let cx = LexContext {
        mode,
        allow_signed_numbers: false,
        want_simple_name: false,
    };
    let mut out = Vec::new();
    let mut pos = 0;
    let mut diags = Vec::new();
    loop {
        let t = lexer.next_token(pos, cx, &mut diags);
        pos = t.end();
        let eof = matches!(t.kind, Tok::Eof);
        out.push(t);
        if eof {
            return out;
        }
    }
}

/// Unused-result guard for `StrToken` construction in tests.
#[cfg(test)]
pub(crate) fn generic_value(t: &Token) -> Option<&super::token::StrToken> {
    match &t.kind {
        Tok::Generic(s) | Tok::Str(s) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_mode_barewords() {
        let t = tokens(
            "Grant-X -Identity 5d8e2f17-9c3a-4b61 -Rank 1 C:\\x\\u.csv",
            Mode::Command,
        );
        assert!(matches!(&t[0].kind, Tok::Generic(s) if s.value == "Grant-X"));
        assert!(matches!(&t[1].kind, Tok::Parameter { name, colon: false } if name == "Identity"));
        assert!(matches!(&t[2].kind, Tok::Generic(s) if s.value == "5d8e2f17-9c3a-4b61"));
        assert!(matches!(&t[4].kind, Tok::Number(Number::Int32(1))));
        assert_eq!(
            generic_value(&t[5]).map(|s| s.value.as_str()),
            Some("C:\\x\\u.csv")
        );
    }

    #[test]
    fn expression_mode_operators() {
        let t = tokens("$a -ceq 0x1F", Mode::Expression);
        assert!(matches!(&t[0].kind, Tok::Variable { .. }));
        assert!(matches!(&t[1].kind, Tok::Op(Operator::Compare(..))));
        assert!(matches!(&t[2].kind, Tok::Number(Number::Int32(31))));
    }

    /// Literal types and values as pwsh 7.6.10 prints `$v.GetType().Name` and `$v` for them.
    #[test]
    fn numbers() {
        use num_bigint::BigInt;
        let dec = |t: &str| Number::Decimal(t.parse().unwrap());
        let cases: Vec<(&str, Number)> = vec![
            ("1.5", Number::Double(1.5)),
            ("1e3", Number::Double(1000.0)),
            ("10kb", Number::Int32(10240)),
            ("5l", Number::Int64(5)),
            ("0xFFFFFFFF", Number::Int32(-1)),
            ("2.5d", dec("2.5")),
            ("1.50d", dec("1.50")),
            ("0xFF", Number::Int32(255)),
            ("0x80000000", Number::Int32(i32::MIN)),
            ("0x100000000", Number::Int64(4294967296)),
            ("0xFFFFFFFFFFFFFFFF", Number::Int64(-1)),
            ("0x7FFFFFFFFFFFFFFF", Number::Int64(i64::MAX)),
            ("0xFFy", Number::SByte(-1)),
            ("0x7Fy", Number::SByte(127)),
            ("0xFFuy", Number::Byte(255)),
            ("0xFFFFs", Number::Int16(-1)),
            ("0xFFFFus", Number::UInt16(65535)),
            ("0xFFFFFFFFu", Number::UInt32(u32::MAX)),
            ("5u", Number::UInt32(5)),
            ("4294967296u", Number::UInt64(4294967296)),
            ("5ul", Number::UInt64(5)),
            ("5y", Number::SByte(5)),
            ("200uy", Number::Byte(200)),
            ("30000s", Number::Int16(30000)),
            ("60000us", Number::UInt16(60000)),
            ("1n", Number::BigInt(BigInt::from(1))),
            ("0xFFn", Number::BigInt(BigInt::from(255))),
            ("0b1111", Number::Int32(15)),
            ("0b11111111", Number::Int32(-1)),
            ("0b011111111", Number::Int32(255)),
            ("0b11111111y", Number::SByte(-1)),
            ("0b1111111111111111", Number::Int32(-1)),
            ("1.9l", Number::Int64(2)),
            ("2.5l", Number::Int64(2)),
            ("3.5l", Number::Int64(4)),
            ("1e2l", Number::Int64(100)),
            ("1gb", Number::Int32(1073741824)),
            ("1pb", Number::Int64(1125899906842624)),
            ("2147483648", Number::Int64(2147483648)),
            ("9223372036854775808", dec("9223372036854775808")),
            (
                "79228162514264337593543950335",
                dec("79228162514264337593543950335"),
            ),
            (
                "79228162514264337593543950336",
                Number::Double(7.922816251426434e28),
            ),
            ("1d", dec("1")),
            ("1e3d", dec("1000")),
            (".5", Number::Double(0.5)),
            ("5.", Number::Double(5.0)),
            ("0x1pb", Number::Int64(1125899906842624)),
        ];
        for (text, expected) in cases {
            let t = tokens(text, Mode::Expression);
            let got = match &t[0].kind {
                Tok::Number(n) => n.clone(),
                other => panic!("{text}: not a number: {other:?}"),
            };
            assert_eq!(got, expected, "{text}");
        }
        assert_eq!(scan_number(" -0x10 "), Some(Number::Int32(-16)));
        assert_eq!(scan_number(""), Some(Number::Int32(0)));
        assert_eq!(scan_number("1kbl"), None);
        assert_eq!(scan_number("12abc"), None);
    }
}
