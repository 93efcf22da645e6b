//! Parameter binding as PowerShell does it: named parameters by case-insensitive unique prefix
//! or alias, switches, `-Name:value`, positional arguments by position within the parameter sets
//! still possible, parameter-set resolution, mandatory checks, type conversion, and pipeline
//! input by value and by property name. Driven entirely by the cmdlet definition table.
//!
//! Produces `BoundParameters` or an `ErrorRecord` with pwsh's template and the span pwsh
//! underlines. Must not run commands or prompt: the interpreter prompts for missing mandatory
//! parameters and calls back in.

use std::sync::OnceLock;

use indexmap::IndexMap;

use super::conversion;
use super::error_record::ErrorRecord;
use super::errors;
use super::value::Value;
use crate::runtime::{CmdletDef, Implementation};
use crate::syntax::Span;
use crate::vocab::{ALL_SETS, AllowKind, ParamDef, ParamKind, Validation, types};

/// One evaluated command element.
#[derive(Clone, Debug)]
pub enum CommandArg {
    /// `-Name` or `-Name:value`.
    Param {
        name: String,
        span: Span,
        colon_value: Option<(Value, Span)>,
    },
    Value {
        value: Value,
        span: Span,
    },
}

/// A binding failure: the record and what to underline (`None`: the whole command).
#[derive(Debug)]
pub struct BindFailure {
    pub record: Box<ErrorRecord>,
    pub span: Option<Span>,
}

impl BindFailure {
    pub(crate) fn at(record: ErrorRecord, span: Span) -> BindFailure {
        BindFailure {
            record: Box::new(record),
            span: Some(span),
        }
    }

    fn command(record: ErrorRecord) -> BindFailure {
        BindFailure {
            record: Box::new(record),
            span: None,
        }
    }
}

/// The parameters a handler receives, by canonical name, plus the chosen parameter set.
#[derive(Clone, Debug, Default)]
pub struct BoundParameters {
    pub set: String,
    values: IndexMap<String, (String, Value)>,
    /// Arguments a simple (non-advanced) function did not bind: its `$args`.
    pub unbound: Vec<Value>,
    /// Sets still possible (before the final resolution).
    candidates: Vec<String>,
    /// Where each argument was written (validation scripts run after binding point there).
    spans: IndexMap<String, Span>,
}

impl BoundParameters {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).map(|(_, v)| v)
    }

    /// True when the parameter was given (even as `$null`).
    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The entry of a parameter, by name in any case. A command binds a handful of
    /// parameters and asks for them on every pipeline record, so a scan comparing without
    /// case beats lowercasing the name into a new string and hashing it.
    fn find(&self, name: &str) -> Option<&(String, Value)> {
        self.values
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, entry)| entry)
    }

    pub fn switch(&self, name: &str) -> bool {
        self.get(name).is_some_and(Value::is_truthy)
    }

    /// The value as a string, `None` when absent or `$null`.
    pub fn string(&self, name: &str) -> Option<String> {
        match self.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v.to_ps_string()),
        }
    }

    /// Every item of the value as a string (a scalar is one item), `None` when absent.
    pub fn strings(&self, name: &str) -> Option<Vec<String>> {
        self.get(name)
            .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(Value::as_i64)
    }

    /// Canonical names and values, in binding order (`$PSBoundParameters`).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values.values().map(|(n, v)| (n.as_str(), v))
    }

    pub fn insert(&mut self, name: &str, value: Value) {
        self.values
            .insert(name.to_ascii_lowercase(), (name.to_string(), value));
    }

    /// Binds a value written at `span`.
    fn insert_at(&mut self, name: &str, value: Value, span: Span) {
        self.spans.insert(name.to_ascii_lowercase(), span);
        self.insert(name, value);
    }

    /// Where the argument for `name` was written, if it came from the command line.
    pub fn span_of(&self, name: &str) -> Option<Span> {
        self.spans.get(&name.to_ascii_lowercase()).copied()
    }

    pub fn remove(&mut self, name: &str) {
        self.values.shift_remove(&name.to_ascii_lowercase());
    }
}

