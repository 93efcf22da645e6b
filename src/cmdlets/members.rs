//! Get-Member: the members of each distinct type in its input, from the recorded .NET type
//! table (`vocab::dotnet`, what a real pwsh's Get-Member printed for those types) plus an
//! object's own note properties. Types aapsh makes up (the Teams and Graph objects) show
//! their properties as settable .NET properties and Object's four methods (docs/fidelity.md).

use crate::runtime::value::ExtraMember;
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, PsObject, Value,
};
use crate::syntax::ast::ScriptBlockAst;
use crate::vocab::dotnet::{self, TypeInfo};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};
use std::rc::Rc;

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";

const MEMBER_TYPES: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "AliasProperty",
        "CodeProperty",
        "Property",
        "NoteProperty",
        "ScriptProperty",
        "Properties",
        "PropertySet",
        "Method",
        "CodeMethod",
        "ScriptMethod",
        "Methods",
        "ParameterizedProperty",
        "MemberSet",
        "Event",
        "Dynamic",
        "InferredProperty",
        "All",
    ]),
    "PSMemberTypes",
    "System.Management.Automation.PSMemberTypes",
);

const VIEW_TYPES: ParamType = ParamType::new(
    ParamKind::Enum(&["Extended", "Adapted", "Base", "All"]),
    "PSMemberViewTypes",
    "System.Management.Automation.PSMemberViewTypes",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Member", UTILITY, get_member)
            .class("Microsoft.PowerShell.Commands.GetMemberCommand")
            .synopsis("Gets the properties and methods of objects.")
            .description("Lists the members (properties and methods) of each distinct type of object in the input, as .NET and PowerShell define them: name, member type and definition (for a method, every overload's signature). -Static lists a type's static members; -Force adds the hidden ones.")
            .alias("gm")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).help("Member names to list (wildcards allowed)."))
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The object whose members are listed; a collection given here is one object."))
            .param(ParamDef::new("MemberType", MEMBER_TYPES).alias("Type").help("Member types to list (Property, Method, NoteProperty, Properties, Methods, All, ...)."))
            .param(ParamDef::new("View", VIEW_TYPES).help("Which members: Adapted and Extended by default; Base or All."))
            .param(ParamDef::new("Static", types::SWITCH).help("Lists the static members of the type."))
            .param(ParamDef::new("Force", types::SWITCH).help("Also lists hidden members (get_/set_ accessors, psbase, psobject, ...)."))
            .outputs("Microsoft.PowerShell.Commands.MemberDefinition")
            .example(
                "What a policy object has",
                "Get-CsApplicationAccessPolicy -Identity Global | Get-Member -MemberType Property",
                "Lists the properties a script can read from a policy.",
            ),
    ]
}

/// One row of Get-Member's output.
struct Row {
    name: String,
    member_type: String,
    definition: String,
}

/// The short type name PowerShell writes in a definition (`int`, `string`, `Object[]`).
fn short_type(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSCustomObject".into()
        }
        other => {
            let full = other.type_name();
            let short = match full.as_str() {
                "System.Int32" => "int",
                "System.Int64" => "long",
                "System.Int16" => "short",
                "System.Byte" => "byte",
                "System.SByte" => "sbyte",
                "System.UInt16" => "ushort",
                "System.UInt32" => "uint",
                "System.UInt64" => "ulong",
                "System.Single" => "float",
                "System.Double" => "double",
                "System.Decimal" => "decimal",
                "System.Numerics.BigInteger" => "bigint",
                "System.String" => "string",
                "System.Boolean" => "bool",
                "System.Char" => "char",
                "System.Guid" => "guid",
                "System.TimeSpan" => "timespan",
                "System.Version" => "version",
                "System.Collections.Hashtable" => "hashtable",
                "System.Management.Automation.ScriptBlock" => "scriptblock",
                "System.Object[]" => "Object[]",
                _ => return full,
            };
            short.to_string()
        }
    }
}

