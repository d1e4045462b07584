use std::collections::BTreeSet;

use super::*;
use crate::feed::load_json;
use crate::feed::shards::ShardEntry;
use crate::filter::run;

fn state(code: &str) -> State {
    State::parse(code).unwrap()
}

/// Vermont: 3 officials, 2 endorsed; Minnesota: 1 of 2 endorsed; Guam: 1, not rated.
fn feed() -> Feed {
    load_json(
        br#"{ "format_version": 1, "meta": { "title": "T" },
            "questions": [ { "id": "q", "text": "Q?", "stances": [
                { "id": "e", "label": "Endorsed Sanders" }, { "id": "y", "label": "Yes" } ] } ],
            "officials": [
                { "id": "a", "name": "Ann Able", "state": "VT", "party": "Democratic", "stances": { "q": { "stance": "e" } } },
                { "id": "b", "name": "Bo Baker", "state": "VT", "party": "Democratic", "stances": { "q": { "stance": "e" } } },
                { "id": "c", "name": "Cy Cole", "state": "VT", "party": "Republican", "stances": { "q": { "stance": "y" } } },
                { "id": "d", "name": "Di Dunn", "state": "MN", "party": "Democratic", "stances": { "q": { "stance": "e" } } },
                { "id": "f", "name": "Flo Fay", "state": "MN", "party": "Republican" },
                { "id": "g", "name": "Gus Gil", "state": "GU" } ] }"#,
    )
    .feed
    .unwrap()
}

fn map(feed: &Feed, filter: &FilterSpec, shards: Option<&[ShardStatus]>) -> MapModel {
    model(feed, filter, &run(feed, filter), shards, shown_states(feed, shards), |s| s.label.clone(), Lang::En)
}

fn tile<'a>(model: &'a MapModel, code: &str) -> &'a Tile {
    model.tiles.iter().find(|t| t.state.code() == code).unwrap()
}

fn endorsed() -> FilterSpec {
    FilterSpec { stances: BTreeSet::from([StanceChoice::Stance("e".into())]), ..FilterSpec::default() }
}

#[test]
fn the_layout_has_every_state_once_and_no_two_tiles_in_one_place() {
    let mut seen = StateSet::EMPTY;
    let mut places = BTreeSet::new();
    for &(code, row, column) in &LAYOUT {
        let state = State::parse(code).unwrap_or_else(|| panic!("{code} is not a state the core knows"));
        assert!(!seen.contains(state), "{code} has two tiles");
        seen.insert(state);
        assert!(places.insert((row, column)), "{code} shares its place ({row}, {column})");
        assert!((1..=ROWS).contains(&row) && (1..=COLUMNS).contains(&column), "{code} is off the grid");
    }
    let missing: Vec<&str> = State::all().filter(|s| !seen.contains(*s)).map(State::code).collect();
    assert!(missing.is_empty(), "no tile for {missing:?}");
    assert!(LAYOUT.windows(2).all(|w| (w[0].1, w[0].2) < (w[1].1, w[1].2)), "not in reading order");
}

#[test]
fn the_familiar_places() {
    // A few anchors of the geofacet grid: Maine top right, Washington west, Hawaii and Alaska
    // bottom left, Florida low in the east.
    let at = |code: &str| LAYOUT.iter().find(|t| t.0 == code).map(|t| (t.1, t.2)).unwrap();
    assert_eq!(at("ME"), (1, 11));
    assert_eq!(at("VT"), (1, 9));
    assert_eq!(at("WA"), (2, 1));
    assert_eq!(at("HI"), (7, 1));
    assert_eq!(at("FL"), (7, 9));
}

#[test]
fn states_dc_and_puerto_rico_always_territories_when_the_feed_has_them() {
    let feed = feed();
    let shown = shown_states(&feed, None);
    for code in ["VT", "WY", "DC", "PR", "GU"] {
        assert!(shown.contains(state(code)), "{code}");
    }
    for code in ["AS", "MP", "VI"] {
        assert!(!shown.contains(state(code)), "{code}");
    }
    assert_eq!(shown.len(), 53);
    let model = map(&feed, &FilterSpec::default(), None);
    assert_eq!(model.tiles.len(), 53);
    // Reading order, as on the page.
    assert!(model.tiles.windows(2).all(|w| (w[0].row, w[0].column) < (w[1].row, w[1].column)));
}

