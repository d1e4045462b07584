//! Sharded feeds: splitting, reading an index, combining state files, and deciding which
//! states to load. The property test checks that splitting and combining every shard gives
//! back the original officials.

use std::collections::BTreeMap;

use proptest::prelude::*;
use scorecard_core::diagnostics::Report;
use scorecard_core::feed::doc::{FeedDoc, MetaDoc, OfficialDoc, QuestionDoc, StanceDoc, StanceRecordDoc};
use scorecard_core::feed::shards::{
    self, open, presence, progress, settled, split, state_choices, to_fetch, totals, wanted_states, Opened, Presence,
    ShardIndex, ShardedFeed,
};
use scorecard_core::feed::{load_json, to_json_pretty, Feed};
use scorecard_core::share_link::{self, View};
use scorecard_core::shortlist::Shortlist;
use scorecard_core::states::{State, StateSet};

fn state(code: &str) -> State {
    State::parse(code).unwrap()
}

fn states(codes: &[&str]) -> StateSet {
    codes.iter().map(|c| state(c)).collect()
}

fn bundled() -> Feed {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../feeds/endorsements-2020.json");
    load_json(&std::fs::read(path).unwrap()).feed.unwrap()
}

fn read_index(json: &str) -> (Option<ShardIndex>, Report) {
    match open(json.as_bytes()) {
        Opened::Index { index, report } => (index, report),
        Opened::Feed(_) => panic!("read as a feed: {json}"),
    }
}

/// Splits `feed` and returns the index (read back) and each shard's bytes.
fn split_feed(feed: &Feed) -> (ShardedFeed, BTreeMap<State, Vec<u8>>) {
    let parts = split(&feed.to_doc());
    assert!(parts.unplaced.is_empty());
    let (index, report) = read_index(&to_json_pretty(&parts.index));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let files = parts.shards.iter().map(|(s, doc)| (*s, to_json_pretty(doc).into_bytes())).collect();
    (ShardedFeed::new(index.unwrap(), report), files)
}

/// Officials as wire records, by id: comparable whatever the order and table numbering.
fn officials_by_id(feed: &Feed) -> BTreeMap<String, OfficialDoc<'_>> {
    feed.to_doc().officials.into_iter().map(|o| (o.id.clone().unwrap_or_default().into_owned(), o)).collect()
}

fn messages(report: &Report) -> Vec<String> {
    report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn the_bundled_feed_splits_into_valid_files_that_combine_back() {
    let feed = bundled();
    let parts = split(&feed.to_doc());
    assert_eq!(parts.index.officials.len(), 0);
    assert_eq!(parts.index.shards.len(), parts.shards.len());
    let vt = parts.index.shards.iter().find(|s| s.state == "VT").unwrap();
    assert_eq!(vt.url, "VT.json");
    assert_eq!(parts.index.shards.iter().map(|s| s.officials as usize).sum::<usize>(), feed.officials.len());
    // Any shard opens on its own, with no problem, as an ordinary feed.
    for (state, doc) in &parts.shards {
        let loaded = load_json(to_json_pretty(doc).as_bytes());
        assert!(loaded.report.diagnostics.is_empty(), "{state}: {:?}", loaded.report.diagnostics);
        assert!(loaded.feed.unwrap().officials.iter().all(|o| o.state == *state));
    }

    let (mut sharded, files) = split_feed(&feed);
    let (count, in_states) = totals(sharded.statuses());
    assert_eq!((count as usize, in_states), (feed.officials.len(), files.len()));
    let empty = sharded.combined();
    assert_eq!(empty.feed.as_ref().unwrap().officials.len(), 0);
    assert_eq!(empty.feed.unwrap().questions, feed.questions);

    for (state, bytes) in &files {
        sharded.add_shard(*state, bytes);
    }
    let combined = sharded.combined();
    assert!(combined.report.diagnostics.is_empty(), "{:?}", combined.report.diagnostics);
    assert_eq!(combined.report.loaded, feed.officials.len());
    let combined = combined.feed.unwrap();
    assert_eq!(officials_by_id(&combined), officials_by_id(&feed));
    assert_eq!(combined.positions, feed.positions);
    assert_eq!(combined.parties, feed.parties);
}

#[test]
fn an_index_without_officials_is_an_index_and_a_feed_stays_a_feed() {
    let index = r#"{"format_version": 1, "meta": {"title": "T"},
        "questions": [{"id": "q", "text": "Q?", "stances": [{"id": "yes", "label": "Yes"}]}],
        "shards": [{"state": "VT", "url": "VT.json", "officials": 3}]}"#;
    let (index, report) = read_index(index);
    assert!(report.diagnostics.is_empty(), "no officials is fine for an index: {:?}", report.diagnostics);
    assert_eq!(index.unwrap().shards[0].officials, Some(3));

    let feed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../feeds/endorsements-2020.json")).unwrap();
    assert!(matches!(open(&feed), Opened::Feed(loaded) if loaded.feed.is_some()));
    // No officials and no shards: an empty feed, reported as such.
    let empty = r#"{"format_version": 1, "meta": {"title": "T"}, "questions": [], "officials": []}"#;
    assert!(matches!(open(empty.as_bytes()), Opened::Feed(_)));
    assert!(matches!(open(b"not json"), Opened::Feed(loaded) if loaded.report.has_errors()));
}

