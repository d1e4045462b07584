//! Shows a `<dialog>` as modal once it is in the page, and reports when the browser closes it
//! (Escape), so state can follow.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::browser::dialog;

#[hook]
pub fn use_modal(dialog_ref: NodeRef, on_close: Callback<()>) {
    use_effect_with((), move |_| {
        let listeners = dialog_ref.cast::<web_sys::Element>().map(|element| {
            dialog::show_modal(&element);
            // `cancel` comes synchronously with Escape; `close` only in a later task, after the
            // dialog has already closed and focus moved back, so a quick next key press could
            // land in between. Either one closes the state (closing twice is harmless).
            ["cancel", "close"].map(|event| {
                let on_close = on_close.clone();
                EventListener::new(&element, event, move |_| on_close.emit(()))
            })
        });
        move || {
            if let Some(element) = dialog_ref.cast::<web_sys::Element>() {
                dialog::close(&element);
            }
            drop(listeners);
        }
    });
}
