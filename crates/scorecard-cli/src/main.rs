//! `scorecard-feed`: check, convert and inspect Scorecard feeds from the command line.
//!
//! A thin shell over `scorecard-core`: argument parsing, file I/O and printing live here;
//! every decision about feeds is the core's.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use scorecard_cli::{
    convert_any, describe_index, describe_stats, load_any, load_shard_files, manifest_zip_table, open_any,
    read_mapping, rebuild_bundled, write_split, write_zip_table, JsonStyle,
};
use scorecard_core::diagnostics::{group_thousands, Report};
use scorecard_core::embed;
use scorecard_core::feed::doc::NamedLinkDoc;
use scorecard_core::feed::shards::{Opened, ShardedFeed};
use scorecard_core::source::Encoding;
use scorecard_core::zip_table::BuildOptions;

/// Check, convert and inspect Scorecard feeds.
#[derive(Parser)]
#[command(
    name = "scorecard-feed",
    about = "scorecard-feed: check, convert and inspect Scorecard feeds",
    after_help = "Mappings may be TOML (.toml) or JSON (.json). See docs/feed-format.md and docs/csv-import.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print every problem with its location; exit 1 if there are errors
    ///
    /// For the index of a sharded feed, --shards also checks every state file next to it.
    Validate {
        /// A feed (JSON), a spreadsheet (CSV) or the index of a sharded feed.
        input: PathBuf,
        #[command(flatten)]
        mapping: MappingArg,
        #[command(flatten)]
        encoding: EncodingArg,
        /// Also check every state file of a sharded feed's index.
        #[arg(long)]
        shards: bool,
    },
    /// Split a feed by state into DIR/index.json and DIR/<STATE>.json, for feeds too big for one file
    Split {
        /// A feed (JSON) or a spreadsheet (CSV).
        input: PathBuf,
        /// The folder to write the files into.
        #[arg(long = "out", short = 'o', visible_alias = "output", value_name = "DIR")]
        out: Option<PathBuf>,
        #[command(flatten)]
        mapping: MappingArg,
        #[command(flatten)]
        encoding: EncodingArg,
        #[command(flatten)]
        strict: StrictArg,
        #[command(flatten)]
        pretty: PrettyArg,
    },
    /// Turn a spreadsheet or a roster into feed JSON (to standard output without -o)
    ///
    /// A spreadsheet (CSV) without --mapping has its columns detected; a congress-legislators
    /// roster (YAML) needs its roster mapping.
    Convert {
        /// A spreadsheet (CSV) or a roster (YAML).
        input: PathBuf,
        #[command(flatten)]
        mapping: MappingArg,
        #[command(flatten)]
        encoding: EncodingArg,
        /// Take a question's stances from another feed, matched by name and state; prints the
        /// match rate and every near-miss rejected.
        #[arg(long, value_name = "RULES.toml")]
        join: Option<PathBuf>,
        /// Where to write the feed (default: standard output).
        #[arg(long = "output", short = 'o', visible_alias = "out", value_name = "FEED.json")]
        output: Option<PathBuf>,
        #[command(flatten)]
        strict: StrictArg,
        #[command(flatten)]
        pretty: PrettyArg,
    },
    /// Print the mapping auto-detection would use, as TOML, to start your own from
    Detect {
        /// A spreadsheet (CSV).
        input: PathBuf,
        #[command(flatten)]
        encoding: EncodingArg,
    },
    /// Count officials by state, stance, position and party
    Stats {
        /// A feed (JSON) or a spreadsheet (CSV).
        input: PathBuf,
        #[command(flatten)]
        mapping: MappingArg,
        #[command(flatten)]
        encoding: EncodingArg,
    },
    /// List what changed from OLD to NEW: officials added, removed and renamed, stance changes
    /// with their evidence, changed details and metadata
    ///
    /// OLD and NEW are feeds, or two indexes of sharded feeds (compared state by state). Exit 0
    /// when nothing changed, 1 when something did (as diff(1) does), 2 when a feed cannot be
    /// read. See "Publishing changes" in docs/feed-format.md.
    Diff {
        /// The feed as published before (JSON, CSV or the index of a sharded feed).
        old: PathBuf,
        /// The feed about to be published.
        new: PathBuf,
        /// text (default), md (a Markdown changelog), json (for machines) or atom (an Atom
        /// feed for meta.updates_url).
        #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Where to write it (default: standard output).
        #[arg(long = "output", short = 'o', visible_alias = "out", value_name = "FILE")]
        output: Option<PathBuf>,
        /// The Atom feed's date, YYYY-MM-DD (default: NEW's meta.updated, else today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Print the embed snippet for a feed published at URL (what the organizer page writes)
    ///
    /// The link inside the element, for readers without JavaScript, is titled with the feed's
    /// title. Options are the widget's data-* attributes, checked as the widget reads them.
    Snippet {
        /// The feed (JSON, CSV or the index of a sharded feed), for its title.
        input: PathBuf,
        /// Where readers' browsers will fetch the feed.
        #[arg(long, value_name = "URL")]
        url: String,
        /// The widget's loader, embed.js (from an npm CDN or your own host).
        #[arg(long = "embed-js", value_name = "URL")]
        embed_js: String,
        /// The loader's Subresource Integrity hash (integrity.json in @scorecard-widget/embed).
        #[arg(long, value_name = "sha384-…")]
        integrity: Option<String>,
        /// Where the link for readers without JavaScript goes (default: the feed's URL).
        #[arg(long, value_name = "URL")]
        link: Option<String>,
        /// A widget option, as its data-* attribute: --data states=MN --data refcode=my-blog.
        #[arg(long = "data", value_name = "NAME=VALUE")]
        data: Vec<String>,
    },
    /// Print the feed format's JSON Schema
    Schema,
    /// Print how long share links are for 5, 20 and 100 shortlisted officials
    LinkLengths {
        /// A feed (JSON).
        input: PathBuf,
    },
    /// Build a ZIP table (one small file per first three ZIP digits) into DIR
    ///
    /// From a ZIP-to-district CSV (columns zcta/zip, state, cd/district, optional division_id),
    /// or from the CSV and settings in a manifest's [zip_table]. Bad rows are reported and left
    /// out. See docs/zip-table.md.
    ZipTable {
        /// A ZIP-to-district CSV, or a manifest (feeds/bundled.toml).
        input: PathBuf,
        /// The folder to write the files into.
        #[arg(long = "out", short = 'o', visible_alias = "output", value_name = "DIR")]
        out: Option<PathBuf>,
        /// The districts' period, e.g. us-house-119 (without it, lookups match by state only).
        #[arg(long, value_name = "ID")]
        period: Option<String>,
        /// Credit for the table's data.
        #[arg(long, value_name = "TEXT")]
        attribution: Option<String>,
        /// Link for the credit (https).
        #[arg(long, value_name = "URL")]
        attribution_url: Option<String>,
        #[command(flatten)]
        strict: StrictArg,
    },
    /// Rebuild the bundled feeds (and their join reports) listed in a manifest
    ///
    /// Each feed is built from its spreadsheet or roster, mapping and join, and written
    /// pretty-printed (they are committed and read in diffs); each join's report goes into its
    /// Markdown file between markers.
    Bundle {
        /// The manifest (feeds/bundled.toml).
        manifest: PathBuf,
        /// Write nothing; exit 1 if a committed feed or report is stale.
        #[arg(long)]
        check: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    #[value(alias = "markdown")]
    Md,
    Json,
    Atom,
}

#[derive(Args)]
struct MappingArg {
    /// How the spreadsheet's columns become a feed (TOML or JSON); detected when not given.
    #[arg(long = "mapping", short = 'm', value_name = "MAPPING.toml")]
    mapping: Option<PathBuf>,
}

impl MappingArg {
    fn read(&self) -> Result<Option<scorecard_core::csv_import::CsvMapping>, String> {
        self.mapping.as_deref().map(read_mapping).transpose()
    }
}

#[derive(Args)]
struct EncodingArg {
    /// How a spreadsheet's text is encoded: utf-8, windows-1252 (Excel's "CSV (Comma
    /// delimited)") or latin1. Default: guessed from its bytes. JSON is always UTF-8.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

fn parse_encoding(name: &str) -> Result<Encoding, String> {
    Encoding::from_name(name).ok_or_else(|| format!("\"{name}\" is not one of utf-8, windows-1252, latin1"))
}

#[derive(Args)]
struct StrictArg {
    /// Exit 1 when there was any error, or a spreadsheet cell with bytes that are not text
    /// (problems are always printed).
    #[arg(long)]
    strict: bool,
}

#[derive(Args)]
struct PrettyArg {
    /// Indent the JSON for people to read (default: compact, the smallest file to publish).
    #[arg(long)]
    pretty: bool,
}

impl PrettyArg {
    fn style(&self) -> JsonStyle {
        if self.pretty {
            JsonStyle::Pretty
        } else {
            JsonStyle::Compact
        }
    }
}

fn main() -> ExitCode {
    // Under WASI (the npm package's Node runner) a program starts in "/": the runner passes the
    // shell's folder as PWD, so relative paths mean what they mean natively.
    #[cfg(target_os = "wasi")]
    if let Some(dir) = std::env::var_os("PWD") {
        let _ = std::env::set_current_dir(dir);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version print and succeed; usage errors exit 2, as before.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("run `scorecard-feed --help` for usage");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Validate { input, mapping, encoding, shards } => {
            let path = input.as_path();
            match open_any(path, mapping.read()?.as_ref(), encoding.encoding)? {
                Opened::Feed(loaded) => {
                    if shards {
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
                    if !shards {
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
        Command::Split { input, out, mapping, encoding, strict, pretty } => {
            let path = input.as_path();
            let dir = out.as_deref().ok_or("split needs --out DIR: the folder to write the files into")?;
            let loaded = load_any(path, mapping.read()?.as_ref(), encoding.encoding)?;
            print_report(path, &loaded.report);
            let Some(feed) = loaded.feed.filter(|feed| !feed.officials.is_empty()) else {
                eprintln!("{}: error: there are no officials to split", path.display());
                return Ok(ExitCode::FAILURE);
            };
            let written = write_split(&feed, dir, pretty.style())?;
            eprintln!(
                "{}: wrote {} and {} state files",
                dir.display(),
                scorecard_core::feed::shards::INDEX_FILE,
                written.len().saturating_sub(1)
            );
            Ok(if strict.strict && loaded.report.fails_strict() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Convert { input, mapping, encoding, join, output, strict, pretty } => {
            let path = input.as_path();
            let converted = convert_any(
                path,
                mapping.mapping.as_deref(),
                encoding.encoding,
                join.as_deref(),
                &Default::default(),
                pretty.style(),
            )?;
            let (json, report) = (converted.json, converted.report);
            print_report(path, &report);
            if let Some(join) = &converted.join {
                print_join(path, join);
            }
            let Some(json) = json else {
                return Ok(ExitCode::FAILURE);
            };
            match &output {
                Some(out) => std::fs::write(out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?,
                None => print!("{json}"),
            }
            Ok(if strict.strict && report.fails_strict() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Detect { input, encoding } => {
            let path = input.as_path();
            let bytes = read(path)?;
            let mut report = Report::default();
            let table = scorecard_core::csv_import::read_table(&bytes, encoding.encoding, &mut report)
                .map_err(|d| format!("{}: {}", path.display(), d.message))?;
            // What reading found (a guessed encoding, broken cells) matters to the mapping's headers.
            for diagnostic in &report.diagnostics {
                eprintln!("{}: {diagnostic}", path.display());
            }
            let detection = scorecard_core::csv_import::detect(&table);
            for note in &detection.notes {
                eprintln!("note: {note}");
            }
            let toml = toml::to_string_pretty(&detection.mapping).map_err(|e| e.to_string())?;
            print!("{toml}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { input, mapping, encoding } => {
            let path = input.as_path();
            let loaded = load_any(path, mapping.read()?.as_ref(), encoding.encoding)?;
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
        Command::Bundle { manifest, check } => {
            let mut stale = false;
            for feed in rebuild_bundled(&manifest, !check)? {
                let state = match (feed.up_to_date, check) {
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
            Ok(if check && stale { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::ZipTable { input, out, period, attribution, attribution_url, strict } => {
            let path = input.as_path();
            let dir = out.as_deref().ok_or("zip-table needs --out DIR: the folder to write the files into")?;
            let (csv, build_options) = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
                manifest_zip_table(path)?
            } else {
                let attribution = match (attribution, attribution_url) {
                    (None, None) => None,
                    (text, url) => Some(NamedLinkDoc { text: text.unwrap_or_default(), url }),
                };
                (path.to_path_buf(), BuildOptions { period, attribution })
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
            let failed = summary.files == 0 || (strict.strict && summary.built.report.fails_strict());
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::LinkLengths { input } => {
            let loaded = load_any(&input, None, None)?;
            let feed = loaded.feed.ok_or("the feed could not be loaded")?;
            print!("{}", scorecard_cli::describe_link_lengths(&feed));
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, format, output, date } => {
            use scorecard_core::diff::{atom, changelog, json};
            let compared = scorecard_cli::diff::diff_files(&old, &new)?;
            for note in &compared.notes {
                eprintln!("{note}");
            }
            let diff = &compared.diff;
            let text = match format {
                DiffFormat::Text => changelog::write(diff, changelog::Format::Text, None),
                DiffFormat::Md => changelog::write(diff, changelog::Format::Markdown, None),
                DiffFormat::Json => json::write(diff, true) + "\n",
                DiffFormat::Atom => atom::write(diff, scorecard_cli::diff::atom_date(date.as_deref(), diff)?),
            };
            match &output {
                Some(out) => std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?,
                None => print!("{text}"),
            }
            let summary = changelog::summary_sentence(&diff.summary());
            eprintln!("{} → {}: {summary}", old.display(), new.display());
            Ok(if diff.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Command::Snippet { input, url, embed_js, integrity, link, data } => {
            let path = input.as_path();
            let title = match open_any(path, None, None)? {
                Opened::Feed(loaded) => loaded.feed.map(|feed| feed.meta.title),
                Opened::Index { index, .. } => index.map(|index| index.feed.meta.title),
            };
            let title = title.ok_or_else(|| format!("{}: the feed cannot be loaded: validate it", path.display()))?;
            let integrity = match integrity.as_deref() {
                Some(text) => Some(
                    embed::integrity_hash(text)
                        .ok_or_else(|| format!("--integrity {text:?} is not a hash like sha384-…"))?,
                ),
                None => None,
            };
            let mut attributes = vec![("feed".to_string(), url.clone())];
            for pair in &data {
                let (name, value) =
                    pair.split_once('=').ok_or_else(|| format!("--data {pair:?}: write it as NAME=VALUE"))?;
                attributes.push((name.trim().trim_start_matches("data-").to_string(), value.to_string()));
            }
            // The widget's own reading of the attributes: what it will use is what is written.
            let attribute = |name: &str| attributes.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone());
            let options = embed::parse(attribute, |_| None);
            print!("{}", embed::snippet(&options, link.as_deref().unwrap_or(&url), &title, &embed_js, integrity));
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", scorecard_core::schema::feed_schema_json());
            Ok(ExitCode::SUCCESS)
        }
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
