//! `cargo xtask soak [--minutes N] [--seed S] [--phase default|100k] [--steps K] [--json FILE]`:
//! the randomized soak (tests/e2e/soak.mjs) against the release build, on the default feed and
//! on a 100,000-official synthetic feed (written once to `target/soak/`). Without `--seed` a
//! seed is picked from the clock and printed; a failure prints the seed, the feed and the step,
//! and `--phase P --steps K` replays that run up to that step. `cargo xtask test` runs one
//! minute with a fixed seed ([`ci`]).

use std::path::PathBuf;

use crate::{build, cmd, repo, run, synth, Result};

/// The seed `cargo xtask test` uses: CI repeats one known walk; other seeds are for longer runs.
const CI_SEED: &str = "2026";
/// The big feed's size and seed (`cargo xtask synth 100000 --seed 1`).
const BIG_OFFICIALS: usize = 100_000;
const BIG_SEED: u64 = 1;

pub fn command(args: &[String]) -> Result {
    let mut forwarded: Vec<String> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--minutes" | "--seed" | "--phase" | "--steps" | "--json" => {
                let value = rest.next().ok_or(format!("{arg} needs a value"))?;
                forwarded.extend([arg.clone(), value.clone()]);
            }
            other => return Err(format!("unknown soak option {other:?}")),
        }
    }
    if !forwarded.iter().any(|a| a == "--seed") {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_secs());
        forwarded.extend(["--seed".to_string(), (now % 1_000_000).to_string()]);
    }
    build(true)?;
    soak(&forwarded)
}

/// The one-minute soak of `cargo xtask test`, on the site it has just built.
pub fn ci() -> Result {
    soak(&["--minutes".into(), "1".into(), "--seed".into(), CI_SEED.into()])
}

fn soak(args: &[String]) -> Result {
    let big = big_feed()?;
    run(cmd("node")
        .args(["tests/e2e/soak.mjs", "--big"])
        .arg(&big)
        .args(args)
        .env("SCORECARD_DIST", repo().join("dist")))
}

/// The 100,000-official feed, written once (it is the same text on every machine).
fn big_feed() -> Result<PathBuf> {
    let path = repo().join("target/soak/synth-100k.json");
    if !path.exists() {
        let dir = path.parent().ok_or("target/soak has no parent")?;
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        std::fs::write(&path, synth::feed(BIG_OFFICIALS, BIG_SEED))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(path)
}
