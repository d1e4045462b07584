//! Fast lookups for loading: FNV-1a (also the id hash share links carry), a `HashMap` hasher
//! built on it, the ids seen so far ([`SeenIds`]) and numbered distinct strings ([`Interner`]).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::Official;

pub(crate) const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64-bit, of `bytes`, continuing from `hash` (start from [`FNV_OFFSET_BASIS`]).
pub(crate) fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// FNV-1a, 64-bit, of an official's id. Share links (format v1) carry prefixes of this hash,
/// so it must never change.
pub fn id_hash(id: &str) -> u64 {
    fnv1a(FNV_OFFSET_BASIS, id.as_bytes())
}

/// A `HashMap` with a fast hash: FNV-1a, then a 64-bit finalizer (murmur3's fmix64) so every
/// bit of the key reaches the bits the table uses. Loading looks up every official's id, office
/// and party, and std's SipHash was 60 ms of a 100k load in the browser. Its random key guards
/// against inputs crafted to collide; the ids here come from the feed's own publisher, who could
/// slow their readers down as well by publishing a bigger feed, so the guard buys little.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(if self.0 == 0 { FNV_OFFSET_BASIS } else { self.0 }, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The ids of the officials kept so far, to refuse a second official with the same id.
///
/// Keyed by [`id_hash`] so no id is copied; a different id with the same hash (possible, since
/// FNV is not collision-resistant) goes to a second map, by its text.
pub(super) struct SeenIds {
    /// id hash → (position in the officials kept, input index of that official).
    by_hash: FastMap<u64, (u32, u32)>,
    collided: FastMap<String, u32>,
    /// Each id claimed, as its hash and its official's place among those kept: the feed's id
    /// index is made from these, so no id is hashed twice.
    claimed: Vec<(u64, u32)>,
}

impl SeenIds {
    pub(super) fn with_capacity(n: usize) -> Self {
        SeenIds {
            by_hash: FastMap::with_capacity_and_hasher(n, Default::default()),
            collided: FastMap::default(),
            claimed: Vec::with_capacity(n),
        }
    }

    pub(super) fn reserve(&mut self, more: usize) {
        let _ = self.by_hash.try_reserve(more);
        let _ = self.claimed.try_reserve_exact(more);
    }

    /// `(id hash, place)` of every id claimed, in the order claimed.
    pub(super) fn into_claimed(self) -> Vec<(u64, u32)> {
        self.claimed
    }

    /// Claims `id` for the official about to be kept at `kept` (input index `index`): `Err` with
    /// the input index of the kept official that already has it. One hash and one probe of the
    /// table for the two questions (is it taken? take it), as every official asks both. A claimed
    /// id's official must be kept (validation skips no official after its id).
    pub(super) fn claim(&mut self, id: &str, officials: &[Official], kept: usize, index: usize) -> Result<(), usize> {
        let entry = (kept as u32, index as u32);
        let hash = id_hash(id);
        match self.by_hash.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(entry);
            }
            Entry::Occupied(first) if officials[first.get().0 as usize].id == id => return Err(first.get().1 as usize),
            // Another id with the same hash.
            Entry::Occupied(_) => match self.collided.entry(id.to_string()) {
                Entry::Vacant(slot) => {
                    slot.insert(index as u32);
                }
                Entry::Occupied(first) => return Err(*first.get() as usize),
            },
        }
        self.claimed.push((hash, kept as u32));
        Ok(())
    }
}

/// Distinct strings (offices, parties) numbered in first-seen order; `Feed::assemble` sorts them.
#[derive(Default)]
pub(super) struct Interner {
    pub(super) table: Vec<String>,
    lookup: FastMap<String, u32>,
}

impl Interner {
    pub(super) fn intern(&mut self, value: &str) -> u32 {
        if let Some(i) = self.lookup.get(value) {
            return *i;
        }
        let i = self.table.len() as u32;
        self.lookup.insert(value.to_string(), i);
        self.table.push(value.to_string());
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_hash_is_fnv1a() {
        // Reference values of FNV-1a 64: the share-link format depends on them.
        assert_eq!(id_hash(""), 0xcbf29ce484222325);
        assert_eq!(id_hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(id_hash("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn the_map_hasher_is_fnv1a_then_mixed() {
        let mut hasher = FastHasher::default();
        hasher.write(b"foo");
        hasher.write(b"bar");
        let mut whole = FastHasher::default();
        whole.write(b"foobar");
        assert_eq!(hasher.finish(), whole.finish());
        assert_ne!(whole.finish(), id_hash("foobar"), "mixed, so every bit reaches the table's bits");
    }

    #[test]
    fn interned_strings_are_numbered_in_first_seen_order() {
        let mut interner = Interner::default();
        assert_eq!([interner.intern("Senator"), interner.intern("Mayor"), interner.intern("Senator")], [0, 1, 0]);
        assert_eq!(interner.table, ["Senator", "Mayor"]);
    }
}
