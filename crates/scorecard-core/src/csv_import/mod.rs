//! Spreadsheets to feeds.
//!
//! Organizers keep their data in spreadsheets. [`read_table`] reads a CSV export (UTF-8, with
//! or without BOM, or Windows-1252 as Excel saves it, a few broken bytes located and kept as
//! U+FFFD; CRLF or LF, quoted commas and line breaks, ragged rows, comma, semicolon or tab
//! separated); [`detect`] guesses a [`CsvMapping`] from the headers and values; [`convert`]
//! applies a mapping and validates the result with the same validator as JSON feeds, so every
//! problem is reported by row and column.

mod column;
mod detect;
mod mapping;
mod read;
mod translations;

use std::collections::{BTreeMap, HashMap};

pub use column::Column;
pub use detect::{detect, question_for_column, Detection};
pub use mapping::{
    ColumnMapping, ColumnRule, ColumnSpec, CsvMapping, IdRule, QuestionMapping, TranslatedText, TranslationColumn,
};
pub(crate) use read::normalize_header;
pub use read::{read_table, Table};

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::feed::doc::{
    EvidenceDoc, FeedDoc, OfficialDoc, QuestionDoc, StanceMap, StanceRecordDoc, Text, FORMAT_VERSION,
};
use crate::feed::validate::{validate, FeedPath, Locate};
use crate::feed::Loaded;
use crate::source::Encoding;
use crate::states::State;
use crate::text::slug;

/// The result of importing a spreadsheet.
#[derive(Debug)]
pub struct CsvLoaded {
    pub loaded: Loaded,
    /// The mapping used: the one given, or the detected one (to show, edit and save).
    pub mapping: CsvMapping,
    /// What auto-detection decided, in plain words (empty when a mapping was given).
    pub notes: Vec<String>,
}

/// Reads CSV bytes with a mapping, or with a detected one when `mapping` is `None`, in the
/// encoding the bytes show.
pub fn load_csv(bytes: &[u8], mapping: Option<&CsvMapping>) -> CsvLoaded {
    load_csv_as(bytes, mapping, None)
}

/// [`load_csv`] in the `encoding` given (`None`: the one the bytes show).
pub fn load_csv_as(bytes: &[u8], mapping: Option<&CsvMapping>, encoding: Option<Encoding>) -> CsvLoaded {
    let mut report = Report::default();
    let table = match read_table(bytes, encoding, &mut report) {
        Ok(table) => table,
        Err(diagnostic) => {
            report.push(diagnostic);
            return CsvLoaded {
                loaded: Loaded { feed: None, report },
                mapping: mapping.cloned().unwrap_or_default(),
                notes: Vec::new(),
            };
        }
    };
    if table.rows.iter().all(|row| row.iter().all(|cell| cell.trim().is_empty())) {
        report.push(Diagnostic::error(
            Location::Csv { row: 2, column: None },
            "the file has column names but no rows of officials under them",
        ));
        return CsvLoaded {
            loaded: Loaded { feed: None, report },
            mapping: mapping.cloned().unwrap_or_default(),
            notes: Vec::new(),
        };
    }
    let (mapping, notes) = match mapping {
        Some(m) => (m.clone(), Vec::new()),
        None => {
            let detection = detect(&table);
            (detection.mapping, detection.notes)
        }
    };
    let loaded = convert(&table, &mapping, report);
    CsvLoaded { loaded, mapping, notes }
}

/// Applies a mapping to a table and validates the result.
pub fn convert(table: &Table, mapping: &CsvMapping, mut report: Report) -> Loaded {
    let (doc, locator) = to_doc(table, mapping, &mut report);
    let feed = validate(doc, &locator, &mut report);
    Loaded { feed, report }
}

/// Which column each official field came from, for locating problems.
struct CsvLocator {
    /// Spreadsheet row of each official in the doc.
    rows: Vec<u32>,
    /// Field name (as in `FeedPath`) → header.
    fields: HashMap<String, String>,
    /// Per official: the header each of its `identifiers` came from, in order.
    identifier_columns: Vec<Vec<String>>,
}

