//! The command-line tool's file handling, shared with its tests (which rebuild the bundled
//! feeds and compare them with the committed ones).

pub mod diff;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use scorecard_core::csv_import::{load_csv_as, CsvMapping};
use scorecard_core::diagnostics::{group_thousands, Diagnostic, Location, Report};
use scorecard_core::feed::doc::FeedDoc;
use scorecard_core::feed::shards::{self, Opened, ShardedFeed};
use scorecard_core::feed::validate::{validate, FeedPath, Locate};
use scorecard_core::feed::{load_json, to_json_pretty, Feed, Loaded};
use scorecard_core::filter::{run, FilterSpec};
use scorecard_core::join::{self, JoinReport, JoinRules, NameParts};
use scorecard_core::link::percent_decode;
use scorecard_core::roster::{self, Legislator, RosterMapping};
use scorecard_core::source::{detect_format, Encoding, Format, FormatHints};
use scorecard_core::zip_table::{self, BuildOptions, Built};

/// How feed JSON is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonStyle {
    /// No spaces or line breaks: what `convert` and `split` write by default, the smallest file
    /// to publish (a 100,000-official feed is about 20 MB, against 35 MB indented), and the
    /// widget holds every byte of it in memory while it reads it.
    Compact,
    /// Indented, one field a line: for people to read, and for the bundled feeds, which are
    /// committed and reviewed in diffs.
    Pretty,
}

impl JsonStyle {
    /// The feed as JSON in this style, ending with a line break.
    pub fn write(self, doc: &FeedDoc<'_>) -> String {
        match self {
            JsonStyle::Pretty => to_json_pretty(doc),
            JsonStyle::Compact => {
                let mut out = serde_json::to_string(doc).unwrap_or_default();
                out.push('\n');
                out
            }
        }
    }
}

/// Reads a mapping file: TOML, or JSON when the name ends in `.json`.
pub fn read_mapping(path: &Path) -> Result<CsvMapping, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    } else {
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Loads a feed from JSON or CSV (with an optional mapping and encoding for CSV).
pub fn load_any(path: &Path, mapping: Option<&CsvMapping>, encoding: Option<Encoding>) -> Result<Loaded, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(match detect_format(&bytes, file_hints(path)) {
        Format::Json => {
            let mut loaded = load_json(&bytes);
            note_json_encoding(encoding, &mut loaded.report);
            loaded
        }
        Format::Csv => load_csv_as(&bytes, mapping, encoding).loaded,
    })
}

/// Reads a feed (JSON or CSV) or the index of a sharded feed.
pub fn open_any(path: &Path, mapping: Option<&CsvMapping>, encoding: Option<Encoding>) -> Result<Opened, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(match detect_format(&bytes, file_hints(path)) {
        Format::Json => {
            let mut opened = shards::open(&bytes);
            let (Opened::Feed(Loaded { report, .. }) | Opened::Index { report, .. }) = &mut opened;
            note_json_encoding(encoding, report);
            opened
        }
        Format::Csv => Opened::Feed(load_csv_as(&bytes, mapping, encoding).loaded),
    })
}

/// `--encoding` other than UTF-8 given for JSON: say it was not used, rather than ignore it.
fn note_json_encoding(encoding: Option<Encoding>, report: &mut Report) {
    if let Some(encoding) = encoding.filter(|e| *e != Encoding::Utf8) {
        report.diagnostics.insert(
            0,
            Diagnostic::warning(
                Location::Input,
                format!("this is a JSON feed, which is always UTF-8; --encoding {} was not used", encoding.key()),
            ),
        );
    }
}

/// A file's name as the hint for [`detect_format`] (which only blank files need).
fn file_hints(path: &Path) -> FormatHints<'_> {
    FormatHints { url: path.to_str(), content_type: None }
}

