//! Generated files are committed; these tests fail when one is stale. Rebuild them all with
//! `cargo xtask feeds`.

use std::path::{Path, PathBuf};
use std::process::Command;

use scorecard_core::feed::load_json;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_feeds_equal_a_fresh_conversion() {
    let rebuilt = scorecard_cli::rebuild_bundled(&repo().join("feeds/bundled.toml"), false).unwrap();
    assert_eq!(rebuilt.len(), 2);
    for feed in rebuilt {
        assert!(feed.up_to_date, "{} is stale: run `cargo xtask feeds`", feed.output.display());
    }
}

#[test]
fn committed_feeds_load_without_any_problem() {
    for name in ["endorsements-2020.json", "primaries-2018.json"] {
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
    let out = Command::new(env!("CARGO_BIN_EXE_scorecard-feed")).args(args).current_dir(repo()).output().unwrap();
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
