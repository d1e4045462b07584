//! A sharded feed being loaded: state files in, each checked against the index, one combined
//! feed out.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::index::{ShardEntry, ShardIndex};
use super::questions::QuestionMap;
use crate::diagnostics::{group_thousands, Diagnostic, LineIndex, Location, Report};
use crate::feed::json::offset_in;
use crate::feed::lookup::{id_hash, Interner};
use crate::feed::model::{NameTexts, Official};
use crate::feed::{load_json, Feed, Loaded};
use crate::source;
use crate::states::{State, StateSet};
use crate::text::clean;

/// Where one state file stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShardLoad {
    NotLoaded,
    Loading,
    Loaded,
    /// Could not be fetched or read; the message says why, for readers.
    Failed(crate::i18n::Msg),
}

/// A state of a sharded feed: its entry in the index, and whether its file is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardStatus {
    pub entry: ShardEntry,
    pub load: ShardLoad,
}

/// The officials of one loaded file, with the file's own position and party tables.
#[derive(Clone, Debug)]
struct ShardOfficials {
    officials: Vec<Official>,
    positions: Vec<String>,
    parties: Vec<String>,
}

/// A sharded feed being loaded: the index and the state files read so far.
#[derive(Clone, Debug)]
pub struct ShardedFeed {
    index: ShardIndex,
    index_report: Report,
    /// In the index's order (state codes).
    statuses: Vec<ShardStatus>,
    officials: BTreeMap<State, ShardOfficials>,
    /// What reading each file reported, located in that file.
    reports: BTreeMap<State, Report>,
    /// Every loaded official's id, and the state whose file has it: ids must be unique across
    /// files as within one.
    ids: HashMap<String, State>,
}

impl ShardedFeed {
    pub fn new(index: ShardIndex, index_report: Report) -> ShardedFeed {
        let statuses =
            index.shards.iter().map(|entry| ShardStatus { entry: entry.clone(), load: ShardLoad::NotLoaded }).collect();
        ShardedFeed {
            index,
            index_report,
            statuses,
            officials: BTreeMap::new(),
            reports: BTreeMap::new(),
            ids: HashMap::new(),
        }
    }

    pub fn index(&self) -> &ShardIndex {
        &self.index
    }

    pub fn statuses(&self) -> &[ShardStatus] {
        &self.statuses
    }

    /// States whose file is loaded.
    pub fn loaded_states(&self) -> StateSet {
        self.statuses.iter().filter(|s| s.load == ShardLoad::Loaded).map(|s| s.entry.state).collect()
    }

    fn status_mut(&mut self, state: State) -> Option<&mut ShardStatus> {
        self.statuses.iter_mut().find(|s| s.entry.state == state)
    }

    /// Marks the `wanted` states that still have to be fetched (see [`to_fetch`]) as loading,
    /// and returns their entries: the files to fetch now.
    pub fn start_loading(&mut self, wanted: StateSet) -> Vec<ShardEntry> {
        let mut started = Vec::new();
        for status in &mut self.statuses {
            if wanted.contains(status.entry.state) && status.load == ShardLoad::NotLoaded {
                status.load = ShardLoad::Loading;
                started.push(status.entry.clone());
            }
        }
        started
    }

    /// Lets a state whose file failed be fetched again by [`ShardedFeed::start_loading`].
    pub fn retry(&mut self, state: State) {
        if let Some(status) = self.status_mut(state) {
            if matches!(status.load, ShardLoad::Failed(_)) {
                status.load = ShardLoad::NotLoaded;
            }
        }
    }

    /// The file of `state` could not be fetched; `message` says why, for readers.
    pub fn fail(&mut self, state: State, message: impl Into<crate::i18n::Msg>) {
        if let Some(status) = self.status_mut(state) {
            if status.load != ShardLoad::Loaded {
                status.load = ShardLoad::Failed(message.into());
            }
        }
    }

