//! The .NET surface aapsh describes, as data: for each type its PSTypeNames chain and every
//! member Get-Member shows (instance and static, with PowerShell's own definition text), read
//! from `dotnet_members.tsv`, which `tests/record/dotnet-members.ps1` records from a real pwsh.
//! Method signatures are parsed from the definitions, so the runtime converts arguments to the
//! declared parameter types and names them in its errors, `Get-Member` prints the recorded
//! lines, and completion after `.` lists the same names. Short type names in definitions
//! (`int`, `string`, `datetime`) map to full names with `full_name_of`.
//!
//! Data only: nothing here runs a member; the runtime does.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("dotnet_members.tsv");

/// What Get-Member calls a member (`Method`, `Property`, `ParameterizedProperty`, ...).
pub type MemberType = &'static str;

/// One member of a type, as Get-Member reports it.
#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub member_type: MemberType,
    pub is_static: bool,
    /// Shown only with `Get-Member -Force` (`get_Length`, `psbase`, ...).
    pub hidden: bool,
    /// Get-Member's Definition column, verbatim.
    pub definition: String,
    /// The overloads parsed from `definition`, on first use (method calls bind against them).
    signatures: std::sync::OnceLock<Vec<Signature>>,
}

impl Member {
    pub fn is_method(&self) -> bool {
        self.member_type == "Method"
    }

    pub fn is_property(&self) -> bool {
        self.member_type.ends_with("Property") && self.member_type != "ParameterizedProperty"
    }

    /// The overloads of a method (or a parameterized property), as declared; explicit
    /// interface implementations (`ICloneable.Clone`) are left out.
    pub fn overloads(&self) -> &[Signature] {
        self.signatures.get_or_init(|| {
            split_top_level(&self.definition, ',')
                .into_iter()
                .filter_map(|text| Signature::parse(text.trim()))
                .filter(|sig| sig.name.eq_ignore_ascii_case(self.name))
                .collect()
        })
    }

    /// The type a property holds (`int Length {get;}` gives `int`).
    pub fn property_type(&self) -> Option<&str> {
        let text = self
            .definition
            .strip_prefix("static ")
            .unwrap_or(&self.definition);
        text.split_whitespace().next()
    }

    /// True when a property can be set (`{get;set;}`).
    pub fn settable(&self) -> bool {
        self.definition.contains("set;")
    }
}

/// One overload: `string Substring(int startIndex, int length)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub return_type: String,
    pub name: String,
    pub params: Vec<Parameter>,
    /// A generic method (`Max[T]`): PowerShell infers its type arguments only in cases aapsh
    /// does not model, so such overloads never bind here.
    pub generic: bool,
}

/// One declared parameter: its type as written (`int`, `System.StringComparison`, `char[]`),
/// its name, whether it has a default value, and whether it is `[ref]` or a `params` array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parameter {
    pub type_name: String,
    /// `type_name` as a full .NET name (`int` is `System.Int32`).
    full_type: String,
    pub name: String,
    pub optional: bool,
    pub by_ref: bool,
    pub params_array: bool,
}

impl Signature {
    /// Parses `[static] <return> <name>[<generics>](<params>)`; None for what is not a call
    /// signature (a property) or names an interface member.
    pub fn parse(text: &str) -> Option<Signature> {
        let text = text.strip_prefix("static ").unwrap_or(text);
        let open = text.find('(')?;
        let close = text.rfind(')')?;
        let head = text[..open].trim();
        let (return_type, name) = head.rsplit_once(' ')?;
        // A generic method: `Max[T]`.
        let generic = name.contains('[');
        let name = name.split('[').next().unwrap_or(name);
        if name.contains('.') {
            return None;
        }
        let inner = &text[open + 1..close];
        let params = split_top_level(inner, ',')
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .filter_map(Parameter::parse)
            .collect();
        Some(Signature {
            return_type: return_type.trim().to_string(),
            name: name.to_string(),
            params,
            generic,
        })
    }

    /// The fewest arguments a call may give (parameters without defaults, and no params array).
    pub fn min_args(&self) -> usize {
        self.params
            .iter()
            .filter(|p| !p.optional && !p.params_array)
            .count()
    }

    /// The most arguments a call may give; None for a params array.
    pub fn max_args(&self) -> Option<usize> {
        if self.params.iter().any(|p| p.params_array) {
            None
        } else {
            Some(self.params.len())
        }
    }

    pub fn accepts(&self, argc: usize) -> bool {
        argc >= self.min_args() && self.max_args().is_none_or(|max| argc <= max)
    }
}

