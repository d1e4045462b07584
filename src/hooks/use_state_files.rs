//! A sharded feed's state files, as the reader's wishes change: which to fetch (the core
//! decides: their view, their shortlist, their ZIP code's states, a shared list waiting), and a
//! shared list pasted while open, read once its states' files are in.

use std::rc::Rc;

use scorecard_core::feed::shards::{self, ShardStatus};
use scorecard_core::share_link;
use scorecard_core::states::StateSet;
use scorecard_core::your_officials::YourOfficials;
use yew::prelude::*;

use crate::state::{Action, Store};

#[hook]
pub(crate) fn use_state_files(
    state: &UseReducerHandle<Store>,
    statuses: &Option<Rc<Vec<ShardStatus>>>,
    your: &Option<Rc<YourOfficials>>,
    param: &str,
    on_load_states: &Callback<StateSet>,
) {
    {
        let mut wanted_states = state.waiting_link.as_ref().map_or(StateSet::EMPTY, |w| w.states);
        // A sharded feed loads the states of the reader's ZIP code too.
        for zip_state in your.iter().flat_map(|y| y.states.iter()) {
            wanted_states.insert(*zip_state);
        }
        let to_fetch = statuses
            .as_ref()
            .map(|s| shards::to_fetch(s, shards::wanted_states(state.filter.states, &state.shortlist, wanted_states)));
        let on_load_states = on_load_states.clone();
        use_effect_with(to_fetch, move |to_fetch| {
            if let Some(states) = to_fetch.filter(|s| !s.is_empty()) {
                on_load_states.emit(states);
            }
        });
    }
    // A shared list pasted while open, once its states' files are in: read it, as on arrival.
    let ready = match (&state.waiting_link, statuses) {
        (Some(link), Some(s)) => shards::settled(s, link.states),
        (Some(_), None) => true,
        (None, _) => false,
    };
    let waiting = state.waiting_link.clone();
    let param = param.to_string();
    let dispatch = state.dispatcher();
    use_effect_with((ready, state.feed.clone()), move |(ready, feed)| {
        if let Some(link) = waiting.filter(|_| *ready) {
            let decoded = share_link::decode(&link.fragment, &param, feed);
            if let Some(shared) = decoded.shared {
                dispatch
                    .dispatch(Action::ReceiveShared { list: shared.to_shortlist(feed), problems: decoded.problems });
            }
            dispatch.dispatch(Action::WaitForStates(None));
        }
    });
}
