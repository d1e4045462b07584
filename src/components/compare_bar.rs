//! Picking officials to compare: the toggle on each result and shortlist entry, and the bar that
//! holds the picks with "Compare side by side". Plain functions in the main module (each
//! component type costs about 4 KB of its wasm); the comparison itself is the `compare` part
//! (`compare.rs`), fetched when a reader reaches for the button.

use scorecard_core::compare::picks_text;
use scorecard_core::feed::{Feed, Official};
use yew::prelude::*;

use super::compare::CompareView;
use crate::i18n::I18n;
use crate::lazy::Part;
use crate::markup::compare_toggle_label;
use crate::state::Action;
use scorecard_core::i18n::Msg;

/// "Compare" for one official: pressed while they are picked. Its visible word starts its
/// accessible name ("Compare Peter Welch"), as WCAG 2.5.3 asks. Its icon (⇄ or ✓) is drawn by
/// the stylesheet from `sc-picked`.
pub fn compare_toggle(official: &Official, picked: bool, on_action: &Callback<Action>, tr: &I18n) -> Html {
    let id = official.id.clone();
    html! {
        <button
            type="button"
            class={classes!("sc-button", "sc-button-small", "sc-compare-toggle", picked.then_some("sc-picked"))}
            aria-pressed={if picked { "true" } else { "false" }}
            aria-label={tr.msg(&compare_toggle_label(official))}
            onclick={on_action.reform(move |_| Action::ToggleCompare(id.clone()))}
        >
            { tr.t("compare.toggle") }
        </button>
    }
}

/// The picks, and why the last one was refused or who a link's comparison left out (`note`),
/// with "Compare side by side" and "Clear". Shown while there is either.
pub fn compare_bar(feed: &Feed, picks: &[String], note: Option<&Msg>, on_action: &Callback<Action>, tr: &I18n) -> Html {
    let names: Vec<&str> = picks.iter().filter_map(|id| feed.official(id)).map(|o| o.name.as_str()).collect();
    // A reader who reaches for the button is about to compare: fetch the part now.
    let preload = Callback::from(|_: FocusEvent| CompareView::preload());
    let preload_pointer = Callback::from(|_: PointerEvent| CompareView::preload());
    html! {
        <section class="sc-compare-bar" aria-label={tr.t("compare.label")}>
            if !names.is_empty() {
                <p class="sc-compare-picks">{ tr.msg(&picks_text(&names)) }</p>
            }
            if let Some(note) = note {
                <p class="sc-compare-note">{ tr.msg(note) }</p>
            }
            <div class="sc-compare-actions">
                if !names.is_empty() {
                    <button
                        type="button"
                        class="sc-button sc-primary sc-button-small"
                        onclick={on_action.reform(|_| Action::ShowComparison)}
                        onfocus={preload}
                        onpointerenter={preload_pointer}
                    >
                        { tr.t("compare.side_by_side") }
                    </button>
                }
                <button type="button" class="sc-button sc-button-small" aria-label={tr.t("compare.clear.named")} onclick={on_action.reform(|_| Action::ClearCompare)}>
                    { tr.t("compare.clear") }
                </button>
            </div>
        </section>
    }
}
