//! The shortlist a link carries (`l`), read against the feed.

use std::collections::BTreeSet;

use super::token::{matches, token_range};
use super::{Integrity, SharedList};
use crate::feed::Feed;
use crate::i18n::Msg;
use crate::money::{Cents, DEFAULT_AMOUNT};
use crate::shortlist::MAX_ENTRIES;

/// The list in `text`, and per item read, the official it names if it names one (a comparison
/// in the same link may name officials by their place in the list).
pub(super) fn decode_list(
    text: &str,
    feed: &Feed,
    integrity: Integrity,
    problems: &mut Vec<Msg>,
) -> (SharedList, Vec<Option<usize>>) {
    let mut list = SharedList { integrity, ..SharedList::default() };
    let mut items_read = Vec::new();
    let mut seen = BTreeSet::new();
    let mut bad_amounts = 0;
    let mut unreadable = 0;
    let items: Vec<&str> = text.split(',').filter(|t| !t.is_empty()).collect();
    if items.len() > MAX_ENTRIES {
        problems.push(Msg::new("link.too_many").count("n", items.len()).count("max", MAX_ENTRIES));
    }
    for item in items.into_iter().take(MAX_ENTRIES) {
        let (tok, amount_text) = match item.split_once('~') {
            Some((t, a)) => (t, Some(a)),
            None => (item, None),
        };
        let Some(range) = token_range(tok) else {
            unreadable += 1;
            items_read.push(None);
            continue;
        };
        let amount = match amount_text {
            None => DEFAULT_AMOUNT,
            Some(a) => match Cents::parse_gift(a) {
                Ok(amount) => amount,
                Err(_) => {
                    bad_amounts += 1;
                    DEFAULT_AMOUNT
                }
            },
        };
        let found = matches(range, feed);
        match found.as_slice() {
            [one] => {
                if seen.insert(*one) {
                    list.entries.push((*one, amount));
                }
            }
            [] => list.unknown += 1,
            _ => list.ambiguous += 1,
        }
        items_read.push(match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        });
    }
    if unreadable > 0 {
        problems.push(Msg::new("link.unreadable").count("n", unreadable));
    }
    if bad_amounts > 0 {
        problems.push(Msg::new("link.bad_amounts").count("n", bad_amounts).money("amount", DEFAULT_AMOUNT));
    }
    if list.unknown > 0 {
        problems.push(Msg::new("link.unknown").count("n", list.unknown));
    }
    if list.ambiguous > 0 {
        problems.push(Msg::new("link.ambiguous").count("n", list.ambiguous));
    }
    (list, items_read)
}
