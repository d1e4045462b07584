//! Spreadsheet columns that hold translations (`title_es`, `question_es`, `label_es`): the
//! mapping's `[[translations]]` entries, guessing them from headers, and applying them.
//!
//! A sheet is one row per official, so a feed-wide text (the title, a question) is read from
//! the column's first non-blank cell, and a stance label from each row: the label of the stance
//! that row's answer gives (`label_es` beside `endorsee`). What the mapping file writes itself
//! (`[meta.translations.es]`, a question's or stance's `translations`) wins over a column.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::mapping::{CsvMapping, QuestionMapping};
use super::Table;
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::feed::doc::{FeedDoc, QuestionDoc};
use crate::feed::language::parse_tag;

/// A column of translations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationColumn {
    /// Header of the column.
    pub column: String,
    /// The language of its texts, a BCP 47 tag (`es`, `es-US`).
    pub language: String,
    /// Which text it translates.
    pub text: TranslatedText,
    /// The question it belongs to (`question`, `question_label`, `label`), by id; default the
    /// mapping's first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// Which text a translation column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslatedText {
    /// `meta.title` (first non-blank cell).
    Title,
    /// `meta.description` (first non-blank cell).
    Description,
    /// The question's text (first non-blank cell).
    Question,
    /// The question's short label (first non-blank cell).
    QuestionLabel,
    /// The label of each row's stance on the question.
    #[default]
    Label,
}

impl TranslatedText {
    /// What detection recognizes before the language: `label_es`, `Question (es)`.
    const HEADERS: &'static [(&'static str, TranslatedText)] = &[
        ("title", TranslatedText::Title),
        ("description", TranslatedText::Description),
        ("question", TranslatedText::Question),
        ("question text", TranslatedText::Question),
        ("question label", TranslatedText::QuestionLabel),
        ("label", TranslatedText::Label),
        ("stance label", TranslatedText::Label),
        ("stance", TranslatedText::Label),
    ];

    fn described(self) -> &'static str {
        match self {
            TranslatedText::Title => "the feed's title",
            TranslatedText::Description => "the feed's description",
            TranslatedText::Question => "the text of question",
            TranslatedText::QuestionLabel => "the short label of question",
            TranslatedText::Label => "the stance labels of question",
        }
    }
}

/// A translation column in a header, normalized as detection does ("label es"): the text and
/// the language tag. The language must be a known one, and not `id` ("question id" is not
/// Indonesian).
pub(super) fn recognize(normalized: &str) -> Option<(TranslatedText, String)> {
    let (base, tag) = normalized.rsplit_once(' ')?;
    if tag == "id" {
        return None;
    }
    // "label es us" (from "label_es-US") → base "label", tag "es-us".
    let (base, tag) = match base.rsplit_once(' ') {
        Some((b, lang))
            if tag.len() == 2 && tag.bytes().all(|c| c.is_ascii_alphabetic()) && parse_tag(lang).is_ok() =>
        {
            if TranslatedText::HEADERS.iter().any(|(h, _)| *h == b) {
                (b, format!("{lang}-{tag}"))
            } else {
                (base, tag.to_string())
            }
        }
        _ => (base, tag.to_string()),
    };
    let text = TranslatedText::HEADERS.iter().find(|(h, _)| *h == base)?.1;
    Some((text, parse_tag(&tag).ok()?))
}

/// Detection's guesses: each header that names a translated text and a language, for the first
/// question. Returns the entries and a note for each.
pub(super) fn detect(
    table: &Table,
    normalized: &[String],
    used: &mut [bool],
    questions: &[QuestionMapping],
) -> (Vec<TranslationColumn>, Vec<String>) {
    let mut found = Vec::new();
    let mut notes = Vec::new();
    for (i, header) in normalized.iter().enumerate() {
        let Some((text, language)) = (!used[i]).then(|| recognize(header)).flatten() else {
            continue;
        };
        let question = match text {
            TranslatedText::Title | TranslatedText::Description => None,
            _ => match questions.first() {
                Some(q) => Some(q.id.clone()),
                None => continue,
            },
        };
        used[i] = true;
        notes.push(format!(
            "Column \"{}\" gives {}{} in {language}.",
            table.headers[i],
            text.described(),
            question.as_ref().map(|q| format!(" \"{q}\"")).unwrap_or_default()
        ));
        found.push(TranslationColumn { column: table.headers[i].clone(), language, text, question });
    }
    (found, notes)
}

/// The texts read from a sheet's translation columns, to put into the feed.
#[derive(Default)]
pub(super) struct Collected {
    /// (entry, first non-blank cell) for feed-wide texts.
    once: Vec<(usize, String)>,
    /// (entry, stance id) → label, from each row.
    labels: BTreeMap<(usize, String), String>,
    /// Entries' columns in the table (`None`: missing, reported).
    columns: Vec<Option<usize>>,
}

