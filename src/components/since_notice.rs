//! The notice a returning reader sees: how many changes since they last looked, how many are
//! marked in the list, who left the feed (listed here once, having no row), a toggle for the
//! "Changed" filter and "Mark all as seen". Once all is marked seen it says so, and takes the
//! focus the removed button had.
//!
//! Part of the `since` part (src/since.rs): a reader with nothing changed never downloads it.

use scorecard_core::wording::{since_heading, since_left, since_marked};
use yew::prelude::*;

use super::use_id;
use crate::hooks::use_focus_on_change;
use crate::state::{Action, ChangesRef};

#[derive(Properties, PartialEq, Clone)]
pub struct SinceNoticeProps {
    /// What changed; `None` once the reader marked all as seen.
    pub changes: Option<ChangesRef>,
    /// Whether the "Changed" filter is on.
    pub only_changed: bool,
    pub on_action: Callback<Action>,
}

#[function_component(SinceNotice)]
pub fn since_notice(props: &SinceNoticeProps) -> Html {
    let title_id = use_id("since");
    let done_ref = use_node_ref();
    use_focus_on_change(done_ref.clone(), props.changes.is_none(), false);
    let Some(changes) = &props.changes else {
        return html! {
            <p class="sc-notice sc-since-done" role="status" tabindex="-1" ref={done_ref}>
                { "All changes are marked as seen. New ones will be marked on your next visit." }
            </p>
        };
    };
    let on_filter = {
        let show = !props.only_changed;
        props.on_action.reform(move |_| Action::ShowChanged(show))
    };
    let on_seen = props.on_action.reform(|_| Action::MarkAllSeen);
    html! {
        <section class="sc-since" aria-labelledby={title_id.clone()}>
            <h3 class="sc-since-title" id={title_id}>{ since_heading(changes) }</h3>
            if let Some(marked) = since_marked(changes) {
                <p>{ marked }</p>
            }
            if let Some(left) = since_left(&changes.left) {
                <p class="sc-since-left">{ left }</p>
            }
            <div class="sc-banner-actions">
                if since_marked(changes).is_some() {
                    <button type="button" class="sc-button" aria-pressed={props.only_changed.to_string()} onclick={on_filter}>
                        { "Show only changes" }
                    </button>
                }
                <button type="button" class="sc-button sc-primary" onclick={on_seen}>{ "Mark all as seen" }</button>
            </div>
        </section>
    }
}

/// The notice, for the part's table (a plain function the main module calls).
pub fn render_since_notice(props: SinceNoticeProps) -> Html {
    html! { <SinceNotice ..props /> }
}
