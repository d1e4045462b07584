//! An official as a diff compares them: the fields a reader sees, as text, and their stance
//! records keyed by question and stance *ids* (indices differ between two feeds whose
//! questions or offices differ). Borrowed from the feed while comparing; only the officials a
//! diff keeps are copied (`into_owned`).

use std::borrow::Cow;

use crate::date::Date;
use crate::feed::lookup::{fnv1a, FNV_OFFSET_BASIS};
use crate::feed::{Evidence, Feed, Official, StanceRecord};
use crate::states::State;

/// The fields of an official a diff compares, besides id and stances, in the order reports
/// list them. `key` is the feed's field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    Name,
    SortName,
    State,
    Position,
    District,
    City,
    Party,
    DivisionId,
    Identifiers,
    Website,
    ContactUrl,
    DonateUrl,
    Email,
    Image,
}

impl Detail {
    pub const ALL: [Detail; 14] = [
        Detail::Name,
        Detail::SortName,
        Detail::State,
        Detail::Position,
        Detail::District,
        Detail::City,
        Detail::Party,
        Detail::DivisionId,
        Detail::Identifiers,
        Detail::Website,
        Detail::ContactUrl,
        Detail::DonateUrl,
        Detail::Email,
        Detail::Image,
    ];

    /// The feed's name for the field, e.g. `contact_url`.
    pub fn key(self) -> &'static str {
        match self {
            Detail::Name => "name",
            Detail::SortName => "sort_name",
            Detail::State => "state",
            Detail::Position => "position",
            Detail::District => "district",
            Detail::City => "city",
            Detail::Party => "party",
            Detail::DivisionId => "division_id",
            Detail::Identifiers => "identifiers",
            Detail::Website => "website",
            Detail::ContactUrl => "contact_url",
            Detail::DonateUrl => "donate_url",
            Detail::Email => "email",
            Detail::Image => "image",
        }
    }

    pub fn from_key(key: &str) -> Option<Detail> {
        Detail::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// An official's stance on one question, with what supports it.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSnap<'a> {
    /// The question's id.
    pub question: Cow<'a, str>,
    /// The stance's id: what decides whether the stance changed.
    pub stance: Cow<'a, str>,
    /// The stance's label, for words (not compared: a relabelled stance is a question change).
    pub label: Cow<'a, str>,
    pub detail: Option<Cow<'a, str>>,
    pub date: Option<Date>,
    pub evidence: Cow<'a, [Evidence]>,
}

impl RecordSnap<'_> {
    /// Same stance, detail, date and evidence (the label is words about the stance id).
    pub fn same_record(&self, other: &RecordSnap<'_>) -> bool {
        self.stance == other.stance
            && self.detail == other.detail
            && self.date == other.date
            && self.evidence == other.evidence
    }

    pub fn into_owned(self) -> RecordSnap<'static> {
        RecordSnap {
            question: Cow::Owned(self.question.into_owned()),
            stance: Cow::Owned(self.stance.into_owned()),
            label: Cow::Owned(self.label.into_owned()),
            detail: self.detail.map(|d| Cow::Owned(d.into_owned())),
            date: self.date,
            evidence: Cow::Owned(self.evidence.into_owned()),
        }
    }

    /// A hash of what [`Self::same_record`] compares, for remembering a record without keeping
    /// it (the widget's "changed since your last visit"). FNV-1a, so it is the same on every
    /// machine and in every build.
    pub fn fingerprint(&self) -> u64 {
        // Dates as their ISO text, without formatting one (the widget hashes every record).
        let date = |d: Option<Date>| d.map(Date::iso_bytes);
        let mut hash = Fingerprint::default().text(Some(&self.stance)).text(self.detail.as_deref());
        hash = hash.bytes(date(self.date).as_ref().map(|d| &d[..]));
        for e in self.evidence.iter() {
            hash = hash.text(e.url.as_ref().map(|u| u.as_str())).text(e.title.as_deref());
            hash = hash.bytes(date(e.date).as_ref().map(|d| &d[..])).text(e.quote.as_deref());
        }
        hash.0
    }
}

/// FNV-1a over a list of optional texts, each closed by a byte UTF-8 never has (0xff), an
/// absent one written as another (0xfe): no two lists hash the same input.
struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(FNV_OFFSET_BASIS)
    }
}

impl Fingerprint {
    fn text(self, text: Option<&str>) -> Self {
        self.bytes(text.map(str::as_bytes))
    }

