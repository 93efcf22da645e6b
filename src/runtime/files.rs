//! Files as the runtime and the file cmdlets share them: how a path is shown in messages, the
//! .NET exception an I/O error becomes, writing text, and the PathInfo `$PWD` returns.

use std::path::Path;

use super::value::{PsObject, Value};

const PATH_INFO: &str = "System.Management.Automation.PathInfo";
pub const PROVIDER: &str = "Microsoft.PowerShell.Core\\FileSystem";

/// A path as pwsh shows it in messages, with the platform's separators.
pub fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if cfg!(windows) {
        text.replace('/', "\\")
    } else {
        text
    }
}

/// The .NET exception and message for an I/O error on `path`.
pub fn io_message(path: &Path, err: &std::io::Error) -> (String, String) {
    let text = shown(path);
    match err.kind() {
        std::io::ErrorKind::NotFound => {
            if path
                .parent()
                .is_some_and(|p| !p.as_os_str().is_empty() && !p.exists())
            {
                (
                    "System.IO.DirectoryNotFoundException".into(),
                    format!("Could not find a part of the path '{text}'."),
                )
            } else {
                (
                    "System.IO.FileNotFoundException".into(),
                    format!("Could not find file '{text}'."),
                )
            }
        }
        std::io::ErrorKind::PermissionDenied => (
            "System.UnauthorizedAccessException".into(),
            format!("Access to the path '{text}' is denied."),
        ),
        _ => ("System.IO.IOException".into(), format!("{err}: '{text}'")),
    }
}

pub fn write_text_to(path: &Path, text: &str, append: bool) -> std::io::Result<()> {
    use std::io::Write;
    if append {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?
            .write_all(text.as_bytes())
    } else {
        std::fs::write(path, text)
    }
}

/// A PathInfo for `path`, as `$PWD` and `Get-Location` return it: `Path` (and its text) is the
/// folder.
pub fn path_info(path: &Path) -> Value {
    let text = shown(path);
    let drive = if cfg!(windows) {
        text.split(':').next().unwrap_or_default().to_string()
    } else {
        "/".to_string()
    };
    Value::object(
        PsObject::new(PATH_INFO)
            .with("Drive", Value::str(drive))
            .with("Provider", Value::str(PROVIDER))
            .with("ProviderPath", Value::str(&text))
            .with("Path", Value::str(&text))
            .with_text(text),
    )
}

/// Text from a file's bytes as pwsh reads scripts and text files: the byte order mark decides
/// the encoding (UTF-8, UTF-16 LE or BE, UTF-32 LE or BE; scripts saved on Windows are often
/// UTF-16 LE with a BOM), and without one the text is UTF-8. The BOM itself is dropped; bytes
/// that do not decode become U+FFFD, as .NET's decoders do.
pub fn decode_text(bytes: &[u8]) -> String {
    fn utf16(body: &[u8], little: bool) -> String {
        let units = body.chunks(2).map(|c| match c {
            [a, b] if little => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            // An odd byte at the end cannot be a code unit.
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
    fn utf32(body: &[u8], little: bool) -> String {
        body.chunks(4)
            .map(|c| {
                let n = match c {
                    [a, b, x, y] if little => u32::from_le_bytes([*a, *b, *x, *y]),
                    [a, b, x, y] => u32::from_be_bytes([*a, *b, *x, *y]),
                    _ => 0xFFFD,
                };
                char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect()
    }
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, 0, 0, rest @ ..] => utf32(rest, true),
        [0, 0, 0xFE, 0xFF, rest @ ..] => utf32(rest, false),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A text file read as `decode_text` decodes it.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    std::fs::read(path).map(|b| decode_text(&b))
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        v
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(decode_text(&utf16le("'héllo'\r\n")), "'héllo'\r\n");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Get-Date".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode_text(&be), "Get-Date");
        assert_eq!(decode_text(b"\xEF\xBB\xBF$x = 1"), "$x = 1");
        assert_eq!(decode_text(b"\xFF\xFE\0\0a\0\0\0"), "a");
        assert_eq!(decode_text(b"\0\0\xFE\xFF\0\0\0b"), "b");
        assert_eq!(decode_text("plain ü".as_bytes()), "plain ü");
        // A lone surrogate or odd byte is replaced, never a panic.
        assert_eq!(decode_text(b"\xFF\xFE\x00\xD8a"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode_text(b"\xFF"), "\u{FFFD}");
    }
}
