//! Reading a feed from JSON bytes, one record at a time when it has to.
//!
//! A feed whose officials are all well-formed (the usual case) is read in one pass, straight
//! into the wire types, their texts borrowed from the bytes, and each official is checked as it
//! is read, so the wire records are never all held at once. Otherwise the document is split into
//! its parts with borrowed [`RawValue`]s (a fast scan, no copies) and each official deserialized
//! on its own: one that does not fit the format is reported at its line:column and skipped; the
//! others load. Both ways give the same feed and messages (a property test checks it).

mod locate;

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::doc::{FormatVersion, MetaDoc, OfficialDoc, QuestionDoc, FORMAT_VERSION};
use super::validate::{validate_records, FeedValidator};
use super::{Feed, Loaded};
use crate::diagnostics::{Diagnostic, LineIndex, Location, Report};
use crate::source;
use locate::{byte_offset, error_location, explain, field_path_at, JsonLocator};

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
    // and every official, checking each as it is read when the officials come last (as the
    // tools write feeds). Otherwise the officials' list is split into its items (still one scan)
    // and each is read on its own below, so one bad record is reported and skipped; failing
    // that (the list is not a list, or the JSON is broken), the careful path says where and why.
    let mut locator = JsonLocator::new(text, &lines);
    let (envelope, officials) = match one_pass(text, &lines) {
        // An empty list may be a sharded feed's index.
        Some((Found::Checked { read: 0, .. }, _)) if !CAREFUL => return None,
        Some((Found::Checked { feed, .. }, report)) => return Some(Loaded { feed, report }),
        Some((Found::Read(envelope, officials), _)) => (envelope, officials.map(Officials::Read)),
        None if !CAREFUL => return None,
        None => match serde_json::from_str::<ListedEnvelope>(text) {
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
    let top = (envelope.format_version, envelope.meta, envelope.questions);
    let Some((format_version, meta, questions)) = preamble(top, &mut locator, &mut report) else {
        return Some(Loaded { feed: None, report });
    };

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

/// The top level's raw version, meta and questions.
type Top<'a> = (Option<&'a RawValue>, Option<&'a RawValue>, Option<&'a RawValue>);

/// Reads the version, meta and questions from their raw values, telling the locator where each
/// is. `None` when the version is not a number (reported): nothing more can be read.
fn preamble<'a>(
    (version, meta, questions): Top<'a>,
    locator: &mut JsonLocator<'a>,
    report: &mut Report,
) -> Option<(FormatVersion, MetaDoc, Vec<QuestionDoc>)> {
    let text = locator.text;
    locator.version_at = version.map(|raw| offset_in(text, raw));
    let format_version = match version {
        None => {
            report.push(Diagnostic::warning(
                Location::Json { path: "format_version".into(), line: 1, column: 1 },
                format!("the feed has no \"format_version\"; reading it as version {FORMAT_VERSION}"),
            ));
            FORMAT_VERSION
        }
        Some(raw) => match serde_json::from_str::<FormatVersion>(raw.get()) {
            Ok(v) => v,
            Err(_) => {
                let location = locator.at(offset_in(text, raw), "format_version");
                report.push(Diagnostic::error(location, "\"format_version\" must be the number 1 or 1.1"));
                return None;
            }
        },
    };

    let meta = match meta {
        None => {
            report.push(Diagnostic::warning(
                Location::Json { path: "meta".into(), line: 1, column: 1 },
                "the feed has no \"meta\" (title, publisher, attribution)",
            ));
            MetaDoc::default()
        }
        Some(raw) => {
            locator.meta = Some(raw);
            parse_record::<MetaDoc>(raw, || "meta".into(), locator, report).unwrap_or_default()
        }
    };

    let mut docs = Vec::new();
    if let Some(raw) = questions {
        locator.questions_at = Some(offset_in(text, raw));
        for (index, item) in list(raw, "questions", locator, report).into_iter().enumerate() {
            if let Some(q) = parse_record::<QuestionDoc>(item, || format!("questions[{index}]"), locator, report) {
                docs.push(q);
                locator.questions.push((index, item));
            }
        }
    }
    Some((format_version, meta, docs))
}

/// What the one-pass scan found. (One is made per load: its size does not matter.)
#[allow(clippy::large_enum_variant)]
enum Found<'a> {
    /// The officials came after the version, meta and questions (as the tools write feeds):
    /// everything was checked as it was read. `read`: how many officials the list had.
    Checked { feed: Option<Feed>, read: usize },
    /// The top level, and every official read but not yet checked.
    Read(Envelope<'a>, Option<Chunked<OfficialDoc<'a>>>),
}

/// The fast path: one scan of the whole feed, with the report of what was checked on the way;
/// `None` if it is not well-formed throughout (a record that does not fit the format, broken
/// JSON), which the careful path then reads.
fn one_pass<'a>(text: &'a str, lines: &'a LineIndex<'a>) -> Option<(Found<'a>, Report)> {
    let mut report = Report::default();
    let mut locator = JsonLocator::new(text, lines);
    let mut de = serde_json::Deserializer::from_str(text);
    let found = TopLevel { locator: &mut locator, report: &mut report }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some((found, report))
}

