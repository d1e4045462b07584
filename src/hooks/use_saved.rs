//! What this browser keeps for a widget (localStorage, under `scorecard_core::storage_key`):
//! the shortlist, saved whenever it changes (a failure shown through
//! `Action::StorageProblem`) and kept in step with other tabs, and the reader's ZIP code and an
//! unfinished give run, forgotten when the reader says so.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use scorecard_core::shortlist::{Shortlist, Synced};
use scorecard_core::storage_key;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::storage::{self, StorageProblem};
use crate::state::{Action, Store};

/// Saves the shortlist whenever it changes, and takes in other tabs' changes when they save
/// theirs (the `storage` event): both through `Synced::update`, the core's merge, so two tabs
/// editing at once lose nothing. `key` is the widget's storage key.
#[hook]
pub(crate) fn use_saved_shortlist(state: &UseReducerHandle<Store>, dispatch: &Callback<Action>, key: &str) {
    let key = storage_key::shortlist(key);
    // What this tab last saved or heard of: its next changes are stamped against it.
    let base = use_mut_ref(|| {
        storage::read(&key, |text| Synced::from_storage_json(text).ok()).map(|(s, _)| s).unwrap_or_default()
    });
    // The list on screen, for the listener.
    let shown_list = use_mut_ref(Shortlist::default);
    *shown_list.borrow_mut() = state.shortlist.clone();
    {
        let (key, base, dispatch, shown) = (key.clone(), base.clone(), dispatch.clone(), state.storage_problem);
        use_effect_with(state.shortlist.clone(), move |list| {
            let problem = sync(&key, &base, list, &dispatch).err().map(StorageProblem::message);
            if shown != problem {
                dispatch.emit(Action::StorageProblem(problem));
            }
        });
    }
    let dispatch = dispatch.clone();
    use_effect_with(key, move |key| {
        let key = key.clone();
        let listener = crate::browser::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let ours =
                    event.dyn_ref::<web_sys::StorageEvent>().is_some_and(|e| e.key().as_deref() == Some(key.as_str()));
                if ours {
                    let list = shown_list.borrow().clone();
                    let _ = sync(&key, &base, &list, &dispatch);
                }
            })
        });
        move || drop(listener)
    });
}

/// This tab's `list` merged with what storage holds now: stored if that changed, shown if the
/// other tab's changes make it differ from `list`.
fn sync(
    key: &str,
    base: &Rc<RefCell<Synced>>,
    list: &Shortlist,
    dispatch: &Callback<Action>,
) -> Result<(), StorageProblem> {
    let stored_text = storage::load(key)?;
    let stored = stored_text.as_deref().and_then(|text| Synced::from_storage_json(text).ok()).map(|(s, _)| s);
    let merged = base.borrow().update(list, &stored.unwrap_or_default(), js_sys::Date::now() as u64);
    let text = merged.to_storage_json();
    let saved = if stored_text.as_deref() == Some(text.as_str()) { Ok(()) } else { storage::save(key, &text) };
    let changed = !merged.list().same_choices(list);
    let merged_list = merged.list().clone();
    *base.borrow_mut() = merged;
    if changed {
        dispatch.emit(Action::SyncShortlist(merged_list));
    }
    saved
}

/// Keeps the reader's ZIP code and an unfinished give run, or forgets them.
#[hook]
pub(crate) fn use_saved_lookup(state: &UseReducerHandle<Store>, key: &str) {
    let zip_key = storage_key::zip(key);
    use_effect_with(state.zip.saved.clone(), move |saved| {
        storage::keep(&zip_key, saved.as_ref().map(|z| z.to_storage()))
    });
    let give_key = storage_key::give_run(key);
    use_effect_with(state.give.clone(), move |run| storage::keep(&give_key, run.as_ref().map(|r| r.to_storage())));
}
