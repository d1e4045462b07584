//! Filtering, sorting and facet counts.
//!
//! A [`FilterSpec`] is what the supporter chose, in feed-independent terms (question and
//! stance ids, state codes, position and party names), so it can live in a link and survive a
//! feed update. [`run`] resolves it against a [`Feed`] and answers, in one pass over the
//! officials: which match (in sort order), and for every facet value how many would match if
//! that facet alone were changed (the counts shown beside each filter option).

use std::collections::BTreeSet;

use crate::feed::columns::{self, NONE_U32, NONE_U8};
use crate::feed::Feed;
use crate::states::{self, State, StateSet};
use crate::text::fold;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FilterSpec {
    /// Question id; `None` (or an unknown id) means the feed's first question.
    pub question: Option<String>,
    /// Empty means all states.
    pub states: StateSet,
    /// Stances of the chosen question; empty means all.
    pub stances: BTreeSet<StanceChoice>,
    /// Position (office) names; empty means all.
    pub positions: BTreeSet<String>,
    /// Party names; empty means all.
    pub parties: BTreeSet<String>,
    /// Name search: every word must occur in the name, ignoring case and accents.
    pub name: String,
    pub sort: SortKey,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StanceChoice {
    Stance(String),
    /// Officials with no stance on the question (and no default).
    NotRated,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Family name, then full name.
    #[default]
    Name,
    /// State code, then name.
    State,
    /// Stance in the question's order, then name; not rated last.
    Stance,
    /// Date of the stance, newest first; undated last.
    Date,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Name, SortKey::State, SortKey::Stance, SortKey::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::State => "state",
            SortKey::Stance => "stance",
            SortKey::Date => "date",
        }
    }

    pub fn parse(text: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The choice's name in the reader's language.
    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            SortKey::Name => Msg::new("sort.name"),
            SortKey::State => Msg::new("sort.state"),
            SortKey::Stance => Msg::new("sort.stance"),
            SortKey::Date => Msg::new("sort.date"),
        }
    }
}

impl FilterSpec {
    /// Whether any filter (not the question or sort) is set.
    pub fn is_filtering(&self) -> bool {
        !self.states.is_empty()
            || !self.stances.is_empty()
            || !self.positions.is_empty()
            || !self.parties.is_empty()
            || !self.name.trim().is_empty()
    }

    /// Removes every filter, keeping the question and sort.
    pub fn clear_filters(&mut self) {
        *self = FilterSpec { question: self.question.take(), sort: self.sort, ..FilterSpec::default() };
    }

    pub fn toggle_stance(&mut self, choice: StanceChoice) {
        if !self.stances.remove(&choice) {
            self.stances.insert(choice);
        }
    }
}

/// How many officials each facet value would give, other facets held as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Indexed by [`State::index`].
    pub states: Vec<u32>,
    /// Indexed by [`State::index`]: officials of each state that match every filter but the
    /// state and the stances (the map's "of 14").
    pub state_totals: Vec<u32>,
    /// Indexed like the question's stances.
    pub stances: Vec<u32>,
    pub not_rated: u32,
    /// Indexed like `Feed::positions`.
    pub positions: Vec<u32>,
    /// Indexed like `Feed::parties`.
    pub parties: Vec<u32>,
    pub no_position: u32,
    pub no_party: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterResult {
    /// The question the stances refer to (index into `Feed::questions`).
    pub question: usize,
    /// Matching officials (indices into `Feed::officials`) in sort order.
    pub matches: Vec<u32>,
    /// Distinct states among the matches.
    pub matching_states: usize,
    pub facets: Facets,
    /// Selections that name nothing in this feed, e.g. a stance id from an older feed. They
    /// are ignored rather than hiding everything.
    pub ignored: Vec<String>,
}

/// Applies `spec` to `feed`.
pub fn run(feed: &Feed, spec: &FilterSpec) -> FilterResult {
    run_within(feed, spec, None)
}

