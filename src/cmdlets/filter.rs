//! The `-Filter` language of Get-CsOnlineUser (and friends): Where-Object comparison syntax
//! over the object's properties, `Prop -op value` joined by `-and` / `-or`, with `-not` and
//! parentheses. Values are quoted strings, numbers, `$null`/`$true`/`$false` or `$variables`
//! (resolved when the filter is parsed). As the service does, `$null` and '' are the same.

use crate::runtime::Value;
use crate::runtime::operators::{values_equal, wildcard_match};
use crate::syntax::ast::{CaseMode, CompareOp};

#[derive(Clone, Debug)]
pub enum Filter {
    Compare {
        property: String,
        op: CompareOp,
        case: CaseMode,
        value: Value,
    },
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Op(String),
    Str(String),
    Var(String),
    Open,
    Close,
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            '\'' | '"' | '‘' | '’' | '“' | '”' => {
                let double = matches!(c, '"' | '“' | '”');
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(format!("The filter {text} has an unterminated string."));
                        }
                        Some(&q)
                            if (double && matches!(q, '"' | '“' | '”'))
                                || (!double && matches!(q, '\'' | '‘' | '’')) =>
                        {
                            if chars.get(i + 1) == Some(&q) {
                                s.push(q);
                                i += 2;
                            } else {
                                i += 1;
                                break;
                            }
                        }
                        Some(&ch) => {
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                out.push(Token::Str(s));
            }
            '$' => {
                let start = i + 1;
                i += 1;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == ':')
                {
                    i += 1;
                }
                out.push(Token::Var(chars[start..i].iter().collect()));
            }
            '-' if chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) => {
                let start = i + 1;
                i += 1;
                while i < chars.len() && chars[i].is_alphabetic() {
                    i += 1;
                }
                out.push(Token::Op(
                    chars[start..i]
                        .iter()
                        .collect::<String>()
                        .to_ascii_lowercase(),
                ));
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && chars[i] != '('
                    && chars[i] != ')'
                {
                    i += 1;
                }
                out.push(Token::Word(chars[start..i].iter().collect()));
            }
        }
    }
    Ok(out)
}

fn compare_op(name: &str) -> Option<(CompareOp, CaseMode)> {
    // `-contains` and `-notcontains` start with the case prefix `c`: the whole word first.
    match name {
        "contains" => return Some((CompareOp::Contains, CaseMode::Default)),
        "notcontains" => return Some((CompareOp::NotContains, CaseMode::Default)),
        _ => {}
    }
    let (case, bare) = if let Some(b) = name.strip_prefix('c') {
        (CaseMode::Sensitive, b)
    } else if let Some(b) = name.strip_prefix('i') {
        (CaseMode::Insensitive, b)
    } else {
        (CaseMode::Default, name)
    };
    let op = match bare {
        "eq" => CompareOp::Eq,
        "ne" => CompareOp::Ne,
        "gt" => CompareOp::Gt,
        "ge" => CompareOp::Ge,
        "lt" => CompareOp::Lt,
        "le" => CompareOp::Le,
        "like" => CompareOp::Like,
        "notlike" => CompareOp::NotLike,
        "match" => CompareOp::Match,
        "notmatch" => CompareOp::NotMatch,
        "contains" => CompareOp::Contains,
        "notcontains" => CompareOp::NotContains,
        _ => {
            // `-eq` would parse as c/i-prefixed otherwise (`-in`, `-ine`...): retry unprefixed.
            return if case != CaseMode::Default {
                compare_op_plain(name)
            } else {
                None
            };
        }
    };
    Some((op, case))
}

