//! Loading JSON feeds: every problem located and explained, good records kept.

use scorecard_core::diagnostics::{Diagnostic, Location, Severity};
use scorecard_core::feed::{load_json, to_json_pretty, Loaded};

/// A small valid feed; tests break one thing at a time.
fn feed_with(officials: &str) -> String {
    format!(
        r#"{{
  "format_version": 1,
  "meta": {{ "title": "Test feed", "updated": "2020-03-27",
            "attribution": {{ "text": "Data: test", "url": "https://example.org/data" }} }},
  "questions": [
    {{ "id": "q1", "text": "Did they endorse?", "default_stance": "none",
      "stances": [
        {{ "id": "yes", "label": "Endorsed", "tone": "positive" }},
        {{ "id": "other", "label": "Endorsed someone else", "tone": "negative" }},
        {{ "id": "none", "label": "No endorsement" }}
      ] }}
  ],
  "officials": [
{officials}
  ]
}}"#
    )
}

const GOOD: &str = r#"    { "id": "a", "name": "Ann Able", "state": "VT", "position": "Senator", "party": "Democratic",
      "stances": { "q1": { "stance": "yes", "date": "2019-02-19",
                           "evidence": [ { "url": "https://example.org/a", "quote": "I'm in." } ] } } }"#;

fn load(text: &str) -> Loaded {
    load_json(text.as_bytes())
}

fn only(loaded: &Loaded, severity: Severity) -> Vec<&Diagnostic> {
    loaded.report.diagnostics.iter().filter(|d| d.severity == severity).collect()
}

/// The messages of one severity, as the report words them (without the place).
fn said(loaded: &Loaded, severity: Severity) -> Vec<&str> {
    only(loaded, severity).iter().map(|d| d.message.as_str()).collect()
}

fn json_location(d: &Diagnostic) -> (&str, u32, u32) {
    match &d.location {
        Location::Json { path, line, column } => (path.as_str(), *line, *column),
        other => panic!("expected a JSON location, got {other:?}"),
    }
}

#[test]
fn a_valid_feed_loads_cleanly() {
    let loaded = load(&feed_with(GOOD));
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    let feed = loaded.feed.unwrap();
    assert_eq!(feed.officials.len(), 1);
    assert_eq!(feed.meta.updated.unwrap().to_string(), "2020-03-27");
    let record = feed.officials[0].stances[0].as_ref().unwrap();
    assert_eq!(feed.questions[0].stances[record.stance as usize].id, "yes");
    assert_eq!(record.evidence[0].url.as_ref().unwrap().as_str(), "https://example.org/a");
    assert_eq!(loaded.report.summary(), "1 loaded, 0 skipped, 0 warnings");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = feed_with(GOOD).replace("\"Senator\",", "\"Senator\"");
    let loaded = load(&text);
    assert!(loaded.feed.is_none());
    let errors = only(&loaded, Severity::Error);
    assert_eq!(errors.len(), 1);
    let (_, line, column) = json_location(errors[0]);
    let expected_line = text.lines().position(|l| l.contains("\"Senator\" \"party\"")).unwrap() as u32 + 1;
    assert_eq!(line, expected_line);
    assert!(column > 60, "column {column}");
    assert!(errors[0].message.contains("comma"), "{}", errors[0].message);
}