impl Locate for CsvLocator {
    fn locate(&self, path: &FeedPath<'_>) -> Location {
        match path {
            FeedPath::Official { index, field } => {
                let row = self.rows.get(*index).copied().unwrap_or(1);
                let identifier = field
                    .strip_prefix("identifiers[")
                    .and_then(|rest| rest.split(']').next()?.parse::<usize>().ok())
                    .and_then(|i| self.identifier_columns.get(*index)?.get(i).cloned());
                Location::Csv { row, column: identifier.or_else(|| self.column_for(field)) }
            }
            // Feed-level parts come from the mapping, not the sheet: point at the header row.
            FeedPath::Root(_) | FeedPath::Question { .. } => Location::Csv { row: 1, column: None },
        }
    }
}

impl CsvLocator {
    fn column_for(&self, field: &str) -> Option<String> {
        if let Some(h) = self.fields.get(field) {
            return Some(h.clone());
        }
        // "stances.q.evidence[0].url" → "stances.q.evidence.url"
        let mut simplified = String::with_capacity(field.len());
        let mut depth = 0;
        for c in field.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ if depth == 0 => simplified.push(c),
                _ => {}
            }
        }
        self.fields.get(&simplified).cloned()
    }
}

/// A resolved column: index plus the rule to tidy its cells.
struct Source<'a> {
    column: Option<usize>,
    rule: Option<&'a ColumnRule>,
}

impl Source<'_> {
    fn read(&self, row: &[String]) -> Option<String> {
        let raw = match (self.column, self.rule.and_then(|r| r.value.as_ref())) {
            (Some(c), _) => row.get(c).map(|s| s.trim().to_string()).unwrap_or_default(),
            (None, Some(constant)) => constant.clone(),
            (None, None) => return None,
        };
        let Some(rule) = self.rule else {
            return Some(raw).filter(|s| !s.is_empty());
        };
        let mut value = rule
            .values
            .iter()
            .find(|(from, _)| from.trim().eq_ignore_ascii_case(&raw))
            .map_or(raw, |(_, to)| to.clone());
        if let Some(marker) = &rule.after {
            value =
                value.rfind(marker.as_str()).map(|i| value[i + marker.len()..].trim().to_string()).unwrap_or_default();
        }
        if rule.capitalize {
            value = crate::text::capitalize(&value);
        }
        Some(value).filter(|s| !s.is_empty())
    }
}

