//! Pipelines and commands (PowerShell's `PipelineChainRule`, `PipelineRule`, `CommandRule`):
//! assignments, pipe elements, command names and invocation operators, parameters
//! (`-Name`, `-Name:value`, `--`), argument-mode values and comma lists, splatting and
//! redirections. It must not parse expressions itself beyond calling `expression.rs`.

use super::ast::{
    AssignOp, Assignment, Command, CommandElement, ElementKind, Expr, ExprKind, InvocationOperator,
    ParameterToken, Pipeline, PipelineChain, PipelineElement, QuoteKind, RedirectStream,
    RedirectTarget, Redirection, Statement, StatementKind,
};
use super::messages as msg;
use super::parser::{Parser, after, placeholder_statement};
use super::span::Span;
use super::statement::statement;
use super::token::{Mode, Tok, Token};

/// Where an argument-mode value appears; only plain arguments take comma lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArgContext {
    CommandName,
    CommandNameAfterInvocation,
    FileName,
    CommandArgument,
    SwitchCondition,
}

pub(crate) fn bare(value: &str, span: Span) -> Expr {
    Expr {
        kind: ExprKind::StringLiteral {
            value: value.to_string(),
            quote: QuoteKind::Bare,
        },
        span,
    }
}

impl Parser<'_> {
    /// A pipeline or an assignment (`$x = <statement>`). None when nothing starts here.
    pub fn pipeline_chain_rule(&mut self) -> Option<Statement> {
        let (expr, assign) = self
            .with_mode(Mode::Expression, |p| {
                let expr = p.expression_rule()?;
                let t = p.peek().clone();
                if t.kind.is_assignment() {
                    p.skip();
                    return Some((expr, Some(t)));
                }
                Some((expr, None))
            })
            .map_or((None, None), |(e, a)| (Some(e), a));
        if let (Some(target), Some(op_token)) = (&expr, &assign) {
            let target_span = target.span;
            return Some(self.nested(op_token.span, |p| {
                p.skip_newlines();
                let value = match p.statement_rule() {
                    Some(s) => s,
                    None => {
                        let text = p.token_text(op_token);
                        p.incomplete(
                            after(op_token.span),
                            msg::EXPECTED_VALUE_EXPRESSION,
                            &[text],
                        );
                        placeholder_statement(after(op_token.span))
                    }
                };
                let op = match op_token.kind {
                    Tok::PlusEquals => AssignOp::Add,
                    Tok::MinusEquals => AssignOp::Subtract,
                    Tok::MultiplyEquals => AssignOp::Multiply,
                    Tok::DivideEquals => AssignOp::Divide,
                    Tok::RemainderEquals => AssignOp::Remainder,
                    Tok::QuestionQuestionEquals => AssignOp::Coalesce,
                    _ => AssignOp::Assign,
                };
                let span = target_span.to(value.span).to(op_token.span);
                let target = expr.unwrap_or_else(|| bare("", target_span));
                statement(
                    StatementKind::Assignment(Assignment {
                        target,
                        op,
                        op_span: op_token.span,
                        value: Box::new(value),
                    }),
                    span,
                )
            }));
        }
        let first = self.pipeline_rule(expr)?;
        let saved_depth = self.sink.depth;
        let chain = self.chain_rest(first);
        self.sink.depth = saved_depth;
        Some(chain)
    }

    /// After a pipeline: `&& pipeline` / `|| pipeline` links, left-associative (PowerShell's
    /// `PipelineChainRule`). A trailing `&` (background job) is not emulated.
    fn chain_rest(&mut self, mut chain: Statement) -> Statement {
        loop {
            let op = self.peek().clone();
            match op.kind {
                Tok::AndAnd | Tok::OrOr => {
                    self.skip();
                    self.skip_newlines();
                    self.deeper(op.span);
                    let first = self.peek().clone();
                    if matches!(first.kind, Tok::Eof) {
                        self.incomplete(after(op.span), msg::EMPTY_PIPELINE_CHAIN_ELEMENT, &[]);
                        return chain;
                    }
                    let Some(right) = self.pipeline_rule(None) else {
                        // `a && &` / `a && .`: the command rule has reported it already.
                        if !matches!(first.kind, Tok::Ampersand | Tok::Dot) {
                            let at = op.span.to(first.span);
                            self.error(at, msg::EMPTY_PIPELINE_CHAIN_ELEMENT, &[]);
                        }
                        return chain;
                    };
                    let span = chain.span.to(right.span);
                    chain = statement(
                        StatementKind::PipelineChain(PipelineChain {
                            left: Box::new(chain),
                            and: matches!(op.kind, Tok::AndAnd),
                            op_span: op.span,
                            right: Box::new(right),
                        }),
                        span,
                    );
                }
                Tok::Ampersand => {
                    self.skip();
                    let next = self.peek().clone();
                    if matches!(next.kind, Tok::AndAnd | Tok::OrOr) {
                        self.skip();
                        self.error(next.span, msg::BACKGROUND_OPERATOR_IN_CHAIN, &[]);
                    } else {
                        self.error(op.span, msg::NOT_EMULATED, &["&"]);
                    }
                    return chain;
                }
                _ => return chain,
            }
        }
    }

    /// `a | b | c`; the first element may be an expression (`start` when already parsed).
    fn pipeline_rule(&mut self, start: Option<Expr>) -> Option<Statement> {
        let mut elements: Vec<PipelineElement> = Vec::new();
        let mut expr = start;
        let mut pipe: Option<Token> = None;
        loop {
            if expr.is_none() {
                expr = self.with_mode(Mode::Expression, |p| p.expression_rule());
            }
            let element = match expr.take() {
                Some(e) => {
                    if !elements.is_empty() {
                        self.error(e.span, msg::EXPRESSIONS_MUST_BE_FIRST, &[]);
                    }
                    let mut redirections = Vec::new();
                    while self.peek().kind.is_redirection() {
                        let t = self.next_token();
                        if let Some(r) = self.redirection_rule(t, &redirections) {
                            redirections.push(r);
                        }
                    }
                    let span = redirections.last().map_or(e.span, |r| e.span.to(r.span));
                    Some(PipelineElement {
                        kind: ElementKind::Expression(e),
                        redirections,
                        span,
                    })
                }
                None => self.command_rule(),
            };
            match element {
                Some(el) => elements.push(el),
                None => {
                    if !elements.is_empty() || matches!(self.peek().kind, Tok::Pipe) {
                        let at = match &pipe {
                            Some(t) => after(t.span),
                            None => self.peek().span,
                        };
                        self.incomplete(at, msg::EMPTY_PIPE_ELEMENT, &[]);
                    }
                }
            }
            let mut next = self.peek().clone();
            if matches!(next.kind, Tok::NewLine) && self.pipe_continues(next.end()) {
                self.skip_newlines();
                next = self.peek().clone();
            }
            match next.kind {
                Tok::Semi
                | Tok::NewLine
                | Tok::RParen
                | Tok::RCurly
                | Tok::Eof
                | Tok::AndAnd
                | Tok::OrOr
                | Tok::Ampersand => break,
                Tok::Pipe => {
                    self.skip();
                    self.skip_newlines();
                    if matches!(self.peek().kind, Tok::Eof) {
                        self.incomplete(after(next.span), msg::EMPTY_PIPE_ELEMENT, &[]);
                        break;
                    }
                    pipe = Some(next);
                }
                _ => {
                    let text = self.token_text(&next);
                    self.error(next.span, msg::UNEXPECTED_TOKEN, &[text]);
                    break;
                }
            }
        }
        let first = elements.first()?.span;
        let last = elements.last().map_or(first, |e| e.span);
        let span = first.to(last);
        Some(statement(
            StatementKind::Pipeline(Pipeline { elements, span }),
            span,
        ))
    }

    /// pwsh 7.4: a line that starts with `|` continues the pipeline of the line before
    /// (no blank line between; comments allowed).
    fn pipe_continues(&self, from: usize) -> bool {
        let text = self.lexer.text;
        let mut cur = super::lexer::Cursor::new(text, from);
        let mut at_line_start = true;
        loop {
            cur.run(nom::bytes::complete::take_while(super::chars::is_ws));
            match cur.peek() {
                None => return false,
                Some('\n' | '\r') => {
                    if at_line_start {
                        return false;
                    }
                    at_line_start = true;
                    cur.bump();
                    cur.eat('\n');
                }
                Some('#') => {
                    at_line_start = false;
                    cur.run(nom::bytes::complete::take_till(super::chars::is_newline));
                }
                Some('<') if cur.peek_second() == Some('#') => {
                    at_line_start = false;
                    match cur.rest().get(2..).and_then(|r| r.find("#>")) {
                        Some(i) => cur.pos += i + 4,
                        None => return false,
                    }
                }
                Some(c) => return c == '|' && cur.peek_second() != Some('|'),
            }
        }
    }

    /// `2>$null`, `2>&1`, `> file`; `<` is reserved. None for errors and input redirection.
    fn redirection_rule(&mut self, t: Token, seen: &[Redirection]) -> Option<Redirection> {
        let text = self.token_text(&t);
        let result = match t.kind {
            Tok::FileRedirect { stream, append } => {
                let path = match self.single_command_argument(ArgContext::FileName) {
                    Some(p) => p,
                    None => {
                        self.error(after(t.span), msg::MISSING_FILE_SPECIFICATION, &[]);
                        bare("", t.span)
                    }
                };
                Redirection {
                    from: stream,
                    span: t.span.to(path.span),
                    target: RedirectTarget::File { path, append },
                }
            }
            Tok::MergeRedirect {
                from,
                to_output,
                same,
            } => {
                if !to_output || same {
                    self.error(t.span, msg::REDIRECTION_NOT_SUPPORTED, &[text]);
                }
                Redirection {
                    from,
                    target: RedirectTarget::MergeToOutput,
                    span: t.span,
                }
            }
            _ => {
                if self.single_command_argument(ArgContext::FileName).is_none() {
                    self.error(after(t.span), msg::MISSING_FILE_SPECIFICATION, &[]);
                }
                self.error(t.span, msg::REDIRECTION_NOT_SUPPORTED, &[text]);
                return None;
            }
        };
        if seen.iter().any(|r| r.from == result.from) {
            let stream = match result.from {
                RedirectStream::All => "* stream",
                RedirectStream::Output => "output stream",
                RedirectStream::Error => "error stream",
                RedirectStream::Warning => "warning stream",
                RedirectStream::Verbose => "verbose stream",
                RedirectStream::Debug => "debug stream",
                RedirectStream::Information => "information stream",
            };
            self.error(result.span, msg::STREAM_ALREADY_REDIRECTED, &[stream]);
            return None;
        }
        Some(result)
    }

    /// One argument-mode value (no comma list), e.g. a redirection target or switch clause.
    pub fn single_command_argument(&mut self, context: ArgContext) -> Option<Expr> {
        if matches!(self.peek().kind, Tok::Comma | Tok::Eof) {
            return None;
        }
        self.with_mode(Mode::Command, |p| {
            let t = p.next_token();
            p.command_argument(context, t)
        })
    }

    /// An argument-mode value starting with `token` (PowerShell's `GetCommandArgument`).
    /// In a plain argument, `a, b` makes one array.
    fn command_argument(&mut self, context: ArgContext, mut token: Token) -> Option<Expr> {
        let mut items: Vec<Expr> = Vec::new();
        let mut comma: Option<Span> = None;
        loop {
            let expr = match &token.kind {
                Tok::Pipe
                | Tok::RCurly
                | Tok::RParen
                | Tok::Eof
                | Tok::NewLine
                | Tok::Semi
                | Tok::FileRedirect { .. }
                | Tok::MergeRedirect { .. }
                | Tok::InputRedirect
                | Tok::AndAnd
                | Tok::OrOr
                | Tok::Ampersand
                | Tok::MinusMinus
                | Tok::Comma => {
                    self.unget(token);
                    let c = comma?;
                    self.incomplete(after(c), msg::MISSING_EXPRESSION_IN_PIPELINE, &[","]);
                    let first = items.first().map_or(c, |e| e.span);
                    return Some(Expr {
                        kind: ExprKind::ArrayLiteral(items),
                        span: first.to(c),
                    });
                }
                Tok::Variable { .. }
                | Tok::Number(_)
                | Tok::Str(_)
                | Tok::LParen
                | Tok::DollarParen
                | Tok::AtParen
                | Tok::AtCurly
                | Tok::LCurly => {
                    self.unget(token);
                    let splat_ok = self.splat_allowed;
                    self.splat_allowed = context == ArgContext::CommandArgument;
                    let e = self.primary_expression_rule(true);
                    self.splat_allowed = splat_ok;
                    e.unwrap_or_else(|| bare("", Span::default()))
                }
                Tok::Generic(s) if s.value == "--%" => return Some(bare(&s.value, token.span)),
                Tok::Generic(s) => {
                    if s.is_expandable() && context != ArgContext::CommandName {
                        self.expandable_string(s.clone(), token.span)
                    } else {
                        bare(&s.value, token.span)
                    }
                }
                _ => bare(self.token_text(&token), token.span),
            };
            if context != ArgContext::CommandArgument {
                return Some(expr);
            }
            let next = self.peek().clone();
            if !matches!(next.kind, Tok::Comma) {
                if items.is_empty() {
                    return Some(expr);
                }
                items.push(expr);
                break;
            }
            comma = Some(next.span);
            items.push(expr);
            self.skip();
            self.skip_newlines();
            token = self.next_token();
        }
        let first = items.first().map_or(Span::default(), |e| e.span);
        let last = items.last().map_or(first, |e| e.span);
        Some(Expr {
            kind: ExprKind::ArrayLiteral(items),
            span: first.to(last),
        })
    }

    /// `Name args`, `& expr args`, `. expr args` (PowerShell's `CommandRule`).
    fn command_rule(&mut self) -> Option<PipelineElement> {
        self.with_mode(Mode::Command, |p| {
            let first = p.next_token();
            let mut end = first.span;
            let (invocation, mut token) = match first.kind {
                Tok::Dot => (InvocationOperator::DotSource, p.next_token()),
                Tok::Ampersand => (InvocationOperator::Call, p.next_token()),
                _ => (InvocationOperator::None, first.clone()),
            };
            let mut context = if invocation == InvocationOperator::None {
                ArgContext::CommandName
            } else {
                ArgContext::CommandNameAfterInvocation
            };
            let mut name: Option<Expr> = None;
            let mut elements: Vec<CommandElement> = Vec::new();
            let mut redirections: Vec<Redirection> = Vec::new();
            let mut saw_dash_dash = false;
            loop {
                let naming = name.is_none();
                match &token.kind {
                    Tok::Pipe
                    | Tok::RCurly
                    | Tok::RParen
                    | Tok::Eof
                    | Tok::NewLine
                    | Tok::Semi
                    | Tok::AndAnd
                    | Tok::OrOr
                    | Tok::Ampersand => {
                        p.unget(token);
                        break;
                    }
                    Tok::MinusMinus if !naming => {
                        end = token.span;
                        if saw_dash_dash {
                            elements.push(CommandElement::Argument(bare("--", token.span)));
                        } else {
                            elements.push(CommandElement::Parameter(ParameterToken {
                                name: "-".to_string(),
                                span: token.span,
                                colon: false,
                                argument: None,
                            }));
                        }
                        saw_dash_dash = true;
                    }
                    Tok::Comma => {
                        end = token.span;
                        p.error(token.span, msg::MISSING_ARGUMENT, &[]);
                        p.skip_newlines();
                    }
                    Tok::Parameter { name: pname, colon } => {
                        let text = p.token_text(&token);
                        if naming || saw_dash_dash {
                            end = token.span;
                            let e = bare(text, token.span);
                            if naming {
                                name = Some(e);
                            } else {
                                elements.push(CommandElement::Argument(e));
                            }
                        } else {
                            let mut argument = None;
                            let mut extent = token.span;
                            if *colon && !matches!(p.peek().kind, Tok::Comma) {
                                let next = p.next_token();
                                match p.command_argument(ArgContext::CommandArgument, next) {
                                    Some(a) => {
                                        extent = token.span.to(a.span);
                                        argument = Some(a);
                                    }
                                    None => {
                                        p.error(
                                            after(token.span),
                                            msg::PARAMETER_REQUIRES_ARGUMENT,
                                            &[text],
                                        );
                                    }
                                }
                            }
                            end = extent;
                            elements.push(CommandElement::Parameter(ParameterToken {
                                name: pname.clone(),
                                span: token.span,
                                colon: *colon,
                                argument,
                            }));
                        }
                    }
                    k if k.is_redirection() && naming => {
                        end = token.span;
                        name = Some(bare(p.token_text(&token), token.span));
                    }
                    k if k.is_redirection() => {
                        let t = token.clone();
                        if let Some(r) = p.redirection_rule(t, &redirections) {
                            end = r.span;
                            redirections.push(r);
                        } else {
                            end = token.span;
                        }
                    }
                    _ => {
                        let verbatim = matches!(&token.kind, Tok::Generic(s) if s.value == "--%");
                        let t = token.clone();
                        let Some(arg) = p.command_argument(context, t) else {
                            break;
                        };
                        end = arg.span;
                        if naming {
                            name = Some(arg);
                        } else {
                            elements.push(CommandElement::Argument(arg));
                        }
                        if verbatim {
                            let text = p.verbatim_argument();
                            if let Some(e) = text {
                                end = e.span;
                                elements.push(CommandElement::Argument(e));
                            }
                            break;
                        }
                    }
                }
                context = ArgContext::CommandArgument;
                token = p.next_token();
            }
            let Some(name) = name else {
                if invocation != InvocationOperator::None {
                    let text = p.token_text(&first);
                    p.error(first.span, msg::MISSING_EXPRESSION_IN_PIPELINE, &[text]);
                }
                return None;
            };
            let span = first.span.to(end);
            Some(PipelineElement {
                kind: ElementKind::Command(Command {
                    invocation,
                    name,
                    elements,
                    span,
                }),
                redirections,
                span,
            })
        })
    }

    /// After `--%`: the rest of the line, taken literally (up to `|` outside quotes).
    fn verbatim_argument(&mut self) -> Option<Expr> {
        if self.has_ungot() {
            return None;
        }
        let text = self.lexer.text;
        let mut cur = super::lexer::Cursor::new(text, self.restore_point());
        cur.run(nom::bytes::complete::take_while(super::chars::is_ws));
        let start = cur.pos;
        let mut quoted = false;
        while let Some(c) = cur.peek() {
            if c == '\r'
                || c == '\n'
                || (!quoted && (c == '|' || (c == '&' && cur.peek_second() == Some('&'))))
            {
                break;
            }
            if super::chars::is_double_quote(c) {
                quoted = !quoted;
            }
            cur.bump();
        }
        let end = cur.pos;
        self.resync(end);
        (end > start).then(|| bare(cur.slice(start, end), Span::new(start, end)))
    }
}
