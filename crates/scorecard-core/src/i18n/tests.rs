use std::collections::BTreeSet;
use std::path::Path;

use super::*;

fn keys(lang: Lang) -> BTreeSet<&'static str> {
    lang.catalogue().keys().collect()
}

/// A key of a plural form (`count.one`) stands for its message's key (`count`).
fn message_key(key: &str) -> &str {
    match key.rsplit_once('.') {
        Some((base, "zero" | "one" | "two" | "few" | "many" | "other")) => base,
        _ => key,
    }
}

#[test]
fn catalogues_have_the_same_keys() {
    let en = keys(Lang::En);
    for lang in Lang::ALL {
        let other = keys(lang);
        let missing: Vec<_> = en.iter().filter(|k| !other.contains(*k) && !k.ends_with(".many")).collect();
        let extra: Vec<_> = other.iter().filter(|k| !en.contains(*k) && !k.ends_with(".many")).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", lang.tag());
        assert!(extra.is_empty(), "{}: not in English {extra:?}", lang.tag());
    }
}

#[test]
fn each_text_is_complete_and_takes_the_same_arguments() {
    for lang in Lang::ALL {
        let source = lang.source();
        let mut seen = BTreeSet::new();
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, text) =
                line.split_once(" = ").unwrap_or_else(|| panic!("{}.txt line {}: not `key = text`", lang.tag(), n + 1));
            let english = Lang::En.catalogue().get(key.trim()).unwrap_or_default();
            assert!(seen.insert(key.trim()), "{}.txt line {}: {key} twice", lang.tag(), n + 1);
            assert!(!text.trim().is_empty(), "{}.txt line {}: {key} is empty", lang.tag(), n + 1);
            assert!(
                english.is_empty() || text.starts_with(' ') == english.starts_with(' '),
                "{}.txt: {key} starts with a space in one language only",
                lang.tag()
            );
            // A translation may leave an argument out (Spanish quotes a stance's label where
            // English reads it as a verb), never use one the code does not give.
            let given = placeholders(english);
            for name in placeholders(text) {
                assert!(given.contains(&name), "{}.txt: {key} uses {{{name}}}, which English does not", lang.tag());
            }
        }
        // Every plural message has the forms its language uses.
        for key in lang.catalogue().keys().filter(|k| k.ends_with(".other")) {
            let base = message_key(key);
            assert!(lang.catalogue().get(&format!("{base}.one")).is_some(), "{}: {base}.one", lang.tag());
        }
    }
}

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.ends_with("i18n") {
            continue; // this module's own examples
        } else if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Keys named in code: `Msg::new("…")`, and the widget's `.t("…")` and `.n("…"`.
fn keys_in(code: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for opener in ["Msg::new(\"", ".t(\"", ".n(\""] {
        for (at, _) in code.match_indices(opener) {
            let rest = &code[at + opener.len()..];
            if let Some(end) = rest.find('"') {
                found.push(&rest[..end]);
            }
        }
    }
    found
}

#[test]
fn every_key_used_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut code = Vec::new();
    for dir in ["crates/scorecard-core/src", "src", "crates/scorecard-prerender/src", "crates/scorecard-organizer/src"]
    {
        if root.join(dir).is_dir() {
            sources(&root.join(dir), &mut code);
        }
    }
    let known: BTreeSet<&str> = Lang::En.catalogue().keys().map(message_key).collect();
    let used: BTreeSet<&str> = code.iter().flat_map(|c| keys_in(c)).filter(|k| !k.contains('{')).collect();
    assert!(used.len() > 20, "the scan found too few keys ({}): is the pattern still right?", used.len());
    let missing: Vec<_> = used.iter().filter(|k| !known.contains(*k)).collect();
    assert!(missing.is_empty(), "keys used in code but in no catalogue: {missing:?}");
}

