//! `[Environment]` and `[cultureinfo]` stand-ins.

use crate::runtime::value::{PsObject, Value};

/// `[Environment]::OSVersion` on the host: .NET reports the Unix platform with the kernel
/// version (`Unix 6.8.0.0`).
pub(super) fn os_version() -> Value {
    let platform = if cfg!(windows) { "Win32NT" } else { "Unix" };
    let release = if cfg!(windows) {
        String::from("10.0.0")
    } else {
        std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default()
    };
    let numbers: Vec<u64> = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    let part = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let version = format!("{}.{}.{}.0", part(0), part(1), part(2));
    let version_value =
        crate::runtime::expression::parse_version(&version).unwrap_or(Value::str(&version));
    let text = format!("{platform} {version}");
    Value::object(
        PsObject::new("System.OperatingSystem")
            .with(
                "Platform",
                Value::Enum(crate::runtime::value::EnumValue::new(
                    "System.PlatformID",
                    if cfg!(windows) { 2 } else { 4 },
                )),
            )
            .with("ServicePack", Value::str(""))
            .with("Version", version_value)
            .with("VersionString", Value::str(&text))
            .with_text(text),
    )
}

/// A CultureInfo stand-in (`[cultureinfo]::InvariantCulture` passed to ParseExact/ToString).
pub fn culture(name: &str) -> Value {
    let display = if name.is_empty() {
        "Invariant Language (Invariant Country)"
    } else {
        "English (United States)"
    };
    Value::object(
        PsObject::new("System.Globalization.CultureInfo")
            .with(
                "LCID",
                Value::integer(if name.is_empty() { 127 } else { 1033 }),
            )
            .with("Name", Value::str(name))
            .with("DisplayName", Value::str(display))
            .with_text(name),
    )
}
