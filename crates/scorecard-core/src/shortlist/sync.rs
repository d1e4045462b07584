//! Several tabs, one shortlist. A supporter often has the widget open twice (the blog post and
//! the standalone page), and both keep the same list in this browser's storage. Each tab's
//! changes reach the others (the browser's `storage` event), and no change is lost when two tabs
//! edit at about the same time.
//!
//! The rule, per official: **the newest change wins, field by field.** Being on the list (added,
//! or removed), the amount and the Given mark each carry the time they last changed, and a merge
//! takes each from the copy that changed it last. So an amount set in one tab and a Given mark
//! set in the other both survive, and an official removed in one tab stays removed unless the
//! other adds them again later. Removals are remembered (the newest [`MAX_ENTRIES`]) so that a
//! tab that has not heard of one cannot bring the official back. The order is the order of the
//! list reordered (or added to) last, with the other's officials after it.
//!
//! An amount is a change when it is taken (Enter, or leaving its field), not per keystroke: while
//! the reader types, the field keeps what they typed even if another tab's amount arrives
//! (`AppState::amount_drafts`), and taking it then makes it the newest.
//!
//! Times are stamped when a tab saves, which it does right after each change, and never run
//! backwards within a tab: a change is always newer than everything that tab has seen. Ties
//! (the same millisecond in two tabs) are broken by the values themselves, the same way in
//! every tab, so that all tabs reach the same list whichever merges first: a merge is
//! commutative and idempotent (property tests).

use std::collections::HashMap;

use super::{Entry, Shortlist, MAX_ENTRIES};

/// When an entry's fields last changed, in milliseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// Put on the list (the newest time, if it was removed and added again).
    pub added: u64,
    pub amount: u64,
    pub given: u64,
}

/// A shortlist with the times of its changes: what tabs save and merge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Synced {
    list: Shortlist,
    /// One per entry of `list`, in the same order.
    stamps: Vec<Stamps>,
    /// Officials taken off the list, and when; none of them is on `list`.
    removed: Vec<(String, u64)>,
    /// When the list's order last changed (an add, a move, a removal).
    order_at: u64,
}

impl Synced {
    /// A list with no history: every change anyone makes later is newer.
    pub fn unstamped(list: Shortlist) -> Synced {
        let stamps = vec![Stamps::default(); list.len()];
        Synced { list, stamps, removed: Vec::new(), order_at: 0 }
    }

    pub(super) fn from_parts(
        list: Shortlist,
        stamps: Vec<Stamps>,
        removed: Vec<(String, u64)>,
        order_at: u64,
    ) -> Synced {
        let mut stamps = stamps;
        stamps.resize(list.len(), Stamps::default());
        let removed = removed.into_iter().filter(|(id, _)| !list.contains(id)).collect();
        let mut synced = Synced { list, stamps, removed, order_at };
        synced.keep_newest_removals();
        synced
    }

    pub fn list(&self) -> &Shortlist {
        &self.list
    }

    pub fn stamps(&self) -> &[Stamps] {
        &self.stamps
    }

    pub fn removed(&self) -> &[(String, u64)] {
        &self.removed
    }

    pub fn order_at(&self) -> u64 {
        self.order_at
    }

    /// This tab's list as it is `now`, its changes since `self` (the list it last saved or
    /// heard of) stamped with a time newer than any this tab has seen.
    pub fn record(&self, list: &Shortlist, now: u64) -> Synced {
        let now = now.max(self.newest() + 1);
        let before: HashMap<&str, (&Entry, Stamps)> =
            self.list.entries().iter().zip(&self.stamps).map(|(e, s)| (e.id.as_str(), (e, *s))).collect();
        let stamps = list
            .entries()
            .iter()
            .map(|entry| match before.get(entry.id.as_str()) {
                Some((old, stamps)) => Stamps {
                    added: stamps.added,
                    amount: if old.amount == entry.amount { stamps.amount } else { now },
                    given: if old.given == entry.given { stamps.given } else { now },
                },
                None => Stamps { added: now, amount: now, given: now },
            })
            .collect();
        let mut removed: Vec<(String, u64)> =
            self.removed.iter().filter(|(id, _)| !list.contains(id)).cloned().collect();
        removed.extend(self.list.entries().iter().filter(|e| !list.contains(&e.id)).map(|e| (e.id.clone(), now)));
        let same_order = self.list.entries().iter().map(|e| &e.id).eq(list.entries().iter().map(|e| &e.id));
        Synced::from_parts(list.clone(), stamps, removed, if same_order { self.order_at } else { now })
    }

    /// What a tab does after each change and whenever another tab has saved (`storage` event):
    /// its own changes since `self` (what it last saved or heard of) stamped `now`, merged with
    /// what storage holds now. The result is what it stores (if different) and shows.
    pub fn update(&self, list: &Shortlist, stored: &Synced, now: u64) -> Synced {
        self.record(list, now).merge(stored)
    }

