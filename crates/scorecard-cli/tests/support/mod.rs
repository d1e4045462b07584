//! How the tests run `scorecard-feed`: the binary cargo built, or with `SCORECARD_FEED` set, that
//! program instead. `cargo xtask test` runs these tests a second time with it set to the npm
//! package's Node CLI (`@scorecard-widget/feed-tools`), so the two cannot drift apart;
//! tests/every_test_runs_both.rs checks that every test runs the CLI through here.

use std::process::Command;

/// The CLI under test, to be given its arguments and folder.
pub fn scorecard_feed() -> Command {
    match std::env::var_os("SCORECARD_FEED") {
        Some(program) => Command::new(program),
        None => Command::new(env!("CARGO_BIN_EXE_scorecard-feed")),
    }
}
