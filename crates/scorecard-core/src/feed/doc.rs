//! The feed format, version 1.1 (and 1): the JSON an organizer publishes, as Rust types.
//!
//! These types are the wire format only. They are read one record at a time (so one bad
//! official does not sink the feed) and then checked by [`super::validate`] into the
//! in-memory [`super::Feed`]. The JSON Schema in `docs/feed.schema.json` is generated from
//! them; doc comments here become its descriptions, so write them for organizers.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// The feed format version of a feed without translations: what every v1 feed says.
pub const FORMAT_VERSION: FormatVersion = FormatVersion { major: 1, minor: 0 };
/// The version that added a feed's language and translations of its texts. Minor versions only
/// add fields a reader of an earlier one ignores, so a v1 feed is a valid v1.1 feed.
pub const FORMAT_VERSION_1_1: FormatVersion = FormatVersion { major: 1, minor: 1 };

/// `format_version`: the number `1` or `1.1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormatVersion {
    pub major: u32,
    pub minor: u32,
}

impl Default for FormatVersion {
    fn default() -> Self {
        FORMAT_VERSION
    }
}

impl FormatVersion {
    /// Whether this code reads feeds of this version: 1 and 1.1.
    pub fn is_supported(self) -> bool {
        self == FORMAT_VERSION || self == FORMAT_VERSION_1_1
    }
}

impl fmt::Display for FormatVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.minor {
            0 => write!(f, "{}", self.major),
            minor => write!(f, "{}.{minor}", self.major),
        }
    }
}

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.minor {
            0 => serializer.serialize_u32(self.major),
            _ => serializer.serialize_f64(self.to_string().parse().unwrap_or(f64::from(self.major))),
        }
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VersionVisitor;
        impl Visitor<'_> for VersionVisitor {
            type Value = FormatVersion;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version number like 1 or 1.1")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                let major = u32::try_from(v).map_err(|_| E::custom("the version number is too big"))?;
                Ok(FormatVersion { major, minor: 0 })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom("a version number cannot be negative"))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                // As JSON writes it: 1.1 is major 1, minor 1 (not a fraction).
                let text = v.to_string();
                let (major, minor) = text.split_once('.').unwrap_or((&text, "0"));
                match (major.parse(), minor.parse()) {
                    (Ok(major), Ok(minor)) if v >= 0.0 => Ok(FormatVersion { major, minor }),
                    _ => Err(E::custom("not a version number like 1 or 1.1")),
                }
            }
        }
        deserializer.deserialize_any(VersionVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FormatVersion {
    fn schema_name() -> Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "1, or 1.1 for a feed that uses `language` or `translations`.",
            "enum": [1, 1.1]
        })
    }
}

/// A Scorecard feed: where elected officials and candidates stand on one or more questions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Scorecard feed, format version 1.1"))]
pub struct FeedDoc<'a> {
    /// Optional link to this schema, for editors that validate JSON.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 1, or 1.1 for a feed that uses `language` or `translations`.
    pub format_version: FormatVersion,
    pub meta: MetaDoc,
    /// One or more questions, e.g. "Did they endorse Bernie Sanders for president in 2020?".
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub questions: Vec<QuestionDoc>,
    #[serde(borrow)]
    pub officials: Vec<OfficialDoc<'a>>,
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
    /// Which districts the officials' `district` and `division_id` are, as an id for the period,
    /// e.g. `us-house-119` (U.S. House districts of the 119th Congress) or `us-house-116`. ZIP
    /// code lookups match districts only when this equals the ZIP table's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$")))]
    pub districts: Option<String>,
    /// Where this feed's ZIP table is: the folder of its shard files (`054.json`, …), relative to
    /// the feed's address (e.g. `../zip/`) or a full `https://` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip_table: Option<String>,
    /// A donation search for officials without a `donate_url`: an `https://` address with the
    /// placeholders `{name}`, `{state}` and `{office}`, e.g.
    /// `https://example.org/search?q={name}&state={state}`. Values are percent-encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub donation_search: Option<String>,
    /// Where readers can follow this feed's changes: the address of its Atom feed (as
    /// `scorecard-feed diff --format atom` writes it). The widget shows "Follow updates" with
    /// this link. Must start with `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub updates_url: Option<String>,
    /// The language the feed's texts are written in, as a BCP 47 tag: `en` (the default),
    /// `es`, `es-US`, … (format 1.1). Screen readers pronounce the feed's words in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")))]
    pub language: Option<String>,
    /// The title and description in other languages, keyed by BCP 47 tag (format 1.1), e.g.
    /// `{"es": {"title": "¿Quién respaldó a Bernie Sanders en 2020?"}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, schema_only::MetaTranslationDoc>"))]
    pub translations: BTreeMap<String, TranslationDoc>,
}

