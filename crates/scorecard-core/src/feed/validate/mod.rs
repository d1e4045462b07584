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

mod officials;

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::doc::{
    EvidenceDoc, FeedDoc, FormatVersion, MetaDoc, NamedLinkDoc, OfficialDoc, QuestionDoc, StanceMap, Text, Tone,
};
use super::language::{self, primary, Translations};
use super::lookup::{Interner, SeenIds};
use super::model::{
    Evidence, Feed, Identifier, Meta, MetaTranslation, NameTexts, NamedLink, Official, Question, QuestionTranslation,
    Stance, StanceIx, StanceRecord, StanceTranslation,
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
    format_version: FormatVersion,
    meta: MetaDoc,
    questions: Vec<QuestionDoc>,
    officials: impl IntoIterator<Item = OfficialDoc<'a>>,
    count: usize,
    locate: &dyn Locate,
    report: &mut Report,
) -> Option<Feed> {
    let mut feed = FeedValidator::start(format_version, meta, questions, count, locate, report)?;
    for official in officials {
        feed.official(official);
    }
    Some(feed.finish())
}

/// A feed checked as it is read: the version, meta and questions first, then each official as
/// the reader gives it, so a reader need not hold every official's wire record at once (at 100k
/// officials those records outweigh the checked feed, and wasm memory never shrinks).
pub(crate) struct FeedValidator<'a> {
    v: Validator<'a>,
    meta: Meta,
    questions: Vec<Question>,
    officials: officials::Officials,
}

impl<'a> FeedValidator<'a> {
    /// Checks everything but the officials; `None` (with the error reported) when the feed is
    /// unusable: another format version, or no usable question. `count`: the officials
    /// expected, if known (0 if not).
    pub(crate) fn start(
        format_version: FormatVersion,
        meta: MetaDoc,
        questions: Vec<QuestionDoc>,
        count: usize,
        locate: &'a dyn Locate,
        report: &'a mut Report,
    ) -> Option<Self> {
        let mut v = Validator { locate, report };
        if !format_version.is_supported() {
            v.error(
                FeedPath::Root("format_version"),
                format!("this is format version {format_version}; this widget reads versions 1 and 1.1"),
            );
            return None;
        }
        let meta = v.meta(meta);
        let questions = v.questions(questions, meta.language());
        if questions.is_empty() {
            v.error(FeedPath::Root("questions"), "the feed has no usable question, so there is nothing to show");
            return None;
        }
        Some(FeedValidator { v, meta, questions, officials: officials::Officials::with_capacity(count) })
    }

    /// Checks the next official (keeps it, or reports and skips it).
    pub(crate) fn official(&mut self, doc: OfficialDoc<'_>) {
        self.v.push_official(&mut self.officials, doc, &self.questions);
    }

    /// Makes room for about `more` officials still to come (a guess: too many wastes room,
    /// too few only grows as usual).
    pub(crate) fn expect(&mut self, more: usize) {
        // A guess: if the room cannot be had, the lists grow as they go instead.
        if self.officials.kept.try_reserve_exact(more).is_ok() {
            self.officials.ids.reserve(more);
        }
    }

    /// Officials read so far, kept or skipped.
    pub(crate) fn read(&self) -> usize {
        self.officials.read
    }

