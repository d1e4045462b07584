//! A diff as an Atom 1.0 feed (RFC 4287) for `meta.updates_url`: one entry per update.
//!
//! Why one entry per update and not per change: an update of a big feed can change thousands of
//! stances, and a feed reader would show each as an unread item; one entry per published update
//! reads like a newsletter ("12 stance changes, 3 officials added"), with the changelog as its
//! content (the first [`MAX_LISTED`] officials' changes, then a count of the rest).
//!
//! Ids are stable: the feed's is its `updates_url` (or a `urn:uuid:` made from its title), and
//! an entry's is a `urn:uuid:` made from the feed's id, the date and the changes themselves, so
//! writing the same update again gives the same id and readers do not show it twice.

use std::fmt::Write as _;

use super::changelog::{self, summary_sentence, Format};
use super::FeedDiff;
use crate::date::Date;
use crate::feed::lookup::{fnv1a, FNV_OFFSET_BASIS};

/// Most officials whose changes one entry lists.
pub const MAX_LISTED: usize = 500;

/// The Atom document for `diff`, dated `updated` (the new feed's "data as of" date, or today).
/// A diff with no changes gives a feed with no entry.
pub fn write(diff: &FeedDiff, updated: Date) -> String {
    let about = &diff.about;
    let stamp = format!("{updated}T00:00:00Z");
    let feed_id = match &about.updates_url {
        Some(url) => url.clone(),
        None => uuid_urn(&["scorecard feed", &about.title]),
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&feed_id));
    let _ = writeln!(out, "  <title>{}</title>", xml_escape(&format!("Updates to {}", about.title)));
    let _ = writeln!(out, "  <updated>{stamp}</updated>");
    let (author, author_url) = match &about.publisher {
        Some((name, url)) => (name.as_str(), url.as_deref()),
        None => (about.title.as_str(), None),
    };
    out.push_str("  <author>\n");
    let _ = writeln!(out, "    <name>{}</name>", xml_escape(author));
    if let Some(url) = author_url {
        let _ = writeln!(out, "    <uri>{}</uri>", xml_escape(url));
    }
    out.push_str("  </author>\n");
    if let Some(url) = &about.updates_url {
        let _ = writeln!(out, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>", xml_escape(url));
    }
    out.push_str("  <generator>scorecard-feed</generator>\n");
    if !diff.is_empty() {
        let summary = summary_sentence(&diff.summary());
        let content = changelog::write(diff, Format::Html, Some(MAX_LISTED));
        // The id covers the changes in full (the JSON), not the shortened content.
        let entry_id = uuid_urn(&[&feed_id, &stamp, &super::json::write(diff, false)]);
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <id>{entry_id}</id>");
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&format!("{updated}: {summary}")));
        let _ = writeln!(out, "    <updated>{stamp}</updated>");
        let _ = writeln!(
            out,
            "    <summary>{}</summary>",
            xml_escape(&format!("{}.", changelog::capitalize_first(&summary)))
        );
        let _ = writeln!(out, "    <content type=\"html\">{}</content>", xml_escape(&content));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Text for XML character data and attribute values: the five special characters escaped, and
/// the characters XML 1.0 does not allow (most controls, U+FFFE, U+FFFF) left out.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A `urn:uuid:` (RFC 9562 version 8: made by us, from a hash) for these parts.
fn uuid_urn(parts: &[&str]) -> String {
    let hash = |seed: &[u8]| {
        parts.iter().fold(fnv1a(FNV_OFFSET_BASIS, seed), |h, part| fnv1a(fnv1a(h, part.as_bytes()), &[0xff]))
    };
    let (high, low) = (hash(b"atom id, high"), hash(b"atom id, low"));
    let high = (high & !0xf000) | 0x8000; // version 8
    let low = (low & !(0b11 << 62)) | (0b10 << 62); // the RFC's variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}
