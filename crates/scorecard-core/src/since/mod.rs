//! "Changed since your last visit": what a reader saw of a feed, remembered on their device
//! only as fingerprints, and what changed since.
//!
//! What is kept ([`Seen`]), per official: 32 bits of a hash of their id and, per question, the
//! stance they had (its index among the question's stances then) and 18 bits of the record's
//! fingerprint (`diff::snapshot::record_fingerprint`: stance, detail, date, evidence). With each
//! question's stance ids and labels as they were, that is enough to say "Endorsed another →
//! Endorsed ours" without keeping the old feed. Names are kept too while the whole fits in
//! [`storage::MAX_CHARS`], so those who left can be named; past that they are only counted.
//!
//! It is kept per state (a dated [`Section`] each), so a sharded feed works state by state: a
//! state's officials are compared with what the reader saw of that state, and a state they
//! never saw is taken in silently, like a first visit.
//!
//! What counts as a change, per official ([`Mark`]):
//! - new: an id the reader did not see (in any state compared);
//! - left: an id they saw that is gone (listed in the notice, not on a row);
//! - changed: a question's record changed: its stance (or it became rated or unrated), or its
//!   detail, date or evidence with the same stance.
//!
//! Not: a changed name, office, party or link (a reader follows stances); questions added or
//! removed (their records have nothing to compare with); a relabelled stance. Ids whose 32-bit
//! hashes collide among the officials compared are left unmarked rather than guessed.
//!
//! [`visit`] decides what a returning reader is shown and what to keep; [`acknowledge`] is
//! "Mark all as seen". `storage.rs` writes and reads the stored text; `compare.rs` compares.

mod compare;
pub mod storage;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::date::Date;
use crate::diff::snapshot::record_fingerprint;
use crate::feed::model::id_hash;
use crate::feed::Feed;
use crate::states::{State, StateSet};

/// Why changes are not marked, in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmarked {
    /// The browser keeps nothing for the page (storage disabled).
    Unavailable,
    /// Writing failed: storage is full.
    Full,
    /// The feed is too big to remember within [`storage::MAX_CHARS`].
    TooBig,
    /// The widget's code that tells what changed could not be loaded (offline, say); what the
    /// reader saw is kept as it was, so it shows next time.
    NotLoaded,
}

impl Unmarked {
    pub fn message(self) -> crate::i18n::Msg {
        crate::i18n::Msg::new(match self {
            Unmarked::Unavailable => "since.unmarked.unavailable",
            Unmarked::Full => "since.unmarked.full",
            Unmarked::TooBig => "since.unmarked.too_big",
            Unmarked::NotLoaded => "since.unmarked.not_loaded",
        })
    }
}

/// A question as the reader saw it: its id, and its stances' ids and labels in the feed's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenQuestion {
    pub id: String,
    pub stances: Vec<(String, String)>,
}

/// The questions of a feed as the reader saw them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vocabulary(pub Vec<SeenQuestion>);

impl Vocabulary {
    pub fn of(feed: &Feed) -> Vocabulary {
        Vocabulary(
            feed.questions
                .iter()
                .map(|q| SeenQuestion {
                    id: q.id.clone(),
                    stances: q.stances.iter().map(|s| (s.id.clone(), s.label.clone())).collect(),
                })
                .collect(),
        )
    }
}

/// Names, one per official, in one buffer (a `String` each would be 100,000 allocations).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    text: String,
    ends: Vec<u32>,
}

impl Names {
    pub fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len() as u32);
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? as usize };
        self.text.get(start..*self.ends.get(i)? as usize)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// A record's code: 0 when not rated, else the stance index + 1 (6 bits) above 18 bits of its
/// fingerprint.
pub const HASH_BITS: u32 = 18;
const HASH_MASK: u32 = (1 << HASH_BITS) - 1;

pub fn record_code(stance: u8, fingerprint: u64) -> u32 {
    ((u32::from(stance) + 1) << HASH_BITS) | (mix(fingerprint) >> (64 - HASH_BITS)) as u32
}

/// murmur3's fmix64: FNV-1a's last bytes reach few of its high bits, so ids that differ only at
/// the end ("o17", "o18") would share the bits kept.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The stance index in a record's code (`None`: not rated).
pub fn code_stance(code: u32) -> Option<usize> {
    (code >> HASH_BITS).checked_sub(1).map(|s| s as usize)
}

