//! The languages of a feed's texts (format v1.1): which language a feed is written in
//! (`meta.language`), its translations (`translations`, keyed by BCP 47 tag), checking a tag,
//! and which text a reader sees ([`Localize`]).
//!
//! A text is shown in the reader's language when the feed has it, else in the feed's own words,
//! marked with the feed's language (a `lang` attribute) so screen readers pronounce it right.

use std::borrow::Cow;

use crate::i18n::Lang;

/// The language of a feed that does not say (`meta.language` missing): every v1 feed.
pub const DEFAULT_LANGUAGE: &str = "en";

/// Longest language tag accepted (RFC 5646 recommends supporting 35 characters).
const MAX_TAG: usize = 35;

/// ISO 639-1: the two-letter language codes, the ones feeds use in practice. Three-letter
/// primary subtags (ISO 639-2/3, thousands of them) are taken on trust.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv \
cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii \
ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms \
mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn \
so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Why a language tag was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagProblem {
    /// Not a BCP 47 tag at all: `"spanish"`, `"es_US"`, `""`.
    Malformed,
    /// Well-formed, but its language is not one of ISO 639-1's: `"xx"`.
    Unknown,
}

impl TagProblem {
    /// What a warning says about `tag`.
    pub fn describe(&self, tag: &str) -> String {
        let tag = crate::text::truncate(&crate::text::clean(tag), 40);
        match self {
            TagProblem::Malformed => {
                format!("\"{tag}\" is not a language tag like es, es-US or pt-BR (BCP 47)")
            }
            TagProblem::Unknown => format!("\"{tag}\" is not a known language (ISO 639-1 codes such as es, fr, zh)"),
        }
    }
}

/// Checks a BCP 47 language tag and writes it the canonical way (`es`, `es-US`, `zh-Hant-TW`):
/// a primary language of 2 or 3 letters, then subtags of 1 to 8 letters or digits. Case is
/// not significant in tags; canonical case is lower for the language, title for a script
/// (4 letters), upper for a region (2 letters).
pub fn parse_tag(tag: &str) -> Result<String, TagProblem> {
    let tag = tag.trim();
    if tag.is_empty() || tag.len() > MAX_TAG {
        return Err(TagProblem::Malformed);
    }
    let mut out = String::with_capacity(tag.len());
    for (i, subtag) in tag.split('-').enumerate() {
        let ok = if i == 0 {
            (2..=3).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        if !ok {
            return Err(TagProblem::Malformed);
        }
        if i > 0 {
            out.push('-');
        }
        match subtag.len() {
            _ if i == 0 => out.push_str(&subtag.to_ascii_lowercase()),
            2 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => out.push_str(&subtag.to_ascii_uppercase()),
            4 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&subtag[..1].to_ascii_uppercase());
                out.push_str(&subtag[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&subtag.to_ascii_lowercase()),
        }
    }
    let primary = primary(&out);
    if primary.len() == 2 && !ISO_639_1.split(' ').any(|code| code == primary) {
        return Err(TagProblem::Unknown);
    }
    Ok(out)
}

/// A tag's language, without script or region: `es-US` → `es`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether `tag` is in `lang` (`es-MX` is Spanish).
fn is_lang(tag: &str, lang: Lang) -> bool {
    primary(tag).eq_ignore_ascii_case(lang.tag())
}

/// A feed's text as a reader sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The `lang` attribute it needs: its language, when that is not the reader's; else `None`.
    pub lang: Option<&'a str>,
}

/// Translations of one object's texts, by language tag (checked, canonical, no repeats, never
/// the feed's own language), in the feed's order.
pub type Translations<T> = Vec<(String, T)>;

/// Which text a reader sees: the one place that decides, for the widget's components.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localize<'a> {
    /// The reader's language (the widget's).
    pub reader: Lang,
    /// The feed's language (`meta.language`).
    pub feed: &'a str,
}

impl<'a> Localize<'a> {
    pub fn new(reader: Lang, feed: &'a str) -> Self {
        Localize { reader, feed }
    }

    /// A text the feed has in its own language only (a name, a detail): marked when the
    /// reader's language is another.
    pub fn own(&self, text: &'a str) -> Shown<'a> {
        Shown { text, lang: self.mark() }
    }

    /// The `lang` attribute for the feed's own words: the feed's language, when it is not the
    /// reader's.
    pub fn mark(&self) -> Option<&'a str> {
        (!is_lang(self.feed, self.reader)).then_some(self.feed)
    }

    /// `own`, or its translation into the reader's language when `translations` has one
    /// (`field` picks the text from a translation; a translation may give some texts only). An
    /// exact tag (`es`) wins over a regional one (`es-MX`); among regional ones, the first.
    pub fn pick<T>(
        &self,
        own: &'a str,
        translations: &'a [(String, T)],
        field: impl Fn(&'a T) -> Option<&'a str>,
    ) -> Shown<'a> {
        if is_lang(self.feed, self.reader) {
            return Shown { text: own, lang: None };
        }
        let exact = translations.iter().find(|(tag, _)| tag == self.reader.tag());
        let found = exact
            .and_then(|(_, t)| field(t))
            .or_else(|| translations.iter().filter(|(tag, _)| is_lang(tag, self.reader)).find_map(|(_, t)| field(t)));
        match found {
            Some(text) => Shown { text, lang: None },
            None => self.own(own),
        }
    }
}

/// How much of a feed one language's translations cover: for the organizer's report and
/// `scorecard-feed stats`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub tag: String,
    pub title: bool,
    pub description: bool,
    /// Questions whose text is translated, of all questions.
    pub questions: (usize, usize),
    /// Stance labels translated, of all stances.
    pub labels: (usize, usize),
}

