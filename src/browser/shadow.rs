//! The widget's shadow root: its own DOM and styles, sealed off from the host page's.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

/// Attaches an open shadow root to `host` holding the widget stylesheet and an empty
/// container, and returns the container. The container stays hidden until the stylesheet has
/// loaded (or failed), so readers never see the widget unstyled.
pub fn attach(host: &web_sys::Element, stylesheet: Option<&str>) -> Result<web_sys::Element, JsValue> {
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let container = document.create_element("div")?;
    if let Some(href) = stylesheet {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        container.set_attribute("hidden", "")?;
        for event in ["load", "error"] {
            let container = container.clone();
            // Lives as long as the page: the widget stays mounted.
            EventListener::once(&link, event, move |_| {
                let _ = container.remove_attribute("hidden");
            })
            .forget();
        }
        shadow.append_child(&link)?;
    }
    shadow.append_child(&container)?;
    Ok(container)
}
