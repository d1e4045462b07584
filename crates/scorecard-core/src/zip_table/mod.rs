//! ZIP tables: which districts a ZIP code is in, as static files a browser can fetch one at a time.
//!
//! A table is a folder of **shards**, one per first three digits of the ZIP code (`054.json`
//! holds 05401…05499), so a lookup downloads one small file, never the whole table. Each shard is
//! complete on its own: format version, the period of its districts (e.g. `us-house-119`) and
//! the attribution travel with it, so no index is needed; a shard that does not exist means no
//! ZIP code starts with those digits. The format is documented in `docs/zip-table.md`.
//!
//! - [`Zip`]: what a reader typed, checked ("05401"; "abcde" and "0540" are refused).
//! - [`Shard::parse`]: a shard's bytes (untrusted: never panics, a plain message when wrong).
//! - [`lookup`]: a ZIP code → its districts, or unknown.
//! - [`build`]: a ZIP→district CSV → shards, every bad row reported by row and column.

mod build;

pub use build::{build, BuildOptions, Built};

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::feed::doc::NamedLinkDoc;
use crate::feed::NamedLink;
use crate::link::SafeUrl;
use crate::states::State;
use crate::text::{self, clean, is_division_id, is_identifier};

/// The shard format version this code reads and writes.
pub const ZIP_TABLE_VERSION: u32 = 1;
/// Largest shard read, in bytes: real ones are a few KB; anything near this is not a shard.
pub const MAX_SHARD_BYTES: usize = 1 << 20;
/// Longest district name kept (state legislative districts are like "7A" or "Suffolk 12").
pub const MAX_DISTRICT_LEN: usize = 64;

/// A shard as written: `{"zip_table":1,"period":…,"attribution":…,"prefix":"054","districts":[…]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShardDoc {
    /// Always 1 for this version of the format.
    pub zip_table: u32,
    /// The period of the districts, e.g. `us-house-119`; compared with a feed's `meta.districts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<NamedLinkDoc>,
    /// The first three digits of every ZIP code in the file.
    pub prefix: String,
    pub districts: Vec<DistrictDoc>,
}

/// One district and the ZIP codes (of this shard) that lie in it, wholly or partly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictDoc {
    /// USPS code, e.g. "VT".
    pub state: String,
    /// As the source names it, e.g. "7", "0" (at large), "7A".
    pub district: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division_id: Option<String>,
    /// The last two digits of each ZIP code, concatenated in order: "0102" is 05401 and 05402.
    pub zips: String,
}

/// A ZIP code a reader typed: five digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Zip([u8; 5]);

/// Why typed text is not a ZIP code (an *invalid* entry, unlike a valid ZIP code the table does
/// not know, which [`lookup`] answers with [`ZipAnswer::Unknown`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipProblem {
    Empty,
    /// Letters or other characters, e.g. "abcde".
    NotDigits,
    /// Only digits, but not five of them (nor ZIP+4), e.g. "0540".
    WrongLength(usize),
}

impl ZipProblem {
    /// What to tell the reader (keys `zip.problem.*`).
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            ZipProblem::Empty => Msg::new("zip.problem.empty"),
            ZipProblem::NotDigits => Msg::new("zip.problem.not_digits"),
            ZipProblem::WrongLength(n) => Msg::new("zip.problem.length").count("n", *n),
        }
    }
}

impl fmt::Display for ZipProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().en())
    }
}

impl Zip {
    /// Reads what a reader typed: five digits, or ZIP+4 (`05401-1234`, `054011234`), surrounding
    /// spaces ignored. Only the five-digit ZIP code is kept.
    pub fn parse(text: &str) -> Result<Zip, ZipProblem> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ZipProblem::Empty);
        }
        let five = match text.split_once('-') {
            Some((zip, plus4)) if plus4.len() == 4 && plus4.bytes().all(|b| b.is_ascii_digit()) => zip,
            Some(_) => return Err(ZipProblem::NotDigits),
            None if text.len() == 9 && text.bytes().all(|b| b.is_ascii_digit()) => &text[..5],
            None => text,
        };
        if !five.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ZipProblem::NotDigits);
        }
        let digits: [u8; 5] = five.as_bytes().try_into().map_err(|_| ZipProblem::WrongLength(five.len()))?;
        Ok(Zip(digits))
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("00000")
    }

    /// The first three digits: which shard holds this ZIP code.
    pub fn prefix(&self) -> &str {
        &self.as_str()[..3]
    }

    /// The last two digits, as shards list them.
    pub fn suffix(&self) -> &str {
        &self.as_str()[3..]
    }

    /// The shard's file name, e.g. `054.json`.
    pub fn shard_file(&self) -> String {
        shard_file_name(self.prefix())
    }

    /// The shard's address under a feed's `meta.zip_table` folder, e.g. `../zip/` → `../zip/054.json`
    /// (a `/` is added when the folder does not end with one). The widget resolves it against
    /// the feed's address.
    pub fn shard_url(&self, table: &str) -> String {
        let slash = if table.ends_with('/') { "" } else { "/" };
        format!("{table}{slash}{}", self.shard_file())
    }
}