/// One object's texts in another language: the fields of the object it sits in (`meta`: `title`,
/// `description`; a question: `text`, `label`, `description`; a stance: `label`,
/// `description`), each optional (a text without a translation is shown in the feed's own
/// language). One type for the three, so reading them costs the widget one map's code rather
/// than three; the schema lists each object's own fields (`schema_only`), and a field that does
/// not belong to its object is ignored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TranslationDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What the JSON Schema says each object's translations hold.
#[cfg(feature = "schema")]
#[allow(dead_code)] // only their schemas are used
mod schema_only {
    /// `meta`'s texts in one other language. Each is optional: a text without a translation is
    /// shown in the feed's own language.
    #[derive(schemars::JsonSchema)]
    pub struct MetaTranslationDoc {
        pub title: Option<String>,
        pub description: Option<String>,
    }

    /// A question's texts in one other language.
    #[derive(schemars::JsonSchema)]
    pub struct QuestionTranslationDoc {
        pub text: Option<String>,
        pub label: Option<String>,
        pub description: Option<String>,
    }

    /// A stance's texts in one other language.
    #[derive(schemars::JsonSchema)]
    pub struct StanceTranslationDoc {
        pub label: Option<String>,
        pub description: Option<String>,
    }
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
    /// `text`, `label` and `description` in other languages, keyed by BCP 47 tag (format 1.1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, schema_only::QuestionTranslationDoc>"))]
    pub translations: BTreeMap<String, TranslationDoc>,
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
    /// `label` and `description` in other languages, keyed by BCP 47 tag (format 1.1), e.g.
    /// `{"es": {"label": "Respaldó a Sanders"}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, schema_only::StanceTranslationDoc>"))]
    pub translations: BTreeMap<String, TranslationDoc>,
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
pub struct OfficialDoc<'a> {
    /// Stable identifier, unique in the feed; share links and saved shortlists refer to it,
    /// so never reuse or change it. If missing, one is made from the name and state.
    #[serde(borrow, default, deserialize_with = "lenient::opt_string", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String", length(min = 1, max = 128)))]
    pub id: Option<Text<'a>>,
    #[serde(borrow)]
    pub name: Text<'a>,
    /// Name for sorting, e.g. "Sanders, Bernie". Defaults to the last word of `name`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub sort_name: Option<Text<'a>>,
    /// USPS code of the state or territory, e.g. "VT", "DC", "PR".
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{2}$")))]
    #[serde(borrow)]
    pub state: Text<'a>,
    /// Office or role, e.g. "Senator", "Mayor", "DNC member" (Popolo: membership role).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Text<'a>>,
    /// District, e.g. "7" or "At-large". Numbers are accepted and read as text.
    #[serde(borrow, default, deserialize_with = "lenient::opt_string", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub district: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Text<'a>>,
    /// Party name, e.g. "Democratic".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Text<'a>>,
    /// Open Civic Data division id, e.g. "ocd-division/country:us/state:vt/cd:1".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^ocd-division/")))]
    pub division_id: Option<Text<'a>>,
    /// Identifiers in other systems (Popolo style). Known schemes: `fec` (FEC candidate id,
    /// e.g. "S4VT00033"), `bioguide` (e.g. "S000033"), `ocd-person`, `wikidata`. A scheme may
    /// appear more than once: someone who ran for the House and the Senate has an FEC id for
    /// each. Links use the first.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<IdentifierDoc<'a>>,
    /// Official or campaign website; must start with `https://`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub website: Option<Text<'a>>,
    /// The official's contact form; must start with `https://`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub contact_url: Option<Text<'a>>,
    /// Where to give to this official's campaign; must start with `https://`. ActBlue links
    /// get the amount and refcode added.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub donate_url: Option<Text<'a>>,
    /// Public contact e-mail address.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text<'a>>,
    /// Photo URL; must start with `https://`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub image: Option<Text<'a>>,
    /// The official's stance on each question, keyed by question id.
    #[serde(borrow, default)]
    #[cfg_attr(feature = "schema", schemars(with = "std::collections::BTreeMap<String, StanceRecordDoc<'a>>"))]
    pub stances: StanceMap<'a>,
}

/// An identifier in another system, e.g. `{"scheme": "fec", "identifier": "S4VT00033"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdentifierDoc<'a> {
    #[serde(borrow)]
    pub scheme: Text<'a>,
    #[serde(borrow)]
    pub identifier: Text<'a>,
}

/// Where an official stands on one question, and why we believe it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceRecordDoc<'a> {
    /// A stance id from the question's `stances`.
    #[serde(borrow)]
    pub stance: Text<'a>,
    /// More precise wording, e.g. whom they endorsed: "Joe Biden".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text<'a>>,
    /// When they took this stance, `YYYY-MM-DD`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<Text<'a>>,
    /// Sources for the stance.
    #[serde(borrow, default, deserialize_with = "short_list", skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceDoc<'a>>,
}