    /// Both copies' changes: per official the newest presence, amount and Given mark.
    pub fn merge(&self, other: &Synced) -> Synced {
        // Ties in order go to the greater list of ids, so both tabs pick the same one.
        let ids = |s: &Synced| s.list.entries().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        let (first, second) =
            if (self.order_at, ids(self)) >= (other.order_at, ids(other)) { (self, other) } else { (other, self) };
        let removed_at = |id: &str| {
            let at = |s: &Synced| s.removed.iter().find(|(r, _)| r == id).map(|(_, t)| *t);
            at(self).max(at(other))
        };
        let mut entries = Vec::new();
        let mut stamps = Vec::new();
        let only_second = second.pairs().filter(|(e, _)| first.get(&e.id).is_none()).map(|pair| (pair, None));
        for ((entry, stamp), theirs) in first.pairs().map(|pair| (pair, second.get(&pair.0.id))).chain(only_second) {
            let (entry, stamp) = match theirs {
                Some(theirs) => newest_fields((entry, stamp), theirs),
                None => (entry.clone(), stamp),
            };
            // An add at the same time as a removal keeps the official: nothing is lost.
            if removed_at(&entry.id).is_some_and(|at| at > stamp.added) {
                continue;
            }
            entries.push(entry);
            stamps.push(stamp);
        }
        // `from_parts` drops the removals of officials listed again, and the duplicates.
        let removed = self
            .removed
            .iter()
            .chain(&other.removed)
            .map(|(id, _)| (id.clone(), removed_at(id).unwrap_or(0)))
            .collect();
        entries.truncate(MAX_ENTRIES);
        stamps.truncate(MAX_ENTRIES);
        Synced::from_parts(Shortlist { entries }, stamps, removed, self.order_at.max(other.order_at))
    }

    fn pairs(&self) -> impl Iterator<Item = (&Entry, Stamps)> {
        self.list.entries().iter().zip(self.stamps.iter().copied())
    }

    fn get(&self, id: &str) -> Option<(&Entry, Stamps)> {
        self.pairs().find(|(e, _)| e.id == id)
    }

    /// The newest time this copy knows of.
    fn newest(&self) -> u64 {
        let entries = self.stamps.iter().map(|s| s.added.max(s.amount).max(s.given));
        let removals = self.removed.iter().map(|(_, t)| *t);
        entries.chain(removals).chain([self.order_at]).max().unwrap_or(0)
    }

    /// At most [`MAX_ENTRIES`] removals are remembered, the newest (ties by id, so every tab
    /// keeps the same ones), in a fixed order.
    fn keep_newest_removals(&mut self) {
        self.removed.sort_by(|(a, at), (b, bt)| bt.cmp(at).then_with(|| a.cmp(b)));
        self.removed.dedup_by(|(a, _), (b, _)| a == b);
        self.removed.truncate(MAX_ENTRIES);
    }
}

