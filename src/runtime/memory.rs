//! One size guard for whatever a script can make grow: strings and arrays.
//!
//! pwsh runs on .NET, whose limits a script meets as an `OutOfMemoryException`: a string holds at
//! most 0x3FFFFFDF UTF-16 characters ("Insufficient memory to continue the execution of the
//! program."), an array at most 0x7FFFFFC7 elements ("Array dimensions exceeded supported
//! range."), and an allocation the machine cannot satisfy fails with the first message. aapsh
//! checks the size a string or array operation is about to produce *before* it allocates, so a
//! runaway script (`$s += $s` in a loop, `'x'.PadRight(2147483647)`, `@(1) * 3e9`) gets pwsh's
//! error record instead of aborting the process (Rust aborts on a failed allocation).
//!
//! The memory half of the guard is a budget: half of the memory available when the session
//! started (Linux `MemAvailable`; 4 GiB elsewhere), or `AAPSH_MEMORY_BUDGET` bytes when set (tests
//! use it to reach the limit without allocating gigabytes).

use std::sync::OnceLock;

use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};

/// `String.MaxLength` in .NET: the most UTF-16 code units one string can hold.
pub const MAX_STRING_LENGTH: usize = 0x3FFF_FFDF;
/// `Array.MaxLength` in .NET: the most elements one array can hold.
pub const MAX_ARRAY_LENGTH: usize = 0x7FFF_FFC7;

/// OutOfMemoryException's default message.
pub const INSUFFICIENT_MEMORY: &str =
    "Insufficient memory to continue the execution of the program.";
/// The OutOfMemoryException an array longer than `Array.MaxLength` throws.
pub const ARRAY_DIMENSIONS: &str = "Array dimensions exceeded supported range.";

/// The bytes a script's strings and arrays may take at once.
pub fn budget() -> usize {
    static BUDGET: OnceLock<usize> = OnceLock::new();
    *BUDGET.get_or_init(|| {
        if let Some(bytes) = std::env::var_os("AAPSH_MEMORY_BUDGET")
            .and_then(|v| v.to_str().and_then(|t| t.trim().parse::<usize>().ok()))
        {
            return bytes;
        }
        available_bytes().unwrap_or(4 << 30) / 2
    })
}

#[cfg(target_os = "linux")]
fn available_bytes() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    kb.checked_mul(1024)
}

#[cfg(not(target_os = "linux"))]
fn available_bytes() -> Option<usize> {
    None
}

/// Whether a string of `bytes` UTF-8 bytes may be made. The UTF-16 length never exceeds the
/// UTF-8 length, so `bytes` over the .NET limit is checked exactly only by the caller's text
/// when it is known; a size computed in advance counts bytes.
pub fn check_string(bytes: usize) -> Result<(), &'static str> {
    if bytes > MAX_STRING_LENGTH || bytes > budget() {
        return Err(INSUFFICIENT_MEMORY);
    }
    Ok(())
}

/// Whether a string made of `parts` may be made, counted without joining them.
pub fn check_concat(parts: &[&str]) -> Result<(), &'static str> {
    let bytes = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    if bytes <= MAX_STRING_LENGTH && bytes <= budget() {
        return Ok(());
    }
    // Past the byte limit: count UTF-16 units, which .NET's limit is about.
    let units = parts.iter().fold(0usize, |n, p| {
        n.saturating_add(p.chars().map(char::len_utf16).sum::<usize>())
    });
    if units > MAX_STRING_LENGTH || bytes > budget() {
        return Err(INSUFFICIENT_MEMORY);
    }
    Ok(())
}

/// Whether an array of `elements` values may be made.
pub fn check_array(elements: usize) -> Result<(), &'static str> {
    if elements > MAX_ARRAY_LENGTH {
        return Err(ARRAY_DIMENSIONS);
    }
    let bytes = elements.saturating_mul(std::mem::size_of::<super::value::Value>());
    if bytes > budget() {
        return Err(INSUFFICIENT_MEMORY);
    }
    Ok(())
}

/// The record an OutOfMemoryException raised by the engine itself makes (an operator, an
/// assignment): FQID `System.OutOfMemoryException`, category OperationStopped, as pwsh 7.6.10
/// reports `$s += $s` past the limit.
pub fn out_of_memory(message: &str) -> ErrorRecord {
    ErrorRecord::new(
        ExceptionInfo::new("System.OutOfMemoryException", message),
        "System.OutOfMemoryException",
        ErrorCategory::OperationStopped,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_limits() {
        assert_eq!(check_array(MAX_ARRAY_LENGTH + 1), Err(ARRAY_DIMENSIONS));
        assert_eq!(
            check_string(MAX_STRING_LENGTH + 1),
            Err(INSUFFICIENT_MEMORY)
        );
        assert_eq!(check_string(10), Ok(()));
        assert_eq!(check_array(10), Ok(()));
        assert_eq!(check_concat(&["ab", "cd"]), Ok(()));
    }
}
