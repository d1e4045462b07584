//! What counts as a change, what is kept, the stored text and its size.

use proptest::prelude::*;

use super::storage::{bytes_per_official, from_storage, to_storage, to_storage_within, MAX_CHARS};
use super::*;
use crate::feed::load_json;

const DAY: u32 = 20_600; // 2026-05-27
const LATER: u32 = DAY + 7;

fn feed_with(questions: &str, officials: &str) -> Feed {
    let json = format!(
        r#"{{ "format_version": 1, "meta": {{ "title": "T" }}, "questions": [ {questions} ], "officials": [ {officials} ] }}"#
    );
    load_json(json.as_bytes()).feed.unwrap()
}

const Q: &str = r#"{ "id": "q", "text": "Q?", "stances": [
    { "id": "yes", "label": "Endorsed ours" }, { "id": "other", "label": "Endorsed another" } ] }"#;

fn feed(officials: &str) -> Feed {
    feed_with(Q, officials)
}

const BEFORE: &str = r#"
    { "id": "ann", "name": "Ann Able", "state": "VT", "position": "Senator",
      "stances": { "q": { "stance": "other", "date": "2024-01-02", "evidence": [ { "url": "https://a.example/1" } ] } } },
    { "id": "bo", "name": "Bo Baker", "state": "VT", "stances": { "q": { "stance": "yes" } } },
    { "id": "cy", "name": "Cy Cole", "state": "MN" },
    { "id": "di", "name": "Di Dunn", "state": "MN", "stances": { "q": { "stance": "yes" } } }"#;

fn all(feed: &Feed, day: u32) -> Seen {
    Seen::of(feed, State::all().collect(), day)
}

/// The reader saw `before`, then sees `after` (both feeds in one file).
fn changes(before: &Feed, after: &Feed) -> Changes {
    let stored = all(before, DAY);
    checked_visit(Some(&stored), after, all(after, LATER)).changes
}

/// [`visit`], and [`glance`] checked against it: when a glance sees nothing to compare, a
/// visit finds no change and keeps the same.
fn checked_visit(stored: Option<&Seen>, feed: &Feed, now: Seen) -> Visit {
    let visited = visit(stored, feed, now.clone());
    if let Ok(keep) = glance(stored, now) {
        assert_eq!(visited, Visit { changes: Changes::default(), keep });
    }
    visited
}

fn vt() -> State {
    State::parse("VT").unwrap()
}

fn mn() -> State {
    State::parse("MN").unwrap()
}

#[test]
fn a_first_visit_shows_nothing_and_is_remembered() {
    let now = feed(BEFORE);
    let visit = checked_visit(None, &now, all(&now, DAY));
    assert!(visit.changes.is_empty());
    let kept = visit.keep.unwrap();
    assert_eq!(kept.officials(), 4);
    assert_eq!(kept.sections.len(), crate::states::COUNT, "every state, with officials or not");
}

#[test]
fn nothing_changed_shows_nothing_and_moves_the_date() {
    let now = feed(BEFORE);
    let stored = all(&now, DAY);
    let same_day = checked_visit(Some(&stored), &now, all(&now, DAY));
    assert!(same_day.changes.is_empty());
    assert_eq!(same_day.keep, None, "nothing to write");
    let later = checked_visit(Some(&stored), &now, all(&now, LATER));
    assert!(later.changes.is_empty());
    assert!(later.keep.unwrap().sections.iter().all(|s| s.day == LATER));
}