/// One official's entry from two copies: each field from the copy that changed it last (ties
/// to the greater value, the same in every tab); the name and state from the newer add.
fn newest_fields((a, sa): (&Entry, Stamps), (b, sb): (&Entry, Stamps)) -> (Entry, Stamps) {
    let (newer, older) = if (sa.added, &a.name) >= (sb.added, &b.name) { (a, b) } else { (b, a) };
    let amount =
        if (sa.amount, a.amount) >= (sb.amount, b.amount) { (a.amount, sa.amount) } else { (b.amount, sb.amount) };
    let given = if (sa.given, a.given) >= (sb.given, b.given) { (a.given, sa.given) } else { (b.given, sb.given) };
    let entry = Entry {
        id: newer.id.clone(),
        name: newer.name.clone(),
        amount: amount.0,
        given: given.0,
        state: newer.state.or(older.state),
    };
    (entry, Stamps { added: sa.added.max(sb.added), amount: amount.1, given: given.1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Cents;

    fn ids(s: &Synced) -> Vec<&str> {
        s.list().entries().iter().map(|e| e.id.as_str()).collect()
    }

    fn added(ids: &[&str]) -> Shortlist {
        let mut list = Shortlist::default();
        for id in ids {
            list.add(id, &id.to_uppercase()).unwrap();
        }
        list
    }

    #[test]
    fn changes_made_in_two_tabs_at_once_are_all_kept() {
        let start = Synced::default().record(&added(&["a", "b", "c"]), 1_000);
        // Tab one adds d and sets a's amount; tab two, not knowing, removes b and marks a given.
        let mut one = start.list().clone();
        one.add("d", "D").unwrap();
        one.set_amount("a", Cents(5_00)).unwrap();
        let one = start.record(&one, 2_000);
        let mut two = start.list().clone();
        two.remove("b");
        two.set_given("a", true);
        let two = start.record(&two, 2_001);
        let merged = one.merge(&two);
        assert_eq!(merged, two.merge(&one));
        assert_eq!(ids(&merged), ["a", "c", "d"]);
        let a = merged.list().get("a").unwrap();
        assert_eq!((a.amount, a.given), (Cents(5_00), true));
    }

    #[test]
    fn the_newest_amount_wins_and_a_removal_holds_until_a_newer_add() {
        let start = Synced::default().record(&added(&["a"]), 1_000);
        let mut one = start.list().clone();
        one.set_amount("a", Cents(10_00)).unwrap();
        let one = start.record(&one, 2_000);
        let mut two = start.list().clone();
        two.set_amount("a", Cents(3_00)).unwrap();
        let two = start.record(&two, 3_000);
        assert_eq!(one.merge(&two).list().get("a").unwrap().amount, Cents(3_00));

        // Removed in one tab; the other, which had not heard, changes nothing: a stays removed.
        let gone = start.record(&Shortlist::default(), 4_000);
        assert!(gone.merge(&start).list().is_empty());
        // Added again later: back.
        let again = gone.record(&added(&["a"]), 5_000);
        assert_eq!(ids(&again.merge(&gone).merge(&start)), ["a"]);
    }

    #[test]
    fn a_save_keeps_what_another_tab_stored_in_between() {
        let start = Synced::default().record(&added(&["a"]), 1_000);
        // The other tab added b and closed; this tab, which had not heard, adds c.
        let mut other = start.list().clone();
        other.add("b", "B").unwrap();
        let stored = start.update(&other, &start, 2_000);
        let mut mine = start.list().clone();
        mine.add("c", "C").unwrap();
        assert_eq!(ids(&start.update(&mine, &stored, 3_000)), ["a", "c", "b"]);
    }

    #[test]
    fn a_tab_clock_never_runs_backwards() {
        let start = Synced::default().record(&added(&["a"]), 10_000);
        let later = start.record(&Shortlist::default(), 5_000); // the clock went back
        assert!(later.removed()[0].1 > 10_000, "a change is newer than what the tab has seen");
        assert!(later.merge(&start).list().is_empty());
    }

    #[test]
    fn the_order_is_the_last_reordered_list_then_the_others() {
        let start = Synced::default().record(&added(&["a", "b", "c"]), 1_000);
        let mut one = start.list().clone();
        one.move_to("c", 0);
        let one = start.record(&one, 2_000);
        let mut two = start.list().clone();
        two.add("d", "D").unwrap();
        let two = start.record(&two, 1_500);
        assert_eq!(ids(&one.merge(&two)), ["c", "a", "b", "d"]);
    }

    #[test]
    fn an_add_at_the_very_time_of_a_removal_keeps_the_official_with_the_newer_adds_name() {
        let stamped = |added: u64| Stamps { added, amount: added, given: added };
        let listed =
            |name: &str| Shortlist::from_entries([Entry { name: name.into(), ..added(&["a"]).entries()[0].clone() }]);
        let kept = Synced::from_parts(listed("Ann"), vec![stamped(2_000)], Vec::new(), 2_000);
        let gone = Synced::from_parts(Shortlist::default(), Vec::new(), vec![("a".into(), 2_000)], 2_000);
        for merged in [kept.merge(&gone), gone.merge(&kept)] {
            assert_eq!(ids(&merged), ["a"]);
            assert!(merged.removed().is_empty(), "a listed official is not also removed");
        }
        // Added in both, renamed in the later: the later add's name, whichever merges.
        let renamed = Synced::from_parts(listed("Ann B. Able"), vec![stamped(3_000)], Vec::new(), 3_000);
        for merged in [kept.merge(&renamed), renamed.merge(&kept)] {
            assert_eq!(merged.list().get("a").map(|e| e.name.as_str()), Some("Ann B. Able"));
        }
        // Removed in both: remembered once, at the later time.
        let also_gone = Synced::from_parts(Shortlist::default(), Vec::new(), vec![("a".into(), 2_500)], 2_500);
        assert_eq!(gone.merge(&also_gone).removed(), [("a".to_string(), 2_500)]);
    }

    #[test]
    fn removals_are_remembered_up_to_the_limit() {
        let many: Vec<String> = (0..MAX_ENTRIES + 10).map(|i| format!("x{i}")).collect();
        let mut synced = Synced::default();
        for (i, chunk) in many.chunks(100).enumerate() {
            let list = added(&chunk.iter().map(String::as_str).collect::<Vec<_>>());
            synced = synced.record(&list, 1_000 + i as u64 * 10);
        }
        assert_eq!(synced.removed().len(), MAX_ENTRIES);
    }
}