#[test]
fn common_json_mistakes_are_explained() {
    let cases: [(&str, &str); 13] = [
        ("<!doctype html><html><body>Not found</body></html>", "this is a web page (HTML), not a JSON feed"),
        (r#"{"format_version": 1, "questions": [], }"#, "comma after the last item"),
        (r#"{"format_version": NaN}"#, "NaN"),
        ("{\n// a comment\n}", "comments are not allowed"),
        (r#"{'format_version': 1}"#, "keys must be in double quotes, not single quotes"),
        (r#"{"format_version": /* one */ 1}"#, "comments are not allowed in JSON"),
        (r#"{"format_version": 1, "meta": {"title": 'T'}}"#, "text must be in double quotes, not single quotes"),
        (
            "{\"format_version\": 1, \"meta\": {\"title\": \"a\u{7}b\"}}",
            "text contains a raw line break or control character",
        ),
        (
            r#"{"format_version": 1, "meta": {"title": "T"}, "questions": [{"id": "q", "text": "Q?", "stances": [{"id": "y", "label": "Y", "tone": "sunny"}]}], "officials": []}"#,
            "\"sunny\" is not allowed here; use one of: ",
        ),
        (r#"{"format_version": 1, "meta": {"title": "x""#, "cut off"),
        (r#"{"format_version": 1} trailing"#, "more text after the end"),
        (r#"[1, 2]"#, "must be a JSON object"),
        // A message with no plainer words is said as serde_json says it.
        (r#"{"format_version": -x}"#, "invalid number"),
    ];
    for (text, expected) in cases {
        let loaded = load(text);
        assert!(loaded.feed.is_none(), "{text}");
        let message = &loaded.report.diagnostics[0].message;
        assert!(message.contains(expected), "{text}: got {message:?}");
    }
}

#[test]
fn wrong_types_name_the_field_and_skip_only_that_record() {
    let officials = format!("{GOOD},\n    {{ \"id\": \"b\", \"name\": \"Bo Bad\", \"state\": [\"VT\"] }}");
    let loaded = load(&feed_with(&officials));
    let feed = loaded.feed.as_ref().unwrap();
    assert_eq!(feed.officials.len(), 1);
    assert_eq!(loaded.report.skipped, 1);
    let errors = only(&loaded, Severity::Error);
    let (path, _, _) = json_location(errors[0]);
    assert_eq!(path, "officials[1].state");
    assert_eq!(errors[0].message, "expected text but found a list [ … ]; official skipped");
}

#[test]
fn numbers_are_read_as_text_as_written() {
    let officials = [
        r#"    { "id": 12, "name": "Ann Able", "state": "VT", "district": 7.0 }"#,
        r#"    { "id": -3, "name": "Bob Baker", "state": "VT", "district": 7.5 }"#,
        r#"    { "id": 1e2, "name": "Cy Castro", "state": "VT", "district": 2.5e-3 }"#,
    ]
    .join(",\n");
    let loaded = load(&feed_with(&officials));
    let feed = loaded.feed.as_ref().unwrap();
    let read: Vec<(&str, Option<&str>)> =
        feed.officials.iter().map(|o| (o.id.as_str(), o.district.as_deref())).collect();
    assert_eq!(read, [("12", Some("7")), ("-3", Some("7.5")), ("100", Some("0.0025"))]);
}

#[test]
fn record_problems_are_skipped_or_repaired_and_reported() {
    let officials = [
        GOOD,
        r#"    { "id": "b", "name": "Bad State", "state": "XX" }"#,
        r#"    { "id": "a", "name": "Duplicate", "state": "NY" }"#,
        r#"    { "id": "c", "name": "Cal Link", "state": "CA", "website": "javascript:alert(1)", "donate_url": "http://example.org" }"#,
        r#"    { "id": "d", "name": "Dee Date", "state": "ny", "stances": { "q1": { "stance": "yes", "date": "2019-02-30" } } }"#,
        r#"    { "id": "e", "name": "Eve Unknown", "state": "Vermont", "stances": { "q1": { "stance": "maybe" }, "q9": { "stance": "yes" } } }"#,
        r#"    { "name": "No Id", "state": "PR", "district": 3 }"#,
        r#"    { "id": "f", "name": "  ", "state": "VT" }"#,
    ]
    .join(",\n");
    let loaded = load(&feed_with(&officials));
    let feed = loaded.feed.as_ref().unwrap();
    let ids: Vec<&str> = feed.officials.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "d", "e", "no-id-pr"]);
    // The id index (made while the ids were checked, skipped officials among them) finds each
    // kept official at its own place.
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(feed.official_index(id), Some(i), "{id}");
    }
    assert_eq!(feed.id_hashes().len(), ids.len());
    assert_eq!(feed.official_index("b"), None);
    assert_eq!(loaded.report.loaded, 5);
    assert_eq!(loaded.report.skipped, 3);

    let messages: Vec<String> = loaded.report.diagnostics.iter().map(|d| d.to_string()).collect();
    let find = |needle: &str| {
        messages
            .iter()
            .find(|m| m.contains(needle))
            .unwrap_or_else(|| panic!("no diagnostic with {needle:?} in {messages:#?}"))
    };
    assert!(find("\"XX\" is not a U.S. state").starts_with("error: officials[1].state (line "));
    assert!(find("already used by the official at officials[0]").starts_with("error: officials[2].id"));
    assert!(find("links starting with \"javascript:\"").starts_with("warning: officials[3].website"));
    assert!(find("not secure").starts_with("warning: officials[3].donate_url"));
    assert!(find("\"2019-02-30\" is not a date").starts_with("warning: officials[4].stances.q1.date"));
    assert!(find("\"maybe\" is not a stance").contains(
        "expected one of: yes, other, none); Eve Unknown is shown as \"No endorsement\", the question's default"
    ));
    assert!(find("no question \"q9\"").starts_with("warning: officials[5].stances.q9"));
    assert!(find("using \"no-id-pr\"").starts_with("warning: officials[6].id"));
    assert!(find("has no name").starts_with("error: officials[7].name"));
    assert_eq!(loaded.report.summary(), "5 loaded, 3 skipped, 6 warnings");

    // Repairs: the unknown stance falls back to the default; numbers read as text; names of states.
    let eve = feed.official("e").unwrap();
    assert_eq!(eve.state.code(), "VT");
    assert_eq!(feed.questions[0].stances[eve.stances[0].as_ref().unwrap().stance as usize].id, "none");
    assert_eq!(feed.official("no-id-pr").unwrap().district.as_deref(), Some("3"));
    let cal = feed.official("c").unwrap();
    assert!(cal.website.is_none() && cal.donate_url.is_none());
}

#[test]
fn located_field_points_at_the_key() {
    let text = feed_with(
        r#"    { "id": "b",
      "name": "Bad State",
      "state": "XX" }"#,
    );
    let loaded = load(&text);
    let d = only(&loaded, Severity::Error)[0];
    let (_, line, column) = json_location(d);
    let expected_line = text.lines().position(|l| l.contains("\"XX\"")).unwrap() as u32 + 1;
    assert_eq!((line, column), (expected_line, 7));
}

#[test]
fn feed_level_problems() {
    let no_version = feed_with(GOOD).replace("\"format_version\": 1,", "");
    let loaded = load(&no_version);
    assert!(loaded.feed.is_some());
    assert!(loaded.report.diagnostics[0].message.contains("no \"format_version\""));

    let v2 = feed_with(GOOD).replace("\"format_version\": 1", "\"format_version\": 2");
    let loaded = load(&v2);
    assert!(loaded.feed.is_none());
    assert!(loaded.report.diagnostics[0].message.contains("format version 2"));
    assert_eq!(json_location(&loaded.report.diagnostics[0]), ("format_version", 2, 21));

    let long_texts = feed_with(GOOD).replace("\"Test feed\"", &format!("\"{}\"", "T".repeat(300)));
    let loaded = load(&long_texts);
    assert_eq!(loaded.feed.unwrap().meta.title.chars().count(), 200);
    assert!(loaded.report.diagnostics[0].to_string().contains("meta.title"), "{:?}", loaded.report.diagnostics);
    assert!(loaded.report.diagnostics[0].message.contains("the title is longer than 200 characters"));

    let no_questions = r#"{"format_version": 1, "meta": {"title": "t"}, "questions": [], "officials": []}"#;
    let loaded = load(no_questions);
    assert!(loaded.feed.is_none());
    assert!(loaded.report.diagnostics[0].message.contains("no usable question"));

    let empty_officials = r#"{"format_version": 1, "meta": {"title": "t"}, "questions": [{"id": "q", "text": "Q?", "stances": [{"id": "y", "label": "Y"}]}], "officials": []}"#;
    let loaded = load(empty_officials);
    assert_eq!(loaded.feed.unwrap().officials.len(), 0);
    assert!(loaded.report.diagnostics.is_empty());

    let bad_question = feed_with(GOOD).replace("\"id\": \"q1\"", "\"id\": \"Q 1\"");
    let loaded = load(&bad_question);
    assert!(loaded.feed.is_none());
    assert!(loaded.report.diagnostics.iter().any(|d| d.to_string().contains("questions[0].id")));
}

#[test]
fn encodings_and_hostile_shapes_never_panic() {
    let bom = format!("\u{FEFF}{}", feed_with(GOOD));
    assert!(load(&bom).feed.is_some());

    let utf16: Vec<u8> = feed_with(GOOD).encode_utf16().flat_map(u16::to_le_bytes).collect();
    let loaded = load_json(&[&[0xFF, 0xFE][..], &utf16].concat());
    assert!(loaded.report.diagnostics[0].message.contains("UTF-16"));

    let text = feed_with(GOOD);
    let mut latin1 = text.clone().into_bytes();
    let at = latin1.iter().position(|b| *b == b'A').unwrap();
    latin1[at] = 0xC9; // 'É' in Latin-1
    let line = text[..at].matches('\n').count() as u32 + 1;
    let loaded = load_json(&latin1);
    assert!(loaded.report.diagnostics[0].message.contains("not valid UTF-8"));
    assert!(matches!(loaded.report.diagnostics[0].location, Location::Json { line: l, .. } if l == line));

    let deep = format!("{{\"format_version\": 1, \"meta\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let loaded = load(&deep);
    assert!(loaded.feed.is_none());
    assert_eq!(loaded.report.diagnostics[0].message, "expected an object { … } but found a list [ … ]");
    assert!(matches!(&loaded.report.diagnostics[0].location, Location::Json { path, .. } if path == "meta"));

    let deep_official = feed_with(&format!("{GOOD},\n{}{}", "[".repeat(10_000), "]".repeat(10_000)));
    let loaded = load(&deep_official);
    assert_eq!(loaded.feed.map(|f| f.officials.len()), Some(1));

    let duplicate_key = feed_with(r#"    { "id": "a", "name": "A", "name": "B", "state": "VT" }"#);
    let loaded = load(&duplicate_key);
    assert!(loaded.report.diagnostics[0].message.contains("appears twice"), "{:?}", loaded.report.diagnostics);

    let huge_name = feed_with(&format!(r#"    {{ "id": "a", "name": "{}", "state": "VT" }}"#, "x".repeat(5_000_000)));
    let loaded = load(&huge_name);
    assert_eq!(loaded.feed.unwrap().officials[0].name.chars().count(), 200);

    for bytes in [&b""[..], b"\x00\x00\x00", b"null", b"{}", b"{\"officials\": 5}", b"\"\\ud800\""] {
        let _ = load_json(bytes);
    }
}

#[test]
fn hostile_text_is_cleaned_not_interpreted() {
    let hostile = feed_with(
        r#"    { "id": "x", "name": "<img src=x onerror=alert(1)>\u202Eevil\u200B", "state": "VT",
      "position": "<script>alert(1)</script>", "image": "data:image/svg+xml,<svg onload=alert(1)>" }"#,
    );
    let loaded = load(&hostile);
    let official = &loaded.feed.as_ref().unwrap().officials[0];
    // Text stays text (the widget escapes it); bidi and zero-width characters are removed.
    assert_eq!(official.name, "<img src=x onerror=alert(1)>evil");
    assert!(official.image.is_none());
}

#[test]
fn normalized_output_round_trips() {
    let loaded = load(&feed_with(GOOD));
    let feed = loaded.feed.unwrap();
    let json = to_json_pretty(&feed.to_doc());
    let again = load_json(json.as_bytes());
    assert!(again.report.diagnostics.is_empty(), "{:?}", again.report.diagnostics);
    assert_eq!(again.feed.unwrap(), feed);
}

#[test]
fn districts_zip_table_donation_search_updates_url_and_contact_forms_are_checked() {
    let meta = |fields: &str| {
        feed_with(GOOD).replace(r#""updated": "2020-03-27","#, &format!(r#""updated": "2020-03-27", {fields},"#))
    };
    let good = meta(
        r#""districts": "us-house-119", "zip_table": "../zip/",
           "donation_search": "https://example.org/find?q={name}&s={state}&o={office}""#,
    );
    let loaded = load(&good);
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    let feed = loaded.feed.unwrap();
    assert_eq!(feed.meta.districts.as_deref(), Some("us-house-119"));
    assert_eq!(feed.meta.zip_table.as_deref(), Some("../zip/"));
    assert!(feed.meta.donation_search.is_some());
    let again = load(&to_json_pretty(&feed.to_doc())).feed.unwrap();
    assert_eq!(again, feed, "the new fields survive a round trip");

    let bad = meta(
        r#""districts": "US House 119", "zip_table": "http://example.org/zip/",
           "donation_search": "https://example.org/find?q={who}""#,
    );
    let loaded = load(&bad);
    let messages: Vec<String> = loaded.report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(messages[0].starts_with("warning: meta.districts (line 3,"), "{}", messages[0]);
    assert!(messages[0].contains("\"US House 119\" is not a districts id like us-house-119"), "{}", messages[0]);
    assert!(messages[1].contains("meta.zip_table") && messages[1].contains("not with \"http:\"; ignored"));
    assert!(messages[2].contains("meta.donation_search") && messages[2].contains("\"{who}\""));
    let dropped = &loaded.feed.unwrap().meta;
    assert_eq!((&dropped.districts, &dropped.zip_table, &dropped.donation_search), (&None, &None, &None));

    // The updates feed ("Follow updates") is a link like any other: https only.
    let loaded = load(&meta(r#""updates_url": "https://example.org/scorecard/updates.atom""#));
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    let feed = loaded.feed.unwrap();
    assert_eq!(feed.meta.updates_url.as_ref().map(|u| u.as_str()), Some("https://example.org/scorecard/updates.atom"));
    assert_eq!(load(&to_json_pretty(&feed.to_doc())).feed.unwrap(), feed);
    let loaded = load(&meta(r#""updates_url": "http://example.org/updates.atom""#));
    let messages: Vec<String> = loaded.report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].starts_with("warning: meta.updates_url (line 3,"), "{}", messages[0]);
    assert!(messages[0].ends_with("only https: links are shown; dropped"), "{}", messages[0]);
    assert_eq!(loaded.feed.unwrap().meta.updates_url, None);

    let official = GOOD
        .replace(r#""party": "Democratic","#, r#""party": "Democratic", "contact_url": "http://example.org/contact","#);
    let loaded = load(&feed_with(&official));
    assert_eq!(loaded.report.diagnostics.len(), 1);
    assert!(loaded.report.diagnostics[0].to_string().contains("officials[0].contact_url"));
    let official = GOOD.replace(
        r#""party": "Democratic","#,
        r#""party": "Democratic", "contact_url": "https://example.org/contact","#,
    );
    let feed = load(&feed_with(&official)).feed.unwrap();
    assert_eq!(feed.officials[0].contact_url.as_ref().map(|u| u.as_str()), Some("https://example.org/contact"));
}

/// The fast reader (the widget's main module) declines, with `None`, every feed the careful one
/// must read (the widget then loads the careful part); what it does read, it reads the same.
#[test]
fn the_fast_reader_declines_what_needs_care_and_reads_the_rest_the_same() {
    use scorecard_core::feed::load_json_fast;
    let head = r#""format_version": 1, "meta": { "title": "T" }, "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ]"#;
    let good = r#"[ { "id": "a", "name": "Ann Able", "state": "VT" } ]"#;
    let needs_care: [(&str, Vec<u8>); 7] = [
        (
            "not UTF-8",
            format!("{{ {head}, \"officials\": {good} }}")
                .replace("Ann", "An\u{1}")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 1 { 0xff } else { b })
                .collect(),
        ),
        ("broken JSON", format!("{{ {head}, \"officials\": [ {{ \"id\": ").into_bytes()),
        (
            "an empty list, last (a sharded feed's index, perhaps)",
            format!("{{ {head}, \"officials\": [] }}").into_bytes(),
        ),
        ("an empty list, first", format!("{{ \"officials\": [], {head} }}").into_bytes()),
        ("no list", format!("{{ {head} }}").into_bytes()),
        (
            "a bad record, first",
            format!("{{ \"officials\": [ {{ \"id\": \"b\", \"name\": 5, \"state\": \"VT\" }} ], {head} }}")
                .into_bytes(),
        ),
        ("a list twice", format!("{{ {head}, \"officials\": {good}, \"officials\": {good} }}").into_bytes()),
    ];
    for (what, bytes) in &needs_care {
        assert!(load_json_fast(bytes).is_none(), "{what}");
    }
    // A list given twice is an error, wherever it comes.
    let twice = load(&format!("{{ {head}, \"officials\": {good}, \"officials\": {good} }}"));
    assert!(
        twice.feed.is_none() && twice.report.diagnostics[0].message == "the field \"officials\" appears twice",
        "{:?}",
        twice.report
    );

    // Read either way, the same; a feed unusable from its top level (an unknown version) is
    // said by the fast reader too, once it has counted the officials.
    for text in [
        format!("{{ {head}, \"officials\": {good} }}"),
        format!("{{ \"officials\": {good}, {head} }}"),
        format!("{{ {}, \"officials\": {good} }}", head.replace("\"format_version\": 1", "\"format_version\": 9")),
    ] {
        let fast = load_json_fast(text.as_bytes()).expect(&text);
        let careful = load(&text);
        assert_eq!((fast.feed.is_some(), &fast.report), (careful.feed.is_some(), &careful.report), "{text}");
    }
    // The order of the top level's keys changes nothing that is said, even about a null `meta`.
    let null_meta = |officials_last: bool| {
        let head = head.replace(r#"{ "title": "T" }"#, "null");
        let text = if officials_last {
            format!("{{ {head}, \"officials\": {good} }}")
        } else {
            format!("{{ \"officials\": {good}, {head} }}")
        };
        load(&text).report
    };
    assert_eq!(null_meta(true), null_meta(false));
    assert!(!null_meta(true).diagnostics.is_empty());
}

#[test]
fn a_record_that_is_not_an_object_is_named_for_what_it_is() {
    let loaded = load(&feed_with(&format!(r#"{GOOD}, "text", null, true, 7, [1]"#)));
    let found = ["text", "null", "true or false", "a number", "a list [ … ]"];
    assert_eq!(
        said(&loaded, Severity::Error),
        found.map(|f| format!("expected an object {{ … }} but found {f}; official skipped"))
    );
    assert_eq!(loaded.feed.map(|f| f.officials.len()), Some(1));
}

#[test]
fn a_position_or_party_is_shortened_only_past_200_characters_not_200_bytes() {
    // 200 characters, some of them two bytes long: kept whole. 201: shortened, and said.
    let position = |n: usize| "é".repeat(20) + &"p".repeat(n - 20);
    let record = |n: usize| {
        format!(
            r#"{{ "id": "a", "name": "Ann Able", "state": "VT", "position": "{}", "party": "{}" }}"#,
            position(n),
            position(n)
        )
    };
    let kept = load(&feed_with(&record(200)));
    assert_eq!(only(&kept, Severity::Warning), Vec::<&Diagnostic>::new());
    let feed = kept.feed.unwrap();
    assert_eq!(feed.position_label(&feed.officials[0]).map(|p| p.chars().count()), Some(200));
    let cut = load(&feed_with(&record(201)));
    assert_eq!(
        said(&cut, Severity::Warning),
        [
            "the position is longer than 200 characters and was shortened",
            "the party is longer than 200 characters and was shortened"
        ]
    );
}

/// A feed of one official and this one question, in `language`, every problem's message.
fn said_of_question(language: &str, question: &str) -> (Loaded, Vec<String>) {
    let text = format!(
        r#"{{ "format_version": 1.1, "meta": {{ "title": "T", "language": "{language}" }}, "questions": [ {question} ],
             "officials": [ {{ "id": "a", "name": "Ann Able", "state": "VT" }} ] }}"#
    );
    let loaded = load(&text);
    let said = loaded.report.diagnostics.iter().map(|d| d.message.clone()).collect();
    (loaded, said)
}

#[test]
fn a_questions_stances_texts_and_translations_at_their_limits() {
    let stances = |ids: &[String]| {
        ids.iter().map(|id| format!(r#"{{ "id": "{id}", "label": "L" }}"#)).collect::<Vec<_>>().join(", ")
    };
    let with = |n: usize| stances(&(0..n).map(|i| format!("s{i}")).collect::<Vec<_>>());
    let question =
        |stances: &str, extra: &str| format!(r#"{{ "id": "q", "text": "Q?", "stances": [ {stances} ]{extra} }}"#);
    // Up to 32 stances; one more skips the question.
    assert_eq!(said_of_question("en", &question(&with(32), "")).1, Vec::<String>::new());
    // (Its only question skipped, the feed also says it has nothing to show.)
    assert_eq!(
        said_of_question("en", &question(&with(33), "")).1[0],
        "a question may have at most 32 stances, this one has 33; question skipped"
    );
    // A stance id used twice, or not an id.
    for (ids, why) in [
        (["y", "y"], "stance id \"y\" is used twice"),
        (["y", "Y Y"], "stance id \"Y Y\" must be 1–64 lower-case letters, digits, - or _"),
    ] {
        let ids = ids.map(String::from);
        assert_eq!(said_of_question("en", &question(&stances(&ids), "")).1[0], format!("{why}; question skipped"));
    }
    // A colour is #rrggbb: anything else is said and ignored.
    for bad in ["#1b783", "1b78370", "#1b783z"] {
        let (loaded, said) =
            said_of_question("en", &question(&format!(r#"{{ "id": "y", "label": "L", "color": "{bad}" }}"#), ""));
        assert_eq!(said, [format!("colour \"{bad}\" is not like #1b7837; ignored")]);
        assert_eq!(loaded.feed.unwrap().questions[0].stances[0].color, None);
    }
    // The question's text, and its translation's: 400 characters kept, 401 shortened.
    for n in [400, 401] {
        let long = "q".repeat(n);
        let extra = format!(r#", "translations": {{ "es": {{ "text": "{long}" }} }}"#);
        let (loaded, said) =
            said_of_question("en", &question(&with(1), &extra).replace("\"Q?\"", &format!("\"{long}\"")));
        assert_eq!(said.len(), if n == 400 { 0 } else { 2 }, "{n}: {said:?}");
        assert_eq!(loaded.feed.unwrap().questions[0].text.chars().count(), 400, "{n}");
    }
    // Translations: one per language however it is spelled, none in the feed's own language.
    let translated = |language: &str, tags: &[&str]| {
        let list = tags.iter().map(|t| format!(r#""{t}": {{ "text": "¿Q?" }}"#)).collect::<Vec<_>>().join(", ");
        let (loaded, said) =
            said_of_question(language, &question(&with(1), &format!(r#", "translations": {{ {list} }}"#)));
        (loaded.feed.unwrap().translation_languages().iter().map(|t| t.to_string()).collect::<Vec<_>>(), said)
    };
    let (kept, said) = translated("en", &["ES", "es"]);
    assert_eq!(
        (kept, said),
        (
            vec!["es".to_string()],
            vec!["\"es\" is another spelling of the language tag es, already translated; translation ignored"
                .to_string()]
        )
    );
    assert_eq!(
        translated("en", &["en"]).1,
        ["\"en\" is the feed's own language (meta.language is \"en\"); translation ignored"]
    );
    assert_eq!(
        translated("en-US", &["en"]).1,
        ["\"en\" is the feed's own language (meta.language is \"en-US\"); translation ignored"]
    );
    assert_eq!(
        translated("en-US", &["en-GB", "es"]),
        (vec!["en-GB".to_string(), "es".to_string()], Vec::<String>::new())
    );
}

#[test]
fn an_id_may_be_128_characters_not_129_and_a_made_up_one_stays_within_that() {
    // Characters, not bytes: 128 two-byte characters are a valid id.
    let with_id = |id: &str| feed_with(&format!(r#"{{ "id": "{id}", "name": "Ann Able", "state": "VT" }}"#));
    let longest = load(&with_id(&"é".repeat(128)));
    assert_eq!(longest.feed.unwrap().officials[0].id.chars().count(), 128);
    let too_long = load(&with_id(&"a".repeat(129)));
    assert_eq!(said(&too_long, Severity::Error), ["the id is longer than 128 characters; Ann Able skipped"]);
    assert_eq!(too_long.report.skipped, 1);

    // A name as long as a name may be: its made-up id is its slug cut to 118 characters, and the state.
    let name = "n".repeat(200);
    let made_up = load(&feed_with(&format!(r#"{{ "name": "{name}", "state": "VT" }}"#)));
    let id = &made_up.feed.unwrap().officials[0].id;
    assert_eq!(id, &format!("{}-vt", "n".repeat(118)));
}

#[test]
fn officials_of_one_name_and_state_without_ids_are_numbered_in_order() {
    let same = r#"{ "name": "Ann Able", "state": "VT" }"#;
    let loaded = load(&feed_with(&[same, same, same, same].join(",\n")));
    let ids: Vec<String> = loaded.feed.unwrap().officials.iter().map(|o| o.id.clone()).collect();
    assert_eq!(ids, ["ann-able-vt", "ann-able-vt-2", "ann-able-vt-3", "ann-able-vt-4"]);
}

#[test]
fn a_division_id_is_kept_when_valid_and_an_empty_one_is_no_mistake() {
    let with_division = |division: &str| {
        load(&feed_with(&format!(r#"{{ "id": "a", "name": "Ann Able", "state": "VT", "division_id": "{division}" }}"#)))
    };
    let valid = with_division(" ocd-division/country:us/state:vt ");
    assert_eq!(said(&valid, Severity::Warning), Vec::<&str>::new());
    assert_eq!(valid.feed.unwrap().officials[0].division_id.as_deref(), Some("ocd-division/country:us/state:vt"));
    let empty = with_division("  ");
    assert_eq!(said(&empty, Severity::Warning), Vec::<&str>::new());
    assert_eq!(empty.feed.unwrap().officials[0].division_id, None);
    let wrong = with_division("vermont");
    assert_eq!(said(&wrong, Severity::Warning), ["\"vermont\" is not an Open Civic Data division id; ignored"]);
}

#[test]
fn each_identifier_scheme_checks_its_own_shape() {
    let with = |scheme: &str, identifier: &str| {
        let record = format!(
            r#"{{ "id": "a", "name": "Ann Able", "state": "VT",
                 "identifiers": [ {{ "scheme": "{scheme}", "identifier": "{identifier}" }} ] }}"#
        );
        let loaded = load(&feed_with(&record));
        let kept = loaded.feed.as_ref().unwrap().officials[0].identifiers.len() == 1;
        let warnings = said(&loaded, Severity::Warning).iter().map(|w| w.to_string()).collect::<Vec<_>>();
        (kept, warnings)
    };
    let kept = |scheme: &str, identifier: &str| {
        let (kept, warnings) = with(scheme, identifier);
        assert!(kept && warnings.is_empty(), "{scheme} {identifier:?} should be kept: {warnings:?}");
    };
    let refused = |scheme: &str, identifier: &str| {
        let (kept, warnings) = with(scheme, identifier);
        assert!(!kept, "{scheme} {identifier:?} should be ignored");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        warnings[0].clone()
    };
    assert_eq!(refused(" ", "S4VT00033"), "the identifier has no scheme; ignored");

    // FEC: office letter, a digit, two state letters (or 00), five digits.
    kept("fec", "S4VT00033");
    kept("FEC", "P00000000");
    for wrong in ["S4VT0003", "S4VT000333", "X4VT00033", "SXVT00033", "S4V-00033", "S4VT0003X"] {
        assert_eq!(refused("fec", wrong), format!("\"{wrong}\" is not a valid fec identifier; ignored"));
    }
    // Bioguide: a capital letter and six digits.
    kept("bioguide", "S000033");
    for wrong in ["S00003", "S0000333", "s000033", "S00003X"] {
        refused("bioguide", wrong);
    }
    // Any other scheme: not empty, at most 200 bytes.
    kept("wikidata", &"Q".repeat(200));
    refused("wikidata", &"Q".repeat(201));
    refused("wikidata", " ");
}

#[test]
fn evidence_with_only_a_title_or_only_a_quote_is_kept() {
    let with_evidence = |evidence: &str| {
        let record = format!(
            r#"{{ "id": "a", "name": "Ann Able", "state": "VT",
                 "stances": {{ "q1": {{ "stance": "yes", "evidence": [ {evidence} ] }} }} }}"#
        );
        let feed = load(&feed_with(&record)).feed.unwrap();
        feed.officials[0].stances[0].as_ref().unwrap().evidence.len()
    };
    assert_eq!(with_evidence(r#"{ "title": "Rally speech" }"#), 1);
    assert_eq!(with_evidence(r#"{ "quote": "I'm in." }"#), 1);
    assert_eq!(with_evidence(r#"{ "url": "https://example.org/a" }"#), 1);
    assert_eq!(with_evidence(r#"{ "url": "http://example.org/a", "date": "2020-01-02" }"#), 0);
}

#[test]
fn a_feed_without_meta_is_told_so_at_its_start_not_at_its_version() {
    let text = "{\n  \"format_version\": 1,\n  \"questions\": [{\"id\": \"q\", \"text\": \"Q?\", \"stances\": [{\"id\": \"y\", \"label\": \"Y\"}]}],\n  \"officials\": []\n}";
    let loaded = load(text);
    let places: Vec<(&str, u32, u32)> = only(&loaded, Severity::Warning).into_iter().map(json_location).collect();
    assert_eq!(places, [("meta", 1, 1), ("meta.title", 1, 1)]);
}
