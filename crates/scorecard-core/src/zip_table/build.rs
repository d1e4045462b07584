//! Building a ZIP table from a ZIP→district spreadsheet: the Census-based `zccd.csv`
//! (`state_fips,state_abbr,zcta,cd`) or an organizer's own (say, ZIP codes to state legislative
//! districts, with a division-id column). Bad rows are reported by row and column and left out;
//! the good ones are kept.

use std::collections::{BTreeMap, HashMap};

use super::{shard_file_name, DistrictDoc, ShardDoc, MAX_DISTRICT_LEN, ZIP_TABLE_VERSION};
use crate::csv_import::{read_table, Table};
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::feed::doc::NamedLinkDoc;
use crate::states::State;
use crate::text::{self, clean, is_division_id};

/// Accepted header names, compared ignoring case, spaces, `_` and `-`.
const ZIP_HEADERS: [&str; 9] =
    ["zcta", "zcta5", "zip", "zipcode", "zip5", "postalcode", "postcode", "zcta5ce20", "zcta5ce10"];
const STATE_HEADERS: [&str; 8] =
    ["stateabbr", "state", "statecode", "usps", "stusps", "st", "stateabbreviation", "statepostal"];
const DISTRICT_HEADERS: [&str; 8] =
    ["cd", "district", "congressionaldistrict", "districtnumber", "sldl", "sldu", "legislativedistrict", "districtid"];
const DIVISION_HEADERS: [&str; 6] =
    ["divisionid", "ocdid", "ocddivisionid", "ocddivision", "division", "ocdidentifier"];

/// Most problems listed one by one; the rest are counted in one last message.
const MAX_LISTED: usize = 200;

/// What the table says about itself: written into every shard.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildOptions {
    /// The period of the districts, e.g. `us-house-119` (checked: an identifier).
    pub period: Option<String>,
    pub attribution: Option<NamedLinkDoc>,
}

/// A built table: shard files (name, JSON), and what was wrong with the input.
#[derive(Debug, Default)]
pub struct Built {
    pub shards: Vec<(String, String)>,
    pub report: Report,
    /// Distinct ZIP codes and (ZIP, district) pairs in the table.
    pub zips: usize,
    pub pairs: usize,
}

