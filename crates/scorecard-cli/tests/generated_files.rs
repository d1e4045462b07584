//! Generated files are committed; these tests fail when one is stale. Rebuild them all with
//! `cargo xtask feeds`.

use std::path::{Path, PathBuf};

use scorecard_core::feed::load_json;

mod support;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_feeds_equal_a_fresh_conversion() {
    let rebuilt = scorecard_cli::rebuild_bundled(&repo().join("feeds/bundled.toml"), false).unwrap();
    assert_eq!(rebuilt.len(), 4, "three feeds and README.md's join report");
    for feed in rebuilt {
        assert!(feed.up_to_date, "{} is stale: run `cargo xtask feeds`", feed.output.display());
    }
}

#[test]
fn committed_feeds_load_without_any_problem() {
    for name in ["endorsements-2020.json", "primaries-2018.json", "congress-today.json"] {
        let loaded = load_json(&std::fs::read(repo().join("feeds").join(name)).unwrap());
        assert!(loaded.report.diagnostics.is_empty(), "{name}: {:?}", loaded.report.diagnostics);
        let feed = loaded.feed.unwrap();
        assert!(
            feed.meta.attribution.as_ref().is_some_and(|a| a.text.contains("FiveThirtyEight")),
            "{name} has its attribution"
        );
    }
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(repo().join("docs/feed.schema.json")).unwrap_or_default();
    assert!(
        committed == scorecard_core::schema::feed_schema_json(),
        "docs/feed.schema.json is stale: run `cargo xtask feeds`"
    );
}

#[test]
fn the_default_feed_has_the_sanders_endorsers_of_vermont() {
    use scorecard_core::filter::{run, FilterSpec, StanceChoice};
    use scorecard_core::states::State;
    let feed = load_json(&std::fs::read(repo().join("feeds/endorsements-2020.json")).unwrap()).feed.unwrap();
    let spec = FilterSpec {
        states: [State::parse("VT").unwrap()].into_iter().collect(),
        stances: [StanceChoice::Stance("endorsed-sanders".into())].into(),
        ..FilterSpec::default()
    };
    let result = run(&feed, &spec);
    let names: Vec<&str> = result.matches.iter().map(|i| feed.officials[*i as usize].name.as_str()).collect();
    for expected in ["Peter Welch", "Patrick J. Leahy", "David Zuckerman"] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let all = run(&feed, &FilterSpec::default());
    assert_eq!(all.facets.stances, [34, 370, 611]);
}

fn cli(args: &[&str]) -> (i32, String) {
    let out = support::scorecard_feed().args(args).current_dir(repo()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn validate_prints_located_problems_and_fails_on_errors() {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"format_version\": 1,\n  \"questions\": [\n}\n").unwrap();
    let (code, stderr) = cli(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error: line 4, column 1:"), "{stderr}");

    let (code, stderr) =
        cli(&["validate", "feeds/source/endorsements_2020.csv", "--mapping", "feeds/mappings/endorsements-2020.toml"]);
    assert_eq!(code, 1, "the source has 8 rows with state DA");
    assert!(stderr.contains("row 745, column \"state\": \"DA\" is not a U.S. state"), "{stderr}");
    assert!(stderr.contains("1,015 loaded, 8 skipped, 2 warnings"), "{stderr}");

    let (code, stderr) = cli(&["validate", "feeds/endorsements-2020.json"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _) = cli(&["bundle", "feeds/bundled.toml", "--check"]);
    assert_eq!(code, 0);
}

#[test]
fn congress_today_has_every_member_with_the_trackers_stance_or_its_own_label() {
    let feed = load_json(&std::fs::read(repo().join("feeds/congress-today.json")).unwrap()).feed.unwrap();
    assert_eq!(feed.officials.len(), 537);
    assert_eq!(feed.meta.districts.as_deref(), Some("us-house-119"));
    let q = feed.question_index("sanders-2020").unwrap();
    let stance = |id: &str| {
        let o = feed.official(id).unwrap();
        let record = o.stances[q].as_ref().unwrap();
        (feed.questions[q].stances[record.stance as usize].id.as_str(), record.detail.clone())
    };
    assert_eq!(stance("S000033"), ("not-in-tracker", None), "Sanders endorsed no one: he was the candidate");
    assert_eq!(stance("W000800"), ("endorsed-sanders", None), "Peter Welch, a representative then, a senator now");
    assert_eq!(stance("B001292"), ("endorsed-other", Some("Joe Biden".into())), "Don Beyer, confirmed by hand");
    assert_eq!(stance("M001226").0, "not-in-tracker", "Rob Menendez Jr. is not his father, the senator");
    let not_in = feed.questions[q].stance_index("not-in-tracker").unwrap();
    let joined = feed.officials.iter().filter(|o| o.stances[q].as_ref().is_some_and(|r| r.stance != not_in)).count();
    assert_eq!(joined, 183);
    let positions: Vec<(&str, usize)> = feed
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), feed.officials.iter().filter(|o| o.position == Some(i as u32)).count()))
        .collect();
    assert_eq!(positions, [("Delegate", 5), ("Representative", 431), ("Resident Commissioner", 1), ("Senator", 100)]);
    let welch = feed.official("W000800").unwrap();
    assert_eq!(welch.identifier("bioguide"), Some("W000800"));
    assert!(welch.fec_id().is_some_and(|id| id.starts_with("S")), "the Senate FEC id first");
    let vt_house = feed.officials.iter().find(|o| o.state.code() == "VT" && o.district.is_some()).unwrap();
    assert_eq!(vt_house.district.as_deref(), Some("At-large"));
    assert_eq!(vt_house.division_id.as_deref(), Some("ocd-division/country:us/state:vt/cd:at-large"));
    let readme = std::fs::read_to_string(repo().join("feeds/README.md")).unwrap();
    assert!(readme.contains("**Match rate:** 183 of 537 (34.1%)"), "the join report is in feeds/README.md");
}
