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
use crate::i18n::use_i18n;
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
    let tr = use_i18n();
    let done_ref = use_node_ref();
    use_focus_on_change(done_ref.clone(), props.changes.is_none(), false);
    let Some(changes) = &props.changes else {
        return html! {
            <p class="sc-notice sc-since-done" role="status" tabindex="-1" ref={done_ref}>
                { tr.t("since.done") }
            </p>
        };
    };
    let on_filter = {
        let show = !props.only_changed;
        props.on_action.reform(move |_| Action::ShowChanged(show))
    };
    let on_seen = props.on_action.reform(|_| Action::MarkAllSeen);
    let marked = since_marked(changes);
    html! {
        <section class="sc-since" aria-labelledby={title_id.clone()}>
            <h3 class="sc-since-title" id={title_id}>{ tr.msg(&since_heading(changes)) }</h3>
            if let Some(marked) = &marked {
                <p>{ tr.msg(marked) }</p>
            }
            if let Some(left) = since_left(&changes.left) {
                <p class="sc-since-left">{ tr.msg(&left) }</p>
            }
            <div class="sc-banner-actions">
                if marked.is_some() {
                    <button type="button" class="sc-button" aria-pressed={props.only_changed.to_string()} onclick={on_filter}>
                        { tr.t("since.only_changes") }
                    </button>
                }
                <button type="button" class="sc-button sc-primary" onclick={on_seen}>{ tr.t("since.mark_seen") }</button>
            </div>
        </section>
    }
}

/// The notice, for the part's table (a plain function the main module calls).
pub fn render_since_notice(props: SinceNoticeProps) -> Html {
    html! { <SinceNotice ..props /> }
}
