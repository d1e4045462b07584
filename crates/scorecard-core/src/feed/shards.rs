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
//! ([`wanted_states`], [`ShardedFeed::start_loading`], [`to_fetch`]), so the widget only fetches.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::doc::{FeedDoc, OfficialDoc, ShardDoc};
use super::json::offset_in;
use super::model::{Official, Question, StanceIx, StanceRecord};
use super::validate::Interner;
use super::{load_json, Feed, Loaded};
use crate::diagnostics::{group_thousands, Diagnostic, LineIndex, Location, Report};
use crate::link;
use crate::shortlist::{Entry, Shortlist};
use crate::source;
use crate::states::{State, StateSet};
use crate::text::{self, clean};

/// The name `scorecard-feed split` gives the index.
pub const INDEX_FILE: &str = "index.json";

/// The name `scorecard-feed split` gives a state's file, e.g. `MN.json`.
pub fn shard_file_name(state: State) -> String {
    format!("{}.json", state.code())
}

// ---------------------------------------------------------------- splitting

/// A feed cut into an index and one feed per state.
#[derive(Clone, Debug, PartialEq)]
pub struct Split<'a> {
    /// Meta and questions, no officials, and a `shards` entry per state (in code order).
    pub index: FeedDoc<'a>,
    /// One complete feed per state, in code order, named by [`shard_file_name`] in the index.
    pub shards: Vec<(State, FeedDoc<'a>)>,
    /// Names of officials whose state is not a known code: in no shard.
    pub unplaced: Vec<String>,
}

/// Splits a feed by state. Officials keep their order within each state.
pub fn split<'a>(doc: &FeedDoc<'a>) -> Split<'a> {
    let mut by_state: BTreeMap<State, Vec<OfficialDoc<'a>>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for official in &doc.officials {
        match State::parse(&official.state) {
            Some(state) => by_state.entry(state).or_default().push(official.clone()),
            None => unplaced.push(official.name.to_string()),
        }
    }
    // Meta and questions only: cloning `doc` whole would copy every official once more.
    let shell = FeedDoc {
        schema: doc.schema.clone(),
        format_version: doc.format_version,
        meta: doc.meta.clone(),
        questions: doc.questions.clone(),
        officials: Vec::new(),
        shards: Vec::new(),
    };
    let shards: Vec<(State, FeedDoc<'a>)> =
        by_state.into_iter().map(|(state, officials)| (state, FeedDoc { officials, ..shell.clone() })).collect();
    let entries = shards
        .iter()
        .map(|(state, shard)| ShardDoc {
            state: state.code().to_string(),
            url: shard_file_name(*state),
            officials: u32::try_from(shard.officials.len()).unwrap_or(u32::MAX),
        })
        .collect();
    Split { index: FeedDoc { shards: entries, ..shell }, shards, unplaced }
}

// ---------------------------------------------------------------- reading an index

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

/// Checks where a state file is, as written in an index: either relative to the index's
/// address (`MN.json`, `../2024/MN.json`, `/feeds/MN.json`), which keeps it on the index's
/// server, or an absolute `https://` URL. Returns it trimmed, or why it is refused.
pub fn check_shard_url(raw: &str) -> Result<String, String> {
    link::relative_or_https(raw, "state files", "the index")
}

// ---------------------------------------------------------------- loading shards

