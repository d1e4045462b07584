//! Which rows of a long list are on screen, so only those are rendered (the list stays smooth
//! with 100,000 officials). The page itself scrolls, as it does in a blog post; rows have one
//! fixed height (set in CSS), measured from the first rendered row. This measures; the core's
//! `list_window` decides which rows.

use gloo_events::EventListener;
use scorecard_core::list_window::{VisibleWindow, FALLBACK_ROW_HEIGHT, FALLBACK_VIEWPORT};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The rows of `count` that are in or near the viewport. `list` is the list element; its
/// children with class `sc-slot` are the rows. When not `enabled` (short lists render whole),
/// it neither listens nor measures.
#[hook]
pub fn use_visible_window(list: NodeRef, count: usize, enabled: bool) -> VisibleWindow {
    let window = use_state(|| VisibleWindow::first(count, FALLBACK_ROW_HEIGHT));
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
            // (The measure after this render is the effect below's.)
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
            measure_after_paint(compute);
        }
    });
    // The list may have just become shorter: this render comes before the next measure.
    window.within(count)
}

/// Measures once the render is painted, not in its effects: the list's padding (set by the
/// caller's own effects, which run after these) and the scroll position the browser clamps to a
/// shorter list are only then in place. Measured before, a list filtered while scrolled to its
/// end kept a window for the old layout until the next scroll. Measuring a painted page also
/// forces no layout of its own.
fn measure_after_paint(compute: impl FnOnce() + 'static) {
    // Natively there is no page, and nothing to measure.
    let _ = crate::browser::after_paint(compute);
}

fn measure(list: &NodeRef, count: usize, known_height: f64) -> VisibleWindow {
    let (Some(element), Some(window)) = (list.cast::<web_sys::Element>(), crate::browser::window()) else {
        return VisibleWindow::first(count, known_height);
    };
    let row_height = element
        .query_selector(".sc-slot")
        .ok()
        .flatten()
        .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|row| f64::from(row.offset_height()))
        .filter(|h| *h > 0.0)
        .unwrap_or(known_height);
    let viewport = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(FALLBACK_VIEWPORT);
    VisibleWindow::at(count, row_height, viewport, element.get_bounding_client_rect().top())
}
