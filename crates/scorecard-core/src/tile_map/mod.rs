//! The tile-grid map of the states: one tile per state in a familiar grid (`layout.rs`), each
//! showing, for the chosen question and stances, how many of that state's officials match and
//! what share that is. A filter too: the widget toggles a tile's state in the state filter.
//!
//! Everything the map shows is decided here ([`model`]): which tiles, their numbers, their
//! shade ([`Shade`]: a class for the colour *and* the bar that says the same without colour),
//! the text on each tile, each tile's accessible name ("Vermont: 8 of 14 endorsed Sanders",
//! from the feed's own stance wording), the legend and the caption, as messages (keys `map.*`
//! of the catalogues, crate::i18n); and where the arrow keys go ([`step`]).
//!
//! The numbers come from the filter's one pass ([`FilterResult`]'s `facets.states` and
//! `facets.state_totals`), so updating the map costs a walk over 56 states, not over the
//! officials. A sharded feed's states whose files are not loaded show the index's count.

mod layout;

pub use layout::{COLUMNS, LAYOUT, ROWS};

use crate::feed::shards::{ShardLoad, ShardStatus};
use crate::feed::{Feed, Question};
use crate::filter::{FilterResult, FilterSpec, StanceChoice};
use crate::i18n::{Lang, Msg};
use crate::states::{State, StateSet};
use crate::wording::{officials, stance_phrase};

/// Whether the map is shown, and how: the state's [`crate::app_state::AppState::map`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapMode {
    #[default]
    Hidden,
    Tiles,
    Table,
}

/// What the tiles measure: the share of each state's officials with the chosen stances, or,
/// with no stance chosen, how many officials each state has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Share,
    Count,
}

/// A tile's shade: its colour class and the height of its bar, so colour is never the only
/// carrier. Levels 0 (none) to 4 (most).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shade {
    /// The state has no officials (under the other filters).
    Empty,
    /// A sharded feed's state whose file is not in: its count is the index's, nothing is known
    /// of its stances.
    NotLoaded,
    Level(u8),
}

