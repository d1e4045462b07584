//! Tokens: an official named by the shortest prefix of their id's hash that is unique in the
//! feed, in base64url, and the link's checksum.

use crate::feed::model::id_hash;
use crate::feed::Feed;

pub(super) const MIN_TOKEN: usize = 4;
pub(super) const MAX_TOKEN: usize = 10;
pub(super) const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Up to two officials whose id hash falls in `range` (two means: ambiguous).
pub(super) fn matches(range: (u64, u64), feed: &Feed) -> Vec<usize> {
    let hashes = feed.id_hashes();
    let start = hashes.partition_point(|(h, _)| *h < range.0);
    hashes[start..].iter().take_while(|(h, _)| *h <= range.1).take(2).map(|(_, i)| *i as usize).collect()
}

/// The one official a token names, if exactly one.
pub(super) fn resolve_token(tok: &str, feed: &Feed) -> Option<usize> {
    match matches(token_range(tok)?, feed).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// How many characters identify `hash` uniquely among the feed's officials.
pub(super) fn token_len(feed: &Feed, hash: u64) -> usize {
    let hashes = feed.id_hashes();
    let pos = hashes.partition_point(|(h, _)| *h < hash);
    let mut shared_bits = 0u32;
    let neighbours = [pos.checked_sub(1), Some(pos), Some(pos + 1)];
    for n in neighbours.into_iter().flatten() {
        if let Some((other, _)) = hashes.get(n) {
            if *other != hash {
                shared_bits = shared_bits.max((other ^ hash).leading_zeros());
            }
        }
    }
    // One more bit than is shared with the closest neighbour, rounded up to whole characters.
    (((shared_bits + 1) as usize).div_ceil(6)).clamp(MIN_TOKEN, MAX_TOKEN)
}

pub(super) fn token(hash: u64, len: usize) -> String {
    (0..len).map(|j| ALPHABET[((hash >> (58 - 6 * j)) & 63) as usize] as char).collect()
}

/// The inclusive range of hashes that start with this token, or `None` if it is malformed.
pub(super) fn token_range(tok: &str) -> Option<(u64, u64)> {
    if !(MIN_TOKEN..=MAX_TOKEN).contains(&tok.len()) {
        return None;
    }
    let mut prefix: u64 = 0;
    for b in tok.bytes() {
        let v = ALPHABET.iter().position(|a| *a == b)? as u64;
        prefix = (prefix << 6) | v;
    }
    let free_bits = 64 - 6 * tok.len() as u32;
    let low = prefix << free_bits;
    let high = low | ((1u64 << free_bits) - 1);
    Some((low, high))
}

pub(super) fn checksum(text: &str) -> String {
    let h = id_hash(text);
    token(h, 2)
}
