//! What the shortlist's and the results' buttons do: copy or share the link to the view and
//! shortlist, download the results or the shortlist as CSV. Made once per widget: the callbacks
//! read the state when called, so they stay the same across renders and the panels they are
//! given are not rendered again for nothing.

use scorecard_core::i18n::Msg;
use std::rc::Rc;

use scorecard_core::{export, filter, share_link};
use yew::prelude::*;

use crate::browser::{clipboard, download, location, share};
use crate::state::{Action, AppState, Store};

#[hook]
pub(crate) fn use_handlers(
    state: &UseReducerHandle<Store>,
    result: &Rc<filter::FilterResult>,
    param: &str,
    sharded: bool,
) -> Rc<Handlers> {
    let tr = crate::i18n::use_i18n();
    let latest = use_mut_ref(|| (state.clone(), result.clone(), tr.clone()));
    *latest.borrow_mut() = (state.clone(), result.clone(), tr);
    use_memo((param.to_string(), sharded), move |(param, sharded)| Handlers::new(latest, param.clone(), *sharded))
}

/// The page address with the current view and the shortlist in its fragment.
fn share_url_for(state: &AppState, param: &str, sharded: bool) -> String {
    let value = share_link::encode_for(&state.view(), Some(&state.shortlist), &state.feed, sharded);
    format!("{}#{}", location::page_url(), share_link::with_param(&location::fragment(), param, Some(&value)))
}

/// The state as last rendered, its results and the reader's language.
type Latest = Rc<std::cell::RefCell<(UseReducerHandle<Store>, Rc<filter::FilterResult>, crate::i18n::I18n)>>;

/// What the shortlist and result buttons do: copy or share the link, download CSVs.
pub(crate) struct Handlers {
    pub(crate) copy_link: Callback<()>,
    /// Present when the browser has a share sheet.
    pub(crate) share: Option<Callback<()>>,
    pub(crate) download_results: Callback<()>,
    pub(crate) download_shortlist: Callback<()>,
}

impl Handlers {
    fn new(latest: Latest, param: String, sharded: bool) -> Self {
        let state = {
            let latest = latest.clone();
            move || latest.borrow().0.clone()
        };
        let copy_link = {
            let (state, param) = (state.clone(), param.clone());
            Callback::from(move |_| {
                let state = state();
                let url = share_url_for(&state, &param, sharded);
                state.dispatch(Action::ShowShareUrl(url.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    let message = if !clipboard::copy(&url).await {
                        Msg::new("said.copy_by_hand")
                    } else if state.comparing {
                        Msg::new("said.compare_link_copied")
                    } else {
                        Msg::new("said.link_copied")
                    };
                    state.dispatch(Action::Announce(message));
                });
            })
        };
        let share = share::available().then(|| {
            let latest = latest.clone();
            Callback::from(move |_| {
                let (state, _, tr) = latest.borrow().clone();
                let url = share_url_for(&state, &param, sharded);
                let title = tr.msg(&Msg::new("shortlist.share_title").text("title", state.feed.meta.title.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    share::share(&title, &url).await;
                });
            })
        });
        let download_results = Callback::from(move |_| {
            let (state, result, _) = latest.borrow().clone();
            let csv = export::results_csv(&state.feed, &result);
            download_csv(&state, "scorecard-results.csv", &csv);
        });
        let download_shortlist = Callback::from(move |_| {
            let state = state();
            let csv = export::shortlist_csv(&state.feed, &state.shortlist);
            download_csv(&state, "shortlist.csv", &csv);
        });
        Handlers { copy_link, share, download_results, download_shortlist }
    }
}

/// Offers `csv` as a download named `file_name`, and says so when the browser refuses.
fn download_csv(state: &UseReducerHandle<Store>, file_name: &str, csv: &str) {
    if !download::download_text(file_name, "text/csv;charset=utf-8", csv) {
        state.dispatch(Action::Announce(Msg::new("said.download_refused")));
    }
}
