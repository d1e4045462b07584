//! Free text in links: percent-encoded, spaces as `+`.

use std::collections::BTreeSet;

pub(super) fn join_escaped(items: &BTreeSet<String>) -> String {
    items.iter().map(|s| escape(s)).collect::<Vec<_>>().join(",")
}

pub(super) fn split_escaped(value: &str) -> BTreeSet<String> {
    value.split(',').filter(|s| !s.is_empty()).map(unescape).filter(|s| !s.is_empty()).collect()
}

/// Percent-encodes everything but unreserved characters; spaces become `+`.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reverses [`escape`]; malformed escapes are kept as written, invalid UTF-8 is replaced.
pub(super) fn unescape(text: &str) -> String {
    crate::text::clean(&crate::link::percent_decode(&text.replace('+', " ")))
}
