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

/// Replaces the fragment without adding a history entry or scrolling.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = window() else { return };
    let url = if fragment.is_empty() { page_url() } else { format!("{}#{fragment}", page_url()) };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// An absolute URL for `relative`, resolved against the page (for storage keys and messages).
pub fn absolute(relative: &str) -> String {
    web_sys::Url::new_with_base(relative, &page_url()).map(|u| u.href()).unwrap_or_else(|_| relative.to_string())
}
