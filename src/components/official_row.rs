//! One official in the results: who they are, where they stand and why we think so, a way
//! into the details, their next step (give, find a donation page, or contact) and the button
//! to put them on the shortlist.

use scorecard_core::describe;
use scorecard_core::feed::Official;
use scorecard_core::money::{Cents, DEFAULT_AMOUNT};
use scorecard_core::next_step::next_step;
use scorecard_core::shortlist::Shortlist;
use yew::prelude::*;

use crate::i18n::{use_i18n, I18n};
use crate::markup::{shortlist_button_words, source_label};

use super::{compare_toggle, external_link, next_step_link, not_rated_badge, stance_line};
use crate::since::RowMarks;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq)]
pub struct OfficialRowProps {
    pub feed: FeedRef,
    /// Index into `feed.officials`.
    pub index: usize,
    /// Index into `feed.questions`.
    pub question: usize,
    pub listed: bool,
    /// Picked to compare side by side.
    #[prop_or_default]
    pub compared: bool,
    /// The gift "Give" offers: the shortlist's amount when listed.
    #[prop_or(DEFAULT_AMOUNT)]
    pub amount: Cents,
    /// The embedder's ActBlue refcode.
    #[prop_or_default]
    pub refcode: Option<AttrValue>,
    /// What changed since the reader's last visit, drawn by the `since` part (src/since.rs).
    #[prop_or_default]
    pub mark: Option<Html>,
    pub on_action: Callback<Action>,
}

/// What the rows of one list share: the feed and question, and what marks a row (its "Give" at
/// the shortlisted amount, "Compare" pressed if picked, marked if it changed since the reader's
/// last visit). Used for the results and for a ZIP code's officials.
pub struct RowContext<'a> {
    pub feed: &'a FeedRef,
    /// Index into `feed.questions`.
    pub question: usize,
    pub shortlist: &'a Shortlist,
    pub compare: &'a [String],
    pub refcode: &'a Option<AttrValue>,
    pub marks: &'a Option<RowMarks>,
    pub on_action: &'a Callback<Action>,
    /// The marks' language (the rows themselves read it from the context).
    pub tr: &'a I18n,
}

impl RowContext<'_> {
    /// The row of the official at `index` (into `feed.officials`).
    pub fn row(&self, index: usize) -> Html {
        let RowContext { feed, question, shortlist, compare, refcode, marks, on_action, tr } = self;
        let id = &feed.officials[index].id;
        html! {
            <OfficialRow
                feed={(*feed).clone()}
                index={index}
                question={*question}
                listed={shortlist.contains(id)}
                compared={compare.contains(id)}
                amount={shortlist.get(id).map_or(DEFAULT_AMOUNT, |e| e.amount)}
                refcode={(*refcode).clone()}
                mark={marks.as_ref().and_then(|m| m.of(feed, index, *question, tr))}
                on_action={(*on_action).clone()}
            />
        }
    }
}

/// The add/remove button for an official, shared by the row and the detail view. Its visible
/// word is part of its accessible name ("Add Peter Welch to shortlist"), as WCAG 2.5.3 asks. Its
/// icon (+ or ✓) is drawn by the stylesheet from `sc-added`: one element fewer in every row.
pub fn shortlist_button(official: &Official, listed: bool, on_action: &Callback<Action>, tr: &I18n) -> Html {
    let id = official.id.clone();
    let on_click = if listed {
        on_action.reform(move |_| Action::Remove { id: id.clone() })
    } else {
        on_action.reform(move |_| Action::Add { id: id.clone() })
    };
    let (label, word) = shortlist_button_words(official, listed);
    html! {
        <button
            type="button"
            class={classes!("sc-button", "sc-add", listed.then_some("sc-added"))}
            aria-label={tr.msg(&label)}
            data-official={official.id.clone()}
            onclick={on_click}
        >
            { tr.t(word) }
        </button>
    }
}

#[function_component(OfficialRow)]
pub fn official_row(props: &OfficialRowProps) -> Html {
    let feed = &props.feed;
    let official = &feed.officials[props.index];
    let question = &feed.questions[props.question];
    let record = official.stances.get(props.question).and_then(Option::as_ref);
    let on_open = {
        let id = official.id.clone();
        props.on_action.reform(move |_| Action::OpenOfficial(id.clone()))
    };
    let step = next_step(feed, official, props.amount, props.refcode.as_deref());
    let tr = use_i18n();
    html! {
        <article class={classes!("sc-row", props.listed.then_some("sc-row-listed"), props.mark.is_some().then_some("sc-row-marked"))}>
            <div class="sc-row-body">
                <h3 class="sc-name">
                    <button type="button" class="sc-name-button" aria-haspopup="dialog" onclick={on_open}>{ official.name.clone() }</button>
                </h3>
                <p class="sc-office">{ describe::office(feed, official, &tr) }</p>
                { match record {
                    Some(record) => stance_line(question, record, &tr),
                    None => html! { <p class="sc-stance-line">{ not_rated_badge(&tr) }</p> },
                } }
                if let Some(mark) = &props.mark {
                    { mark.clone() }
                }
                if let Some((evidence, url)) = record.and_then(|r| r.evidence.iter().find_map(|e| Some((e, e.url.as_ref()?)))) {
                    <p class="sc-evidence">
                        { tr.t("row.source") }{ " " }
                        { external_link(
                            url,
                            Some(AttrValue::from(tr.msg(&source_label(official, url.site_name())))),
                            Classes::new(),
                            html! { evidence.title.clone().unwrap_or_else(|| url.site_name().to_string()) },
                        ) }
                    </p>
                }
            </div>
            <div class="sc-row-actions">
                { next_step_link(&step, &official.name, &tr) }
                { shortlist_button(official, props.listed, &props.on_action, &tr) }
                { compare_toggle(official, props.compared, &props.on_action, &tr) }
            </div>
        </article>
    }
}