#[test]
fn a_stance_change_is_marked_with_the_old_stance() {
    let after =
        BEFORE.replace(r#""stance": "other", "date": "2024-01-02""#, r#""stance": "yes", "date": "2024-05-03""#);
    let changes = changes(&feed(BEFORE), &feed(&after));
    let expected = RecordChange {
        question: "q".into(),
        old: Some(OldStance { id: "other".into(), label: "Endorsed another".into() }),
        stance_changed: true,
    };
    assert_eq!(changes.marks.get("ann"), Some(&Mark::Changed(vec![expected])));
    assert_eq!((changes.count(), changes.counts()), (1, (1, 0)));
    assert_eq!(changes.since, Date::new(2026, 5, 27));
}

#[test]
fn new_evidence_or_date_for_the_same_stance_is_a_change_of_record() {
    let after = BEFORE.replace("https://a.example/1", "https://a.example/2");
    let changes = changes(&feed(BEFORE), &feed(&after));
    let Some(Mark::Changed(records)) = changes.marks.get("ann") else { panic!("{changes:?}") };
    assert!(!records[0].stance_changed);
    assert_eq!(records[0].old.as_ref().map(|s| s.id.as_str()), Some("other"));
    let dated = BEFORE.replace("2024-01-02", "2024-01-03");
    assert_eq!(changes_count(BEFORE, &dated), 1);
}

fn changes_count(before: &str, after: &str) -> usize {
    changes(&feed(before), &feed(after)).count()
}

#[test]
fn rated_and_no_longer_rated_are_stance_changes() {
    let rated = BEFORE.replace(
        r#""name": "Cy Cole", "state": "MN""#,
        r#""name": "Cy Cole", "state": "MN", "stances": { "q": { "stance": "yes" } }"#,
    );
    let became = changes(&feed(BEFORE), &feed(&rated));
    assert_eq!(
        became.marks.get("cy"),
        Some(&Mark::Changed(vec![RecordChange { question: "q".into(), old: None, stance_changed: true }]))
    );
    let unrated = changes(&feed(&rated), &feed(BEFORE));
    let Some(Mark::Changed(records)) = unrated.marks.get("cy") else { panic!() };
    assert!(records[0].stance_changed && records[0].old.is_some());
}

#[test]
fn new_officials_are_marked_and_those_who_left_are_named() {
    let after = BEFORE.replace(
        r#"{ "id": "bo", "name": "Bo Baker", "state": "VT", "stances": { "q": { "stance": "yes" } } },"#,
        r#"{ "id": "eve", "name": "Eve Ernst", "state": "MN" },"#,
    );
    let changes = changes(&feed(BEFORE), &feed(&after));
    assert_eq!(changes.marks.get("eve"), Some(&Mark::New));
    assert_eq!(changes.left, vec![Left { state: vt(), name: Some("Bo Baker".into()) }]);
    assert_eq!((changes.count(), changes.counts()), (2, (0, 1)));
}

#[test]
fn details_questions_and_labels_are_not_changes() {
    // A new office and party, a relabelled stance.
    let after = BEFORE.replace(r#""position": "Senator""#, r#""position": "Governor", "party": "Green""#);
    let relabelled = Q.replace("Endorsed another", "Backed another");
    assert!(changes(&feed(BEFORE), &feed_with(&relabelled, &after)).is_empty());
    // A question added, with records; and the question gone again.
    let two = format!(r#"{Q}, {{ "id": "q2", "text": "Q2?", "stances": [ {{ "id": "y", "label": "Yes" }} ] }}"#);
    let rated = BEFORE.replace(r#""stance": "yes" } }"#, r#""stance": "yes" }, "q2": { "stance": "y" } }"#);
    assert!(changes(&feed(BEFORE), &feed_with(&two, &rated)).is_empty());
    assert!(changes(&feed_with(&two, &rated), &feed(BEFORE)).is_empty());
    // The old stance's label is the one the reader saw.
    let after = BEFORE.replace(r#""stance": "other", "date""#, r#""stance": "yes", "date""#);
    let changes = changes(&feed_with(&relabelled, BEFORE), &feed(&after));
    let Some(Mark::Changed(records)) = changes.marks.get("ann") else { panic!() };
    assert_eq!(records[0].old.as_ref().map(|s| s.label.as_str()), Some("Backed another"));
}

#[test]
fn an_official_who_moved_state_is_the_same_official() {
    let moved = BEFORE.replace(r#""name": "Bo Baker", "state": "VT""#, r#""name": "Bo Baker", "state": "MN""#);
    assert!(changes(&feed(BEFORE), &feed(&moved)).is_empty());
}

#[test]
fn changed_states_stay_as_seen_until_marked_seen() {
    let after = feed(&BEFORE.replace(r#""stance": "other""#, r#""stance": "yes""#));
    let stored = all(&feed(BEFORE), DAY);
    let first = checked_visit(Some(&stored), &after, all(&after, LATER));
    assert!(glance(Some(&stored), all(&after, LATER)).is_err(), "a change is seen at a glance");
    let kept = first.keep.unwrap();
    assert_eq!(kept.section(vt()), stored.section(vt()), "Vermont changed: kept as it was");
    assert_eq!(kept.section(mn()).map(|s| s.day), Some(LATER), "Minnesota did not: seen today");
    // A reload shows the same marks.
    assert_eq!(visit(Some(&kept), &after, all(&after, LATER + 1)).changes, first.changes);
    // "Mark all as seen".
    let seen = acknowledge(Some(&kept), all(&after, LATER + 1));
    let again = checked_visit(Some(&seen), &after, all(&after, LATER + 1));
    assert!(again.changes.is_empty() && again.keep.is_none());
}

#[test]
fn a_sharded_feed_works_state_by_state() {
    let before = feed(BEFORE);
    // The reader saw Vermont only.
    let stored = Seen::of(&before, [vt()].into_iter().collect(), DAY);
    assert_eq!(stored.officials(), 2);
    // Now Minnesota's file is in too, with an official new to the feed: a state never seen is
    // taken in silently.
    let after = feed(&format!(r#"{BEFORE}, {{ "id": "eve", "name": "Eve Ernst", "state": "MN" }}"#));
    let both: StateSet = [vt(), mn()].into_iter().collect();
    let v = checked_visit(Some(&stored), &after, Seen::of(&after, both, LATER));
    assert!(v.changes.is_empty());
    assert_eq!(v.keep.as_ref().map(Seen::states), Some(both));
    // Next time only Minnesota is loaded: Vermont is kept as it was, Minnesota compared.
    let kept = v.keep.unwrap();
    let without_cy = BEFORE.replace(r#"{ "id": "cy", "name": "Cy Cole", "state": "MN" },"#, "");
    let gone = feed(&format!(r#"{without_cy}, {{ "id": "eve", "name": "Eve Ernst", "state": "MN" }}"#));
    let v = checked_visit(Some(&kept), &gone, Seen::of(&gone, [mn()].into_iter().collect(), LATER + 1));
    assert_eq!(v.changes.left, vec![Left { state: mn(), name: Some("Cy Cole".into()) }]);
    assert_eq!(v.changes.since, Date::from_unix_days(i64::from(LATER)));
    let vermont = kept.section(vt()).cloned();
    assert_eq!(v.keep.unwrap_or(kept).section(vt()), vermont.as_ref());
}

#[test]
fn colliding_ids_are_left_unmarked() {
    let now = feed(BEFORE);
    let mut stored = all(&now, DAY);
    let mut seen_now = all(&now, LATER);
    // Pretend Ann's and Bo's ids hash alike, now and before, and their records changed.
    for seen in [&mut stored, &mut seen_now] {
        let vt = seen.sections.iter_mut().find(|s| s.state == vt()).unwrap();
        vt.ids[1] = vt.ids[0];
    }
    stored.sections.iter_mut().find(|s| s.state == vt()).unwrap().records[0] ^= 1;
    let v = checked_visit(Some(&stored), &now, seen_now);
    assert!(v.changes.is_empty(), "{:?}", v.changes);
}

#[test]
fn the_changed_filter_gets_indices() {
    let after = feed(&BEFORE.replace(r#""stance": "other""#, r#""stance": "yes""#).replace(
        r#""name": "Cy Cole", "state": "MN" }"#,
        r#""name": "Cy Cole", "state": "MN" }, { "id": "fay", "name": "Fay Fox", "state": "MN" }"#,
    ));
    let changes = changes(&feed(BEFORE), &after);
    let ids: Vec<&str> = changes.indices(&after).iter().map(|i| after.officials[*i as usize].id.as_str()).collect();
    assert_eq!(ids, ["ann", "fay"]);
}

#[test]
fn the_fingerprint_is_the_diffs() {
    let now = feed(BEFORE);
    let seen = all(&now, DAY);
    let vt = seen.section(vt()).unwrap();
    for (k, i) in vt.officials.iter().enumerate() {
        let o = &now.officials[*i as usize];
        let from_diff = crate::diff::snapshot::stance_fingerprints(&now, &o.id).unwrap();
        let expected: Vec<u32> = from_diff
            .iter()
            .zip(&o.stances)
            .map(|(fp, r)| fp.zip(r.as_ref()).map_or(0, |(fp, r)| record_code(r.stance, fp)))
            .collect();
        assert_eq!(vt.codes(k), expected.as_slice());
    }
}

/// A section as read back: no officials' indices.
fn stored_form(mut seen: Seen) -> Seen {
    for s in &mut seen.sections {
        s.officials.clear();
    }
    seen
}

#[test]
fn the_stored_text_round_trips() {
    let now = feed(BEFORE);
    let seen = all(&now, DAY);
    let text = to_storage(&seen).unwrap();
    assert!(text.starts_with("1."));
    let mut names: Vec<&str> = text.split('\n').skip(1).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ann Able", "Bo Baker", "Cy Cole", "Di Dunn"]);
    let back = from_storage(&text).unwrap();
    assert_eq!(back, stored_form(seen.clone()));
    // Read back, it compares as the original did.
    let after = feed(&BEFORE.replace(r#""stance": "other""#, r#""stance": "yes""#));
    assert_eq!(visit(Some(&back), &after, all(&after, LATER)).changes, changes(&now, &after));
    // Two vocabularies (a sharded feed whose question changed between states) stay apart.
    let relabelled = feed_with(&Q.replace("Endorsed another", "Backed another"), BEFORE);
    let mixed = acknowledge(Some(&seen), Seen::of(&relabelled, [mn()].into_iter().collect(), LATER));
    assert_eq!(from_storage(&to_storage(&mixed).unwrap()).unwrap(), stored_form(mixed));
}

#[test]
fn names_are_left_out_when_they_do_not_fit_and_then_only_counted() {
    let now = feed(BEFORE);
    let seen = all(&now, DAY);
    let with = to_storage(&seen).unwrap();
    let without = to_storage_within(&seen, with.len() - 1).unwrap();
    assert!(!without.contains('\n'));
    assert_eq!(to_storage_within(&seen, without.len() - 1), Err(Unmarked::TooBig));
    let stored = from_storage(&without).unwrap();
    assert!(stored.sections.iter().all(|s| s.names.is_none()));
    let after = feed(&BEFORE.replace(r#"{ "id": "cy", "name": "Cy Cole", "state": "MN" },"#, ""));
    let v = visit(Some(&stored), &after, all(&after, LATER));
    assert_eq!(v.changes.left, vec![Left { state: mn(), name: None }]);
}

#[test]
fn damaged_or_foreign_text_is_ignored() {
    let text = to_storage(&all(&feed(BEFORE), DAY)).unwrap();
    let packed_end = text.find('\n').unwrap();
    for cut in 0..packed_end {
        // Cut short, a base64 text may still decode: then it must not have all its parts.
        assert!(from_storage(&text[..cut]).is_none_or(|s| s.officials() < 4), "cut at {cut}");
    }
    assert!(from_storage(&format!("{text}\nOne Too Many")).is_none());
    assert!(from_storage(&text[..text.len() - "\nBo Baker".len()]).is_none());
    assert!(from_storage("2.AAAA").is_none());
    assert!(from_storage("").is_none());
    assert!(from_storage("{\"version\":1}").is_none());
    // Names are cleaned like a feed's: no bidi overrides from storage.
    let sneaky = text.replace("Bo Baker", "Bo\u{202e}Baker");
    let back = from_storage(&sneaky).unwrap();
    assert!(back.sections.iter().flat_map(|s| s.names.iter()).all(|n| !n.text.contains('\u{202e}')));
}

proptest! {
    #[test]
    fn any_text_reads_without_panicking(text in ".{0,200}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = from_storage(&text);
        let mut encoded = String::from("1.");
        encoded.push_str(&base64_of(&bytes));
        let _ = from_storage(&encoded);
    }
}

fn base64_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// `n` officials in one state, each rated on `questions` questions, with names like a feed's.
fn synthetic(n: usize, questions: usize) -> Seen {
    let vocabulary = Rc::new(Vocabulary(
        (0..questions)
            .map(|q| SeenQuestion {
                id: format!("question-{q}"),
                stances: vec![("yes".into(), "Endorsed ours".into()), ("no".into(), "Endorsed another".into())],
            })
            .collect(),
    ));
    let mut ids: Vec<u32> = (0..n).map(|i| short_id(&format!("official-{i}"))).collect();
    ids.sort_unstable();
    let mut names = Names::default();
    for i in 0..n {
        // 14 characters, about the average of the bundled feeds' names.
        names.push(&format!("Firstname {i:04}"));
    }
    let records = (0..n * questions)
        .map(|i| record_code((i % 2) as u8, (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)))
        .collect();
    let section =
        Section { state: vt(), day: DAY, vocabulary, ids, records, names: Some(names), officials: Vec::new() };
    Seen { sections: vec![section] }
}

#[test]
fn size_per_thousand_officials_and_at_100k() {
    // One question: 1,000 officials take about 8.9 KB without names; names about 15 KB more.
    let thousand = synthetic(1_000, 1);
    let with_names = to_storage(&thousand).unwrap().len();
    let without = to_storage_within(&thousand, with_names - 1).unwrap().len();
    assert!(bytes_per_official(&thousand) <= 7.0, "{}", bytes_per_official(&thousand));
    assert!(without <= 9_400, "{without} characters per 1,000 officials");
    assert!(with_names <= 25_000, "{with_names} characters per 1,000 officials with names");
    // 100,000 officials fit (without names), in under a fifth of a browser's localStorage.
    let big = synthetic(100_000, 1);
    let text = to_storage(&big).unwrap();
    assert!(!text.contains('\n') && text.len() <= MAX_CHARS, "{}", text.len());
    assert!(text.len() <= 800_000, "{} characters at 100,000 officials", text.len());
    assert_eq!(from_storage(&text).unwrap(), big_without_names(big));
    // Names are not even gathered where they could not be kept.
    assert!(super::storage::names_may_fit(1_000, 1_000, 15_000));
    assert!(!super::storage::names_may_fit(100_000, 100_000, 1_500_000));
    // Three questions at 100,000 do not fit: not kept, and the reader is told.
    assert_eq!(to_storage(&synthetic(100_000, 3)), Err(Unmarked::TooBig));
    eprintln!(
        "since-last-visit storage: {without} chars per 1k officials ({with_names} with names); {} at 100k",
        text.len()
    );
}

fn big_without_names(mut seen: Seen) -> Seen {
    for s in &mut seen.sections {
        s.names = None;
    }
    seen
}
