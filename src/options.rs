//! Options an embedder sets on the widget's element as `data-*` attributes.

/// The feed used when the page names none: the bundled default, next to the page.
pub const DEFAULT_FEED: &str = "feeds/endorsements-2020.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetOptions {
    /// URL of the feed (relative URLs resolve against the page).
    pub feed: String,
    /// Why the feed named in the page address was refused, if it was.
    pub feed_refused: Option<String>,
    /// ActBlue refcode added to donate links, so the embedder can see which gifts came via them.
    pub refcode: Option<String>,
    /// Distinguishes several widgets on one page in storage keys.
    pub instance: Option<String>,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        WidgetOptions { feed: DEFAULT_FEED.to_string(), feed_refused: None, refcode: None, instance: None }
    }
}

impl WidgetOptions {
    /// Reads `data-feed`, `data-refcode` and `id`. With `data-feed-param="feed"` (the standalone
    /// page sets it), a `?feed=` in the page address names the feed instead.
    pub fn from_element(element: &web_sys::Element) -> Self {
        let attr = |name: &str| element.get_attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let mut options = WidgetOptions {
            feed: attr("data-feed").unwrap_or_else(|| DEFAULT_FEED.to_string()),
            feed_refused: None,
            refcode: attr("data-refcode").and_then(|r| scorecard_core::donate::sanitize_refcode(&r)),
            instance: attr("id"),
        };
        let from_address = attr("data-feed-param").and_then(|param| crate::browser::location::query_param(&param));
        if let Some(requested) = from_address.filter(|f| !f.trim().is_empty()) {
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
