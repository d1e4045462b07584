//! Function components: each renders props and reports user intent as an [`crate::state::Action`]
//! through an `on_action` callback. None of them parses, validates, filters or touches browser
//! APIs.

mod change_mark;
mod compare;
mod compare_bar;
mod external_link;
mod filters;
mod give_run;
mod header;
mod next_step;
mod notices;
mod official_detail;
mod official_row;
mod results;
mod shards;
mod share_banner;
mod shortlist;
mod shortlist_entry;
mod since_notice;
mod stance_badge;
mod state_picker;
mod tile_map;
mod your_officials;

pub(crate) use change_mark::mark_for;
pub(crate) use compare::CompareView;
pub use compare::{CompareDialog, CompareProps};
pub use compare_bar::{compare_bar, compare_toggle};
pub use external_link::{external_link, external_link_on_click, ExternalLink};
pub use filters::FilterPanel;
pub(crate) use give_run::give_run_steps;
pub use give_run::{GiveRunPanel, GiveRunProps, GiveRunStepsProps};
pub use header::{lang_switch, Header};
pub use next_step::next_step_link;
pub use notices::{part_failed, LoadNotes, UndoBar};
pub(crate) use official_detail::Details;
pub use official_detail::{OfficialDetail, OfficialDetailProps};
pub use official_row::{OfficialRow, RowContext};
pub use results::Results;
pub use shards::{PickStatePrompt, ShardNotes};
pub use share_banner::ShareBanner;
pub use shortlist::ShortlistPanel;
pub(crate) use since_notice::render_since_notice;
pub use since_notice::SinceNoticeProps;
pub use stance_badge::{not_rated_badge, stance_badge, stance_line, StanceBadge};
pub use state_picker::StatePicker;
pub(crate) use tile_map::MapView;
pub use tile_map::{map_area, MapProps};
pub(crate) use your_officials::your_officials_found;
pub use your_officials::{YourOfficialsPanel, YourOfficialsProps};

use std::cell::Cell;

use scorecard_core::wording::CountLine;

use crate::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A document-unique id for this component instance (stable across its renders), so labels
/// can point at their controls with `for` even when several widgets share a page.
#[hook]
pub fn use_id(prefix: &'static str) -> String {
    let id = use_memo((), move |_| {
        let n = NEXT_ID.with(|next| {
            let n = next.get();
            next.set(n.wrapping_add(1));
            n
        });
        format!("sc-{prefix}-{n}")
    });
    (*id).clone()
}

/// The value of the form control an event came from ("" if it is not one).
pub(crate) fn control_value(event: &yew::Event) -> String {
    let Some(target) = event.target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
pub(crate) fn control_checked(event: &yew::Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The value of the text field `node` refers to ("" if it is not rendered).
pub(crate) fn node_value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// A form's submit: the text in the field `node` as an action (the page is not reloaded).
pub(crate) fn on_submit_value(
    on_action: &Callback<Action>,
    node: &NodeRef,
    action: fn(String) -> Action,
) -> Callback<SubmitEvent> {
    let node = node.clone();
    on_action.reform(move |e: SubmitEvent| {
        e.prevent_default();
        action(node_value(&node))
    })
}

/// The results' head: the count ("34 officials in 12 states"), the one sentence screen readers
/// hear for it (again whenever it changes), and `tools` beside it. Shared by the results and a
/// sharded feed's prompt to pick a state, which stands in for them.
pub(crate) fn results_head(line: CountLine, summary: String, tools: Html, tr: &crate::i18n::I18n) -> Html {
    html! {
        <div class="sc-results-head">
            <p class="sc-count">
                <span aria-hidden="true">
                    <strong class="sc-count-number">{ tr.msg(&line.number) }</strong>
                    if let Some(place) = line.place {
                        { tr.msg(&place) }
                    }
                </span>
                <span class="sc-visually-hidden sc-summary" role="status" aria-live="polite" aria-atomic="true">
                    { summary }
                </span>
            </p>
            { tools }
        </div>
    }
}
