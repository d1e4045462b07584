//! The feed's title and provenance: who published it, whose data it is, and how current.
//! Always visible, because a scorecard is only as credible as its sources.

use scorecard_core::feed::{Meta, NamedLink};
use yew::prelude::*;

use super::ExternalLink;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub meta: Meta,
}

fn named(link: &NamedLink) -> Html {
    match &link.url {
        Some(url) => html! { <ExternalLink url={url.clone()}>{ link.text.clone() }</ExternalLink> },
        None => html! { { link.text.clone() } },
    }
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let meta = &props.meta;
    html! {
        <header class="sc-header">
            <h2 class="sc-title">{ meta.title.clone() }</h2>
            if let Some(description) = &meta.description {
                <p class="sc-description">{ description.clone() }</p>
            }
            <p class="sc-provenance">
                if let Some(updated) = meta.updated {
                    <span class="sc-asof">{ format!("Data as of {}", updated.display_short()) }</span>
                }
                if let Some(attribution) = &meta.attribution {
                    <span class="sc-attribution">{ named(attribution) }</span>
                }
                if let Some(license) = &meta.license {
                    <span class="sc-license">{ "License: " }{ named(license) }</span>
                }
                if let Some(publisher) = &meta.publisher {
                    <span class="sc-publisher">{ "Published by " }{ named(publisher) }</span>
                }
                if let Some(updates) = &meta.updates_url {
                    <span class="sc-updates"><ExternalLink url={updates.clone()}>{ "Follow updates" }</ExternalLink></span>
                }
            </p>
        </header>
    }
}
