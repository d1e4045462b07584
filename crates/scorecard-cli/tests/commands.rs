//! The command line itself: each command takes only its own flags, and `convert` and `split`
//! write compact JSON unless asked for `--pretty`.

use std::path::PathBuf;

mod support;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the CLI; returns the exit code, stdout and stderr.
fn cli(args: &[&str]) -> (i32, String, String) {
    let out = support::scorecard_feed().args(args).current_dir(repo()).output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn each_command_takes_only_its_own_flags_and_has_its_own_help() {
    let (code, _, stderr) = cli(&["validate", "feeds/endorsements-2020.json", "--check"]);
    assert_eq!(code, 2, "--check belongs to bundle: {stderr}");
    assert!(stderr.contains("unexpected argument '--check'"), "{stderr}");
    let (code, _, stderr) = cli(&["schema", "--strict"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = cli(&["frobnicate"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = cli(&[]);
    assert_eq!(code, 2, "no command: {stderr}");

    let (code, stdout, _) = cli(&["--help"]);
    assert_eq!(code, 0);
    for command in ["validate", "split", "convert", "detect", "stats", "schema", "link-lengths", "zip-table", "bundle"]
    {
        assert!(stdout.contains(command), "{command} in:\n{stdout}");
    }
    let (code, stdout, _) = cli(&["help", "convert"]);
    assert_eq!(code, 0);
    for flag in ["--mapping", "--join", "--output", "--strict", "--pretty"] {
        assert!(stdout.contains(flag), "{flag} in:\n{stdout}");
    }
    assert!(!stdout.contains("--shards"), "{stdout}");
}

#[test]
fn convert_and_split_write_compact_json_unless_asked_for_pretty() {
    let sheet = "feeds/source/endorsements_2020.csv";
    let mapping = "feeds/mappings/endorsements-2020.toml";
    let (code, compact, stderr) = cli(&["convert", sheet, "-m", mapping]);
    assert_eq!(code, 0, "{stderr}");
    let (code, pretty, stderr) = cli(&["convert", sheet, "--mapping", mapping, "--pretty"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(compact.lines().count(), 1, "one line, then a line break");
    assert!(compact.len() * 3 < pretty.len() * 2, "{} vs {} bytes", compact.len(), pretty.len());
    let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
    assert_eq!(value(&compact), value(&pretty), "the same feed either way");
    // The bundled feed is the pretty one.
    let bundled = std::fs::read_to_string(repo().join("feeds/endorsements-2020.json")).unwrap();
    assert_eq!(pretty, bundled);

    let dir = std::env::temp_dir().join(format!("scorecard-cli-compact-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (code, _, stderr) = cli(&["split", "feeds/endorsements-2020.json", "-o", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let vt = std::fs::read_to_string(dir.join("VT.json")).unwrap();
    assert_eq!(vt.lines().count(), 1, "{vt}");
    let (code, _, stderr) =
        cli(&["split", "feeds/endorsements-2020.json", "--output", dir.to_str().unwrap(), "--pretty"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read_to_string(dir.join("VT.json")).unwrap().lines().count() > 20);
    let _ = std::fs::remove_dir_all(&dir);
}