    /// The checked feed (sets `report.loaded`).
    pub(crate) fn finish(self) -> Feed {
        let FeedValidator { v, meta, questions, officials } = self;
        let officials::Officials { kept, names, ids, positions, parties, .. } = officials;
        v.report.loaded = kept.len();
        Feed::assemble(meta, questions, kept, names, ids.into_claimed(), positions.table, parties.table)
    }
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
        let updates_url = doc.updates_url.filter(|u| !u.trim().is_empty()).and_then(|u| match SafeUrl::https(&u) {
            Ok(url) => Some(url),
            Err(problem) => {
                self.warn(FeedPath::Root("meta.updates_url"), format!("{problem}; dropped"));
                None
            }
        });
        let language = doc.language.filter(|l| !l.trim().is_empty()).and_then(|l| match language::parse_tag(&l) {
            Ok(tag) => Some(tag),
            Err(problem) => {
                let what = problem.describe(&l);
                self.warn(FeedPath::Root("meta.language"), format!("{what}; the feed is read as English (en)"));
                None
            }
        });
        let feed_language = language.as_deref().unwrap_or(language::DEFAULT_LANGUAGE).to_string();
        let translations = self
            .translation_tags(doc.translations, &feed_language, Owner::Meta)
            .into_iter()
            .map(|(tag, t)| {
                let title = self.translated(t.title, limits::SHORT, Owner::Meta, &tag, "title", "the title");
                let description = self.translated(
                    t.description,
                    limits::DESCRIPTION,
                    Owner::Meta,
                    &tag,
                    "description",
                    "the description",
                );
                (tag, MetaTranslation { title, description })
            })
            .collect();
        Meta {
            language,
            translations,
            title,
            description,
            publisher: self.named_link(doc.publisher, "meta.publisher.url"),
            attribution: self.named_link(doc.attribution, "meta.attribution.url"),
            license: self.named_link(doc.license, "meta.license.url"),
            updated,
            districts,
            zip_table,
            donation_search,
            updates_url,
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

    /// An object's translations whose language tags are good, canonical (`es-us` → `es-US`),
    /// each once: a malformed or unknown tag, a repeated one or the feed's own language is a
    /// warning, and that translation is dropped (never an error: the feed's own text remains).
    fn translation_tags<D>(&mut self, docs: BTreeMap<String, D>, feed_language: &str, owner: Owner) -> Translations<D> {
        let mut kept: Translations<D> = Vec::new();
        for (written, doc) in docs {
            let field = owner.field(&format!("translations.{}", language::quoted(&written)));
            let problem = match language::parse_tag(&written) {
                Err(problem) => problem.describe(&written),
                Ok(tag) if kept.iter().any(|(t, _)| *t == tag) => {
                    format!("\"{written}\" is another spelling of the language tag {tag}, already translated")
                }
                Ok(tag) if tag == feed_language || (tag == primary(&tag) && tag == primary(feed_language)) => {
                    format!("\"{tag}\" is the feed's own language (meta.language is \"{feed_language}\")")
                }
                Ok(tag) => {
                    kept.push((tag, doc));
                    continue;
                }
            };
            self.warn(owner.path(&field), format!("{problem}; translation ignored"));
        }
        kept
    }

    /// A translated text, cleaned and cut like the text it translates (`what`, `max`).
    fn translated(
        &mut self,
        value: Option<String>,
        max: usize,
        owner: Owner,
        tag: &str,
        field: &str,
        what: &str,
    ) -> Option<String> {
        let path = owner.field(&format!("translations.{tag}.{field}"));
        let what = format!("{what} in {tag}");
        self.limited(value, max, || owner.path(&path), &what)
    }

    fn questions(&mut self, docs: Vec<QuestionDoc>, feed_language: &str) -> Vec<Question> {
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
            let Some(stances) = self.stances(index, doc.stances, feed_language) else {
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
            let owner = Owner::Question(index);
            let translations = self
                .translation_tags(doc.translations, feed_language, owner)
                .into_iter()
                .map(|(tag, t)| {
                    let text = self.translated(t.text, limits::SHORT * 2, owner, &tag, "text", "the question");
                    let label = self.translated(t.label, limits::SHORT, owner, &tag, "label", "the label");
                    let description = self.translated(
                        t.description,
                        limits::DESCRIPTION,
                        owner,
                        &tag,
                        "description",
                        "the description",
                    );
                    (tag, QuestionTranslation { text, label, description })
                })
                .collect();
            questions.push(Question {
                translations,
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
    fn stances(&mut self, q: usize, docs: Vec<super::doc::StanceDoc>, feed_language: &str) -> Option<Vec<Stance>> {
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
            let owner = Owner::Stance(q, i);
            let translations = self
                .translation_tags(doc.translations, feed_language, owner)
                .into_iter()
                .map(|(tag, t)| {
                    let label = self.translated(t.label, limits::SHORT, owner, &tag, "label", "the label");
                    let description = self.translated(
                        t.description,
                        limits::DESCRIPTION,
                        owner,
                        &tag,
                        "description",
                        "the description",
                    );
                    (tag, StanceTranslation { label, description })
                })
                .collect();
            let tone = doc.tone.unwrap_or(Tone::Neutral);
            stances.push((order, Stance { id, label, description, tone, color, translations }));
        }
        stances.sort_by_key(|(order, _)| *order); // stable: ties keep list order
        Some(stances.into_iter().map(|(_, s)| s).collect())
    }
}

/// What a translation belongs to, for the paths of its problems.
#[derive(Clone, Copy)]
enum Owner {
    Meta,
    Question(usize),
    /// Question, stance (in the feed's order).
    Stance(usize, usize),
}

impl Owner {
    /// The path of `rest` within the owner, as `FeedPath`s write it.
    fn field(self, rest: &str) -> String {
        match self {
            Owner::Meta => format!("meta.{rest}"),
            Owner::Question(_) => rest.to_string(),
            Owner::Stance(_, i) => format!("stances[{i}].{rest}"),
        }
    }

    fn path(self, field: &str) -> FeedPath<'_> {
        match self {
            Owner::Meta => FeedPath::Root(field),
            Owner::Question(q) | Owner::Stance(q, _) => FeedPath::question(q, field),
        }
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
