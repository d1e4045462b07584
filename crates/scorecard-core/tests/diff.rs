//! Feed diffs: what a hand-made update reports in each format, and properties over random pairs
//! of feeds (a feed against itself is no change; applying a diff to the old feed's stances gives
//! the new feed's; a sharded feed diffed state by state gives the whole feed's diff).

use std::collections::BTreeMap;

use proptest::prelude::*;
use scorecard_core::date::Date;
use scorecard_core::diff::apply::StanceTable;
use scorecard_core::diff::changelog::{self, Format};
use scorecard_core::diff::snapshot::stance_fingerprints;
use scorecard_core::diff::{
    atom, compare_officials, diff, diff_officials, diff_parts, join_states, json, snapshots, OfficialChange, Renames,
};
use scorecard_core::feed::shards;
use scorecard_core::feed::{load_json, to_json_pretty, Feed};
use serde_json::{json, Value};

fn load(value: &Value) -> Feed {
    let loaded = load_json(value.to_string().as_bytes());
    assert!(!loaded.report.has_errors(), "{:?}", loaded.report.diagnostics);
    loaded.feed.expect("the feed loads")
}

fn questions(extra: bool) -> Value {
    let q = |id: &str, label: &str| {
        json!({ "id": id, "text": format!("{label}?"), "label": label,
                "stances": [{ "id": "yes", "label": "Yes" }, { "id": "no", "label": "No" }] })
    };
    if extra {
        json!([q("q1", "Endorsed"), q("q2", "Signed the pledge")])
    } else {
        json!([q("q1", "Endorsed")])
    }
}

fn old_feed() -> Feed {
    load(&json!({
        "format_version": 1,
        "meta": { "title": "Test scorecard", "updated": "2024-01-01" },
        "questions": questions(false),
        "officials": [
            { "id": "ann-vt", "name": "Ann Smith", "state": "VT", "position": "Senator", "party": "Democratic",
              "stances": { "q1": { "stance": "no" } } },
            { "id": "bob-ny", "name": "Bob Jones", "state": "NY",
              "stances": { "q1": { "stance": "yes", "evidence": [{ "url": "https://example.org/a" }] } } },
            { "id": "cy-ca", "name": "Cy Young", "state": "CA" },
            { "id": "dee", "name": "Dee Lee", "state": "TX", "website": "https://dee.example.org" }
        ]
    }))
}

fn new_feed(ann_detail: &str) -> Feed {
    load(&json!({
        "format_version": 1,
        "meta": { "title": "Test scorecard", "updated": "2024-02-01",
                  "updates_url": "https://example.org/scorecard/updates.atom" },
        "questions": questions(true),
        "officials": [
            { "id": "ann-vt", "name": "Ann Smith", "state": "VT", "position": "Senator", "party": "Democratic",
              "stances": { "q1": { "stance": "yes", "detail": ann_detail, "date": "2024-01-20",
                "evidence": [{ "url": "https://news.example.org/ann", "title": "Ann says yes",
                               "date": "2024-01-21", "quote": "I'm in" }] } } },
            { "id": "bob-ny", "name": "Bob Jones", "state": "NY",
              "stances": { "q1": { "stance": "yes", "evidence": [{ "url": "https://example.org/b" }] } } },
            { "id": "dee-lee-tx", "name": "Dee Lee", "state": "TX", "website": "https://www.dee.example.org" },
            { "id": "eve-ma", "name": "Eve <b>*Bold*</b> & Co", "state": "MA",
              "stances": { "q1": { "stance": "no" }, "q2": { "stance": "yes" } } }
        ]
    }))
}

