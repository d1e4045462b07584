//! Guessing a [`CsvMapping`] from a spreadsheet's headers and values.
//!
//! Header names are matched against common spellings (name/candidate/endorser/member,
//! state/st, district/dist, office/position/chamber, party, source/evidence/url, donate, FEC,
//! bioguide, ...). Answer columns are found two ways: headers like "stance", "position on …" or
//! "endorsee" become questions whose stances are the column's distinct values; columns whose
//! values are only Yes / No / blank become yes-no questions (when some headers mention
//! endorsing or supporting, only those). Everything decided is written up in `notes` so the
//! organizer can check it and fix it with an explicit mapping.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use super::column::{Column, ColumnMapping};
use super::mapping::{ColumnRule, ColumnSpec, CsvMapping, QuestionMapping};
use super::{normalize_header, Table};
use crate::feed::doc::{MetaDoc, StanceDoc, Tone};
use crate::text::slug;

#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    pub mapping: CsvMapping,
    /// What was decided, one sentence each.
    pub notes: Vec<String>,
    /// Whether a person should check the mapping: a name or state column or any question is
    /// missing.
    pub unsure: bool,
}

/// Spellings of the headers of the columns that belong to every question (normalized like
/// [`Column::headers`]), and how the notes describe them.
const EVIDENCE_HEADERS: &[&str] = &["source", "source url", "evidence", "evidence url", "url", "link", "citation"];
const DATE_HEADERS: &[&str] = &["date", "endorsement date", "date endorsed", "stance date"];

/// Most distinct values for a column to become a question with one stance per value.
const MAX_CATEGORIES: usize = 20;