impl Parameter {
    fn parse(text: &str) -> Option<Parameter> {
        let (text, optional) = match text.split_once(" = ") {
            Some((decl, _default)) => (decl.trim(), true),
            None => (text, false),
        };
        let (text, params_array) = match text.strip_prefix("Params ") {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let (text, by_ref) = match text.strip_prefix("[ref] ") {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let (type_name, name) = text.rsplit_once(' ')?;
        Some(Parameter {
            type_name: type_name.trim().to_string(),
            full_type: full_name_of(type_name.trim()),
            name: name.trim().to_string(),
            optional,
            by_ref,
            params_array,
        })
    }

    /// The .NET full name of the declared type.
    pub fn full_type(&self) -> &str {
        &self.full_type
    }
}

/// Splits at `sep` outside parentheses and brackets.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '<' => depth += 1,
            ')' | ']' | '>' => depth -= 1,
            c if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The full .NET name for a type as PowerShell writes it in a definition (its accelerators and
/// C# keywords: `int` is `System.Int32`, `char[]` is `System.Char[]`).
pub fn full_name_of(written: &str) -> String {
    if let Some(element) = written.strip_suffix("[]") {
        return format!("{}[]", full_name_of(element));
    }
    let full = match written.to_ascii_lowercase().as_str() {
        "int" => "System.Int32",
        "long" => "System.Int64",
        "short" => "System.Int16",
        "byte" => "System.Byte",
        "sbyte" => "System.SByte",
        "uint" => "System.UInt32",
        "ulong" => "System.UInt64",
        "ushort" => "System.UInt16",
        "float" => "System.Single",
        "double" => "System.Double",
        "decimal" => "System.Decimal",
        "bigint" => "System.Numerics.BigInteger",
        "bool" => "System.Boolean",
        "char" => "System.Char",
        "string" => "System.String",
        "datetime" => "System.DateTime",
        "timespan" => "System.TimeSpan",
        "guid" => "System.Guid",
        "version" => "System.Version",
        "type" => "System.Type",
        "array" => "System.Array",
        "regex" => "System.Text.RegularExpressions.Regex",
        "cultureinfo" => "System.Globalization.CultureInfo",
        "scriptblock" => "System.Management.Automation.ScriptBlock",
        "hashtable" => "System.Collections.Hashtable",
        "psobject" => "System.Management.Automation.PSObject",
        "void" => "System.Void",
        _ => return written.to_string(),
    };
    full.to_string()
}

/// One type of the table.
#[derive(Debug)]
pub struct TypeInfo {
    pub name: &'static str,
    /// `$x.PSObject.TypeNames`: the type, its bases, `System.Object`.
    pub type_names: Vec<&'static str>,
    pub members: Vec<Member>,
}

impl TypeInfo {
    /// A member by name, case-insensitively, static or instance.
    pub fn member(&self, name: &str, is_static: bool) -> Option<&Member> {
        self.members
            .iter()
            .find(|m| m.is_static == is_static && m.name.eq_ignore_ascii_case(name))
    }

    /// Members of one kind (`is_static`), in Get-Member's order.
    pub fn members_of(&self, is_static: bool) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.is_static == is_static)
    }
}

/// One enum type: its members in declaration order, and whether it is a `[Flags]` enum.
#[derive(Debug)]
pub struct EnumInfo {
    pub name: &'static str,
    pub flags: bool,
    /// The underlying integer type's full name (`System.Int32`).
    pub underlying: &'static str,
    pub members: Vec<(&'static str, i64)>,
}

impl EnumInfo {
    /// A member by name, case-insensitively.
    pub fn value_of(&self, name: &str) -> Option<i64> {
        self.members
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(_, v)| *v)
    }

    /// The first member with this value (`[enum]::GetName`).
    pub fn name_of(&self, value: i64) -> Option<&'static str> {
        self.members
            .iter()
            .find(|(_, v)| *v == value)
            .map(|(n, _)| *n)
    }

    /// `ToString()` of a value: its name; for a flags enum the names of its bits, largest
    /// first as .NET lists them joined by `, `; the number when nothing matches.
    pub fn text_of(&self, value: i64) -> String {
        if let Some(name) = self.name_of(value) {
            return name.to_string();
        }
        if self.flags && value > 0 {
            let mut rest = value;
            let mut names = Vec::new();
            for (name, v) in self.members.iter().rev() {
                if *v != 0 && rest & v == *v {
                    names.push(*name);
                    rest &= !v;
                }
            }
            if rest == 0 && !names.is_empty() {
                names.reverse();
                return names.join(", ");
            }
        }
        value.to_string()
    }

    /// True when `value` is a member (or, for a flags enum, a combination of members).
    pub fn is_defined(&self, value: i64) -> bool {
        self.name_of(value).is_some()
    }

