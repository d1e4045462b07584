//! The mark on a changed row: "New since your last visit", or per question that changed its
//! stance before → now (or "updated" when only its detail, date or sources did), with the new
//! record's date and first source. One line: in a long, windowed list it stands in for the
//! row's "Source:" line, so every row keeps one height.
//!
//! Part of the `since` part (src/since.rs). A plain function, not a component (one per row).

use scorecard_core::i18n::{Format, Msg};
use scorecard_core::since::{Changes, Mark};
use scorecard_core::wording::record_change;
use yew::prelude::*;

use super::external_link;
use crate::i18n::I18n;
use crate::state::FeedRef;

/// The mark on official `index`'s row, if they changed or are new.
pub fn mark_for(changes: &Changes, feed: &FeedRef, index: usize, question: usize, tr: &I18n) -> Option<Html> {
    let mark = changes.mark(&feed.officials[index].id)?;
    Some(change_mark(feed, index, mark, question, tr))
}

/// The mark on official `index`'s row; the row shows question `question` (named only when the
/// change is to another one).
fn change_mark(feed: &FeedRef, index: usize, mark: &Mark, question: usize, tr: &I18n) -> Html {
    let official = &feed.officials[index];
    let Mark::Changed(records) = mark else {
        return html! {
            <p class="sc-mark sc-mark-new"><strong class="sc-mark-tag">{ tr.t("mark.new") }</strong>{ tr.t("mark.new_rest") }</p>
        };
    };
    // A stance label is the feed's own text (marked with its language); "Not rated" is ours.
    let feed_lang = |m: &Msg| if m.key == "text" { tr.feed_lang() } else { None };
    let words: Vec<_> = records.iter().filter_map(|change| record_change(feed, official, change)).collect();
    let tag = tr.t(if words.iter().any(|w| w.stance_changed) { "mark.changed" } else { "mark.updated" });
    html! {
        <p class="sc-mark">
            <strong class="sc-mark-tag">{ tag }</strong>
            { " " }
            { for words.into_iter().enumerate().map(|(i, w)| {
                let record = official.stances.get(w.question_index).and_then(Option::as_ref);
                let source = record.and_then(|r| r.evidence.iter().find_map(|e| e.url.as_ref()));
                html! {
                    <>
                        if i > 0 {
                            { "; " }
                        }
                        if w.question_index != question {
                            <span lang={tr.feed_lang()}>{ &w.question }</span>{ ": " }
                        }
                        if w.stance_changed {
                            <span class="sc-mark-old" lang={feed_lang(&w.from)}>{ tr.msg(&w.from) }</span>
                            <span aria-hidden="true">{ " → " }</span>
                            <span class="sc-visually-hidden">{ format!("{} ", tr.t("mark.changed_to")) }</span>
                            <span class="sc-mark-new-stance" lang={feed_lang(&w.to)}>{ tr.msg(&w.to) }</span>
                        } else {
                            { tr.msg(&Msg::new("mark.updated_record").msg("stance", w.to.clone())) }
                        }
                        if let Some(date) = record.and_then(|r| r.effective_date()) {
                            <span class="sc-date">{ format!(" · {}", tr.date(date)) }</span>
                        }
                        if let Some(url) = source {
                            { " · " }
                            { external_link(
                                url,
                                Some(AttrValue::from(tr.msg(
                                    &Msg::new("mark.new_source").text("name", official.name.clone()).text("site", url.site_name()),
                                ))),
                                Classes::new(),
                                html! { url.site_name().to_string() },
                            ) }
                        }
                    </>
                }
            }) }
        </p>
    }
}
