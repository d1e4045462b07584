//! The embed options (docs/embed.md), read and written in one place: [`parse`] turns a
//! widget element's `data-*` attributes (or, on the standalone and iframe pages, the page
//! address) into [`EmbedOptions`]; [`EmbedOptions::attributes`] and [`snippet`] write them
//! back as the organizer's embed snippet, so what the organizer writes is what the widget reads.
//! Resolving addresses against the page and checking a feed named in the address are the
//! browser's part; everything else about the options is decided here.

use crate::donate::sanitize_refcode;
use crate::i18n::Lang;
use crate::states::{State, StateSet};

/// Seconds the widget waits for its feed when `data-timeout` does not say.
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// `data-timeout` is clamped to this range.
pub const TIMEOUT_RANGE: std::ops::RangeInclusive<u32> = 1..=300;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The attribute value: `auto`, `light`, `dark`.
    pub fn value(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// `light` and `dark` (surrounding spaces ignored); anything else is [`Theme::Auto`].
    pub fn parse(value: &str) -> Theme {
        match value.trim() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// Whether the widget keeps its view in the page address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UrlMode {
    /// Read a view or shared shortlist from the address on load, never change the address:
    /// the default for embeds, whose host page owns its URL.
    #[default]
    Read,
    /// Also keep the view in the address as it changes, with Back/Forward: the standalone page.
    Sync,
}

/// What an embedder asked for. Addresses are as written (trimmed): the widget resolves them
/// against the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `data-feed`; `None`: the bundled default feed.
    pub feed: Option<String>,
    /// The page address's `feed` parameter, when the options come from the address
    /// (`data-options="query"`). The widget uses it only if it is allowed (same site or https).
    pub requested_feed: Option<String>,
    /// The question shown first, by id.
    pub question: Option<String>,
    pub states: StateSet,
    pub stance: Option<String>,
    /// ActBlue refcode added to donate links, cleaned by [`sanitize_refcode`].
    pub refcode: Option<String>,
    pub theme: Theme,
    /// A smaller layout for narrow columns: no description, fewer filters.
    pub compact: bool,
    /// The map of the states (`data-map="off"` / `"on"`); `None`: on, except in compact mode
    /// ([`EmbedOptions::map_shown`]).
    pub map: Option<bool>,
    pub url: UrlMode,
    /// Seconds to wait for the feed before showing an error (`data-timeout`, 1–300).
    pub timeout_secs: u32,
    /// The embedder's ZIP table folder (`data-zip-table`). Never taken from the page address.
    pub zip_table: Option<String>,
    /// The language (`data-lang`, or `lang` in the page address): `None` follows the browser.
    /// A language the widget does not speak counts as absent.
    pub lang: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            feed: None,
            requested_feed: None,
            question: None,
            states: StateSet::EMPTY,
            stance: None,
            refcode: None,
            theme: Theme::Auto,
            compact: false,
            map: None,
            url: UrlMode::Read,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            zip_table: None,
            lang: None,
        }
    }
}

/// `data-map`'s value: shown (`on`), hidden (`off`), or `None` for the default (anything else).
pub fn parse_map(value: &str) -> Option<bool> {
    match value.trim() {
        "off" | "false" | "0" | "no" => Some(false),
        "on" | "true" | "1" | "yes" => Some(true),
        _ => None,
    }
}

/// Reads the options. `attribute(name)` is the element's `data-{name}` attribute as written
/// (`Some("")` for a bare `data-compact`); `query(name)` is the page address's query parameter
/// `name`, consulted only when the element says `data-options="query"` (the standalone and
/// iframe pages): then the address's `question`, `states`, `stance`, `refcode`, `theme`, `lang`,
/// `compact` and `map` win over the attributes, and its `feed` becomes
/// [`EmbedOptions::requested_feed`].
/// `url`, `timeout` and `zip-table` come from attributes only. Blank values count as absent,
/// except for `compact`, a flag: present (even empty) means on, unless `false`, `0` or `no`.
pub fn parse(attribute: impl Fn(&str) -> Option<String>, query: impl Fn(&str) -> Option<String>) -> EmbedOptions {
    let non_blank = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    let attr = |name: &str| non_blank(attribute(name));
    let from_query = attribute("options").as_deref() == Some("query");
    let query = |name: &str| if from_query { query(name) } else { None };
    let get = |name: &str| non_blank(query(name)).or_else(|| attr(name));
    let trimmed = |value: Option<String>| value.map(|v| v.trim().to_string());
    EmbedOptions {
        feed: trimmed(attr("feed")),
        requested_feed: trimmed(non_blank(query("feed"))),
        question: trimmed(get("question")),
        states: get("states").map(|s| parse_states(&s)).unwrap_or_default(),
        stance: trimmed(get("stance")),
        refcode: get("refcode").and_then(|r| sanitize_refcode(&r)),
        theme: get("theme").map_or(Theme::Auto, |t| Theme::parse(&t)),
        compact: attribute("compact")
            .or_else(|| query("compact"))
            .is_some_and(|c| !matches!(c.trim(), "false" | "0" | "no")),
        map: get("map").as_deref().and_then(parse_map),
        url: match attr("url").as_deref().map(str::trim) {
            Some("sync") => UrlMode::Sync,
            _ => UrlMode::Read,
        },
        timeout_secs: attr("timeout")
            .and_then(|t| t.trim().parse::<u32>().ok())
            .map_or(DEFAULT_TIMEOUT_SECS, |t| t.clamp(*TIMEOUT_RANGE.start(), *TIMEOUT_RANGE.end())),
        zip_table: trimmed(attr("zip-table")),
        lang: get("lang").and_then(|l| Lang::parse(&l)),
    }
}

