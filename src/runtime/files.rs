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

// ----- drives of another platform, and `-PathMap` ---------------------------------------------

/// `-PathMap` (set once at start-up): Windows path prefixes replaced by local folders, so a
/// script written for `C:\Scripts` replays from `./scripts`. Longest prefix first.
static PATH_MAP: std::sync::OnceLock<Vec<(String, std::path::PathBuf)>> =
    std::sync::OnceLock::new();

/// Installs the `-PathMap` pairs (`C:\Scripts` -> an absolute folder). The first call wins.
pub fn set_path_map(mut pairs: Vec<(String, std::path::PathBuf)>) {
    pairs.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    let _ = PATH_MAP.set(pairs);
}

fn same_separators(text: &str) -> String {
    text.replace('\\', "/")
}

/// `text` with a `-PathMap` prefix replaced by its folder (compared case-insensitively, as
/// Windows paths are, and whole path elements only); other text unchanged.
pub fn map_path(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(map) = PATH_MAP.get() else {
        return std::borrow::Cow::Borrowed(text);
    };
    let normal = same_separators(text);
    for (from, to) in map {
        let from = same_separators(from);
        let from = from.trim_end_matches('/');
        if normal.len() >= from.len()
            && normal.is_char_boundary(from.len())
            && normal[..from.len()].eq_ignore_ascii_case(from)
        {
            let rest = &normal[from.len()..];
            if rest.is_empty() || rest.starts_with('/') {
                let mut out = to.display().to_string();
                out.push_str(rest);
                return std::borrow::Cow::Owned(out);
            }
        }
    }
    std::borrow::Cow::Borrowed(text)
}

/// The drives pwsh has on Linux and macOS besides the file system root.
const UNIX_DRIVES: &[&str] = &["alias", "env", "function", "temp", "variable"];

/// The drive a path names that does not exist here: `C` for `C:\Temp\users.csv` on Linux,
/// where pwsh answers "Cannot find drive". `None` for paths without a drive, for the drives
/// pwsh has (`Env:`, `Function:`, ...), for provider-qualified paths, for `-PathMap`ped
/// prefixes, and on Windows.
pub fn missing_drive(text: &str) -> Option<String> {
    if cfg!(windows) || text.contains("::") {
        return None;
    }
    if map_path(text) != text {
        return None;
    }
    let (drive, _) = text.split_once(':')?;
    let mut chars = drive.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    if UNIX_DRIVES.iter().any(|d| d.eq_ignore_ascii_case(drive)) {
        return None;
    }
    Some(drive.to_string())
}

/// pwsh's message for a path on a drive that does not exist.
pub fn drive_not_found_message(drive: &str) -> String {
    format!("Cannot find drive. A drive with the name '{drive}' does not exist.")
}

/// The provider cmdlets whose path parameters go through a drive (Split-Path and Test-Path do
/// not fail: pwsh 7.6.10 on Linux gave `C:/x` and `False`), and the parameters that hold paths.
const DRIVE_CMDLETS: &[&str] = &[
    "Get-Content",
    "Set-Content",
    "Add-Content",
    "Clear-Content",
    "Out-File",
    "Import-Csv",
    "Export-Csv",
    "Set-Location",
    "Push-Location",
    "Get-ChildItem",
    "Get-Item",
    "New-Item",
    "Remove-Item",
    "Copy-Item",
    "Move-Item",
    "Rename-Item",
    "Resolve-Path",
    "Join-Path",
    "Select-String",
    "Import-Clixml",
    "Export-Clixml",
    "Get-FileHash",
    "ConvertTo-Html",
];
const PATH_PARAMS: &[&str] = &["Path", "LiteralPath", "FilePath", "Destination"];

/// DriveNotFound for a provider cmdlet given a path on a drive this platform lacks, as pwsh
/// reports it (`ObjectNotFound`, `DriveNotFound,<cmdlet class>`), before the cmdlet runs.
pub fn drive_not_found(
    def: &super::CmdletDef,
    bound: &super::BoundParameters,
) -> Option<super::ErrorRecord> {
    if !DRIVE_CMDLETS
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&def.name))
    {
        return None;
    }
    let drive = PATH_PARAMS
        .iter()
        .filter_map(|p| bound.get(p))
        .flat_map(|v| v.enumerate())
        .find_map(|v| match v {
            Value::String(s) => missing_drive(s.as_ref()),
            _ => None,
        })?;
    let mut r = super::ErrorRecord::new(
        super::ExceptionInfo::new(
            "System.Management.Automation.DriveNotFoundException",
            drive_not_found_message(&drive),
        ),
        "DriveNotFound",
        super::ErrorCategory::ObjectNotFound,
    );
    r.command_class = def.class_name.to_string();
    r.activity = def.name.to_string();
    r.target_name = drive.clone();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(drive));
    Some(r)
}

