//! The validated, in-memory feed the widget works on.
//!
//! Unlike the wire types in [`super::doc`], everything here has been checked: states are known
//! codes, links are [`SafeUrl`]s, dates are real dates, stance references are indices into
//! their question's vocabulary, and ids are unique. The feed is built once and then shared
//! read-only (the widget holds it in an `Rc`); user state refers to officials by id or index.

use std::ops::Range;

use super::columns::Columns;
use super::doc::{
    EvidenceDoc, FeedDoc, IdentifierDoc, MetaDoc, NamedLinkDoc, OfficialDoc, QuestionDoc, StanceDoc, StanceMap,
    StanceRecordDoc, Text, Tone, TranslationDoc, FORMAT_VERSION, FORMAT_VERSION_1_1,
};
use super::language::{Localize, Shown, Translations, DEFAULT_LANGUAGE};
pub use super::lookup::id_hash;
use crate::date::Date;
use crate::donate::DonationSearch;
use crate::i18n::Lang;
use crate::link::SafeUrl;
use crate::states::State;
use crate::text::{fold, fold_into, is_ascii_whitespace};

#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    pub meta: Meta,
    pub questions: Vec<Question>,
    pub officials: Vec<Official>,
    /// Distinct positions (offices), sorted case-insensitively. `Official::position` indexes it.
    pub positions: Vec<String>,
    /// Distinct parties, sorted case-insensitively. `Official::party` indexes it.
    pub parties: Vec<String>,
    index: Index,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub description: Option<String>,
    pub publisher: Option<NamedLink>,
    pub attribution: Option<NamedLink>,
    pub license: Option<NamedLink>,
    pub updated: Option<Date>,
    /// The period of the officials' districts, e.g. `us-house-119` (checked: an identifier).
    pub districts: Option<String>,
    /// The folder of the feed's ZIP table: relative to the feed's address, or https (checked).
    pub zip_table: Option<String>,
    pub donation_search: Option<DonationSearch>,
    /// The feed's Atom feed of changes ("Follow updates").
    pub updates_url: Option<SafeUrl>,
    /// The language of the feed's texts (checked, canonical), when the feed says; see
    /// [`Meta::language`].
    pub language: Option<String>,
    pub translations: Translations<MetaTranslation>,
}

/// `meta`'s texts in another language (checked and cleaned like the texts they translate).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaTranslation {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// A question's texts in another language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionTranslation {
    pub text: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
}

/// A stance's texts in another language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StanceTranslation {
    pub label: Option<String>,
    pub description: Option<String>,
}

impl Meta {
    /// The language of the feed's texts: `meta.language`, else English (every v1 feed).
    pub fn language(&self) -> &str {
        self.language.as_deref().unwrap_or(DEFAULT_LANGUAGE)
    }

