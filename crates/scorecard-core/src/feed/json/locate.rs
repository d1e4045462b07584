//! Where and why a JSON record failed: serde_json's errors in plain words, at a line, column
//! and field path, and the locator that turns a [`FeedPath`] into a place in the text.

use std::cell::OnceCell;

use serde_json::value::RawValue;

use crate::diagnostics::{LineIndex, Location};
use crate::feed::validate::{FeedPath, Locate};

use super::{offset_in, ListedEnvelope};

/// The path (like `stances.q.evidence[0].url`) to the innermost value of a JSON record whose
/// text holds byte `offset`, where serde_json stopped on an error; empty for the record itself.
///
/// The record was already split out by serde_json, so it is well-formed JSON; should anything
/// be unexpected, the path found so far is returned. (A crate that tracks the path while
/// deserializing, serde_path_to_error, cost 39 KB of wasm for this one message.)
pub(super) fn field_path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut path = String::new();
    let mut at = skip_whitespace(bytes, 0);
    // `at` is the start of a value whose text holds `offset`: look for a member that does too.
    'value: loop {
        let (open, close) = match bytes.get(at) {
            Some(b'{') => (b'{', b'}'),
            Some(b'[') => (b'[', b']'),
            _ => break, // text, a number, true, false or null: nothing inside
        };
        for index in 0.. {
            // serde_json stops on the last byte it read: the value's last byte, or (when the value
            // is of the wrong kind) the `[`, `,` or `:` before it, or whitespace after that. So a
            // member's bytes run from there to the end of its value.
            let mut member_start = at;
            at = skip_whitespace(bytes, at + 1);
            if bytes.get(at) == Some(&close) {
                break 'value;
            }
            let mut key = None;
            if open == b'{' {
                let Some(key_end) = value_end(bytes, at) else { break 'value };
                key = Some(serde_json::from_str::<String>(&text[at..key_end]).unwrap_or_default());
                at = skip_whitespace(bytes, key_end);
                if bytes.get(at) != Some(&b':') {
                    break 'value;
                }
                member_start = at;
                at = skip_whitespace(bytes, at + 1);
            }
            let Some(end) = value_end(bytes, at) else { break 'value };
            if (member_start..end).contains(&offset) {
                match key {
                    Some(key) => {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&key);
                    }
                    None => path.push_str(&format!("[{index}]")),
                }
                continue 'value;
            }
            at = skip_whitespace(bytes, end);
            if bytes.get(at) != Some(&b',') {
                break 'value;
            }
        }
    }
    path
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Where the JSON value starting at `at` ends (exclusive), or `None` if the text ends first.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match *bytes.get(i)? {
            b'"' => {
                i += 1;
                loop {
                    match *bytes.get(i)? {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return Some(i),
            _ => {}
        }
        i += 1;
        if depth == 0 && matches!(bytes.get(at), Some(b'"' | b'{' | b'[')) {
            return Some(i);
        }
    }
}

/// Byte offset of a 1-based line and column (serde_json counts columns in bytes).
pub(super) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start =
        if line == 1 { 0 } else { text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1) };
    // serde_json's column points at the offending byte, or just past it; stay inside the text.
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub(super) fn error_location(err: &serde_json::Error, path: &str) -> Location {
    Location::Json { path: path.to_string(), line: err.line().max(1) as u32, column: err.column().max(1) as u32 }
}

