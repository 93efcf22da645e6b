//! Runtime values: what variables hold and what flows through pipelines. Owns the value types
//! (`Value`, `PsObject`, `Hashtable`) and PowerShell's conversions to string, bool and number.
//! Must not format for display (see `format`) or evaluate syntax (see `interpreter`).
//!
//! Arrays, hashtables and objects are reference types in PowerShell (`$a = $b` shares them), so
//! they live behind `Rc<RefCell<..>>`.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::error_record::ErrorRecord;
use super::number::Number;
use super::timespan::TimeSpan;
use crate::syntax::ast::ScriptBlockAst;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// Every .NET number, with its type (Int32 is not Int64; Decimal is not Double).
    Num(Number),
    /// `System.Char`: one UTF-16 code unit.
    Char(u16),
    /// A .NET enum value (`[System.DayOfWeek]::Monday`): its type and number.
    Enum(EnumValue),
    String(Rc<str>),
    /// A collection: `Object[]`, a typed array, an ArrayList or a `List[T]` (see `Array`).
    Array(Rc<RefCell<Array>>),
    Hashtable(Rc<RefCell<Hashtable>>),
    Object(Rc<RefCell<PsObject>>),
    ScriptBlock(Rc<ScriptBlockAst>),
    Guid(uuid::Uuid),
    DateTime(time::OffsetDateTime),
    /// `System.TimeSpan`, in 100 ns ticks.
    TimeSpan(TimeSpan),
    /// A type literal such as `[string]`, by its full .NET name.
    Type(Rc<str>),
    Error(Rc<ErrorRecord>),
    /// `System.Security.SecureString`: the text is kept only so credentials round-trip offline.
    SecureString(Rc<str>),
}