#[test]
fn an_update_is_reported_by_kind() {
    let d = diff(&old_feed(), &new_feed("All in"));
    let s = d.summary();
    assert_eq!((s.added, s.removed, s.renamed), (1, 1, 1), "{d:#?}");
    assert_eq!((s.stance_changes, s.evidence_changes, s.details_changed), (1, 1, 1), "{d:#?}");
    assert_eq!((s.meta, s.questions), (2, 1), "{d:#?}");
    // State, then name order.
    let order: Vec<&str> = d.officials.iter().map(OfficialChange::id).collect();
    assert_eq!(order, ["cy-ca", "eve-ma", "bob-ny", "dee-lee-tx", "ann-vt"]);
    let OfficialChange::Changed(dee) = &d.officials[3] else { panic!("{:?}", d.officials[3]) };
    assert_eq!(dee.previous_id.as_deref(), Some("dee"), "same name and state: a rename");
    assert_eq!(dee.details.len(), 1);
    assert_eq!(dee.details[0].detail.key(), "website");

    let text = changelog::write(&d, Format::Text, None);
    for line in [
        "Changes to Test scorecard\n=========================\n\nData as of",
        "Data as of 2024-02-01: 1 official added, 1 removed, 1 renamed, 1 stance change, 1 evidence update, \
         1 official's details changed, 1 question change, 2 changes to the feed's details.",
        "- meta.updated: 2024-01-01 → 2024-02-01",
        "- Question q2 added: Signed the pledge?",
        "Stance changes: Endorsed\n------------------------\n\n- Bob Jones",
        "- Ann Smith (VT, ann-vt): No → Yes (All in), 2024-01-20\n  - Ann says yes <https://news.example.org/ann>, 2024-01-21: “I'm in”",
        "- Bob Jones (NY, bob-ny): evidence updated: Yes\n  - https://example.org/b\n",
        "Added\n-----\n\n- Eve <b>*Bold*</b> & Co (MA, eve-ma)\n  - Endorsed: No\n\n",
        "Removed\n-------\n\n- Cy Young (CA, cy-ca)\n",
        "New ids\n-------\n\n- Dee Lee (TX): dee → dee-lee-tx\n",
        "Changed details\n---------------\n\n- Dee Lee (TX, dee-lee-tx)\n  - website: https://dee.example.org → https://www.dee.example.org\n",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    assert!(!text.contains("Signed the pledge: Yes"), "an added question is reported once:\n{text}");

    let md = changelog::write(&d, Format::Markdown, None);
    assert!(md.starts_with("# Changes to Test scorecard\n\nData as of 2024-02-01: "), "{md}");
    assert!(md.contains("## Stance changes: Endorsed\n"), "{md}");
    assert!(md.contains("- **Eve \\<b\\>\\*Bold\\*\\</b\\> \\& Co** (MA, `eve-ma`)"), "feed text is escaped:\n{md}");
    assert!(md.contains("[Ann says yes](<https://news.example.org/ann>), 2024-01-21"), "{md}");

    let html = changelog::write(&d, Format::Html, None);
    assert!(html.contains("<strong>Eve &lt;b&gt;*Bold*&lt;/b&gt; &amp; Co</strong>"), "{html}");
    assert!(html.contains("<a href=\"https://news.example.org/ann\">Ann says yes</a>"), "{html}");
    let wrapped = format!("<div>{html}</div>");
    let parsed = roxmltree::Document::parse(&wrapped).expect("well-formed HTML lists");
    assert_eq!(parsed.descendants().filter(|n| n.has_tag_name("h2")).count(), 6);
}

#[test]
fn the_json_names_every_change() {
    let d = diff(&old_feed(), &new_feed("All in"));
    let value: Value = serde_json::from_str(&json::write(&d, true)).unwrap();
    assert_eq!(value["diff_version"], 1);
    assert_eq!(value["summary"]["renamed"], 1);
    assert_eq!(
        value["meta"][1],
        json!({ "field": "meta.updates_url", "old": null,
        "new": "https://example.org/scorecard/updates.atom" })
    );
    assert_eq!(value["questions"][0]["change"], "added");
    let officials = value["officials"].as_array().unwrap();
    assert_eq!(
        officials[0],
        json!({ "change": "removed", "id": "cy-ca", "name": "Cy Young", "state": "CA", "stances": {} })
    );
    assert_eq!(officials[1]["stances"]["q2"], json!({ "stance": "yes", "label": "Yes" }));
    assert_eq!(officials[3]["previous_id"], "dee");
    assert_eq!(
        officials[4]["stances"][0],
        json!({ "question": "q1", "old": { "stance": "no", "label": "No" },
                "new": { "stance": "yes", "label": "Yes", "detail": "All in", "date": "2024-01-20",
                         "evidence": [{ "url": "https://news.example.org/ann", "title": "Ann says yes",
                                        "date": "2024-01-21", "quote": "I'm in" }] } })
    );
}

fn atom_entries(xml: &str) -> (roxmltree::Document<'_>, Vec<String>) {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let ids = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
        .map(|entry| child_text(entry, "id"))
        .collect();
    (doc, ids)
}

fn child_text(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let child = node.children().find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)));
    child.and_then(|c| c.text()).unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name())).to_string()
}

