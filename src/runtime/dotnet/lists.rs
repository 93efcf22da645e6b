//! Resizable lists scripts build results in: `System.Collections.ArrayList` and
//! `System.Collections.Generic.List[T]`. They are ordinary arrays (`Value::Array`, so the
//! pipeline, indexing and `.Count` treat them alike) that the session remembers as lists, which
//! gives them `Add`, `Remove`, `Insert`, ... and their own type name. `+=` on a list gives a new
//! `Object[]`, as in pwsh.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::value::{Array, ArrayKind, Value};
use crate::syntax::Span;

/// The list a type name written in script denotes: `System.Collections.ArrayList`,
/// `System.Collections.Generic.List[string]` (with or without `System.`).
pub fn list_kind_for(type_name: &str) -> Option<ArrayKind> {
    let lower = type_name.trim().to_ascii_lowercase();
    let bare = lower.strip_prefix("system.").unwrap_or(&lower);
    if bare == "collections.arraylist" {
        return Some(ArrayKind::ArrayList);
    }
    let inner = bare
        .strip_prefix("collections.generic.list[")
        .and_then(|r| r.strip_suffix(']'))?;
    let start = type_name.len() - inner.len() - 1;
    let element = type_name.get(start..type_name.len() - 1).unwrap_or(inner);
    Some(ArrayKind::List(Rc::from(super::full_type_name(element))))
}

impl Session {
    /// Makes a new list holding `items`.
    pub(crate) fn new_list(&mut self, kind: ArrayKind, items: Vec<Value>) -> Value {
        Value::array_of(kind, items)
    }

    /// `New-Object <type> [args]` and `[type]::new(args)` for the types aapsh can create
    /// (lists, exceptions, ErrorRecord, PSCredential). The hook New-Object calls.
    pub fn new_object(
        &mut self,
        type_name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Result<Value, Flow> {
        let ty = Value::Type(Rc::from(super::full_type_name(type_name)));
        super::invoke_method(self, &ty, "new", args, true, span)
    }
}

/// `$list.Method(args)`, or `None` when the method is not a list method. A `List[T]` converts
/// what it stores to T, with the method binder's error when it cannot.
pub(crate) fn list_method(
    s: &mut Session,
    kind: &ArrayKind,
    items: &Rc<RefCell<Array>>,
    name: &str,
    lower: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let convert = |s: &Session, v: &Value, param: &str| -> Result<Value, Flow> {
        match kind {
            ArrayKind::List(e) => super::generic::element_arg(s, v, e, param, name, span),
            _ => Ok(v.clone()),
        }
    };
    let result = (|| -> Result<Option<Value>, Flow> {
        Ok(Some(match (lower, args.len()) {
            ("add", 1) => {
                let v = convert(s, &args[0], "item")?;
                let mut list = items.borrow_mut();
                list.push(v);
                // ArrayList.Add returns the new index; List<T>.Add returns nothing.
                if *kind == ArrayKind::ArrayList {
                    Value::integer(list.len() as i64 - 1)
                } else {
                    Value::Null
                }
            }
            ("addrange", 1) => {
                let mut more = Vec::new();
                for v in args[0].enumerate() {
                    more.push(convert(s, &v, "collection")?);
                }
                items.borrow_mut().extend(more);
                Value::Null
            }
            ("insert", 2) => {
                let v = convert(s, &args[1], "item")?;
                let mut list = items.borrow_mut();
                let at = crate::runtime::conversion::to_int(&args[0], "System.Int32").unwrap_or(0);
                let at = usize::try_from(at).unwrap_or(0).min(list.len());
                list.insert(at, v);
                Value::Null
            }
            ("remove", 1) => {
                let mut list = items.borrow_mut();
                let found = list
                    .iter()
                    .position(|x| crate::runtime::operators::values_equal(x, &args[0], true));
                if let Some(i) = found {
                    list.remove(i);
                }
                if *kind != ArrayKind::ArrayList {
                    Value::Bool(found.is_some())
                } else {
                    Value::Null
                }
            }
            ("removeat", 1) => {
                let mut list = items.borrow_mut();
                let at = crate::runtime::conversion::to_int(&args[0], "System.Int32").unwrap_or(-1);
                if let Ok(i) = usize::try_from(at)
                    && i < list.len()
                {
                    list.remove(i);
                }
                Value::Null
            }
            ("clear", 0) => {
                items.borrow_mut().clear();
                Value::Null
            }
            ("toarray", 0) => match kind.element() {
                Some(e) if e != "System.Object" => {
                    Value::array_of(ArrayKind::Typed(Rc::from(e)), items.borrow().items.clone())
                }
                _ => Value::array(items.borrow().items.clone()),
            },
            ("reverse", 0) => {
                items.borrow_mut().reverse();
                Value::Null
            }
            ("sort", 0) => {
                items
                    .borrow_mut()
                    .sort_by(|a, b| crate::runtime::operators::sort_order(a, b, false));
                Value::Null
            }
            _ => return Ok(None),
        }))
    })();
    result.transpose()
}
