//! Which rows of a long list are on screen, so only those are rendered (the list stays smooth
//! with 100,000 officials). The page itself scrolls, as it does in a blog post; rows have one
//! fixed height (set in CSS), measured from the first rendered row.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows rendered above and below the visible ones, so quick scrolling does not show gaps.
const OVERSCAN: usize = 8;
/// Row height assumed until one has been measured.
const FALLBACK_ROW_HEIGHT: f64 = 136.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VisibleWindow {
    /// First row to render.
    pub start: usize,
    /// One past the last row to render.
    pub end: usize,
    /// One past the last row in the viewport (`end` adds rows below it, for quick scrolling).
    pub visible_end: usize,
    /// Height of one row (pixels), for the spacers standing in for the others.
    pub row_height: f64,
}

/// The rows of `count` that are in or near the viewport. `list` is the list element; its
/// children with class `sc-slot` are the rows. When not `enabled` (short lists render whole),
/// it neither listens nor measures.
#[hook]
pub fn use_visible_window(list: NodeRef, count: usize, enabled: bool) -> VisibleWindow {
    let window = use_state(|| {
        let end = count.min(OVERSCAN * 4);
        VisibleWindow { start: 0, end, visible_end: end, row_height: FALLBACK_ROW_HEIGHT }
    });
    let compute = {
        let list = list.clone();
        let window = window.clone();
        move || {
            let next = measure(&list, count, window.row_height);
            if next != *window {
                window.set(next);
            }
        }
    };
    // Follow scrolling and resizing for as long as the list is shown.
    {
        let compute = compute.clone();
        use_effect_with((count, enabled), move |_| {
            if !enabled {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            compute();
            let listeners = crate::browser::window().map(|w| {
                let on_scroll = compute.clone();
                let on_resize = compute.clone();
                [
                    EventListener::new(&w, "scroll", move |_| on_scroll()),
                    EventListener::new(&w, "resize", move |_| on_resize()),
                ]
            });
            Box::new(move || drop(listeners))
        });
    }
    // After each render the measured row height may have changed (e.g. the widget got narrower).
    use_effect(move || {
        if enabled {
            compute();
        }
    });
    *window
}

fn measure(list: &NodeRef, count: usize, known_height: f64) -> VisibleWindow {
    let end = count.min(OVERSCAN * 4);
    let fallback = VisibleWindow { start: 0, end, visible_end: end, row_height: known_height };
    let (Some(element), Some(window)) = (list.cast::<web_sys::Element>(), crate::browser::window()) else {
        return fallback;
    };
    let row_height = element
        .query_selector(".sc-slot")
        .ok()
        .flatten()
        .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|row| f64::from(row.offset_height()))
        .filter(|h| *h > 0.0)
        .unwrap_or(known_height);
    let viewport = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let top = element.get_bounding_client_rect().top();
    // Rows scrolled past the top of the viewport, and how many fit in it.
    let first = ((-top).max(0.0) / row_height) as usize;
    let visible = (viewport / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(count);
    let end = (first + visible + OVERSCAN).min(count);
    // The row at the bottom edge of the viewport, and one more.
    let visible_end = (((viewport - top) / row_height).max(0.0) as usize + 1).clamp(start, count);
    VisibleWindow { start, end: end.max(start), visible_end, row_height }
}