// ----- reading text a line at a time ---------------------------------------------------------

/// Splits text into lines as .NET's ReadLine does (`\n`, `\r\n` or `\r`); a final line end
/// does not start another line.
pub fn split_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => lines.push(std::mem::take(&mut current)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(std::mem::take(&mut current));
            }
            other => current.push(other),
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A text file read one line at a time (StreamReader.ReadLine): only the current line is in
/// memory, so a file larger than memory can be read. UTF-8 (with or without its BOM) is read
/// as a stream; a file with a UTF-16 or UTF-32 BOM is decoded whole, as `read_text` does.
pub struct TextLines {
    source: LineSource,
}

enum LineSource {
    Stream {
        reader: std::io::BufReader<std::fs::File>,
        pending: std::collections::VecDeque<String>,
        chunk: Vec<u8>,
        done: bool,
    },
    Decoded(std::vec::IntoIter<String>),
}

impl TextLines {
    /// Opens a file at its start.
    pub fn open(path: &Path) -> std::io::Result<TextLines> {
        use std::io::BufRead;
        let file = std::fs::File::open(path)?;
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, file);
        let head = reader.fill_buf()?;
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            reader.consume(3);
        } else if head.starts_with(&[0xFF, 0xFE])
            || head.starts_with(&[0xFE, 0xFF])
            || head.starts_with(&[0, 0, 0xFE, 0xFF])
        {
            return Self::decoded(reader);
        }
        Ok(Self::stream(reader))
    }

    /// Opens a file at the start of its last `count` lines, found by reading backwards from
    /// the end a block at a time (Get-Content -Tail): the lines before are never read.
    pub fn open_tail(path: &Path, count: usize) -> std::io::Result<TextLines> {
        use std::io::{BufRead, Seek, SeekFrom};
        let mut lines = Self::open(path)?;
        let LineSource::Stream { reader, .. } = &mut lines.source else {
            // Decoded whole: keep the last lines.
            if let LineSource::Decoded(all) = &mut lines.source {
                let mut rest: Vec<String> = std::mem::take(all).collect();
                let start = rest.len().saturating_sub(count);
                rest.drain(..start);
                lines.source = LineSource::Decoded(rest.into_iter());
            }
            return Ok(lines);
        };
        if count == 0 {
            lines.source = LineSource::Decoded(Vec::new().into_iter());
            return Ok(lines);
        }
        let start = tail_offset(reader.get_mut(), count)?;
        let bom = if start == 0 {
            reader.seek(SeekFrom::Start(0))?;
            reader.fill_buf()?.starts_with(&[0xEF, 0xBB, 0xBF])
        } else {
            false
        };
        reader.seek(SeekFrom::Start(if bom { 3 } else { start }))?;
        Ok(lines)
    }

    fn stream(reader: std::io::BufReader<std::fs::File>) -> TextLines {
        TextLines {
            source: LineSource::Stream {
                reader,
                pending: std::collections::VecDeque::new(),
                chunk: Vec::new(),
                done: false,
            },
        }
    }

    fn decoded(mut reader: std::io::BufReader<std::fs::File>) -> std::io::Result<TextLines> {
        use std::io::Read;
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        Ok(TextLines {
            source: LineSource::Decoded(split_lines(&decode_text(&bytes)).into_iter()),
        })
    }
}

impl Iterator for TextLines {
    type Item = std::io::Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::io::BufRead;
        let (reader, pending, chunk, done) = match &mut self.source {
            LineSource::Decoded(lines) => return lines.next().map(Ok),
            LineSource::Stream {
                reader,
                pending,
                chunk,
                done,
            } => (reader, pending, chunk, done),
        };
        loop {
            if let Some(line) = pending.pop_front() {
                return Some(Ok(line));
            }
            if *done {
                return None;
            }
            chunk.clear();
            match reader.read_until(b'\n', chunk) {
                Ok(0) => {
                    *done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    *done = true;
                    return Some(Err(e));
                }
            }
            // One chunk ends at `\n` (or the end of the file); a `\r` inside it ends a line
            // too, and a `\r` before the `\n` belongs to it.
            let mut body: &[u8] = chunk;
            let ended = body.last() == Some(&b'\n');
            if ended {
                body = &body[..body.len() - 1];
                if body.last() == Some(&b'\r') {
                    body = &body[..body.len() - 1];
                }
            }
            let mut pieces: Vec<&[u8]> = body.split(|b| *b == b'\r').collect();
            if !ended && pieces.len() > 1 && pieces.last().is_some_and(|p| p.is_empty()) {
                pieces.pop();
            }
            for p in pieces {
                pending.push_back(String::from_utf8_lossy(p).into_owned());
            }
        }
    }
}

