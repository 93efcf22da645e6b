//! `System.Uri` (`[uri]'https://host/path?q'`): the parts of an absolute URI as .NET gives
//! them (scheme and host lowercased, the scheme's default port, `/` for an empty path); a
//! relative URI keeps only its text, as its other properties throw in .NET.

use crate::runtime::value::{PsObject, Value};

/// The Uri object for `text`.
pub fn uri_object(text: &str) -> Value {
    let mut o = PsObject::new("System.Uri");
    match parse(text) {
        Some(p) => {
            let port_text = if p.default_port {
                String::new()
            } else {
                format!(":{}", p.port)
            };
            let authority = format!("{}{}", p.host, port_text);
            let absolute = format!(
                "{}://{}{}{}{}{}",
                p.scheme,
                p.user_info
                    .as_ref()
                    .map(|u| format!("{u}@"))
                    .unwrap_or_default(),
                authority,
                p.path,
                p.query,
                p.fragment
            );
            let loopback = p.host == "localhost" || p.host.starts_with("127.");
            let ipv4 = p.host.split('.').count() == 4
                && p.host.split('.').all(|x| x.parse::<u8>().is_ok());
            let mut segments = vec![Value::str("/")];
            let trimmed = p.path.trim_start_matches('/');
            if !trimmed.is_empty() {
                let parts: Vec<&str> = trimmed.split('/').collect();
                for (i, part) in parts.iter().enumerate() {
                    if i + 1 < parts.len() {
                        segments.push(Value::str(format!("{part}/")));
                    } else if !part.is_empty() {
                        segments.push(Value::str(*part));
                    }
                }
            }
            let decoded_path = percent_decode(&p.path);
            o.set("AbsolutePath", Value::str(&p.path));
            o.set("AbsoluteUri", Value::str(&absolute));
            o.set("LocalPath", Value::str(&decoded_path));
            o.set("Authority", Value::str(&authority));
            o.set(
                "HostNameType",
                Value::str(if ipv4 { "IPv4" } else { "Dns" }),
            );
            o.set("IsDefaultPort", Value::Bool(p.default_port));
            o.set("IsFile", Value::Bool(p.scheme == "file"));
            o.set("IsLoopback", Value::Bool(loopback));
            o.set("PathAndQuery", Value::str(format!("{}{}", p.path, p.query)));
            o.set("Segments", Value::array(segments));
            o.set("IsUnc", Value::Bool(false));
            o.set("Host", Value::str(&p.host));
            o.set("Port", Value::int(p.port));
            o.set("Query", Value::str(&p.query));
            o.set("Fragment", Value::str(&p.fragment));
            o.set("Scheme", Value::str(&p.scheme));
            o.set("OriginalString", Value::str(text));
            o.set("DnsSafeHost", Value::str(&p.host));
            o.set("IdnHost", Value::str(&p.host));
            o.set("IsAbsoluteUri", Value::Bool(true));
            o.set("UserEscaped", Value::Bool(false));
            o.set(
                "UserInfo",
                Value::str(p.user_info.clone().unwrap_or_default()),
            );
            // ToString(): the canonical form, unescaped.
            Value::object(o.with_text(percent_decode(&absolute)))
        }
        None => {
            for name in [
                "AbsolutePath",
                "AbsoluteUri",
                "LocalPath",
                "Authority",
                "HostNameType",
                "IsDefaultPort",
                "IsFile",
                "IsLoopback",
                "PathAndQuery",
                "Segments",
                "IsUnc",
                "Host",
                "Port",
                "Query",
                "Fragment",
                "Scheme",
            ] {
                o.set(name, Value::Null);
            }
            o.set("OriginalString", Value::str(text));
            o.set("DnsSafeHost", Value::Null);
            o.set("IdnHost", Value::Null);
            o.set("IsAbsoluteUri", Value::Bool(false));
            o.set("UserEscaped", Value::Bool(false));
            o.set("UserInfo", Value::Null);
            Value::object(o.with_text(text))
        }
    }
}

struct Parts {
    scheme: String,
    user_info: Option<String>,
    host: String,
    port: i32,
    default_port: bool,
    path: String,
    query: String,
    fragment: String,
}

fn parse(text: &str) -> Option<Parts> {
    let text = text.trim();
    let (scheme, rest) = text.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let (rest, fragment) = match rest.find('#') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, String::new()),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, String::new()),
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let (user_info, host_port) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u.to_string()), h),
        None => (None, authority),
    };
    let default = match scheme.as_str() {
        "http" | "ws" => 80,
        "https" | "wss" => 443,
        "ftp" => 21,
        "ldap" => 389,
        _ => -1,
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() => (h, p.parse::<i32>().ok()?),
        Some((h, _)) => (h, default),
        None => (host_port, default),
    };
    if host.is_empty() && scheme != "file" {
        return None;
    }
    Some(Parts {
        scheme,
        user_info,
        host: host.to_ascii_lowercase(),
        port,
        default_port: port == default,
        path: path.replace(' ', "%20"),
        query,
        fragment,
    })
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(text.get(i + 1..i + 3).unwrap_or("zz"), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_relative() {
        let u = uri_object("https://Contoso.example:8443/a/b%20c?x=1#frag");
        assert_eq!(
            u.property("Host").unwrap().to_ps_string(),
            "contoso.example"
        );
        assert_eq!(u.property("Port").unwrap().to_ps_string(), "8443");
        assert_eq!(u.property("LocalPath").unwrap().to_ps_string(), "/a/b c");
        assert_eq!(u.property("Query").unwrap().to_ps_string(), "?x=1");
        let plain = uri_object("http://x.com");
        assert_eq!(
            plain.property("AbsoluteUri").unwrap().to_ps_string(),
            "http://x.com/"
        );
        let rel = uri_object("nope");
        assert_eq!(
            rel.property("IsAbsoluteUri").unwrap().to_ps_string(),
            "False"
        );
    }
}