/// Where one state file stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShardLoad {
    NotLoaded,
    Loading,
    Loaded,
    /// Could not be fetched or read; the text says why, for readers.
    Failed(String),
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
    pub fn fail(&mut self, state: State, message: impl Into<String>) {
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
        };
        let Some(feed) = feed else {
            let first = report.diagnostics.iter().find(|d| d.is_error()).map(|d| format!(" {d}")).unwrap_or_default();
            self.reports.insert(state, report);
            self.fail(state, format!("The officials of {} could not be read.{first}", state.name()));
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
        let feed = Feed::assemble(
            self.index.feed.meta.clone(),
            self.index.feed.questions.clone(),
            officials,
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

/// How a file's questions map onto the index's, when they differ: for each index question,
/// the file's question with the same id and, for each of its stances, the index's stance with
/// the same id.
struct QuestionMap {
    questions: Vec<Option<(usize, Vec<Option<StanceIx>>)>>,
    /// What differs, in plain words, for the report.
    differences: Vec<String>,
}

impl QuestionMap {
    /// `None` when the file's questions are the index's (the usual case: nothing to map).
    fn new(index: &[Question], file: &[Question]) -> Option<QuestionMap> {
        if index == file {
            return None;
        }
        let mut differences = Vec::new();
        let mut questions = Vec::with_capacity(index.len());
        for question in index {
            let Some(j) = file.iter().position(|q| q.id == question.id) else {
                differences.push(format!("question \"{}\" is missing", question.id));
                questions.push(None);
                continue;
            };
            let theirs = &file[j];
            let stance_map: Vec<Option<StanceIx>> =
                theirs.stances.iter().map(|s| question.stance_index(&s.id)).collect();
            for (stance, mapped) in theirs.stances.iter().zip(&stance_map) {
                if mapped.is_none() {
                    differences
                        .push(format!("stance \"{}\" of question \"{}\" is not in the index", stance.id, question.id));
                }
            }
            for stance in &question.stances {
                if theirs.stance_index(&stance.id).is_none() {
                    differences.push(format!("stance \"{}\" of question \"{}\" is missing", stance.id, question.id));
                }
            }
            if theirs != question
                && stance_map.iter().all(Option::is_some)
                && theirs.stances.len() == question.stances.len()
            {
                differences.push(format!(
                    "question \"{}\" is worded differently (its text, labels, colours, order or default)",
                    question.id
                ));
            }
            if j != questions.len() {
                differences.push(format!("question \"{}\" is in another position", question.id));
            }
            questions.push(Some((j, stance_map)));
        }
        for question in file {
            if !index.iter().any(|q| q.id == question.id) {
                differences.push(format!("question \"{}\" is not in the index", question.id));
            }
        }
        Some(QuestionMap { questions, differences })
    }

    /// Re-expresses an official's stances in the index's questions. Returns how many of their
    /// stances the index has no match for.
    fn apply(&self, official: &mut Official, index: &[Question]) -> usize {
        let mut unmatched = 0;
        let mut theirs = std::mem::take(&mut official.stances);
        official.stances = self
            .questions
            .iter()
            .zip(index)
            .map(|(mapping, question)| {
                let record = mapping.as_ref().and_then(|(j, stance_map)| {
                    let record = theirs.get_mut(*j)?.take()?;
                    match stance_map.get(record.stance as usize).copied().flatten() {
                        Some(stance) => Some(StanceRecord { stance, ..record }),
                        None => {
                            unmatched += 1;
                            None
                        }
                    }
                });
                record.or_else(|| {
                    question.default_stance.map(|stance| StanceRecord {
                        stance,
                        detail: None,
                        date: None,
                        evidence: Vec::new(),
                    })
                })
            })
            .collect();
        unmatched
    }
}

// ---------------------------------------------------------------- which states, for the widget

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
    pub failed: Vec<(State, String)>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::MAX_URL_LEN;

    #[test]
    fn shard_urls_stay_on_the_index_server_or_use_https() {
        for ok in ["MN.json", "shards/MN.json", "../2024/MN.json", "/feeds/MN.json", "MN.json?v=2", "1:2.json"] {
            assert_eq!(check_shard_url(ok).as_deref(), Ok(ok), "{ok}");
        }
        assert_eq!(
            check_shard_url(" https://CDN.example.org/MN.json ").as_deref(),
            Ok("https://cdn.example.org/MN.json")
        );
        let refused = |url: &str| check_shard_url(url).expect_err(url);
        assert!(refused("http://example.org/MN.json").contains("not with \"http:\""));
        assert!(refused("javascript:alert(1)").contains("not with \"javascript:\""));
        assert!(refused("MN:x.json").contains("not with \"mn:\""));
        assert!(refused("//evil.example/MN.json").contains("https:// in full"));
        assert!(refused("\\\\evil.example/MN.json").contains("backslashes"));
        assert!(refused("M N.json").contains("spaces"));
        assert!(refused("").contains("empty"));
        assert!(refused("https://user:pw@example.org/MN.json").contains("user name or password"));
        assert!(refused(&"a".repeat(MAX_URL_LEN + 1)).contains("limit"));
    }

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

    #[test]
    fn file_names_go_in_front_of_locations() {
        let d = Diagnostic::error(Location::Json { path: "officials[2].state".into(), line: 9, column: 5 }, "x");
        assert_eq!(in_file(d, "MN.json").to_string(), "error: MN.json, officials[2].state (line 9, column 5): x");
        let d = Diagnostic::error(Location::Input, "the file is empty");
        assert_eq!(in_file(d, "MN.json").to_string(), "error: MN.json (line 1, column 1): the file is empty");
    }
}
