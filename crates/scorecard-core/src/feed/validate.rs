//! From wire types to a checked [`Feed`], reporting every problem where the organizer can find it.
//!
//! One validator serves JSON feeds and CSV imports alike; a [`Locate`] implementation turns a
//! [`FeedPath`] into a JSON line:column or a CSV row and column.
//!
//! Policy: a problem that makes a record meaningless (no name, unknown state, duplicate id)
//! skips that official with an error; a problem in an optional part (a bad link, a bad date,
//! an unknown stance, an over-long text) drops or repairs that part with a warning and keeps the
//! official. Here, only a wrong `format_version` or a feed with no usable question fails the
//! whole feed (reading the bytes can fail earlier: encoding, JSON syntax).

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::doc::{
    EvidenceDoc, FeedDoc, MetaDoc, NamedLinkDoc, OfficialDoc, QuestionDoc, StanceMap, Text, Tone, FORMAT_VERSION,
};
use super::model::{
    id_hash, Evidence, Feed, Identifier, Meta, NamedLink, Official, Question, Stance, StanceIx, StanceRecord,
};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::donate::DonationSearch;
use crate::link::SafeUrl;
use crate::states::State;
use crate::text::{self, clean, is_identifier, slug};

/// Most questions a feed may have.
pub const MAX_QUESTIONS: usize = 64;
/// Most stances one question may have (they are filtered with a 64-bit mask).
pub const MAX_STANCES: usize = 32;

/// Longest texts kept, in characters; longer ones are cut with a warning.
mod limits {
    pub const NAME: usize = 200;
    pub const SHORT: usize = 200;
    pub const DETAIL: usize = 500;
    pub const QUOTE: usize = 2000;
    pub const DESCRIPTION: usize = 5000;
    pub const ID: usize = 128;
}

