//! Property tests over random feeds, shortlists, filters and bytes.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use scorecard_core::csv_import::load_csv;
use scorecard_core::diagnostics::Severity;
use scorecard_core::donate::donate_link;
use scorecard_core::feed::doc::{FeedDoc, MetaDoc, OfficialDoc, QuestionDoc, StanceDoc, StanceRecordDoc};
use scorecard_core::feed::{load_json, load_json_fast, to_json_pretty, Feed};
use scorecard_core::filter::{run, states_in_feed, FilterSpec, SortKey, StanceChoice};
use scorecard_core::link::SafeUrl;
use scorecard_core::money::{Cents, MAX_AMOUNT, MIN_AMOUNT};
use scorecard_core::share_link::{self, Integrity, View};
use scorecard_core::shortlist::{split, Shortlist};
use scorecard_core::states::{State, StateSet};
use scorecard_core::text::fold;

const STATES: [&str; 6] = ["VT", "NY", "CA", "PR", "DC", "TX"];
const POSITIONS: [&str; 4] = ["Senator", "Governor", "Mayor", "U.S. House, District 1"];
const PARTIES: [&str; 3] = ["Democratic", "Independent", "Working Families"];
const NAME_PARTS: [&str; 10] = ["Ann", "José", "Zoë", "Lee", "Smith", "Muñoz", "O'Brien", "Ng", "de la Cruz", "Åsa"];
const STANCES: [&str; 3] = ["yes", "no", "unsure"];

/// A stance index and an optional (year, month, day).
type GenStance = Option<(usize, Option<(u16, u8, u8)>)>;

#[derive(Clone, Debug)]
struct GenOfficial {
    name: (usize, usize),
    state: usize,
    position: Option<usize>,
    party: Option<usize>,
    /// Per question: None = no record.
    stances: [GenStance; 2],
}

fn official_strategy() -> impl Strategy<Value = GenOfficial> {
    let stance = proptest::option::of((0..STANCES.len(), proptest::option::of((2015u16..2021, 1u8..13, 1u8..29))));
    (
        (0..NAME_PARTS.len(), 0..NAME_PARTS.len()),
        0..STATES.len(),
        proptest::option::of(0..POSITIONS.len()),
        proptest::option::of(0..PARTIES.len()),
        [stance.clone(), stance],
    )
        .prop_map(|(name, state, position, party, stances)| GenOfficial { name, state, position, party, stances })
}

/// Builds a feed through the real JSON path. Ids are unique by construction (index suffix).
fn build_feed(officials: &[GenOfficial], with_default: bool) -> Feed {
    let question = |id: &str| QuestionDoc {
        id: id.into(),
        text: format!("Question {id}?"),
        stances: STANCES
            .iter()
            .map(|s| StanceDoc { id: (*s).into(), label: s.to_uppercase(), ..StanceDoc::default() })
            .collect(),
        default_stance: with_default.then(|| "unsure".into()),
        ..QuestionDoc::default()
    };
    let doc = FeedDoc {
        schema: None,
        format_version: scorecard_core::feed::doc::FORMAT_VERSION,
        meta: MetaDoc { title: "Random".into(), ..MetaDoc::default() },
        questions: vec![question("q1"), question("q2")],
        officials: officials
            .iter()
            .enumerate()
            .map(|(i, o)| OfficialDoc {
                id: Some(format!("official-{i}").into()),
                name: format!("{} {}", NAME_PARTS[o.name.0], NAME_PARTS[o.name.1]).into(),
                state: STATES[o.state].into(),
                position: o.position.map(|p| POSITIONS[p].into()),
                party: o.party.map(|p| PARTIES[p].into()),
                stances: o
                    .stances
                    .iter()
                    .zip(["q1", "q2"])
                    .filter_map(|(s, q)| {
                        let (stance, date) = (*s)?;
                        Some((
                            q.to_string(),
                            StanceRecordDoc {
                                stance: STANCES[stance].into(),
                                date: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}").into()),
                                ..StanceRecordDoc::default()
                            },
                        ))
                    })
                    .collect(),
                ..OfficialDoc::default()
            })
            .collect(),
        shards: Vec::new(),
    };
    let loaded = load_json(to_json_pretty(&doc).as_bytes());
    assert!(!loaded.report.has_errors(), "{:?}", loaded.report.diagnostics);
    loaded.feed.expect("generated feed loads")
}

