//! The catalogue of engine errors with PowerShell's own message templates, ErrorIds and
//! categories (docs/fidelity.md, PowerShell's *.resx files). Builds records
//! only; the interpreter attaches the position and decides how far they unwind.

use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::flow::Flow;
use super::value::Value;
use crate::runtime::CmdletDef;

const BINDING_EXCEPTION: &str = "System.Management.Automation.ParameterBindingException";
const RUNTIME_EXCEPTION: &str = "System.Management.Automation.RuntimeException";

/// A ParameterBindingException record for `command`.
pub fn binding(def: &CmdletDef, id: &str, message: String) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(BINDING_EXCEPTION, message),
        id,
        ErrorCategory::InvalidArgument,
    );
    r.command_class = def.class_name.to_string();
    r.activity = def.name.to_string();
    r
}

pub fn named_parameter_not_found(def: &CmdletDef, typed: &str) -> ErrorRecord {
    binding(
        def,
        "NamedParameterNotFound",
        format!("A parameter cannot be found that matches parameter name '{typed}'."),
    )
}

pub fn ambiguous_parameter(def: &CmdletDef, typed: &str, matches: &[String]) -> ErrorRecord {
    let list: String = matches.iter().map(|m| format!(" -{m}")).collect();
    binding(
        def,
        "AmbiguousParameter",
        format!(
            "Parameter cannot be processed because the parameter name '{typed}' is ambiguous. Possible matches include:{list}."
        ),
    )
}

pub fn missing_argument(def: &CmdletDef, param: &str, type_full: &str) -> ErrorRecord {
    binding(
        def,
        "MissingArgument",
        format!(
            "Missing an argument for parameter '{param}'. Specify a parameter of type '{type_full}' and try again."
        ),
    )
}

pub fn positional_parameter_not_found(def: &CmdletDef, argument: &str) -> ErrorRecord {
    binding(
        def,
        "PositionalParameterNotFound",
        format!("A positional parameter cannot be found that accepts argument '{argument}'."),
    )
}

pub fn parameter_already_bound(def: &CmdletDef, param: &str) -> ErrorRecord {
    binding(
        def,
        "ParameterAlreadyBound",
        format!(
            "Cannot bind parameter because parameter '{param}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."
        ),
    )
}

pub fn missing_mandatory(def: &CmdletDef, names: &[String]) -> ErrorRecord {
    let list: String = names.iter().map(|n| format!(" {n}")).collect();
    binding(
        def,
        "MissingMandatoryParameter",
        format!(
            "Cannot process command because of one or more missing mandatory parameters:{list}."
        ),
    )
}

pub fn ambiguous_parameter_set(def: &CmdletDef) -> ErrorRecord {
    binding(
        def,
        "AmbiguousParameterSet",
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.".into(),
    )
}

/// `Cannot bind parameter 'X'. <conversion message>` (CannotConvertArgumentNoMessage).
pub fn cannot_convert(def: &CmdletDef, param: &str, inner: &str) -> ErrorRecord {
    binding(
        def,
        "CannotConvertArgumentNoMessage",
        format!("Cannot bind parameter '{param}'. {inner}"),
    )
}

/// For script functions pwsh reports conversion failures as argument transformation errors.
pub fn transformation_error(def: &CmdletDef, param: &str, inner: &str) -> ErrorRecord {
    binding(
        def,
        "ParameterArgumentTransformationError",
        format!("Cannot process argument transformation on parameter '{param}'. {inner}"),
    )
}

pub fn validation_error(def: &CmdletDef, param: &str, inner: &str) -> ErrorRecord {
    binding(
        def,
        "ParameterArgumentValidationError",
        format!("Cannot validate argument on parameter '{param}'. {inner}"),
    )
}

/// ParameterBinderBase.ValidateNullOrEmptyArgument: category InvalidData.
pub fn null_not_allowed(def: &CmdletDef, param: &str) -> ErrorRecord {
    let mut r = binding(
        def,
        "ParameterArgumentValidationErrorNullNotAllowed",
        format!("Cannot bind argument to parameter '{param}' because it is null."),
    );
    r.category = ErrorCategory::InvalidData;
    r
}

pub fn empty_string_not_allowed(def: &CmdletDef, param: &str) -> ErrorRecord {
    let mut r = binding(
        def,
        "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        format!("Cannot bind argument to parameter '{param}' because it is an empty string."),
    );
    r.category = ErrorCategory::InvalidData;
    r
}

