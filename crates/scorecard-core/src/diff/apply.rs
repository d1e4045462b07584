//! A diff applied to the old feed's stances gives the new feed's: the proof that a diff leaves
//! nothing out (property-tested), and a way to bring a kept copy of the stances up to date.

use std::collections::BTreeMap;

use super::{FeedDiff, OfficialChange, OfficialSnap, RecordSnap};
use crate::feed::Feed;

/// Every official's stance records: official id → question id → record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StanceTable(pub BTreeMap<String, BTreeMap<String, RecordSnap<'static>>>);

impl StanceTable {
    pub fn of(feed: &Feed) -> StanceTable {
        StanceTable(feed.officials.iter().map(|o| records(OfficialSnap::of(feed, o).into_owned())).collect())
    }

    /// The same officials with the same records (stance, detail, date, evidence; a stance's
    /// label is words, not a record).
    pub fn same_as(&self, other: &StanceTable) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(&other.0).all(|((a_id, a), (b_id, b))| {
                a_id == b_id
                    && a.len() == b.len()
                    && a.iter().zip(b).all(|((qa, ra), (qb, rb))| qa == qb && ra.same_record(rb))
            })
    }
}

fn records(snap: OfficialSnap<'static>) -> (String, BTreeMap<String, RecordSnap<'static>>) {
    let stances = snap.stances.into_iter().map(|r| (r.question.to_string(), r)).collect();
    (snap.id.into_owned(), stances)
}

/// Why a diff does not fit the table it was applied to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict(pub String);

impl FeedDiff {
    /// Applies the officials' changes to `table`, which should be the old feed's: it becomes the
    /// new feed's. Each change is checked against what it says was there; at the first that
    /// does not fit, stops with a [`Conflict`] (the table is then partly changed).
    pub fn apply(&self, table: &mut StanceTable) -> Result<(), Conflict> {
        let conflict = |id: &str, what: &str| Conflict(format!("official \"{id}\": {what}"));
        // Removals and renames first, so an id that moved to another official is free.
        let mut moved = Vec::new();
        for change in &self.officials {
            match change {
                OfficialChange::Removed(o) => {
                    table.0.remove(&*o.id).ok_or_else(|| conflict(&o.id, "removed, but not there"))?;
                }
                OfficialChange::Changed(c) => {
                    if let Some(previous) = &c.previous_id {
                        let records =
                            table.0.remove(previous).ok_or_else(|| conflict(previous, "renamed, but not there"))?;
                        moved.push((c.id.clone(), records));
                    }
                }
                OfficialChange::Added(_) => {}
            }
        }
        for (id, records) in moved {
            if table.0.insert(id.clone(), records).is_some() {
                return Err(conflict(&id, "renamed to an id already there"));
            }
        }
        for change in &self.officials {
            match change {
                OfficialChange::Added(o) => {
                    let (id, records) = records(o.clone());
                    if table.0.insert(id, records).is_some() {
                        return Err(conflict(&o.id, "added, but already there"));
                    }
                }
                OfficialChange::Changed(c) => {
                    let records = table.0.get_mut(&c.id).ok_or_else(|| conflict(&c.id, "changed, but not there"))?;
                    for s in &c.stances {
                        let fits = match (records.get(&s.question), &s.old) {
                            (Some(had), Some(old)) => had.same_record(old),
                            (had, old) => had.is_none() && old.is_none(),
                        };
                        if !fits {
                            return Err(conflict(
                                &c.id,
                                &format!("its record for \"{}\" is not the one changed", s.question),
                            ));
                        }
                        match &s.new {
                            Some(new) => records.insert(s.question.clone(), new.clone()),
                            None => records.remove(&s.question),
                        };
                    }
                }
                OfficialChange::Removed(_) => {}
            }
        }
        Ok(())
    }
}