fn spec_strategy() -> impl Strategy<Value = FilterSpec> {
    (
        proptest::option::of(prop_oneof![Just("q1".to_string()), Just("q2".to_string()), Just("gone".to_string())]),
        proptest::collection::btree_set(0..STATES.len(), 0..3),
        proptest::collection::btree_set(0..STANCES.len() + 2, 0..3),
        proptest::collection::btree_set(0..POSITIONS.len() + 1, 0..2),
        proptest::collection::btree_set(0..PARTIES.len(), 0..2),
        prop_oneof![
            Just(String::new()),
            Just("an".to_string()),
            Just("JOSE smi".to_string()),
            Just("muñ".to_string()),
            Just("  zoe ".to_string()),
            "[a-zé ]{0,4}"
        ],
        prop_oneof![Just(SortKey::Name), Just(SortKey::State), Just(SortKey::Stance), Just(SortKey::Date)],
    )
        .prop_map(|(question, states, stances, positions, parties, name, sort)| FilterSpec {
            question,
            states: states.into_iter().filter_map(|s| State::parse(STATES[s])).collect::<StateSet>(),
            stances: stances
                .into_iter()
                .map(|s| match s {
                    s if s < STANCES.len() => StanceChoice::Stance(STANCES[s].into()),
                    s if s == STANCES.len() => StanceChoice::NotRated,
                    _ => StanceChoice::Stance("no-such-stance".into()),
                })
                .collect(),
            positions: positions
                .into_iter()
                .map(|p| POSITIONS.get(p).map_or("No such office", |v| v).to_string())
                .collect(),
            parties: parties.into_iter().map(|p| PARTIES[p].to_string()).collect(),
            name,
            sort,
        })
}

