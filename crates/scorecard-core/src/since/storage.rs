//! What the reader saw, as the text kept in localStorage: `1.` (the format's version), the
//! fingerprints binary-packed and base64'd, then, while everything fits in [`MAX_CHARS`], a line
//! per official with their name (plain text: a name costs its length, not a third more).
//!
//! The packed part, little-endian, lengths and counts as LEB128 varints:
//! - the vocabularies: per question its id, and per stance its id and label (strings: a varint
//!   length, then UTF-8);
//! - the states seen without officials: per day and vocabulary, a 64-bit mask of them;
//! - per state with officials: its index, the day seen, its vocabulary's number, how many
//!   officials; their id hashes, ascending, each as the varint difference from the one before
//!   (about 3 bytes at 100,000 officials); then per official and question a record: `0` when not
//!   rated (1 byte), else 3 bytes: the stance + 1 in the first byte's low 6 bits, the
//!   fingerprint's 18 bits in its top 2 bits and the next two bytes.
//!
//! So an official rated on one question costs 6 to 7 bytes, 8 to 9 characters once base64'd (a
//! name about 15 more): 8.9 KB per 1,000 officials, 0.76 MB at 100,000 (`tests.rs` measures). Anything stored is untrusted
//! (any script of the host's origin can write it): reading checks every length, index and
//! count, and a text it cannot read is ignored, never a panic.

use std::rc::Rc;

use super::{Names, Section, Seen, SeenQuestion, Unmarked, Vocabulary, HASH_BITS, HASH_MASK};
use crate::states::State;
use crate::text::{clean, truncate};

/// The most this keeps for a feed, in characters: a fifth of the 5 MB or so a browser gives
/// each site's localStorage, which the host page shares. 100,000 officials rated on one
/// question fit, without names.
pub const MAX_CHARS: usize = 1_000_000;

const VERSION: &str = "1.";
/// Longest name read back (names in feeds are shorter; this bounds what storage can inject).
const NAME_CHARS: usize = 200;

/// Whether `officials` with `records` records and names of `name_bytes` bytes (a line break
/// each included) might fit in [`MAX_CHARS`]: at most 5 bytes an id, 3 a record, base64'd.
pub(super) fn names_may_fit(officials: usize, records: usize, name_bytes: usize) -> bool {
    (officials * 5 + records * 3) * 4 / 3 + name_bytes + 4_096 <= MAX_CHARS
}

/// The text to keep: with names if it fits in `MAX_CHARS`, else without, else [`Unmarked::TooBig`].
pub fn to_storage(seen: &Seen) -> Result<String, Unmarked> {
    to_storage_within(seen, MAX_CHARS)
}

pub fn to_storage_within(seen: &Seen, max: usize) -> Result<String, Unmarked> {
    let mut text = String::from(VERSION);
    base64(&pack(seen), &mut text);
    if text.len() > max {
        return Err(Unmarked::TooBig);
    }
    let names: Option<Vec<&Names>> = seen
        .sections
        .iter()
        .map(|s| s.names.as_ref().filter(|n| n.len() == s.len()))
        .collect::<Option<Vec<&Names>>>()
        .filter(|_| seen.officials() > 0);
    if let Some(names) = names {
        let size: usize = names.iter().map(|n| n.text.len() + n.len()).sum();
        if text.len() + size <= max {
            for n in names {
                for i in 0..n.len() {
                    text.push('\n');
                    // Names are cleaned when a feed is read, so hold no line breaks; to be sure:
                    text.extend(n.get(i).unwrap_or_default().chars().map(|c| if c == '\n' { ' ' } else { c }));
                }
            }
        }
    }
    Ok(text)
}

/// What a stored text says; `None` when it is not one this version wrote.
pub fn from_storage(text: &str) -> Option<Seen> {
    let rest = text.strip_prefix(VERSION)?;
    let (packed, names) = match rest.split_once('\n') {
        Some((packed, names)) => (packed, Some(names)),
        None => (rest, None),
    };
    let mut seen = unpack(&unbase64(packed)?)?;
    if let Some(names) = names {
        let mut lines = names.split('\n');
        for section in &mut seen.sections {
            let mut list = Names::default();
            for _ in 0..section.len() {
                list.push(&truncate(&clean(lines.next()?), NAME_CHARS));
            }
            section.names = Some(list);
        }
        if lines.next().is_some() {
            return None;
        }
    }
    Some(seen)
}