#[test]
fn the_atom_feed_is_valid_xml_with_stable_ids() {
    let day = Date::new(2024, 2, 1).unwrap();
    let d = diff(&old_feed(), &new_feed("All in"));
    let xml = atom::write(&d, day);
    let (doc, ids) = atom_entries(&xml);
    let feed = doc.root_element();
    assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
    // What RFC 4287 requires of a feed and of each entry.
    assert_eq!(child_text(feed, "id"), "https://example.org/scorecard/updates.atom");
    assert_eq!(child_text(feed, "title"), "Updates to Test scorecard");
    assert_eq!(child_text(feed, "updated"), "2024-02-01T00:00:00Z");
    assert_eq!(child_text(feed.children().find(|c| c.has_tag_name("author")).unwrap(), "name"), "Test scorecard");
    let link = feed.children().find(|c| c.has_tag_name("link")).unwrap();
    assert_eq!(
        (link.attribute("rel"), link.attribute("href")),
        (Some("self"), Some("https://example.org/scorecard/updates.atom"))
    );
    assert_eq!(ids.len(), 1, "one entry per update");
    let entry = feed.children().find(|c| c.has_tag_name("entry")).unwrap();
    assert!(ids[0].starts_with("urn:uuid:") && ids[0].len() == 45, "{}", ids[0]);
    assert!(child_text(entry, "title").starts_with("2024-02-01: 1 official added, 1 removed"));
    assert_eq!(child_text(entry, "updated"), "2024-02-01T00:00:00Z");
    let content = entry.children().find(|c| c.has_tag_name("content")).unwrap();
    assert_eq!(content.attribute("type"), Some("html"));
    assert!(content.text().unwrap().contains("<strong>Eve &lt;b&gt;*Bold*&lt;/b&gt; &amp; Co</strong>"));

    // The same update gives the same ids; another update another entry id.
    assert_eq!(atom::write(&diff(&old_feed(), &new_feed("All in")), day), xml);
    let other = atom::write(&diff(&old_feed(), &new_feed("Fully in")), day);
    let (_, other_ids) = atom_entries(&other);
    assert_ne!(other_ids, ids);
    // No change: a valid feed with no entry.
    let (_, none) = atom_entries(&atom::write(&diff(&old_feed(), &old_feed()), day));
    assert!(none.is_empty());
}

#[test]
fn text_xml_cannot_hold_is_left_out() {
    assert_eq!(atom::xml_escape("a\u{1}b\u{FFFE}<&>\"'\t"), "ab&lt;&amp;&gt;&quot;&apos;\t");
}

#[test]
fn fingerprints_change_with_the_record() {
    let (old, new) = (old_feed(), new_feed("All in"));
    let fingerprints = |feed: &Feed, id: &str| stance_fingerprints(feed, id).unwrap()[0];
    assert_ne!(fingerprints(&old, "ann-vt"), fingerprints(&new, "ann-vt"));
    assert_ne!(fingerprints(&old, "bob-ny"), fingerprints(&new, "bob-ny"), "evidence counts");
    assert_eq!(fingerprints(&new, "ann-vt"), fingerprints(&new_feed("All in"), "ann-vt"));
    assert_eq!(stance_fingerprints(&new, "cy-ca"), None);
    assert_eq!(stance_fingerprints(&old, "cy-ca"), Some(vec![None]));
}

// ---- properties ----

const STATES: [&str; 4] = ["VT", "NY", "CA", "TX"];
const NAMES: [&str; 5] = ["Ann", "Bo", "Cy", "Dee", "Ed"];
const PARTIES: [&str; 2] = ["Democratic", "Green"];

/// A stance (0 yes, 1 no) and which of two evidence links, if any.
type GenRecord = Option<(usize, Option<usize>)>;

#[derive(Clone, Debug)]
struct GenOfficial {
    name: (usize, usize),
    state: usize,
    party: Option<usize>,
    records: [GenRecord; 2],
}

#[derive(Clone, Debug)]
enum Edit {
    Keep,
    Drop,
    Record(usize, GenRecord),
    NewId,
    Party(Option<usize>),
    Move(usize),
}

fn record() -> impl Strategy<Value = GenRecord> {
    proptest::option::of((0..2usize, proptest::option::of(0..2usize)))
}

fn official() -> impl Strategy<Value = GenOfficial> {
    ((0..NAMES.len(), 0..NAMES.len()), 0..STATES.len(), proptest::option::of(0..PARTIES.len()), [record(), record()])
        .prop_map(|(name, state, party, records)| GenOfficial { name, state, party, records })
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Keep),
        1 => Just(Edit::Drop),
        2 => (0..2usize, record()).prop_map(|(q, r)| Edit::Record(q, r)),
        1 => Just(Edit::NewId),
        1 => proptest::option::of(0..PARTIES.len()).prop_map(Edit::Party),
        1 => (0..STATES.len()).prop_map(Edit::Move),
    ]
}

