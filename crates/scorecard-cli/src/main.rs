//! `scorecard-feed`: check, convert and inspect Scorecard feeds from the command line.
//!
//! A thin shell over `scorecard-core`: argument parsing, file I/O and printing live here;
//! every decision about feeds is the core's.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use scorecard_cli::{
    convert_any, describe_index, describe_stats, load_any, load_shard_files, manifest_zip_table, open_any,
    read_mapping, rebuild_bundled, write_split, write_zip_table,
};
use scorecard_core::diagnostics::{group_thousands, Report};
use scorecard_core::feed::doc::NamedLinkDoc;
use scorecard_core::feed::shards::{Opened, ShardedFeed};
use scorecard_core::zip_table::BuildOptions;

const USAGE: &str = "\
scorecard-feed: check, convert and inspect Scorecard feeds

USAGE:
    scorecard-feed validate <FEED.json|SHEET.csv|INDEX.json> [--mapping MAPPING.toml] [--shards]
        Print every problem with its location; exit 1 if there are errors. For the index of
        a sharded feed, --shards also checks every state file next to it.
    scorecard-feed split <FEED.json|SHEET.csv> --out DIR [--mapping MAPPING.toml] [--strict]
        Split a feed by state: DIR/index.json and one DIR/<STATE>.json per state, for feeds
        too big for one file. --strict exits 1 when the feed had any error.
    scorecard-feed convert <SHEET.csv|ROSTER.yaml> [--mapping MAPPING.toml] [--join RULES.toml]
                           [-o FEED.json] [--strict]
        Turn a spreadsheet, or a congress-legislators roster (with its roster mapping), into
        feed JSON (to stdout without -o). Without a mapping a sheet's columns are detected.
        --join takes a question's stances from another feed, matched by name and state, and
        prints the match rate and every near-miss rejected. --strict exits 1 on any error.
    scorecard-feed detect <SHEET.csv>
        Print the mapping auto-detection would use, as TOML, to start your own from.
    scorecard-feed stats <FEED.json|SHEET.csv> [--mapping MAPPING.toml]
        Count officials by state, stance, position and party.
    scorecard-feed schema
        Print the feed format's JSON Schema.
    scorecard-feed link-lengths <FEED.json>
        Print how long share links are for 5, 20 and 100 shortlisted officials.
    scorecard-feed zip-table <ZIP.csv> --out DIR [--period ID] [--attribution TEXT] [--attribution-url URL]
    scorecard-feed zip-table <feeds/bundled.toml> --out DIR
        Build a ZIP table (one small file per first three ZIP digits) from a ZIP-to-district
        CSV (columns zcta/zip, state, cd/district, optional division_id), or from the CSV and
        settings in a manifest's [zip_table]. Bad rows are reported and left out. --period
        names the districts' period, e.g. us-house-119. See docs/zip-table.md.
    scorecard-feed bundle <feeds/bundled.toml> [--check]
        Rebuild every feed listed in the manifest from its spreadsheet or roster, mapping and
        join, and write each join's report into its Markdown file (between markers).
        --check writes nothing and exits 1 if a committed feed or report is stale.

Mappings may be TOML (.toml) or JSON (.json). See docs/feed-format.md and docs/csv-import.md.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("run `scorecard-feed --help` for usage");
            ExitCode::from(2)
        }
    }
}