/// Header text without case, spaces, `_` or `-`: "State_Abbr" → "stateabbr".
fn squash(header: &str) -> String {
    crate::text::lower(&header.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
}

fn find_column(table: &Table, names: &[&str]) -> Option<usize> {
    let squashed: Vec<String> = table.headers.iter().map(|h| squash(h)).collect();
    names.iter().find_map(|name| squashed.iter().position(|h| h == name)).or_else(|| {
        // Census-style "cd119", "cd116fp": a congress number after "cd".
        names.contains(&"cd").then(|| squashed.iter().position(|h| is_numbered_cd(h))).flatten()
    })
}

fn is_numbered_cd(header: &str) -> bool {
    header.strip_prefix("cd").is_some_and(|rest| {
        let digits = rest.trim_end_matches("fp");
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Builds the shards of a ZIP table from CSV bytes.
pub fn build(bytes: &[u8], options: &BuildOptions) -> Built {
    let mut built = Built::default();
    let report = &mut built.report;
    if let Some(period) = options.period.as_deref().filter(|p| !text::is_identifier(p)) {
        report.push(Diagnostic::error(
            Location::Input,
            format!("the period \"{period}\" is not an id like us-house-119 (lower-case letters, digits, - and _)"),
        ));
        return built;
    }
    let table = match read_table(bytes, None, report) {
        Ok(table) => table,
        Err(diagnostic) => {
            report.push(diagnostic);
            return built;
        }
    };
    let columns = (
        find_column(&table, &ZIP_HEADERS),
        find_column(&table, &STATE_HEADERS),
        find_column(&table, &DISTRICT_HEADERS),
    );
    let (Some(zip_col), Some(state_col), Some(district_col)) = columns else {
        let missing: Vec<&str> = [
            (columns.0, "the ZIP codes (a column named zcta or zip)"),
            (columns.1, "the states (a column named state or state_abbr, with USPS codes)"),
            (columns.2, "the districts (a column named cd or district)"),
        ]
        .iter()
        .filter(|(c, _)| c.is_none())
        .map(|(_, what)| *what)
        .collect();
        report.push(Diagnostic::error(
            Location::Csv { row: 1, column: None },
            format!("no column gives {} (columns: {})", missing.join(", nor "), table.headers.join(", ")),
        ));
        return built;
    };
    let division_col = find_column(&table, &DIVISION_HEADERS);
    let header = |c: usize| Some(table.headers[c].clone());

    let mut problems: Vec<Diagnostic> = Vec::new();
    // (zip, state, district) → (division id, first row)
    let mut rows: BTreeMap<(String, State, String), (Option<String>, u32)> = BTreeMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        let row_number = Table::row_number(i);
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |c: usize| Location::Csv { row: row_number, column: header(c) };
        let zip = row[zip_col].trim();
        if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
            let hint = if !zip.is_empty() && zip.len() < 5 && zip.bytes().all(|b| b.is_ascii_digit()) {
                " (a spreadsheet may have dropped its leading zeros: keep the column as text)"
            } else {
                ""
            };
            let shown = text::truncate(&clean(zip), 20);
            problems.push(Diagnostic::error(
                at(zip_col),
                format!("\"{shown}\" is not a five-digit ZIP code{hint}; row skipped"),
            ));
            continue;
        }
        let Some(state) = State::parse(&row[state_col]) else {
            let shown = text::truncate(&clean(&row[state_col]), 20);
            let message = if shown.is_empty() {
                "the state is blank; row skipped".to_string()
            } else {
                format!("\"{shown}\" is not a U.S. state or territory code (like VT, DC or PR); row skipped")
            };
            problems.push(Diagnostic::error(at(state_col), message));
            continue;
        };
        let district = clean(&row[district_col]);
        if district.is_empty() || district.chars().count() > MAX_DISTRICT_LEN {
            let why = if district.is_empty() { "the district is blank" } else { "the district is too long" };
            problems.push(Diagnostic::error(
                at(district_col),
                format!("{why} (1 to {MAX_DISTRICT_LEN} characters); row skipped"),
            ));
            continue;
        }
        let division = division_col.and_then(|c| {
            let id = row[c].trim();
            if id.is_empty() {
                return None;
            }
            if !is_division_id(id) {
                problems.push(Diagnostic::warning(
                    at(c),
                    format!(
                        "\"{}\" is not an Open Civic Data division id (like ocd-division/country:us/state:vt/cd:1); the row is kept without it",
                        text::truncate(&clean(id), 60)
                    ),
                ));
                return None;
            }
            Some(id.to_string())
        });
        match rows.entry((zip.to_string(), state, district)) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert((division, row_number));
            }
            std::collections::btree_map::Entry::Occupied(slot) => {
                let (first_division, first_row) = slot.get();
                let differs = division.is_some() && division != *first_division;
                problems.push(Diagnostic::warning(
                    Location::Csv { row: row_number, column: None },
                    if differs {
                        format!("repeats row {first_row} with another division id; the first one is kept")
                    } else {
                        format!("repeats row {first_row}; ignored")
                    },
                ));
            }
        }
    }
    let listed = problems.len().min(MAX_LISTED);
    let more = problems.split_off(listed);
    report.diagnostics.extend(problems);
    if !more.is_empty() {
        let errors = more.iter().filter(|d| d.is_error()).count();
        report.push(Diagnostic::warning(
            Location::Input,
            format!(
                "{} more problems not listed ({errors} of them rows skipped); fix the ones above and build again",
                more.len()
            ),
        ));
    }

    // Shards: prefix → district → ZIP suffixes.
    let mut shards: BTreeMap<String, BTreeMap<DistrictOf, String>> = BTreeMap::new();
    let mut zips: HashMap<&str, ()> = HashMap::new();
    for ((zip, state, district), (division, _)) in &rows {
        zips.insert(zip, ());
        let districts = shards.entry(zip[..3].to_string()).or_default();
        districts.entry((*state, DistrictKey(district.clone()), division.clone())).or_default().push_str(&zip[3..]);
    }
    built.zips = zips.len();
    built.pairs = rows.len();
    built.shards = shards
        .into_iter()
        .map(|(prefix, districts)| {
            let doc = ShardDoc {
                zip_table: ZIP_TABLE_VERSION,
                period: options.period.clone(),
                attribution: options.attribution.clone(),
                districts: districts
                    .into_iter()
                    .map(|((state, district, division_id), zips)| DistrictDoc {
                        state: state.code().to_string(),
                        district: district.0,
                        division_id,
                        zips,
                    })
                    .collect(),
                prefix: prefix.clone(),
            };
            let mut json = serde_json::to_string(&doc).unwrap_or_default();
            json.push('\n');
            (shard_file_name(&prefix), json)
        })
        .collect();
    built.report.loaded = built.pairs;
    built.report.skipped = built.report.error_count();
    built
}

/// A district of a shard: state, name, division id.
type DistrictOf = (State, DistrictKey, Option<String>);

/// Districts in natural order: "2" before "10", then text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DistrictKey(String);

