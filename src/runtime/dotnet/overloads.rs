//! Binds a .NET method call to one overload and converts its arguments, as PowerShell's method
//! binder does (CoreAdapter.FindBestMethod): every overload that takes the argument count
//! (also with a `params` array expanded) is ranked by how each argument converts to its
//! parameter type (LanguagePrimitives' ConversionRank), the best candidate wins, and the
//! arguments are converted to its parameter types. A call no overload takes fails with pwsh's
//! "Cannot find an overload" error; an argument that does not convert with "Cannot convert
//! argument ...".
//!
//! The signatures come from the recorded type table (`vocab::dotnet`).

use std::rc::Rc;

use crate::runtime::conversion;
use crate::runtime::number::NumKind;
use crate::runtime::value::{ArrayKind, Value};
use crate::vocab::dotnet::{Signature, full_name_of};

/// LanguagePrimitives.ConversionRank: higher is better; `S2A` variants (a scalar becoming a
/// one-element array) rank just below their plain forms.
pub mod rank {
    pub const NONE: u16 = 0x0000;
    pub const UNRELATED_ARRAYS: u16 = 0x000F;
    pub const TO_STRING: u16 = 0x001F;
    pub const ICONVERTIBLE: u16 = 0x003F;
    pub const PARSE: u16 = 0x007F;
    pub const LANGUAGE: u16 = 0x009F;
    pub const NULL_TO_VALUE: u16 = 0x00AF;
    pub const NULL_TO_REF: u16 = 0x00BF;
    pub const NUMERIC_EXPLICIT: u16 = 0x00CF;
    pub const NUMERIC_EXPLICIT1: u16 = 0x00DF;
    pub const NUMERIC_STRING: u16 = 0x00EF;
    pub const NUMERIC_IMPLICIT: u16 = 0x00FF;
    pub const ASSIGNABLE: u16 = 0x010F;
    pub const STRING_TO_CHAR_ARRAY: u16 = 0x011A;
    pub const IDENTITY: u16 = 0x011F;

    /// The rank of converting a scalar into a one-element array of the target element type.
    pub fn scalar_to_array(element_rank: u16) -> u16 {
        if element_rank == NONE {
            NONE
        } else {
            element_rank & !0x8
        }
    }
}

/// The .NET value types aapsh models (a `$null` argument converts to them as their default).
fn is_value_type(full: &str) -> bool {
    NumKind::from_full_name(full).is_some()
        || matches!(
            full,
            "System.Boolean"
                | "System.Char"
                | "System.DateTime"
                | "System.TimeSpan"
                | "System.Guid"
                | "System.Int32&"
        )
        || is_enum(full)
}

/// Enum parameter types in the recorded signatures.
fn is_enum(full: &str) -> bool {
    matches!(
        full,
        "System.StringComparison"
            | "System.StringSplitOptions"
            | "System.MidpointRounding"
            | "System.DateTimeKind"
            | "System.Text.RegularExpressions.RegexOptions"
            | "System.Globalization.NumberStyles"
            | "System.Globalization.DateTimeStyles"
            | "System.Globalization.TimeSpanStyles"
            | "System.Text.NormalizationForm"
            | "System.DayOfWeek"
            | "System.UriKind"
            | "System.UriPartial"
            | "System.UriComponents"
            | "System.UriFormat"
            | "System.TypeCode"
            | "System.Base64FormattingOptions"
            | "System.EnvironmentVariableTarget"
    )
}

