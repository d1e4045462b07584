//! Reading a feed from JSON bytes, one record at a time when it has to.
//!
//! A feed whose officials are all well-formed (the usual case) is read in one pass, straight
//! into the wire types, their texts borrowed from the bytes. Otherwise the document is split into
//! its parts with borrowed [`RawValue`]s (a fast scan, no copies) and each official deserialized
//! on its own: one that does not fit the format is reported at its line:column and skipped; the
//! others load. Both ways give the same feed and messages (a property test checks it).

use std::cell::OnceCell;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::doc::{MetaDoc, OfficialDoc, QuestionDoc, FORMAT_VERSION};
use super::validate::{validate_records, FeedPath, Locate};
use super::Loaded;
use crate::diagnostics::{Diagnostic, LineIndex, Location, Report};
use crate::source;

/// Parses and validates a feed. Never panics, whatever the bytes.
pub fn load_json(bytes: &[u8]) -> Loaded {
    read::<true>(bytes).unwrap_or_else(|| Loaded { feed: None, report: Report::default() })
}

/// [`load_json`] for the usual feed only: `Some` (the same feed and report as `load_json`) when
/// the bytes are a feed whose officials, at least one, were all read in the one-pass fast path;
/// `None` for anything else (a feed with a bad record, broken JSON, not a feed, the index of a
/// sharded feed), which `load_json` or `shards::open` must read.
///
/// It is the same code without the careful path, so a program that calls only this leaves that
/// path out: the widget's main wasm module does, and reads everything else with a part loaded on
/// first use (src/lazy.rs in the widget).
pub fn load_json_fast(bytes: &[u8]) -> Option<Loaded> {
    read::<false>(bytes)
}

/// [`load_json`] (`CAREFUL`), or [`load_json_fast`]: `None` wherever the careful path would
/// be needed.
fn read<const CAREFUL: bool>(bytes: &[u8]) -> Option<Loaded> {
    let mut report = Report::default();
    let text = match source::decode(bytes) {
        Ok(text) => text,
        Err(_) if !CAREFUL => return None,
        Err(problem) => {
            let location = match problem.position {
                Some((line, column)) => Location::Json { path: String::new(), line, column },
                None => Location::Input,
            };
            report.push(Diagnostic::error(location, problem.message));
            return Some(Loaded { feed: None, report });
        }
    };
    let lines = LineIndex::new(text);
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with('{') {
        if !CAREFUL {
            return None;
        }
        let (line, column) = lines.line_column(start);
        // A link to a page about the feed, or a server's error page, instead of the feed itself.
        let message = if text[start..].starts_with('<') {
            "this is a web page (HTML), not a JSON feed: check that the address points at the feed file itself"
        } else {
            "the feed must be a JSON object like { \"format_version\": 1, \"meta\": …, \"questions\": […], \"officials\": […] }"
        };
        report.push(Diagnostic::error(Location::Json { path: String::new(), line, column }, message));
        return Some(Loaded { feed: None, report });
    }
    // Fast path, for a feed whose every official is well-formed: one scan reads the top level
    // and every official. Otherwise the officials' list is split into its items (still one scan)
    // and each is read on its own below, so one bad record is reported and skipped; failing
    // that (the list is not a list, or the JSON is broken), the careful path says where and why.
    let (envelope, officials) = match serde_json::from_str::<ParsedEnvelope>(text) {
        Ok(parsed) => {
            let Envelope { format_version, meta, questions, officials } = parsed;
            let officials = officials.map(Officials::Read);
            (Envelope { format_version, meta, questions, officials: None }, officials)
        }
        Err(_) if !CAREFUL => return None,
        Err(_) => match serde_json::from_str::<ListedEnvelope>(text) {
            Ok(listed) => {
                let Envelope { format_version, meta, questions, officials } = listed;
                // The list's own position is only needed to report that it is not a list.
                let officials = officials.map(Officials::Items);
                (Envelope { format_version, meta, questions, officials: None }, officials)
            }
            Err(_) => match serde_json::from_str::<Envelope>(text) {
                Ok(envelope) => (envelope, None),
                Err(err) => {
                    report.push(Diagnostic::error(error_location(&err, ""), explain(&err, text)));
                    return Some(Loaded { feed: None, report });
                }
            },
        },
    };
    let mut locator = JsonLocator {
        text,
        lines: &lines,
        meta: None,
        questions_at: None,
        version_at: None,
        questions: Vec::new(),
        officials: OnceCell::new(),
        officials_list: None,
    };

    locator.version_at = envelope.format_version.map(|raw| offset_in(text, raw));
    let format_version = match envelope.format_version {
        None => {
            report.push(Diagnostic::warning(
                Location::Json { path: "format_version".into(), line: 1, column: 1 },
                format!("the feed has no \"format_version\"; reading it as version {FORMAT_VERSION}"),
            ));
            FORMAT_VERSION
        }
        Some(raw) => match serde_json::from_str::<u32>(raw.get()) {
            Ok(v) => v,
            Err(_) => {
                let location = locator.at(offset_in(text, raw), "format_version");
                report.push(Diagnostic::error(
                    location,
                    format!("\"format_version\" must be the number {FORMAT_VERSION}"),
                ));
                return Some(Loaded { feed: None, report });
            }
        },
    };

    let meta = match envelope.meta {
        None => {
            report.push(Diagnostic::warning(
                Location::Json { path: "meta".into(), line: 1, column: 1 },
                "the feed has no \"meta\" (title, publisher, attribution)",
            ));
            MetaDoc::default()
        }
        Some(raw) => {
            locator.meta = Some(raw);
            parse_record::<MetaDoc>(raw, || "meta".into(), &locator, &mut report).unwrap_or_default()
        }
    };

    let mut questions = Vec::new();
    if let Some(raw) = envelope.questions {
        locator.questions_at = Some(offset_in(text, raw));
        for (index, item) in list(raw, "questions", &locator, &mut report).into_iter().enumerate() {
            if let Some(q) = parse_record::<QuestionDoc>(item, || format!("questions[{index}]"), &locator, &mut report)
            {
                questions.push(q);
                locator.questions.push((index, item));
            }
        }
    }

    let officials = match (officials, envelope.officials) {
        // An empty list may be a sharded feed's index.
        (Some(Officials::Read(officials)), _) if !CAREFUL && officials.len() == 0 => return None,
        (Some(Officials::Read(officials)), _) => {
            // Located only if the validator has something to say about one of them.
            locator.officials_list = Some(text);
            officials
        }
        _ if !CAREFUL => return None,
        (Some(Officials::Items(items)), _) => Chunked(vec![read_officials(items, &mut locator, &mut report)]),
        (None, Some(raw)) => {
            let items = list(raw, "officials", &locator, &mut report);
            Chunked(vec![read_officials(items, &mut locator, &mut report)])
        }
        (None, None) => {
            report.push(Diagnostic::error(
                Location::Json { path: "officials".into(), line: 1, column: 1 },
                "the feed has no \"officials\" list",
            ));
            Chunked(Vec::new())
        }
    };

    let count = officials.len();
    let feed = validate_records(format_version, meta, questions, officials, count, &locator, &mut report);
    Some(Loaded { feed, report })
}

