//! The change journal: `<store file>.journal`, an append-only log of completed commands kept
//! beside the store file, so that making a command durable costs one small append and one
//! `fdatasync`, whatever the size of the store. `Store::checkpoint` folds it into the store file.
//!
//! Format (version 1). The journal is a sequence of records, one line each:
//!
//! ```text
//! <payload length: 8 hex digits> <FNV-1a 64 of the payload: 16 hex digits> <payload>\n
//! ```
//!
//! The payload is one compact JSON object (it never holds a raw newline):
//! - first, `{"base":{"format":1,"size":N,"fnv64":"<hex>"}}`: the store file the changes apply
//!   to, by its size and FNV-1a 64 hash;
//! - then one `{"changes":[...]}` per completed command (the `Change`s it made, in order);
//! - last, only while a checkpoint runs: `{"folded":{"size":N,"fnv64":"<hex>"}}`, the store
//!   file that already holds every change above it.
//!
//! An incomplete last line (no newline ends it) that starts like a record is a *torn tail* (a
//! crash in the middle of an append): it is ignored, and the next writer cuts it off. Anything
//! else that is not an intact record (a complete line with a wrong length or checksum, bytes
//! that are no record at all) means the journal is damaged or is not aapsh's: the store refuses
//! to open and leaves both files as they are. This module owns the format, scanning and the file operations (create atomically,
//! append durably, cut a torn tail); it must not apply changes or decide what a journal means
//! for the store (`handle` does).

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::change::Change;
use super::checksum::{ContentId, fnv64};
use super::error::StoreError;
use super::file;

/// The journal format this build writes and reads.
pub(crate) const FORMAT: u32 = 1;

/// Bytes around a payload: 8 + 1 + 16 + 1 before, the newline after.
const FRAMING: usize = 27;

/// `store.json` → `store.json.journal`, in the same directory.
pub fn journal_path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_os_string();
    name.push(".journal");
    PathBuf::from(name)
}

/// One journal record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Record {
    Base(Base),
    Changes(Vec<Change>),
    Folded(ContentId),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Base {
    pub(crate) format: u32,
    #[serde(flatten)]
    pub(crate) file: ContentId,
}