/// The rank of converting a value of `from` to `to` (both full .NET names), for the type pairs
/// aapsh models; `NONE` where no conversion exists.
pub fn type_rank(from: &str, to: &str) -> u16 {
    if from == to {
        return rank::IDENTITY;
    }
    if to == "System.Object" {
        return rank::ASSIGNABLE;
    }
    match (from.strip_suffix("[]"), to.strip_suffix("[]")) {
        (Some(_), None) if to == "System.Array" => return rank::ASSIGNABLE,
        (Some(_), None) if to == "System.String" => return rank::TO_STRING,
        (Some(_), None) => return rank::NONE,
        (None, Some("System.Char")) if from == "System.String" => {
            return rank::STRING_TO_CHAR_ARRAY;
        }
        (None, Some(element)) => return rank::scalar_to_array(type_rank(from, element)),
        (Some(a), Some(b)) => {
            return match type_rank(a, b) {
                rank::NONE => rank::NONE,
                rank::ASSIGNABLE | rank::IDENTITY => rank::ASSIGNABLE,
                _ => rank::UNRELATED_ARRAYS,
            };
        }
        (None, None) => {}
    }
    let from_num = NumKind::from_full_name(from);
    let to_num = NumKind::from_full_name(to);
    if let (Some(a), Some(b)) = (from_num, to_num) {
        return numeric_rank(a, b);
    }
    match (from, to) {
        (_, "System.String") if from_num.is_some() => rank::NUMERIC_STRING,
        (_, "System.Char") if from_num.is_some() => rank::NUMERIC_STRING,
        (_, "System.Boolean") if from_num.is_some() => rank::LANGUAGE,
        ("System.String", _) if to_num.is_some() => rank::NUMERIC_STRING,
        ("System.String", "System.Char[]") => rank::STRING_TO_CHAR_ARRAY,
        (
            "System.String",
            "System.Boolean"
            | "System.Text.RegularExpressions.Regex"
            | "System.Type"
            | "System.Uri"
            | "System.Version",
        ) => rank::LANGUAGE,
        ("System.String", "System.Char") => rank::PARSE,
        ("System.String", "System.DateTime" | "System.TimeSpan" | "System.Guid") => rank::PARSE,
        ("System.String", _) if is_enum(to) => rank::LANGUAGE,
        (_, _) if from_num.is_some() && is_enum(to) => rank::ICONVERTIBLE,
        ("System.Char", "System.Single" | "System.Double" | "System.Boolean") => rank::LANGUAGE,
        ("System.Char", _) if to_num.is_some() => rank::ICONVERTIBLE,
        ("System.Boolean", "System.Numerics.BigInteger") => rank::LANGUAGE,
        ("System.Boolean", _) if to_num.is_some() => rank::ICONVERTIBLE,
        (_, "System.String") => rank::TO_STRING,
        (
            "System.Management.Automation.PSCustomObject",
            "System.Management.Automation.PSObject",
        ) => rank::ASSIGNABLE,
        _ => rank::NONE,
    }
}

/// LanguagePrimitives' numeric conversion table: widening within a sign (or from unsigned to a
/// larger signed type), integers to reals and Single to Double are implicit; everything else
/// is explicit, signed-to-unsigned being the "better" explicit conversion.
fn numeric_rank(from: NumKind, to: NumKind) -> u16 {
    use NumKind::*;
    if from == to {
        return rank::IDENTITY;
    }
    let signed = [SByte, Int16, Int32, Int64];
    let unsigned = [Byte, UInt16, UInt32, UInt64];
    let pos = |k: NumKind, list: &[NumKind]| list.iter().position(|x| *x == k);
    if from == BigInt || to == BigInt {
        return if to == BigInt && from.is_integer() {
            rank::NUMERIC_IMPLICIT
        } else {
            rank::NUMERIC_EXPLICIT
        };
    }
    if from.is_integer() && !to.is_integer() {
        return rank::NUMERIC_IMPLICIT;
    }
    if !from.is_integer() && to.is_integer() {
        return rank::NUMERIC_EXPLICIT;
    }
    if !from.is_integer() && !to.is_integer() {
        return match (from, to) {
            (Single, Double) => rank::NUMERIC_IMPLICIT,
            (Decimal, _) => rank::NUMERIC_EXPLICIT1,
            _ => rank::NUMERIC_EXPLICIT,
        };
    }
    match (
        pos(from, &signed),
        pos(from, &unsigned),
        pos(to, &signed),
        pos(to, &unsigned),
    ) {
        // Same sign.
        (Some(i), _, Some(j), _) | (_, Some(i), _, Some(j)) => {
            if j > i {
                rank::NUMERIC_IMPLICIT
            } else {
                rank::NUMERIC_EXPLICIT
            }
        }
        // Unsigned to signed: implicit when the target is bigger.
        (_, Some(i), Some(j), _) => {
            if j > i {
                rank::NUMERIC_IMPLICIT
            } else {
                rank::NUMERIC_EXPLICIT
            }
        }
        // Signed to unsigned: the "better" explicit conversion when not smaller.
        (Some(i), _, _, Some(j)) => {
            if j >= i {
                rank::NUMERIC_EXPLICIT1
            } else {
                rank::NUMERIC_EXPLICIT
            }
        }
        _ => rank::NONE,
    }
}

