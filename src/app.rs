//! Loads the feed, then wires state, effects and layout. Nothing here decides what to show;
//! the core does, and components render it.
//!
//! Getting the feed (and a sharded feed's state files) is `loading.rs`; every file that arrives
//! gives a new combined feed, swapped in with `Action::ReplaceFeed` like a retried feed.

use std::rc::Rc;

use scorecard_core::feed::shards::{self, ShardLoad, ShardStatus};
use scorecard_core::shortlist::Shortlist;
use scorecard_core::states::{State, StateSet};
use scorecard_core::tile_map::MapMode;
use scorecard_core::{date, filter, share_link, wording};
use yew::prelude::*;

use crate::browser::{location, perf};
use crate::components::{
    compare_bar, lang_switch, map_area, part_failed, CompareProps, CompareView, Details, FilterPanel, GiveRunPanel,
    Header, LoadNotes, MapProps, MapView, OfficialDetailProps, PickStatePrompt, Results, ShardNotes, ShareBanner,
    ShortlistPanel, SinceNoticeProps, UndoBar, YourOfficialsPanel,
};
use crate::first_screen::{FirstScreen, Handover};
use crate::hooks::{
    use_address_listener, use_address_sync, use_feed, use_handlers, use_saved_lookup, use_saved_shortlist,
    use_since_last_visit, use_state_files, use_trailing, use_zip_lookup, FeedLoad,
};
use crate::i18n::{use_catalogue, I18n};
use crate::lazy::{use_part, Loading, Part};
use crate::loading::LoadState;
pub use crate::loading::{FeedSource, LoadedFeed, Stale};
use crate::options::WidgetOptions;
use crate::since::{RowMarks, SinceView};
use crate::start::{default_lang, initial_state};
use crate::state::{Action, Store, ZipStatus};
use scorecard_core::embed::{Theme, UrlMode};
use scorecard_core::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub source: FeedSource,
    #[prop_or_default]
    pub options: WidgetOptions,
    /// The loader's copy of the first screen, shown until the widget's own is ready.
    #[prop_or_default]
    pub first_screen: Option<Rc<FirstScreen>>,
    /// Officials on the shortlist from the first render, as if added there (the prerenderer
    /// draws the entries the loader's copy shows as a reader adds from it).
    #[prop_or_default]
    pub added: Rc<Vec<String>>,
}

impl AppProps {
    /// A widget on `source`, with no copy of its first screen and nothing added.
    pub fn new(source: FeedSource, options: WidgetOptions) -> AppProps {
        AppProps { source, options, first_screen: None, added: Rc::default() }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let FeedLoad { load, retrying, retry, on_load_states, on_retry_state } =
        use_feed(&props.source, &props.options, props.first_screen.clone());
    // The loader's copy of the first screen goes once the widget's own screen (or its error) is
    // in place, in the same frame; the widget starts from what the reader did on the copy.
    let settled = !matches!(*load, LoadState::Loading);
    {
        let first_screen = props.first_screen.clone();
        use_effect_with(settled, move |settled| {
            if let Some(first_screen) = first_screen.filter(|_| *settled) {
                first_screen.remove();
            }
        });
    }
    let handover = use_memo(settled, {
        let (first_screen, added) = (props.first_screen.clone(), props.added.clone());
        move |settled| match first_screen.filter(|_| *settled) {
            Some(first_screen) => first_screen.take(),
            None => Handover::Adds((*added).clone()),
        }
    });
    // Until the reader switches (in `Scorecard`), the address's language, else the default.
    let i18n = use_memo(props.options.clone(), |options| {
        let param = share_link::param_name(options.instance.as_deref());
        I18n::new(share_link::lang_in(&location::fragment(), &param).unwrap_or_else(|| default_lang(options)))
    });
    // A reader starting in Spanish waits for its catalogue (a part of its own, which the loader
    // requests early): nothing is said in English meanwhile. If it cannot come, English.
    let (_, words, _) = use_catalogue(i18n.lang());
    let tr = if words == Loading::Failed { I18n::new(Lang::En) } else { (*i18n).clone() };
    if !settled && props.first_screen.is_some() {
        return html! {};
    }
    let ready = matches!(&*load, LoadState::Ready(_)) && words != Loading::Pending;
    let body = match &*load {
        _ if words == Loading::Pending => html! { <p class="sc-status" role="status" aria-busy="true"></p> },
        LoadState::Loading => html! { <p class="sc-status" role="status">{ tr.t("app.loading") }</p> },
        LoadState::Failed(message) => html! {
            <div class="sc-error" role="alert">
                <p>{ tr.msg(message) }</p>
                <button type="button" class="sc-button" onclick={retry}>{ tr.t("app.try_again") }</button>
            </div>
        },
        LoadState::Ready(loaded) => {
            html! {
                <Scorecard
                    loaded={loaded.clone()}
                    options={props.options.clone()}
                    on_retry={retry.clone()}
                    retrying={retrying}
                    on_load_states={on_load_states}
                    on_retry_state={on_retry_state}
                    handover={handover.clone()}
                />
            }
        }
    };
    let theme = match props.options.embed.theme {
        Theme::Auto => None,
        Theme::Light => Some("sc-theme-light"),
        Theme::Dark => Some("sc-theme-dark"),
    };
    html! {
        <ContextProvider<I18n> context={tr.clone()}>
            <div class={classes!("scorecard", theme, props.options.embed.compact.then_some("sc-compact"))} lang={(!ready).then(|| tr.lang().tag())}>{ body }</div>
        </ContextProvider<I18n>>
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
    /// A sharded feed: fetch the files of these states.
    on_load_states: Callback<StateSet>,
    /// A sharded feed: fetch a state's file again after it failed.
    on_retry_state: Callback<State>,
    /// Where the reader got to on the loader's copy of the first screen, before the widget was
    /// ready.
    handover: Rc<Handover>,
}

impl PartialEq for ScorecardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.options == other.options
            && self.on_retry == other.on_retry
            && self.retrying == other.retrying
            && self.on_load_states == other.on_load_states
            && self.on_retry_state == other.on_retry_state
            && Rc::ptr_eq(&self.handover, &other.handover)
    }
}

