//! Loads the feed, then wires state, effects and layout. Nothing here decides what to show;
//! the core does, and components render it.

use std::rc::Rc;

use scorecard_core::csv_import::load_csv;
use scorecard_core::diagnostics::Report;
use scorecard_core::feed::{load_json, Loaded};
use scorecard_core::filter;
use scorecard_core::share_link;
use scorecard_core::shortlist::Shortlist;
use scorecard_core::source::looks_like_json;
use yew::prelude::*;

use crate::browser::{clipboard, download, feed_cache, fetch, location, perf, share, storage};
use crate::components::{
    plural, FilterPanel, Header, LoadNotes, OfficialDetail, Results, ShareBanner, ShortlistPanel, UndoBar,
};
use crate::options::{Theme, UrlMode, WidgetOptions};
use crate::state::{Action, AppState, FeedRef, HistoryMode};

/// Where the widget's feed comes from.
#[derive(Clone, Debug)]
pub enum FeedSource {
    /// Fetched from a URL (JSON, or CSV when the name or content type says so).
    Url(String),
    /// Already loaded: component tests and previews.
    Loaded(Rc<LoadedFeed>),
    /// The page asked for a feed the widget will not load; the text says why.
    Refused(String),
}

impl PartialEq for FeedSource {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FeedSource::Url(a), FeedSource::Url(b)) => a == b,
            (FeedSource::Loaded(a), FeedSource::Loaded(b)) => Rc::ptr_eq(a, b),
            (FeedSource::Refused(a), FeedSource::Refused(b)) => a == b,
            _ => false,
        }
    }
}

/// A loaded feed, what loading it reported, and the key its saved shortlist lives under.
#[derive(Debug)]
pub struct LoadedFeed {
    pub feed: FeedRef,
    pub report: Report,
    pub storage_key: String,
    /// Set when this is the last good copy, shown because the latest could not be loaded.
    pub stale: Option<Stale>,
}

/// Why an older copy of the feed is shown, and from when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// When the copy was saved: an ISO 8601 date-time.
    pub saved_at: String,
    /// What went wrong with the latest.
    pub reason: String,
}

