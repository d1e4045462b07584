//! The one place that renders links from data. It takes a [`SafeUrl`], so only `https:` and
//! `mailto:` links can ever reach an `href`; they open in a new tab without giving the target
//! a handle on this page (`noopener`) or telling it where the reader came from (`noreferrer`).

use scorecard_core::link::SafeUrl;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExternalLinkProps {
    pub url: SafeUrl,
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
    /// Accessible name when the visible text is not enough, e.g. "Give $27 to Peter Welch".
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(ExternalLink)]
pub fn external_link_component(props: &ExternalLinkProps) -> Html {
    external_link(&props.url, props.label.clone(), props.class.clone(), props.children.clone())
}

/// The same link without a component of its own, for lists that render many (a row each).
pub fn external_link(url: &SafeUrl, label: Option<AttrValue>, class: Classes, children: Html) -> Html {
    external_link_on_click(url, label, class, children, None)
}

/// The same link, also telling `on_click` when it is followed. The browser opens the page
/// itself, in that same click, so no popup blocker stands in the way.
pub fn external_link_on_click(
    url: &SafeUrl,
    label: Option<AttrValue>,
    class: Classes,
    children: Html,
    on_click: Option<Callback<MouseEvent>>,
) -> Html {
    html! {
        <a href={url.as_str().to_string()} class={class} target="_blank" rel="noopener noreferrer" aria-label={label} onclick={on_click}>
            { children }
        </a>
    }
}
