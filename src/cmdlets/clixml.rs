//! Export-Clixml and Import-Clixml: objects to and from PowerShell's CLIXML format as pwsh
//! 7.6.10 writes it (`<Objs Version="1.1.0.1" ...>`, two-space indentation, type-name lists
//! shared through `TNRef`). Numbers keep their .NET type (I32, I64, Db, D, ...), strings, bools,
//! dates and GUIDs theirs; arrays become `LST`, hashtables `DCT`, objects `MS` property bags.
//! Imported objects carry `Deserialized.` type names, as pwsh's do, except custom objects, which
//! come back as PSCustomObject (their `Deserialized.` type names are not kept). The reader understands the
//! elements the writer produces (and pwsh writes for the same values).

use std::fmt::Write as _;

use crate::runtime::number::Number;
use crate::runtime::value::PSCUSTOMOBJECT;
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, Hashtable, PsObject, Value,
};
use crate::vocab::{ParamDef, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const HEADER: &str =
    "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Export-Clixml", UTILITY, export_clixml)
            .class("Microsoft.PowerShell.Commands.ExportClixmlCommand")
            .synopsis("Creates an XML-based representation of an object or objects and stores it in a file.")
            .should_process()
            .pipeline(PipelineMode::Collect)
            .default_set("ByPath")
            .param(ParamDef::new("Path", types::STRING).sets(&["ByPath"]).position(0).mandatory().help("The file to write."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["ByLiteralPath"]).mandatory().alias("PSPath").alias("LP").help("The file, used exactly as typed."))
            .param(ParamDef::new("InputObject", types::PSOBJECT).mandatory().from_pipeline().help("The objects to save."))
            .param(ParamDef::new("Depth", types::INT32).help("How many levels of nested objects to save (default 2)."))
            .param(ParamDef::new("Force", types::SWITCH).help("Overwrites a read-only file."))
            .param(ParamDef::new("NoClobber", types::SWITCH).alias("NoOverwrite").help("Does not overwrite an existing file."))
            .param(ParamDef::new("Encoding", types::STRING).ignored_offline().help("Accepted and ignored: files are written as UTF-8."))
            .example("Save objects for later", "Get-CsOnlineUser | Export-Clixml .\\users.xml", "Import-Clixml .\\users.xml brings them back with their properties."),
        CmdletDef::new("Import-Clixml", UTILITY, import_clixml)
            .class("Microsoft.PowerShell.Commands.ImportClixmlCommand")
            .synopsis("Imports a CLIXML file and creates corresponding objects in PowerShell.")
            .pipeline(PipelineMode::PerRecord)
            .default_set("ByPath")
            .param(ParamDef::new("Path", types::STRING_ARRAY).sets(&["ByPath"]).position(0).mandatory().from_pipeline().by_property_name().help("The CLIXML files to read."))
            .param(ParamDef::new("LiteralPath", types::STRING_ARRAY).sets(&["ByLiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The files, used exactly as typed."))
            .example("Bring saved objects back", "$users = Import-Clixml .\\users.xml", "Deserialized objects with the saved properties."),
    ]
}

// ----- writing -----------------------------------------------------------------------------

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

struct Writer {
    out: String,
    next_ref: usize,
    type_lists: Vec<Vec<String>>,
    depth: usize,
}