impl Collected {
    /// Resolves the mapping's translation columns against the header row.
    pub(super) fn start(table: &Table, mapping: &CsvMapping, report: &mut Report) -> Collected {
        let columns = mapping
            .translations
            .iter()
            .map(|t| {
                let found = table.column(&t.column);
                if found.is_none() {
                    super::missing_column(table, &t.column, &format!("a translation ({})", t.language), report);
                }
                found
            })
            .collect();
        Collected { columns, ..Collected::default() }
    }

    /// Reads one row. `stance_of(question id)`: the stance id this row's answer gave, if any.
    pub(super) fn row<'s>(
        &mut self,
        mapping: &CsvMapping,
        table: &Table,
        row: &[String],
        row_number: u32,
        stance_of: impl Fn(&str) -> Option<&'s str>,
        report: &mut Report,
    ) {
        for (entry, t) in mapping.translations.iter().enumerate() {
            let Some(column) = self.columns[entry] else { continue };
            let cell = row.get(column).map_or("", |c| c.trim());
            if cell.is_empty() {
                continue;
            }
            let conflict = |first: &str| {
                Diagnostic::warning(
                    Location::Csv { row: row_number, column: Some(table.headers[column].clone()) },
                    format!(
                        "\"{}\" differs from this column's earlier \"{}\"; the first is used",
                        crate::text::truncate(cell, 40),
                        crate::text::truncate(first, 40)
                    ),
                )
            };
            if t.text == TranslatedText::Label {
                let question = t.question.as_deref().or(mapping.questions.first().map(|q| q.id.as_str()));
                let Some(stance) = question.and_then(&stance_of) else { continue };
                match self.labels.get(&(entry, stance.to_string())) {
                    Some(first) if first != cell => report.push(conflict(first)),
                    Some(_) => {}
                    None => {
                        self.labels.insert((entry, stance.to_string()), cell.to_string());
                    }
                }
            } else {
                match self.once.iter().find(|(e, _)| *e == entry) {
                    Some((_, first)) if first != cell => report.push(conflict(first)),
                    Some(_) => {}
                    None => self.once.push((entry, cell.to_string())),
                }
            }
        }
    }

    /// Puts what was read into the feed, where the mapping did not already write a translation.
    pub(super) fn apply(self, mapping: &CsvMapping, doc: &mut FeedDoc<'_>) {
        let question = |t: &super::TranslationColumn, questions: &[QuestionDoc]| -> Option<usize> {
            let id = t.question.as_deref().or(mapping.questions.first().map(|q| q.id.as_str()))?;
            questions.iter().position(|q| q.id == id)
        };
        let fill = |slot: &mut Option<String>, value: &str| {
            if slot.is_none() {
                *slot = Some(value.to_string());
            }
        };
        for (entry, value) in &self.once {
            let t = &mapping.translations[*entry];
            match t.text {
                TranslatedText::Title => {
                    fill(&mut doc.meta.translations.entry(t.language.clone()).or_default().title, value)
                }
                TranslatedText::Description => {
                    fill(&mut doc.meta.translations.entry(t.language.clone()).or_default().description, value)
                }
                TranslatedText::Question | TranslatedText::QuestionLabel => {
                    let Some(q) = question(t, &doc.questions) else { continue };
                    let into = doc.questions[q].translations.entry(t.language.clone()).or_default();
                    match t.text {
                        TranslatedText::Question => fill(&mut into.text, value),
                        _ => fill(&mut into.label, value),
                    }
                }
                TranslatedText::Label => {}
            }
        }
        for ((entry, stance), label) in &self.labels {
            let t = &mapping.translations[*entry];
            let Some(q) = question(t, &doc.questions) else { continue };
            if let Some(s) = doc.questions[q].stances.iter_mut().find(|s| s.id == *stance) {
                fill(&mut s.translations.entry(t.language.clone()).or_default().label, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_that_name_a_text_and_a_language() {
        assert_eq!(recognize("label es"), Some((TranslatedText::Label, "es".into())));
        assert_eq!(recognize("title es"), Some((TranslatedText::Title, "es".into())));
        assert_eq!(recognize("question es"), Some((TranslatedText::Question, "es".into())));
        assert_eq!(recognize("question label fr"), Some((TranslatedText::QuestionLabel, "fr".into())));
        assert_eq!(recognize("label es us"), Some((TranslatedText::Label, "es-US".into())));
        assert_eq!(recognize("question id"), None);
        assert_eq!(recognize("label xx"), None);
        assert_eq!(recognize("endorser party"), None);
        assert_eq!(recognize("label"), None);
    }
}