#[function_component(Scorecard)]
fn scorecard(props: &ScorecardProps) -> Html {
    let loaded = props.loaded.clone();
    let state = use_reducer({
        let (loaded, options, handover) = (loaded.clone(), props.options.clone(), props.handover.clone());
        move || {
            Store(match &*handover {
                Handover::State(state) if state.feed == loaded.feed => (**state).clone(),
                // (A feed loaded again meanwhile: what was added is added to it.)
                Handover::State(state) => {
                    let adds: Vec<String> = state.shortlist.entries().iter().map(|e| e.id.clone()).collect();
                    initial_state(&loaded, &options, &adds)
                }
                Handover::Adds(adds) => initial_state(&loaded, &options, adds),
            })
        }
    });
    // The same callback in every render (the dispatcher never changes), so components given
    // it, down to every row, see unchanged props and are not rendered again for nothing.
    let dispatch = use_callback(state.dispatcher(), |action: Action, dispatcher| dispatcher.dispatch(action));
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
    // The officials of the reader's ZIP code, once its districts are known.
    let your = state.zip.your.clone().filter(|_| state.zip.status == ZipStatus::Found);
    let param = share_link::param_name(props.options.instance.as_deref());
    use_state_files(&state, &statuses, &your, &param, &props.on_load_states);
    // A retry brought a newer copy of the feed, or a state's file arrived: swap it in, keeping
    // the view and the list.
    {
        let state = state.clone();
        let fresh = loaded.stale.is_none() && !sharded;
        use_effect_with(loaded.feed.clone(), move |feed| {
            if state.feed != *feed {
                state.dispatch(Action::ReplaceFeed(feed.clone()));
                if fresh {
                    state.dispatch(Action::Announce(Msg::new("said.latest_loaded")));
                }
            }
        });
    }
    use_saved_shortlist(&state, &dispatch, &loaded.storage_key);
    use_saved_lookup(&state, &loaded.storage_key);
    // What changed since the reader's last visit, in the states whose officials the feed has in
    // full: every state, or a sharded feed's states whose files are in; none for an older copy
    // shown because the feed could not be loaded (it may be older than what the reader saw).
    let covered: Option<StateSet> = match (&loaded.stale, &statuses) {
        (Some(_), _) => None,
        (None, None) => Some(State::all().collect()),
        (None, Some(s)) => Some(s.iter().filter(|s| s.load == ShardLoad::Loaded).map(|s| s.entry.state).collect()),
    };
    use_since_last_visit(&state, &loaded.storage_key, &loaded.feed, covered);
    use_zip_lookup(&state, &dispatch, &props.options);
    // For anyone measuring: a lookup's officials are on screen.
    {
        let shown = state.mine && your.is_some();
        use_effect_with((shown, state.zip.serial), move |(shown, _)| {
            if *shown {
                perf::mark_after_paint("scorecard:zip-results");
            }
        });
    }
    use_address_sync(&state, &param, props.options.embed.url == UrlMode::Sync, sharded);
    use_address_listener(&state, &statuses, &param, &props.options);

    // What changed is told and drawn by a part (src/since.rs): in once there are changes.
    let since_part = SinceView::get().filter(|_| state.since.changes.is_some() || state.since.acknowledged > 0);
    // The "Changed" filter: the reader's own, so never in `state.filter` (which links carry).
    let within =
        use_memo((feed.clone(), state.since.changes.clone(), state.since.only_changed), |(feed, changes, on)| {
            match (SinceView::get(), changes) {
                (Some(part), Some(changes)) if *on => Some((part.indices)(changes, feed)),
                _ => None,
            }
        });
    let result = use_memo((feed.clone(), state.filter.clone(), within), |(feed, filter, within)| {
        filter::run_within(feed, filter, within.as_deref())
    });
    let marks = match (since_part, &state.since.changes) {
        (Some(part), Some(changes)) => Some(RowMarks { changes: changes.clone(), draw: part.mark }),
        _ => None,
    };
    let handlers = use_handlers(&state, &result, &param, sharded);
    let open_index = state.open.as_deref().and_then(|id| feed.official_index(id));
    // The details dialog is a part loaded on first use: fetched when an official is opened.
    let (details, retry_details) = use_part::<Details>(open_index.is_some());
    // So is the comparison: fetched when it is shown (or as the reader reaches for its button).
    let (comparison, retry_comparison) = use_part::<CompareView>(state.comparing);
    // And the map of the states, when it is shown.
    let (map_part, retry_map) = use_part::<MapView>(state.map != MapMode::Hidden);
    // An add from a row answers in the row (its button, the dock, the announcement) in the
    // frame after the click; the panel's new entry follows once that frame is painted. Every
    // other change to the list, most of them made in the panel, shows there at once.
    let panel_list = use_trailing(state.shortlist.clone(), Shortlist::extends);
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
    let refcode = props.options.embed.refcode.clone().map(AttrValue::from);
    let totals = statuses.as_ref().map(|s| shards::totals(s));
    // The reader's language: switching draws every component again in it, and changes nothing
    // else (the view, the list and the scroll stay).
    // The browser's languages are read once, not on every render (each read calls into JavaScript).
    let default = *use_memo(props.options.clone(), default_lang);
    // A language whose catalogue is not in yet (Spanish, a part of its own) shows once it is.
    let (lang, words, retry_words) = use_catalogue(state.lang.unwrap_or(default));
    let feed_language = feed.meta.language().to_string();
    let tr = (*use_memo((lang, feed_language), |(lang, feed)| I18n::for_feed(*lang, feed))).clone();

    html! {
        <ContextProvider<I18n> context={tr.clone()}>
        <div class="sc-layout" lang={lang.tag()}>
            { lang_switch(&tr, &dispatch) }
            if words == Loading::Failed {
                // Closing it keeps English, and says so in the address.
                { part_failed(&tr.t("lang.failed"), retry_words.clone(), dispatch.reform(|()| Action::SetLang(Lang::En)), &tr) }
            }
            <Header meta={feed.meta.clone()} />
            <LoadNotes report={loaded.report.clone()} />
            if let Some(stale) = &loaded.stale {
                <div class="sc-notice sc-stale" role="status">
                    <p>
                        { tr.msg(&Msg::new("app.stale").text("saved", date::describe_saved_at(&stale.saved_at))) }{ " " }
                        { tr.msg(&stale.reason) }
                    </p>
                    <button
                        type="button"
                        class="sc-button sc-button-small"
                        onclick={props.on_retry.clone()}
                        disabled={props.retrying}
                    >
                        { if props.retrying { tr.t("app.trying_again") } else { tr.t("app.try_again") } }
                    </button>
                </div>
            }
            if let Some(problem) = state.storage_problem {
                <p class="sc-notice" role="status">{ tr.t(problem) }</p>
            }
            if let Some(problem) = state.since.problem {
                <p class="sc-notice" role="status">{ tr.msg(&problem.message()) }</p>
            }
            if let Some(part) = since_part {
                { (part.notice)(SinceNoticeProps {
                    changes: state.since.changes.clone(),
                    only_changed: state.since.only_changed,
                    on_action: dispatch.clone(),
                }) }
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
                    changed={state.since.changes.as_ref().map(|c| c.marks.len())}
                    only_changed={state.since.only_changed}
                    on_action={dispatch.clone()}
                />
                <YourOfficialsPanel
                    feed={feed.clone()}
                    zip={state.zip.clone()}
                    your={your.clone()}
                    mine={state.mine}
                    question={result.question}
                    shortlist={state.shortlist.clone()}
                    compare={state.compare.clone()}
                    refcode={refcode.clone()}
                    marks={marks.clone()}
                    on_action={dispatch.clone()}
                />
                if props.options.embed.map_shown() {
                    { map_area(state.map, map_part, retry_map, || MapProps {
                    feed: feed.clone(),
                    filter: state.filter.clone(),
                    result: result.clone(),
                    shards: statuses.clone(),
                    mode: state.map,
                    on_action: dispatch.clone(),
                    }, &dispatch, &tr) }
                }
                if let (true, Some((officials, states))) = (choosing, totals) {
                    <PickStatePrompt officials={officials} states={states} />
                } else {
                    <Results
                        feed={feed.clone()}
                        filter={state.filter.clone()}
                        result={result.clone()}
                        shortlist={state.shortlist.clone()}
                        compare={state.compare.clone()}
                        refcode={refcode.clone()}
                        marks={marks}
                        only_changed={state.since.only_changed}
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
                    shortlist={panel_list.clone()}
                    compare={state.compare.clone()}
                    shards={statuses.clone()}
                    amount_errors={state.amount_errors.clone()}
                    amount_drafts={state.amount_drafts.clone()}
                    split_error={state.split_error.clone()}
                    refcode={props.options.embed.refcode.clone()}
                    share_url={state.share_url.clone()}
                    on_copy_link={handlers.copy_link.clone()}
                    on_share={handlers.share.clone()}
                    on_download={handlers.download_shortlist.clone()}
                    on_action={dispatch.clone()}
                    node_ref={shortlist_ref}
                >
                    <GiveRunPanel
                        feed={feed.clone()}
                        shortlist={panel_list}
                        run={state.give.clone()}
                        left_out={state.give_left_out.clone()}
                        refcode={refcode.clone()}
                        on_action={dispatch.clone()}
                    />
                </ShortlistPanel>
            </div>
            // Kept in view at the bottom: the picks to compare, and on narrow widgets the way to
            // the shortlist (below the results there).
            if !state.compare.is_empty() || state.compare_note.is_some() || !state.shortlist.is_empty() {
                <div class="sc-dock">
                    if !state.compare.is_empty() || state.compare_note.is_some() {
                        { compare_bar(&feed, &state.compare, state.compare_note.as_ref(), &dispatch, &tr) }
                    }
                    if !state.shortlist.is_empty() {
                        <button type="button" class="sc-button sc-primary sc-jump" onclick={on_jump}>
                            { tr.msg(&Msg::new("app.jump_to_shortlist").msg("count", wording::officials(state.shortlist.len())).money("amount", state.shortlist.total())) }
                        </button>
                    }
                </div>
            }
            if let Some(index) = open_index {
                { match details {
                    Loading::Ready(render) => render(
                        OfficialDetailProps {
                            feed: feed.clone(),
                            index,
                            listed: state.shortlist.contains(&feed.officials[index].id),
                            amount: state.shortlist.get(&feed.officials[index].id).map(|e| e.amount),
                            refcode: props.options.embed.refcode.clone(),
                            on_action: dispatch.clone(),
                        },
                        format!("{}#{}", feed.officials[index].id, state.open_serial),
                    ),
                    Loading::Pending => html! {},
                    Loading::Failed => part_failed(
                        &tr.msg(&Msg::new("app.details_failed").text("name", feed.officials[index].name.clone())),
                        retry_details,
                        dispatch.reform(|()| Action::CloseOfficial),
                        &tr,
                    ),
                } }
            }
            if state.comparing {
                { match comparison {
                    Loading::Ready(render) => render(
                        CompareProps {
                            feed: feed.clone(),
                            ids: state.compare.clone(),
                            note: state.compare_note.clone(),
                            share_url: state.share_url.clone(),
                            on_copy_link: handlers.copy_link.clone(),
                            on_action: dispatch.clone(),
                        },
                        format!("compare#{}", state.compare_serial),
                    ),
                    Loading::Pending => html! {},
                    Loading::Failed => part_failed(
                        &tr.msg(&Msg::new("app.compare_failed")),
                        retry_comparison,
                        dispatch.reform(|()| Action::CloseComparison),
                        &tr,
                    ),
                } }
            }
            <UndoBar undo={state.undo.clone()} on_action={dispatch.clone()} />
            <p class="sc-live" role="status" aria-live="polite" aria-atomic="true">
                { tr.msg(&state.announcement.text) }
            </p>
        </div>
        </ContextProvider<I18n>>
    }
}
