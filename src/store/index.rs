//! The lookup index that keeps user and group lookups off linear scans on large tenants.
//!
//! Owns, for users, the hashes of the folded object id, UPN, SIP address, alias and display name, and
//! for groups the folded object id and display name, each as a sorted `(hash, position)` list
//! (8 bytes an entry: 100,000 users cost about 3 MB). A hash only narrows the search: every
//! candidate is checked with the real comparison, so a collision can cost time, never a wrong
//! answer. The index lives inside `Tenant` but is not part of it: it is never serialized, and it
//! is ignored by `==` and `Debug`.
//!
//! Changes never touch users or groups, so `apply` leaves the index valid. Loading builds it
//! (`Tenant::reindex`); a tenant built by hand gets it on first use. Code that edits `users` or
//! `groups` directly should call `Tenant::reindex` afterwards; as a safety net, an index whose
//! counts no longer match the tenant is not used (the lookups scan instead). It must not decide
//! matching rules: `query` owns them and passes the folded key.

use std::sync::OnceLock;

use super::checksum::fnv64;
use super::model::{Group, User, fold_id, fold_name};

/// A cache of `Index`, built on first use.
#[derive(Clone, Default)]
pub(crate) struct LookupIndex {
    cell: OnceLock<Index>,
}

impl std::fmt::Debug for LookupIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LookupIndex")
    }
}

impl PartialEq for LookupIndex {
    /// A cache: two tenants are equal whatever their indexes hold.
    fn eq(&self, _: &LookupIndex) -> bool {
        true
    }
}

impl LookupIndex {
    /// The index for these users and groups, or `None` if it was built for other ones (the
    /// caller then scans).
    pub(crate) fn get(&self, users: &[User], groups: &[Group]) -> Option<&Index> {
        let index = self.cell.get_or_init(|| Index::build(users, groups));
        (index.users_len == users.len() && index.groups_len == groups.len()).then_some(index)
    }

    /// Forgets the index and builds a new one now.
    pub(crate) fn rebuild(&mut self, users: &[User], groups: &[Group]) {
        self.cell = OnceLock::new();
        let _ = self.cell.set(Index::build(users, groups));
    }
}

/// Sorted `(hash of folded key, position)` pairs for one kind of key.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keyed(Vec<(u32, u32)>);

impl Keyed {
    fn build<'a>(keys: impl Iterator<Item = (usize, &'a str)>, fold: fn(&str) -> String) -> Keyed {
        let mut entries: Vec<(u32, u32)> = keys
            .filter(|(_, key)| !key.is_empty())
            .filter_map(|(i, key)| Some((hash(&fold(key)), u32::try_from(i).ok()?)))
            .collect();
        entries.sort_unstable();
        entries.shrink_to_fit();
        Keyed(entries)
    }

    /// Positions whose key may fold to `folded`, in file order.
    pub(crate) fn candidates(&self, folded: &str) -> impl Iterator<Item = usize> + '_ {
        let wanted = hash(folded);
        let start = self.0.partition_point(|(h, _)| *h < wanted);
        self.0[start..]
            .iter()
            .take_while(move |(h, _)| *h == wanted)
            .map(|(_, i)| *i as usize)
    }
}

/// The 32 bits of FNV-1a 64 the index keeps (both halves folded in).
fn hash(folded: &str) -> u32 {
    let h = fnv64(folded.as_bytes());
    (h ^ (h >> 32)) as u32
}

#[derive(Clone, Debug)]
pub(crate) struct Index {
    users_len: usize,
    groups_len: usize,
    pub(crate) user_ids: Keyed,
    pub(crate) user_upns: Keyed,
    pub(crate) user_sips: Keyed,
    pub(crate) user_names: Keyed,
    pub(crate) user_aliases: Keyed,
    pub(crate) group_ids: Keyed,
    pub(crate) group_names: Keyed,
}

impl Index {
    fn build(users: &[User], groups: &[Group]) -> Index {
        let users_by = |key: fn(&User) -> &str| users.iter().map(key).enumerate();
        let groups_by = |key: fn(&Group) -> &str| groups.iter().map(key).enumerate();
        Index {
            users_len: users.len(),
            groups_len: groups.len(),
            user_ids: Keyed::build(users_by(|u| &u.object_id), fold_id),
            user_upns: Keyed::build(users_by(|u| &u.user_principal_name), fold_name),
            user_sips: Keyed::build(users_by(|u| &u.sip_address), fold_name),
            user_names: Keyed::build(users_by(|u| &u.display_name), fold_name),
            user_aliases: Keyed::build(users_by(User::alias), fold_name),
            group_ids: Keyed::build(groups_by(|g| &g.object_id), fold_id),
            group_names: Keyed::build(groups_by(|g| &g.display_name), fold_name),
        }
    }
}
