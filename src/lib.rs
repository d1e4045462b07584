//! The Scorecard widget: Yew components and browser glue over `scorecard-core`.
//!
//! - [`state`]: everything the supporter can change, as one reducer with named actions.
//! - [`components`]: function components that render state and dispatch actions; no parsing,
//!   validation or filtering happens in them.
//! - [`hooks`]: custom hooks for what components need from the page (scroll position, dialogs).
//! - [`browser`]: the only code that touches browser APIs (fetch, storage, URL, clipboard).
//! - [`app`]: loads the feed and wires state, effects and layout together.
//!
//! Architecture invariant: a component never decides *what* to show (that is the core's job)
//! and never talks to the browser directly (that is `browser`'s).

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod options;
pub mod state;

pub use app::{App, AppProps, FeedSource};
pub use options::WidgetOptions;

/// Mounts a widget into `element`, reading its options from the element's `data-*` attributes.
pub fn mount(element: web_sys::Element) {
    let options = WidgetOptions::from_element(&element);
    // The fallback content (a link to the full scorecard) stays until this point.
    element.set_inner_html("");
    let source = match &options.feed_refused {
        Some(why) => FeedSource::Refused(why.clone()),
        None => FeedSource::Url(options.feed.clone()),
    };
    yew::Renderer::<App>::with_root_and_props(element, AppProps { source, options }).render();
}

/// Mounts a widget into every element with a `data-scorecard` attribute.
pub fn mount_all() {
    browser::install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-scorecard]") else { return };
    for i in 0..nodes.length() {
        if let Some(element) = nodes.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
            mount(element);
        }
    }
}