/// Builds the feed document from the table, recording where each field came from.
fn to_doc(table: &Table, mapping: &CsvMapping, report: &mut Report) -> (FeedDoc<'static>, CsvLocator) {
    let mut fields: HashMap<String, String> = HashMap::new();
    let source: HashMap<Column, Source> = Column::ALL
        .iter()
        .filter_map(|&column| {
            let spec = column.get(&mapping.columns)?;
            Some((column, resolve(spec, column.key(), table, &mut fields, report)?))
        })
        .collect();
    if !source.contains_key(&Column::Name) {
        report.push(Diagnostic::error(
            Location::Csv { row: 1, column: None },
            "no column gives the officials' names; map one as `name`",
        ));
    }
    if !source.contains_key(&Column::State) {
        report.push(Diagnostic::error(
            Location::Csv { row: 1, column: None },
            "no column gives the officials' states; map one as `state`",
        ));
    }

    // Questions and the columns they read.
    struct QuestionColumns {
        answer: usize,
        detail: Option<usize>,
        url: Option<usize>,
        title: Option<usize>,
        quote: Option<usize>,
        date: Option<usize>,
    }
    let mut questions = Vec::new();
    let mut question_columns = Vec::new();
    for (question_index, q) in mapping.questions.iter().enumerate() {
        let Some(answer) = table.column(&q.column) else {
            missing_column(table, &q.column, &format!("the answers to question \"{}\"", q.id), report);
            continue;
        };
        let mut optional = |name: &Option<String>, field: &str, report: &mut Report| {
            let name = name.as_ref()?;
            match table.column(name) {
                Some(i) => {
                    fields.insert(format!("stances.{}{field}", q.id), table.headers[i].clone());
                    Some(i)
                }
                None => {
                    missing_column(table, name, field.trim_start_matches('.'), report);
                    None
                }
            }
        };
        let columns = QuestionColumns {
            answer,
            detail: optional(&q.detail, ".detail", report),
            url: optional(&q.evidence_url, ".evidence.url", report),
            title: optional(&q.evidence_title, ".evidence.title", report),
            quote: optional(&q.quote, ".evidence.quote", report),
            date: optional(&q.date, ".date", report),
        };
        fields.insert(format!("stances.{}", q.id), table.headers[answer].clone());
        fields.insert(format!("stances.{}.stance", q.id), table.headers[answer].clone());
        questions.push(QuestionDoc {
            id: q.id.clone(),
            text: q.text.clone(),
            label: q.label.clone(),
            description: q.description.clone(),
            stances: q.stances.clone(),
            default_stance: q.blank.clone(),
            translations: q.translations.clone(),
        });
        question_columns.push((question_index, columns));
    }

    let id_columns: Vec<usize> = if mapping.id.from.is_empty() {
        [Column::Name, Column::State].iter().filter_map(|k| source.get(k).and_then(|s| s.column)).collect()
    } else {
        mapping
            .id
            .from
            .iter()
            .filter_map(|h| match table.column(h) {
                Some(i) => Some(i),
                None => {
                    missing_column(table, h, "ids", report);
                    None
                }
            })
            .collect()
    };

    let mut translated = translations::Collected::start(table, mapping, report);
    let read = |column: Column, row: &[String]| source.get(&column).and_then(|s| s.read(row)).map(Text::from);
    let mut officials = Vec::with_capacity(table.rows.len());
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut made_ids: HashMap<String, u32> = HashMap::new();
    let mut identifier_columns = Vec::with_capacity(table.rows.len());
    // (question index, cell value) → (first row, how many rows, answer column)
    let mut unmapped: BTreeMap<(usize, String), (u32, usize, usize)> = BTreeMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        let row_number = Table::row_number(i);
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut official = OfficialDoc::default();
        let mut these_identifier_columns = Vec::new();
        for &column in Column::ALL {
            if let Some(value) = read(column, row) {
                let identifiers = official.identifiers.len();
                column.fill(&mut official, value);
                // One header per identifier the cell gave (a cell may hold several ids).
                for _ in identifiers..official.identifiers.len() {
                    these_identifier_columns.push(fields.get(column.key()).cloned().unwrap_or_default());
                }
            }
        }
        identifier_columns.push(these_identifier_columns);
        let id = official.id.take().or_else(|| {
            let base = if mapping.id.from.is_empty() {
                // The default rule, as for JSON feeds: name and state code ("cy-castro-pr",
                // even when the sheet says "Puerto Rico").
                let (name, state) = (&official.name, &official.state);
                let state = State::parse(state).map_or_else(|| slug(state), |s| s.code().to_ascii_lowercase());
                slug(&format!("{name} {state}"))
            } else {
                slug(&id_columns.iter().map(|c| row[*c].as_str()).collect::<Vec<_>>().join(" "))
            };
            if base.is_empty() {
                return None; // the validator reports the missing name
            }
            let mut id = base.clone();
            let count = made_ids.entry(base.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                id = format!("{base}-{count}");
                report.push(Diagnostic::warning(
                    Location::Csv { row: row_number, column: None },
                    format!(
                        "another row has the same {}; this one gets the id \"{id}\"",
                        describe_id_columns(table, &id_columns)
                    ),
                ));
            }
            Some(Text::from(id))
        });
        let mut stances = Vec::new();
        for &(question_index, ref cols) in &question_columns {
            let q = &mapping.questions[question_index];
            let cell = row[cols.answer].trim();
            if cell.is_empty() {
                continue; // blank: the question's default stance (or not rated)
            }
            let (stance, mut detail) = match q.values.iter().find(|(v, _)| v.trim().eq_ignore_ascii_case(cell)) {
                Some((_, stance)) => (Text::from(stance.clone()), None),
                None => match &q.other {
                    Some(other) => (Text::from(other.clone()), Some(Text::from(cell.to_string()))),
                    None => {
                        let entry =
                            unmapped.entry((question_index, cell.to_string())).or_insert((row_number, 0, cols.answer));
                        entry.1 += 1;
                        continue;
                    }
                },
            };
            if let Some(d) = cols.detail.map(|c| row[c].trim()).filter(|d| !d.is_empty()) {
                detail = Some(Text::from(d.to_string()));
            }
            let cell_at = |c: Option<usize>| c.map(|c| row[c].trim().to_string()).filter(|s| !s.is_empty());
            let date = cell_at(cols.date).map(|d| Text::from(Date::parse_loose(&d).map_or(d, |d| d.to_string())));
            let text_at = |c: Option<usize>| cell_at(c).map(Text::from);
            let (url, title, quote) = (text_at(cols.url), text_at(cols.title), text_at(cols.quote));
            let evidence = if url.is_some() || title.is_some() || quote.is_some() {
                vec![EvidenceDoc { url, title, date: None, quote }]
            } else {
                Vec::new()
            };
            stances.push((Text::from(q.id.clone()), StanceRecordDoc { stance, detail, date, evidence }));
        }
        let stance_of = |question: &str| {
            let given = stances.iter().find(|(q, _)| *q == question).map(|(_, r)| &*r.stance);
            given.or_else(|| mapping.questions.iter().find(|q| q.id == question)?.blank.as_deref())
        };
        translated.row(mapping, table, row, row_number, stance_of, report);
        official.id = id;
        official.stances = StanceMap(stances);
        officials.push(official);
        rows.push(row_number);
    }
    for ((q, value), (first_row, count, column)) in unmapped {
        let question = &mapping.questions[q];
        let treated_as = match &question.blank {
            Some(blank) => format!("read as blank (stance \"{blank}\")"),
            None => "left as not rated".to_string(),
        };
        report.push(Diagnostic::warning(
            Location::Csv { row: first_row, column: Some(table.headers[column].clone()) },
            format!(
                "\"{}\" is not one of the values this column's question maps ({} {}); {treated_as}",
                crate::text::truncate(&value, 40),
                count,
                if count == 1 { "row" } else { "rows" }
            ),
        ));
    }
    let mut doc = FeedDoc {
        schema: None,
        format_version: FORMAT_VERSION,
        meta: mapping.meta.clone(),
        questions,
        officials,
        shards: Vec::new(),
    };
    translated.apply(mapping, &mut doc);
    (doc, CsvLocator { rows, fields, identifier_columns })
}

