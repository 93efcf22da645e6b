//! Expression rules (PowerShell's `ExpressionRule` down to `PrimaryExpressionRule`): binary
//! operators by precedence, comma arrays, unary operators and casts, primary values (numbers,
//! strings, variables, `( )`, `$( )`, `@( )`, `@{ }`, `{ }`), member access, method calls and
//! indexing; also attributes, type names and `param(...)` declarations. It must not handle
//! statements or pipelines beyond calling `statement.rs` / `command.rs`.

use std::rc::Rc;

use super::ast::{
    Attribute, BinaryOp, CompareOp, Expr, ExprKind, HashEntry, ParamDecl, StringPart, TypeName,
    UnaryOp,
};
use super::command::bare;
use super::messages as msg;
use super::parser::{Parser, after, before, placeholder_statement, span};
use super::span::Span;
use super::statement::block;
use super::token::{Mode, Operator, StrPart, StrToken, Tok, Token};

/// An attribute (`[Parameter(Mandatory)]`) or a type constraint (`[string]`).
pub(crate) enum AttributeOrType {
    Attribute(Attribute),
    /// The type name and the extent of `[name]` with its brackets.
    Type(TypeName, Span),
}

impl AttributeOrType {
    pub fn span(&self) -> Span {
        match self {
            AttributeOrType::Attribute(a) => a.span,
            AttributeOrType::Type(_, s) => *s,
        }
    }
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

/// Stands in for an expression that could not be parsed (the script will not run anyway).
fn error_expr(at: Span) -> Expr {
    bare("", at)
}

fn binary_op(t: &Tok) -> Option<BinaryOp> {
    Some(match t {
        Tok::Plus => BinaryOp::Add,
        Tok::Minus => BinaryOp::Subtract,
        Tok::Multiply => BinaryOp::Multiply,
        Tok::Divide => BinaryOp::Divide,
        Tok::Rem => BinaryOp::Remainder,
        Tok::DotDot => BinaryOp::Range,
        Tok::Op(op) => match op {
            Operator::Format => BinaryOp::Format,
            Operator::And => BinaryOp::And,
            Operator::Or => BinaryOp::Or,
            Operator::Xor => BinaryOp::Xor,
            Operator::Band => BinaryOp::BitAnd,
            Operator::Bor => BinaryOp::BitOr,
            Operator::Bxor => BinaryOp::BitXor,
            Operator::Shl => BinaryOp::ShiftLeft,
            Operator::Shr => BinaryOp::ShiftRight,
            Operator::Join => BinaryOp::Join,
            Operator::Is => BinaryOp::Is,
            Operator::IsNot => BinaryOp::IsNot,
            Operator::As => BinaryOp::As,
            Operator::Compare(op, case) => BinaryOp::Compare(*op, *case),
            Operator::Not | Operator::Bnot => return None,
        },
        _ => return None,
    })
}

fn unary_op(t: &Tok) -> Option<UnaryOp> {
    Some(match t {
        Tok::Exclaim | Tok::Op(Operator::Not) => UnaryOp::Not,
        Tok::Minus => UnaryOp::Negate,
        Tok::Plus => UnaryOp::Plus,
        Tok::Op(Operator::Bnot) => UnaryOp::BitNot,
        Tok::PlusPlus => UnaryOp::PreIncrement,
        Tok::MinusMinus => UnaryOp::PreDecrement,
        Tok::Comma => UnaryOp::Comma,
        Tok::Op(Operator::Join) => UnaryOp::Join,
        Tok::Op(Operator::Compare(CompareOp::Split, _)) => UnaryOp::Split,
        _ => return None,
    })
}

fn binary(left: Expr, op: &Token, right: Expr) -> Expr {
    let span = left.span.to(right.span);
    if matches!(op.kind, Tok::QuestionQuestion) {
        return expr(
            ExprKind::Coalesce {
                left: Box::new(left),
                right: Box::new(right),
            },
            span,
        );
    }
    let kind = binary_op(&op.kind).unwrap_or(BinaryOp::Add);
    expr(
        ExprKind::Binary {
            op: kind,
            op_span: op.span,
            left: Box::new(left),
            right: Box::new(right),
        },
        span,
    )
}

/// The text a literal hash key is compared by (`'X'` in `Duplicate keys 'X' ...`).
fn literal_key(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::StringLiteral { value, .. } => Some(value.to_lowercase()),
        ExprKind::Number(n) => Some(n.text()),
        _ => None,
    }
}

