//! A value a little late, for what may trail the reader's action: the frame that answers a
//! click or a key then draws only what the reader acted on, and the rest comes after.
//! - The map of the states ([`use_deferred`]): at 100,000 officials its 56 tiles' new counts,
//!   laid out in the same frame as the list, made a stance toggle's frame about twice as long,
//!   and while a name is typed at a typist's pace they landed under the next key (so it asks for
//!   a pause then).
//! - The shortlist panel after an add from a row ([`use_trailing`]): the panel's new entry, its
//!   total, "Give to each" and the budget form were most of the add's frame (bench/ANALYSIS.md),
//!   while the reader looks at the button they pressed, which changes at once.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value` as it was `quiet_ms` after it last changed and a frame was painted: the first render
/// returns it at once; after that a new `value` comes in a render of its own once the next
/// paint is done and no newer value came for `quiet_ms` (several changes come as the last one).
/// Each change waits the `quiet_ms` of the render that brought it.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T, quiet_ms: u32) -> T {
    // `_eq`: the first render's own value, set again, renders nothing more.
    let shown = use_state_eq(|| value.clone());
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let setter = shown.setter();
        use_effect_with(value, move |value| {
            // A newer value cancels the one waiting (dropping a `Timeout` cancels it).
            pending.borrow_mut().take();
            let (later, later_value, waiting) = (setter.clone(), value.clone(), Rc::clone(&pending));
            let scheduled = crate::browser::after_paint(move || {
                *waiting.borrow_mut() = Some(Timeout::new(quiet_ms, move || later.set(later_value)));
            });
            if !scheduled {
                // No page to paint (natively): at once.
                setter.set(value.clone());
            }
        });
    }
    (*shown).clone()
}

/// `value`, except in a render where `trails(&value, &shown)` holds (`shown`: what the render
/// before returned): then `shown` once more, and `value` in a render of its own once the next
/// frame is painted. A change `trails` does not name shows at once (and takes any late one with it).
#[hook]
pub fn use_trailing<T: Clone + 'static>(value: T, trails: fn(&T, &T) -> bool) -> T {
    let shown = use_mut_ref(|| value.clone());
    // Set once the frame is painted: the next render takes `value`, whatever it is by then.
    let due = use_mut_ref(|| false);
    let late = !std::mem::take(&mut *due.borrow_mut()) && trails(&value, &shown.borrow());
    if !late {
        *shown.borrow_mut() = value;
    }
    let update = use_force_update();
    use_effect(move || {
        if late {
            let take = move || {
                *due.borrow_mut() = true;
                update.force_update();
            };
            let later = take.clone();
            if !crate::browser::after_paint(later) {
                // No page to paint (natively): at once.
                take();
            }
        }
    });
    let value = shown.borrow().clone();
    value
}