#[test]
fn bad_index_entries_are_reported_where_they_are_and_left_out() {
    let json = r#"{
  "format_version": 1,
  "meta": { "title": "T" },
  "questions": [{ "id": "q", "text": "Q?", "stances": [{ "id": "yes", "label": "Yes" }] }],
  "officials": [],
  "shards": [
    { "state": "MN", "url": "MN.json", "officials": 10 },
    { "state": "XX", "url": "XX.json", "officials": 1 },
    { "state": "mn", "url": "MN2.json", "officials": 1 },
    { "state": "VT", "url": "http://example.org/VT.json", "officials": 1 },
    { "state": "NY", "url": "//evil.example/NY.json", "officials": 1 },
    { "state": "WI", "url": "WI.json", "officials": -4 },
    { "state": "PR", "url": "https://cdn.example.org/PR.json" },
    "CA.json",
    { "url": "TX.json" }
  ]
}"#;
    let (index, report) = read_index(json);
    let index = index.unwrap();
    let listed: Vec<(&str, &str, Option<u32>)> =
        index.shards.iter().map(|s| (s.state.code(), s.url.as_str(), s.officials)).collect();
    assert_eq!(
        listed,
        [("MN", "MN.json", Some(10)), ("PR", "https://cdn.example.org/PR.json", None), ("WI", "WI.json", None)]
    );
    let messages = messages(&report);
    let expected = [
        r#"error: shards[1].state (line 8, column 16): "XX" is not a U.S. state or territory code (like VT, DC or PR); entry skipped"#,
        "error: shards[2].state (line 9, column 16): MN is already listed at shards[0] (line 7, column 5); this entry is skipped",
        "error: shards[3].url (line 10, column 29): state files load only over https: or from the index's own server, not with \"http:\"; Vermont is left out",
        "error: shards[4].url (line 11, column 29): a url starting with // leaves the index's server",
        "warning: shards[5].officials (line 12, column 53): the number of officials cannot be negative (-4); Wisconsin is listed without a count",
        "warning: shards[6] (line 13, column 5): the index does not say how many officials Puerto Rico has",
        "error: shards[7] (line 14, column 5): expected an object like",
        "error: shards[8] (line 15, column 5): the required field \"state\" is missing; entry skipped",
    ];
    for (message, expected) in messages.iter().zip(expected) {
        assert!(message.starts_with(expected), "{message}\n  expected: {expected}");
    }
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");

    let (index, report) = read_index(
        r#"{"format_version": 1, "meta": {"title": "T"}, "questions": [{"id": "q", "text": "Q?", "stances": [{"id": "y", "label": "Y"}]}], "shards": {"VT": "VT.json"}}"#,
    );
    assert!(index.is_none());
    let problems = self::messages(&report);
    assert!(problems[0].contains("\"shards\" must be a list"), "{problems:?}");
    assert!(problems[1].contains("lists no usable state file"), "{problems:?}");
}

