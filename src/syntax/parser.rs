//! The parser's core: token lookahead with mode-aware rescanning, error collection (PowerShell
//! ids, deduplication, the 10-error cap, incomplete-input detection), the nesting limit, and
//! the script-block rules (param blocks, named blocks, statement lists and blocks). Statement,
//! pipeline and expression rules live in `statement.rs`, `command.rs` and `expression.rs`. It
//! must not evaluate anything.

use std::rc::Rc;

use super::ast::{Attribute, Block, ParamBlock, ScriptBlockAst, Statement};
use super::lexer::{Cursor, Lexer};
use super::messages::{self as msg, Diag};
use super::parse_error::{ParseError, ParseErrors};
use super::span::{SourceFile, Span};
use super::token::{Keyword, LexContext, Mode, Tok, Token};

/// Deeper nesting than this (parentheses, braces, sub-expressions, unary operators) is a
/// parse error rather than a stack overflow.
pub(crate) const MAX_NESTING: usize = 100;

/// pwsh reports at most this many parse errors.
const MAX_ERRORS: usize = 10;

/// Errors and limits shared by a parser and the nested parsers of `$( ... )` in strings.
#[derive(Default)]
pub(crate) struct ErrorSink {
    pub errors: Vec<ParseError>,
    pub depth: usize,
    /// Set when the nesting limit is hit: from then on every token is end-of-input, so the
    /// recursion unwinds at once.
    pub fatal: bool,
    overflowed: bool,
}

pub(crate) struct Parser<'s> {
    pub source: Rc<SourceFile>,
    /// The whole source text (for incomplete-input checks).
    full: &'s str,
    pub lexer: Lexer<'s>,
    pos: usize,
    ungot: Option<Token>,
    pub mode: Mode,
    pub allow_signed: bool,
    pub want_simple_name: bool,
    pub disable_comma: bool,
    /// `@name` is allowed here (a plain command argument).
    pub splat_allowed: bool,
    pub sink: ErrorSink,
    /// Every `enum` and `class` parsed so far, for `ScriptBlockAst::type_definitions`.
    pub type_definitions: Vec<Rc<super::ast::TypeDefinition>>,
}

