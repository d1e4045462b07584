//! What changed between two versions of a feed: officials added, removed and renamed (a new id,
//! same name and state), stance changes per question with their new evidence, changed details,
//! and changes to `meta` and the questions.
//!
//! Pure and reusable: `scorecard-feed diff` prints it, the organizer page can show it before a
//! download, and the fingerprints in [`snapshot`] let the widget tell what changed since a
//! reader's last visit without keeping the old feed. A [`FeedDiff`] is applicable
//! ([`apply::StanceTable`]), which is how the tests know it is complete.
//!
//! - [`snapshot`]: an official as compared (texts and stance records by id), fingerprints.
//! - [`feed_parts`]: `meta` and the questions compared.
//! - [`apply`]: a diff applied to a feed's stances.
//! - [`changelog`]: the diff in words (plain text, Markdown, HTML); [`atom`]: as an Atom feed;
//!   [`json`]: as JSON for machines.

pub mod apply;
pub mod atom;
pub mod changelog;
pub mod feed_parts;
pub mod json;
pub mod snapshot;

use std::collections::HashMap;

use crate::date::Date;
use crate::feed::{Feed, Official};
use crate::states::State;
use crate::text::fold;
pub use feed_parts::{FieldChange, QuestionChange};
pub use snapshot::{Detail, OfficialSnap, RecordSnap};

/// Everything that changed from one feed to another. Officials are in state, then name order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedDiff {
    /// The new feed's title, date, publisher and updates address: what the changelog and the
    /// Atom feed are headed with.
    pub about: About,
    /// Changed `meta` fields, e.g. `meta.updated`.
    pub meta: Vec<FieldChange>,
    pub questions: Vec<QuestionChange>,
    pub officials: Vec<OfficialChange>,
    /// Question id → label, the new feed's (the old one's for a question it dropped): for words.
    pub question_labels: Vec<(String, String)>,
}

/// What a diff says about the feed it leads to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct About {
    pub title: String,
    pub updated: Option<Date>,
    pub publisher: Option<(String, Option<String>)>,
    pub updates_url: Option<String>,
}

