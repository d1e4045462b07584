//! The result count and list. Rows are rendered a page at a time ("Show more").

use std::rc::Rc;

use scorecard_core::filter::{FilterResult, FilterSpec};
use scorecard_core::shortlist::Shortlist;
use yew::prelude::*;

use super::{plural, OfficialRow};
use crate::state::{Action, FeedRef, PAGE_SIZE};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    pub result: Rc<FilterResult>,
    pub shortlist: Shortlist,
    pub visible_rows: usize,
    pub on_action: Callback<Action>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let ResultsProps { feed, filter, result, shortlist, visible_rows, on_action } = props;
    let total = result.matches.len();
    let shown = total.min(*visible_rows);
    let on_more = on_action.reform(|_| Action::ShowMore);
    let on_clear = on_action.reform(|_| Action::ClearFilters);
    html! {
        <section class="sc-results" aria-label="Results">
            <p class="sc-count">
                <strong class="sc-count-number">{ plural(total, "official", "officials") }</strong>
                if total > 0 {
                    { format!(" in {}", plural(result.matching_states, "state", "states")) }
                }
            </p>
            if !result.ignored.is_empty() {
                <p class="sc-notice">
                    { format!("Not in this data, so not applied: {}.", result.ignored.join(", ")) }
                </p>
            }
            if total == 0 {
                <div class="sc-empty">
                    <p>{ "No officials match these filters." }</p>
                    if filter.is_filtering() {
                        <button type="button" class="sc-button" onclick={on_clear}>{ "Clear all filters" }</button>
                    }
                </div>
            } else {
                <ol class="sc-list">
                    { for result.matches[..shown].iter().map(|&i| {
                        let official = &feed.officials[i as usize];
                        html! {
                            <OfficialRow
                                key={official.id.clone()}
                                feed={feed.clone()}
                                index={i as usize}
                                question={result.question}
                                listed={shortlist.contains(&official.id)}
                                on_action={on_action.clone()}
                            />
                        }
                    }) }
                </ol>
                if shown < total {
                    <button type="button" class="sc-button sc-more" onclick={on_more}>
                        { format!("Show {} more ({} not shown yet)", (total - shown).min(PAGE_SIZE), total - shown) }
                    </button>
                }
            }
        </section>
    }
}
