//! Spreadsheet import: real-world CSV quirks, auto-detection, explicit mappings, located problems.

use std::collections::BTreeSet;

use scorecard_core::csv_import::{
    detect, load_csv, load_csv_as, read_table, ColumnRule, ColumnSpec, CsvMapping, QuestionMapping,
};
use scorecard_core::diagnostics::{Location, Report};
use scorecard_core::feed::doc::{MetaDoc, StanceDoc};
use scorecard_core::filter::{run, FilterSpec, StanceChoice};
use scorecard_core::source::Encoding;
use scorecard_core::states::State;

const SAMPLE: &str = "Name ,State,District,Office,Party,Sanders Endorsed?,Source\r\n\
\"Sanders, Bernie\",VT,,Senator,Independent,Yes,https://example.org/bernie\r\n\
Peter Welch,VT,0,Representative,Democratic,Yes,\r\n\
Joe Smith,NY,12,Representative,Democratic,No,\r\n\
Ann Blank,ny,3,Representative,Democratic,,\r\n";

fn stance_of(loaded: &scorecard_core::feed::Loaded, id: &str) -> Option<String> {
    let feed = loaded.feed.as_ref()?;
    let official = feed.official(id)?;
    let record = official.stances[0].as_ref()?;
    Some(feed.questions[0].stances[record.stance as usize].id.clone())
}

#[test]
fn reads_bom_crlf_quoted_commas_and_header_spaces() {
    let bytes = [&[0xEF, 0xBB, 0xBF][..], SAMPLE.as_bytes()].concat();
    let mut report = Report::default();
    let table = read_table(&bytes, None, &mut report).unwrap();
    assert_eq!(table.headers[0], "Name");
    assert_eq!(table.rows[0][0], "Sanders, Bernie");
    assert_eq!(table.column("name"), Some(0));
    assert_eq!(table.column("  sanders   endorsed? "), Some(5));
    assert!(report.diagnostics.is_empty());
}

#[test]
fn auto_detection_maps_common_headers_and_yes_no_questions() {
    let imported = load_csv(SAMPLE.as_bytes(), None);
    let feed = imported.loaded.feed.as_ref().expect("feed");
    assert_eq!(feed.officials.len(), 4, "{:?}", imported.loaded.report.diagnostics);
    assert_eq!(feed.questions.len(), 1);
    assert_eq!(feed.questions[0].label, "Sanders");
    assert_eq!(stance_of(&imported.loaded, "sanders-bernie-vt").as_deref(), Some("yes"));
    assert_eq!(stance_of(&imported.loaded, "joe-smith-ny").as_deref(), Some("no"));
    assert_eq!(stance_of(&imported.loaded, "ann-blank-ny").as_deref(), Some("no-answer"));
    let bernie = feed.official("sanders-bernie-vt").unwrap();
    assert_eq!(
        bernie.stances[0].as_ref().unwrap().evidence[0].url.as_ref().unwrap().as_str(),
        "https://example.org/bernie"
    );
    assert_eq!(feed.position_label(bernie), Some("Senator"));
    assert!(imported.notes.iter().any(|n| n.contains("\"Name\" gives the names")), "{:?}", imported.notes);
}

#[test]
fn ragged_rows_are_padded_and_reported() {
    let text = "name,state,endorsed\nA One,VT,yes\nB Two,VT\nC Three,NY,no,extra\n";
    let imported = load_csv(text.as_bytes(), None);
    assert_eq!(imported.loaded.feed.as_ref().unwrap().officials.len(), 3);
    let messages: Vec<String> = imported.loaded.report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        messages.contains(
            &"warning: row 3: fewer cells than the header's 3; the missing cells were read as blank".to_string()
        ),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"warning: row 4: more cells than the header's 3; the extra cells were ignored".to_string()),
        "{messages:?}"
    );
    let many_short = "name,state,endorsed\nA,VT\nB,VT\nC,VT\n";
    let imported = load_csv(many_short.as_bytes(), None);
    assert_eq!(
        imported.loaded.report.diagnostics[0].to_string(),
        "warning: row 2: fewer cells than the header's 3 (also rows 3, 4); the missing cells were read as blank"
    );
}

