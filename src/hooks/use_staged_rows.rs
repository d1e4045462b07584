//! A filter that turns a long list (windowed) into a short one (rendered whole) makes many rows
//! at once: narrowing 1,000 officials to 34 replaces the twenty-odd rows of the window with 34
//! new ones. The rows on screen come first and the rest once those are painted, so the reader
//! sees the new results a frame sooner; a frame later every row is in the page (for
//! find-in-page and screen readers, which also have `aria-setsize` throughout).

use yew::prelude::*;

/// How many of a list's `total` rows to render now: all of them, except in the first render
/// after the list stopped being `windowed`, when the first `on_screen` come first and a render
/// after the next paint adds the rest.
#[hook]
pub fn use_staged_rows(windowed: bool, total: usize, on_screen: usize) -> usize {
    let was_windowed = use_mut_ref(|| windowed);
    let switched = std::mem::replace(&mut *was_windowed.borrow_mut(), windowed) && !windowed;
    let shown = if switched { total.min(on_screen) } else { total };
    let update = use_force_update();
    let rest_later = shown < total;
    use_effect(move || {
        if rest_later {
            let later = update.clone();
            if !crate::browser::after_paint(move || later.force_update()) {
                update.force_update();
            }
        }
    });
    shown
}
