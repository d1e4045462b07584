//! "Your officials": the ZIP code field, and for a ZIP code found in the table the officials who
//! represent it, grouped (district, then statewide offices), with a chooser when the ZIP code is
//! split between districts; plain messages when it is invalid, unknown or cannot be looked up.
//! The words and what to show come from `scorecard_core::zip_lookup::present`; the lookup's
//! state is `state::ZipState`.
//!
//! The panel with its field is in the main module (the build-time first screen shows it, and
//! the widget's first screen must be the same); what a found ZIP code shows is drawn by
//! [`your_officials_found`], which only the lookup's part (src/lookup.rs) calls, so it is in that
//! part's module. The field asks for that part as soon as it gets focus or a pointer.

use std::rc::Rc;

use scorecard_core::shortlist::Shortlist;
use scorecard_core::your_officials::{DistrictChoice, YourOfficials};
use scorecard_core::zip_lookup::{looks_complete, more_in_group, nobody_here, present, privacy_note, GROUP_ROWS};
use scorecard_core::zip_table::Zip;
use yew::prelude::*;

use super::{control_value, on_submit_value, use_id, ExternalLink, RowContext};
use crate::lazy::Part;
use crate::lookup::Lookup;
use crate::since::RowMarks;
use crate::state::{Action, FeedRef, ZipState, ZipStatus};

#[derive(Properties, PartialEq)]
pub struct YourOfficialsProps {
    pub feed: FeedRef,
    pub zip: ZipState,
    /// The ZIP code's officials, once its districts are known.
    pub your: Option<Rc<YourOfficials>>,
    /// Whether "Your officials" is open (the view's "my officials").
    pub mine: bool,
    /// Index into `feed.questions`: the stance each row shows.
    pub question: usize,
    pub shortlist: Shortlist,
    /// Ids of the officials picked to compare.
    #[prop_or_default]
    pub compare: Vec<String>,
    #[prop_or_default]
    pub refcode: Option<AttrValue>,
    /// What changed since the reader's last visit, for the rows.
    #[prop_or_default]
    pub marks: Option<RowMarks>,
    pub on_action: Callback<Action>,
}

#[function_component(YourOfficialsPanel)]
pub fn your_officials_panel(props: &YourOfficialsProps) -> Html {
    let YourOfficialsProps { zip, your, mine, on_action, .. } = props;
    let ids = use_id("zip");
    let tr = crate::i18n::use_i18n();
    let input = use_node_ref();
    let on_submit = on_submit_value(on_action, &input, Action::LookUpZip);
    // The lookup starts as the last digit is typed; anything else waits for Enter.
    let on_input = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let typed = control_value(&e);
            if looks_complete(&typed) {
                on_action.emit(Action::LookUpZip(typed));
            }
        })
    };
    // A reader who reaches for the field is about to look up: fetch the part that does it now,
    // so it is in by the fifth digit.
    let on_focus = Callback::from(|_: FocusEvent| Lookup::preload());
    let on_pointer = Callback::from(|_: PointerEvent| Lookup::preload());
    let on_show = on_action.reform(|_| Action::ShowMine(true));
    let on_hide = on_action.reform(|_| Action::ShowMine(false));
    let on_forget = on_action.reform(|_| Action::ForgetZip);
    let message_id = format!("{ids}-message");
    let (message, invalid) = zip.message(*mine);
    let found = match (zip.zip, your, &zip.status) {
        (Some(z), Some(your), ZipStatus::Found) if *mine => Some((z, your)),
        _ => None,
    };
    let described = match &message {
        Some(_) => format!("{message_id} {ids}-privacy"),
        None => format!("{ids}-privacy"),
    };
    // Found officials are only ever set by the lookup's part, so it is in.
    let shown = found.and_then(|(z, your)| Some((Lookup::get()?.found_view)(props, &z, your, &ids, &tr)));
    let (heading, found) = match shown {
        Some((heading, found)) => (heading, Some(found)),
        None => (tr.t("zip.title"), None),
    };

    html! {
        <section class="sc-your" aria-labelledby={format!("{ids}-title")}>
            <h3 class="sc-your-title" id={format!("{ids}-title")}>{ heading }</h3>
            <form class="sc-zip-form" onsubmit={on_submit} onfocusin={on_focus} onpointerenter={on_pointer}>
                <label class="sc-field-label" for={format!("{ids}-input")}>{ tr.t("zip.label") }</label>
                <div class="sc-zip-row">
                    <input
                        id={format!("{ids}-input")}
                        ref={input}
                        type="text"
                        inputmode="numeric"
                        autocomplete="postal-code"
                        maxlength="10"
                        value={zip.zip.map(|z| z.to_string()).unwrap_or_default()}
                        aria-invalid={invalid.then_some("true")}
                        aria-describedby={described}
                        oninput={on_input}
                    />
                    <button type="submit" class="sc-button sc-primary">{ tr.t("zip.find") }</button>
                </div>
            </form>
            if let Some(message) = message {
                <p class={classes!("sc-zip-message", (invalid || matches!(zip.status, ZipStatus::Failed(_))).then_some("sc-field-error"))} id={message_id}>
                    { tr.msg(&message) }
                </p>
            }
            <p class="sc-zip-privacy" id={format!("{ids}-privacy")}>{ tr.msg(&privacy_note()) }</p>
            if let Some(found) = found {
                { found }
            }
            <div class="sc-your-tools">
                if zip.zip.is_some() && !*mine && zip.status != ZipStatus::Looking {
                    <button type="button" class="sc-button sc-button-small" onclick={on_show}>{ tr.t("zip.show") }</button>
                }
                if *mine {
                    <button type="button" class="sc-button sc-button-small" onclick={on_hide}>{ tr.t("zip.hide") }</button>
                }
                if zip.saved.is_some() || zip.zip.is_some() {
                    <button type="button" class="sc-button sc-button-quiet sc-button-small" onclick={on_forget}>{ tr.t("zip.forget") }</button>
                }
            </div>
        </section>
    }
}