fn messages(loaded: &scorecard_core::feed::Loaded) -> Vec<String> {
    loaded.report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn excel_windows_1252_is_read_as_such_and_said() {
    let bytes = b"name,state,endorsed\nAnn Lee,VT,yes\nJos\xE9 Pe\xF1a,NY,yes\n";
    let imported = load_csv(bytes, None);
    let feed = imported.loaded.feed.as_ref().expect("feed");
    assert_eq!(feed.official("jose-pena-ny").map(|o| o.name.as_str()), Some("José Peña"));
    assert_eq!(
        messages(&imported.loaded),
        ["warning: input: the file is not UTF-8, so it was read as Windows-1252 (what Excel saves as \"CSV (Comma delimited)\"): row 3, column \"name\" reads \"José Peña\"; if accented letters look wrong, choose the file's encoding"]
    );
    assert!(!imported.loaded.report.fails_strict());
    // Chosen, it is not a guess, so there is nothing to say.
    let chosen = load_csv_as(bytes, None, Some(Encoding::Windows1252));
    assert!(chosen.loaded.report.diagnostics.is_empty(), "{:?}", chosen.loaded.report);
    // Read as UTF-8 on purpose: both bad bytes are located in their one cell.
    let utf8 = load_csv_as(bytes, None, Some(Encoding::Utf8));
    assert_eq!(
        messages(&utf8.loaded),
        ["warning: row 3, column \"name\": bytes 0xE9 0xF1 are not UTF-8 and became \"\u{FFFD}\": \"Jos\u{FFFD} Pe\u{FFFD}a\"; retype the cell, or choose the file's encoding if it is not UTF-8"]
    );
}

#[test]
fn a_broken_cell_in_a_utf8_sheet_costs_only_its_own_bytes() {
    // UTF-8 (Zoë, Muñoz) with two names whose bytes are broken, one inside quotes over two lines.
    let mut bytes = "name,state,endorsed\nZoë Ray,VT,yes\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\"Jos\xE9\nSerrano\",NY,yes\nAna Mu\xC3\xB1oz,CA,yes\nRa\xFAl Ruiz,TX,y\xE9s,\xFF\n");
    let imported = load_csv(&bytes, None);
    let loaded = &imported.loaded;
    assert_eq!(loaded.feed.as_ref().map(|f| f.officials.len()), Some(4));
    assert_eq!(
        messages(loaded),
        [
            "warning: row 3, column \"name\": byte 0xE9 is not UTF-8 and became \"\u{FFFD}\": \"Jos\u{FFFD} Serrano\"; retype the cell, or choose the file's encoding if it is not UTF-8",
            "warning: row 5, column \"name\": byte 0xFA is not UTF-8 and became \"\u{FFFD}\": \"Ra\u{FFFD}l Ruiz\"; retype the cell, or choose the file's encoding if it is not UTF-8",
            "warning: row 5, column \"endorsed\": byte 0xE9 is not UTF-8 and became \"\u{FFFD}\": \"y\u{FFFD}s\"; retype the cell, or choose the file's encoding if it is not UTF-8",
            "warning: row 5: more cells than the header's 3; the extra cells were ignored",
        ],
    );
    assert_eq!(loaded.report.damaged_cells, 3);
    assert!(!loaded.report.has_errors() && loaded.report.fails_strict());
}

#[test]
fn utf16_and_empty_sheets_are_still_refused() {
    let imported = load_csv(b"\xFF\xFEn\x00a\x00m\x00e\x00", None);
    assert!(imported.loaded.feed.is_none());
    assert!(messages(&imported.loaded)[0].contains("UTF-16"));
    let imported = load_csv_as(b"\xEF\xBB\xBF\n", None, Some(Encoding::Latin1));
    assert_eq!(messages(&imported.loaded), ["error: input: the file is empty"]);
}