/// A small feed: question `q` (yes/no, default no), officials in VT and NY.
fn small_doc() -> FeedDoc<'static> {
    let official = |id: &'static str, state: &'static str, stance: &'static str| OfficialDoc {
        id: Some(id.into()),
        name: format!("Name {id}").into(),
        state: state.into(),
        position: Some(format!("Office {state}").into()),
        stances: [("q".to_string(), StanceRecordDoc { stance: stance.into(), ..StanceRecordDoc::default() })].into(),
        ..OfficialDoc::default()
    };
    FeedDoc {
        schema: None,
        format_version: scorecard_core::feed::doc::FORMAT_VERSION,
        meta: MetaDoc { title: "Small".into(), ..MetaDoc::default() },
        questions: vec![QuestionDoc {
            id: "q".into(),
            text: "Q?".into(),
            stances: vec![
                StanceDoc { id: "yes".into(), label: "Yes".into(), ..StanceDoc::default() },
                StanceDoc { id: "no".into(), label: "No".into(), ..StanceDoc::default() },
            ],
            default_stance: Some("no".into()),
            ..QuestionDoc::default()
        }],
        officials: vec![official("a", "VT", "yes"), official("b", "VT", "no"), official("c", "NY", "yes")],
        shards: Vec::new(),
    }
}

fn small_sharded() -> (ShardedFeed, FeedDoc<'static>) {
    let parts = split(&small_doc());
    let (index, report) = read_index(&to_json_pretty(&parts.index));
    let vermont = parts.shards.iter().find(|(s, _)| *s == state("VT")).map(|(_, doc)| doc.clone()).unwrap();
    (ShardedFeed::new(index.unwrap(), report), vermont)
}

#[test]
fn officials_in_the_wrong_file_and_ids_used_twice_are_skipped_with_located_errors() {
    let (mut sharded, _) = small_sharded();
    let vt = state("VT");
    let ny = state("NY");
    let mut vt_doc = split(&small_doc()).shards.into_iter().find(|(s, _)| *s == vt).unwrap().1;
    // Someone from New York in Vermont's file.
    vt_doc.officials.push(OfficialDoc {
        id: Some("z".into()),
        name: "Zed".into(),
        state: "NY".into(),
        ..OfficialDoc::default()
    });
    sharded.add_shard(vt, to_json_pretty(&vt_doc).as_bytes());
    // New York's file reuses Vermont's id "a".
    let mut ny_doc = split(&small_doc()).shards.into_iter().find(|(s, _)| *s == ny).unwrap().1;
    ny_doc.officials[0].id = Some("a".into());
    sharded.add_shard(ny, to_json_pretty(&ny_doc).as_bytes());

    let combined = sharded.combined();
    let messages = messages(&combined.report);
    assert_eq!(messages.len(), 3, "{messages:#?}");
    // In state order: New York's file first.
    assert!(messages[0].starts_with("error: NY.json, officials[0].id (line "), "{}", messages[0]);
    assert!(
        messages[0].ends_with("the id \"a\" is already used by an official in VT.json; Name c skipped"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1]
            .starts_with("warning: VT.json (line 1, column 1): the index says this file has 2 officials, but it has 3"),
        "{}",
        messages[1]
    );
    assert!(messages[2].starts_with("error: VT.json, officials[2].state (line "), "{}", messages[2]);
    assert!(
        messages[2].ends_with("Zed is in New York, but this file holds the officials of Vermont; skipped"),
        "{}",
        messages[2]
    );
    assert_eq!((combined.report.loaded, combined.report.skipped), (2, 2));
    let feed = combined.feed.unwrap();
    assert_eq!(feed.officials.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn questions_that_differ_from_the_index_are_reported_and_matched_by_id() {
    let (mut sharded, _) = small_sharded();
    let mut doc = split(&small_doc()).shards.into_iter().find(|(s, _)| *s == state("VT")).unwrap().1;
    // The file lists the stances the other way round, renames one, and adds one.
    doc.questions[0].stances.reverse();
    doc.questions[0].stances[0].label = "Nope".into();
    doc.questions[0].stances.push(StanceDoc { id: "maybe".into(), label: "Maybe".into(), ..StanceDoc::default() });
    doc.officials[1].stances.get_mut("q").unwrap().stance = "maybe".into();
    sharded.add_shard(state("VT"), to_json_pretty(&doc).as_bytes());
    let combined = sharded.combined();
    let messages = messages(&combined.report);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].starts_with("warning: VT.json, questions (line 6, column 16): the questions differ from the index's (stance \"maybe\" of question \"q\" is not in the index); officials are shown with the index's questions, and 1 stance the index does not have is shown as the question's default or as not rated"), "{}", messages[0]);
    let feed = combined.feed.unwrap();
    let stance_of = |id: &str| {
        let record = feed.official(id).unwrap().stances[0].as_ref().unwrap();
        feed.questions[0].stances[record.stance as usize].id.clone()
    };
    assert_eq!(feed.questions[0].stances[0].label, "Yes", "the index's questions are used");
    assert_eq!(stance_of("a"), "yes");
    assert_eq!(stance_of("b"), "no", "an unknown stance falls back to the default");
}

