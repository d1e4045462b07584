//! The feed format, version 1: the JSON an organizer publishes, as Rust types.
//!
//! These types are the wire format only. They are read one record at a time (so one bad
//! official does not sink the feed) and then checked by [`super::validate`] into the
//! in-memory [`super::Feed`]. The JSON Schema in `docs/feed.schema.json` is generated from
//! them; doc comments here become its descriptions, so write them for organizers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The feed format version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A Scorecard feed: where elected officials and candidates stand on one or more questions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Scorecard feed, format version 1"))]
pub struct FeedDoc {
    /// Optional link to this schema, for editors that validate JSON.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always 1 for this version of the format.
    pub format_version: u32,
    pub meta: MetaDoc,
    /// One or more questions, e.g. "Did they endorse Bernie Sanders for president in 2020?".
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub questions: Vec<QuestionDoc>,
    pub officials: Vec<OfficialDoc>,
    /// Only in the index of a sharded feed, for feeds too big for one file: where the
    /// officials of each state are. An index has no officials of its own (`"officials": []`);
    /// each file listed here is a complete feed with the same `meta` and `questions`, holding
    /// the officials of one state. `scorecard-feed split` writes both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shards: Vec<ShardDoc>,
}

/// One file of a sharded feed: the officials of one state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShardDoc {
    /// USPS code of the state or territory, e.g. "MN". Each state is listed once.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{2}$")))]
    pub state: String,
    /// Where the file is: relative to the index's address (e.g. "MN.json"), or a full
    /// `https://` address.
    pub url: String,
    /// How many officials the file holds; shown to readers before the file is loaded.
    pub officials: u32,
}

/// Who made the feed, from what, and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetaDoc {
    /// Shown as the widget's heading.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The organization that publishes this feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<NamedLinkDoc>,
    /// Credit for the underlying data, shown wherever the data is shown,
    /// e.g. "Data: FiveThirtyEight, The 2020 Endorsement Primary (CC BY 4.0)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<NamedLinkDoc>,
    /// License of the data, e.g. "CC BY 4.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<NamedLinkDoc>,
    /// The date the data is current as of ("data as of"), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub updated: Option<String>,
}

/// A text with an optional https link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NamedLinkDoc {
    pub text: String,
    /// Must start with `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub url: Option<String>,
}

/// A question officials are scored on, with its own vocabulary of stances.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuestionDoc {
    /// Stable identifier used in links and in officials' `stances`: lower-case letters,
    /// digits, `-` and `_`, at most 64 characters.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$")))]
    pub id: String,
    /// The question in full, e.g. "Did they endorse Bernie Sanders for president in 2020?".
    pub text: String,
    /// A short name for menus, e.g. "Sanders 2020". Defaults to `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The possible answers, in display order (see `order`). At most 32.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 32)))]
    pub stances: Vec<StanceDoc>,
    /// The stance of officials who have no entry for this question. Without it they are
    /// shown as "Not rated".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_stance: Option<String>,
}

/// One possible answer to a question, e.g. "Endorsed Sanders".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceDoc {
    /// Stable identifier, unique within the question (same syntax as question ids).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$")))]
    pub id: String,
    /// What the stance is called on screen.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether this stance is the one supporters reward (`positive`), oppose (`negative`) or
    /// neither. Picks the icon and default colour. Defaults to `neutral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
    /// Optional colour as `#rrggbb`. The widget always shows the label and an icon too, so
    /// colour is never the only signal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^#[0-9a-fA-F]{6}$")))]
    pub color: Option<String>,
    /// Sort position among the question's stances; lower comes first. Defaults to the
    /// position in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Positive,
    Negative,
    #[default]
    Neutral,
}

/// An elected official or candidate. Field names follow Popolo's Person where they overlap
/// (`id`, `name`, `sort_name`, `email`, `image`, `identifiers`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficialDoc {
    /// Stable identifier, unique in the feed; share links and saved shortlists refer to it,
    /// so never reuse or change it. If missing, one is made from the name and state.
    #[serde(default, deserialize_with = "lenient::opt_string", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String", length(min = 1, max = 128)))]
    pub id: Option<String>,
    pub name: String,
    /// Name for sorting, e.g. "Sanders, Bernie". Defaults to the last word of `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_name: Option<String>,
    /// USPS code of the state or territory, e.g. "VT", "DC", "PR".
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{2}$")))]
    pub state: String,
    /// Office or role, e.g. "Senator", "Mayor", "DNC member" (Popolo: membership role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// District, e.g. "7" or "At-large". Numbers are accepted and read as text.
    #[serde(default, deserialize_with = "lenient::opt_string", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Party name, e.g. "Democratic".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Open Civic Data division id, e.g. "ocd-division/country:us/state:vt/cd:1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^ocd-division/")))]
    pub division_id: Option<String>,
    /// Identifiers in other systems (Popolo style). Known schemes: `fec` (FEC candidate id,
    /// e.g. "S4VT00033"), `bioguide` (e.g. "S000033"), `ocd-person`, `wikidata`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<IdentifierDoc>,
    /// Official or campaign website; must start with `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub website: Option<String>,
    /// Where to give to this official's campaign; must start with `https://`. ActBlue links
    /// get the amount and refcode added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub donate_url: Option<String>,
    /// Public contact e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Photo URL; must start with `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub image: Option<String>,
    /// The official's stance on each question, keyed by question id.
    #[serde(default)]
    pub stances: BTreeMap<String, StanceRecordDoc>,
}

/// An identifier in another system, e.g. `{"scheme": "fec", "identifier": "S4VT00033"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdentifierDoc {
    pub scheme: String,
    pub identifier: String,
}

/// Where an official stands on one question, and why we believe it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceRecordDoc {
    /// A stance id from the question's `stances`.
    pub stance: String,
    /// More precise wording, e.g. whom they endorsed: "Joe Biden".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// When they took this stance, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<String>,
    /// Sources for the stance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceDoc>,
}

/// A source for a stance: a link, and optionally its date and a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvidenceDoc {
    /// Must start with `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub url: Option<String>,
    /// Headline or name of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<String>,
    /// A short quote from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// Spreadsheet exports often turn ids and district numbers into JSON numbers; read those as
/// text instead of rejecting the whole record.
mod lenient {
    use serde::de::{self, Deserializer, Visitor};
    use std::fmt;

    pub fn opt_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
        struct OptString;
        impl<'de> Visitor<'de> for OptString {
            type Value = Option<String>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Some(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        deserializer.deserialize_any(OptString)
    }
}