struct Options {
    input: Option<PathBuf>,
    mapping: Option<PathBuf>,
    output: Option<PathBuf>,
    strict: bool,
    check: bool,
    shards: bool,
    join: Option<PathBuf>,
    period: Option<String>,
    attribution: Option<String>,
    attribution_url: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        input: None,
        mapping: None,
        output: None,
        strict: false,
        check: false,
        shards: false,
        join: None,
        period: None,
        attribution: None,
        attribution_url: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--mapping" | "-m" => options.mapping = Some(it.next().ok_or("--mapping needs a file")?.into()),
            "--output" | "-o" | "--out" => {
                options.output = Some(it.next().ok_or_else(|| format!("{arg} needs a file or folder"))?.into())
            }
            "--period" => options.period = Some(it.next().ok_or("--period needs an id, like us-house-119")?.clone()),
            "--attribution" => options.attribution = Some(it.next().ok_or("--attribution needs a text")?.clone()),
            "--attribution-url" => {
                options.attribution_url = Some(it.next().ok_or("--attribution-url needs an https address")?.clone())
            }
            "--join" => options.join = Some(it.next().ok_or("--join needs a rules file (TOML)")?.into()),
            "--strict" => options.strict = true,
            "--shards" => options.shards = true,
            "--check" => options.check = true,
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            a if options.input.is_none() => options.input = Some(a.into()),
            a => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(options)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(command) = args.first() else {
        print!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let options = parse_options(&args[1..])?;
    let input = || options.input.as_deref().ok_or_else(|| format!("{command} needs an input file"));
    let mapping = || options.mapping.as_deref().map(read_mapping).transpose();
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "validate" => {
            let path = input()?;
            match open_any(path, mapping()?.as_ref())? {
                Opened::Feed(loaded) => {
                    if options.shards {
                        eprintln!(
                            "{}: note: this is a feed, not the index of a sharded feed; --shards ignored",
                            path.display()
                        );
                    }
                    print_report(path, &loaded.report);
                    let failed = loaded.feed.is_none() || loaded.report.has_errors();
                    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
                }
                Opened::Index { index: None, report } => {
                    print_report(path, &report);
                    Ok(ExitCode::FAILURE)
                }
                Opened::Index { index: Some(index), report } => {
                    let mut sharded = ShardedFeed::new(index, report.clone());
                    eprintln!("{}: {}", path.display(), describe_index(&sharded));
                    if !options.shards {
                        for diagnostic in &report.diagnostics {
                            eprintln!("{}: {diagnostic}", path.display());
                        }
                        let count =
                            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
                        eprintln!(
                            "{}: the index has {} and {}; add --shards to check every state file too",
                            path.display(),
                            count(report.error_count(), "error", "errors"),
                            count(report.warning_count(), "warning", "warnings")
                        );
                        return Ok(if report.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS });
                    }
                    let unreadable = load_shard_files(path, &mut sharded);
                    for problem in &unreadable {
                        eprintln!("{}: error: {problem}", path.display());
                    }
                    let combined = sharded.combined();
                    print_report(path, &combined.report);
                    let failed = !unreadable.is_empty() || combined.report.has_errors();
                    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
                }
            }
        }
        "split" => {
            let path = input()?;
            let dir = options.output.as_deref().ok_or("split needs --out DIR: the folder to write the files into")?;
            let loaded = load_any(path, mapping()?.as_ref())?;
            print_report(path, &loaded.report);
            let Some(feed) = loaded.feed.filter(|feed| !feed.officials.is_empty()) else {
                eprintln!("{}: error: there are no officials to split", path.display());
                return Ok(ExitCode::FAILURE);
            };
            let written = write_split(&feed, dir)?;
            eprintln!(
                "{}: wrote {} and {} state files",
                dir.display(),
                scorecard_core::feed::shards::INDEX_FILE,
                written.len().saturating_sub(1)
            );
            Ok(if options.strict && loaded.report.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        "convert" => {
            let path = input()?;
            let converted =
                convert_any(path, options.mapping.as_deref(), options.join.as_deref(), &Default::default())?;
            let (json, report) = (converted.json, converted.report);
            print_report(path, &report);
            if let Some(join) = &converted.join {
                print_join(path, join);
            }
            let Some(json) = json else {
                return Ok(ExitCode::FAILURE);
            };
            match &options.output {
                Some(out) => std::fs::write(out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?,
                None => print!("{json}"),
            }
            Ok(if options.strict && report.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        "detect" => {
            let path = input()?;
            let bytes = read(path)?;
            let mut report = Report::default();
            let table = scorecard_core::csv_import::read_table(&bytes, &mut report)
                .map_err(|d| format!("{}: {}", path.display(), d.message))?;
            let detection = scorecard_core::csv_import::detect(&table);
            for note in &detection.notes {
                eprintln!("note: {note}");
            }
            let toml = toml::to_string_pretty(&detection.mapping).map_err(|e| e.to_string())?;
            print!("{toml}");
            Ok(ExitCode::SUCCESS)
        }
        "stats" => {
            let path = input()?;
            let loaded = load_any(path, mapping()?.as_ref())?;
            eprintln!("{}", loaded.report.summary());
            match &loaded.feed {
                Some(feed) => {
                    print!("{}", describe_stats(feed));
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    print_report(path, &loaded.report);
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        "bundle" => {
            let mut stale = false;
            for feed in rebuild_bundled(input()?, !options.check)? {
                let state = match (feed.up_to_date, options.check) {
                    (true, _) => "up to date",
                    (false, true) => "STALE",
                    (false, false) => "rebuilt",
                };
                stale |= !feed.up_to_date;
                if feed.output.extension().is_some_and(|e| e == "md") {
                    eprintln!("{}: {} (join reports)", feed.output.display(), state);
                    continue;
                }
                eprintln!("{}: {} ({})", feed.output.display(), state, feed.report.summary());
                if let Some(join) = &feed.join {
                    print_join(&feed.output, join);
                }
            }
            Ok(if options.check && stale { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        "zip-table" => {
            let path = input()?;
            let dir =
                options.output.as_deref().ok_or("zip-table needs --out DIR: the folder to write the files into")?;
            let (csv, build_options) = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
                manifest_zip_table(path)?
            } else {
                let attribution = match (options.attribution.clone(), options.attribution_url.clone()) {
                    (None, None) => None,
                    (text, url) => Some(NamedLinkDoc { text: text.unwrap_or_default(), url }),
                };
                (path.to_path_buf(), BuildOptions { period: options.period.clone(), attribution })
            };
            if build_options.period.is_none() {
                eprintln!("{}: note: without --period, ZIP lookups match officials by state only", csv.display());
            }
            let summary = write_zip_table(&csv, &build_options, dir)?;
            print_report(&csv, &summary.built.report);
            eprintln!(
                "{}: {} shard files for {} ZIP codes ({} ZIP-district pairs), {} bytes in all",
                dir.display(),
                summary.files,
                group_thousands(summary.built.zips as u64),
                group_thousands(summary.built.pairs as u64),
                group_thousands(summary.total_bytes as u64)
            );
            if let Some((name, raw, gzip)) = &summary.largest {
                eprintln!("{}: largest {name}: {raw} bytes, {gzip} gzipped (-9)", dir.display());
            }
            let failed = summary.files == 0 || (options.strict && summary.built.report.has_errors());
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        "link-lengths" => {
            let loaded = load_any(input()?, None)?;
            let feed = loaded.feed.ok_or("the feed could not be loaded")?;
            print!("{}", scorecard_cli::describe_link_lengths(&feed));
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            print!("{}", scorecard_core::schema::feed_schema_json());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other}")),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn print_join(path: &Path, join: &scorecard_core::join::JoinReport) {
    eprintln!(
        "{}: joined {}: {} by name and state, {} confirmed by hand; {} near-misses rejected",
        path.display(),
        join.rate(),
        join.matched.len(),
        join.confirmed.len(),
        join.near_misses.len()
    );
    for problem in &join.problems {
        eprintln!("{}: warning: join rules: {problem}", path.display());
    }
}

fn print_report(path: &Path, report: &Report) {
    for diagnostic in &report.diagnostics {
        eprintln!("{}: {diagnostic}", path.display());
    }
    eprintln!("{}: {}", path.display(), report.summary());
}