/// Bytes of the packed part per official, for `seen` (before base64, which adds a third).
#[cfg(test)]
pub(crate) fn bytes_per_official(seen: &Seen) -> f64 {
    pack(seen).len() as f64 / seen.officials().max(1) as f64
}

fn pack(seen: &Seen) -> Vec<u8> {
    let mut vocabularies: Vec<&Rc<Vocabulary>> = Vec::new();
    for s in &seen.sections {
        if !vocabularies.iter().any(|v| ***v == *s.vocabulary) {
            vocabularies.push(&s.vocabulary);
        }
    }
    let mut out = Vec::with_capacity(seen.officials() * 8 + 64);
    varint(&mut out, vocabularies.len() as u32);
    for v in &vocabularies {
        varint(&mut out, v.0.len() as u32);
        for q in &v.0 {
            string(&mut out, &q.id);
            varint(&mut out, q.stances.len() as u32);
            for (id, label) in &q.stances {
                string(&mut out, id);
                string(&mut out, label);
            }
        }
    }
    let vocabulary = |s: &Section| vocabularies.iter().position(|v| ***v == *s.vocabulary).unwrap_or(0) as u32;
    // States seen without officials (most of them, for a feed in one file): a bit mask per day
    // and vocabulary, not a section each.
    let mut empty: Vec<(u32, u32, u64)> = Vec::new();
    for s in seen.sections.iter().filter(|s| s.is_empty()) {
        let key = (s.day, vocabulary(s));
        match empty.iter_mut().find(|(day, v, _)| (*day, *v) == key) {
            Some(group) => group.2 |= 1 << s.state.index(),
            None => empty.push((key.0, key.1, 1 << s.state.index())),
        }
    }
    varint(&mut out, empty.len() as u32);
    for (day, v, mask) in empty {
        varint(&mut out, day);
        varint(&mut out, v);
        out.extend_from_slice(&mask.to_le_bytes());
    }
    let sections: Vec<&Section> = seen.sections.iter().filter(|s| !s.is_empty()).collect();
    varint(&mut out, sections.len() as u32);
    for s in sections {
        out.push(s.state.index() as u8);
        varint(&mut out, s.day);
        varint(&mut out, vocabulary(s));
        varint(&mut out, s.ids.len() as u32);
        let mut last = 0;
        for &id in &s.ids {
            varint(&mut out, id.wrapping_sub(last));
            last = id;
        }
        for &code in &s.records {
            match code >> HASH_BITS {
                0 => out.push(0),
                stance => {
                    let hash = code & HASH_MASK;
                    out.push((stance as u8 & 0x3f) | ((hash >> 16) as u8) << 6);
                    out.extend_from_slice(&(hash as u16).to_le_bytes());
                }
            }
        }
    }
    out
}

