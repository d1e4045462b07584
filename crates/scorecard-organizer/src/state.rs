//! Everything the organizer can change, as one reducer (like the widget's `state.rs`).

use std::rc::Rc;

use scorecard::state::FeedRef;
use scorecard_core::csv_import::{self, Column, ColumnSpec, CsvMapping, Table};
use scorecard_core::diagnostics::Report;
use scorecard_core::diff::{diff, FeedDiff};
use scorecard_core::feed::shards::{self, Opened, ShardEntry};
use scorecard_core::feed::Loaded;
use scorecard_core::source::{detect_format, Encoding, Format, FormatHints};
use yew::Reducible;

/// Where the input came from, for headings and file names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// "my-feed.json", "https://…", or "pasted text".
    pub name: String,
    /// The web address, when loaded from one (suggested for the embed snippet).
    pub url: Option<String>,
}

/// The result of reading the input: the feed if one could be made, and every problem.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub feed: Option<FeedRef>,
    pub report: Rc<Report>,
    /// Set when the input is the index of a sharded feed: its state files, which are not
    /// loaded here (`feed` then has the questions but no officials).
    pub shards: Option<Rc<Vec<ShardEntry>>>,
}

impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        self.feed == other.feed && Rc::ptr_eq(&self.report, &other.report) && self.shards == other.shards
    }
}

/// A spreadsheet being converted: its bytes (to read again in another encoding), its cells,
/// what reading them reported, the mapping in use.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub bytes: Rc<Vec<u8>>,
    /// The encoding the organizer chose; `None`: the one the bytes show (`table.encoding`).
    pub encoding: Option<Encoding>,
    pub table: Rc<Table>,
    pub read_report: Report,
    pub mapping: CsvMapping,
    /// The mapping detection made, to tell whether the organizer has changed it since.
    detected: CsvMapping,
    /// What auto-detection decided.
    pub notes: Vec<String>,
    /// Whether detection was unsure (no name or state column, or no question).
    pub unsure: bool,
}

impl PartialEq for Sheet {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.table, &other.table)
            && self.encoding == other.encoding
            && self.mapping == other.mapping
            && self.notes == other.notes
    }
}

impl Sheet {
    /// Reads the bytes in `encoding` and detects a mapping; or the report of why they cannot
    /// be read.
    fn read(bytes: Rc<Vec<u8>>, encoding: Option<Encoding>) -> Result<Sheet, Report> {
        let mut read_report = Report::default();
        match csv_import::read_table(&bytes, encoding, &mut read_report) {
            Ok(table) => {
                let detection = csv_import::detect(&table);
                Ok(Sheet {
                    bytes,
                    encoding,
                    table: Rc::new(table),
                    read_report,
                    detected: detection.mapping.clone(),
                    mapping: detection.mapping,
                    notes: detection.notes,
                    unsure: detection.unsure,
                })
            }
            Err(problem) => {
                read_report.push(problem);
                Err(read_report)
            }
        }
    }
}

/// A feed's metadata an organizer edits for a converted spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    Title,
    Description,
    Publisher,
    Attribution,
    AttributionUrl,
    Updated,
}

/// The feed as published now, to compare the loaded one with before it replaces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub origin: Origin,
    /// `None` while it is fetched or read; then the feed, or why it cannot be compared.
    pub feed: Option<Result<FeedRef, String>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrganizerState {
    pub origin: Option<Origin>,
    pub outcome: Option<Outcome>,
    pub sheet: Option<Sheet>,
    /// Why the input could not be fetched or read at all.
    pub failure: Option<String>,
    pub loading: bool,
    /// Kept when other input is loaded: it is what that input will replace.
    pub published: Option<Published>,
    /// What changed from the published feed to the loaded one, when both are feeds.
    pub changes: Option<Rc<FeedDiff>>,
}

