//! The map of the states: a tile per state (`scorecard_core::tile_map` decides the tiles, their
//! numbers, shades, names and where the arrow keys go), a legend, and the same as a table. Each
//! tile is a toggle button: click, Enter or Space adds its state to the state filter or takes
//! it out. One tile is in the tab order at a time (a roving tabindex): Tab enters the map at
//! the picked state (or the first), arrow keys, Home and End move.
//!
//! The map is a part loaded on first use ([`MapView`], src/lazy.rs): only the button that shows
//! it ([`map_area`]) is in the main module, so readers who never open it never download it.

use std::rc::Rc;

use scorecard_core::feed::shards::ShardStatus;
use scorecard_core::filter::{FilterResult, FilterSpec};
use scorecard_core::i18n::Format;
use scorecard_core::states::State;
use scorecard_core::tile_map::{self, MapMode, Measure, Step, Tile};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_id;
use crate::hooks::use_deferred;
use crate::i18n::{use_i18n, I18n};
use crate::lazy::{lazy_part, Loading, Part};
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq, Clone)]
pub struct MapProps {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    pub result: Rc<FilterResult>,
    /// A sharded feed's states and whether each is loaded.
    pub shards: Option<Rc<Vec<ShardStatus>>>,
    /// Tiles or table (never `Hidden` here).
    pub mode: MapMode,
    pub on_action: Callback<Action>,
}

lazy_part! {
    in_widget
    /// The map of the states, drawn.
    pub(crate) struct MapView: fn(MapProps) -> Html = tile_map => render_map;
}

fn render_map(props: MapProps) -> Html {
    html! { <StateMap ..props /> }
}

/// The map's place in the layout: the button that shows or hides it, and the map once its part
/// is in. In the main module, so it stays small.
pub fn map_area(
    mode: MapMode,
    part: Loading<fn(MapProps) -> Html>,
    retry: Callback<()>,
    props: impl FnOnce() -> MapProps,
    on_action: &Callback<Action>,
    tr: &I18n,
) -> Html {
    let open = mode != MapMode::Hidden;
    let toggle = on_action.reform(move |_| Action::ShowMap(if open { MapMode::Hidden } else { MapMode::Tiles }));
    let preload = Callback::from(|_: FocusEvent| MapView::preload());
    let preload_pointer = Callback::from(|_: PointerEvent| MapView::preload());
    html! {
        <div class="sc-map-area">
            <button
                type="button"
                class="sc-button sc-button-small sc-map-toggle"
                aria-expanded={open.to_string()}
                onclick={toggle}
                onfocus={preload}
                onpointerenter={preload_pointer}
            >
                { tr.t(if open { "map.hide" } else { "map.show" }) }
            </button>
            if open {
                { match part {
                    Loading::Ready(render) => render(props()),
                    Loading::Pending => html! { <p class="sc-map-loading" role="status">{ tr.t("map.loading") }</p> },
                    Loading::Failed => html! {
                        <p class="sc-notice" role="alert">
                            { tr.t("map.failed") }{ " " }
                            <button type="button" class="sc-button sc-button-small" onclick={retry.reform(|_| ())}>
                                { tr.t("app.try_again") }
                            </button>
                        </p>
                    },
                } }
            }
        </div>
    }
}

/// How long the map waits for a typist to pause (`tile_map::waits_for_pause`): their keys come
/// about 80 ms apart.
const MAP_QUIET_MS: u32 = 120;

/// The map behind the list: the frame that answers a filter change draws and lays out the list
/// alone (the tiles' props are the last ones, so yew skips them), and the tiles follow in the
/// next frame, or once a reader typing a name pauses.
#[function_component(StateMap)]
fn state_map(props: &MapProps) -> Html {
    let last_filter = use_mut_ref(|| props.filter.clone());
    let quiet_ms = if tile_map::waits_for_pause(&last_filter.borrow(), &props.filter) { MAP_QUIET_MS } else { 0 };
    if *last_filter.borrow() != props.filter {
        *last_filter.borrow_mut() = props.filter.clone();
    }
    let shown = use_deferred(props.clone(), quiet_ms);
    html! { <MapBody ..shown /> }
}

