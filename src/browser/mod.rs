//! The only code that touches browser APIs. Every call here can fail (storage disabled, no
//! clipboard, network down) and reports that as a value; nothing panics.

pub mod clipboard;
pub mod dialog;
pub mod download;
pub mod fetch;
pub mod location;
pub mod share;
pub mod storage;

use wasm_bindgen::JsCast;

/// Scrolls to the element with this id and moves keyboard focus to it.
pub fn focus_element(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// On a panic (a bug: input problems never panic), log the details to the console and put a
/// plain message in place of every widget on the page instead of leaving it blank or frozen.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Scorecard crashed: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(nodes) = document.query_selector_all("[data-scorecard]") else { return };
        for i in 0..nodes.length() {
            if let Some(element) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                element.set_text_content(Some(
                    "Sorry, the scorecard stopped working. Reload the page to try again; your shortlist is saved in this browser.",
                ));
                let _ = element.set_attribute("role", "alert");
            }
        }
    }));
}
