//! How one property value becomes the text of a list value or table cell (pwsh's
//! `PSObjectHelper.SmartToString` and `GetObjectName`): collections as `{a, b, c, d…}` cut at
//! `$FormatEnumerationLimit`, `{}` when empty, `$null` for null items, hashtables as
//! `{[key, value], …}`, nested PSCustomObjects as `@{a=1; b=2}`. Must not lay text out: no
//! widths, no wrapping, no colour.

use crate::runtime::Value;

use super::scalar::datetime_short;
use crate::runtime::culture::Culture;
use crate::runtime::output::FormatOptions;

/// `…` (U+2026), pwsh 7's `PSObjectHelper.Ellipsis`.
pub const ELLIPSIS: char = '\u{2026}';

/// SmartToString of one property value: what a list value or table cell shows.
pub fn cell_text(value: &Value, opts: &FormatOptions) -> String {
    match value {
        Value::Null => String::new(),
        Value::Array(items) => {
            let items = items.borrow();
            braced(
                items.iter().map(|v| object_name(v, opts.culture)),
                opts.enumeration_limit,
            )
        }
        Value::Hashtable(table) => {
            let table = table.borrow();
            braced(
                table.iter().map(|(k, v)| {
                    format!(
                        "[{}, {}]",
                        to_string_at(k, 1, opts.culture),
                        to_string_at(v, 1, opts.culture)
                    )
                }),
                opts.enumeration_limit,
            )
        }
        other => to_string_at(other, 0, opts.culture),
    }
}

/// `{item, item…}`: stops after `limit` items (negative = no limit) and appends `…` directly.
fn braced(items: impl Iterator<Item = String>, limit: i64) -> String {
    let mut out = String::from("{");
    for (shown, item) in items.enumerate() {
        if limit >= 0 && shown as i64 == limit {
            out.push(ELLIPSIS);
            break;
        }
        if shown > 0 {
            out.push_str(", ");
        }
        out.push_str(&item);
    }
    out.push('}');
    out
}

/// GetObjectName: one element of a collection shown inside `{…}`. Null is `$null`; a nested
/// array is space-joined (PSObject.ToString enumerates one level); everything else is its
/// ToString.
pub fn object_name(value: &Value, culture: &Culture) -> String {
    match value {
        Value::Null => "$null".into(),
        // A regex Group (or Match) inside a collection shows its name (`Groups : {0, 1, q}`).
        Value::Object(o)
            if o.borrow().type_names.first().is_some_and(|t| {
                t == "System.Text.RegularExpressions.Group"
                    || t == "System.Text.RegularExpressions.Match"
            }) =>
        {
            o.borrow()
                .get("Name")
                .map(|n| n.to_ps_string())
                .unwrap_or_default()
        }
        Value::Array(items) => items
            .borrow()
            .iter()
            .map(|v| to_string_at(v, 1, culture))
            .collect::<Vec<_>>()
            .join(" "),
        other => to_string_at(other, 0, culture),
    }
}

/// .NET `ToString()` as the formatter sees it (no enumeration): arrays and hashtables give their
/// type names, PSCustomObjects `@{Name=value; ...}`, dates in the culture's `G` form.
pub fn dotnet_to_string(value: &Value, culture: &Culture) -> String {
    to_string_at(value, 0, culture)
}