impl Value {
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::String(Rc::from(s.as_ref()))
    }

    /// An `Object[]`, what `@()`, `,` and the pipeline make.
    pub fn array(items: Vec<Value>) -> Value {
        Value::array_of(ArrayKind::Object, items)
    }

    /// A collection of the given kind.
    pub fn array_of(kind: ArrayKind, items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(Array { kind, items })))
    }

    pub fn object(obj: PsObject) -> Value {
        Value::Object(Rc::new(RefCell::new(obj)))
    }

    pub fn hashtable(table: Hashtable) -> Value {
        Value::Hashtable(Rc::new(RefCell::new(table)))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// An `Int32`.
    pub fn int(i: i32) -> Value {
        Value::Num(Number::Int32(i))
    }

    /// An `Int64`.
    pub fn long(i: i64) -> Value {
        Value::Num(Number::Int64(i))
    }

    /// A `Double`.
    pub fn double(d: f64) -> Value {
        Value::Num(Number::Double(d))
    }

    /// An integer typed as PowerShell types an unsuffixed literal: Int32 when it fits, else
    /// Int64.
    pub fn integer(i: i64) -> Value {
        match i32::try_from(i) {
            Ok(small) => Value::int(small),
            Err(_) => Value::long(i),
        }
    }

    /// A count or an index (`Count`, `Length`, `IndexOf`): an Int32 as .NET returns them.
    pub fn count(n: usize) -> Value {
        Value::integer(n as i64)
    }

    /// The number inside, if this is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Num(n) => Some(n),
            _ => None,
        }
    }

    /// The value of an integer-typed number (any width, BigInteger within range).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Num(n) if n.kind().is_integer() => {
                n.as_i128().and_then(|v| i64::try_from(v).ok())
            }
            _ => None,
        }
    }

    /// Any number as a Double.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(n.to_f64()),
            _ => None,
        }
    }

    /// The .NET type name pwsh reports for this value (`GetType().FullName`).
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Num(n) => n.type_name().into(),
            Value::Char(_) => "System.Char".into(),
            Value::Enum(e) => e.type_name.to_string(),
            Value::String(_) => "System.String".into(),
            Value::Array(a) => a.borrow().kind.type_name(),
            Value::Hashtable(h) => h.borrow().type_name(),
            Value::Object(o) => o
                .borrow()
                .type_names
                .first()
                .cloned()
                .unwrap_or_else(|| PSCUSTOMOBJECT.into()),
            Value::ScriptBlock(_) => "System.Management.Automation.ScriptBlock".into(),
            Value::Guid(_) => "System.Guid".into(),
            Value::DateTime(_) => "System.DateTime".into(),
            Value::TimeSpan(_) => "System.TimeSpan".into(),
            Value::Type(_) => "System.RuntimeType".into(),
            Value::Error(_) => "System.Management.Automation.ErrorRecord".into(),
            Value::SecureString(_) => "System.Security.SecureString".into(),
        }
    }

    /// PowerShell's conversion to string (`[string]$x`, string interpolation, `-join`):
    /// `$null` is empty, arrays join with a space, booleans are `True`/`False`.
    pub fn to_ps_string(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Num(n) => n.to_ps_string(),
            Value::Char(c) => char_text(*c),
            Value::Enum(e) => e.text(),
            Value::String(s) => s.to_string(),
            Value::Array(items) => items
                .borrow()
                .iter()
                .map(Value::element_string)
                .collect::<Vec<_>>()
                .join(" "),
            Value::Hashtable(h) => match &h.borrow().generic {
                // Type.ToString(): `Dictionary`2[System.String,System.Int32]`.
                Some(g) => format!(
                    "System.Collections.Generic.Dictionary`2[{},{}]",
                    g.key, g.value
                ),
                None => h.borrow().type_name(),
            },
            Value::Object(o) => o.borrow().to_ps_string(),
            Value::ScriptBlock(sb) => sb.text().to_string(),
            Value::Guid(g) => g.hyphenated().to_string(),
            Value::DateTime(dt) => format_datetime_invariant(*dt),
            Value::TimeSpan(ts) => ts.to_constant_string(),
            Value::Type(name) => name.to_string(),
            Value::Error(e) => e.exception.message.clone(),
            Value::SecureString(_) => "System.Security.SecureString".into(),
        }
    }

    /// An element's text when its collection becomes a string: its own `ToString()`, so a
    /// nested collection gives its type name rather than its items.
    pub fn element_string(&self) -> String {
        match self {
            Value::Array(_) => self.type_name(),
            Value::Object(o) if o.borrow().is_custom() && o.borrow().text.is_none() => {
                String::new()
            }
            other => other.to_ps_string(),
        }
    }

    /// A `[switch]` parameter's value (`System.Management.Automation.SwitchParameter`): it
    /// shows as a table of `IsPresent`, prints as True/False in strings and is as true as that.
    pub fn switch(present: bool) -> Value {
        let text = if present { "True" } else { "False" };
        Value::object(
            PsObject::new(SWITCH_PARAMETER)
                .with("IsPresent", Value::Bool(present))
                .with_text(text),
        )
    }

    /// `IsPresent` of a SwitchParameter value, `None` for any other value.
    pub fn as_switch(&self) -> Option<bool> {
        let Value::Object(o) = self else {
            return None;
        };
        let o = o.borrow();
        if o.type_names.first().is_none_or(|t| t != SWITCH_PARAMETER) {
            return None;
        }
        Some(o.get("IsPresent").is_some_and(|v| v.is_truthy()))
    }

    /// PowerShell's conversion to bool (`if ($x)`): empty string, 0, `$null` and empty arrays
    /// are false; a one-element array is as true as its element.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Num(n) => !n.is_zero(),
            Value::Char(c) => *c != 0,
            Value::Enum(e) => e.value != 0,
            Value::String(s) => !s.is_empty(),
            Value::Array(items) => {
                let items = items.borrow();
                match items.len() {
                    0 => false,
                    1 => items[0].is_truthy(),
                    _ => true,
                }
            }
            Value::SecureString(_) => true,
            Value::Object(_) => self.as_switch().unwrap_or(true),
            _ => true,
        }
    }

    /// The items of a collection, or the value itself as a one-item list (`$null` gives none),
    /// as the pipeline enumerates.
    pub fn enumerate(&self) -> Vec<Value> {
        match self {
            Value::Null => Vec::new(),
            Value::Array(items) => items.borrow().items.clone(),
            other => vec![other.clone()],
        }
    }

    /// True for values the pipeline unrolls.
    pub fn is_collection(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// A property by name, case-insensitively, for objects, hashtables (keys act as
    /// properties) and error records. `None` when the value has no such property.
    pub fn property(&self, name: &str) -> Option<Value> {
        match self {
            Value::Object(o) => o.borrow().get(name),
            Value::Hashtable(h) => h.borrow().get(&Value::str(name)),
            Value::Error(e) => e.property(name),
            Value::TimeSpan(ts) => ts.property(name),
            _ => None,
        }
    }
}