/// The same records, borrowing their content, for writing.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum RecordOut<'a> {
    Base(&'a Base),
    Changes(&'a [Change]),
    Folded(&'a ContentId),
}

/// The encoded line for the `base` record of a journal on `file`.
pub(crate) fn base_line(file: ContentId) -> Vec<u8> {
    encode(&RecordOut::Base(&Base {
        format: FORMAT,
        file,
    }))
}

/// The encoded line for one command's changes.
pub(crate) fn changes_line(changes: &[Change]) -> Vec<u8> {
    encode(&RecordOut::Changes(changes))
}

/// The encoded line for the marker a checkpoint appends before it replaces the store file.
pub(crate) fn folded_line(file: ContentId) -> Vec<u8> {
    encode(&RecordOut::Folded(&file))
}

fn encode(record: &RecordOut<'_>) -> Vec<u8> {
    // Plain data (strings, lists, options): serializing it cannot fail.
    let payload = serde_json::to_vec(record).unwrap_or_else(|_| b"{}".to_vec());
    let mut line = format!("{:08x} {:016x} ", payload.len(), fnv64(&payload)).into_bytes();
    line.reserve(payload.len() + 1);
    line.extend_from_slice(&payload);
    line.push(b'\n');
    line
}

/// What is at one position of a journal.
enum Decoded {
    /// An intact record and where the next one starts.
    Record(Record, usize),
    /// The rest of the journal is one incomplete line (no newline ends it) that starts like a
    /// record, perhaps followed by zeros: an append a crash cut short.
    Torn,
    /// A complete line that is not an intact record (its framing, length or checksum is wrong),
    /// or an incomplete last line that does not start like a record: not what a crash leaves.
    Bad(String),
    /// An intact line (checksum right) that is not a record this build knows.
    Unknown(String),
}

/// An 8- or 16-digit hexadecimal field.
fn hex(field: &[u8]) -> Option<u64> {
    std::str::from_utf8(field)
        .ok()
        .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|s| u64::from_str_radix(s, 16).ok())
}

const NOT_A_RECORD: &str = "this is not a record of an aapsh journal (each record is one line \
                            that starts with an 8-digit length and a 16-digit checksum)";

fn decode_at(bytes: &[u8], pos: usize) -> Decoded {
    let rest = &bytes[pos.min(bytes.len())..];
    let Some(newline) = rest.iter().position(|&b| b == b'\n') else {
        return if starts_like_a_record(rest) {
            Decoded::Torn
        } else {
            Decoded::Bad(format!(
                "{NOT_A_RECORD}; it is not the start of a record cut short either"
            ))
        };
    };
    let line = &rest[..newline];
    let framed = line.len() >= FRAMING - 1 && line[8] == b' ' && line[25] == b' ';
    let (Some(len), Some(sum), true) = (
        line.get(..8).and_then(hex),
        line.get(9..25).and_then(hex),
        framed,
    ) else {
        return Decoded::Bad(NOT_A_RECORD.to_string());
    };
    let payload = &line[26..];
    if u64::try_from(payload.len()).ok() != Some(len) {
        return Decoded::Bad(format!(
            "the record is damaged: its length field says {len} bytes, but it holds {}",
            payload.len()
        ));
    }
    if fnv64(payload) != sum {
        return Decoded::Bad(
            "the record is damaged: its checksum does not match its content".to_string(),
        );
    }
    match serde_json::from_slice::<Record>(payload) {
        Ok(record) => Decoded::Record(record, pos + newline + 1),
        Err(e) => Decoded::Unknown(format!(
            "the record is not one this aapsh knows ({e}); it may have been written by a newer \
             aapsh"
        )),
    }
}

/// Whether an incomplete last line is what an append cut short leaves: a prefix of a record's
/// framing (hex length, space, hex checksum, space, then the payload, no longer than the
/// length says), perhaps followed by zeros (a file system may extend a file before its data
/// reaches the disk), or only zeros.
fn starts_like_a_record(tail: &[u8]) -> bool {
    let end = tail.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let part = &tail[..end];
    let framing_ok = part.iter().take(26).enumerate().all(|(i, &b)| match i {
        8 | 25 => b == b' ',
        _ => b.is_ascii_hexdigit(),
    });
    let length_ok = match part.get(..8).and_then(hex) {
        Some(len) => part.len().saturating_sub(26) as u64 <= len,
        None => true,
    };
    let payload_ok = part.get(26).is_none_or(|&b| b == b'{');
    framing_ok && length_ok && payload_ok
}

/// The intact records of a stretch of journal.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Each record with its byte offset in the journal.
    pub(crate) records: Vec<(Record, u64)>,
    /// Offset just past the last intact record: where the next append goes.
    pub(crate) end: u64,
    /// Whether bytes follow `end` (a torn tail, to be ignored and cut off).
    pub(crate) torn_tail: bool,
}

/// A damaged journal: what is wrong, and where.
#[derive(Debug)]
pub(crate) struct Damage {
    pub(crate) offset: u64,
    /// Intact records before it in what was scanned.
    pub(crate) intact: usize,
    pub(crate) message: String,
}

/// Reads the records in `bytes`, which start at byte `start` of the journal. Only an
/// incomplete last line that starts like a record is a torn append (ignored, and cut off by
/// the next writer); anything else that is not an intact record is damage.
pub(crate) fn scan(bytes: &[u8], start: u64) -> Result<Scan, Damage> {
    let mut found = Scan::default();
    let mut pos = 0;
    while pos < bytes.len() {
        match decode_at(bytes, pos) {
            Decoded::Record(record, next) => {
                found.records.push((record, start + pos as u64));
                pos = next;
            }
            Decoded::Unknown(message) => {
                return Err(Damage {
                    offset: start + pos as u64,
                    intact: found.records.len(),
                    message,
                });
            }
            Decoded::Bad(message) => {
                let later = (pos + 1..bytes.len())
                    .filter(|&i| bytes[i - 1] == b'\n')
                    .find(|&i| matches!(decode_at(bytes, i), Decoded::Record(..)));
                let message = match later {
                    Some(later) => format!(
                        "{message}, and intact records follow it at byte {}",
                        start + later as u64
                    ),
                    None => message,
                };
                return Err(Damage {
                    offset: start + pos as u64,
                    intact: found.records.len(),
                    message,
                });
            }
            Decoded::Torn => {
                found.torn_tail = true;
                break;
            }
        }
    }
    found.end = start + pos as u64;
    Ok(found)
}

