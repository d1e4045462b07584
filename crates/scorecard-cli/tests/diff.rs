//! `scorecard-feed diff`: each format on the bundled feed against an edited copy, the exit codes
//! (0 nothing changed, 1 changes, 2 trouble), and sharded feeds compared state by state.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod support;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the CLI; returns the exit code, stdout and stderr.
fn cli(args: &[&str]) -> (i32, String, String) {
    let out = support::scorecard_feed().args(args).current_dir(repo()).output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const OLD: &str = "feeds/endorsements-2020.json";

/// The bundled feed, edited: a new date and updates address, one stance changed (with a
/// source), one official removed, one given a new id, one with a new party, one added.
fn write_new(dir: &Path) -> String {
    let mut feed: Value = serde_json::from_str(&std::fs::read_to_string(repo().join(OLD)).unwrap()).unwrap();
    feed["meta"]["updated"] = json!("2020-04-02");
    feed["meta"]["updates_url"] = json!("https://example.org/scorecard/updates.atom");
    let officials = feed["officials"].as_array_mut().unwrap();
    let by_id = |officials: &[Value], id: &str| officials.iter().position(|o| o["id"] == id).unwrap();
    let i = by_id(officials, "dianne-feinstein-ca");
    officials[i]["stances"]["sanders-2020"] = json!({ "stance": "endorsed-sanders", "date": "2020-04-01",
        "evidence": [{ "url": "https://example.org/news/1", "title": "Switches <to> Sanders & co" }] });
    let i = by_id(officials, "thomas-r-carper-de");
    officials.remove(i);
    let i = by_id(officials, "laphonza-butler-ca");
    officials[i]["id"] = json!("laphonza-butler");
    let i = by_id(officials, "james-j-zogby-dc");
    officials[i]["party"] = json!("Green");
    officials.push(json!({ "id": "new-person-vt", "name": "New Person", "state": "VT", "position": "Mayor",
        "stances": { "sanders-2020": { "stance": "endorsed-sanders" } } }));
    let path = dir.join("new.json");
    std::fs::write(&path, serde_json::to_string_pretty(&feed).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn each_format_lists_the_changes_and_exits_1() {
    let dir = scratch("formats");
    let new = write_new(&dir);

    let (code, text, stderr) = cli(&["diff", OLD, &new]);
    assert_eq!(code, 1, "changes: {stderr}");
    let summary = "1 official added, 1 removed, 1 renamed, 1 stance change, 1 official's details changed, \
                   2 changes to the feed's details";
    assert!(stderr.contains(&format!("{OLD} → {new}: {summary}")), "{stderr}");
    for part in [
        "Changes to Who endorsed Bernie Sanders in 2020?\n",
        &format!("Data as of 2020-04-02: {summary}."),
        "- meta.updates_url: (none) → https://example.org/scorecard/updates.atom\n",
        "- Dianne Feinstein (CA, dianne-feinstein-ca): Endorsed another candidate → Endorsed Sanders, 2020-04-01\n  \
         - Switches <to> Sanders & co <https://example.org/news/1>\n",
        "Added\n-----\n\n- New Person (VT, new-person-vt): Mayor\n  - Endorsed Sanders in 2020: Endorsed Sanders\n",
        "Removed\n-------\n\n- Thomas R. Carper (DE, thomas-r-carper-de)\n",
        "New ids\n-------\n\n- Laphonza Butler (CA): laphonza-butler-ca → laphonza-butler\n",
        "- James J. Zogby (DC, james-j-zogby-dc)\n  - party: Democratic → Green\n",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }

    let (code, md, _) = cli(&["diff", OLD, &new, "--format", "md"]);
    assert_eq!(code, 1);
    assert!(md.starts_with("# Changes to Who endorsed Bernie Sanders in 2020?\n"), "{md}");
    assert!(md.contains("## Stance changes: Endorsed Sanders in 2020\n"), "{md}");
    assert!(md.contains("[Switches \\<to\\> Sanders \\& co](<https://example.org/news/1>)"), "{md}");
    assert_eq!(cli(&["diff", OLD, &new, "--format", "markdown"]).1, md);

    let (code, out, _) = cli(&["diff", OLD, &new, "-f", "json"]);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["summary"],
        json!({ "added": 1, "removed": 1, "renamed": 1, "stance_changes": 1, "evidence_changes": 0,
                "details_changed": 1, "questions": 0, "meta": 2 })
    );
    let renamed = value["officials"].as_array().unwrap().iter().find(|o| o["id"] == "laphonza-butler").unwrap();
    assert_eq!(renamed["previous_id"], "laphonza-butler-ca");

    let (code, atom, _) = cli(&["diff", OLD, &new, "--format", "atom"]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&atom).unwrap_or_else(|e| panic!("{e}:\n{atom}"));
    let ns = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ns, "feed")));
    let text_of = |node: roxmltree::Node, name: &str| {
        node.children().find(|c| c.has_tag_name((ns, name))).and_then(|c| c.text()).map(str::to_string)
    };
    assert_eq!(text_of(feed, "id").as_deref(), Some("https://example.org/scorecard/updates.atom"));
    assert_eq!(text_of(feed, "updated").as_deref(), Some("2020-04-02T00:00:00Z"), "the new feed's date");
    let entries: Vec<_> = feed.children().filter(|c| c.has_tag_name((ns, "entry"))).collect();
    assert_eq!(entries.len(), 1);
    let content = text_of(entries[0], "content").unwrap();
    assert!(content.contains("<a href=\"https://example.org/news/1\">Switches &lt;to&gt; Sanders &amp; co</a>"));
    // Stable: the same files give the same feed; --date only moves its dates.
    assert_eq!(cli(&["diff", OLD, &new, "--format", "atom"]).1, atom);
    let (code, dated, _) = cli(&["diff", OLD, &new, "--format", "atom", "--date", "2020-04-05"]);
    assert_eq!(code, 1);
    assert!(dated.contains("<updated>2020-04-05T00:00:00Z</updated>"), "{dated}");

    // --output writes the file instead.
    let out = dir.join("CHANGES.md");
    let (code, stdout, _) = cli(&["diff", OLD, &new, "--format", "md", "-o", out.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_changes_exits_0_and_trouble_exits_2() {
    for format in ["text", "md", "json", "atom"] {
        let (code, out, stderr) = cli(&["diff", OLD, OLD, "--format", format]);
        assert_eq!(code, 0, "{format}: {stderr}");
        assert!(stderr.ends_with(": no changes\n"), "{stderr}");
        if format == "atom" {
            let doc = roxmltree::Document::parse(&out).unwrap();
            assert_eq!(doc.root_element().children().filter(|c| c.has_tag_name("entry")).count(), 0);
        }
    }

    let dir = scratch("trouble");
    let (code, _, stderr) = cli(&["diff", OLD, "no-such-feed.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read no-such-feed.json"), "{stderr}");
    let unusable = dir.join("v2.json");
    std::fs::write(&unusable, r#"{"format_version": 2, "meta": {"title": "x"}, "questions": [], "officials": []}"#)
        .unwrap();
    let (code, _, stderr) = cli(&["diff", OLD, unusable.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("v2.json: the feed cannot be used: error: format_version"), "{stderr}");
    let (code, _, stderr) = cli(&["diff", OLD, OLD, "--format", "xml"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = cli(&["diff", OLD, OLD, "--format", "atom", "--date", "April 5"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--date April 5: not a date like 2024-02-01"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sharded_feeds_are_compared_state_by_state() {
    let dir = scratch("sharded");
    let new = write_new(&dir);
    let (old_dir, new_dir) = (dir.join("old"), dir.join("new"));
    for (feed, out) in [(OLD, &old_dir), (new.as_str(), &new_dir)] {
        let (code, _, stderr) = cli(&["split", feed, "--out", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
    }
    let (old_index, new_index) = (old_dir.join("index.json"), new_dir.join("index.json"));
    let (old_index, new_index) = (old_index.to_str().unwrap(), new_index.to_str().unwrap());
    let (code, sharded, stderr) = cli(&["diff", old_index, new_index, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("an index of 56 state files"), "{stderr}");
    assert!(stderr.contains("state files: 1,015 loaded, 0 skipped"), "{stderr}");
    let (_, whole, _) = cli(&["diff", OLD, &new, "--format", "json"]);
    assert_eq!(sharded, whole, "state by state, the same diff as the whole feeds'");
    // A feed against an index: the index's files are combined first.
    let (code, mixed, stderr) = cli(&["diff", OLD, new_index, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(mixed, whole);

    // Moving an official to another state's file is a change of state.
    let read = |p: &Path| serde_json::from_str::<Value>(&std::fs::read_to_string(p).unwrap()).unwrap();
    let (mut vt, mut nh) = (read(&new_dir.join("VT.json")), read(&new_dir.join("NH.json")));
    let mut moved = vt["officials"].as_array_mut().unwrap().remove(0);
    moved["state"] = json!("NH");
    nh["officials"].as_array_mut().unwrap().push(moved.clone());
    std::fs::write(new_dir.join("VT.json"), vt.to_string()).unwrap();
    std::fs::write(new_dir.join("NH.json"), nh.to_string()).unwrap();
    let (_, out, _) = cli(&["diff", old_index, new_index, "--format", "json"]);
    let value: Value = serde_json::from_str(&out).unwrap();
    let change = value["officials"].as_array().unwrap().iter().find(|o| o["id"] == moved["id"]).unwrap();
    assert_eq!(change["change"], "changed");
    assert_eq!(change["details"], json!([{ "field": "state", "old": "VT", "new": "NH" }]));

    // A state file that is not there is trouble, not a state with no officials.
    std::fs::remove_file(new_dir.join("WY.json")).unwrap();
    let (code, _, stderr) = cli(&["diff", old_index, new_index]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read") && stderr.contains("WY.json"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
