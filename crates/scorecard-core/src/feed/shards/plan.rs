//! Which states to load, for the widget, and how they are doing.

use super::combine::{ShardLoad, ShardStatus};
use crate::feed::Feed;
use crate::shortlist::{Entry, Shortlist};
use crate::states::{State, StateSet};

/// The states whose files a reader needs: those in the view, those of the officials on their
/// shortlist, and those of a list shared with them (`shared`, from the link's `ls`).
pub fn wanted_states(view: StateSet, shortlist: &Shortlist, shared: StateSet) -> StateSet {
    view.iter().chain(shortlist.states().iter()).chain(shared.iter()).collect()
}

/// The `wanted` states whose file still has to be fetched: listed in the index, and not
/// loaded, loading or failed (a failed file is fetched again only when the reader asks).
pub fn to_fetch(statuses: &[ShardStatus], wanted: StateSet) -> StateSet {
    statuses
        .iter()
        .filter(|s| wanted.contains(s.entry.state) && s.load == ShardLoad::NotLoaded)
        .map(|s| s.entry.state)
        .collect()
}

/// Whether nothing more will arrive for `states` without the reader asking: each one the index
/// lists is loaded or has failed.
pub fn settled(statuses: &[ShardStatus], states: StateSet) -> bool {
    statuses
        .iter()
        .filter(|s| states.contains(s.entry.state))
        .all(|s| matches!(s.load, ShardLoad::Loaded | ShardLoad::Failed(_)))
}

/// How the files of the chosen states are doing, for a note above the results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Chosen states whose files are on their way.
    pub loading: Vec<State>,
    /// Chosen states whose files failed, with why.
    pub failed: Vec<(State, crate::i18n::Msg)>,
}

pub fn progress(statuses: &[ShardStatus], chosen: StateSet) -> Progress {
    let mut progress = Progress::default();
    for status in statuses.iter().filter(|s| chosen.contains(s.entry.state)) {
        match &status.load {
            ShardLoad::Loading => progress.loading.push(status.entry.state),
            ShardLoad::Failed(why) => progress.failed.push((status.entry.state, why.clone())),
            ShardLoad::NotLoaded | ShardLoad::Loaded => {}
        }
    }
    progress
}

/// The state picker's choices for a sharded feed: every state in the index, with how many
/// officials picking it would show: from `facet_states` (the filter's counts, indexed by
/// [`State::index`]) once its file is loaded, from the index's count before.
pub fn state_choices(statuses: &[ShardStatus], facet_states: &[u32]) -> Vec<(State, u32)> {
    statuses
        .iter()
        .map(|s| {
            let count = match s.load {
                ShardLoad::Loaded => facet_states.get(s.entry.state.index()).copied().unwrap_or(0),
                _ => s.entry.officials.unwrap_or(0),
            };
            (s.entry.state, count)
        })
        .collect()
}

/// Officials (as the index counts them) and states in a sharded feed: "1,015 officials in 51
/// states".
pub fn totals(statuses: &[ShardStatus]) -> (u64, usize) {
    (statuses.iter().filter_map(|s| s.entry.officials).map(u64::from).sum(), statuses.len())
}

/// Whether a shortlisted official can be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    InFeed,
    /// In a state file not loaded (yet): not to be called gone.
    NotLoaded,
    /// Not in the feed: their state's file is loaded and does not have them, or the feed is not
    /// sharded.
    Gone,
}

/// Where a shortlisted official is. `shards` is `None` for an ordinary feed.
pub fn presence(feed: &Feed, entry: &Entry, shards: Option<&[ShardStatus]>) -> Presence {
    if feed.official_index(&entry.id).is_some() {
        return Presence::InFeed;
    }
    let Some(statuses) = shards else { return Presence::Gone };
    // Without a remembered state (saved by an older version) there is no telling: not gone.
    let Some(state) = entry.state else { return Presence::NotLoaded };
    match statuses.iter().find(|s| s.entry.state == state) {
        Some(status) if status.load == ShardLoad::Loaded => Presence::Gone,
        Some(_) => Presence::NotLoaded,
        // The index no longer has their state at all.
        None => Presence::Gone,
    }
}
