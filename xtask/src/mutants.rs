//! `cargo xtask mutants [PART...] [--shard K/N | --again] [--jobs J] [--list] [--report]`: mutation testing of the core
//! with cargo-mutants (installed at [`VERSION`] if missing). Not part of `cargo xtask test`: it
//! builds and tests the core once per mutant, hours in all on 2 cores.
//!
//! The core is cut into [`PARTS`], the modules where a wrong line costs a supporter money or
//! trust first. A part runs whole or in shards (`--shard 2/8`: cargo-mutants' own split, the same
//! N every time), so the work spreads over days: each run is recorded in
//! `docs/mutation/<part>.json` (per shard: the commit, the date, every mutant's outcome), a rerun
//! of a shard replaces its record, and `docs/mutation.md` is written again from all the records.
//! After tests are added for the misses, `--again` tests the part's mutants that are not recorded
//! as caught or unviable once more, on the current tree (see [`run_again`]).
//! Missed mutants that change nothing observable are listed with a one-line reason in
//! `docs/mutation/equivalent.txt` (`<mutant name> | reason`); the report counts them apart.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{json, Value};

use crate::{cmd, output, repo, run, Result};

/// The cargo-mutants release the records were made with (its mutant names are its own).
const VERSION: &str = "27.1.0";

/// A part of the core: its name and the files it covers (globs from the repository's root).
pub struct Part {
    pub name: &'static str,
    pub about: &'static str,
    pub files: &'static [&'static str],
    /// One of the modules the issue names first: the goal there is 95% caught, not 90%.
    pub key: bool,
}

pub const PARTS: &[Part] = &[
    Part {
        name: "validation",
        about: "feed validation: the JSON reader and the checks",
        files: &["crates/scorecard-core/src/feed/validate/**", "crates/scorecard-core/src/feed/json/**"],
        key: true,
    },
    Part {
        name: "filtering",
        about: "filtering: the filter and its columns",
        files: &["crates/scorecard-core/src/filter.rs", "crates/scorecard-core/src/feed/columns.rs"],
        key: true,
    },
    Part {
        name: "shortlist",
        about: "the shortlist and money",
        files: &["crates/scorecard-core/src/shortlist/**", "crates/scorecard-core/src/money.rs"],
        key: true,
    },
    Part {
        name: "share-link",
        about: "the share-link codec",
        files: &["crates/scorecard-core/src/share_link/**"],
        key: true,
    },
    Part { name: "donate", about: "donate links", files: &["crates/scorecard-core/src/donate.rs"], key: true },
    Part { name: "safe-url", about: "`SafeUrl`", files: &["crates/scorecard-core/src/link.rs"], key: true },
    Part { name: "rest", about: "the rest of the core", files: &["crates/scorecard-core/src/**"], key: false },
];

/// Outcomes as the report names them, from cargo-mutants' `summary`.
const CAUGHT: &str = "caught";
const MISSED: &str = "missed";
const TIMEOUT: &str = "timeout";
const UNVIABLE: &str = "unviable";

pub fn mutants(args: &[String]) -> Result {
    let mut chosen = Vec::new();
    let (mut shard, mut list, mut report_only, mut again, mut jobs) = (None, false, false, false, 1u32);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--shard" => {
                let text = rest.next().ok_or("--shard needs K/N, e.g. --shard 0/8")?;
                shard = Some(parse_shard(text)?);
            }
            // Two mutants at a time on 2 cores: one's build (mostly a single rustc) overlaps the
            // other's tests.
            "--jobs" => {
                let text = rest.next().ok_or("--jobs needs a number")?;
                jobs = text.parse().ok().filter(|j| *j > 0).ok_or(format!("--jobs {text:?}: a number from 1"))?;
            }
            "--again" => again = true,
            "--list" => list = true,
            "--report" => report_only = true,
            name => match PARTS.iter().find(|p| p.name == name) {
                Some(part) => chosen.push(part),
                None => return Err(format!("unknown part {name:?}; the parts are {}", part_names())),
            },
        }
    }
    if report_only {
        return write_report();
    }
    ensure_cargo_mutants()?;
    if list || chosen.is_empty() {
        return list_parts(if chosen.is_empty() { PARTS.iter().collect() } else { chosen });
    }
    if again && shard.is_some() {
        return Err("--again runs a whole part (it skips what is already caught); leave out --shard".into());
    }
    let (k, n) = shard.unwrap_or((0, 1));
    for part in chosen {
        if again {
            run_again(part, jobs)?;
        } else {
            run_part(part, k, n, jobs)?;
        }
    }
    write_report()
}