/// Common parameters in pwsh's metadata order (CommonCommandParameters.cs), then the
/// ShouldProcess pair.
pub fn common_parameters() -> &'static [ParamDef] {
    static COMMON: OnceLock<Vec<ParamDef>> = OnceLock::new();
    COMMON.get_or_init(|| {
        vec![
            ParamDef::new("Verbose", types::SWITCH).alias("vb"),
            ParamDef::new("Debug", types::SWITCH).alias("db"),
            ParamDef::new("ErrorAction", types::ACTION_PREFERENCE).alias("ea"),
            ParamDef::new("WarningAction", types::ACTION_PREFERENCE).alias("wa"),
            ParamDef::new("InformationAction", types::ACTION_PREFERENCE).alias("infa"),
            ParamDef::new("ProgressAction", types::ACTION_PREFERENCE).alias("proga"),
            ParamDef::new("ErrorVariable", types::STRING).alias("ev"),
            ParamDef::new("WarningVariable", types::STRING).alias("wv"),
            ParamDef::new("InformationVariable", types::STRING).alias("iv"),
            ParamDef::new("OutVariable", types::STRING).alias("ov"),
            ParamDef::new("OutBuffer", types::INT32).alias("ob"),
            ParamDef::new("PipelineVariable", types::STRING).alias("pv"),
        ]
    })
}

pub fn should_process_parameters() -> &'static [ParamDef] {
    static SP: OnceLock<Vec<ParamDef>> = OnceLock::new();
    SP.get_or_init(|| {
        vec![
            ParamDef::new("WhatIf", types::SWITCH).alias("wi"),
            ParamDef::new("Confirm", types::SWITCH).alias("cf"),
        ]
    })
}

/// True for commands that take the common parameters (every cmdlet; advanced functions).
pub fn is_advanced(def: &CmdletDef) -> bool {
    match &def.implementation {
        Implementation::Builtin(_) => true,
        Implementation::Function(_) => def.advanced,
    }
}

/// Every parameter a command accepts, declared ones first, in metadata order.
pub fn all_parameters(def: &CmdletDef) -> Vec<&ParamDef> {
    let mut all: Vec<&ParamDef> = def.params.iter().collect();
    if is_advanced(def) {
        all.extend(common_parameters());
        if def.supports_should_process {
            all.extend(should_process_parameters());
        }
    }
    all
}

fn is_declared(def: &CmdletDef, p: &ParamDef) -> bool {
    def.params.iter().any(|d| std::ptr::eq(d, p))
}

/// Resolves a parameter name as typed: exact name or alias first, then unique prefix; among
/// several prefix matches a single declared parameter wins over common ones.
pub fn resolve_parameter<'a>(def: &'a CmdletDef, typed: &str) -> Result<&'a ParamDef, Vec<String>> {
    let all = all_parameters(def);
    let exact = all.iter().find(|p| {
        p.name.eq_ignore_ascii_case(typed)
            || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(typed))
    });
    if let Some(p) = exact {
        return Ok(p);
    }
    let lower = typed.to_ascii_lowercase();
    let mut matches: Vec<&ParamDef> = Vec::new();
    for p in &all {
        let hit = p.name.to_ascii_lowercase().starts_with(&lower)
            || p.aliases
                .iter()
                .any(|a| a.to_ascii_lowercase().starts_with(&lower));
        if hit && !matches.iter().any(|m| std::ptr::eq(*m, *p)) {
            matches.push(p);
        }
    }
    match matches.len() {
        0 => Err(Vec::new()),
        1 => Ok(matches[0]),
        _ => {
            let declared: Vec<&&ParamDef> =
                matches.iter().filter(|p| is_declared(def, p)).collect();
            if declared.len() == 1 {
                Ok(declared[0])
            } else {
                Err(matches.iter().map(|p| p.name.to_string()).collect())
            }
        }
    }
}

/// The sets a parameter belongs to (all of the command's sets for an all-sets parameter).
fn sets_of(def: &CmdletDef, p: &ParamDef) -> Vec<String> {
    if p.in_all_sets() || !is_declared(def, p) {
        def.set_names().iter().map(|s| s.to_string()).collect()
    } else {
        p.sets
            .iter()
            .filter_map(|s| s.set.as_deref().map(str::to_string))
            .collect()
    }
}

