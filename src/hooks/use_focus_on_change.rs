//! Moves keyboard focus to an element whenever `key` changes, and when the component first
//! appears only if `on_mount`: a step that replaces the button just pressed (the guided give run)
//! would otherwise leave focus on nothing, and a page that opens with a step already shown must
//! not jump to it.

use yew::prelude::*;

#[hook]
pub fn use_focus_on_change<T: PartialEq + 'static>(node_ref: NodeRef, key: T, on_mount: bool) {
    let mounted = use_mut_ref(move || on_mount);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *mounted.borrow_mut(), true) {
            if let Some(element) = node_ref.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