/// Like [`run`], among the officials `within` only (indices into `feed.officials`, ascending),
/// counts included: the "Changed" filter, which is the reader's own and so never part of a
/// `FilterSpec` (which links carry).
pub fn run_within(feed: &Feed, spec: &FilterSpec, within: Option<&[u32]>) -> FilterResult {
    let question = spec.question.as_deref().and_then(|id| feed.question_index(id)).unwrap_or(0);
    let mut ignored = Vec::new();
    if let Some(id) = spec.question.as_deref() {
        if feed.question_index(id).is_none() {
            ignored.push(format!("question \"{id}\""));
        }
    }
    let stance_count = feed.questions.get(question).map_or(0, |q| q.stances.len());

    // Stances as a bitmask: bit i = stance i, bit 63 = not rated. 0 = no filter.
    let mut stance_mask: u64 = 0;
    for choice in &spec.stances {
        match choice {
            StanceChoice::NotRated => stance_mask |= NOT_RATED_BIT,
            StanceChoice::Stance(id) => match feed.questions.get(question).and_then(|q| q.stance_index(id)) {
                Some(i) => stance_mask |= 1 << i,
                None => ignored.push(format!("stance \"{id}\"")),
            },
        }
    }
    let positions = selection(&feed.positions, &spec.positions, "position", &mut ignored);
    let parties = selection(&feed.parties, &spec.parties, "party", &mut ignored);
    let words: Vec<String> = fold(&spec.name).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();

    let mut facets = Facets {
        states: vec![0; states::COUNT],
        state_totals: vec![0; states::COUNT],
        stances: vec![0; stance_count],
        positions: vec![0; feed.positions.len()],
        parties: vec![0; feed.parties.len()],
        ..Facets::default()
    };
    let mut matches = Vec::new();
    let mut seen_states = StateSet::EMPTY;
    // One pass over compact columns in name order (see `feed::columns`); the name search is
    // done first, over all names at once.
    let columns = feed.columns();
    let name_hits = columns.names_containing(&words);
    for (rank, &official) in feed.name_order().iter().enumerate() {
        if name_hits.as_ref().is_some_and(|hits| !columns::has(hits, rank)) {
            continue;
        }
        if within.is_some_and(|within| within.binary_search(&official).is_err()) {
            continue;
        }
        let state = columns.state[rank];
        let stance = columns.stance(rank, question);
        let position = columns.position[rank];
        let party = columns.party[rank];
        let stance_bit = if stance == NONE_U8 { NOT_RATED_BIT } else { 1u64 << stance };
        let state_ok = spec.states.is_empty() || spec.states.contains(state);
        let stance_ok = stance_mask == 0 || stance_mask & stance_bit != 0;
        let position_ok = positions.as_ref().is_none_or(|set| position != NONE_U32 && set[position as usize]);
        let party_ok = parties.as_ref().is_none_or(|set| party != NONE_U32 && set[party as usize]);

        if position_ok && party_ok {
            facets.state_totals[state.index()] += 1;
            if stance_ok {
                facets.states[state.index()] += 1;
            }
        }
        if state_ok && position_ok && party_ok {
            match stance {
                NONE_U8 => facets.not_rated += 1,
                s => facets.stances[s as usize] += 1,
            }
        }
        if state_ok && stance_ok && party_ok {
            match position {
                NONE_U32 => facets.no_position += 1,
                p => facets.positions[p as usize] += 1,
            }
        }
        if state_ok && stance_ok && position_ok {
            match party {
                NONE_U32 => facets.no_party += 1,
                p => facets.parties[p as usize] += 1,
            }
        }
        if state_ok && stance_ok && position_ok && party_ok {
            matches.push(official);
            seen_states.insert(state);
        }
    }
    sort(feed, question, spec.sort, &mut matches);
    FilterResult { question, matches, matching_states: seen_states.len(), facets, ignored }
}

const NOT_RATED_BIT: u64 = 1 << 63;

/// A membership table for the selected names, or `None` when nothing is selected (or nothing
/// selected exists in this feed).
fn selection(
    table: &[String],
    selected: &BTreeSet<String>,
    what: &str,
    ignored: &mut Vec<String>,
) -> Option<Vec<bool>> {
    if selected.is_empty() {
        return None;
    }
    let mut member = vec![false; table.len()];
    let mut any = false;
    for name in selected {
        match table.iter().position(|t| t == name) {
            Some(i) => {
                member[i] = true;
                any = true;
            }
            None => ignored.push(format!("{what} \"{name}\"")),
        }
    }
    any.then_some(member)
}

/// Matches arrive in name order; other sorts are stable sorts on top of it.
fn sort(feed: &Feed, question: usize, key: SortKey, matches: &mut [u32]) {
    let officials = &feed.officials;
    let record = |i: u32| officials[i as usize].stances.get(question).and_then(Option::as_ref);
    match key {
        SortKey::Name => {}
        SortKey::State => matches.sort_by_key(|&i| officials[i as usize].state),
        SortKey::Stance => matches.sort_by_key(|&i| record(i).map_or(u16::MAX, |r| u16::from(r.stance))),
        SortKey::Date => matches
            .sort_by_key(|&i| std::cmp::Reverse(record(i).and_then(|r| r.effective_date()).map_or(0, |d| d.ordinal()))),
    }
}

/// States that appear in the feed, with how many officials each has (for the state picker).
pub fn states_in_feed(feed: &Feed) -> Vec<(State, u32)> {
    let mut counts = vec![0u32; states::COUNT];
    for official in &feed.officials {
        counts[official.state.index()] += 1;
    }
    State::all().filter(|s| counts[s.index()] > 0).map(|s| (s, counts[s.index()])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sort_is_named_in_the_catalogues() {
        for key in SortKey::ALL {
            assert_eq!(key.msg().key, format!("sort.{}", key.as_str()));
            assert_eq!(SortKey::parse(key.as_str()), Some(key));
        }
        assert_eq!(SortKey::parse("Name"), None);
    }

    #[test]
    fn is_filtering_is_any_filter_but_the_question_and_sort() {
        let none =
            FilterSpec { question: Some("q".into()), sort: SortKey::Date, name: "  ".into(), ..FilterSpec::default() };
        assert!(!none.is_filtering(), "a question, a sort and a blank name filter nothing");
        let each: [fn(&mut FilterSpec); 5] = [
            |f| f.states.insert(State::parse("VT").unwrap()),
            |f| f.toggle_stance(StanceChoice::NotRated),
            |f| {
                f.positions.insert("Senator".into());
            },
            |f| {
                f.parties.insert("Democratic".into());
            },
            |f| f.name = "smith".into(),
        ];
        for (i, set) in each.into_iter().enumerate() {
            let mut filter = none.clone();
            set(&mut filter);
            assert!(filter.is_filtering(), "filter {i}");
            filter.clear_filters();
            assert_eq!(filter, FilterSpec { name: String::new(), ..none.clone() }, "filter {i}, cleared");
        }
    }
}
