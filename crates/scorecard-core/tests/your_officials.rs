//! "Your officials": a ZIP code's districts → the officials who represent it, on small feeds,
//! on random ones (property tests), and on the bundled Congress today feed with the real table.

use proptest::prelude::*;
use scorecard_core::feed::{load_json, Feed};
use scorecard_core::states::State;
use scorecard_core::your_officials::{describe_period, find, same_district, DistrictChoice};
use scorecard_core::zip_table::{build, lookup, BuildOptions, District, Shard, Zip, ZipAnswer};

fn feed(districts: Option<&str>, officials: &str) -> Feed {
    let meta = match districts {
        Some(d) => format!(r#"{{ "title": "T", "districts": "{d}" }}"#),
        None => r#"{ "title": "T" }"#.to_string(),
    };
    let json = format!(
        r#"{{ "format_version": 1, "meta": {meta},
             "questions": [ {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Yes" }} ] }} ],
             "officials": [ {officials} ] }}"#
    );
    let loaded = load_json(json.as_bytes());
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    loaded.feed.unwrap()
}

const CONGRESS: &str = r#"
  { "id": "s1", "name": "Sen One", "state": "VT", "position": "Senator" },
  { "id": "s2", "name": "Sen Two", "state": "VT", "position": "Senator" },
  { "id": "r0", "name": "Rep Vermont", "state": "VT", "position": "Representative", "district": "At-large" },
  { "id": "g", "name": "Gov Nor", "state": "VT", "position": "Governor" },
  { "id": "m", "name": "May Or", "state": "VT", "position": "Mayor", "city": "Burlington" },
  { "id": "n1", "name": "Rep Nh One", "state": "NH", "position": "Representative", "district": "01" },
  { "id": "n2", "name": "Rep Nh Two", "state": "NH", "position": "Representative", "district": "2",
    "division_id": "ocd-division/country:us/state:nh/cd:2" },
  { "id": "ns", "name": "Sen Nh", "state": "NH", "position": "Senator", "division_id": "ocd-division/country:us/state:nh" }
"#;

fn district(state: &str, d: &str, division: Option<&str>) -> District {
    District { state: State::parse(state).unwrap(), district: d.into(), division_id: division.map(Into::into) }
}

fn ids(feed: &Feed, officials: &[u32]) -> Vec<String> {
    officials.iter().map(|i| feed.officials[*i as usize].id.clone()).collect()
}

#[test]
fn a_zip_code_gives_its_district_member_and_statewide_officials() {
    let feed = feed(Some("us-house-119"), CONGRESS);
    let vt = district("VT", "0", None);
    let found = find(&feed, &[&vt], Some("us-house-119"));
    assert_eq!(found.note, None);
    assert!(!found.is_split());
    let rendered: Vec<(String, Vec<String>)> =
        found.groups(DistrictChoice::All).iter().map(|g| (g.heading.en(), ids(&feed, &g.officials))).collect();
    let headings: Vec<(&str, Vec<String>)> = rendered.iter().map(|(h, i)| (h.as_str(), i.clone())).collect();
    assert_eq!(
        headings,
        [
            ("Vermont, at large", vec!["r0".to_string()]),
            ("Governor (Vermont)", vec!["g".to_string()]),
            ("Senator (Vermont)", vec!["s1".to_string(), "s2".to_string()]),
        ],
        "the mayor has a city, so is not statewide"
    );
    assert_eq!(found.officials(DistrictChoice::All).len(), 4);
}

#[test]
fn a_split_zip_code_gives_each_district_to_choose_from() {
    let feed = feed(Some("us-house-119"), CONGRESS);
    let (vt, nh1, nh2) = (
        district("VT", "0", None),
        district("NH", "1", None),
        district("NH", "2", Some("ocd-division/country:us/state:nh/cd:2")),
    );
    let found = find(&feed, &[&vt, &nh1, &nh2], Some("us-house-119"));
    assert!(found.is_split());
    let members: Vec<Vec<String>> = found.districts.iter().map(|d| ids(&feed, &d.group.officials)).collect();
    assert_eq!(members, [vec!["r0"], vec!["n1"], vec!["n2"]], "\"01\" is district 1; n2 by division id");
    let one = found.groups(DistrictChoice::One(1));
    let headings: Vec<String> = one.iter().map(|g| g.heading.en()).collect();
    assert_eq!(
        headings,
        ["New Hampshire, district 1", "Senator (New Hampshire)"],
        "a state-wide division id is statewide"
    );
    assert_eq!(found.officials(DistrictChoice::All).len(), 8 - 1, "everyone but the mayor");
}

#[test]
fn districts_of_another_period_are_not_matched_and_the_note_says_why() {
    let feed = feed(Some("us-house-116"), CONGRESS);
    let found = find(&feed, &[&district("VT", "0", None)], Some("us-house-119"));
    assert!(found.districts.is_empty());
    assert_eq!(
        found.note.as_ref().map(|n| n.en()).as_deref(),
        Some("This scorecard's districts are from the 116th Congress; ZIP codes here use the districts of the 119th Congress, so only statewide officials are matched.")
    );
    assert_eq!(found.officials(DistrictChoice::All).len(), 3);
    let unsaid = find(&feed_without_period(), &[&district("VT", "0", None)], Some("us-house-119"));
    assert!(unsaid.note.unwrap().en().contains("does not say which districts"));
    let no_period = find(&feed, &[&district("VT", "0", None)], None);
    assert!(no_period.note.unwrap().en().contains("ZIP code table does not say"));
}

fn feed_without_period() -> Feed {
    feed(None, CONGRESS)
}

#[test]
fn a_feed_without_districts_narrows_to_the_state() {
    let feed = feed(
        None,
        r#"{ "id": "a", "name": "A B", "state": "VT", "position": "DNC member" }, { "id": "c", "name": "C D", "state": "NH" }"#,
    );
    let found = find(&feed, &[&district("VT", "0", None)], Some("us-house-119"));
    assert_eq!(found.note, None);
    assert_eq!(found.states, [State::parse("VT").unwrap()]);
    assert_eq!(ids(&feed, &found.officials(DistrictChoice::All)), ["a"]);
}

#[test]
fn periods_and_districts_in_plain_words() {
    assert_eq!(describe_period("us-house-116").en(), "the 116th Congress");
    assert_eq!(describe_period("us-house-111").en(), "the 111th Congress");
    assert_eq!(describe_period("us-house-102").en(), "the 102nd Congress");
    assert_eq!(describe_period("us-house-121").en(), "the 121st Congress");
    assert_eq!(describe_period("mn-house-2022").en(), "\"mn-house-2022\"");
    for (a, b) in [("07", "7"), ("0", "At-large"), ("AL", "at large"), ("00", "0"), ("7a", "7A")] {
        assert!(same_district(a, b), "{a} = {b}");
    }
    assert!(!same_district("7", "17"));
    assert!(!same_district("1", "0"));
}

#[test]
fn the_bundled_congress_feed_and_zip_table_find_vermonts_members() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let feed = load_json(&std::fs::read(format!("{root}feeds/congress-today.json")).unwrap()).feed.unwrap();
    let csv = std::fs::read(format!("{root}feeds/source/zccd.csv")).unwrap();
    let built = build(&csv, &BuildOptions { period: Some("us-house-119".into()), attribution: None });
    let shard_for = |zip: &Zip| {
        let json = &built.shards.iter().find(|(name, _)| *name == zip.shard_file()).unwrap().1;
        Shard::parse(json.as_bytes()).unwrap()
    };
    let zip = Zip::parse("05401").unwrap();
    let shard = shard_for(&zip);
    let ZipAnswer::Districts(districts) = lookup(Some(&shard), &zip) else { panic!() };
    let found = find(&feed, &districts, shard.period.as_deref());
    let names: Vec<&str> =
        found.officials(DistrictChoice::All).iter().map(|i| feed.officials[*i as usize].name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Bernard Sanders") && names.contains(&"Peter Welch"), "{names:?}");
    // A ZIP code split between two Alabama districts: a member each, the same two senators.
    let zip = Zip::parse("35005").unwrap();
    let shard = shard_for(&zip);
    let ZipAnswer::Districts(districts) = lookup(Some(&shard), &zip) else { panic!() };
    let found = find(&feed, &districts, Some("us-house-119"));
    assert!(found.is_split());
    assert!(found.districts.iter().all(|d| d.group.officials.len() == 1));
    assert_eq!(found.statewide[0].officials.len(), 2);
    // The 2020 tracker's districts are the 116th Congress's: statewide officials only, with the note.
    let tracker = load_json(&std::fs::read(format!("{root}feeds/endorsements-2020.json")).unwrap()).feed.unwrap();
    let found = find(&tracker, &districts, Some("us-house-119"));
    assert!(found.districts.is_empty() && found.note.unwrap().en().contains("116th Congress"));
}

proptest! {
    #[test]
    fn every_official_found_belongs_to_the_zip_code(
        officials in prop::collection::vec((0usize..3, prop::option::of(0u8..4), any::<bool>(), 0usize..3), 0..40),
        zip_districts in prop::collection::vec((0usize..3, 0u8..4), 1..4),
        same_period in any::<bool>(),
    ) {
        const STATES: [&str; 3] = ["VT", "NH", "MN"];
        const POSITIONS: [&str; 3] = ["Senator", "Representative", "Governor"];
        let json: Vec<String> = officials.iter().enumerate().map(|(i, (s, d, city, p))| {
            let district = d.map_or(String::new(), |d| format!(r#", "district": "{d}""#));
            let city = if *city { r#", "city": "X""# } else { "" };
            format!(r#"{{ "id": "o{i}", "name": "N{i} M", "state": "{}", "position": "{}"{district}{city} }}"#, STATES[*s], POSITIONS[*p])
        }).collect();
        let feed = feed(Some("p1"), &json.join(","));
        let districts: Vec<District> = zip_districts.iter().map(|(s, d)| district(STATES[*s], &d.to_string(), None)).collect();
        let refs: Vec<&District> = districts.iter().collect();
        let found = find(&feed, &refs, Some(if same_period { "p1" } else { "p2" }));
        let all = found.officials(DistrictChoice::All);
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(unique.len(), all.len(), "each official once");
        for i in &all {
            let o = &feed.officials[*i as usize];
            prop_assert!(found.states.contains(&o.state));
            let in_district = districts.iter().any(|d| d.state == o.state && o.district.as_deref().is_some_and(|x| same_district(x, &d.district)));
            let statewide = o.district.is_none() && o.city.is_none();
            prop_assert!(statewide || (same_period && in_district));
        }
        // And nobody who should be there is missing.
        for (i, o) in feed.officials.iter().enumerate() {
            let statewide = o.district.is_none() && o.city.is_none() && found.states.contains(&o.state);
            if statewide {
                prop_assert!(all.contains(&(i as u32)));
            }
        }
        for choice in 0..found.districts.len() {
            let one = found.officials(DistrictChoice::One(choice));
            prop_assert!(one.iter().all(|i| all.contains(i)));
        }
    }
}

#[test]
fn periods_in_spanish() {
    use scorecard_core::i18n::{Lang, Plain};
    assert_eq!(describe_period("us-house-116").render(&Plain(Lang::Es)), "el 116.º Congreso");
    assert_eq!(describe_period("mn-house-2022").render(&Plain(Lang::Es)), "«mn-house-2022»");
}
