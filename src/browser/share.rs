//! The Web Share API (the phone's share sheet), where the browser has it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn share_function() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = crate::browser::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, share))
}

/// Whether this browser can open a share sheet.
pub fn available() -> bool {
    share_function().is_some()
}

/// Opens the share sheet with a title and link. `false` if unavailable or cancelled.
pub async fn share(title: &str, url: &str) -> bool {
    let Some((navigator, share)) = share_function() else { return false };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(title));
    let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(url));
    let Ok(promise) = share.call1(&navigator, &data) else { return false };
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
