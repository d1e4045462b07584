//! The pure core of Scorecard.
//!
//! Everything that decides *what* the widget shows lives here, with no web dependency
//! (no yew, web-sys, wasm-bindgen or gloo), so it can be tested natively and reused by the
//! command-line tool. The widget and the CLI are thin shells over this crate.
//!
//! - [`feed`]: the feed format (wire types), JSON parsing and validation into a [`feed::Feed`].
//! - [`csv_import`]: spreadsheets to feeds, with column auto-detection and explicit mappings.
//! - [`filter`]: filters, sorting and facet counts over a feed.
//! - [`shortlist`] and [`money`]: the donation shortlist and its amounts.
//! - [`share_link`]: the versioned URL-fragment codec for views and shortlists.
//! - [`diff`]: what changed between two versions of a feed, applicable, in words and as Atom.
//! - [`compare`]: officials side by side: who can be picked, and the comparison's words.
//! - [`since`]: "changed since your last visit": what a reader saw, kept as fingerprints, and
//!   what changed since.
//! - [`stats`]: counts per state and stance, for organizers.
//! - [`source`] and [`text`]: bytes to text, JSON or CSV, cleaning and folding text for search.
//! - [`embed`]: the embed options (`data-*` attributes) read and written, and the snippet.
//! - [`donate`]: donate links with amount and refcode, for safe (https) URLs only.
//! - [`export`]: CSV downloads of the filtered view and the shortlist.
//! - [`zip_table`]: ZIP tables (one small file per ZIP prefix): building, reading, looking up.
//! - [`your_officials`]: a ZIP code's districts → the officials who represent it.
//! - [`zip_lookup`]: what the widget's lookup shows and keeps: which table, the saved ZIP code,
//!   the messages, and the words around the results.
//! - [`next_step`] and [`give_run`]: each official's next step (give, find a donation page,
//!   contact) and the guided "Give to each" run over the shortlist.
//! - [`roster`] and [`join`]: congress-legislators rosters to feeds, and stances taken from
//!   another feed by name and state (used by the command-line tool to build feeds).
//! - [`app_state`]: the widget's state and its reducer: every change a reader can make.
//! - [`i18n`]: the catalogues (one per language), messages as a key and arguments, and how
//!   numbers, money, dates and plurals are written (`Intl` in the browser).
//! - [`wording`] and [`describe`]: counts and summaries in words; how an official is described.
//! - [`tile_map`]: the tile-grid map of the states: tiles, shares, shades, names, arrow keys.
//! - [`list_window`], [`storage_key`]: which rows of a long list to render; where the widget
//!   keeps things in the browser.
//! - [`fuzzing`]: the fuzz targets' harnesses and the invariants they check.
//!
//! Untrusted input (feed bytes, CSV bytes, link fragments, stored JSON) never panics here:
//! every problem becomes a [`diagnostics::Diagnostic`] or an error value with a plain message.

pub mod app_state;
pub mod compare;
pub mod csv_import;
pub mod date;
pub mod describe;
pub mod diagnostics;
pub mod diff;
pub mod donate;
pub mod embed;
pub mod export;
pub mod feed;
pub mod filter;
pub mod fuzzing;
pub mod give_run;
pub mod i18n;
pub mod join;
pub mod link;
pub mod list_window;
pub mod money;
pub mod next_step;
pub mod roster;
pub mod share_link;
pub mod shortlist;
pub mod since;
pub mod source;
pub mod states;
pub mod stats;
pub mod storage_key;
pub mod text;
pub mod tile_map;
pub mod wording;
pub mod your_officials;
pub mod zip_lookup;
pub mod zip_table;

#[cfg(feature = "schema")]
pub mod schema;