/// The 32 bits of an official's id hash that are kept.
pub fn short_id(id: &str) -> u32 {
    (mix(id_hash(id)) >> 32) as u32
}

/// What the reader saw of one state.
#[derive(Clone, Debug)]
pub struct Section {
    pub state: State,
    /// The day they saw it: days since 1970-01-01 on their calendar.
    pub day: u32,
    pub vocabulary: Rc<Vocabulary>,
    /// Id hashes ([`short_id`]), ascending.
    pub ids: Vec<u32>,
    /// `ids.len() × questions` record codes ([`record_code`]), official by official.
    pub records: Vec<u32>,
    /// One name per id, when names are kept.
    pub names: Option<Names>,
    /// Index in the feed of each official, for a section made from one (not stored).
    pub officials: Vec<u32>,
}

/// Equal when they remember the same (where a section was made from does not count).
impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && self.day == other.day
            && self.vocabulary == other.vocabulary
            && self.ids == other.ids
            && self.records == other.records
            && self.names == other.names
    }
}

impl Section {
    fn questions(&self) -> usize {
        self.vocabulary.0.len()
    }

    fn codes(&self, i: usize) -> &[u32] {
        let q = self.questions();
        &self.records[i * q..(i + 1) * q]
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// What the reader saw of a feed: a section per state they saw (with no officials, possibly),
/// in state order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seen {
    pub sections: Vec<Section>,
}

impl Seen {
    /// The officials of `states` in `feed`, seen on `day`. For a feed in one file `states` is
    /// every state; for a sharded feed, the states whose files are in.
    pub fn of(feed: &Feed, states: StateSet, day: u32) -> Seen {
        let vocabulary = Rc::new(Vocabulary::of(feed));
        let q = feed.questions.len();
        // Records are read in the feed's order, not the sections' (by id hash): jumping about
        // 100,000 officials' records in memory took five times as long.
        let mut codes = Vec::with_capacity(feed.officials.len() * q);
        let mut by_state: Vec<Vec<(u32, u32)>> = vec![Vec::new(); crate::states::COUNT];
        let (mut officials, mut name_bytes) = (0, 0);
        for (i, o) in feed.officials.iter().enumerate() {
            codes.extend(o.stances.iter().zip(&feed.questions).map(|(record, question)| {
                record.as_ref().map_or(0, |r| record_code(r.stance, record_fingerprint(question, r)))
            }));
            if states.contains(o.state) {
                by_state[o.state.index()].push((short_id(&o.id), i as u32));
                (officials, name_bytes) = (officials + 1, name_bytes + o.name.len() + 1);
            }
        }
        // Names only when they could be kept: past that, gathering them is time lost.
        let named = storage::names_may_fit(officials, officials * q, name_bytes);
        let sections = states
            .iter()
            .map(|state| {
                let mut list = std::mem::take(&mut by_state[state.index()]);
                list.sort_unstable();
                let mut section = Section {
                    state,
                    day,
                    vocabulary: vocabulary.clone(),
                    ids: Vec::with_capacity(list.len()),
                    records: Vec::with_capacity(list.len() * q),
                    names: named.then(Names::default),
                    officials: Vec::with_capacity(list.len()),
                };
                for (id, i) in list {
                    let i = i as usize;
                    section.ids.push(id);
                    section.officials.push(i as u32);
                    section.records.extend_from_slice(&codes[i * q..(i + 1) * q]);
                    if let Some(names) = &mut section.names {
                        names.push(&feed.officials[i].name);
                    }
                }
                section
            })
            .collect();
        Seen { sections }
    }

    pub fn states(&self) -> StateSet {
        self.sections.iter().map(|s| s.state).collect()
    }

    pub fn section(&self, state: State) -> Option<&Section> {
        self.sections.iter().find(|s| s.state == state)
    }

    /// How many officials it remembers.
    pub fn officials(&self) -> usize {
        self.sections.iter().map(Section::len).sum()
    }

