//! The donation shortlist: who the supporter wants to give to, how much each, and what they
//! have already given. It refers to officials by id and keeps each name, so an official who
//! leaves the feed stays on the list ("no longer in this feed") instead of vanishing. Each entry
//! also remembers the official's state, so a sharded feed knows which file to load for it.

use crate::feed::{Feed, Official};
use crate::money::{AmountError, Cents, DEFAULT_AMOUNT, MAX_AMOUNT, MIN_AMOUNT};
use crate::states::{State, StateSet};

mod storage;
mod sync;

pub use sync::{Stamps, Synced};

/// Most officials on one shortlist. Far above real use; keeps links and storage bounded.
pub const MAX_ENTRIES: usize = 500;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shortlist {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// The name when added (or last seen in the feed), shown if the official leaves the feed.
    pub name: String,
    pub amount: Cents,
    /// Private "given ✓" mark; never shared in links.
    pub given: bool,
    /// The official's state when last seen in the feed: which file of a sharded feed holds them.
    /// `None` for entries saved by older versions until the official is seen again.
    pub state: Option<State>,
}

/// An entry taken off the list, with where it was, so it can be put back (undo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub entry: Entry,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddError {
    AlreadyListed,
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    NoRecipients,
    /// The budget cannot give everyone the minimum; `needed` is the smallest budget that can.
    TooSmall {
        needed: Cents,
    },
    /// Each share would exceed the per-official maximum; `most` is the largest budget allowed.
    TooLarge {
        most: Cents,
    },
}

impl SplitError {
    /// What the budget field says, in the reader's language.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            SplitError::NoRecipients => Msg::new("split.no_recipients"),
            SplitError::TooSmall { needed } => {
                Msg::new("split.too_small").money("least", MIN_AMOUNT).money("needed", *needed)
            }
            SplitError::TooLarge { most } => {
                Msg::new("split.too_large").money("most_each", MAX_AMOUNT).money("most", *most)
            }
        }
    }
}

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    /// Already on the list; the list's own amount was kept.
    pub already_listed: usize,
    /// Not added because the list was full.
    pub dropped: usize,
}

