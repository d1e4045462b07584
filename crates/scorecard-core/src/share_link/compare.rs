//! The comparison a link shows (`k`): up to four officials, in order. An official who is on the
//! link's shortlist is named by their place in `l` (one or two characters: a share link of 20
//! officials with amounts still fits in 200 characters with four of them compared); anyone else
//! by a token, as in `l` and `d`. Tokens are 4 characters or more, places at most 3, so the two
//! cannot be confused.

use super::token::{resolve_token, ALPHABET, MIN_TOKEN};
use crate::compare::{missing_text, too_many_text, MAX_COMPARED};
use crate::feed::Feed;
use crate::i18n::Msg;

/// `at` (a place in the link's list) in base64url digits, most significant first.
pub(super) fn place(mut at: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(ALPHABET[at % 64]);
        at /= 64;
        if at == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&b| b as char).collect()
}

/// Reverses [`place`]; `None` for anything that is not 1 to 3 base64url digits.
fn read_place(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() >= MIN_TOKEN {
        return None;
    }
    text.bytes().try_fold(0usize, |at, b| Some(at * 64 + ALPHABET.iter().position(|a| *a == b)?))
}

/// The officials (indices into `feed`) that `text` names, once each, and a note for the reader
/// when some could not be shown. `listed` is the link's list, read: per item of `l`, its
/// official if found.
pub(super) fn decode_compare(text: &str, feed: &Feed, listed: &[Option<usize>]) -> (Vec<usize>, Option<Msg>) {
    let items: Vec<&str> = text.split(',').filter(|t| !t.is_empty()).collect();
    let mut notes = Vec::new();
    if items.len() > MAX_COMPARED {
        notes.push(too_many_text(items.len()));
    }
    let mut officials: Vec<usize> = Vec::new();
    let mut missing = 0;
    for item in items.into_iter().take(MAX_COMPARED) {
        let found = match read_place(item) {
            Some(at) => listed.get(at).copied().flatten(),
            None => resolve_token(item, feed),
        };
        match found {
            Some(i) if !officials.contains(&i) => officials.push(i),
            Some(_) => {}
            None => missing += 1,
        }
    }
    if missing > 0 {
        notes.push(missing_text(missing));
    }
    let note = match notes.len() {
        0 => None,
        1 => notes.pop(),
        _ => Some(Msg::new("compare.notes").msg("first", notes.remove(0)).msg("second", notes.remove(0))),
    };
    (officials, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_round_trip_and_are_shorter_than_tokens() {
        for at in [0, 1, 63, 64, 499, 4095] {
            let text = place(at);
            assert!(text.len() < MIN_TOKEN, "{at}: {text}");
            assert_eq!(read_place(&text), Some(at));
        }
        assert_eq!(place(0), "A");
        assert_eq!(place(19), "T");
        assert_eq!(place(64), "BA");
        assert_eq!(read_place(""), None);
        assert_eq!(read_place("Ab3d"), None, "a token");
        assert_eq!(read_place("a$"), None);
    }
}