#[test]
fn a_file_that_cannot_be_read_fails_its_state_only() {
    let (mut sharded, _) = small_sharded();
    let started = sharded.start_loading(states(&["VT", "NY", "CA"]));
    assert_eq!(started.iter().map(|e| e.state.code()).collect::<Vec<_>>(), ["NY", "VT"], "CA is not in the index");
    assert!(sharded.start_loading(states(&["VT"])).is_empty(), "already on its way");
    sharded.add_shard(state("VT"), b"<html>Not found</html>");
    sharded.fail(state("NY"), "The server did not answer.");
    let failed = progress(sharded.statuses(), states(&["VT", "NY"])).failed;
    assert_eq!(failed.len(), 2);
    assert!(
        failed[1].1.en().starts_with(
            "The officials of Vermont could not be read. error: VT.json (line 1, column 1): this is a web page"
        ),
        "{}",
        failed[1].1.en()
    );
    assert!(to_fetch(sharded.statuses(), states(&["VT"])).is_empty(), "a failed file waits for the reader to retry");
    sharded.retry(state("VT"));
    assert_eq!(to_fetch(sharded.statuses(), states(&["VT"])), states(&["VT"]));
    let combined = sharded.combined();
    assert!(combined.report.has_errors(), "the file's problem is in the report");
    assert_eq!(combined.feed.unwrap().officials.len(), 0);
}