fn narrow(candidates: &mut Vec<String>, allowed: &[String]) {
    candidates.retain(|c| allowed.iter().any(|a| a.eq_ignore_ascii_case(c)));
}

/// What a compiled cmdlet's binder refuses before converting (ParameterBinderBase
/// CoerceTypeAsNeeded and the property setter): several values for a scalar parameter, a
/// non-Boolean for a Boolean, `$null` for a value type.
fn compiled_precheck(def: &CmdletDef, p: &ParamDef, value: &Value) -> Option<ErrorRecord> {
    let scalar = matches!(
        p.ty.kind,
        ParamKind::String
            | ParamKind::Int32
            | ParamKind::UInt32
            | ParamKind::Int64
            | ParamKind::Double
            | ParamKind::Bool
            | ParamKind::Switch
            | ParamKind::Guid
            | ParamKind::DateTime
            | ParamKind::Enum(_)
    );
    if scalar
        && let Value::Array(items) = value
        && items.borrow().len() > 1
    {
        return Some(errors::cannot_coerce(
            def,
            &p.name,
            &value.type_name(),
            p.ty.full,
            "Specified method is not supported.",
        ));
    }
    let mandatory = is_declared(def, p) && p.sets.iter().any(|s| s.mandatory);
    // A mandatory collection's null element (before it would become a string).
    if mandatory
        && p.ty.kind == ParamKind::StringArray
        && let Value::Array(items) = value
        && items.borrow().iter().any(Value::is_null)
    {
        return Some(errors::null_not_allowed(def, &p.name));
    }
    match (&p.ty.kind, value) {
        // Null for a mandatory value type is the null check's (conversion would fail first).
        (
            ParamKind::Int32
            | ParamKind::UInt32
            | ParamKind::Int64
            | ParamKind::Double
            | ParamKind::Guid
            | ParamKind::Bool
            | ParamKind::DateTime
            | ParamKind::Enum(_),
            Value::Null,
        ) if mandatory => {
            let allowed = p
                .validations
                .iter()
                .any(|v| matches!(v, Validation::Allow(AllowKind::Null)));
            (!allowed).then(|| errors::null_not_allowed(def, &p.name))
        }
        (ParamKind::Bool, Value::Null) => Some(errors::null_not_allowed(def, &p.name)),
        (
            ParamKind::Int32
            | ParamKind::UInt32
            | ParamKind::Int64
            | ParamKind::Double
            | ParamKind::Guid,
            Value::Null,
        ) => Some(errors::cannot_set_target(
            def,
            &p.name,
            &format!("Cannot convert null to type \"{}\".", p.ty.full),
        )),
        (ParamKind::Enum(names), Value::Null) => Some(errors::cannot_set_target(
            def,
            &p.name,
            &format!(
                "Cannot convert null to type \"{}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
                p.ty.full,
                names.join(",")
            ),
        )),
        (ParamKind::Bool | ParamKind::Switch, v)
            if !matches!(
                v,
                Value::Bool(_) | Value::Num(_) | Value::Null | Value::Array(_)
            ) && conversion::to_param_type(v, &p.ty).is_err() =>
        {
            Some(errors::cannot_coerce(
                def,
                &p.name,
                &v.type_name(),
                p.ty.full,
                "",
            ))
        }
        _ => None,
    }
}

