//! Options an embedder sets on the widget's element as `data-*` attributes.

/// The feed used when the page names none: the bundled default, next to the page.
pub const DEFAULT_FEED: &str = "feeds/endorsements-2020.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetOptions {
    /// URL of the feed (relative URLs resolve against the page).
    pub feed: String,
    /// ActBlue refcode added to donate links, so the embedder can see which gifts came via them.
    pub refcode: Option<String>,
    /// Distinguishes several widgets on one page in storage keys and the URL fragment.
    pub instance: Option<String>,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        WidgetOptions { feed: DEFAULT_FEED.to_string(), refcode: None, instance: None }
    }
}

impl WidgetOptions {
    pub fn from_element(element: &web_sys::Element) -> Self {
        let attr = |name: &str| element.get_attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        WidgetOptions {
            feed: attr("data-feed").unwrap_or_else(|| DEFAULT_FEED.to_string()),
            refcode: attr("data-refcode").and_then(|r| scorecard_core::donate::sanitize_refcode(&r)),
            instance: attr("id"),
        }
    }
}
