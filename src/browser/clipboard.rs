//! Copying text. The Clipboard API needs a secure context and permission; when it is missing
//! or refuses, the caller shows the text selected in a field so it can be copied by hand.

use wasm_bindgen_futures::JsFuture;

/// Whether the text was copied.
pub async fn copy(text: &str) -> bool {
    let Some(window) = crate::browser::window() else { return false };
    let navigator = window.navigator();
    // `navigator.clipboard` is undefined on insecure origins; check before calling it.
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
