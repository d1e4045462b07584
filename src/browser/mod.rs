//! The only code that touches browser APIs. Every call here can fail (storage disabled, no
//! clipboard, network down) and reports that as a value; nothing panics.

pub mod clipboard;
pub mod dialog;
pub mod download;
pub mod feed_cache;
pub mod fetch;
pub mod location;
pub mod perf;
pub mod shadow;
pub mod share;
pub mod storage;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's window. Natively there is none: the prerenderer (`src/bin/prerender.rs`) renders
/// the first screen at build time as a browser with nothing saved, no address and no features.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Runs `f` once the next frame has been painted (a frame, then a task), so that work the
/// reader does not see waits until what they do see is on screen. Frames are paused while the
/// page is hidden, and so is `f`. Returns `false`, without running `f`, when there is no window.
pub fn after_paint(f: impl FnOnce() + 'static) -> bool {
    let Some(page) = window() else { return false };
    let after_frame = Closure::once_into_js(move || {
        let Some(page) = window() else { return };
        let then = Closure::once_into_js(f);
        let _ = page.set_timeout_with_callback(then.unchecked_ref());
    });
    page.request_animation_frame(after_frame.unchecked_ref()).is_ok()
}

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
        if let Some(document) = window().and_then(|w| w.document()) {
            show_crash_message(&document);
        }
    }));
}

/// Says in the widget's root that the widget could not be loaded, with "Try again"; resolves
/// when that is pressed (the message is then gone). Above the copy of the first screen when the
/// loader shows one (it keeps working), else in place of the loading note. Plain DOM calls: the
/// widget's own rendering is what could not come.
pub async fn unavailable(app: &web_sys::Element, tr: &crate::i18n::I18n) {
    let mut shown = None;
    let pressed = js_sys::Promise::new(&mut |resolve, _| shown = show_unavailable(app, tr, resolve));
    if shown.is_some() {
        let _ = wasm_bindgen_futures::JsFuture::from(pressed).await;
    }
}

fn show_unavailable(app: &web_sys::Element, tr: &crate::i18n::I18n, pressed: js_sys::Function) -> Option<()> {
    let document = app.owner_document()?;
    let message = document.create_element("div").ok()?;
    message.set_class_name("sc-error");
    message.set_attribute("role", "alert").ok()?;
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(&tr.t("app.widget_failed")));
    let button = document.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("sc-button");
    button.set_text_content(Some(&tr.t("app.try_again")));
    message.append_with_node_2(&text, &button).ok()?;
    let copy = app.previous_element_sibling().filter(|e| e.has_attribute(crate::first_screen::SNAPSHOT));
    match copy {
        Some(copy) => copy.before_with_node_1(&message).ok()?,
        None => {
            app.replace_children_with_node_1(&message);
            app.remove_attribute("hidden").ok()?;
        }
    }
    let shown = message.clone();
    gloo_events::EventListener::once(&button, "click", move |_| {
        shown.remove();
        let _ = pressed.call0(&JsValue::NULL);
    })
    .forget();
    Some(())
}

/// What a reader sees in place of a crashed widget.
pub const CRASH_MESSAGE: &str =
    "Sorry, the scorecard stopped working. Reload the page to try again; your shortlist is saved in this browser.";

/// Replaces the content of every mounted widget (its shadow root, keeping the stylesheet) with
/// [`CRASH_MESSAGE`]. After a panic the wasm instance cannot be trusted to render again, so
/// this builds the message with plain DOM calls.
pub fn show_crash_message(document: &web_sys::Document) {
    let Ok(hosts) = document.query_selector_all("[data-scorecard]") else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let Some(shadow) = host.shadow_root() else { continue };
        let children = shadow.child_nodes();
        for j in (0..children.length()).rev() {
            if let Some(child) = children.item(j) {
                if child.node_name() != "LINK" {
                    let _ = shadow.remove_child(&child);
                }
            }
        }
        let Ok(message) = document.create_element("p") else { continue };
        message.set_text_content(Some(CRASH_MESSAGE));
        let _ = message.set_attribute("role", "alert");
        let _ = message.set_attribute("class", "scorecard sc-crashed");
        let _ = shadow.append_child(&message);
    }
}