    fn bytes(self, bytes: Option<&[u8]>) -> Self {
        Fingerprint(match bytes {
            Some(bytes) => fnv1a(fnv1a(self.0, bytes), &[0xff]),
            None => fnv1a(self.0, &[0xfe]),
        })
    }
}

/// An official's details and stances, as text.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialSnap<'a> {
    pub id: Cow<'a, str>,
    pub state: State,
    /// Indexed like [`Detail::ALL`]; `None` where the feed gives nothing.
    pub details: [Option<Cow<'a, str>>; 14],
    /// One per question the official has a record for, in the feed's question order.
    pub stances: Vec<RecordSnap<'a>>,
}

impl<'a> OfficialSnap<'a> {
    /// Official `o` of `feed`, borrowing its texts.
    pub fn of(feed: &'a Feed, o: &'a Official) -> OfficialSnap<'a> {
        let borrowed = |s: &'a Option<String>| s.as_deref().map(Cow::Borrowed);
        let url = |u: &'a Option<crate::link::SafeUrl>| u.as_ref().map(|u| Cow::Borrowed(u.as_str()));
        let identifiers = (!o.identifiers.is_empty()).then(|| {
            let list: Vec<String> = o.identifiers.iter().map(|i| format!("{}:{}", i.scheme, i.identifier)).collect();
            Cow::Owned(list.join(", "))
        });
        let details = [
            Some(Cow::Borrowed(o.name.as_str())),
            borrowed(&o.sort_name),
            Some(Cow::Borrowed(o.state.code())),
            feed.position_label(o).map(Cow::Borrowed),
            borrowed(&o.district),
            borrowed(&o.city),
            feed.party_label(o).map(Cow::Borrowed),
            borrowed(&o.division_id),
            identifiers,
            url(&o.website),
            url(&o.contact_url),
            url(&o.donate_url),
            o.email.as_ref().map(|u| Cow::Borrowed(u.as_str().strip_prefix("mailto:").unwrap_or(u.as_str()))),
            url(&o.image),
        ];
        let stances = o
            .stances
            .iter()
            .zip(&feed.questions)
            .filter_map(|(record, question)| Some(record_snap(question, record.as_ref()?)))
            .collect();
        OfficialSnap { id: Cow::Borrowed(o.id.as_str()), state: o.state, details, stances }
    }

    pub fn name(&self) -> &str {
        self.details[0].as_deref().unwrap_or_default()
    }

    pub fn detail(&self, detail: Detail) -> Option<&str> {
        self.details[detail as usize].as_deref()
    }

    pub fn stance(&self, question: &str) -> Option<&RecordSnap<'a>> {
        self.stances.iter().find(|r| r.question == question)
    }

    pub fn into_owned(self) -> OfficialSnap<'static> {
        OfficialSnap {
            id: Cow::Owned(self.id.into_owned()),
            state: self.state,
            details: self.details.map(|d| d.map(|d| Cow::Owned(d.into_owned()))),
            stances: self.stances.into_iter().map(RecordSnap::into_owned).collect(),
        }
    }

    /// A hash of the official's details (not stances), like [`RecordSnap::fingerprint`].
    pub fn details_fingerprint(&self) -> u64 {
        self.details.iter().fold(Fingerprint::default(), |hash, d| hash.text(d.as_deref())).0
    }
}

fn record_snap<'a>(question: &'a crate::feed::Question, record: &'a StanceRecord) -> RecordSnap<'a> {
    let stance = &question.stances[usize::from(record.stance)];
    RecordSnap {
        question: Cow::Borrowed(question.id.as_str()),
        stance: Cow::Borrowed(stance.id.as_str()),
        label: Cow::Borrowed(stance.label.as_str()),
        detail: record.detail.as_deref().map(Cow::Borrowed),
        date: record.date,
        evidence: Cow::Borrowed(&record.evidence),
    }
}

/// The fingerprint of `record`, an answer to `question` ([`RecordSnap::fingerprint`]), without
/// taking the whole official apart: what "changed since your last visit" keeps per record.
pub fn record_fingerprint(question: &crate::feed::Question, record: &StanceRecord) -> u64 {
    record_snap(question, record).fingerprint()
}

/// The fingerprint of each question's record for official `id` (`None` where not rated), in
/// the feed's question order; `None` when the feed has no such official. What the widget keeps
/// to tell a reader which stances changed since their last visit.
pub fn stance_fingerprints(feed: &Feed, id: &str) -> Option<Vec<Option<u64>>> {
    let official = feed.official(id)?;
    let snap = OfficialSnap::of(feed, official);
    Some(feed.questions.iter().map(|q| snap.stance(&q.id).map(RecordSnap::fingerprint)).collect())
}
