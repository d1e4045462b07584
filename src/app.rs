//! Loads the feed, then wires state, effects and layout. Nothing here decides what to show;
//! the core does, and components render it.
//!
//! Getting the feed (and a sharded feed's state files) is `loading.rs`; every file that arrives
//! gives a new combined feed, swapped in with `Action::ReplaceFeed` like a retried feed.

use std::rc::Rc;

use scorecard_core::feed::shards::{self, ShardStatus};
use scorecard_core::filter;
use scorecard_core::share_link;
use scorecard_core::shortlist::Shortlist;
use scorecard_core::states::{State, StateSet};
use yew::prelude::*;

use crate::browser::first_screen::FirstScreen;
use crate::browser::{clipboard, download, location, perf, share, storage};
use crate::components::{
    part_failed, plural, Details, FilterPanel, GiveRunPanel, Header, LoadNotes, OfficialDetailProps, PickStatePrompt,
    Results, ShardNotes, ShareBanner, ShortlistPanel, UndoBar, YourOfficialsPanel,
};
use crate::lazy::{use_part, Loading};
use crate::loading::{
    fetch_shards, load_arriving_states, load_from_url, shortlist_key_for, Fetched, LoadState, SharedSession,
};
pub use crate::loading::{FeedSource, LoadedFeed, Stale};
use crate::options::{Theme, UrlMode, WidgetOptions};
use crate::state::{Action, AppState, HistoryMode, ZipStatus};
use crate::{give_run, zip_lookup};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub source: FeedSource,
    #[prop_or_default]
    pub options: WidgetOptions,
    /// The loader's copy of the first screen, shown until the widget's own is ready.
    #[prop_or_default]
    pub first_screen: Option<Rc<FirstScreen>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| match &props.source {
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
        let options = props.options.clone();
        let session = session.clone();
        use_effect_with((props.source.clone(), *attempt), move |(source, _)| match source {
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
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match load_from_url(&url, &options).await {
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
    let timeout_secs = props.options.timeout_secs;
    let on_load_states = {
        let session = session.clone();
        let load = load.clone();
        Callback::from(move |wanted: StateSet| fetch_shards(&session, &load, wanted, timeout_secs))
    };
    let on_retry_state = {
        let session = session.clone();
        let load = load.clone();
        Callback::from(move |state: State| {
            if let Some(current) = session.borrow_mut().as_mut() {
                current.sharded.retry(state);
            }
            fetch_shards(&session, &load, [state].into_iter().collect(), timeout_secs);
        })
    };
    // The loader's copy of the first screen goes once the widget's own screen (or its error) is
    // in place, in the same frame; officials added from the copy meanwhile are added for real.
    let settled = !matches!(*load, LoadState::Loading);
    {
        let first_screen = props.first_screen.clone();
        use_effect_with(settled, move |settled| {
            if let Some(first_screen) = first_screen.filter(|_| *settled) {
                first_screen.remove();
            }
        });
    }
    let first_adds = use_memo(settled, {
        let first_screen = props.first_screen.clone();
        move |settled| first_screen.filter(|_| *settled).map(|f| f.take_adds()).unwrap_or_default()
    });
    if !settled && props.first_screen.is_some() {
        return html! {};
    }
    let body = match &*load {
        LoadState::Loading => html! { <p class="sc-status" role="status">{ "Loading the scorecard…" }</p> },
        LoadState::Failed(message) => html! {
            <div class="sc-error" role="alert">
                <p>{ message }</p>
                <button type="button" class="sc-button" onclick={retry}>{ "Try again" }</button>
            </div>
        },
        LoadState::Ready(loaded) => {
            html! {
                <Scorecard
                    loaded={loaded.clone()}
                    options={props.options.clone()}
                    on_retry={retry.clone()}
                    retrying={*retrying}
                    on_load_states={on_load_states}
                    on_retry_state={on_retry_state}
                    first_adds={first_adds.clone()}
                />
            }
        }
    };
    let theme = match props.options.theme {
        Theme::Auto => None,
        Theme::Light => Some("sc-theme-light"),
        Theme::Dark => Some("sc-theme-dark"),
    };
    html! { <div class={classes!("scorecard", theme, props.options.compact.then_some("sc-compact"))}>{ body }</div> }
}

#[derive(Properties)]
struct ScorecardProps {
    loaded: Rc<LoadedFeed>,
    options: WidgetOptions,
    /// Load the feed again (offered when an older copy is shown).
    on_retry: Callback<MouseEvent>,
    /// A retry is under way (the older copy stays on screen meanwhile).
    retrying: bool,
    /// A sharded feed: fetch the files of these states.
    on_load_states: Callback<StateSet>,
    /// A sharded feed: fetch a state's file again after it failed.
    on_retry_state: Callback<State>,
    /// Officials added from the loader's copy of the first screen, before the widget was ready.
    first_adds: Rc<Vec<String>>,
}

impl PartialEq for ScorecardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.options == other.options
            && self.on_retry == other.on_retry
            && self.retrying == other.retrying
            && self.on_load_states == other.on_load_states
            && self.on_retry_state == other.on_retry_state
            && Rc::ptr_eq(&self.first_adds, &other.first_adds)
    }
}

fn shortlist_key(loaded: &LoadedFeed) -> String {
    shortlist_key_for(&loaded.storage_key)
}

/// The first state: saved shortlist, then whatever the URL fragment carries (view, shared list),
/// or failing that the embedder's preset view.
fn initial_state(loaded: &LoadedFeed, options: &WidgetOptions) -> (AppState, Option<&'static str>) {
    let key = shortlist_key(loaded);
    let mut storage_problem = None;
    let mut notes = Vec::new();
    let saved = match storage::load(&key) {
        Ok(Some(text)) => match Shortlist::from_storage_json(&text) {
            Ok((list, problems)) => {
                notes.extend(problems);
                list
            }
            Err(problem) => {
                // Keep the unreadable copy aside rather than overwrite it on the next save.
                let _ = storage::save(&format!("{key}:damaged"), &text);
                notes.push(format!("{problem}; it was set aside and a new list started."));
                Shortlist::default()
            }
        },
        Ok(None) => Shortlist::default(),
        Err(problem) => {
            storage_problem = Some(problem.message());
            Shortlist::default()
        }
    };
    let param = share_link::param_name(options.instance.as_deref());
    let decoded = share_link::decode(&location::fragment(), &param, &loaded.feed);
    let view = if decoded.present { decoded.view } else { preset_view(options) };
    let mut state = AppState::new(loaded.feed.clone(), view.filter, saved);
    state.open = view.open;
    state.mine = view.mine;
    let mut state =
        state.with_saved(zip_lookup::load_saved(&loaded.storage_key), give_run::load_saved(&loaded.storage_key));
    notes.extend(decoded.problems.iter().cloned());
    if let Some(shared) = decoded.shared {
        state.receive_shared(shared.to_shortlist(&loaded.feed), decoded.problems);
    } else if !notes.is_empty() {
        state.announce(notes.join(" "));
    }
    (state, storage_problem)
}

/// "Nov 23, 2026 at 16:40 UTC" from an ISO date-time.
fn describe_saved_at(iso: &str) -> String {
    let date = iso.get(..10).and_then(scorecard_core::date::Date::parse_iso).map(|d| d.display_short());
    let time = iso.get(11..16).filter(|t| t.len() == 5);
    match (date, time) {
        (Some(date), Some(time)) => format!("{date} at {time} UTC"),
        (Some(date), None) => date,
        _ => "an earlier visit".to_string(),
    }
}

/// The view an embedder asked for with `data-question`, `data-states` and `data-stance`.
fn preset_view(options: &WidgetOptions) -> share_link::View {
    let mut view = share_link::View::default();
    view.filter.question = options.question.clone();
    view.filter.states = options.states;
    if let Some(stance) = &options.stance {
        view.filter.stances.insert(scorecard_core::filter::StanceChoice::Stance(stance.clone()));
    }
    view
}

/// The link parameter for a view and shortlist; links to a sharded feed also name the states
/// of the listed officials, so the recipient loads those files first.
fn encode_link(
    view: &share_link::View,
    list: Option<&Shortlist>,
    feed: &scorecard_core::feed::Feed,
    sharded: bool,
) -> String {
    if sharded {
        share_link::encode_sharded(view, list, feed)
    } else {
        share_link::encode(view, list, feed)
    }
}

/// The page address with the current view and the shortlist in its fragment.
fn share_url_for(state: &AppState, param: &str, sharded: bool) -> String {
    let value = encode_link(&state.view(), Some(&state.shortlist), &state.feed, sharded);
    format!("{}#{}", location::page_url(), share_link::with_param(&location::fragment(), param, Some(&value)))
}

/// The state as last rendered, and its results.
type Latest = Rc<std::cell::RefCell<(UseReducerHandle<AppState>, Rc<filter::FilterResult>)>>;

/// What the shortlist and result buttons do: copy or share the link, download CSVs.
struct Handlers {
    copy_link: Callback<()>,
    /// Present when the browser has a share sheet.
    share: Option<Callback<()>>,
    download_results: Callback<()>,
    download_shortlist: Callback<()>,
}

impl Handlers {
    fn new(latest: Latest, share_url: UseStateHandle<Option<String>>, param: String, sharded: bool) -> Self {
        let state = {
            let latest = latest.clone();
            move || latest.borrow().0.clone()
        };
        let copy_link = {
            let (state, param) = (state.clone(), param.clone());
            Callback::from(move |_| {
                let state = state();
                let url = share_url_for(&state, &param, sharded);
                share_url.set(Some(url.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    let message = if clipboard::copy(&url).await {
                        "Share link copied. Paste it anywhere to share your shortlist."
                    } else {
                        "Copy the share link from the box below."
                    };
                    state.dispatch(Action::Announce(message.to_string()));
                });
            })
        };
        let share = share::available().then(|| {
            let state = state.clone();
            Callback::from(move |_| {
                let state = state();
                let url = share_url_for(&state, &param, sharded);
                let title = format!("My shortlist: {}", state.feed.meta.title);
                wasm_bindgen_futures::spawn_local(async move {
                    share::share(&title, &url).await;
                });
            })
        });
        let download_results = Callback::from(move |_| {
            let (state, result) = latest.borrow().clone();
            let csv = scorecard_core::export::results_csv(&state.feed, &result);
            download_csv(&state, "scorecard-results.csv", &csv);
        });
        let download_shortlist = Callback::from(move |_| {
            let state = state();
            let csv = scorecard_core::export::shortlist_csv(&state.feed, &state.shortlist);
            download_csv(&state, "shortlist.csv", &csv);
        });
        Handlers { copy_link, share, download_results, download_shortlist }
    }
}

/// Offers `csv` as a download named `file_name`, and says so when the browser refuses.
fn download_csv(state: &UseReducerHandle<AppState>, file_name: &str, csv: &str) {
    if !download::download_text(file_name, "text/csv;charset=utf-8", csv) {
        state.dispatch(Action::Announce("This browser did not allow the download.".into()));
    }
}

/// A shortlist shared in an address pasted while the page was open, waiting for the files of
/// its officials' states.
#[derive(Clone, Debug, PartialEq)]
struct WaitingLink {
    fragment: String,
    states: StateSet,
}

#[function_component(Scorecard)]
fn scorecard(props: &ScorecardProps) -> Html {
    let loaded = props.loaded.clone();
    let init = use_memo((), {
        let loaded = loaded.clone();
        let options = props.options.clone();
        move |_| initial_state(&loaded, &options)
    });
    let state = use_reducer({
        let init = init.clone();
        move || init.0.clone()
    });
    let storage_problem = use_state(|| init.1);
    let share_url = use_state(|| None::<String>);
    let waiting_link = use_state(|| None::<WaitingLink>);
    // The same callback in every render (the dispatcher never changes), so components given
    // it, down to every row, see unchanged props and are not rendered again for nothing.
    let dispatch = use_callback(state.dispatcher(), |action: Action, dispatcher| dispatcher.dispatch(action));
    // Officials added from the loader's copy of the first screen: added now, as if clicked here
    // (before the first paint, so the shortlist shows them at once).
    {
        let (first_adds, dispatch) = (props.first_adds.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            for id in first_adds.iter() {
                dispatch.emit(Action::Add { id: id.clone() });
            }
        });
    }
    // `None` for an ordinary feed.
    let statuses: Option<Rc<Vec<ShardStatus>>> = loaded.shards.clone();
    let sharded = statuses.is_some();
    // Everything below shows `state.feed`, the feed the reducer holds, so that results, rows and
    // details always come from the same feed, also in the render before a new one is swapped in.
    let feed = state.feed.clone();

    // A sharded feed shows officials only for chosen states, once their files are in.
    let choosing = sharded && state.filter.states.is_empty();
    let progress = statuses.as_ref().map(|s| shards::progress(s, state.filter.states)).unwrap_or_default();
    let results_shown = match &statuses {
        None => true,
        Some(s) => !choosing && shards::settled(s, state.filter.states),
    };
    // For anyone measuring: the first results are on screen (for a sharded feed, those of the
    // first state picked, once its file is in).
    {
        let marked = use_mut_ref(|| false);
        use_effect_with(results_shown, move |shown| {
            if *shown && !*marked.borrow() {
                *marked.borrow_mut() = true;
                perf::mark_after_paint("scorecard:results");
            }
        });
    }
    // A sharded feed: fetch the files of the states the reader now wants (their view, their
    // shortlist, a shared list waiting for its states). The core decides which.
    // The officials of the reader's ZIP code, once its districts are known.
    let your = state.zip.your.clone().filter(|_| state.zip.status == ZipStatus::Found);
    {
        let mut wanted_states = waiting_link.as_ref().map_or(StateSet::EMPTY, |w| w.states);
        // A sharded feed loads the states of the reader's ZIP code too.
        for zip_state in your.iter().flat_map(|y| y.states.iter()) {
            wanted_states.insert(*zip_state);
        }
        let to_fetch = statuses
            .as_ref()
            .map(|s| shards::to_fetch(s, shards::wanted_states(state.filter.states, &state.shortlist, wanted_states)));
        let on_load_states = props.on_load_states.clone();
        use_effect_with(to_fetch, move |to_fetch| {
            if let Some(states) = to_fetch.filter(|s| !s.is_empty()) {
                on_load_states.emit(states);
            }
        });
    }
    // A shared list pasted while open, once its states' files are in: read it, as on arrival.
    {
        let state = state.clone();
        let waiting_link = waiting_link.clone();
        let ready = match (&*waiting_link, &statuses) {
            (Some(link), Some(s)) => shards::settled(s, link.states),
            (Some(_), None) => true,
            (None, _) => false,
        };
        let param = share_link::param_name(props.options.instance.as_deref());
        use_effect_with((ready, state.feed.clone()), move |(ready, feed)| {
            if let Some(link) = (*waiting_link).clone().filter(|_| *ready) {
                let decoded = share_link::decode(&link.fragment, &param, feed);
                if let Some(shared) = decoded.shared {
                    state.dispatch(Action::ReceiveShared {
                        list: shared.to_shortlist(feed),
                        problems: decoded.problems,
                    });
                }
                waiting_link.set(None);
            }
        });
    }
    // A retry brought a newer copy of the feed, or a state's file arrived: swap it in, keeping
    // the view and the list.
    {
        let state = state.clone();
        let fresh = loaded.stale.is_none() && !sharded;
        use_effect_with(loaded.feed.clone(), move |feed| {
            if state.feed != *feed {
                state.dispatch(Action::ReplaceFeed(feed.clone()));
                if fresh {
                    state.dispatch(Action::Announce("The latest scorecard data is loaded.".to_string()));
                }
            }
        });
    }
    // Save the shortlist whenever it changes.
    {
        let key = shortlist_key(&loaded);
        let storage_problem = storage_problem.clone();
        use_effect_with(state.shortlist.clone(), move |list| {
            let result = storage::save(&key, &list.to_storage_json());
            let problem = result.err().map(|p| p.message());
            if *storage_problem != problem {
                storage_problem.set(problem);
            }
        });
    }
    // Keep the reader's ZIP code (per widget) and an unfinished give run in this browser; forget
    // them when the reader says so.
    {
        let key = loaded.storage_key.clone();
        use_effect_with(state.zip.saved.clone(), move |saved| zip_lookup::keep(&key, saved.as_ref()));
    }
    {
        let key = loaded.storage_key.clone();
        use_effect_with(state.give.clone(), move |run| give_run::keep(&key, run.as_ref()));
    }
    // A ZIP code to look up: fetch the one table file for its first three digits.
    {
        let dispatch = dispatch.clone();
        let options = props.options.clone();
        let feed = feed.clone();
        let looking = (state.zip.status == ZipStatus::Looking).then_some(state.zip.zip).flatten();
        use_effect_with((state.zip.serial, looking), move |(serial, looking)| {
            if let Some(zip) = *looking {
                let serial = *serial;
                let table = zip_lookup::table_url(&options, &feed);
                wasm_bindgen_futures::spawn_local(async move {
                    let arrival = zip_lookup::fetch_shard(&table, zip, options.timeout_secs).await;
                    dispatch.emit(Action::ZipArrived { serial, arrival });
                });
            }
        });
    }
    // For anyone measuring: a lookup's officials are on screen.
    {
        let shown = state.mine && your.is_some();
        use_effect_with((shown, state.zip.serial), move |(shown, _)| {
            if *shown {
                perf::mark_after_paint("scorecard:zip-results");
            }
        });
    }
    let param = share_link::param_name(props.options.instance.as_deref());
    // With `UrlMode::Sync`, keep the view in the URL fragment, so a reload or a copied address
    // shows the same view and Back/Forward step through views. While a shared list awaits the
    // visitor's choice the address is left as it arrived. Embeds only read the address.
    {
        let feed = feed.clone();
        let push = state.history == HistoryMode::Push;
        let param = param.clone();
        let sync = props.options.url == UrlMode::Sync;
        use_effect_with((state.view(), state.pending_share.is_some()), move |(view, pending)| {
            if sync && !*pending {
                let value = (*view != Default::default()).then(|| encode_link(view, None, &feed, sharded));
                // After the new view is painted: the reader should not wait for the history.
                location::set_param_after_paint(&param, value, push);
            }
        });
    }
    // The fragment listener lives as long as the widget; it reads the feed and the state files'
    // status as they are when the address changes.
    let current = use_mut_ref(|| (feed.clone(), statuses.clone()));
    *current.borrow_mut() = (feed.clone(), statuses.clone());
    {
        let state = state.clone();
        let current = current.clone();
        let waiting_link = waiting_link.clone();
        let param = param.clone();
        let options = props.options.clone();
        use_effect_with((), move |_| {
            let listeners = location::on_fragment_change(move || {
                // The address now says which view to show; a write of an older one waiting
                // for a paint would undo that.
                location::drop_pending(&param);
                let (feed, statuses) = current.borrow().clone();
                let fragment = location::fragment();
                let mut decoded = share_link::decode(&fragment, &param, &feed);
                if !decoded.present {
                    match options.url {
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
                        waiting_link.set(Some(WaitingLink { fragment, states: decoded.list_states }));
                    }
                }
                state.dispatch(Action::RestoreView(decoded.view));
            });
            move || drop(listeners)
        });
    }

    let result = use_memo((feed.clone(), state.filter.clone()), |(feed, filter)| filter::run(feed, filter));

    // The shortlist panel's callbacks, made once: they read the state when called, so they stay
    // the same callbacks across renders and the panel is not rendered again for nothing.
    let latest = use_mut_ref(|| (state.clone(), result.clone()));
    *latest.borrow_mut() = (state.clone(), result.clone());
    let handlers = use_memo((param.clone(), sharded), {
        let latest = latest.clone();
        let share_url = share_url.clone();
        move |(param, sharded)| Handlers::new(latest, share_url, param.clone(), *sharded)
    });
    let open_index = state.open.as_deref().and_then(|id| feed.official_index(id));
    // The details dialog is a part loaded on first use: fetched when an official is opened.
    let (details, retry_details) = use_part::<Details>(open_index.is_some());
    let shortlist_ref = use_node_ref();
    let on_jump = {
        let shortlist_ref = shortlist_ref.clone();
        Callback::from(move |_| {
            if let Some(panel) = shortlist_ref.cast::<web_sys::HtmlElement>() {
                crate::browser::focus_element(&panel);
            }
        })
    };
    let state_choices = statuses.as_ref().map(|s| shards::state_choices(s, &result.facets.states));
    let refcode = props.options.refcode.clone().map(AttrValue::from);
    let totals = statuses.as_ref().map(|s| shards::totals(s));

    html! {
        <div class="sc-layout">
            <Header meta={feed.meta.clone()} />
            <LoadNotes report={loaded.report.clone()} />
            if let Some(stale) = &loaded.stale {
                <div class="sc-notice sc-stale" role="status">
                    <p>
                        { format!("Showing data saved on {}: the latest could not be loaded. ", describe_saved_at(&stale.saved_at)) }
                        { stale.reason.clone() }
                    </p>
                    <button
                        type="button"
                        class="sc-button sc-button-small"
                        onclick={props.on_retry.clone()}
                        disabled={props.retrying}
                    >
                        { if props.retrying { "Trying again…" } else { "Try again" } }
                    </button>
                </div>
            }
            if let Some(problem) = *storage_problem {
                <p class="sc-notice" role="status">{ problem }</p>
            }
            if let Some(pending) = &state.pending_share {
                <ShareBanner feed={feed.clone()} pending={pending.clone()} on_action={dispatch.clone()} />
            }
            <div class="sc-columns">
                <FilterPanel
                    feed={feed.clone()}
                    filter={state.filter.clone()}
                    result={result.clone()}
                    states_available={state_choices}
                    counts_known={!choosing}
                    on_action={dispatch.clone()}
                />
                <YourOfficialsPanel
                    feed={feed.clone()}
                    zip={state.zip.clone()}
                    your={your.clone()}
                    mine={state.mine}
                    question={result.question}
                    shortlist={state.shortlist.clone()}
                    refcode={refcode.clone()}
                    on_action={dispatch.clone()}
                />
                if let (true, Some((officials, states))) = (choosing, totals) {
                    <PickStatePrompt officials={officials} states={states} />
                } else {
                    <Results
                        feed={feed.clone()}
                        filter={state.filter.clone()}
                        result={result.clone()}
                        shortlist={state.shortlist.clone()}
                        refcode={refcode.clone()}
                        pending={!progress.loading.is_empty()}
                        on_action={dispatch.clone()}
                        on_download={handlers.download_results.clone()}
                    >
                        if sharded {
                            <ShardNotes progress={progress.clone()} on_retry={props.on_retry_state.clone()} />
                        }
                    </Results>
                }
                <ShortlistPanel
                    feed={feed.clone()}
                    shortlist={state.shortlist.clone()}
                    shards={statuses.clone()}
                    amount_errors={state.amount_errors.clone()}
                    split_error={state.split_error.clone()}
                    refcode={props.options.refcode.clone()}
                    share_url={(*share_url).clone()}
                    on_copy_link={handlers.copy_link.clone()}
                    on_share={handlers.share.clone()}
                    on_download={handlers.download_shortlist.clone()}
                    on_action={dispatch.clone()}
                    node_ref={shortlist_ref}
                >
                    <GiveRunPanel
                        feed={feed.clone()}
                        shortlist={state.shortlist.clone()}
                        run={state.give.clone()}
                        left_out={state.give_left_out.clone()}
                        refcode={refcode.clone()}
                        on_action={dispatch.clone()}
                    />
                </ShortlistPanel>
            </div>
            if !state.shortlist.is_empty() {
                <button type="button" class="sc-button sc-primary sc-jump" onclick={on_jump}>
                    { format!("Your shortlist: {} · {}", plural(state.shortlist.len(), "official", "officials"), state.shortlist.total()) }
                </button>
            }
            if let Some(index) = open_index {
                { match details {
                    Loading::Ready(render) => render(
                        OfficialDetailProps {
                            feed: feed.clone(),
                            index,
                            listed: state.shortlist.contains(&feed.officials[index].id),
                            amount: state.shortlist.get(&feed.officials[index].id).map(|e| e.amount),
                            refcode: props.options.refcode.clone(),
                            on_action: dispatch.clone(),
                        },
                        format!("{}#{}", feed.officials[index].id, state.open_serial),
                    ),
                    Loading::Pending => html! {},
                    Loading::Failed => part_failed(
                        &format!("The details of {} could not be loaded. You may be offline; the list and your shortlist still work.", feed.officials[index].name),
                        retry_details,
                        dispatch.reform(|()| Action::CloseOfficial),
                    ),
                } }
            }
            <UndoBar undo={state.undo.clone()} on_action={dispatch.clone()} />
            <p class="sc-live" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.text.clone() }
            </p>
        </div>
    }
}