/// "MN", "mn, wi", "MN WI", "New York, Vermont": unknown names are ignored.
pub fn parse_states(text: &str) -> StateSet {
    text.split([',', ';'])
        .flat_map(|part| match State::parse(part) {
            Some(state) => vec![state],
            None => part.split_whitespace().filter_map(State::parse).collect(),
        })
        .collect()
}

impl EmbedOptions {
    /// Whether the widget offers the map of the states.
    pub fn map_shown(&self) -> bool {
        self.map.unwrap_or(!self.compact)
    }

    /// The `data-*` attributes (names without `data-`) that [`parse`] reads back as these
    /// options, in the order of docs/embed.md; defaults are left out, and a `compact` flag is
    /// bare (value `""`). [`EmbedOptions::requested_feed`] is not an attribute.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut add = |name: &'static str, value: Option<&str>| {
            if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
                out.push((name, value.to_string()));
            }
        };
        add("feed", self.feed.as_deref());
        add("question", self.question.as_deref());
        let states: Vec<&str> = self.states.iter().map(State::code).collect();
        add("states", Some(&states.join(", ")));
        add("stance", self.stance.as_deref());
        add("refcode", self.refcode.as_deref().and_then(sanitize_refcode).as_deref());
        add("theme", (self.theme != Theme::Auto).then(|| self.theme.value()));
        add("lang", self.lang.map(Lang::tag));
        if self.compact {
            out.push(("compact", String::new()));
        }
        if let Some(map) = self.map {
            out.push(("map", if map { "on" } else { "off" }.to_string()));
        }
        let mut add = |name: &'static str, value: Option<String>| out.extend(value.map(|v| (name, v)));
        add("url", (self.url == UrlMode::Sync).then(|| "sync".into()));
        let timeout = self.timeout_secs.clamp(*TIMEOUT_RANGE.start(), *TIMEOUT_RANGE.end());
        add("timeout", (timeout != DEFAULT_TIMEOUT_SECS).then(|| timeout.to_string()));
        add("zip-table", self.zip_table.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string));
        out
    }
}

/// The snippet a blogger pastes: the widget's element with `options` as attributes, a link to
/// the feed's page for readers without scripts (`link` titled `link_text`), and the loader,
/// pinned by its Subresource Integrity hash when there is one (the npm package's, see
/// [`integrity_hash`]).
pub fn snippet(options: &EmbedOptions, link: &str, link_text: &str, embed_js: &str, integrity: Option<&str>) -> String {
    let mut attributes = String::from("data-scorecard");
    for (name, value) in options.attributes() {
        attributes.push_str(" data-");
        attributes.push_str(name);
        if !value.is_empty() {
            attributes.push_str(&format!("=\"{}\"", escape_attribute(&value)));
        }
    }
    let pinned = integrity
        .map(|hash| format!("\n        integrity=\"{}\" crossorigin=\"anonymous\"", escape_attribute(hash)))
        .unwrap_or_default();
    format!(
        "<div {attributes}>\n  <a href=\"{}\">{}</a>\n</div>\n<script type=\"module\" src=\"{}\"{pinned}></script>\n",
        escape_attribute(link),
        escape_text(link_text),
        escape_attribute(embed_js),
    )
}

