//! Numbers the README states, worked out again from the code and the bundled feed, so they
//! cannot drift: a change that moves one fails here and prints what the README should say.

use std::path::{Path, PathBuf};

use scorecard_core::feed::load_json;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// "Share links are short": the table of `scorecard-feed link-lengths` on the default feed.
#[test]
fn the_share_link_lengths_are_those_the_readme_gives() {
    let bytes = std::fs::read(repo().join("feeds/endorsements-2020.json")).unwrap();
    let feed = load_json(&bytes).feed.expect("the default feed loads");
    let measured = scorecard_cli::describe_link_lengths(&feed);
    // "| 5 | 36 characters | 55 characters |" → "| 5 | 36 | 55 |", the README's rows.
    let rows: Vec<String> = measured
        .lines()
        .filter(|line| line.starts_with("| ") && line.contains("characters"))
        .map(|line| line.replace(" characters", ""))
        .collect();
    assert_eq!(rows.len(), 3, "{measured}");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for row in &rows {
        assert!(
            readme.lines().any(|line| line == row),
            "README.md's share-link table has no row {row:?}; measured now:\n{}",
            rows.join("\n")
        );
    }
    // "A comparison of four officials alone, as the page address keeps it, is 26 characters."
    let alone = measured
        .lines()
        .find_map(|line| line.strip_prefix("A comparison of 4 officials without a shortlist (the page address): "))
        .and_then(|rest| rest.strip_suffix(" characters."))
        .unwrap_or_else(|| panic!("no comparison alone in:\n{measured}"));
    assert!(
        readme.contains(&format!("as the page address keeps it, is {alone} characters")),
        "README.md should say a comparison alone is {alone} characters"
    );
}

/// "whom 1,015 Democratic officials endorsed": the default feed's size.
#[test]
fn the_default_feed_has_the_officials_the_readme_counts() {
    let bytes = std::fs::read(repo().join("feeds/endorsements-2020.json")).unwrap();
    let feed = load_json(&bytes).feed.expect("the default feed loads");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let count = feed.officials.len();
    let written = format!("{},{:03}", count / 1000, count % 1000);
    assert!(
        readme.contains(&format!("whom {written} Democratic officials")),
        "the default feed has {written} officials"
    );
}
