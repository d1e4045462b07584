//! `scorecard-feed diff OLD NEW`: reading the two sides. Two feeds are compared whole; two
//! indexes of sharded feeds state by state (each state's two files, then what moved between
//! states), so only two state files are held at a time; a feed and an index, by combining the
//! index's files into one feed first. The comparison and the formats are the core's
//! (`scorecard_core::diff`).

use std::collections::BTreeSet;
use std::path::Path;

use scorecard_core::date::Date;
use scorecard_core::diagnostics::{group_thousands, Report};
use scorecard_core::diff::{
    self, compare_officials, diff_officials, diff_parts, join_states, snapshots, FeedDiff, OfficialSnap, Renames,
};
use scorecard_core::feed::shards::{Opened, ShardIndex, ShardedFeed};
use scorecard_core::feed::{load_json, Feed};
use scorecard_core::states::State;

use crate::{load_shard_files, open_any, shard_path};

/// A diff and what reading the files said (a line each, for standard error).
pub struct Compared {
    pub diff: FeedDiff,
    pub notes: Vec<String>,
}

/// Compares the feeds (or sharded feeds' indexes) at `old` and `new`. An error when a side
/// cannot be read or has no usable feed.
pub fn diff_files(old: &Path, new: &Path) -> Result<Compared, String> {
    let mut notes = Vec::new();
    match (open_any(old, None, None)?, open_any(new, None, None)?) {
        (Opened::Index { index: Some(a), report: ra }, Opened::Index { index: Some(b), report: rb }) => {
            for (path, index, report) in [(old, &a, &ra), (new, &b, &rb)] {
                let problems = report.error_count() + report.warning_count();
                let files = index.shards.len();
                notes.push(format!(
                    "{}: an index of {files} state files ({problems} problems in the index)",
                    path.display()
                ));
            }
            diff_sharded(old, &a, new, &b, &mut notes).map(|diff| Compared { diff, notes })
        }
        (a, b) => {
            let a = whole(old, a, &mut notes)?;
            let b = whole(new, b, &mut notes)?;
            Ok(Compared { diff: diff::diff(&a, &b), notes })
        }
    }
}

/// One side as one feed (an index's state files combined).
fn whole(path: &Path, opened: Opened, notes: &mut Vec<String>) -> Result<Feed, String> {
    let loaded = match opened {
        Opened::Feed(loaded) => loaded,
        Opened::Index { index: None, report } => {
            return Err(format!("{}: the index cannot be used: {}", path.display(), first_error(&report)))
        }
        Opened::Index { index: Some(index), report } => {
            let mut sharded = ShardedFeed::new(index, report);
            let unreadable = load_shard_files(path, &mut sharded);
            if let Some(problem) = unreadable.first() {
                return Err(format!("{}: {problem}", path.display()));
            }
            notes.push(format!("{}: the index's state files, combined", path.display()));
            sharded.combined()
        }
    };
    notes.push(format!("{}: {}", path.display(), loaded.report.summary()));
    loaded.feed.ok_or_else(|| format!("{}: the feed cannot be used: {}", path.display(), first_error(&loaded.report)))
}

fn first_error(report: &Report) -> String {
    report.diagnostics.iter().find(|d| d.is_error()).map_or_else(|| report.summary(), ToString::to_string)
}

/// Each state's two files compared, then joined.
fn diff_sharded(
    old_path: &Path,
    old: &ShardIndex,
    new_path: &Path,
    new: &ShardIndex,
    notes: &mut Vec<String>,
) -> Result<FeedDiff, String> {
    let states: BTreeSet<State> = old.shards.iter().chain(&new.shards).map(|s| s.state).collect();
    let (mut loaded, mut skipped) = ([0usize; 2], [0usize; 2]);
    let mut per_state = Vec::with_capacity(states.len());
    for state in states {
        let a = state_file(old_path, old, state)?;
        let b = state_file(new_path, new, state)?;
        for (i, feed) in [&a, &b].into_iter().enumerate() {
            if let Some((feed, report)) = feed {
                loaded[i] += feed.officials.len();
                skipped[i] += report.skipped;
            }
        }
        per_state.push(match (&a, &b) {
            (Some((a, _)), Some((b, _))) => compare_officials(a, b, Renames::Later),
            _ => diff_officials(officials(&a), officials(&b), Renames::Later),
        });
    }
    for (i, path) in [old_path, new_path].into_iter().enumerate() {
        let (loaded, skipped) = (group_thousands(loaded[i] as u64), group_thousands(skipped[i] as u64));
        notes.push(format!("{}: state files: {loaded} loaded, {skipped} skipped", path.display()));
    }
    Ok(join_states(diff_parts(&old.feed, &new.feed), per_state))
}

fn officials(side: &Option<(Feed, Report)>) -> Vec<OfficialSnap<'_>> {
    side.as_ref().map(|(feed, _)| snapshots(feed)).unwrap_or_default()
}

/// A state's file of a sharded feed, read next to its index; `None` when the index does not
/// list the state.
fn state_file(index_path: &Path, index: &ShardIndex, state: State) -> Result<Option<(Feed, Report)>, String> {
    let Some(entry) = index.entry(state) else { return Ok(None) };
    let path = shard_path(index_path, &entry.url).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = load_json(&bytes);
    match loaded.feed {
        Some(feed) => Ok(Some((feed, loaded.report))),
        None => Err(format!("{}: the feed cannot be used: {}", path.display(), first_error(&loaded.report))),
    }
}

/// The Atom feed's date: `--date`, else the new feed's "data as of", else today (UTC).
pub fn atom_date(given: Option<&str>, diff: &FeedDiff) -> Result<Date, String> {
    if let Some(text) = given {
        return Date::parse_iso(text.trim()).ok_or_else(|| format!("--date {text}: not a date like 2024-02-01"));
    }
    if let Some(updated) = diff.about.updated {
        return Ok(updated);
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| format!("the clock is before 1970: {e}"))?
        .as_secs();
    Date::from_unix_days((secs / 86_400) as i64).ok_or_else(|| "the clock's date is out of range".to_string())
}
