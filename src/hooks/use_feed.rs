//! `App`'s feed: fetched from its address (again on "Try again"), and for a sharded feed the
//! session that fetches state files as they are wanted. What loading does is `loading.rs`; this
//! is when it happens.

use std::rc::Rc;

use scorecard_core::states::{State, StateSet};
use yew::prelude::*;

use crate::first_screen::FirstScreen;
use crate::loading::{
    fetch_shards, load_arriving_states, load_from_url, FeedSource, Fetched, LoadState, SharedSession,
};
use crate::options::WidgetOptions;

/// The feed as loaded so far, and what may be asked of it.
pub(crate) struct FeedLoad {
    pub(crate) load: UseStateHandle<LoadState>,
    /// A retry is under way (an older copy stays on screen meanwhile).
    pub(crate) retrying: bool,
    /// Load the feed again.
    pub(crate) retry: Callback<MouseEvent>,
    /// A sharded feed: fetch the files of these states.
    pub(crate) on_load_states: Callback<StateSet>,
    /// A sharded feed: fetch a state's file again after it failed.
    pub(crate) on_retry_state: Callback<State>,
}

#[hook]
pub(crate) fn use_feed(
    source: &FeedSource,
    options: &WidgetOptions,
    first_screen: Option<Rc<FirstScreen>>,
) -> FeedLoad {
    let load = use_state(|| match source {
        FeedSource::Loaded(loaded) => LoadState::Ready(loaded.clone()),
        FeedSource::Url(_) => LoadState::Loading,
        FeedSource::Refused(why) => LoadState::Failed(why.clone()),
    });
    let attempt = use_state(|| 0u32);
    let retrying = use_state(|| false);
    let session: SharedSession = use_mut_ref(|| None);
    let generations = use_mut_ref(|| 0u32);
    {
        let load = load.clone();
        let retrying = retrying.clone();
        let options = options.clone();
        let session = session.clone();
        use_effect_with((source.clone(), *attempt), move |(source, _)| match source {
            FeedSource::Url(url) => {
                // Retrying from an older copy keeps it on screen until the new one is in.
                if matches!(*load, LoadState::Ready(_)) {
                    retrying.set(true);
                } else {
                    load.set(LoadState::Loading);
                }
                let url = url.clone();
                let generation = {
                    let mut generations = generations.borrow_mut();
                    *generations = generations.wrapping_add(1);
                    *generations
                };
                // The first load may have been the first screen's (`first_screen::FirstScreen::open`).
                let early = first_screen.as_ref().and_then(|first| first.take_fetched());
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = match early {
                        Some(fetched) => fetched,
                        None => load_from_url(&url, &options).await,
                    };
                    let outcome = match fetched {
                        Ok(Fetched::Feed(loaded)) => {
                            *session.borrow_mut() = None;
                            LoadState::Ready(Rc::new(loaded))
                        }
                        Ok(Fetched::Index(mut fresh)) => {
                            fresh.generation = generation;
                            load_arriving_states(&mut fresh, &options).await;
                            let snapshot = fresh.snapshot();
                            *session.borrow_mut() = Some(*fresh);
                            LoadState::Ready(Rc::new(snapshot))
                        }
                        Err(message) => LoadState::Failed(message),
                    };
                    retrying.set(false);
                    load.set(outcome);
                });
            }
            FeedSource::Loaded(loaded) => load.set(LoadState::Ready(loaded.clone())),
            FeedSource::Refused(why) => load.set(LoadState::Failed(why.clone())),
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let timeout_secs = options.embed.timeout_secs;
    let on_load_states = {
        let session = session.clone();
        let load = load.clone();
        Callback::from(move |wanted: StateSet| fetch_shards(&session, &load, wanted, timeout_secs))
    };
    let on_retry_state = {
        let load = load.clone();
        Callback::from(move |state: State| {
            if let Some(current) = session.borrow_mut().as_mut() {
                current.sharded.retry(state);
            }
            fetch_shards(&session, &load, [state].into_iter().collect(), timeout_secs);
        })
    };
    FeedLoad { load, retrying: *retrying, retry, on_load_states, on_retry_state }
}