/// The full type name of a value as the binder sees it.
fn value_type(v: &Value) -> String {
    match v {
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSCustomObject".into()
        }
        other => other.type_name(),
    }
}

/// How well `value` converts to a parameter of type `to`.
pub fn value_rank(value: &Value, to: &str) -> u16 {
    if value.is_null() {
        // GetArgumentConversionRank: `$null` never converts to a ByRef-like type (a span).
        if to.starts_with("System.ReadOnlySpan") || to.starts_with("System.Span") {
            return rank::NONE;
        }
        return if to == "System.String" {
            rank::TO_STRING
        } else if is_value_type(to) {
            rank::NULL_TO_VALUE
        } else {
            rank::NULL_TO_REF
        };
    }
    if let Some(element) = to.strip_suffix("[]") {
        return match value {
            Value::Array(items) => {
                let items = items.borrow();
                if items.kind.type_name() == to {
                    rank::IDENTITY
                } else if element == "System.Object" {
                    rank::ASSIGNABLE
                } else if items.iter().all(|i| value_rank(i, element) != rank::NONE) {
                    rank::UNRELATED_ARRAYS
                } else {
                    rank::NONE
                }
            }
            Value::String(_) if element == "System.Char" => rank::STRING_TO_CHAR_ARRAY,
            scalar => rank::scalar_to_array(value_rank(scalar, element)),
        };
    }
    if let Value::Array(items) = value {
        // A one-element array does not unwrap for a scalar parameter, but any value converts
        // to Object and to String.
        let _ = items;
        return match to {
            "System.Object" => rank::ASSIGNABLE,
            "System.String" => rank::TO_STRING,
            _ => rank::NONE,
        };
    }
    type_rank(&value_type(value), to)
}

/// One way to call an overload: its parameters, with a `params` array expanded or not.
#[derive(Clone, Debug)]
struct Candidate<'a> {
    signature: &'a Signature,
    /// The parameter types the arguments convert to, one per argument.
    types: Vec<String>,
    ranks: Vec<u16>,
    expanded: bool,
}

/// Why a call did not bind.
#[derive(Debug)]
pub enum BindError {
    /// No overload takes this many arguments.
    Count,
    /// An argument does not convert to the parameter of the best overload: pwsh's
    /// "Cannot convert argument ..." text.
    Convert(String),
    /// Two or more overloads fit equally well.
    Ambiguous,
}

/// The overload a call binds to and its converted arguments.
#[derive(Debug)]
pub struct Bound<'a> {
    pub signature: &'a Signature,
    pub args: Vec<Value>,
}

fn candidates<'a>(overloads: &'a [Signature], args: &[Value]) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    for sig in overloads.iter().filter(|s| !s.generic) {
        let n = sig.params.len();
        let full: Vec<String> = sig
            .params
            .iter()
            .map(|p| p.full_type().to_string())
            .collect();
        // As declared (optional parameters may be left out).
        if (sig.accepts(args.len()) || (args.len() == n && n > 0)) && args.len() <= n {
            let types: Vec<String> = full[..args.len()].to_vec();
            let ranks = args
                .iter()
                .zip(&types)
                .map(|(a, t)| value_rank(a, t))
                .collect();
            out.push(Candidate {
                signature: sig,
                types,
                ranks,
                expanded: false,
            });
        }
        // With the params array expanded over the remaining arguments.
        if let Some(last) = sig.params.last()
            && last.params_array
            && args.len() + 1 >= n
        {
            let element = full[n - 1].trim_end_matches("[]").to_string();
            let mut types: Vec<String> = full[..n - 1].to_vec();
            while types.len() < args.len() {
                types.push(element.clone());
            }
            let ranks = args
                .iter()
                .zip(&types)
                .map(|(a, t)| value_rank(a, t))
                .collect();
            out.push(Candidate {
                signature: sig,
                types,
                ranks,
                expanded: true,
            });
        }
    }
    out
}

