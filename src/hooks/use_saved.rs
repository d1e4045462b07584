//! What this browser keeps for a widget (localStorage, under `scorecard_core::storage_key`):
//! the shortlist, saved whenever it changes (a failure shown through
//! `Action::StorageProblem`), and the reader's ZIP code and an unfinished give run, forgotten
//! when the reader says so.

use scorecard_core::storage_key;
use yew::prelude::*;

use crate::browser::storage;
use crate::state::{Action, Store};

/// Saves the shortlist whenever it changes; `key` is the widget's storage key.
#[hook]
pub(crate) fn use_saved_shortlist(state: &UseReducerHandle<Store>, dispatch: &Callback<Action>, key: &str) {
    let key = storage_key::shortlist(key);
    let (dispatch, shown) = (dispatch.clone(), state.storage_problem);
    use_effect_with(state.shortlist.clone(), move |list| {
        let problem = storage::save(&key, &list.to_storage_json()).err().map(|p| p.message());
        if shown != problem {
            dispatch.emit(Action::StorageProblem(problem));
        }
    });
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
