//! "Changed since your last visit": telling what changed, and drawing it (the notice, the marks
//! on changed rows), are a part loaded on first use (src/lazy.rs), fetched only when a
//! returning reader's feed differs from what they saw. What every visit needs (remembering
//! what the reader saw, and the core's `since::glance` at it) stays in the main module, in
//! `hooks/use_since.rs`.

use scorecard_core::feed::Feed;
use scorecard_core::since::{visit, Changes, Seen, Visit};
use yew::prelude::*;

use crate::components::{mark_for, render_since_notice, SinceNoticeProps};
use crate::i18n::I18n;
use crate::lazy::lazy_part;
use crate::state::{ChangesRef, FeedRef};

lazy_part! {
    /// What changed since the reader's last visit: telling it, and drawing it.
    pub(crate) struct SinceView: &'static SincePart = since => &SINCE;
}

/// What the main module calls in the part.
pub(crate) struct SincePart {
    /// The core's `since::visit`: what changed, and what to keep.
    pub(crate) visit: fn(Option<&Seen>, &Feed, Seen) -> Visit,
    /// "3 changes since you last looked on …", who left, "Mark all as seen".
    pub(crate) notice: fn(SinceNoticeProps) -> Html,
    /// The mark on official `index`'s row, if they changed or are new (the row shows question
    /// `question`).
    pub(crate) mark: fn(&Changes, &FeedRef, usize, usize, &I18n) -> Option<Html>,
    /// The officials the "Changed" filter lets through (`Changes::indices`).
    pub(crate) indices: fn(&Changes, &Feed) -> Vec<u32>,
}

static SINCE: SincePart = SincePart { visit, notice: render_since_notice, mark: mark_for, indices: Changes::indices };

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