pub fn detect(table: &Table) -> Detection {
    let normalized: Vec<String> = table.headers.iter().map(|h| loose(h)).collect();
    let mut used = vec![false; table.headers.len()];
    let mut found: BTreeMap<Column, usize> = BTreeMap::new();
    let mut notes = Vec::new();
    // Exact spellings first, across all fields, so "position" is not taken by a looser match.
    let mut take = |spellings: &[&str]| {
        let i = (0..normalized.len()).find(|i| !used[*i] && spellings.contains(&normalized[*i].as_str()))?;
        used[i] = true;
        Some(i)
    };
    for &column in Column::ALL {
        if let Some(i) = take(column.headers()) {
            found.insert(column, i);
        }
    }
    let evidence_column = take(EVIDENCE_HEADERS);
    let date_column = take(DATE_HEADERS);
    if let Entry::Vacant(name) = found.entry(Column::Name) {
        if let Some(i) = (0..normalized.len())
            .find(|i| !used[*i] && normalized[*i].ends_with(" name") && !normalized[*i].starts_with("sort"))
        {
            used[i] = true;
            name.insert(i);
        }
    }

    // Translation columns ("stance_es", "label_es") are kept from being read as answers.
    let translation_columns: Vec<usize> = (0..normalized.len())
        .filter(|i| !used[*i] && super::translations::recognize(&normalized[*i]).is_some())
        .collect();
    for i in &translation_columns {
        used[*i] = true;
    }

    let mut questions = Vec::new();
    // Columns of answers named as such.
    for i in 0..table.headers.len() {
        let h = &normalized[i];
        let named_answer = h == "stance"
            || h.starts_with("stance ")
            || h.starts_with("position on ")
            || h.starts_with("positions on ")
            || h == "endorsee"
            || h == "endorsed"
            || h == "endorsement"
            || h.starts_with("stance on ");
        if used[i] || !named_answer {
            continue;
        }
        match categorical_question(table, i, &questions) {
            Some(q) => {
                notes.push(format!("Column \"{}\" holds answers: it became the question \"{}\" with {} stances.", table.headers[i], q.text, q.stances.len()));
                used[i] = true;
                questions.push(q);
            }
            None => notes.push(format!("Column \"{}\" looks like answers but has more than {MAX_CATEGORIES} different values; map it explicitly.", table.headers[i])),
        }
    }
    // Yes / No / blank columns.
    let yes_no: Vec<usize> = (0..table.headers.len()).filter(|i| !used[*i] && is_yes_no(table, *i)).collect();
    let about_support = |i: &usize| {
        ["endorse", "support", "back", "pledge", "signed", "sign"].iter().any(|w| normalized[*i].contains(w))
    };
    let chosen: Vec<usize> = if yes_no.iter().any(about_support) {
        yes_no.iter().copied().filter(about_support).collect()
    } else {
        yes_no.clone()
    };
    for i in &yes_no {
        if !chosen.contains(i) {
            notes.push(format!(
                "Column \"{}\" holds Yes/No values but does not look like an endorsement; it was not used.",
                table.headers[*i]
            ));
        }
    }
    for i in chosen {
        let q = yes_no_question(table, i, &questions);
        notes.push(format!(
            "Column \"{}\" holds Yes/No answers: it became the question \"{}\".",
            table.headers[i],
            q.label.clone().unwrap_or_default()
        ));
        used[i] = true;
        questions.push(q);
    }

    for i in &translation_columns {
        used[*i] = false;
    }
    let (translations, translation_notes) = super::translations::detect(table, &normalized, &mut used, &questions);
    notes.extend(translation_notes);

    // Evidence and date columns belong to the questions (all of them, when there are several).
    let evidence = evidence_column.map(|i| table.headers[i].clone());
    let date = date_column.map(|i| table.headers[i].clone());
    for q in &mut questions {
        q.evidence_url = evidence.clone();
        q.date = date.clone();
    }

    let mut columns = ColumnMapping::default();
    for (&column, &i) in &found {
        let header = table.headers[i].clone();
        *column.get_mut(&mut columns) = Some(if column == Column::Position {
            ColumnSpec::Rule(ColumnRule { column: Some(header), capitalize: true, ..ColumnRule::default() })
        } else {
            ColumnSpec::Header(header)
        });
    }
    let described = [(evidence_column, "source links for the stances"), (date_column, "dates of the stances")];
    let mut field_notes: Vec<(usize, String)> = found
        .iter()
        .map(|(column, i)| (*i, column.described()))
        .chain(described.into_iter().filter_map(|(i, what)| Some((i?, what))))
        .map(|(i, what)| (i, format!("Column \"{}\" gives the {what}.", table.headers[i])))
        .collect();
    field_notes.sort();
    notes.splice(0..0, field_notes.into_iter().map(|(_, note)| note));
    let ignored: Vec<&str> =
        (0..table.headers.len()).filter(|i| !used[*i]).map(|i| table.headers[i].as_str()).collect();
    if !ignored.is_empty() {
        notes.push(format!("Not used: {}.", ignored.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")));
    }
    let unsure = columns.name.is_none() || columns.state.is_none() || questions.is_empty();
    if columns.name.is_none() {
        notes.push("No column of names was recognized; map one as `name`.".into());
    }
    if columns.state.is_none() {
        notes.push("No column of states was recognized; map one as `state`.".into());
    }
    if questions.is_empty() {
        notes.push("No column of answers (stances) was recognized; map one as a question.".into());
    }
    let mapping = CsvMapping {
        meta: MetaDoc { title: "Imported scorecard".into(), ..MetaDoc::default() },
        columns,
        id: Default::default(),
        questions,
        translations,
    };
    Detection { mapping, notes, unsure }
}

/// Header for matching: lower case, punctuation as spaces, single spaces.
fn loose(header: &str) -> String {
    let replaced: String = header.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    normalize_header(&replaced)
}

/// A question reading answers from `column`: yes/no when its values are only Yes, No (or
/// similar) and blank, else one stance per distinct value (up to 20). `None` when the column
/// has too many different values to be answers. The id avoids those in `existing`.
pub fn question_for_column(table: &Table, column: usize, existing: &[QuestionMapping]) -> Option<QuestionMapping> {
    if column >= table.headers.len() {
        return None;
    }
    if is_yes_no(table, column) {
        Some(yes_no_question(table, column, existing))
    } else {
        categorical_question(table, column, existing)
    }
}

fn values(table: &Table, column: usize) -> impl Iterator<Item = &str> {
    table.rows.iter().map(move |r| r[column].trim())
}

fn is_yes_no(table: &Table, column: usize) -> bool {
    let mut any_yes = false;
    for v in values(table, column) {
        match v.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "x" => any_yes = true,
            "" | "no" | "n" | "false" => {}
            _ => return false,
        }
    }
    any_yes
}

fn unique_id(base: &str, questions: &[QuestionMapping]) -> String {
    let base = if base.is_empty() { "question".to_string() } else { base.chars().take(56).collect() };
    let mut id = base.clone();
    let mut n = 2;
    while questions.iter().any(|q| q.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// "Sanders Endorsed?" → "Sanders"; "Position on Medicare for All" → "Medicare for All".
fn label_from_header(header: &str) -> String {
    let mut label = header.trim().trim_end_matches('?').trim().to_string();
    for prefix in ["position on ", "positions on ", "stance on "] {
        if label.to_ascii_lowercase().starts_with(prefix) {
            label = label[prefix.len()..].to_string();
        }
    }
    for suffix in [" endorsed", " endorsement", " support", " supported", " backed"] {
        if label.to_ascii_lowercase().ends_with(suffix) && label.len() > suffix.len() {
            label.truncate(label.len() - suffix.len());
        }
    }
    label.trim().to_string()
}

fn yes_no_question(table: &Table, column: usize, questions: &[QuestionMapping]) -> QuestionMapping {
    let header = table.headers[column].trim();
    let label = label_from_header(header);
    let stance = |id: &str, label: &str, tone: Tone| StanceDoc {
        id: id.into(),
        label: label.into(),
        tone: Some(tone),
        ..StanceDoc::default()
    };
    let mut values = BTreeMap::new();
    for yes in ["yes", "y", "true", "x"] {
        values.insert(yes.to_string(), "yes".to_string());
    }
    for no in ["no", "n", "false"] {
        values.insert(no.to_string(), "no".to_string());
    }
    QuestionMapping {
        id: unique_id(&slug(&label), questions),
        text: if header.ends_with('?') { header.to_string() } else { format!("{header}?") },
        label: Some(label),
        column: header.to_string(),
        stances: vec![
            stance("yes", "Yes", Tone::Positive),
            stance("no", "No", Tone::Negative),
            stance("no-answer", "No answer", Tone::Neutral),
        ],
        values,
        blank: Some("no-answer".into()),
        ..QuestionMapping::default()
    }
}

fn categorical_question(table: &Table, column: usize, questions: &[QuestionMapping]) -> Option<QuestionMapping> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut blanks = 0;
    for v in values(table, column) {
        if v.is_empty() {
            blanks += 1;
        } else {
            *counts.entry(v).or_default() += 1;
        }
    }
    if counts.is_empty() || counts.len() > MAX_CATEGORIES {
        return None;
    }
    let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut stances = Vec::new();
    let mut values = BTreeMap::new();
    for (value, _) in &by_count {
        let mut id = slug(value);
        if id.is_empty() || stances.iter().any(|s: &StanceDoc| s.id == id) {
            id = format!("value-{}", stances.len() + 1);
        }
        id.truncate(64);
        values.insert(value.to_string(), id.clone());
        stances.push(StanceDoc { id, label: value.to_string(), ..StanceDoc::default() });
    }
    let blank = (blanks > 0).then(|| {
        stances.push(StanceDoc {
            id: "no-answer".into(),
            label: "No answer".into(),
            tone: Some(Tone::Neutral),
            ..StanceDoc::default()
        });
        "no-answer".to_string()
    });
    let header = table.headers[column].trim();
    let label = label_from_header(header);
    Some(QuestionMapping {
        id: unique_id(&slug(&label), questions),
        text: label.clone(),
        label: Some(label),
        column: header.to_string(),
        stances,
        values,
        blank,
        ..QuestionMapping::default()
    })
}
