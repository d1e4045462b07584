//! The page URL's fragment, where the view and shared shortlists live (it never reaches a server).

use std::cell::RefCell;

use scorecard_core::share_link;

use super::window;

/// The current fragment without the `#`.
pub fn fragment() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// The page address without its fragment.
pub fn page_url() -> String {
    let Some(location) = window().map(|w| w.location()) else { return String::new() };
    let href = location.href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Sets the fragment without scrolling: as a new history entry (`push`, so Back returns to the
/// previous view) or in place of the current one.
pub fn set_fragment(fragment: &str, push: bool) {
    let Some(window) = window() else { return };
    let url = if fragment.is_empty() { page_url() } else { format!("{}#{fragment}", page_url()) };
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// A parameter of the fragment to write once the next frame is painted.
struct PendingWrite {
    param: String,
    value: Option<String>,
    push: bool,
}

/// How long in-place writes wait for the reader to pause: a history write takes the browser
/// several milliseconds, and while someone types it would land under their next key.
const QUIET_MS: u32 = 400;

thread_local! {
    static PENDING: RefCell<Vec<PendingWrite>> = const { RefCell::new(Vec::new()) };
    /// The wait for a pause, while only in-place writes are pending.
    static QUIET: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// Sets the fragment's parameter `param` to `value` (removes it when `None`), leaving the rest
/// of the fragment as it is, as a new history entry (`push`) or in place; nothing if that is
/// already the address.
///
/// Never before the next paint: a history write takes the browser several milliseconds, which
/// the reader would otherwise wait for before seeing the results of their click. A new entry
/// (a pick Back can undo) is written after that paint; an in-place write (typing, the view
/// settling) once the reader pauses for [`QUIET_MS`]. Writes are made in the order they were
/// asked for; one in place right after another of the same parameter replaces it (the address
/// ends the same). While the page is hidden (no frames) it is written at once.
pub fn set_param_after_paint(param: &str, value: Option<String>, push: bool) {
    let first_push = PENDING.with_borrow_mut(|pending| {
        let first_push = push && !pending.iter().any(|w| w.push);
        match pending.last_mut() {
            Some(last) if !push && last.param == param => last.value = value,
            _ => pending.push(PendingWrite { param: param.to_string(), value, push }),
        }
        first_push
    });
    let hidden = window().and_then(|w| w.document()).is_none_or(|d| d.hidden());
    if hidden {
        write_pending();
    } else if push {
        if first_push && !crate::browser::after_paint(write_pending) {
            write_pending();
        }
    } else {
        // Waits anew from this write on.
        let timer = gloo_timers::callback::Timeout::new(QUIET_MS, write_pending);
        QUIET.with_borrow_mut(|quiet| *quiet = Some(timer));
    }
}

/// Makes the waiting writes now.
pub fn write_pending() {
    QUIET.with_borrow_mut(|quiet| quiet.take().map(gloo_timers::callback::Timeout::forget));
    for write in PENDING.with_borrow_mut(std::mem::take) {
        let current = fragment();
        let next = share_link::with_param(&current, &write.param, write.value.as_deref());
        if next != current {
            set_fragment(&next, write.push);
        }
    }
}

/// Forgets the writes of `param` still waiting for a paint: the address was changed by
/// Back/Forward or by hand, and is now the view.
pub fn drop_pending(param: &str) {
    PENDING.with_borrow_mut(|pending| pending.retain(|w| w.param != param));
}

/// Calls `on_change` when the fragment changes by Back/Forward or an edited address; the
/// returned listeners stop when dropped.
pub fn on_fragment_change(on_change: impl Fn() + 'static) -> Vec<gloo_events::EventListener> {
    let Some(window) = window() else { return Vec::new() };
    let on_change = std::rc::Rc::new(on_change);
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let on_change = on_change.clone();
            gloo_events::EventListener::new(&window, event, move |_| on_change())
        })
        .collect()
}

/// The page's `?name=value` query parameter, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// An absolute URL for `relative`, resolved against the page (for storage keys and messages).
pub fn absolute(relative: &str) -> String {
    resolve(relative, &page_url())
}

/// `relative` resolved against `base`; unchanged if either is not a URL.
pub fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base).map(|u| u.href()).unwrap_or_else(|_| relative.to_string())
}