#[function_component(MapBody)]
fn map_body(props: &MapProps) -> Html {
    let MapProps { feed, filter, result, shards, mode, on_action } = props;
    let shown = use_memo((feed.clone(), shards.clone()), |(feed, shards)| {
        tile_map::shown_states(feed, shards.as_deref().map(Vec::as_slice))
    });
    let tr = use_i18n();
    let model = tile_map::model(
        feed,
        filter,
        result,
        shards.as_deref().map(Vec::as_slice),
        *shown,
        |s| s.label_in(&tr.localize()).text.to_string(),
        tr.lang(),
    );
    let caption = tr.msg(&model.caption);
    let ids = use_id("map");
    // The tile in the tab order: the one last focused, else the first picked, else the first.
    let active = use_state(|| None::<State>);
    let tab_stop = active
        .filter(|s| model.tiles.iter().any(|t| t.state == *s))
        .or_else(|| model.tiles.iter().find(|t| t.selected).map(|t| t.state))
        .or_else(|| model.tiles.first().map(|t| t.state));
    let grid_ref = use_node_ref();
    let on_key = {
        let (tiles, active, grid_ref) = (model.tiles.clone(), active.clone(), grid_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(key) = Step::from_key(&e.key()) else { return };
            let from = tiles.iter().position(|t| Some(t.state) == tab_stop).unwrap_or(0);
            let to = tile_map::step(&tiles, from, key);
            e.prevent_default();
            if let Some(tile) = tiles.get(to) {
                active.set(Some(tile.state));
                focus_tile(&grid_ref, tile.state);
            }
        })
    };
    let toggle_mode = {
        let next = if *mode == MapMode::Table { MapMode::Tiles } else { MapMode::Table };
        on_action.reform(move |_| Action::ShowMap(next))
    };
    let on_tile_focus = use_callback(active.setter(), |state: State, active| active.set(Some(state)));

    html! {
        <section class="sc-map" aria-labelledby={format!("{ids}-title")}>
            <div class="sc-map-head">
                <h3 class="sc-map-title" id={format!("{ids}-title")}>{ tr.t("map.heading") }</h3>
                <button type="button" class="sc-button sc-button-small" onclick={toggle_mode}>
                    { tr.t(if *mode == MapMode::Table { "map.show_tiles" } else { "map.show_table" }) }
                </button>
            </div>
            <p class="sc-map-caption" id={format!("{ids}-caption")}>{ caption.clone() }</p>
            if *mode == MapMode::Table {
                <table class="sc-map-table">
                    <caption>{ caption.clone() }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr.t("map.state") }</th>
                            if model.measure == Measure::Share {
                                <th scope="col">{ tr.t("map.matching") }</th>
                            }
                            <th scope="col">{ tr.t("map.officials") }</th>
                            if model.measure == Measure::Share {
                                <th scope="col">{ tr.t("map.share") }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for model.tiles.iter().map(|tile| html! {
                            <tr key={tile.state.code()}>
                                <th scope="row">
                                    <button
                                        type="button"
                                        class="sc-map-row-pick"
                                        aria-pressed={tile.selected.to_string()}
                                        onclick={pick(on_action, tile)}
                                    >
                                        { tile.state.name_in(tr.lang()) }
                                    </button>
                                </th>
                                if model.measure == Measure::Share {
                                    <td>{ tile.count.map_or_else(|| "–".to_string(), |c| tr.number(c.into())) }</td>
                                }
                                <td>{ tr.number(tile.total.into()) }</td>
                                if model.measure == Measure::Share {
                                    <td>{ if tile.count.is_some() { tr.msg(&tile.value) } else { tr.t("map.not_loaded") } }</td>
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
            } else {
                <p class="sc-map-hint">{ tr.t("map.hint") }</p>
                <div
                    class="sc-map-grid"
                    role="group"
                    aria-labelledby={format!("{ids}-title {ids}-caption")}
                    ref={grid_ref}
                    onkeydown={on_key}
                >
                    { for model.tiles.iter().map(|tile| html! {
                        <MapTile
                            key={tile.state.code()}
                            tile={tile.clone()}
                            tab_stop={Some(tile.state) == tab_stop}
                            on_action={on_action.clone()}
                            on_focus={on_tile_focus.clone()}
                        />
                    }) }
                </div>
                <ul class="sc-map-legend" aria-label={tr.t("map.legend")}>
                    { for model.legend.iter().map(|item| html! {
                        <li>
                            <span class={classes!("sc-swatch", item.shade.class())} aria-hidden="true">
                                <span class="sc-tile-bar"></span>
                            </span>
                            { tr.msg(&item.text) }
                        </li>
                    }) }
                </ul>
            }
            <p class="sc-map-credit">{ tr.t("map.credit") }</p>
        </section>
    }
}

/// A click on a state's tile or row: it goes into the state filter, or out if it was in.
fn pick(on_action: &Callback<Action>, tile: &Tile) -> Callback<MouseEvent> {
    let (state, selected) = (tile.state, tile.selected);
    on_action.reform(move |_| if selected { Action::RemoveState(state) } else { Action::AddState(state) })
}

#[derive(Properties, PartialEq)]
struct MapTileProps {
    tile: Tile,
    /// The one tile in the tab order (a roving tabindex).
    tab_stop: bool,
    on_action: Callback<Action>,
    /// Told when the tile gets focus, so the tab stop follows it.
    on_focus: Callback<State>,
}

/// One tile, a component of its own so that a change draws only the tiles it changes: picking a
/// state redraws its tile (and the tab stop's), not all 56. A picked tile is framed by a shadow,
/// not a thicker border, so picking costs no layout (styles/scorecard.css).
#[function_component(MapTile)]
fn map_tile(props: &MapTileProps) -> Html {
    let MapTileProps { tile, tab_stop, on_action, on_focus } = props;
    let tr = use_i18n();
    let state = tile.state;
    let label = tr.msg(&tile.label);
    html! {
        <button
            type="button"
            class={classes!(
                "sc-tile",
                format!("sc-r{}", tile.row),
                format!("sc-c{}", tile.column),
                tile.shade.class(),
                tile.selected.then_some("sc-tile-picked"),
            )}
            data-state={state.code()}
            aria-pressed={tile.selected.to_string()}
            aria-label={label.clone()}
            title={label}
            tabindex={if *tab_stop { "0" } else { "-1" }}
            onclick={pick(on_action, tile)}
            onfocus={on_focus.reform(move |_: FocusEvent| state)}
        >
            <span class="sc-tile-code">{ state.code() }</span>
            <span class="sc-tile-value">{ tr.msg(&tile.value) }</span>
            <span class="sc-tile-bar"></span>
        </button>
    }
}

/// Moves focus to a state's tile (the arrow keys' target).
fn focus_tile(grid: &NodeRef, state: State) {
    let tile = grid
        .cast::<web_sys::Element>()
        .and_then(|grid| grid.query_selector(&format!("[data-state=\"{}\"]", state.code())).ok().flatten())
        .and_then(|tile| tile.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tile) = tile {
        let _ = tile.focus();
    }
}