    /// Which text a reader of `reader`'s language sees, for this feed.
    pub fn localize(&self, reader: Lang) -> Localize<'_> {
        Localize::new(reader, self.language())
    }

    /// The title in the reader's language, when the feed has it.
    pub fn title_in<'a>(&'a self, to: &Localize<'a>) -> Shown<'a> {
        to.pick(&self.title, &self.translations, |t| t.title.as_deref())
    }

    pub fn description_in<'a>(&'a self, to: &Localize<'a>) -> Option<Shown<'a>> {
        let own = self.description.as_deref()?;
        Some(to.pick(own, &self.translations, |t| t.description.as_deref()))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NamedLink {
    pub text: String,
    pub url: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// Short name for menus; equals `text` when the feed gives none.
    pub label: String,
    pub description: Option<String>,
    /// In display order.
    pub stances: Vec<Stance>,
    pub default_stance: Option<StanceIx>,
    pub translations: Translations<QuestionTranslation>,
}

impl Question {
    pub fn text_in<'a>(&'a self, to: &Localize<'a>) -> Shown<'a> {
        to.pick(&self.text, &self.translations, |t| t.text.as_deref())
    }

    /// The short label in the reader's language: its translation, else the translated text when
    /// the feed's label was only its text, else the feed's own label.
    pub fn label_in<'a>(&'a self, to: &Localize<'a>) -> Shown<'a> {
        let shown = to.pick(&self.label, &self.translations, |t| t.label.as_deref());
        if shown.lang.is_some() && self.label == self.text {
            return self.text_in(to);
        }
        shown
    }

    /// The record an official with no answer gets: the question's default stance, if it has one.
    pub fn default_record(&self) -> Option<StanceRecord> {
        self.default_stance.map(|stance| StanceRecord { stance, detail: None, date: None, evidence: Vec::new() })
    }
}

/// Index of a stance within its question's `stances`.
pub type StanceIx = u8;

#[derive(Clone, Debug, PartialEq)]
pub struct Stance {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub tone: Tone,
    /// `#rrggbb`, checked.
    pub color: Option<String>,
    pub translations: Translations<StanceTranslation>,
}

impl Stance {
    pub fn label_in<'a>(&'a self, to: &Localize<'a>) -> Shown<'a> {
        to.pick(&self.label, &self.translations, |t| t.label.as_deref())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Official {
    pub id: String,
    pub name: String,
    pub sort_name: Option<String>,
    pub state: State,
    pub position: Option<u32>,
    pub district: Option<String>,
    pub city: Option<String>,
    pub party: Option<u32>,
    pub division_id: Option<String>,
    pub identifiers: Vec<Identifier>,
    pub website: Option<SafeUrl>,
    /// Contact form.
    pub contact_url: Option<SafeUrl>,
    pub donate_url: Option<SafeUrl>,
    pub email: Option<SafeUrl>,
    pub image: Option<SafeUrl>,
    /// One entry per question, in question order; `None` when the official is not rated on it.
    pub stances: Vec<Option<StanceRecord>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    pub scheme: String,
    pub identifier: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StanceRecord {
    pub stance: StanceIx,
    pub detail: Option<String>,
    pub date: Option<Date>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub url: Option<SafeUrl>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub quote: Option<String>,
}

impl StanceRecord {
    /// The date of the stance, or failing that the earliest dated evidence.
    pub fn effective_date(&self) -> Option<Date> {
        self.date.or_else(|| self.evidence.iter().filter_map(|e| e.date).min())
    }
}

impl Official {
    pub fn identifier(&self, scheme: &str) -> Option<&str> {
        self.identifiers.iter().find(|i| i.scheme == scheme).map(|i| i.identifier.as_str())
    }

    /// The FEC candidate id, when the feed gives one.
    pub fn fec_id(&self) -> Option<&str> {
        self.identifier("fec")
    }
}

/// Lookup structures built once when the feed is made.
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    /// `(id_hash(id), official index)`, sorted: finds officials by id, and by hash prefix for
    /// share links.
    id_hashes: Vec<(u64, u32)>,
    /// Official indices in name order (family name, then full name).
    name_order: Vec<u32>,
    /// What filtering reads, by rank in name order.
    columns: Columns,
}

impl Feed {
    /// Assembles a feed from checked parts and builds its indices. `names` has each official's
    /// texts, in the officials' order. `id_hashes` is each official's [`id_hash`] and index, in
    /// any order (validation has them from checking the ids are distinct). `positions` and
    /// `parties` are the tables the officials' indices refer to, in any order; they are sorted
    /// here.
    pub(crate) fn assemble(
        meta: Meta,
        questions: Vec<Question>,
        mut officials: Vec<Official>,
        names: NameTexts,
        id_hashes: Vec<(u64, u32)>,
        positions: Vec<String>,
        parties: Vec<String>,
    ) -> Feed {
        debug_assert_eq!(id_hashes.len(), officials.len());
        debug_assert_eq!(names.folded.len(), officials.len());
        let (positions, position_map) = sorted_table(positions);
        let (parties, party_map) = sorted_table(parties);
        for official in &mut officials {
            official.position = official.position.map(|p| position_map[p as usize]);
            official.party = official.party.map(|p| party_map[p as usize]);
        }
        // Stable sorts here and in `sorted_by_key`: with the size-optimized standard library the
        // widget is built with, `sort_unstable` is a heapsort, which on 100k officials jumps
        // about memory (11% of a 100k load, by perf on a native build of that library); the
        // stable sort is a plain merge sort. Same order: the pairs are distinct.
        let id_hashes = sort_in_buckets(id_hashes, |(hash, _)| (hash >> 48) as u16, Ord::cmp);
        let NameTexts { folded, keys } = names;
        let name_order = sorted_by_key(&keys);
        // Freed before the columns are made, so they can reuse its room (wasm memory never shrinks).
        drop(keys);
        let columns = Columns::build(&officials, &name_order, questions.len(), |i| folded.get(i));
        Feed { meta, questions, officials, positions, parties, index: Index { id_hashes, name_order, columns } }
    }

    pub fn official_index(&self, id: &str) -> Option<usize> {
        let hash = id_hash(id);
        let start = self.index.id_hashes.partition_point(|(h, _)| *h < hash);
        self.index.id_hashes[start..]
            .iter()
            .take_while(|(h, _)| *h == hash)
            .map(|(_, i)| *i as usize)
            .find(|i| self.officials[*i].id == id)
    }

    pub fn official(&self, id: &str) -> Option<&Official> {
        self.official_index(id).map(|i| &self.officials[i])
    }

    /// `(hash, index)` of every official, sorted by hash.
    pub fn id_hashes(&self) -> &[(u64, u32)] {
        &self.index.id_hashes
    }

    /// Official indices sorted by name (family name first).
    pub fn name_order(&self) -> &[u32] {
        &self.index.name_order
    }

    /// The fields filtering reads, as columns in name order.
    pub fn columns(&self) -> &Columns {
        &self.index.columns
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn position_label(&self, official: &Official) -> Option<&str> {
        official.position.map(|p| self.positions[p as usize].as_str())
    }

    pub fn party_label(&self, official: &Official) -> Option<&str> {
        official.party.map(|p| self.parties[p as usize].as_str())
    }

    /// Whether the feed uses what format 1.1 added: a language or translations.
    pub fn uses_format_1_1(&self) -> bool {
        self.meta.language.is_some()
            || !self.meta.translations.is_empty()
            || self
                .questions
                .iter()
                .any(|q| !q.translations.is_empty() || q.stances.iter().any(|s| !s.translations.is_empty()))
    }

    /// The languages the feed has translations into, each once, in order of first use.
    pub fn translation_languages(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = Vec::new();
        let meta = self.meta.translations.iter().map(|(t, _)| t.as_str());
        let questions = self.questions.iter().flat_map(|q| {
            q.translations
                .iter()
                .map(|(t, _)| t.as_str())
                .chain(q.stances.iter().flat_map(|s| s.translations.iter().map(|(t, _)| t.as_str())))
        });
        for tag in meta.chain(questions) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// The feed as wire types (format 1, or 1.1 when it uses translations): what
    /// `scorecard-feed convert` writes and the organizer downloads. Parsing it again gives an
    /// equal feed.
    pub fn to_doc(&self) -> FeedDoc<'_> {
        FeedDoc {
            schema: None,
            format_version: if self.uses_format_1_1() { FORMAT_VERSION_1_1 } else { FORMAT_VERSION },
            meta: MetaDoc {
                title: self.meta.title.clone(),
                description: self.meta.description.clone(),
                publisher: self.meta.publisher.as_ref().map(NamedLink::to_doc),
                attribution: self.meta.attribution.as_ref().map(NamedLink::to_doc),
                license: self.meta.license.as_ref().map(NamedLink::to_doc),
                updated: self.meta.updated.map(|d| d.to_string()),
                districts: self.meta.districts.clone(),
                zip_table: self.meta.zip_table.clone(),
                donation_search: self.meta.donation_search.as_ref().map(|t| t.template().to_string()),
                updates_url: self.meta.updates_url.as_ref().map(|u| u.to_string()),
                language: self.meta.language.clone(),
                translations: self
                    .meta
                    .translations
                    .iter()
                    .map(|(tag, t)| {
                        (
                            tag.clone(),
                            TranslationDoc {
                                title: t.title.clone(),
                                description: t.description.clone(),
                                ..TranslationDoc::default()
                            },
                        )
                    })
                    .collect(),
            },
            questions: self.questions.iter().map(Question::to_doc).collect(),
            officials: self.officials.iter().map(|o| self.official_doc(o)).collect(),
            shards: Vec::new(),
        }
    }

    fn official_doc<'a>(&'a self, o: &'a Official) -> OfficialDoc<'a> {
        // Keyed in question-id order, as feeds have always been written.
        let mut stances: Vec<(Text<'a>, StanceRecordDoc<'a>)> = o
            .stances
            .iter()
            .zip(&self.questions)
            .filter_map(|(record, question)| {
                let record = record.as_ref()?;
                Some((
                    text(&question.id),
                    StanceRecordDoc {
                        stance: text(&question.stances[record.stance as usize].id),
                        detail: opt_text(&record.detail),
                        date: record.date.map(|d| d.to_string().into()),
                        evidence: record
                            .evidence
                            .iter()
                            .map(|e| EvidenceDoc {
                                url: e.url.as_ref().map(|u| text(u.as_str())),
                                title: opt_text(&e.title),
                                date: e.date.map(|d| d.to_string().into()),
                                quote: opt_text(&e.quote),
                            })
                            .collect(),
                    },
                ))
            })
            .collect();
        stances.sort_by(|(a, _), (b, _)| a.cmp(b));
        OfficialDoc {
            id: Some(text(&o.id)),
            name: text(&o.name),
            sort_name: opt_text(&o.sort_name),
            state: text(o.state.code()),
            position: self.position_label(o).map(text),
            district: opt_text(&o.district),
            city: opt_text(&o.city),
            party: self.party_label(o).map(text),
            division_id: opt_text(&o.division_id),
            identifiers: o
                .identifiers
                .iter()
                .map(|i| IdentifierDoc { scheme: text(&i.scheme), identifier: text(&i.identifier) })
                .collect(),
            website: o.website.as_ref().map(|u| text(u.as_str())),
            contact_url: o.contact_url.as_ref().map(|u| text(u.as_str())),
            donate_url: o.donate_url.as_ref().map(|u| text(u.as_str())),
            email: o.email.as_ref().map(|u| text(u.as_str())),
            image: o.image.as_ref().map(|u| text(u.as_str())),
            stances: StanceMap(stances),
        }
    }
}

fn text(s: &str) -> Text<'_> {
    Text::from(s)
}

fn opt_text(s: &Option<String>) -> Option<Text<'_>> {
    s.as_deref().map(Text::from)
}

impl NamedLink {
    fn to_doc(&self) -> NamedLinkDoc {
        NamedLinkDoc { text: self.text.clone(), url: self.url.as_ref().map(|u| u.to_string()) }
    }
}

impl Question {
    fn to_doc(&self) -> QuestionDoc {
        QuestionDoc {
            id: self.id.clone(),
            text: self.text.clone(),
            label: (self.label != self.text).then(|| self.label.clone()),
            description: self.description.clone(),
            stances: self
                .stances
                .iter()
                .map(|s| StanceDoc {
                    id: s.id.clone(),
                    label: s.label.clone(),
                    description: s.description.clone(),
                    tone: (s.tone != Tone::Neutral).then_some(s.tone),
                    color: s.color.clone(),
                    order: None,
                    translations: s
                        .translations
                        .iter()
                        .map(|(tag, t)| {
                            let doc = TranslationDoc {
                                label: t.label.clone(),
                                description: t.description.clone(),
                                ..TranslationDoc::default()
                            };
                            (tag.clone(), doc)
                        })
                        .collect(),
                })
                .collect(),
            default_stance: self.default_stance.map(|i| self.stances[i as usize].id.clone()),
            translations: self
                .translations
                .iter()
                .map(|(tag, t)| {
                    let doc = TranslationDoc {
                        text: t.text.clone(),
                        label: t.label.clone(),
                        description: t.description.clone(),
                        ..TranslationDoc::default()
                    };
                    (tag.clone(), doc)
                })
                .collect(),
        }
    }

    pub fn stance_index(&self, id: &str) -> Option<StanceIx> {
        self.stances.iter().position(|s| s.id == id).map(|i| i as StanceIx)
    }
}

/// Sorts a table case-insensitively and returns, for each old index, its new index.
fn sorted_table(table: Vec<String>) -> (Vec<String>, Vec<u32>) {
    let mut order: Vec<usize> = (0..table.len()).collect();
    order.sort_by_cached_key(|i| (fold(&table[*i]), table[*i].clone()));
    let mut map = vec![0u32; table.len()];
    for (new, old) in order.iter().enumerate() {
        map[*old] = new as u32;
    }
    let mut slots: Vec<Option<String>> = table.into_iter().map(Some).collect();
    let sorted = order.iter().map(|i| slots[*i].take().unwrap_or_default()).collect();
    (sorted, map)
}

/// Each official's name folded for accent- and case-insensitive search, and its sort key: family
/// name, then full name, both folded (officials sort by family name as scorecards do).
///
/// Made as each official is checked, while its name is still in the cache: read again once the
/// feed is assembled, 100k names were mostly cache misses.
#[derive(Debug)]
pub(crate) struct NameTexts {
    folded: TextList,
    keys: TextList,
}

impl NameTexts {
    pub(crate) fn new() -> NameTexts {
        NameTexts { folded: TextList::new(), keys: TextList::new() }
    }

    /// Adds the next official's texts (officials in feed order).
    pub(crate) fn push(&mut self, official: &Official) {
        let NameTexts { folded, keys } = self;
        let name = official.name.as_str();
        let start = folded.text.len();
        fold_into(&mut folded.text, name);
        folded.end_item();
        let folded_name = &folded.text[start..];
        match &official.sort_name {
            Some(sort_name) => fold_into(&mut keys.text, sort_name),
            // An ASCII name folded to as many bytes was only lower-cased (and any tab made a
            // space; most names): its family name, folded, is the same bytes of the folded name.
            // Folding it again was a third of making these texts in the browser.
            None if folded_name.len() == name.len() && name.is_ascii() => {
                keys.text.push_str(&folded_name[ascii_family_name_range(name.as_bytes())]);
            }
            None => fold_into(&mut keys.text, family_name(name)),
        }
        keys.text.push(' ');
        keys.text.push_str(folded_name);
        keys.end_item();
    }

    /// The texts of officials already checked (a sharded feed's, combined).
    pub(crate) fn of(officials: &[Official]) -> NameTexts {
        let mut names = NameTexts::new();
        officials.iter().for_each(|official| names.push(official));
        names
    }
}

/// Indices of `keys` in byte order of their texts, ties in index order.
fn sorted_by_key(keys: &TextList) -> Vec<u32> {
    let key = |i: u32| keys.bytes(i as usize);
    // Most comparisons are settled by the first 24 bytes (common family names fill eight, and
    // many officials share a first name too): sorting (prefix, index) triples keeps them in one
    // cache-friendly array (32 bytes each, as a 16-byte prefix alone was with its padding) and
    // reads the keys' tails only on a tie. Prefixes are padded with zeros, which folded text
    // does not contain; a key shorter than the prefix is compared whole, which stays exact.
    const PREFIX: usize = 24;
    let prefix = |i: u32| {
        let mut bytes = [0u8; PREFIX];
        let n = key(i).len().min(PREFIX);
        bytes[..n].copy_from_slice(&key(i)[..n]);
        let (high, low) = bytes.split_at(16);
        (
            u128::from_be_bytes(high.try_into().unwrap_or_default()),
            u64::from_be_bytes(low.try_into().unwrap_or_default()),
        )
    };
    let tail_order = |a: u32, b: u32| {
        let (a, b) = (key(a), key(b));
        if a.len() >= PREFIX && b.len() >= PREFIX {
            a[PREFIX..].cmp(&b[PREFIX..])
        } else {
            a.cmp(b)
        }
    };
    let order: Vec<(u128, u64, u32)> = (0..keys.len() as u32)
        .map(|i| {
            let (high, low) = prefix(i);
            (high, low, i)
        })
        .collect();
    // Bucketed by the keys' first two bytes (the prefix's top 16 bits).
    let sorted = sort_in_buckets(
        order,
        |(high, _, _)| (high >> 112) as u16,
        |(ha, la, a), (hb, lb, b)| ha.cmp(hb).then(la.cmp(lb)).then_with(|| tail_order(*a, *b)),
    );
    sorted.into_iter().map(|(_, _, i)| i).collect()
}

/// A stable sort by `order`, given each item's `bucket`, whose order must agree with `order`:
/// items counted into their buckets, then each bucket sorted. The size-optimized standard library
/// the widget is built with sorts by a merge sort that halves all the way down, and a bucket of
/// a few hundred needs far fewer rounds than 100k items (the name order's sort was 8% of a 100k
/// load in the browser). Stable throughout (see `Feed::assemble`).
fn sort_in_buckets<T: Copy + Default>(
    items: Vec<T>,
    bucket: impl Fn(&T) -> u16,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut starts = vec![0u32; (1 << 16) + 1];
    for item in &items {
        starts[usize::from(bucket(item)) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut next = starts.clone();
    let mut bucketed = vec![T::default(); items.len()];
    for item in items {
        let slot = &mut next[usize::from(bucket(&item))];
        bucketed[*slot as usize] = item;
        *slot += 1;
    }
    for range in starts.windows(2) {
        bucketed[range[0] as usize..range[1] as usize].sort_by(&order);
    }
    bucketed
}

/// One short text per official, all in one buffer: building a feed makes two per official
/// (folded name, sort key), and a `String` each would be an allocation each.
#[derive(Debug)]
struct TextList {
    text: String,
    /// `starts[i]..starts[i + 1]` is official `i`'s text.
    starts: Vec<u32>,
}

impl TextList {
    fn new() -> TextList {
        TextList { text: String::new(), starts: vec![0] }
    }

    /// Ends the text being written to `self.text`: it is the next item.
    fn end_item(&mut self) {
        self.starts.push(self.text.len() as u32);
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// [`Self::get`] as bytes, for comparing: no check that the ends are character boundaries.
    fn bytes(&self, i: usize) -> &[u8] {
        &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// The last word of a name that is not a generational suffix: "Henry R Muñoz III" → "Muñoz".
pub fn family_name(name: &str) -> &str {
    &name[family_name_range(name)]
}

/// Where [`family_name`] is in `name`.
fn family_name_range(name: &str) -> Range<usize> {
    if name.is_ascii() {
        return ascii_family_name_range(name.as_bytes());
    }
    family_name_range_by_chars(name)
}

/// [`family_name_range`], word by word of characters: any name.
fn family_name_range_by_chars(name: &str) -> Range<usize> {
    let found = name
        .split_whitespace()
        .rev()
        .map(|w| w.trim_end_matches(','))
        .find(|w| !w.is_empty() && !is_suffix(w.as_bytes()));
    match found {
        // A word of `name`, so its offset in it.
        Some(word) => {
            let start = word.as_ptr() as usize - name.as_ptr() as usize;
            start..start + word.len()
        }
        None => 0..name.len(),
    }
}

/// [`family_name_range`] for an ASCII name (most names), by bytes: walking a name backwards by
/// characters decodes each one, and trimming commas by a `char` pattern was half of finding the
/// family name in the browser. The same words, split where `char::is_whitespace` would.
fn ascii_family_name_range(name: &[u8]) -> Range<usize> {
    let mut end = name.len();
    while end > 0 {
        while end > 0 && is_ascii_whitespace(name[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !is_ascii_whitespace(name[start - 1]) {
            start -= 1;
        }
        let mut word_end = end;
        while word_end > start && name[word_end - 1] == b',' {
            word_end -= 1;
        }
        if word_end > start && !is_suffix(&name[start..word_end]) {
            return start..word_end;
        }
        end = start;
    }
    0..name.len()
}

fn is_suffix(word: &[u8]) -> bool {
    SUFFIXES.iter().any(|suffix| suffix.as_bytes().eq_ignore_ascii_case(word))
}

/// Generational suffixes, skipped when looking for the family name.
const SUFFIXES: [&str; 8] = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"];

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Official {
        Official {
            id: "x".into(),
            name: name.into(),
            sort_name: None,
            state: State::parse("VT").expect("a state"),
            position: None,
            district: None,
            city: None,
            party: None,
            division_id: None,
            identifiers: Vec::new(),
            website: None,
            contact_url: None,
            donate_url: None,
            email: None,
            image: None,
            stances: Vec::new(),
        }
    }

    #[test]
    fn family_names() {
        assert_eq!(family_name("Henry R Muñoz III"), "Muñoz");
        assert_eq!(family_name("Martin Luther King, Jr."), "King");
        assert_eq!(family_name("Cher"), "Cher");
        assert_eq!(family_name(""), "");
    }

    proptest::proptest! {
        // ASCII names are split as bytes: the same words as by characters.
        #[test]
        fn ascii_family_names_split_as_characters_do(name in "([a-cvIjrJ.,]{0,4}[ \t\n\x0b\x0c\r]{0,2}){0,5}") {
            proptest::prop_assert_eq!(family_name_range(&name), family_name_range_by_chars(&name));
        }

        // A sort key made from the folded name's bytes is the one made by folding the family
        // name itself: names with tabs, double spaces, controls, accents and suffixes.
        #[test]
        fn sort_keys_are_the_family_name_folded_then_the_name(name in "([a-cA-CvIjJé.,\u{1}]{0,4}[ \t\n]{0,2}){0,5}") {
            let mut names = NameTexts::new();
            names.push(&named(&name));
            let folded = fold(&name);
            let expected = format!("{} {folded}", fold(family_name(&name)));
            proptest::prop_assert_eq!(names.keys.get(0), expected.as_str());
            proptest::prop_assert_eq!(names.folded.get(0), folded.as_str());
        }

        // Counted into buckets by their top bits, then sorted in each: the same order as one sort.
        #[test]
        fn sorts_in_buckets_as_one_sort_does(items in proptest::collection::vec((0u64..4 << 48, 0u32..3), 0..300)) {
            let mut expected = items.clone();
            expected.sort();
            proptest::prop_assert_eq!(sort_in_buckets(items, |(hash, _)| (hash >> 48) as u16, Ord::cmp), expected);
        }

        // The prefixes and the tails compared on a tie must give plain byte order, ties in
        // index order. Few letters and long shared starts, so keys often tie at 16 and 24 bytes.
        #[test]
        fn keys_sort_in_byte_order(texts in proptest::collection::vec("(abcdefghijklmnopqrstuvw x){0,2}[ab é]{0,12}", 0..60)) {
            let mut keys = TextList { text: String::new(), starts: vec![0] };
            for text in &texts {
                keys.text.push_str(text);
                keys.starts.push(keys.text.len() as u32);
            }
            let mut expected: Vec<u32> = (0..texts.len() as u32).collect();
            expected.sort_by(|a, b| texts[*a as usize].as_bytes().cmp(texts[*b as usize].as_bytes()));
            proptest::prop_assert_eq!(sorted_by_key(&keys), expected);
        }
    }

    #[test]
    fn sorted_tables_remap_indices() {
        let (sorted, map) = sorted_table(vec!["senator".into(), "Governor".into(), "mayor".into()]);
        assert_eq!(sorted, ["Governor", "mayor", "senator"]);
        assert_eq!(map, [2, 0, 1]);
    }
}
