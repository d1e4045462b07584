//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs each cargo-fuzz target (all by default)
//! for N seconds (default 120) on the nightly toolchain, which it installs if missing, as it
//! does cargo-fuzz. The build itself stays on stable; only `fuzz/` is built with nightly.
//!
//! Inputs: the target's own seeds (`fuzz/seeds/<target>/`), its saved crashes
//! (`fuzz/regressions/<target>/`) and, for the feed loaders, the bad-input corpus
//! (`tests/corpus/`). The growing working corpus is `fuzz/corpus/<target>/` (not committed).
//! A crash, leak, timeout or out-of-memory input is copied into `fuzz/regressions/<target>/`,
//! where the stable test `crates/scorecard-core/tests/fuzz_regressions.rs` replays it from
//! then on. Every run appends a line to `fuzz/RUNS.md`: how long, how many executions, what
//! it found.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::{cmd, output, repo, run, Result};

const DEFAULT_SECONDS: u64 = 120;

struct Outcome {
    target: String,
    seconds: f64,
    executions: u64,
    corpus: usize,
    found: Vec<PathBuf>,
}

pub fn fuzz(args: &[String]) -> Result {
    let mut seconds = DEFAULT_SECONDS;
    let targets = targets()?;
    let mut chosen = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = rest
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--seconds needs a whole number of seconds, e.g. --seconds 600")?;
            }
            name => match targets.iter().find(|t| *t == name) {
                Some(target) => chosen.push(target.clone()),
                None => return Err(format!("unknown fuzz target {name:?}; the targets are {}", targets.join(", "))),
            },
        }
    }
    if chosen.is_empty() {
        chosen = targets;
    }
    ensure_nightly()?;
    ensure_cargo_fuzz()?;
    run(cmd("cargo").current_dir(repo().join("fuzz")).args(["+nightly", "fuzz", "build", "-O"]))?;

    let mut outcomes = Vec::new();
    for target in &chosen {
        outcomes.push(fuzz_one(target, seconds)?);
    }
    let mut commit = output(cmd("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default().trim().to_string();
    if output(cmd("git").args(["status", "--porcelain"])).is_some_and(|s| !s.trim().is_empty()) {
        commit.push_str(" + uncommitted changes");
    }
    let date = output(cmd("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default();
    let mut log = fs::read_to_string(repo().join("fuzz/RUNS.md")).unwrap_or_default();
    eprintln!("\n==> fuzz summary");
    for o in &outcomes {
        let found = if o.found.is_empty() {
            "nothing".to_string()
        } else {
            let names: Vec<String> = o.found.iter().map(|p| p.display().to_string()).collect();
            format!("{} input(s) saved: {}", o.found.len(), names.join(", "))
        };
        let line = format!(
            "| {} | {} | {} | {:.0} s | {} | {} | {} |\n",
            date.trim(),
            commit.trim(),
            o.target,
            o.seconds,
            o.executions,
            o.corpus,
            found
        );
        eprint!("{line}");
        log.push_str(&line);
    }
    fs::write(repo().join("fuzz/RUNS.md"), log).map_err(|e| format!("cannot write fuzz/RUNS.md: {e}"))?;
    let crashed: Vec<&str> = outcomes.iter().filter(|o| !o.found.is_empty()).map(|o| o.target.as_str()).collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} found failing inputs; they are in fuzz/regressions/ and `cargo test -p scorecard-core --test fuzz_regressions` replays them",
            crashed.join(", ")
        ))
    }
}

/// The targets: one file each in fuzz/fuzz_targets/ (named as in fuzz/Cargo.toml), in name order.
fn targets() -> Result<Vec<String>> {
    let dir = repo().join("fuzz/fuzz_targets");
    let entries = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut targets: Vec<String> =
        entries.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".rs").map(str::to_string)).collect();
    targets.sort();
    Ok(targets)
}

fn fuzz_one(target: &str, seconds: u64) -> Result<Outcome> {
    let fuzz_dir = repo().join("fuzz");
    let corpus = fuzz_dir.join("corpus").join(target);
    let artifacts = fuzz_dir.join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let before = files(&artifacts);
    let mut inputs =
        vec![corpus.clone(), fuzz_dir.join("seeds").join(target), fuzz_dir.join("regressions").join(target)];
    match target {
        "feed_json" => inputs.push(repo().join("tests/corpus/json")),
        "csv_import" => inputs.push(repo().join("tests/corpus/csv")),
        _ => {}
    }
    inputs.retain(|d| d.is_dir());
    eprintln!("\n==> fuzz {target} for {seconds} s");
    let started = Instant::now();
    let mut command = cmd("cargo");
    command.current_dir(&fuzz_dir).args(["+nightly", "fuzz", "run", "-O", target]).args(&inputs).args([
        "--".to_string(),
        format!("-max_total_time={seconds}"),
        "-max_len=65536".to_string(),
        "-timeout=10".to_string(),
        "-rss_limit_mb=4096".to_string(),
        "-print_final_stats=1".to_string(),
    ]);
    let out = command.output().map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let elapsed = started.elapsed().as_secs_f64();
    // The last lines say how it went (the whole log, with libFuzzer's dictionary, is long).
    let shown: Vec<&str> = log
        .lines()
        .filter(|l| !l.contains("# Uses:") && !l.contains("NEW_FUNC") && (!l.starts_with('#') || l.contains("DONE")))
        .collect();
    for line in &shown[shown.len().saturating_sub(25)..] {
        eprintln!("{line}");
    }
    let executions = log
        .lines()
        .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let mut found = Vec::new();
    let saved = fuzz_dir.join("regressions").join(target);
    for file in files(&artifacts).into_iter().filter(|f| !before.contains(f)) {
        fs::create_dir_all(&saved).map_err(|e| format!("cannot create {}: {e}", saved.display()))?;
        let Some(name) = file.file_name() else { continue };
        let to = saved.join(name);
        fs::copy(&file, &to).map_err(|e| format!("cannot copy {}: {e}", file.display()))?;
        found.push(to.strip_prefix(repo()).map(Path::to_path_buf).unwrap_or(to));
    }
    if !out.status.success() && found.is_empty() {
        return Err(format!("cargo fuzz run {target} failed without saving an input ({})", out.status));
    }
    Ok(Outcome { target: target.to_string(), seconds: elapsed, executions, corpus: files(&corpus).len(), found })
}

fn files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir).map(|e| e.filter_map(|e| Some(e.ok()?.path())).collect()).unwrap_or_default()
}

fn ensure_nightly() -> Result {
    let toolchains = output(cmd("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if toolchains.lines().any(|l| l.starts_with("nightly")) {
        return Ok(());
    }
    run(cmd("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
}

fn ensure_cargo_fuzz() -> Result {
    if output(cmd("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    run(cmd("cargo").args(["install", "cargo-fuzz", "--locked"]))
}
