//! Store file I/O: reading the bytes with a cheap change fingerprint, and the atomic save.
//!
//! Owns the write path (anchors.md §3.5): a temp file in the same directory (rename is atomic
//! only within one file system), `sync_all`, rename over the store, then fsync the directory on
//! Unix so the rename itself survives a power loss. Any failure before the rename removes the
//! temp file and leaves the old store intact. A store file marked read-only is refused rather
//! than silently replaced (renaming over it would otherwise succeed). It must not parse JSON,
//! lock, or decide when to save.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::checksum::{ContentId, HashingWriter};
use super::error::StoreError;

/// What changes whenever the file is replaced or edited: length, mtime and (on Unix) the inode
/// and ctime, which a rename-over always changes even within one mtime tick. It also carries
/// the read-only flag, so a writer learns it from the check it makes anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64, i64, i64),
    pub(crate) read_only: bool,
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
            read_only: meta.permissions().readonly(),
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

/// How many symbolic links `resolve_links` follows before it calls it a loop (Linux's limit).
const MAX_LINKS: usize = 40;

/// The file a path names once symbolic links are followed (the last component, as often as it
/// is a link; a relative link is read from the link's directory). The file need not exist: a
/// dangling link resolves to the path it points at. Writing the store replaces a file by
/// renaming a new one over it, which would replace a link with a regular file; writing to the
/// resolved path keeps the link and updates the file it points at.
pub(crate) fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    parent_dir(&current).join(target)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// Removes the temporary files an interrupted save of `store` or of its journal left beside
/// it (`.store.json.<pid>.<8 hex digits>.tmp`, `.store.json.journal.<pid>.<hex>.tmp`). Only
/// call it under the store's lock: every such file is written under it, so none of them is
/// still being written. Returns how many were removed; failures are skipped (a later open
/// tries again).
pub(crate) fn remove_stale_temps(store: &Path) -> usize {
    let Some(name) = store.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(parent_dir(store)) else {
        return 0;
    };
    let journal = format!("{name}.journal");
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let ours = [name.as_str(), journal.as_str()]
            .iter()
            .any(|target| is_temp_of(file_name, target));
        if ours
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether `file_name` is `.<target>.<pid>.<8 hex digits>.tmp`, as `create_temp` names them.
fn is_temp_of(file_name: &str, target: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(target))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let Some((pid, random)) = rest.split_once('.') else {
        return false;
    };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == 8
        && random.bytes().all(|b| b.is_ascii_hexdigit())
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
    write_atomic_with(path, path, "the store file", |w| w.write_all(bytes)).map(|(fp, _)| fp)
}

/// Replaces `target` (the store file, or its journal) atomically and durably with what `fill`
/// writes; returns the new file's fingerprint and content id. See `prepare`.
pub(crate) fn write_atomic_with(
    target: &Path,
    store: &Path,
    what: &str,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(Fingerprint, ContentId), StoreError> {
    let prepared = prepare(target, store, what, fill)?;
    let content = prepared.content;
    Ok((prepared.commit()?, content))
}

/// A complete, synced temporary file waiting to replace its target. Dropping it without
/// `commit` deletes it, so a failure never leaves the target changed.
pub(crate) struct Prepared {
    tmp_path: PathBuf,
    /// The file replaced: the target as named, with symbolic links followed.
    target: PathBuf,
    /// The target as named (for messages).
    named: PathBuf,
    store: PathBuf,
    what: String,
    /// Size and hash of what was written.
    pub(crate) content: ContentId,
    committed: bool,
}

/// Writes what `fill` writes to a new temporary file beside `target` (rename is atomic only
/// within one file system), streaming it through a buffer and hashing it on the way (a large
/// store is never held twice in memory or read back), then syncs it. Errors name `store` and
/// say which file (`what`) failed. A read-only store file is refused: renaming over it would
/// otherwise succeed.
pub(crate) fn prepare(
    target: &Path,
    store: &Path,
    what: &str,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Prepared, StoreError> {
    let about = |action: &str| describe_action(target, store, what, action);
    let named = target;
    // Through a symbolic link: the new file goes beside the one the link points at, and the
    // link stays a link (a rename over the link would replace it with a regular file).
    let resolved = resolve_links(target)
        .map_err(|e| StoreError::io(store, about("following the symbolic link"), e))?;
    let target = resolved.as_path();
    let permissions = match fs::metadata(target) {
        Ok(meta) if named == store && meta.permissions().readonly() => {
            return Err(StoreError::ReadOnly {
                file: store.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => {
            return Err(StoreError::io(
                store,
                about("reading the file's metadata"),
                e,
            ));
        }
    };

    let dir = parent_dir(target);
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store.json".to_string());
    let (tmp_path, tmp) = create_temp(&dir, &file_name).map_err(|e| {
        StoreError::io(
            store,
            about(&format!("creating a temporary file in '{}'", dir.display())),
            e,
        )
    })?;

    let written = (|| -> std::io::Result<ContentId> {
        let mut out = HashingWriter::new(BufWriter::with_capacity(1 << 16, tmp));
        fill(&mut out)?;
        let (buffered, hash) = out.into_parts();
        let tmp = buffered.into_inner().map_err(|e| e.into_error())?;
        if let Some(permissions) = permissions {
            // Keep the file's permissions: the rename gives the path the temp file's inode.
            tmp.set_permissions(permissions)?;
        }
        tmp.sync_all()?;
        Ok(ContentId::from_hasher(&hash))
    })();
    match written {
        Ok(content) => Ok(Prepared {
            tmp_path,
            target: target.to_path_buf(),
            named: named.to_path_buf(),
            store: store.to_path_buf(),
            what: what.to_string(),
            content,
            committed: false,
        }),
        Err(e) => {
            let _ = fs::remove_file(&tmp_path);
            Err(StoreError::io(
                store,
                about("writing the temporary file"),
                e,
            ))
        }
    }
}

impl Prepared {
    /// Renames the temporary file over the target and syncs the directory (on Unix) so the
    /// rename itself survives a power loss; returns the new file's fingerprint.
    pub(crate) fn commit(mut self) -> Result<Fingerprint, StoreError> {
        let about = |action: &str| describe_action(&self.named, &self.store, &self.what, action);
        rename(&self.tmp_path, &self.target)
            .map_err(|e| StoreError::io(&self.store, about("replacing the file"), e))?;
        self.committed = true;
        #[cfg(unix)]
        {
            let dir = parent_dir(&self.target);
            File::open(&dir).and_then(|d| d.sync_all()).map_err(|e| {
                StoreError::io(
                    &self.store,
                    format!("syncing the directory '{}'", dir.display()),
                    e,
                )
            })?;
        }
        fingerprint(&self.target)?.ok_or_else(|| {
            StoreError::io(
                &self.store,
                about("checking the saved file"),
                std::io::Error::new(ErrorKind::NotFound, "it vanished right after saving"),
            )
        })
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp_path);
        }
    }
}

/// "writing the temporary file", or for the journal "writing the temporary file for the
/// journal '...'".
fn describe_action(target: &Path, store: &Path, what: &str, action: &str) -> String {
    if target == store {
        action.to_string()
    } else {
        format!("{action} for {what} '{}'", target.display())
    }
}

/// A new, uniquely named file beside the store: `.store.json.<pid>.<random>.tmp`.
pub(crate) fn create_temp(dir: &Path, file_name: &str) -> std::io::Result<(PathBuf, File)> {
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
