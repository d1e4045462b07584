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
    for command in
        ["validate", "split", "convert", "detect", "stats", "diff", "schema", "link-lengths", "zip-table", "bundle"]
    {
        assert!(stdout.contains(command), "{command} in:\n{stdout}");
    }
    let (code, stdout, _) = cli(&["help", "convert"]);
    assert_eq!(code, 0);
    for flag in ["--mapping", "--encoding", "--join", "--output", "--strict", "--pretty"] {
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

#[test]
fn spreadsheets_are_read_in_the_encoding_given_or_the_one_their_bytes_show() {
    let excel = "tests/corpus/csv/windows-1252.csv";
    let (code, json, stderr) = cli(&["convert", excel, "--strict"]);
    assert_eq!(code, 0, "a guessed encoding is no error: {stderr}");
    assert!(json.contains("\"name\":\"José Peña\"") && json.contains("Zoë O’Brien"), "{json}");
    assert!(stderr.contains("it was read as Windows-1252"), "{stderr}");
    // Chosen, it is used as chosen and not mentioned.
    let (code, json, stderr) = cli(&["convert", excel, "--encoding", "windows-1252"]);
    assert_eq!((code, json.contains("José Peña")), (0, true), "{stderr}");
    assert!(stderr.contains("4 loaded, 0 skipped, 0 warnings"), "{stderr}");
    // Latin-1 reads 0x92 as a control character, which is dropped.
    let (_, json, _) = cli(&["convert", excel, "--encoding", "LATIN1"]);
    assert!(json.contains("\"Zoë OBrien\""), "{json}");
    let (code, _, stderr) = cli(&["validate", excel, "--encoding", "utf-8"]);
    assert_eq!(code, 0, "broken cells are warnings: {stderr}");
    assert!(stderr.contains("row 2, column \"Name\": bytes 0xE9 0xF1 are not UTF-8"), "{stderr}");
    let (code, _, stderr) = cli(&["stats", excel, "--encoding", "mac-roman"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("\"mac-roman\" is not one of utf-8, windows-1252, latin1"), "{stderr}");
    // detect says what reading found before its notes.
    let (code, mapping, stderr) = cli(&["detect", excel]);
    assert_eq!(code, 0, "{stderr}");
    assert!(mapping.contains("column = \"Endorsed?\""), "{mapping}");
    assert!(stderr.starts_with(&format!("{excel}: warning: input: the file is not UTF-8")), "{stderr}");
    let (_, _, stderr) = cli(&["validate", "tests/corpus/json/valid.json", "--encoding", "cp1252"]);
    assert!(stderr.contains("always UTF-8; --encoding windows-1252 was not used"), "{stderr}");
}

#[test]
fn a_broken_cell_costs_its_bytes_but_strict_still_fails() {
    let sheet = "tests/corpus/csv/broken-bytes.csv";
    let (code, json, stderr) = cli(&["convert", sheet]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap()["officials"].as_array().unwrap().len(), 6);
    assert!(stderr.contains("row 4, column \"name\": byte 0xE9 is not UTF-8"), "{stderr}");
    for command in ["convert", "split"] {
        let dir = std::env::temp_dir().join(format!("scorecard-cli-broken-{}", std::process::id()));
        let (code, _, stderr) = cli(&[command, sheet, "--strict", "-o", dir.to_str().unwrap()]);
        assert_eq!(code, 1, "{command} --strict: {stderr}");
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_file(&dir);
    }
}

#[test]
fn translation_columns_are_detected_and_become_translations() {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-translations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("sheet.csv");
    std::fs::write(
        &sheet,
        "name,state,Endorsed?,label_es,title_es,question_es\n\
         Ann Able,VT,Yes,Sí lo respaldó,¿Quién respaldó?,¿Lo respaldaron?\n\
         Bob Baker,NY,No,No lo respaldó,,\n\
         Di Dunn,NY,No,No respaldó,,\n\
         Cy Castro,PR,,,,\n",
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();
    let (code, mapping, stderr) = cli(&["detect", sheet]);
    assert_eq!(code, 0, "{stderr}");
    for line in
        ["column = \"label_es\"", "language = \"es\"", "text = \"label\"", "text = \"title\"", "text = \"question\""]
    {
        assert!(mapping.contains(line), "{line} in:\n{mapping}");
    }
    assert!(stderr.contains("Column \"label_es\" gives the stance labels of question \"endorsed\" in es."), "{stderr}");

    let (code, json, stderr) = cli(&["convert", sheet, "--pretty"]);
    assert_eq!(code, 0, "{stderr}");
    // A label that differs from the column's earlier one for the same stance: a warning there.
    assert!(stderr.contains("row 4, column \"label_es\": \"No respaldó\" differs"), "{stderr}");
    let feed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(feed["format_version"], serde_json::json!(1.1));
    assert_eq!(feed["meta"]["translations"]["es"]["title"], "¿Quién respaldó?");
    let question = &feed["questions"][0];
    assert_eq!(question["translations"]["es"]["text"], "¿Lo respaldaron?");
    let label = |id: &str| {
        let stance = question["stances"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
        stance["translations"]["es"]["label"].clone()
    };
    assert_eq!(label("yes"), "Sí lo respaldó");
    assert_eq!(label("no"), "No lo respaldó");
    assert!(label("no-answer").is_null(), "{json}");

    // A mapping's bad language tag: a located warning, never an error.
    let mapping = mapping.replace("language = \"es\"", "language = \"espanol\"");
    let mapping_file = dir.join("mapping.toml");
    std::fs::write(&mapping_file, mapping).unwrap();
    let (code, _, stderr) = cli(&["validate", sheet, "-m", mapping_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("\"espanol\" is not a language tag"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