#[test]
fn languages_from_tags() {
    assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::parse(" ES "), Some(Lang::Es));
    assert_eq!(Lang::parse("en_US"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::parse("est"), None);
    assert_eq!(Lang::from_preferences(["fr-FR", "es-419", "en"]), Lang::Es);
    assert_eq!(Lang::from_preferences(["fr-FR"]), Lang::En);
    assert_eq!(Lang::Es.locale_for(["en-US", "es-MX"]), "es-MX");
    assert_eq!(Lang::Es.locale_for(["en-US"]), "es-US");
    assert_eq!(Lang::En.locale_for(["en_GB"]), "en-GB");
    assert_eq!(Lang::Es.locale_for(["es-", "es-toolongsubtag"]), "es-US");
}

/// The loader (web/embed.js) picks the starting language and warms its number formats before
/// the wasm exists, so it lists the languages itself: its `LOCALES` line must say what `Lang` does.
#[test]
fn the_loader_speaks_the_same_languages_in_the_same_locales() {
    let loader = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/embed.js")).unwrap();
    let line = loader.lines().find(|l| l.starts_with("const LOCALES = ")).expect("web/embed.js has a LOCALES line");
    let expected: Vec<String> = Lang::ALL.iter().map(|l| format!("{}: '{}'", l.tag(), l.default_locale())).collect();
    assert_eq!(line, format!("const LOCALES = {{ {} }};", expected.join(", ")));
}

#[test]
fn messages_render_with_plurals_and_arguments() {
    let en = Plain(Lang::En);
    let es = Plain(Lang::Es);
    let officials = |n: u64| Msg::new("count.officials").count("n", n);
    assert_eq!(officials(1).render(&en), "1 official");
    assert_eq!(officials(1015).render(&en), "1,015 officials");
    assert_eq!(officials(1).render(&es), "1 funcionario");
    assert_eq!(officials(0).render(&es), "0 funcionarios");
    assert_eq!(officials(1_000_000).render(&es), "1,000,000 funcionarios");
    let give = Msg::new("step.give").money("amount", Cents(2750));
    assert_eq!(give.render(&es), "Donar $27.50");
    // A key missing everywhere shows as itself; missing in Spanish only, in English.
    assert_eq!(Msg::new("no.such.key").render(&es), "no.such.key");
}

#[test]
fn filling_leaves_what_is_not_an_argument() {
    assert_eq!(fill("{a} and {b}", |n| (n == "a").then(|| "A".into())), "A and {b}");
    assert_eq!(fill("{ not } {", |_| None), "{ not } {");
    assert_eq!(placeholders("{n} of {total}, {n}"), ["n", "total"]);
}

#[test]
fn plain_dates() {
    let date = Date::new(2026, 11, 23).unwrap();
    assert_eq!(Plain(Lang::En).date(date), "Nov 23, 2026");
    assert_eq!(Plain(Lang::Es).date(date), "23 nov 2026");
}

#[test]
fn states_by_their_names_in_each_language() {
    use crate::states::{search_in, State};
    for state in State::all() {
        assert_eq!(Lang::En.catalogue().get(&format!("state.{}", state.code())), Some(state.name()), "en.txt: {state}");
        assert!(Lang::Es.catalogue().get(&format!("state.{}", state.code())).is_some(), "es.txt: {state}");
    }
    let ny = State::parse("NY").unwrap();
    assert_eq!(ny.name_in(Lang::Es), "Nueva York");
    assert_eq!(Msg::new("place.state").state("state", ny).render(&Plain(Lang::Es)), " en Nueva York");
    assert_eq!(Msg::new("place.state").state("state", ny).render(&Plain(Lang::En)), " in New York");
    // A Spanish reader finds a state by its Spanish or its English name, accents or not.
    assert_eq!(search_in("nueva y", Lang::Es)[0], ny);
    assert_eq!(search_in("new york", Lang::Es)[0], ny);
    assert_eq!(search_in("misuri", Lang::Es)[0], State::parse("MO").unwrap());
    assert_eq!(search_in("hawai", Lang::Es)[0], State::parse("HI").unwrap());
    assert_eq!(search_in("nueva", Lang::En), Vec::<State>::new());
    let states = ["NY", "NC", "VT"].map(|c| State::parse(c).unwrap());
    let joined = crate::wording::join_states(&states);
    assert_eq!(joined.render(&Plain(Lang::Es)), "Nueva York, Carolina del Norte y Vermont");
    assert_eq!(joined.en(), "New York, North Carolina and Vermont");
}