/// Writes `feed` split by state into `dir` (created if needed): the index as `index.json` and
/// one canonical feed per state as `<STATE>.json`. Returns the files written, index first.
pub fn write_split(feed: &Feed, dir: &Path, style: JsonStyle) -> Result<Vec<std::path::PathBuf>, String> {
    let parts = shards::split(&feed.to_doc());
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::with_capacity(parts.shards.len() + 1);
    let files = std::iter::once((shards::INDEX_FILE.to_string(), &parts.index))
        .chain(parts.shards.iter().map(|(state, doc)| (shards::shard_file_name(*state), doc)));
    for (name, doc) in files {
        let path = dir.join(name);
        std::fs::write(&path, style.write(doc)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// Where a state file listed in the index at `index_path` is on disk: next to the index, as
/// `scorecard-feed split` writes it. Files on the web (`https://…`) or at a server path
/// (`/feeds/MN.json`) cannot be checked from here.
pub fn shard_path(index_path: &Path, url: &str) -> Result<std::path::PathBuf, String> {
    if url.starts_with("https:") || url.starts_with('/') {
        return Err(format!("{url} is not next to the index, so it was not checked"));
    }
    let relative = url.split(['?', '#']).next().unwrap_or(url);
    Ok(index_path.parent().unwrap_or(Path::new(".")).join(percent_decode(relative)))
}

/// Reads every state file of a sharded feed from disk into `sharded` (what is wrong inside a
/// file goes into `sharded`'s report). Returns a line per file that could not be read at all.
pub fn load_shard_files(index_path: &Path, sharded: &mut ShardedFeed) -> Vec<String> {
    let mut problems = Vec::new();
    let entries = sharded.index().shards.clone();
    for entry in entries {
        let bytes = shard_path(index_path, &entry.url)
            .and_then(|path| std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display())));
        match bytes {
            Ok(bytes) => sharded.add_shard(entry.state, &bytes),
            Err(problem) => {
                problems.push(format!("{} ({}): {problem}", entry.url, entry.state.name()));
                sharded.fail(entry.state, problem);
            }
        }
    }
    problems
}

/// "an index of 51 state files listing 1,015 officials".
pub fn describe_index(sharded: &ShardedFeed) -> String {
    let (officials, files) = shards::totals(sharded.statuses());
    format!(
        "an index of {} state {} listing {} officials",
        files,
        if files == 1 { "file" } else { "files" },
        group_thousands(officials)
    )
}

/// Converts a spreadsheet to canonical feed JSON. `None` when no feed could be made.
pub fn convert_csv(
    path: &Path,
    mapping: Option<&CsvMapping>,
    encoding: Option<Encoding>,
    style: JsonStyle,
) -> Result<(Option<String>, Report), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = load_csv_as(&bytes, mapping, encoding).loaded;
    let json = loaded.feed.as_ref().map(|feed| style.write(&feed.to_doc()));
    Ok((json, loaded.report))
}

/// One bundled feed: a spreadsheet (or roster), its mapping, an optional join, and the
/// committed JSON built from them.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledFeed {
    pub output: String,
    /// A CSV, or a roster in the congress-legislators YAML format (`.yaml`, `.yml`).
    pub source: String,
    pub mapping: String,
    /// Rules for taking a question's stances from another feed (see `scorecard_core::join`).
    pub join: Option<String>,
    /// A Markdown file with markers where the join's report is written (e.g. `README.md`).
    pub join_report: Option<String>,
}

/// `feeds/bundled.toml`: the bundled feeds and the bundled ZIP table.
#[derive(serde::Deserialize)]
pub struct Manifest {
    pub feed: Vec<BundledFeed>,
    pub zip_table: Option<BundledZipTable>,
}

/// The ZIP table the widget ships (built into `target/`, not committed: hundreds of files).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledZipTable {
    /// The ZIP→district CSV, relative to the manifest.
    pub source: String,
    pub period: Option<String>,
    pub attribution: Option<scorecard_core::feed::doc::NamedLinkDoc>,
}

