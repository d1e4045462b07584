//! Sharded feeds: an index file plus one feed file per state, for feeds too big for one file
//! (every U.S. elected official is about 500,000 people).
//!
//! - The **index** is a feed-format-v1 document with `meta` and `questions`, no officials, and
//!   a `shards` list: `[{"state": "MN", "url": "MN.json", "officials": 10234}]`.
//! - Each **shard** is a complete feed with the same `meta` and `questions`, holding the
//!   officials of one state, so any shard also opens on its own.
//!
//! [`split`] makes both from one feed. [`open`] tells an index from a feed and checks its list
//! of shards. A [`ShardedFeed`] then takes shards as they arrive, each read by [`load_json`]
//! like any feed, and checks what only the whole can: officials in the wrong file, questions
//! that differ from the index's, ids used in two files. [`ShardedFeed::combined`] gives one
//! [`Feed`] of the states loaded so far. Which states to load is decided here too
//! ([`wanted_states`], [`ShardedFeed::start_loading`], [`to_fetch`]), so the widget only fetches.//!
//! One concern per file: [`split`](split()) (`split.rs`), reading and checking an index
//! (`index.rs`), where state files may be (`urls.rs`), combining the files that arrive
//! (`combine.rs`), mapping a file's questions onto the index's (`questions.rs`), and which
//! states to load and how they are doing (`plan.rs`).

mod combine;
mod index;
mod plan;
mod questions;
mod split;
mod urls;

pub use combine::{ShardLoad, ShardStatus, ShardedFeed};
pub use index::{open, Opened, ShardEntry, ShardIndex};
pub use plan::{presence, progress, settled, state_choices, to_fetch, totals, wanted_states, Presence, Progress};
pub use split::{split, Split};
pub use urls::check_shard_url;

use crate::states::State;

/// The name `scorecard-feed split` gives the index.
pub const INDEX_FILE: &str = "index.json";

/// The name `scorecard-feed split` gives a state's file, e.g. `MN.json`.
pub fn shard_file_name(state: State) -> String {
    format!("{}.json", state.code())
}