/// A source for a stance: a link, and optionally its date and a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvidenceDoc<'a> {
    /// Must start with `https://`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://")))]
    pub url: Option<Text<'a>>,
    /// Headline or name of the source.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'a>>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<Text<'a>>,
    /// A short quote from the source.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text<'a>>,
}

/// Text of an official's record, borrowed from the feed's bytes when it has no escapes.
///
/// Loading a big feed reads a dozen texts per official, most of them only to check, intern or
/// copy them (state codes, offices, parties, question ids, stance ids, dates); borrowing them
/// saves an allocation and a free each. Texts made in code (CSV import, `Feed::to_doc`) are owned.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text<'a>(pub Cow<'a, str>);

impl Text<'_> {
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text(Cow::Borrowed(text))
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Owned(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text(Cow::Owned(v)))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text<'_> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// An official's stances, keyed by question id, in the order the feed lists them.
///
/// Written as a JSON object; kept as a list because most officials answer one or two questions
/// (a map would allocate a node per official). A question listed twice keeps its last stance,
/// as a map would.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StanceMap<'a>(pub Vec<(Text<'a>, StanceRecordDoc<'a>)>);

impl<'a> StanceMap<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &(Text<'a>, StanceRecordDoc<'a>)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The stance given for a question (the last one, if the feed lists the question twice).
    pub fn get(&self, question: &str) -> Option<&StanceRecordDoc<'a>> {
        self.0.iter().rev().find(|(q, _)| *q == question).map(|(_, record)| record)
    }

    pub fn get_mut(&mut self, question: &str) -> Option<&mut StanceRecordDoc<'a>> {
        self.0.iter_mut().rev().find(|(q, _)| *q == question).map(|(_, record)| record)
    }
}

impl<'a, K: Into<Text<'a>>, const N: usize> From<[(K, StanceRecordDoc<'a>); N]> for StanceMap<'a> {
    fn from(entries: [(K, StanceRecordDoc<'a>); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<'a> IntoIterator for StanceMap<'a> {
    type Item = (Text<'a>, StanceRecordDoc<'a>);
    type IntoIter = std::vec::IntoIter<Self::Item>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K: Into<Text<'a>>> FromIterator<(K, StanceRecordDoc<'a>)> for StanceMap<'a> {
    fn from_iter<I: IntoIterator<Item = (K, StanceRecordDoc<'a>)>>(iter: I) -> Self {
        StanceMap(iter.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

impl Serialize for StanceMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (question, record) in &self.0 {
            map.serialize_entry(question, record)?;
        }
        map.end()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for StanceMap<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for EntriesVisitor<'a> {
            type Value = StanceMap<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map") // as a map would say: `explain` words it for organizers
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(entry) = map.next_entry()? {
                    // Most officials are rated on one question.
                    push_from_one(&mut entries, entry);
                }
                Ok(StanceMap(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

/// Pushes to a list that starts with room for one item, as most lists in a feed (an official's
/// stances, a stance's evidence) have one: a `Vec` grown by pushing starts with room for four,
/// and at 100k officials those unused rooms were 4% of a load in the browser.
fn push_from_one<T>(items: &mut Vec<T>, item: T) {
    if items.capacity() == 0 {
        items.reserve_exact(1);
    }
    items.push(item);
}

/// A list read with room for one item at first (see [`push_from_one`]).
fn short_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct ListVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence") // as a `Vec` would say: `explain` words it for organizers
        }
        fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<T>, S::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(item) = seq.next_element()? {
                push_from_one(&mut items, item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(ListVisitor(std::marker::PhantomData))
}

/// Spreadsheet exports often turn ids and district numbers into JSON numbers; read those as
/// text instead of rejecting the whole record.
mod lenient {
    use serde::de::{self, Deserializer, Visitor};
    use std::fmt;

    use super::{Text, TextVisitor};

    pub fn opt_string<'de: 'a, 'a, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Text<'a>>, D::Error> {
        struct OptString;
        impl<'de> Visitor<'de> for OptString {
            type Value = Option<Text<'de>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            // Text as any `Text` field reads it (borrowed when it can be).
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                TextVisitor.visit_borrowed_str(v).map(Some)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                TextVisitor.visit_str(v).map(Some)
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                TextVisitor.visit_string(v).map(Some)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(Text::from(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(Text::from(v.to_string())))
            }
            // A whole number as an integer ("7" for 7.0, as `Display` writes it), others as
            // serde_json's own float printer writes them: the standard library's would add
            // about 10 KB to the wasm for a district or id written as 7.5.
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                let text = if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    (v as i64).to_string()
                } else {
                    zmij::Buffer::new().format(v).to_string()
                };
                Ok(Some(Text::from(text)))
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
