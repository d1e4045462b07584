//! Joins: take one question's stances from another feed, matched by name and state.
//!
//! Names differ between sources ("Bernard Sanders", nickname "Bernie"; middle initials;
//! suffixes; accents), so names are folded (case, accents, punctuation) and compared part by
//! part. The rules are strict on purpose: a wrong match puts someone else's stance next to an
//! official's name. Two names match when, in the same state:
//!
//! - the family name is the same (all its words, at the end of the other name);
//! - the given name is the official's first name, nickname, or (when the first name is an
//!   initial, as in "J. Luis Correa") middle name, or the whole name equals `official_full`;
//! - any middle names or initials fit the official's (one side may have none);
//! - the suffix (Jr., Sr., II, …) is the same, or both have none.
//!
//! A pair with the same family name in the same state that fails one of the others is a
//! **near-miss**, and so is a full match in another state: rejected and reported, never
//! guessed. A person confirmed by hand goes in the rules' `same_person` list (and a same-named
//! different person in `different_person`), with a note saying why.

use serde::Deserialize;

use std::collections::BTreeMap;

use crate::feed::doc::{FeedDoc, QuestionDoc, StanceDoc, Text, TranslationDoc};
use crate::feed::Feed;
use crate::states::State;
use crate::text::fold;

/// How a join reads another feed's stances (a mapping file, e.g. `feeds/mappings/*-join.toml`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRules {
    /// The other feed, relative to the rules file.
    pub from: String,
    /// The other feed's question to take, with its stances, details, dates and evidence.
    pub question: String,
    /// Replaces the question's text, label or description in the joined feed.
    pub text: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    /// Translations of the replaced text, label or description, by language tag. A text the
    /// rules replace loses the other feed's translations of it (they translate the old text).
    #[serde(default)]
    pub translations: BTreeMap<String, TranslationDoc>,
    /// The stance of officials the other feed does not have (also the question's default).
    pub unmatched: StanceDoc,
    /// Pairs confirmed by hand to be the same person, though the names differ.
    #[serde(default)]
    pub same_person: Vec<Pair>,
    /// Pairs confirmed by hand to be different people, though the names match.
    #[serde(default)]
    pub different_person: Vec<Pair>,
}

/// An official of the joined feed and one of the other feed, by id, and why they are (not) one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub official: String,
    pub other: String,
    pub note: String,
}

/// A person's name, in parts when the source has them (a roster), or only as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameParts {
    pub full: String,
    pub first: Option<String>,
    pub middle: Option<String>,
    pub nickname: Option<String>,
    pub last: Option<String>,
    pub suffix: Option<String>,
    pub official_full: Option<String>,
}

impl NameParts {
    /// Parts guessed from a whole name: first word, last word (before any suffix), the rest
    /// as middle names. For feeds that only have `name`.
    pub fn from_full(full: &str) -> NameParts {
        let plain = Plain::parse(full);
        let mut words = plain.words.clone();
        let last = words.pop();
        let first = (!words.is_empty()).then(|| words.remove(0));
        NameParts {
            full: full.to_string(),
            first,
            middle: (!words.is_empty()).then(|| words.join(" ")),
            nickname: plain.nicknames.first().cloned(),
            last,
            suffix: plain.suffix.clone(),
            official_full: None,
        }
    }
}

/// How two names compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    Match,
    /// Same family name, but the reason they are not taken as one person.
    NearMiss(String),
    Unrelated,
}

/// Generational suffixes, folded.
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "v"];

/// Folded words of a name: lower case, no accents, apostrophes dropped ("O'Rourke" → "orourke"),
/// other punctuation and hyphens as spaces.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A whole name read as words: quoted or parenthesized parts are nicknames, a final
/// generational word is the suffix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Plain {
    words: Vec<String>,
    nicknames: Vec<String>,
    suffix: Option<String>,
}