fn unpack(bytes: &[u8]) -> Option<Seen> {
    let mut r = Reader { bytes, at: 0 };
    let mut vocabularies = Vec::new();
    for _ in 0..r.count()? {
        let mut questions = Vec::new();
        for _ in 0..r.count()? {
            let id = r.string()?;
            let mut stances = Vec::new();
            for _ in 0..r.count()? {
                stances.push((r.string()?, r.string()?));
            }
            // A stance's number must fit the record's 6 bits.
            if stances.len() > 62 {
                return None;
            }
            questions.push(SeenQuestion { id, stances });
        }
        vocabularies.push(Rc::new(Vocabulary(questions)));
    }
    // By state: each state at most once, and in state order without sorting.
    let mut slots: Vec<Option<Section>> = vec![None; crate::states::COUNT];
    let section = |state, day, vocabulary, ids, records| Section {
        state,
        day,
        vocabulary,
        ids,
        records,
        names: None,
        officials: Vec::new(),
    };
    for _ in 0..r.count()? {
        let day = r.varint()?;
        let vocabulary = vocabularies.get(r.varint()? as usize)?;
        let mask = u64::from_le_bytes(r.bytes.get(r.at..r.at + 8)?.try_into().ok()?);
        r.at += 8;
        for state in State::all().filter(|s| mask & 1 << s.index() != 0) {
            let slot = &mut slots[state.index()];
            if slot.is_some() {
                return None;
            }
            *slot = Some(section(state, day, vocabulary.clone(), Vec::new(), Vec::new()));
        }
        if mask >> crate::states::COUNT != 0 {
            return None;
        }
    }
    for _ in 0..r.count()? {
        let state = State::from_index(usize::from(r.byte()?))?;
        if slots[state.index()].is_some() {
            return None;
        }
        let day = r.varint()?;
        let vocabulary = vocabularies.get(r.varint()? as usize)?.clone();
        let n = r.count()?;
        let mut ids = Vec::with_capacity(n);
        let mut last: u32 = 0;
        for _ in 0..n {
            last = last.checked_add(r.varint()?)?;
            ids.push(last);
        }
        let mut records = Vec::with_capacity(n.saturating_mul(vocabulary.0.len()).min(bytes.len()));
        for _ in 0..n {
            for q in &vocabulary.0 {
                let first = r.byte()?;
                let stance = u32::from(first & 0x3f);
                if stance == 0 {
                    records.push(0);
                    continue;
                }
                if stance as usize > q.stances.len() {
                    return None;
                }
                let low = u32::from(u16::from_le_bytes([r.byte()?, r.byte()?]));
                records.push(stance << HASH_BITS | u32::from(first >> 6) << 16 | low);
            }
        }
        if n == 0 {
            return None;
        }
        slots[state.index()] = Some(section(state, day, vocabulary, ids, records));
    }
    (r.at == bytes.len()).then(|| Seen { sections: slots.into_iter().flatten().collect() })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            // The fifth byte holds the top 4 bits; more would not fit.
            if shift == 28 && b > 0x0f {
                return None;
            }
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A count of things that take a byte or more each: no more than the bytes left, so a
    /// damaged count cannot ask for a huge allocation.
    fn count(&mut self) -> Option<usize> {
        let n = self.varint()? as usize;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.count()?;
        let text = std::str::from_utf8(&self.bytes[self.at..self.at + n]).ok()?;
        self.at += n;
        Some(text.to_string())
    }
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn string(out: &mut Vec<u8>, text: &str) {
    varint(out, text.len() as u32);
    out.extend_from_slice(text.as_bytes());
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 without padding.
fn base64(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
}

/// A base64 character's value (a table search was most of reading 100,000 officials).
fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

fn unbase64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= sextet(*c)? << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..10u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(97) ^ 0xa5).collect();
            let mut text = String::new();
            base64(&bytes, &mut text);
            assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
            assert_eq!(unbase64(&text), Some(bytes));
        }
        let mut text = String::new();
        base64(b"Man", &mut text);
        assert_eq!(text, "TWFu");
        assert_eq!(unbase64("TWE"), Some(b"Ma".to_vec()));
        for (i, c) in ALPHABET.iter().enumerate() {
            assert_eq!(sextet(*c), Some(i as u32));
        }
        assert_eq!(unbase64("T"), None);
        assert_eq!(unbase64("TW=="), None);
    }

    #[test]
    fn varints() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            varint(&mut out, n);
            assert_eq!(Reader { bytes: &out, at: 0 }.varint(), Some(n));
        }
        assert_eq!(Reader { bytes: &[0xff, 0xff, 0xff, 0xff, 0xff, 0x01], at: 0 }.varint(), None);
        assert_eq!(Reader { bytes: &[0xff, 0xff, 0xff, 0xff, 0x1f], at: 0 }.varint(), None);
        assert_eq!(Reader { bytes: &[0x80], at: 0 }.varint(), None);
    }
}
