//! FNV-1a, 64-bit: the one hash the store writes to disk (journal record checksums, the
//! identity of the store file a journal belongs to) and uses for its lookup index.
//!
//! Owns a fixed, documented algorithm (not `std`'s `DefaultHasher`, whose algorithm may change
//! between Rust releases, which would make an older journal look damaged). It is not a
//! cryptographic hash: it guards against torn writes and accidental edits, not against attacks.
//! It must not know about records or files.

use std::io::{self, Write};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental FNV-1a 64 hash that also counts the bytes it has seen.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv64 {
    state: u64,
    len: u64,
}

impl Default for Fnv64 {
    fn default() -> Fnv64 {
        Fnv64 {
            state: OFFSET_BASIS,
            len: 0,
        }
    }
}

impl Fnv64 {
    pub(crate) fn update(&mut self, bytes: &[u8]) {
        let mut state = self.state;
        for &byte in bytes {
            state ^= u64::from(byte);
            state = state.wrapping_mul(PRIME);
        }
        self.state = state;
        self.len += bytes.len() as u64;
    }

    pub(crate) fn finish(&self) -> u64 {
        self.state
    }

    /// How many bytes went in.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }
}

/// What identifies a file's content: its size and FNV-1a 64 hash. A journal names the store
/// file it belongs to this way, so it survives copies and backups (no inode numbers).
/// On disk: `"size": N, "fnv64": "<16 hex digits>"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ContentId {
    pub(crate) size: u64,
    #[serde(
        rename = "fnv64",
        serialize_with = "to_hex",
        deserialize_with = "from_hex"
    )]
    pub(crate) hash: u64,
}

impl ContentId {
    pub(crate) fn of(bytes: &[u8]) -> ContentId {
        ContentId {
            size: bytes.len() as u64,
            hash: fnv64(bytes),
        }
    }

    pub(crate) fn from_hasher(hasher: &Fnv64) -> ContentId {
        ContentId {
            size: hasher.len(),
            hash: hasher.finish(),
        }
    }
}

fn to_hex<S: Serializer>(hash: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{hash:016x}"))
}

fn from_hex<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let text = String::deserialize(d)?;
    u64::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
}

/// The FNV-1a 64 hash of `bytes`.
pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv64::default();
    hasher.update(bytes);
    hasher.finish()
}

/// A writer that hashes everything it passes on, so a file's hash comes for free while it is
/// written (no second pass over a large store).
pub(crate) struct HashingWriter<W> {
    inner: W,
    hash: Fnv64,
}

impl<W: Write> HashingWriter<W> {
    pub(crate) fn new(inner: W) -> HashingWriter<W> {
        HashingWriter {
            inner,
            hash: Fnv64::default(),
        }
    }

    pub(crate) fn into_parts(self) -> (W, Fnv64) {
        (self.inner, self.hash)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hash.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        // From the FNV reference (isthe.com/chongo/tech/comp/fnv): "" and "a" and "foobar".
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn incremental_equals_one_shot() {
        let mut h = Fnv64::default();
        h.update(b"foo");
        h.update(b"bar");
        assert_eq!(h.finish(), fnv64(b"foobar"));
        assert_eq!(h.len(), 6);
    }
}