impl Writer {
    fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&"  ".repeat(indent));
        self.out.push_str(text);
        self.out.push_str(if cfg!(windows) { "\r\n" } else { "\n" });
    }

    fn value(&mut self, v: &Value, name: Option<&str>, indent: usize, level: usize) {
        let n = name
            .map(|n| format!(" N=\"{}\"", escape(n)))
            .unwrap_or_default();
        let simple = |tag: &str, text: String| format!("<{tag}{n}>{}</{tag}>", escape(&text));
        let line = match v {
            Value::Null => format!("<Nil{n} />"),
            Value::Bool(b) => simple("B", b.to_string()),
            Value::String(s) => simple("S", s.to_string()),
            Value::Char(c) => simple("C", c.to_string()),
            Value::Guid(g) => simple("G", g.to_string()),
            Value::DateTime(dt) => simple("DT", iso_date(dt)),
            Value::Num(num) => {
                let tag = match num {
                    Number::SByte(_) => "SB",
                    Number::Byte(_) => "By",
                    Number::Int16(_) => "I16",
                    Number::UInt16(_) => "U16",
                    Number::Int32(_) => "I32",
                    Number::UInt32(_) => "U32",
                    Number::Int64(_) => "I64",
                    Number::UInt64(_) => "U64",
                    Number::Single(_) => "Sg",
                    Number::Double(_) => "Db",
                    Number::Decimal(_) => "D",
                    Number::BigInt(_) => "S",
                };
                simple(tag, v.to_ps_string())
            }
            Value::Array(a) if level < self.depth => {
                let items: Vec<Value> = a.borrow().items.clone();
                self.object_open(
                    &n,
                    indent,
                    &["System.Object[]", "System.Array", "System.Object"],
                );
                self.line(indent + 1, "<LST>");
                for item in &items {
                    self.value(item, None, indent + 2, level + 1);
                }
                self.line(indent + 1, "</LST>");
                self.line(indent, "</Obj>");
                return;
            }
            Value::Hashtable(h) if level < self.depth => {
                let entries: Vec<(Value, Value)> = h
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                self.object_open(
                    &n,
                    indent,
                    &["System.Collections.Hashtable", "System.Object"],
                );
                self.line(indent + 1, "<DCT>");
                for (k, val) in &entries {
                    self.line(indent + 2, "<En>");
                    self.value(k, Some("Key"), indent + 3, level + 1);
                    self.value(val, Some("Value"), indent + 3, level + 1);
                    self.line(indent + 2, "</En>");
                }
                self.line(indent + 1, "</DCT>");
                self.line(indent, "</Obj>");
                return;
            }
            Value::Object(o) if level < self.depth => {
                let (names, props): (Vec<String>, Vec<(String, Value)>) = {
                    let o = o.borrow();
                    (
                        o.type_names.clone(),
                        o.properties()
                            .map(|(k, v)| (k.to_string(), v.clone()))
                            .collect(),
                    )
                };
                let mut refs: Vec<&str> = names.iter().map(String::as_str).collect();
                if refs.last() != Some(&"System.Object") {
                    refs.push("System.Object");
                }
                self.object_open(&n, indent, &refs);
                self.line(indent + 1, "<MS>");
                for (k, val) in &props {
                    self.value(val, Some(k), indent + 2, level + 1);
                }
                self.line(indent + 1, "</MS>");
                self.line(indent, "</Obj>");
                return;
            }
            other => simple("S", other.to_ps_string()),
        };
        self.line(indent, &line);
    }

    fn object_open(&mut self, n: &str, indent: usize, type_names: &[&str]) {
        let id = self.next_ref;
        self.next_ref += 1;
        self.line(indent, &format!("<Obj{n} RefId=\"{id}\">"));
        let list: Vec<String> = type_names.iter().map(|s| s.to_string()).collect();
        match self.type_lists.iter().position(|l| *l == list) {
            Some(tn) => self.line(indent + 1, &format!("<TNRef RefId=\"{tn}\" />")),
            None => {
                let tn = self.type_lists.len();
                self.type_lists.push(list);
                self.line(indent + 1, &format!("<TN RefId=\"{tn}\">"));
                for t in type_names {
                    self.line(indent + 2, &format!("<T>{}</T>", escape(t)));
                }
                self.line(indent + 1, "</TN>");
            }
        }
    }
}

/// `yyyy-MM-ddTHH:mm:ss[.fffffff]`, as XmlConvert writes an unspecified-kind DateTime.
fn iso_date(dt: &time::OffsetDateTime) -> String {
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month() as u8,
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    );
    let ticks = dt.nanosecond() / 100;
    if ticks > 0 {
        let frac = format!("{ticks:07}");
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    s
}

/// The CLIXML text of these objects (the platform's line ends, as pwsh's XmlWriter writes them).
pub fn to_clixml(values: &[Value], depth: usize) -> String {
    let mut w = Writer {
        out: String::new(),
        next_ref: 0,
        type_lists: Vec::new(),
        depth,
    };
    w.line(0, HEADER);
    for v in values {
        w.value(v, None, 1, 0);
    }
    w.out.push_str("</Objs>");
    w.out
}

fn export_clixml(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let values = if ctx.collected.is_empty() {
        b.get("InputObject").into_iter().cloned().collect()
    } else {
        ctx.collected.clone()
    };
    let depth = b.int("Depth").unwrap_or(2).max(0) as usize + 1;
    let Some(text) = b.string("LiteralPath").or_else(|| b.string("Path")) else {
        return Ok(());
    };
    let path = ctx.session.resolve_path(&text);
    let shown = crate::runtime::files::shown(&path);
    if !ctx.should_process(&shown, "Export-Clixml")? {
        return Ok(());
    }
    if b.switch("NoClobber") && path.exists() {
        let r = ctx.error(
            "System.IO.IOException",
            format!("The file '{shown}' already exists."),
            "NoClobber",
            ErrorCategory::ResourceExists,
        );
        return Err(ctx.terminate(r));
    }
    if let Err(e) = std::fs::write(&path, to_clixml(&values, depth)) {
        let (ty, message) = crate::runtime::files::io_message(&path, &e);
        let r = ctx.error(&ty, message, "FileOpenFailure", ErrorCategory::OpenError);
        return Err(ctx.terminate(r));
    }
    Ok(())
}