impl Plain {
    fn parse(name: &str) -> Plain {
        let mut outside = String::new();
        let mut nicknames = Vec::new();
        let mut quoted = String::new();
        let mut closing: Option<char> = None;
        for c in name.chars() {
            match (closing, c) {
                (None, '"' | '“') => closing = Some(if c == '"' { '"' } else { '”' }),
                (None, '(') => closing = Some(')'),
                (Some(end), c) if c == end => {
                    nicknames.push(words(&quoted).join(" "));
                    quoted.clear();
                    closing = None;
                }
                (Some(_), c) => quoted.push(c),
                (None, c) => outside.push(c),
            }
        }
        let mut words = words(&outside);
        let suffix = words.last().filter(|w| SUFFIXES.contains(&w.as_str()) && words.len() > 2).cloned();
        if suffix.is_some() {
            words.pop();
        }
        Plain { words, nicknames: nicknames.into_iter().filter(|n| !n.is_empty()).collect(), suffix }
    }
}

/// Compares an official's name (in parts) with a name from the other feed.
pub fn compare(person: &NameParts, other: &str) -> Comparison {
    let other = Plain::parse(other);
    let official = Plain::parse(&person.full);
    let last =
        person.last.as_deref().map(words).unwrap_or_else(|| official.words.last().cloned().into_iter().collect());
    let family_at = other.words.len().checked_sub(last.len());
    let Some(family_at) = family_at.filter(|at| !last.is_empty() && other.words[*at..] == last[..]) else {
        return Comparison::Unrelated;
    };
    let given = &other.words[..family_at];
    if given.is_empty() {
        return Comparison::NearMiss("only the family name is the same".into());
    }
    let first = person.first.as_deref().map(words).unwrap_or_default();
    let middle = person.middle.as_deref().map(words).unwrap_or_default();
    let nickname = person.nickname.as_deref().map(words).unwrap_or_default();
    let is_initial = |w: &[String]| w.len() == 1 && w[0].len() == 1;
    // The given name of `official_full` is the one the person officially goes by ("Val T. Hoyle").
    let official_given: Vec<String> = person
        .official_full
        .as_deref()
        .map(|f| Plain::parse(f).words)
        .filter(|w| w.len() > last.len() && w.ends_with(&last))
        .map(|w| w[..1].to_vec())
        .unwrap_or_default();
    let mut heads: Vec<&[String]> = vec![&first, &nickname, &official_given];
    if is_initial(&first) {
        heads.push(&middle); // "J. Luis Correa" goes by Luis
    }
    let fits_middle = |rest: &[String]| {
        rest.iter().all(|w| {
            middle.is_empty()
                || middle.contains(w)
                || nickname.contains(w)
                || (w.len() == 1 && middle.iter().any(|m| m.starts_with(w.as_str())))
                || middle.iter().any(|m| m.len() == 1 && w.starts_with(m.as_str()))
        })
    };
    let full_equal = person.official_full.as_deref().is_some_and(|f| Plain::parse(f).words == other.words);
    let head_fits = heads.iter().filter(|h| !h.is_empty()).find(|h| given.starts_with(h)).map(|h| &given[h.len()..]);
    match head_fits {
        Some(rest) if full_equal || fits_middle(rest) => {}
        Some(_) => {
            return Comparison::NearMiss(format!(
                "middle names differ ({} vs {})",
                show(&middle),
                show(&given[first.len().min(given.len())..])
            ))
        }
        None if full_equal => {}
        None => {
            let known: Vec<String> =
                [&first, &nickname].iter().filter(|w| !w.is_empty()).map(|w| w.join(" ")).collect();
            return Comparison::NearMiss(format!(
                "different first name ({} vs {})",
                known.join(" or "),
                given.first().map_or("", String::as_str)
            ));
        }
    }
    let own_suffix = person.suffix.as_deref().map(words).and_then(|w| w.first().cloned()).or(official.suffix);
    if own_suffix != other.suffix {
        let shown = |s: &Option<String>| s.as_deref().map_or("none".to_string(), |s| format!("{s}."));
        return Comparison::NearMiss(format!("suffixes differ ({} vs {})", shown(&own_suffix), shown(&other.suffix)));
    }
    Comparison::Match
}

fn show(words: &[String]) -> String {
    if words.is_empty() {
        "none".into()
    } else {
        words.join(" ")
    }
}

/// One official of the joined feed and one of the other feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub official_id: String,
    pub official_name: String,
    pub state: State,
    pub other_id: String,
    pub other_name: String,
    pub other_state: State,
    /// The other official's position, to tell people apart ("DNC member", "mayor").
    pub other_position: Option<String>,
    /// Why not matched (a near-miss), or the note of a pair confirmed by hand.
    pub why: String,
}

