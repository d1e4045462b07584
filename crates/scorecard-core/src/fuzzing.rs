//! Fuzz harnesses: one function per target in `fuzz/fuzz_targets/`. Each takes arbitrary bytes,
//! runs them through a public entry point and panics only when an invariant breaks, so a crash
//! found by the fuzzer is a real bug. They live here, not in `fuzz/`, so that the stable test
//! `tests/fuzz_regressions.rs` replays every seed and every saved crash through exactly the code
//! the fuzzer ran. Nothing here is called by the widget (the wasm build drops it).

use std::sync::OnceLock;

use crate::csv_import::load_csv;
use crate::diagnostics::{Location, Report};
use crate::donate::donate_link;
use crate::feed::shards::{self, Opened, ShardedFeed};
use crate::feed::{load_json, to_json_pretty, Feed, Loaded};
use crate::link::SafeUrl;
use crate::money::{Cents, MAX_AMOUNT, MIN_AMOUNT};
use crate::share_link::{decode, encode, param_name, with_param};
use crate::shortlist::Shortlist;

/// A harness: takes any bytes, panics only when an invariant breaks.
pub type Harness = fn(&[u8]);

/// The fuzz targets, by name (as in `fuzz/Cargo.toml`), with their harness.
pub const TARGETS: &[(&str, Harness)] = &[
    ("feed_json", feed_json),
    ("csv_import", csv_import),
    ("share_link", share_link),
    ("donate_link", donate_link_target),
    ("stored_shortlist", stored_shortlist),
    ("sharded_feed", sharded_feed),
];

/// A sharded feed: the bytes before the first 0xFF byte are read as an index, the rest as the
/// file of every state it lists. The combined feed holds only officials of loaded states, each
/// id once, and its count matches its report.
pub fn sharded_feed(data: &[u8]) {
    let (index_bytes, shard_bytes) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let (index, report) = match shards::open(index_bytes) {
        Opened::Feed(loaded) => return check_loaded(&loaded, "json"),
        Opened::Index { index: None, .. } => return,
        Opened::Index { index: Some(index), report } => (index, report),
    };
    let mut sharded = ShardedFeed::new(index, report);
    let everything = sharded.index().shards.iter().map(|entry| entry.state).collect();
    for entry in sharded.start_loading(everything) {
        sharded.add_shard(entry.state, shard_bytes);
    }
    let loaded_states = sharded.loaded_states();
    let combined = sharded.combined();
    if let Some(feed) = &combined.feed {
        assert!(
            feed.officials.iter().all(|o| loaded_states.contains(o.state)),
            "an official of a state whose file is not loaded"
        );
        let mut ids: Vec<&str> = feed.officials.iter().map(|o| o.id.as_str()).collect();
        ids.sort_unstable();
        assert!(ids.windows(2).all(|w| w[0] != w[1]), "an id used twice in the combined feed");
        assert_eq!(combined.report.loaded, feed.officials.len(), "the report counts the officials shown");
    }
}

/// Feed JSON: load and validate any bytes. A feed that loads says so consistently, and writing
/// it out gives JSON that loads back, without errors, to the same feed (repairs are final).
pub fn feed_json(data: &[u8]) {
    let loaded = load_json(data);
    check_loaded(&loaded, "json");
}

/// CSV import with column detection: the same promises as [`feed_json`].
pub fn csv_import(data: &[u8]) {
    let loaded = load_csv(data, None).loaded;
    check_loaded(&loaded, "csv");
}

fn check_loaded(loaded: &Loaded, kind: &str) {
    check_report(&loaded.report);
    let Some(feed) = &loaded.feed else {
        assert!(loaded.report.has_errors(), "{kind}: no feed, yet no error says why");
        return;
    };
    assert_eq!(loaded.report.loaded, feed.officials.len(), "{kind}: the summary's count is the feed's");
    let written = to_json_pretty(&feed.to_doc());
    let again = load_json(written.as_bytes());
    assert!(!again.report.has_errors(), "{kind}: a loaded feed, written out, has errors: {:?}", again.report);
    assert!(again.feed.as_ref() == Some(feed), "{kind}: a loaded feed, written out and read back, changed");
}

fn check_report(report: &Report) {
    for diagnostic in &report.diagnostics {
        assert!(!diagnostic.message.trim().is_empty(), "a diagnostic without a message: {diagnostic:?}");
        match &diagnostic.location {
            Location::Json { line, column, .. } => assert!(*line >= 1 && *column >= 1, "{diagnostic:?}"),
            Location::Csv { row, .. } => assert!(*row >= 1, "{diagnostic:?}"),
            Location::Input | Location::Record { .. } => {}
        }
    }
}

