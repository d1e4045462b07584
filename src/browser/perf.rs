//! Performance marks for anyone measuring the widget (`cargo xtask bench` does): when parsing
//! the feed starts and ends, and when the first results have been painted. They are cheap,
//! invisible, and need no global: read them with `performance.getEntriesByName("scorecard:…")`.

use wasm_bindgen::JsCast;

fn performance() -> Option<web_sys::Performance> {
    crate::browser::window()?.performance()
}

/// `performance.mark(name)`.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the next frame has been painted (a frame, then a task), with the size of
/// the wasm memory as its detail: that memory is invisible to the JS heap figures.
pub fn mark_after_paint(name: &'static str) {
    super::after_paint(move || {
        let Some(performance) = performance() else { return };
        // `mark(name, { detail })`, called through JS: web-sys has it only as an unstable API.
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"wasmMemoryBytes".into(), &wasm_memory_bytes().into());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"detail".into(), &detail);
        let mark =
            js_sys::Reflect::get(&performance, &"mark".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(mark) = mark {
            let _ = mark.call2(&performance, &name.into(), &options);
        }
    });
}

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| buffer.byte_length() as f64)
}