impl fmt::Display for Zip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `054` → `054.json`.
pub fn shard_file_name(prefix: &str) -> String {
    format!("{prefix}.json")
}

/// A district of a ZIP table.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct District {
    pub state: State,
    /// Cleaned, as the table names it ("7", "0", "7A").
    pub district: String,
    /// A checked Open Civic Data division id, when the table gives one.
    pub division_id: Option<String>,
}

/// A checked shard.
#[derive(Clone, Debug, PartialEq)]
pub struct Shard {
    pub period: Option<String>,
    pub attribution: Option<NamedLink>,
    pub prefix: String,
    pub districts: Vec<District>,
    /// (last two digits, index into `districts`), sorted.
    zips: Vec<(u8, u16)>,
}

/// `(suffix, district)` pairs in order of suffix, then district: a counting sort over the 100
/// possible suffixes (the pairs arrive in district order). It keeps a general sort, several
/// kilobytes of code, out of the widget's wasm.
fn by_suffix(pairs: &[(u8, u16)]) -> Vec<(u8, u16)> {
    let mut starts = [0usize; 101];
    for (suffix, _) in pairs {
        starts[usize::from(*suffix) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![(0u8, 0u16); pairs.len()];
    for pair in pairs {
        let at = &mut starts[usize::from(pair.0)];
        sorted[*at] = *pair;
        *at += 1;
    }
    sorted
}

/// What a table says about a ZIP code.
#[derive(Clone, Debug, PartialEq)]
pub enum ZipAnswer<'a> {
    /// The districts it lies in, wholly or partly (more than one when the ZIP code is split).
    Districts(Vec<&'a District>),
    /// A well-formed ZIP code the table does not know (such as 00000).
    Unknown,
}

/// Looks a ZIP code up in the shard for its prefix: `None` when that file does not exist (no
/// ZIP code starts with those digits). A shard for another prefix knows none of it.
pub fn lookup<'a>(shard: Option<&'a Shard>, zip: &Zip) -> ZipAnswer<'a> {
    let districts = shard.filter(|s| s.prefix == zip.prefix()).map(|s| s.districts_of(zip)).unwrap_or_default();
    if districts.is_empty() {
        ZipAnswer::Unknown
    } else {
        ZipAnswer::Districts(districts)
    }
}

/// "No district is known for ZIP code 00000": what to tell a reader about an unknown ZIP code.
pub fn unknown_message(zip: &Zip) -> crate::i18n::Msg {
    crate::i18n::Msg::new("zip.unknown").text("zip", zip.to_string())
}

impl Shard {
    /// Reads and checks a shard. Any problem gives a plain message, never a panic.
    pub fn parse(bytes: &[u8]) -> Result<Shard, String> {
        if bytes.len() > MAX_SHARD_BYTES {
            return Err(format!(
                "the file is {} bytes; a ZIP table file holds at most {}",
                crate::diagnostics::group_thousands(bytes.len() as u64),
                crate::diagnostics::group_thousands(MAX_SHARD_BYTES as u64)
            ));
        }
        let text = crate::source::decode(bytes).map_err(|p| p.message)?;
        let doc: ShardDoc = serde_json::from_str(text.trim_start()).map_err(|e| {
            if text.trim_start().starts_with('<') {
                "this is a web page (HTML), not a ZIP table file".to_string()
            } else {
                format!("this is not a ZIP table file: {e}")
            }
        })?;
        Shard::check(doc)
    }

