//! Store file I/O: reading the bytes with a cheap change fingerprint, and the atomic save.
//!
//! Owns the write path (anchors.md §3.5): a temp file in the same directory (rename is atomic
//! only within one file system), `sync_all`, rename over the store, then fsync the directory on
//! Unix so the rename itself survives a power loss. Any failure before the rename removes the
//! temp file and leaves the old store intact. A store file marked read-only is refused rather
//! than silently replaced (renaming over it would otherwise succeed). It must not parse JSON,
//! lock, or decide when to save.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::StoreError;

/// What changes whenever the file is replaced or edited: length, mtime and (on Unix) the inode
/// and ctime, which a rename-over always changes even within one mtime tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64, i64, i64),
}

impl Fingerprint {
    fn of(meta: &Metadata) -> Fingerprint {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec()),
        }
    }
}

/// The file's bytes and the fingerprint they were read under.
#[derive(Clone, Debug)]
pub(crate) struct Snapshot {
    pub(crate) bytes: Vec<u8>,
    pub(crate) fingerprint: Fingerprint,
}

/// The file's fingerprint, or `None` if it does not exist.
pub(crate) fn fingerprint(path: &Path) -> Result<Option<Fingerprint>, StoreError> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint::of(&meta))),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, "reading the file's metadata", e)),
    }
}

/// Reads the whole file, or `None` if it does not exist. The fingerprint comes from the open
/// handle, so it belongs to exactly the bytes read even if the file is replaced meanwhile.
pub(crate) fn read(path: &Path) -> Result<Option<Snapshot>, StoreError> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, "opening the file", e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| StoreError::io(path, "reading the file's metadata", e))?;
    if meta.is_dir() {
        return Err(StoreError::io(
            path,
            "opening the file",
            std::io::Error::new(ErrorKind::IsADirectory, "it is a directory"),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, "reading the file", e))?;
    Ok(Some(Snapshot {
        bytes,
        fingerprint: Fingerprint::of(&meta),
    }))
}

/// The directory a store file lives in (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Replaces `path` with `bytes` atomically and durably; returns the new file's fingerprint.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<Fingerprint, StoreError> {
    let permissions = match fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => {
            return Err(StoreError::ReadOnly {
                file: path.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(StoreError::io(path, "reading the file's metadata", e)),
    };

    let dir = parent_dir(path);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store.json".to_string());
    let (tmp_path, mut tmp) = create_temp(&dir, &file_name).map_err(|e| {
        StoreError::io(
            path,
            format!("creating a temporary file in '{}'", dir.display()),
            e,
        )
    })?;

    let written = (|| -> std::io::Result<()> {
        tmp.write_all(bytes)?;
        if let Some(permissions) = permissions {
            // Keep the store's permissions: the rename gives the path the temp file's inode.
            tmp.set_permissions(permissions)?;
        }
        tmp.sync_all()
    })();
    drop(tmp);
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp_path);
        return Err(StoreError::io(path, "writing the temporary file", e));
    }
    if let Err(e) = rename(&tmp_path, path) {
        let _ = fs::remove_file(&tmp_path);
        return Err(StoreError::io(path, "replacing the file", e));
    }
    #[cfg(unix)]
    File::open(&dir).and_then(|d| d.sync_all()).map_err(|e| {
        StoreError::io(
            path,
            format!("syncing the directory '{}'", dir.display()),
            e,
        )
    })?;

    fingerprint(path)?.ok_or_else(|| {
        StoreError::io(
            path,
            "checking the saved file",
            std::io::Error::new(ErrorKind::NotFound, "it vanished right after saving"),
        )
    })
}

/// A new, uniquely named file beside the store: `.store.json.<pid>.<random>.tmp`.
fn create_temp(dir: &Path, file_name: &str) -> std::io::Result<(PathBuf, File)> {
    let mut attempts = 0;
    loop {
        let tmp_path = dir.join(format!(
            ".{file_name}.{}.{:08x}.tmp",
            std::process::id(),
            fastrand::u32(..)
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp_path)
        {
            Ok(file) => return Ok((tmp_path, file)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && attempts < 10 => attempts += 1,
            Err(e) => return Err(e),
        }
    }
}

/// `fs::rename`; on Windows it can fail briefly while another process has the target open
/// without share-delete, so retry there for a moment.
fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    for _ in 0..20 {
        match fs::rename(from, to) {
            Err(e) if e.kind() == ErrorKind::PermissionDenied => {
                std::thread::sleep(std::time::Duration::from_millis(25))
            }
            other => return other,
        }
    }
    fs::rename(from, to)
}