impl Parser<'_> {
    /// An expression: binary operators, then an optional ternary `? :` (PowerShell's
    /// `ExpressionRule`). Both branches are expressions, so `a ? b : c ? d : e` nests right.
    pub fn expression_rule(&mut self) -> Option<Expr> {
        self.with_mode(Mode::Expression, |p| {
            let condition = p.binary_expression_rule()?;
            let question = p.peek().clone();
            if !matches!(question.kind, Tok::QuestionMark) {
                return Some(condition);
            }
            p.skip();
            p.skip_newlines();
            let saved_depth = p.sink.depth;
            p.deeper(question.span);
            let if_true = match p.expression_rule() {
                Some(e) => Some(e),
                None => {
                    p.incomplete(after(question.span), msg::EXPECTED_VALUE_EXPRESSION, &["?"]);
                    None
                }
            };
            p.skip_newlines();
            let colon = p.next_token();
            if !matches!(colon.kind, Tok::Colon) {
                let at = colon.span;
                p.unget(colon);
                if if_true.is_some() {
                    p.incomplete(at, msg::MISSING_COLON_IN_TERNARY, &[]);
                }
                p.sink.depth = saved_depth;
                let end = if_true.as_ref().map_or(question.span, |e| e.span);
                return Some(error_expr(condition.span.to(end)));
            }
            p.skip_newlines();
            let if_false = match p.expression_rule() {
                Some(e) => e,
                None => {
                    p.incomplete(after(colon.span), msg::EXPECTED_VALUE_EXPRESSION, &[":"]);
                    error_expr(after(colon.span))
                }
            };
            p.sink.depth = saved_depth;
            let if_true = if_true.unwrap_or_else(|| error_expr(after(question.span)));
            let span = condition.span.to(if_false.span);
            Some(expr(
                ExprKind::Ternary {
                    condition: Box::new(condition),
                    if_true: Box::new(if_true),
                    if_false: Box::new(if_false),
                },
                span,
            ))
        })
    }

    /// Binary operators by precedence (PowerShell's `BinaryExpressionRule`), `??` included.
    fn binary_expression_rule(&mut self) -> Option<Expr> {
        self.with_mode(Mode::Expression, |p| {
            let first = p.array_literal_rule()?;
            let token = p.peek().clone();
            if token.kind.binary_precedence().is_none() {
                if matches!(token.kind, Tok::Parameter { .. }) {
                    return Some(p.parameter_in_expression(&token, first));
                }
                return Some(first);
            }
            p.skip();
            let saved_depth = p.sink.depth;
            p.deeper(token.span);
            let mut operands = vec![first];
            let mut operators = vec![token.clone()];
            let mut precedence = token.kind.binary_precedence().unwrap_or(0);
            let mut last_op = token;
            let stray_parameter;
            loop {
                p.skip_newlines();
                let operand = match p.array_literal_rule() {
                    Some(e) => e,
                    None => {
                        let text = p.token_text(&last_op);
                        p.incomplete(after(last_op.span), msg::EXPECTED_VALUE_EXPRESSION, &[text]);
                        error_expr(after(last_op.span))
                    }
                };
                operands.push(operand);
                let t = p.next_token();
                let Some(new_precedence) = t.kind.binary_precedence() else {
                    stray_parameter = matches!(t.kind, Tok::Parameter { .. }).then(|| t.clone());
                    p.unget(t);
                    break;
                };
                while new_precedence <= precedence {
                    let (Some(rhs), Some(lhs), Some(op)) =
                        (operands.pop(), operands.pop(), operators.pop())
                    else {
                        break;
                    };
                    operands.push(binary(lhs, &op, rhs));
                    match operators.last() {
                        Some(top) => precedence = top.kind.binary_precedence().unwrap_or(0),
                        None => break,
                    }
                }
                p.deeper(t.span);
                operators.push(t.clone());
                precedence = new_precedence;
                last_op = t;
            }
            p.sink.depth = saved_depth;
            let mut rhs = operands.pop()?;
            while let (Some(lhs), Some(op)) = (operands.pop(), operators.pop()) {
                rhs = binary(lhs, &op, rhs);
            }
            if let Some(param) = stray_parameter {
                return Some(p.parameter_in_expression(&param, rhs));
            }
            Some(rhs)
        })
    }

    /// A `-name` that is not an operator inside an expression: reported and eaten.
    fn parameter_in_expression(&mut self, t: &Token, e: Expr) -> Expr {
        let text = self.token_text(t);
        self.error(t.span, msg::UNEXPECTED_TOKEN, &[text]);
        self.skip();
        e
    }

    /// `a, b, c` (unless commas are separators here, as in method arguments).
    fn array_literal_rule(&mut self) -> Option<Expr> {
        let first = self.unary_expression_rule()?;
        if self.disable_comma || !matches!(self.peek().kind, Tok::Comma) {
            return Some(first);
        }
        let start = first.span;
        let mut items = vec![first];
        while matches!(self.peek().kind, Tok::Comma) {
            let comma = self.next_token();
            self.skip_newlines();
            match self.unary_expression_rule() {
                Some(e) => items.push(e),
                None => {
                    self.incomplete(
                        after(comma.span),
                        msg::MISSING_EXPRESSION_AFTER_TOKEN,
                        &[","],
                    );
                    items.push(error_expr(comma.span));
                    break;
                }
            }
        }
        let end = items.last().map_or(start, |e| e.span);
        Some(expr(ExprKind::ArrayLiteral(items), start.to(end)))
    }

    /// Unary operators, casts and `[type]` literals, then postfix `++`/`--`.
    pub fn unary_expression_rule(&mut self) -> Option<Expr> {
        let old = self.allow_signed;
        self.allow_signed = true;
        let token = self.peek().clone();
        self.allow_signed = old;
        let mut result = if token.kind.is_unary_operator() {
            if self.disable_comma && matches!(token.kind, Tok::Comma) {
                return None;
            }
            self.skip();
            self.skip_newlines();
            let child = self.nested(token.span, |p| p.unary_expression_rule());
            match child {
                Some(child) => {
                    let span = token.span.to(child.span);
                    let op = unary_op(&token.kind).unwrap_or(UnaryOp::Plus);
                    expr(
                        ExprKind::Unary {
                            op,
                            op_span: token.span,
                            operand: Box::new(child),
                        },
                        span,
                    )
                }
                None => {
                    let text = self.token_text(&token);
                    self.incomplete(
                        after(token.span),
                        msg::MISSING_EXPRESSION_AFTER_OPERATOR,
                        &[text],
                    );
                    return Some(error_expr(token.span));
                }
            }
        } else if matches!(token.kind, Tok::LBracket) {
            self.cast_or_type_literal(&token)?
        } else {
            self.primary_expression_rule(true)?
        };
        let t = self.peek().clone();
        let postfix = match t.kind {
            Tok::PlusPlus => Some(UnaryOp::PostIncrement),
            Tok::MinusMinus => Some(UnaryOp::PostDecrement),
            _ => None,
        };
        if let Some(op) = postfix {
            self.skip();
            let span = result.span.to(t.span);
            result = expr(
                ExprKind::Unary {
                    op,
                    op_span: t.span,
                    operand: Box::new(result),
                },
                span,
            );
        }
        Some(result)
    }

    /// `[int]$x`, `[string[]]$a`, `[guid]::NewGuid()`, `[ordered]@{}`, `[int]` alone.
    fn cast_or_type_literal(&mut self, lbracket: &Token) -> Option<Expr> {
        let saved_depth = self.sink.depth;
        let result = self.cast_or_type_literal_inner(lbracket);
        self.sink.depth = saved_depth;
        result
    }

    fn cast_or_type_literal_inner(&mut self, lbracket: &Token) -> Option<Expr> {
        let mut attributes = self.attribute_list(true);
        for a in &attributes {
            self.deeper(a.span());
        }
        let last = attributes.pop()?;
        // The outermost attribute (not type) written before the operand, for the check below.
        let mut attribute: Option<(String, Span)> = None;
        let mut result = match last {
            AttributeOrType::Attribute(a) => {
                self.skip_newlines();
                let child = self.nested(a.span, |p| p.unary_expression_rule());
                let text = a.name.clone();
                match child {
                    None => {
                        self.incomplete(a.span, msg::UNEXPECTED_ATTRIBUTE, &[&text]);
                        return Some(error_expr(lbracket.span.to(a.span)));
                    }
                    Some(c) => {
                        attribute = Some((text, a.span));
                        c
                    }
                }
            }
            AttributeOrType::Type(t, extent) => {
                let literal = |t: &TypeName| expr(ExprKind::TypeLiteral(t.clone()), extent);
                let member = if self.has_ungot() {
                    None
                } else {
                    self.member_access_token(false)
                };
                match member {
                    Some(m) => self.post_primary(Some(m), literal(&t)),
                    None => {
                        let next = self.peek().clone();
                        let child = if matches!(next.kind, Tok::NewLine | Tok::Comma) {
                            None
                        } else {
                            self.nested(extent, |p| p.unary_expression_rule())
                        };
                        match child {
                            Some(c) => {
                                let span = extent.to(c.span);
                                expr(
                                    ExprKind::Convert {
                                        type_name: t,
                                        operand: Box::new(c),
                                    },
                                    span,
                                )
                            }
                            None => literal(&t),
                        }
                    }
                }
            }
        };
        for earlier in attributes.into_iter().rev() {
            match earlier {
                AttributeOrType::Type(t, extent) => {
                    let span = extent.to(result.span);
                    result = expr(
                        ExprKind::Convert {
                            type_name: t,
                            operand: Box::new(result),
                        },
                        span,
                    );
                }
                AttributeOrType::Attribute(a) => attribute = Some((a.name.clone(), a.span)),
            }
        }
        if let Some((name, at)) = attribute {
            // pwsh's VisitAttributedExpression: attributes may only stand before a variable
            // (through casts); aapsh does not run attributed variables.
            let mut inner = &result;
            while let ExprKind::Convert { operand, .. } = &inner.kind {
                inner = operand;
            }
            if matches!(inner.kind, ExprKind::Variable(_)) {
                self.error(at, msg::NOT_EMULATED, &[&format!("[{name}()]")]);
            } else {
                self.error(at, msg::UNEXPECTED_ATTRIBUTE, &[&name]);
            }
        }
        Some(result)
    }

    /// A value, then (when asked) member access, calls and indexes.
    pub fn primary_expression_rule(&mut self, with_member_access: bool) -> Option<Expr> {
        let splat_ok = std::mem::replace(&mut self.splat_allowed, false);
        let token = self.next_token();
        let value = match &token.kind {
            Tok::Variable { var, splat } => {
                if *splat {
                    if !splat_ok {
                        let name = var.name.clone();
                        self.error(token.span, msg::SPLATTING_NOT_PERMITTED, &[&name]);
                    }
                    expr(ExprKind::Splat(var.clone()), token.span)
                } else {
                    expr(ExprKind::Variable(var.clone()), token.span)
                }
            }
            Tok::Number(n) => expr(ExprKind::Number(n.clone()), token.span),
            Tok::Str(s) => {
                if s.is_expandable() {
                    self.expandable_string(s.clone(), token.span)
                } else {
                    expr(
                        ExprKind::StringLiteral {
                            value: s.value.clone(),
                            quote: s.quote,
                        },
                        token.span,
                    )
                }
            }
            Tok::LParen => self.nested(token.span, |p| p.paren_expression(&token)),
            Tok::AtParen | Tok::DollarParen => {
                self.nested(token.span, |p| p.sub_expression(&token))
            }
            Tok::AtCurly => self.nested(token.span, |p| p.hash_expression(&token)),
            Tok::LCurly => self.nested(token.span, |p| p.script_block_expression(&token)),
            _ => {
                self.unget(token);
                return None;
            }
        };
        if !with_member_access {
            return Some(value);
        }
        let member = self.member_access_token(true);
        Some(self.post_primary(member, value))
    }

    /// `.`, `::` or `[` directly after a value (no whitespace), when nothing is looked ahead.
    fn member_access_token(&mut self, allow_lbracket: bool) -> Option<Token> {
        if self.has_ungot() || self.sink.fatal {
            return None;
        }
        let t =
            self.lexer
                .member_access_at(self.restore_point(), self.context(), allow_lbracket)?;
        self.take_raw(&t);
        Some(t)
    }

    fn post_primary(&mut self, mut token: Option<Token>, mut value: Expr) -> Expr {
        let saved_depth = self.sink.depth;
        while let Some(t) = token {
            self.deeper(t.span);
            self.skip_newlines();
            value = match t.kind {
                Tok::LBracket | Tok::QuestionLBracket => {
                    self.nested(t.span, |p| p.element_access(value, &t))
                }
                _ => self.member_access(value, &t),
            };
            token = self.member_access_token(true);
        }
        self.sink.depth = saved_depth;
        value
    }

    /// A member name: simple name, quoted string, `$var`, `(expr)`.
    fn member_access(&mut self, target: Expr, op: &Token) -> Expr {
        let is_static = matches!(op.kind, Tok::ColonColon);
        let null_conditional = matches!(op.kind, Tok::QuestionDot);
        let member = match self.simple_name() {
            Some((name, at)) => Some(bare(&name, at)),
            None => {
                let t = self.peek().clone();
                if t.kind.is_unary_operator() || matches!(t.kind, Tok::LBracket) {
                    self.nested(t.span, |p| p.unary_expression_rule())
                } else {
                    self.primary_expression_rule(false)
                }
            }
        };
        let Some(member) = member else {
            self.incomplete(after(op.span), msg::MISSING_PROPERTY_NAME, &[]);
            let member = self
                .single_command_argument(super::command::ArgContext::CommandArgument)
                .unwrap_or_else(|| error_expr(op.span));
            let span = target.span.to(member.span);
            return expr(
                ExprKind::Member {
                    target: Box::new(target),
                    member: Box::new(member),
                    is_static,
                    null_conditional,
                },
                span,
            );
        };
        if !self.has_ungot()
            && !self.sink.fatal
            && let Some(paren) = self
                .lexer
                .invoke_paren_at(self.restore_point(), self.context())
        {
            self.take_raw(&paren);
            return self.nested(paren.span, |p| {
                p.member_invoke(target, member, &paren, (is_static, null_conditional))
            });
        }
        let span = target.span.to(member.span);
        expr(
            ExprKind::Member {
                target: Box::new(target),
                member: Box::new(member),
                is_static,
                null_conditional,
            },
            span,
        )
    }

    fn member_invoke(
        &mut self,
        target: Expr,
        member: Expr,
        paren: &Token,
        (is_static, null_conditional): (bool, bool),
    ) -> Expr {
        let mut args = Vec::new();
        let mut end = paren.span;
        if matches!(paren.kind, Tok::LCurly) {
            self.skip_newlines();
            let sb = self.script_block_expression(paren);
            end = sb.span;
            args.push(sb);
        } else {
            let old = self.disable_comma;
            self.disable_comma = true;
            let mut comma: Option<Span> = None;
            let mut reported = false;
            loop {
                self.skip_newlines();
                let Some(arg) = self.expression_rule() else {
                    if let Some(c) = comma {
                        self.incomplete(after(c), msg::MISSING_EXPRESSION_AFTER_TOKEN, &[","]);
                        reported = true;
                    }
                    break;
                };
                end = arg.span;
                args.push(arg);
                self.skip_newlines();
                let t = self.next_token();
                if !matches!(t.kind, Tok::Comma) {
                    self.unget(t);
                    break;
                }
                end = t.span;
                comma = Some(t.span);
            }
            self.skip_newlines();
            let rparen = self.next_token();
            if matches!(rparen.kind, Tok::RParen) {
                end = rparen.span;
            } else {
                self.unget(rparen);
                if !reported {
                    let at = args.last().map_or(paren.span, |a| a.span);
                    self.incomplete(after(at), msg::MISSING_END_PAREN_IN_METHOD_CALL, &[]);
                }
            }
            self.disable_comma = old;
        }
        let span = target.span.to(end);
        expr(
            ExprKind::InvokeMember {
                target: Box::new(target),
                member: Box::new(member),
                args,
                is_static,
                null_conditional,
            },
            span,
        )
    }

    fn element_access(&mut self, target: Expr, lbracket: &Token) -> Expr {
        self.skip_newlines();
        let old = self.disable_comma;
        self.disable_comma = false;
        let index = self.expression_rule();
        self.disable_comma = old;
        let found = index.is_some();
        let index = index.unwrap_or_else(|| {
            self.incomplete(after(lbracket.span), msg::MISSING_ARRAY_INDEX, &[]);
            error_expr(lbracket.span)
        });
        self.skip_newlines();
        let rbracket = self.next_token();
        let end = if matches!(rbracket.kind, Tok::RBracket) {
            rbracket.span
        } else {
            self.unget(rbracket);
            if found {
                self.incomplete(after(index.span), msg::MISSING_END_SQUARE_BRACKET, &[]);
            }
            index.span
        };
        let span = target.span.to(end);
        expr(
            ExprKind::Index {
                target: Box::new(target),
                index: Box::new(index),
                null_conditional: matches!(lbracket.kind, Tok::QuestionLBracket),
            },
            span,
        )
    }

    /// A name made only of letters, digits and `_` (member names, hash keys, loop labels).
    pub fn simple_name(&mut self) -> Option<(String, Span)> {
        let old = self.want_simple_name;
        self.want_simple_name = true;
        let t = self.peek().clone();
        self.want_simple_name = old;
        match t.kind {
            Tok::Identifier(name) => {
                self.skip();
                Some((name, t.span))
            }
            _ => None,
        }
    }

    /// `( pipeline )` or `( $a = 1 )`.
    fn paren_expression(&mut self, lparen: &Token) -> Expr {
        let old = self.disable_comma;
        self.disable_comma = false;
        let result = self.with_mode(Mode::Command, |p| {
            p.skip_newlines();
            let inner = match p.pipeline_chain_rule() {
                Some(s) => s,
                None => {
                    p.incomplete(after(lparen.span), msg::EXPECTED_EXPRESSION, &[]);
                    placeholder_statement(after(lparen.span))
                }
            };
            p.skip_newlines();
            let rparen = p.next_token();
            let end = if matches!(rparen.kind, Tok::RParen) {
                rparen.span
            } else {
                p.unget(rparen);
                p.incomplete(after(inner.span), msg::MISSING_END_PAREN_IN_EXPRESSION, &[]);
                inner.span
            };
            expr(ExprKind::Paren(Box::new(inner)), lparen.span.to(end))
        });
        self.disable_comma = old;
        result
    }

    /// `$( statements )` or `@( statements )`.
    fn sub_expression(&mut self, first: &Token) -> Expr {
        let old = self.disable_comma;
        self.disable_comma = false;
        let result = self.with_mode(Mode::Command, |p| {
            p.skip_newlines();
            let mut statements = Vec::new();
            p.statement_list(&mut statements);
            p.skip_newlines();
            let rparen = p.next_token();
            let body = block(statements, after(first.span));
            let end = if matches!(rparen.kind, Tok::RParen) {
                rparen.span
            } else {
                let at = rparen.span;
                p.unget(rparen);
                p.incomplete(at, msg::MISSING_END_PAREN_IN_SUBEXPRESSION, &[]);
                if body.statements.is_empty() {
                    first.span
                } else {
                    body.span
                }
            };
            let span = first.span.to(end);
            if matches!(first.kind, Tok::DollarParen) {
                expr(ExprKind::Subexpression(body), span)
            } else {
                expr(ExprKind::ArraySubexpression(body), span)
            }
        });
        self.disable_comma = old;
        result
    }

    fn script_block_expression(&mut self, lcurly: &Token) -> Expr {
        let old = self.disable_comma;
        self.disable_comma = false;
        let sb = self.with_mode(Mode::Command, |p| {
            p.skip_newlines();
            p.script_block_rule(Some(lcurly))
        });
        self.disable_comma = old;
        let span = sb.span;
        expr(ExprKind::ScriptBlock(Rc::new(sb)), span)
    }

    /// `@{ Key = value; Key2 = value }`: pairs separated by `;` or newlines.
    fn hash_expression(&mut self, at_curly: &Token) -> Expr {
        self.skip_newlines();
        let mut entries: Vec<HashEntry> = Vec::new();
        while let Some(entry) = self.hash_entry() {
            entries.push(entry);
            if !matches!(self.peek().kind, Tok::NewLine | Tok::Semi) {
                break;
            }
            self.skip_newlines_and_semicolons();
        }
        let rcurly = self.next_token();
        let end = if matches!(rcurly.kind, Tok::RCurly) {
            rcurly.span
        } else {
            let detected = rcurly.span;
            self.unget(rcurly);
            self.incomplete_at(after(at_curly.span), detected, msg::MISSING_END_CURLY, &[]);
            before(detected)
        };
        let mut seen: Vec<String> = Vec::new();
        for entry in &entries {
            if let Some(key) = literal_key(&entry.key) {
                if seen.contains(&key) {
                    let shown = match &entry.key.kind {
                        ExprKind::StringLiteral { value, .. } => value.clone(),
                        _ => self.source_text(entry.key.span).to_string(),
                    };
                    self.error(entry.key.span, msg::DUPLICATE_KEY_IN_HASH, &[&shown]);
                } else {
                    seen.push(key);
                }
            }
        }
        expr(ExprKind::Hashtable(entries), at_curly.span.to(end))
    }

    fn hash_entry(&mut self) -> Option<HashEntry> {
        let (key, equals) = self.with_mode(Mode::Expression, |p| {
            let key = match p.simple_name() {
                Some((name, at)) => bare(&name, at),
                None => {
                    if matches!(p.peek().kind, Tok::NewLine | Tok::Semi) {
                        return None;
                    }
                    let old = p.disable_comma;
                    p.disable_comma = true;
                    let key = p.unary_expression_rule();
                    p.disable_comma = old;
                    key?
                }
            };
            let equals = p.next_token();
            Some((key, equals))
        })?;
        if !matches!(equals.kind, Tok::Equals) {
            self.unget(equals);
            let at = after(key.span);
            self.error(at, msg::MISSING_EQUALS_IN_HASH, &[]);
            self.sync_to_closing_curly();
            return Some(HashEntry {
                span: key.span,
                key,
                value: Box::new(placeholder_statement(at)),
            });
        }
        let value = self.with_mode(Mode::Command, |p| {
            p.skip_newlines();
            match p.statement_rule() {
                Some(s) => s,
                None => {
                    p.incomplete(after(equals.span), msg::MISSING_STATEMENT_IN_HASH, &[]);
                    placeholder_statement(after(equals.span))
                }
            }
        });
        Some(HashEntry {
            span: key.span.to(value.span),
            key,
            value: Box::new(value),
        })
    }

    /// Error recovery inside `@{ }`: skip to the `}` that closes it (not consumed).
    fn sync_to_closing_curly(&mut self) {
        let mut curlies = 1usize;
        loop {
            let t = self.next_token();
            match t.kind {
                Tok::LCurly | Tok::AtCurly => curlies += 1,
                Tok::RCurly => {
                    curlies -= 1;
                    if curlies == 0 {
                        self.unget(t);
                        return;
                    }
                }
                Tok::Eof => {
                    self.unget(t);
                    return;
                }
                _ => {}
            }
        }
    }

    /// A double-quoted string (or here-string, or bareword) with `$var` / `$( ... )` parts.
    /// The inside of each `$( ... )` is parsed here, by a parser over just that text.
    pub fn expandable_string(&mut self, s: StrToken, at: Span) -> Expr {
        let mut parts = Vec::new();
        for part in s.parts {
            match part {
                StrPart::Literal(text) => parts.push(StringPart::Literal(text)),
                StrPart::Variable(var, sp) => {
                    parts.push(StringPart::Expr(expr(ExprKind::Variable(var), sp)));
                }
                StrPart::SubExpression(sp) => {
                    let sink = std::mem::take(&mut self.sink);
                    let full = self.full_text();
                    let mut nested = Parser::new(
                        self.source.clone(),
                        full,
                        sp.end as usize,
                        sp.start as usize,
                        sink,
                    );
                    nested.mode = Mode::Expression;
                    let e = nested.primary_expression_rule(false);
                    let nested_work = nested.lexer.work.get();
                    self.sink = std::mem::take(&mut nested.sink);
                    self.lexer.work.set(self.lexer.work.get() + nested_work);
                    parts.push(StringPart::Expr(e.unwrap_or_else(|| error_expr(sp))));
                }
            }
        }
        expr(
            ExprKind::ExpandableString {
                parts,
                quote: s.quote,
            },
            at,
        )
    }

    // ----- attributes and type names --------------------------------------------------------

    pub fn attribute_list(&mut self, in_expression: bool) -> Vec<AttributeOrType> {
        let mut out = Vec::new();
        while let Some(a) = self.attribute_rule() {
            let is_attribute = matches!(a, AttributeOrType::Attribute(_));
            out.push(a);
            if !in_expression || is_attribute {
                self.skip_newlines();
            }
        }
        out
    }

    /// The `[` that starts an attribute or type constraint, in any mode.
    fn next_lbracket(&mut self) -> Option<Token> {
        if self.sink.fatal {
            return None;
        }
        let pos = self.restore_point();
        let mut diags = Vec::new();
        let found = self.lexer.lbracket_at(pos, self.context(), &mut diags);
        for d in diags {
            self.emit(d);
        }
        match found {
            Some(t) => {
                self.take_raw(&t);
                Some(t)
            }
            None => None,
        }
    }

    pub(crate) fn attribute_rule(&mut self) -> Option<AttributeOrType> {
        let lbracket = self.next_lbracket()?;
        self.skip_newlines();
        let Some(type_name) = self.type_name_rule() else {
            self.resync(lbracket.start());
            self.incomplete(after(lbracket.span), msg::MISSING_TYPENAME, &[]);
            return None;
        };
        let t = self.next_token();
        match t.kind {
            Tok::LParen => {
                Some(AttributeOrType::Attribute(self.nested(t.span, |p| {
                    p.attribute_arguments(&lbracket, &t, type_name)
                })))
            }
            Tok::RBracket => Some(AttributeOrType::Type(type_name, lbracket.span.to(t.span))),
            _ => {
                let at = before(t.span);
                self.unget(t);
                self.error(at, msg::END_BRACKET_AT_END_OF_ATTRIBUTE, &[]);
                let extent = lbracket.span.to(type_name.span);
                Some(AttributeOrType::Type(type_name, extent))
            }
        }
    }

    /// `(positional, Named = value, Flag)` then `]`.
    fn attribute_arguments(
        &mut self,
        lbracket: &Token,
        lparen: &Token,
        type_name: TypeName,
    ) -> Attribute {
        self.skip_newlines();
        let mut positional = Vec::new();
        let mut named: Vec<(String, Option<Expr>)> = Vec::new();
        let mut last = lparen.span;
        self.with_mode(Mode::Expression, |p| {
            let old = p.disable_comma;
            p.disable_comma = true;
            let mut comma: Option<Span> = None;
            loop {
                p.skip_newlines();
                if let Some((name, at)) = p.simple_name() {
                    let value = if matches!(p.peek().kind, Tok::Equals) {
                        let eq = p.next_token();
                        p.skip_newlines();
                        match p.expression_rule() {
                            Some(e) => {
                                last = e.span;
                                Some(e)
                            }
                            None => {
                                p.incomplete(
                                    after(eq.span),
                                    msg::MISSING_EXPRESSION_IN_NAMED_ARGUMENT,
                                    &[],
                                );
                                last = eq.span;
                                Some(error_expr(after(eq.span)))
                            }
                        }
                    } else {
                        last = at;
                        None
                    };
                    if named.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
                        // The whole `Name = value`, as pwsh's NamedAttributeArgumentAst.
                        p.error(at.to(last), msg::DUPLICATE_NAMED_ARGUMENT, &[&name]);
                    } else {
                        named.push((name, value));
                    }
                } else if let Some(e) = p.expression_rule() {
                    last = e.span;
                    positional.push(e);
                } else if let Some(c) = comma {
                    p.incomplete(after(c), msg::MISSING_EXPRESSION_AFTER_TOKEN, &[","]);
                    last = after(c);
                }
                p.skip_newlines();
                let t = p.peek().clone();
                if !matches!(t.kind, Tok::Comma) {
                    break;
                }
                p.skip();
                last = t.span;
                comma = Some(t.span);
            }
            p.disable_comma = old;
        });
        self.skip_newlines();
        let rparen = self.next_token();
        let rparen_ok = matches!(rparen.kind, Tok::RParen);
        if !rparen_ok {
            self.unget(rparen.clone());
            self.incomplete(after(last), msg::MISSING_END_PAREN_IN_EXPRESSION, &[]);
        }
        self.skip_newlines();
        let rbracket = self.next_token();
        let end = if matches!(rbracket.kind, Tok::RBracket) {
            rbracket.span
        } else {
            self.unget(rbracket);
            if rparen_ok {
                self.incomplete(
                    after(rparen.span),
                    msg::END_BRACKET_AT_END_OF_ATTRIBUTE,
                    &[],
                );
                rparen.span
            } else {
                last
            }
        };
        Attribute {
            name: type_name.name,
            positional,
            named,
            span: lbracket.span.to(end),
        }
    }

    /// A type name as written between brackets (`string`, `string[]`, `List[string]`).
    pub(crate) fn type_name_rule(&mut self) -> Option<TypeName> {
        self.with_mode(Mode::TypeName, |p| {
            let first = p.next_token();
            if !matches!(first.kind, Tok::Identifier(_)) {
                p.unget(first);
                return None;
            }
            let end = p.finish_type_name(&first);
            let at = first.span.to(end);
            p.assembly_name_spec();
            Some(TypeName {
                name: p.source_text(at).to_string(),
                span: at,
            })
        })
    }

    /// `[Type, Assembly.Name, Version=1.0.0.0]`: after a type name, `,` and an assembly name
    /// (everything up to the `]`), which aapsh reads and ignores, as it loads no assembly.
    fn assembly_name_spec(&mut self) {
        let comma = self.peek().clone();
        if !matches!(comma.kind, Tok::Comma) {
            return;
        }
        self.skip();
        let text = self.lexer.text;
        let from = comma.end();
        let rest = text.get(from..).unwrap_or("");
        let len = rest.find([']', '\n', '\r']).unwrap_or(rest.len());
        if rest[..len].trim().is_empty() {
            self.error(after(comma.span), msg::MISSING_ASSEMBLY_NAME, &[]);
        }
        self.resync(from + len);
    }

    /// After a type name: `[]`, `[,]`, generic arguments `[T1, T2]`, repeated. Returns the end.
    fn finish_type_name(&mut self, first: &Token) -> Span {
        let mut end = first.span;
        loop {
            let t = self.peek().clone();
            if !matches!(t.kind, Tok::LBracket) {
                return end;
            }
            self.skip();
            self.skip_newlines();
            let inner = self.next_token();
            match inner.kind {
                Tok::RBracket => end = inner.span,
                Tok::Comma => {
                    let mut last = inner;
                    while matches!(last.kind, Tok::Comma) {
                        last = self.next_token();
                    }
                    if matches!(last.kind, Tok::RBracket) {
                        end = last.span;
                    } else {
                        let at = last.span;
                        self.unget(last);
                        self.error(before(at), msg::END_BRACKET_AT_END_OF_ATTRIBUTE, &[]);
                        return end;
                    }
                }
                Tok::Identifier(_) | Tok::LBracket => {
                    end = self.nested(t.span, |p| p.generic_arguments(inner, t.span));
                }
                Tok::Eof => {
                    self.unget(inner);
                    self.incomplete(after(t.span), msg::MISSING_TYPENAME, &[]);
                    return end;
                }
                _ => {
                    let text = self.token_text(&inner);
                    self.error(inner.span, msg::UNEXPECTED_TOKEN, &[text]);
                    return end;
                }
            }
        }
    }

    /// `T1, [T2], ...]` inside a generic type name; returns the end of the closing `]`.
    fn generic_arguments(&mut self, mut first: Token, open: Span) -> Span {
        let mut end = open;
        loop {
            match first.kind {
                Tok::Identifier(_) => end = self.finish_type_name(&first),
                _ => {
                    let t = self.next_token();
                    if !matches!(t.kind, Tok::Identifier(_)) {
                        let at = t.span;
                        self.unget(t);
                        self.incomplete(after(at), msg::MISSING_TYPENAME, &[]);
                        return end;
                    }
                    self.finish_type_name(&t);
                    let close = self.next_token();
                    if matches!(close.kind, Tok::RBracket) {
                        end = close.span;
                    } else {
                        let at = before(close.span);
                        self.unget(close);
                        self.incomplete(at, msg::END_BRACKET_AT_END_OF_TYPE, &[]);
                    }
                }
            }
            self.skip_newlines();
            let t = self.next_token();
            match t.kind {
                Tok::Comma => {
                    self.skip_newlines();
                    first = self.next_token();
                    if !matches!(first.kind, Tok::Identifier(_) | Tok::LBracket) {
                        let at = after(t.span);
                        self.unget(first);
                        self.incomplete(at, msg::MISSING_TYPENAME, &[]);
                        return end;
                    }
                }
                Tok::RBracket => return t.span,
                _ => {
                    let at = before(t.span);
                    self.unget(t);
                    self.incomplete(at, msg::END_BRACKET_AT_END_OF_ATTRIBUTE, &[]);
                    return end;
                }
            }
        }
    }

    /// `[Type]` with no attribute arguments (catch and trap types). None (with nothing
    /// reported) when no type follows, or for `[Type(`; the caller rescans. A missing `]` is
    /// reported before the token found instead, and the type is kept (pwsh's AttributeRule).
    pub fn type_constraint_only(&mut self) -> Option<(TypeName, Span)> {
        let open = self.next_lbracket()?;
        let t = self.type_name_rule()?;
        let close = self.next_token();
        match close.kind {
            Tok::RBracket => Some((t, open.span.to(close.span))),
            Tok::LParen => None,
            _ => {
                let at = before(close.span);
                self.unget(close);
                self.error(at, msg::END_BRACKET_AT_END_OF_ATTRIBUTE, &[]);
                let extent = open.span.to(t.span);
                Some((t, extent))
            }
        }
    }

    // ----- parameters ---------------------------------------------------------------------

    /// `[attrs] $a = default, ...` inside `param( )` or `function f( )`.
    pub fn parameter_list_rule(&mut self) -> Vec<ParamDecl> {
        let mut params: Vec<ParamDecl> = Vec::new();
        let mut comma: Option<Span> = None;
        loop {
            let Some(param) = self.parameter_rule() else {
                if let Some(c) = comma {
                    self.incomplete(after(c), msg::MISSING_EXPRESSION_AFTER_TOKEN, &[","]);
                }
                break;
            };
            if params
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&param.name))
            {
                let name = param.name.clone();
                self.error(param.span, msg::DUPLICATE_FORMAL_PARAMETER, &[&name]);
            }
            params.push(param);
            self.skip_newlines();
            let t = self.peek().clone();
            if !matches!(t.kind, Tok::Comma) {
                break;
            }
            self.skip();
            comma = Some(t.span);
        }
        params
    }

    fn parameter_rule(&mut self) -> Option<ParamDecl> {
        let old = self.disable_comma;
        self.disable_comma = true;
        let result = self.with_mode(Mode::Expression, |p| {
            p.skip_newlines();
            let attrs = p.attribute_list(false);
            p.skip_newlines();
            let var = p.next_token();
            let Tok::Variable { var: variable, .. } = var.kind.clone() else {
                p.unget(var);
                let last_span = attrs.last()?.span();
                p.incomplete(after(last_span), msg::INVALID_FUNCTION_PARAMETER, &[]);
                p.sync_past_closing_paren();
                return Some(ParamDecl {
                    name: String::new(),
                    attributes: Vec::new(),
                    type_constraint: None,
                    default: None,
                    span: last_span,
                });
            };
            p.skip_newlines();
            let mut default = None;
            if matches!(p.peek().kind, Tok::Equals) {
                let eq = p.next_token();
                p.skip_newlines();
                default = p.expression_rule();
                if default.is_none() {
                    p.incomplete(after(eq.span), msg::MISSING_EXPRESSION_AFTER_TOKEN, &["="]);
                }
            }
            let mut attributes = Vec::new();
            let mut type_constraint = None;
            let mut start = var.span;
            for (i, a) in attrs.into_iter().enumerate() {
                if i == 0 {
                    start = a.span();
                }
                match a {
                    AttributeOrType::Attribute(x) => attributes.push(x),
                    AttributeOrType::Type(t, _) => {
                        if type_constraint.is_none() {
                            type_constraint = Some(t);
                        }
                    }
                }
            }
            let end = default.as_ref().map_or(var.span, |d| d.span);
            Some(ParamDecl {
                name: variable.name,
                attributes,
                type_constraint,
                default,
                span: start.to(end),
            })
        });
        self.disable_comma = old;
        result
    }

    /// Error recovery in a parameter list: skip past the `)` that closes it.
    fn sync_past_closing_paren(&mut self) {
        let mut parens = 1usize;
        loop {
            let t = self.next_token();
            match t.kind {
                Tok::LParen | Tok::AtParen | Tok::DollarParen => parens += 1,
                Tok::RParen => {
                    parens -= 1;
                    if parens == 0 {
                        return;
                    }
                }
                Tok::Eof => {
                    self.unget(t);
                    return;
                }
                _ => {}
            }
        }
    }

    pub fn full_text(&self) -> &str {
        self.source_text(span(0, self.source.text.len()))
    }
}
