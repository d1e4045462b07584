//! The view in the page address: kept there as it changes (`UrlMode::Sync`), and read back when
//! the address changes (Back/Forward, an edited or pasted address).

use std::rc::Rc;

use scorecard_core::feed::shards::{self, ShardStatus};
use scorecard_core::share_link::{self, View};
use yew::prelude::*;

use crate::browser::location;
use crate::options::WidgetOptions;
use crate::state::{Action, FeedRef, HistoryMode, Store, WaitingLink};
use scorecard_core::embed::UrlMode;

/// With `UrlMode::Sync`, keeps the view in the URL fragment, so a reload or a copied address
/// shows the same view and Back/Forward step through views. While a shared list awaits the
/// visitor's choice it stays in the address too (`AppState::address`). Embeds only read the
/// address.
#[hook]
pub(crate) fn use_address_sync(state: &UseReducerHandle<Store>, param: &str, sync: bool, sharded: bool) {
    let push = state.history == HistoryMode::Push;
    let param = param.to_string();
    let waiting = state.pending_share.as_ref().map(|p| p.list.clone());
    let current = state.clone();
    use_effect_with((state.view(), waiting), move |_| {
        if sync {
            // After the new view is painted: the reader should not wait for the history.
            location::set_param_after_paint(&param, current.address(sharded), push);
        }
    });
}

/// Listens for address changes as long as the widget lives: the address says which view to
/// show, and a shared list in it is received (once its states' files are in, for a sharded
/// feed). It reads the feed and the state files' status as they are when the address changes.
#[hook]
pub(crate) fn use_address_listener(
    state: &UseReducerHandle<Store>,
    statuses: &Option<Rc<Vec<ShardStatus>>>,
    param: &str,
    options: &WidgetOptions,
) {
    let current = use_mut_ref(|| (state.feed.clone(), statuses.clone()));
    *current.borrow_mut() = (state.feed.clone(), statuses.clone());
    let state = state.clone();
    let param = param.to_string();
    let options = options.clone();
    use_effect_with((), move |_| {
        let listeners = location::on_fragment_change(move || {
            // The address now says which view to show; a write of an older one waiting for a
            // paint would undo that.
            location::drop_pending(&param);
            let (feed, statuses): (FeedRef, _) = current.borrow().clone();
            let fragment = location::fragment();
            let mut decoded = share_link::decode(&fragment, &param, &feed);
            if !decoded.present {
                match options.embed.url {
                    // The address is the view: none means the starting view.
                    UrlMode::Sync => decoded.view = preset_view(&options),
                    // The host page's own fragment changed (e.g. #comments): not ours.
                    UrlMode::Read => return,
                }
            }
            if let Some(shared) = decoded.shared {
                let settled = statuses.as_ref().is_none_or(|s| shards::settled(s, decoded.list_states));
                if settled {
                    state.dispatch(Action::ReceiveShared {
                        list: shared.to_shortlist(&feed),
                        problems: decoded.problems,
                    });
                } else {
                    // Read it once the files of its officials' states are in.
                    state.dispatch(Action::WaitForStates(Some(WaitingLink { fragment, states: decoded.list_states })));
                }
            }
            state.dispatch(Action::RestoreView(decoded.view));
            if let Some(note) = decoded.compare_note {
                state.dispatch(Action::CompareNote(note));
            }
        });
        move || drop(listeners)
    });
}

/// The view an embedder asked for with `data-question`, `data-states` and `data-stance`.
pub(crate) fn preset_view(options: &WidgetOptions) -> View {
    View::preset(options.embed.question.as_deref(), options.embed.states, options.embed.stance.as_deref())
}