/// Converts and validates one argument for a parameter.
fn convert(def: &CmdletDef, p: &ParamDef, value: &Value, span: Span) -> Result<Value, BindFailure> {
    let is_function = matches!(def.implementation, Implementation::Function(_));
    // A script's `[switch]` is a SwitchParameter, which takes no number (cmdlets' switches
    // do): `f -s:1` is the plain cast failure.
    if is_function && p.ty.kind == ParamKind::Switch && matches!(value, Value::Num(_)) {
        let inner = conversion::cast_error(value, p.ty.full);
        return Err(BindFailure::at(
            errors::transformation_error(def, &p.name, &inner),
            span,
        ));
    }
    if is_function && p.ty.kind == ParamKind::Switch && matches!(value, Value::Array(_)) {
        let inner = format!(
            "Cannot convert value \"{}\" to type \"{}\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
            value.type_name(),
            p.ty.full
        );
        return Err(BindFailure::at(
            errors::transformation_error(def, &p.name, &inner),
            span,
        ));
    }
    if !is_function && let Some(failure) = compiled_precheck(def, p, value) {
        return Err(BindFailure::at(failure, span));
    }
    let mut converted = conversion::to_param_type(value, &p.ty).map_err(|inner| {
        let record = if is_function {
            errors::transformation_error(def, &p.name, &inner)
        } else {
            errors::cannot_convert(def, &p.name, &inner)
        };
        BindFailure::at(record, span)
    })?;
    // A script's `[string]` parameter turns `$null` into an empty string.
    if is_function && converted.is_null() && p.ty.kind == ParamKind::String {
        converted = Value::str("");
    }
    // Validation attributes run first, then the mandatory null/empty checks
    // (ParameterBinderBase.BindParameter).
    for check in &p.validations {
        if let Err(inner) = super::validation::validate(check, &converted) {
            return Err(BindFailure::at(
                errors::validation_error(def, &p.name, &inner),
                span,
            ));
        }
    }
    let mandatory = is_declared(def, p) && p.sets.iter().any(|s| s.mandatory);
    let allows = |kind: AllowKind| {
        p.validations
            .iter()
            .any(|v| matches!(v, Validation::Allow(k) if *k == kind))
    };
    if mandatory && p.ty.kind != ParamKind::Switch {
        if converted.is_null() && !allows(AllowKind::Null) {
            return Err(BindFailure::at(
                errors::null_not_allowed(def, &p.name),
                span,
            ));
        }
        // The empty-string check is for parameters typed String: a class that converts from a
        // string (XdsIdentity, UserIdParameter) takes "" (ValidateNullOrEmptyArgument).
        if p.ty.full == types::STRING.full
            && matches!(&converted, Value::String(s) if s.is_empty())
            && !allows(AllowKind::EmptyString)
        {
            return Err(BindFailure::at(
                errors::empty_string_not_allowed(def, &p.name),
                span,
            ));
        }
        // A String[]'s elements are checked one by one (ValidateNullOrEmptyArgument; null
        // elements in compiled_precheck, before they become strings).
        if !is_function
            && p.ty.kind == ParamKind::StringArray
            && let Value::Array(items) = &converted
        {
            for item in items.borrow().iter() {
                if matches!(item, Value::String(s) if s.is_empty())
                    && !allows(AllowKind::EmptyString)
                {
                    return Err(BindFailure::at(
                        errors::empty_string_not_allowed(def, &p.name),
                        span,
                    ));
                }
            }
        }
        if matches!(&converted, Value::Array(a) if a.borrow().is_empty())
            && !allows(AllowKind::EmptyCollection)
        {
            return Err(BindFailure::at(
                errors::binding(
                    def,
                    "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                    format!(
                        "Cannot bind argument to parameter '{}' because it is an empty array.",
                        p.name
                    ),
                ),
                span,
            ));
        }
    }
    Ok(converted)
}

