//! Reading an index: telling it from a feed, and checking its list of state files.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::urls::check_shard_url;
use crate::diagnostics::{Diagnostic, LineIndex, Location, Report};
use crate::feed::json::offset_in;
use crate::feed::{load_json, Feed, Loaded};
use crate::source;
use crate::states::State;
use crate::text::{self, clean};

/// One state file, as listed in a checked index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardEntry {
    pub state: State,
    /// As written in the index (checked by [`check_shard_url`]): relative to the index's
    /// address, or an absolute `https://` URL.
    pub url: String,
    /// How many officials the file holds, according to the index; `None` when it gives no
    /// usable count.
    pub officials: Option<u32>,
}

/// A checked index: the feed's meta and questions (as a [`Feed`] with no officials) and its
/// state files, in state-code order, each state once.
#[derive(Clone, Debug, PartialEq)]
pub struct ShardIndex {
    pub feed: Feed,
    pub shards: Vec<ShardEntry>,
}

impl ShardIndex {
    pub fn entry(&self, state: State) -> Option<&ShardEntry> {
        self.shards.iter().find(|s| s.state == state)
    }
}

/// What a JSON document turned out to be.
#[derive(Debug)]
pub enum Opened {
    /// An ordinary feed, read by [`load_json`].
    Feed(Loaded),
    /// The index of a sharded feed; `index` is `None` when it is unusable (the report says why).
    Index { index: Option<ShardIndex>, report: Report },
}

/// Reads a JSON document that may be a feed or the index of a sharded feed. Never panics.
///
/// A document is an index when it has a `shards` list and no officials. Ordinary feeds cost
/// nothing extra: the document is looked at again only when it has no officials.
pub fn open(bytes: &[u8]) -> Opened {
    let loaded = load_json(bytes);
    let records = loaded.feed.as_ref().map_or(0, |f| f.officials.len()) + loaded.report.skipped;
    if records > 0 {
        return Opened::Feed(loaded);
    }
    let Ok(text) = source::decode(bytes) else { return Opened::Feed(loaded) };
    let Ok(Probe { shards: Some(shards), officials }) = serde_json::from_str::<Probe>(text) else {
        return Opened::Feed(loaded);
    };
    let Loaded { feed, mut report } = loaded;
    if officials.is_none() {
        // An index may leave out "officials"; for a feed that is an error, here it is not.
        report.diagnostics.retain(|d| !is_at(d, "officials"));
    }
    let lines = LineIndex::new(text);
    let shards = read_entries(text, &lines, shards, &mut report);
    let index = match feed {
        Some(_) if shards.is_empty() => {
            report.push(Diagnostic::error(
                Location::Json { path: "shards".into(), line: 1, column: 1 },
                "the index lists no usable state file, so there is nothing to show",
            ));
            None
        }
        Some(feed) => Some(ShardIndex { feed, shards }),
        None => None,
    };
    Opened::Index { index, report }
}

fn is_at(diagnostic: &Diagnostic, field: &str) -> bool {
    matches!(&diagnostic.location, Location::Json { path, .. } if path == field)
}

/// The two top-level fields that make a document an index.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow, default)]
    shards: Option<&'a RawValue>,
    #[serde(borrow, default)]
    officials: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct EntryFields<'a> {
    #[serde(borrow, default)]
    state: Option<&'a RawValue>,
    #[serde(borrow, default)]
    url: Option<&'a RawValue>,
    #[serde(borrow, default)]
    officials: Option<&'a RawValue>,
}

const ENTRY_EXAMPLE: &str = r#"{ "state": "MN", "url": "MN.json", "officials": 120 }"#;

