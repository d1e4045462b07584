//! The result summary and list. Long lists render only the rows on screen (with spacers for
//! the rest), so 100,000 officials scroll as smoothly as 100.

use std::rc::Rc;

use scorecard_core::filter::{FilterResult, FilterSpec};
use scorecard_core::i18n::Msg;
use scorecard_core::list_window;
use scorecard_core::shortlist::Shortlist;
use scorecard_core::wording::{self, count_line, results_summary};
use yew::prelude::*;

use super::{results_head, RowContext};
use crate::hooks::{use_staged_rows, use_style_property, use_visible_window};
use crate::i18n::use_i18n;
use crate::since::RowMarks;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    pub result: Rc<FilterResult>,
    pub shortlist: Shortlist,
    /// Ids of the officials picked to compare.
    #[prop_or_default]
    pub compare: Vec<String>,
    /// The embedder's ActBlue refcode, for each row's "Give".
    #[prop_or_default]
    pub refcode: Option<AttrValue>,
    /// What changed since the reader's last visit, for the rows.
    #[prop_or_default]
    pub marks: Option<RowMarks>,
    /// The "Changed" filter is on (the result has only officials changed or new).
    #[prop_or_default]
    pub only_changed: bool,
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

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let ResultsProps {
        feed,
        filter,
        result,
        shortlist,
        compare,
        refcode,
        marks,
        only_changed,
        on_action,
        on_download,
        pending,
        children,
    } = props;
    let total = result.matches.len();
    let list_ref = use_node_ref();
    let windowed = list_window::windowed(total);
    let window = use_visible_window(list_ref.clone(), total, windowed);
    // Right after a long list became a short one, the rows on screen (and two more) come first.
    let shown = use_staged_rows(windowed, total, window.visible_end + 2);
    let (start, end) = if windowed { (window.start, window.end) } else { (0, shown) };
    // Padding stands in for the rows not rendered, so the scrollbar and positions stay true.
    let px = |rows: usize| format!("{}px", window.spacer_px(rows));
    let above = windowed.then(|| px(start));
    let below = (windowed || end < total).then(|| px(total - end));
    use_style_property(list_ref.clone(), "padding-top", above);
    use_style_property(list_ref.clone(), "padding-bottom", below);
    let on_clear = on_action.reform(|_| Action::ClearFilters);
    let on_download = on_download.reform(|_| ());
    let tr = use_i18n();
    let summary = results_summary(feed, filter, result, |s| s.label_in(&tr.localize()).text.to_string(), tr.lang());
    let summary = tr.msg(&if *only_changed { wording::only_changed(summary) } else { summary });
    let rows = RowContext { feed, question: result.question, shortlist, compare, refcode, marks, on_action, tr: &tr };
    html! {
        <section class="sc-results" aria-label={tr.t("results.label")}>
            { results_head(
                count_line(total, result.matching_states),
                summary,
                html! {
                    if total > 0 {
                        <button type="button" class="sc-button sc-button-quiet sc-button-small" onclick={on_download}>
                            { tr.t("results.download") }
                        </button>
                    }
                },
                &tr,
            ) }
            { children.clone() }
            if !result.ignored.is_empty() {
                <p class="sc-notice">
                    { tr.msg(&Msg::new("results.ignored").text("list", result.ignored.join(", "))) }
                </p>
            }
            if total == 0 && !*pending {
                <div class="sc-empty">
                    <p>{ tr.t("results.none") }</p>
                    if filter.is_filtering() || *only_changed {
                        <button type="button" class="sc-button" onclick={on_clear}>{ tr.t("filters.clear") }</button>
                    }
                </div>
            }
            // Rows are keyed by their place in the results, not by official: scrolling keeps
            // each row's elements, and a new filter rewrites the rows on screen in place instead
            // of removing them and making new ones (eighteen elements each).
            <ol class={classes!("sc-list", windowed.then_some("sc-list-windowed"))} ref={list_ref} aria-label={tr.t("results.list")}>
                { for result.matches[start..end].iter().enumerate().map(|(offset, &i)| {
                    let place = start + offset;
                    html! {
                        <li class="sc-slot" key={place} aria-setsize={total.to_string()} aria-posinset={(place + 1).to_string()}>
                            { rows.row(i as usize) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