/// A small feed for the share-link target: a few officials whose ids look alike.
fn fixture_feed() -> &'static Feed {
    static FEED: OnceLock<Feed> = OnceLock::new();
    FEED.get_or_init(|| {
        let officials: Vec<String> = ["ann", "ann-2", "bob", "cy", "dee", "Ann", "ann_", "e-1"]
            .iter()
            .enumerate()
            .map(|(i, id)| {
                format!(
                    r#"{{"id":"{id}","name":"Person {i}","state":"{}","party":"P{}","position":"Office {}",
                    "stances":{{"q":{{"stance":"{}"}}}}}}"#,
                    ["VT", "NY", "CA", "TX"][i % 4],
                    i % 2,
                    i % 3,
                    ["yes", "no", "none"][i % 3]
                )
            })
            .collect();
        let text = format!(
            r#"{{"format_version":1,"meta":{{"title":"Fuzz"}},
            "questions":[{{"id":"q","text":"Q?","stances":[{{"id":"yes","label":"Yes"}},{{"id":"no","label":"No"}},{{"id":"none","label":"None"}}]}},
                         {{"id":"r","text":"R?","stances":[{{"id":"a","label":"A"}}]}}],
            "officials":[{}]}}"#,
            officials.join(",")
        );
        load_json(text.as_bytes()).feed.unwrap_or_else(|| panic!("the fixture feed loads"))
    })
}

/// Share links: decode any fragment. What comes out is in range, and encoding it again gives a
/// link that decodes, intact, to the same view and list (decoding normalizes once and for all).
pub fn share_link(data: &[u8]) {
    let feed = fixture_feed();
    let fragment = String::from_utf8_lossy(data);
    for param in [param_name(None), param_name(Some("x"))] {
        let decoded = decode(&fragment, &param, feed);
        let _ = with_param(&fragment, &param, Some("1"));
        let _ = with_param(&fragment, &param, None);
        if let Some(open) = &decoded.view.open {
            assert!(feed.official_index(open).is_some(), "an open official outside the feed");
        }
        let compare = &decoded.view.compare;
        assert!(compare.len() <= crate::compare::MAX_COMPARED, "more than four compared: {compare:?}");
        assert!(compare.iter().all(|id| feed.official_index(id).is_some()), "a compared official outside the feed");
        assert!(compare.iter().enumerate().all(|(i, id)| !compare[..i].contains(id)), "compared twice: {compare:?}");
        let Some(shared) = &decoded.shared else {
            // A view alone (the page address) re-encodes to the same view too.
            let link = with_param("", &param, Some(&encode(&decoded.view, None, feed)));
            let again = decode(&link, &param, feed);
            assert_eq!(again.view, decoded.view, "the view changed on a round trip");
            assert_eq!(again.compare_note, None, "a re-encoded comparison has a note");
            continue;
        };
        for (index, amount) in &shared.entries {
            assert!(*index < feed.officials.len(), "an entry outside the feed");
            assert!((MIN_AMOUNT..=MAX_AMOUNT).contains(amount), "an amount out of range: {amount:?}");
        }
        let list = shared.to_shortlist(feed);
        let link = with_param("", &param, Some(&encode(&decoded.view, Some(&list), feed)));
        let again = decode(&link, &param, feed);
        assert!(again.present, "a re-encoded link is not found in {link:?}");
        assert!(again.problems.is_empty(), "a re-encoded link has problems: {:?}", again.problems);
        assert_eq!(again.view, decoded.view, "the view changed on a round trip");
        assert_eq!(again.compare_note, None, "a re-encoded comparison has a note");
        let entries = again.shared.map(|s| s.entries).unwrap_or_default();
        assert_eq!(entries, shared.entries, "the list changed on a round trip");
    }
}

/// Donate links: any https URL, amount and refcode give an https link the page may render;
/// for ActBlue, with exactly one amount and no recurring or express parameters.
pub fn donate_link_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let (url, amount, refcode) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
    let amount = Cents::parse_gift(amount).unwrap_or(Cents(27_00));
    let Ok(url) = SafeUrl::https(url) else { return };
    let link = donate_link(&url, amount, refcode);
    let text = link.as_str();
    assert!(text.starts_with("https://"), "{text}");
    assert!(!text.chars().any(|c| c.is_whitespace() || crate::text::is_invisible(c)), "{text}");
    assert_eq!(link.site_name(), url.site_name(), "the donate link goes to another site");
    if crate::donate::is_actblue(&url) {
        let query = link.as_str().split('#').next().unwrap_or("").split_once('?').map_or("", |(_, q)| q);
        let keys: Vec<String> =
            query.split('&').map(|p| p.split('=').next().unwrap_or("").to_ascii_lowercase()).collect();
        assert_eq!(keys.iter().filter(|k| *k == "amount").count(), 1, "{}", link.as_str());
        assert!(!keys.iter().any(|k| k.starts_with("recur") || k.starts_with("express")), "{}", link.as_str());
    }
}

/// A saved shortlist from localStorage, which any script on the page could have written:
/// reading never panics, and what is read saves and reads back unchanged.
pub fn stored_shortlist(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok((list, _)) = Shortlist::from_storage_json(&text) else { return };
    for entry in list.entries() {
        assert!((MIN_AMOUNT..=MAX_AMOUNT).contains(&entry.amount), "an amount out of range");
    }
    let (again, problems) =
        Shortlist::from_storage_json(&list.to_storage_json()).unwrap_or_else(|e| panic!("a saved list reads: {e}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, list);
}
