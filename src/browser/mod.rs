//! The only code that touches browser APIs. Every call here can fail (storage disabled, no
//! clipboard, network down) and reports that as a value; nothing panics.

pub mod clipboard;
pub mod dialog;
pub mod download;
pub mod fetch;
pub mod location;
pub mod shadow;
pub mod share;
pub mod storage;

use wasm_bindgen::JsCast;

/// Scrolls to an element and moves keyboard focus to it.
pub fn focus_element(element: &web_sys::HtmlElement) {
    element.scroll_into_view();
    let _ = element.focus();
}

/// On a panic (a bug: input problems never panic), log the details to the console and put a
/// plain message in place of every widget on the page instead of leaving it blank or frozen.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Scorecard crashed: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(nodes) = document.query_selector_all("[data-scorecard]") else { return };
        for i in 0..nodes.length() {
            let Some(host) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            // The widget lives in the host's shadow root; the message replaces it there.
            let Some(shadow) = host.shadow_root() else { continue };
            let Ok(message) = document.create_element("p") else { continue };
            message.set_text_content(Some(
                "Sorry, the scorecard stopped working. Reload the page to try again; your shortlist is saved in this browser.",
            ));
            let _ = message.set_attribute("role", "alert");
            let _ = message.set_attribute("class", "scorecard sc-crashed");
            shadow.set_text_content(None);
            let _ = shadow.append_child(&message);
        }
    }));
}