fn part_names() -> String {
    PARTS.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
}

/// `K/N` with K < N.
pub fn parse_shard(text: &str) -> Result<(u32, u32)> {
    let parsed = text.split_once('/').and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((k, n)) if k < n => Ok((k, n)),
        _ => Err(format!("--shard {text:?}: write K/N with K from 0 to N-1, e.g. 0/8")),
    }
}

/// cargo-mutants' arguments for a part: its files, and for "rest" every key part's excluded.
fn file_args(part: &Part) -> Vec<String> {
    let mut args = Vec::new();
    for glob in part.files {
        args.extend(["--file".to_string(), glob.to_string()]);
    }
    if !part.key {
        for other in PARTS.iter().filter(|p| p.key) {
            for glob in other.files {
                args.extend(["--exclude".to_string(), glob.to_string()]);
            }
        }
    }
    args
}

fn mutants_command(part: &Part) -> std::process::Command {
    let mut command = cmd("cargo");
    command.current_dir(repo()).args(["mutants", "--package", "scorecard-core", "--no-shuffle"]).args(file_args(part));
    // The core has no doctests, but rustdoc would still build it for each mutant (3 s); debug info
    // only slows each mutant's links (the `mutants` profile in Cargo.toml).
    command.args(["--profile", "mutants", "--cargo-test-arg=--tests"]);
    command
}

/// How many mutants each part has (the plan: multiply by the time of one).
fn list_parts(parts: Vec<&Part>) -> Result {
    let records = records()?;
    eprintln!("{:<12} {:>8}  {:<44} recorded", "part", "mutants", "what");
    for part in parts {
        let listed = output(mutants_command(part).arg("--list")).ok_or("cargo mutants --list failed")?;
        let recorded = records.get(part.name).map(describe_record).unwrap_or_else(|| "nothing yet".into());
        eprintln!("{:<12} {:>8}  {:<44} {recorded}", part.name, listed.lines().count(), part.about);
    }
    Ok(())
}

