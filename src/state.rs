//! The widget's state, its `Action`s and the reducer are the core's
//! (`scorecard_core::app_state`, tested natively); here they become yew's reducer, given the
//! lookup part's steps (src/lookup.rs) once that part is in.

use std::rc::Rc;

pub use scorecard_core::app_state::{
    not_loaded, Action, Announcement, AppState, ChangesRef, FeedRef, HistoryMode, PendingShare, ShareChoice, Undo,
    WaitingLink, ZipArrival, ZipState, ZipStatus,
};
use yew::Reducible;

use crate::lazy::Part;
use crate::lookup::Lookup;

/// [`AppState`] as yew's reducer state (a type of this crate, as yew's trait asks).
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl std::ops::Deref for Store {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = self.0.clone();
        state.reduce(action, Lookup::get().map(|part| part.steps));
        Rc::new(Store(state))
    }
}
