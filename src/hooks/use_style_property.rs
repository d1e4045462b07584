//! Sets a CSS property on an element through the CSSOM. A `style="…"` attribute would be
//! blocked on host pages with a strict Content-Security-Policy (no 'unsafe-inline' styles);
//! setting properties from script is not.

use yew::prelude::*;

/// Keeps `property` of the element in `node` set to `value` (removed when `None`).
#[hook]
pub fn use_style_property(node: NodeRef, property: &'static str, value: Option<String>) {
    use_effect_with(value, move |value| {
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            let style = element.style();
            let _ = match value {
                Some(value) => style.set_property(property, value),
                None => style.remove_property(property).map(|_| ()),
            };
        }
    });
}
