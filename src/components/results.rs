//! The result summary and list. Long lists render only the rows on screen (with spacers for
//! the rest), so 100,000 officials scroll as smoothly as 100.

use std::rc::Rc;

use scorecard_core::feed::Feed;
use scorecard_core::filter::{FilterResult, FilterSpec, StanceChoice};
use scorecard_core::money::DEFAULT_AMOUNT;
use scorecard_core::shortlist::Shortlist;
use yew::prelude::*;

use super::{plural, OfficialRow};
use crate::hooks::{use_staged_rows, use_style_property, use_visible_window};
use crate::state::{Action, FeedRef};

/// Up to this many results are all rendered; beyond it the list is windowed.
const RENDER_ALL_UP_TO: usize = 120;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    pub result: Rc<FilterResult>,
    pub shortlist: Shortlist,
    /// The embedder's ActBlue refcode, for each row's "Give".
    #[prop_or_default]
    pub refcode: Option<AttrValue>,
    pub on_action: Callback<Action>,
    pub on_download: Callback<()>,
    /// More officials are on their way (a sharded feed's state file): "no match" would be
    /// premature.
    #[prop_or_default]
    pub pending: bool,
    /// Notes shown under the count, e.g. on a sharded feed's state files.
    #[prop_or_default]
    pub children: Html,
}

/// "34 officials endorsed Sanders in 12 states": the count, the one stance chosen (if one),
/// and where. Stance labels that start with a past-tense verb ("Endorsed …", "Backed …") read
/// as a sentence; others are quoted.
pub fn summary(feed: &Feed, filter: &FilterSpec, result: &FilterResult) -> String {
    let count = plural(result.matches.len(), "official", "officials");
    let question = &feed.questions[result.question];
    let stance = match filter.stances.iter().collect::<Vec<_>>().as_slice() {
        [StanceChoice::Stance(id)] => question.stances.iter().find(|s| &s.id == id).map(|s| {
            let first_word = s.label.split_whitespace().next().unwrap_or("");
            if first_word.len() > 3 && first_word.ends_with("ed") {
                let mut chars = s.label.chars();
                let lowered: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
                format!(" {lowered}")
            } else {
                format!(" with the stance “{}”", s.label)
            }
        }),
        [StanceChoice::NotRated] => Some(" not rated".to_string()),
        _ => None,
    }
    .unwrap_or_default();
    let place = match result.matching_states {
        0 => String::new(),
        1 if filter.states.len() == 1 => {
            filter.states.iter().next().map(|s| format!(" in {}", s.name())).unwrap_or_default()
        }
        n => format!(" in {}", plural(n, "state", "states")),
    };
    format!("{count}{stance}{place}")
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let ResultsProps { feed, filter, result, shortlist, refcode, on_action, on_download, pending, children } = props;
    let total = result.matches.len();
    let list_ref = use_node_ref();
    let windowed = total > RENDER_ALL_UP_TO;
    let window = use_visible_window(list_ref.clone(), total, windowed);
    // Right after a long list became a short one, the rows on screen (and two more) come first.
    let shown = use_staged_rows(windowed, total, window.visible_end + 2);
    let (start, end) = if windowed { (window.start, window.end) } else { (0, shown) };
    // Padding stands in for the rows not rendered, so the scrollbar and positions stay true.
    // Whole pixels: formatting a float would add 20 KB of float printing to the wasm.
    let px = |rows: usize| format!("{}px", (rows as f64 * window.row_height).round() as u64);
    let above = windowed.then(|| px(start));
    let below = (windowed || end < total).then(|| px(total - end));
    use_style_property(list_ref.clone(), "padding-top", above);
    use_style_property(list_ref.clone(), "padding-bottom", below);
    let on_clear = on_action.reform(|_| Action::ClearFilters);
    let on_download = on_download.reform(|_| ());
    html! {
        <section class="sc-results" aria-label="Results">
            <div class="sc-results-head">
                <p class="sc-count">
                    <span aria-hidden="true">
                        <strong class="sc-count-number">{ plural(total, "official", "officials") }</strong>
                        if total > 0 {
                            { format!(" in {}", plural(result.matching_states, "state", "states")) }
                        }
                    </span>
                    // Screen readers hear one sentence, again whenever it changes.
                    <span class="sc-visually-hidden sc-summary" role="status" aria-live="polite" aria-atomic="true">
                        { summary(feed, filter, result) }
                    </span>
                </p>
                if total > 0 {
                    <button type="button" class="sc-button sc-button-quiet sc-button-small" onclick={on_download}>
                        { "Download CSV" }
                    </button>
                }
            </div>
            { children.clone() }
            if !result.ignored.is_empty() {
                <p class="sc-notice">
                    { format!("Not in this data, so not applied: {}.", result.ignored.join(", ")) }
                </p>
            }
            if total == 0 && !*pending {
                <div class="sc-empty">
                    <p>{ "No officials match these filters." }</p>
                    if filter.is_filtering() {
                        <button type="button" class="sc-button" onclick={on_clear}>{ "Clear all filters" }</button>
                    }
                </div>
            }
            <ol class={classes!("sc-list", windowed.then_some("sc-list-windowed"))} ref={list_ref} aria-label="Officials">
                { for result.matches[start..end].iter().enumerate().map(|(offset, &i)| {
                    let official = &feed.officials[i as usize];
                    html! {
                        <li class="sc-slot" key={official.id.clone()} aria-setsize={total.to_string()} aria-posinset={(start + offset + 1).to_string()}>
                            <OfficialRow
                                feed={feed.clone()}
                                index={i as usize}
                                question={result.question}
                                listed={shortlist.contains(&official.id)}
                                amount={shortlist.get(&official.id).map_or(DEFAULT_AMOUNT, |e| e.amount)}
                                refcode={refcode.clone()}
                                on_action={on_action.clone()}
                            />
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
