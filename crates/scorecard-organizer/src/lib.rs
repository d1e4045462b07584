//! The organizer page (`organize.html`): an organizer loads a feed (JSON) or spreadsheet (CSV)
//! from a web address, a file or pasted text, sees every problem located, maps spreadsheet
//! columns when auto-detection is unsure, previews the widget on the result, downloads the
//! normalized feed (and the mapping), and builds the embed snippet.
//!
//! A separate wasm module from the widget, so blog readers never download this code. Like the
//! widget it is a thin shell: reading, checking and converting are `scorecard-core`'s, and the
//! preview is the widget itself.

mod components;
mod state;

use wasm_bindgen::prelude::*;

/// Mounts the organizer into `element`. `assets` is the directory of the widget's files (the
/// page's own directory), used for the preview's stylesheet and the embed snippet. In the npm
/// package the element carries the loader's hash (`data-loader-integrity`), for the snippet.
#[wasm_bindgen]
pub fn mount_organizer(element: web_sys::Element, assets: String) {
    let loader_integrity = element
        .get_attribute("data-loader-integrity")
        .and_then(|text| scorecard_core::embed::integrity_hash(&text).map(str::to_string));
    element.set_inner_html("");
    yew::Renderer::<components::Organizer>::with_root_and_props(
        element,
        components::OrganizerProps { assets, loader_integrity },
    )
    .render();
}