/// Reads the officials one by one, reporting and skipping those that do not fit the format.
fn read_officials<'a>(
    items: Vec<&'a RawValue>,
    locator: &mut JsonLocator<'a>,
    report: &mut Report,
) -> Vec<OfficialDoc<'a>> {
    let mut officials = Vec::with_capacity(items.len());
    let mut located = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        match parse_record::<OfficialDoc>(item, || format!("officials[{index}]"), locator, report) {
            Some(o) => {
                officials.push(o);
                located.push((index, item));
            }
            None => report.skipped += 1,
        }
    }
    let _ = locator.officials.set(located);
    officials
}

/// The officials as the first scan left them.
enum Officials<'a> {
    /// All of them read (the fast path).
    Read(Chunked<OfficialDoc<'a>>),
    /// Split into items, each still to be read.
    Items(Vec<&'a RawValue>),
}

/// The top level, split without copying. Unknown top-level fields are ignored so later
/// minor versions can add some.
///
/// `Officials` is the list as one raw value, or (the fast path, for a well-formed list) already
/// split into its items.
#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'a, Officials: Deserialize<'de>"))]
struct Envelope<'a, Officials = &'a RawValue> {
    #[serde(borrow, default)]
    format_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    meta: Option<&'a RawValue>,
    #[serde(borrow, default)]
    questions: Option<&'a RawValue>,
    #[serde(default)]
    officials: Option<Officials>,
}

/// [`Envelope`] with the officials already split into items.
type ListedEnvelope<'a> = Envelope<'a, Vec<&'a RawValue>>;

/// [`Envelope`] with every official read.
type ParsedEnvelope<'a> = Envelope<'a, Chunked<OfficialDoc<'a>>>;

/// A long list, read in pieces of at most [`Chunked::PIECE`] items. Growing one `Vec` of 100k
/// officials (360 bytes each) by doubling copied it again and again, each time into memory the
/// page had not touched yet: in the browser that was a third of loading a 100k feed.
struct Chunked<T>(Vec<Vec<T>>);

impl<T> Chunked<T> {
    const PIECE: usize = 1024;

    fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }
}

impl<T> IntoIterator for Chunked<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().flatten()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Chunked<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pieces<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Pieces<T> {
            type Value = Chunked<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
                let mut pieces = Vec::new();
                let mut piece = Vec::with_capacity(Chunked::<T>::PIECE);
                while let Some(item) = seq.next_element()? {
                    if piece.len() == Chunked::<T>::PIECE {
                        pieces.push(std::mem::replace(&mut piece, Vec::with_capacity(Chunked::<T>::PIECE)));
                    }
                    piece.push(item);
                }
                pieces.push(piece);
                Ok(Chunked(pieces))
            }
        }
        deserializer.deserialize_seq(Pieces(std::marker::PhantomData))
    }
}