/// Resolves a column spec against the header row, remembering which header feeds `field`.
fn resolve<'m>(
    spec: &'m ColumnSpec,
    field: &str,
    table: &Table,
    fields: &mut HashMap<String, String>,
    report: &mut Report,
) -> Option<Source<'m>> {
    let rule = match spec {
        ColumnSpec::Rule(rule) => Some(rule),
        ColumnSpec::Header(_) => None,
    };
    let column = match spec.header() {
        Some(header) => match table.column(header) {
            Some(c) => {
                fields.insert(field.to_string(), table.headers[c].clone());
                Some(c)
            }
            None => {
                missing_column(table, header, field, report);
                return None;
            }
        },
        None => None,
    };
    Some(Source { column, rule })
}

pub(crate) fn missing_column(table: &Table, name: &str, what: &str, report: &mut Report) {
    report.push(Diagnostic::error(
        Location::Csv { row: 1, column: Some(name.to_string()) },
        format!(
            "the mapping reads {what} from a column \"{name}\", but the header row has no such column (columns: {})",
            table.headers.join(", ")
        ),
    ));
}

fn describe_id_columns(table: &Table, columns: &[usize]) -> String {
    columns.iter().map(|c| format!("\"{}\"", table.headers[*c])).collect::<Vec<_>>().join(" and ")
}
