//! The first screen before yew is in: the loader's copy of the widget's first screen (rendered at
//! build time by the components, `crates/scorecard-prerender`), made to work with plain DOM calls
//! and the core's decisions, so that a phone's first download need not carry yew and the
//! components (issue 13: the first screen's transfer).
//!
//! Nothing here is yew: what it draws, it draws as the components do (the class names, icons and
//! words both write are in `crate::markup`), and `tests/first_screen.rs` holds its markup to
//! theirs, official by official.

mod copy;
mod dom;
pub mod entry;
mod live;
pub mod row;

pub use copy::{FirstScreen, Handover, OFFICIAL, SNAPSHOT};
pub use live::Live;

/// The element with the keyboard focus, if it is inside `element` (in the widget's shadow root,
/// or in the page when there is none).
fn focused_within(element: &web_sys::Element) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let root = element.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>().and_then(web_sys::Document::active_element),
    }?;
    element.contains(Some(&active)).then_some(active)
}
