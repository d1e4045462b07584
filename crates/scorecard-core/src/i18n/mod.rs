//! The widget's words in each language: one catalogue per language (`en.txt`, `es.txt` beside
//! this file, `key = text` lines), messages as a key and arguments ([`Msg`]), and how numbers,
//! money, dates and plurals are written ([`Format`]: the browser's `Intl` in the widget,
//! [`Plain`] in native tests and the prerenderer).
//!
//! The core decides *what* is said (which key, with which counts and names); the catalogue says
//! it in a language; the [`Format`] writes the numbers in it. To add a string: add a line to
//! both catalogues, and use its key (`Msg::new("key")`, or `I18n::t("key")` in the widget). The
//! test `catalogues_have_the_same_keys` fails when a key is missing in a language, and
//! `every_key_used_exists` when code names a key no catalogue has.
//!
//! A text takes arguments as `{name}`. A key with a count has plural forms: `key.one`,
//! `key.other` (and `key.many` where a language has it; `other` is the fallback), chosen by
//! the message's first count ([`Msg::count`]) through [`Format::plural`] (`Intl.PluralRules`).

use std::sync::OnceLock;

use crate::date::Date;
use crate::money::Cents;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag: `en`, `es`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, as the switch shows it: "English", "Español".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The locale numbers and dates are written in when the browser's own locale is of another
    /// language: U.S. English, and Spanish as written in the United States ("$27", "1,015").
    pub fn default_locale(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Es => "es-US",
        }
    }

    /// A language tag's language, if the widget speaks it: `es`, `es-MX`, `ES`, `en_US`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }

    /// The first of the browser's preferred languages the widget speaks; English if none.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::parse).unwrap_or_default()
    }

    /// The locale for formatting: the browser's own (`es-MX`) when it is of this language,
    /// else [`Lang::default_locale`].
    pub fn locale_for<'a>(self, browser: impl IntoIterator<Item = &'a str>) -> String {
        browser
            .into_iter()
            .find(|tag| Lang::parse(tag) == Some(self) && well_formed(tag.trim()))
            .map_or_else(|| self.default_locale().to_string(), |t| t.trim().replace('_', "-"))
    }

    /// The catalogue's text (`en.txt`, `es.txt`). The widget's release build names Spanish's
    /// only in the part it loads for Spanish readers (`SpanishWords`, src/i18n.rs), so its
    /// bytes are not in everyone's first download.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => EN_SOURCE,
            Lang::Es => ES_SOURCE,
        }
    }

    fn cell(self) -> &'static OnceLock<Catalogue> {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        static ES: OnceLock<Catalogue> = OnceLock::new();
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }

    /// Whether the language's catalogue is in: always, but for Spanish with the
    /// `lazy-catalogues` feature until it is [installed](Lang::install).
    pub fn is_ready(self) -> bool {
        !(cfg!(feature = "lazy-catalogues") && self == Lang::Es) || self.cell().get().is_some()
    }

    /// Puts in a catalogue loaded apart (its [`Lang::source`]); a second call changes nothing.
    pub fn install(self, source: &'static str) {
        self.cell().get_or_init(|| Catalogue::parse(source));
    }

    /// The language's catalogue, read once; English's while a loaded-apart one is not in (the
    /// widget waits for it before it shows the language, so this is a fallback, never seen).
    pub fn catalogue(self) -> &'static Catalogue {
        if !self.is_ready() {
            return Lang::En.catalogue();
        }
        self.cell().get_or_init(|| Catalogue::parse(self.built_in()))
    }

    /// The text compiled in: with `lazy-catalogues`, Spanish is never read here (it is in
    /// once installed), and naming it would put its bytes back in the first download.
    fn built_in(self) -> &'static str {
        match self {
            Lang::En => EN_SOURCE,
            #[cfg(not(feature = "lazy-catalogues"))]
            Lang::Es => ES_SOURCE,
            #[cfg(feature = "lazy-catalogues")]
            Lang::Es => "",
        }
    }
}

const EN_SOURCE: &str = include_str!("en.txt");
const ES_SOURCE: &str = include_str!("es.txt");