/// The top level's keys (any others are ignored, so later minor versions can add some).
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    FormatVersion,
    Meta,
    Questions,
    Officials,
    #[serde(other)]
    Other,
}

/// Reads the top level in one scan; checks the officials as they are read when everything
/// they are checked against came before them.
struct TopLevel<'s, 'a> {
    locator: &'s mut JsonLocator<'a>,
    report: &'s mut Report,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for TopLevel<'_, 'a> {
    type Value = Found<'a>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found<'a>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for TopLevel<'_, 'a> {
    type Value = Found<'a>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a feed")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Found<'a>, M::Error> {
        let (mut version, mut meta, mut questions) = (None, None, None);
        let mut officials = None;
        let mut checked = None;
        let once = |seen: bool, name: &'static str| if seen { Err(M::Error::duplicate_field(name)) } else { Ok(()) };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::FormatVersion => {
                    once(version.is_some(), "format_version")?;
                    version = Some(map.next_value::<Option<&'a RawValue>>()?);
                }
                Key::Meta => {
                    once(meta.is_some(), "meta")?;
                    meta = Some(map.next_value::<Option<&'a RawValue>>()?);
                }
                Key::Questions => {
                    once(questions.is_some(), "questions")?;
                    questions = Some(map.next_value::<Option<&'a RawValue>>()?);
                }
                Key::Officials => {
                    once(officials.is_some() || checked.is_some(), "officials")?;
                    match (version, meta, questions) {
                        (Some(v), Some(m), Some(q)) if m.is_some() && q.is_some() => {
                            let top = (v, m, q);
                            checked = Some(map.next_value_seed(CheckEach {
                                top,
                                locator: &mut *self.locator,
                                report: &mut *self.report,
                            })?);
                        }
                        _ => officials = Some(map.next_value::<Option<Chunked<OfficialDoc<'a>>>>()?),
                    }
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match checked {
            Some((feed, read)) => Found::Checked { feed, read },
            None => {
                let envelope = Envelope {
                    format_version: version.flatten(),
                    meta: meta.flatten(),
                    questions: questions.flatten(),
                    officials: None,
                };
                Found::Read(envelope, officials.flatten())
            }
        })
    }
}

/// Officials read before the list's length is guessed.
const GUESS_AFTER: usize = 64;
/// The fewest bytes per official the guess assumes (a checked official takes about 336).
const MIN_GUESSED_BYTES: usize = 128;

/// The officials' list, each checked as it is read, against the version, meta and questions
/// that came before it: the feed (or `None`, reported) and how many officials the list had.
struct CheckEach<'s, 'a> {
    top: Top<'a>,
    locator: &'s mut JsonLocator<'a>,
    report: &'s mut Report,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for CheckEach<'_, 'a> {
    type Value = (Option<Feed>, usize);
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for CheckEach<'_, 'a> {
    type Value = (Option<Feed>, usize);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of officials")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let CheckEach { top, locator, report } = self;
        // Located only if the validator has something to say about one of them.
        locator.officials_list = Some(locator.text);
        let started = preamble(top, locator, report).and_then(|(version, meta, questions)| {
            FeedValidator::start(version, meta, questions, 0, &*locator, report)
        });
        let Some(mut feed) = started else {
            // Unusable whatever the officials say; count them only.
            let mut read = 0;
            while seq.next_element::<IgnoredAny>()?.is_some() {
                read += 1;
            }
            return Ok((None, read));
        };
        // How long the list is shows only at its end. The checked officials are kept in one
        // `Vec`; grown by doubling, it would be copied as it grows and end up to twice too big,
        // and wasm memory never shrinks: after a few officials, guess the rest from how far into
        // the text they reach, and make room for them once.
        let text = locator.text;
        let at = |official: &OfficialDoc<'_>| match &official.name.0 {
            Cow::Borrowed(name) => Some(offset_in_text(text, name)),
            Cow::Owned(_) => None,
        };
        let mut first = None;
        while let Some(official) = seq.next_element::<OfficialDoc<'a>>()? {
            match feed.read() {
                0 => first = at(&official),
                GUESS_AFTER => {
                    if let (Some(first), Some(now)) = (first, at(&official)) {
                        // No fewer bytes per official than `MIN_GUESSED_BYTES`, so a feed
                        // whose first officials are tiny cannot make the room huge.
                        let per_official = ((now - first) / GUESS_AFTER).max(MIN_GUESSED_BYTES);
                        feed.expect((text.len() - now) / per_official + 1);
                    }
                }
                _ => {}
            }
            feed.official(official);
        }
        let read = feed.read();
        Ok((Some(feed.finish()), read))
    }
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
    offset_in_text(text, raw.get())
}

/// Byte offset of `part`, borrowed from `text`, in it.
fn offset_in_text(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
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
}
