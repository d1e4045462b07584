//! Officials side by side: each question of the feed a row, each official a column, with their
//! stance (text and icon), its detail and date, and the evidence. A modal dialog like the
//! details: a table with a caption and row and column headers, stacked on a narrow screen (each
//! official's name then written in each cell: see the stylesheet's "comparison"). What it says
//! comes from `scorecard_core::compare`.
//!
//! The dialog is a part loaded on first use ([`CompareView`], src/lazy.rs): readers who never
//! compare never download it. Picking, and the button that shows it, are `compare_bar.rs`.

use scorecard_core::compare::{agreement, caption};
use scorecard_core::describe;
use scorecard_core::feed::Official;
use yew::prelude::*;

use super::{external_link, not_rated_badge, stance_line, use_id};
use crate::hooks::{use_focus_on_change, use_modal};
use crate::lazy::lazy_part;
use crate::state::{Action, FeedRef};

#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    pub feed: FeedRef,
    /// Ids of the officials compared, in order.
    pub ids: Vec<String>,
    /// Why some could not be compared (officials a link named that are not in this feed).
    pub note: Option<scorecard_core::i18n::Msg>,
    /// The last link made, shown so it can be copied by hand.
    pub share_url: Option<String>,
    pub on_copy_link: Callback<()>,
    pub on_action: Callback<Action>,
}

#[function_component(CompareDialog)]
pub fn compare_dialog(props: &CompareProps) -> Html {
    let feed = &props.feed;
    let officials: Vec<&Official> = props.ids.iter().filter_map(|id| feed.official(id)).collect();
    let indices: Vec<usize> = props.ids.iter().filter_map(|id| feed.official_index(id)).collect();
    let names: Vec<&str> = officials.iter().map(|o| o.name.as_str()).collect();
    let dialog_ref = use_node_ref();
    use_modal(dialog_ref.clone(), props.on_action.reform(|_| Action::CloseComparison));
    // A column's "Remove" goes with its column: focus moves to the title, not to nowhere.
    let title_ref = use_node_ref();
    use_focus_on_change(title_ref.clone(), indices.len(), false);
    let ids = use_id("compare");
    let tr = crate::i18n::use_i18n();
    let on_close = props.on_action.reform(|_| Action::CloseComparison);
    let on_copy = props.on_copy_link.reform(|_| ());
    let select_all = Callback::from(|e: FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        }
    });
    let column_head = |official: &Official| {
        let id = official.id.clone();
        html! {
            <th scope="col" role="columnheader" class="sc-compare-official">
                <span class="sc-compare-name">{ official.name.clone() }</span>
                <span class="sc-office">{ describe::office(feed, official, &tr) }</span>
                <button
                    type="button"
                    class="sc-button sc-button-quiet sc-button-small"
                    aria-label={tr.msg(&scorecard_core::i18n::Msg::new("compare.remove.named").text("name", official.name.clone()))}
                    onclick={props.on_action.reform(move |_| Action::ToggleCompare(id.clone()))}
                >
                    { tr.t("row.remove") }
                </button>
            </th>
        }
    };
    let cell = |q: usize, official: &Official| {
        let question = &feed.questions[q];
        let record = official.stances.get(q).and_then(Option::as_ref);
        html! {
            <td role="cell" class="sc-compare-cell">
                // The column's header, for the stacked layout (where it is not above the cell);
                // screen readers have the header itself.
                <span class="sc-compare-who" aria-hidden="true">{ official.name.clone() }</span>
                { match record {
                    Some(record) => stance_line(question, record, &tr),
                    None => html! { <p class="sc-stance-line">{ not_rated_badge(&tr) }</p> },
                } }
                if let Some(record) = record.filter(|r| !r.evidence.is_empty()) {
                    <ul class="sc-evidence-list">
                        { for record.evidence.iter().map(|e| {
                            let text = e.title.clone().or_else(|| e.url.as_ref().map(|u| u.site_name().to_string()));
                            html! {
                                <li>
                                    { match (&e.url, text) {
                                        (Some(url), Some(text)) => external_link(
                                            url,
                                            Some(AttrValue::from(tr.msg(&crate::markup::source_label(official, &text)))),
                                            Classes::new(),
                                            html! { text },
                                        ),
                                        (None, Some(text)) => html! { <span>{ text }</span> },
                                        _ => html! {},
                                    } }
                                    if let (Some(url), Some(_)) = (&e.url, &e.title) {
                                        <span class="sc-site">{ format!(" ({})", url.site_name()) }</span>
                                    }
                                    if let Some(date) = e.date {
                                        <span class="sc-date">{ format!(" · {}", date.display_short()) }</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </td>
        }
    };
    html! {
        <dialog class="sc-dialog sc-compare" ref={dialog_ref} aria-labelledby={format!("{ids}-title")}>
            <div class="sc-dialog-head">
                <h3 class="sc-dialog-title" id={format!("{ids}-title")} tabindex="-1" ref={title_ref}>{ tr.t("compare.title") }</h3>
                <button type="button" class="sc-icon-button" aria-label={tr.t("compare.close")} onclick={on_close}>{ "×" }</button>
            </div>
            if let Some(note) = &props.note {
                <p class="sc-notice">{ tr.msg(note) }</p>
            }
            // Roles written out: a table laid out as blocks (stacked, on a phone) keeps them.
            <table class="sc-compare-table" role="table">
                <caption class="sc-compare-caption">{ tr.msg(&caption(&names)) }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <td role="cell" class="sc-compare-corner"></td>
                        { for officials.iter().map(|o| column_head(o)) }
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    { for feed.questions.iter().enumerate().map(|(q, question)| {
                        let (text, lang) = crate::i18n::shown(question.text_in(&tr.localize()));
                        html! {
                            <tr role="row">
                                <th scope="row" role="rowheader" class="sc-compare-question">
                                    <span lang={lang}>{ text }</span>
                                    <span class="sc-compare-agree">{ tr.msg(&agreement(feed, q, &indices)) }</span>
                                </th>
                                { for officials.iter().map(|o| cell(q, o)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="sc-compare-share">
                <button type="button" class="sc-button sc-primary" onclick={on_copy}>{ tr.t("compare.copy") }</button>
                if let Some(url) = &props.share_url {
                    <div class="sc-field">
                        <label class="sc-field-label" for={format!("{ids}-link")}>{ tr.t("compare.link") }</label>
                        <input id={format!("{ids}-link")} type="text" readonly=true value={url.clone()} onfocus={select_all} class="sc-share-url" />
                    </div>
                }
            </div>
        </dialog>
    }
}

lazy_part! {
    in_widget
    /// The comparison dialog, keyed (each showing a fresh dialog).
    pub(crate) struct CompareView: fn(CompareProps, String) -> Html = compare => render_compare;
}

fn render_compare(props: CompareProps, key: String) -> Html {
    html! { <CompareDialog key={key} ..props /> }
}