impl Coverage {
    /// Each language the feed has translations into, in order of first use.
    pub fn of(feed: &super::Feed) -> Vec<Coverage> {
        let stances: usize = feed.questions.iter().map(|q| q.stances.len()).sum();
        feed.translation_languages()
            .into_iter()
            .map(|tag| {
                let meta = feed.meta.translations.iter().find(|(t, _)| t == tag).map(|(_, t)| t);
                let questions =
                    feed.questions.iter().filter(|q| has(&q.translations, tag, |t| t.text.is_some())).count();
                let labels = feed
                    .questions
                    .iter()
                    .flat_map(|q| &q.stances)
                    .filter(|s| has(&s.translations, tag, |t| t.label.is_some()))
                    .count();
                Coverage {
                    tag: tag.to_string(),
                    title: meta.is_some_and(|m| m.title.is_some()),
                    description: meta.is_some_and(|m| m.description.is_some()),
                    questions: (questions, feed.questions.len()),
                    labels: (labels, stances),
                }
            })
            .collect()
    }

    /// "es: title, description, 1 of 1 question texts, 3 of 3 stance labels".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.title {
            parts.push("title".to_string());
        }
        if self.description {
            parts.push("description".to_string());
        }
        parts.push(format!("{} of {} question texts", self.questions.0, self.questions.1));
        parts.push(format!("{} of {} stance labels", self.labels.0, self.labels.1));
        format!("{}: {}", self.tag, parts.join(", "))
    }
}

/// Whether `list` has a translation into `tag` that gives the text `field` looks at.
fn has<T>(list: &[(String, T)], tag: &str, field: impl Fn(&T) -> bool) -> bool {
    list.iter().any(|(t, x)| t == tag && field(x))
}

/// A tag for messages and paths: as written, shortened.
pub(crate) fn quoted(tag: &str) -> Cow<'_, str> {
    if tag.len() <= 40 {
        Cow::Borrowed(tag)
    } else {
        Cow::Owned(crate::text::truncate(tag, 40))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_and_written_canonically() {
        assert_eq!(parse_tag("es"), Ok("es".into()));
        assert_eq!(parse_tag(" ES-us "), Ok("es-US".into()));
        assert_eq!(parse_tag("zh-hant-tw"), Ok("zh-Hant-TW".into()));
        assert_eq!(parse_tag("es-419"), Ok("es-419".into()));
        assert_eq!(parse_tag("haw"), Ok("haw".into())); // three letters: taken on trust
        assert_eq!(parse_tag("xx"), Err(TagProblem::Unknown));
        for bad in ["", "e", "spanish", "es_US", "es-", "-es", "es--US", "es-toolongsubtag", "é", "12"] {
            assert_eq!(parse_tag(bad), Err(TagProblem::Malformed), "{bad}");
        }
        assert_eq!(parse_tag(&"es-a".repeat(10)), Err(TagProblem::Malformed));
    }

    #[derive(Default)]
    struct T {
        label: Option<&'static str>,
    }

    fn tr(pairs: &[(&str, Option<&'static str>)]) -> Translations<T> {
        pairs.iter().map(|(tag, label)| (tag.to_string(), T { label: *label })).collect()
    }

    #[test]
    fn the_readers_language_when_the_feed_has_it() {
        let es = Localize::new(Lang::Es, "en");
        let translations = tr(&[("fr", Some("A soutenu Sanders")), ("es", Some("Respaldó a Sanders"))]);
        let shown = es.pick("Endorsed Sanders", &translations, |t| t.label);
        assert_eq!(shown, Shown { text: "Respaldó a Sanders", lang: None });
        // English readers see the feed's own text, unmarked.
        let en = Localize::new(Lang::En, "en");
        assert_eq!(
            en.pick("Endorsed Sanders", &translations, |t| t.label),
            Shown { text: "Endorsed Sanders", lang: None }
        );
    }

    #[test]
    fn else_the_feeds_own_text_marked_with_its_language() {
        let es = Localize::new(Lang::Es, "en");
        let french = tr(&[("fr", Some("A soutenu Sanders"))]);
        let none = es.pick("Endorsed Sanders", &french, |t| t.label);
        assert_eq!(none, Shown { text: "Endorsed Sanders", lang: Some("en") });
        // A translation without this text falls back too.
        let empty = tr(&[("es", None)]);
        let partial = es.pick("Endorsed Sanders", &empty, |t| t.label);
        assert_eq!(partial, Shown { text: "Endorsed Sanders", lang: Some("en") });
        assert_eq!(es.own("Joe Biden"), Shown { text: "Joe Biden", lang: Some("en") });
        // A feed written in Spanish, read in English, is marked Spanish.
        let en = Localize::new(Lang::En, "es-US");
        assert_eq!(en.own("Respaldó a Sanders"), Shown { text: "Respaldó a Sanders", lang: Some("es-US") });
        assert_eq!(Localize::new(Lang::Es, "es-MX").own("Sí"), Shown { text: "Sí", lang: None });
    }

    #[test]
    fn an_exact_tag_wins_over_a_regional_one() {
        let es = Localize::new(Lang::Es, "en");
        let translations = tr(&[("es-MX", Some("Apoyó a Sanders")), ("es", Some("Respaldó a Sanders"))]);
        assert_eq!(es.pick("x", &translations, |t| t.label).text, "Respaldó a Sanders");
        let regional = tr(&[("es-MX", Some("Apoyó a Sanders")), ("es-ES", Some("Apoyó a Sanders (ES)"))]);
        assert_eq!(es.pick("x", &regional, |t| t.label).text, "Apoyó a Sanders");
    }
}
