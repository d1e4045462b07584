//! A small builder over the DOM's own calls, so the first screen's markup reads as a tree.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// An element being built. Each call returns it, so a tree is one expression.
pub struct El(Element);

impl El {
    pub fn new(doc: &Document, tag: &str) -> Result<El, JsValue> {
        doc.create_element(tag).map(El)
    }

    pub fn attr(self, name: &str, value: &str) -> Result<El, JsValue> {
        self.0.set_attribute(name, value)?;
        Ok(self)
    }

    /// An attribute set only when there is a value (as yew leaves out `None`).
    pub fn attr_opt(self, name: &str, value: Option<&str>) -> Result<El, JsValue> {
        match value {
            Some(value) => self.attr(name, value),
            None => Ok(self),
        }
    }

    pub fn class(self, classes: &str) -> Result<El, JsValue> {
        self.attr("class", classes)
    }

    pub fn text(self, text: &str) -> Result<El, JsValue> {
        self.0.append_with_str_1(text)?;
        Ok(self)
    }

    pub fn child(self, child: El) -> Result<El, JsValue> {
        self.0.append_child(&child.0)?;
        Ok(self)
    }

    pub fn child_opt(self, child: Option<El>) -> Result<El, JsValue> {
        match child {
            Some(child) => self.child(child),
            None => Ok(self),
        }
    }

    /// Sets a CSS custom property through the CSSOM (a strict CSP refuses style attributes
    /// written as text, not this).
    pub fn style_property(self, name: &str, value: &str) -> Result<El, JsValue> {
        use wasm_bindgen::JsCast;
        if let Some(html) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            html.style().set_property(name, value)?;
        }
        Ok(self)
    }

    /// An input's value, as yew sets it: the property, not the attribute.
    pub fn value(self, value: &str) -> Result<El, JsValue> {
        use wasm_bindgen::JsCast;
        if let Some(input) = self.0.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(value);
        }
        Ok(self)
    }

    /// A checkbox's state, as yew sets it: the property, not the attribute.
    pub fn checked(self, checked: bool) -> Result<El, JsValue> {
        use wasm_bindgen::JsCast;
        if let Some(input) = self.0.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_checked(checked);
        }
        Ok(self)
    }

    pub fn into_element(self) -> Element {
        self.0
    }
}
