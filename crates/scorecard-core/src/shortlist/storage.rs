//! The shortlist as this browser keeps it (localStorage, JSON): each entry with when its fields
//! last changed, and the officials taken off it, so tabs can merge ([`Synced`]). The times were
//! added after the first widgets shipped, as optional fields of the same version, so a widget of
//! either age reads the other's list.

use serde::{Deserialize, Serialize};

use super::{Entry, Shortlist, Stamps, Synced};
use crate::money::{Cents, DEFAULT_AMOUNT};
use crate::states::State;

const STORAGE_VERSION: u32 = 1;

#[derive(Serialize)]
struct Stored<'a> {
    version: u32,
    entries: Vec<StoredEntry>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    removed: &'a [(String, u64)],
    #[serde(skip_serializing_if = "is_zero")]
    order_at: u64,
}

#[derive(Deserialize)]
struct RawStored {
    version: u32,
    entries: Vec<serde_json::Value>,
    /// Read leniently: a damaged list of removals only forgets removals.
    #[serde(default)]
    removed: serde_json::Value,
    #[serde(default)]
    order_at: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: String,
    name: String,
    amount_cents: u64,
    #[serde(default)]
    given: bool,
    /// USPS code; added later, so optional both ways (older widgets ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    /// When it was added, its amount set and its Given mark set (ms since the epoch).
    #[serde(default, skip_serializing_if = "is_zero")]
    added_at: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    amount_at: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    given_at: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Synced {
    /// Serializes for localStorage.
    pub fn to_storage_json(&self) -> String {
        let entries = self
            .list()
            .entries()
            .iter()
            .zip(self.stamps())
            .map(|(e, s)| StoredEntry {
                id: e.id.clone(),
                name: e.name.clone(),
                amount_cents: e.amount.0,
                given: e.given,
                state: e.state.map(|s| s.code().to_string()),
                added_at: s.added,
                amount_at: s.amount,
                given_at: s.given,
            })
            .collect();
        let stored = Stored { version: STORAGE_VERSION, entries, removed: self.removed(), order_at: self.order_at() };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// The shortlist saved in a browser (`None`: nothing saved), the notes for the reader, and
    /// whether the saved text is unreadable: then a new list starts, and the caller sets the
    /// text aside rather than overwrite it on the next save.
    pub fn from_saved(text: Option<&str>) -> (Synced, Vec<String>, bool) {
        match text.map(Synced::from_storage_json) {
            None => (Synced::default(), Vec::new(), false),
            Some(Ok((synced, notes))) => (synced, notes, false),
            Some(Err(problem)) => {
                (Synced::default(), vec![format!("{problem}; it was set aside and a new list started.")], true)
            }
        }
    }

    /// Reads what [`Synced::to_storage_json`] wrote. Damaged entries are skipped and
    /// described; text that is not a stored shortlist at all is an error.
    pub fn from_storage_json(text: &str) -> Result<(Synced, Vec<String>), String> {
        let raw: RawStored = serde_json::from_str(text).map_err(|e| format!("the saved shortlist is damaged ({e})"))?;
        if raw.version != STORAGE_VERSION {
            return Err(format!("the saved shortlist has version {}, which this widget cannot read", raw.version));
        }
        let mut problems = Vec::new();
        let mut list = Shortlist::default();
        let mut stamps = Vec::new();
        for (i, value) in raw.entries.into_iter().enumerate() {
            let Ok(stored) = serde_json::from_value::<StoredEntry>(value) else {
                problems.push(format!("saved entry {} was damaged and has been left out", i + 1));
                continue;
            };
            let amount = match Cents(stored.amount_cents).check_gift() {
                Ok(a) => a,
                Err(_) => {
                    problems.push(format!(
                        "the saved amount for {} was invalid and was reset to {DEFAULT_AMOUNT}",
                        stored.name
                    ));
                    DEFAULT_AMOUNT
                }
            };
            // An unreadable state only means the feed has to be seen again to learn it.
            let state = stored.state.as_deref().and_then(State::parse);
            let entry = Entry { id: stored.id, name: stored.name, amount, given: stored.given, state };
            if entry.id.is_empty() || list.insert(entry).is_err() {
                problems.push(format!("saved entry {} was a duplicate or empty and has been left out", i + 1));
                continue;
            }
            stamps.push(Stamps { added: stored.added_at, amount: stored.amount_at, given: stored.given_at });
        }
        let removed = serde_json::from_value::<Vec<(String, u64)>>(raw.removed).unwrap_or_default();
        Ok((Synced::from_parts(list, stamps, removed, raw.order_at), problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_removals_survive_a_save_and_older_lists_still_read() {
        let mut list = Shortlist::default();
        list.add("a", "A").unwrap();
        list.add("b", "B").unwrap();
        let synced = Synced::default().record(&list, 1_000);
        list.remove("a");
        list.set_amount("b", Cents(5_00)).unwrap();
        let synced = synced.record(&list, 2_000);
        let (read, notes) = Synced::from_storage_json(&synced.to_storage_json()).unwrap();
        assert_eq!((read, notes), (synced, vec![]));

        // Written by a widget from before the times: read, with no history.
        let old = r#"{"version":1,"entries":[{"id":"a","name":"A","amount_cents":2700,"given":true}]}"#;
        let (read, _) = Synced::from_storage_json(old).unwrap();
        assert_eq!(read.stamps(), [Stamps::default()]);
        // A list with no history is written as that widget wrote it: no times.
        assert!(!read.to_storage_json().contains("_at"), "{}", read.to_storage_json());
        assert!(read.list().get("a").unwrap().given);
        // Damaged removals only forget removals.
        let damaged = r#"{"version":1,"entries":[],"removed":"oops"}"#;
        assert!(Synced::from_storage_json(damaged).unwrap().0.removed().is_empty());
    }
}
