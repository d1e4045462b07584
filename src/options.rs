//! Options an embedder sets on the widget's element as `data-*` attributes (see docs/embed.md),
//! or, on the standalone and iframe pages (`data-options="query"`), in the page address.

use scorecard_core::states::{State, StateSet};

/// The feed used when the page names none: the bundled default, next to the widget's files.
/// `web/embed.js` fetches the same address early (it runs before this module exists); the
/// end-to-end test "two widgets on one page" fails if the two disagree.
pub const DEFAULT_FEED: &str = "feeds/endorsements-2020.json";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
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
    /// Reads the options of a widget element; `assets` is where the widget's files are.
    pub fn from_element(element: &web_sys::Element, assets: &str) -> Self {
        use crate::browser::location::{absolute, resolve};
        let attr = |name: &str| element.get_attribute(&format!("data-{name}")).filter(|v| !v.trim().is_empty());
        let from_query = element.get_attribute("data-options").as_deref() == Some("query");
        let get = |name: &str| {
            if from_query {
                crate::browser::location::query_param(name).filter(|v| !v.trim().is_empty()).or_else(|| attr(name))
            } else {
                attr(name)
            }
        };
        let mut options = WidgetOptions {
            feed: attr("feed").map(|f| absolute(f.trim())).unwrap_or_else(|| resolve(DEFAULT_FEED, assets)),
            question: get("question").map(|q| q.trim().to_string()),
            states: get("states").map(|s| parse_states(&s)).unwrap_or_default(),
            stance: get("stance").map(|s| s.trim().to_string()),
            refcode: get("refcode").and_then(|r| scorecard_core::donate::sanitize_refcode(&r)),
            theme: match get("theme").as_deref().map(str::trim) {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::Auto,
            },
            // A flag: present (even empty, `data-compact`) means on, unless "false", "0" or "no".
            compact: {
                let value = element.get_attribute("data-compact").or_else(|| {
                    if from_query {
                        crate::browser::location::query_param("compact")
                    } else {
                        None
                    }
                });
                value.is_some_and(|c| !matches!(c.trim(), "false" | "0" | "no"))
            },
            url: match attr("url").as_deref().map(str::trim) {
                Some("sync") => UrlMode::Sync,
                _ => UrlMode::Read,
            },
            instance: element.get_attribute("id").filter(|id| !id.is_empty()),
            timeout_secs: attr("timeout")
                .and_then(|t| t.trim().parse::<u32>().ok())
                .map_or(crate::browser::fetch::DEFAULT_TIMEOUT_SECS, |t| t.clamp(1, 300)),
            feed_refused: None,
            zip_table: attr("zip-table").map(|t| absolute(t.trim())),
            own_zip_table: resolve("zip/", assets),
        };
        if from_query {
            if let Some(requested) = crate::browser::location::query_param("feed").filter(|f| !f.trim().is_empty()) {
                match allowed_feed_url(&requested) {
                    Ok(url) => options.feed = url,
                    Err(why) => options.feed_refused = Some(why),
                }
            }
        }
        options
    }
}

/// "MN", "mn, wi", "MN WI", "New York, Vermont": unknown names are ignored.
fn parse_states(text: &str) -> StateSet {
    text.split([',', ';'])
        .flat_map(|part| match State::parse(part) {
            Some(state) => vec![state],
            None => part.split_whitespace().filter_map(State::parse).collect(),
        })
        .collect()
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