fn read_manifest_file(path: &Path) -> Result<Manifest, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads `feeds/bundled.toml`.
pub fn read_manifest(path: &Path) -> Result<Vec<BundledFeed>, String> {
    Ok(read_manifest_file(path)?.feed)
}

/// The CSV and options of the manifest's `[zip_table]`.
pub fn manifest_zip_table(path: &Path) -> Result<(std::path::PathBuf, BuildOptions), String> {
    let table =
        read_manifest_file(path)?.zip_table.ok_or_else(|| format!("{} has no [zip_table] section", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok((dir.join(table.source), BuildOptions { period: table.period, attribution: table.attribution }))
}

/// What `zip-table` wrote.
pub struct ZipTableSummary {
    pub built: Built,
    pub files: usize,
    pub total_bytes: usize,
    /// (file name, raw bytes, gzip -9 bytes) of the largest shard.
    pub largest: Option<(String, usize, usize)>,
}

/// Builds a ZIP table from a CSV into `dir`: one `<prefix>.json` per shard. Shard files of an
/// earlier build are removed first, so a prefix that disappeared leaves no stale file.
pub fn write_zip_table(csv: &Path, options: &BuildOptions, dir: &Path) -> Result<ZipTableSummary, String> {
    let bytes = std::fs::read(csv).map_err(|e| format!("cannot read {}: {e}", csv.display()))?;
    let built = zip_table::build(&bytes, options);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_shard = name.len() == 8 && name.ends_with(".json") && name[..3].bytes().all(|b| b.is_ascii_digit());
        if is_shard {
            std::fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    let mut largest: Option<(String, usize, usize)> = None;
    let mut total_bytes = 0;
    for (name, json) in &built.shards {
        let path = dir.join(name);
        std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        total_bytes += json.len();
        if largest.as_ref().is_none_or(|(_, raw, _)| json.len() > *raw) {
            largest = Some((name.clone(), json.len(), gzip_size(json.as_bytes())));
        }
    }
    Ok(ZipTableSummary { files: built.shards.len(), total_bytes, largest, built })
}

/// Bytes of `data` compressed with gzip at level 9.
pub fn gzip_size(data: &[u8]) -> usize {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(data);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

/// What rebuilding one bundled file (a feed, or a file with a join report) found.
pub struct Rebuilt {
    pub output: PathBuf,
    /// The new content.
    pub json: String,
    pub report: Report,
    pub join: Option<JoinReport>,
    /// Whether the committed file already had exactly this content.
    pub up_to_date: bool,
}

/// A feed built by [`convert_any`].
pub struct Converted {
    /// Canonical JSON; `None` when no feed could be made.
    pub json: Option<String>,
    pub report: Report,
    pub join: Option<JoinReport>,
}

fn is_roster(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads a roster in the congress-legislators YAML format.
pub fn read_roster(path: &Path) -> Result<Vec<Legislator>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_saphyr::from_str(&text).map_err(|e| format!("{}: not a congress-legislators roster: {e}", path.display()))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Locates problems of a feed rebuilt in memory (after a join) by their path in it.
struct PathLocator;

impl Locate for PathLocator {
    fn locate(&self, path: &FeedPath<'_>) -> Location {
        let path = match path {
            FeedPath::Root(field) => field.to_string(),
            FeedPath::Question { index, field } => format!("questions[{index}].{field}"),
            FeedPath::Official { index, field } => format!("officials[{index}].{field}"),
        };
        Location::Record { path: path.trim_end_matches('.').to_string() }
    }
}

/// Builds a feed from a spreadsheet (in `encoding`, or the one its bytes show) or a roster with
/// its mapping, then, with `join`, takes a question's stances from another feed. `fresh` holds
/// feeds rebuilt earlier in the same run (by path), used instead of the files on disk so
/// `bundle --check` writes nothing.
pub fn convert_any(
    source: &Path,
    mapping: Option<&Path>,
    encoding: Option<Encoding>,
    join_rules: Option<&Path>,
    fresh: &HashMap<PathBuf, String>,
    style: JsonStyle,
) -> Result<Converted, String> {
    let mut report = Report::default();
    let csv_feed: scorecard_core::feed::Feed;
    let (mut doc, names, locator): (FeedDoc<'_>, Vec<NameParts>, Box<dyn Locate>) = if is_roster(source) {
        let mapping = mapping.ok_or("a roster needs --mapping: the roster mapping (see docs/csv-import.md)")?;
        let mapping: RosterMapping = read_toml(mapping)?;
        let imported = roster::import(&read_roster(source)?, &mapping, &mut report);
        (imported.doc, imported.names, Box::new(imported.locator))
    } else {
        let mapping = mapping.map(read_mapping).transpose()?;
        if join_rules.is_none() {
            let (json, report) = convert_csv(source, mapping.as_ref(), encoding, style)?;
            return Ok(Converted { json, report, join: None });
        }
        let bytes = std::fs::read(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        let loaded = load_csv_as(&bytes, mapping.as_ref(), encoding).loaded;
        report = loaded.report;
        let Some(feed) = loaded.feed else {
            return Ok(Converted { json: None, report, join: None });
        };
        csv_feed = feed;
        let doc = csv_feed.to_doc();
        let names = doc.officials.iter().map(|o| NameParts::from_full(&o.name)).collect();
        (doc, names, Box::new(PathLocator))
    };
    let mut join_report = None;
    if let Some(rules_path) = join_rules {
        let rules: JoinRules = read_toml(rules_path)?;
        let other_path = rules_path.parent().unwrap_or(Path::new(".")).join(&rules.from);
        let other_path = normalize(&other_path);
        let bytes = match fresh.get(&other_path) {
            Some(json) => json.clone().into_bytes(),
            None => std::fs::read(&other_path).map_err(|e| format!("cannot read {}: {e}", other_path.display()))?,
        };
        let other = load_json(&bytes)
            .feed
            .ok_or_else(|| format!("{}: the feed to take stances from could not be loaded", other_path.display()))?;
        join_report =
            Some(join::join(&mut doc, &names, &other, &rules).map_err(|e| format!("{}: {e}", rules_path.display()))?);
    }
    // Officials were counted (and any skipped) by the import; the validator counts again.
    let skipped = report.skipped;
    report.skipped = 0;
    let feed = validate(doc, locator.as_ref(), &mut report);
    report.skipped += skipped;
    let json = feed.as_ref().map(|feed| style.write(&feed.to_doc()));
    Ok(Converted { json, report, join: join_report })
}

/// `feeds/mappings/../x.json` → `feeds/x.json`, so fresh feeds are found by path.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Converts every feed in the manifest, in order (a join may read a feed listed before it),
/// and writes each join's report into its Markdown file between the markers
/// `<!-- join report: OUTPUT -->` and `<!-- end of join report: OUTPUT -->`. With `write`,
/// stale files are rewritten.
pub fn rebuild_bundled(manifest_path: &Path, write: bool) -> Result<Vec<Rebuilt>, String> {
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let mut rebuilt = Vec::new();
    let mut fresh: HashMap<PathBuf, String> = HashMap::new();
    let mut documents: Vec<(PathBuf, String, String)> = Vec::new(); // (path, committed, new)
    for entry in read_manifest(manifest_path)? {
        let source = dir.join(&entry.source);
        let join_rules = entry.join.as_ref().map(|j| dir.join(j));
        // Pretty-printed: the bundled feeds are committed and reviewed in diffs.
        let converted = convert_any(
            &source,
            Some(&dir.join(&entry.mapping)),
            None,
            join_rules.as_deref(),
            &fresh,
            JsonStyle::Pretty,
        )?;
        let json = converted.json.ok_or_else(|| format!("{}: no feed could be made", source.display()))?;
        let output = dir.join(&entry.output);
        fresh.insert(normalize(&output), json.clone());
        if let (Some(report), Some(target)) = (&converted.join, &entry.join_report) {
            let path = dir.join(target);
            let index = match documents.iter().position(|(p, _, _)| *p == path) {
                Some(i) => i,
                None => {
                    let text =
                        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    documents.push((path.clone(), text.clone(), text));
                    documents.len() - 1
                }
            };
            let rules: JoinRules = read_toml(join_rules.as_deref().unwrap_or(Path::new("")))?;
            let section = describe_join(report, &rules, &entry.output);
            documents[index].2 = replace_section(&documents[index].2, &entry.output, &section)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let up_to_date = std::fs::read_to_string(&output).is_ok_and(|current| current == json);
        if write && !up_to_date {
            std::fs::write(&output, &json).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
        }
        rebuilt.push(Rebuilt { output, json, report: converted.report, join: converted.join, up_to_date });
    }
    for (path, committed, new) in documents {
        let up_to_date = committed == new;
        if write && !up_to_date {
            std::fs::write(&path, &new).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        rebuilt.push(Rebuilt { output: path, json: new, report: Report::default(), join: None, up_to_date });
    }
    Ok(rebuilt)
}

/// Puts `section` between the markers for `output` in `text`.
pub fn replace_section(text: &str, output: &str, section: &str) -> Result<String, String> {
    let start = format!("<!-- join report: {output} -->");
    let end = format!("<!-- end of join report: {output} -->");
    let (Some(a), Some(b)) = (text.find(&start), text.find(&end)) else {
        return Err(format!("no markers for the join report of {output}: add the lines\n{start}\n{end}"));
    };
    if b < a {
        return Err(format!("the end marker of {output}'s join report comes before its start"));
    }
    Ok(format!("{}{start}\n{section}{}", &text[..a], &text[b..]))
}

/// The join's report as Markdown, for `feeds/README.md`: the match rate, then every pair
/// confirmed by hand or kept apart, and every near-miss rejected.
pub fn describe_join(report: &JoinReport, rules: &JoinRules, output: &str) -> String {
    let mut out = String::new();
    let other = |l: &scorecard_core::join::Link| {
        let position = l.other_position.as_deref().map_or(String::new(), |p| format!(", {p}"));
        format!("{} ({}{position}, `{}`)", l.other_name, l.other_state.code(), l.other_id)
    };
    let official =
        |l: &scorecard_core::join::Link| format!("{} ({}, `{}`)", l.official_name, l.state.code(), l.official_id);
    let _ =
        writeln!(out, "<!-- Written by `scorecard-feed bundle` from `{}`; edit the rules, not this. -->", rules.from);
    let _ = writeln!(
        out,
        "**Match rate:** {} officials of `{output}` have their stance from `{}` (question `{}`): {} matched by name and state, {} confirmed by hand. The other {} get \"{}\".",
        report.rate(),
        rules.from.trim_start_matches("../"),
        rules.question,
        report.matched.len(),
        report.confirmed.len(),
        report.officials - report.joined(),
        rules.unmatched.label
    );
    let _ = writeln!(out);
    let table = |out: &mut String, title: &str, links: &[scorecard_core::join::Link], why: &str| {
        let _ = writeln!(out, "{title} ({}):\n", links.len());
        if links.is_empty() {
            let _ = writeln!(out, "(none)\n");
            return;
        }
        let _ = writeln!(out, "| official | other feed | {why} |\n|---|---|---|");
        for l in links {
            let _ = writeln!(out, "| {} | {} | {} |", official(l), other(l), l.why);
        }
        let _ = writeln!(out);
    };
    table(&mut out, "**Near-misses rejected**", &report.near_misses, "why rejected");
    table(&mut out, "**Confirmed by hand** (`same_person` in the rules)", &report.confirmed, "note");
    table(&mut out, "**Kept apart by hand** (`different_person` in the rules)", &report.kept_apart, "note");
    for problem in &report.problems {
        let _ = writeln!(out, "- Rule problem: {problem}");
    }
    out
}

/// Share-link lengths for 5, 20 and 100 officials (spread through the feed), with all amounts
/// at the default, with varied amounts, and with varied amounts and the last four of them
/// compared side by side (the longest places in the list), as a Markdown table.
pub fn describe_link_lengths(feed: &Feed) -> String {
    use scorecard_core::money::Cents;
    use scorecard_core::share_link::{encode, View};
    use scorecard_core::shortlist::Shortlist;
    let mut out = String::from(
        "| officials | default $27 each | varied amounts | varied, 4 of them compared |\n|---:|---:|---:|---:|\n",
    );
    for n in [5usize, 20, 100] {
        let step = (feed.officials.len() / n.max(1)).max(1);
        let picked: Vec<_> = feed.officials.iter().step_by(step).take(n).collect();
        let mut same = Shortlist::default();
        let mut varied = Shortlist::default();
        for (i, o) in picked.iter().enumerate() {
            let _ = same.add(&o.id, &o.name);
            let _ = varied.add_with_amount(&o.id, &o.name, Cents([1000, 2500, 5000, 1250, 10000][i % 5]));
        }
        let length = |view: &View, list: &Shortlist| "sc=".len() + encode(view, Some(list), feed).len();
        let compare = picked.iter().rev().take(4).map(|o| o.id.clone()).collect();
        let comparing = View { compare, ..View::default() };
        let _ = writeln!(
            out,
            "| {} | {} characters | {} characters | {} characters |",
            picked.len(),
            length(&View::default(), &same),
            length(&View::default(), &varied),
            length(&comparing, &varied)
        );
    }
    let four = View { compare: feed.officials.iter().take(4).map(|o| o.id.clone()).collect(), ..View::default() };
    let _ = writeln!(
        out,
        "\nA comparison of 4 officials without a shortlist (the page address): {} characters.",
        "sc=".len() + encode(&four, None, feed).len()
    );
    out.push_str(
        "\nCharacters of the `sc=` fragment parameter (the part after `#`); the page address comes before it.\n",
    );
    out
}

/// Counts by state, stance (per question), position and party, as plain text.
pub fn describe_stats(feed: &Feed) -> String {
    let stats = scorecard_core::stats::FeedStats::of(feed);
    let mut out = String::new();
    let _ = writeln!(out, "{}", feed.meta.title);
    let _ = writeln!(
        out,
        "{} officials in {} states and territories",
        group_thousands(stats.officials as u64),
        stats.states.len()
    );
    for coverage in scorecard_core::feed::language::Coverage::of(feed) {
        let _ = writeln!(out, "Written in {}; translated into {}", feed.meta.language(), coverage.describe());
    }
    for question in &stats.questions {
        let _ = writeln!(out, "\nQuestion {}: {}", question.id, question.text);
        for (label, count) in &question.stances {
            let _ = writeln!(out, "  {:>7}  {}", group_thousands(u64::from(*count)), label);
        }
        if question.not_rated > 0 {
            let _ = writeln!(out, "  {:>7}  (not rated)", group_thousands(u64::from(question.not_rated)));
        }
    }
    let _ = writeln!(out, "\nBy state:");
    for (state, count) in &stats.states {
        let _ = writeln!(out, "  {:>7}  {} {}", group_thousands(u64::from(*count)), state.code(), state.name());
    }
    let all = run(feed, &FilterSpec::default());
    let _ = writeln!(out, "\nBy position:");
    for (position, count) in feed.positions.iter().zip(&all.facets.positions) {
        let _ = writeln!(out, "  {:>7}  {position}", group_thousands(u64::from(*count)));
    }
    let _ = writeln!(out, "\nBy party:");
    for (party, count) in feed.parties.iter().zip(&all.facets.parties) {
        let _ = writeln!(out, "  {:>7}  {party}", group_thousands(u64::from(*count)));
    }
    if all.facets.no_party > 0 {
        let _ = writeln!(out, "  {:>7}  (no party)", group_thousands(u64::from(all.facets.no_party)));
    }
    out
}