/// A found ZIP code: the panel's heading, and its officials (the chooser of a split one, notes,
/// then each group). Called only by the lookup's part (src/lookup.rs).
pub(crate) fn your_officials_found(
    props: &YourOfficialsProps,
    zip: &Zip,
    your: &YourOfficials,
    ids: &str,
    tr: &crate::i18n::I18n,
) -> (String, Html) {
    let YourOfficialsProps { feed, zip: state, question, shortlist, compare, refcode, marks, on_action, .. } = props;
    let shown = present(feed, your, state.choice, zip);
    let rows = RowContext { feed, question: *question, shortlist, compare, refcode, marks, on_action, tr };
    let attribution = state.shard.as_ref().and_then(|s| s.attribution.clone());
    let radio = |label: String, choice: DistrictChoice| {
        let on_change = on_action.reform(move |_: Event| Action::ChooseDistrict(choice));
        html! {
            <label class="sc-check sc-district">
                <input type="radio" name={format!("{ids}-district")} checked={state.choice == choice} onchange={on_change} />
                <span>{ label }</span>
            </label>
        }
    };
    let found = html! {
        <div class="sc-your-found">
            if let Some(chooser) = &shown.chooser {
                <fieldset class="sc-chooser">
                    <legend>{ tr.msg(&chooser.legend) }</legend>
                    { for chooser.options.iter().enumerate().map(|(i, label)| radio(tr.msg(label), DistrictChoice::One(i))) }
                    { radio(tr.msg(&chooser.all), DistrictChoice::All) }
                </fieldset>
            }
            if let Some(note) = &shown.note {
                <p class="sc-notice sc-your-note">{ tr.msg(note) }</p>
            }
            { for shown.groups.iter().map(|group| html! {
                <div class="sc-your-group">
                    <h4 class="sc-your-heading">{ tr.msg(&group.heading) }</h4>
                    if group.officials.is_empty() {
                        <p class="sc-empty-note">{ tr.msg(&nobody_here()) }</p>
                    } else {
                        <ol class="sc-list">
                            { for group.officials.iter().take(GROUP_ROWS).map(|&i| {
                                html! {
                                    <li class="sc-slot" key={feed.officials[i as usize].id.clone()}>
                                        { rows.row(i as usize) }
                                    </li>
                                }
                            }) }
                        </ol>
                        if let Some(more) = more_in_group(group) {
                            <p class="sc-your-more">
                                { tr.msg(&more) }{ " " }
                                <button type="button" class="sc-button sc-button-small" onclick={{
                                    let (state, position) = (group.state, group.position.clone());
                                    on_action.reform(move |_| Action::ShowInList { state, position: position.clone() })
                                }}>{ tr.t("zip.show_all") }</button>
                            </p>
                        }
                    }
                </div>
            }) }
            if let Some(credit) = attribution {
                <p class="sc-your-credit">
                    { match credit.url {
                        Some(url) => html! { <ExternalLink url={url}>{ credit.text.clone() }</ExternalLink> },
                        None => html! { { credit.text.clone() } },
                    } }
                </p>
            }
        </div>
    };
    (tr.msg(&shown.heading), found)
}