/// What a join did, for the record (`feeds/README.md`) and for review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinReport {
    pub officials: usize,
    /// Matched by the rules.
    pub matched: Vec<Link>,
    /// Matched because `same_person` says so.
    pub confirmed: Vec<Link>,
    /// Rejected: the same family name in the same state, or the same name in another state.
    pub near_misses: Vec<Link>,
    /// Names that match, kept apart because `different_person` says so.
    pub kept_apart: Vec<Link>,
    /// Rules that name an id neither feed has, or a stance id already taken.
    pub problems: Vec<String>,
}

impl JoinReport {
    pub fn joined(&self) -> usize {
        self.matched.len() + self.confirmed.len()
    }

    /// "180 of 537 (33.5%)".
    pub fn rate(&self) -> String {
        let percent = if self.officials == 0 { 0.0 } else { 100.0 * self.joined() as f64 / self.officials as f64 };
        format!("{} of {} ({percent:.1}%)", self.joined(), self.officials)
    }
}

/// Adds the other feed's question to `base` (whose officials' names are `names`, in order),
/// with each matched official's stance record copied and everyone else given the rules'
/// `unmatched` stance. Fails only when the question is missing or the unmatched stance's id is
/// taken; rules that name unknown ids are listed in the report's `problems`.
pub fn join(
    base: &mut FeedDoc<'_>,
    names: &[NameParts],
    other: &Feed,
    rules: &JoinRules,
) -> Result<JoinReport, String> {
    let other_doc = other.to_doc();
    let question = other_doc
        .questions
        .iter()
        .find(|q| q.id == rules.question)
        .ok_or_else(|| format!("the other feed has no question \"{}\"", rules.question))?;
    if question.stances.iter().any(|s| s.id == rules.unmatched.id) {
        return Err(format!(
            "the unmatched stance's id \"{}\" is already a stance of the question",
            rules.unmatched.id
        ));
    }
    if base.questions.iter().any(|q| q.id == question.id) {
        return Err(format!("the feed already has a question \"{}\"", question.id));
    }
    let mut report = JoinReport { officials: base.officials.len(), ..JoinReport::default() };
    let link = |i: usize, j: usize, why: String| {
        let (o, t) = (&base.officials[i], &other.officials[j]);
        Link {
            official_id: o.id.as_deref().unwrap_or_default().to_string(),
            official_name: o.name.to_string(),
            state: State::parse(&o.state).unwrap_or(t.state),
            other_id: t.id.clone(),
            other_name: t.name.clone(),
            other_state: t.state,
            other_position: other.position_label(t).map(str::to_string),
            why,
        }
    };
    let find = |id: &str| base.officials.iter().position(|o| o.id.as_deref() == Some(id));
    let pairs = |list: &[Pair], what: &str, problems: &mut Vec<String>| -> Vec<(usize, usize, String)> {
        list.iter()
            .filter_map(|p| match (find(&p.official), other.official_index(&p.other)) {
                (Some(i), Some(j)) => Some((i, j, p.note.clone())),
                (i, _) => {
                    let missing = if i.is_none() { &p.official } else { &p.other };
                    problems.push(format!("{what}: no official has the id \"{missing}\""));
                    None
                }
            })
            .collect()
    };
    let same = pairs(&rules.same_person, "same_person", &mut report.problems);
    let different = pairs(&rules.different_person, "different_person", &mut report.problems);

    // Every official against every entry of the other feed: a few hundred thousand comparisons.
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); base.officials.len()];
    for (i, official) in base.officials.iter().enumerate() {
        let state = State::parse(&official.state);
        let person = names.get(i).cloned().unwrap_or_else(|| NameParts::from_full(&official.name));
        let mut elsewhere = Vec::new();
        for (j, entry) in other.officials.iter().enumerate() {
            let decided = |list: &[(usize, usize, String)]| list.iter().any(|(a, b, _)| (*a, *b) == (i, j));
            if decided(&same) || decided(&different) {
                continue;
            }
            match (compare(&person, &entry.name), Some(entry.state) == state) {
                (Comparison::Match, true) => found[i].push(j),
                (Comparison::Match, false) => elsewhere.push(j),
                (Comparison::NearMiss(why), true) => report.near_misses.push(link(i, j, why)),
                _ => {}
            }
        }
        if found[i].is_empty() {
            for j in elsewhere {
                report.near_misses.push(link(
                    i,
                    j,
                    format!("same name, other state ({})", other.officials[j].state.code()),
                ));
            }
        }
    }
    for (i, j, note) in &different {
        let person = names.get(*i).cloned().unwrap_or_else(|| NameParts::from_full(&base.officials[*i].name));
        if compare(&person, &other.officials[*j].name) == Comparison::Match {
            report.kept_apart.push(link(*i, *j, note.clone()));
        } else {
            report.problems.push(format!(
                "different_person: {} and {} do not match by name anyway; the entry can go",
                base.officials[*i].name, other.officials[*j].name
            ));
        }
    }
    for (i, j, note) in &same {
        found[*i].retain(|k| k != j);
        found[*i].insert(0, *j);
        report.confirmed.push(link(*i, *j, note.clone()));
    }
    // One person on each side: an entry matched by two officials, or an official matching two
    // entries, is ambiguous and rejected.
    let mut claims = vec![0usize; other.officials.len()];
    for js in &found {
        for j in js {
            claims[*j] += 1;
        }
    }
    let confirmed: Vec<(usize, usize)> = same.iter().map(|(i, j, _)| (*i, *j)).collect();
    let mut chosen: Vec<Option<usize>> = vec![None; base.officials.len()];
    for (i, js) in found.iter().enumerate() {
        let confirmed_here = js.first().filter(|j| confirmed.contains(&(i, **j)));
        match (confirmed_here, js.as_slice()) {
            (Some(j), _) => chosen[i] = Some(*j),
            (None, [j]) if claims[*j] == 1 => {
                chosen[i] = Some(*j);
                report.matched.push(link(i, *j, String::new()));
            }
            (None, []) => {}
            (None, js) => {
                for j in js {
                    report.near_misses.push(link(i, *j, "ambiguous: more than one match by name and state".into()));
                }
            }
        }
    }

    let mut stances = question.stances.clone();
    stances.push(rules.unmatched.clone());
    let mut translations = question.translations.clone();
    for t in translations.values_mut() {
        if rules.text.is_some() {
            t.text = None;
        }
        if rules.label.is_some() {
            t.label = None;
        }
        if rules.description.is_some() {
            t.description = None;
        }
    }
    for (tag, t) in &rules.translations {
        let into = translations.entry(tag.clone()).or_default();
        into.text = t.text.clone().or(into.text.take());
        into.label = t.label.clone().or(into.label.take());
        into.description = t.description.clone().or(into.description.take());
    }
    translations.retain(|_, t| t.text.is_some() || t.label.is_some() || t.description.is_some());
    base.questions.push(QuestionDoc {
        translations,
        id: question.id.clone(),
        text: rules.text.clone().unwrap_or_else(|| question.text.clone()),
        label: rules.label.clone().or_else(|| question.label.clone()),
        description: rules.description.clone().or_else(|| question.description.clone()),
        stances,
        default_stance: Some(rules.unmatched.id.clone()),
    });
    for (i, j) in chosen.iter().enumerate() {
        let Some(record) = j.and_then(|j| other_doc.officials[j].stances.get(&question.id)) else {
            continue;
        };
        let record = crate::feed::doc::StanceRecordDoc {
            stance: own(&record.stance),
            detail: record.detail.as_ref().map(own),
            date: record.date.as_ref().map(own),
            evidence: record
                .evidence
                .iter()
                .map(|e| crate::feed::doc::EvidenceDoc {
                    url: e.url.as_ref().map(own),
                    title: e.title.as_ref().map(own),
                    date: e.date.as_ref().map(own),
                    quote: e.quote.as_ref().map(own),
                })
                .collect(),
        };
        base.officials[i].stances.0.push((Text::from(question.id.clone()), record));
    }
    let key = |l: &Link| (l.state, l.official_name.clone(), l.other_name.clone());
    report.near_misses.sort_by_key(key);
    report.matched.sort_by_key(key);
    report.confirmed.sort_by_key(key);
    Ok(report)
}