impl About {
    fn of(feed: &Feed) -> About {
        let meta = &feed.meta;
        About {
            title: meta.title.clone(),
            updated: meta.updated,
            publisher: meta.publisher.as_ref().map(|p| (p.text.clone(), p.url.as_ref().map(|u| u.to_string()))),
            updates_url: meta.updates_url.as_ref().map(|u| u.to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum OfficialChange {
    Added(OfficialSnap<'static>),
    Removed(OfficialSnap<'static>),
    Changed(Changed),
}

/// An official in both feeds (by id, or renamed) whose record changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub id: String,
    /// The official's id in the old feed, when it changed (same name and state).
    pub previous_id: Option<String>,
    pub name: String,
    pub state: State,
    pub details: Vec<DetailChange>,
    pub stances: Vec<StanceChange>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DetailChange {
    pub detail: Detail,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One question's record for one official, before and after (`None`: no record).
#[derive(Clone, Debug, PartialEq)]
pub struct StanceChange {
    pub question: String,
    pub old: Option<RecordSnap<'static>>,
    pub new: Option<RecordSnap<'static>>,
}

impl StanceChange {
    /// Whether the stance itself changed (or appeared or went), not only its detail, date or
    /// evidence.
    pub fn stance_changed(&self) -> bool {
        self.old.as_ref().map(|r| &r.stance) != self.new.as_ref().map(|r| &r.stance)
    }
}

impl OfficialChange {
    pub fn id(&self) -> &str {
        match self {
            OfficialChange::Added(o) | OfficialChange::Removed(o) => &o.id,
            OfficialChange::Changed(c) => &c.id,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            OfficialChange::Added(o) | OfficialChange::Removed(o) => o.name(),
            OfficialChange::Changed(c) => &c.name,
        }
    }

    pub fn state(&self) -> State {
        match self {
            OfficialChange::Added(o) | OfficialChange::Removed(o) => o.state,
            OfficialChange::Changed(c) => c.state,
        }
    }
}

/// How many of each kind of change a diff has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    /// (official, question) pairs whose stance changed, appeared or went, leaving out those of
    /// questions added or removed (counted once each, in `questions`).
    pub stance_changes: usize,
    /// Pairs whose stance stayed but whose detail, date or evidence changed.
    pub evidence_changes: usize,
    /// Officials with a changed detail (name, office, links, …).
    pub details_changed: usize,
    pub meta: usize,
    pub questions: usize,
}

impl FeedDiff {
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty() && self.questions.is_empty() && self.officials.is_empty()
    }

    /// Whether the question was added or removed as a whole (its officials' records are then
    /// in the diff, for `apply`, but reports speak of the question once).
    pub fn whole_question(&self, id: &str) -> bool {
        self.questions.iter().any(|q| q.id() == id && !matches!(q, QuestionChange::Changed { .. }))
    }

    /// The question's label, or its id.
    pub fn question_label<'s>(&'s self, id: &'s str) -> &'s str {
        self.question_labels.iter().find(|(q, _)| q == id).map_or(id, |(_, label)| label)
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary { meta: self.meta.len(), questions: self.questions.len(), ..Summary::default() };
        for change in &self.officials {
            match change {
                OfficialChange::Added(_) => summary.added += 1,
                OfficialChange::Removed(_) => summary.removed += 1,
                OfficialChange::Changed(c) => {
                    summary.renamed += usize::from(c.previous_id.is_some());
                    summary.details_changed += usize::from(!c.details.is_empty());
                    for s in c.stances.iter().filter(|s| !self.whole_question(&s.question)) {
                        if s.stance_changed() {
                            summary.stance_changes += 1;
                        } else {
                            summary.evidence_changes += 1;
                        }
                    }
                }
            }
        }
        summary
    }
}

/// Compares two feeds.
pub fn diff(old: &Feed, new: &Feed) -> FeedDiff {
    let mut result = diff_parts(old, new);
    result.officials = compare_officials(old, new, Renames::Detect);
    sort_officials(&mut result.officials);
    result
}

/// [`diff_officials`] of two feeds' officials. Most officials of an update are unchanged:
/// those are told apart on the checked records themselves (no copies of their texts), so only
/// the rest are taken apart into snapshots. 100,000 officials take tens of milliseconds.
pub fn compare_officials(old: &Feed, new: &Feed, renames: Renames) -> Vec<OfficialChange> {
    let same_questions = same_vocabulary(old, new);
    let mut old_unchanged = vec![false; old.officials.len()];
    let mut new_rest = Vec::new();
    for n in &new.officials {
        match old.official_index(&n.id) {
            Some(j) if same_questions && unchanged(old, &old.officials[j], new, n) => old_unchanged[j] = true,
            _ => new_rest.push(OfficialSnap::of(new, n)),
        }
    }
    let old_rest = old
        .officials
        .iter()
        .zip(old_unchanged)
        .filter(|(_, unchanged)| !unchanged)
        .map(|(o, _)| OfficialSnap::of(old, o))
        .collect();
    diff_officials(old_rest, new_rest, renames)
}

/// The same questions, with the same stance ids in the same order: a stance index then means
/// the same stance in both feeds.
fn same_vocabulary(old: &Feed, new: &Feed) -> bool {
    old.questions.len() == new.questions.len()
        && old.questions.iter().zip(&new.questions).all(|(a, b)| {
            a.id == b.id
                && a.stances.len() == b.stances.len()
                && a.stances.iter().zip(&b.stances).all(|(x, y)| x.id == y.id)
        })
}

/// Whether nothing [`OfficialSnap`] compares differs (feeds of the same vocabulary). May say
/// "changed" for an official who is not (then the snapshots compare them), never the reverse.
fn unchanged(old_feed: &Feed, o: &Official, new_feed: &Feed, n: &Official) -> bool {
    o.id == n.id
        && o.name == n.name
        && o.sort_name == n.sort_name
        && o.state == n.state
        && old_feed.position_label(o) == new_feed.position_label(n)
        && o.district == n.district
        && o.city == n.city
        && old_feed.party_label(o) == new_feed.party_label(n)
        && o.division_id == n.division_id
        && o.identifiers == n.identifiers
        && o.website == n.website
        && o.contact_url == n.contact_url
        && o.donate_url == n.donate_url
        && o.email == n.email
        && o.image == n.image
        && o.stances == n.stances
}

/// Every official of a feed, as compared.
pub fn snapshots(feed: &Feed) -> Vec<OfficialSnap<'_>> {
    feed.officials.iter().map(|o| OfficialSnap::of(feed, o)).collect()
}

/// Compares what two feeds say besides their officials: `meta` and the questions. A sharded
/// feed's indexes have only this; [`diff_officials`] compares each state's officials.
pub fn diff_parts(old: &Feed, new: &Feed) -> FeedDiff {
    let mut question_labels: Vec<(String, String)> =
        new.questions.iter().map(|q| (q.id.clone(), q.label.clone())).collect();
    for q in &old.questions {
        if new.question_index(&q.id).is_none() {
            question_labels.push((q.id.clone(), q.label.clone()));
        }
    }
    FeedDiff {
        about: About::of(new),
        meta: feed_parts::meta_changes(&old.meta, &new.meta),
        questions: feed_parts::question_changes(&old.questions, &new.questions),
        officials: Vec::new(),
        question_labels,
    }
}

/// Compares two lists of officials: by id, then (with [`Renames::Detect`]) the officials only one
/// list has by name and state, a rename when exactly one of each matches. Changes come in no
/// particular order.
pub fn diff_officials<'a>(
    old: Vec<OfficialSnap<'a>>,
    new: Vec<OfficialSnap<'a>>,
    renames: Renames,
) -> Vec<OfficialChange> {
    let mut old_by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (i, o) in old.iter().enumerate() {
        old_by_id.insert(&o.id, i);
    }
    // Whether each official is accounted for: in both lists, by id or renamed.
    let (mut old_found, mut new_found) = (vec![false; old.len()], vec![false; new.len()]);
    let mut changes = Vec::new();
    for (i, n) in new.iter().enumerate() {
        if let Some(&j) = old_by_id.get(&*n.id) {
            (old_found[j], new_found[i]) = (true, true);
            changes.extend(compare(&old[j], n, false).map(OfficialChange::Changed));
        }
    }
    drop(old_by_id);
    if renames == Renames::Detect {
        // An id gone and an id new for the one official of that name and state.
        let key = |o: &OfficialSnap<'_>| (fold(o.name()), o.state);
        let mut gone: HashMap<(String, State), Vec<usize>> = HashMap::new();
        for (j, o) in old.iter().enumerate().filter(|(j, _)| !old_found[*j]) {
            gone.entry(key(o)).or_default().push(j);
        }
        let mut arrived: HashMap<(String, State), Vec<usize>> = HashMap::new();
        for (i, n) in new.iter().enumerate().filter(|(i, _)| !new_found[*i]) {
            arrived.entry(key(n)).or_default().push(i);
        }
        for (k, list) in &arrived {
            if let ([i], Some([j])) = (list.as_slice(), gone.get(k).map(Vec::as_slice)) {
                (old_found[*j], new_found[*i]) = (true, true);
                changes.extend(compare(&old[*j], &new[*i], true).map(OfficialChange::Changed));
            }
        }
    }
    for (o, found) in new.into_iter().zip(new_found) {
        if !found {
            changes.push(OfficialChange::Added(o.into_owned()));
        }
    }
    for (o, found) in old.into_iter().zip(old_found) {
        if !found {
            changes.push(OfficialChange::Removed(o.into_owned()));
        }
    }
    changes
}

/// Whether [`diff_officials`] looks for renames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renames {
    Detect,
    /// Not yet: a sharded feed's state files are compared by id only, and [`join_states`]
    /// looks for renames (and moves between states) among what is left of all of them.
    Later,
}

/// Sorts changes by state, then name (folded), then id: the order every report lists them in.
pub fn sort_officials(changes: &mut [OfficialChange]) {
    changes.sort_by_cached_key(|c| (c.state().code(), fold(c.name()), c.id().to_string(), kind_rank(c)));
}

fn kind_rank(change: &OfficialChange) -> u8 {
    match change {
        OfficialChange::Removed(_) => 0,
        OfficialChange::Added(_) => 1,
        OfficialChange::Changed(_) => 2,
    }
}

/// What changed for one official; `None` when nothing did (and the id is the same).
fn compare(old: &OfficialSnap<'_>, new: &OfficialSnap<'_>, renamed: bool) -> Option<Changed> {
    let details: Vec<DetailChange> = Detail::ALL
        .into_iter()
        .filter(|d| old.detail(*d) != new.detail(*d))
        .map(|detail| DetailChange {
            detail,
            old: old.detail(detail).map(str::to_string),
            new: new.detail(detail).map(str::to_string),
        })
        .collect();
    let mut stances = Vec::new();
    for n in &new.stances {
        match old.stance(&n.question) {
            Some(o) if o.same_record(n) => {}
            o => stances.push(StanceChange {
                question: n.question.to_string(),
                old: o.cloned().map(RecordSnap::into_owned),
                new: Some(n.clone().into_owned()),
            }),
        }
    }
    for o in old.stances.iter().filter(|o| new.stance(&o.question).is_none()) {
        stances.push(StanceChange { question: o.question.to_string(), old: Some(o.clone().into_owned()), new: None });
    }
    if details.is_empty() && stances.is_empty() && !renamed {
        return None;
    }
    Some(Changed {
        id: new.id.to_string(),
        previous_id: renamed.then(|| old.id.to_string()),
        name: new.name().to_string(),
        state: new.state,
        details,
        stances,
    })
}

/// Joins the diffs of a sharded feed's state files into one: `parts` is the indexes' diff
/// ([`diff_parts`]), `states` each state's officials compared with [`Renames::Later`]. What one
/// state's file lost and another's gained is compared again, as one list: an official who moved
/// to another state's file is a change of state, not a removal and an addition, and the result
/// is the diff of the two whole feeds.
pub fn join_states(parts: FeedDiff, states: Vec<Vec<OfficialChange>>) -> FeedDiff {
    let mut officials = Vec::new();
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    for change in states.into_iter().flatten() {
        match change {
            OfficialChange::Removed(o) => removed.push(o),
            OfficialChange::Added(o) => added.push(o),
            changed => officials.push(changed),
        }
    }
    officials.extend(diff_officials(removed, added, Renames::Detect));
    sort_officials(&mut officials);
    FeedDiff { officials, ..parts }
}
