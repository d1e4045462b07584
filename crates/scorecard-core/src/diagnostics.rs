//! Problems found in input: how bad, where, and what to do about them.
//!
//! Organizers fix their spreadsheets and JSON from these messages, so every diagnostic names a
//! place they can find (a JSON line:column and path, or a CSV row and column) and says in plain
//! words what is wrong.

use std::cell::OnceCell;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was skipped or could not be read.
    Error,
    /// Something was repaired or dropped, and the rest of its record kept.
    Warning,
}

/// Where a problem is, in terms the author of the input recognises.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// The input as a whole (wrong encoding, empty file, ...).
    Input,
    /// A place in a JSON document. `line` and `column` are 1-based; `path` is like
    /// `officials[12].state` and may be empty for syntax errors.
    Json { path: String, line: u32, column: u32 },
    /// A place in a CSV file. `row` is 1-based as a spreadsheet shows it (the header is row 1);
    /// `column` is the header text when the problem is in one cell.
    Csv { row: u32, column: Option<String> },
    /// A record of another kind of input (a roster's YAML), by its path: `[12] Maria Cantwell, terms[-1].url`.
    Record { path: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, location, message: message.into() }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, location, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Input => f.write_str("input"),
            Location::Json { path, line, column } if path.is_empty() => {
                write!(f, "line {line}, column {column}")
            }
            Location::Json { path, line, column } => {
                write!(f, "{path} (line {line}, column {column})")
            }
            Location::Csv { row, column: Some(column) } => {
                write!(f, "row {row}, column \"{column}\"")
            }
            Location::Csv { row, column: None } => write!(f, "row {row}"),
            Location::Record { path } => f.write_str(path),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.location, self.message)
    }
}

/// Everything learned while loading one input: its diagnostics and how many records made it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Officials loaded.
    pub loaded: usize,
    /// Officials skipped because of an error in their record.
    pub skipped: usize,
    /// Spreadsheet cells with bytes that were not text, kept with U+FFFD in their place (each
    /// has its warning). The rest of the sheet loads, but the text is not what was written.
    pub damaged_cells: usize,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Whether a run that must be exact (`scorecard-feed --strict`) fails: an error, or text
    /// that had to be replaced because its bytes could not be read.
    pub fn fails_strict(&self) -> bool {
        self.has_errors() || self.damaged_cells > 0
    }

    /// One line for people: "1,015 loaded, 8 skipped, 2 warnings".
    pub fn summary(&self) -> String {
        let warnings = self.warning_count();
        format!(
            "{} loaded, {} skipped, {} {}",
            group_thousands(self.loaded as u64),
            group_thousands(self.skipped as u64),
            group_thousands(warnings as u64),
            if warnings == 1 { "warning" } else { "warnings" }
        )
    }
}

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Maps byte offsets in a text to 1-based line and column (columns count characters).
///
/// The lines are found when the first offset is asked about: most feeds load without a message
/// to locate, and finding every newline of a 20 MB feed took 2% of its load in the browser.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex { text, line_starts: OnceCell::new() }
    }

    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let line_starts = self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        });
        let offset = offset.min(self.text.len());
        let line = line_starts.partition_point(|&start| start <= offset) - 1;
        let start = line_starts[line];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_naturally() {
        let mut report = Report { loaded: 1015, skipped: 8, ..Report::default() };
        report.push(Diagnostic::warning(Location::Input, "x"));
        assert_eq!(report.summary(), "1,015 loaded, 8 skipped, 1 warning");
        report.push(Diagnostic::error(Location::Input, "y"));
        assert_eq!(report.error_count(), 1);
        assert_eq!(report.warning_count(), 1);
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn line_columns_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\nçd\n");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(5), (2, 2)); // after the two-byte ç
        assert_eq!(index.line_column(999), (3, 1));
    }

    #[test]
    fn locations_display() {
        let json = Location::Json { path: "officials[12].state".into(), line: 40, column: 7 };
        assert_eq!(json.to_string(), "officials[12].state (line 40, column 7)");
        let csv = Location::Csv { row: 14, column: Some("State".into()) };
        assert_eq!(csv.to_string(), "row 14, column \"State\"");
    }
}
