//! Options an embedder sets on the widget's element as `data-*` attributes (see docs/embed.md),
//! or, on the standalone and iframe pages (`data-options="query"`), in the page address.

use scorecard_core::embed;
use scorecard_core::states::StateSet;

/// The feed used when the page names none: the bundled default, next to the widget's files.
/// `web/embed.js` fetches the same address early (it runs before this module exists); the
/// end-to-end test "two widgets on one page" fails if the two disagree.
pub const DEFAULT_FEED: &str = "feeds/endorsements-2020.json";

pub use scorecard_core::embed::{Theme, UrlMode};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetOptions {
    /// URL of the feed (relative URLs resolve against the page).
    pub feed: String,
    /// Why the feed named in the page address was refused, if it was.
    pub feed_refused: Option<String>,
    /// Preset view, used when the address carries none for this widget.
    pub question: Option<String>,
    pub states: StateSet,
    pub stance: Option<String>,
    /// ActBlue refcode added to donate links, so the embedder can see which gifts came via them.
    pub refcode: Option<String>,
    pub theme: Theme,
    /// A smaller layout for narrow columns: no description, fewer filters.
    pub compact: bool,
    pub url: UrlMode,
    /// The element's id: keeps storage and the address parameter apart from other widgets.
    pub instance: Option<String>,
    /// Seconds to wait for the feed before showing an error (`data-timeout`, 1–300).
    pub timeout_secs: u32,
    /// The embedder's ZIP table folder (`data-zip-table`, absolute). Never taken from the page
    /// address: whoever made a link would learn the first digits of each reader's ZIP code.
    pub zip_table: Option<String>,
    /// The widget's own ZIP table, `zip/` beside its files (absolute).
    pub own_zip_table: String,
}

impl WidgetOptions {
    /// Reads the options of a widget element (`scorecard_core::embed::parse`); `assets` is where
    /// the widget's files are. Addresses are resolved against the page here, and a feed named in
    /// the page address is checked.
    pub fn from_element(element: &web_sys::Element, assets: &str) -> Self {
        use crate::browser::location::{absolute, query_param, resolve};
        let parsed = embed::parse(|name| element.get_attribute(&format!("data-{name}")), query_param);
        let mut options = WidgetOptions {
            feed: parsed.feed.map(|f| absolute(&f)).unwrap_or_else(|| resolve(DEFAULT_FEED, assets)),
            feed_refused: None,
            question: parsed.question,
            states: parsed.states,
            stance: parsed.stance,
            refcode: parsed.refcode,
            theme: parsed.theme,
            compact: parsed.compact,
            url: parsed.url,
            instance: element.get_attribute("id").filter(|id| !id.is_empty()),
            timeout_secs: parsed.timeout_secs,
            zip_table: parsed.zip_table.map(|t| absolute(&t)),
            own_zip_table: resolve("zip/", assets),
        };
        if let Some(requested) = parsed.requested_feed {
            match allowed_feed_url(&requested) {
                Ok(url) => options.feed = url,
                Err(why) => options.feed_refused = Some(why),
            }
        }
        options
    }
}

/// A feed named in the page address may come from this site or from any https site; never
/// from `http:`, `data:`, `javascript:` or the like.
fn allowed_feed_url(requested: &str) -> Result<String, String> {
    let page = crate::browser::location::page_url();
    let refused = || {
        format!(
            "The feed address “{}” is not allowed: feeds load from this site or over https.",
            scorecard_core::text::truncate(requested, 120)
        )
    };
    let url = web_sys::Url::new_with_base(requested.trim(), &page).map_err(|_| refused())?;
    let same_origin = web_sys::Url::new(&page).is_ok_and(|p| p.origin() == url.origin());
    if same_origin || url.protocol() == "https:" {
        Ok(url.href())
    } else {
        Err(refused())
    }
}