// ----- reading -----------------------------------------------------------------------------

/// One XML element of the subset CLIXML uses: name, attributes, children and text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn unescape(text: &str) -> String {
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    // `_xHHHH_`: a character XML cannot hold.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let code = tail
            .get(2..6)
            .filter(|_| tail.get(6..7) == Some("_"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses an XML document into its root element (no DTDs, no CDATA: what CLIXML holds).
fn parse_xml(text: &str) -> Result<Element, String> {
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut rest = text.trim_start_matches('\u{feff}');
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if let Some(top) = stack.last_mut() {
                top.text.push_str(&unescape(rest));
            }
            break;
        };
        if lt > 0
            && let Some(top) = stack.last_mut()
        {
            top.text.push_str(&unescape(&rest[..lt]));
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            return Err("unexpected end of file".into());
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let done = stack.pop().ok_or("unbalanced tags")?;
            if done.name != name.trim() {
                return Err(format!(
                    "The '{}' start tag does not match the end tag of '{}'.",
                    done.name,
                    name.trim()
                ));
            }
            stack
                .last_mut()
                .ok_or("unbalanced tags")?
                .children
                .push(done);
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/').trim();
        let (name, mut attrs_text) = match tag.find(char::is_whitespace) {
            Some(i) => (&tag[..i], &tag[i..]),
            None => (tag, ""),
        };
        let mut el = Element {
            name: name.to_string(),
            ..Element::default()
        };
        loop {
            attrs_text = attrs_text.trim_start();
            let Some(eq) = attrs_text.find('=') else {
                break;
            };
            let key = attrs_text[..eq].trim().to_string();
            let after = attrs_text[eq + 1..].trim_start();
            let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                return Err("bad attribute".into());
            };
            let Some(end) = after[1..].find(quote) else {
                return Err("bad attribute".into());
            };
            el.attrs.push((key, unescape(&after[1..1 + end])));
            attrs_text = &after[end + 2..];
        }
        if self_closing {
            stack.last_mut().ok_or("unbalanced tags")?.children.push(el);
        } else {
            stack.push(el);
        }
    }
    if stack.len() != 1 {
        return Err("unexpected end of file".into());
    }
    let mut root = stack.pop().unwrap_or_default();
    root.children
        .pop()
        .ok_or_else(|| "Root element is missing.".to_string())
}

struct Reader {
    type_lists: Vec<(String, Vec<String>)>,
}

impl Reader {
    fn value(&mut self, el: &Element) -> Value {
        let t = el.text.as_str();
        let num = |n: Option<Number>| n.map(Value::Num).unwrap_or(Value::Null);
        match el.name.as_str() {
            "Nil" => Value::Null,
            "B" => Value::Bool(t.trim() == "true"),
            "S" | "URI" | "Version" | "XD" | "SBK" => Value::str(t),
            "C" => t
                .trim()
                .parse::<u16>()
                .map(Value::Char)
                .unwrap_or(Value::Null),
            "G" => uuid::Uuid::parse_str(t.trim())
                .map(Value::Guid)
                .unwrap_or(Value::Null),
            "DT" => crate::runtime::conversion::parse_datetime(t.trim())
                .map(Value::DateTime)
                .unwrap_or(Value::Null),
            "I32" => num(t.trim().parse().ok().map(Number::Int32)),
            "I64" => num(t.trim().parse().ok().map(Number::Int64)),
            "I16" => num(t.trim().parse().ok().map(Number::Int16)),
            "U16" => num(t.trim().parse().ok().map(Number::UInt16)),
            "U32" => num(t.trim().parse().ok().map(Number::UInt32)),
            "U64" => num(t.trim().parse().ok().map(Number::UInt64)),
            "By" => num(t.trim().parse().ok().map(Number::Byte)),
            "SB" => num(t.trim().parse().ok().map(Number::SByte)),
            "Sg" => num(t.trim().parse().ok().map(Number::Single)),
            "Db" => num(t.trim().parse().ok().map(Number::Double)),
            "D" => num(t.trim().parse().ok().map(Number::Decimal)),
            "Obj" => self.object(el),
            _ => Value::str(t),
        }
    }