impl LoadedFeed {
    /// Builds a loaded feed from loader output; `None` when no feed could be made, with the
    /// first error as the message.
    pub fn from_loaded(loaded: Loaded, storage_key: String) -> Result<LoadedFeed, String> {
        match loaded.feed {
            Some(feed) => {
                Ok(LoadedFeed { feed: FeedRef(Rc::new(feed)), report: loaded.report, storage_key, stale: None })
            }
            None => {
                let first =
                    loaded.report.diagnostics.iter().find(|d| d.is_error()).map(|d| d.to_string()).unwrap_or_default();
                Err(format!("The scorecard data could not be read. {first}"))
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub source: FeedSource,
    #[prop_or_default]
    pub options: WidgetOptions,
}

#[derive(Clone, Debug)]
enum LoadState {
    Loading,
    Failed(String),
    Ready(Rc<LoadedFeed>),
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
    {
        let load = load.clone();
        let retrying = retrying.clone();
        let options = props.options.clone();
        use_effect_with((props.source.clone(), *attempt), move |(source, _)| match source {
            FeedSource::Url(url) => {
                // Retrying from an older copy keeps it on screen until the new one is in.
                if matches!(*load, LoadState::Ready(_)) {
                    retrying.set(true);
                } else {
                    load.set(LoadState::Loading);
                }
                let url = url.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = load_from_url(&url, &options).await;
                    retrying.set(false);
                    load.set(match outcome {
                        Ok(loaded) => LoadState::Ready(Rc::new(loaded)),
                        Err(message) => LoadState::Failed(message),
                    });
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

/// Fetches and reads the feed. When that fails (network, server, or a feed that cannot be read
/// at all), the last good copy is shown instead, if this browser has one.
async fn load_from_url(url: &str, options: &WidgetOptions) -> Result<LoadedFeed, String> {
    let absolute = location::absolute(url);
    let key = match options.instance.as_deref() {
        Some(instance) => format!("scorecard:v1:{absolute}:{instance}"),
        None => format!("scorecard:v1:{absolute}"),
    };
    let is_csv_name = url.split(['?', '#']).next().is_some_and(|path| path.to_ascii_lowercase().ends_with(".csv"));
    let read = |bytes: &[u8], csv: bool| {
        let loaded = if csv { load_csv(bytes, None).loaded } else { load_json(bytes) };
        LoadedFeed::from_loaded(loaded, key.clone())
    };
    let latest = match fetch::fetch_bytes(url, options.timeout_secs).await {
        Ok((bytes, content_type)) => {
            let csv = is_csv_name || content_type.is_some_and(|t| t.contains("csv"));
            perf::mark("scorecard:parse-start");
            let loaded = read(&bytes, csv);
            perf::mark("scorecard:parse-end");
            if loaded.is_ok() {
                feed_cache::store(&absolute, &bytes).await;
            }
            loaded
        }
        Err(error) => Err(error.to_string()),
    };
    match latest {
        Ok(loaded) => Ok(loaded),
        Err(reason) => match feed_cache::load(&absolute).await {
            Some((bytes, saved_at)) => {
                let mut loaded = read(&bytes, !looks_like_json(&bytes)).map_err(|_| reason.clone())?;
                loaded.stale = Some(Stale { saved_at, reason });
                Ok(loaded)
            }
            None => Err(reason),
        },
    }
}

#[derive(Properties)]
struct ScorecardProps {
    loaded: Rc<LoadedFeed>,
    options: WidgetOptions,
    /// Load the feed again (offered when an older copy is shown).
    on_retry: Callback<MouseEvent>,
    /// A retry is under way (the older copy stays on screen meanwhile).
    retrying: bool,
}

impl PartialEq for ScorecardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.options == other.options
            && self.on_retry == other.on_retry
            && self.retrying == other.retrying
    }
}

fn shortlist_key(loaded: &LoadedFeed) -> String {
    format!("{}:shortlist", loaded.storage_key)
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

/// The page address with the current view and the shortlist in its fragment.
fn share_url_for(state: &AppState, feed: &scorecard_core::feed::Feed, param: &str) -> String {
    let value = share_link::encode(&state.view(), Some(&state.shortlist), feed);
    format!("{}#{}", location::page_url(), share_link::with_param(&location::fragment(), param, Some(&value)))
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
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // For anyone measuring: the first results are on screen.
    use_effect_with((), |_| perf::mark_after_paint("scorecard:results"));
    // A retry brought a newer copy of the feed: swap it in, keeping the view and the list.
    {
        let state = state.clone();
        let fresh = loaded.stale.is_none();
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
    let param = share_link::param_name(props.options.instance.as_deref());
    // With `UrlMode::Sync`, keep the view in the URL fragment, so a reload or a copied address
    // shows the same view and Back/Forward step through views. While a shared list awaits the
    // visitor's choice the address is left as it arrived. Embeds only read the address.
    {
        let feed = loaded.feed.clone();
        let push = state.history == HistoryMode::Push;
        let param = param.clone();
        let sync = props.options.url == UrlMode::Sync;
        use_effect_with((state.view(), state.pending_share.is_some()), move |(view, pending)| {
            if sync && !*pending {
                let value = (*view != Default::default()).then(|| share_link::encode(view, None, &feed));
                let current = location::fragment();
                let fragment = share_link::with_param(&current, &param, value.as_deref());
                if fragment != current {
                    location::set_fragment(&fragment, push);
                }
            }
        });
    }
    {
        let state = state.clone();
        let feed = loaded.feed.clone();
        let param = param.clone();
        let options = props.options.clone();
        use_effect_with((), move |_| {
            let listeners = location::on_fragment_change(move || {
                let mut decoded = share_link::decode(&location::fragment(), &param, &feed);
                if !decoded.present {
                    match options.url {
                        // The address is the view: none means the starting view.
                        UrlMode::Sync => decoded.view = preset_view(&options),
                        // The host page's own fragment changed (e.g. #comments): not ours.
                        UrlMode::Read => return,
                    }
                }
                if let Some(shared) = decoded.shared {
                    state.dispatch(Action::ReceiveShared {
                        list: shared.to_shortlist(&feed),
                        problems: decoded.problems,
                    });
                }
                state.dispatch(Action::RestoreView(decoded.view));
            });
            move || drop(listeners)
        });
    }

    let result = {
        let feed = loaded.feed.clone();
        use_memo(state.filter.clone(), move |filter| filter::run(&feed, filter))
    };

    let on_copy_link = {
        let state = state.clone();
        let share_url = share_url.clone();
        let feed = loaded.feed.clone();
        let param = param.clone();
        Callback::from(move |_| {
            let url = share_url_for(&state, &feed, &param);
            share_url.set(Some(url.clone()));
            let state = state.clone();
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

    let on_share = share::available().then(|| {
        let state = state.clone();
        let feed = loaded.feed.clone();
        let param = param.clone();
        Callback::from(move |_| {
            let url = share_url_for(&state, &feed, &param);
            let title = format!("My shortlist: {}", feed.meta.title);
            wasm_bindgen_futures::spawn_local(async move {
                share::share(&title, &url).await;
            });
        })
    });
    let on_download_results = {
        let result = result.clone();
        let feed = loaded.feed.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let csv = scorecard_core::export::results_csv(&feed, &result);
            if !download::download_text("scorecard-results.csv", "text/csv;charset=utf-8", &csv) {
                state.dispatch(Action::Announce("This browser did not allow the download.".into()));
            }
        })
    };
    let on_download_shortlist = {
        let feed = loaded.feed.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let csv = scorecard_core::export::shortlist_csv(&feed, &state.shortlist);
            if !download::download_text("shortlist.csv", "text/csv;charset=utf-8", &csv) {
                state.dispatch(Action::Announce("This browser did not allow the download.".into()));
            }
        })
    };
    let open_index = state.open.as_deref().and_then(|id| loaded.feed.official_index(id));
    let shortlist_ref = use_node_ref();
    let on_jump = {
        let shortlist_ref = shortlist_ref.clone();
        Callback::from(move |_| {
            if let Some(panel) = shortlist_ref.cast::<web_sys::HtmlElement>() {
                crate::browser::focus_element(&panel);
            }
        })
    };

    let feed = &loaded.feed;
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
                <FilterPanel feed={feed.clone()} filter={state.filter.clone()} result={result.clone()} on_action={dispatch.clone()} />
                <Results
                    feed={feed.clone()}
                    filter={state.filter.clone()}
                    result={result.clone()}
                    shortlist={state.shortlist.clone()}
                    on_action={dispatch.clone()}
                    on_download={on_download_results}
                />
                <ShortlistPanel
                    feed={feed.clone()}
                    shortlist={state.shortlist.clone()}
                    amount_errors={state.amount_errors.clone()}
                    split_error={state.split_error.clone()}
                    refcode={props.options.refcode.clone()}
                    share_url={(*share_url).clone()}
                    on_copy_link={on_copy_link}
                    on_share={on_share}
                    on_download={on_download_shortlist}
                    on_action={dispatch.clone()}
                    node_ref={shortlist_ref}
                />
            </div>
            if !state.shortlist.is_empty() {
                <button type="button" class="sc-button sc-primary sc-jump" onclick={on_jump}>
                    { format!("Your shortlist: {} · {}", plural(state.shortlist.len(), "official", "officials"), state.shortlist.total()) }
                </button>
            }
            if let Some(index) = open_index {
                <OfficialDetail
                    key={format!("{}#{}", loaded.feed.officials[index].id, state.open_serial)}
                    feed={feed.clone()}
                    index={index}
                    listed={state.shortlist.contains(&loaded.feed.officials[index].id)}
                    amount={state.shortlist.get(&loaded.feed.officials[index].id).map(|e| e.amount)}
                    refcode={props.options.refcode.clone()}
                    on_action={dispatch.clone()}
                />
            }
            <UndoBar undo={state.undo.clone()} on_action={dispatch.clone()} />
            <p class="sc-live" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.text.clone() }
            </p>
        </div>
    }
}