#[derive(Clone, Debug)]
pub enum Action {
    Loading(Origin),
    Failed(String),
    /// New input: a feed (JSON) or a spreadsheet (CSV), told apart by the core's
    /// [`detect_format`] (the bytes decide; the name and content type only for blank input).
    Input {
        origin: Origin,
        bytes: Rc<Vec<u8>>,
        /// The `Content-Type` the server sent, for input fetched from a web address.
        content_type: Option<String>,
    },
    /// Read an official's field from this column (by header), or from none.
    SetColumn {
        field: Column,
        column: Option<String>,
    },
    /// Use (or stop using) a column as a question.
    ToggleQuestion {
        column: String,
    },
    SetMeta {
        field: MetaField,
        value: String,
    },
    /// A saved mapping file, to apply to the loaded spreadsheet.
    ApplyMapping(Box<CsvMapping>),
    /// Read the spreadsheet again in this encoding (`None`: the one its bytes show).
    SetEncoding(Option<Encoding>),
    /// The published feed is being fetched or read.
    PublishedLoading(Origin),
    /// The published feed's bytes, or why they could not be had.
    Published {
        origin: Origin,
        bytes: Result<Rc<Vec<u8>>, String>,
    },
}

impl OrganizerState {
    /// Converts the spreadsheet again with the current mapping.
    fn reconvert(&mut self) {
        if let Some(sheet) = &self.sheet {
            let Loaded { feed, report } = csv_import::convert(&sheet.table, &sheet.mapping, sheet.read_report.clone());
            self.outcome =
                Some(Outcome { feed: feed.map(|f| FeedRef(Rc::new(f))), report: Rc::new(report), shards: None });
        }
    }

    fn sheet_mut(&mut self) -> Option<&mut Sheet> {
        self.sheet.as_mut()
    }

    /// Compares the loaded feed with the published one, when both are feeds (an index has no
    /// officials here: `scorecard-feed diff` compares sharded feeds).
    fn compare(&mut self) {
        let current = self.outcome.as_ref().filter(|o| o.shards.is_none()).and_then(|o| o.feed.as_ref());
        let published = self.published.as_ref().and_then(|p| p.feed.as_ref()).and_then(|f| f.as_ref().ok());
        self.changes = match (published, current) {
            (Some(old), Some(new)) => Some(Rc::new(diff(old, new))),
            _ => None,
        };
    }
}

/// The published feed from its bytes: a feed (JSON), or why it cannot be compared.
fn read_published(bytes: &[u8]) -> Result<FeedRef, String> {
    match shards::open(bytes) {
        Opened::Feed(Loaded { feed: Some(feed), .. }) => Ok(FeedRef(Rc::new(feed))),
        Opened::Feed(Loaded { feed: None, report }) => Err(match report.diagnostics.iter().find(|d| d.is_error()) {
            Some(error) => format!("No feed could be read from it: {error}"),
            None => "No feed could be read from it.".to_string(),
        }),
        Opened::Index { .. } => Err("This is the index of a sharded feed. Compare sharded feeds with scorecard-feed diff published/index.json new/index.json, which reads every state file.".to_string()),
    }
}

