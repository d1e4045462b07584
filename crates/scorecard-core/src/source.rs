//! Untrusted bytes to text. Feeds must be UTF-8: anything else gets a message that says what
//! the file is and how to fix it, with the position of the first bad byte ([`decode`]).
//! Spreadsheets are read as organizers really save them ([`decode_sheet`]): UTF-8, or
//! Windows-1252 when the bytes say so unambiguously (Excel's "CSV (Comma delimited)"), or the
//! encoding the organizer chose; bytes that are not text in it become U+FFFD, each recorded so
//! the reader can say in which cell.

use std::borrow::Cow;

use crate::diagnostics::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeProblem {
    pub message: String,
    /// 1-based line and column of the problem, when it has one.
    pub position: Option<(u32, u32)>,
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decodes UTF-8, dropping a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeProblem> {
    refuse_utf16(bytes)?;
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    refuse_blank(bytes)?;
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

fn refuse_utf16(bytes: &[u8]) -> Result<(), DecodeProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(bytes) {
        return Err(DecodeProblem {
            message: "the file is encoded as UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\"; in editors: \"UTF-8\")"
                .into(),
            position: None,
        });
    }
    Ok(())
}

fn refuse_blank(bytes: &[u8]) -> Result<(), DecodeProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeProblem { message: "the file is empty".into(), position: None });
    }
    Ok(())
}

/// A text encoding a spreadsheet may be saved in. (Feeds are always UTF-8.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    #[default]
    Utf8,
    /// What Excel on Windows saves as "CSV (Comma delimited)" in the Americas and Western
    /// Europe: Latin-1 plus curly quotes, dashes, € and a few letters (Š, Ž, Œ) in 0x80–0x9F.
    Windows1252,
    /// ISO-8859-1: each byte is the code point of the same number (0x80–0x9F are controls).
    Latin1,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Windows1252, Encoding::Latin1];

    /// Its name in `--encoding` and the organizer's menu.
    pub fn key(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Latin1 => "latin1",
        }
    }

    /// How people call it.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Latin1 => "Latin-1 (ISO-8859-1)",
        }
    }

    /// The encoding a name means: the keys and their usual other spellings, in any case.
    pub fn from_name(name: &str) -> Option<Encoding> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        match name.as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1252" | "cp1252" | "win-1252" | "1252" => Some(Encoding::Windows1252),
            "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" => Some(Encoding::Latin1),
            _ => None,
        }
    }
}

/// A spreadsheet's text, and how it was had from the bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetText<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
    /// Whether the encoding is a guess that the file is not UTF-8 (nobody chose it, and no
    /// byte-order mark said UTF-8): the reader says so, so the organizer can check the names.
    pub guessed: bool,
    /// Each run of bytes that was not UTF-8, replaced by one U+FFFD, in the order of the text.
    pub replaced: Vec<Replaced>,
}

/// Bytes that were not text, and which U+FFFD of the decoded text stands for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// 0 for the text's first U+FFFD, counting any the file itself held.
    pub nth: usize,
    pub bytes: Vec<u8>,
}

/// Decodes a spreadsheet in the `chosen` encoding, or else in the one the bytes show:
///
/// - a UTF-8 byte-order mark, or bytes that are all valid UTF-8: UTF-8;
/// - bytes outside ASCII of which none form a UTF-8 character, and none of the five Windows-1252
///   leaves undefined: Windows-1252, `guessed` (Latin-1 reads such bytes the same, except
///   0x80–0x9F, which in Latin-1 are control characters no spreadsheet holds);
/// - anything else (UTF-8 with a few broken cells, the case of a real sheet of several hundred
///   candidates with two names mangled): UTF-8, every invalid run replaced by U+FFFD.
///
/// UTF-16 and blank files are refused as by [`decode`].
pub fn decode_sheet(bytes: &[u8], chosen: Option<Encoding>) -> Result<SheetText<'_>, DecodeProblem> {
    refuse_utf16(bytes)?;
    let (bom, bytes) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    refuse_blank(bytes)?;
    let valid = std::str::from_utf8(bytes);
    let (encoding, guessed) = match (chosen, &valid) {
        (Some(chosen), _) => (chosen, false),
        (None, Ok(_)) => (Encoding::Utf8, false),
        (None, Err(_)) if !bom && looks_like_windows_1252(bytes) => (Encoding::Windows1252, true),
        (None, Err(_)) => (Encoding::Utf8, false),
    };
    let sheet = |text, replaced| SheetText { text, encoding, guessed, replaced };
    Ok(match (encoding, valid) {
        (Encoding::Utf8, Ok(text)) => sheet(Cow::Borrowed(text), Vec::new()),
        (Encoding::Utf8, Err(_)) => {
            let (text, replaced) = utf8_lossy(bytes);
            sheet(Cow::Owned(text), replaced)
        }
        (Encoding::Windows1252, _) => sheet(Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()), Vec::new()),
        (Encoding::Latin1, _) => sheet(Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()), Vec::new()),
    })
}

/// Not UTF-8 anywhere: no byte outside ASCII is part of a UTF-8 character, and no byte is one
/// Windows-1252 leaves undefined (a file with those is in some other encoding).
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    !bytes.iter().any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
        && bytes.utf8_chunks().all(|chunk| chunk.valid().is_ascii())
}