pub(crate) fn span(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

/// PowerShell's `After(extent)`: an empty span where `s` ends.
pub(crate) fn after(s: Span) -> Span {
    Span {
        start: s.end,
        end: s.end,
    }
}

/// PowerShell's `Before(extent)`: an empty span one character before `s`.
pub(crate) fn before(s: Span) -> Span {
    let at = s.start.saturating_sub(1);
    Span { start: at, end: at }
}

pub(crate) fn placeholder_statement(at: Span) -> Statement {
    Statement {
        kind: super::ast::StatementKind::Pipeline(super::ast::Pipeline {
            elements: Vec::new(),
            span: at,
        }),
        span: at,
    }
}

/// A looked-ahead token still valid under `cx`. Like pwsh, a token scanned while signed
/// numbers were allowed (`-1`) is kept afterwards; a `-`/`+` scanned without is rescanned.
fn reusable(t: &Token, cx: LexContext) -> bool {
    if t.kind.is_mode_invariant() {
        return true;
    }
    let tc = t.context;
    tc.mode == cx.mode
        && tc.want_simple_name == cx.want_simple_name
        && (tc.allow_signed_numbers == cx.allow_signed_numbers
            || tc.allow_signed_numbers
            || !matches!(t.kind, Tok::Minus | Tok::Plus))
}

/// Parses a whole script. Errors are collected; any error means no tree.
pub(crate) fn parse_script(source: Rc<SourceFile>) -> Result<Rc<ScriptBlockAst>, ParseErrors> {
    parse_script_counting(source).0
}

/// `parse_script`, also returning the parser's work: the bytes of text its scans covered.
pub(crate) fn parse_script_counting(
    source: Rc<SourceFile>,
) -> (Result<Rc<ScriptBlockAst>, ParseErrors>, u64) {
    let text: &str = &source.text;
    let mut parser = Parser::new(source.clone(), text, text.len(), 0, ErrorSink::default());
    let mut ast = parser.script_block_rule(None);
    ast.type_definitions = std::mem::take(&mut parser.type_definitions);
    super::requires::read(&mut parser);
    // pwsh's semantic checks run on the tree, after the parse errors (if any, on the tree
    // error recovery left); they fail the script the same way.
    if !parser.sink.fatal {
        for d in super::semantic::check(&ast) {
            parser.emit(d);
        }
    }
    let errors = std::mem::take(&mut parser.sink.errors);
    let work = parser.lexer.work.get();
    if errors.is_empty() {
        (Ok(Rc::new(ast)), work)
    } else {
        (Err(ParseErrors { source, errors }), work)
    }
}

impl<'s> Parser<'s> {
    /// A parser over `full[..limit]` starting at `start`.
    pub fn new(
        source: Rc<SourceFile>,
        full: &'s str,
        limit: usize,
        start: usize,
        sink: ErrorSink,
    ) -> Parser<'s> {
        let text = full.get(..limit).unwrap_or(full);
        Parser {
            source,
            full,
            lexer: Lexer::new(text),
            pos: start,
            ungot: None,
            mode: Mode::Command,
            allow_signed: false,
            want_simple_name: false,
            disable_comma: false,
            splat_allowed: false,
            sink,
            type_definitions: Vec::new(),
        }
    }

    pub fn context(&self) -> LexContext {
        LexContext {
            mode: self.mode,
            allow_signed_numbers: self.allow_signed,
            want_simple_name: self.want_simple_name,
        }
    }

    pub fn source_text(&self, s: Span) -> &'s str {
        self.full
            .get(s.start as usize..s.end as usize)
            .unwrap_or("")
    }

    pub fn text_len(&self) -> usize {
        self.lexer.text.len()
    }

    fn scan_at(&mut self, pos: usize) -> Token {
        let cx = self.context();
        // Past the nesting limit, or once pwsh's ten errors have been reported (nothing more
        // would be shown), the rest of the input reads as its end: the recursion unwinds at
        // once and error recovery cannot rescan the rest of a long line again and again.
        if self.sink.fatal || self.sink.overflowed {
            let at = self.text_len();
            return Token {
                kind: Tok::Eof,
                span: span(at, at),
                context: cx,
            };
        }
        let mut diags = Vec::new();
        let token = self.lexer.next_token(pos, cx, &mut diags);
        for d in diags {
            self.emit(d);
        }
        token
    }

    /// The next token under the current context; a looked-ahead token scanned under another
    /// context is scanned again (PowerShell's `Resync` on a mode change).
    pub fn next_token(&mut self) -> Token {
        if let Some(t) = self.ungot.take() {
            if reusable(&t, self.context()) {
                return t;
            }
            self.pos = t.start();
        }
        let t = self.scan_at(self.pos);
        self.pos = t.end();
        t
    }

    pub fn peek(&mut self) -> &Token {
        let t = self.next_token();
        self.ungot.insert(t)
    }

    pub fn unget(&mut self, t: Token) {
        self.ungot = Some(t);
    }

    /// Consumes the token just peeked.
    pub fn skip(&mut self) {
        self.ungot = None;
    }

    /// Consumes a token scanned directly from the text (member access, `(` of a call).
    pub fn take_raw(&mut self, t: &Token) {
        self.ungot = None;
        self.pos = t.end();
    }

    pub fn has_ungot(&self) -> bool {
        self.ungot.is_some()
    }

    /// Where scanning would restart to see the next token again.
    pub fn restore_point(&self) -> usize {
        self.ungot.as_ref().map_or(self.pos, Token::start)
    }

    pub fn resync(&mut self, pos: usize) {
        self.ungot = None;
        self.pos = pos;
    }

    pub fn skip_newlines(&mut self) {
        while matches!(self.peek().kind, Tok::NewLine) {
            self.skip();
        }
    }

    pub fn skip_newlines_and_semicolons(&mut self) {
        while matches!(self.peek().kind, Tok::NewLine | Tok::Semi) {
            self.skip();
        }
    }

    /// Runs `f` with another tokenizer mode, restoring the old one afterwards.
    pub fn with_mode<T>(&mut self, mode: Mode, f: impl FnOnce(&mut Self) -> T) -> T {
        let old = self.mode;
        self.mode = mode;
        let r = f(self);
        self.mode = old;
        r
    }

    /// Runs `f` one nesting level deeper; past `MAX_NESTING` reports the error once and turns
    /// the rest of the input into end-of-input.
    pub fn nested<T>(&mut self, at: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        self.sink.depth += 1;
        if self.sink.depth > MAX_NESTING && !self.sink.fatal {
            self.emit(Diag::error(at, msg::SCRIPT_TOO_COMPLICATED, &[]));
            self.sink.fatal = true;
            self.ungot = None;
        }
        let r = f(self);
        self.sink.depth -= 1;
        r
    }

    /// One more link in a left-nested chain (`a.b.c`, `1 + 2 + 3`): the tree gets one level
    /// deeper, so it counts against the nesting limit too. Undo with `self.sink.depth = saved`.
    pub fn deeper(&mut self, at: Span) {
        self.sink.depth += 1;
        if self.sink.depth > MAX_NESTING && !self.sink.fatal {
            self.emit(Diag::error(at, msg::SCRIPT_TOO_COMPLICATED, &[]));
            self.sink.fatal = true;
            self.ungot = None;
        }
    }

    /// Records an error: deduplicated by id and span like pwsh's `SaveError`, capped at 10.
    pub fn emit(&mut self, d: Diag) {
        if self.sink.fatal || self.sink.overflowed {
            return;
        }
        let sp = self.clamp_to_chars(d.span);
        if self
            .sink
            .errors
            .iter()
            .any(|e| e.id == d.id && e.span == sp)
        {
            return;
        }
        if self.sink.errors.len() >= MAX_ERRORS {
            self.sink.overflowed = true;
            self.sink.errors.push(ParseError {
                id: msg::TOO_MANY_ERRORS.0,
                message: msg::TOO_MANY_ERRORS.1.to_string(),
                span: sp,
                incomplete: false,
            });
            self.ungot = None;
            return;
        }
        let incomplete = d
            .detected
            .is_some_and(|s| self.at_end_of_input(s.end as usize));
        self.sink.errors.push(ParseError {
            id: d.id,
            message: d.message,
            span: sp,
            incomplete,
        });
    }

    /// A span within the text and on character boundaries: positions computed a byte before
    /// or after a multi-byte character move to its start (an empty span) or take the whole
    /// character, as pwsh's positions count characters.
    fn clamp_to_chars(&self, s: Span) -> Span {
        let text = self.full;
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let start = floor(s.start as usize);
        let end = if s.end <= s.start {
            start
        } else {
            ceil(s.end as usize).max(start)
        };
        span(start, end)
    }

    pub fn error(&mut self, at: Span, template: msg::Template, args: &[&str]) {
        self.emit(Diag::error(at, template, args));
    }

    pub fn incomplete(&mut self, at: Span, template: msg::Template, args: &[&str]) {
        self.emit(Diag::incomplete(at, template, args));
    }

    pub fn incomplete_at(
        &mut self,
        at: Span,
        detected: Span,
        template: msg::Template,
        args: &[&str],
    ) {
        self.emit(Diag::incomplete_at(at, detected, template, args));
    }

    /// True when only whitespace and comments (not newlines) follow `offset`: more typing could
    /// complete the input (PowerShell's `IsAtEndOfScript(extent, checkCommentsAndWhitespace)`).
    fn at_end_of_input(&self, offset: usize) -> bool {
        if offset >= self.full.len() {
            return true;
        }
        // A position inside a character (a byte offset computed past a multi-byte one) looks
        // from the start of that character.
        let mut offset = offset;
        while !self.full.is_char_boundary(offset) {
            offset -= 1;
        }
        let mut cur = Cursor::new(self.full, offset);
        loop {
            cur.run(nom::bytes::complete::take_while(super::chars::is_ws));
            match cur.peek() {
                None => return true,
                Some('#') => {
                    cur.run(nom::bytes::complete::take_till(super::chars::is_newline));
                }
                Some('<') if cur.peek_second() == Some('#') => {
                    let rest = cur.rest();
                    match rest.get(2..).and_then(|r| r.find("#>")) {
                        Some(i) => cur.pos += i + 4,
                        None => return true,
                    }
                }
                Some(_) => return false,
            }
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.sink.errors.is_empty()
    }

    pub fn token_text(&self, t: &Token) -> &'s str {
        self.source_text(t.span)
    }

    // ----- script blocks -------------------------------------------------------------------

    /// A whole script (`lcurly` None) or the inside of `{ ... }` (PowerShell's
    /// `ScriptBlockRule`): optional attributes and `param(...)`, then named blocks or
    /// statements.
    pub fn script_block_rule(&mut self, lcurly: Option<&Token>) -> ScriptBlockAst {
        self.with_mode(Mode::Command, |p| {
            p.skip_newlines();
            // `using` statements come first in a script, before `param(...)`.
            let mut usings = Vec::new();
            if lcurly.is_none() {
                while p.peek().kind.is_keyword(Keyword::Using) {
                    let using = p.next_token();
                    if let Some((name, _)) = p.using_statement(&using) {
                        usings.push(name);
                    }
                    p.skip_newlines_and_semicolons();
                }
                p.source.usings.borrow_mut().clone_from(&usings);
            }
            let mut attributes = Vec::new();
            let mut param_block = None;
            if p.looks_like_param_block() {
                let restore = p.restore_point();
                match p.param_block_rule() {
                    Some((attrs, block)) => {
                        attributes = attrs;
                        param_block = Some(block);
                    }
                    None => p.resync(restore),
                }
            }
            p.skip_newlines_and_semicolons();
            let named = matches!(
                p.peek().kind,
                Tok::Keyword(
                    Keyword::Begin
                        | Keyword::Process
                        | Keyword::End
                        | Keyword::DynamicParam
                        | Keyword::Clean
                )
            );
            let start = lcurly.map_or(0, Token::start);
            let mut ast = ScriptBlockAst {
                span: span(start, start),
                source: p.source.clone(),
                attributes,
                param_block,
                begin: None,
                process: None,
                end: None,
                clean: None,
                usings,
                type_definitions: Vec::new(),
            };
            if named {
                p.named_block_list(lcurly, &mut ast);
                return ast;
            }
            let mut statements = Vec::new();
            loop {
                p.statement_list(&mut statements);
                if p.complete_script_block_body(lcurly, &mut ast.span) {
                    break;
                }
            }
            let body_span = match (statements.first(), statements.last()) {
                (Some(first), Some(last)) => first.span.to(last.span),
                _ => lcurly.map_or(span(0, 0), |t| after(t.span)),
            };
            ast.end = Some(Block {
                statements,
                span: body_span,
            });
            ast
        })
    }

    /// Cheap lookahead: do attributes (balanced brackets) and then `param` follow? Scanning the
    /// brackets without parsing them keeps nested script blocks linear.
    fn looks_like_param_block(&mut self) -> bool {
        self.attributes_then_keyword(|kw| kw == Keyword::Param)
    }

    /// Cheap lookahead like `looks_like_param_block`: do attributes and then `enum` or `class`
    /// follow (`[Flags()] enum E { }`)?
    pub fn looks_like_attributed_type_definition(&mut self) -> bool {
        self.attributes_then_keyword(|kw| matches!(kw, Keyword::Enum | Keyword::Class))
    }

    fn attributes_then_keyword(&mut self, wanted: impl Fn(Keyword) -> bool) -> bool {
        let start = self.restore_point();
        let mut cx = self.context();
        cx.mode = Mode::Expression;
        let mut diags = Vec::new();
        let mut pos = start;
        let mut depth = 0usize;
        loop {
            let t = self.lexer.next_token(pos, cx, &mut diags);
            pos = t.end();
            match t.kind {
                Tok::Eof => return false,
                Tok::NewLine if depth == 0 => {}
                // Only attributes (`[...]`) may stand before `param`: anything else opening at
                // the top decides at once, so `{{{...` is not scanned to its end at each `{`.
                Tok::LBracket => depth += 1,
                Tok::LParen | Tok::LCurly | Tok::AtParen | Tok::AtCurly | Tok::DollarParen
                    if depth == 0 =>
                {
                    return false;
                }
                // Deeper than the nesting limit the parse fails anyway: stop looking.
                _ if depth > MAX_NESTING => return false,
                Tok::LParen | Tok::LCurly | Tok::AtParen | Tok::AtCurly | Tok::DollarParen => {
                    depth += 1
                }
                Tok::RBracket | Tok::RParen | Tok::RCurly => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                _ if depth > 0 => {}
                _ => {
                    let mut command = cx;
                    command.mode = Mode::Command;
                    let t = self.lexer.next_token(t.start(), command, &mut diags);
                    return matches!(t.kind, Tok::Keyword(kw) if wanted(kw));
                }
            }
        }
    }

    /// `[CmdletBinding()] param( ... )`. None when `param` is not followed by `(`.
    fn param_block_rule(&mut self) -> Option<(Vec<Attribute>, ParamBlock)> {
        self.skip_newlines();
        let candidates = self.attribute_list(false);
        self.skip_newlines();
        let param = self.next_token();
        if !param.kind.is_keyword(Keyword::Param) {
            return None;
        }
        self.skip_newlines();
        let lparen = self.next_token();
        if !matches!(lparen.kind, Tok::LParen) {
            return None;
        }
        let params = self.nested(lparen.span, |p| p.parameter_list_rule());
        self.skip_newlines();
        let rparen = self.next_token();
        let end = if matches!(rparen.kind, Tok::RParen) {
            rparen.span
        } else {
            let last = params.last().map_or(lparen.span, |d| d.span);
            self.unget(rparen.clone());
            self.incomplete(after(last), msg::MISSING_END_PAREN_IN_PARAMETER_LIST, &[]);
            before(rparen.span)
        };
        let mut attributes = Vec::new();
        for candidate in candidates {
            match candidate {
                super::expression::AttributeOrType::Attribute(a) => attributes.push(a),
                super::expression::AttributeOrType::Type(t, extent) => {
                    let name = t.name.clone();
                    self.error(extent, msg::TYPE_NOT_ALLOWED_BEFORE_PARAM, &[&name]);
                }
            }
        }
        Some((
            attributes,
            ParamBlock {
                params,
                span: param.span.to(end),
            },
        ))
    }

    /// After the statements of a block: `}` (or end of input at top level). Returns false at top
    /// level after an unexpected token, to keep parsing the rest of the script.
    fn complete_script_block_body(&mut self, lcurly: Option<&Token>, sb_span: &mut Span) -> bool {
        match lcurly {
            Some(l) => {
                let t = self.next_token();
                if matches!(t.kind, Tok::RCurly) {
                    *sb_span = l.span.to(t.span);
                } else {
                    let detected = t.span;
                    let end = self.restore_point().max(l.end());
                    self.unget(t);
                    self.incomplete_at(l.span, detected, msg::MISSING_END_CURLY, &[]);
                    let end = end.min(detected.start as usize).max(l.end());
                    *sb_span = span(l.start(), end);
                }
                true
            }
            None => {
                *sb_span = span(0, self.source.text.len());
                let t = self.next_token();
                if matches!(t.kind, Tok::Eof) {
                    return true;
                }
                let text = self.token_text(&t);
                self.error(t.span, msg::UNEXPECTED_TOKEN, &[text]);
                false
            }
        }
    }

    /// `begin { } process { } end { }` (PowerShell's `NamedBlockListRule`).
    fn named_block_list(&mut self, lcurly: Option<&Token>, ast: &mut ScriptBlockAst) {
        loop {
            let name = self.next_token();
            let kw = match name.kind {
                Tok::Keyword(
                    kw @ (Keyword::Begin
                    | Keyword::Process
                    | Keyword::End
                    | Keyword::DynamicParam
                    | Keyword::Clean),
                ) => kw,
                Tok::RCurly | Tok::Eof => {
                    self.unget(name);
                    break;
                }
                _ => {
                    let text = self.token_text(&name);
                    if lcurly.is_some() {
                        self.unget(name.clone());
                    }
                    self.error(name.span, msg::MISSING_NAMED_BLOCKS, &[text]);
                    // pwsh returns the block here: no closing curly is looked for.
                    ast.span = match lcurly {
                        None => span(0, self.source.text.len()),
                        Some(l) => l.span.to(before(name.span)),
                    };
                    return;
                }
            };
            let block = match self.statement_block_rule() {
                Some(b) => b,
                None => {
                    self.incomplete(
                        after(name.span),
                        msg::MISSING_NAMED_STATEMENT_BLOCK,
                        &[kw.text()],
                    );
                    Block {
                        statements: Vec::new(),
                        span: name.span,
                    }
                }
            };
            let slot = match kw {
                Keyword::Begin => &mut ast.begin,
                Keyword::Process => &mut ast.process,
                Keyword::End => &mut ast.end,
                Keyword::Clean => &mut ast.clean,
                _ => {
                    let text = self.token_text(&name);
                    self.error(name.span, msg::NOT_EMULATED, &[text]);
                    self.skip_newlines_and_semicolons();
                    continue;
                }
            };
            if slot.is_some() {
                let extent = name.span.to(block.span);
                self.error(extent, msg::DUPLICATE_SCRIPT_COMMAND_CLAUSE, &[kw.text()]);
            } else {
                *slot = Some(block);
            }
            self.skip_newlines_and_semicolons();
        }
        let mut sb_span = ast.span;
        self.complete_script_block_body(lcurly, &mut sb_span);
        ast.span = sb_span;
    }

    /// `{ statements }` (PowerShell's `StatementBlockRule`); None when no `{` follows.
    pub fn statement_block_rule(&mut self) -> Option<Block> {
        self.skip_newlines();
        let lcurly = self.next_token();
        if !matches!(lcurly.kind, Tok::LCurly) {
            self.unget(lcurly);
            return None;
        }
        Some(self.nested(lcurly.span, |p| {
            let mut statements = Vec::new();
            p.statement_list(&mut statements);
            let rcurly = p.next_token();
            let end = if matches!(rcurly.kind, Tok::RCurly) {
                rcurly.span
            } else {
                let detected = rcurly.span;
                p.unget(rcurly);
                p.incomplete_at(lcurly.span, detected, msg::MISSING_END_CURLY, &[]);
                statements.last().map_or(lcurly.span, |s| s.span)
            };
            Block {
                statements,
                span: lcurly.span.to(end),
            }
        }))
    }

    /// Statements separated by newlines and `;`, up to `)`, `}` or end of input.
    pub fn statement_list(&mut self, statements: &mut Vec<Statement>) {
        self.skip_newlines_and_semicolons();
        loop {
            let before_pos = self.restore_point();
            let Some(statement) = self.statement_rule() else {
                break;
            };
            statements.push(statement);
            self.skip_newlines_and_semicolons();
            if matches!(self.peek().kind, Tok::RParen | Tok::RCurly) {
                break;
            }
            if self.restore_point() == before_pos {
                break;
            }
        }
    }
}