/// What identifies one journal file while it only grows: replacing or re-creating it changes
/// the id (with the creation time as a guard against a reused inode number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) id: (u64, u64, i64, i64),
    pub(crate) len: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            // ctime changes with every append too, so it is no identity; the birth time is.
            let born = meta
                .created()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| {
                    (d.as_secs() as i64, i64::from(d.subsec_nanos()))
                });
            (meta.dev(), meta.ino(), born.0, born.1)
        };
        #[cfg(not(unix))]
        let id = {
            let born = meta
                .created()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| {
                    (d.as_secs() as i64, i64::from(d.subsec_nanos()))
                });
            (0, 0, born.0, born.1)
        };
        Stamp {
            id,
            len: meta.len(),
        }
    }

    /// Whether `other` is the same file (it may have grown).
    pub(crate) fn same_file(&self, other: &Stamp) -> bool {
        self.id == other.id
    }
}

/// The journal's stamp, or `None` if there is none.
pub(crate) fn stamp(journal: &Path, store: &Path) -> Result<Option<Stamp>, StoreError> {
    match fs::metadata(journal) {
        Ok(meta) => Ok(Some(Stamp::of(&meta))),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(
            store,
            format!(
                "reading the metadata of the journal '{}'",
                journal.display()
            ),
            e,
        )),
    }
}

/// The journal's bytes from `offset` on, with the stamp of the file they came from; `None` if
/// there is no journal.
pub(crate) fn read_from(
    journal: &Path,
    store: &Path,
    offset: u64,
) -> Result<Option<(Stamp, Vec<u8>)>, StoreError> {
    let fail = |e| {
        StoreError::io(
            store,
            format!("reading the journal '{}'", journal.display()),
            e,
        )
    };
    let mut file = match File::open(journal) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(fail(e)),
    };
    let meta = file.metadata().map_err(fail)?;
    if !meta.is_file() {
        return Err(fail(std::io::Error::new(
            ErrorKind::InvalidInput,
            "it is not a regular file",
        )));
    }
    let stamp = Stamp::of(&meta);
    let mut bytes = Vec::new();
    if stamp.len > offset {
        file.seek(SeekFrom::Start(offset)).map_err(fail)?;
        // Read only what the stamp promised: a concurrent append after it is seen next time.
        (&mut file)
            .take(stamp.len - offset)
            .read_to_end(&mut bytes)
            .map_err(fail)?;
    }
    Ok(Some((stamp, bytes)))
}

/// Starts a new journal holding `lines`, replacing any journal there (a stale one) atomically:
/// readers see either the old file or the whole new one, never a half-written start.
pub(crate) fn create(journal: &Path, store: &Path, lines: &[&[u8]]) -> Result<Stamp, StoreError> {
    file::write_atomic_with(journal, store, "the journal", |w| {
        for line in lines {
            w.write_all(line)?;
        }
        Ok(())
    })?;
    stamp(journal, store)?.ok_or_else(|| {
        StoreError::io(
            store,
            format!("checking the journal '{}'", journal.display()),
            std::io::Error::new(
                ErrorKind::NotFound,
                "it vanished right after it was written",
            ),
        )
    })
}

/// An open journal kept between appends, so a command costs one write and one sync, not an
/// open and a close as well. Only used under the lock, after the caller checked that `id` is
/// still the journal at the path (it is dropped and reopened when the journal was replaced).
#[derive(Debug)]
pub(crate) struct Appender {
    file: File,
    id: (u64, u64, i64, i64),
}