/// Binds the command line's arguments. `expects_input` is true when an upstream pipeline
/// element will send records (mandatory pipeline parameters may then stay unbound for now).
pub fn bind_arguments(
    def: &CmdletDef,
    args: Vec<CommandArg>,
    expects_input: bool,
) -> Result<BoundParameters, BindFailure> {
    let mut bound = BoundParameters {
        set: String::new(),
        values: IndexMap::new(),
        unbound: Vec::new(),
        candidates: def.set_names().iter().map(|s| s.to_string()).collect(),
        spans: IndexMap::new(),
    };
    let advanced = is_advanced(def);
    let mut positional: Vec<(Value, Span)> = Vec::new();
    // Unknown named parameters of a command with a ValueFromRemainingArguments parameter:
    // their text (`-Name`, `-Name:` for the colon form) and value, for that parameter.
    let mut unknown_named: Vec<Value> = Vec::new();
    let remaining = def.params.iter().find(|p| p.remaining);
    let mut iter = args.into_iter().peekable();
    while let Some(arg) = iter.next() {
        match arg {
            CommandArg::Value { value, span } => positional.push((value, span)),
            CommandArg::Param {
                name,
                span,
                colon_value,
            } => {
                let p = match resolve_parameter(def, &name) {
                    Ok(p) => p,
                    Err(matches) if !matches.is_empty() => {
                        return Err(BindFailure::at(
                            errors::ambiguous_parameter(def, &name, &matches),
                            span,
                        ));
                    }
                    Err(_) if !advanced => {
                        // A simple function collects unknown parameters into $args.
                        bound.unbound.push(Value::str(format!("-{name}")));
                        if let Some((v, _)) = colon_value {
                            bound.unbound.push(v);
                        }
                        continue;
                    }
                    Err(_) if remaining.is_some() => {
                        let colon = if colon_value.is_some() { ":" } else { "" };
                        unknown_named.push(Value::str(format!("-{name}{colon}")));
                        match colon_value {
                            Some((v, _)) => unknown_named.push(v),
                            None => {
                                if let Some(CommandArg::Value { value, .. }) =
                                    iter.next_if(|a| matches!(a, CommandArg::Value { .. }))
                                {
                                    unknown_named.push(value);
                                }
                            }
                        }
                        continue;
                    }
                    Err(_) => {
                        return Err(BindFailure::at(
                            errors::named_parameter_not_found(def, &name),
                            span,
                        ));
                    }
                };
                if bound.has(&p.name) {
                    return Err(BindFailure::at(
                        errors::parameter_already_bound(def, &p.name),
                        span,
                    ));
                }
                let (value, value_span) = match colon_value {
                    Some(v) => v,
                    None if p.is_switch() => (Value::Bool(true), span),
                    None => {
                        // The next element is the value unless it is another parameter of this
                        // command (`-Identity -Foo` binds the text "-Foo").
                        let next_is_param = match iter.peek() {
                            None => true,
                            Some(CommandArg::Value { .. }) => false,
                            Some(CommandArg::Param {
                                name: next,
                                colon_value,
                                ..
                            }) => colon_value.is_some() || resolve_parameter(def, next).is_ok(),
                        };
                        if next_is_param {
                            return Err(BindFailure::at(
                                errors::missing_argument(def, &p.name, p.ty.full),
                                span,
                            ));
                        }
                        match iter.next() {
                            Some(CommandArg::Value { value, span }) => (value, span),
                            Some(CommandArg::Param { name, span, .. }) => {
                                (Value::str(format!("-{name}")), span)
                            }
                            None => unreachable_missing(def, p, span)?,
                        }
                    }
                };
                let converted = convert(def, p, &value, value_span)?;
                narrow(&mut bound.candidates, &sets_of(def, p));
                bound.insert_at(&p.name, converted, value_span);
            }
        }
    }

    let gathering = match remaining {
        Some(p) if !unknown_named.is_empty() => {
            bound.insert(&p.name, Value::array(unknown_named));
            true
        }
        _ => false,
    };
    bind_positional(def, &mut bound, positional, advanced, gathering)?;

    if bound.candidates.is_empty() {
        return Err(BindFailure::command(errors::ambiguous_parameter_set(def)));
    }
    if !expects_input {
        resolve_set(def, &mut bound)?;
    }
    Ok(bound)
}

fn unreachable_missing(
    def: &CmdletDef,
    p: &ParamDef,
    span: Span,
) -> Result<(Value, Span), BindFailure> {
    Err(BindFailure::at(
        errors::missing_argument(def, &p.name, p.ty.full),
        span,
    ))
}