/// A compiled cmdlet's binder refusing a value it cannot coerce at all (an array for a scalar
/// parameter, a string for a Boolean): `Cannot convert 'T' to the type 'U' required by
/// parameter 'P'.` plus the reason, if any.
pub fn cannot_coerce(
    def: &CmdletDef,
    param: &str,
    from: &str,
    to: &str,
    reason: &str,
) -> ErrorRecord {
    let mut message =
        format!("Cannot convert '{from}' to the type '{to}' required by parameter '{param}'.");
    if !reason.is_empty() {
        message.push(' ');
        message.push_str(reason);
    }
    binding(def, "CannotConvertArgument", message)
}

/// A compiled cmdlet's property that cannot take `$null` (a value type):
/// `Cannot bind parameter 'P' to the target. Exception setting "P": "<inner>"`.
pub fn cannot_set_target(def: &CmdletDef, param: &str, inner: &str) -> ErrorRecord {
    binding(
        def,
        "ParameterBindingFailed",
        format!(
            "Cannot bind parameter '{param}' to the target. Exception setting \"{param}\": \"{inner}\""
        ),
    )
}

pub fn input_object_not_bound(def: &CmdletDef) -> ErrorRecord {
    binding(
        def,
        "InputObjectNotBound",
        "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".into(),
    )
}

pub fn input_object_missing_mandatory(def: &CmdletDef, names: &[String]) -> ErrorRecord {
    let list: String = names.iter().map(|n| format!(" {n}")).collect();
    binding(
        def,
        "InputObjectMissingMandatory",
        format!(
            "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:{list}"
        ),
    )
}

/// pwsh 7.1+ wording (DiscoveryExceptions.resx `CommandNotFoundException`).
pub fn command_not_found(name: &str) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.CommandNotFoundException",
            format!(
                "The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
            ),
        ),
        "CommandNotFoundException",
        ErrorCategory::ObjectNotFound,
    );
    r.target_name = name.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(name));
    r
}

/// `Cannot overwrite variable X because it is read-only or constant.` (SessionStateStrings
/// VariableNotWritable): an assignment, Set-Variable or Clear-Variable on a ReadOnly variable
/// without -Force, or on a Constant one.
pub fn variable_not_writable(name: &str) -> ErrorRecord {
    variable_access_error(
        "VariableNotWritable",
        format!("Cannot overwrite variable {name} because it is read-only or constant."),
        name,
    )
}

/// `Cannot remove variable X because it is constant or read-only. ...` (VariableNotRemovable).
pub fn variable_not_removable(name: &str) -> ErrorRecord {
    variable_access_error(
        "VariableNotRemovable",
        format!(
            "Cannot remove variable {name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option."
        ),
        name,
    )
}

/// `Existing variable X cannot be made constant. ...` (VariableCannotBeMadeConstant).
pub fn variable_cannot_be_made_constant(name: &str) -> ErrorRecord {
    variable_access_error(
        "VariableCannotBeMadeConstant",
        format!(
            "Existing variable {name} cannot be made constant. Variables can be made constant only at creation time."
        ),
        name,
    )
}

fn variable_access_error(id: &str, message: String, name: &str) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.SessionStateUnauthorizedAccessException",
            message,
        ),
        id,
        ErrorCategory::WriteError,
    );
    r.target_name = name.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(name));
    r
}

/// A RuntimeException raised by the language itself (null method call, bad index, ...).
pub fn runtime(id: &str, message: impl Into<String>, category: ErrorCategory) -> ErrorRecord {
    ErrorRecord::new(ExceptionInfo::new(RUNTIME_EXCEPTION, message), id, category)
}

/// A RuntimeException around a .NET exception (`1/0` wraps a DivideByZeroException): FQID
/// `RuntimeException`, category NotSpecified, so ConciseView names the exception type.
pub fn runtime_wrapping(inner_type: &str, message: &str) -> ErrorRecord {
    let mut r = runtime("RuntimeException", message, ErrorCategory::NotSpecified);
    r.exception.inner = Some(Box::new(ExceptionInfo::new(inner_type, message)));
    r
}

/// `Exception calling "{0}" with "{1}" argument(s): "{2}"` (ExtendedTypeSystem
/// MethodInvocationException): a .NET method threw. The FQID is the inner exception's type
/// name and the category NotSpecified.
pub fn method_invocation(method: &str, argc: usize, inner_type: &str, inner: &str) -> ErrorRecord {
    let short = inner_type
        .rsplit('.')
        .next()
        .unwrap_or(inner_type)
        .to_string();
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.MethodInvocationException",
            format!("Exception calling \"{method}\" with \"{argc}\" argument(s): \"{inner}\""),
        ),
        short,
        ErrorCategory::NotSpecified,
    );
    r.exception.inner = Some(Box::new(ExceptionInfo::new(inner_type, inner)));
    r
}

