//! Untrusted bytes to text. Feeds and spreadsheets must be UTF-8; anything else gets a message
//! that says what the file is and how to fix it, with the position of the first bad byte.

use crate::diagnostics::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeProblem {
    pub message: String,
    /// 1-based line and column of the problem, when it has one.
    pub position: Option<(u32, u32)>,
}

/// Decodes UTF-8, dropping a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(bytes) {
        return Err(DecodeProblem {
            message: "the file is encoded as UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\"; in editors: \"UTF-8\")"
                .into(),
            position: None,
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeProblem { message: "the file is empty".into(), position: None });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = err.valid_up_to();
            // The prefix up to `valid` is UTF-8 by definition.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
            let (line, column) = LineIndex::new(prefix).line_column(valid);
            Err(DecodeProblem {
                message: format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} at line {line}, column {column}); it may be Windows-1252 or Latin-1: save it as UTF-8",
                    bytes[valid]
                ),
                position: Some((line, column)),
            })
        }
    }
}

/// What a feed's bytes are: a JSON feed (or the index of a sharded feed), or a spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// What the bytes' surroundings say they are: the address they came from and the
/// `Content-Type` the server sent. Either may be missing (a file, pasted text, a saved copy).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatHints<'a> {
    pub url: Option<&'a str>,
    pub content_type: Option<&'a str>,
}

impl FormatHints<'_> {
    /// Whether the address ends in `.csv` (before any `?` or `#`) or the content type names CSV.
    fn say_csv(&self) -> bool {
        let path = self.url.and_then(|url| url.split(['?', '#']).next()).map_or(&b""[..], str::as_bytes);
        let csv_name = path.len() >= 4 && path[path.len() - 4..].eq_ignore_ascii_case(b".csv");
        csv_name || self.content_type.is_some_and(|t| t.to_ascii_lowercase().contains("csv"))
    }
}

/// JSON or CSV: the one rule every entry point (the widget's fetch and its saved copy, the
/// organizer page, the command-line tool) uses to tell feeds and spreadsheets apart.
///
/// **The bytes decide** whenever they have any text: the first character other than white
/// space (after a UTF-8 byte-order mark) is `{` or `[` → JSON, anything else → CSV. A feed is
/// a JSON object and no spreadsheet's header row starts with a brace or bracket. `<` is a web
/// page (a server's error page, a link to a page about the feed) and goes to the JSON reader,
/// which says so in those words rather than reading the page as a spreadsheet. This never
/// needs the hints, and the same bytes get the same answer online, offline (the saved copy has
/// no address or content type) and from a file: a `.csv` address serving JSON is read as JSON.
/// Only blank bytes (empty, or white space alone) cannot say; then the hints choose, CSV
/// if the address ends in `.csv` or the content type names CSV, else JSON. Either reader
/// reports such bytes as "the file is empty", so the hints never change whether bytes load.
pub fn detect_format(bytes: &[u8], hints: FormatHints<'_>) -> Format {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[' | b'<') => Format::Json,
        Some(_) => Format::Csv,
        None if hints.say_csv() => Format::Csv,
        None => Format::Json,
    }
}

/// UTF-16 without a byte-order mark: many NUL bytes in alternate positions.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64)];
    sample.len() >= 4 && sample.iter().filter(|b| **b == 0).count() * 3 >= sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_strips_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}"), Ok("{}"));
        assert_eq!(decode("é".as_bytes()), Ok("é"));
    }

    #[test]
    fn refuses_utf16_empty_and_latin1_with_positions() {
        assert!(decode(b"\xFF\xFE{\x00}\x00").unwrap_err().message.contains("UTF-16"));
        assert!(decode(b"{\x00\"\x00a\x00\"\x00").unwrap_err().message.contains("UTF-16"));
        assert_eq!(decode(b"  \n").unwrap_err().message, "the file is empty");
        let err = decode(b"name\nJos\xE9").unwrap_err();
        assert_eq!(err.position, Some((2, 4)));
        assert!(err.message.contains("0xE9"), "{}", err.message);
    }

    #[test]
    fn the_bytes_decide_json_or_csv_whatever_the_hints_say() {
        let csv_hints =
            FormatHints { url: Some("https://example.org/sheet.CSV?v=2#x"), content_type: Some("text/csv") };
        let json_hints =
            FormatHints { url: Some("https://example.org/feed.json"), content_type: Some("application/json") };
        for hints in [FormatHints::default(), csv_hints, json_hints] {
            assert_eq!(detect_format(b"{\"format_version\":1}", hints), Format::Json);
            assert_eq!(detect_format(b"\xEF\xBB\xBF \r\n [1]", hints), Format::Json);
            assert_eq!(detect_format(b"name,state\nAnn,VT\n", hints), Format::Csv);
            assert_eq!(detect_format(b"\xEF\xBB\xBFname;state", hints), Format::Csv);
            // A web page: the JSON reader names it as one.
            assert_eq!(detect_format(b"\n<!doctype html><title>Moved</title>", hints), Format::Json);
            // Not text at all: the CSV reader says what is wrong (UTF-16, not UTF-8).
            assert_eq!(detect_format(b"\xFF\xFE{\x00", hints), Format::Csv);
        }
    }

    #[test]
    fn hints_choose_only_for_blank_bytes() {
        let csv_name = FormatHints { url: Some("feeds/sheet.csv"), content_type: None };
        let csv_type = FormatHints { url: Some("feeds/sheet"), content_type: Some("text/CSV; charset=utf-8") };
        for blank in [&b""[..], b" \n\t", b"\xEF\xBB\xBF"] {
            assert_eq!(detect_format(blank, FormatHints::default()), Format::Json);
            assert_eq!(detect_format(blank, csv_name), Format::Csv);
            assert_eq!(detect_format(blank, csv_type), Format::Csv);
            assert_eq!(detect_format(blank, FormatHints { url: Some("x.csv.json"), content_type: None }), Format::Json);
        }
        assert_eq!(detect_format(b"", FormatHints { url: Some("\u{e9}.csv"), content_type: None }), Format::Csv);
        assert_eq!(detect_format(b"", FormatHints { url: Some("\u{e9}"), content_type: None }), Format::Json);
    }
}