impl Shortlist {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `other` lists the same officials with the same amounts, in the same order (a
    /// shared list equal to the reader's own needs no choice). Names and given marks are not
    /// compared: they are not part of a shared list.
    pub fn same_list(&self, other: &Shortlist) -> bool {
        fn key(e: &Entry) -> (&str, Cents) {
            (&e.id, e.amount)
        }
        self.entries.iter().map(key).eq(other.entries.iter().map(key))
    }

    /// Whether `other` holds the same choices: officials, amounts and Given marks, in order.
    /// Names and states are not compared (each tab refreshes them from its own copy of the feed).
    pub fn same_choices(&self, other: &Shortlist) -> bool {
        fn key(e: &Entry) -> (&str, Cents, bool) {
            (&e.id, e.amount, e.given)
        }
        self.entries.iter().map(key).eq(other.entries.iter().map(key))
    }

    /// Whether this list is `earlier` with officials added at its end and nothing else changed:
    /// an add from a row, which the panel may show a frame after the row (`use_trailing`).
    pub fn extends(&self, earlier: &Shortlist) -> bool {
        self.entries.len() > earlier.entries.len() && self.entries.starts_with(&earlier.entries)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds an official at the default amount.
    pub fn add(&mut self, id: &str, name: &str) -> Result<(), AddError> {
        self.add_with_amount(id, name, DEFAULT_AMOUNT)
    }

    /// Adds an official of the feed at the default amount, remembering their name and state.
    pub fn add_official(&mut self, official: &Official) -> Result<(), AddError> {
        self.insert(Entry {
            id: official.id.clone(),
            name: official.name.clone(),
            amount: DEFAULT_AMOUNT,
            given: false,
            state: Some(official.state),
        })
    }

    pub fn add_with_amount(&mut self, id: &str, name: &str, amount: Cents) -> Result<(), AddError> {
        self.insert(Entry { id: id.to_string(), name: name.to_string(), amount, given: false, state: None })
    }

    /// Appends an entry (amount checked, falling back to the default) unless listed or full.
    fn insert(&mut self, mut entry: Entry) -> Result<(), AddError> {
        if self.contains(&entry.id) {
            return Err(AddError::AlreadyListed);
        }
        if self.entries.len() >= MAX_ENTRIES {
            return Err(AddError::Full);
        }
        entry.amount = entry.amount.check_gift().unwrap_or(DEFAULT_AMOUNT);
        self.entries.push(entry);
        Ok(())
    }

    pub fn remove(&mut self, id: &str) -> Option<Removed> {
        let index = self.position(id)?;
        Some(Removed { index, entry: self.entries.remove(index) })
    }

    /// Puts a removed entry back where it was (undo). No-op if it is listed again meanwhile.
    pub fn undo_remove(&mut self, removed: Removed) {
        if !self.contains(&removed.entry.id) && self.entries.len() < MAX_ENTRIES {
            let index = removed.index.min(self.entries.len());
            self.entries.insert(index, removed.entry);
        }
    }

    /// Empties the list and returns what was on it, for undo.
    pub fn clear(&mut self) -> Vec<Entry> {
        std::mem::take(&mut self.entries)
    }

    /// Undoes [`Shortlist::clear`]: the old entries come back first, then anything added since.
    pub fn undo_clear(&mut self, entries: Vec<Entry>) {
        let added_since = std::mem::replace(&mut self.entries, entries);
        for entry in added_since {
            if !self.contains(&entry.id) && self.entries.len() < MAX_ENTRIES {
                self.entries.push(entry);
            }
        }
    }

    pub fn set_amount(&mut self, id: &str, amount: Cents) -> Result<(), AmountError> {
        let amount = amount.check_gift()?;
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.amount = amount;
        }
        Ok(())
    }

    pub fn set_given(&mut self, id: &str, given: bool) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.given = given;
        }
    }

    /// Moves an entry to `to` (clamped to the list).
    pub fn move_to(&mut self, id: &str, to: usize) {
        if let Some(from) = self.position(id) {
            let entry = self.entries.remove(from);
            let to = to.min(self.entries.len());
            self.entries.insert(to, entry);
        }
    }

    pub fn total(&self) -> Cents {
        Cents(self.entries.iter().map(|e| e.amount.0).sum())
    }

    /// Splits `budget` across everyone on the list; see [`split`].
    pub fn split_budget(&mut self, budget: Cents) -> Result<(), SplitError> {
        let shares = split(budget, self.entries.len())?;
        for (entry, share) in self.entries.iter_mut().zip(shares) {
            entry.amount = share;
        }
        Ok(())
    }

    /// Adds entries that are not yet listed, at their own amounts; listed ones keep theirs.
    pub fn merge(&mut self, incoming: &[Entry]) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for entry in incoming {
            // "Given" is private to whoever marked it; it does not come along.
            match self.insert(Entry { given: false, ..entry.clone() }) {
                Ok(()) => summary.added += 1,
                Err(AddError::AlreadyListed) => summary.already_listed += 1,
                Err(AddError::Full) => summary.dropped += 1,
            }
        }
        summary
    }

    /// Builds a list from entries (e.g. a shared link), dropping duplicates and invalid amounts.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Shortlist {
        let mut list = Shortlist::default();
        for entry in entries {
            let _ = list.insert(entry);
        }
        list
    }

    /// Updates remembered names and states from the feed (names get corrected between feed
    /// versions). Entries whose official is not in `feed` keep what they had.
    pub fn refresh_names(&mut self, feed: &Feed) {
        for entry in &mut self.entries {
            if let Some(official) = feed.official(&entry.id) {
                if entry.name != official.name {
                    entry.name = official.name.clone();
                }
                entry.state = Some(official.state);
            }
        }
    }

    /// The states of the listed officials, where known.
    pub fn states(&self) -> StateSet {
        self.entries.iter().filter_map(|e| e.state).collect()
    }

    /// Serializes for localStorage (with no record of when things changed: see [`Synced`]).
    pub fn to_storage_json(&self) -> String {
        Synced::unstamped(self.clone()).to_storage_json()
    }

    /// The shortlist saved in a browser; see [`Synced::from_saved`].
    pub fn from_saved(text: Option<&str>) -> (Shortlist, Vec<String>, bool) {
        let (synced, notes, set_aside) = Synced::from_saved(text);
        (synced.list().clone(), notes, set_aside)
    }

    /// Reads what [`Shortlist::to_storage_json`] wrote; see [`Synced::from_storage_json`].
    pub fn from_storage_json(text: &str) -> Result<(Shortlist, Vec<String>), String> {
        Synced::from_storage_json(text).map(|(synced, notes)| (synced.list().clone(), notes))
    }
}

