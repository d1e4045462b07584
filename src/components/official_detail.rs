//! Everything the feed says about one official, in a modal dialog: every question's stance
//! with all its evidence, their next step (give, find a donation page, or contact), website,
//! who funds them (FEC).
//!
//! The dialog is a part loaded on first use ([`Details`], src/lazy.rs): readers who never open
//! an official never download it.

use scorecard_core::describe;
use scorecard_core::link::fec_candidate_page;
use scorecard_core::money::{Cents, DEFAULT_AMOUNT};
use scorecard_core::next_step::{next_step, NextStep};
use yew::prelude::*;

use super::official_row::shortlist_button;
use super::{next_step_link, not_rated_badge, stance_line, use_id, ExternalLink};
use crate::hooks::use_modal;
use crate::i18n::use_i18n;
use crate::lazy::lazy_part;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq, Clone)]
pub struct OfficialDetailProps {
    pub feed: FeedRef,
    /// Index into `feed.officials`.
    pub index: usize,
    pub listed: bool,
    /// The amount on the shortlist, if listed; otherwise gifts start at the default.
    pub amount: Option<Cents>,
    pub refcode: Option<String>,
    pub on_action: Callback<Action>,
}

#[function_component(OfficialDetail)]
pub fn official_detail(props: &OfficialDetailProps) -> Html {
    let tr = use_i18n();
    let feed = &props.feed;
    let official = &feed.officials[props.index];
    let dialog_ref = use_node_ref();
    use_modal(dialog_ref.clone(), props.on_action.reform(|_| Action::CloseOfficial));
    let title_id = use_id("detail-title");
    let on_close = props.on_action.reform(|_| Action::CloseOfficial);
    let fec = official.fec_id().and_then(fec_candidate_page);
    let amount = props.amount.unwrap_or(DEFAULT_AMOUNT);
    let step = next_step(feed, official, amount, props.refcode.as_deref());
    // "Contact" may be the website or e-mail link itself: then it is not listed twice.
    let contact = match &step {
        NextStep::Contact { url } => Some(url),
        _ => None,
    };
    html! {
        <dialog class="sc-dialog" ref={dialog_ref} aria-labelledby={title_id.clone()}>
            <div class="sc-dialog-head">
                <div>
                    <h3 class="sc-dialog-title" id={title_id}>{ official.name.clone() }</h3>
                    <p class="sc-office">{ describe::office(feed, official, &tr) }</p>
                </div>
                <button type="button" class="sc-icon-button" aria-label={tr.t("details.close")} onclick={on_close}>{ "×" }</button>
            </div>
            <ul class="sc-detail-stances">
                { for feed.questions.iter().zip(&official.stances).map(|(question, record)| {
                    let (text, text_lang) = crate::i18n::shown(question.text_in(&tr.localize()));
                    html! {
                    <li class="sc-detail-stance">
                        <h4 class="sc-detail-question" lang={text_lang}>{ text }</h4>
                        { match record {
                            Some(record) => html! {
                                <>
                                    { stance_line(question, record, &tr) }
                                    if !record.evidence.is_empty() {
                                        <ul class="sc-evidence-list">
                                            { for record.evidence.iter().map(|e| html! {
                                                <li>
                                                    if let Some(url) = &e.url {
                                                        <ExternalLink url={url.clone()}>
                                                            { e.title.clone().unwrap_or_else(|| url.site_name().to_string()) }
                                                        </ExternalLink>
                                                        if e.title.is_some() {
                                                            <span class="sc-site">{ format!(" ({})", url.site_name()) }</span>
                                                        }
                                                    } else if let Some(title) = &e.title {
                                                        <span>{ title.clone() }</span>
                                                    }
                                                    if let Some(date) = e.date {
                                                        <span class="sc-date">{ format!(" · {}", date.display_short()) }</span>
                                                    }
                                                    if let Some(quote) = &e.quote {
                                                        <blockquote class="sc-quote">{ quote.clone() }</blockquote>
                                                    }
                                                </li>
                                            }) }
                                        </ul>
                                    }
                                </>
                            },
                            None => html! { <p>{ not_rated_badge(&tr) }</p> },
                        } }
                    </li>
                    }
                }) }
            </ul>
            <div class="sc-detail-links">
                { next_step_link(&step, &official.name, &tr) }
                if let Some(site) = official.website.as_ref().filter(|s| contact != Some(*s)) {
                    <ExternalLink url={site.clone()}>{ tr.t("details.website") }</ExternalLink>
                }
                if let Some(fec) = fec {
                    <ExternalLink url={fec}>{ tr.t("details.fec") }</ExternalLink>
                }
                if let Some(email) = official.email.as_ref().filter(|e| contact != Some(*e)) {
                    <ExternalLink url={email.clone()}>{ tr.t("details.email") }</ExternalLink>
                }
            </div>
            <div class="sc-dialog-actions">
                { shortlist_button(official, props.listed, &props.on_action, &tr) }
            </div>
        </dialog>
    }
}

lazy_part! {
    in_widget
    /// The details dialog, keyed (each opening a fresh dialog).
    pub(crate) struct Details: fn(OfficialDetailProps, String) -> Html = details => render_details;
}

fn render_details(props: OfficialDetailProps, key: String) -> Html {
    html! { <OfficialDetail key={key} ..props /> }
}