fn own<'b>(text: &Text<'_>) -> Text<'b> {
    Text::from(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(first: &str, middle: Option<&str>, nickname: Option<&str>, last: &str, suffix: Option<&str>) -> NameParts {
        NameParts {
            full: [Some(first), middle, Some(last)].into_iter().flatten().collect::<Vec<_>>().join(" "),
            first: Some(first.into()),
            middle: middle.map(Into::into),
            nickname: nickname.map(Into::into),
            last: Some(last.into()),
            suffix: suffix.map(Into::into),
            official_full: None,
        }
    }

    #[test]
    fn names_that_are_the_same_person() {
        let bernie = parts("Bernard", None, Some("Bernie"), "Sanders", None);
        assert_eq!(compare(&bernie, "Bernie Sanders"), Comparison::Match);
        assert_eq!(compare(&bernie, "Bernard Sanders"), Comparison::Match);
        let chuy = parts("Jesús", Some("G."), Some("Chuy"), "García", None);
        assert_eq!(compare(&chuy, "Jesus \"Chuy\" Garcia"), Comparison::Match, "accents and quoted nicknames");
        assert_eq!(compare(&chuy, "Chuy García"), Comparison::Match);
        let carper = parts("Thomas", Some("R."), None, "Carper", None);
        assert_eq!(compare(&carper, "Thomas R. Carper"), Comparison::Match);
        assert_eq!(compare(&carper, "Thomas Carper"), Comparison::Match, "a middle initial may be left out");
        let fletcher = parts("Lizzie", None, None, "Fletcher", None);
        assert_eq!(compare(&fletcher, "Lizzie Pannill Fletcher"), Comparison::Match, "no middle name to contradict");
        let dws = parts("Debbie", None, None, "Wasserman Schultz", None);
        assert_eq!(compare(&dws, "Debbie Wasserman Schultz"), Comparison::Match);
        let aoc = parts("Alexandria", None, None, "Ocasio-Cortez", None);
        assert_eq!(compare(&aoc, "Alexandria Ocasio Cortez"), Comparison::Match);
        let correa = parts("J.", Some("Luis"), None, "Correa", None);
        assert_eq!(compare(&correa, "Luis Correa"), Comparison::Match, "an initial first name: goes by the middle");
        let bishop = parts("Sanford", Some("D."), None, "Bishop", Some("Jr."));
        assert_eq!(compare(&bishop, "Sanford D. Bishop Jr."), Comparison::Match);
    }

    #[test]
    fn near_misses_are_rejected_with_the_reason() {
        let beyer = parts("Donald", Some("S."), None, "Beyer", Some("Jr."));
        assert_eq!(compare(&beyer, "Don Beyer"), Comparison::NearMiss("different first name (donald vs don)".into()));
        let menendez = parts("Robert", Some("Jacobsen"), None, "Menendez", Some("Jr."));
        assert_eq!(compare(&menendez, "Robert Menendez"), Comparison::NearMiss("suffixes differ (jr. vs none)".into()));
        let turner = parts("Michael", Some("R."), None, "Turner", None);
        assert!(matches!(compare(&turner, "Nina Turner"), Comparison::NearMiss(_)));
        let smith = parts("John", Some("A."), None, "Smith", None);
        assert_eq!(compare(&smith, "John B. Smith"), Comparison::NearMiss("middle names differ (a vs b)".into()));
        assert_eq!(compare(&smith, "Smith"), Comparison::NearMiss("only the family name is the same".into()));
        assert_eq!(compare(&smith, "John Smithers"), Comparison::Unrelated);
        assert_eq!(compare(&smith, ""), Comparison::Unrelated);
    }

    #[test]
    fn official_full_names_count_as_written() {
        let mut cleaver = parts("Emanuel", None, None, "Cleaver", None);
        cleaver.official_full = Some("Emanuel Cleaver".into());
        assert_eq!(compare(&cleaver, "Emanuel Cleaver"), Comparison::Match);
        let whole = NameParts::from_full("Raymond C. Buckley II");
        assert_eq!(
            (whole.first.as_deref(), whole.last.as_deref(), whole.suffix.as_deref()),
            (Some("raymond"), Some("buckley"), Some("ii"))
        );
        assert_eq!(compare(&whole, "Raymond Buckley II"), Comparison::Match);
    }
}
