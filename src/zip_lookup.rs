//! The ZIP code lookup's browser side: which table to ask, the one file fetched per lookup (kept
//! as a last good copy, like the feed, so a lookup works offline once that file has been
//! fetched). What is shown, and the words, come from
//! `scorecard_core::zip_lookup`; the reducer (`state.rs`) holds the lookup's state.
//!
//! Privacy: the ZIP code goes nowhere but into localStorage (per widget) and, as its first three
//! digits, into the name of the one table file requested (`054.json`).

use std::rc::Rc;

use scorecard_core::feed::Feed;
use scorecard_core::zip_lookup::{choose_table, TableProblem};
use scorecard_core::zip_table::Zip;

use crate::browser::fetch::{self, FetchError};
use crate::browser::{feed_cache, location};
use crate::lazy::Part;
use crate::lookup::Lookup;
use crate::options::WidgetOptions;
use crate::state::ZipArrival;

/// The table's folder: the embedder's, else the feed's (relative to the feed), else the widget's.
pub(crate) fn table_url(options: &WidgetOptions, feed: &Feed) -> String {
    let feed_url = location::absolute(&options.feed);
    let from_feed = feed.meta.zip_table.as_deref().map(|table| location::resolve(table, &feed_url));
    choose_table(options.embed.zip_table.clone(), from_feed, options.own_zip_table.clone()).1
}

/// Fetches the one table file for `zip`, and the lookup's part that reads it (side by side). A
/// missing file (404) means the table knows no ZIP code with those first digits. When the file
/// cannot be had or read, the copy saved the last time it was fetched is used, if this browser
/// has one.
pub(crate) async fn fetch_shard(table: &str, zip: Zip, timeout_secs: u32) -> ZipArrival {
    Lookup::preload();
    let url = location::resolve(&zip.shard_url(table), &location::page_url());
    let fetched = fetch::fetch_bytes(&url, timeout_secs).await;
    let Ok(part) = Lookup::load().await else { return Err(crate::state::not_loaded(&zip)) };
    let problem = match fetched {
        Ok((bytes, _)) => match (part.parse_shard)(&bytes) {
            Ok(shard) => {
                feed_cache::store_soon(url, bytes);
                return Ok(Some(Rc::new(shard)));
            }
            Err(why) => TableProblem::Unreadable(why),
        },
        Err(FetchError::Status { status: 404, .. }) => return Ok(None),
        Err(FetchError::Status { status, .. }) => TableProblem::Status(status),
        Err(FetchError::Network { .. }) => TableProblem::Unreachable,
        Err(FetchError::Interrupted { .. }) => TableProblem::Interrupted,
        Err(FetchError::TimedOut { seconds, .. }) => TableProblem::TimedOut { seconds },
    };
    match feed_cache::load(&url).await.and_then(|(bytes, _)| (part.parse_shard)(&bytes).ok()) {
        Some(saved) => Ok(Some(Rc::new(saved))),
        None => Err(problem.message(&zip)),
    }
}
