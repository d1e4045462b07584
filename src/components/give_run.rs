//! "Give to each": the guided run over the shortlist, one official at a time. The "Open" step
//! is a real link (a new tab, opened by the browser in the reader's own click, so popup blockers
//! let it through: one click per page); then "Did you give?" sets the private Given mark; skip;
//! stop and resume later (the run is saved in this browser); the total given so far. What the
//! run does is `scorecard_core::give_run`.

use scorecard_core::give_run::{done_text, left_out_text, GiveRun, LeftOut, Step};
use scorecard_core::shortlist::Shortlist;
use yew::prelude::*;

use super::{external_link, external_link_on_click, use_id};
use crate::hooks::use_focus_on_change;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq)]
pub struct GiveRunProps {
    pub feed: FeedRef,
    pub shortlist: Shortlist,
    /// The run under way, if any.
    pub run: Option<GiveRun>,
    /// Who the run left out, and why.
    pub left_out: Vec<(String, LeftOut)>,
    #[prop_or_default]
    pub refcode: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

#[function_component(GiveRunPanel)]
pub fn give_run_panel(props: &GiveRunProps) -> Html {
    let GiveRunProps { feed, shortlist, run, left_out, refcode, on_action } = props;
    let step = run.as_ref().map(|run| run.step(shortlist, feed, refcode.as_deref()));
    let title = use_node_ref();
    // Each new step takes the focus, so a keyboard or screen reader user hears it.
    let key = step.as_ref().map(|step| match step {
        Step::Open(item) => (0, item.number),
        Step::Ask(item) => (1, item.number),
        Step::Done { .. } => (2, 0),
    });
    use_focus_on_change(title.clone(), key);
    let ids = use_id("give");
    let (Some(run), Some(step)) = (run, step) else {
        // No run: the button that starts one, when someone on the list can be given to.
        if GiveRun::start(shortlist, feed).0.is_empty() {
            return html! {};
        }
        let on_start = on_action.reform(|_| Action::StartGiving);
        return html! {
            <div class="sc-give-start">
                <button type="button" class="sc-button sc-primary" onclick={on_start}>{ "Give to each" }</button>
                <span class="sc-give-hint">{ "One at a time: each page opens in a new tab." }</span>
            </div>
        };
    };
    let on_skip = on_action.reform(|_| Action::GiveSkipped);
    let on_stop = on_action.reform(|_| Action::StopGiving);
    let heading = match &step {
        Step::Open(item) => format!("Give to each, {}: {}", item.position_text(), item.name),
        Step::Ask(item) => item.ask_text(),
        Step::Done { .. } => "Give to each: done".to_string(),
    };
    let body = match &step {
        Step::Open(item) => {
            let opened = on_action.reform(|_: MouseEvent| Action::GiveOpened);
            html! {
                <>
                    <div class="sc-give-actions">
                        if let Some(url) = item.step.url() {
                            { external_link_on_click(
                                url,
                                Some(AttrValue::from(item.step.accessible_label(&item.name))),
                                classes!("sc-button", "sc-give"),
                                html! { item.step.label() },
                                Some(opened),
                            ) }
                        }
                        <button type="button" class="sc-button" onclick={on_skip}>{ "Skip" }</button>
                        <button type="button" class="sc-button sc-button-quiet" onclick={on_stop}>{ "Stop" }</button>
                    </div>
                </>
            }
        }
        Step::Ask(item) => {
            let on_yes = on_action.reform(|_| Action::GiveAnswered(true));
            let on_no = on_action.reform(|_| Action::GiveAnswered(false));
            html! {
                <>
                    <div class="sc-give-actions">
                        <button type="button" class="sc-button sc-primary" onclick={on_yes}>{ "Yes, I gave" }</button>
                        <button type="button" class="sc-button" onclick={on_no}>{ "No" }</button>
                        <button type="button" class="sc-button sc-button-quiet" onclick={on_stop}>{ "Stop" }</button>
                    </div>
                    if let Some(url) = item.step.url() {
                        <p class="sc-give-again">
                            { external_link(
                                url,
                                Some(AttrValue::from(format!("Open the page for {} again", item.name))),
                                Classes::new(),
                                html! { "Open the page again" },
                            ) }
                        </p>
                    }
                </>
            }
        }
        Step::Done { gifts, total, skipped } => html! {
            <>
                <p>{ done_text(*gifts, *total, *skipped) }</p>
                <div class="sc-give-actions">
                    <button type="button" class="sc-button" onclick={on_stop}>{ "Close" }</button>
                </div>
            </>
        },
    };
    html! {
        <section class="sc-give-run" aria-labelledby={ids.clone()}>
            <h4 class="sc-give-title" id={ids} tabindex="-1" ref={title}>{ heading }</h4>
            <p class="sc-give-progress">{ run.progress_text() }</p>
            { body }
            if let Some(text) = left_out_text(left_out) {
                <p class="sc-give-left-out">{ text }</p>
            }
        </section>
    }
}
