//! Options an embedder sets on the widget's element as `data-*` attributes (see docs/embed.md),
//! or, on the standalone and iframe pages (`data-options="query"`), in the page address.

use scorecard_core::embed;

/// The feed used when the page names none: the bundled default, next to the widget's files.
/// `web/embed.js` fetches the same address early (it runs before this module exists); the
/// end-to-end test "two widgets on one page" fails if the two disagree.
pub const DEFAULT_FEED: &str = "feeds/endorsements-2020.json";

/// One widget's options: what the embedder asked for, as the core reads it (`embed`), plus what
/// only the page can settle: the feed's resolved address, the element's id, the widget's own files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetOptions {
    /// The `data-*` attributes (or page address) as parsed by `scorecard_core::embed::parse`,
    /// with `zip_table` made absolute. Its `feed` and `requested_feed` are as written: the
    /// address used is [`WidgetOptions::feed`].
    pub embed: embed::EmbedOptions,
    /// URL of the feed, absolute.
    pub feed: String,
    /// Why the feed named in the page address was refused, if it was.
    pub feed_refused: Option<scorecard_core::i18n::Msg>,
    /// The element's id: keeps storage and the address parameter apart from other widgets.
    pub instance: Option<String>,
    /// The widget's own ZIP table, `zip/` beside its files (absolute).
    pub own_zip_table: String,
}

impl WidgetOptions {
    /// Reads the options of a widget element; `assets` is where the widget's files are.
    /// Addresses are resolved against the page here, and a feed named in the page address is
    /// checked.
    pub fn from_element(element: &web_sys::Element, assets: &str) -> Self {
        use crate::browser::location::{absolute, query_param, resolve};
        let mut parsed = embed::parse(|name| element.get_attribute(&format!("data-{name}")), query_param);
        parsed.zip_table = parsed.zip_table.map(|t| absolute(&t));
        let default_feed = parsed.feed.as_deref().map(absolute).unwrap_or_else(|| resolve(DEFAULT_FEED, assets));
        let (feed, feed_refused) = match parsed.requested_feed.as_deref().map(allowed_feed_url) {
            Some(Ok(url)) => (url, None),
            Some(Err(why)) => (default_feed, Some(why)),
            None => (default_feed, None),
        };
        WidgetOptions {
            embed: parsed,
            feed,
            feed_refused,
            instance: element.get_attribute("id").filter(|id| !id.is_empty()),
            own_zip_table: resolve("zip/", assets),
        }
    }
}

/// A feed named in the page address may come from this site or from any https site; never
/// from `http:`, `data:`, `javascript:` or the like.
fn allowed_feed_url(requested: &str) -> Result<String, scorecard_core::i18n::Msg> {
    let page = crate::browser::location::page_url();
    let refused =
        || scorecard_core::i18n::Msg::new("load.refused").text("url", scorecard_core::text::truncate(requested, 120));
    let url = web_sys::Url::new_with_base(requested.trim(), &page).map_err(|_| refused())?;
    let same_origin = web_sys::Url::new(&page).is_ok_and(|p| p.origin() == url.origin());
    if same_origin || url.protocol() == "https:" {
        Ok(url.href())
    } else {
        Err(refused())
    }
}
