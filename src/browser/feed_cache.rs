//! The last good copy of each feed (and of each ZIP table file looked up), kept in the browser's
//! Cache Storage, so the widget can still show something (a feed marked with its date) when the
//! network or the server fails.
//! Nothing leaves the browser; an unavailable cache (private mode, insecure page) just means no
//! fallback.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const CACHE: &str = "scorecard-feeds-v1";
const SAVED_HEADER: &str = "x-scorecard-saved";

fn caches() -> Option<web_sys::CacheStorage> {
    crate::browser::window()?.caches().ok()
}

async fn open() -> Option<web_sys::Cache> {
    JsFuture::from(caches()?.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// Keeps `bytes` as the last good copy of `url`, dated now.
/// Saves the copy once the first results are on screen: copying a big feed into a `Response`
/// takes tens of milliseconds of the main thread, and awaiting the disk write held back the
/// first results by hundreds (bench/ANALYSIS.md).
pub fn store_later(url: String, bytes: Vec<u8>) {
    const AFTER_FIRST_RESULTS_MS: u32 = 1_000;
    gloo_timers::callback::Timeout::new(AFTER_FIRST_RESULTS_MS, move || {
        wasm_bindgen_futures::spawn_local(async move { store(&url, &bytes).await });
    })
    .forget();
}

/// Keeps `bytes` as the last good copy of `url`, in the background: for small files (a ZIP
/// table's), which cost nothing to copy.
pub fn store_soon(url: String, bytes: Vec<u8>) {
    wasm_bindgen_futures::spawn_local(async move { store(&url, &bytes).await });
}

async fn store(url: &str, bytes: &[u8]) {
    let Some(cache) = open().await else { return };
    let Ok(headers) = web_sys::Headers::new() else { return };
    let _ = headers.set(SAVED_HEADER, &String::from(js_sys::Date::new_0().to_iso_string()));
    let init = web_sys::ResponseInit::new();
    init.set_headers(&headers);
    // A copy owned by JS: a view into wasm memory would be cut off if the memory grew while the
    // cache is still reading it.
    let body = js_sys::Uint8Array::from(bytes);
    let Ok(response) = web_sys::Response::new_with_opt_buffer_source_and_init(Some(&body), &init) else { return };
    let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
}

/// The last good copy of `url` and when it was saved (an ISO date-time), if any.
pub async fn load(url: &str) -> Option<(Vec<u8>, String)> {
    let cache = open().await?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    let saved = response.headers().get(SAVED_HEADER).ok().flatten().unwrap_or_default();
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some((js_sys::Uint8Array::new(&buffer).to_vec(), saved))
}