#[test]
fn semicolons_and_tabs_are_detected() {
    for sep in [";", "\t"] {
        let text = format!("name{sep}state{sep}endorsed\nA One{sep}VT{sep}yes\n");
        let imported = load_csv(text.as_bytes(), None);
        assert_eq!(imported.loaded.feed.map(|f| f.officials.len()), Some(1), "separator {sep:?}");
    }
}

#[test]
fn row_problems_are_located_by_row_and_column() {
    let text =
        "name,state,endorsed,source\nA One,XX,yes,\n,VT,yes,\nC Three,VT,yes,javascript:alert(1)\nD Four,VT,maybe,\n";
    let imported = load_csv(text.as_bytes(), None);
    let loaded = &imported.loaded;
    let messages: Vec<String> = loaded.report.diagnostics.iter().map(|d| d.to_string()).collect();
    let find = |needle: &str| {
        messages
            .iter()
            .find(|m| m.contains(needle))
            .cloned()
            .unwrap_or_else(|| panic!("{needle:?} not in {messages:#?}"))
    };
    assert!(find("\"XX\" is not a U.S. state").starts_with("error: row 2, column \"state\""));
    assert!(find("no name").starts_with("error: row 3, column \"name\""));
    assert!(find("javascript").starts_with("warning: row 4, column \"source\""));
    // "maybe" is neither yes nor no: the column is not a yes/no question, so nothing to rate;
    // with an explicit mapping it is reported instead (see below).
    assert_eq!(loaded.report.loaded, 2);
    assert_eq!(loaded.report.skipped, 2);
}

fn explicit_mapping() -> CsvMapping {
    let stance = |id: &str, label: &str| StanceDoc { id: id.into(), label: label.into(), ..StanceDoc::default() };
    CsvMapping {
        meta: MetaDoc { title: "Mapped".into(), ..MetaDoc::default() },
        columns: scorecard_core::csv_import::ColumnMapping {
            name: Some(ColumnSpec::Header("Who".into())),
            state: Some(ColumnSpec::Header("Where".into())),
            position: Some(ColumnSpec::Rule(ColumnRule {
                column: Some("Job".into()),
                capitalize: true,
                ..ColumnRule::default()
            })),
            district: Some(ColumnSpec::Rule(ColumnRule {
                column: Some("Seat".into()),
                after: Some("District ".into()),
                ..ColumnRule::default()
            })),
            party: Some(ColumnSpec::Rule(ColumnRule { value: Some("Democratic".into()), ..ColumnRule::default() })),
            ..Default::default()
        },
        id: Default::default(),
        questions: vec![QuestionMapping {
            id: "pick".into(),
            text: "Whom did they back?".into(),
            column: "Backed".into(),
            stances: vec![stance("ours", "Backed ours"), stance("other", "Backed another"), stance("none", "Nobody")],
            values: [("Our Candidate".to_string(), "ours".to_string())].into(),
            other: Some("other".into()),
            blank: Some("none".into()),
            date: Some("When".into()),
            ..QuestionMapping::default()
        }],
        translations: Vec::new(),
    }
}

#[test]
fn explicit_mapping_with_rules_other_and_dates() {
    let text = "Who,Where,Job,Seat,Backed,When\nA One,VT,senator,Senate Vermont,Our Candidate,2/19/19\nB Two,OH,representative,U.S. House Ohio District 12,Rival Person,2019-03-01\nC Three,OH,governor,,,\n";
    let imported = load_csv(text.as_bytes(), Some(&explicit_mapping()));
    let loaded = &imported.loaded;
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    let feed = loaded.feed.as_ref().unwrap();
    let b = feed.official("b-two-oh").unwrap();
    assert_eq!(b.district.as_deref(), Some("12"));
    assert_eq!(feed.position_label(b), Some("Representative"));
    assert_eq!(feed.party_label(b), Some("Democratic"));
    let record = b.stances[0].as_ref().unwrap();
    assert_eq!(record.detail.as_deref(), Some("Rival Person"));
    assert_eq!(record.date.unwrap().to_string(), "2019-03-01");
    assert_eq!(feed.official("a-one-vt").unwrap().stances[0].as_ref().unwrap().date.unwrap().to_string(), "2019-02-19");
    assert_eq!(feed.official("a-one-vt").unwrap().district, None);
    assert_eq!(stance_of(loaded, "c-three-oh").as_deref(), Some("none"));
}