    /// Reads the file of `state`. Its problems go into the combined report, located in the
    /// file; a file that cannot be read at all marks the state as failed. A state not in the
    /// index, or already loaded, is ignored.
    pub fn add_shard(&mut self, state: State, bytes: &[u8]) {
        let Some(status) = self.statuses.iter().find(|s| s.entry.state == state) else { return };
        if status.load == ShardLoad::Loaded {
            return;
        }
        let entry = status.entry.clone();
        let file = entry.url.as_str();
        let Loaded { feed, report: read } = load_json(bytes);
        let mut report = Report {
            diagnostics: read.diagnostics.into_iter().map(|d| in_file(d, file)).collect(),
            loaded: 0,
            skipped: read.skipped,
            ..Report::default()
        };
        let Some(feed) = feed else {
            let first = report.diagnostics.iter().find(|d| d.is_error()).map(|d| format!(" {d}")).unwrap_or_default();
            self.reports.insert(state, report);
            // `first` is the validator's words, in English.
            self.fail(state, crate::i18n::Msg::new("load.state_unreadable").state("state", state).text("first", first));
            return;
        };
        // Locations are needed only for problems, so the text is searched only when one turns up.
        let text = source::decode(bytes).unwrap_or("");
        let mut finder: Option<RecordFinder> = None;
        let mut locate =
            |id: &str, field: &str| finder.get_or_insert_with(|| RecordFinder::new(text)).locate(file, id, field);

        let questions = QuestionMap::new(&self.index.feed.questions, &feed.questions);
        let records = feed.officials.len() + report.skipped;
        if let Some(listed) = entry.officials.filter(|n| *n as usize != records) {
            report.push(Diagnostic::warning(
                Location::Json { path: file.to_string(), line: 1, column: 1 },
                format!(
                    "the index says this file has {} officials, but it has {}",
                    group_thousands(u64::from(listed)),
                    group_thousands(records as u64)
                ),
            ));
        }
        let mut kept = Vec::with_capacity(feed.officials.len());
        let mut unmatched_stances = 0;
        for mut official in feed.officials {
            if official.state != state {
                report.push(Diagnostic::error(
                    locate(&official.id, "state"),
                    format!(
                        "{} is in {}, but this file holds the officials of {}; skipped",
                        official.name,
                        official.state.name(),
                        state.name()
                    ),
                ));
                report.skipped += 1;
                continue;
            }
            if let Some(other) = self.ids.get(&official.id) {
                let other_file = self.index.entry(*other).map_or("another file", |e| e.url.as_str());
                report.push(Diagnostic::error(
                    locate(&official.id, "id"),
                    format!(
                        "the id \"{}\" is already used by an official in {other_file}; {} skipped",
                        official.id, official.name
                    ),
                ));
                report.skipped += 1;
                continue;
            }
            if let Some(map) = &questions {
                unmatched_stances += map.apply(&mut official, &self.index.feed.questions);
            }
            kept.push(official);
        }
        if let Some(map) = &questions {
            let mut message = format!(
                "the questions differ from the index's ({}); officials are shown with the index's questions",
                map.differences.join("; ")
            );
            if unmatched_stances > 0 {
                message.push_str(&format!(
                    ", and {} {} the index does not have {} shown as the question's default or as not rated",
                    unmatched_stances,
                    if unmatched_stances == 1 { "stance" } else { "stances" },
                    if unmatched_stances == 1 { "is" } else { "are" }
                ));
            }
            report.push(Diagnostic::warning(top_level_location(text, file, "questions"), message));
        }
        for official in &kept {
            self.ids.insert(official.id.clone(), state);
        }
        report.loaded = kept.len();
        self.reports.insert(state, report);
        self.officials
            .insert(state, ShardOfficials { officials: kept, positions: feed.positions, parties: feed.parties });
        if let Some(status) = self.status_mut(state) {
            status.load = ShardLoad::Loaded;
        }
    }