/// A tag `Intl` accepts (it throws on others): subtags of 1 to 8 letters and digits.
fn well_formed(tag: &str) -> bool {
    tag.len() <= 35
        && tag.split(['-', '_']).all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A plural category, as `Intl.PluralRules` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub fn parse(name: &str) -> Plural {
        match name {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// How numbers, money, dates and plurals are written in a language. The widget implements it
/// with the browser's `Intl`; [`Plain`] writes the same for the widget's languages natively.
pub trait Format {
    fn lang(&self) -> Lang;
    /// `1,015` (en-US, es-US), `1015` (es-ES).
    fn number(&self, n: u64) -> String;
    /// Whole dollars without cents: `$27`, `$27.50`, `$1,000`.
    fn money(&self, amount: Cents) -> String;
    /// `Nov 23, 2026`, `23 nov 2026`.
    fn date(&self, date: Date) -> String;
    fn plural(&self, n: u64) -> Plural;
}

/// [`Format`] without a browser: U.S. English and U.S. Spanish as `Intl` writes them (the
/// native tests and the prerenderer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Plain(pub Lang);

impl Format for Plain {
    fn lang(&self) -> Lang {
        self.0
    }
    fn number(&self, n: u64) -> String {
        crate::diagnostics::group_thousands(n)
    }
    fn money(&self, amount: Cents) -> String {
        amount.to_string()
    }
    fn date(&self, date: Date) -> String {
        match self.0 {
            Lang::En => date.display_short(),
            Lang::Es => {
                const MONTHS: [&str; 12] =
                    ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];
                format!("{} {} {}", date.day, MONTHS[usize::from(date.month.clamp(1, 12)) - 1], date.year)
            }
        }
    }
    fn plural(&self, n: u64) -> Plural {
        match (self.0, n) {
            (_, 1) => Plural::One,
            (Lang::Es, n) if n != 0 && n % 1_000_000 == 0 => Plural::Many,
            _ => Plural::Other,
        }
    }
}

/// One language's texts by key, sorted for lookup.
#[derive(Debug)]
pub struct Catalogue {
    entries: Vec<(&'static str, &'static str)>,
}

impl Catalogue {
    /// `key = text` lines; blank lines and lines starting with `#` are skipped. The text starts
    /// right after ` = `: a space more there is kept (" in Vermont" joins a sentence). A later line
    /// for the same key wins (the test forbids duplicates).
    pub fn parse(source: &'static str) -> Catalogue {
        let mut entries: Vec<(&str, &str)> = source
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once(" = ").map(|(k, v)| (k.trim(), v.trim_end())))
            .collect();
        entries.sort_by_key(|(k, _)| *k);
        entries.reverse();
        entries.dedup_by_key(|(k, _)| *k);
        entries.reverse();
        Catalogue { entries }
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries.binary_search_by_key(&key, |(k, _)| k).ok().map(|i| self.entries[i].1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(k, _)| *k)
    }
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is (a name, a feed's label).
    Text(String),
    /// A number; the first count of a message picks its plural form.
    Count(u64),
    Money(Cents),
    Date(Date),
    /// A state, DC or a territory, by its name in the language ("Nueva York").
    State(crate::states::State),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
}

/// Something to say: a catalogue key and its arguments. The core returns these; the widget
/// renders them in the reader's language ([`Msg::render`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg { key, args: Vec::new() }
    }

    /// A text that is not in any catalogue (a name, a feed's own words, a message not yet
    /// moved into the catalogues), shown as it is in every language.
    pub fn text_only(text: impl Into<String>) -> Msg {
        Msg::new("text").text("text", text)
    }

    pub fn arg(mut self, name: &'static str, arg: Arg) -> Msg {
        self.args.push((name, arg));
        self
    }

    pub fn text(self, name: &'static str, text: impl Into<String>) -> Msg {
        self.arg(name, Arg::Text(text.into()))
    }

    pub fn count(self, name: &'static str, n: impl TryInto<u64>) -> Msg {
        self.arg(name, Arg::Count(n.try_into().unwrap_or(u64::MAX)))
    }

    /// Another message, or nothing.
    pub fn part(self, name: &'static str, msg: Option<Msg>) -> Msg {
        match msg {
            Some(msg) => self.msg(name, msg),
            None => self.text(name, ""),
        }
    }

    pub fn money(self, name: &'static str, amount: Cents) -> Msg {
        self.arg(name, Arg::Money(amount))
    }

    pub fn date(self, name: &'static str, date: Date) -> Msg {
        self.arg(name, Arg::Date(date))
    }

    pub fn state(self, name: &'static str, state: crate::states::State) -> Msg {
        self.arg(name, Arg::State(state))
    }

    pub fn msg(self, name: &'static str, msg: Msg) -> Msg {
        self.arg(name, Arg::Msg(Box::new(msg)))
    }

    /// The text in `format`'s language. A key no catalogue has shows as itself (the tests make
    /// sure none does).
    pub fn render(&self, format: &dyn Format) -> String {
        let catalogue = format.lang().catalogue();
        let first_count = self.args.iter().find_map(|(_, a)| match a {
            Arg::Count(n) => Some(*n),
            _ => None,
        });
        let template = catalogue.get(self.key).or_else(|| {
            let n = first_count?;
            let plural = |form: &str| catalogue.get(&format!("{}.{form}", self.key));
            plural(format.plural(n).as_str()).or_else(|| plural("other"))
        });
        let Some(template) = template else {
            // Missing in this language only: English rather than nothing.
            return match format.lang() {
                Lang::En => self.key.to_string(),
                _ => self.render(&Fallback(format)),
            };
        };
        fill(template, |name| {
            self.args.iter().find(|(n, _)| *n == name).map(|(_, arg)| match arg {
                Arg::Text(t) => t.clone(),
                Arg::Count(n) => format.number(*n),
                Arg::Money(c) => format.money(*c),
                Arg::Date(d) => format.date(*d),
                Arg::State(s) => s.name_in(format.lang()).to_string(),
                Arg::Msg(m) => m.render(format),
            })
        })
    }

    /// The text in U.S. English (native tools and tests).
    pub fn en(&self) -> String {
        self.render(&Plain(Lang::En))
    }
}

impl Default for Msg {
    fn default() -> Msg {
        Msg::text_only("")
    }
}

/// A text not (yet) in the catalogues, shown as it is in every language.
impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::text_only(text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::text_only(text)
    }
}

/// Formats as `inner` does, but reads the English catalogue.
struct Fallback<'a>(&'a dyn Format);

impl Format for Fallback<'_> {
    fn lang(&self) -> Lang {
        Lang::En
    }
    fn number(&self, n: u64) -> String {
        self.0.number(n)
    }
    fn money(&self, amount: Cents) -> String {
        self.0.money(amount)
    }
    fn date(&self, date: Date) -> String {
        self.0.date(date)
    }
    fn plural(&self, n: u64) -> Plural {
        Plain(Lang::En).plural(n)
    }
}

/// `template` with each `{name}` replaced by `value(name)`; unknown names stay as written.
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s of a text, for the tests.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests;
