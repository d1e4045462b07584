//! The feed's title and provenance: who published it, whose data it is, and how current.
//! Always visible, because a scorecard is only as credible as its sources.

use scorecard_core::feed::{Meta, NamedLink};
use scorecard_core::i18n::{Lang, Msg};
use yew::prelude::*;

use super::ExternalLink;
use crate::i18n::{shown, use_i18n, I18n};
use crate::state::Action;

/// "English · Español": each language named in itself (and marked so), the current one pressed.
/// Switching changes only the language: the view, the list and the scroll stay.
pub fn lang_switch(tr: &I18n, on_action: &Callback<Action>) -> Html {
    let current = tr.lang();
    html! {
        <div class="sc-lang" role="group" aria-label={tr.t("lang.label")}>
            { for Lang::ALL.into_iter().map(|lang| {
                let on_click = on_action.reform(move |_| Action::SetLang(lang));
                html! {
                    <button type="button" class="sc-button sc-button-quiet sc-button-small sc-lang-button" lang={lang.tag()} aria-pressed={(lang == current).to_string()} onclick={on_click}>
                        { lang.name() }
                    </button>
                }
            }) }
        </div>
    }
}

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
    let tr = use_i18n();
    let to = tr.localize();
    let (title, title_lang) = shown(meta.title_in(&to));
    let description = meta.description_in(&to).map(shown);
    html! {
        <header class="sc-header">
            <h2 class="sc-title" lang={title_lang}>{ title }</h2>
            if let Some((description, lang)) = description {
                <p class="sc-description" lang={lang}>{ description }</p>
            }
            <p class="sc-provenance">
                if let Some(updated) = meta.updated {
                    <span class="sc-asof">{ tr.msg(&Msg::new("header.as_of").date("date", updated)) }</span>
                }
                if let Some(attribution) = &meta.attribution {
                    <span class="sc-attribution" lang={tr.feed_lang()}>{ named(attribution) }</span>
                }
                if let Some(license) = &meta.license {
                    <span class="sc-license">{ tr.t("header.license") }{ " " }<span lang={tr.feed_lang()}>{ named(license) }</span></span>
                }
                if let Some(publisher) = &meta.publisher {
                    <span class="sc-publisher">{ tr.t("header.published_by") }{ " " }<span lang={tr.feed_lang()}>{ named(publisher) }</span></span>
                }
                if let Some(updates) = &meta.updates_url {
                    <span class="sc-updates"><ExternalLink url={updates.clone()}>{ tr.t("header.updates") }</ExternalLink></span>
                }
            </p>
        </header>
    }
}