/// A place in a feed, independent of how the feed was written down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedPath<'a> {
    /// A field of the feed or of `meta`, e.g. `"format_version"`, `"meta.title"`.
    Root(&'a str),
    /// Question number `index` (in the input's order); `field` like `"stances[2].id"` or empty.
    Question { index: usize, field: Cow<'a, str> },
    /// Official number `index` (in the input's order); `field` like `"state"` or
    /// `"stances.sanders.evidence[0].url"`, or empty for the whole record.
    Official { index: usize, field: Cow<'a, str> },
}

impl<'a> FeedPath<'a> {
    pub fn question(index: usize, field: impl Into<Cow<'a, str>>) -> Self {
        FeedPath::Question { index, field: field.into() }
    }

    pub fn official(index: usize, field: impl Into<Cow<'a, str>>) -> Self {
        FeedPath::Official { index, field: field.into() }
    }
}

/// Turns a [`FeedPath`] into a location in the input the organizer wrote.
pub trait Locate {
    fn locate(&self, path: &FeedPath<'_>) -> Location;
}

/// Checks a feed. Returns `None` only when nothing usable remains (wrong format version or no
/// valid question). Sets `report.loaded` and adds the officials skipped here to
/// `report.skipped` (which may already count records lost earlier, e.g. unreadable JSON).
pub fn validate(doc: FeedDoc<'_>, locate: &dyn Locate, report: &mut Report) -> Option<Feed> {
    let count = doc.officials.len();
    validate_records(doc.format_version, doc.meta, doc.questions, doc.officials, count, locate, report)
}

/// [`validate`], for officials that come as any sequence (a feed read in pieces), `count` of them.
pub(crate) fn validate_records<'a>(
    format_version: u32,
    meta: MetaDoc,
    questions: Vec<QuestionDoc>,
    officials: impl IntoIterator<Item = OfficialDoc<'a>>,
    count: usize,
    locate: &dyn Locate,
    report: &mut Report,
) -> Option<Feed> {
    let mut v = Validator { locate, report };
    if format_version != FORMAT_VERSION {
        v.error(
            FeedPath::Root("format_version"),
            format!("this is format version {format_version}; this widget reads version {FORMAT_VERSION}"),
        );
        return None;
    }
    let meta = v.meta(meta);
    let questions = v.questions(questions);
    if questions.is_empty() {
        v.error(FeedPath::Root("questions"), "the feed has no usable question, so there is nothing to show");
        return None;
    }
    let (officials, positions, parties) = v.officials(officials, count, &questions);
    Some(Feed::assemble(meta, questions, officials, positions, parties))
}

struct Validator<'a> {
    locate: &'a dyn Locate,
    report: &'a mut Report,
}

impl Validator<'_> {
    fn error(&mut self, path: FeedPath<'_>, message: impl Into<String>) {
        let location = self.locate.locate(&path);
        self.report.push(Diagnostic::error(location, message));
    }

    fn warn(&mut self, path: FeedPath<'_>, message: impl Into<String>) {
        let location = self.locate.locate(&path);
        self.report.push(Diagnostic::warning(location, message));
    }

    /// Cleans display text and cuts it to `max` characters, with a warning naming `what` when
    /// it had to cut. `None` for text that is empty once cleaned.
    ///
    /// `at` is a function so the path (often formatted) is only built when there is a problem:
    /// loading runs this for every text of every official.
    fn limited<'p, 't>(
        &mut self,
        value: Option<impl Into<Text<'t>>>,
        max: usize,
        at: impl FnOnce() -> FeedPath<'p>,
        what: &str,
    ) -> Option<String> {
        self.limited_text(value, max, at, what).map(Text::into_owned)
    }

    /// [`Self::limited`], still borrowing from the input when the text was already clean: for
    /// texts that are only looked up (offices and parties are interned).
    fn limited_text<'p, 't>(
        &mut self,
        value: Option<impl Into<Text<'t>>>,
        max: usize,
        at: impl FnOnce() -> FeedPath<'p>,
        what: &str,
    ) -> Option<Text<'t>> {
        let cleaned = clean_text(value?.into());
        if cleaned.is_empty() {
            return None;
        }
        if cleaned.len() > max && cleaned.chars().count() > max {
            self.warn(at(), format!("{what} is longer than {max} characters and was shortened"));
            return Some(Text::from(text::truncate(&cleaned, max)));
        }
        Some(cleaned)
    }

    fn meta(&mut self, doc: MetaDoc) -> Meta {
        let title = self.limited(Some(doc.title), limits::SHORT, || FeedPath::Root("meta.title"), "the title");
        let title = title.unwrap_or_else(|| {
            self.warn(FeedPath::Root("meta.title"), "the feed has no title; showing \"Scorecard\"");
            "Scorecard".to_string()
        });
        let description = self.limited(
            doc.description,
            limits::DESCRIPTION,
            || FeedPath::Root("meta.description"),
            "the description",
        );
        let updated = doc.updated.and_then(|d| {
            let parsed = Date::parse_iso(d.trim());
            if parsed.is_none() {
                self.warn(FeedPath::Root("meta.updated"), format!("\"{d}\" is not a date like 2020-03-27; ignored"));
            }
            parsed
        });
        let districts = doc.districts.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()).and_then(|d| {
            let ok = is_identifier(&d);
            if !ok {
                self.warn(
                    FeedPath::Root("meta.districts"),
                    format!(
                        "\"{}\" is not a districts id like us-house-119 (lower-case letters, digits, - and _); ignored",
                        text::truncate(&clean(&d), 40)
                    ),
                );
            }
            ok.then_some(d)
        });
        let zip_table =
            doc.zip_table.filter(|z| !z.trim().is_empty()).and_then(|z| {
                match crate::link::relative_or_https(&z, "ZIP tables", "the feed") {
                    Ok(url) => Some(url),
                    Err(problem) => {
                        self.warn(FeedPath::Root("meta.zip_table"), format!("{problem}; ignored"));
                        None
                    }
                }
            });
        let donation_search =
            doc.donation_search.filter(|t| !t.trim().is_empty()).and_then(|t| match DonationSearch::parse(&t) {
                Ok(search) => Some(search),
                Err(problem) => {
                    self.warn(FeedPath::Root("meta.donation_search"), format!("{problem}; dropped"));
                    None
                }
            });
        Meta {
            title,
            description,
            publisher: self.named_link(doc.publisher, "meta.publisher.url"),
            attribution: self.named_link(doc.attribution, "meta.attribution.url"),
            license: self.named_link(doc.license, "meta.license.url"),
            updated,
            districts,
            zip_table,
            donation_search,
        }
    }

    fn named_link(&mut self, doc: Option<NamedLinkDoc>, url_path: &'static str) -> Option<NamedLink> {
        let doc = doc?;
        let url = doc.url.and_then(|u| match SafeUrl::https(&u) {
            Ok(url) => Some(url),
            Err(problem) => {
                self.warn(FeedPath::Root(url_path), format!("{problem}; link dropped"));
                None
            }
        });
        let text_path = format!("{}text", url_path.trim_end_matches("url"));
        match self.limited(Some(doc.text), limits::SHORT, || FeedPath::Root(&text_path), "the text") {
            Some(text) => Some(NamedLink { text, url }),
            None => url.map(|url| NamedLink { text: url.site_name().to_string(), url: Some(url) }),
        }
    }

    fn questions(&mut self, docs: Vec<QuestionDoc>) -> Vec<Question> {
        let mut questions: Vec<Question> = Vec::new();
        for (index, doc) in docs.into_iter().enumerate() {
            if questions.len() == MAX_QUESTIONS {
                self.error(
                    FeedPath::question(index, ""),
                    format!("a feed may have at most {MAX_QUESTIONS} questions; the rest were skipped"),
                );
                break;
            }
            let id = doc.id.trim().to_string();
            if !is_identifier(&id) {
                self.error(
                    FeedPath::question(index, "id"),
                    format!("question id \"{id}\" must be 1–64 lower-case letters, digits, - or _; question skipped"),
                );
                continue;
            }
            if questions.iter().any(|q| q.id == id) {
                self.error(
                    FeedPath::question(index, "id"),
                    format!("another question already has the id \"{id}\"; question skipped"),
                );
                continue;
            }
            let Some(stances) = self.stances(index, doc.stances) else {
                continue;
            };
            let label = self.limited(doc.label, limits::SHORT, || FeedPath::question(index, "label"), "the label");
            let text =
                self.limited(Some(doc.text), limits::SHORT * 2, || FeedPath::question(index, "text"), "the question");
            let text = text.unwrap_or_else(|| {
                self.warn(FeedPath::question(index, "text"), "the question has no text; using its label or id");
                label.clone().unwrap_or_else(|| id.clone())
            });
            let description = self.limited(
                doc.description,
                limits::DESCRIPTION,
                || FeedPath::question(index, "description"),
                "the description",
            );
            let default_stance = doc.default_stance.and_then(|d| {
                let found = stances.iter().position(|s| s.id == d.trim()).map(|i| i as StanceIx);
                if found.is_none() {
                    self.warn(
                        FeedPath::question(index, "default_stance"),
                        format!("\"{d}\" is not one of this question's stances; ignored"),
                    );
                }
                found
            });
            questions.push(Question {
                id,
                label: label.unwrap_or_else(|| text::truncate(&text, limits::SHORT)),
                text,
                description,
                stances,
                default_stance,
            });
        }
        questions
    }

    /// The question's stances in display order, or `None` (question skipped) if unusable.
    fn stances(&mut self, q: usize, docs: Vec<super::doc::StanceDoc>) -> Option<Vec<Stance>> {
        if docs.is_empty() {
            self.error(FeedPath::question(q, "stances"), "the question has no stances; question skipped");
            return None;
        }
        if docs.len() > MAX_STANCES {
            self.error(
                FeedPath::question(q, "stances"),
                format!(
                    "a question may have at most {MAX_STANCES} stances, this one has {}; question skipped",
                    docs.len()
                ),
            );
            return None;
        }
        let mut stances: Vec<(i64, Stance)> = Vec::with_capacity(docs.len());
        for (i, doc) in docs.into_iter().enumerate() {
            let field = format!("stances[{i}]");
            let id = doc.id.trim().to_string();
            if !is_identifier(&id) || stances.iter().any(|(_, s)| s.id == id) {
                let why = if is_identifier(&id) {
                    "is used twice"
                } else {
                    "must be 1–64 lower-case letters, digits, - or _"
                };
                self.error(
                    FeedPath::question(q, format!("{field}.id")),
                    format!("stance id \"{id}\" {why}; question skipped"),
                );
                return None;
            }
            let color = doc.color.and_then(|c| {
                let c = c.trim().to_string();
                let ok = c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if !ok {
                    self.warn(
                        FeedPath::question(q, format!("{field}.color")),
                        format!("colour \"{c}\" is not like #1b7837; ignored"),
                    );
                }
                ok.then(|| c.to_ascii_lowercase())
            });
            let label = self.limited(
                Some(doc.label),
                limits::SHORT,
                || FeedPath::question(q, format!("{field}.label")),
                "the label",
            );
            let label = label.unwrap_or_else(|| id.clone());
            let description = self.limited(
                doc.description,
                limits::DESCRIPTION,
                || FeedPath::question(q, format!("{field}.description")),
                "the description",
            );
            let order = doc.order.map_or(i as i64, i64::from);
            stances.push((order, Stance { id, label, description, tone: doc.tone.unwrap_or(Tone::Neutral), color }));
        }
        stances.sort_by_key(|(order, _)| *order); // stable: ties keep list order
        Some(stances.into_iter().map(|(_, s)| s).collect())
    }

    fn officials<'a>(
        &mut self,
        docs: impl IntoIterator<Item = OfficialDoc<'a>>,
        count: usize,
        questions: &[Question],
    ) -> (Vec<Official>, Vec<String>, Vec<String>) {
        let mut officials = Vec::with_capacity(count);
        let mut ids = SeenIds::with_capacity(count);
        let mut positions = Interner::default();
        let mut parties = Interner::default();
        for (index, doc) in docs.into_iter().enumerate() {
            match self.official(index, doc, questions, &ids, &officials, &mut positions, &mut parties) {
                Some(official) => {
                    ids.insert(&official.id, officials.len(), index);
                    officials.push(official);
                }
                None => self.report.skipped += 1,
            }
        }
        self.report.loaded = officials.len();
        (officials, positions.table, parties.table)
    }

    #[allow(clippy::too_many_arguments)]
    fn official(
        &mut self,
        index: usize,
        doc: OfficialDoc<'_>,
        questions: &[Question],
        ids: &SeenIds,
        officials: &[Official],
        positions: &mut Interner,
        parties: &mut Interner,
    ) -> Option<Official> {
        let at = |field: &'static str| FeedPath::official(index, field);
        let Some(name) = self.limited(Some(doc.name), limits::NAME, || at("name"), "the name") else {
            self.error(at("name"), "the official has no name; skipped");
            return None;
        };
        let Some(state) = State::parse(&doc.state) else {
            let shown = clean(&doc.state);
            let message = if shown.is_empty() {
                format!("{name} has no state; skipped")
            } else {
                format!("\"{shown}\" is not a U.S. state or territory code (like VT, DC or PR); {name} skipped")
            };
            self.error(at("state"), message);
            return None;
        };
        let id = match doc.id.map(clean_text).filter(|id| !id.is_empty()) {
            Some(id) if id.chars().count() > limits::ID => {
                self.error(at("id"), format!("the id is longer than {} characters; {name} skipped", limits::ID));
                return None;
            }
            Some(id) => {
                if let Some(first) = ids.first_with(&id, officials) {
                    let first_at = self.locate.locate(&FeedPath::official(first, ""));
                    self.error(
                        at("id"),
                        format!("the id \"{id}\" is already used by the official at {first_at}; {name} skipped"),
                    );
                    return None;
                }
                id.into_owned()
            }
            None => {
                // Slugs of long names are cut so made-up ids stay well within the id limit.
                let name_slug: String = slug(&name).chars().take(limits::ID - 10).collect();
                let base = format!("{}-{}", name_slug.trim_end_matches('-'), state.code().to_ascii_lowercase());
                let mut id = base.clone();
                let mut n = 2;
                while ids.first_with(&id, officials).is_some() {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                self.warn(at("id"), format!("{name} has no id; using \"{id}\", made from the name and state"));
                id
            }
        };
        let sort_name = self.limited(doc.sort_name, limits::NAME, || at("sort_name"), "the sort name");
        let position = self.limited_text(doc.position, limits::SHORT, || at("position"), "the position");
        let position = position.map(|p| positions.intern(&p));
        let district = self.limited(doc.district, limits::SHORT, || at("district"), "the district");
        let city = self.limited(doc.city, limits::SHORT, || at("city"), "the city");
        let party = self.limited_text(doc.party, limits::SHORT, || at("party"), "the party");
        let party = party.map(|p| parties.intern(&p));
        let division_id = doc.division_id.as_deref().map(str::trim).filter(|d| !d.is_empty()).and_then(|d| {
            let ok = text::is_division_id(d);
            if !ok {
                self.warn(
                    at("division_id"),
                    format!("\"{}\" is not an Open Civic Data division id; ignored", text::truncate(&clean(d), 80)),
                );
            }
            ok.then(|| d.to_string())
        });
        let identifiers =
            doc.identifiers.into_iter().enumerate().filter_map(|(i, ident)| self.identifier(index, i, ident)).collect();
        let website = self.https(doc.website, || at("website"));
        let contact_url = self.https(doc.contact_url, || at("contact_url"));
        let donate_url = self.https(doc.donate_url, || at("donate_url"));
        let image = self.https(doc.image, || at("image"));
        let email = doc.email.filter(|e| !e.trim().is_empty()).and_then(|e| match SafeUrl::mailto(&e) {
            Ok(url) => Some(url),
            Err(problem) => {
                self.warn(at("email"), format!("{problem}; ignored"));
                None
            }
        });
        let stances = self.stance_records(index, &name, doc.stances, questions);
        Some(Official {
            id,
            name,
            sort_name,
            state,
            position,
            district,
            city,
            party,
            division_id,
            identifiers,
            website,
            contact_url,
            donate_url,
            email,
            image,
            stances,
        })
    }

    fn identifier(&mut self, official: usize, i: usize, doc: super::doc::IdentifierDoc<'_>) -> Option<Identifier> {
        let scheme = doc.scheme.trim().to_ascii_lowercase();
        let identifier = clean(&doc.identifier);
        let at = || FeedPath::official(official, format!("identifiers[{i}]"));
        let valid = match scheme.as_str() {
            "" => {
                self.warn(at(), "the identifier has no scheme; ignored");
                return None;
            }
            // FEC candidate ids: office (H, S or P), a digit, two state letters (or 00), five digits.
            "fec" => {
                let b = identifier.as_bytes();
                b.len() == 9
                    && matches!(b[0], b'H' | b'S' | b'P')
                    && b[1].is_ascii_digit()
                    && b[2..4].iter().all(u8::is_ascii_alphanumeric)
                    && b[4..].iter().all(u8::is_ascii_digit)
            }
            "bioguide" => {
                let b = identifier.as_bytes();
                b.len() == 7 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
            }
            _ => !identifier.is_empty() && identifier.len() <= 200,
        };
        if !valid {
            self.warn(
                at(),
                format!("\"{}\" is not a valid {scheme} identifier; ignored", text::truncate(&identifier, 40)),
            );
            return None;
        }
        Some(Identifier { scheme, identifier })
    }

    fn https<'p>(&mut self, value: Option<Text<'_>>, at: impl FnOnce() -> FeedPath<'p>) -> Option<SafeUrl> {
        let value = value.filter(|v| !v.trim().is_empty())?;
        match SafeUrl::https(&value) {
            Ok(url) => Some(url),
            Err(problem) => {
                let location = self.locate.locate(&at());
                self.report.push(Diagnostic::warning(location, format!("{problem}; link dropped")));
                None
            }
        }
    }

    fn stance_records(
        &mut self,
        index: usize,
        name: &str,
        docs: StanceMap<'_>,
        questions: &[Question],
    ) -> Vec<Option<StanceRecord>> {
        let mut records: Vec<Option<StanceRecord>> = vec![None; questions.len()];
        for (question_id, doc) in docs {
            // Paths are built only when there is something to report.
            let at = |suffix: &str| FeedPath::official(index, format!("stances.{question_id}{suffix}"));
            let Some(q) = questions.iter().position(|q| q.id == *question_id) else {
                self.warn(at(""), format!("there is no question \"{question_id}\"; this stance of {name} is ignored"));
                continue;
            };
            let question = &questions[q];
            let Some(stance) = question.stance_index(doc.stance.trim()) else {
                let known: Vec<&str> = question.stances.iter().map(|s| s.id.as_str()).collect();
                let shown_as = match question.default_stance {
                    Some(d) => format!("\"{}\", the question's default", question.stances[d as usize].label),
                    None => "not rated".to_string(),
                };
                self.warn(
                    at(".stance"),
                    format!(
                        "\"{}\" is not a stance of question \"{question_id}\" (expected one of: {}); {name} is shown as {shown_as}",
                        text::truncate(&clean(&doc.stance), 40),
                        known.join(", ")
                    ),
                );
                continue;
            };
            let detail = self.limited(doc.detail, limits::DETAIL, || at(".detail"), "the detail");
            let date = self.date(doc.date, || at(".date"));
            let evidence = doc
                .evidence
                .into_iter()
                .enumerate()
                .filter_map(|(i, e)| self.evidence(index, &question_id, i, e))
                .collect();
            records[q] = Some(StanceRecord { stance, detail, date, evidence });
        }
        for (record, question) in records.iter_mut().zip(questions) {
            if record.is_none() {
                *record = question.default_stance.map(|stance| StanceRecord {
                    stance,
                    detail: None,
                    date: None,
                    evidence: Vec::new(),
                });
            }
        }
        records
    }

    fn evidence(&mut self, index: usize, question_id: &str, i: usize, doc: EvidenceDoc<'_>) -> Option<Evidence> {
        let at = |field: &str| FeedPath::official(index, format!("stances.{question_id}.evidence[{i}].{field}"));
        let url = self.https(doc.url, || at("url"));
        let date = self.date(doc.date, || at("date"));
        let title = self.limited(doc.title, limits::SHORT, || at("title"), "the title");
        let quote = self.limited(doc.quote, limits::QUOTE, || at("quote"), "the quote");
        // Evidence with nothing to show (e.g. only an unsafe link that was dropped) is removed;
        // its date, if any, is not lost for sorting because the stance keeps its own date.
        (url.is_some() || title.is_some() || quote.is_some()).then_some(Evidence { url, title, date, quote })
    }

    fn date<'p>(&mut self, value: Option<Text<'_>>, at: impl FnOnce() -> FeedPath<'p>) -> Option<Date> {
        let value = value.filter(|v| !v.trim().is_empty())?;
        let parsed = Date::parse_iso(value.trim());
        if parsed.is_none() {
            let location = self.locate.locate(&at());
            self.report.push(Diagnostic::warning(
                location,
                format!("\"{}\" is not a date like 2020-03-27; date ignored", text::truncate(&clean(&value), 40)),
            ));
        }
        parsed
    }
}