/// The recorded type a value's members come from.
fn recorded(v: &Value) -> Option<&'static TypeInfo> {
    let name = match v {
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSCustomObject".to_string()
        }
        Value::Array(a) if !a.borrow().kind.is_list() => "System.Object[]".into(),
        other => other.type_name(),
    };
    dotnet::type_info(&name).or_else(|| match v {
        // Every enum has the members of System.Enum's instances (DayOfWeek is recorded).
        Value::Enum(_) => dotnet::type_info("System.DayOfWeek"),
        _ => None,
    })
}

/// The type name Get-Member reports for a value.
fn type_name_of(v: &Value) -> String {
    match v {
        Value::Object(o) => o
            .borrow()
            .type_names
            .first()
            .cloned()
            .unwrap_or_else(|| "System.Management.Automation.PSCustomObject".into()),
        // A generic collection's name as .NET spells it, type arguments assembly-qualified.
        other => crate::runtime::dotnet::generic::qualified_full_name(&other.type_name()),
    }
}

/// Does `member_type` pass the -MemberType filter?
fn wanted(filter: &[String], member_type: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    filter
        .iter()
        .any(|f| match f.to_ascii_lowercase().as_str() {
            "all" => true,
            "properties" => {
                member_type.ends_with("Property") && member_type != "ParameterizedProperty"
            }
            "methods" => member_type.ends_with("Method"),
            other => other.eq_ignore_ascii_case(member_type),
        })
}

/// Get-Member's row for an alias property, script property or script method.
fn extra_row(name: &str, member: &ExtraMember) -> Row {
    let script = |b: &Rc<ScriptBlockAst>| Value::ScriptBlock(b.clone()).to_ps_string();
    let definition = match member {
        ExtraMember::Alias(to) => format!("{name} = {to}"),
        ExtraMember::Method(_) => format!("System.Object {name}();"),
        ExtraMember::Script { getter, setter } => {
            let mut d = format!("System.Object {name} {{");
            if let Some(g) = getter {
                d.push_str(&format!("get={};", script(g)));
            }
            if let Some(st) = setter {
                d.push_str(&format!("set={};", script(st)));
            }
            d.push('}');
            d
        }
    };
    Row {
        name: name.to_string(),
        member_type: member.member_type().to_string(),
        definition,
    }
}

