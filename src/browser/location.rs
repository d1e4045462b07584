//! The page URL's fragment, where the view and shared shortlists live (it never reaches a server).

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

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

/// Calls `on_change` when the fragment changes by Back/Forward or an edited address; the
/// returned listeners stop when dropped.
pub fn on_fragment_change(on_change: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    let Some(window) = window() else { return Vec::new() };
    let on_change = std::rc::Rc::new(on_change);
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let on_change = on_change.clone();
            gloo::events::EventListener::new(&window, event, move |_| on_change())
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
