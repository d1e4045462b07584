//! The shortlist: who gets how much, the total, giving, and sharing.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::feed::shards::ShardStatus;
use scorecard_core::shortlist::Shortlist;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use scorecard_core::i18n::Msg;
use scorecard_core::wording::officials;

use super::shortlist_entry::{shortlist_entry, EntryContext};
use super::{on_submit_value, use_id};
use crate::i18n::use_i18n;
use crate::state::{Action, FeedRef};
use scorecard_core::i18n::Format;

#[derive(Properties, PartialEq)]
pub struct ShortlistPanelProps {
    pub feed: FeedRef,
    pub shortlist: Shortlist,
    /// Ids of the officials picked to compare.
    #[prop_or_default]
    pub compare: Vec<String>,
    /// A sharded feed's state files: officials whose state is not loaded are not gone.
    #[prop_or_default]
    pub shards: Option<Rc<Vec<ShardStatus>>>,
    pub amount_errors: BTreeMap<String, Msg>,
    /// What amount fields hold while typed in (`AppState::amount_drafts`).
    pub amount_drafts: BTreeMap<String, String>,
    pub split_error: Option<Msg>,
    pub refcode: Option<String>,
    /// The last share link made, shown so it can be copied by hand.
    pub share_url: Option<String>,
    pub on_copy_link: Callback<()>,
    /// Present when the browser has a share sheet (Web Share API).
    pub on_share: Option<Callback<()>>,
    pub on_download: Callback<()>,
    pub on_action: Callback<Action>,
    /// The panel element, so the page can jump to it.
    pub node_ref: NodeRef,
    /// Shown under the total: the guided "Give to each" (its own component).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(ShortlistPanel)]
pub fn shortlist_panel(props: &ShortlistPanelProps) -> Html {
    let ShortlistPanelProps {
        feed,
        shortlist,
        compare,
        shards,
        amount_errors,
        amount_drafts,
        split_error,
        refcode,
        share_url,
        on_copy_link,
        on_share,
        on_download,
        on_action,
        node_ref,
        children,
    } = props;
    let budget_input = use_node_ref();
    let on_split = on_submit_value(on_action, &budget_input, Action::SplitBudget);
    let on_clear = on_action.reform(|_| Action::ClearShortlist);
    let on_copy = on_copy_link.reform(|_| ());
    let on_share = on_share.as_ref().map(|share| share.reform(|_| ()));
    let on_download = on_download.reform(|_| ());
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        }
    });
    let count = shortlist.len();
    let ids = use_id("shortlist");
    let tr = use_i18n();

    html! {
        <section class="sc-shortlist" aria-label={tr.t("shortlist.label")} ref={node_ref.clone()} tabindex="-1">
            <h3 class="sc-shortlist-title">
                { tr.t("shortlist.title") }
                if count > 0 { <span class="sc-shortlist-count">{ format!(" ({})", tr.number(count as u64)) }</span> }
            </h3>
            if count == 0 {
                <p class="sc-empty-note">
                    { tr.t("shortlist.empty") }
                </p>
            } else {
                <ol class="sc-entries">
                    { for shortlist.entries().iter().enumerate().map(|(i, entry)| shortlist_entry(&EntryContext { feed, shards, compare, amount_errors, amount_drafts, refcode, on_action, ids: &ids, count, tr: &tr }, i, entry)) }
                </ol>
                <p class="sc-total">
                    { tr.t("shortlist.total") }{ " " }<strong class="sc-total-amount">{ tr.money(shortlist.total()) }</strong>
                    { tr.msg(&Msg::new("shortlist.total_to").msg("count", officials(count))) }
                </p>
                { children.clone() }
                <form class="sc-split" onsubmit={on_split}>
                    <div class="sc-field">
                        <label class="sc-field-label" for={format!("{ids}-budget")}>{ tr.t("shortlist.split") }</label>
                        <span class="sc-amount">
                            <span class="sc-amount-prefix" aria-hidden="true">{ "$" }</span>
                            <input id={format!("{ids}-budget")} ref={budget_input} type="text" inputmode="decimal" autocomplete="off" placeholder="100" />
                        </span>
                    </div>
                    <button type="submit" class="sc-button">{ tr.t("shortlist.split_button") }</button>
                    if let Some(error) = split_error {
                        <p class="sc-field-error" role="alert">{ tr.msg(error) }</p>
                    }
                </form>
            }
            <div class="sc-share">
                <div class="sc-share-buttons">
                    <button type="button" class="sc-button sc-primary" onclick={on_copy} disabled={count == 0}>{ tr.t("shortlist.copy") }</button>
                    if let Some(on_share) = on_share {
                        <button type="button" class="sc-button" onclick={on_share} disabled={count == 0}>{ tr.t("shortlist.share") }</button>
                    }
                </div>
                if let Some(url) = share_url {
                    <div class="sc-field">
                        <label class="sc-field-label" for={format!("{ids}-link")}>{ tr.t("shortlist.link") }</label>
                        <input id={format!("{ids}-link")} type="text" readonly=true value={url.clone()} onfocus={select_all} class="sc-share-url" />
                    </div>
                }
            </div>
            if count > 0 {
                <div class="sc-shortlist-tools">
                    <button type="button" class="sc-button sc-button-quiet sc-button-small" onclick={on_download}>{ tr.t("shortlist.download") }</button>
                    <button type="button" class="sc-button sc-button-quiet sc-button-small" onclick={on_clear}>{ tr.t("shortlist.clear") }</button>
                </div>
            }
            <p class="sc-privacy">
                { tr.t("shortlist.privacy") }
            </p>
        </section>
    }
}