/// Splits `budget` into `n` shares of whole cents: each at least the minimum, all within one
/// cent of each other, summing exactly to the budget. Leftover cents go to the first shares,
/// so the same list always splits the same way.
pub fn split(budget: Cents, n: usize) -> Result<Vec<Cents>, SplitError> {
    if n == 0 {
        return Err(SplitError::NoRecipients);
    }
    let n64 = n as u64;
    if budget.0 < MIN_AMOUNT.0 * n64 {
        return Err(SplitError::TooSmall { needed: Cents(MIN_AMOUNT.0 * n64) });
    }
    if budget.0 > MAX_AMOUNT.0 * n64 {
        return Err(SplitError::TooLarge { most: Cents(MAX_AMOUNT.0 * n64) });
    }
    let base = budget.0 / n64;
    let extra = (budget.0 % n64) as usize;
    Ok((0..n).map(|i| Cents(base + u64::from(i < extra))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(ids: &[&str]) -> Shortlist {
        let mut list = Shortlist::default();
        for id in ids {
            list.add(id, &id.to_uppercase()).unwrap();
        }
        list
    }

    #[test]
    fn the_same_list_is_the_same_ids_and_amounts_in_order() {
        let mut a = list(&["x", "y"]);
        let b = list(&["x", "y"]);
        assert!(a.same_list(&b));
        assert!(!a.same_list(&list(&["y", "x"])));
        assert!(!a.same_list(&list(&["x"])));
        a.set_given("x", true);
        assert!(a.same_list(&b), "given marks are not compared");
        a.set_amount("x", Cents(5_00)).unwrap();
        assert!(!a.same_list(&b));
        assert!(Shortlist::default().same_list(&Shortlist::default()));
    }

    #[test]
    fn a_list_extends_another_only_by_officials_added_at_its_end() {
        let before = list(&["a", "b"]);
        assert!(list(&["a", "b", "c"]).extends(&before));
        assert!(list(&["a", "b", "c", "d"]).extends(&before));
        assert!(list(&["a"]).extends(&Shortlist::default()));
        assert!(!before.extends(&before), "nothing added");
        assert!(!list(&["c", "a", "b"]).extends(&before), "added, but not at the end");
        assert!(!list(&["a"]).extends(&before), "removed");
        let mut changed = list(&["a", "b", "c"]);
        changed.set_amount("a", Cents(5_00)).unwrap();
        assert!(!changed.extends(&before), "added, and an amount changed");
        changed = list(&["a", "b", "c"]);
        changed.set_given("b", true);
        assert!(!changed.extends(&before), "added, and a gift marked given");
    }

    #[test]
    fn a_saved_list_is_read_or_set_aside() {
        let saved = list(&["a"]).to_storage_json();
        let (read, notes, set_aside) = Shortlist::from_saved(Some(&saved));
        assert_eq!((read.len(), notes.len(), set_aside), (1, 0, false));
        assert_eq!(Shortlist::from_saved(None), (Shortlist::default(), vec![], false));
        let (read, notes, set_aside) = Shortlist::from_saved(Some("{oops"));
        assert!(read.is_empty() && set_aside);
        assert!(notes[0].starts_with("the saved shortlist is damaged") && notes[0].ends_with("a new list started."));
    }

    #[test]
    fn add_remove_undo() {
        let mut l = list(&["a", "b", "c"]);
        assert_eq!(l.add("a", "A"), Err(AddError::AlreadyListed));
        assert_eq!(l.total(), Cents(8100));
        let removed = l.remove("b").unwrap();
        assert_eq!(removed.index, 1);
        assert_eq!(l.len(), 2);
        l.undo_remove(removed);
        assert_eq!(l.entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(l.remove("zzz").is_none());
    }

    #[test]
    fn clear_and_undo_keeps_later_additions() {
        let mut l = list(&["a", "b"]);
        let old = l.clear();
        assert!(l.is_empty());
        l.add("c", "C").unwrap();
        l.undo_clear(old);
        assert_eq!(l.entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn amounts_are_checked() {
        let mut l = list(&["a"]);
        assert_eq!(l.set_amount("a", Cents(50)), Err(AmountError::BelowMinimum));
        assert_eq!(l.set_amount("a", Cents(1_000_001)), Err(AmountError::AboveMaximum));
        l.set_amount("a", Cents(1000)).unwrap();
        assert_eq!(l.get("a").unwrap().amount, Cents(1000));
    }

    #[test]
    fn reorder() {
        let mut l = list(&["a", "b", "c"]);
        l.move_to("c", 0);
        l.move_to("a", 99);
        assert_eq!(l.entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["c", "b", "a"]);
    }

    #[test]
    fn full_list_refuses() {
        assert_eq!(full().add("one more", "x"), Err(AddError::Full));
    }

    fn full() -> Shortlist {
        let mut l = Shortlist::default();
        for i in 0..MAX_ENTRIES {
            l.add(&i.to_string(), "x").unwrap();
        }
        l
    }

    fn ids(l: &Shortlist) -> Vec<&str> {
        l.entries().iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn undo_never_lists_an_official_twice_nor_fills_past_the_limit() {
        // Listed again since the removal: undo changes nothing.
        let mut l = list(&["a", "b"]);
        let removed = l.remove("a").unwrap();
        l.add("a", "A").unwrap();
        l.undo_remove(removed);
        assert_eq!(ids(&l), ["b", "a"]);
        // Filled up since: no room to put it back.
        let mut l = full();
        let removed = l.remove("0").unwrap();
        l.add("new", "x").unwrap();
        l.undo_remove(removed);
        assert_eq!((l.len(), l.contains("0")), (MAX_ENTRIES, false));
        // Clear, then the same official and others added: back once each, up to the limit.
        let mut l = list(&["a", "b"]);
        let old = l.clear();
        l.add("b", "B").unwrap();
        l.add("c", "C").unwrap();
        l.undo_clear(old);
        assert_eq!(ids(&l), ["a", "b", "c"]);
        let mut l = full();
        let old = l.clear();
        l.add("new", "x").unwrap();
        l.undo_clear(old);
        assert_eq!((l.len(), l.contains("new")), (MAX_ENTRIES, false));
    }

    #[test]
    fn merge_counts_what_it_added_kept_and_dropped() {
        let mut l = list(&["a"]);
        let incoming = list(&["a", "b"]);
        assert_eq!(l.merge(incoming.entries()), MergeSummary { added: 1, already_listed: 1, dropped: 0 });
        let mut l = full();
        let incoming = list(&["0", "x", "y"]);
        assert_eq!(l.merge(incoming.entries()), MergeSummary { added: 0, already_listed: 1, dropped: 2 });
    }

    #[test]
    fn split_at_its_limits() {
        // Exactly the minimum each, and exactly the maximum each, are allowed.
        assert_eq!(split(Cents(6_00), 6), Ok(vec![MIN_AMOUNT; 6]));
        assert_eq!(split(Cents(20_000_00), 2), Ok(vec![MAX_AMOUNT; 2]));
        assert_eq!(split(Cents(30_000_01), 3), Err(SplitError::TooLarge { most: Cents(30_000_00) }));
    }

    #[test]
    fn split_100_across_7() {
        let shares = split(Cents(100_00), 7).unwrap();
        assert_eq!(shares.iter().map(|c| c.0).sum::<u64>(), 100_00);
        assert_eq!(shares[0], Cents(1429));
        assert_eq!(shares[6], Cents(1428));
        assert_eq!(split(Cents(5_00), 6), Err(SplitError::TooSmall { needed: Cents(6_00) }));
        assert_eq!(split(Cents(1), 0), Err(SplitError::NoRecipients));
        assert!(matches!(split(Cents(20_001_00), 2), Err(SplitError::TooLarge { .. })));
        let said = [
            (SplitError::NoRecipients, "Add someone to the shortlist first."),
            (
                SplitError::TooSmall { needed: Cents(6_00) },
                "Each official needs at least $1; the budget must be at least $6.",
            ),
            (
                SplitError::TooLarge { most: Cents(20_000_00) },
                "That would give more than $10,000 each; the budget can be at most $20,000.",
            ),
        ];
        for (error, text) in said {
            assert_eq!(error.msg().en(), text);
        }
    }

    #[test]
    fn same_choices_compares_officials_amounts_given_marks_and_order_but_not_names() {
        let mine = list(&["a", "b"]);
        let mut renamed = list(&["a", "b"]);
        renamed.entries[0].name = "Another name".into();
        assert!(mine.same_choices(&renamed));
        let mut amount = mine.clone();
        amount.set_amount("b", Cents(5_00)).unwrap();
        let mut given = mine.clone();
        given.set_given("a", true);
        for other in [list(&["b", "a"]), list(&["a"]), list(&["a", "c"]), amount, given] {
            assert!(!mine.same_choices(&other), "{other:?}");
        }
    }

    #[test]
    fn merge_keeps_own_amounts() {
        let mut mine = list(&["a"]);
        mine.set_amount("a", Cents(500)).unwrap();
        let theirs = [
            Entry { id: "a".into(), name: "A".into(), amount: Cents(9900), given: false, state: None },
            Entry { id: "b".into(), name: "B".into(), amount: Cents(1000), given: true, state: State::parse("VT") },
        ];
        let summary = mine.merge(&theirs);
        assert_eq!(summary, MergeSummary { added: 1, already_listed: 1, dropped: 0 });
        assert_eq!(mine.get("a").unwrap().amount, Cents(500));
        assert_eq!(mine.get("b").unwrap().amount, Cents(1000));
        assert!(!mine.get("b").unwrap().given, "their private mark stays theirs");
        assert_eq!(mine.states().iter().map(State::code).collect::<Vec<_>>(), ["VT"]);
    }

    #[test]
    fn storage_keeps_states_and_reads_lists_saved_without_them() {
        let mut l = list(&["a", "b"]);
        l.entries[0].state = State::parse("MN");
        let text = l.to_storage_json();
        assert!(text.contains(r#""state":"MN""#), "{text}");
        assert!(!text.contains(r#""state":null"#), "absent states are left out: {text}");
        let (back, problems) = Shortlist::from_storage_json(&text).unwrap();
        assert_eq!(back, l);
        assert!(problems.is_empty());

        // Saved by an older version: no states; and a state this version does not know.
        let old = r#"{"version":1,"entries":[{"id":"a","name":"A","amount_cents":2700},{"id":"b","name":"B","amount_cents":2700,"state":"XX"}]}"#;
        let (back, problems) = Shortlist::from_storage_json(old).unwrap();
        assert_eq!(back.len(), 2);
        assert!(problems.is_empty());
        assert!(back.states().is_empty());
    }

    #[test]
    fn storage_round_trip_and_damage() {
        let mut l = list(&["a", "b"]);
        l.set_given("b", true);
        let (back, problems) = Shortlist::from_storage_json(&l.to_storage_json()).unwrap();
        assert_eq!(back, l);
        assert!(problems.is_empty());

        let damaged = r#"{"version":1,"entries":[{"id":"a","name":"A","amount_cents":-5},{"id":"b","name":"B","amount_cents":99999999999},{"id":"c","name":"C","amount_cents":2700},{"id":"c","name":"C","amount_cents":2700}]}"#;
        let (back, problems) = Shortlist::from_storage_json(damaged).unwrap();
        assert_eq!(back.entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b", "c"]);
        assert_eq!(back.get("b").unwrap().amount, DEFAULT_AMOUNT);
        assert_eq!(problems.len(), 3, "{problems:?}");

        assert!(Shortlist::from_storage_json("not json").is_err());
        assert!(Shortlist::from_storage_json(r#"{"version":9,"entries":[]}"#).is_err());
    }
}
