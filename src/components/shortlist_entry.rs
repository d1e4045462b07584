//! One entry of the shortlist: name and office, order and remove buttons, the amount, the next
//! step (give, or why not), "Given", "Compare". A function rather than a component: every component type
//! costs its own copy of yew's machinery in the wasm, and the panel re-renders the list whole.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::app_state::amount_field;
use scorecard_core::describe;
use scorecard_core::feed::shards::{presence, Presence, ShardStatus};
use scorecard_core::next_step::{next_step, NextStep};
use scorecard_core::shortlist::Entry;
use yew::prelude::*;

use super::{compare_toggle, control_checked, control_value, external_link, next_step_link};
use crate::i18n::I18n;
use crate::state::{Action, FeedRef};
use scorecard_core::i18n::Msg;

/// What every entry of one panel shares.
pub(crate) struct EntryContext<'a> {
    pub(crate) feed: &'a FeedRef,
    pub(crate) shards: &'a Option<Rc<Vec<ShardStatus>>>,
    /// Ids of the officials picked to compare.
    pub(crate) compare: &'a [String],
    pub(crate) amount_errors: &'a BTreeMap<String, Msg>,
    pub(crate) amount_drafts: &'a BTreeMap<String, String>,
    pub(crate) refcode: &'a Option<String>,
    pub(crate) on_action: &'a Callback<Action>,
    /// The panel's id prefix.
    pub(crate) ids: &'a str,
    /// How many entries there are.
    pub(crate) count: usize,
    pub(crate) tr: &'a I18n,
}

/// Entry number `i` (from 0) of the shortlist.
pub(crate) fn shortlist_entry(context: &EntryContext<'_>, i: usize, entry: &Entry) -> Html {
    let EntryContext { feed, shards, compare, amount_errors, amount_drafts, refcode, on_action, ids, count, tr } =
        *context;
    let official = feed.official(&entry.id);
    let name = entry.name.clone();
    let id = entry.id.clone();
    let error = amount_errors.get(&entry.id);
    let error_id = format!("{ids}-error-{i}");
    let on_amount = {
        let id = id.clone();
        on_action.reform(move |e: Event| Action::SetAmount { id: id.clone(), text: control_value(&e) })
    };
    let on_type = {
        let id = id.clone();
        on_action.reform(move |e: InputEvent| Action::TypeAmount { id: id.clone(), text: control_value(&e) })
    };
    let on_leave = {
        let id = id.clone();
        on_action.reform(move |_: FocusEvent| Action::LeaveAmount { id: id.clone() })
    };
    let on_given = {
        let id = id.clone();
        on_action.reform(move |e: Event| Action::SetGiven { id: id.clone(), given: control_checked(&e) })
    };
    let on_up = {
        let id = id.clone();
        on_action.reform(move |_| Action::Move { id: id.clone(), to: i.saturating_sub(1) })
    };
    let on_down = {
        let id = id.clone();
        on_action.reform(move |_| Action::Move { id: id.clone(), to: i + 1 })
    };
    let on_remove = {
        let id = id.clone();
        on_action.reform(move |_| Action::Remove { id: id.clone() })
    };
    let give = match official {
        Some(o) => match next_step(feed, o, entry.amount, refcode.as_deref()) {
            step @ (NextStep::Give { .. } | NextStep::FindDonationPage { .. }) => next_step_link(&step, &name, tr),
            step => html! {
                <span class="sc-no-donate">
                    { tr.t("entry.no_donate") }
                    if let Some(url) = step.url() {
                        { " · " }
                        { external_link(url, Some(AttrValue::from(tr.msg(&step.accessible_msg(&name)))), Classes::new(), html! { tr.msg(&step.label_msg()) }) }
                    }
                </span>
            },
        },
        None => {
            let presence = presence(feed, entry, shards.as_ref().map(|s| s.as_slice()));
            let class = if presence == Presence::NotLoaded { "sc-not-loaded" } else { "sc-gone" };
            html! { <span class={class}>{ tr.msg(&describe::absent(presence, entry.state)) }</span> }
        }
    };
    html! {
        <li class={classes!("sc-entry", entry.given.then_some("sc-entry-given"))} key={entry.id.clone()} data-official={entry.id.clone()}>
            <div class="sc-entry-head">
                <div class="sc-entry-who">
                    <span class="sc-entry-name">{ name.clone() }</span>
                    if let Some(o) = official {
                        <span class="sc-entry-office">{ describe::office(feed, o, tr) }</span>
                    }
                </div>
                <span class="sc-entry-tools">
                    <button type="button" class="sc-icon-button" onclick={on_up} disabled={i == 0} aria-label={tr.msg(&Msg::new("entry.up").text("name", name.clone()))}>{ "↑" }</button>
                    <button type="button" class="sc-icon-button" onclick={on_down} disabled={i + 1 == count} aria-label={tr.msg(&Msg::new("entry.down").text("name", name.clone()))}>{ "↓" }</button>
                    <button type="button" class="sc-icon-button" onclick={on_remove} aria-label={tr.msg(&Msg::new("row.remove.named").text("name", name.clone()))}>{ "×" }</button>
                </span>
            </div>
            <div class="sc-entry-controls">
                <label class="sc-amount">
                    <span class="sc-amount-prefix" aria-hidden="true">{ "$" }</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        value={amount_field(amount_drafts, entry)}
                        aria-label={tr.msg(&Msg::new("entry.amount").text("name", name.clone()))}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        oninput={on_type}
                        onchange={on_amount}
                        onblur={on_leave}
                    />
                </label>
                { give }
                <label class="sc-given">
                    <input type="checkbox" checked={entry.given} onchange={on_given} aria-label={tr.msg(&Msg::new("entry.given.named").text("name", name.clone()))} />
                    <span aria-hidden="true">{ tr.t("entry.given") }</span>
                </label>
                if let Some(o) = official {
                    { compare_toggle(o, compare.contains(&entry.id), on_action, tr) }
                }
            </div>
            if let Some(error) = error {
                <p class="sc-field-error" id={error_id}>{ tr.msg(error) }</p>
            }
        </li>
    }
}