fn bind_positional(
    def: &CmdletDef,
    bound: &mut BoundParameters,
    positional: Vec<(Value, Span)>,
    advanced: bool,
    mut gathering: bool,
) -> Result<(), BindFailure> {
    let mut last_position: Option<u32> = None;
    for (value, span) in positional {
        // The lowest position above the last one used, among unbound parameters of the sets
        // still possible. Several parameters of different sets may share it: the default
        // set's goes first, and when the value does not convert to one parameter's type the
        // next is tried (pwsh: `Add-Member Name Value` binds -NotePropertyName once "Name"
        // is not a PSMemberTypes).
        let mut options: Vec<(u32, &ParamDef)> = Vec::new();
        for p in &def.params {
            if bound.has(&p.name) {
                continue;
            }
            for m in &p.sets {
                let Some(pos) = m.position else { continue };
                if last_position.is_some_and(|l| pos <= l) {
                    continue;
                }
                let in_candidates = match m.set.as_deref() {
                    None => true,
                    Some(s) => bound.candidates.iter().any(|c| c.eq_ignore_ascii_case(s)),
                };
                if in_candidates && !options.iter().any(|(_, o)| std::ptr::eq(*o, p)) {
                    options.push((pos, p));
                }
            }
        }
        let lowest = options.iter().map(|(pos, _)| *pos).min();
        options.retain(|(pos, _)| Some(*pos) == lowest);
        let in_default = |p: &ParamDef| {
            def.default_set
                .as_deref()
                .is_some_and(|d| p.in_set(d).is_some())
        };
        options.sort_by_key(|(_, p)| !in_default(p));
        let mut first_failure: Option<BindFailure> = None;
        let mut taken: Option<(u32, &ParamDef, Value)> = None;
        for (pos, p) in &options {
            match convert(def, p, &value, span) {
                Ok(converted) => {
                    taken = Some((*pos, p, converted));
                    break;
                }
                Err(f) => {
                    first_failure.get_or_insert(f);
                }
            }
        }
        if taken.is_none()
            && let Some(f) = first_failure
        {
            return Err(f);
        }
        match taken {
            Some((pos, p, converted)) => {
                narrow(&mut bound.candidates, &sets_of(def, p));
                bound.insert_at(&p.name, converted, span);
                last_position = Some(pos);
            }
            None if !advanced => bound.unbound.push(value),
            None if let Some(p) = def.params.iter().find(|p| p.remaining) => {
                // ValueFromRemainingArguments gathers every argument nothing else took.
                let mut items = match (bound.get(&p.name), gathering) {
                    (Some(Value::Array(a)), true) => a.borrow().items.clone(),
                    (Some(v), _) => vec![v.clone()],
                    (None, _) => Vec::new(),
                };
                items.push(value);
                bound.insert(&p.name, Value::array(items));
                gathering = true;
            }
            None => {
                return Err(BindFailure::command(
                    errors::positional_parameter_not_found(def, &value.to_ps_string()),
                ));
            }
        }
    }
    Ok(())
}

/// Picks the parameter set among the candidates: the only one, or the default, or the only
/// one whose mandatory parameters are all bound.
fn choose_set(def: &CmdletDef, bound: &BoundParameters) -> Option<String> {
    if bound.candidates.len() == 1 {
        return Some(bound.candidates[0].clone());
    }
    if let Some(d) = def.default_set.as_deref()
        && bound.candidates.iter().any(|c| c.eq_ignore_ascii_case(d))
    {
        return Some(d.to_string());
    }
    let satisfied: Vec<&String> = bound
        .candidates
        .iter()
        .filter(|set| missing_in_set(def, bound, set, false).is_empty())
        .collect();
    if satisfied.len() == 1 {
        return Some(satisfied[0].clone());
    }
    None
}

/// Mandatory parameters of `set` not bound yet (`skip_pipeline`: ignore those that can still
/// come from pipeline input).
fn missing_in_set<'a>(
    def: &'a CmdletDef,
    bound: &BoundParameters,
    set: &str,
    skip_pipeline: bool,
) -> Vec<&'a ParamDef> {
    def.params
        .iter()
        .filter(|p| !bound.has(&p.name))
        .filter(|p| {
            p.in_set(set).is_some_and(|m| {
                m.mandatory
                    && !(skip_pipeline && (m.from_pipeline || m.from_pipeline_by_property_name))
            })
        })
        .collect()
}

/// Final set resolution for a command without (more) pipeline input. Missing mandatory
/// parameters are reported by `missing_mandatory`, which the caller may prompt for.
pub fn resolve_set(def: &CmdletDef, bound: &mut BoundParameters) -> Result<(), BindFailure> {
    match choose_set(def, bound) {
        Some(set) => {
            bound.set = set;
            Ok(())
        }
        None => Err(BindFailure::command(errors::ambiguous_parameter_set(def))),
    }
}