impl DistrictKey {
    fn number(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

impl Ord for DistrictKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.number(), other.number()) {
            (Some(a), Some(b)) => a.cmp(&b).then_with(|| self.0.cmp(&other.0)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => self.0.cmp(&other.0),
        }
    }
}

impl PartialOrd for DistrictKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{lookup, Shard, Zip, ZipAnswer};
    use super::*;

    fn options() -> BuildOptions {
        BuildOptions {
            period: Some("us-house-119".into()),
            attribution: Some(NamedLinkDoc { text: "Data: test".into(), url: Some("https://example.org/".into()) }),
        }
    }

    #[test]
    fn zccd_rows_become_shards_by_prefix() {
        let csv = "state_fips,state_abbr,zcta,cd\n50,VT,05401,0\n33,NH,03031,2\n33,NH,03031,1\n50,VT,05402,0\n";
        let built = build(csv.as_bytes(), &options());
        assert!(built.report.diagnostics.is_empty(), "{:?}", built.report.diagnostics);
        assert_eq!((built.zips, built.pairs), (3, 4));
        let names: Vec<&str> = built.shards.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["030.json", "054.json"]);
        assert_eq!(
            built.shards[1].1,
            "{\"zip_table\":1,\"period\":\"us-house-119\",\"attribution\":{\"text\":\"Data: test\",\"url\":\"https://example.org/\"},\"prefix\":\"054\",\"districts\":[{\"state\":\"VT\",\"district\":\"0\",\"zips\":\"0102\"}]}\n"
        );
        let shard = Shard::parse(built.shards[0].1.as_bytes()).unwrap();
        let ZipAnswer::Districts(found) = lookup(Some(&shard), &Zip::parse("03031").unwrap()) else { panic!() };
        assert_eq!(found.iter().map(|d| d.district.as_str()).collect::<Vec<_>>(), ["1", "2"], "natural order");
    }

    #[test]
    fn an_organizers_table_with_other_headers_and_division_ids() {
        let csv = "ZIP Code;State;Legislative District;OCD ID\n55401;Minnesota;59B;ocd-division/country:us/state:mn/sldl:59b\n55401;MN;60A;\n";
        let built = build(csv.as_bytes(), &BuildOptions { period: Some("mn-house-2022".into()), attribution: None });
        assert!(built.report.diagnostics.is_empty(), "{:?}", built.report.diagnostics);
        let shard = Shard::parse(built.shards[0].1.as_bytes()).unwrap();
        assert_eq!(shard.districts[0].division_id.as_deref(), Some("ocd-division/country:us/state:mn/sldl:59b"));
        assert_eq!(shard.districts[1].division_id, None);
        assert_eq!(shard.period.as_deref(), Some("mn-house-2022"));
    }

    #[test]
    fn bad_rows_are_reported_by_row_and_column_and_the_good_ones_kept() {
        let csv = "state_abbr,zcta,cd,division_id\nVT,05401,0,\nVT,5401,0,\nXX,05402,1,\nVT,abcde,0,\nVT,05403,,\nVT,05404,0,Vermont\nVT,05401,0,\n";
        let built = build(csv.as_bytes(), &options());
        let messages: Vec<String> = built.report.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "error: row 3, column \"zcta\": \"5401\" is not a five-digit ZIP code (a spreadsheet may have dropped its leading zeros: keep the column as text); row skipped",
                "error: row 4, column \"state_abbr\": \"XX\" is not a U.S. state or territory code (like VT, DC or PR); row skipped",
                "error: row 5, column \"zcta\": \"abcde\" is not a five-digit ZIP code; row skipped",
                "error: row 6, column \"cd\": the district is blank (1 to 64 characters); row skipped",
                "warning: row 7, column \"division_id\": \"Vermont\" is not an Open Civic Data division id (like ocd-division/country:us/state:vt/cd:1); the row is kept without it",
                "warning: row 8: repeats row 2; ignored",
            ]
        );
        assert_eq!((built.zips, built.pairs), (2, 2));
    }

    #[test]
    fn missing_columns_and_bad_periods_stop_the_build() {
        let built = build(b"zip,state\n05401,VT\n", &options());
        assert!(built.shards.is_empty());
        assert!(built.report.diagnostics[0].to_string().contains("no column gives the districts"));
        let built =
            build(b"zcta,state,cd\n05401,VT,0\n", &BuildOptions { period: Some("US 119".into()), attribution: None });
        assert!(built.report.diagnostics[0].message.contains("not an id like us-house-119"));
        let built = build(b"zcta,state,cd119\n05401,VT,0\n", &BuildOptions::default());
        assert_eq!(built.shards.len(), 1, "cd119 is a district column");
    }
}
