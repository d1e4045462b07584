//! Reading a spreadsheet's bytes into a [`Table`] of text cells: the delimiter guessed, ragged
//! rows padded or cut and reported.

use crate::diagnostics::{Diagnostic, Location, Report};
use crate::text::clean;

/// A spreadsheet as text cells. Row `i` of `rows` is spreadsheet row `i + 2` (row 1 is the header).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Header texts, trimmed.
    pub headers: Vec<String>,
    /// Cells, each row padded or cut to the header's width.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Index of the column whose header matches `name`, ignoring case and extra spaces.
    pub fn column(&self, name: &str) -> Option<usize> {
        let wanted = normalize_header(name);
        self.headers.iter().position(|h| normalize_header(h) == wanted)
    }

    /// Spreadsheet row number of data row `i`.
    pub fn row_number(i: usize) -> u32 {
        i as u32 + 2
    }
}

/// Header text compared loosely: lower case, single spaces, trimmed.
pub(crate) fn normalize_header(header: &str) -> String {
    crate::text::lower(&header.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Reads CSV bytes into a [`Table`]. Problems that lose data (ragged rows) are reported in
/// `report`; an unreadable file is an error.
pub fn read_table(bytes: &[u8], report: &mut Report) -> Result<Table, Diagnostic> {
    let text = crate::source::decode(bytes).map_err(|p| Diagnostic::error(Location::Input, p.message))?;
    let delimiter = guess_delimiter(text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(record)) => record.iter().map(clean).collect(),
        Some(Err(err)) => return Err(csv_error(&err, 1)),
        None => return Err(Diagnostic::error(Location::Input, "the file is empty")),
    };
    if headers.iter().all(String::is_empty) {
        return Err(Diagnostic::error(
            Location::Csv { row: 1, column: None },
            "the first row must hold the column names, but it is blank",
        ));
    }
    let width = headers.len();
    let mut rows = Vec::new();
    let (mut short, mut long) = (Vec::new(), Vec::new());
    for (i, record) in records.enumerate() {
        let row_number = Table::row_number(i);
        let record = record.map_err(|err| csv_error(&err, row_number))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            rows.push(vec![String::new(); width]); // keep numbering; blank rows are skipped later
            continue;
        }
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.len() < width {
            short.push(row_number);
            cells.resize(width, String::new());
        } else if cells.len() > width {
            if cells[width..].iter().any(|c| !c.trim().is_empty()) {
                long.push(row_number);
            }
            cells.truncate(width);
        }
        rows.push(cells);
    }
    if let Some(first) = short.first() {
        report.push(Diagnostic::warning(
            Location::Csv { row: *first, column: None },
            format!("fewer cells than the header's {width}{}; the missing cells were read as blank", also_rows(&short)),
        ));
    }
    if let Some(first) = long.first() {
        report.push(Diagnostic::warning(
            Location::Csv { row: *first, column: None },
            format!("more cells than the header's {width}{}; the extra cells were ignored", also_rows(&long)),
        ));
    }
    Ok(Table { headers, rows })
}

/// " (also rows 7, 9 and 3 more)" for the rows after the first, or "".
fn also_rows(rows: &[u32]) -> String {
    if rows.len() < 2 {
        return String::new();
    }
    let shown: Vec<String> = rows[1..].iter().take(5).map(u32::to_string).collect();
    let more = if rows.len() > 6 { format!(" and {} more", rows.len() - 6) } else { String::new() };
    format!(" (also {} {}{more})", if rows.len() == 2 { "row" } else { "rows" }, shown.join(", "))
}

fn csv_error(err: &csv::Error, row: u32) -> Diagnostic {
    let row = err.position().map_or(row, |p| p.record() as u32 + 1);
    Diagnostic::error(Location::Csv { row, column: None }, format!("this row could not be read: {err}"))
}

/// Comma unless the header line clearly uses semicolons (European Excel) or tabs.
fn guess_delimiter(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or("");
    let count = |c: char| first_line.matches(c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}
