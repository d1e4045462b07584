//! An official's next step as a link: "Give $27" (their donation page), "Find a donation page"
//! (the feed's search, said to be one), "Contact", or nothing. The core decides which
//! (`scorecard_core::next_step`); this only draws it, through `external_link`.

use scorecard_core::next_step::NextStep;
use yew::prelude::*;

use super::external_link;
use crate::i18n::I18n;
use crate::markup::next_step_class;

/// The link for `step`, whose accessible name says whom it is for (`name`).
pub fn next_step_link(step: &NextStep, name: &str, tr: &I18n) -> Html {
    let Some(url) = step.url() else { return html! {} };
    external_link(
        url,
        Some(AttrValue::from(tr.msg(&step.accessible_msg(name)))),
        classes!("sc-button", "sc-next-step", next_step_class(step)),
        html! { tr.msg(&step.label_msg()) },
    )
}
