//! Saving a generated file (CSV) to the reader's computer, without any server.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`. Returns whether the browser accepted it.
pub fn download_text(filename: &str, mime: &str, text: &str) -> bool {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Some(link) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // The click has started the download synchronously; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}