    fn object(&mut self, el: &Element) -> Value {
        let mut names: Vec<String> = Vec::new();
        if let Some(tn) = el.child("TN") {
            names = tn
                .children
                .iter()
                .filter(|c| c.name == "T")
                .map(|c| c.text.clone())
                .collect();
            let id = tn.attr("RefId").unwrap_or_default().to_string();
            self.type_lists.push((id, names.clone()));
        } else if let Some(r) = el.child("TNRef").and_then(|r| r.attr("RefId"))
            && let Some((_, l)) = self.type_lists.iter().find(|(id, _)| id == r)
        {
            names = l.clone();
        }
        if let Some(lst) = el
            .child("LST")
            .or_else(|| el.child("IE"))
            .or_else(|| el.child("STK"))
            .or_else(|| el.child("QUE"))
        {
            let items = lst.children.iter().map(|c| self.value(c)).collect();
            return Value::array(items);
        }
        if let Some(dct) = el.child("DCT") {
            let mut h = Hashtable::new(false);
            for en in dct.children.iter().filter(|c| c.name == "En") {
                let mut key = Value::Null;
                let mut val = Value::Null;
                for part in &en.children {
                    match part.attr("N") {
                        Some("Key") => key = self.value(part),
                        Some("Value") => val = self.value(part),
                        _ => {}
                    }
                }
                h.insert(key, val);
            }
            return Value::hashtable(h);
        }
        // A custom object comes back as one (pwsh: GetType() is PSCustomObject and it prints
        // as @{...}); other objects carry their `Deserialized.` type names.
        let custom = names.first().map(String::as_str) == Some(PSCUSTOMOBJECT);
        let mut o = if custom {
            PsObject::new(PSCUSTOMOBJECT)
        } else {
            let type_name = names
                .first()
                .map(|n| format!("Deserialized.{n}"))
                .unwrap_or_else(|| "Deserialized.System.Object".into());
            let mut o = PsObject::new(&type_name);
            for extra in names.iter().skip(1) {
                o.type_names.push(format!("Deserialized.{extra}"));
            }
            o
        };
        for bag in ["Props", "MS"] {
            if let Some(ms) = el.child(bag) {
                for p in &ms.children {
                    if let Some(n) = p.attr("N") {
                        let v = self.value(p);
                        o.set(n, v);
                    }
                }
            }
        }
        if let Some(text) = el.child("ToString") {
            o.text = Some(text.text.clone());
        }
        Value::object(o)
    }
}

/// The objects of a CLIXML document.
pub fn from_clixml(text: &str) -> Result<Vec<Value>, String> {
    let root = parse_xml(text)?;
    if root.name != "Objs" {
        return Err(format!(
            "Element '{}' with namespace name '' was not found.",
            "Objs"
        ));
    }
    let mut reader = Reader {
        type_lists: Vec::new(),
    };
    Ok(root.children.iter().map(|c| reader.value(c)).collect())
}

fn import_clixml(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let paths = b
        .strings("LiteralPath")
        .or_else(|| b.strings("Path"))
        .unwrap_or_default();
    for p in paths {
        let path = ctx.session.resolve_path(&p);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                let (ty, message) = crate::runtime::files::io_message(&path, &e);
                let r = ctx.error(&ty, message, "FileOpenFailure", ErrorCategory::OpenError);
                return Err(ctx.terminate(r));
            }
        };
        match from_clixml(&text) {
            Ok(values) => {
                for v in values {
                    ctx.write_object(v);
                }
            }
            Err(m) => {
                let r = ctx.error(
                    "System.Xml.XmlException",
                    m,
                    "System.Xml.XmlException",
                    ErrorCategory::NotSpecified,
                );
                return Err(ctx.terminate(r));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_round_trip_with_their_types() {
        let o = PsObject::new("System.Management.Automation.PSCustomObject")
            .with("a", Value::int(1))
            .with("b", Value::str("x & <y>"))
            .with("c", Value::Null)
            .with("d", Value::array(vec![Value::long(5), Value::Bool(true)]));
        let text = to_clixml(&[Value::object(o)], 3);
        assert!(text.contains("<I32 N=\"a\">1</I32>"));
        assert!(text.contains("<S N=\"b\">x &amp; &lt;y&gt;</S>"));
        let back = from_clixml(&text).unwrap();
        let Value::Object(o) = &back[0] else {
            panic!("not an object: {back:?}")
        };
        let o = o.borrow();
        assert_eq!(o.type_names[0], PSCUSTOMOBJECT);
        assert!(matches!(o.get("a"), Some(Value::Num(Number::Int32(1)))));
        assert_eq!(
            o.get("b").map(|v| v.to_ps_string()).as_deref(),
            Some("x & <y>")
        );
        assert!(matches!(o.get("d"), Some(Value::Array(_))));
    }

    #[test]
    fn broken_documents_are_errors_not_panics() {
        for text in ["", "<Objs>", "<Objs><S>x</T></Objs>", "<a b=>", "<<<>>>"] {
            let _ = from_clixml(text);
        }
        assert!(from_clixml("<Objs><S>x</T></Objs>").is_err());
    }
}
