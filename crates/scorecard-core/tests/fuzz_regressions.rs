//! Replays, on stable Rust, every input the fuzz targets start from (`fuzz/seeds/<target>/`),
//! every crash they ever found (`fuzz/regressions/<target>/`, added by `cargo xtask fuzz`), and
//! the bad-input corpus, through the same harnesses the fuzzer runs (`scorecard_core::fuzzing`).

use std::fs;
use std::path::{Path, PathBuf};

use scorecard_core::fuzzing::TARGETS;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

fn replay(target: &str, harness: fn(&[u8]), files: &[PathBuf]) {
    for file in files {
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| harness(&bytes));
        assert!(outcome.is_ok(), "{target} fails on {}", file.display());
    }
}

#[test]
fn seeds_and_saved_crashes_pass_every_harness() {
    let mut seeds = 0;
    for (target, harness) in TARGETS {
        let seed_files = files_in(&repo().join("fuzz/seeds").join(target));
        assert!(!seed_files.is_empty(), "fuzz/seeds/{target} has no seeds");
        seeds += seed_files.len();
        replay(target, *harness, &seed_files);
        replay(target, *harness, &files_in(&repo().join("fuzz/regressions").join(target)));
    }
    assert!(seeds >= 20, "only {seeds} seeds");
}

#[test]
fn the_bad_input_corpus_keeps_the_harness_invariants() {
    let feed_json = TARGETS.iter().find(|(name, _)| *name == "feed_json").map(|(_, h)| *h);
    let csv_import = TARGETS.iter().find(|(name, _)| *name == "csv_import").map(|(_, h)| *h);
    replay("feed_json", feed_json.expect("feed_json target"), &files_in(&repo().join("tests/corpus/json")));
    replay("csv_import", csv_import.expect("csv_import target"), &files_in(&repo().join("tests/corpus/csv")));
}

#[test]
fn the_bundled_feeds_and_their_sources_keep_the_harness_invariants() {
    scorecard_core::fuzzing::feed_json(&fs::read(repo().join("feeds/endorsements-2020.json")).expect("default feed"));
    scorecard_core::fuzzing::feed_json(&fs::read(repo().join("feeds/primaries-2018.json")).expect("second feed"));
    for csv in files_in(&repo().join("feeds/source")).iter().filter(|p| p.extension().is_some_and(|e| e == "csv")) {
        scorecard_core::fuzzing::csv_import(&fs::read(csv).expect("source CSV"));
    }
}
