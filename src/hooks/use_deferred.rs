//! A value one frame late, for what may trail the reader's action: the frame that answers a
//! click or a key then draws only what the reader acted on, and the rest comes in the next one.
//! The map of the states uses it: at 100,000 officials its 56 tiles' new counts, laid out in the
//! same frame as the list, made a stance toggle's frame about half again as long.

use yew::prelude::*;

/// `value` as of the last paint: the first render returns it at once; after that a new `value`
/// is returned from the first render after the next paint (one more render), so its drawing
/// and layout land in the frame after. Several changes within a frame come as the last one.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T) -> T {
    // `_eq`: the first render's own value, set again after the paint, renders nothing more.
    let shown = use_state_eq(|| value.clone());
    {
        let setter = shown.setter();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let later = setter.clone();
            let later_value = value.clone();
            if !crate::browser::after_paint(move || later.set(later_value)) {
                setter.set(value);
            }
        });
    }
    (*shown).clone()
}