impl Shade {
    /// The CSS class (styles/scorecard.css, "map").
    pub fn class(self) -> &'static str {
        match self {
            Shade::Empty => "sc-shade-empty",
            Shade::NotLoaded => "sc-shade-unknown",
            Shade::Level(0) => "sc-shade-0",
            Shade::Level(1) => "sc-shade-1",
            Shade::Level(2) => "sc-shade-2",
            Shade::Level(3) => "sc-shade-3",
            Shade::Level(_) => "sc-shade-4",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    pub state: State,
    pub row: u8,
    pub column: u8,
    /// Officials matching every filter but the state; `None` when not loaded.
    pub count: Option<u32>,
    /// The state's officials under the other filters (stances aside); for a state not loaded,
    /// the index's count (0 when it gives none).
    pub total: u32,
    pub shade: Shade,
    pub selected: bool,
    /// The short text on the tile: "57%", "14", "–".
    pub value: Msg,
    /// The accessible name: "Vermont: 8 of 14 endorsed Sanders".
    pub label: Msg,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendItem {
    pub shade: Shade,
    pub text: Msg,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapModel {
    pub measure: Measure,
    /// In reading order (row, then column): the order on the page and of the table.
    pub tiles: Vec<Tile>,
    /// What the tiles show: "Share of each state's officials who endorsed Sanders".
    pub caption: Msg,
    pub legend: Vec<LegendItem>,
}

/// The states the map has a tile for: every state and DC and Puerto Rico, and the other
/// territories only when the feed (or a sharded feed's index) has officials there.
pub fn shown_states(feed: &Feed, shards: Option<&[ShardStatus]>) -> StateSet {
    let mut shown = StateSet::EMPTY;
    for state in State::all() {
        if !is_optional(state) {
            shown.insert(state);
        }
    }
    for official in &feed.officials {
        shown.insert(official.state);
    }
    for status in shards.unwrap_or_default() {
        shown.insert(status.entry.state);
    }
    shown
}

/// The territories shown only when a feed has them (Puerto Rico is always shown).
fn is_optional(state: State) -> bool {
    matches!(state.code(), "AS" | "GU" | "MP" | "VI")
}

/// The map for the current filter: `result` is `filter::run(feed, filter)`; `shown` is
/// [`shown_states`] (kept by the caller: it changes only with the feed). `label` is a stance's
/// label in the reader's language `lang` (as for [`crate::wording::results_summary`]).
pub fn model(
    feed: &Feed,
    filter: &FilterSpec,
    result: &FilterResult,
    shards: Option<&[ShardStatus]>,
    shown: StateSet,
    label: impl Fn(&crate::feed::Stance) -> String,
    lang: Lang,
) -> MapModel {
    let measure = if filter.stances.is_empty() { Measure::Count } else { Measure::Share };
    let question = feed.questions.get(result.question);
    let chosen = question.map(|q| chosen(q, &filter.stances, &label, lang));
    let loaded =
        |state: State| shards.is_none_or(|s| s.iter().any(|s| s.entry.state == state && s.load == ShardLoad::Loaded));
    let index_count = |state: State| {
        shards.and_then(|s| s.iter().find(|s| s.entry.state == state)).and_then(|s| s.entry.officials).unwrap_or(0)
    };
    let at = |counts: &[u32], state: State| counts.get(state.index()).copied().unwrap_or(0);

    let mut tiles: Vec<Tile> = LAYOUT
        .iter()
        .filter_map(|&(code, row, column)| {
            let state = State::parse(code).filter(|s| shown.contains(*s))?;
            let (count, total) = if loaded(state) {
                (Some(at(&result.facets.states, state)), at(&result.facets.state_totals, state))
            } else {
                (None, index_count(state))
            };
            Some(Tile {
                state,
                row,
                column,
                count,
                total,
                shade: Shade::Empty,
                selected: filter.states.contains(state),
                value: Msg::default(),
                label: Msg::default(),
            })
        })
        .collect();
    let most = tiles.iter().filter(|t| t.count.is_some()).map(|t| t.total).max().unwrap_or(0);
    for tile in &mut tiles {
        tile.shade = shade(measure, tile.count, tile.total, most);
        tile.value = value(measure, tile.count, tile.total);
        tile.label = tile_label(measure, tile, chosen.as_ref());
    }
    let caption = match (measure, &chosen) {
        (Measure::Share, Some(chosen)) => Msg::new("map.caption.share").msg("phrase", chosen.caption.clone()),
        _ => Msg::new("map.caption.count"),
    };
    let sharded = shards.is_some();
    MapModel { measure, tiles, caption, legend: legend(measure, most, sharded) }
}

/// The chosen stances in words: for a tile ("8 of 14 endorsed Sanders") and for the caption
/// ("Share of each state's officials who endorsed Sanders").
struct Chosen {
    tile: Msg,
    caption: Msg,
}

/// " endorsed Sanders", " with the stance “Yes”", " were not rated", or for several stances
/// " have one of the chosen stances".
fn chosen(
    question: &Question,
    stances: &std::collections::BTreeSet<StanceChoice>,
    label: &dyn Fn(&crate::feed::Stance) -> String,
    lang: Lang,
) -> Chosen {
    let both = |key: &'static str| Chosen { tile: Msg::new(key), caption: Msg::new(key) };
    match stances.iter().collect::<Vec<_>>().as_slice() {
        [StanceChoice::Stance(id)] => match question.stances.iter().find(|s| &s.id == id) {
            Some(stance) => {
                let phrase = stance_phrase(&label(stance), lang);
                // A verb reads as the officials' ("who endorsed Sanders"); a quoted label as is.
                let caption = if phrase.key == "summary.verb" {
                    Msg::new("map.who").msg("verb", phrase.clone())
                } else {
                    phrase.clone()
                };
                Chosen { tile: phrase, caption }
            }
            None => both("map.chosen.one"),
        },
        [StanceChoice::NotRated] => {
            Chosen { tile: Msg::new("map.chosen.not_rated"), caption: Msg::new("summary.not_rated") }
        }
        _ => both("map.chosen.several"),
    }
}

/// Shares: level 0 is none, then quarters of the shown percentage (the legend's ranges, so a
/// tile reading "25%" is in "25–49%"). Counts: quarters of the largest state's count.
fn shade(measure: Measure, count: Option<u32>, total: u32, most: u32) -> Shade {
    let Some(count) = count else { return Shade::NotLoaded };
    if total == 0 {
        return Shade::Empty;
    }
    let level = match measure {
        Measure::Share if count == 0 => 0,
        Measure::Share => (percent(count, total) / 25 + 1).min(4),
        // ceil(4 · total / most), in 1..=4.
        Measure::Count => (u64::from(total) * 4).div_ceil(u64::from(most.max(1))).clamp(1, 4) as u32,
    };
    Shade::Level(level as u8)
}

/// Whether the map waits for the reader to pause before it follows a change of the filter
/// from `before` to `after`: only when the name being typed changed (a typist's keys come about
/// 80 ms apart, and tiles drawn between them would land under the next key). A click's change
/// (a state, a stance, a question) is drawn the frame after the list's.
pub fn waits_for_pause(before: &FilterSpec, after: &FilterSpec) -> bool {
    before.name != after.name
}

/// Percent, rounded down except that a share above 0 never reads "0%" nor below 100% "100%".
pub fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    let exact = u64::from(count) * 100 / u64::from(total);
    let exact = exact as u32;
    match exact {
        0 if count > 0 => 1,
        _ => exact,
    }
}

fn value(measure: Measure, count: Option<u32>, total: u32) -> Msg {
    match (measure, count) {
        (Measure::Share, Some(count)) if total > 0 => Msg::new("map.percent").count("n", percent(count, total)),
        (_, Some(_)) if total == 0 => Msg::text_only("–"),
        _ => Msg::new("map.number").count("n", total),
    }
}

fn tile_label(measure: Measure, tile: &Tile, chosen: Option<&Chosen>) -> Msg {
    let named = |key: &'static str| Msg::new(key).state("state", tile.state);
    match (measure, tile.count) {
        (_, None) if tile.total == 0 => named("map.tile.not_loaded"),
        (_, None) => named("map.tile.not_loaded_count").msg("count", officials(tile.total)),
        (_, Some(_)) if tile.total == 0 => named("map.tile.none"),
        (Measure::Share, Some(count)) => named("map.tile.share")
            .count("n", count)
            .count("total", tile.total)
            .part("phrase", chosen.map(|c| c.tile.clone())),
        (Measure::Count, Some(_)) => named("map.tile.count").msg("count", officials(tile.total)),
    }
}

fn legend(measure: Measure, most: u32, sharded: bool) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let item = |level: u8, text: Msg| LegendItem { shade: Shade::Level(level), text };
    match measure {
        Measure::Share => {
            items.push(item(0, Msg::new("map.percent").count("n", 0u32)));
            for (level, low, high) in [(1, 1u32, 24u32), (2, 25, 49), (3, 50, 74), (4, 75, 100)] {
                items.push(item(level, Msg::new("map.percent_range").count("low", low).count("high", high)));
            }
        }
        Measure::Count => {
            // Level k holds the counts in (most·(k−1)/4, most·k/4]; a level no count can reach
            // (small feeds) is left out.
            for level in 1..=4u64 {
                let low = u64::from(most) * (level - 1) / 4 + 1;
                let high = u64::from(most) * level / 4;
                let text = match (low, high) {
                    (l, h) if l > h => continue,
                    (l, h) if l == h => Msg::new("map.number").count("n", l),
                    (l, h) => Msg::new("map.range").count("low", l).count("high", h),
                };
                items.push(item(level as u8, text));
            }
        }
    }
    items.push(LegendItem { shade: Shade::Empty, text: Msg::new("map.no_officials") });
    if sharded {
        items.push(LegendItem { shade: Shade::NotLoaded, text: Msg::new("map.not_loaded") });
    }
    items
}

/// A key that moves between tiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
    First,
    Last,
}

