//! CSV downloads: the filtered view and the shortlist, for spreadsheets.
//!
//! Text from a feed may start with `=`, `+`, `-` or `@`, which spreadsheet programs run as a
//! formula when the file is opened (CSV injection). Such cells get a leading apostrophe, which
//! spreadsheets show as plain text.

use crate::feed::Feed;
use crate::filter::FilterResult;
use crate::shortlist::Shortlist;

/// One row per matching official, in the result's order, for the result's question.
pub fn results_csv(feed: &Feed, result: &FilterResult) -> String {
    let question = &feed.questions[result.question];
    let mut rows = vec![vec![
        "name".to_string(),
        "state".into(),
        "position".into(),
        "district".into(),
        "city".into(),
        "party".into(),
        format!("stance: {}", question.label),
        "detail".into(),
        "date".into(),
        "source".into(),
        "id".into(),
    ]];
    for &i in &result.matches {
        let o = &feed.officials[i as usize];
        let record = o.stances.get(result.question).and_then(Option::as_ref);
        rows.push(vec![
            o.name.clone(),
            o.state.code().to_string(),
            feed.position_label(o).unwrap_or_default().to_string(),
            o.district.clone().unwrap_or_default(),
            o.city.clone().unwrap_or_default(),
            feed.party_label(o).unwrap_or_default().to_string(),
            record.map_or_else(|| "Not rated".to_string(), |r| question.stances[r.stance as usize].label.clone()),
            record.and_then(|r| r.detail.clone()).unwrap_or_default(),
            record.and_then(|r| r.effective_date()).map(|d| d.to_string()).unwrap_or_default(),
            record
                .and_then(|r| r.evidence.iter().find_map(|e| e.url.as_ref()))
                .map(|u| u.to_string())
                .unwrap_or_default(),
            o.id.clone(),
        ]);
    }
    write(rows)
}

/// The shortlist in its order, with amounts and the private "given" mark.
pub fn shortlist_csv(feed: &Feed, shortlist: &Shortlist) -> String {
    let mut rows = vec![vec![
        "name".to_string(),
        "state".into(),
        "position".into(),
        "amount".into(),
        "given".into(),
        "donate link".into(),
        "in this feed".into(),
        "id".into(),
    ]];
    for entry in shortlist.entries() {
        let official = feed.official(&entry.id);
        rows.push(vec![
            entry.name.clone(),
            official.map(|o| o.state.code().to_string()).unwrap_or_default(),
            official.and_then(|o| feed.position_label(o)).unwrap_or_default().to_string(),
            entry.amount.plain(),
            if entry.given { "yes" } else { "no" }.to_string(),
            official.and_then(|o| o.donate_url.as_ref()).map(|u| u.to_string()).unwrap_or_default(),
            if official.is_some() { "yes" } else { "no longer in this feed" }.to_string(),
            entry.id.clone(),
        ]);
    }
    rows.push(vec!["Total".into(), String::new(), String::new(), shortlist.total().plain()]);
    write(rows)
}

/// The rows as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or
/// a line break, quotes doubled; a row of one empty field quoted). Written here rather than with the `csv` crate's writer, which
/// brought 16 KB of number parsing into the wasm.
fn write(rows: Vec<Vec<String>>) -> String {
    // A byte-order mark makes Excel read the file as UTF-8 (names with accents stay intact).
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = defuse(cell);
            // A row of one empty field is `""`: an empty line would be no row at all.
            let alone_and_empty = row.len() == 1 && cell.is_empty();
            if alone_and_empty || cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads CSV text back with the `csv` crate (an independent reader).
    fn read_back(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{FEFF}').expect("a byte-order mark");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        reader.records().map(|r| r.expect("well-formed CSV").iter().map(str::to_string).collect()).collect()
    }

    #[test]
    fn fields_with_commas_quotes_and_line_breaks_come_back_as_written() {
        let rows = vec![
            vec!["name".to_string(), "note".into()],
            vec!["Ann, Jr.".into(), "said \"yes\"\r\nthen left".into()],
            vec!["Bo".into(), String::new(), "a third field".into()],
        ];
        let text = write(rows.clone());
        assert!(
            text.ends_with("\r\n") && text.contains("\"Ann, Jr.\",\"said \"\"yes\"\"\r\nthen left\"\r\n"),
            "{text}"
        );
        assert_eq!(read_back(&text), rows);
    }

    proptest::proptest! {
        #[test]
        fn any_rows_come_back_as_written(rows in proptest::collection::vec(proptest::collection::vec("[a-z,\"\r\n =@é]{0,6}", 1..4), 1..6)) {
            let expected: Vec<Vec<String>> = rows.iter().map(|row| row.iter().map(|cell| defuse(cell)).collect()).collect();
            proptest::prop_assert_eq!(read_back(&write(rows)), expected);
        }
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("Ann"), "Ann");
        assert_eq!(defuse(""), "");
    }
}