/// The record `throw <value>` produces: the message is also the ErrorId, category
/// OperationStopped (MiscOps.cs ConvertToException); a bare `throw` says `ScriptHalted`.
/// `thrown` is the exception's WasThrownFromThrowStatement: true for a message or a record,
/// false for an exception object that is not a RuntimeException.
pub fn thrown(value: &Value) -> ErrorRecord {
    if let Value::Error(rec) = value {
        let mut r = (**rec).clone();
        r.thrown = true;
        return r;
    }
    // An exception object (`throw $_.Exception`, `throw [ArgumentException]::new('x')`): its own
    // type and message; the FQID is the message (ConvertToException).
    if let Value::Object(o) = value {
        let o = o.borrow();
        if let Some(Value::Error(rec)) = o.get("ErrorRecord") {
            let mut r = (*rec).clone();
            r.thrown = true;
            return r;
        }
        if let Some(ty) = o.type_names.first().filter(|t| t.ends_with("Exception")) {
            let message = o
                .get("Message")
                .map(|m| m.to_ps_string())
                .unwrap_or_default();
            let mut r = ErrorRecord::new(
                ExceptionInfo::new(ty.clone(), message.clone()),
                message,
                ErrorCategory::OperationStopped,
            );
            r.exception.param_name = o
                .get("ParamName")
                .map(|p| p.to_ps_string())
                .filter(|p| !p.is_empty());
            if let Some(Value::Object(inner)) = o.get("InnerException") {
                let inner = inner.borrow();
                r.exception.inner = Some(Box::new(ExceptionInfo::new(
                    inner.type_names.first().cloned().unwrap_or_default(),
                    inner
                        .get("Message")
                        .map(|m| m.to_ps_string())
                        .unwrap_or_default(),
                )));
            }
            // The record is the exception's own (ConvertToException): an exception that is not
            // a RuntimeException has no WasThrownFromThrowStatement, so ConciseView heads it
            // with the category (`OperationStopped:`), not `Exception:`.
            r.thrown = false;
            return r;
        }
    }
    let message = if value.is_null() {
        "ScriptHalted".to_string()
    } else {
        value.to_ps_string()
    };
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(RUNTIME_EXCEPTION, message.clone()),
        message.clone(),
        ErrorCategory::OperationStopped,
    );
    if !value.is_null() {
        r.target_name = message;
        r.target_type = short_type_name(&value.type_name());
        r.target_object = Some(value.clone());
    }
    r.thrown = true;
    r
}

/// A value that does not convert to a typed variable's type (`[int]$x = 'nope'`, `$ErrorView =
/// 'Bogus'`): ArgumentTransformationMetadataException, MetadataError, FQID RuntimeException.
pub fn argument_transformation(message: impl Into<String>) -> ErrorRecord {
    ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.ArgumentTransformationMetadataException",
            message,
        ),
        "RuntimeException",
        ErrorCategory::MetadataError,
    )
}

/// Assigning a property a PSCustomObject does not have: `Exception setting "nope": "The
/// property 'nope' cannot be found on this object. Verify that the property exists and can be
/// set."` (SetValueInvocationException, NotSpecified, `ExceptionWhenSetting`).
pub fn set_value_invocation(name: &str) -> ErrorRecord {
    let inner = format!(
        "The property '{name}' cannot be found on this object. Verify that the property exists and can be set."
    );
    set_value_failed(name, RUNTIME_EXCEPTION, inner)
}

/// Setting a property failed with an inner exception (`inner_type`, `inner`):
/// `Exception setting "Name": "<inner>"` (SetValueInvocationException, NotSpecified,
/// `ExceptionWhenSetting`).
pub fn set_value_failed(name: &str, inner_type: &str, inner: String) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.SetValueInvocationException",
            format!("Exception setting \"{name}\": \"{inner}\""),
        ),
        "ExceptionWhenSetting",
        ErrorCategory::NotSpecified,
    );
    r.exception.inner = Some(Box::new(ExceptionInfo::new(inner_type, inner)));
    r
}