fn to_string_at(value: &Value, depth: usize, culture: &Culture) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Num(_) | Value::Char(_) | Value::Enum(_) => value.to_ps_string(),
        Value::String(s) => s.to_string(),
        Value::Array(_) | Value::Hashtable(_) => value.type_name(),
        Value::Object(obj) => {
            let obj = obj.borrow();
            if let Some(text) = &obj.text {
                return text.clone();
            }
            if !obj.is_custom() {
                return obj.type_names.first().cloned().unwrap_or_default();
            }
            // A PSCustomObject inside another one is empty text (`@{Name=x; Self=}`), as
            // PSObject.ToString gives it; so no walk goes deeper than one level.
            if depth >= 1 {
                return String::new();
            }
            let inner: Vec<String> = obj
                .properties()
                .map(|(name, v)| format!("{name}={}", to_string_at(v, depth + 1, culture)))
                .collect();
            format!("@{{{}}}", inner.join("; "))
        }
        Value::ScriptBlock(_) | Value::Type(_) | Value::SecureString(_) | Value::Guid(_) => {
            value.to_ps_string()
        }
        Value::DateTime(dt) => datetime_short(*dt, culture),
        Value::TimeSpan(ts) => ts.to_constant_string(),
        Value::Error(record) => record.exception.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Hashtable, PsObject};

    fn strs(items: &[&str]) -> Value {
        Value::array(items.iter().map(Value::str).collect())
    }

    #[test]
    fn collections_cut_at_the_limit() {
        let opts = FormatOptions::default();
        assert_eq!(cell_text(&strs(&["a", "b"]), &opts), "{a, b}");
        assert_eq!(cell_text(&strs(&[]), &opts), "{}");
        assert_eq!(
            cell_text(&strs(&["a", "b", "c", "d", "e"]), &opts),
            "{a, b, c, d\u{2026}}"
        );
        assert_eq!(
            cell_text(&strs(&["a", "b", "c", "d"]), &opts),
            "{a, b, c, d}"
        );
        let unlimited = FormatOptions {
            enumeration_limit: -1,
            ..opts
        };
        assert_eq!(
            cell_text(&strs(&["a", "b", "c", "d", "e"]), &unlimited),
            "{a, b, c, d, e}"
        );
        let zero = FormatOptions {
            enumeration_limit: 0,
            ..opts
        };
        assert_eq!(cell_text(&strs(&["a"]), &zero), "{\u{2026}}");
        assert_eq!(cell_text(&strs(&[]), &zero), "{}");
    }

    #[test]
    fn elements_render_like_get_object_name() {
        let opts = FormatOptions::default();
        let nested = Value::object(
            PsObject::custom()
                .with("a", Value::integer(1))
                .with("b", strs(&["x", "y"])),
        );
        let mut h = Hashtable::new(false);
        h.insert(Value::str("k"), Value::integer(1));
        let items = Value::array(vec![
            Value::Null,
            nested.clone(),
            Value::hashtable(h.clone()),
            Value::array(vec![Value::integer(2), Value::integer(3)]),
            Value::Bool(true),
        ]);
        let limit = FormatOptions {
            enumeration_limit: -1,
            ..opts
        };
        assert_eq!(
            cell_text(&items, &limit),
            "{$null, @{a=1; b=System.Object[]}, System.Collections.Hashtable, 2 3, True}"
        );
        assert_eq!(cell_text(&nested, &opts), "@{a=1; b=System.Object[]}");
        h.insert(Value::str("z"), Value::str("two"));
        assert_eq!(cell_text(&Value::hashtable(h), &opts), "{[k, 1], [z, two]}");
        assert_eq!(cell_text(&Value::Null, &opts), "");
    }

    #[test]
    fn self_reference_does_not_recurse_forever() {
        let obj = std::rc::Rc::new(std::cell::RefCell::new(PsObject::custom()));
        let v = Value::Object(obj.clone());
        obj.borrow_mut().set("me", v.clone());
        // A cycle through an array element is cut by the depth limit.
        let arr = Value::array(vec![]);
        if let Value::Array(items) = &arr {
            items.borrow_mut().push(arr.clone());
        }
        assert_eq!(
            cell_text(&arr, &FormatOptions::default()),
            "{System.Object[]}"
        );
        // pwsh 7.6.10 shows `Self : @{Name=x; Self=}` for such an object: the inner one is
        // its own (empty) ToString.
        assert_eq!(cell_text(&v, &FormatOptions::default()), "@{me=}");
    }
}
