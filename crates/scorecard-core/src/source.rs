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

/// Whether bytes look like a JSON feed (first non-space character `{` or `[`) rather than a
/// spreadsheet: how every entry point tells feeds and CSV apart.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    matches!(bytes.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{') | Some(b'['))
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
}