#[test]
fn mapping_naming_a_missing_column_says_which_columns_exist() {
    let text = "Name,State\nA,VT\n";
    let imported = load_csv(text.as_bytes(), Some(&explicit_mapping()));
    let first = &imported.loaded.report.diagnostics[0];
    assert_eq!(first.location, Location::Csv { row: 1, column: Some("Who".into()) });
    assert!(first.message.contains("columns: Name, State"), "{}", first.message);
}

#[test]
fn unmapped_values_without_other_are_reported_once_per_value() {
    let mut mapping = explicit_mapping();
    mapping.questions[0].other = None;
    let text = "Who,Where,Job,Seat,Backed,When\nA,VT,x,,Maybe,\nB,VT,x,,Maybe,\n";
    let imported = load_csv(text.as_bytes(), Some(&mapping));
    let warnings: Vec<String> = imported.loaded.report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(warnings, ["warning: row 2, column \"Backed\": \"Maybe\" is not one of the values this column's question maps (2 rows); read as blank (stance \"none\")"]);
    mapping.questions[0].blank = None;
    let imported = load_csv(text.as_bytes(), Some(&mapping));
    assert!(imported.loaded.report.diagnostics[0].message.ends_with("left as not rated"));
}

#[test]
fn a_question_with_a_missing_column_does_not_shift_the_others() {
    let mut mapping = explicit_mapping();
    let mut first = mapping.questions[0].clone();
    first.id = "gone".into();
    first.column = "No Such Column".into();
    mapping.questions.insert(0, first);
    let text = "Who,Where,Job,Seat,Backed,When\nA One,VT,x,,Our Candidate,\n";
    let imported = load_csv(text.as_bytes(), Some(&mapping));
    let feed = imported.loaded.feed.as_ref().unwrap();
    assert_eq!(feed.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), ["pick"]);
    assert_eq!(stance_of(&imported.loaded, "a-one-vt").as_deref(), Some("ours"));
}

#[test]
fn identifier_problems_point_at_their_own_column() {
    let text = "name,state,fec id,bioguide,endorsed\nA One,VT,BAD,S000033,yes\nB Two,VT,S4VT00033,nope,yes\n";
    let imported = load_csv(text.as_bytes(), None);
    let messages: Vec<String> = imported.loaded.report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("warning: row 2, column \"fec id\": \"BAD\" is not a valid fec identifier")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("warning: row 3, column \"bioguide\": \"nope\" is not a valid bioguide identifier")),
        "{messages:?}"
    );
    let feed = imported.loaded.feed.unwrap();
    assert_eq!(feed.official("b-two-vt").unwrap().fec_id(), Some("S4VT00033"));
    assert_eq!(feed.official("a-one-vt").unwrap().identifier("bioguide"), Some("S000033"));
}

#[test]
fn several_ids_in_one_cell_are_each_kept_or_reported_at_their_column() {
    let text = "name,state,fec,bioguide,endorsed\nA One,NC,H6NC09200;BAD;H4NC08066,S000033 / nope,yes\n";
    let imported = load_csv(text.as_bytes(), None);
    assert_eq!(
        messages(&imported.loaded),
        [
            "warning: row 2, column \"fec\": \"BAD\" is not a valid fec identifier; ignored",
            "warning: row 2, column \"bioguide\": \"nope\" is not a valid bioguide identifier; ignored",
        ]
    );
    let feed = imported.loaded.feed.unwrap();
    let ids: Vec<(&str, &str)> = feed
        .official("a-one-nc")
        .unwrap()
        .identifiers
        .iter()
        .map(|i| (i.scheme.as_str(), i.identifier.as_str()))
        .collect();
    assert_eq!(ids, [("fec", "H6NC09200"), ("fec", "H4NC08066"), ("bioguide", "S000033")]);
}

