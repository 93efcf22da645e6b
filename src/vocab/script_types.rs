//! The types a script defines while the shell runs (`enum` and `class`), next to the recorded
//! .NET table in `dotnet`: an enum's names and values (looked up through `dotnet::enum_info`
//! like any recorded enum) and a class's chain of base classes (for `-is`, type literals and
//! `PSObject.TypeNames`). The runtime registers them when a script defines them; their
//! behaviour (constructors, methods) stays in the runtime. Per thread, as a session is.
//!
//! An enum is kept as a `&'static EnumInfo` so that script enums and recorded ones are one
//! kind of value everywhere: each definition leaks its (small) table once. Redefining a type
//! (a new REPL input, a script run again) replaces the entry.

use std::cell::RefCell;

use super::dotnet::EnumInfo;

thread_local! {
    static ENUMS: RefCell<Vec<&'static EnumInfo>> = const { RefCell::new(Vec::new()) };
    static CLASSES: RefCell<Vec<Vec<String>>> = const { RefCell::new(Vec::new()) };
}

/// Registers (or replaces) a script enum. `members` in declaration order; they are kept in
/// .NET's order (by unsigned value, stable), which `GetNames`/`GetValues` list.
pub fn define_enum(name: &str, flags: bool, underlying: &'static str, members: Vec<(String, i64)>) {
    let name: &'static str = Box::leak(name.to_string().into_boxed_str());
    let mut members: Vec<(&'static str, i64)> = members
        .into_iter()
        .map(|(n, v)| (&*Box::leak(n.into_boxed_str()), v))
        .collect();
    let width = match underlying {
        "System.Byte" | "System.SByte" => 8,
        "System.Int16" | "System.UInt16" => 16,
        "System.Int64" | "System.UInt64" => 64,
        _ => 32,
    };
    let unsigned = |v: i64| -> u64 {
        if width == 64 {
            v as u64
        } else {
            (v as u64) & ((1u64 << width) - 1)
        }
    };
    members.sort_by_key(|(_, v)| unsigned(*v));
    let info: &'static EnumInfo = Box::leak(Box::new(EnumInfo {
        name,
        flags,
        underlying,
        members,
    }));
    forget(name);
    ENUMS.with(|e| e.borrow_mut().push(info));
}

/// A script enum by name, case-insensitively.
pub fn enum_info(name: &str) -> Option<&'static EnumInfo> {
    ENUMS.with(|e| {
        e.borrow()
            .iter()
            .rev()
            .find(|i| i.name.eq_ignore_ascii_case(name))
            .copied()
    })
}

/// Registers (or replaces) a script class: its name, then its base classes, nearest first.
pub fn define_class(chain: Vec<String>) {
    if let Some(name) = chain.first().cloned() {
        forget(&name);
        CLASSES.with(|c| c.borrow_mut().push(chain));
    }
}

/// A script class's name as defined, then its base classes' names, nearest first.
pub fn class_chain(name: &str) -> Option<Vec<String>> {
    CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|chain| chain[0].eq_ignore_ascii_case(name))
            .cloned()
    })
}

/// True when a script defined a type (enum or class) by this name.
pub fn is_script_type(name: &str) -> bool {
    enum_info(name).is_some() || class_chain(name).is_some()
}

/// Drops an earlier definition of `name` (enum or class): a type name means one type.
fn forget(name: &str) {
    ENUMS.with(|e| {
        e.borrow_mut()
            .retain(|i| !i.name.eq_ignore_ascii_case(name))
    });
    CLASSES.with(|c| {
        c.borrow_mut()
            .retain(|chain| !chain[0].eq_ignore_ascii_case(name))
    });
}