/// Cleans text, keeping it as it is (borrowed or owned) when it is already clean: the common case.
fn clean_text(value: Text<'_>) -> Text<'_> {
    if text::needs_cleaning(&value) {
        Text::from(clean(&value))
    } else {
        value
    }
}

/// A `HashMap` with a fast hash: FNV-1a, then a 64-bit finalizer (murmur3's fmix64) so every
/// bit of the key reaches the bits the table uses. Loading looks up every official's id, office
/// and party, and std's SipHash was 60 ms of a 100k load in the browser. Its random key guards
/// against inputs crafted to collide; the ids here come from the feed's own publisher, who could
/// slow their readers down as well by publishing a bigger feed, so the guard buys little.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The ids of the officials kept so far, to refuse a second official with the same id.
///
/// Keyed by [`id_hash`] so no id is copied; a different id with the same hash (possible, since
/// FNV is not collision-resistant) goes to a second map, by its text.
struct SeenIds {
    /// id hash → (position in the officials kept, input index of that official).
    by_hash: FastMap<u64, (u32, u32)>,
    collided: FastMap<String, u32>,
}

impl SeenIds {
    fn with_capacity(n: usize) -> Self {
        SeenIds { by_hash: FastMap::with_capacity_and_hasher(n, Default::default()), collided: FastMap::default() }
    }

    /// The input index of the kept official with this id, if any.
    fn first_with(&self, id: &str, officials: &[Official]) -> Option<usize> {
        match self.by_hash.get(&id_hash(id)) {
            Some(&(kept, index)) if officials[kept as usize].id == id => Some(index as usize),
            Some(_) => self.collided.get(id).map(|&index| index as usize),
            None => None,
        }
    }

    fn insert(&mut self, id: &str, kept: usize, index: usize) {
        let entry = (kept as u32, index as u32);
        match self.by_hash.entry(id_hash(id)) {
            Entry::Vacant(slot) => {
                slot.insert(entry);
            }
            Entry::Occupied(_) => {
                self.collided.insert(id.to_string(), index as u32);
            }
        }
    }
}

/// Distinct strings (offices, parties) numbered in first-seen order; `Feed::assemble` sorts them.
#[derive(Default)]
pub(super) struct Interner {
    pub(super) table: Vec<String>,
    lookup: FastMap<String, u32>,
}

impl Interner {
    pub(super) fn intern(&mut self, value: &str) -> u32 {
        if let Some(i) = self.lookup.get(value) {
            return *i;
        }
        let i = self.table.len() as u32;
        self.lookup.insert(value.to_string(), i);
        self.table.push(value.to_string());
        i
    }
}