#[test]
fn which_states_to_load_and_how_to_show_them() {
    let (mut sharded, vt_doc) = small_sharded();
    let mut saved = Shortlist::default();
    saved.add("b", "Name b").unwrap();
    // An entry saved before states were remembered: no state to load.
    saved.add("old", "Old entry").unwrap();
    let (list, _) = Shortlist::from_storage_json(&saved.to_storage_json().replacen(
        r#""amount_cents":2700"#,
        r#""amount_cents":2700,"state":"VT""#,
        1,
    ))
    .unwrap();
    assert_eq!(wanted_states(states(&["NY"]), &list, StateSet::EMPTY), states(&["NY", "VT"]));
    assert_eq!(wanted_states(StateSet::EMPTY, &Shortlist::default(), states(&["CA"])), states(&["CA"]));

    let wanted = wanted_states(StateSet::EMPTY, &list, StateSet::EMPTY);
    assert_eq!(to_fetch(sharded.statuses(), wanted), states(&["VT"]));
    let before = sharded.combined().feed.unwrap();
    let entry = |id: &str| list.entries().iter().find(|e| e.id == id).unwrap().clone();
    assert_eq!(presence(&before, &entry("b"), Some(sharded.statuses())), Presence::NotLoaded);
    assert_eq!(presence(&before, &entry("b"), None), Presence::Gone, "an ordinary feed: gone is gone");
    assert_eq!(
        state_choices(sharded.statuses(), &[0; scorecard_core::states::COUNT]),
        [(state("NY"), 1), (state("VT"), 2)],
        "before loading: the index's counts"
    );

    sharded.start_loading(wanted);
    assert_eq!(progress(sharded.statuses(), states(&["VT", "NY"])).loading, [state("VT")]);
    assert!(!settled(sharded.statuses(), states(&["VT"])), "on its way");
    assert!(settled(sharded.statuses(), states(&["CA"])), "not in the index: nothing will come");
    sharded.add_shard(state("VT"), to_json_pretty(&vt_doc).as_bytes());
    assert_eq!(sharded.loaded_states(), states(&["VT"]));
    assert!(settled(sharded.statuses(), states(&["VT"])));
    assert!(!settled(sharded.statuses(), states(&["VT", "NY"])), "New York is not asked for yet");
    let after = sharded.combined().feed.unwrap();
    assert_eq!(presence(&after, &entry("b"), Some(sharded.statuses())), Presence::InFeed);
    assert_eq!(presence(&after, &entry("old"), Some(sharded.statuses())), Presence::NotLoaded);
    let mut gone = entry("b");
    gone.id = "left-the-feed".into();
    assert_eq!(presence(&after, &gone, Some(sharded.statuses())), Presence::Gone, "Vermont is loaded: really gone");
    let mut facets = vec![0; scorecard_core::states::COUNT];
    facets[state("VT").index()] = 1;
    assert_eq!(
        state_choices(sharded.statuses(), &facets),
        [(state("NY"), 1), (state("VT"), 1)],
        "after: the filter's count"
    );
}

#[test]
fn links_to_sharded_feeds_name_the_states_of_the_list() {
    let (mut sharded, vt_doc) = small_sharded();
    sharded.start_loading(states(&["VT"]));
    sharded.add_shard(state("VT"), to_json_pretty(&vt_doc).as_bytes());
    let feed = sharded.combined().feed.unwrap();
    let mut list = Shortlist::default();
    list.add("a", "Name a").unwrap();
    let value = share_link::encode_sharded(&View::default(), Some(&list), &feed);
    assert!(value.contains(";ls=VT;c="), "{value}");
    let token = value.split(";l=").nth(1).unwrap().split(';').next().unwrap();
    assert_eq!(token.len(), 6, "longer tokens: {value}");
    assert!(!share_link::encode(&View::default(), Some(&list), &feed).contains("ls="));

    // The recipient reads the states first, from the index alone, then the list.
    let index_only = ShardedFeed::new(sharded.index().clone(), Report::default()).combined().feed.unwrap();
    let decoded = share_link::decode(&format!("sc={value}"), "sc", &index_only);
    assert_eq!(decoded.list_states, states(&["VT"]));
    let decoded = share_link::decode(&format!("sc={value}"), "sc", &feed);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    let shared = decoded.shared.unwrap().to_shortlist(&feed);
    assert_eq!(shared.entries()[0].id, "a");
    assert_eq!(shared.states(), states(&["VT"]));
}

const STATES: [&str; 5] = ["VT", "NY", "CA", "PR", "DC"];
const POSITIONS: [&str; 3] = ["Senator", "Mayor", "Governor"];