/// serde_json's error message in plain words, with a hint for the usual mistakes.
pub(super) fn explain(err: &serde_json::Error, text: &str) -> String {
    let full = err.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let offset = byte_offset(text, err.line(), err.column());
    let here = text[offset..].chars().next().or_else(|| text[..offset].chars().next_back());
    if let Some(rest) = message.strip_prefix("EOF while parsing ") {
        return format!("the file ends in the middle of {rest}; is it cut off?");
    }
    let plain = match message {
        "trailing comma" => "there is a comma after the last item; remove it".to_string(),
        "trailing characters" => "there is more text after the end of the JSON".to_string(),
        "key must be a string" => match here {
            Some('/') | Some('#') => "comments are not allowed in JSON".to_string(),
            Some('\'') => "keys must be in double quotes, not single quotes".to_string(),
            _ => "expected a key in double quotes (is there a comma after the last field?)".to_string(),
        },
        "expected value" | "expected ident" => match here {
            Some('/') | Some('#') => "comments are not allowed in JSON".to_string(),
            Some('\'') => "text must be in double quotes, not single quotes".to_string(),
            // A value was expected but the list or object ended: a comma after its last item.
            Some(']') | Some('}') => "there is a comma after the last item; remove it".to_string(),
            Some('N') | Some('I') | Some('-') => "expected a value; NaN and Infinity are not valid in JSON".to_string(),
            _ => {
                "expected a value: text in double quotes, a number, true, false, null, an object or a list".to_string()
            }
        },
        "expected `:`" => "expected a colon (:) after the key".to_string(),
        "expected `,` or `]`" => "expected a comma or ] here (is a comma missing between items?)".to_string(),
        "expected `,` or `}`" => "expected a comma or } here (is a comma missing between fields?)".to_string(),
        "recursion limit exceeded" => "the JSON is nested too deeply".to_string(),
        "invalid escape" => "invalid escape sequence (backslash) in text".to_string(),
        "number out of range" => "the number is too large".to_string(),
        m if m.starts_with("control character") => {
            "text contains a raw line break or control character; write line breaks as \\n".to_string()
        }
        m if m.starts_with("invalid type: ") => explain_type(&m["invalid type: ".len()..]),
        m if m.starts_with("missing field `") => {
            format!("the required field \"{}\" is missing", m["missing field `".len()..].trim_end_matches('`'))
        }
        m if m.starts_with("duplicate field `") => {
            format!("the field \"{}\" appears twice", m["duplicate field `".len()..].trim_end_matches('`'))
        }
        m if m.starts_with("unknown variant `") => {
            let rest = &m["unknown variant `".len()..];
            match rest.split_once("`, expected one of ") {
                Some((value, allowed)) => {
                    format!("\"{value}\" is not allowed here; use one of: {}", allowed.replace('`', ""))
                }
                None => m.to_string(),
            }
        }
        m => m.to_string(),
    };
    plain
}

/// "integer `5`, expected a string" → "expected text but found the number 5".
fn explain_type(detail: &str) -> String {
    let Some((found, expected)) = detail.split_once(", expected ") else {
        return format!("wrong type: {detail}");
    };
    let found = if let Some(v) = found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point ")) {
        format!("the number {}", v.trim_matches('`'))
    } else if let Some(v) = found.strip_prefix("string ") {
        format!("the text {}", crate::text::truncate(v, 40))
    } else if let Some(v) = found.strip_prefix("boolean ") {
        v.trim_matches('`').to_string()
    } else {
        match found {
            "map" => "an object { … }".to_string(),
            "sequence" => "a list [ … ]".to_string(),
            "null" => "null".to_string(),
            other => other.to_string(),
        }
    };
    let expected = match expected {
        "a string" | "a borrowed string" | "a string or a number" => "text",
        "a sequence" => "a list [ … ]",
        "u32" | "i32" | "u64" | "i64" => "a whole number",
        e if e.starts_with("struct ") || e == "a map" => "an object { … }",
        e => e,
    };
    format!("expected {expected} but found {found}")
}

/// Locations in the JSON text for validator paths.
pub(super) struct JsonLocator<'a> {
    pub(super) text: &'a str,
    pub(super) lines: &'a LineIndex<'a>,
    pub(super) meta: Option<&'a RawValue>,
    pub(super) questions_at: Option<usize>,
    pub(super) version_at: Option<usize>,
    /// (index in the input, raw record) for each question that was read, in doc order.
    pub(super) questions: Vec<(usize, &'a RawValue)>,
    /// The same for officials: set as they are read one by one, or, when the fast path read
    /// them all at once, found on first use by splitting `officials_list` (the feed's text).
    pub(super) officials: OnceCell<Vec<(usize, &'a RawValue)>>,
    pub(super) officials_list: Option<&'a str>,
}

impl<'a> JsonLocator<'a> {
    /// A locator that knows only the text, until the reader tells it where the parts are.
    pub(super) fn new(text: &'a str, lines: &'a LineIndex<'a>) -> Self {
        JsonLocator {
            text,
            lines,
            meta: None,
            questions_at: None,
            version_at: None,
            questions: Vec::new(),
            officials: OnceCell::new(),
            officials_list: None,
        }
    }

    fn officials(&self) -> &[(usize, &'a RawValue)] {
        self.officials.get_or_init(|| {
            let listed = self.officials_list.and_then(|text| serde_json::from_str::<ListedEnvelope>(text).ok());
            listed.and_then(|l| l.officials).unwrap_or_default().into_iter().enumerate().collect()
        })
    }

    pub(super) fn at(&self, offset: usize, path: &str) -> Location {
        let (line, column) = self.lines.line_column(offset);
        Location::Json { path: path.to_string(), line, column }
    }

    fn in_record(&self, record: &RawValue, field: &str, path: String) -> Location {
        let start = offset_in(self.text, record);
        let key = field.split(['.', '[']).next().unwrap_or("");
        let offset = find_key(record.get(), key).map_or(start, |k| start + k);
        self.at(offset, &path)
    }
}

impl Locate for JsonLocator<'_> {
    fn locate(&self, path: &FeedPath<'_>) -> Location {
        match path {
            FeedPath::Root(field) => match (field.strip_prefix("meta."), self.meta) {
                (Some(meta_field), Some(meta)) => self.in_record(meta, meta_field, field.to_string()),
                _ if *field == "questions" => self.at(self.questions_at.unwrap_or(0), field),
                _ if *field == "format_version" => self.at(self.version_at.unwrap_or(0), field),
                _ => self.at(0, field),
            },
            FeedPath::Question { index, field } => match self.questions.get(*index) {
                Some((original, raw)) => self.in_record(raw, field, join(&format!("questions[{original}]"), field)),
                None => self.at(0, &join(&format!("questions[{index}]"), field)),
            },
            FeedPath::Official { index, field } => match self.officials().get(*index) {
                Some((original, raw)) => self.in_record(raw, field, join(&format!("officials[{original}]"), field)),
                None => self.at(0, &join(&format!("officials[{index}]"), field)),
            },
        }
    }
}

fn join(base: &str, field: &str) -> String {
    if field.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{field}")
    }
}