/// A `System.Char` as a string (a lone surrogate half becomes U+FFFD).
pub fn char_text(c: u16) -> String {
    char::decode_utf16([c])
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A double as PowerShell converts it to text (string expansion, `[string]`, formatting):
/// `ToString("G15")` (LanguagePrimitives.DoublePrecision), so `1/3` is `0.333333333333333` and
/// a TimeSpan's TotalDays `0.0590277777777778`, as pwsh 7 kept the pre-.NET Core 3.0 precision.
pub fn format_double(d: f64) -> String {
    super::number::format_general(d, 15)
}

/// A double as .NET Core 3.0+ `ToString()` (and Newtonsoft's JSON writer) gives it: the
/// shortest text that round-trips.
pub fn format_double_roundtrip(d: f64) -> String {
    super::dotnet_format::roundtrip(d)
}

/// Invariant-culture `DateTime.ToString()`: `MM/dd/yyyy HH:mm:ss`, which is what string
/// interpolation and `[string]` give in PowerShell.
pub fn format_datetime_invariant(dt: time::OffsetDateTime) -> String {
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        dt.month() as u8,
        dt.day(),
        dt.year(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// Which .NET collection an array value is. Indexing, enumeration and `.Count` treat them
/// alike; the kind decides the type name, which methods exist (`Add` on lists), and how an
/// element is converted when it is stored (`List[string]` stores strings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    /// `System.Object[]`: what `@()`, `,` and the pipeline make.
    Object,
    /// A typed array (`[int[]]`, `[string[]]`), by its element type's full name.
    Typed(Rc<str>),
    /// `System.Collections.ArrayList`.
    ArrayList,
    /// `System.Collections.Generic.List[T]`, by T's full name.
    List(Rc<str>),
    /// A read-only .NET collection by its full type name (a regex MatchCollection,
    /// GroupCollection or CaptureCollection).
    Collection(Rc<str>),
    /// `System.Collections.Generic.HashSet[T]`, by T's full name; true when its comparer
    /// ignores case (`[StringComparer]::OrdinalIgnoreCase`).
    HashSet(Rc<str>, bool),
    /// `System.Collections.Generic.Queue[T]`: items in dequeue order.
    Queue(Rc<str>),
    /// `System.Collections.Generic.Stack[T]`: items in pop order (the top first), which is
    /// the order .NET enumerates a stack in.
    Stack(Rc<str>),
}

impl ArrayKind {
    /// `GetType().FullName`.
    pub fn type_name(&self) -> String {
        match self {
            ArrayKind::Object => "System.Object[]".into(),
            ArrayKind::Typed(e) => format!("{e}[]"),
            ArrayKind::ArrayList => "System.Collections.ArrayList".into(),
            ArrayKind::List(e) => format!("System.Collections.Generic.List`1[[{e}]]"),
            ArrayKind::Collection(name) => name.to_string(),
            ArrayKind::HashSet(e, _) => format!("System.Collections.Generic.HashSet`1[[{e}]]"),
            ArrayKind::Queue(e) => format!("System.Collections.Generic.Queue`1[[{e}]]"),
            ArrayKind::Stack(e) => format!("System.Collections.Generic.Stack`1[[{e}]]"),
        }
    }

    /// ArrayList and `List[T]` grow (`Add`, `Remove`, ...); arrays have a fixed size.
    pub fn is_list(&self) -> bool {
        matches!(self, ArrayKind::ArrayList | ArrayKind::List(_))
    }

    /// A generic HashSet, Queue or Stack: enumerable, but neither an array nor a list.
    pub fn is_generic_collection(&self) -> bool {
        matches!(
            self,
            ArrayKind::HashSet(..) | ArrayKind::Queue(_) | ArrayKind::Stack(_)
        )
    }

    /// The element type of a typed array or generic collection.
    pub fn element(&self) -> Option<&str> {
        match self {
            ArrayKind::Typed(e)
            | ArrayKind::List(e)
            | ArrayKind::HashSet(e, _)
            | ArrayKind::Queue(e)
            | ArrayKind::Stack(e) => Some(e),
            _ => None,
        }
    }
}

/// The items of a collection value and what kind of .NET collection it is. It dereferences to
/// its items, so `items.borrow().len()` and `items.borrow_mut().push(v)` read naturally.
#[derive(Clone, Debug)]
pub struct Array {
    pub kind: ArrayKind,
    pub items: Vec<Value>,
}

impl std::ops::Deref for Array {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl Array {
    /// The collection as an object with its .NET properties, as the formatter shows a
    /// collection nested inside another (it enumerates only the outer one): an array's Length,
    /// LongLength, Rank, SyncRoot, ...; a list's Capacity, Count, ...
    pub fn as_object(this: &Rc<RefCell<Array>>) -> PsObject {
        let a = this.borrow();
        let count = Value::count(a.len());
        let me = Value::Array(this.clone());
        let mut o = PsObject::new(a.kind.type_name());
        match a.kind {
            ArrayKind::Object | ArrayKind::Typed(_) => {
                o.set("Length", count.clone());
                o.set("LongLength", Value::long(a.len() as i64));
                o.set("Rank", Value::int(1));
                o.set("SyncRoot", me);
                o.set("IsReadOnly", Value::Bool(false));
                o.set("IsFixedSize", Value::Bool(true));
                o.set("IsSynchronized", Value::Bool(false));
                o.set("Count", count);
            }
            ArrayKind::Collection(_) => {
                o.set("Count", count);
                o.set("IsReadOnly", Value::Bool(true));
                o.set("IsSynchronized", Value::Bool(false));
                o.set("SyncRoot", me);
            }
            ArrayKind::ArrayList => {
                o.set("Capacity", Value::count(list_capacity(a.len())));
                o.set("Count", count);
                o.set("IsFixedSize", Value::Bool(false));
                o.set("IsReadOnly", Value::Bool(false));
                o.set("IsSynchronized", Value::Bool(false));
                o.set("SyncRoot", me);
            }
            ArrayKind::List(_) => {
                o.set("Capacity", Value::count(list_capacity(a.len())));
                o.set("Count", count);
            }
            ArrayKind::HashSet(..) => {
                o.set("Count", count);
                o.set("Capacity", Value::count(a.len()));
            }
            ArrayKind::Queue(_) | ArrayKind::Stack(_) => {
                o.set("Count", count);
            }
        }
        o
    }
}

/// A .NET list's capacity after items were added one at a time: 0, then 4, doubling.
fn list_capacity(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len.next_power_of_two().max(4)
    }
}

impl<'a> IntoIterator for &'a Array {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl IntoIterator for Array {
    type Item = Value;
    type IntoIter = std::vec::IntoIter<Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl std::ops::DerefMut for Array {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

/// A .NET enum value: the enum's full type name and the value's number. Its names come from the
/// recorded enum table (`vocab::dotnet::enum_info`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub type_name: Rc<str>,
    pub value: i64,
}

impl EnumValue {
    pub fn new(type_name: &str, value: i64) -> EnumValue {
        EnumValue {
            type_name: Rc::from(type_name),
            value,
        }
    }

    /// The member with this name, case-insensitively, if the enum has one.
    pub fn named(type_name: &str, name: &str) -> Option<EnumValue> {
        let info = crate::vocab::dotnet::enum_info(type_name)?;
        Some(EnumValue::new(info.name, info.value_of(name)?))
    }

    /// `ToString()`: the member's name (a flags enum's names joined by `, `), else the number.
    pub fn text(&self) -> String {
        match crate::vocab::dotnet::enum_info(&self.type_name) {
            Some(info) => info.text_of(self.value),
            None => self.value.to_string(),
        }
    }

    /// The value as its underlying integer type (`value__`).
    pub fn number(&self) -> Number {
        match crate::vocab::dotnet::enum_info(&self.type_name).map(|i| i.underlying) {
            Some("System.Int64") => Number::Int64(self.value),
            Some("System.UInt32") => Number::UInt32(self.value as u32),
            Some("System.Byte") => Number::Byte(self.value as u8),
            Some("System.SByte") => Number::SByte(self.value as i8),
            Some("System.Int16") => Number::Int16(self.value as i16),
            Some("System.UInt16") => Number::UInt16(self.value as u16),
            Some("System.UInt64") => Number::UInt64(self.value as u64),
            _ => Number::Int32(self.value as i32),
        }
    }
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

/// `System.DateTimeKind`. `Value::DateTime` keeps its kind in the sub-tick nanoseconds of the
/// instant (`nanosecond % 100`: 0 Local, 1 Utc, 2 Unspecified): .NET counts time in 100 ns
/// ticks, so those digits are never shown, and every comparison and difference goes through
/// `ticks_of`, which drops them. Local is 0 so every date made elsewhere is Local, as pwsh's
/// `Get-Date` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Local,
    Utc,
    Unspecified,
}

impl DateKind {
    pub fn name(self) -> &'static str {
        match self {
            DateKind::Local => "Local",
            DateKind::Utc => "Utc",
            DateKind::Unspecified => "Unspecified",
        }
    }

    /// The `System.DateTimeKind` number.
    pub fn number(self) -> i64 {
        match self {
            DateKind::Unspecified => 0,
            DateKind::Utc => 1,
            DateKind::Local => 2,
        }
    }
}

pub fn date_kind(dt: time::OffsetDateTime) -> DateKind {
    match dt.nanosecond() % 100 {
        1 => DateKind::Utc,
        2 => DateKind::Unspecified,
        _ => DateKind::Local,
    }
}

/// The same instant, to the tick, marked with `kind`.
pub fn with_kind(dt: time::OffsetDateTime, kind: DateKind) -> time::OffsetDateTime {
    let ns = dt.nanosecond() / 100 * 100
        + match kind {
            DateKind::Local => 0,
            DateKind::Utc => 1,
            DateKind::Unspecified => 2,
        };
    dt.replace_nanosecond(ns).unwrap_or(dt)
}

/// The instant without its kind mark, for comparisons and differences.
pub fn ticks_of(dt: time::OffsetDateTime) -> time::OffsetDateTime {
    with_kind(dt, DateKind::Local)
}

/// A property bag with a type name: `[PSCustomObject]@{}` and every object an emulated cmdlet
/// returns (policies, users, ...). Property names keep their case; lookups ignore it.
/// The .NET type of `[switch]` parameter values.
pub const SWITCH_PARAMETER: &str = "System.Management.Automation.SwitchParameter";

#[derive(Clone, Debug)]
pub struct PsObject {
    /// Most specific first, as `$obj.PSObject.TypeNames`; the formatter picks views by these.
    pub type_names: Vec<String>,
    properties: IndexMap<String, (String, Value)>,
    /// What `ToString()` gives for .NET objects that override it (`$_.CategoryInfo`,
    /// `$MyInvocation.MyCommand`); `None` for the type name.
    pub text: Option<String>,
    /// What Out-Default shows for types whose format data is a custom control (pwsh's
    /// MatchInfo view), one entry per object; `None` for the usual list or table views.
    pub display: Option<String>,
    /// State of the .NET objects whose properties are computed (a `[ref]`, a Stopwatch, a
    /// StringBuilder); `None` for plain property bags.
    pub native: Option<Native>,
    /// Add-Member's AliasProperty, ScriptProperty and ScriptMethod members, by lower-case
    /// name, in the order added. An alias or script property also holds a slot in
    /// `properties` (its value `$null` there), so it keeps its place among the note
    /// properties; the runtime computes its value (`dotnet::get_member`).
    extra: IndexMap<String, (String, ExtraMember)>,
}

/// A member Add-Member adds that is not a note property.
#[derive(Clone, Debug)]
pub enum ExtraMember {
    /// `AliasProperty`: another member's name.
    Alias(String),
    /// `ScriptProperty`: the getter (`-Value`) and setter (`-SecondValue`), run with `$this`.
    Script {
        getter: Option<Rc<ScriptBlockAst>>,
        setter: Option<Rc<ScriptBlockAst>>,
    },
    /// `ScriptMethod`: the body, run with `$this` and the call's arguments.
    Method(Rc<ScriptBlockAst>),
}

impl ExtraMember {
    /// The `MemberType` pwsh gives this kind.
    pub fn member_type(&self) -> &'static str {
        match self {
            ExtraMember::Alias(_) => "AliasProperty",
            ExtraMember::Script { .. } => "ScriptProperty",
            ExtraMember::Method(_) => "ScriptMethod",
        }
    }

    pub fn is_property(&self) -> bool {
        !matches!(self, ExtraMember::Method(_))
    }
}

/// Hidden state behind the few .NET objects scripts create and mutate.
#[derive(Clone, Debug)]
pub enum Native {
    /// `[ref]$name`: the variable in the scope at `scope` (an index into the scope stack).
    VarRef { name: String, scope: usize },
    /// `System.Diagnostics.Stopwatch`: time banked by earlier runs and, while running, when the
    /// current run started on the session clock.
    Stopwatch {
        banked: TimeSpan,
        started: Option<time::OffsetDateTime>,
    },
    /// `System.Text.StringBuilder`: its capacity (.NET's chunk growth, see members) and length in
    /// characters; the text itself is the object's `text` (what `ToString()` gives), so that an
    /// append changes it in place instead of copying it.
    StringBuilder { capacity: i64, len: i64 },
    /// `System.Text.RegularExpressions.Regex`: the compiled pattern.
    Regex(Rc<crate::runtime::regex::Regex>),
    /// A regex `Match`: the pattern, the input and where `NextMatch` scans from.
    RegexMatch {
        regex: Rc<crate::runtime::regex::Regex>,
        input: Rc<[u16]>,
        next: Option<usize>,
    },
    /// `System.Text.Encoding`: which one.
    Encoding(super::dotnet::encoding::EncodingKind),
    /// A `System.StringComparer` (`[StringComparer]::OrdinalIgnoreCase`): whether it ignores
    /// case, which is all the generic collections read from it.
    StringComparer { ignore_case: bool },
    /// `$obj.PSObject` (a PSMemberSet): the object it describes, whose `TypeNames` the
    /// collection's Insert, Add, Remove and Clear change.
    MemberSet(Rc<RefCell<PsObject>>),
    /// `System.Management.Automation.WildcardPattern`: the pattern and whether it ignores case.
    Wildcard { pattern: String, ignore_case: bool },
    /// An instance of a class a script defined: its class and hidden properties.
    ScriptInstance(Box<super::classes::Instance>),
}

impl PsObject {
    pub fn new(type_name: impl Into<String>) -> PsObject {
        PsObject {
            type_names: vec![type_name.into()],
            properties: IndexMap::new(),
            text: None,
            display: None,
            native: None,
            extra: IndexMap::new(),
        }
    }

    /// Sets what `ToString()` gives.
    pub fn with_text(mut self, text: impl Into<String>) -> PsObject {
        self.text = Some(text.into());
        self
    }

    /// Sets the hidden state of a .NET object aapsh computes.
    pub fn with_native(mut self, native: Native) -> PsObject {
        self.native = Some(native);
        self
    }

    pub fn custom() -> PsObject {
        PsObject::new(PSCUSTOMOBJECT)
    }

    pub fn with(mut self, name: &str, value: Value) -> PsObject {
        self.set(name, value);
        self
    }

    /// Sets a property, keeping the original name's case when it already exists.
    pub fn set(&mut self, name: &str, value: Value) {
        let key = name.to_ascii_lowercase();
        match self.properties.get_mut(&key) {
            Some(slot) => slot.1 = value,
            None => {
                self.properties.insert(key, (name.to_string(), value));
            }
        }
    }

    /// A property's value; an alias follows to the member it names (a script property's
    /// value needs the runtime, so here it is `$null`).
    pub fn get(&self, name: &str) -> Option<Value> {
        let mut key = name.to_ascii_lowercase();
        // Aliases may chain; a cycle ends after a few hops.
        for _ in 0..8 {
            match self.extra.get(&key) {
                Some((_, ExtraMember::Alias(target))) => key = target.to_ascii_lowercase(),
                _ => break,
            }
        }
        self.properties.get(&key).map(|(_, v)| v.clone())
    }

    /// A property or (for Add-Member's duplicate check) a script method of this name.
    pub fn has(&self, name: &str) -> bool {
        let key = name.to_ascii_lowercase();
        self.properties.contains_key(&key) || self.extra.contains_key(&key)
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let key = name.to_ascii_lowercase();
        self.extra.shift_remove(&key);
        self.properties.shift_remove(&key).map(|(_, v)| v)
    }

    /// Adds (or replaces) an alias property, script property or script method.
    pub fn add_extra(&mut self, name: &str, member: ExtraMember) {
        let key = name.to_ascii_lowercase();
        if member.is_property() {
            self.set(name, Value::Null);
        }
        self.extra.insert(key, (name.to_string(), member));
    }

    /// The extra member of this name, if there is one.
    pub fn extra(&self, name: &str) -> Option<&ExtraMember> {
        self.extra.get(&name.to_ascii_lowercase()).map(|(_, m)| m)
    }

    /// Every extra member, in the order added, with its name as written.
    pub fn extras(&self) -> impl Iterator<Item = (&str, &ExtraMember)> {
        self.extra.values().map(|(n, m)| (n.as_str(), m))
    }

    /// Whether some property is an alias or script property (its value is computed).
    pub fn has_computed_properties(&self) -> bool {
        self.extra.values().any(|(_, m)| m.is_property())
    }

    /// Turns the computed properties into note properties holding `values` (a display copy).
    pub fn settle(&mut self, values: Vec<(String, Value)>) {
        self.extra.retain(|_, (_, m)| !m.is_property());
        for (name, value) in values {
            self.set(&name, value);
        }
    }

    /// Properties in definition order, with their names as defined.
    pub fn properties(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.properties.values().map(|(n, v)| (n.as_str(), v))
    }

    pub fn property_names(&self) -> Vec<String> {
        self.properties.values().map(|(n, _)| n.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.properties.len()
    }

    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }

    /// A PSCustomObject, including `Selected.*` objects from Select-Object.
    pub fn is_custom(&self) -> bool {
        self.type_names.is_empty() || self.type_names.iter().any(|t| t == PSCUSTOMOBJECT)
    }

    /// PSCustomObject's `ToString()`: `@{Name=value; Other=value}`; other objects give their
    /// type name, as .NET's default `ToString()` does.
    pub fn to_ps_string(&self) -> String {
        if let Some(text) = &self.text {
            return text.clone();
        }
        if !self.is_custom() {
            return self.type_names.first().cloned().unwrap_or_default();
        }
        // Property values are their own ToString(): a nested PSCustomObject is empty, a
        // collection its type name, as pwsh's PSObject.ToString gives them.
        let inner: Vec<String> = self
            .properties()
            .map(|(n, v)| format!("{n}={}", v.element_string()))
            .collect();
        format!("@{{{}}}", inner.join("; "))
    }
}

/// `@{}` and `[ordered]@{}`. Keys compare case-insensitively when they are strings.
/// Both kinds keep insertion order here (a chosen, documented difference: .NET's Hashtable
/// order depends on hash codes).
#[derive(Clone, Debug, Default)]
pub struct Hashtable {
    pub ordered: bool,
    /// Set for a `System.Collections.Generic.Dictionary[K,V]`: its key and value types and
    /// whether its comparer ignores case (string keys of a plain Dictionary are
    /// case-sensitive, unlike a hashtable's).
    pub generic: Option<Rc<DictionaryTypes>>,
    /// A `System.Management.Automation.OrderedHashtable` (what `ConvertFrom-Json -AsHashtable`
    /// gives in pwsh 7.6): a Hashtable that keeps insertion order, its string keys
    /// case-sensitive.
    pub ordered_hashtable: bool,
    entries: IndexMap<String, (Value, Value)>,
    /// Bumped by every change (.NET's Hashtable version): an enumeration of `Keys` or
    /// `Values` that sees it move fails as .NET's enumerator does.
    version: u64,
}

/// `OrderedHashtable`'s full name.
pub const ORDERED_HASHTABLE: &str = "System.Management.Automation.OrderedHashtable";

/// The type arguments of a generic Dictionary and its key comparer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DictionaryTypes {
    pub key: Rc<str>,
    pub value: Rc<str>,
    pub ignore_case: bool,
}

impl DictionaryTypes {
    /// `GetType().FullName` (without the assembly qualification pwsh adds).
    pub fn type_name(&self) -> String {
        format!(
            "System.Collections.Generic.Dictionary`2[[{}],[{}]]",
            self.key, self.value
        )
    }
}

impl Hashtable {
    pub fn new(ordered: bool) -> Hashtable {
        Hashtable {
            ordered,
            generic: None,
            ordered_hashtable: false,
            entries: IndexMap::new(),
            version: 0,
        }
    }

    /// An empty OrderedHashtable.
    pub fn ordered_hashtable() -> Hashtable {
        Hashtable {
            ordered_hashtable: true,
            ..Hashtable::new(false)
        }
    }

    /// An empty `Dictionary[K,V]`.
    pub fn dictionary(types: DictionaryTypes) -> Hashtable {
        Hashtable {
            ordered: false,
            generic: Some(Rc::new(types)),
            ordered_hashtable: false,
            entries: IndexMap::new(),
            version: 0,
        }
    }

    /// `GetType().FullName` of this dictionary.
    pub fn type_name(&self) -> String {
        match &self.generic {
            Some(g) => g.type_name(),
            None if self.ordered => "System.Collections.Specialized.OrderedDictionary".into(),
            None if self.ordered_hashtable => ORDERED_HASHTABLE.into(),
            None => "System.Collections.Hashtable".into(),
        }
    }

    fn key_of(&self, key: &Value) -> String {
        let ignore_case =
            !self.ordered_hashtable && self.generic.as_ref().is_none_or(|g| g.ignore_case);
        match key {
            Value::String(s) if ignore_case => format!("s:{}", s.to_lowercase()),
            Value::String(s) => format!("s:{s}"),
            other => format!("{}:{}", other.type_name(), other.to_ps_string()),
        }
    }

    /// Inserts or replaces. Returns false when the key already existed.
    pub fn insert(&mut self, key: Value, value: Value) -> bool {
        self.version += 1;
        let k = self.key_of(&key);
        match self.entries.get_mut(&k) {
            Some(slot) => {
                slot.1 = value;
                false
            }
            None => {
                self.entries.insert(k, (key, value));
                true
            }
        }
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        self.entries.get(&self.key_of(key)).map(|(_, v)| v.clone())
    }

    pub fn contains_key(&self, key: &Value) -> bool {
        self.entries.contains_key(&self.key_of(key))
    }

    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let removed = self.entries.shift_remove(&self.key_of(key)).map(|(_, v)| v);
        if removed.is_some() {
            self.version += 1;
        }
        removed
    }

    /// How many changes the table has seen.
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.values().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.version += 1;
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_truth() {
        assert_eq!(
            Value::array(vec![Value::integer(1), Value::str("a")]).to_ps_string(),
            "1 a"
        );
        assert_eq!(Value::Bool(true).to_ps_string(), "True");
        assert_eq!(format_double(1.5), "1.5");
        assert_eq!(format_double(3.0), "3");
        assert_eq!(format_double(1.0 / 3.0), "0.333333333333333");
        assert_eq!(format_double(85.0 / 1440.0), "0.0590277777777778");
        assert_eq!(format_double(-1234.5), "-1234.5");
        assert_eq!(format_double(1e15), "1E+15");
        assert_eq!(format_double(123456789012345.0), "123456789012345");
        assert_eq!(format_double(0.0001), "0.0001");
        assert_eq!(format_double(0.00001), "1E-05");
        assert_eq!(format_double(f64::MAX), "1.79769313486232E+308");
        assert_eq!(format_double_roundtrip(1.0 / 3.0), "0.3333333333333333");
        assert!(!Value::array(vec![Value::integer(0)]).is_truthy());
        assert!(Value::array(vec![Value::integer(0), Value::integer(0)]).is_truthy());
        assert!(!Value::str("").is_truthy());
    }

    #[test]
    fn object_properties_ignore_case() {
        let o = PsObject::custom().with("Identity", Value::str("Tag:A"));
        assert_eq!(o.get("identity").unwrap().to_ps_string(), "Tag:A");
        assert_eq!(o.to_ps_string(), "@{Identity=Tag:A}");
        let mut h = Hashtable::new(false);
        h.insert(Value::str("Add"), Value::integer(1));
        assert!(h.contains_key(&Value::str("ADD")));
    }
}
