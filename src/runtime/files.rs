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