/// The obvious, slow implementation that `filter::run` must agree with.
fn naive(feed: &Feed, spec: &FilterSpec) -> Vec<u32> {
    let q = spec.question.as_deref().and_then(|id| feed.questions.iter().position(|q| q.id == id)).unwrap_or(0);
    let stance_of = |i: usize| {
        feed.officials[i].stances[q].as_ref().map(|r| feed.questions[q].stances[r.stance as usize].id.clone())
    };
    let known_stances: BTreeSet<&StanceChoice> = spec
        .stances
        .iter()
        .filter(|c| match c {
            StanceChoice::Stance(id) => feed.questions[q].stances.iter().any(|s| &s.id == id),
            StanceChoice::NotRated => true,
        })
        .collect();
    let known_positions: BTreeSet<&String> = spec.positions.iter().filter(|p| feed.positions.contains(p)).collect();
    let known_parties: BTreeSet<&String> = spec.parties.iter().filter(|p| feed.parties.contains(p)).collect();
    let words: Vec<String> = fold(&spec.name).split_whitespace().map(str::to_string).collect();
    let mut matches: Vec<u32> = feed
        .name_order()
        .iter()
        .copied()
        .filter(|&i| {
            let o = &feed.officials[i as usize];
            let stance = match stance_of(i as usize) {
                Some(id) => StanceChoice::Stance(id),
                None => StanceChoice::NotRated,
            };
            (spec.states.is_empty() || spec.states.contains(o.state))
                && (known_stances.is_empty() || known_stances.contains(&stance))
                && (known_positions.is_empty()
                    || feed.position_label(o).is_some_and(|p| known_positions.contains(&p.to_string())))
                && (known_parties.is_empty()
                    || feed.party_label(o).is_some_and(|p| known_parties.contains(&p.to_string())))
                && words.iter().all(|w| fold(&o.name).contains(w.as_str()))
        })
        .collect();
    let rank: BTreeMap<u32, usize> = feed.name_order().iter().enumerate().map(|(r, i)| (*i, r)).collect();
    let record = |i: u32| feed.officials[i as usize].stances[q].as_ref();
    match spec.sort {
        SortKey::Name => {}
        SortKey::State => matches.sort_by_key(|i| (feed.officials[*i as usize].state.code(), rank[i])),
        SortKey::Stance => matches.sort_by_key(|i| (record(*i).map_or(999, |r| r.stance as i32), rank[i])),
        SortKey::Date => {
            matches.sort_by_key(|i| (std::cmp::Reverse(record(*i).and_then(|r| r.effective_date())), rank[i]))
        }
    }
    matches
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn filtering_equals_the_naive_reference(officials in proptest::collection::vec(official_strategy(), 0..60), with_default: bool, spec in spec_strategy()) {
        let feed = build_feed(&officials, with_default);
        let result = run(&feed, &spec);
        prop_assert_eq!(&result.matches, &naive(&feed, &spec));

        // Each facet count equals the size of the result with that facet replaced by that value.
        for state in ["VT", "PR"] {
            let state = State::parse(state).unwrap();
            let mut alt = spec.clone();
            alt.states = [state].into_iter().collect();
            prop_assert_eq!(result.facets.states[state.index()] as usize, naive(&feed, &alt).len());
        }
        for (i, stance) in feed.questions[result.question].stances.iter().enumerate() {
            let mut alt = spec.clone();
            alt.stances = [StanceChoice::Stance(stance.id.clone())].into();
            prop_assert_eq!(result.facets.stances[i] as usize, naive(&feed, &alt).len());
        }
        for (i, party) in feed.parties.iter().enumerate() {
            let mut alt = spec.clone();
            alt.parties = [party.clone()].into();
            prop_assert_eq!(result.facets.parties[i] as usize, naive(&feed, &alt).len());
        }
        for (i, position) in feed.positions.iter().enumerate() {
            let mut alt = spec.clone();
            alt.positions = [position.clone()].into();
            prop_assert_eq!(result.facets.positions[i] as usize, naive(&feed, &alt).len());
        }
        let mut alt = spec.clone();
        alt.stances = [StanceChoice::NotRated].into();
        prop_assert_eq!(result.facets.not_rated as usize, naive(&feed, &alt).len());
        // Officials without a position (or party) are the rest of those any position would show.
        let mut alt = spec.clone();
        alt.positions.clear();
        let with_positions: u32 = result.facets.positions.iter().sum();
        prop_assert_eq!((with_positions + result.facets.no_position) as usize, naive(&feed, &alt).len());
        let mut alt = spec.clone();
        alt.parties.clear();
        let with_parties: u32 = result.facets.parties.iter().sum();
        prop_assert_eq!((with_parties + result.facets.no_party) as usize, naive(&feed, &alt).len());
        // The state picker's list: each state with officials, in the states' order, and how many.
        let mut by_state: BTreeMap<usize, (State, u32)> = BTreeMap::new();
        for official in &feed.officials {
            by_state.entry(official.state.index()).or_insert((official.state, 0)).1 += 1;
        }
        prop_assert_eq!(states_in_feed(&feed), by_state.into_values().collect::<Vec<_>>());
        // A state's total: its officials whatever their stance (the map's "of N").
        for state in ["VT", "PR"] {
            let state = State::parse(state).unwrap();
            let mut alt = spec.clone();
            alt.states = [state].into_iter().collect();
            alt.stances.clear();
            prop_assert_eq!(result.facets.state_totals[state.index()] as usize, naive(&feed, &alt).len());
        }
    }

    #[test]
    fn share_links_round_trip(
        officials in proptest::collection::vec(official_strategy(), 1..300),
        picks in proptest::collection::vec((any::<prop::sample::Index>(), MIN_AMOUNT.0..=MAX_AMOUNT.0, any::<bool>()), 0..40),
        spec in spec_strategy(),
        mine in any::<bool>(),
        compared in proptest::collection::vec(any::<prop::sample::Index>(), 0..=4),
        sharded in any::<bool>(),
    ) {
        let feed = build_feed(&officials, true);
        let mut list = Shortlist::default();
        for (pick, cents, whole_dollars) in &picks {
            let official = &feed.officials[pick.index(feed.officials.len())];
            let amount = if *whole_dollars { Cents(cents / 100 * 100) } else { Cents(*cents) };
            let _ = list.add_with_amount(&official.id, &official.name, amount.check_gift().unwrap_or(MIN_AMOUNT));
        }
        let open = picks.first().map(|(pick, _, _)| feed.officials[pick.index(feed.officials.len())].id.clone());
        // Officials compared: some on the list (named by their place in it), some not (by token).
        let mut compare: Vec<String> = Vec::new();
        for pick in &compared {
            let id = &feed.officials[pick.index(feed.officials.len())].id;
            if !compare.contains(id) {
                compare.push(id.clone());
            }
        }
        // The language rides along (on some views), and is never part of the list.
        let lang = [None, Some(scorecard_core::i18n::Lang::En), Some(scorecard_core::i18n::Lang::Es)][compared.len() % 3];
        let view = View { filter: spec.clone(), open: open.clone(), mine, compare: compare.clone(), lang };
        let param = share_link::encode_for(&view, Some(&list), &feed, sharded);
        let fragment = format!("#top&sc={param}");
        let decoded = share_link::decode(&fragment, "sc", &feed);
        prop_assert!(decoded.present);
        let mut expected = spec.clone();
        expected.name = scorecard_core::text::clean(&expected.name); // words, single-spaced
        prop_assert_eq!(&decoded.view.filter, &expected);
        prop_assert_eq!(&decoded.view.open, &open);
        prop_assert_eq!(decoded.view.mine, mine);
        prop_assert_eq!(decoded.view.lang, lang);
        prop_assert_eq!(&decoded.view.compare, &compare);
        prop_assert_eq!(&decoded.compare_note, &None);
        // The same comparison without the list: every official by token.
        let alone = share_link::decode(&format!("sc={}", share_link::encode(&view, None, &feed)), "sc", &feed);
        prop_assert_eq!(&alone.view.compare, &compare);
        if list.is_empty() {
            prop_assert!(decoded.shared.is_none());
        } else {
            let shared = decoded.shared.expect("shared list");
            prop_assert_eq!(shared.integrity, Integrity::Intact);
            prop_assert_eq!(shared.unknown + shared.ambiguous, 0);
            let back = shared.to_shortlist(&feed);
            let pairs = |l: &Shortlist| l.entries().iter().map(|e| (e.id.clone(), e.amount)).collect::<Vec<_>>();
            prop_assert_eq!(pairs(&back), pairs(&list));
            prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        }
    }

    #[test]
    fn cut_or_altered_links_are_reported_never_wrong_silently(
        officials in proptest::collection::vec(official_strategy(), 2..50),
        cut in 1usize..40,
    ) {
        let feed = build_feed(&officials, true);
        let mut list = Shortlist::default();
        for o in feed.officials.iter().take(5) {
            let _ = list.add_with_amount(&o.id, &o.name, Cents(1234));
        }
        let param = share_link::encode(&View::default(), Some(&list), &feed);
        let cut_at = param.len().saturating_sub(cut).max(1);
        let truncated = &param[..cut_at];
        let decoded = share_link::decode(&format!("sc={truncated}"), "sc", &feed);
        if let Some(shared) = decoded.shared {
            prop_assert_ne!(shared.integrity, Integrity::Intact);
            prop_assert!(!decoded.problems.is_empty());
        }
    }

    /// A feed whose records are all well-formed is read in one pass; one bad record sends it
    /// through the record-by-record path. Both must give the same feed and the same messages,
    /// at the same places.
    #[test]
    fn the_one_pass_and_record_by_record_reads_agree(officials in proptest::collection::vec(official_strategy(), 1..12), insecure in proptest::collection::vec(any::<bool>(), 12)) {
        let feed = build_feed(&officials, true);
        let mut doc = feed.to_doc();
        for (official, insecure) in doc.officials.iter_mut().zip(insecure) {
            if insecure {
                official.website = Some("http://example.org".into()); // a warning, located
            }
        }
        let good = to_json_pretty(&doc);
        let end = good.rfind("\n  ]").expect("the officials' list ends");
        let with_bad_record = format!("{},\n{{\"name\": 5}}{}", &good[..end], &good[end..]);
        let (one_pass, by_record) = (load_json(good.as_bytes()), load_json(with_bad_record.as_bytes()));
        prop_assert_eq!(&one_pass.feed, &by_record.feed);
        let errors: Vec<_> = by_record.report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        prop_assert_eq!(errors.len(), 1);
        let warnings: Vec<_> = by_record.report.diagnostics.iter().filter(|d| d.severity != Severity::Error).collect();
        prop_assert_eq!(one_pass.report.diagnostics.iter().collect::<Vec<_>>(), warnings);
        // The widget's main module reads the good one alone and leaves the other to the careful
        // path (a part loaded on first use).
        let fast = load_json_fast(good.as_bytes());
        prop_assert!(fast.is_some());
        let fast = fast.unwrap();
        prop_assert_eq!(&fast.feed, &one_pass.feed);
        prop_assert_eq!(&fast.report, &one_pass.report);
        prop_assert!(load_json_fast(with_bad_record.as_bytes()).is_none());
        // Officials before the questions (a hand-made feed): read first, checked after, with
        // the same result and messages (at other places in the other text).
        let officials_first = format!(
            "{{\"officials\": {}, \"format_version\": {}, \"meta\": {}, \"questions\": {}}}",
            serde_json::to_string(&doc.officials).unwrap(),
            doc.format_version,
            serde_json::to_string(&doc.meta).unwrap(),
            serde_json::to_string(&doc.questions).unwrap()
        );
        let reordered = load_json(officials_first.as_bytes());
        prop_assert_eq!(&reordered.feed, &one_pass.feed);
        let messages = |loaded: &scorecard_core::feed::Loaded| {
            loaded.report.diagnostics.iter().map(|d| (d.severity, d.message.clone())).collect::<Vec<_>>()
        };
        prop_assert_eq!(messages(&reordered), messages(&one_pass));
        prop_assert_eq!((reordered.report.loaded, reordered.report.skipped), (one_pass.report.loaded, one_pass.report.skipped));
    }

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_json(&bytes);
        let _ = load_json_fast(&bytes);
        let _ = load_csv(&bytes, None);
    }

    #[test]
    fn mutated_feeds_never_panic(officials in proptest::collection::vec(official_strategy(), 1..8), edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>()) {
        let feed = build_feed(&officials, false);
        let mut bytes = to_json_pretty(&feed.to_doc()).into_bytes();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let end = cut.index(bytes.len() + 1);
        let loaded = load_json(&bytes[..end]);
        // Whatever the fast read alone makes of it is what the full read makes of it.
        if let Some(fast) = load_json_fast(&bytes[..end]) {
            prop_assert_eq!(&fast.feed, &loaded.feed);
            prop_assert_eq!(&fast.report, &loaded.report);
        }
        // Whatever happened, the report accounts for every official that is not loaded.
        if let Some(feed) = loaded.feed {
            prop_assert_eq!(feed.officials.len(), loaded.report.loaded);
        }
    }

    #[test]
    fn decoding_any_fragment_never_panics(fragment in "(#?)(sc=)?[0-9a-zA-Z;=,~.%+_&-]{0,200}", officials in proptest::collection::vec(official_strategy(), 0..10)) {
        let feed = build_feed(&officials, true);
        let decoded = share_link::decode(&fragment, "sc", &feed);
        if let Some(shared) = decoded.shared {
            for (i, amount) in shared.entries {
                prop_assert!(i < feed.officials.len());
                prop_assert!(amount >= MIN_AMOUNT && amount <= MAX_AMOUNT);
            }
        }
    }

    #[test]
    fn splits_are_exact_fair_and_bounded(budget in 0u64..5_000_000, n in 0usize..60) {
        match split(Cents(budget), n) {
            Ok(shares) => {
                prop_assert_eq!(shares.len(), n);
                prop_assert_eq!(shares.iter().map(|c| c.0).sum::<u64>(), budget);
                let min = shares.iter().min().unwrap().0;
                let max = shares.iter().max().unwrap().0;
                prop_assert!(max - min <= 1);
                prop_assert!(min >= MIN_AMOUNT.0 && max <= MAX_AMOUNT.0);
                prop_assert_eq!(split(Cents(budget), n).unwrap(), shares);
            }
            Err(_) => prop_assert!(n == 0 || budget < MIN_AMOUNT.0 * n as u64 || budget > MAX_AMOUNT.0 * n as u64),
        }
    }

    #[test]
    fn amounts_round_trip_through_text(cents in 0u64..100_000_000) {
        let amount = Cents(cents);
        prop_assert_eq!(Cents::parse(&amount.plain()), Ok(amount));
        prop_assert_eq!(Cents::parse(&amount.to_string()), Ok(amount));
    }

    #[test]
    fn donate_links_stay_https(url in "(https|http|javascript|HTTPS)://[a-z.]{1,20}(\\.actblue\\.com|\\.org)?(/[a-z]{0,5})?(\\?[a-z_=&]{0,20})?", refcode in ".{0,20}") {
        if let Ok(safe) = SafeUrl::https(&url) {
            let link = donate_link(&safe, Cents(2700), Some(&refcode));
            prop_assert!(link.as_str().starts_with("https://"));
            prop_assert!(!link.as_str().contains("express_lane"));
        }
    }
}

#[test]
fn twenty_officials_with_amounts_fit_in_200_characters() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../feeds/endorsements-2020.json");
    let feed = load_json(&std::fs::read(path).unwrap()).feed.unwrap();
    let mut list = Shortlist::default();
    for (i, o) in feed.officials.iter().step_by(37).take(20).enumerate() {
        list.add_with_amount(&o.id, &o.name, Cents(1000 + 500 * (i as u64 % 5))).unwrap();
    }
    let param = share_link::encode(&View::default(), Some(&list), &feed);
    let fragment = format!("sc={param}");
    assert!(fragment.len() <= 200, "{} characters: {fragment}", fragment.len());
    // Comparing four of them, the last four (the longest places), still fits.
    let compare = list.entries().iter().rev().take(4).map(|e| e.id.clone()).collect();
    let param = share_link::encode(&View { compare, ..View::default() }, Some(&list), &feed);
    let fragment = format!("sc={param}");
    assert!(fragment.len() <= 200, "{} characters: {fragment}", fragment.len());
}