fn official_json(id: &str, o: &GenOfficial, questions: usize) -> Value {
    let mut stances = serde_json::Map::new();
    for (q, r) in o.records.iter().enumerate().take(questions) {
        if let Some((stance, evidence)) = r {
            let stance = ["yes", "no"][*stance];
            let mut record = json!({ "stance": stance });
            if let Some(e) = evidence {
                record["evidence"] = json!([{ "url": format!("https://example.org/{e}") }]);
            }
            stances.insert(format!("q{}", q + 1), record);
        }
    }
    let mut value = json!({ "id": id, "name": format!("{} {}", NAMES[o.name.0], NAMES[o.name.1]),
                            "state": STATES[o.state], "stances": stances });
    if let Some(p) = o.party {
        value["party"] = json!(PARTIES[p]);
    }
    value
}

fn build(officials: &[(String, GenOfficial)], count: usize) -> Feed {
    let list: Vec<Value> = officials.iter().map(|(id, o)| official_json(id, o, count)).collect();
    let all = questions(true);
    let asked: Vec<Value> = all.as_array().unwrap()[..count].to_vec();
    load(&json!({ "format_version": 1, "meta": { "title": "Random" }, "questions": asked, "officials": list }))
}

fn pair() -> impl Strategy<Value = (Feed, Feed)> {
    (
        proptest::collection::vec((official(), edit()), 0..14),
        proptest::collection::vec(official(), 0..4),
        1..3usize,
        1..3usize,
    )
        .prop_map(|(olds, additions, old_questions, new_questions)| {
            let old: Vec<(String, GenOfficial)> =
                olds.iter().enumerate().map(|(i, (o, _))| (format!("o{i}"), o.clone())).collect();
            let mut new = Vec::new();
            for (i, (o, edit)) in olds.into_iter().enumerate() {
                let mut o = o;
                let mut id = format!("o{i}");
                match edit {
                    Edit::Keep => {}
                    Edit::Drop => continue,
                    Edit::Record(q, r) => o.records[q] = r,
                    Edit::NewId => id = format!("renamed-{i}"),
                    Edit::Party(p) => o.party = p,
                    Edit::Move(s) => o.state = s,
                }
                new.push((id, o));
            }
            new.extend(additions.into_iter().enumerate().map(|(i, o)| (format!("n{i}"), o)));
            (build(&old, old_questions), build(&new, new_questions))
        })
}

/// Each state's file of a feed, as `scorecard-feed split` writes them, read back.
fn state_files(feed: &Feed) -> BTreeMap<&'static str, Feed> {
    let doc = feed.to_doc();
    let parts = shards::split(&doc);
    parts
        .shards
        .iter()
        .map(|(state, doc)| (state.code(), load_json(to_json_pretty(doc).as_bytes()).feed.unwrap()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_feed_against_itself_has_no_changes((a, _) in pair()) {
        prop_assert!(diff(&a, &a).is_empty());
        let reloaded = load_json(to_json_pretty(&a.to_doc()).as_bytes()).feed.unwrap();
        prop_assert!(diff(&a, &reloaded).is_empty());
        prop_assert!(atom_entries(&atom::write(&diff(&a, &a), Date::new(2024, 1, 1).unwrap())).1.is_empty());
    }

    #[test]
    fn applying_a_diff_to_the_old_stances_gives_the_new((a, b) in pair()) {
        let d = diff(&a, &b);
        let mut table = StanceTable::of(&a);
        d.apply(&mut table).map_err(|c| TestCaseError::fail(c.0))?;
        prop_assert!(table.same_as(&StanceTable::of(&b)), "{:#?}\n{:#?}", table, StanceTable::of(&b));
        // Every format writes it, and the Atom feed is XML.
        let day = Date::new(2024, 1, 1).unwrap();
        prop_assert_eq!(atom_entries(&atom::write(&d, day)).1.len(), usize::from(!d.is_empty()));
        let _: Value = serde_json::from_str(&json::write(&d, false)).unwrap();
    }

    #[test]
    fn a_sharded_feed_diffed_state_by_state_gives_the_whole_diff((a, b) in pair()) {
        let (old_files, new_files) = (state_files(&a), state_files(&b));
        let mut states: Vec<&str> = old_files.keys().chain(new_files.keys()).copied().collect();
        states.sort_unstable();
        states.dedup();
        let per_state = states
            .iter()
            .map(|s| {
                match (old_files.get(s), new_files.get(s)) {
                    (Some(a), Some(b)) => compare_officials(a, b, Renames::Later),
                    (a, b) => diff_officials(
                        a.map(snapshots).unwrap_or_default(),
                        b.map(snapshots).unwrap_or_default(),
                        Renames::Later,
                    ),
                }
            })
            .collect();
        let joined = join_states(diff_parts(&a, &b), per_state);
        prop_assert_eq!(joined, diff(&a, &b));
    }
}