#[test]
fn a_chosen_stance_gives_counts_shares_and_names_in_the_feeds_words() {
    let feed = feed();
    let model = map(&feed, &endorsed(), None);
    assert_eq!(model.measure, Measure::Share);
    assert_eq!(model.caption.en(), "Share of each state's officials who endorsed Sanders");
    let vt = tile(&model, "VT");
    assert_eq!((vt.count, vt.total), (Some(2), 3));
    assert_eq!(vt.value.en(), "66%");
    assert_eq!(vt.label.en(), "Vermont: 2 of 3 endorsed Sanders");
    assert_eq!(vt.shade, Shade::Level(3));
    let mn = tile(&model, "MN");
    assert_eq!(
        (mn.label.en().as_str(), mn.value.en().as_str(), mn.shade),
        ("Minnesota: 1 of 2 endorsed Sanders", "50%", Shade::Level(3))
    );
    let gu = tile(&model, "GU");
    assert_eq!((gu.label.en().as_str(), gu.shade), ("Guam: 0 of 1 endorsed Sanders", Shade::Level(0)));
    let wy = tile(&model, "WY");
    assert_eq!(
        (wy.label.en().as_str(), wy.value.en().as_str(), wy.shade),
        ("Wyoming: no officials", "–", Shade::Empty)
    );
}

#[test]
fn other_stances_and_several_stances_read_as_sentences() {
    let feed = feed();
    let mut filter = FilterSpec::default();
    filter.stances.insert(StanceChoice::Stance("y".into()));
    assert_eq!(tile(&map(&feed, &filter, None), "VT").label.en(), "Vermont: 1 of 3 with the stance “Yes”");
    filter.stances.insert(StanceChoice::NotRated);
    let model = map(&feed, &filter, None);
    assert_eq!(tile(&model, "MN").label.en(), "Minnesota: 1 of 2 have one of the chosen stances");
    filter.stances = BTreeSet::from([StanceChoice::NotRated]);
    assert_eq!(tile(&map(&feed, &filter, None), "GU").label.en(), "Guam: 1 of 1 were not rated");
}

#[test]
fn no_stance_chosen_counts_officials_and_shades_by_the_largest_state() {
    let feed = feed();
    let model = map(&feed, &FilterSpec::default(), None);
    assert_eq!(model.measure, Measure::Count);
    assert_eq!(model.caption.en(), "Officials in each state");
    let vt = tile(&model, "VT");
    assert_eq!(
        (vt.label.en().as_str(), vt.value.en().as_str(), vt.shade),
        ("Vermont: 3 officials", "3", Shade::Level(4))
    );
    assert_eq!(tile(&model, "GU").label.en(), "Guam: 1 official");
    assert_eq!(tile(&model, "GU").shade, Shade::Level(2));
    // Legend for a largest count of 3: levels 2 (1), 3 (2) and 4 (3); level 1 holds nothing.
    let texts: Vec<(Shade, String)> = model.legend.iter().map(|l| (l.shade, l.text.en())).collect();
    assert_eq!(
        texts,
        [(Shade::Level(2), "1"), (Shade::Level(3), "2"), (Shade::Level(4), "3"), (Shade::Empty, "No officials")]
            .map(|(shade, text)| (shade, text.to_string()))
    );
}

#[test]
fn other_filters_narrow_both_numbers_and_the_state_filter_neither() {
    let feed = feed();
    let mut filter = endorsed();
    filter.parties.insert("Democratic".into());
    filter.states.insert(state("MN"));
    let model = map(&feed, &filter, None);
    let vt = tile(&model, "VT");
    // Vermont is not in the state filter, yet its tile still counts it: what picking it would show.
    assert_eq!((vt.count, vt.total, vt.selected), (Some(2), 2, false));
    assert_eq!(vt.value.en(), "100%");
    let mn = tile(&model, "MN");
    assert_eq!((mn.count, mn.total, mn.selected), (Some(1), 1, true));
}

#[test]
fn shades_split_shares_in_quarters_and_percent_never_rounds_to_the_ends() {
    let s = |count, total| shade(Measure::Share, Some(count), total, 0);
    assert_eq!(
        [s(0, 4), s(1, 100), s(24, 100), s(25, 100), s(49, 100), s(50, 100), s(75, 100), s(4, 4)],
        [
            Shade::Level(0),
            Shade::Level(1),
            Shade::Level(1),
            Shade::Level(2),
            Shade::Level(2),
            Shade::Level(3),
            Shade::Level(4),
            Shade::Level(4)
        ]
    );
    assert_eq!(shade(Measure::Share, None, 10, 0), Shade::NotLoaded);
    assert_eq!((percent(1, 1000), percent(999, 1000), percent(0, 0), percent(1, 3)), (1, 99, 0, 33));
}

