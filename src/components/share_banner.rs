//! "Shortlist shared with you": what a link brought, and the visitor's choice when they
//! already had a list of their own (it is never overwritten without asking).

use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::state::{Action, FeedRef, PendingShare, ShareChoice};
use scorecard_core::i18n::Msg;
use scorecard_core::wording::officials;

#[derive(Properties, PartialEq)]
pub struct ShareBannerProps {
    pub feed: FeedRef,
    pub pending: PendingShare,
    pub on_action: Callback<Action>,
}

#[function_component(ShareBanner)]
pub fn share_banner(props: &ShareBannerProps) -> Html {
    let pending = &props.pending;
    let list = &pending.list;
    let tr = use_i18n();
    let resolve = |choice: Option<ShareChoice>| props.on_action.reform(move |_| Action::ResolveShare(choice));
    html! {
        <section class="sc-banner" aria-label={tr.t("shared.label")}>
            <p class="sc-banner-title">
                <strong>{ tr.msg(&Msg::new("shared.title").msg("count", officials(list.len())).money("amount", list.total())) }</strong>
            </p>
            if pending.needs_choice {
                <p>{ tr.t("shared.choose") }</p>
                <div class="sc-banner-actions">
                    <button type="button" class="sc-button sc-primary" onclick={resolve(Some(ShareChoice::Replace))}>{ tr.t("shared.replace") }</button>
                    <button type="button" class="sc-button" onclick={resolve(Some(ShareChoice::Merge))}>{ tr.t("shared.merge") }</button>
                    <button type="button" class="sc-button sc-button-quiet" onclick={resolve(None)}>{ tr.t("shared.dismiss") }</button>
                </div>
            } else {
                <p>{ tr.t("shared.now_yours") }</p>
                <div class="sc-banner-actions">
                    <button type="button" class="sc-button" onclick={resolve(None)}>{ tr.t("shared.ok") }</button>
                </div>
            }
            if !pending.problems.is_empty() {
                <ul class="sc-banner-problems">
                    { for pending.problems.iter().map(|p| html! { <li>{ tr.msg(p) }</li> }) }
                </ul>
            }
        </section>
    }
}