/// Byte offset of `"key"` among the top-level keys of a JSON object's text, if present.
fn find_key(object: &str, key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    let bytes = object.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                let content = object.get(start + 1..i.min(bytes.len())).unwrap_or("");
                if depth == 1 && content == key {
                    let after = object.get(i + 1..).unwrap_or("").trim_start();
                    if after.starts_with(':') {
                        return Some(start);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_path_is_the_innermost_value_at_the_error() {
        let record = r#"{"id": "a", "stances": {"q": {"evidence": [{"url": 5}, {"url": [1]}]}}, "a\"b": true}"#;
        let at = |needle: &str| record.find(needle).expect("in the record");
        assert_eq!(field_path_at(record, at("5")), "stances.q.evidence[0].url");
        assert_eq!(field_path_at(record, at("1]")), "stances.q.evidence[1].url[0]");
        // serde_json may stop before a value of the wrong kind.
        assert_eq!(field_path_at(record, at(" [1]")), "stances.q.evidence[1].url");
        assert_eq!(field_path_at(record, at(": [1]")), "stances.q.evidence[1].url");
        assert_eq!(field_path_at(record, at("{\"url\": [1]")), "stances.q.evidence[1]");
        assert_eq!(field_path_at(record, at("true")), "a\"b");
        assert_eq!(field_path_at(record, at("\"id\"")), "");
        assert_eq!(field_path_at(record, record.len() - 1), "");
        // Never panics, whatever the text or offset.
        for cut in 0..record.len() {
            for offset in [0, cut, record.len() + 5] {
                let _ = field_path_at(&record[..cut], offset);
            }
        }
    }

    #[test]
    fn finds_top_level_keys_only() {
        let text = r#"{"a": {"state": 1}, "state": "XX", "s": "state"}"#;
        assert_eq!(find_key(text, "state"), Some(20));
        assert_eq!(find_key(text, "missing"), None);
        // Never runs past the end, even of a text cut inside a key or after a backslash.
        let escaped = r#"{"a\"": 1, "b": 2}"#;
        assert_eq!(find_key(escaped, "b"), Some(11));
        for cut in 0..escaped.len() {
            let _ = find_key(&escaped[..cut], "b");
        }
    }

    #[test]
    fn wrong_types_are_named_in_plain_words() {
        assert_eq!(explain_type("integer `5`, expected a string"), "expected text but found the number 5");
        assert_eq!(
            explain_type("sequence, expected struct OfficialDoc"),
            "expected an object { … } but found a list [ … ]"
        );
        assert_eq!(explain_type("boolean `true`, expected a map"), "expected an object { … } but found true");
        // Whatever serde expected that has no plainer words is said as it is.
        assert_eq!(explain_type("map, expected a boolean"), "expected a boolean but found an object { … }");
        assert_eq!(explain_type("null, expected u32"), "expected a whole number but found null");
        assert_eq!(explain_type("something odd"), "wrong type: something odd");
    }

    #[test]
    fn byte_offsets() {
        assert_eq!(byte_offset("ab\ncd", 2, 2), 4);
        assert_eq!(byte_offset("ab", 1, 99), 2);
        assert_eq!(byte_offset("", 0, 0), 0);
        // A column inside a two-byte character steps back to where the character starts.
        assert_eq!(byte_offset("aé", 1, 3), 1);
        assert_eq!(byte_offset("x\n\u{e9}\u{e9}", 2, 2), 2);
    }
}
