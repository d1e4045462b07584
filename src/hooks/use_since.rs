//! "Changed since your last visit": what the reader saw of this feed, kept in this browser's
//! localStorage (`storage_key::seen`), compared with what the feed says now (the core's
//! `since`). Nothing of it leaves the browser or enters a link.
//!
//! Once per feed (and per state file that arrives, for a sharded feed), after the first screen
//! is painted: read what was kept, fetch the `since` part (src/since.rs: reading, comparing and
//! writing what the reader saw is all there), tell what changed (the core's `since::visit`),
//! report it (`Action::SinceLastVisit`) and keep what the core says to. "Mark all as seen"
//! (`Action::MarkAllSeen`) keeps the feed as it is now. Storage that is off or full, a feed too
//! big to remember, or a part that could not be loaded give no marks and a plain note, never an
//! error.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use scorecard_core::since::{Seen, Unmarked};
use scorecard_core::states::StateSet;
use scorecard_core::storage_key;
use yew::prelude::*;

use crate::browser::storage::{self, StorageProblem};
use crate::lazy::Part;
use crate::since::{SincePart, SinceView};
use crate::state::{Action, ChangesRef, FeedRef, Store};

/// What this browser keeps, as read (or last written) by this widget.
#[derive(Default)]
struct Kept {
    /// The stored text, read once (`Err`: storage is off).
    text: Option<Result<Option<String>, Unmarked>>,
    /// What that text says, read by the part once it is in.
    seen: Option<Option<Seen>>,
    /// Counts comparisons: one that finishes after a newer one started is dropped.
    serial: u32,
}

type Shared = Rc<RefCell<Kept>>;

/// `feed` and `covered` come from the same load: `covered` are the states whose officials the
/// feed has in full (every state for a feed in one file; the states whose files are in for a
/// sharded feed), or `None` when it should not be compared (an older copy shown because the
/// feed could not be loaded).
#[hook]
pub(crate) fn use_since_last_visit(
    state: &UseReducerHandle<Store>,
    key: &str,
    feed: &FeedRef,
    covered: Option<StateSet>,
) {
    let key = storage_key::seen(key);
    let kept = use_mut_ref(Kept::default);
    let dispatch = state.dispatcher();
    {
        let (key, kept, dispatch) = (key.clone(), kept.clone(), dispatch.clone());
        use_effect_with((feed.clone(), covered), move |(feed, covered)| {
            let (feed, covered) = (feed.clone(), covered.filter(|c| !c.is_empty()));
            let serial = {
                let mut kept = kept.borrow_mut();
                kept.serial = kept.serial.wrapping_add(1);
                kept.serial
            };
            // After the first screen is painted: the part comes then, and at 100,000 officials
            // the comparison takes a while.
            let cancelled = Rc::new(Cell::new(false));
            let run = {
                let cancelled = cancelled.clone();
                move |covered: StateSet| {
                    if cancelled.get() {
                        return;
                    }
                    let report = move |changes, problem| dispatch.dispatch(Action::SinceLastVisit { changes, problem });
                    let first_visit = match anything_kept(&key, &kept) {
                        Ok(kept_before) => !kept_before,
                        Err(problem) => return report(None, Some(problem)),
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        let part = SinceView::load().await;
                        if kept.borrow().serial != serial {
                            return;
                        }
                        // A first visit has nothing to tell; it is remembered next time.
                        let Ok(part) = part else {
                            return report(None, (!first_visit).then_some(Unmarked::NotLoaded));
                        };
                        let stored = read(&kept, part);
                        let visit = (part.visit)(stored.as_ref(), &feed, covered, today());
                        let problem = visit.keep.and_then(|seen| keep(&key, &kept, part, seen).err());
                        // Marks last only while what the reader saw stays kept.
                        let changes = Some(visit.changes).filter(|c| !c.is_empty() && problem.is_none());
                        report(changes.map(|c| ChangesRef(Rc::new(c))), problem);
                    });
                }
            };
            if let Some(covered) = covered {
                // Natively (the prerenderer) there is no page: nothing to compare or keep.
                let _ = crate::browser::after_paint(move || run(covered));
            }
            move || cancelled.set(true)
        });
    }
    let feed = feed.clone();
    use_effect_with(state.since.acknowledged, move |serial| {
        if let (true, Some(covered)) = (*serial > 0, covered) {
            wasm_bindgen_futures::spawn_local(async move {
                // The part is in once its notice was drawn; if it cannot be loaded, nothing is marked as seen.
                let problem = match (anything_kept(&key, &kept), SinceView::load().await) {
                    (Err(problem), _) => Some(problem),
                    (Ok(_), Err(_)) => Some(Unmarked::NotLoaded),
                    (Ok(_), Ok(part)) => {
                        let seen = (part.acknowledge)(read(&kept, part).as_ref(), &feed, covered, today());
                        keep(&key, &kept, part, seen).err()
                    }
                };
                dispatch.dispatch(Action::SinceProblem(problem));
            });
        }
    });
}

/// Whether this browser keeps anything for this feed (its text is read from storage once).
fn anything_kept(key: &str, kept: &Shared) -> Result<bool, Unmarked> {
    let mut kept = kept.borrow_mut();
    let text = kept.text.get_or_insert_with(|| storage::load(key).map_err(|_| Unmarked::Unavailable));
    text.as_ref().map(Option::is_some).map_err(|problem| *problem)
}

/// What the kept text says (after [`anything_kept`]), read once.
fn read(kept: &Shared, part: &SincePart) -> Option<Seen> {
    let mut kept = kept.borrow_mut();
    if kept.seen.is_none() {
        let seen = match &kept.text {
            Some(Ok(Some(text))) => (part.read)(text),
            _ => None,
        };
        kept.seen = Some(seen);
    }
    kept.seen.clone().flatten()
}

/// Keeps `seen`, as the core writes it (without names, or not at all, past its size limit).
fn keep(key: &str, kept: &Shared, part: &SincePart, seen: Seen) -> Result<(), Unmarked> {
    let text = match (part.write)(&seen) {
        Ok(text) => text,
        Err(problem) => {
            // What is kept is out of date: it would only take room.
            let _ = storage::remove(key);
            let mut kept = kept.borrow_mut();
            (kept.text, kept.seen) = (Some(Ok(None)), Some(None));
            return Err(problem);
        }
    };
    let unchanged = matches!(&kept.borrow().text, Some(Ok(Some(old))) if *old == text);
    if !unchanged {
        storage::save(key, &text).map_err(|problem| match problem {
            StorageProblem::Unavailable => Unmarked::Unavailable,
            StorageProblem::WriteFailed => Unmarked::Full,
        })?;
    }
    let mut kept = kept.borrow_mut();
    (kept.text, kept.seen) = (Some(Ok(Some(text))), Some(Some(seen)));
    Ok(())
}

/// Today on the reader's calendar, as days since 1970-01-01.
fn today() -> u32 {
    let now = js_sys::Date::new_0();
    let local = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local / 86_400_000.0).floor().max(0.0) as u32
}
