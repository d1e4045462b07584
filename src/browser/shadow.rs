//! The widget's shadow root: its own DOM and styles, sealed off from the host page's.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

/// Marks the element of the shadow root that holds the widget (`web/embed.js` makes it, with a
/// loading note or a copy of the first screen in it until the widget mounts).
const ROOT: &str = "data-sc-root";
/// Set on that element once a widget is mounted there: mounting twice does nothing.
const MOUNTED: &str = "data-sc-mounted";
/// Marks the element inside it that the widget renders into.
pub const APP: &str = "data-sc-app";

/// A new element to render the widget into, in `host`'s shadow root, or `None` when there is
/// nothing to do: a widget is already mounted there, or the shadow root is another script's.
///
/// The loader (`web/embed.js`) attaches the shadow root itself, with the stylesheet and a
/// loading note or a copy of the first screen, before the wasm arrives, so the stylesheet
/// downloads alongside it; that root is taken as it is, without the note. The copy stays beside
/// the new element until the widget's own first screen is ready (`first_screen.rs`): yew empties
/// the element it renders into. Without a shadow root (the organizer's preview, the component
/// tests), one is attached here: see [`attach`].
pub fn claim(host: &web_sys::Element, stylesheet: &str) -> Result<Option<web_sys::Element>, JsValue> {
    let root = match host.shadow_root() {
        None => attach(host, Some(stylesheet))?,
        Some(shadow) => match shadow.query_selector(&format!("[{ROOT}]"))? {
            Some(root) => root,
            None => return Ok(None),
        },
    };
    if root.has_attribute(MOUNTED) {
        return Ok(None);
    }
    root.set_attribute(MOUNTED, "")?;
    let children = root.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i).filter(|c| !c.has_attribute(crate::first_screen::SNAPSHOT)) {
            child.remove();
        }
    }
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let app = document.create_element("div")?;
    app.set_attribute(APP, "")?;
    root.append_child(&app)?;
    Ok(Some(app))
}

/// Attaches an open shadow root to `host` holding the widget stylesheet and an empty
/// container (the widget's root), and returns the container. The container stays hidden until the stylesheet has
/// loaded (or failed), so readers never see the widget unstyled.
pub fn attach(host: &web_sys::Element, stylesheet: Option<&str>) -> Result<web_sys::Element, JsValue> {
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let container = document.create_element("div")?;
    container.set_attribute(ROOT, "")?;
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
