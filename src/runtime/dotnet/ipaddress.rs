//! `System.Net.IPAddress` (`[ipaddress]'10.0.0.1'`): IPAddress.Parse's forms (dotted IPv4 with
//! one to four parts, each decimal, `0x` hex or leading-zero octal; IPv6 with an optional
//! numeric `%scope`), the properties its adapter shows in their order, ToString, and the static
//! addresses. Its members are described in the .NET type table (src/vocab/dotnet_members.tsv).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::runtime::value::{EnumValue, PsObject, Value};

pub const IPADDRESS: &str = "System.Net.IPAddress";
const ADDRESS_FAMILY: &str = "System.Net.Sockets.AddressFamily";
/// IPAddress.Parse's message for text that is no address.
pub const INVALID: &str = "An invalid IP address was specified.";

/// A parsed address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address {
    V4(Ipv4Addr),
    V6(Ipv6Addr, u32),
}

impl Address {
    /// IPAddress.ToString(): dotted IPv4; RFC 5952 IPv6 with `%scope` when it has one.
    pub fn text(&self) -> String {
        match self {
            Address::V4(a) => a.to_string(),
            Address::V6(a, 0) => a.to_string(),
            Address::V6(a, scope) => format!("{a}%{scope}"),
        }
    }

    pub fn bytes(&self) -> Vec<u8> {
        match self {
            Address::V4(a) => a.octets().to_vec(),
            Address::V6(a, _) => a.octets().to_vec(),
        }
    }
}

/// IPAddress.Parse (IPAddressParser): IPv6 when the text has a colon, else IPv4 in the forms
/// inet_addr accepts.
pub fn parse(text: &str) -> Option<Address> {
    let t = text.trim();
    if t.contains(':') {
        let inner = t
            .strip_prefix('[')
            .and_then(|r| r.split_once(']').map(|(a, _)| a))
            .unwrap_or(t);
        let (addr, scope) = match inner.split_once('%') {
            Some((a, s)) => (a, s.parse::<u32>().ok()?),
            None => (inner, 0),
        };
        return addr.parse::<Ipv6Addr>().ok().map(|a| Address::V6(a, scope));
    }
    let parts: Vec<&str> = t.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut values = Vec::with_capacity(parts.len());
    for part in &parts {
        values.push(ipv4_part(part)?);
    }
    let (last, leading) = values.split_last()?;
    if leading.iter().any(|v| *v > 255) {
        return None;
    }
    // The last part fills the bytes the leading parts leave.
    let room = 8 * (4 - leading.len() as u32);
    if room < 32 && *last >= 1u64 << room {
        return None;
    }
    if *last > u64::from(u32::MAX) {
        return None;
    }
    let mut n: u32 = 0;
    for (i, v) in leading.iter().enumerate() {
        n |= (*v as u32) << (24 - 8 * i as u32);
    }
    n |= *last as u32;
    Some(Address::V4(Ipv4Addr::from(n)))
}

fn ipv4_part(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let lower = part.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        return if hex.is_empty() {
            Some(0)
        } else {
            u64::from_str_radix(hex, 16).ok()
        };
    }
    if lower.len() > 1 && lower.starts_with('0') {
        return u64::from_str_radix(&lower[1..], 8).ok();
    }
    if !lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    lower.parse().ok()
}

/// The IPAddress object pwsh shows: its adapter's properties in order (ScopeId is $null for an
/// IPv4 address and Address for an IPv6 one, as their getters throw).
pub fn ip_object(address: Address) -> Value {
    let (family, scope, address_value) = match address {
        Address::V4(a) => (
            2,
            Value::Null,
            Value::integer(i64::from(u32::from_le_bytes(a.octets()))),
        ),
        Address::V6(_, scope) => (23, Value::integer(i64::from(scope)), Value::Null),
    };
    let v6 = match address {
        Address::V6(a, _) => Some(a.segments()),
        Address::V4(_) => None,
    };
    let prefix = |mask: u16, value: u16| v6.is_some_and(|s| s[0] & mask == value);
    let mapped = v6.is_some_and(|s| s[..5] == [0; 5] && s[5] == 0xffff);
    let teredo = v6.is_some_and(|s| s[0] == 0x2001 && s[1] == 0);
    let o = PsObject::new(IPADDRESS)
        .with(
            "AddressFamily",
            Value::Enum(EnumValue::new(ADDRESS_FAMILY, family)),
        )
        .with("ScopeId", scope)
        .with("IsIPv6Multicast", Value::Bool(prefix(0xff00, 0xff00)))
        .with("IsIPv6LinkLocal", Value::Bool(prefix(0xffc0, 0xfe80)))
        .with("IsIPv6SiteLocal", Value::Bool(prefix(0xffc0, 0xfec0)))
        .with("IsIPv6Teredo", Value::Bool(teredo))
        .with("IsIPv6UniqueLocal", Value::Bool(prefix(0xfe00, 0xfc00)))
        .with("IsIPv4MappedToIPv6", Value::Bool(mapped))
        .with("Address", address_value)
        .with("IPAddressToString", Value::str(address.text()))
        .with_text(address.text());
    Value::object(o)
}

/// The address an IPAddress object holds (read back from its text).
pub fn address_of(v: &Value) -> Option<Address> {
    match v {
        Value::Object(o)
            if o.borrow()
                .type_names
                .first()
                .is_some_and(|t| t == IPADDRESS) =>
        {
            parse(&v.to_ps_string())
        }
        _ => None,
    }
}

/// `[ipaddress]$v`: an IPAddress stays itself, text is parsed.
pub fn cast(v: &Value) -> Result<Value, String> {
    if address_of(v).is_some() {
        return Ok(v.clone());
    }
    if let Value::Array(items) = v
        && let [only] = items.borrow().items.as_slice()
    {
        return cast(only);
    }
    let text = v.to_ps_string();
    parse(&text)
        .map(ip_object)
        .ok_or_else(|| crate::runtime::conversion::cast_error_with_inner(&text, IPADDRESS, INVALID))
}

/// `[ipaddress]::Loopback` and the other static addresses.
pub fn static_property(lower: &str) -> Option<Value> {
    let address = match lower {
        "any" => Address::V4(Ipv4Addr::UNSPECIFIED),
        "loopback" => Address::V4(Ipv4Addr::LOCALHOST),
        "broadcast" | "none" => Address::V4(Ipv4Addr::BROADCAST),
        "ipv6any" | "ipv6none" => Address::V6(Ipv6Addr::UNSPECIFIED, 0),
        "ipv6loopback" => Address::V6(Ipv6Addr::LOCALHOST, 0),
        _ => return None,
    };
    Some(ip_object(address))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<String> {
        parse(s).map(|a| a.text())
    }

    #[test]
    fn ipv4_forms() {
        assert_eq!(text("10.0.0.1").as_deref(), Some("10.0.0.1"));
        assert_eq!(text("1.2.3").as_deref(), Some("1.2.0.3"));
        assert_eq!(text("1").as_deref(), Some("0.0.0.1"));
        assert_eq!(text("0x7f.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(text("010.0.0.1").as_deref(), Some("8.0.0.1"));
        assert_eq!(text("256.1.1.1"), None);
        assert_eq!(text("bad"), None);
        assert_eq!(text("1.2.3.4.5"), None);
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(text("fe80::1%3").as_deref(), Some("fe80::1%3"));
        assert_eq!(
            text("2001:0db8:0000:0000:0000:0000:0000:0001").as_deref(),
            Some("2001:db8::1")
        );
        assert_eq!(text("fe80::1%x"), None);
    }
}