impl Step {
    /// The step for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Left,
            "ArrowRight" => Step::Right,
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// The tile the key moves to from `tiles[from]` (tiles in reading order): the nearest tile
/// that way in the same row; up or down, the nearest row that has a tile, at the closest
/// column. At an edge it stays.
pub fn step(tiles: &[Tile], from: usize, key: Step) -> usize {
    let Some(here) = tiles.get(from) else { return 0 };
    let (row, column) = (here.row, here.column);
    let best = match key {
        Step::First => return 0,
        Step::Last => return tiles.len().saturating_sub(1),
        Step::Left => {
            tiles.iter().enumerate().filter(|(_, t)| t.row == row && t.column < column).max_by_key(|(_, t)| t.column)
        }
        Step::Right => {
            tiles.iter().enumerate().filter(|(_, t)| t.row == row && t.column > column).min_by_key(|(_, t)| t.column)
        }
        Step::Up | Step::Down => {
            let next_row = tiles
                .iter()
                .map(|t| t.row)
                .filter(|&r| if key == Step::Up { r < row } else { r > row })
                .min_by_key(|&r| r.abs_diff(row));
            next_row.and_then(|next| {
                tiles
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.row == next)
                    .min_by_key(|(_, t)| (t.column.abs_diff(column), t.column))
            })
        }
    };
    best.map_or(from, |(i, _)| i)
}

#[cfg(test)]
mod tests;
