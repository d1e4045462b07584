//! `cargo xtask bench`: what a reader downloads, and how long share links are.
//! (Timing benchmarks in the browser and against a plain-JS baseline are tracked in issue 6.)

use std::fmt::Write as _;
use std::path::Path;

use crate::{build, cmd, Result};

pub fn run(repo: &Path) -> Result {
    let dist = build(true)?;
    let mut rows = Vec::new();
    let mut total = (0u64, 0u64);
    let mut entries: Vec<_> = std::fs::read_dir(&dist).map_err(|e| e.to_string())?.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = match name.rsplit('.').next() {
            Some("wasm") => "wasm",
            Some("js") => "JS",
            Some("css") => "CSS",
            _ => continue,
        };
        let raw = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let gzip = gzip_size(&entry.path())?;
        total.0 += raw;
        total.1 += gzip;
        rows.push(format!("| {kind} | `{name}` | {} | {} |", kib(raw), kib(gzip)));
    }
    let links = crate::output(cmd("cargo").args([
        "run",
        "--quiet",
        "-p",
        "scorecard-cli",
        "--",
        "link-lengths",
        "feeds/endorsements-2020.json",
    ]))
    .unwrap_or_else(|| "(scorecard-feed link-lengths failed)\n".into());

    let mut md = String::new();
    let commit = crate::output(cmd("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default();
    let date =
        crate::output(std::process::Command::new("date").arg("-u").arg("+%Y-%m-%d %H:%M UTC")).unwrap_or_default();
    let _ = writeln!(md, "# Benchmark results\n");
    let _ = writeln!(md, "Measured {} on commit `{}` by `cargo xtask bench`.\n", date.trim(), commit.trim());
    let _ = writeln!(md, "## First-load transfer (excluding the feed)\n");
    let _ = writeln!(md, "| kind | file | raw | gzip -9 |\n|---|---|---:|---:|");
    for row in rows {
        let _ = writeln!(md, "{row}");
    }
    let _ = writeln!(md, "| **total** | | **{}** | **{}** |\n", kib(total.0), kib(total.1));
    let _ = writeln!(md, "## Share-link length (default feed)\n\n{links}");
    std::fs::create_dir_all(repo.join("bench")).map_err(|e| e.to_string())?;
    std::fs::write(repo.join("bench/RESULTS.md"), &md).map_err(|e| e.to_string())?;
    print!("{md}");
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64> {
    let out =
        std::process::Command::new("gzip").args(["-9", "-c"]).arg(path).output().map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