/// Text for a double-quoted HTML attribute value.
pub fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Text for HTML element content.
pub fn escape_text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A Subresource Integrity hash (`sha384-<base64>`), if `text` is a well-formed one: the
/// organizer page of the npm package is given the loader's (`cargo xtask package` writes it on
/// the page's element), and anything else leaves the snippet without `integrity`.
pub fn integrity_hash(text: &str) -> Option<&str> {
    let hash = text.trim();
    let (algorithm, digest) = hash.split_once('-')?;
    let well_formed = matches!(algorithm, "sha256" | "sha384" | "sha512")
        && !digest.is_empty()
        && digest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    well_formed.then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn from(attributes: &[(&str, &str)], query: &[(&str, &str)]) -> EmbedOptions {
        let attributes: HashMap<String, String> =
            attributes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let query: HashMap<String, String> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        parse(|name| attributes.get(name).cloned(), |name| query.get(name).cloned())
    }

    fn states(codes: &[&str]) -> StateSet {
        codes.iter().filter_map(|c| State::parse(c)).collect()
    }

    #[test]
    fn no_attributes_are_the_defaults() {
        assert_eq!(from(&[], &[]), EmbedOptions::default());
        assert_eq!(EmbedOptions::default().attributes(), vec![]);
    }

    #[test]
    fn attributes_are_trimmed_cleaned_and_clamped() {
        let options = from(
            &[
                ("feed", " https://example.org/f.json "),
                ("question", " q2 "),
                ("states", "mn; New York, VT WI, Atlantis"),
                ("stance", "  "),
                ("refcode", " my blog! "),
                ("theme", " dark "),
                ("compact", ""),
                ("url", "sync"),
                ("timeout", "900"),
                ("zip-table", " zips/ "),
            ],
            &[("question", "ignored without data-options")],
        );
        assert_eq!(options.feed.as_deref(), Some("https://example.org/f.json"));
        assert_eq!(options.question.as_deref(), Some("q2"));
        assert_eq!(options.states, states(&["MN", "NY", "VT", "WI"]));
        assert_eq!(options.stance, None);
        assert_eq!(options.refcode.as_deref(), Some("myblog"));
        assert_eq!((options.theme, options.compact, options.url), (Theme::Dark, true, UrlMode::Sync));
        assert_eq!(options.timeout_secs, 300);
        assert_eq!(options.zip_table.as_deref(), Some("zips/"));
        assert_eq!(from(&[("timeout", "0")], &[]).timeout_secs, 1);
        assert_eq!(from(&[("timeout", "soon")], &[]).timeout_secs, DEFAULT_TIMEOUT_SECS);
        assert_eq!(from(&[("theme", "blue")], &[]).theme, Theme::Auto);
        assert_eq!(from(&[("lang", " es-MX ")], &[]).lang, Some(Lang::Es));
        assert_eq!(from(&[("lang", "fr")], &[]).lang, None);
        assert_eq!(from(&[("options", "query"), ("lang", "en")], &[("lang", "es")]).lang, Some(Lang::Es));
        assert_eq!(
            from(&[("lang", "en")], &[("lang", "es")]).lang,
            Some(Lang::En),
            "an embed's page address does not choose"
        );
        for off in ["false", " 0 ", "no"] {
            assert!(!from(&[("compact", off)], &[]).compact);
        }
    }

    #[test]
    fn the_map_is_on_unless_turned_off_or_compact() {
        assert!(from(&[], &[]).map_shown());
        assert!(!from(&[("map", "off")], &[]).map_shown());
        assert!(!from(&[("compact", "")], &[]).map_shown());
        assert!(from(&[("compact", ""), ("map", " on ")], &[]).map_shown());
        assert!(from(&[("map", "sideways")], &[]).map_shown());
        assert_eq!(from(&[("map", "off")], &[]).attributes(), vec![("map", "off".to_string())]);
        assert!(!from(&[("options", "query")], &[("map", "no")]).map_shown());
    }

    #[test]
    fn the_page_address_wins_only_when_the_element_asks_and_only_for_view_options() {
        let attributes = [
            ("options", "query"),
            ("feed", "feeds/default.json"),
            ("question", "from-attribute"),
            ("stance", "from-attribute"),
            ("url", "sync"),
        ];
        let query = [
            ("feed", " https://example.org/other.json "),
            ("question", "from-address"),
            ("stance", " "),
            ("states", "VT"),
            ("compact", ""),
            ("url", "read"),
            ("timeout", "5"),
            ("zip-table", "https://evil.example/"),
        ];
        let options = from(&attributes, &query);
        assert_eq!(options.feed.as_deref(), Some("feeds/default.json"));
        assert_eq!(options.requested_feed.as_deref(), Some("https://example.org/other.json"));
        assert_eq!(options.question.as_deref(), Some("from-address"));
        assert_eq!(options.stance.as_deref(), Some("from-attribute"), "a blank parameter falls back");
        assert_eq!(options.states, states(&["VT"]));
        assert!(options.compact);
        assert_eq!((options.url, options.timeout_secs, options.zip_table), (UrlMode::Sync, DEFAULT_TIMEOUT_SECS, None));
        assert_eq!(from(&[("options", " query")], &query).requested_feed, None);
    }

    #[test]
    fn the_snippet_escapes_and_writes_what_the_widget_reads() {
        let options = EmbedOptions {
            feed: Some("https://example.org/feed.json?a=1&b=\"2\"".into()),
            states: states(&["VT"]),
            stance: Some("endorsed-sanders".into()),
            refcode: Some("my-blog".into()),
            compact: true,
            ..EmbedOptions::default()
        };
        assert_eq!(
            snippet(&options, "https://example.org/", "Who <b>endorsed</b> Sanders & Warren?", "https://cdn.example.org/embed.js", None),
            "<div data-scorecard data-feed=\"https://example.org/feed.json?a=1&amp;b=&quot;2&quot;\" data-states=\"VT\" \
             data-stance=\"endorsed-sanders\" data-refcode=\"my-blog\" data-compact>\n  <a href=\"https://example.org/\">\
             Who &lt;b&gt;endorsed&lt;/b&gt; Sanders &amp; Warren?</a>\n</div>\n\
             <script type=\"module\" src=\"https://cdn.example.org/embed.js\"></script>\n"
        );
        assert_eq!(
            snippet(
                &EmbedOptions::default(),
                "https://example.org/",
                "Feed",
                "https://cdn.example.org/embed.js",
                Some("sha384-AbC+/=")
            ),
            "<div data-scorecard>\n  <a href=\"https://example.org/\">Feed</a>\n</div>\n\
             <script type=\"module\" src=\"https://cdn.example.org/embed.js\"\n        \
             integrity=\"sha384-AbC+/=\" crossorigin=\"anonymous\"></script>\n"
        );
        assert_eq!(escape_attribute("<\"&'>"), "&lt;&quot;&amp;'&gt;");
        assert_eq!(escape_text("<\"&'>"), "&lt;\"&amp;'&gt;");
    }

    #[test]
    fn an_integrity_hash_is_taken_only_when_well_formed() {
        let hash = "sha384-UMrCOlILlaNWKXvOSBVRJ0wU9hsna9dZrSTP/i1NciO78bwkLYQ75acQ3EGCpQZD";
        assert_eq!(integrity_hash(&format!(" {hash} ")), Some(hash));
        for bad in ["", "sha384", "md5-abc", "sha384-", "sha384-a\" onload=\"x", "sha384-a b"] {
            assert_eq!(integrity_hash(bad), None, "{bad}");
        }
    }

    fn text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of("[ a-z0-9&<>\"'_-]{0,12}")
    }

    proptest! {
        // Whatever the organizer's fields hold, the widget reads the snippet's attributes back
        // as the same options (once cleaned as the widget cleans them).
        #[test]
        fn attributes_read_back_as_the_same_options(
            feed in text(), question in text(), stance in text(), refcode in text(), zip_table in text(),
            state_bits in any::<u64>(), theme in 0..3usize, compact in any::<bool>(), sync in any::<bool>(),
            timeout in 0..400u32, lang in 0..3usize, map in proptest::option::of(any::<bool>()),
        ) {
            let options = EmbedOptions {
                feed, requested_feed: None, question, stance, refcode, zip_table,
                states: State::all().filter(|s| state_bits & (1 << (s.index() % 64)) != 0).collect(),
                theme: Theme::ALL[theme],
                compact,
                map,
                url: if sync { UrlMode::Sync } else { UrlMode::Read },
                timeout_secs: timeout,
                lang: [None, Some(Lang::En), Some(Lang::Es)][lang],
            };
            let written = options.attributes();
            let read = parse(
                |name| written.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()),
                |_| Some("never consulted".into()),
            );
            let once = parse(
                |name| match name {
                    "feed" => options.feed.clone(),
                    "question" => options.question.clone(),
                    "stance" => options.stance.clone(),
                    "refcode" => options.refcode.clone(),
                    "zip-table" => options.zip_table.clone(),
                    "states" => written.iter().find(|(n, _)| *n == "states").map(|(_, v)| v.clone()),
                    "theme" => Some(options.theme.value().into()),
                    "compact" => options.compact.then(String::new),
                    "map" => map.map(|on| if on { "on" } else { "off" }.into()),
                    "url" => sync.then(|| "sync".into()),
                    "timeout" => Some(timeout.to_string()),
                    "lang" => options.lang.map(|l| l.tag().to_string()),
                    _ => None,
                },
                |_| None,
            );
            prop_assert_eq!(read, once);
        }
    }
}