/// CompareOverloadCandidates: positive when `a` is better.
fn compare(a: &Candidate<'_>, b: &Candidate<'_>) -> i32 {
    let len = a.ranks.len();
    let mut better = 0i32;
    let mut multiplier = len as i32;
    for i in 0..len {
        if a.ranks[i] < b.ranks[i] {
            better -= multiplier;
        } else if a.ranks[i] > b.ranks[i] {
            better += multiplier;
        }
        multiplier -= 1;
    }
    if better == 0 {
        // Most specific parameter types when the conversions are implicit, most general when
        // they lose information.
        let mut multiplier = len as i32;
        for i in 0..len {
            let (r1, r2) = (a.ranks[i], b.ranks[i]);
            let m = multiplier;
            multiplier = multiplier.abs() - 1;
            if r1 < rank::NULL_TO_VALUE || r2 < rank::NULL_TO_VALUE {
                continue;
            }
            if (r1 >= rank::NUMERIC_IMPLICIT) != (r2 >= rank::NUMERIC_IMPLICIT) {
                continue;
            }
            let m = if r1 >= rank::NUMERIC_IMPLICIT { -m } else { m };
            let t1 = type_rank(&a.types[i], &b.types[i]);
            let t2 = type_rank(&b.types[i], &a.types[i]);
            if t1 < t2 {
                better += m;
            } else if t1 > t2 {
                better -= m;
            }
        }
    }
    if better == 0 {
        if a.types != b.types {
            return 0;
        }
        match (a.expanded, b.expanded) {
            (true, true) => {
                return if a.signature.params.len() > b.signature.params.len() {
                    1
                } else {
                    -1
                };
            }
            (true, false) => return -1,
            (false, true) => return 1,
            _ => {}
        }
    }
    if better == 0 {
        let (pa, pb) = (a.signature.params.len(), b.signature.params.len());
        if pa < pb {
            return 1;
        } else if pa > pb {
            return -1;
        }
    }
    better
}

/// The value of a failed argument as pwsh quotes it.
fn shown(v: &Value) -> String {
    match v {
        Value::Array(_) => v.type_name(),
        other => other.to_ps_string(),
    }
}

/// Binds `args` to the best of `overloads` (all of one method `name`) and converts them.
pub fn bind<'a>(
    name: &str,
    overloads: &'a [Signature],
    args: &[Value],
) -> Result<Bound<'a>, BindError> {
    let all = candidates(overloads, args);
    if all.is_empty() {
        return Err(BindError::Count);
    }
    let viable: Vec<&Candidate<'_>> = all
        .iter()
        .filter(|c| c.ranks.iter().all(|r| *r != rank::NONE))
        .collect();
    // FindBestCandidate: the running best against each next candidate; a tie with the best so
    // far makes the call ambiguous unless a later candidate beats them both.
    let best = if viable.is_empty() {
        None
    } else {
        let mut best = viable[0];
        let mut ambiguous = false;
        for c in &viable[1..] {
            match compare(best, c) {
                0 => ambiguous = true,
                r if r < 0 => {
                    best = c;
                    ambiguous = false;
                }
                _ => {}
            }
        }
        if ambiguous {
            return Err(BindError::Ambiguous);
        }
        Some(best)
    };
    // With no viable overload, the first one (in declaration order) reports the argument that
    // does not convert.
    let chosen = best.unwrap_or(&all[0]);
    let mut converted = Vec::with_capacity(args.len());
    for (i, (arg, ty)) in args.iter().zip(&chosen.types).enumerate() {
        let param = chosen
            .signature
            .params
            .get(i.min(chosen.signature.params.len().saturating_sub(1)))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let by_ref = chosen.signature.params.get(i).is_some_and(|p| p.by_ref);
        let value = if by_ref {
            Ok(arg.clone())
        } else {
            convert_argument(arg, ty)
        };
        match value {
            Ok(v) => converted.push(v),
            Err(inner) => {
                return Err(BindError::Convert(format!(
                    "Cannot convert argument \"{param}\", with value: \"{}\", for \"{name}\" to type \"{ty}\": \"{inner}\"",
                    shown(arg)
                )));
            }
        }
    }
    // With a params array expanded, the arguments stay one per value (each converted to the
    // element type), as the members implementing these methods read them.
    Ok(Bound {
        signature: chosen.signature,
        args: converted,
    })
}

