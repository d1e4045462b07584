//! Small notices: what loading the feed reported, and the undo bar.

use scorecard_core::diagnostics::Report;
use yew::prelude::*;

use crate::state::{Action, Undo};

#[derive(Properties, PartialEq)]
pub struct LoadNotesProps {
    pub report: Report,
}

/// Problems in the feed, folded away: readers rarely need them, organizers do.
#[function_component(LoadNotes)]
pub fn load_notes(props: &LoadNotesProps) -> Html {
    let report = &props.report;
    if report.diagnostics.is_empty() {
        return html! {};
    }
    const SHOWN: usize = 50;
    html! {
        <details class="sc-load-notes">
            <summary>{ format!("Notes on this data: {}", report.summary()) }</summary>
            <ul>
                { for report.diagnostics.iter().take(SHOWN).map(|d| html! { <li>{ d.to_string() }</li> }) }
            </ul>
            if report.diagnostics.len() > SHOWN {
                <p>{ format!("…and {} more.", report.diagnostics.len() - SHOWN) }</p>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    pub undo: Option<Undo>,
    pub on_action: Callback<Action>,
}

#[function_component(UndoBar)]
pub fn undo_bar(props: &UndoBarProps) -> Html {
    let Some(undo) = &props.undo else { return html! {} };
    let text = match undo {
        Undo::Removed(removed) => format!("Removed {} from your shortlist.", removed.entry.name),
        Undo::Cleared(entries) => {
            format!("Cleared {} from your shortlist.", super::plural(entries.len(), "official", "officials"))
        }
        Undo::Replaced(_) => "Replaced your shortlist with the shared one.".to_string(),
    };
    let on_undo = props.on_action.reform(|_| Action::Undo);
    html! {
        <div class="sc-undo">
            <span>{ text }</span>
            <button type="button" class="sc-button sc-button-small" onclick={on_undo}>{ "Undo" }</button>
        </div>
    }
}
