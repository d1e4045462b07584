//! Small notices: what loading the feed reported, the undo bar, and a part of the widget that
//! could not be loaded.

use scorecard_core::diagnostics::Report;
use scorecard_core::i18n::Msg;
use yew::prelude::*;

use crate::state::{Action, Undo};

#[derive(Properties, PartialEq)]
pub struct LoadNotesProps {
    pub report: Report,
}

/// Problems in the feed, folded away: readers rarely need them, organizers do.
#[function_component(LoadNotes)]
pub fn load_notes(props: &LoadNotesProps) -> Html {
    let tr = crate::i18n::use_i18n();
    let report = &props.report;
    if report.diagnostics.is_empty() {
        return html! {};
    }
    const SHOWN: usize = 50;
    let summary = Msg::new("notes.summary")
        .count("loaded", report.loaded)
        .count("skipped", report.skipped)
        .msg("warnings", Msg::new("notes.warnings").count("n", report.warning_count()));
    // The notes themselves are the validator's (shared with the CLI, for organizers): English.
    html! {
        <details class="sc-load-notes">
            <summary>{ tr.msg(&summary) }</summary>
            <ul lang={tr.feed_lang()}>
                { for report.diagnostics.iter().take(SHOWN).map(|d| html! { <li>{ d.to_string() }</li> }) }
            </ul>
            if report.diagnostics.len() > SHOWN {
                <p>{ tr.n("notes.more", report.diagnostics.len() - SHOWN) }</p>
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
    // Hooks first: a hook after the early return would be called only sometimes.
    let tr = crate::i18n::use_i18n();
    let Some(undo) = &props.undo else { return html! {} };
    let text = undo.describe();
    let on_undo = props.on_action.reform(|_| Action::Undo);
    html! {
        <div class="sc-undo">
            <span>{ tr.msg(&text) }</span>
            <button type="button" class="sc-button sc-button-small" onclick={on_undo}>{ tr.t("notice.undo") }</button>
        </div>
    }
}

/// In place of a part of the widget that could not be loaded (src/lazy.rs): `message` says
/// what and that the rest works, "Try again" fetches it again, "Close" gives up. Kept in view at
/// the bottom of the widget (like the shortlist button on phones), since what was clicked may
/// be far up or down the list. A plain function, not a component: see src/lazy.rs.
pub fn part_failed(message: &str, on_retry: Callback<()>, on_close: Callback<()>, tr: &crate::i18n::I18n) -> Html {
    html! {
        <div class="sc-notice sc-part-failed" role="alert">
            <p>{ message }</p>
            <div class="sc-banner-actions">
                <button type="button" class="sc-button sc-primary" onclick={on_retry.reform(|_| ())}>{ tr.t("app.try_again") }</button>
                <button type="button" class="sc-button" onclick={on_close.reform(|_| ())}>{ tr.t("notice.close") }</button>
            </div>
        </div>
    }
}