/// Mandatory parameters of the chosen set still unbound, in declaration order.
pub fn missing_mandatory<'a>(def: &'a CmdletDef, bound: &BoundParameters) -> Vec<&'a ParamDef> {
    let set = if bound.set.is_empty() {
        ALL_SETS
    } else {
        &bound.set
    };
    missing_in_set(def, bound, set, false)
}

pub fn missing_mandatory_error(def: &CmdletDef, missing: &[&ParamDef]) -> BindFailure {
    let names: Vec<String> = missing.iter().map(|p| p.name.to_string()).collect();
    BindFailure::command(errors::missing_mandatory(def, &names))
}

/// Adds a prompted value for a missing mandatory parameter.
pub fn bind_prompted(
    def: &CmdletDef,
    bound: &mut BoundParameters,
    p: &ParamDef,
    value: Value,
    span: Span,
) -> Result<(), BindFailure> {
    let converted = convert(def, p, &value, span)?;
    bound.insert_at(&p.name, converted, span);
    Ok(())
}

/// Binds one pipeline record on top of the command-line binding: by value first, then by
/// property name, then resolves the set and checks mandatory parameters.
pub fn bind_record(
    def: &CmdletDef,
    base: &BoundParameters,
    input: &Value,
    span: Span,
) -> Result<BoundParameters, BindFailure> {
    let mut bound = base.clone();
    // pwsh's order (BindPipelineParameters): by value without type coercion, by property name
    // without coercion, by value with coercion, by property name with coercion.
    let mut took_input = false;
    for coerce in [false, true] {
        if bind_by_value(def, &mut bound, input, coerce, span)? {
            took_input = true;
            break;
        }
        if bind_by_property_name(def, &mut bound, input, coerce, span)? {
            took_input = true;
            break;
        }
    }
    let takes_input = def.params.iter().any(|p| {
        p.sets
            .iter()
            .any(|m| m.from_pipeline || m.from_pipeline_by_property_name)
    });
    if !took_input && takes_input {
        return Err(BindFailure::command(errors::input_object_not_bound(def)));
    }
    if bound.candidates.is_empty() {
        return Err(BindFailure::command(errors::ambiguous_parameter_set(def)));
    }
    resolve_set(def, &mut bound)?;
    let missing = missing_mandatory(def, &bound);
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|p| p.name.to_string()).collect();
        return Err(BindFailure::command(
            errors::input_object_missing_mandatory(def, &names),
        ));
    }
    Ok(bound)
}

/// True when a value already has the parameter's type (no conversion needed).
fn fits_without_coercion(value: &Value, p: &ParamDef) -> bool {
    match p.ty.kind {
        ParamKind::Object | ParamKind::ObjectArray => true,
        ParamKind::String => p.ty.full == "System.String" && matches!(value, Value::String(_)),
        ParamKind::StringArray => match value {
            Value::String(_) => true,
            Value::Array(items) => items.borrow().iter().all(|v| matches!(v, Value::String(_))),
            _ => false,
        },
        ParamKind::Int32 | ParamKind::Int64 | ParamKind::Unlimited => {
            matches!(value, Value::Num(n) if n.kind().is_integer())
        }
        ParamKind::Double => matches!(value, Value::Num(_)),
        ParamKind::Bool | ParamKind::Switch => matches!(value, Value::Bool(_)),
        ParamKind::Hashtable => matches!(value, Value::Hashtable(_)),
        ParamKind::ScriptBlock => matches!(value, Value::ScriptBlock(_)),
        ParamKind::Guid => matches!(value, Value::Guid(_)),
        ParamKind::DateTime => matches!(value, Value::DateTime(_)),
        ParamKind::SecureString => matches!(value, Value::SecureString(_)),
        ParamKind::Credential => {
            matches!(value, Value::Object(o) if o.borrow().type_names.iter().any(|t| t.ends_with("PSCredential")))
        }
        ParamKind::Cast => matches!(value, Value::Enum(e) if *e.type_name == *p.ty.full),
        ParamKind::ListModifier | ParamKind::Enum(_) | ParamKind::UInt32 => false,
    }
}