/// The members Get-Member shows for one object (not yet filtered by name or type).
fn rows_for(v: &Value, is_static: bool, force: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    let from_table = |info: &TypeInfo, rows: &mut Vec<Row>| {
        for m in info.members_of(is_static).filter(|m| force || !m.hidden) {
            rows.push(Row {
                name: m.name.to_string(),
                member_type: m.member_type.to_string(),
                definition: m.definition.clone(),
            });
        }
    };
    if is_static {
        let name = match v {
            Value::Type(t) => t.to_string(),
            other => other.type_name(),
        };
        if let Some(info) = dotnet::type_info(&name) {
            from_table(info, &mut rows);
        }
        return rows;
    }
    if let Some(class) = crate::runtime::classes::instance_class(v) {
        // A script class: Object's methods, the class's methods and its typed properties.
        if let Some(object) = dotnet::type_info("System.Management.Automation.PSCustomObject") {
            from_table(object, &mut rows);
        }
        for (c, i) in class.instance_methods() {
            let m = c.method(i);
            if m.name.eq_ignore_ascii_case("ToString") && m.parameters.is_empty() {
                continue;
            }
            rows.push(Row {
                name: m.name.clone(),
                member_type: "Method".into(),
                definition: crate::runtime::classes::method_definition(m),
            });
        }
        for (c, i) in class.instance_properties() {
            let p = c.property(i);
            if p.hidden && !force {
                continue;
            }
            let ty = p
                .type_name
                .as_ref()
                .map_or("System.Object".to_string(), |t| {
                    crate::runtime::classes::definition_type(&t.name)
                });
            rows.push(Row {
                name: p.name.clone(),
                member_type: "Property".into(),
                definition: format!("{ty} {} {{get;set;}}", p.name),
            });
        }
        rows.sort_by(|a, b| {
            a.member_type.cmp(&b.member_type).then_with(|| {
                a.name
                    .to_ascii_lowercase()
                    .cmp(&b.name.to_ascii_lowercase())
            })
        });
        return rows;
    }
    match (v, recorded(v)) {
        (Value::Object(o), Some(info)) => {
            from_table(info, &mut rows);
            let o = o.borrow();
            for (name, member) in o.extras() {
                rows.push(extra_row(name, member));
            }
            for (name, value) in o.properties() {
                if o.extra(name).is_some() {
                    continue;
                }
                rows.push(Row {
                    name: name.to_string(),
                    member_type: "NoteProperty".into(),
                    definition: format!(
                        "{} {name}={}",
                        short_type(value),
                        if value.is_null() {
                            "null".to_string()
                        } else {
                            value.element_string()
                        }
                    ),
                });
            }
        }
        (Value::Enum(e), Some(info)) => {
            from_table(info, &mut rows);
            // `value__` has the enum's underlying type.
            use crate::runtime::number::Number;
            let underlying = match e.number() {
                Number::Int64(_) => "long",
                Number::UInt32(_) => "uint",
                Number::Byte(_) => "byte",
                Number::SByte(_) => "sbyte",
                Number::Int16(_) => "short",
                Number::UInt16(_) => "ushort",
                Number::UInt64(_) => "ulong",
                _ => "int",
            };
            for row in rows.iter_mut().filter(|r| r.name == "value__") {
                row.definition = format!("{underlying} value__ {{get;set;}}");
            }
        }
        (_, Some(info)) => from_table(info, &mut rows),
        (Value::Object(o), None) => {
            // A type aapsh models without a recording: its properties, and Object's methods.
            if let Some(object) = dotnet::type_info("System.Management.Automation.PSCustomObject") {
                from_table(object, &mut rows);
            }
            for (name, value) in o.borrow().properties() {
                rows.push(Row {
                    name: name.to_string(),
                    member_type: "Property".into(),
                    definition: format!("{} {name} {{get;set;}}", short_type(value)),
                });
            }
        }
        _ => {
            if let Some(object) = dotnet::type_info("System.Management.Automation.PSCustomObject") {
                from_table(object, &mut rows);
            }
        }
    }
    // Get-Member sorts by member type, then name.
    rows.sort_by(|a, b| {
        a.member_type.cmp(&b.member_type).then_with(|| {
            a.name
                .to_ascii_lowercase()
                .cmp(&b.name.to_ascii_lowercase())
        })
    });
    rows
}

fn get_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let inputs: Vec<Value> = if !ctx.collected.is_empty() {
        ctx.collected.clone()
    } else {
        match b.get("InputObject") {
            Some(v) => vec![v.clone()],
            None => Vec::new(),
        }
    };
    if inputs.is_empty() {
        let r = ctx.error(
            "System.InvalidOperationException",
            "You must specify an object for the Get-Member cmdlet.",
            "NoObjectInGetMember",
            ErrorCategory::CloseError,
        );
        return Err(ctx.terminate(r));
    }
    let names = b.strings("Name").unwrap_or_default();
    let filter = b.strings("MemberType").unwrap_or_default();
    let is_static = b.switch("Static");
    let force = b.switch("Force");
    let mut seen: Vec<String> = Vec::new();
    for item in &inputs {
        let type_name = if is_static {
            match item {
                Value::Type(t) => t.to_string(),
                other => other.type_name(),
            }
        } else {
            type_name_of(item)
        };
        if seen.contains(&type_name) {
            continue;
        }
        seen.push(type_name.clone());
        for row in rows_for(item, is_static, force) {
            if !wanted(&filter, &row.member_type) {
                continue;
            }
            if !names.is_empty()
                && !names
                    .iter()
                    .any(|n| crate::runtime::operators::wildcard_match(n, &row.name, false))
            {
                continue;
            }
            ctx.write_object(Value::object(
                PsObject::new(MEMBER_DEFINITION)
                    .with("TypeName", Value::str(&type_name))
                    .with("Name", Value::str(&row.name))
                    .with("MemberType", Value::str(&row.member_type))
                    .with("Definition", Value::str(&row.definition))
                    .with_text(row.definition.clone()),
            ));
        }
    }
    Ok(())
}
