//! The bad-input corpus (`tests/corpus/`): every file goes through the loader, and what it
//! reports must match `tests/corpus/expected.json` exactly. The end-to-end tests run the same
//! files through the widget against the same expectations, so the two cannot drift apart.
//!
//! Inputs too big to commit (a 50 MB string, nesting 100,000 deep) are generated here.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use scorecard_core::csv_import::load_csv;
use scorecard_core::feed::{load_json, Loaded};
use serde::Deserialize;

/// What loading one corpus file must report.
#[derive(Deserialize)]
#[serde(untagged)]
enum Expected {
    /// No feed at all: the first error, as the widget shows it.
    Fails { error: String },
    /// A feed: the summary line and every diagnostic, in order.
    Loads { summary: String, messages: Vec<String> },
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn expectations() -> BTreeMap<String, BTreeMap<String, Expected>> {
    let text = fs::read_to_string(corpus_dir().join("expected.json")).expect("tests/corpus/expected.json");
    serde_json::from_str(&text).expect("expected.json is well formed")
}

fn load(kind: &str, bytes: &[u8]) -> Loaded {
    match kind {
        "json" => load_json(bytes),
        "csv" => load_csv(bytes, None).loaded,
        other => panic!("unknown corpus folder {other}"),
    }
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn every_corpus_file_reports_what_is_expected() {
    let expected = expectations();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (kind, files) in &expected {
        let dir = corpus_dir().join(kind);
        let on_disk: Vec<String> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
            .collect();
        for name in &on_disk {
            if !files.contains_key(name) {
                failures.push(format!("{kind}/{name}: no expectation in expected.json"));
            }
        }
        for (name, expectation) in files {
            let bytes = fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{kind}/{name}: {e}"));
            let loaded = load(kind, &bytes);
            checked += 1;
            match expectation {
                Expected::Fails { error } => {
                    let first = loaded.report.diagnostics.iter().find(|d| d.is_error()).map(ToString::to_string);
                    if loaded.feed.is_some() || first.as_deref() != Some(error.as_str()) {
                        failures.push(format!(
                            "{kind}/{name}: expected no feed and {error:?}; got feed: {}, first error {first:?}",
                            loaded.feed.is_some()
                        ));
                    }
                }
                Expected::Loads { summary, messages: want } => {
                    let got = messages(&loaded);
                    if loaded.feed.is_none() || loaded.report.summary() != *summary || got != *want {
                        failures.push(format!(
                            "{kind}/{name}: expected a feed, {summary:?} and {want:#?}\n got feed: {}, {:?} and {got:#?}",
                            loaded.feed.is_some(),
                            loaded.report.summary()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 30, "the corpus shrank to {checked} files");
}

fn names_in(file: &str) -> Vec<String> {
    let bytes = fs::read(corpus_dir().join("csv").join(file)).expect("a corpus file");
    let feed = load_csv(&bytes, None).loaded.feed.expect("a feed");
    feed.officials.iter().map(|o| o.name.clone()).collect()
}

#[test]
fn spreadsheets_as_excel_saves_them_keep_their_names() {
    let mut names = names_in("windows-1252.csv");
    names.sort();
    assert_eq!(names, ["Ana Muñoz – Díaz", "François Côté", "José Peña", "Zoë O’Brien"]);
    // Two broken names lose only their broken letters; every other name is intact.
    let mut names = names_in("broken-bytes.csv");
    names.sort();
    assert_eq!(
        names,
        ["Ana Muñoz", "José Peña", "Jos\u{FFFD} Serrano", "Mar\u{FFFD}a L\u{FFFD}pez", "Raúl Ruiz", "Zoë Ray"]
    );
}

#[test]
fn every_valid_fec_id_in_a_cell_is_kept() {
    let bytes = fs::read(corpus_dir().join("csv/several-fec-ids.csv")).expect("a corpus file");
    let feed = load_csv(&bytes, None).loaded.feed.expect("a feed");
    let fec = |id: &str| -> Vec<String> {
        let official = feed.official(id).expect(id);
        official.identifiers.iter().filter(|i| i.scheme == "fec").map(|i| i.identifier.clone()).collect()
    };
    assert_eq!(fec("jane-doe-nc"), ["H6NC09200", "H4NC08066"]);
    assert_eq!(fec("ann-lee-vt"), ["S4VT00033", "H8VT01016"]);
    assert_eq!(fec("bob-roe-ny"), ["H6NY12345"]);
    assert_eq!(fec("cy-poe-ca"), Vec::<String>::new());
    assert_eq!(fec("di-moe-tx"), ["H2TX07123"]);
}

/// The corpus's valid feed, with `name` as the second official's name.
fn valid_feed_named(name: &str) -> Vec<u8> {
    let text = fs::read_to_string(corpus_dir().join("json/valid.json")).expect("valid.json");
    text.replacen("\"Bob Baker\"", &serde_json::to_string(name).expect("a string serializes"), 1).into_bytes()
}

#[test]
fn a_fifty_megabyte_name_is_shortened_and_the_feed_loads() {
    let huge = "é".repeat(25 * 1024 * 1024); // 50 MiB of UTF-8
    let loaded = load_json(&valid_feed_named(&huge));
    let feed = loaded.feed.expect("the feed loads");
    assert_eq!(feed.officials.len(), 2);
    let bob = feed.officials.iter().find(|o| o.id == "bob").expect("bob is kept");
    assert!(bob.name.chars().count() <= 200, "the name was cut to 200 characters");
    assert_eq!(
        messages_of(&loaded.report),
        ["warning: officials[1].name (line 55, column 7): the name is longer than 200 characters and was shortened"]
    );
}

fn messages_of(report: &scorecard_core::diagnostics::Report) -> Vec<String> {
    report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack() {
    for depth in [10_000, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // At the top level, and in place of an official's field.
        let top = load_json(deep.as_bytes());
        assert!(top.feed.is_none());
        let text = fs::read_to_string(corpus_dir().join("json/valid.json")).expect("valid.json");
        let inside = load_json(text.replacen("\"Senator\"", &deep, 1).as_bytes());
        let feed = inside.feed.expect("the other official still loads");
        assert_eq!(feed.officials.len(), 1, "depth {depth}");
        assert!(messages_of(&inside.report)[0].starts_with("error: officials[0].position"), "{:?}", inside.report);
    }
}

#[test]
fn every_cut_of_a_valid_feed_says_where_it_ends() {
    let text = fs::read(corpus_dir().join("json/valid.json")).expect("valid.json");
    let whole = text.trim_ascii_end().len();
    for cut in 0..whole {
        let loaded = load_json(&text[..cut]);
        assert!(loaded.feed.is_none(), "cut at {cut} still loaded");
        let first = loaded.report.diagnostics.iter().find(|d| d.is_error()).expect("an error").to_string();
        assert!(
            cut == 0 && first == "error: input: the file is empty"
                || first.contains("line ") && first.contains("cut off"),
            "cut at {cut}: {first}"
        );
    }
}