    /// `self`'s sections, those of `other`'s states replaced by `other`'s (both in state order).
    fn overlaid(&self, other: Vec<Section>) -> Seen {
        let mut sections = Vec::with_capacity(self.sections.len() + other.len());
        let mut mine = self.sections.iter().peekable();
        for theirs in other {
            while let Some(s) = mine.next_if(|s| s.state.index() <= theirs.state.index()) {
                if s.state != theirs.state {
                    sections.push(s.clone());
                }
            }
            sections.push(theirs);
        }
        sections.extend(mine.cloned());
        Seen { sections }
    }
}

/// What changed since the reader's last visit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// When they last looked at the states that changed (the earliest, if several).
    pub since: Option<Date>,
    /// By official id (of officials now in the feed): new, or what changed.
    pub marks: BTreeMap<String, Mark>,
    /// Who left the feed, by state then name.
    pub left: Vec<Left>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    New,
    /// The questions whose record changed, in the feed's question order.
    Changed(Vec<RecordChange>),
}

/// One question's record that changed. The new record is the feed's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordChange {
    /// The question's id.
    pub question: String,
    /// The stance before (`None`: not rated then).
    pub old: Option<OldStance>,
    /// Whether the stance itself changed, not only its detail, date or evidence.
    pub stance_changed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OldStance {
    pub id: String,
    /// Its label then.
    pub label: String,
}

/// An official who left the feed: named when names were kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Left {
    pub state: State,
    pub name: Option<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.left.is_empty()
    }

    /// Every change: officials changed, new and gone.
    pub fn count(&self) -> usize {
        self.marks.len() + self.left.len()
    }

    /// Officials changed, and new.
    pub fn counts(&self) -> (usize, usize) {
        let new = self.marks.values().filter(|m| **m == Mark::New).count();
        (self.marks.len() - new, new)
    }

    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.get(id)
    }

    /// The marked officials' indices in `feed`, ascending: the "Changed" filter.
    pub fn indices(&self, feed: &Feed) -> Vec<u32> {
        let mut indices: Vec<u32> =
            self.marks.keys().filter_map(|id| feed.official_index(id)).map(|i| i as u32).collect();
        indices.sort_unstable();
        indices
    }
}

/// A first look at a visit, cheaper than [`visit`]: `Ok(keep)` when the officials of every state
/// both have are as the reader saw them (or it is a first visit), with what to remember from now
/// on, if anything; `Err(now)` when some differ, for [`visit`] to tell what changed (perhaps
/// nothing it counts).
pub fn glance(stored: Option<&Seen>, now: Seen) -> Result<Option<Seen>, Seen> {
    let Some(stored) = stored else {
        return Ok(Some(now));
    };
    let differs = now.sections.iter().any(|n| {
        stored
            .section(n.state)
            .is_some_and(|s| s.ids != n.ids || s.records != n.records || s.vocabulary != n.vocabulary)
    });
    if differs {
        return Err(now);
    }
    let keep = stored.overlaid(now.sections);
    Ok((keep != *stored).then_some(keep))
}

/// A visit: what to show, and what to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    pub changes: Changes,
    /// What to remember from now on; `None` when what is stored stays as it is.
    pub keep: Option<Seen>,
}

/// The reader sees `now` (made from `feed` by [`Seen::of`]) and saw `stored` (`None`: never, or
/// it could not be read). States they never saw, and a first visit, show nothing and are
/// remembered. States that changed are remembered as they were until the reader marks them
/// seen ([`acknowledge`]), so the marks stay across reloads; states that did not are
/// remembered as of today (the date in "since you last looked on …").
pub fn visit(stored: Option<&Seen>, feed: &Feed, now: Seen) -> Visit {
    let Some(stored) = stored else {
        return Visit { changes: Changes::default(), keep: Some(now) };
    };
    let compared: StateSet = now.sections.iter().map(|s| s.state).filter(|s| stored.section(*s).is_some()).collect();
    let (mut changes, changed) = compare::compare(stored, feed, &now, compared);
    changes.since = stored
        .sections
        .iter()
        .filter(|s| changed.contains(s.state))
        .map(|s| s.day)
        .min()
        .and_then(|day| Date::from_unix_days(i64::from(day)));
    let fresh: Vec<Section> = now.sections.into_iter().filter(|s| !changed.contains(s.state)).collect();
    let keep = stored.overlaid(fresh);
    let keep = (keep != *stored).then_some(keep);
    Visit { changes, keep }
}

/// "Mark all as seen": what the reader sees `now` replaces what they saw of those states.
pub fn acknowledge(stored: Option<&Seen>, now: Seen) -> Seen {
    match stored {
        Some(stored) => stored.overlaid(now.sections),
        None => now,
    }
}
