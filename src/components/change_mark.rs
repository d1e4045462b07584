//! The mark on a changed row: "New since your last visit", or per question that changed its
//! stance before → now (or "updated" when only its detail, date or sources did), with the new
//! record's date and first source. One line: in a long, windowed list it stands in for the
//! row's "Source:" line, so every row keeps one height.
//!
//! Part of the `since` part (src/since.rs). A plain function, not a component (one per row).

use scorecard_core::since::{Changes, Mark};
use scorecard_core::wording::record_change;
use yew::prelude::*;

use super::external_link;
use crate::state::FeedRef;

/// The mark on official `index`'s row, if they changed or are new.
pub fn mark_for(changes: &Changes, feed: &FeedRef, index: usize, question: usize) -> Option<Html> {
    let mark = changes.mark(&feed.officials[index].id)?;
    Some(change_mark(feed, index, mark, question))
}

/// The mark on official `index`'s row; the row shows question `question` (named only when the
/// change is to another one).
fn change_mark(feed: &FeedRef, index: usize, mark: &Mark, question: usize) -> Html {
    let official = &feed.officials[index];
    let Mark::Changed(records) = mark else {
        return html! {
            <p class="sc-mark sc-mark-new"><strong class="sc-mark-tag">{ "New" }</strong>{ " since your last visit" }</p>
        };
    };
    let words: Vec<_> = records.iter().filter_map(|change| record_change(feed, official, change)).collect();
    let tag = if words.iter().any(|w| w.stance_changed) { "Changed" } else { "Updated" };
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
                            { format!("{}: ", w.question) }
                        }
                        if w.stance_changed {
                            <span class="sc-mark-old">{ w.from }</span>
                            <span aria-hidden="true">{ " → " }</span>
                            <span class="sc-visually-hidden">{ " changed to " }</span>
                            <span class="sc-mark-new-stance">{ w.to }</span>
                        } else {
                            { format!("{}: new date, detail or sources", w.to) }
                        }
                        if let Some(date) = record.and_then(|r| r.effective_date()) {
                            <span class="sc-date">{ format!(" · {}", date.display_short()) }</span>
                        }
                        if let Some(url) = source {
                            { " · " }
                            { external_link(
                                url,
                                Some(AttrValue::from(format!("New source for {}: {}", official.name, url.site_name()))),
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
