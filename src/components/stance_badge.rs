//! A stance shown by text, icon and colour together, so colour is never the only signal.

use scorecard_core::feed::doc::Tone;
use scorecard_core::feed::Stance;
use yew::prelude::*;

use crate::hooks::use_style_property;

#[derive(Properties, PartialEq)]
pub struct StanceBadgeProps {
    pub stance: Stance,
}

pub fn tone_icon(tone: Tone) -> &'static str {
    match tone {
        Tone::Positive => "✓",
        Tone::Negative => "✗",
        Tone::Neutral => "○",
    }
}

#[function_component(StanceBadge)]
pub fn stance_badge(props: &StanceBadgeProps) -> Html {
    let stance = &props.stance;
    let tone = match stance.tone {
        Tone::Positive => "sc-tone-positive",
        Tone::Negative => "sc-tone-negative",
        Tone::Neutral => "sc-tone-neutral",
    };
    // The colour was checked to be #rrggbb when the feed loaded, so it is safe as a value.
    let node = use_node_ref();
    use_style_property(node.clone(), "--sc-stance-color", stance.color.clone());
    html! {
        <span class={classes!("sc-badge", tone)} ref={node}>
            <span class="sc-badge-icon" aria-hidden="true">{ tone_icon(stance.tone) }</span>
            <span class="sc-badge-label">{ stance.label.clone() }</span>
        </span>
    }
}