/// Appends `line` at `end` of the journal whose current state is `stamp` (cutting off a torn
/// tail or a void marker after `end` first) and, with `sync`, waits until it is on disk (without,
/// it is with the operating system: safe from a crash of this process, not from a power cut). On
/// failure the
/// journal is cut back to `end`, as far as the system allows, so no partial record stays behind
/// to be mistaken for damage. Returns the journal's new stamp.
pub(crate) fn append(
    appender: &mut Option<Appender>,
    journal: &Path,
    store: &Path,
    stamp: Stamp,
    end: u64,
    line: &[u8],
    sync: bool,
) -> Result<Stamp, StoreError> {
    let reusable = appender.as_ref().is_some_and(|a| a.id == stamp.id);
    if !reusable {
        *appender = None;
        let file = OpenOptions::new().write(true).open(journal).map_err(|e| {
            StoreError::io(
                store,
                format!("opening the journal '{}'", journal.display()),
                e,
            )
        })?;
        *appender = Some(Appender { file, id: stamp.id });
    }
    let Some(Appender { file, .. }) = appender.as_mut() else {
        return Err(StoreError::conflict("The journal could not be opened."));
    };
    let written = (|| -> std::io::Result<()> {
        if stamp.len != end {
            file.set_len(end)?;
        }
        write_at(file, line, end)?;
        if sync { file.sync_data() } else { Ok(()) }
    })();
    if let Err(e) = written {
        if file.set_len(end).is_ok() {
            let _ = file.sync_data();
        }
        *appender = None;
        return Err(StoreError::io(
            store,
            format!("writing to the journal '{}'", journal.display()),
            e,
        ));
    }
    Ok(Stamp {
        id: stamp.id,
        len: end + line.len() as u64,
    })
}

#[cfg(unix)]
fn write_at(file: &mut File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.write_all_at(bytes, offset)
}

#[cfg(not(unix))]
fn write_at(file: &mut File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    std::io::Write::write_all(file, bytes)
}