/// The bundled spreadsheets, auto-detected without any mapping, give sensible questions.
#[test]
fn bundled_spreadsheets_auto_detect() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../feeds/source");
    let bytes = std::fs::read(root.join("dem_candidates_2018.csv")).unwrap();
    let mut report = Report::default();
    let table = read_table(&bytes, None, &mut report).unwrap();
    let detection = detect(&table);
    assert!(!detection.unsure, "{:?}", detection.notes);
    let labels: Vec<&str> = detection.mapping.questions.iter().filter_map(|q| q.label.as_deref()).collect();
    assert!(
        labels.contains(&"Sanders") && labels.contains(&"Our Revolution") && labels.contains(&"Warren"),
        "{labels:?}"
    );
    assert!(!labels.contains(&"Veteran"), "non-endorsement yes/no columns are left out: {labels:?}");

    let imported = load_csv(&bytes, None);
    let feed = imported.loaded.feed.unwrap();
    let spec = FilterSpec {
        question: Some("sanders".into()),
        stances: [StanceChoice::Stance("yes".into())].into(),
        ..FilterSpec::default()
    };
    assert_eq!(run(&feed, &spec).matches.len(), 9);

    let bytes = std::fs::read(root.join("endorsements_2020.csv")).unwrap();
    let imported = load_csv(&bytes, None);
    let feed = imported.loaded.feed.unwrap();
    let spec = FilterSpec {
        states: [State::parse("VT").unwrap()].into_iter().collect(),
        stances: [StanceChoice::Stance("bernie-sanders".into())].into(),
        ..FilterSpec::default()
    };
    let names: Vec<&str> =
        run(&feed, &spec).matches.iter().map(|i| feed.officials[*i as usize].name.as_str()).collect();
    assert!(
        names.contains(&"Peter Welch") && names.contains(&"Patrick J. Leahy") && names.contains(&"David Zuckerman"),
        "{names:?}"
    );
}

#[test]
fn made_up_ids_use_the_state_code_like_json_feeds() {
    let text = "name,state,endorsed\nCy Castro,Puerto Rico,yes\nDee Doe,vt,no\n";
    let feed = load_csv(text.as_bytes(), None).loaded.feed.unwrap();
    let ids: Vec<&str> = feed.officials.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["cy-castro-pr", "dee-doe-vt"]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// Whatever the cells hold (separators, quotes, line breaks, a U+FFFD of their own), each
    /// broken byte is warned about once, in its own row and column, and costs that cell only it.
    #[test]
    fn broken_bytes_are_located_in_their_own_cell(
        cells in proptest::collection::vec(("[a-zé\u{FFFD},;\n\" ]{0,6}", proptest::bool::ANY), 3..18),
    ) {
        let headers = ["name", "state", "note"];
        let mut bytes = b"name,state,note\n".to_vec();
        let mut broken = BTreeSet::new();
        for (i, (text, is_broken)) in cells.iter().enumerate() {
            let (row, column) = (i / 3 + 2, i % 3);
            bytes.push(b'"');
            bytes.extend_from_slice(text.replace('"', "\"\"").as_bytes());
            if *is_broken {
                bytes.push(0xFF);
                broken.insert((row as u32, headers[column].to_string()));
            }
            bytes.extend_from_slice(if column == 2 { b"\"\n" } else { b"\"," });
        }
        let mut report = Report::default();
        let table = read_table(&bytes, Some(Encoding::Utf8), &mut report).unwrap();
        let warned: BTreeSet<(u32, String)> = report
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("0xFF is not UTF-8"))
            .map(|d| match &d.location {
                Location::Csv { row, column: Some(column) } => (*row, column.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        proptest::prop_assert_eq!(&warned, &broken);
        proptest::prop_assert_eq!(report.damaged_cells, broken.len());
        for (i, (text, is_broken)) in cells.iter().enumerate() {
            let Some(row) = table.rows.get(i / 3) else { continue };
            let want = if *is_broken { format!("{text}\u{FFFD}") } else { text.clone() };
            // A row of blanks is kept blank; otherwise each cell is as written.
            if row.iter().any(|c| !c.trim().is_empty()) {
                proptest::prop_assert_eq!(&row[i % 3], &want);
            }
        }
    }
}
