//! The .NET surface scripts use, implemented: casts and type names (`types`), properties
//! (`access`), indexing (`index`), method calls bound against the recorded type table
//! (`calls`, `overloads`) and the type families that implement them (`string`, `timespan`,
//! `datetime`, `native`, `lists`, `statics`, `environment`). The data (members, signatures)
//! lives in `vocab::dotnet`; this module only runs it.

mod access;
mod array_methods;
mod calls;
mod datetime;
pub mod encoding;
mod environment;
pub mod generic;
mod index;
pub mod ipaddress;
pub mod lists;
mod native;
mod numeric_statics;
pub mod overloads;
mod script_members;
pub mod statics;
mod string;
mod timespan_members;
mod types;
pub mod uri;

use super::conversion;
use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::flow::Flow;
use super::session::Session;
use super::value::Value;
use crate::syntax::Span;

pub use access::{get_member, set_member};
pub use calls::{invoke_method, static_method};
pub use datetime::parse_exact;
pub use environment::culture as culture_object;
pub use index::{index, set_index};
pub use native::{
    PS_REFERENCE, STOPWATCH, STRING_BUILDER, is_ref_type, new_stopwatch, new_string_builder,
    set_reference, variable_ref,
};
pub use script_members::{settle_all, settled};
pub use types::{
    CastFailure, cast, convert_to, full_type_name, is_known_type, to_timespan, type_literal,
    type_object, type_short_name, value_is_type,
};

pub(crate) fn method_not_found(s: &Session, type_name: &str, name: &str, span: Span) -> Flow {
    s.runtime_error(
        "MethodNotFound",
        format!("Method invocation failed because [{type_name}] does not contain a method named '{name}'."),
        ErrorCategory::InvalidOperation,
        span,
    )
}

/// `Cannot find an overload for "name" and the argument count: "n".` (for script classes).
pub(crate) fn overload_error_at(s: &Session, name: &str, count: usize, span: Span) -> Flow {
    overload_error(s, name, count, span)
}

pub(super) fn overload_error(s: &Session, name: &str, count: usize, span: Span) -> Flow {
    let rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.MethodException",
            format!("Cannot find an overload for \"{name}\" and the argument count: \"{count}\"."),
        ),
        "MethodCountCouldNotFindBest",
        ErrorCategory::NotSpecified,
    );
    s.runtime_record_error(rec, span)
}

pub(super) fn property_not_found_strict(s: &Session, name: &str, span: Span) -> Flow {
    let mut rec = super::errors::runtime(
        "PropertyNotFoundStrict",
        format!(
            "The property '{name}' cannot be found on this object. Verify that the property exists."
        ),
        ErrorCategory::NotSpecified,
    );
    rec.exception.type_name = "System.Management.Automation.PropertyNotFoundException".into();
    s.runtime_record_error(rec, span)
}

/// A .NET method threw: `Exception calling "M" with "n" argument(s): "inner"`.
pub(super) fn method_exception(
    s: &Session,
    method: &str,
    argc: usize,
    inner_type: &str,
    inner: &str,
    span: Span,
) -> Flow {
    s.runtime_record_error(
        super::errors::method_invocation(method, argc, inner_type, inner),
        span,
    )
}

pub(super) fn arg_string(args: &[Value], i: usize) -> String {
    args.get(i).map(Value::to_ps_string).unwrap_or_default()
}

pub(super) fn arg_int64(args: &[Value], i: usize) -> i64 {
    args.get(i)
        .and_then(|v| conversion::to_int(v, "System.Int64").ok())
        .unwrap_or(0)
}

pub(super) fn arg_int(args: &[Value], i: usize) -> i64 {
    args.get(i)
        .and_then(|v| conversion::to_int(v, "System.Int32").ok())
        .unwrap_or(0)
}