/// Where the last `count` lines of a file start: the file is read backwards a block at a time,
/// counting line ends (`\n`, `\r\n`, a lone `\r`); a line end at the very end of the file
/// starts no line.
fn tail_offset(file: &mut std::fs::File, count: usize) -> std::io::Result<u64> {
    use std::io::{Read, Seek, SeekFrom};
    const BLOCK: u64 = 64 * 1024;
    let len = file.seek(SeekFrom::End(0))?;
    let mut last = [0u8; 2];
    let have = len.min(2) as usize;
    file.seek(SeekFrom::Start(len - have as u64))?;
    file.read_exact(&mut last[..have])?;
    let tail = &last[..have];
    let skip = match tail {
        [b'\r', b'\n'] => 2,
        [.., b'\n'] | [.., b'\r'] => 1,
        _ => 0,
    };
    let mut end = len - skip;
    let mut block = vec![0u8; BLOCK as usize];
    let mut seen = 0usize;
    // The byte after the one looked at, in file order (a `\r` before `\n` is one line end).
    let mut after: Option<u8> = None;
    while end > 0 {
        let start = end.saturating_sub(BLOCK);
        let size = (end - start) as usize;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut block[..size])?;
        for i in (0..size).rev() {
            let byte = block[i];
            let is_end = match byte {
                b'\n' => true,
                b'\r' => after != Some(b'\n'),
                _ => false,
            };
            after = Some(byte);
            if is_end {
                seen += 1;
                if seen == count {
                    return Ok(start + i as u64 + 1);
                }
            }
        }
        end = start;
    }
    Ok(0)
}

/// A text file's characters, read as they are needed (a line's worth at a time), line ends
/// included: what a CSV reader walks through. Decoded like `TextLines` (UTF-8 as a stream, a
/// UTF-16 or UTF-32 file whole). A read error ends the text.
pub struct TextChars {
    reader: Option<std::io::BufReader<std::fs::File>>,
    current: Vec<char>,
    pos: usize,
    chunk: Vec<u8>,
}

impl TextChars {
    pub fn open(path: &Path) -> std::io::Result<TextChars> {
        use std::io::{BufRead, Read};
        let file = std::fs::File::open(path)?;
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, file);
        let head = reader.fill_buf()?;
        let mut chars = TextChars {
            reader: None,
            current: Vec::new(),
            pos: 0,
            chunk: Vec::new(),
        };
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            reader.consume(3);
        } else if head.starts_with(&[0xFF, 0xFE])
            || head.starts_with(&[0xFE, 0xFF])
            || head.starts_with(&[0, 0, 0xFE, 0xFF])
        {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            chars.current = decode_text(&bytes).chars().collect();
            return Ok(chars);
        }
        chars.reader = Some(reader);
        Ok(chars)
    }
}

impl Iterator for TextChars {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        use std::io::BufRead;
        loop {
            if let Some(c) = self.current.get(self.pos) {
                self.pos += 1;
                return Some(*c);
            }
            let reader = self.reader.as_mut()?;
            self.chunk.clear();
            match reader.read_until(b'\n', &mut self.chunk) {
                Ok(n) if n > 0 => {
                    self.current = String::from_utf8_lossy(&self.chunk).chars().collect();
                    self.pos = 0;
                }
                _ => {
                    self.reader = None;
                    return None;
                }
            }
        }
    }
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

    #[test]
    fn drives_this_platform_lacks() {
        use super::missing_drive;
        if cfg!(windows) {
            return;
        }
        for (path, drive) in [
            ("C:\\Temp\\users.csv", Some("C")),
            ("d:/x", Some("d")),
            ("HKLM:\\Software", Some("HKLM")),
            ("Env:PATH", None),
            ("function:prompt", None),
            ("/tmp/a:b", None),
            ("./users.csv", None),
            ("Microsoft.PowerShell.Core\\FileSystem::/tmp", None),
        ] {
            assert_eq!(missing_drive(path).as_deref(), drive, "{path}");
        }
    }
}