    /// Checks a shard document, as [`Shard::parse`] does after reading the JSON.
    pub fn check(doc: ShardDoc) -> Result<Shard, String> {
        if doc.zip_table != ZIP_TABLE_VERSION {
            return Err(format!(
                "this ZIP table file is format version {}; this widget reads version {ZIP_TABLE_VERSION}",
                doc.zip_table
            ));
        }
        if doc.prefix.len() != 3 || !doc.prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("the prefix \"{}\" is not three digits", text::truncate(&clean(&doc.prefix), 20)));
        }
        let period = match doc.period {
            Some(p) if !is_identifier(&p) => {
                return Err(format!("the period \"{}\" is not an id like us-house-119", text::truncate(&clean(&p), 40)))
            }
            period => period,
        };
        let attribution = match doc.attribution {
            None => None,
            Some(NamedLinkDoc { text: t, url }) => {
                let url = url.map(|u| SafeUrl::https(&u)).transpose().map_err(|p| format!("the attribution: {p}"))?;
                Some(NamedLink { text: text::truncate(&clean(&t), 200), url })
            }
        };
        if doc.districts.len() > 1000 {
            return Err(format!("the file lists {} districts; at most 1,000 are read", doc.districts.len()));
        }
        let mut districts = Vec::with_capacity(doc.districts.len());
        let mut zips = Vec::new();
        for (i, d) in doc.districts.into_iter().enumerate() {
            let at = |what: &str| format!("districts[{i}].{what}");
            let state = State::parse(&d.state).ok_or_else(|| {
                format!(
                    "{}: \"{}\" is not a U.S. state or territory code",
                    at("state"),
                    text::truncate(&clean(&d.state), 20)
                )
            })?;
            let district = clean(&d.district);
            if district.is_empty() || district.chars().count() > MAX_DISTRICT_LEN {
                return Err(format!("{}: a district must have 1 to {MAX_DISTRICT_LEN} characters", at("district")));
            }
            if let Some(id) = d.division_id.as_deref().filter(|id| !is_division_id(id)) {
                return Err(format!(
                    "{}: \"{}\" is not an Open Civic Data division id",
                    at("division_id"),
                    text::truncate(&clean(id), 60)
                ));
            }
            let b = d.zips.as_bytes();
            if b.len() % 2 != 0 || !b.iter().all(u8::is_ascii_digit) {
                return Err(format!("{}: must be pairs of digits, the last two of each ZIP code", at("zips")));
            }
            let mut seen = [false; 100];
            for pair in b.chunks_exact(2) {
                let suffix = (pair[0] - b'0') * 10 + (pair[1] - b'0');
                if std::mem::replace(&mut seen[usize::from(suffix)], true) {
                    return Err(format!("{}: {}{suffix:02} is listed twice", at("zips"), doc.prefix));
                }
                zips.push((suffix, i as u16));
            }
            districts.push(District { state, district, division_id: d.division_id });
        }
        Ok(Shard { period, attribution, prefix: doc.prefix, districts, zips: by_suffix(&zips) })
    }

    /// The districts a ZIP code of this shard lies in, in the order the shard lists them.
    pub fn districts_of(&self, zip: &Zip) -> Vec<&District> {
        let Ok(suffix) = zip.suffix().parse::<u8>() else {
            return Vec::new();
        };
        let start = self.zips.partition_point(|(s, _)| *s < suffix);
        self.zips[start..]
            .iter()
            .take_while(|(s, _)| *s == suffix)
            .map(|(_, d)| &self.districts[usize::from(*d)])
            .collect()
    }

    /// Every ZIP code in the shard with its districts, in ZIP order.
    pub fn entries(&self) -> impl Iterator<Item = (String, &District)> + '_ {
        self.zips.iter().map(|(s, d)| (format!("{}{s:02}", self.prefix), &self.districts[usize::from(*d)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_ordered_by_suffix_then_district() {
        let pairs = [(7, 0), (1, 0), (99, 1), (1, 1), (0, 2), (7, 2)];
        let mut expected = pairs.to_vec();
        expected.sort_unstable();
        assert_eq!(by_suffix(&pairs), expected);
        assert_eq!(by_suffix(&[]), []);
    }

    #[test]
    fn typed_zip_codes_are_valid_or_say_why_not() {
        assert_eq!(Zip::parse("05401").unwrap().as_str(), "05401");
        assert_eq!(Zip::parse(" 05401-1234 ").unwrap().as_str(), "05401");
        assert_eq!(Zip::parse("054011234").unwrap().as_str(), "05401");
        assert_eq!(Zip::parse("00000").unwrap().prefix(), "000", "well-formed; the table decides if it exists");
        assert_eq!(Zip::parse("abcde"), Err(ZipProblem::NotDigits));
        assert_eq!(Zip::parse("0540"), Err(ZipProblem::WrongLength(4)));
        assert_eq!(Zip::parse("054011"), Err(ZipProblem::WrongLength(6)));
        assert_eq!(Zip::parse("05401-12"), Err(ZipProblem::NotDigits));
        assert_eq!(Zip::parse("０５４０１"), Err(ZipProblem::NotDigits), "full-width digits are not ASCII");
        assert_eq!(Zip::parse("  "), Err(ZipProblem::Empty));
        assert_eq!(ZipProblem::WrongLength(4).to_string(), "That has 4 digits; a ZIP code has five, like 05401.");
    }

    #[test]
    fn shard_files_and_urls() {
        let zip = Zip::parse("05401").unwrap();
        assert_eq!(zip.shard_file(), "054.json");
        assert_eq!(zip.shard_url("../zip/"), "../zip/054.json");
        assert_eq!(zip.shard_url("https://example.org/zip"), "https://example.org/zip/054.json");
    }

    fn shard(json: &str) -> Result<Shard, String> {
        Shard::parse(json.as_bytes())
    }

    #[test]
    fn a_shard_answers_for_its_zip_codes() {
        let s = shard(
            r#"{"zip_table":1,"period":"us-house-119","prefix":"054",
                "attribution":{"text":"Data: test","url":"https://example.org"},
                "districts":[{"state":"VT","district":"0","zips":"0102"},
                             {"state":"NH","district":"2","division_id":"ocd-division/country:us/state:nh/cd:2","zips":"02"}]}"#,
        )
        .unwrap();
        assert_eq!(s.period.as_deref(), Some("us-house-119"));
        let zip = |z: &str| Zip::parse(z).unwrap();
        let ZipAnswer::Districts(found) = lookup(Some(&s), &zip("05402")) else { panic!() };
        assert_eq!(
            found.iter().map(|d| (d.state.code(), d.district.as_str())).collect::<Vec<_>>(),
            [("VT", "0"), ("NH", "2")]
        );
        assert_eq!(lookup(Some(&s), &zip("05403")), ZipAnswer::Unknown);
        assert_eq!(lookup(Some(&s), &zip("05501")), ZipAnswer::Unknown, "another prefix's shard");
        assert_eq!(lookup(None, &zip("00000")), ZipAnswer::Unknown, "no file: no ZIP code with that prefix");
        assert_eq!(s.entries().map(|(z, _)| z).collect::<Vec<_>>(), ["05401", "05402", "05402"]);
    }

    #[test]
    fn bad_shards_say_what_is_wrong() {
        let base = r#"{"zip_table":1,"prefix":"054","districts":[{"state":"VT","district":"0","zips":"01"}]}"#;
        assert!(shard(base).is_ok());
        let bad = |from: &str, to: &str| shard(&base.replace(from, to)).unwrap_err();
        assert!(bad(r#""zip_table":1"#, r#""zip_table":2"#).contains("format version 2"));
        assert!(bad(r#""prefix":"054""#, r#""prefix":"54""#).contains("not three digits"));
        assert!(bad(r#""VT""#, r#""XX""#).contains("districts[0].state: \"XX\""));
        assert!(bad(r#""zips":"01""#, r#""zips":"011""#).contains("pairs of digits"));
        assert!(bad(r#""zips":"01""#, r#""zips":"0101""#).contains("05401 is listed twice"));
        assert!(bad(r#""district":"0""#, r#""district":" ""#).contains("1 to 64 characters"));
        assert!(bad(r#""zips""#, r#""division_id":"Vermont","zips""#).contains("not an Open Civic Data"));
        assert!(bad(r#""prefix":"054","#, "").contains("missing field `prefix`"));
        assert!(shard("<html>").unwrap_err().contains("web page"));
        assert!(shard("").unwrap_err().contains("not a ZIP table file") || shard("").is_err());
        assert!(Shard::parse(&[0xff, 0xfe, 0x00]).is_err());
    }
}