fn run_part(part: &Part, k: u32, n: u32, jobs: u32) -> Result {
    let out = repo().join("target/mutants").join(format!("{}-{k}of{n}", part.name));
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let started = Instant::now();
    // The commit the tree was copied from: later commits made while the run goes on are not in it.
    let tested = commit();
    let status = mutants_command(part)
        .args(["--shard", &format!("{k}/{n}"), "--jobs", &jobs.to_string(), "--output"])
        .arg(&out)
        .status()
        .map_err(|e| format!("cannot run cargo mutants: {e}"))?;
    // Exit 2 is "some mutants were missed", 3 "some timed out": results all the same.
    if !matches!(status.code(), Some(0 | 2 | 3)) {
        return Err(format!("cargo mutants on {} ({k}/{n}) failed: {status}", part.name));
    }
    let outcomes = read_json(&out.join("mutants.out/outcomes.json"))?;
    let mutants = outcomes_of(&outcomes)?;
    let mut record = records()?.remove(part.name).unwrap_or_else(|| json!({ "part": part.name, "shards": {} }));
    record["shards"][format!("{k}/{n}")] = json!({
        "commit": tested,
        "date": output(cmd("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default().trim(),
        "seconds": started.elapsed().as_secs(),
        "cargo_mutants": VERSION,
        "mutants": mutants.iter().map(|(name, outcome)| json!({ "name": name, "outcome": outcome })).collect::<Vec<_>>(),
    });
    let path = record_path(part.name);
    fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
    let text = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())? + "\n";
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!(
        "mutants: {} {k}/{n}: {} in {:.0} s",
        part.name,
        describe_counts(&count(&mutants)),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The part's mutants not recorded as caught or unviable, tested again on the current tree with
/// cargo-mutants' `--iterate`: the missed and timed-out ones, and any whose name (file, line,
/// column) is new because lines moved. The part's record becomes this one run. Each mutant it did
/// not test keeps its recorded outcome and says from which commit that is: the tests only grow, so
/// a mutant once caught stays caught, the premise of `--iterate`.
fn run_again(part: &Part, jobs: u32) -> Result {
    let Some(record) = records()?.remove(part.name) else {
        return Err(format!("nothing recorded for {} yet: run it first, whole or in shards", part.name));
    };
    let earlier = settled_mutants(&record);
    let out = repo().join("target/mutants").join(format!("{}-again", part.name));
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(out.join("mutants.out")).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let names: Vec<&str> = earlier.keys().map(String::as_str).collect();
    fs::write(out.join("mutants.out/previously_caught.txt"), names.join("\n") + "\n").map_err(|e| e.to_string())?;

    let listed = output(mutants_command(part).arg("--list")).ok_or("cargo mutants --list failed")?;
    let started = Instant::now();
    let tested_on = commit();
    let status = mutants_command(part)
        .args(["--iterate", "--jobs", &jobs.to_string(), "--output"])
        .arg(&out)
        .status()
        .map_err(|e| format!("cannot run cargo mutants: {e}"))?;
    // Exit 0 also when every mutant was skipped: nothing was left to test.
    if !matches!(status.code(), Some(0 | 2 | 3)) {
        return Err(format!("cargo mutants --iterate on {} failed: {status}", part.name));
    }
    let outcomes = out.join("mutants.out/outcomes.json");
    let tested: BTreeMap<String, String> =
        if outcomes.exists() { outcomes_of(&read_json(&outcomes)?)?.into_iter().collect() } else { BTreeMap::new() };
    let mut mutants = Vec::new();
    for name in listed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let entry = match (tested.get(name), earlier.get(name)) {
            (Some(outcome), _) => json!({ "name": name, "outcome": outcome }),
            (None, Some((outcome, commit))) => json!({ "name": name, "outcome": outcome, "commit": commit }),
            (None, None) => return Err(format!("{name}: neither tested now nor recorded before")),
        };
        mutants.push(entry);
    }
    let again = json!({
        "commit": tested_on,
        "date": output(cmd("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default().trim(),
        "seconds": started.elapsed().as_secs(),
        "tested": tested.len(),
        "cargo_mutants": VERSION,
        "mutants": mutants,
    });
    let record = json!({ "part": part.name, "shards": { "again": again } });
    let path = record_path(part.name);
    let text = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())? + "\n";
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let now: Vec<(String, String)> = tested.into_iter().collect();
    eprintln!(
        "mutants: {} again: {} tested, {}; {} kept from earlier runs",
        part.name,
        now.len(),
        describe_counts(&count(&now)),
        mutants.len() - now.len()
    );
    Ok(())
}

/// name → (outcome, commit) of every mutant a record shows caught or unviable.
pub fn settled_mutants(record: &Value) -> BTreeMap<String, (String, String)> {
    let mut settled = BTreeMap::new();
    for run in record["shards"].as_object().into_iter().flat_map(|s| s.values()) {
        for m in run["mutants"].as_array().into_iter().flatten() {
            let (Some(name), Some(outcome)) = (m["name"].as_str(), m["outcome"].as_str()) else { continue };
            if outcome == CAUGHT || outcome == UNVIABLE {
                let commit = m["commit"].as_str().or(run["commit"].as_str()).unwrap_or("?");
                settled.insert(name.to_string(), (outcome.to_string(), commit.to_string()));
            }
        }
    }
    settled
}

/// Every mutant's name and outcome in cargo-mutants' `outcomes.json` (the baseline left out).
pub fn outcomes_of(outcomes: &Value) -> Result<Vec<(String, String)>> {
    let list = outcomes["outcomes"].as_array().ok_or("outcomes.json: no outcomes")?;
    let mut mutants = Vec::new();
    for entry in list {
        let Some(mutant) = entry["scenario"].get("Mutant") else { continue };
        let name = mutant_name(mutant).ok_or("outcomes.json: a mutant without a name")?;
        let outcome = match entry["summary"].as_str() {
            Some("CaughtMutant") => CAUGHT,
            Some("MissedMutant") => MISSED,
            Some("Timeout") => TIMEOUT,
            Some("Unviable") => UNVIABLE,
            other => return Err(format!("outcomes.json: {name}: an outcome this script does not know: {other:?}")),
        };
        mutants.push((name, outcome.to_string()));
    }
    Ok(mutants)
}

/// "file:line:column: replace … with …", as cargo-mutants prints it (its `name`; older releases
/// have no such field, and the name is put together from the parts).
fn mutant_name(mutant: &Value) -> Option<String> {
    if let Some(name) = mutant["name"].as_str() {
        return Some(name.to_string());
    }
    let file = mutant["file"].as_str()?;
    let line = mutant["span"]["start"]["line"].as_u64()?;
    let column = mutant["span"]["start"]["column"].as_u64()?;
    let function = mutant["function"]["function_name"].as_str().unwrap_or("?");
    let replacement = mutant["replacement"].as_str().unwrap_or("?");
    Some(format!("{file}:{line}:{column}: replace {function} with {replacement}"))
}

#[derive(Default, Debug, PartialEq)]
pub struct Counts {
    pub caught: usize,
    pub missed: usize,
    pub timeout: usize,
    pub unviable: usize,
    /// Missed, but listed as equivalent (changing nothing observable).
    pub equivalent: usize,
}

impl Counts {
    /// Mutants that built: caught, missed or timed out.
    pub fn viable(&self) -> usize {
        self.caught + self.missed + self.timeout
    }

    /// Caught (a timeout is caught: the tests noticed) among the viable mutants not shown to be
    /// equivalent, in percent.
    pub fn score(&self) -> Option<f64> {
        let judged = self.viable() - self.equivalent;
        (judged > 0).then(|| 100.0 * (self.caught + self.timeout) as f64 / judged as f64)
    }
}

fn count(mutants: &[(String, String)]) -> Counts {
    count_with(mutants, &BTreeMap::new())
}

pub fn count_with(mutants: &[(String, String)], equivalent: &BTreeMap<String, String>) -> Counts {
    let mut counts = Counts::default();
    for (name, outcome) in mutants {
        match outcome.as_str() {
            CAUGHT => counts.caught += 1,
            TIMEOUT => counts.timeout += 1,
            UNVIABLE => counts.unviable += 1,
            _ => {
                counts.missed += 1;
                counts.equivalent += usize::from(equivalent.contains_key(name));
            }
        }
    }
    counts
}

fn describe_counts(c: &Counts) -> String {
    let score = c.score().map_or("–".into(), |s| format!("{s:.1}%"));
    format!("{} caught, {} missed, {} timed out, {} unviable: {score}", c.caught, c.missed, c.timeout, c.unviable)
}

fn describe_record(record: &Value) -> String {
    let shards = record["shards"].as_object().map(|s| s.keys().cloned().collect::<Vec<_>>().join(", "));
    format!("shards {}", shards.unwrap_or_default())
}

fn record_path(part: &str) -> PathBuf {
    repo().join("docs/mutation").join(format!("{part}.json"))
}

fn records() -> Result<BTreeMap<String, Value>> {
    let mut records = BTreeMap::new();
    for part in PARTS {
        let path = record_path(part.name);
        if path.exists() {
            records.insert(part.name.to_string(), read_json(&path)?);
        }
    }
    Ok(records)
}

/// `docs/mutation/equivalent.txt`: `<mutant name> | why it changes nothing observable`.
fn equivalents() -> Result<BTreeMap<String, String>> {
    let path = repo().join("docs/mutation/equivalent.txt");
    let text = fs::read_to_string(&path).unwrap_or_default();
    parse_equivalents(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse_equivalents(text: &str) -> Result<BTreeMap<String, String>> {
    let mut found = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.rsplit_once(" | ") {
            Some((name, why)) if !why.trim().is_empty() => {
                found.insert(name.trim().to_string(), why.trim().to_string());
            }
            _ => return Err(format!("line {}: write `<mutant name> | why it is equivalent`", number + 1)),
        }
    }
    Ok(found)
}

/// docs/mutation.md, from every record.
fn write_report() -> Result {
    let text = report(&records()?, &equivalents()?);
    let path = repo().join("docs/mutation.md");
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("mutants: wrote {}", path.display());
    Ok(())
}

pub fn report(records: &BTreeMap<String, Value>, equivalent: &BTreeMap<String, String>) -> String {
    let mut text = String::from(
        "# Mutation testing\n\n\
         Written by `cargo xtask mutants` from its records (`docs/mutation/<part>.json`); do not edit by hand.\n\
         How it runs and how to continue it: xtask/src/mutants.rs. A mutant is a small wrong change to one\n\
         line of the core (cargo-mutants); it is *caught* when a native test of the core fails (or times out)\n\
         with it, *missed* when every test passes, *unviable* when it does not build. Missed mutants that\n\
         change nothing observable are listed in `docs/mutation/equivalent.txt` with the reason, and left out\n\
         of the score: caught ÷ (viable − equivalent). Goal: 95% in the parts marked key, 90% over all.\n\
         A run `--again` (after tests were added) tests only the mutants not yet caught or unviable, on\n\
         the newer code, and keeps the others' outcomes with the commit they came from.\n\n\
         | part | what | runs (shard: commit, date) | mutants | caught | missed | equivalent | timed out | unviable | score |\n\
         |---|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut all = Vec::new();
    let mut misses = Vec::new();
    let (mut seconds, mut tested) = (0, 0);
    for part in PARTS {
        let label = format!("{}{}", part.name, if part.key { " (key)" } else { "" });
        let Some(record) = records.get(part.name) else {
            text.push_str(&format!("| {label} | {} | not run yet | | | | | | | |\n", part.about));
            continue;
        };
        let mut mutants = Vec::new();
        let mut runs = Vec::new();
        for (shard, run) in record["shards"].as_object().into_iter().flatten() {
            runs.push(describe_run(shard, run));
            seconds += run["seconds"].as_u64().unwrap_or(0);
            let run_mutants = run["mutants"].as_array().map_or(0, Vec::len) as u64;
            tested += run["tested"].as_u64().unwrap_or(run_mutants);
            for m in run["mutants"].as_array().into_iter().flatten() {
                let (Some(name), Some(outcome)) = (m["name"].as_str(), m["outcome"].as_str()) else { continue };
                mutants.push((name.to_string(), outcome.to_string()));
                if outcome == MISSED {
                    misses.push((part.name, name.to_string(), equivalent.get(name).cloned()));
                }
            }
        }
        let c = count_with(&mutants, equivalent);
        text.push_str(&table_row(&label, part.about, &runs.join("; "), mutants.len(), &c));
        all.extend(mutants);
    }
    let total = count_with(&all, equivalent);
    text.push_str(&table_row("**all run**", "", "", all.len(), &total));
    if !all.is_empty() {
        text.push_str(&format!(
            "\nTime: {:.0} s per mutant over the runs above (each run also builds and tests the unmutated core \
             once first). Plan the next runs from it and `cargo xtask mutants --list` (mutants per part): a \
             shard of about 100 mutants is an hour or two on 2 cores.\n",
            seconds as f64 / tested.max(1) as f64
        ));
    }
    text.push_str("\n## Missed mutants\n\n");
    if misses.is_empty() {
        text.push_str("None recorded.\n");
    }
    for (part, name, why) in misses {
        match why {
            Some(why) => text.push_str(&format!("- {part}: `{name}`: equivalent: {why}\n")),
            None => text.push_str(&format!("- {part}: `{name}`: **missed**\n")),
        }
    }
    text
}

/// "2/6: `0af8587`, 2026-11-30", and for a run `--again`, what it kept from which earlier commits.
fn describe_run(shard: &str, run: &Value) -> String {
    let mut text = format!(
        "{shard}: `{}`, {}",
        run["commit"].as_str().unwrap_or("?"),
        run["date"].as_str().unwrap_or("?").split(' ').next().unwrap_or("?")
    );
    let kept: Vec<&str> =
        run["mutants"].as_array().into_iter().flatten().filter_map(|m| m["commit"].as_str()).collect();
    if !kept.is_empty() {
        let kept_count = kept.len();
        let mut commits = kept;
        commits.sort_unstable();
        commits.dedup();
        let commits = commits.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        text.push_str(&format!(
            " ({} tested again; {kept_count} caught or unviable before, on {commits})",
            run["tested"].as_u64().unwrap_or(0)
        ));
    }
    text
}

/// A row of the report's table.
fn table_row(label: &str, about: &str, runs: &str, mutants: usize, c: &Counts) -> String {
    let score = c.score().map_or("–".into(), |s| format!("{s:.1}%"));
    let missed = c.missed - c.equivalent;
    format!(
        "| {label} | {about} | {runs} | {mutants} | {} | {missed} | {} | {} | {} | {score} |\n",
        c.caught, c.equivalent, c.timeout, c.unviable
    )
}

fn commit() -> String {
    let mut commit = output(cmd("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default().trim().to_string();
    if output(cmd("git").args(["status", "--porcelain", "--", "crates"])).is_some_and(|s| !s.trim().is_empty()) {
        commit.push_str(" + uncommitted changes");
    }
    commit
}

fn read_json(path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn ensure_cargo_mutants() -> Result {
    let version = output(cmd("cargo").args(["mutants", "--version"])).unwrap_or_default();
    if version.split_whitespace().any(|word| word == VERSION) {
        return Ok(());
    }
    run(cmd("cargo").args(["install", "cargo-mutants", "--version", &format!("={VERSION}"), "--locked"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_k_of_n() {
        assert_eq!(parse_shard("2/8"), Ok((2, 8)));
        assert!(parse_shard("8/8").is_err());
        assert!(parse_shard("two").is_err());
    }

    #[test]
    fn outcomes_are_read_and_counted() {
        let outcomes = json!({ "outcomes": [
            { "scenario": "Baseline", "summary": "Success" },
            { "scenario": { "Mutant": { "name": "a.rs:1:1: replace f -> bool with true" } }, "summary": "CaughtMutant" },
            { "scenario": { "Mutant": { "name": "a.rs:2:1: replace g with ()" } }, "summary": "MissedMutant" },
            { "scenario": { "Mutant": { "name": "a.rs:3:1: replace h with ()" } }, "summary": "MissedMutant" },
            { "scenario": { "Mutant": { "name": "a.rs:4:1: replace + with -" } }, "summary": "Timeout" },
            { "scenario": { "Mutant": { "name": "a.rs:5:1: replace i with None" } }, "summary": "Unviable" },
        ]});
        let mutants = outcomes_of(&outcomes).unwrap();
        assert_eq!(mutants.len(), 5, "the baseline is not a mutant");
        let equivalent = parse_equivalents("# why\na.rs:3:1: replace h with () | h only logs\n").unwrap();
        let c = count_with(&mutants, &equivalent);
        assert_eq!(c, Counts { caught: 1, missed: 2, timeout: 1, unviable: 1, equivalent: 1 });
        // (caught + timed out) ÷ (viable − equivalent) = 2 ÷ 3.
        assert!((c.score().unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert!(parse_equivalents("a.rs:3:1: no reason given").is_err());
    }

    #[test]
    fn the_report_lists_each_part_and_each_miss() {
        let mut records = BTreeMap::new();
        records.insert(
            "donate".to_string(),
            json!({ "part": "donate", "shards": { "0/1": { "commit": "abc1234", "date": "2026-11-30 18:00 UTC",
                "mutants": [ { "name": "d.rs:1:1: x", "outcome": "caught" }, { "name": "d.rs:2:1: y", "outcome": "missed" } ] } } }),
        );
        let text = report(&records, &BTreeMap::new());
        assert!(
            text.contains(
                "| donate (key) | donate links | 0/1: `abc1234`, 2026-11-30 | 2 | 1 | 1 | 0 | 0 | 0 | 50.0% |"
            ),
            "{text}"
        );
        assert!(text.contains("| validation (key) | feed validation: the JSON reader and the checks | not run yet |"));
        assert!(text.contains("- donate: `d.rs:2:1: y`: **missed**"));
    }

    #[test]
    fn a_run_again_keeps_only_caught_and_unviable_outcomes_and_says_from_where() {
        let shards = json!({ "part": "donate", "shards": {
            "0/2": { "commit": "aaa", "mutants": [ { "name": "d.rs:1:1: x", "outcome": "caught" },
                                                  { "name": "d.rs:2:1: y", "outcome": "missed" } ] },
            "1/2": { "commit": "bbb", "mutants": [ { "name": "d.rs:3:1: z", "outcome": "unviable" },
                                                  { "name": "d.rs:4:1: w", "outcome": "timeout" } ] } } });
        let settled = settled_mutants(&shards);
        assert_eq!(settled.keys().collect::<Vec<_>>(), ["d.rs:1:1: x", "d.rs:3:1: z"]);
        assert_eq!(settled["d.rs:3:1: z"], ("unviable".to_string(), "bbb".to_string()));

        // Its record: the mutants tested now, and those kept with the commit they were caught on.
        let again = json!({ "commit": "ccc", "date": "2026-12-01 06:00 UTC", "tested": 2, "mutants": [
            { "name": "d.rs:1:1: x", "outcome": "caught", "commit": "aaa" },
            { "name": "d.rs:2:1: y", "outcome": "caught" },
            { "name": "d.rs:3:1: z", "outcome": "unviable", "commit": "bbb" },
            { "name": "d.rs:4:1: w", "outcome": "missed" } ] });
        assert_eq!(settled_mutants(&json!({ "shards": { "again": again } }))["d.rs:1:1: x"].1, "aaa");
        let text = report(
            &BTreeMap::from([("donate".to_string(), json!({ "shards": { "again": again } }))]),
            &BTreeMap::new(),
        );
        assert!(
            text.contains(
                "| again: `ccc`, 2026-12-01 (2 tested again; 2 caught or unviable before, on `aaa`, `bbb`) | 4 | 2 | 1 | 0 | 0 | 1 | 66.7% |"
            ),
            "{text}"
        );
    }
}
