//! The reader's language in the widget: the core's catalogues and messages
//! (`scorecard_core::i18n`), written with the browser's `Intl` (numbers, money, dates, plural
//! forms). Every component reads it with [`use_i18n`]; functions that draw for a component take
//! it as an argument. Natively (the prerenderer, which has no `Intl`) it writes as the core's
//! `Plain` does, which is what `Intl` writes for U.S. English.

use std::rc::Rc;

use scorecard_core::date::Date;
use scorecard_core::feed::language::{Localize, Shown, DEFAULT_LANGUAGE};
use scorecard_core::i18n::{Format, Lang, Msg, Plain, Plural};
use scorecard_core::money::Cents;
use yew::prelude::*;

use crate::lazy::{lazy_part, use_part, Loading};

/// A language and its formatters, shared by every component of one widget.
#[derive(Clone)]
pub struct I18n(Rc<Inner>);

struct Inner {
    lang: Lang,
    locale: String,
    /// The language the feed is written in (`meta.language`).
    feed: String,
    #[cfg(target_arch = "wasm32")]
    intl: Option<intl::Formatters>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.lang == other.0.lang && self.0.locale == other.0.locale && self.0.feed == other.0.feed)
    }
}

impl Default for I18n {
    fn default() -> Self {
        I18n::new(Lang::En)
    }
}

impl I18n {
    /// `lang` with numbers and dates as the browser's own locale writes them when it is of
    /// that language (`es-MX`), else as the United States writes them (`es-US`).
    pub fn new(lang: Lang) -> I18n {
        I18n::for_feed(lang, DEFAULT_LANGUAGE)
    }

    /// [`I18n::new`], for a feed written in `feed` (its `meta.language`).
    pub fn for_feed(lang: Lang, feed: &str) -> I18n {
        let preferred = browser_languages();
        let locale = lang.locale_for(preferred.iter().map(String::as_str));
        #[cfg(target_arch = "wasm32")]
        let intl = intl::Formatters::new(&locale);
        I18n(Rc::new(Inner {
            lang,
            locale,
            feed: feed.to_string(),
            #[cfg(target_arch = "wasm32")]
            intl,
        }))
    }

    pub fn lang(&self) -> Lang {
        self.0.lang
    }

    /// The catalogue's text for `key` (no arguments).
    pub fn t(&self, key: &'static str) -> String {
        Msg::new(key).render(self)
    }

    /// A counted text: `key`'s plural form for `n`, with `{n}` written as a number.
    pub fn n(&self, key: &'static str, n: impl TryInto<u64>) -> String {
        Msg::new(key).count("n", n).render(self)
    }

    pub fn msg(&self, msg: &Msg) -> String {
        msg.render(self)
    }

    /// Which of a feed's texts the reader sees (the core decides: `feed::language`).
    pub fn localize(&self) -> Localize<'_> {
        Localize::new(self.0.lang, &self.0.feed)
    }

    /// The `lang` attribute for a feed's own words (names, details), when the feed's language is
    /// not the reader's.
    pub fn feed_lang(&self) -> Option<AttrValue> {
        self.localize().mark().map(|tag| AttrValue::from(tag.to_string()))
    }
}

/// A feed's text as chosen for the reader: its text, and its `lang` attribute when it needs one.
pub fn shown(shown: Shown<'_>) -> (AttrValue, Option<AttrValue>) {
    (AttrValue::from(shown.text.to_string()), shown.lang.map(|tag| AttrValue::from(tag.to_string())))
}

/// The browser's preferred languages, most preferred first (none natively).
pub fn browser_languages() -> Vec<String> {
    let Some(window) = crate::browser::window() else { return Vec::new() };
    let navigator = window.navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

impl Format for I18n {
    fn lang(&self) -> Lang {
        self.0.lang
    }

    fn number(&self, n: u64) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self.0.intl.as_ref().and_then(|f| f.number(&f.number, n as f64)) {
            return text;
        }
        Plain(self.0.lang).number(n)
    }

    fn money(&self, amount: Cents) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(f) = &self.0.intl {
            let formatter = if amount.0.is_multiple_of(100) { &f.dollars } else { &f.cents };
            if let Some(text) = f.number(formatter, amount.0 as f64 / 100.0) {
                return text;
            }
        }
        Plain(self.0.lang).money(amount)
    }

    fn date(&self, date: Date) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self.0.intl.as_ref().and_then(|f| f.date(date)) {
            return text;
        }
        Plain(self.0.lang).date(date)
    }

    fn plural(&self, n: u64) -> Plural {
        #[cfg(target_arch = "wasm32")]
        if let Some(f) = &self.0.intl {
            return Plural::parse(&String::from(f.plural.select(n as f64)));
        }
        Plain(self.0.lang).plural(n)
    }
}

