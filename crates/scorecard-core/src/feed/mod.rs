//! Feeds: the format (format version 1.1), reading it from JSON, and checking it.
//!
//! - [`doc`]: the wire types, exactly as published (and the source of the JSON Schema).
//! - [`json`]: JSON bytes → records, located to line:column.
//! - [`validate`]: records → a checked [`Feed`], with diagnostics.
//! - [`model`]: the checked feed the widget filters and renders.
//! - [`language`]: a feed's language, its translations, which text a reader sees.
//! - [`shards`]: feeds too big for one file: an index plus one file per state.
//! - `lookup`: FNV-1a and the fast lookups loading uses.

pub mod columns;
pub mod doc;
pub mod json;
pub mod language;
pub(crate) mod lookup;
pub mod model;
pub mod shards;
pub mod validate;

pub use doc::FeedDoc;
pub use json::{load_json, load_json_fast};
pub use model::{Evidence, Feed, Identifier, Meta, NamedLink, Official, Question, Stance, StanceIx, StanceRecord};

use crate::diagnostics::Report;

/// The result of loading a feed: the feed, if anything usable was found, and the report of
/// what was wrong with the input.
#[derive(Debug)]
pub struct Loaded {
    pub feed: Option<Feed>,
    pub report: Report,
}

/// Serializes a feed document as the canonical JSON the tools write: pretty-printed with two
/// spaces and a final newline, so committed feeds diff well.
pub fn to_json_pretty(doc: &FeedDoc) -> String {
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_default();
    out.push('\n');
    out
}
