//! A stance shown by text, icon and colour together, so colour is never the only signal.

use scorecard_core::describe::not_rated;
use scorecard_core::feed::{Question, Stance, StanceRecord};
use yew::prelude::*;

use crate::hooks::use_style_property;
use crate::i18n::I18n;
use crate::markup::{tone_class, tone_icon};

#[derive(Properties, PartialEq)]
pub struct StanceBadgeProps {
    pub stance: Stance,
}

/// A stance's badge. Only a stance with its own colour needs the [`StanceBadge`] component, to
/// set that colour through the CSSOM; the others are plain markup, which a list of rows makes
/// much faster than a component each.
pub fn stance_badge(stance: &Stance, tr: &I18n) -> Html {
    if stance.color.is_some() {
        html! { <StanceBadge stance={stance.clone()} /> }
    } else {
        badge_markup(stance, NodeRef::default(), tr)
    }
}

/// The badge shown where an official has no stance on the question.
pub fn not_rated_badge(tr: &I18n) -> Html {
    html! { <span class="sc-badge sc-tone-neutral"><span class="sc-badge-label">{ tr.msg(&not_rated()) }</span></span> }
}

/// An official's stance on `question` in one line: the badge, the record's detail and date (a
/// result row and the details dialog).
pub fn stance_line(question: &Question, record: &StanceRecord, tr: &I18n) -> Html {
    use scorecard_core::i18n::Format;
    html! {
        <p class="sc-stance-line">
            { stance_badge(&question.stances[record.stance as usize], tr) }
            if let Some(detail) = &record.detail {
                <span class="sc-detail" lang={tr.feed_lang()}>{ detail.clone() }</span>
            }
            if let Some(date) = record.effective_date() {
                <span class="sc-date">{ tr.date(date) }</span>
            }
        </p>
    }
}

fn badge_markup(stance: &Stance, node: NodeRef, tr: &I18n) -> Html {
    let (label, lang) = crate::i18n::shown(stance.label_in(&tr.localize()));
    html! {
        <span class={classes!("sc-badge", tone_class(stance.tone))} ref={node}>
            <span class="sc-badge-icon" aria-hidden="true">{ tone_icon(stance.tone) }</span>
            <span class="sc-badge-label" lang={lang}>{ label }</span>
        </span>
    }
}

#[function_component(StanceBadge)]
pub fn stance_badge_component(props: &StanceBadgeProps) -> Html {
    // The colour was checked to be #rrggbb when the feed loaded, so it is safe as a value.
    let node = use_node_ref();
    use_style_property(node.clone(), "--sc-stance-color", props.stance.color.clone());
    let tr = crate::i18n::use_i18n();
    badge_markup(&props.stance, node, &tr)
}