    /// LanguagePrimitives' check after a conversion (IsDefinedEnum): a member; for a flags enum
    /// any value made of the members' bits; anything for an enum with a negative member.
    pub fn is_defined_value(&self, value: i64) -> bool {
        if self.members.iter().any(|(_, v)| *v < 0) {
            return true;
        }
        if value < 0 {
            return false;
        }
        if self.flags {
            let all = self.members.iter().fold(0i64, |acc, (_, v)| acc | v);
            return value | all == all;
        }
        self.name_of(value).is_some()
    }
}

struct Table {
    types: Vec<TypeInfo>,
    by_name: HashMap<String, usize>,
    enums: Vec<EnumInfo>,
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut types: Vec<TypeInfo> = Vec::new();
        let mut enums: Vec<EnumInfo> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut index_of = |name: &'static str, types: &mut Vec<TypeInfo>| -> usize {
            *by_name.entry(name.to_ascii_lowercase()).or_insert_with(|| {
                types.push(TypeInfo {
                    name,
                    type_names: vec![name],
                    members: Vec::new(),
                });
                types.len() - 1
            })
        };
        for line in DATA.lines() {
            let fields: Vec<&'static str> = line.split('\t').collect();
            if fields.first() == Some(&"#enum") {
                if let [_, name, flags, underlying, members] = fields[..] {
                    enums.push(EnumInfo {
                        name,
                        flags: flags == "1",
                        underlying,
                        members: members
                            .split(',')
                            .filter_map(|pair| {
                                let (n, v) = pair.split_once('=')?;
                                Some((n, v.parse().ok()?))
                            })
                            .collect(),
                    });
                }
                continue;
            }
            if fields.first() == Some(&"#types") {
                if let [_, name, chain] = fields[..] {
                    let i = index_of(name, &mut types);
                    types[i].type_names = chain.split(';').collect();
                }
                continue;
            }
            let [ty, is_static, hidden, member_type, name, definition] = fields[..] else {
                continue;
            };
            let i = index_of(ty, &mut types);
            types[i].members.push(Member {
                name,
                member_type,
                is_static: is_static == "1",
                hidden: hidden == "1",
                definition: unescape(definition),
                signatures: std::sync::OnceLock::new(),
            });
        }
        Table {
            types,
            by_name,
            enums,
        }
    })
}

/// The recorded type with this full name (`System.String`), case-insensitively.
pub fn type_info(full_name: &str) -> Option<&'static TypeInfo> {
    let t = table();
    t.by_name
        .get(&full_name.to_ascii_lowercase())
        .map(|&i| &t.types[i])
}

/// The recorded enum with this full name, case-insensitively.
pub fn enum_info(full_name: &str) -> Option<&'static EnumInfo> {
    if let Some(script) = super::script_types::enum_info(full_name) {
        return Some(script);
    }
    table()
        .enums
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(full_name))
}

/// Every recorded enum.
pub fn enums() -> impl Iterator<Item = &'static EnumInfo> {
    table().enums.iter()
}

/// Every recorded type.
pub fn types() -> impl Iterator<Item = &'static TypeInfo> {
    table().types.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads() {
        let string = type_info("System.String").expect("String recorded");
        assert_eq!(string.type_names, vec!["System.String", "System.Object"]);
        let substring = string.member("substring", false).expect("Substring");
        let overloads = substring.overloads();
        assert_eq!(overloads.len(), 2);
        assert_eq!(overloads[1].params[1].name, "length");
        assert_eq!(overloads[1].params[1].full_type(), "System.Int32");
        assert_eq!(
            string.member("Length", false).unwrap().property_type(),
            Some("int")
        );
        assert!(type_info("System.Math").is_some());
        let attrs = enum_info("System.IO.FileAttributes").expect("FileAttributes recorded");
        assert!(attrs.flags);
        assert_eq!(attrs.text_of(3), "ReadOnly, Hidden");
        let days = enum_info("system.dayofweek").expect("DayOfWeek recorded");
        assert_eq!(days.value_of("friday"), Some(5));
        assert_eq!(days.text_of(9), "9");
    }

    #[test]
    fn signatures_parse() {
        let sig = Signature::parse(
            "string[] Split(char separator, System.StringSplitOptions options = System.StringSplitOptions.None)",
        )
        .unwrap();
        assert_eq!(sig.return_type, "string[]");
        assert_eq!(sig.min_args(), 1);
        assert_eq!(sig.max_args(), Some(2));
        let sig = Signature::parse("static string Join(string separator, Params string[] value)")
            .unwrap();
        assert!(sig.accepts(5));
        assert!(Signature::parse("System.Object ICloneable.Clone()").is_none());
        let sig = Signature::parse("static bool TryParse(string s, [ref] int result)").unwrap();
        assert!(sig.params[1].by_ref);
    }
}