fn compare_op_plain(name: &str) -> Option<(CompareOp, CaseMode)> {
    match name {
        "in" => Some((CompareOp::In, CaseMode::Default)),
        "notin" => Some((CompareOp::NotIn, CaseMode::Default)),
        _ => None,
    }
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    lookup: &'a dyn Fn(&str) -> Value,
    text: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn error(&self) -> String {
        format!(
            "The filter \"{}\" is not valid. Use the form: Property -eq 'value' [-and|-or ...].",
            self.text
        )
    }

    fn or(&mut self) -> Result<Filter, String> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Op("or".into())) {
            self.pos += 1;
            let right = self.and()?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, String> {
        let mut left = self.unary()?;
        while self.peek() == Some(&Token::Op("and".into())) {
            self.pos += 1;
            let right = self.unary()?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, String> {
        match self.peek() {
            Some(Token::Op(o)) if o == "not" => {
                self.pos += 1;
                Ok(Filter::Not(Box::new(self.unary()?)))
            }
            Some(Token::Word(w)) if w == "!" => {
                self.pos += 1;
                Ok(Filter::Not(Box::new(self.unary()?)))
            }
            Some(Token::Open) => {
                self.pos += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(self.error());
                }
                self.pos += 1;
                Ok(inner)
            }
            _ => self.comparison(),
        }
    }

    fn comparison(&mut self) -> Result<Filter, String> {
        let property = match self.peek() {
            Some(Token::Word(w)) => w.trim_start_matches("$_.").to_string(),
            Some(Token::Var(v)) if v.starts_with('_') => v
                .trim_start_matches('_')
                .trim_start_matches('.')
                .to_string(),
            _ => return Err(self.error()),
        };
        self.pos += 1;
        let (op, case) = match self.peek() {
            Some(Token::Op(o)) => compare_op(o).ok_or_else(|| self.error())?,
            _ => return Err(self.error()),
        };
        self.pos += 1;
        let value = match self.peek() {
            Some(Token::Str(s)) => Value::str(s),
            Some(Token::Var(v)) => match v.to_ascii_lowercase().as_str() {
                "null" => Value::Null,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => (self.lookup)(v),
            },
            Some(Token::Word(w)) => match w.parse::<i64>() {
                Ok(i) => Value::integer(i),
                Err(_) => Value::str(w),
            },
            _ => return Err(self.error()),
        };
        self.pos += 1;
        Ok(Filter::Compare {
            property,
            op,
            case,
            value,
        })
    }
}

impl Filter {
    /// Parses a filter; `$variables` are resolved through `lookup`.
    pub fn parse(text: &str, lookup: &dyn Fn(&str) -> Value) -> Result<Filter, String> {
        let tokens = tokenize(text)?;
        let mut p = Parser {
            tokens,
            pos: 0,
            lookup,
            text,
        };
        let f = p.or()?;
        if p.pos != p.tokens.len() {
            return Err(p.error());
        }
        Ok(f)
    }

    pub fn matches(&self, obj: &Value) -> bool {
        match self {
            Filter::And(a, b) => a.matches(obj) && b.matches(obj),
            Filter::Or(a, b) => a.matches(obj) || b.matches(obj),
            Filter::Not(a) => !a.matches(obj),
            Filter::Compare {
                property,
                op,
                case,
                value,
            } => {
                let actual = obj.property(property).unwrap_or(Value::Null);
                let cs = *case == CaseMode::Sensitive;
                let blank =
                    |v: &Value| v.is_null() || matches!(v, Value::String(s) if s.is_empty());
                let eq = |a: &Value, b: &Value| (blank(a) && blank(b)) || values_equal(a, b, cs);
                match op {
                    CompareOp::Eq => {
                        actual.enumerate().iter().any(|a| eq(a, value))
                            || (actual.is_null() && blank(value))
                    }
                    CompareOp::Ne => {
                        !(actual.enumerate().iter().any(|a| eq(a, value))
                            || (actual.is_null() && blank(value)))
                    }
                    CompareOp::Like => {
                        wildcard_match(&value.to_ps_string(), &actual.to_ps_string(), cs)
                    }
                    CompareOp::NotLike => {
                        !wildcard_match(&value.to_ps_string(), &actual.to_ps_string(), cs)
                    }
                    CompareOp::Match | CompareOp::NotMatch => {
                        let options = if cs {
                            0
                        } else {
                            crate::runtime::regex::opt::IGNORE_CASE
                        };
                        let hit =
                            crate::runtime::regex::Regex::cached(&value.to_ps_string(), options)
                                .is_ok_and(|r| r.is_match(&actual.to_ps_string()).unwrap_or(false));
                        hit == (*op == CompareOp::Match)
                    }
                    CompareOp::Contains => actual.enumerate().iter().any(|a| eq(a, value)),
                    CompareOp::NotContains => !actual.enumerate().iter().any(|a| eq(a, value)),
                    CompareOp::In => value.enumerate().iter().any(|v| eq(&actual, v)),
                    CompareOp::NotIn => !value.enumerate().iter().any(|v| eq(&actual, v)),
                    CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le => {
                        let o = crate::runtime::operators::sort_order(&actual, value, cs);
                        match op {
                            CompareOp::Gt => o.is_gt(),
                            CompareOp::Ge => o.is_ge(),
                            CompareOp::Lt => o.is_lt(),
                            _ => o.is_le(),
                        }
                    }
                    _ => false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::PsObject;

    fn user(policy: Value) -> Value {
        Value::object(
            PsObject::custom()
                .with("UserPrincipalName", Value::str("megan@contoso.com"))
                .with("ApplicationAccessPolicy", policy),
        )
    }

    #[test]
    fn filters_as_admins_write_them() {
        let none = |_: &str| Value::Null;
        let f = Filter::parse("ApplicationAccessPolicy -eq 'Test-policy'", &none).unwrap();
        assert!(f.matches(&user(Value::str("test-policy"))));
        assert!(!f.matches(&user(Value::Null)));
        let f = Filter::parse("ApplicationAccessPolicy -ne ''", &none).unwrap();
        assert!(!f.matches(&user(Value::Null)));
        assert!(f.matches(&user(Value::str("x"))));
        let f = Filter::parse(
            "{UserPrincipalName -like \"megan*\" -and -not (ApplicationAccessPolicy -ne $null)}"
                .trim_matches(['{', '}']),
            &none,
        )
        .unwrap();
        assert!(f.matches(&user(Value::Null)));
        let lookup = |n: &str| {
            if n == "p" {
                Value::str("x")
            } else {
                Value::Null
            }
        };
        let f = Filter::parse("ApplicationAccessPolicy -eq $p", &lookup).unwrap();
        assert!(f.matches(&user(Value::str("X"))));
        assert!(Filter::parse("nonsense", &none).is_err());
    }

    #[test]
    fn contains_tests_list_properties() {
        // Get-CsOnlineUser.md, example 7: -Filter "FeatureTypes -Contains 'PhoneSystem'".
        let none = |_: &str| Value::Null;
        let obj = Value::object(PsObject::custom().with(
            "FeatureTypes",
            Value::array(vec![Value::str("Teams"), Value::str("PhoneSystem")]),
        ));
        let f = Filter::parse("FeatureTypes -Contains 'phonesystem'", &none).unwrap();
        assert!(f.matches(&obj));
        let f = Filter::parse("FeatureTypes -notcontains 'CallingPlan'", &none).unwrap();
        assert!(f.matches(&obj));
        let f = Filter::parse("FeatureTypes -ccontains 'phonesystem'", &none).unwrap();
        assert!(!f.matches(&obj));
    }
}
