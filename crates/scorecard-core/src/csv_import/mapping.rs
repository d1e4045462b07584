//! How a spreadsheet's columns become a feed: the mapping an organizer writes (TOML or JSON),
//! or that [`super::detect`] guesses. Nothing here knows any particular spreadsheet.
//!
//! ```toml
//! [meta]
//! title = "Who endorsed Bernie Sanders in 2020?"
//!
//! [columns]
//! name = "endorser"
//! state = "state"
//! position = { column = "position", capitalize = true }
//! party = { column = "endorser party", values = { D = "Democratic" } }
//!
//! [[questions]]
//! id = "sanders-2020"
//! text = "Did they endorse Bernie Sanders for president in 2020?"
//! column = "endorsee"
//! values = { "Bernie Sanders" = "endorsed" }
//! other = "other"        # any other non-blank value; the cell text becomes the detail
//! blank = "none"         # blank cells
//! evidence_url = "source"
//! date = "date"
//! stances = [ { id = "endorsed", label = "Endorsed Sanders", tone = "positive" }, ... ]
//!
//! [[translations]]       # a column of translations (see `translations.rs`)
//! column = "label_es"
//! language = "es"
//! text = "label"         # title, description, question, question_label or label
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::column::ColumnMapping;
pub use super::translations::{TranslatedText, TranslationColumn};
use crate::feed::doc::{MetaDoc, StanceDoc, TranslationDoc};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvMapping {
    /// Feed metadata (title, publisher, attribution, ...), copied into the feed.
    pub meta: MetaDoc,
    #[serde(default)]
    pub columns: ColumnMapping,
    /// How ids are made when there is no id column.
    #[serde(default, skip_serializing_if = "IdRule::is_default")]
    pub id: IdRule,
    #[serde(default)]
    pub questions: Vec<QuestionMapping>,
    /// Columns that hold translations (`label_es`, `title_es`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<TranslationColumn>,
}

/// A column by header name, or a rule that reads and tidies one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ColumnSpec {
    Header(String),
    Rule(ColumnRule),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnRule {
    /// Header of the column to read (matched ignoring case and surrounding spaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// A fixed value for every row, instead of a column (e.g. `party = { value = "Democratic" }`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Replacements for whole cell values, e.g. `{ D = "Democratic", "0" = "At-large" }`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// Keep only the text after the last occurrence of this marker; blank if it is absent.
    /// `after = "District "` turns "U.S. House Ohio District 12" into "12".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Upper-case the first letter: "representative" → "Representative".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capitalize: bool,
}

impl ColumnSpec {
    pub fn header(&self) -> Option<&str> {
        match self {
            ColumnSpec::Header(h) => Some(h),
            ColumnSpec::Rule(rule) => rule.column.as_deref(),
        }
    }
}

/// When the sheet has no id column, ids are slugs of these columns joined, e.g.
/// "bernie-sanders-vt". Repeats get "-2", "-3", ... in row order, with a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdRule {
    /// Headers of the columns to combine. Default: the name and state columns.
    #[serde(default)]
    pub from: Vec<String>,
}

impl IdRule {
    fn is_default(&self) -> bool {
        self.from.is_empty()
    }
}

/// One column that holds where each official stands on a question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionMapping {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Header of the column with the answers.
    pub column: String,
    pub stances: Vec<StanceDoc>,
    /// Cell value → stance id, matched ignoring case and surrounding spaces.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// Stance for any other non-blank value; the cell text becomes the stance's detail
    /// (e.g. whom they endorsed). Without it such values are reported and left unrated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// Stance for blank cells (becomes the question's `default_stance`). Without it, blank
    /// means not rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank: Option<String>,
    /// Column with the detail text, overriding the `other` rule's cell text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Column with the source URL for the stance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_url: Option<String>,
    /// Column with the source's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_title: Option<String>,
    /// Column with a quote from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Column with the date of the stance (`YYYY-MM-DD`, `M/D/YY` or `M/D/YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The question's `text`, `label` and `description` in other languages, by language tag.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, TranslationDoc>,
}
