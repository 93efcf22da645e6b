//! Statement rules (PowerShell's `StatementRule` family): `if`/`elseif`/`else`, `switch`,
//! `foreach`, `for`, `while`, `do`, `function`/`filter`, `try`/`catch`/`finally`, flow control
//! (`throw`, `return`, `exit`, `break`, `continue`) and loop labels. Pipelines and assignments
//! are in `command.rs`, expressions in `expression.rs`; this file must not scan text itself.

use std::rc::Rc;

use super::ast::{
    Block, CatchClause, DataStatement, DoLoopStatement, ElementKind, Expr, ExprKind, ForStatement,
    ForeachStatement, FunctionDef, IfClause, IfStatement, Pipeline, PipelineElement, QuoteKind,
    Statement, StatementKind, SwitchClause, SwitchFlags, SwitchStatement, TrapStatement,
    TryStatement, TypeName, WhileStatement,
};
use super::command::ArgContext;
use super::expression::AttributeOrType;
use super::messages as msg;
use super::parser::{Parser, after, placeholder_statement};
use super::span::Span;
use super::token::{Keyword, Mode, Tok, Token};

impl Parser<'_> {
    /// One statement, or None at end of input (or where no statement can start).
    pub fn statement_rule(&mut self) -> Option<Statement> {
        let mut token = self.next_token();
        // After an error, stray `else`/`catch`/... are eaten rather than run as commands.
        while self.has_errors()
            && matches!(
                token.kind,
                Tok::Keyword(Keyword::Else | Keyword::ElseIf | Keyword::Catch | Keyword::Until)
            )
        {
            self.skip_newlines();
            token = self.next_token();
        }
        let mut type_attributes = Vec::new();
        if matches!(token.kind, Tok::LBracket | Tok::Generic(_))
            && self.token_text(&token).starts_with('[')
        {
            self.unget(token);
            if self.looks_like_attributed_type_definition() {
                type_attributes = self
                    .attribute_list(false)
                    .into_iter()
                    .filter_map(|a| match a {
                        AttributeOrType::Attribute(a) => Some(a),
                        AttributeOrType::Type(..) => None,
                    })
                    .collect();
                self.skip_newlines();
            }
            token = self.next_token();
        }
        let kw = match token.kind {
            Tok::Keyword(kw) => kw,
            Tok::Label(ref name) => {
                let name = name.clone();
                self.skip_newlines();
                return Some(self.labeled_statement(token, name));
            }
            Tok::Eof => {
                self.unget(token);
                return None;
            }
            _ => {
                self.unget(token);
                return self.pipeline_chain_rule();
            }
        };
        let statement = match kw {
            Keyword::If => self.if_statement(&token),
            Keyword::Switch => self.switch_statement(None, &token),
            Keyword::Foreach => self.foreach_statement(None, &token),
            Keyword::For => self.for_statement(None, &token),
            Keyword::While => self.while_statement(None, &token),
            Keyword::Do => self.do_statement(None, &token),
            Keyword::Function | Keyword::Filter => self.function_statement(&token),
            Keyword::Return | Keyword::Throw | Keyword::Exit => {
                let pipeline = self.pipeline_chain_rule().map(Box::new);
                let end = pipeline.as_ref().map_or(token.span, |p| p.span);
                let kind = match kw {
                    Keyword::Return => StatementKind::Return(pipeline),
                    Keyword::Throw => StatementKind::Throw(pipeline),
                    _ => StatementKind::Exit(pipeline),
                };
                statement(kind, token.span.to(end))
            }
            Keyword::Break | Keyword::Continue => self.break_or_continue(&token, kw),
            Keyword::Try => self.try_statement(&token),
            Keyword::Trap => self.trap_statement(&token),
            Keyword::Using => {
                // Parsed for recovery, but only allowed at the start of a script.
                let end = self
                    .using_statement(&token)
                    .map_or(token.span, |(_, at)| at);
                self.error(token.span.to(end), msg::USING_MUST_BE_AT_START, &[]);
                placeholder_statement(token.span)
            }
            Keyword::From | Keyword::Define | Keyword::Var => {
                self.error(token.span, msg::RESERVED_KEYWORD_NOT_ALLOWED, &[kw.text()]);
                placeholder_statement(token.span)
            }
            // pwsh parses a workflow as a function, then refuses it.
            Keyword::Workflow => {
                let parsed = self.function_statement(&token);
                if !self.has_errors() {
                    self.error(parsed.span, msg::WORKFLOW_NOT_SUPPORTED, &[]);
                }
                parsed
            }
            Keyword::Data => self.data_statement(&token),
            Keyword::Class | Keyword::Enum => self.type_definition(type_attributes, &token),
            Keyword::Parallel | Keyword::Sequence | Keyword::Configuration => {
                let text = self.token_text(&token);
                self.error(token.span, msg::NOT_EMULATED, &[text]);
                placeholder_statement(token.span)
            }
            _ => {
                self.unget(token);
                return self.pipeline_chain_rule();
            }
        };
        Some(statement)
    }

    /// After `using`: `namespace Name` gives the name and where it ends. `using module` and
    /// `using assembly` are reported as not emulated.
    pub fn using_statement(&mut self, using: &Token) -> Option<(String, Span)> {
        let kind = self.next_token();
        let kw = match kind.kind {
            Tok::Keyword(kw @ (Keyword::Namespace | Keyword::Module | Keyword::Assembly)) => kw,
            _ => {
                let at = kind.span;
                self.unget(kind);
                self.incomplete_at(after(using.span), at, msg::MISSING_USING_DIRECTIVE, &[]);
                return None;
            }
        };
        let name = self.next_token();
        let text = match &name.kind {
            Tok::Generic(s) | Tok::Str(s) => s.value.clone(),
            Tok::Identifier(s) => s.clone(),
            _ => {
                let at = name.span;
                self.unget(name);
                self.incomplete_at(after(kind.span), at, msg::MISSING_USING_ITEM_NAME, &[]);
                return None;
            }
        };
        if kw != Keyword::Namespace {
            let what = format!("using {}", kw.text());
            self.error(using.span.to(name.span), msg::NOT_EMULATED, &[&what]);
            return None;
        }
        // pwsh's RequireStatementTerminator: a newline, `;` or the end must follow.
        let terminator = self.peek().clone();
        match terminator.kind {
            Tok::NewLine | Tok::Semi => self.skip(),
            Tok::Eof => {}
            _ => self.incomplete(terminator.span, msg::MISSING_STATEMENT_TERMINATOR, &[]),
        }
        Some((text, name.span))
    }

    /// `break`/`continue` with their label (kept out of `statement_rule`, which recurses, so
    /// that its frame stays small).
    #[inline(never)]
    fn break_or_continue(&mut self, token: &Token, kw: Keyword) -> Statement {
        let (label, end) = self.label_or_key();
        let is_break = kw == Keyword::Break;
        let label = match label {
            Some(LabelOrKey::Expr(e)) => {
                let span = token.span.to(e.span);
                let label = Box::new(e);
                return statement(StatementKind::FlowToLabel { is_break, label }, span);
            }
            Some(LabelOrKey::Name(n)) => Some(n),
            None => None,
        };
        let kind = if is_break {
            StatementKind::Break(label)
        } else {
            StatementKind::Continue(label)
        };
        statement(kind, token.span.to(end.unwrap_or(token.span)))
    }

    /// `break`/`continue` target: a simple name, or (rarely) an expression.
    fn label_or_key(&mut self) -> (Option<LabelOrKey>, Option<Span>) {
        if let Some((name, at)) = self.simple_name() {
            return (Some(LabelOrKey::Name(name)), Some(at));
        }
        if matches!(self.peek().kind, Tok::NewLine | Tok::Semi) {
            return (None, None);
        }
        let old = self.disable_comma;
        self.disable_comma = true;
        let expr = self.with_mode(Mode::Expression, |p| p.unary_expression_rule());
        self.disable_comma = old;
        match expr {
            Some(Expr {
                kind: ExprKind::StringLiteral { value, .. },
                span,
            }) => (Some(LabelOrKey::Name(value)), Some(span)),
            Some(e) => {
                let at = e.span;
                (Some(LabelOrKey::Expr(e)), Some(at))
            }
            None => (None, None),
        }
    }

    fn labeled_statement(&mut self, label_token: Token, label: String) -> Statement {
        let token = self.next_token();
        let l = Some((label, label_token.span));
        match token.kind {
            Tok::Keyword(Keyword::Switch) => self.switch_statement(l, &token),
            Tok::Keyword(Keyword::Foreach) => self.foreach_statement(l, &token),
            Tok::Keyword(Keyword::For) => self.for_statement(l, &token),
            Tok::Keyword(Keyword::While) => self.while_statement(l, &token),
            Tok::Keyword(Keyword::Do) => self.do_statement(l, &token),
            _ => {
                self.resync(label_token.start());
                self.pipeline_chain_rule()
                    .unwrap_or_else(|| placeholder_statement(label_token.span))
            }
        }
    }

    fn if_statement(&mut self, if_token: &Token) -> Statement {
        let mut clauses = Vec::new();
        let mut else_body = None;
        let mut keyword = if_token.clone();
        loop {
            self.skip_newlines();
            let lparen = self.next_token();
            let keyword_text = self.token_text(&keyword);
            if !matches!(lparen.kind, Tok::LParen) {
                self.unget(lparen);
                self.incomplete(
                    after(keyword.span),
                    msg::MISSING_OPEN_PAREN_IN_IF,
                    &[keyword_text],
                );
                return placeholder_statement(if_token.span.to(keyword.span));
            }
            self.skip_newlines();
            let condition = match self.pipeline_chain_rule() {
                Some(c) => Some(c),
                None => {
                    self.incomplete(
                        after(lparen.span),
                        msg::IF_MISSING_CONDITION,
                        &[keyword_text],
                    );
                    None
                }
            };
            self.skip_newlines();
            let rparen = self.next_token();
            if !matches!(rparen.kind, Tok::RParen) {
                let at = rparen.span;
                self.unget(rparen);
                if condition.is_some() {
                    self.incomplete(at, msg::MISSING_END_PAREN_AFTER_STATEMENT, &[keyword_text]);
                }
                return placeholder_statement(if_token.span);
            }
            self.skip_newlines();
            let Some(body) = self.statement_block_rule() else {
                self.incomplete(rparen.span, msg::MISSING_STATEMENT_BLOCK, &[keyword_text]);
                return placeholder_statement(if_token.span.to(rparen.span));
            };
            let condition = condition.unwrap_or_else(|| placeholder_statement(after(lparen.span)));
            clauses.push(IfClause {
                condition: Box::new(condition),
                body,
            });
            let restore = self.restore_point();
            self.skip_newlines();
            let next = self.peek().clone();
            match next.kind {
                Tok::Keyword(Keyword::ElseIf) => {
                    self.skip();
                    keyword = next;
                    continue;
                }
                Tok::Keyword(Keyword::Else) => {
                    self.skip();
                    self.skip_newlines();
                    match self.statement_block_rule() {
                        Some(b) => else_body = Some(b),
                        None => {
                            self.incomplete(
                                after(next.span),
                                msg::MISSING_STATEMENT_BLOCK_AFTER_ELSE,
                                &[],
                            );
                            return placeholder_statement(if_token.span.to(next.span));
                        }
                    }
                }
                _ => self.resync(restore),
            }
            break;
        }
        let end = else_body
            .as_ref()
            .map(|b| b.span)
            .or_else(|| clauses.last().map(|c| c.body.span))
            .unwrap_or(if_token.span);
        statement(
            StatementKind::If(IfStatement { clauses, else_body }),
            if_token.span.to(end),
        )
    }

    fn switch_statement(
        &mut self,
        label: Option<(String, Span)>,
        switch_token: &Token,
    ) -> Statement {
        let start = label.as_ref().map_or(switch_token.span, |l| l.1);
        let mut end_error = start;
        let mut is_error = false;
        let mut incomplete_reported = false;
        let mut flags = SwitchFlags::default();
        let mut value: Option<Statement> = None;
        self.skip_newlines();
        loop {
            let t = self.peek().clone();
            let Tok::Parameter { ref name, .. } = t.kind else {
                break;
            };
            self.skip();
            end_error = t.span;
            let lower = name.to_ascii_lowercase();
            let is = |full: &str| full.starts_with(&lower);
            if is("regex") {
                flags.regex = true;
                flags.wildcard = false;
            } else if is("wildcard") {
                flags.wildcard = true;
                flags.regex = false;
            } else if is("exact") {
                flags.regex = false;
                flags.wildcard = false;
                flags.exact = true;
            } else if is("casesensitive") {
                flags.case_sensitive = true;
            } else if is("file") {
                // `-file path`: the path is one command argument, the switch's value.
                flags.file = true;
                self.skip_newlines();
                match self.single_command_argument(ArgContext::FileName) {
                    Some(path) => {
                        end_error = path.span;
                        let span = path.span;
                        value = Some(Statement {
                            kind: StatementKind::Pipeline(Pipeline {
                                elements: vec![PipelineElement {
                                    kind: ElementKind::Expression(path),
                                    redirections: Vec::new(),
                                    span,
                                }],
                                span,
                            }),
                            span,
                        });
                    }
                    None => {
                        is_error = true;
                        self.incomplete(after(t.span), msg::MISSING_FILENAME_OPTION, &[]);
                        incomplete_reported = self.last_error_incomplete();
                    }
                }
            } else if is("parallel") {
                let text = self.token_text(&t);
                self.error(t.span, msg::NOT_EMULATED, &[text]);
                is_error = true;
            } else {
                is_error = true;
                self.error(t.span, msg::INVALID_SWITCH_FLAG, &[name]);
            }
        }
        let lparen = self.peek().clone();
        if matches!(lparen.kind, Tok::LParen) {
            self.skip();
            end_error = lparen.span;
            if flags.file {
                is_error = true;
                self.error(lparen.span, msg::PIPELINE_VALUE_REQUIRED, &[]);
            }
            self.skip_newlines();
            value = self.pipeline_chain_rule();
            match &value {
                None => {
                    is_error = true;
                    self.incomplete(after(lparen.span), msg::PIPELINE_VALUE_REQUIRED, &[]);
                    incomplete_reported = self.last_error_incomplete();
                }
                Some(v) => end_error = v.span,
            }
            self.skip_newlines();
            let rparen = self.next_token();
            if matches!(rparen.kind, Tok::RParen) {
                end_error = rparen.span;
            } else {
                self.unget(rparen);
                if !incomplete_reported {
                    is_error = true;
                    self.incomplete(after(end_error), msg::MISSING_END_PAREN_IN_SWITCH, &[]);
                    incomplete_reported = self.last_error_incomplete();
                }
            }
        } else if !flags.file {
            is_error = true;
            self.incomplete(after(end_error), msg::PIPELINE_VALUE_REQUIRED, &[]);
            incomplete_reported = self.last_error_incomplete();
        }
        self.skip_newlines();
        let lcurly = self.next_token();
        let mut clauses = Vec::new();
        let mut default: Option<Block> = None;
        let mut rcurly_span = None;
        if !matches!(lcurly.kind, Tok::LCurly) {
            self.unget(lcurly);
            if !incomplete_reported {
                is_error = true;
                self.incomplete(after(end_error), msg::MISSING_CURLY_IN_SWITCH, &[]);
            }
        } else {
            end_error = lcurly.span;
            self.nested(lcurly.span, |p| {
                p.skip_newlines();
                loop {
                    let t = p.peek().clone();
                    let is_default = t.kind.is_keyword(Keyword::Default);
                    let condition = if is_default {
                        p.skip();
                        Expr {
                            kind: ExprKind::StringLiteral {
                                value: p.token_text(&t).to_string(),
                                quote: QuoteKind::Bare,
                            },
                            span: t.span,
                        }
                    } else {
                        match p.single_command_argument(super::command::ArgContext::SwitchCondition)
                        {
                            Some(c) => c,
                            None => {
                                is_error = true;
                                p.incomplete(after(end_error), msg::MISSING_SWITCH_CONDITION, &[]);
                                if matches!(p.peek().kind, Tok::RCurly) {
                                    p.skip();
                                }
                                break;
                            }
                        }
                    };
                    end_error = condition.span;
                    match p.statement_block_rule() {
                        None => {
                            is_error = true;
                            p.incomplete(after(end_error), msg::MISSING_SWITCH_CLAUSE, &[]);
                            incomplete_reported = p.last_error_incomplete();
                        }
                        Some(body) => {
                            end_error = body.span;
                            if is_default {
                                if default.is_some() {
                                    is_error = true;
                                    p.error(condition.span, msg::MULTIPLE_SWITCH_DEFAULTS, &[]);
                                }
                                default = Some(body);
                            } else {
                                clauses.push(SwitchClause { condition, body });
                            }
                        }
                    }
                    p.skip_newlines_and_semicolons();
                    let t = p.peek().clone();
                    if matches!(t.kind, Tok::RCurly) {
                        p.skip();
                        rcurly_span = Some(t.span);
                        break;
                    }
                    if matches!(t.kind, Tok::Eof) {
                        if !incomplete_reported {
                            is_error = true;
                            p.incomplete_at(lcurly.span, t.span, msg::MISSING_END_CURLY, &[]);
                        }
                        break;
                    }
                }
            });
        }
        if is_error {
            return placeholder_statement(start.to(end_error));
        }
        let value = value.unwrap_or_else(|| placeholder_statement(start));
        statement(
            StatementKind::Switch(SwitchStatement {
                label: label.map(|l| l.0),
                flags,
                value: Box::new(value),
                clauses,
                default,
            }),
            start.to(rcurly_span.unwrap_or(end_error)),
        )
    }

    fn last_error_incomplete(&self) -> bool {
        self.sink.errors.last().is_some_and(|e| e.incomplete)
    }

    fn foreach_statement(
        &mut self,
        label: Option<(String, Span)>,
        foreach_token: &Token,
    ) -> Statement {
        let start = label.as_ref().map_or(foreach_token.span, |l| l.1);
        self.skip_newlines();
        loop {
            let t = self.peek().clone();
            let Tok::Parameter { ref name, .. } = t.kind else {
                break;
            };
            self.skip();
            let lower = name.to_ascii_lowercase();
            if "parallel".starts_with(&lower) || "throttlelimit".starts_with(&lower) {
                let text = self.token_text(&t);
                self.error(t.span, msg::NOT_EMULATED, &[text]);
            } else {
                self.error(t.span, msg::INVALID_FOREACH_FLAG, &[name]);
            }
            self.skip_newlines();
        }
        let kw = Keyword::Foreach.text();
        let lparen = self.next_token();
        if !matches!(lparen.kind, Tok::LParen) {
            self.unget(lparen);
            self.incomplete(
                after(foreach_token.span),
                msg::MISSING_OPEN_PAREN_AFTER_KEYWORD,
                &[kw],
            );
            return placeholder_statement(start.to(foreach_token.span));
        }
        self.skip_newlines();
        let var = self.next_token();
        let Tok::Variable { var: variable, .. } = var.kind.clone() else {
            self.unget(var);
            self.incomplete(after(lparen.span), msg::MISSING_VARIABLE_AFTER_FOREACH, &[]);
            return placeholder_statement(start.to(lparen.span));
        };
        self.skip_newlines();
        let in_token = self.next_token();
        if !in_token.kind.is_keyword(Keyword::In) {
            self.unget(in_token);
            self.incomplete(after(var.span), msg::MISSING_IN_IN_FOREACH, &[]);
            return placeholder_statement(start.to(var.span));
        }
        self.skip_newlines();
        let Some(iterable) = self.pipeline_chain_rule() else {
            self.incomplete(after(in_token.span), msg::MISSING_FOREACH_EXPRESSION, &[]);
            return placeholder_statement(start.to(in_token.span));
        };
        self.skip_newlines();
        let rparen = self.next_token();
        if !matches!(rparen.kind, Tok::RParen) {
            self.unget(rparen);
            self.incomplete(
                after(iterable.span),
                msg::MISSING_END_PAREN_AFTER_FOREACH,
                &[],
            );
            return placeholder_statement(start.to(iterable.span));
        }
        let Some(body) = self.statement_block_rule() else {
            self.incomplete(after(rparen.span), msg::MISSING_FOREACH_STATEMENT, &[]);
            return placeholder_statement(start.to(rparen.span));
        };
        let end = body.span;
        statement(
            StatementKind::Foreach(ForeachStatement {
                label: label.map(|l| l.0),
                variable,
                variable_span: var.span,
                iterable: Box::new(iterable),
                body,
            }),
            start.to(end),
        )
    }

    fn for_statement(&mut self, label: Option<(String, Span)>, for_token: &Token) -> Statement {
        let start = label.as_ref().map_or(for_token.span, |l| l.1);
        let kw = Keyword::For.text();
        self.skip_newlines();
        let lparen = self.next_token();
        if !matches!(lparen.kind, Tok::LParen) {
            self.unget(lparen);
            self.incomplete(
                after(for_token.span),
                msg::MISSING_OPEN_PAREN_AFTER_KEYWORD,
                &[kw],
            );
            return placeholder_statement(start.to(for_token.span));
        }
        let mut end_error: Option<Span> = None;
        let mut part = |p: &mut Self, last: bool| {
            p.skip_newlines();
            let s = p.pipeline_chain_rule();
            if let Some(s) = &s {
                end_error = Some(s.span);
            }
            if !last && matches!(p.peek().kind, Tok::Semi) {
                end_error = Some(p.next_token().span);
            }
            s
        };
        let init = part(self, false);
        let condition = part(self, false);
        let iterator = part(self, true);
        self.skip_newlines();
        let rparen = self.next_token();
        if !matches!(rparen.kind, Tok::RParen) {
            self.unget(rparen);
            let at = end_error.unwrap_or(lparen.span);
            self.incomplete(after(at), msg::MISSING_END_PAREN_AFTER_STATEMENT, &[kw]);
            return placeholder_statement(start.to(at));
        }
        let Some(body) = self.statement_block_rule() else {
            self.incomplete(after(rparen.span), msg::MISSING_LOOP_STATEMENT, &[kw]);
            return placeholder_statement(start.to(rparen.span));
        };
        let end = body.span;
        statement(
            StatementKind::For(ForStatement {
                label: label.map(|l| l.0),
                init: init.map(Box::new),
                condition: condition.map(Box::new),
                iterator: iterator.map(Box::new),
                body,
            }),
            start.to(end),
        )
    }

    fn while_statement(&mut self, label: Option<(String, Span)>, while_token: &Token) -> Statement {
        let start = label.as_ref().map_or(while_token.span, |l| l.1);
        let kw = Keyword::While.text();
        self.skip_newlines();
        let lparen = self.next_token();
        if !matches!(lparen.kind, Tok::LParen) {
            self.unget(lparen);
            let text = self.token_text(while_token);
            self.incomplete(
                after(while_token.span),
                msg::MISSING_OPEN_PAREN_AFTER_KEYWORD,
                &[text],
            );
            return placeholder_statement(start.to(while_token.span));
        }
        self.skip_newlines();
        let condition = self.pipeline_chain_rule();
        if condition.is_none() {
            self.incomplete(
                after(lparen.span),
                msg::MISSING_EXPRESSION_AFTER_KEYWORD,
                &[kw],
            );
        }
        self.skip_newlines();
        let rparen = self.next_token();
        if !matches!(rparen.kind, Tok::RParen) {
            self.unget(rparen);
            if let Some(c) = &condition {
                self.incomplete(after(c.span), msg::MISSING_END_PAREN_AFTER_STATEMENT, &[kw]);
            }
            return placeholder_statement(start);
        }
        self.skip_newlines();
        let Some(body) = self.statement_block_rule() else {
            self.incomplete(after(rparen.span), msg::MISSING_LOOP_STATEMENT, &[kw]);
            return placeholder_statement(start.to(rparen.span));
        };
        let Some(condition) = condition else {
            return placeholder_statement(start.to(body.span));
        };
        let end = body.span;
        statement(
            StatementKind::While(WhileStatement {
                label: label.map(|l| l.0),
                condition: Box::new(condition),
                body,
            }),
            start.to(end),
        )
    }

    fn do_statement(&mut self, label: Option<(String, Span)>, do_token: &Token) -> Statement {
        let start = label.as_ref().map_or(do_token.span, |l| l.1);
        let Some(body) = self.statement_block_rule() else {
            self.incomplete(
                after(do_token.span),
                msg::MISSING_LOOP_STATEMENT,
                &[Keyword::Do.text()],
            );
            return placeholder_statement(start.to(do_token.span));
        };
        self.skip_newlines();
        let word = self.next_token();
        let until = match word.kind {
            Tok::Keyword(Keyword::While) => false,
            Tok::Keyword(Keyword::Until) => true,
            _ => {
                self.unget(word);
                self.incomplete(after(body.span), msg::MISSING_WHILE_OR_UNTIL, &[]);
                return placeholder_statement(start.to(body.span));
            }
        };
        let kw = if until { "until" } else { "while" };
        self.skip_newlines();
        let lparen = self.next_token();
        if !matches!(lparen.kind, Tok::LParen) {
            self.unget(lparen);
            self.incomplete(
                after(word.span),
                msg::MISSING_OPEN_PAREN_AFTER_KEYWORD,
                &[kw],
            );
            return placeholder_statement(start.to(word.span));
        }
        self.skip_newlines();
        let condition = self.pipeline_chain_rule();
        if condition.is_none() {
            self.incomplete(
                after(lparen.span),
                msg::MISSING_EXPRESSION_AFTER_KEYWORD,
                &[kw],
            );
        }
        self.skip_newlines();
        let rparen = self.next_token();
        if !matches!(rparen.kind, Tok::RParen) {
            self.unget(rparen);
            if let Some(c) = &condition {
                self.incomplete(after(c.span), msg::MISSING_END_PAREN_AFTER_STATEMENT, &[kw]);
            }
            return placeholder_statement(start.to(body.span));
        }
        let Some(condition) = condition else {
            return placeholder_statement(start.to(rparen.span));
        };
        statement(
            StatementKind::DoLoop(DoLoopStatement {
                label: label.map(|l| l.0),
                body,
                condition: Box::new(condition),
                until,
            }),
            start.to(rparen.span),
        )
    }

    fn function_statement(&mut self, function_token: &Token) -> Statement {
        self.skip_newlines();
        let name_token = self.next_token();
        let keyword_text = self.token_text(function_token);
        let name = match &name_token.kind {
            Tok::Pipe
            | Tok::LParen
            | Tok::LCurly
            | Tok::AtParen
            | Tok::AtCurly
            | Tok::RCurly
            | Tok::RParen
            | Tok::Eof
            | Tok::Semi
            | Tok::FileRedirect { .. }
            | Tok::MergeRedirect { .. }
            | Tok::InputRedirect
            | Tok::AndAnd
            | Tok::OrOr
            | Tok::Ampersand
            | Tok::Variable { .. }
            | Tok::Str(_)
            | Tok::NewLine => {
                self.unget(name_token);
                self.incomplete(
                    after(function_token.span),
                    msg::MISSING_NAME_AFTER_KEYWORD,
                    &[keyword_text],
                );
                return placeholder_statement(function_token.span);
            }
            Tok::Generic(s) => s.value.clone(),
            _ => self.token_text(&name_token).to_string(),
        };
        self.skip_newlines();
        let mut parameters = Vec::new();
        let mut end_error = None;
        let mut rparen_span = None;
        if matches!(self.peek().kind, Tok::LParen) {
            let lparen = self.next_token();
            parameters = self.with_mode(Mode::Command, |p| {
                p.nested(lparen.span, |p| p.parameter_list_rule())
            });
            self.skip_newlines();
            let rparen = self.next_token();
            if matches!(rparen.kind, Tok::RParen) {
                rparen_span = Some(rparen.span);
            } else {
                self.unget(rparen);
                let at = parameters.last().map_or(lparen.span, |d| d.span);
                end_error = Some(at);
                self.incomplete(after(at), msg::MISSING_END_PAREN_IN_PARAMETER_LIST, &[]);
            }
            self.skip_newlines();
        }
        let lcurly = self.next_token();
        if !matches!(lcurly.kind, Tok::LCurly) {
            self.unget(lcurly.clone());
            if end_error.is_none() {
                let at = rparen_span.unwrap_or(name_token.span);
                self.incomplete(after(at), msg::MISSING_FUNCTION_BODY, &[]);
                end_error = Some(at);
            }
        }
        if let Some(at) = end_error {
            return placeholder_statement(function_token.span.to(at));
        }
        let is_filter = function_token.kind.is_keyword(Keyword::Filter);
        let body = self.nested(lcurly.span, |p| p.script_block_rule(Some(&lcurly)));
        if !parameters.is_empty()
            && let Some(pb) = &body.param_block
        {
            self.error(pb.span, msg::ONLY_ONE_PARAMETER_LIST, &[]);
        }
        let span = function_token.span.to(body.span);
        statement(
            StatementKind::Function(Rc::new(FunctionDef {
                name,
                name_span: name_token.span,
                is_filter,
                parameters,
                body: Rc::new(body),
                span,
            })),
            span,
        )
    }

    fn try_statement(&mut self, try_token: &Token) -> Statement {
        self.skip_newlines();
        let Some(body) = self.statement_block_rule() else {
            self.incomplete(after(try_token.span), msg::MISSING_TRY_BLOCK, &[]);
            return placeholder_statement(try_token.span);
        };
        let mut end_error: Option<Span> = None;
        let mut catches: Vec<CatchClause> = Vec::new();
        while let Some(c) = self.catch_clause(&mut end_error) {
            catches.push(c);
        }
        self.skip_newlines();
        let mut finally = None;
        let finally_token = self.peek().clone();
        if finally_token.kind.is_keyword(Keyword::Finally) {
            self.skip();
            match self.statement_block_rule() {
                Some(b) => finally = Some(b),
                None => {
                    end_error = Some(finally_token.span);
                    self.incomplete(after(finally_token.span), msg::MISSING_FINALLY_BLOCK, &[]);
                }
            }
        }
        if catches.is_empty() && finally.is_none() && end_error.is_none() {
            end_error = Some(body.span);
            self.incomplete(after(body.span), msg::MISSING_CATCH_OR_FINALLY, &[]);
        }
        if let Some(at) = end_error {
            return placeholder_statement(try_token.span.to(at));
        }
        let end = finally
            .as_ref()
            .map(|b| b.span)
            .or_else(|| catches.last().map(|c| c.span))
            .unwrap_or(body.span);
        statement(
            StatementKind::Try(TryStatement {
                body,
                catches,
                finally,
            }),
            try_token.span.to(end),
        )
    }

    /// `trap [T] { }`.
    fn trap_statement(&mut self, trap_token: &Token) -> Statement {
        let restore = self.restore_point();
        self.skip_newlines();
        let mut end = trap_token.span;
        let type_name = match self.type_constraint_only() {
            Some((t, extent)) => {
                end = extent;
                Some(t)
            }
            None => {
                self.resync(restore);
                None
            }
        };
        match self.statement_block_rule() {
            Some(body) => {
                let span = trap_token.span.to(body.span);
                statement(StatementKind::Trap(TrapStatement { type_name, body }), span)
            }
            None => {
                self.incomplete(after(end), msg::MISSING_TRAP_STATEMENT, &[]);
                placeholder_statement(trap_token.span.to(end))
            }
        }
    }

    /// `data [name] [-SupportedCommand cmd, ...] { ... }` (PowerShell's `DataStatementRule`).
    /// The body's restricted-language check runs with the semantic checks.
    #[inline(never)]
    fn data_statement(&mut self, data_token: &Token) -> Statement {
        self.skip_newlines();
        let mut name: Option<(String, Span)> = None;
        let t = self.peek().clone();
        if let Tok::Generic(s) = &t.kind
            && is_simple_name(&s.value)
        {
            self.skip();
            name = Some((s.value.clone(), t.span));
        } else if let Tok::Identifier(s) = &t.kind
            && is_simple_name(s)
        {
            self.skip();
            name = Some((s.clone(), t.span));
        }
        self.skip_newlines();
        let mut end_error: Option<Span> = None;
        let mut commands: Vec<Expr> = Vec::new();
        let parameter = self.peek().clone();
        if let Tok::Parameter { name: p, .. } = &parameter.kind {
            self.skip();
            if !p.is_empty() && !"supportedcommand".starts_with(&p.to_ascii_lowercase()) {
                end_error = Some(parameter.span);
                self.error(
                    parameter.span,
                    msg::INVALID_PARAMETER_FOR_DATA_SECTION,
                    &[p],
                );
            }
            let mut comma: Option<Span> = None;
            loop {
                self.skip_newlines();
                let Some(command) = self.single_command_argument(ArgContext::CommandName) else {
                    if end_error.is_none() {
                        self.incomplete(
                            after(comma.unwrap_or(parameter.span)),
                            msg::MISSING_VALUE_FOR_SUPPORTED_COMMAND,
                            &[],
                        );
                    }
                    end_error = Some(comma.unwrap_or(parameter.span));
                    break;
                };
                commands.push(command);
                let next = self.peek().clone();
                if matches!(next.kind, Tok::Comma) {
                    self.skip();
                    comma = Some(next.span);
                    continue;
                }
                break;
            }
        }
        if let Some(end) = end_error {
            return placeholder_statement(data_token.span.to(end));
        }
        match self.statement_block_rule() {
            Some(body) => {
                let span = data_token.span.to(body.span);
                let name = name.map(|(n, _)| n);
                statement(
                    StatementKind::Data(DataStatement {
                        name,
                        commands,
                        body,
                    }),
                    span,
                )
            }
            None => {
                let end = commands
                    .last()
                    .map(|c| c.span)
                    .or(name.map(|(_, at)| at))
                    .unwrap_or(data_token.span);
                self.incomplete(
                    after(end),
                    msg::MISSING_STATEMENT_BLOCK_FOR_DATA_SECTION,
                    &[],
                );
                placeholder_statement(data_token.span.to(end))
            }
        }
    }

    /// `catch [T1], [T2] { }`; None when no `catch` follows or after an error.
    fn catch_clause(&mut self, end_error: &mut Option<Span>) -> Option<CatchClause> {
        self.skip_newlines();
        let catch_token = self.next_token();
        if !catch_token.kind.is_keyword(Keyword::Catch) {
            self.unget(catch_token);
            return None;
        }
        let mut types: Vec<TypeName> = Vec::new();
        let mut last_type: Option<Span> = None;
        let mut comma: Option<Span> = None;
        loop {
            let restore = self.restore_point();
            self.skip_newlines();
            // PowerShell's AttributeRule: `[` without a type name reports MissingTypename; an
            // attribute is put back (it may belong to what follows the catch).
            match self.attribute_rule() {
                Some(AttributeOrType::Type(t, extent)) => {
                    types.push(t);
                    last_type = Some(extent);
                }
                Some(AttributeOrType::Attribute(_)) => {
                    self.resync(restore);
                    break;
                }
                None => {
                    if let Some(c) = comma {
                        *end_error = Some(c);
                        self.incomplete(after(c), msg::MISSING_TYPE_LITERAL, &[]);
                    }
                    break;
                }
            }
            self.skip_newlines();
            let t = self.peek().clone();
            if !matches!(t.kind, Tok::Comma) {
                break;
            }
            self.skip();
            comma = Some(t.span);
        }
        match self.statement_block_rule() {
            Some(body) => Some(CatchClause {
                types,
                span: catch_token.span.to(body.span),
                body,
            }),
            None => {
                if comma.is_none() || *end_error != comma {
                    let at = last_type.unwrap_or(catch_token.span);
                    *end_error = Some(at);
                    self.incomplete(after(at), msg::MISSING_CATCH_HANDLER, &[]);
                }
                None
            }
        }
    }
}

pub(crate) fn statement(kind: StatementKind, span: Span) -> Statement {
    Statement { kind, span }
}

/// The body of a block whose statements were parsed elsewhere (used by sub-expressions).
pub(crate) fn block(statements: Vec<Statement>, fallback: Span) -> Block {
    let span = match (statements.first(), statements.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => fallback,
    };
    Block { statements, span }
}

/// PowerShell's simple name (a data section's variable name): a letter or `_`, then letters,
/// digits and `_`.
fn is_simple_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// What follows `break`/`continue`: a label written as a name or string, or an expression
/// whose value names the label when the statement runs.
enum LabelOrKey {
    Name(String),
    Expr(Expr),
}