fn accepts_in_candidates(bound: &BoundParameters, p: &ParamDef, by_name: bool) -> bool {
    p.sets.iter().any(|m| {
        (if by_name {
            m.from_pipeline_by_property_name
        } else {
            m.from_pipeline
        }) && m
            .set
            .as_deref()
            .is_none_or(|s| bound.candidates.iter().any(|c| c.eq_ignore_ascii_case(s)))
    })
}

/// The record itself to the first ValueFromPipeline parameter that takes it.
fn bind_by_value(
    def: &CmdletDef,
    bound: &mut BoundParameters,
    input: &Value,
    coerce: bool,
    span: Span,
) -> Result<bool, BindFailure> {
    for p in &def.params {
        if bound.has(&p.name) || !accepts_in_candidates(bound, p, false) {
            continue;
        }
        if !coerce && !fits_without_coercion(input, p) {
            continue;
        }
        if let Ok(v) = conversion::to_param_type(input, &p.ty) {
            // A compiled cmdlet's mandatory String parameter refuses a piped $null.
            if v.is_null()
                && p.ty.kind == ParamKind::String
                && !p
                    .validations
                    .iter()
                    .any(|c| matches!(c, Validation::Allow(AllowKind::Null)))
                && !matches!(def.implementation, Implementation::Function(_))
                && p.sets.iter().any(|m| m.mandatory && m.from_pipeline)
            {
                return Err(BindFailure::at(
                    errors::null_not_allowed(def, &p.name),
                    span,
                ));
            }
            // The parameter's validation attributes hold for piped values too.
            for check in &p.validations {
                if let Err(inner) = super::validation::validate(check, &v) {
                    return Err(BindFailure::at(
                        errors::validation_error(def, &p.name, &inner),
                        span,
                    ));
                }
            }
            narrow(&mut bound.candidates, &sets_of(def, p));
            bound.insert_at(&p.name, v, span);
            return Ok(true);
        }
    }
    Ok(false)
}

/// The record's properties to the ValueFromPipelineByPropertyName parameters they name.
fn bind_by_property_name(
    def: &CmdletDef,
    bound: &mut BoundParameters,
    input: &Value,
    coerce: bool,
    span: Span,
) -> Result<bool, BindFailure> {
    let mut took = false;
    for p in &def.params {
        if bound.has(&p.name) || !accepts_in_candidates(bound, p, true) {
            continue;
        }
        let found = std::iter::once(p.name.as_ref())
            .chain(p.aliases.iter().map(|a| a.as_ref()))
            .find_map(|n| input.property(n));
        let Some(v) = found else { continue };
        if !coerce && !fits_without_coercion(&v, p) {
            continue;
        }
        // A value a compiled cmdlet cannot coerce at all leaves the parameter unbound.
        if !matches!(def.implementation, Implementation::Function(_))
            && compiled_precheck(def, p, &v).is_some_and(|r| r.error_id == "CannotConvertArgument")
        {
            continue;
        }
        let converted = convert(def, p, &v, span)?;
        narrow(&mut bound.candidates, &sets_of(def, p));
        bound.insert_at(&p.name, converted, span);
        took = true;
    }
    Ok(took)
}

/// Mandatory parameters that must come from the command line even though input is expected
/// (those that cannot take pipeline input), for the sets still possible.
pub fn missing_before_input<'a>(def: &'a CmdletDef, bound: &BoundParameters) -> Vec<&'a ParamDef> {
    let sets: Vec<String> = bound.candidates.clone();
    let mut per_set: Vec<Vec<&ParamDef>> = sets
        .iter()
        .map(|s| missing_in_set(def, bound, s, true))
        .collect();
    // Only report when every possible set is missing something.
    if per_set.iter().any(|m| m.is_empty()) {
        return Vec::new();
    }
    let preferred = def
        .default_set
        .as_deref()
        .and_then(|d| sets.iter().position(|s| s.eq_ignore_ascii_case(d)))
        .unwrap_or(0);
    per_set.swap_remove(preferred)
}

/// The ErrorAction given on the command line, if any.
pub fn error_action(bound: &BoundParameters) -> Option<String> {
    bound.string("ErrorAction")
}
