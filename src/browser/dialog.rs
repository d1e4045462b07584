//! Modal dialogs with the native `<dialog>` element: the browser traps focus inside, closes on
//! Escape, makes the rest of the page inert, and returns focus to the opener when it closes.

use wasm_bindgen::JsCast;

pub fn show_modal(element: &web_sys::Element) {
    if let Some(dialog) = element.dyn_ref::<web_sys::HtmlDialogElement>() {
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    }
}

pub fn close(element: &web_sys::Element) {
    if let Some(dialog) = element.dyn_ref::<web_sys::HtmlDialogElement>() {
        if dialog.open() {
            dialog.close();
        }
    }
}
