//! `scorecard-feed split` and `validate` on the index of a sharded feed, with and without
//! `--shards`, on the bundled feed and on damaged copies of its files.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod support;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the CLI; returns the exit code and what it printed to stderr.
fn cli(args: &[&str]) -> (i32, String) {
    let out = support::scorecard_feed().args(args).current_dir(repo()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-shards-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn split_bundled(dir: &Path) {
    let (code, stderr) = cli(&["split", "feeds/endorsements-2020.json", "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("wrote index.json and 56 state files"), "{stderr}");
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

#[test]
fn split_writes_an_index_and_a_valid_feed_per_state() {
    let dir = scratch("split");
    split_bundled(&dir);
    let index = read_json(&dir.join("index.json"));
    assert_eq!(index["officials"], json!([]));
    assert_eq!(index["shards"][0], json!({ "state": "AK", "url": "AK.json", "officials": 6 }));
    let total: u64 = index["shards"].as_array().unwrap().iter().map(|s| s["officials"].as_u64().unwrap()).sum();
    assert_eq!(total, 1015);

    // Every state file is an ordinary feed of its own.
    let (code, stderr) = cli(&["validate", dir.join("VT.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("14 loaded, 0 skipped, 0 warnings"), "{stderr}");
    let vt = read_json(&dir.join("VT.json"));
    assert_eq!(vt["questions"], index["questions"]);
    assert!(vt["officials"].as_array().unwrap().iter().all(|o| o["state"] == "VT"));

    let index_path = dir.join("index.json");
    let (code, stderr) = cli(&["validate", index_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("an index of 56 state files listing 1,015 officials"), "{stderr}");
    assert!(stderr.contains("add --shards to check every state file too"), "{stderr}");
    let (code, stderr) = cli(&["validate", index_path.to_str().unwrap(), "--shards"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1,015 loaded, 0 skipped, 0 warnings"), "{stderr}");

    let (code, stderr) = cli(&["split", "feeds/endorsements-2020.json"]);
    assert_eq!(code, 2, "split needs a folder: {stderr}");
    assert!(stderr.contains("split needs --out DIR"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_reports_a_damaged_index_and_damaged_state_files_where_they_are() {
    let dir = scratch("damaged");
    split_bundled(&dir);
    let index_path = dir.join("index.json");
    let mut index = read_json(&index_path);
    let shards = index["shards"].as_array_mut().unwrap();
    shards.push(json!({ "state": "XX", "url": "XX.json", "officials": 1 }));
    shards.push(json!({ "state": "VT", "url": "VT-again.json", "officials": 1 }));
    shards[0]["url"] = json!("http://example.org/AK.json");
    write_json(&index_path, &index);

    // Vermont's file gets someone from New York; Puerto Rico's file is missing.
    let vt_path = dir.join("VT.json");
    let mut vt = read_json(&vt_path);
    vt["officials"].as_array_mut().unwrap().push(json!({ "id": "new-yorker", "name": "Nat York", "state": "NY" }));
    write_json(&vt_path, &vt);
    std::fs::remove_file(dir.join("PR.json")).unwrap();
    // Minnesota's file words the question differently.
    let mn_path = dir.join("MN.json");
    let mut mn = read_json(&mn_path);
    mn["questions"][0]["text"] = json!("Did they back Bernie?");
    write_json(&mn_path, &mn);

    let (code, stderr) = cli(&["validate", index_path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        r#"error: shards[56].state (line "#,
        r#"): "XX" is not a U.S. state or territory code (like VT, DC or PR); entry skipped"#,
        "): VT is already listed at shards[51] (line ",
        r#"error: shards[0].url (line 77, column 14): state files load only over https: or from the index's own server, not with "http:"; Alaska is left out"#,
    ] {
        assert!(stderr.contains(expected), "{expected}\nin:\n{stderr}");
    }

    let (code, stderr) = cli(&["validate", index_path.to_str().unwrap(), "--shards"]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "error: VT.json, officials[14].state (line ",
        "): Nat York is in New York, but this file holds the officials of Vermont; skipped",
        "warning: VT.json (line 1, column 1): the index says this file has 14 officials, but it has 15",
        "warning: MN.json, questions (line ",
        "the questions differ from the index's (question \"sanders-2020\" is worded differently",
        "error: PR.json (Puerto Rico): cannot read ",
        "998 loaded, 1 skipped, 2 warnings",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin:\n{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