fn typed_kind(element: &str) -> ArrayKind {
    if element == "System.Object" {
        ArrayKind::Object
    } else {
        ArrayKind::Typed(Rc::from(element))
    }
}

/// Converts an argument to a parameter type (as LanguagePrimitives.ConvertTo does for the
/// types aapsh models; other types pass through for the member to interpret).
pub fn convert_argument(value: &Value, to: &str) -> Result<Value, String> {
    if let Some(kind) = NumKind::from_full_name(to) {
        return conversion::to_number(value, kind).map(Value::Num);
    }
    if let Some(element) = to.strip_suffix("[]") {
        if value.is_null() {
            return Ok(Value::Null);
        }
        let items: Vec<Value> = match value {
            Value::String(s) if element == "System.Char" => {
                s.encode_utf16().map(Value::Char).collect()
            }
            other => other.enumerate(),
        };
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(convert_argument(item, element)?);
        }
        return Ok(Value::array_of(typed_kind(element), out));
    }
    Ok(match to {
        "System.String" => match value {
            Value::Null => Value::Null,
            Value::String(_) => value.clone(),
            other => Value::str(other.element_string()),
        },
        "System.Char" => Value::Char(conversion::to_char(value)?),
        "System.Boolean" => Value::Bool(value.is_truthy()),
        _ => value.clone(),
    })
}

/// The full name for a parameter type as declared (re-exported for the members' own use).
pub fn declared_type(written: &str) -> String {
    full_name_of(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sigs(defs: &[&str]) -> Vec<Signature> {
        defs.iter().filter_map(|d| Signature::parse(d)).collect()
    }

    #[test]
    fn picks_by_count_and_rank() {
        let o = sigs(&[
            "string Substring(int startIndex)",
            "string Substring(int startIndex, int length)",
        ]);
        let b = bind("Substring", &o, &[Value::int(1)]).unwrap();
        assert_eq!(b.signature.params.len(), 1);
        match bind("Substring", &o, &[Value::int(1), Value::str("x")]) {
            Err(BindError::Convert(m)) => assert!(
                m.starts_with("Cannot convert argument \"length\", with value: \"x\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value"),
                "{m}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(bind("Substring", &o, &[]), Err(BindError::Count)));
    }

    #[test]
    fn math_max_keeps_int_for_ints() {
        let o = sigs(&[
            "static sbyte Max(sbyte val1, sbyte val2)",
            "static byte Max(byte val1, byte val2)",
            "static int Max(int val1, int val2)",
            "static long Max(long val1, long val2)",
            "static double Max(double val1, double val2)",
            "static decimal Max(decimal val1, decimal val2)",
        ]);
        let b = bind("Max", &o, &[Value::int(1), Value::int(2)]).unwrap();
        assert_eq!(b.signature.return_type, "int");
        // pwsh 7.6.10: `[math]::Max(1, 2.5)` is the Int32 2, `[math]::Max(2.5, 1)` the Double.
        let b = bind("Max", &o, &[Value::int(1), Value::double(2.5)]).unwrap();
        assert_eq!(b.signature.return_type, "int");
        let b = bind("Max", &o, &[Value::double(2.5), Value::int(1)]).unwrap();
        assert_eq!(b.signature.return_type, "double");
    }

    #[test]
    fn split_prefers_the_string_separator() {
        let o = sigs(&[
            "string[] Split(char separator, System.StringSplitOptions options = System.StringSplitOptions.None)",
            "string[] Split(Params char[] separator)",
            "string[] Split(string separator, System.StringSplitOptions options = System.StringSplitOptions.None)",
        ]);
        let b = bind("Split", &o, &[Value::str(",;")]).unwrap();
        assert_eq!(b.signature.params[0].type_name, "string");
    }
}