/// Deletes the journal after a checkpoint. Not synced: if the deletion is lost in a power cut,
/// the journal's `folded` marker says it is already in the store file.
pub(crate) fn remove(journal: &Path, store: &Path) -> Result<(), StoreError> {
    match fs::remove_file(journal) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(
            store,
            format!("removing the folded journal '{}'", journal.display()),
            e,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u64) -> ContentId {
        ContentId { size: n, hash: n }
    }

    fn grant(user: &str) -> Vec<Change> {
        vec![Change::GrantUser {
            user_id: user.into(),
            policy_name: Some("P".into()),
        }]
    }

    fn journal(lines: &[Vec<u8>]) -> Vec<u8> {
        lines.concat()
    }

    #[test]
    fn records_round_trip() {
        let bytes = journal(&[
            base_line(id(7)),
            changes_line(&grant("a")),
            folded_line(id(9)),
        ]);
        let scan = scan(&bytes, 0).unwrap();
        assert!(!scan.torn_tail);
        assert_eq!(scan.end, bytes.len() as u64);
        let records: Vec<Record> = scan.records.into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            records,
            vec![
                Record::Base(Base {
                    format: FORMAT,
                    file: id(7)
                }),
                Record::Changes(grant("a")),
                Record::Folded(id(9)),
            ]
        );
    }

    #[test]
    fn the_format_is_the_documented_one() {
        let line = base_line(ContentId {
            size: 10,
            hash: 0xab,
        });
        let payload = r#"{"base":{"format":1,"size":10,"fnv64":"00000000000000ab"}}"#;
        let expected = format!(
            "{:08x} {:016x} {payload}\n",
            payload.len(),
            fnv64(payload.as_bytes())
        );
        assert_eq!(String::from_utf8(line).unwrap(), expected);
    }

    #[test]
    fn every_cut_of_the_last_record_is_a_torn_tail() {
        let whole = journal(&[base_line(id(1)), changes_line(&grant("a"))]);
        let first_len = base_line(id(1)).len();
        for cut in first_len..whole.len() {
            let scan = scan(&whole[..cut], 0).unwrap();
            assert_eq!(scan.records.len(), 1, "cut at {cut}");
            assert_eq!(scan.end, first_len as u64);
            assert_eq!(scan.torn_tail, cut > first_len);
        }
    }

    #[test]
    fn a_damaged_record_before_an_intact_one_is_damage() {
        let mut bytes = journal(&[
            base_line(id(1)),
            changes_line(&grant("a")),
            changes_line(&grant("b")),
        ]);
        let second = base_line(id(1)).len();
        bytes[second + 40] ^= 0x20;
        let damage = scan(&bytes, 0).unwrap_err();
        assert_eq!(damage.offset, second as u64);
        assert!(
            damage.message.contains("intact records follow"),
            "{}",
            damage.message
        );
    }

    #[test]
    fn a_complete_last_record_with_a_bad_checksum_is_damage() {
        let mut bytes = journal(&[base_line(id(1)), changes_line(&grant("a"))]);
        let second = base_line(id(1)).len();
        bytes[second + 40] ^= 0x20;
        let damage = scan(&bytes, 0).unwrap_err();
        assert_eq!((damage.offset, damage.intact), (second as u64, 1));
        assert!(damage.message.contains("checksum"), "{}", damage.message);
        // A length field that disagrees with the line.
        let mut bytes = journal(&[base_line(id(1)), changes_line(&grant("a"))]);
        bytes[second + 7] = if bytes[second + 7] == b'0' {
            b'1'
        } else {
            b'0'
        };
        let damage = scan(&bytes, 0).unwrap_err();
        assert!(
            damage.message.contains("length field"),
            "{}",
            damage.message
        );
    }

    #[test]
    fn a_journal_that_is_no_journal_is_damage() {
        for bytes in [
            &b"hello\n"[..],
            b"not a journal at all",
            b"{\"changes\":[]}\n",
            b"\n",
            b"0000000g 0000000000000000 {}",
        ] {
            let damage = scan(bytes, 0).unwrap_err();
            assert_eq!((damage.offset, damage.intact), (0, 0), "{bytes:?}");
            assert!(
                damage.message.contains("not a record"),
                "{}",
                damage.message
            );
        }
        // After intact records, garbage that is not the start of a record.
        let mut bytes = base_line(id(1));
        bytes.extend_from_slice(b"garbage");
        let damage = scan(&bytes, 0).unwrap_err();
        assert_eq!(damage.intact, 1);
    }

    #[test]
    fn an_incomplete_line_longer_than_its_length_field_is_damage() {
        let mut bytes = base_line(id(1));
        let line = changes_line(&grant("a"));
        bytes.extend_from_slice(&line[..line.len() - 1]);
        bytes.extend_from_slice(b"extra bytes");
        assert!(scan(&bytes, 0).is_err());
    }

    #[test]
    fn zeros_after_the_last_record_are_a_torn_tail() {
        let mut bytes = journal(&[base_line(id(1))]);
        bytes.extend_from_slice(&[0; 100]);
        let found = scan(&bytes, 0).unwrap();
        assert!(found.torn_tail);
        assert_eq!(found.records.len(), 1);
        // A record cut short, then zeros.
        let mut bytes = journal(&[base_line(id(1))]);
        let line = changes_line(&grant("a"));
        bytes.extend_from_slice(&line[..30]);
        bytes.extend_from_slice(&[0; 100]);
        let found = scan(&bytes, 0).unwrap();
        assert!(found.torn_tail);
        assert_eq!(found.records.len(), 1);
    }

    #[test]
    fn an_unknown_record_is_reported() {
        let payload = br#"{"future":1}"#;
        let mut bytes = base_line(id(1));
        bytes.extend(format!("{:08x} {:016x} ", payload.len(), fnv64(payload)).bytes());
        bytes.extend_from_slice(payload);
        bytes.push(b'\n');
        let damage = scan(&bytes, 0).unwrap_err();
        assert!(damage.message.contains("newer aapsh"), "{}", damage.message);
    }
}