/// UTF-8 with each invalid run replaced by U+FFFD (as `String::from_utf8_lossy` does), noting
/// which U+FFFD stands for which bytes.
fn utf8_lossy(bytes: &[u8]) -> (String, Vec<Replaced>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced = Vec::new();
    let mut nth = 0;
    for chunk in bytes.utf8_chunks() {
        nth += chunk.valid().matches('\u{FFFD}').count();
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            replaced.push(Replaced { nth, bytes: chunk.invalid().to_vec() });
            text.push('\u{FFFD}');
            nth += 1;
        }
    }
    (text, replaced)
}

/// One byte of Windows-1252: a table of the 32 bytes where it differs from Latin-1, tested byte
/// for byte against encoding_rs rather than using it. Measured on the organizer's release wasm
/// (after wasm-bindgen, gzip -9; 2026-11-30): encoding_rs 0.8.44 for this one decode added
/// 164.6 KB raw and 128.5 KB gzipped (420.1 → 548.6 KB: its `Encoding` dispatch brings every
/// encoding's tables); this table adds 0.3 KB raw, 0.2 KB gzipped.
fn windows_1252(byte: u8) -> char {
    /// 0x80–0x9F. The five bytes Windows-1252 leaves undefined are the control characters of
    /// the same number, as browsers' (WHATWG) decoder reads them; `text::clean` drops them.
    #[rustfmt::skip]
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
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
    fn a_sheet_in_utf8_is_borrowed_and_windows_1252_is_guessed_only_when_nothing_is_utf8() {
        let utf8 = decode_sheet("name\nJosé Peña".as_bytes(), None).unwrap();
        assert!(matches!(utf8.text, Cow::Borrowed("name\nJosé Peña")));
        assert_eq!((utf8.encoding, utf8.guessed, utf8.replaced.len()), (Encoding::Utf8, false, 0));

        // Excel's "CSV (Comma delimited)": é, ñ and curly quotes as single bytes.
        let excel = decode_sheet(b"name\nJos\xE9 Pe\xF1a \x93Pepe\x94", None).unwrap();
        assert_eq!(excel.text, "name\nJosé Peña “Pepe”");
        assert_eq!((excel.encoding, excel.guessed), (Encoding::Windows1252, true));

        // Mostly UTF-8 (ë) with one broken name: UTF-8, the bad byte replaced and noted. A U+FFFD
        // the file itself holds is counted, so the note points at the right one.
        let bytes = ["Zoë,\u{FFFD}\nJos".as_bytes(), b"\xE9\xE8 Serrano,\xC3"].concat();
        let mixed = decode_sheet(&bytes, None).unwrap();
        assert_eq!((mixed.encoding, mixed.guessed), (Encoding::Utf8, false));
        assert_eq!(mixed.text, "Zoë,\u{FFFD}\nJos\u{FFFD}\u{FFFD} Serrano,\u{FFFD}");
        let replaced: Vec<(usize, &[u8])> = mixed.replaced.iter().map(|r| (r.nth, &r.bytes[..])).collect();
        assert_eq!(replaced, [(1, &b"\xE9"[..]), (2, b"\xE8"), (3, b"\xC3")]);

        // A byte Windows-1252 leaves undefined: some other encoding, so no guess.
        let other = decode_sheet(b"Jos\xE9 \x81", None).unwrap();
        assert_eq!((other.encoding, other.replaced.len()), (Encoding::Utf8, 2));
        // A byte-order mark says UTF-8 whatever follows.
        let bom = decode_sheet(b"\xEF\xBB\xBFJos\xE9", None).unwrap();
        assert_eq!((bom.text.as_ref(), bom.encoding, bom.guessed), ("Jos\u{FFFD}", Encoding::Utf8, false));
    }

    #[test]
    fn a_chosen_encoding_is_used_as_chosen() {
        let latin1 = decode_sheet(b"Jos\xE9 \x93", Some(Encoding::Latin1)).unwrap();
        assert_eq!((latin1.text.as_ref(), latin1.guessed), ("José \u{93}", false));
        let cp1252 = decode_sheet("José".as_bytes(), Some(Encoding::Windows1252)).unwrap();
        assert_eq!((cp1252.text.as_ref(), cp1252.guessed), ("JosÃ©", false));
        let utf8 = decode_sheet(b"Jos\xE9", Some(Encoding::Utf8)).unwrap();
        assert_eq!((utf8.text.as_ref(), utf8.replaced.len()), ("Jos\u{FFFD}", 1));
        for chosen in [None, Some(Encoding::Windows1252)] {
            assert!(decode_sheet(b"\xFF\xFEn\x00a\x00", chosen).unwrap_err().message.contains("UTF-16"));
            assert_eq!(decode_sheet(b"\xEF\xBB\xBF \r\n", chosen).unwrap_err().message, "the file is empty");
        }
        for encoding in Encoding::ALL {
            assert_eq!(Encoding::from_name(encoding.key()), Some(encoding));
        }
        assert_eq!(Encoding::from_name(" CP1252 "), Some(Encoding::Windows1252));
        assert_eq!(Encoding::from_name("ISO_8859-1"), Some(Encoding::Latin1));
        assert_eq!(Encoding::from_name("UTF8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_name("macroman"), None);
    }

    #[test]
    fn the_windows_1252_table_is_the_whatwg_decoders() {
        for byte in 0..=255u8 {
            let bytes = [byte];
            let (reference, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            assert_eq!(windows_1252(byte).to_string(), reference, "byte 0x{byte:02X}");
        }
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