/// The widget's language, for every component under [`I18nProvider`]: a component that reads
/// it draws again when the reader switches language.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

lazy_part! {
    /// The Spanish catalogue's text: in the release build a part of its own, loaded for Spanish
    /// readers only, so everyone else's first download is about 4 KB (gzip) smaller.
    pub(crate) struct SpanishWords: &'static str = words_es => Lang::Es.source();
}

/// The language to show for `wanted`: itself once its catalogue is in, else English meanwhile
/// (the Spanish catalogue is fetched and put in first); and where that catalogue stands, with a
/// callback that tries again after a failure.
#[hook]
pub fn use_catalogue(wanted: Lang) -> (Lang, Loading<()>, Callback<()>) {
    let (part, retry) = use_part::<SpanishWords>(wanted == Lang::Es && !wanted.is_ready());
    if let Loading::Ready(source) = part {
        Lang::Es.install(source);
    }
    if wanted.is_ready() {
        return (wanted, Loading::Ready(()), retry);
    }
    let status = if part == Loading::Failed { Loading::Failed } else { Loading::Pending };
    (Lang::En, status, retry)
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use scorecard_core::date::Date;

    pub struct Formatters {
        pub number: Function,
        pub dollars: Function,
        pub cents: Function,
        date: Function,
        /// Dates already written: a list of results shows the same few dates again and again,
        /// and each `Intl` call costs tens of microseconds (a row's stance date).
        dates: RefCell<Vec<(Date, String)>>,
        pub plural: Intl::PluralRules,
    }

    /// Enough for the dates of a few screens of results; past it the cache starts over (a list
    /// searched from the end, as the latest dates are the likeliest again).
    const DATES_KEPT: usize = 256;

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let object = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object
    }

    impl Formatters {
        /// `None` where the browser has no `Intl` (then the core's plain writing is used).
        pub fn new(locale: &str) -> Option<Formatters> {
            let has_intl = Reflect::has(&js_sys::global(), &JsValue::from_str("Intl")).unwrap_or(false);
            if !has_intl {
                return None;
            }
            let locales = Array::of1(&JsValue::from_str(locale));
            let money = |digits: f64| {
                Intl::NumberFormat::new(
                    &locales,
                    &options(&[
                        ("style", "currency".into()),
                        ("currency", "USD".into()),
                        ("minimumFractionDigits", digits.into()),
                        ("maximumFractionDigits", digits.into()),
                    ]),
                )
                .format()
            };
            Some(Formatters {
                number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
                dollars: money(0.0),
                cents: money(2.0),
                date: Intl::DateTimeFormat::new(
                    &locales,
                    &options(&[("dateStyle", "medium".into()), ("timeZone", "UTC".into())]),
                )
                .format(),
                dates: RefCell::default(),
                plural: Intl::PluralRules::new(&locales, &Object::new()),
            })
        }

        pub fn number(&self, format: &Function, n: f64) -> Option<String> {
            format.call1(&JsValue::NULL, &JsValue::from_f64(n)).ok()?.as_string()
        }

        pub fn date(&self, date: Date) -> Option<String> {
            if let Some((_, text)) = self.dates.borrow().iter().rev().find(|(d, _)| *d == date) {
                return Some(text.clone());
            }
            let text = self.write_date(date)?;
            let mut dates = self.dates.borrow_mut();
            if dates.len() >= DATES_KEPT {
                dates.clear();
            }
            dates.push((date, text.clone()));
            Some(text)
        }

        fn write_date(&self, date: Date) -> Option<String> {
            let utc = js_sys::Date::utc(f64::from(date.year), f64::from(date.month) - 1.0);
            let at = js_sys::Date::new(&JsValue::from_f64(utc + (f64::from(date.day) - 1.0) * 86_400_000.0));
            self.date.call1(&JsValue::NULL, &at).ok()?.as_string()
        }
    }
}