/// Byte offset of a borrowed raw value in the text it was read from.
pub(crate) fn offset_in(text: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

/// Splits a JSON list into its items, or reports that it is not a list.
fn list<'a>(raw: &'a RawValue, name: &str, locator: &JsonLocator<'a>, report: &mut Report) -> Vec<&'a RawValue> {
    match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
        Ok(items) => items,
        Err(_) => {
            report.push(Diagnostic::error(
                locator.at(offset_in(locator.text, raw), name),
                format!("\"{name}\" must be a list [ … ]"),
            ));
            Vec::new()
        }
    }
}

/// Deserializes one record; on failure reports where and why, naming the field.
fn parse_record<'a, T: Deserialize<'a>>(
    raw: &'a RawValue,
    path: impl FnOnce() -> String,
    locator: &JsonLocator<'_>,
    report: &mut Report,
) -> Option<T> {
    // The path is built only on a problem: every official passes through here.
    let suffix = |path: &str| {
        if path.starts_with("officials") {
            "; official skipped"
        } else if path.starts_with("questions") {
            "; question skipped"
        } else {
            ""
        }
    };
    // serde would read a struct from a list positionally; in a feed that is always a mistake.
    if !raw.get().starts_with('{') {
        let found = match raw.get().as_bytes().first() {
            Some(b'[') => "a list [ … ]",
            Some(b'"') => "text",
            Some(b'n') => "null",
            Some(b't') | Some(b'f') => "true or false",
            _ => "a number",
        };
        let path = path();
        let what = suffix(&path);
        report.push(Diagnostic::error(
            locator.at(offset_in(locator.text, raw), &path),
            format!("expected an object {{ … }} but found {found}{what}"),
        ));
        return None;
    }
    match serde_json::from_str::<T>(raw.get()) {
        Ok(value) => Some(value),
        Err(err) => {
            // serde_json positions are relative to the record; the field is the value there.
            let record_text = raw.get();
            let relative = byte_offset(record_text, err.line(), err.column());
            let field = field_path_at(record_text, relative);
            let path = path();
            let what = suffix(&path);
            let full_path = if field.is_empty() { path.clone() } else { format!("{path}.{field}") };
            let location = locator.at(offset_in(locator.text, raw) + relative, &full_path);
            report.push(Diagnostic::error(location, format!("{}{what}", explain(&err, record_text))));
            None
        }
    }
}

/// The path (like `stances.q.evidence[0].url`) to the innermost value of a JSON record whose
/// text holds byte `offset`, where serde_json stopped on an error; empty for the record itself.
///
/// The record was already split out by serde_json, so it is well-formed JSON; should anything
/// be unexpected, the path found so far is returned. (A crate that tracks the path while
/// deserializing, serde_path_to_error, cost 39 KB of wasm for this one message.)
fn field_path_at(text: &str, offset: usize) -> String {
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
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
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

fn error_location(err: &serde_json::Error, path: &str) -> Location {
    Location::Json { path: path.to_string(), line: err.line().max(1) as u32, column: err.column().max(1) as u32 }
}

/// serde_json's error message in plain words, with a hint for the usual mistakes.
fn explain(err: &serde_json::Error, text: &str) -> String {
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
            Some('N') | Some('I') | Some('-') if message == "expected value" || message == "expected ident" => {
                "expected a value; NaN and Infinity are not valid in JSON".to_string()
            }
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
struct JsonLocator<'a> {
    text: &'a str,
    lines: &'a LineIndex<'a>,
    meta: Option<&'a RawValue>,
    questions_at: Option<usize>,
    version_at: Option<usize>,
    /// (index in the input, raw record) for each question that was read, in doc order.
    questions: Vec<(usize, &'a RawValue)>,
    /// The same for officials: set as they are read one by one, or, when the fast path read
    /// them all at once, found on first use by splitting `officials_list` (the feed's text).
    officials: OnceCell<Vec<(usize, &'a RawValue)>>,
    officials_list: Option<&'a str>,
}

impl<'a> JsonLocator<'a> {
    fn officials(&self) -> &[(usize, &'a RawValue)] {
        self.officials.get_or_init(|| {
            let listed = self.officials_list.and_then(|text| serde_json::from_str::<ListedEnvelope>(text).ok());
            listed.and_then(|l| l.officials).unwrap_or_default().into_iter().enumerate().collect()
        })
    }

    fn at(&self, offset: usize, path: &str) -> Location {
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
    fn long_lists_are_read_in_pieces_in_order() {
        for n in [0, 1, 1023, 1024, 1025, 2500] {
            let text = format!("[{}]", (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(","));
            let list: Chunked<u32> = serde_json::from_str(&text).expect("a list of numbers");
            assert_eq!(list.len(), n);
            assert!(list.0.iter().all(|piece| piece.len() <= Chunked::<u32>::PIECE));
            assert_eq!(list.into_iter().collect::<Vec<_>>(), (0..n as u32).collect::<Vec<_>>());
        }
    }

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
    }

    #[test]
    fn byte_offsets() {
        assert_eq!(byte_offset("ab\ncd", 2, 2), 4);
        assert_eq!(byte_offset("ab", 1, 99), 2);
        assert_eq!(byte_offset("", 0, 0), 0);
    }
}
