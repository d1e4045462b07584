//! The comparison: the officials of the states compared, as remembered and as they are now,
//! joined by id hash (both lists sorted, one pass), across states, so an official who moved to
//! another state's list is the same official.

use super::{code_stance, Changes, Left, Mark, OldStance, RecordChange, Seen, Vocabulary, HASH_MASK};
use crate::feed::Feed;
use crate::states::StateSet;

/// `(id hash, section, position in it)` of every official of `states`, by hash.
fn entries(seen: &Seen, states: StateSet) -> Vec<(u32, usize, usize)> {
    let mut list: Vec<(u32, usize, usize)> = seen
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| states.contains(s.state))
        .flat_map(|(si, s)| s.ids.iter().enumerate().map(move |(k, id)| (*id, si, k)))
        .collect();
    list.sort_unstable();
    list
}

/// Each of the feed's questions' position in `vocabulary`, if it was there.
fn question_map(feed: &Feed, vocabulary: &Vocabulary) -> Vec<Option<usize>> {
    feed.questions.iter().map(|q| vocabulary.0.iter().position(|seen| seen.id == q.id)).collect()
}

/// What changed in `states` from `stored` to `now` (made from `feed`), and which states changed.
pub(super) fn compare(stored: &Seen, feed: &Feed, now: &Seen, states: StateSet) -> (Changes, StateSet) {
    let before = entries(stored, states);
    let after = entries(now, states);
    let maps: Vec<Vec<Option<usize>>> = stored.sections.iter().map(|s| question_map(feed, &s.vocabulary)).collect();
    let mut changes = Changes::default();
    let mut changed = StateSet::EMPTY;
    let (mut i, mut j) = (0, 0);
    while i < before.len() || j < after.len() {
        let hash = match (before.get(i), after.get(j)) {
            (Some(b), Some(a)) => b.0.min(a.0),
            (Some(b), None) => b.0,
            (None, Some(a)) => a.0,
            (None, None) => break,
        };
        let run = |list: &[(u32, usize, usize)], from: usize| list[from..].iter().take_while(|e| e.0 == hash).count();
        let (nb, na) = (run(&before, i), run(&after, j));
        match (nb, na) {
            (1, 1) => {
                let ((_, sb, kb), (_, sa, ka)) = (before[i], after[j]);
                let (old, new) = (&stored.sections[sb], &now.sections[sa]);
                let official = &feed.officials[new.officials[ka] as usize];
                let records = changed_records(feed, old, kb, &maps[sb], new.codes(ka));
                if !records.is_empty() {
                    changes.marks.insert(official.id.clone(), Mark::Changed(records));
                    changed.insert(old.state);
                    changed.insert(new.state);
                }
            }
            (1, 0) => {
                let (_, sb, kb) = before[i];
                let old = &stored.sections[sb];
                let name = old.names.as_ref().and_then(|n| n.get(kb)).map(str::to_string);
                changes.left.push(Left { state: old.state, name });
                changed.insert(old.state);
            }
            (0, 1) => {
                let (_, sa, ka) = after[j];
                let new = &now.sections[sa];
                changes.marks.insert(feed.officials[new.officials[ka] as usize].id.clone(), Mark::New);
                changed.insert(new.state);
            }
            // Two officials with one hash: which is which cannot be told, so neither is marked.
            _ => {}
        }
        (i, j) = (i + nb, j + na);
    }
    changes.left.sort_by(|a, b| (a.state.code(), &a.name).cmp(&(b.state.code(), &b.name)));
    (changes, changed)
}

/// The questions whose record for official `k` of `old` differs from `new` (codes in the feed's
/// question order).
fn changed_records(
    feed: &Feed,
    old: &super::Section,
    k: usize,
    map: &[Option<usize>],
    new: &[u32],
) -> Vec<RecordChange> {
    let before = old.codes(k);
    let mut records = Vec::new();
    for ((question, seen_at), &now) in feed.questions.iter().zip(map).zip(new) {
        // A question the reader never saw has nothing to compare with.
        let Some(q) = *seen_at else { continue };
        let then = before[q];
        let old_stance = code_stance(then).and_then(|s| old.vocabulary.0[q].stances.get(s));
        let new_stance = code_stance(now).and_then(|s| question.stances.get(s)).map(|s| &s.id);
        let stance_changed = old_stance.map(|(id, _)| id) != new_stance;
        if stance_changed || then & HASH_MASK != now & HASH_MASK {
            records.push(RecordChange {
                question: question.id.clone(),
                old: old_stance.map(|(id, label)| OldStance { id: id.clone(), label: label.clone() }),
                stance_changed,
            });
        }
    }
    records
}