/// Reads the `shards` list: a bad entry is reported where it is and left out; the rest load.
fn read_entries(text: &str, lines: &LineIndex<'_>, raw: &RawValue, report: &mut Report) -> Vec<ShardEntry> {
    let at = |raw: &RawValue, path: String| {
        let (line, column) = lines.line_column(offset_in(text, raw));
        Location::Json { path, line, column }
    };
    let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
        report.push(Diagnostic::error(
            at(raw, "shards".into()),
            format!("\"shards\" must be a list like [{ENTRY_EXAMPLE}]"),
        ));
        return Vec::new();
    };
    let mut entries: Vec<(ShardEntry, Location)> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let path = |field: &str| if field.is_empty() { format!("shards[{i}]") } else { format!("shards[{i}].{field}") };
        let fields =
            item.get().starts_with('{').then(|| serde_json::from_str::<EntryFields>(item.get()).ok()).flatten();
        let Some(fields) = fields else {
            report.push(Diagnostic::error(
                at(item, path("")),
                format!("expected an object like {ENTRY_EXAMPLE}; entry skipped"),
            ));
            continue;
        };
        let Some(state_raw) = fields.state else {
            report
                .push(Diagnostic::error(at(item, path("")), "the required field \"state\" is missing; entry skipped"));
            continue;
        };
        let state_text = serde_json::from_str::<String>(state_raw.get()).ok();
        let Some(state) = state_text.as_deref().and_then(State::parse) else {
            let message = match state_text {
                Some(t) => format!(
                    "\"{}\" is not a U.S. state or territory code (like VT, DC or PR); entry skipped",
                    text::truncate(&clean(&t), 40)
                ),
                None => "the state must be text, like \"MN\"; entry skipped".to_string(),
            };
            report.push(Diagnostic::error(at(state_raw, path("state")), message));
            continue;
        };
        if let Some((_, first)) = entries.iter().find(|(e, _)| e.state == state) {
            report.push(Diagnostic::error(
                at(state_raw, path("state")),
                format!("{} is already listed at {first}; this entry is skipped", state.code()),
            ));
            continue;
        }
        let Some(url_raw) = fields.url else {
            report.push(Diagnostic::error(
                at(item, path("")),
                format!("the required field \"url\" is missing; {} is left out", state.name()),
            ));
            continue;
        };
        let url = match serde_json::from_str::<String>(url_raw.get()) {
            Ok(url) => check_shard_url(&url),
            Err(_) => Err("the url must be text, like \"MN.json\"".to_string()),
        };
        let url = match url {
            Ok(url) => url,
            Err(problem) => {
                report.push(Diagnostic::error(
                    at(url_raw, path("url")),
                    format!("{problem}; {} is left out", state.name()),
                ));
                continue;
            }
        };
        let officials = match fields.officials {
            None => {
                report.push(Diagnostic::warning(
                    at(item, path("")),
                    format!(
                        "the index does not say how many officials {} has; it is listed without a count",
                        state.name()
                    ),
                ));
                None
            }
            Some(raw) => {
                let count = read_count(raw);
                if let Err(problem) = &count {
                    report.push(Diagnostic::warning(
                        at(raw, path("officials")),
                        format!("{problem}; {} is listed without a count", state.name()),
                    ));
                }
                count.ok()
            }
        };
        entries.push((ShardEntry { state, url, officials }, at(item, path(""))));
    }
    let mut entries: Vec<ShardEntry> = entries.into_iter().map(|(entry, _)| entry).collect();
    entries.sort_by_key(|e| e.state);
    entries
}

/// A count of officials: a whole number from 0 up.
fn read_count(raw: &RawValue) -> Result<u32, String> {
    let number = match serde_json::from_str::<serde_json::Value>(raw.get()) {
        Ok(serde_json::Value::Number(n)) => n,
        _ => return Err("the number of officials must be a whole number, like 120".into()),
    };
    if let Some(count) = number.as_u64() {
        return u32::try_from(count).map_err(|_| format!("{number} officials is more than a feed can hold"));
    }
    if number.as_f64().is_some_and(|n| n < 0.0) {
        return Err(format!("the number of officials cannot be negative ({number})"));
    }
    Err(format!("the number of officials must be a whole number, not {number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers() {
        let count = |json: &str| read_count(&serde_json::from_str::<Box<RawValue>>(json).unwrap());
        assert_eq!(count("120"), Ok(120));
        assert_eq!(count("0"), Ok(0));
        assert!(count("-3").unwrap_err().contains("negative (-3)"));
        assert!(count("1.5").unwrap_err().contains("whole number, not 1.5"));
        assert!(count("\"12\"").unwrap_err().contains("whole number"));
        assert!(count("99999999999").unwrap_err().contains("more than"));
    }
}
