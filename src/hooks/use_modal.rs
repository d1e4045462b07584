//! Shows a `<dialog>` as modal once it is in the page, and reports when the browser closes it
//! (Escape), so state can follow.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser::dialog;

#[hook]
pub fn use_modal(dialog_ref: NodeRef, on_close: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = dialog_ref.cast::<web_sys::Element>().map(|element| {
            dialog::show_modal(&element);
            EventListener::new(&element, "close", move |_| on_close.emit(()))
        });
        move || {
            if let Some(element) = dialog_ref.cast::<web_sys::Element>() {
                dialog::close(&element);
            }
            drop(listener);
        }
    });
}
