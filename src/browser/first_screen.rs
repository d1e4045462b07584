//! The first screen the loader shows before the wasm is ready (`web/embed.js`): the widget's
//! default view for a bundled feed, rendered at build time by these same components
//! (`crates/scorecard-prerender`), and the officials a reader added from it meanwhile. The
//! widget takes both over once its own first screen is ready.

use wasm_bindgen::{JsCast, JsValue};

/// Marks the loader's copy of the first screen in the widget's root.
pub const SNAPSHOT: &str = "data-sc-snapshot";
/// Carries an official's id on their "Add" button, in the copy and in the widget alike.
pub const OFFICIAL: &str = "data-official";

#[derive(Debug)]
pub struct FirstScreen {
    snapshot: web_sys::Element,
    /// The loader's list of ids added from the copy, in order (it keeps adding until the copy
    /// is gone).
    adds: js_sys::Array,
}

impl FirstScreen {
    /// The copy beside `app` (the element the widget renders into), if the loader put one
    /// there, with the list it keeps in `handoff` (`{ adds: [...] }`).
    pub fn find(app: &web_sys::Element, handoff: &JsValue) -> Option<FirstScreen> {
        let root = app.parent_element()?;
        let snapshot = root.query_selector(&format!(":scope > [{SNAPSHOT}]")).ok().flatten()?;
        // The widget draws in the background meanwhile; showing both would show two lists.
        let _ = app.set_attribute("hidden", "");
        let adds = js_sys::Reflect::get(handoff, &"adds".into())
            .ok()
            .and_then(|a| a.dyn_into::<js_sys::Array>().ok())
            .unwrap_or_default();
        Some(FirstScreen { snapshot, adds })
    }

    /// The ids of the officials added from the copy, in order; afterwards the list is empty.
    pub fn take_adds(&self) -> Vec<String> {
        let ids = self.adds.iter().filter_map(|id| id.as_string()).collect();
        self.adds.set_length(0);
        ids
    }

    /// Removes the copy: the widget's own screen is in place. A reader who had an "Add" button
    /// of the copy focused finds the focus on the same official's button, once the widget's
    /// rows are drawn (they come after its first render, as child components).
    pub fn remove(&self) {
        let focused = self
            .snapshot
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|shadow| shadow.active_element())
            .filter(|active| self.snapshot.contains(Some(active)))
            .and_then(|active| active.get_attribute(OFFICIAL));
        let root = self.snapshot.parent_element();
        if let Some(app) = self.snapshot.next_element_sibling() {
            let _ = app.remove_attribute("hidden");
        }
        self.snapshot.remove();
        // The widget's own button for the same official.
        if let Some((id, root)) = focused.zip(root) {
            super::after_paint(move || {
                let selector = format!(".sc-add[{OFFICIAL}=\"{}\"]", id.replace(['"', '\\'], ""));
                let same = root.query_selector(&selector).ok().flatten();
                if let Some(button) = same.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = button.focus();
                }
            });
        }
    }
}

impl PartialEq for FirstScreen {
    fn eq(&self, other: &Self) -> bool {
        self.snapshot == other.snapshot
    }
}
