//! Reading a spreadsheet's bytes into a [`Table`] of text cells: the text decoded (the encoding
//! chosen or guessed, bytes that are not text located by cell), the delimiter guessed, ragged
//! rows padded or cut and reported.

use crate::diagnostics::{Diagnostic, Location, Report};
use crate::source::{decode_sheet, Encoding, Replaced};
use crate::text::{clean, truncate};

/// A spreadsheet as text cells. Row `i` of `rows` is spreadsheet row `i + 2` (row 1 is the header).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Header texts, trimmed.
    pub headers: Vec<String>,
    /// Cells, each row padded or cut to the header's width.
    pub rows: Vec<Vec<String>>,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
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

/// Reads CSV bytes into a [`Table`], in the `encoding` given or else the one the bytes show
/// ([`decode_sheet`]). Problems that lose data (ragged rows, bytes that are not text) are
/// reported in `report`, and a guessed encoding is named; an unreadable file is an error.
pub fn read_table(bytes: &[u8], encoding: Option<Encoding>, report: &mut Report) -> Result<Table, Diagnostic> {
    let sheet = decode_sheet(bytes, encoding).map_err(|p| Diagnostic::error(Location::Input, p.message))?;
    let first_problem = report.diagnostics.len();
    let text: &str = &sheet.text;
    let delimiter = guess_delimiter(text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut damage = Damage::new(&sheet.replaced);
    let mut first_non_ascii = None;
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
    for (column, header) in headers.iter().enumerate() {
        damage.check(header, 1, Some(header), report);
        if first_non_ascii.is_none() && !header.is_ascii() {
            first_non_ascii = Some((1, column, header.clone()));
        }
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
        for (column, cell) in cells.iter().enumerate() {
            // Cells past the header's width are ignored (and reported below), so only counted.
            damage.check(cell, row_number, headers.get(column), report);
            if first_non_ascii.is_none() && !cell.is_ascii() && column < width {
                first_non_ascii = Some((row_number, column, cell.clone()));
            }
        }
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
    if sheet.guessed {
        report.diagnostics.insert(first_problem, guessed_encoding(sheet.encoding, first_non_ascii, &headers));
    }
    Ok(Table { headers, rows, encoding: sheet.encoding })
}

/// The note that the file was not UTF-8 and what it was read as, with the first cell that
/// shows the difference, so the organizer can see at once whether the guess was right.
fn guessed_encoding(encoding: Encoding, example: Option<(u32, usize, String)>, headers: &[String]) -> Diagnostic {
    let example = example.map_or(String::new(), |(row, column, cell)| {
        let cell = truncate(&clean(&cell), 40);
        match headers.get(column).filter(|_| row > 1) {
            Some(header) => format!(": row {row}, column \"{header}\" reads \"{cell}\""),
            None => format!(": the header row reads \"{cell}\""),
        }
    });
    let excel = if encoding == Encoding::Windows1252 { " (what Excel saves as \"CSV (Comma delimited)\")" } else { "" };
    Diagnostic::warning(
        Location::Input,
        format!(
            "the file is not UTF-8, so it was read as {}{excel}{example}; if accented letters look wrong, choose the file's encoding",
            encoding.label()
        ),
    )
}

/// Finds the cells that hold the U+FFFDs standing for bytes that were not text: the text's
/// U+FFFDs are counted cell by cell, in order, so each replaced run lands in its cell even
/// inside quotes or a cell with line breaks.
struct Damage<'a> {
    replaced: &'a [Replaced],
    /// U+FFFDs seen so far.
    seen: usize,
}

impl<'a> Damage<'a> {
    fn new(replaced: &'a [Replaced]) -> Self {
        Damage { replaced, seen: 0 }
    }

    /// Warns (once per cell) when `cell` holds replaced bytes; `column` is its header, if any.
    fn check(&mut self, cell: &str, row: u32, column: Option<&String>, report: &mut Report) {
        if self.replaced.is_empty() {
            return;
        }
        self.seen += cell.matches('\u{FFFD}').count();
        let here = self.replaced.partition_point(|r| r.nth < self.seen);
        let (mine, rest) = self.replaced.split_at(here);
        self.replaced = rest;
        if mine.is_empty() || column.is_none() {
            return;
        }
        let bytes: Vec<String> = mine.iter().flat_map(|r| &r.bytes).map(|b| format!("0x{b:02X}")).collect();
        let listed = match bytes.len() {
            1 => format!("byte {} is", bytes[0]),
            n if n <= 8 => format!("bytes {} are", bytes.join(" ")),
            n => format!("bytes {} … ({n} in all) are", bytes[..8].join(" ")),
        };
        report.damaged_cells += 1;
        report.push(Diagnostic::warning(
            Location::Csv { row, column: column.cloned() },
            format!(
                "{listed} not UTF-8 and became \"\u{FFFD}\": \"{}\"; retype the cell, or choose the file's encoding if it is not UTF-8",
                truncate(&clean(cell), 40)
            ),
        ));
    }
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