/// A failed conversion (InvalidArgument) as the ArgumentTransformation error of a typed
/// variable; other flows pass through.
pub fn as_argument_transformation(flow: Flow) -> Flow {
    match flow {
        Flow::Error(rec, termination) if rec.category == ErrorCategory::InvalidArgument => {
            let mut r = argument_transformation(rec.exception.message.clone());
            r.invocation = rec.invocation.clone();
            Flow::Error(std::rc::Rc::new(r), termination)
        }
        other => other,
    }
}

/// `System.String` → `String`, as CategoryInfo shows target types.
pub fn short_type_name(full: &str) -> String {
    full.rsplit('.').next().unwrap_or(full).to_string()
}

/// Teams cmdlets before `Connect-MicrosoftTeams` (message confirmed by field reports, usage.md
/// P9; ErrorId and category chosen, see docs/fidelity.md).
pub fn not_connected(def: &CmdletDef) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.UnauthorizedAccessException",
            "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.",
        ),
        "UnauthorizedAccessException",
        ErrorCategory::AuthenticationError,
    );
    r.command_class = def.class_name.to_string();
    r.activity = def.name.to_string();
    r
}

/// A real parameter or behaviour that aapsh does not emulate: fail loudly, never silently.
pub fn not_emulated(def: &CmdletDef, what: &str) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.NotSupportedException",
            format!("{what} is not emulated offline by aapsh."),
        ),
        "NotEmulatedOffline",
        ErrorCategory::NotImplemented,
    );
    r.command_class = def.class_name.to_string();
    r.activity = def.name.to_string();
    r
}

/// `PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.`
pub fn non_interactive(activity: &str) -> ErrorRecord {
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.PSInvalidOperationException",
            "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        ),
        "System.Management.Automation.PSInvalidOperationException",
        ErrorCategory::InvalidOperation,
    );
    r.activity = activity.to_string();
    r
}

/// The FullyQualifiedErrorId of a failed cast (`[int]'abc'`), as LanguagePrimitives names the
/// conversion that failed: a string parsed to a number, a regex, an XML document, a type's
/// `Parse` (with a format provider for dates, time spans and GUIDs), an enum name; an
/// IConvertible value to a number; anything else `ConvertToFinalInvalidCastException`.
pub fn cast_error_id(value: &Value, target_full: &str) -> &'static str {
    use super::number::NumKind;
    let target = NumKind::from_full_name(target_full);
    let convertible = matches!(
        value,
        Value::Num(_) | Value::Bool(_) | Value::Char(_) | Value::DateTime(_)
    );
    match value {
        Value::String(_) => match target {
            Some(NumKind::Double | NumKind::Single) => "InvalidCastFromStringToDoubleOrSingle",
            Some(NumKind::Decimal) => "InvalidCastFromStringToDecimal",
            Some(_) => "InvalidCastFromStringToInteger",
            None => match target_full {
                "System.Text.RegularExpressions.Regex" => "InvalidCastFromStringToRegex",
                "System.Xml.XmlDocument" => "InvalidCastToXmlDocument",
                "System.DateTime" | "System.TimeSpan" | "System.Guid" => {
                    "InvalidCastParseTargetInvocationWithFormatProvider"
                }
                "System.Char" | "System.Version" | "System.Net.IPAddress" => {
                    "InvalidCastParseTargetInvocation"
                }
                _ if crate::vocab::dotnet::enum_info(target_full).is_some() => {
                    "SubstringDisambiguationEnumParseThrewAnException"
                }
                _ => "ConvertToFinalInvalidCastException",
            },
        },
        _ if convertible && target.is_some() => "InvalidCastIConvertible",
        _ => "ConvertToFinalInvalidCastException",
    }
}

#[cfg(test)]
mod cast_id_tests {
    use super::*;

    #[test]
    fn cast_error_ids_name_the_failed_conversion() {
        let s = Value::str("x");
        assert_eq!(
            cast_error_id(&s, "System.Int32"),
            "InvalidCastFromStringToInteger"
        );
        assert_eq!(
            cast_error_id(&s, "System.Single"),
            "InvalidCastFromStringToDoubleOrSingle"
        );
        assert_eq!(
            cast_error_id(&s, "System.DateTime"),
            "InvalidCastParseTargetInvocationWithFormatProvider"
        );
        assert_eq!(
            cast_error_id(&s, "System.DayOfWeek"),
            "SubstringDisambiguationEnumParseThrewAnException"
        );
        assert_eq!(
            cast_error_id(&Value::integer(300), "System.Byte"),
            "InvalidCastIConvertible"
        );
        assert_eq!(
            cast_error_id(&Value::Null, "System.Collections.Hashtable"),
            "ConvertToFinalInvalidCastException"
        );
    }
}
