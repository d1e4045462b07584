//! `scorecard-feed convert ROSTER.yaml --join` and `bundle` with a join: stances taken by name
//! and state, near-misses reported, and the README section that `bundle --check` keeps honest.

use std::path::{Path, PathBuf};

use scorecard_core::feed::load_json;

mod support;

fn cli(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = support::scorecard_feed().args(args).current_dir(dir).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

const ROSTER: &str = r#"
- id: { bioguide: S000033, fec: [S4VT00033, H8VT01016] }
  name: { first: Bernard, nickname: Bernie, last: Sanders, official_full: Bernard Sanders }
  terms:
  - { type: sen, state: VT, party: Independent, url: "https://www.sanders.senate.gov" }
- id: { bioguide: B000001 }
  name: { first: Donald, last: Beyer, suffix: Jr., official_full: "Donald Beyer, Jr." }
  terms:
  - { type: rep, state: VA, district: 8, party: Democrat, contact_form: "http://beyer.example/contact" }
- id: { bioguide: N000001 }
  name: { first: Newt, last: Member }
  terms:
  - { type: rep, state: VT, district: 0, party: Republican }
"#;

const OTHER: &str = "endorser,state,endorsee\nBernie Sanders,VT,Bernie Sanders\nDon Beyer,VA,Joe Biden\n";

const OTHER_MAPPING: &str = r#"
[meta]
title = "Tracker"
[columns]
name = "endorser"
state = "state"
[[questions]]
id = "q"
text = "Did they endorse?"
column = "endorsee"
values = { "Bernie Sanders" = "yes" }
other = "other"
stances = [ { id = "yes", label = "Yes" }, { id = "other", label = "Someone else" }, { id = "none", label = "No one" } ]
blank = "none"
"#;

const ROSTER_MAPPING: &str = r#"
[meta]
title = "Congress"
districts = "us-house-119"
[parties]
Democrat = "Democratic"
"#;

const JOIN: &str = r#"
from = "../tracker.json"
question = "q"
[unmatched]
id = "not-in-tracker"
label = "Not in the tracker"
"#;

fn setup(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-join-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("mappings")).unwrap();
    for (file, text) in [
        ("roster.yaml", ROSTER),
        ("tracker.csv", OTHER),
        ("mappings/tracker.toml", OTHER_MAPPING),
        ("mappings/congress.toml", ROSTER_MAPPING),
        ("mappings/join.toml", JOIN),
        (
            "bundled.toml",
            "[[feed]]\noutput = \"tracker.json\"\nsource = \"tracker.csv\"\nmapping = \"mappings/tracker.toml\"\n\n\
             [[feed]]\noutput = \"congress.json\"\nsource = \"roster.yaml\"\nmapping = \"mappings/congress.toml\"\n\
             join = \"mappings/join.toml\"\njoin_report = \"README.md\"\n",
        ),
        ("README.md", "# Feeds\n\n<!-- join report: congress.json -->\nold\n<!-- end of join report: congress.json -->\n\nThe end.\n"),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

#[test]
fn a_roster_joined_to_another_feed_by_name_and_state() {
    let dir = setup("convert");
    let (code, stderr) =
        cli(&dir, &["convert", "tracker.csv", "--mapping", "mappings/tracker.toml", "-o", "tracker.json"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = cli(
        &dir,
        &[
            "convert",
            "roster.yaml",
            "--mapping",
            "mappings/congress.toml",
            "--join",
            "mappings/join.toml",
            "-o",
            "congress.json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: [1] Donald Beyer, Jr., terms[-1].contact_form: the link uses http:"),
        "located roster problems: {stderr}"
    );
    assert!(
        stderr.contains("joined 1 of 3 (33.3%): 1 by name and state, 0 confirmed by hand; 1 near-misses rejected"),
        "{stderr}"
    );
    let feed = load_json(&std::fs::read(dir.join("congress.json")).unwrap()).feed.unwrap();
    let stance = |id: &str| {
        let record = feed.official(id).unwrap().stances[0].as_ref().unwrap();
        feed.questions[0].stances[record.stance as usize].id.clone()
    };
    assert_eq!(stance("S000033"), "yes", "Bernard, nickname Bernie");
    assert_eq!(stance("B000001"), "not-in-tracker", "Don vs Donald, and a suffix: a near-miss, not guessed");
    assert_eq!(stance("N000001"), "not-in-tracker");
    assert_eq!(feed.official("S000033").unwrap().fec_id(), Some("S4VT00033"));
    let (code, stderr) = cli(&dir, &["convert", "roster.yaml"]);
    assert_eq!(code, 2, "a roster needs its mapping: {stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bundle_writes_the_join_report_and_check_fails_when_it_is_stale() {
    let dir = setup("bundle");
    let (code, stderr) = cli(&dir, &["bundle", "bundled.toml", "--check"]);
    assert_eq!(code, 1, "nothing built yet: {stderr}");
    let (code, stderr) = cli(&dir, &["bundle", "bundled.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("**Match rate:** 1 of 3 (33.3%)"), "{readme}");
    assert!(readme.contains("| Donald Beyer, Jr. (VA, `B000001`) | Don Beyer (VA, `don-beyer-va`) | different first name (donald vs don) |"), "{readme}");
    assert!(readme.ends_with("<!-- end of join report: congress.json -->\n\nThe end.\n"), "the rest is kept");
    let (code, stderr) = cli(&dir, &["bundle", "bundled.toml", "--check"]);
    assert_eq!(code, 0, "{stderr}");

    std::fs::write(dir.join("README.md"), readme.replace("Match rate", "Match rates")).unwrap();
    let (code, stderr) = cli(&dir, &["bundle", "bundled.toml", "--check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("README.md: STALE"), "{stderr}");

    std::fs::write(dir.join("README.md"), "# Feeds\n").unwrap();
    let (code, stderr) = cli(&dir, &["bundle", "bundled.toml", "--check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no markers for the join report of congress.json"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