impl Reducible for OrganizerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loading(origin) => {
                s = OrganizerState {
                    origin: Some(origin),
                    loading: true,
                    published: s.published.take(),
                    ..OrganizerState::default()
                };
            }
            Action::Failed(message) => {
                s.loading = false;
                s.failure = Some(message);
            }
            Action::Input { origin, bytes, content_type } => {
                let hints = FormatHints { url: Some(&origin.name), content_type: content_type.as_deref() };
                let format = detect_format(&bytes, hints);
                s = OrganizerState { origin: Some(origin), published: s.published.take(), ..OrganizerState::default() };
                if format == Format::Json {
                    s.outcome = Some(match shards::open(&bytes) {
                        Opened::Feed(Loaded { feed, report }) => {
                            Outcome { feed: feed.map(|f| FeedRef(Rc::new(f))), report: Rc::new(report), shards: None }
                        }
                        // An index is checked on its own; its state files are not fetched here.
                        Opened::Index { index, report } => Outcome {
                            shards: Some(Rc::new(index.as_ref().map(|i| i.shards.clone()).unwrap_or_default())),
                            feed: index.map(|i| FeedRef(Rc::new(i.feed))),
                            report: Rc::new(report),
                        },
                    });
                } else {
                    match Sheet::read(bytes, None) {
                        Ok(sheet) => {
                            s.sheet = Some(sheet);
                            s.reconvert();
                        }
                        Err(report) => {
                            s.outcome = Some(Outcome { feed: None, report: Rc::new(report), shards: None });
                        }
                    }
                }
            }
            Action::SetColumn { field, column } => {
                if let Some(sheet) = s.sheet_mut() {
                    *field.get_mut(&mut sheet.mapping.columns) = column.map(ColumnSpec::Header);
                }
                s.reconvert();
            }
            Action::ToggleQuestion { column } => {
                if let Some(sheet) = s.sheet_mut() {
                    let questions = &mut sheet.mapping.questions;
                    match questions.iter().position(|q| q.column == column) {
                        Some(i) => {
                            questions.remove(i);
                        }
                        None => {
                            if let Some(index) = sheet.table.column(&column) {
                                if let Some(q) = csv_import::question_for_column(&sheet.table, index, questions) {
                                    questions.push(q);
                                }
                            }
                        }
                    }
                }
                s.reconvert();
            }
            Action::SetMeta { field, value } => {
                if let Some(sheet) = s.sheet_mut() {
                    let meta = &mut sheet.mapping.meta;
                    let value = value.trim().to_string();
                    let optional = (!value.is_empty()).then(|| value.clone());
                    match field {
                        MetaField::Title => meta.title = value,
                        MetaField::Description => meta.description = optional,
                        MetaField::Publisher => {
                            meta.publisher =
                                optional.map(|text| scorecard_core::feed::doc::NamedLinkDoc { text, url: None })
                        }
                        MetaField::Attribution => {
                            let url = meta.attribution.as_ref().and_then(|a| a.url.clone());
                            meta.attribution =
                                optional.map(|text| scorecard_core::feed::doc::NamedLinkDoc { text, url });
                        }
                        MetaField::AttributionUrl => {
                            let attribution = meta.attribution.get_or_insert_with(Default::default);
                            attribution.url = optional;
                        }
                        MetaField::Updated => meta.updated = optional,
                    }
                }
                s.reconvert();
            }
            Action::SetEncoding(encoding) => {
                if let Some(old) = s.sheet.take() {
                    match Sheet::read(old.bytes.clone(), encoding) {
                        Ok(mut sheet) => {
                            // A mapping the organizer changed is kept; a detected one is detected
                            // again from the headers as now read.
                            if old.mapping != old.detected {
                                sheet.mapping = old.mapping;
                                sheet.notes = old.notes;
                                sheet.unsure = old.unsure;
                            }
                            s.sheet = Some(sheet);
                            s.failure = None;
                        }
                        // Reading does not depend on the encoding past UTF-16 and blank files,
                        // which never got this far; should it fail, the sheet as it was stays.
                        Err(report) => {
                            s.failure = report
                                .diagnostics
                                .first()
                                .map(|d| format!("The file could not be read that way: {}", d.message));
                            s.sheet = Some(old);
                        }
                    }
                }
                s.reconvert();
            }
            Action::ApplyMapping(mapping) => {
                if let Some(sheet) = s.sheet_mut() {
                    sheet.mapping = *mapping;
                    sheet.notes = vec!["Applied the mapping file.".into()];
                }
                s.reconvert();
            }
            Action::PublishedLoading(origin) => s.published = Some(Published { origin, feed: None }),
            Action::Published { origin, bytes } => {
                let feed = bytes.and_then(|bytes| read_published(&bytes));
                s.published = Some(Published { origin, feed: Some(feed) });
            }
        }
        s.compare();
        Rc::new(s)
    }
}