#[test]
fn a_sharded_feed_shows_the_index_counts_of_states_not_loaded() {
    let feed = feed();
    let entry = |code: &str, officials| ShardEntry { state: state(code), url: format!("{code}.json"), officials };
    let shards = vec![
        ShardStatus { entry: entry("VT", Some(3)), load: ShardLoad::Loaded },
        ShardStatus { entry: entry("TX", Some(1204)), load: ShardLoad::NotLoaded },
        ShardStatus { entry: entry("AS", None), load: ShardLoad::Loading },
    ];
    let model = map(&feed, &endorsed(), Some(&shards));
    let tx = tile(&model, "TX");
    assert_eq!((tx.count, tx.total, tx.shade), (None, 1204, Shade::NotLoaded));
    assert_eq!((tx.value.en().as_str(), tx.label.en().as_str()), ("1,204", "Texas: 1,204 officials, not loaded yet"));
    let samoa = tile(&model, "AS");
    assert_eq!(samoa.label.en(), "American Samoa: not loaded yet");
    assert_eq!(tile(&model, "VT").label.en(), "Vermont: 2 of 3 endorsed Sanders");
    assert_eq!(model.legend.last().map(|l| l.shade), Some(Shade::NotLoaded));
}

#[test]
fn arrow_keys_move_to_the_nearest_tile_and_stop_at_edges() {
    let feed = feed();
    let tiles = map(&feed, &FilterSpec::default(), None).tiles;
    let at = |code: &str| tiles.iter().position(|t| t.state.code() == code).unwrap();
    let code = |i: usize| tiles[i].state.code();
    assert_eq!(code(step(&tiles, at("VT"), Step::Right)), "NH");
    assert_eq!(code(step(&tiles, at("NH"), Step::Right)), "ME");
    assert_eq!(step(&tiles, at("ME"), Step::Right), at("ME"));
    assert_eq!(code(step(&tiles, at("VT"), Step::Left)), "WI");
    assert_eq!(code(step(&tiles, at("VT"), Step::Down)), "NY");
    assert_eq!(step(&tiles, at("VT"), Step::Up), at("VT"));
    // Wisconsin is alone in its part of the top row: up from Washington finds the nearest
    // tile of row 1.
    assert_eq!(code(step(&tiles, at("WA"), Step::Up)), "WI");
    assert_eq!(code(step(&tiles, at("TX"), Step::Down)), "GU");
    assert_eq!(code(step(&tiles, at("FL"), Step::Down)), "PR");
    assert_eq!((step(&tiles, at("TX"), Step::First), step(&tiles, at("TX"), Step::Last)), (0, tiles.len() - 1));
    assert_eq!(Step::from_key("ArrowDown"), Some(Step::Down));
    assert_eq!(Step::from_key("a"), None);
    assert_eq!(step(&[], 5, Step::Left), 0);
}

#[test]
fn the_map_speaks_spanish() {
    use crate::i18n::Plain;
    let feed = feed();
    let es = Plain(Lang::Es);
    let model = model(
        &feed,
        &endorsed(),
        &run(&feed, &endorsed()),
        None,
        shown_states(&feed, None),
        |s| s.label.clone(),
        Lang::Es,
    );
    assert_eq!(
        model.caption.render(&es),
        "Porcentaje de los funcionarios de cada estado con la postura «Endorsed Sanders»"
    );
    assert_eq!(tile(&model, "VT").label.render(&es), "Vermont: 2 de 3 con la postura «Endorsed Sanders»");
    assert_eq!(tile(&model, "WY").label.render(&es), "Wyoming: sin funcionarios");
    // A quoted label reads in the caption as it does on a tile, in English too.
    let mut filter = FilterSpec::default();
    filter.stances.insert(StanceChoice::Stance("y".into()));
    let english = map(&feed, &filter, None);
    assert_eq!(english.caption.en(), "Share of each state's officials with the stance “Yes”");
    let counts = model_counts(&feed);
    assert_eq!(counts.caption.render(&es), "Funcionarios en cada estado");
    assert_eq!(tile(&counts, "GU").label.render(&es), "Guam: 1 funcionario");
}

fn model_counts(feed: &Feed) -> MapModel {
    let filter = FilterSpec::default();
    model(feed, &filter, &run(feed, &filter), None, shown_states(feed, None), |s| s.label.clone(), Lang::Es)
}

#[test]
fn the_map_waits_for_a_pause_only_while_a_name_is_typed() {
    let typed = FilterSpec { name: "sm".into(), ..endorsed() };
    assert!(waits_for_pause(&endorsed(), &typed));
    assert!(waits_for_pause(&typed, &endorsed()), "erasing is typing too");
    let picked = FilterSpec { states: [state("VT")].into_iter().collect(), ..typed.clone() };
    assert!(!waits_for_pause(&typed, &picked), "a state picked while a name is kept");
    assert!(!waits_for_pause(&endorsed(), &FilterSpec::default()), "a stance toggled");
}
