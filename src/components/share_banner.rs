//! "Shortlist shared with you": what a link brought, and the visitor's choice when they
//! already had a list of their own (it is never overwritten without asking).

use yew::prelude::*;

use crate::state::{Action, FeedRef, PendingShare, ShareChoice};
use scorecard_core::wording::plural;

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
    let resolve = |choice: Option<ShareChoice>| props.on_action.reform(move |_| Action::ResolveShare(choice));
    html! {
        <section class="sc-banner" aria-label="Shared shortlist">
            <p class="sc-banner-title">
                <strong>{ format!("Shortlist shared with you: {}, {}", plural(list.len(), "official", "officials"), list.total()) }</strong>
            </p>
            if pending.needs_choice {
                <p>{ "You already have a shortlist in this browser. Replace it with the shared one, add the shared officials to yours, or dismiss the shared list?" }</p>
                <div class="sc-banner-actions">
                    <button type="button" class="sc-button sc-primary" onclick={resolve(Some(ShareChoice::Replace))}>{ "Replace mine" }</button>
                    <button type="button" class="sc-button" onclick={resolve(Some(ShareChoice::Merge))}>{ "Merge into mine" }</button>
                    <button type="button" class="sc-button sc-button-quiet" onclick={resolve(None)}>{ "Dismiss" }</button>
                </div>
            } else {
                <p>{ "It is now your shortlist in this browser: change the amounts, give, or pass it on." }</p>
                <div class="sc-banner-actions">
                    <button type="button" class="sc-button" onclick={resolve(None)}>{ "OK" }</button>
                </div>
            }
            if !pending.problems.is_empty() {
                <ul class="sc-banner-problems">
                    { for pending.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
        </section>
    }
}
