//! Format 1.1: a feed's language and translations, read, checked, chosen and written again;
//! format 1 feeds unchanged.

use scorecard_core::diagnostics::{Location, Severity};
use scorecard_core::feed::{load_json, to_json_pretty, Feed, Loaded};
use scorecard_core::i18n::Lang;

const V1: &str = r#"{
  "format_version": 1,
  "meta": { "title": "Who endorsed?" },
  "questions": [ { "id": "q", "text": "Did they endorse?", "label": "Endorsed",
    "stances": [ { "id": "yes", "label": "Endorsed Sanders" }, { "id": "no", "label": "No endorsement" } ] } ],
  "officials": [ { "id": "a", "name": "Ann Able", "state": "VT", "stances": { "q": { "stance": "yes" } } } ]
}
"#;

const V1_1: &str = r#"{
  "format_version": 1.1,
  "meta": { "title": "Who endorsed?", "description": "A test.", "language": "en",
    "translations": {
      "es": { "title": "¿Quién respaldó?" },
      "spanish": { "title": "Bad tag" },
      "xx": { "title": "Unknown language" },
      "EN": { "title": "The feed's own language" }
    } },
  "questions": [ { "id": "q", "text": "Did they endorse?", "label": "Endorsed",
    "translations": { "es-us": { "text": "¿Respaldaron?\u0007", "label": "Respaldo" } },
    "stances": [
      { "id": "yes", "label": "Endorsed Sanders", "translations": { "es": { "label": "Respaldó a Sanders" } } },
      { "id": "no", "label": "No endorsement", "translations": { "es": { "label": "" } } }
    ] } ],
  "officials": [ { "id": "a", "name": "Ann Able", "state": "VT", "stances": { "q": { "stance": "yes" } } } ]
}
"#;

fn the_feed(loaded: &Loaded) -> &Feed {
    loaded.feed.as_ref().expect("the feed loads")
}

#[test]
fn a_v1_feed_loads_unchanged_and_is_written_as_v1() {
    let loaded = load_json(V1.as_bytes());
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
    let feed = the_feed(&loaded);
    assert_eq!(feed.meta.language(), "en");
    assert!(feed.translation_languages().is_empty());
    let written = to_json_pretty(&feed.to_doc());
    assert!(written.contains("\"format_version\": 1,"), "{written}");
    assert!(!written.contains("translations") && !written.contains("language"), "{written}");
    // A Spanish reader sees the feed's own words, marked English.
    let es = feed.meta.localize(Lang::Es);
    let shown = feed.questions[0].stances[0].label_in(&es);
    assert_eq!((shown.text, shown.lang), ("Endorsed Sanders", Some("en")));
}

#[test]
fn translations_are_read_checked_and_chosen() {
    let loaded = load_json(V1_1.as_bytes());
    let feed = the_feed(&loaded);
    let errors = loaded.report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(errors, 0, "{:?}", loaded.report.diagnostics);
    // Bad, unknown and own-language tags: warnings, located in meta, the translation dropped.
    let warnings: Vec<(String, u32, &str)> = loaded
        .report
        .diagnostics
        .iter()
        .filter_map(|d| match &d.location {
            Location::Json { path, line, .. } => Some((path.clone(), *line, d.message.as_str())),
            _ => None,
        })
        .collect();
    let warned =
        |path: &str, says: &str| warnings.iter().any(|(p, line, m)| p == path && *line == 4 && m.contains(says));
    assert!(warned("meta.translations.spanish", "is not a language tag"), "{warnings:?}");
    assert!(warned("meta.translations.xx", "not a known language"), "{warnings:?}");
    assert!(warned("meta.translations.EN", "the feed's own language"), "{warnings:?}");
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert_eq!(feed.translation_languages(), vec!["es", "es-US"]);

    let es = feed.meta.localize(Lang::Es);
    assert_eq!(feed.meta.title_in(&es).text, "¿Quién respaldó?");
    let description = feed.meta.description_in(&es).expect("a description");
    assert_eq!((description.text, description.lang), ("A test.", Some("en")));
    // The regional tag serves Spanish readers; its text is cleaned like the text it translates.
    assert_eq!(feed.questions[0].text_in(&es).text, "¿Respaldaron?");
    assert_eq!(feed.questions[0].label_in(&es).text, "Respaldo");
    assert_eq!(feed.questions[0].stances[0].label_in(&es).text, "Respaldó a Sanders");
    // An empty translation is no translation.
    let no = feed.questions[0].stances[1].label_in(&es);
    assert_eq!((no.text, no.lang), ("No endorsement", Some("en")));
    let en = feed.meta.localize(Lang::En);
    assert_eq!(feed.questions[0].stances[0].label_in(&en).text, "Endorsed Sanders");

    // Written again as 1.1, and read back to the same feed.
    let written = to_json_pretty(&feed.to_doc());
    assert!(written.contains("\"format_version\": 1.1,"), "{written}");
    assert!(written.contains("\"es-US\""), "{written}");
    let again = load_json(written.as_bytes());
    assert!(again.report.diagnostics.is_empty(), "{:?}", again.report.diagnostics);
    assert_eq!(again.feed.as_ref(), Some(feed));
}

#[test]
fn a_bad_language_is_a_warning_and_other_versions_fail() {
    let spanish = V1.replace(r#""title": "Who endorsed?""#, r#""title": "¿Quién?", "language": "es_MX""#);
    let loaded = load_json(spanish.as_bytes());
    let feed = the_feed(&loaded);
    assert_eq!(feed.meta.language(), "en");
    let warning = &loaded.report.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(warning.message.contains("\"es_MX\" is not a language tag"), "{}", warning.message);

    let in_spanish = V1.replace(r#""title": "Who endorsed?""#, r#""title": "¿Quién?", "language": "es-mx""#);
    let loaded = load_json(in_spanish.as_bytes());
    let feed = the_feed(&loaded);
    assert_eq!(feed.meta.language(), "es-MX");
    // Read in English, the feed's words are marked Spanish.
    assert_eq!(feed.meta.title_in(&feed.meta.localize(Lang::En)).lang, Some("es-MX"));
    assert_eq!(feed.meta.title_in(&feed.meta.localize(Lang::Es)).lang, None);

    for version in ["2", "1.2", "\"1.1\"", "-1"] {
        let text = V1.replace("\"format_version\": 1,", &format!("\"format_version\": {version},"));
        let loaded = load_json(text.as_bytes());
        assert!(loaded.feed.is_none(), "{version}");
        assert!(loaded.report.diagnostics.iter().any(|d| d.severity == Severity::Error), "{version}");
    }
}

#[test]
fn coverage_says_what_each_language_translates() {
    use scorecard_core::feed::language::Coverage;
    let loaded = load_json(V1_1.as_bytes());
    let coverage = Coverage::of(the_feed(&loaded));
    let described: Vec<String> = coverage.iter().map(Coverage::describe).collect();
    assert_eq!(
        described,
        [
            "es: title, 0 of 1 question texts, 1 of 2 stance labels",
            "es-US: 1 of 1 question texts, 0 of 2 stance labels"
        ]
    );
    assert!(Coverage::of(the_feed(&load_json(V1.as_bytes()))).is_empty());
}