    /// One feed of the states loaded so far (the index's meta and questions, the officials of
    /// every loaded file, in state order), and everything reading the index and the files
    /// reported.
    pub fn combined(&self) -> Loaded {
        let mut positions = Interner::default();
        let mut parties = Interner::default();
        let total = self.officials.values().map(|s| s.officials.len()).sum();
        let mut officials = Vec::with_capacity(total);
        for shard in self.officials.values() {
            // Each file numbers its positions and parties itself; renumber them for the whole.
            let position_map: Vec<u32> = shard.positions.iter().map(|p| positions.intern(p)).collect();
            let party_map: Vec<u32> = shard.parties.iter().map(|p| parties.intern(p)).collect();
            officials.extend(shard.officials.iter().map(|official| {
                let mut official = official.clone();
                official.position = official.position.and_then(|p| position_map.get(p as usize).copied());
                official.party = official.party.and_then(|p| party_map.get(p as usize).copied());
                official
            }));
        }
        let mut report = self.index_report.clone();
        for shard_report in self.reports.values() {
            report.diagnostics.extend(shard_report.diagnostics.iter().cloned());
            report.skipped += shard_report.skipped;
        }
        report.loaded = officials.len();
        let id_hashes = officials.iter().enumerate().map(|(i, o)| (id_hash(&o.id), i as u32)).collect();
        let names = NameTexts::of(&officials);
        let feed = Feed::assemble(
            self.index.feed.meta.clone(),
            self.index.feed.questions.clone(),
            officials,
            names,
            id_hashes,
            positions.table,
            parties.table,
        );
        Loaded { feed: Some(feed), report }
    }
}

/// A diagnostic of a state file, with the file's name in front of its location.
fn in_file(diagnostic: Diagnostic, file: &str) -> Diagnostic {
    let location = match diagnostic.location {
        Location::Json { path, line, column } if path.is_empty() => Location::Json { path: file.into(), line, column },
        Location::Json { path, line, column } => Location::Json { path: format!("{file}, {path}"), line, column },
        Location::Input | Location::Csv { .. } | Location::Record { .. } => {
            Location::Json { path: file.into(), line: 1, column: 1 }
        }
    };
    Diagnostic { location, ..diagnostic }
}

/// Where a top-level field of a file is, e.g. its `questions`.
fn top_level_location(text: &str, file: &str, field: &str) -> Location {
    let found = serde_json::from_str::<HashMap<String, &RawValue>>(text).ok().and_then(|fields| {
        let raw = fields.get(field)?;
        Some(LineIndex::new(text).line_column(offset_in(text, raw)))
    });
    let (line, column) = found.unwrap_or((1, 1));
    Location::Json { path: format!("{file}, {field}"), line, column }
}

/// Finds officials' records in a file's text by id, to say where a problem is.
struct RecordFinder<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// Cleaned id → (position in the list, the record's fields).
    by_id: HashMap<String, (usize, HashMap<String, &'a RawValue>)>,
    list_at: Option<usize>,
}

impl<'a> RecordFinder<'a> {
    fn new(text: &'a str) -> Self {
        #[derive(Deserialize)]
        struct Officials<'a> {
            #[serde(borrow, default)]
            officials: Option<&'a RawValue>,
        }
        let list = serde_json::from_str::<Officials>(text).ok().and_then(|o| o.officials);
        let items = list.and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok()).unwrap_or_default();
        let mut by_id = HashMap::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let Ok(fields) = serde_json::from_str::<HashMap<String, &RawValue>>(item.get()) else { continue };
            let id = match fields.get("id").and_then(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).ok()) {
                Some(serde_json::Value::String(id)) => clean(&id),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            by_id.entry(id).or_insert((i, fields));
        }
        RecordFinder { text, lines: LineIndex::new(text), by_id, list_at: list.map(|raw| offset_in(text, raw)) }
    }

    fn locate(&self, file: &str, id: &str, field: &str) -> Location {
        let (path, offset) = match self.by_id.get(id) {
            Some((i, fields)) => {
                let offset = fields.get(field).or_else(|| fields.get("id")).map(|raw| offset_in(self.text, raw));
                (format!("{file}, officials[{i}].{field}"), offset)
            }
            // An id the loader made up (the record has none): point at the list.
            None => (format!("{file}, officials"), self.list_at),
        };
        let (line, column) = offset.map_or((1, 1), |o| self.lines.line_column(o));
        Location::Json { path, line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_go_in_front_of_locations() {
        let d = Diagnostic::error(Location::Json { path: "officials[2].state".into(), line: 9, column: 5 }, "x");
        assert_eq!(in_file(d, "MN.json").to_string(), "error: MN.json, officials[2].state (line 9, column 5): x");
        let d = Diagnostic::error(Location::Input, "the file is empty");
        assert_eq!(in_file(d, "MN.json").to_string(), "error: MN.json (line 1, column 1): the file is empty");
    }
}