prop_compose! {
    fn official_doc(i: usize)(
        state in 0..STATES.len(),
        position in proptest::option::of(0..POSITIONS.len()),
        party in proptest::option::of(0..3usize),
        stance in proptest::option::of(0..3usize),
        name in "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}",
    ) -> OfficialDoc<'static> {
        OfficialDoc {
            id: Some(format!("o{i}").into()),
            name: name.into(),
            state: STATES[state].into(),
            position: position.map(|p| POSITIONS[p].into()),
            party: party.map(|p| ["Democratic", "Green", "Working Families"][p].into()),
            stances: stance
                .map(|s| ("q".to_string(), StanceRecordDoc { stance: ["yes", "no", "maybe"][s].into(), ..StanceRecordDoc::default() }))
                .into_iter()
                .collect(),
            ..OfficialDoc::default()
        }
    }
}

fn random_doc() -> impl Strategy<Value = FeedDoc<'static>> {
    (1..40usize).prop_flat_map(|n| (0..n).map(official_doc).collect::<Vec<_>>()).prop_map(|officials| FeedDoc {
        officials,
        questions: vec![QuestionDoc {
            id: "q".into(),
            text: "Q?".into(),
            stances: ["yes", "no", "maybe"]
                .iter()
                .map(|s| StanceDoc { id: (*s).into(), label: s.to_uppercase(), ..StanceDoc::default() })
                .collect(),
            ..QuestionDoc::default()
        }],
        ..small_doc()
    })
}

/// Index-like JSON with random values where the entries' fields go, and random bytes.
fn index_like() -> impl Strategy<Value = Vec<u8>> {
    let value = prop_oneof![
        Just("\"MN\"".to_string()),
        Just("\"mn\"".to_string()),
        Just("-1".to_string()),
        Just("1e99".to_string()),
        Just("null".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("\"https://x.org/MN.json\"".to_string()),
        Just("\"\\\\evil\"".to_string()),
        "[ -~]{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    let entry = (value.clone(), value.clone(), value)
        .prop_map(|(state, url, officials)| format!(r#"{{"state": {state}, "url": {url}, "officials": {officials}}}"#));
    prop_oneof![
        proptest::collection::vec(entry, 0..6).prop_map(|entries| {
            format!(
                r#"{{"format_version": 1, "meta": {{"title": "T"}}, "questions": [{{"id": "q", "text": "Q", "stances": [{{"id": "y", "label": "Y"}}]}}], "shards": [{}]}}"#,
                entries.join(",")
            )
            .into_bytes()
        }),
        proptest::collection::vec(any::<u8>(), 0..200),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever an index or a state file holds: no panic, and only known states, each once.
    #[test]
    fn reading_any_index_or_state_file_never_panics(bytes in index_like(), file in index_like()) {
        if let Opened::Index { index: Some(index), .. } = open(&bytes) {
            let listed: StateSet = index.shards.iter().map(|s| s.state).collect();
            prop_assert_eq!(listed.len(), index.shards.len());
            let mut sharded = ShardedFeed::new(index, Report::default());
            sharded.start_loading(listed);
            for state in listed.iter() {
                sharded.add_shard(state, &file);
            }
            let _ = sharded.combined();
        }
    }

    /// Split, then combine every shard (in any order): the same officials as the original feed.
    #[test]
    fn split_then_combine_gives_back_every_official(doc in random_doc(), reversed in any::<bool>()) {
        let original = load_json(to_json_pretty(&doc).as_bytes()).feed.unwrap();
        let (mut sharded, files) = split_feed(&original);
        let mut order: Vec<_> = files.iter().collect();
        if reversed {
            order.reverse();
        }
        for (state, bytes) in order {
            sharded.add_shard(*state, bytes);
        }
        let combined = sharded.combined();
        prop_assert!(combined.report.diagnostics.is_empty(), "{:?}", combined.report.diagnostics);
        let combined = combined.feed.unwrap();
        prop_assert_eq!(officials_by_id(&combined), officials_by_id(&original));
        prop_assert_eq!(&combined.positions, &original.positions);
        prop_assert_eq!(&combined.parties, &original.parties);
        prop_assert_eq!(sharded.loaded_states(), original.officials.iter().map(|o| o.state).collect::<StateSet>());
        prop_assert_eq!(shards::totals(sharded.statuses()).0 as usize, original.officials.len());
    }
}
