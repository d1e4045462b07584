//! "Give to each": the guided run over the shortlist, one official at a time. The "Open" step
//! is a real link (a new tab, opened by the browser in the reader's own click, so popup blockers
//! let it through: one click per page); then "Did you give?" sets the private Given mark; skip;
//! stop and resume later (the run is saved in this browser); the total given so far. What the
//! run does is `scorecard_core::give_run`.
//!
//! [`GiveRunPanel`], in the main module, is the "Give to each" button; the run itself
//! ([`GiveRunSteps`]) is drawn by the lookup's part (src/lookup.rs), loaded when the button gets
//! focus or a pointer, or a run starts (or resumes).

use scorecard_core::give_run::{done_text, left_out_text, GiveRun, LeftOut, Step};
use scorecard_core::i18n::Msg;
use scorecard_core::shortlist::Shortlist;
use yew::prelude::*;

use super::{external_link, external_link_on_click, part_failed, use_id};
use crate::hooks::use_focus_on_change;
use crate::lazy::{use_part, Loading, Part};
use crate::lookup::Lookup;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq, Clone)]
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

/// The run under way, and whether it was started here, from the button (its first step then
/// takes the focus the button had), rather than resumed when the page opened.
#[derive(Properties, PartialEq, Clone)]
pub struct GiveRunStepsProps {
    pub run: GiveRunProps,
    pub started_here: bool,
}

/// "Give to each": the button that starts a run, or the run under way.
#[function_component(GiveRunPanel)]
pub fn give_run_panel(props: &GiveRunProps) -> Html {
    let GiveRunProps { feed, shortlist, run, on_action, .. } = props;
    let tr = crate::i18n::use_i18n();
    // Whether this panel has been shown without a run: a run seen after that was started here.
    let idle_before = use_mut_ref(|| false);
    // The run is drawn by the lookup's part.
    let (part, retry) = use_part::<Lookup>(run.is_some());
    if run.is_some() {
        return match part {
            Loading::Ready(part) => {
                (part.give_run)(GiveRunStepsProps { run: props.clone(), started_here: *idle_before.borrow() })
            }
            Loading::Pending => html! {},
            Loading::Failed => part_failed(&tr.t("give.failed"), retry, on_action.reform(|()| Action::StopGiving), &tr),
        };
    }
    *idle_before.borrow_mut() = true;
    // No run: the button that starts one, when someone on the list can be given to.
    if GiveRun::start(shortlist, feed).0.is_empty() {
        return html! {};
    }
    let on_start = on_action.reform(|_| Action::StartGiving);
    // Reaching for the button: fetch the part that runs it now.
    let on_focus = Callback::from(|_: FocusEvent| Lookup::preload());
    let on_pointer = Callback::from(|_: PointerEvent| Lookup::preload());
    html! {
        <div class="sc-give-start">
            <button type="button" class="sc-button sc-primary" onclick={on_start} onfocus={on_focus} onpointerenter={on_pointer}>{ tr.t("give.start") }</button>
            <span class="sc-give-hint">{ tr.t("give.hint") }</span>
        </div>
    }
}

/// The run under way; called only by the lookup's part (src/lookup.rs).
pub(crate) fn give_run_steps(props: GiveRunStepsProps) -> Html {
    html! { <GiveRunSteps ..props /> }
}

#[function_component(GiveRunSteps)]
fn give_run_steps_view(props: &GiveRunStepsProps) -> Html {
    let GiveRunProps { feed, shortlist, run, left_out, refcode, on_action } = &props.run;
    let step = run.as_ref().map(|run| run.step(shortlist, feed, refcode.as_deref()));
    let title = use_node_ref();
    // Each new step takes the focus, so a keyboard or screen reader user hears it.
    let key = step.as_ref().map(|step| match step {
        Step::Open(item) => (0, item.number),
        Step::Ask(item) => (1, item.number),
        Step::Done { .. } => (2, 0),
    });
    use_focus_on_change(title.clone(), key, props.started_here);
    let ids = use_id("give");
    let tr = crate::i18n::use_i18n();
    let (Some(run), Some(step)) = (run, step) else {
        return html! {};
    };
    let on_skip = on_action.reform(|_| Action::GiveSkipped);
    let on_stop = on_action.reform(|_| Action::StopGiving);
    let heading = step.heading();
    let body = match &step {
        Step::Open(item) => {
            let opened = on_action.reform(|_: MouseEvent| Action::GiveOpened);
            html! {
                <>
                    <div class="sc-give-actions">
                        if let Some(url) = item.step.url() {
                            { external_link_on_click(
                                url,
                                Some(AttrValue::from(tr.msg(&item.step.accessible_msg(&item.name)))),
                                classes!("sc-button", "sc-give"),
                                html! { tr.msg(&item.step.label_msg()) },
                                Some(opened),
                            ) }
                        }
                        <button type="button" class="sc-button" onclick={on_skip}>{ tr.t("give.skip") }</button>
                        <button type="button" class="sc-button sc-button-quiet" onclick={on_stop}>{ tr.t("give.stop") }</button>
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
                        <button type="button" class="sc-button sc-primary" onclick={on_yes}>{ tr.t("give.yes") }</button>
                        <button type="button" class="sc-button" onclick={on_no}>{ tr.t("give.no") }</button>
                        <button type="button" class="sc-button sc-button-quiet" onclick={on_stop}>{ tr.t("give.stop") }</button>
                    </div>
                    if let Some(url) = item.step.url() {
                        <p class="sc-give-again">
                            { external_link(
                                url,
                                Some(AttrValue::from(tr.msg(&Msg::new("give.again.named").text("name", item.name.clone())))),
                                Classes::new(),
                                html! { tr.t("give.again") },
                            ) }
                        </p>
                    }
                </>
            }
        }
        Step::Done { gifts, total, skipped } => html! {
            <>
                <p>{ tr.msg(&done_text(*gifts, *total, *skipped)) }</p>
                <div class="sc-give-actions">
                    <button type="button" class="sc-button" onclick={on_stop}>{ tr.t("notice.close") }</button>
                </div>
            </>
        },
    };
    html! {
        <section class="sc-give-run" aria-labelledby={ids.clone()}>
            <h4 class="sc-give-title" id={ids} tabindex="-1" ref={title}>{ tr.msg(&heading) }</h4>
            <p class="sc-give-progress">{ tr.msg(&run.progress_text()) }</p>
            { body }
            if let Some(text) = left_out_text(left_out) {
                <p class="sc-give-left-out">{ tr.msg(&text) }</p>
            }
        </section>
    }
}
