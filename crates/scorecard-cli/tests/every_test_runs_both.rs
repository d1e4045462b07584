//! Every test that runs `scorecard-feed` runs it through `support::scorecard_feed`, so
//! `cargo xtask test` runs it against the native binary and again against the npm package's Node
//! CLI (tests/support/mod.rs). A test that named the binary itself would test the native one only.

use std::path::Path;

#[test]
fn no_test_names_the_native_binary_itself() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut direct = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != "every_test_runs_both.rs" && text.contains(concat!("CARGO_BIN_EXE", "_")) {
            direct.push(name);
        }
    }
    assert!(
        direct.is_empty(),
        "run the CLI with support::scorecard_feed() (mod support;), not the binary's path: {direct:?}"
    );
}
