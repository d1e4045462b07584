//! The Scorecard widget: Yew components and browser glue over `scorecard-core`.
//!
//! - [`state`]: everything the supporter can change, as one reducer with named actions.
//! - [`components`]: function components that render state and dispatch actions; no parsing,
//!   validation or filtering happens in them.
//! - [`hooks`]: custom hooks for what components need from the page (scroll position, dialogs).
//! - [`i18n`]: the reader's language: the core's catalogues, written with the browser's `Intl`.
//! - [`lazy`]: the parts the release build loads on first use (their own wasm modules).
//! - [`browser`]: the only code that touches browser APIs (fetch, storage, URL, clipboard).
//! - [`app`]: loads the feed and wires state, effects and layout together; `loading`,
//!   `zip_lookup` and `give_run` are its browser-side helpers for the feed, the ZIP code lookup
//!   and the guided give run.
//!
//! The page's loader (`web/embed.js`) initializes this module and calls [`mount`] for every
//! element with a `data-scorecard` attribute.
//!
//! Architecture invariant: a component never decides *what* to show (that is the core's job)
//! and never talks to the browser directly (that is `browser`'s and `hooks`'s).

pub mod app;
pub mod browser;
pub mod components;
pub mod first_screen;
pub mod hooks;
pub mod i18n;
pub mod lazy;
mod loading;
mod lookup;
pub mod markup;
pub mod options;
mod since;
mod start;
pub mod state;
mod zip_lookup;

pub use app::{App, AppProps, FeedSource};
pub use options::WidgetOptions;

use lazy::{lazy_part, NotLoaded, Part};
use wasm_bindgen::prelude::*;

/// Runs once when the module is initialized.
#[wasm_bindgen(start)]
pub fn start() {
    browser::install_panic_hook();
}

/// Mounts a widget into `element`, with options from its `data-*` attributes, inside a shadow
/// root so the host page's CSS and the widget's cannot affect each other (the loader's, when it
/// attached one: see `browser::shadow::claim`).
///
/// `assets` is the URL of the directory holding the widget's files (the loader passes its own):
/// the stylesheet, and the bundled default feed when `data-feed` names none, come from there,
/// so a blog can load everything from a CDN. A `data-feed` resolves against the page, as any
/// URL the page's author writes. The element's own content (the no-JavaScript fallback) stays
/// in the page, hidden by the shadow root. Mounting an element twice does nothing.
///
/// `prefetched` is the loader's guess at the feed, already being fetched (`{url, response,
/// controller}`, or undefined): used if it is the feed the options name, cancelled if not.
/// `first_screen` (`{adds: [...]}`, or undefined) goes with the copy of the first screen the
/// loader may have shown meanwhile: the ids of the officials a reader added from it.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    assets: String,
    prefetched: JsValue,
    first_screen: JsValue,
) -> Result<(), JsValue> {
    let stylesheet = browser::location::resolve("scorecard.css", &assets);
    let Some(root) = browser::shadow::claim(&element, &stylesheet)? else {
        return Ok(());
    };
    let options = WidgetOptions::from_element(&element, &assets);
    let source = match &options.feed_refused {
        Some(why) => FeedSource::Refused(why.clone()),
        None => FeedSource::Url(options.feed.clone()),
    };
    let wanted = match &source {
        FeedSource::Url(url) => Some(url.as_str()),
        _ => None,
    };
    browser::fetch::adopt_prefetched(&prefetched, wanted);
    let first_screen = first_screen::FirstScreen::find(&root, &first_screen).map(std::rc::Rc::new);
    let props = AppProps { first_screen: first_screen.clone(), ..AppProps::new(source.clone(), options.clone()) };
    // The widget itself (yew and the components) is a part of its own in the release build,
    // fetched now, while the first screen works without it.
    WidgetPart::preload();
    wasm_bindgen_futures::spawn_local(async move {
        // The copy of the first screen works as soon as the feed is read; the widget then starts
        // from that feed and from what the reader did on the copy.
        if let (Some(first), FeedSource::Url(url)) = (first_screen, &source) {
            first.open(url, &options).await;
        }
        start_widget(root, props).await;
    });
    Ok(())
}

/// Renders the widget once its part is in. If it cannot come (offline), says so with "Try
/// again"; a live copy of the first screen keeps working meanwhile.
async fn start_widget(root: web_sys::Element, props: AppProps) {
    match WidgetPart::load().await {
        Ok(render) => render(root, props),
        Err(NotLoaded) => {
            let lang = start::default_lang(&props.options);
            browser::unavailable(&root, &i18n::I18n::new(lang)).await;
            Box::pin(start_widget(root, props)).await;
        }
    }
}

lazy_part! {
    /// The widget: yew, the components and what only they use. The first screen is in the main
    /// module (`first_screen`); this comes beside it.
    struct WidgetPart: fn(web_sys::Element, AppProps) = widget => render_widget;
}

/// Renders the widget into `root`.
fn render_widget(root: web_sys::Element, props: AppProps) {
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
