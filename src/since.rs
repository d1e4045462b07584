//! "Changed since your last visit" is a part loaded after the first screen is painted
//! (src/lazy.rs): remembering what the reader saw (the core's `since`: fingerprints of the feed,
//! packed for storage), comparing it with the feed now, telling what changed, and drawing it
//! (the notice, the marks on changed rows). The main module keeps only the storage and the
//! timing, in `hooks/use_since.rs`.

use scorecard_core::feed::Feed;
use scorecard_core::since::storage::{from_storage, to_storage};
use scorecard_core::since::{acknowledge, glance, visit, Changes, Seen, Unmarked, Visit};
use scorecard_core::states::StateSet;
use yew::prelude::*;

use crate::components::{mark_for, render_since_notice, SinceNoticeProps};
use crate::i18n::I18n;
use crate::lazy::lazy_part;
use crate::state::{ChangesRef, FeedRef};

lazy_part! {
    in_widget
    /// What changed since the reader's last visit: telling it, and drawing it.
    pub(crate) struct SinceView: &'static SincePart = since => &SINCE;
}

/// What the main module calls in the part.
pub(crate) struct SincePart {
    /// What the reader saw, from the text the browser kept (`None`: unreadable).
    pub(crate) read: fn(&str) -> Option<Seen>,
    /// What to keep, as text (`Err` past the size limit).
    pub(crate) write: fn(&Seen) -> Result<String, Unmarked>,
    /// The reader sees `feed`'s `covered` states on day `today`: what changed since `stored`,
    /// and what to keep.
    pub(crate) visit: fn(Option<&Seen>, &Feed, StateSet, u32) -> Visit,
    /// "Mark all as seen": what to keep once the reader has seen `feed`'s `covered` states.
    pub(crate) acknowledge: fn(Option<&Seen>, &Feed, StateSet, u32) -> Seen,
    /// "3 changes since you last looked on …", who left, "Mark all as seen".
    pub(crate) notice: fn(SinceNoticeProps) -> Html,
    /// The mark on official `index`'s row, if they changed or are new (the row shows question
    /// `question`).
    pub(crate) mark: fn(&Changes, &FeedRef, usize, usize, &I18n) -> Option<Html>,
    /// The officials the "Changed" filter lets through (`Changes::indices`).
    pub(crate) indices: fn(&Changes, &Feed) -> Vec<u32>,
}

static SINCE: SincePart = SincePart {
    read: from_storage,
    write: to_storage,
    visit: visit_on,
    acknowledge: acknowledge_on,
    notice: render_since_notice,
    mark: mark_for,
    indices: Changes::indices,
};

/// The core's `glance` first: a feed as the reader saw it costs no comparison.
fn visit_on(stored: Option<&Seen>, feed: &Feed, covered: StateSet, today: u32) -> Visit {
    match glance(stored, Seen::of(feed, covered, today)) {
        Ok(keep) => Visit { changes: Changes::default(), keep },
        Err(now) => visit(stored, feed, now),
    }
}

fn acknowledge_on(stored: Option<&Seen>, feed: &Feed, covered: StateSet, today: u32) -> Seen {
    acknowledge(stored, Seen::of(feed, covered, today))
}

/// The marks rows draw: the changes, and the part's drawing of one. Compared by the changes
/// alone (a row draws again only when they change).
#[derive(Clone)]
pub struct RowMarks {
    pub changes: ChangesRef,
    pub draw: fn(&Changes, &FeedRef, usize, usize, &I18n) -> Option<Html>,
}

impl PartialEq for RowMarks {
    fn eq(&self, other: &Self) -> bool {
        self.changes == other.changes
    }
}

impl RowMarks {
    /// The mark on official `index`'s row, if they changed or are new, in `tr`'s language.
    pub fn of(&self, feed: &FeedRef, index: usize, question: usize, tr: &I18n) -> Option<Html> {
        (self.draw)(&self.changes, feed, index, question, tr)
    }
}
