//! "Changed since your last visit": what the reader saw of this feed, kept in this browser's
//! localStorage (`storage_key::seen`), compared with what the feed says now (the core's
//! `since`). Nothing of it leaves the browser or enters a link.
//!
//! Once per feed (and per state file that arrives, for a sharded feed), after the first screen
//! is painted: read what was kept, glance at it (`since::glance`, here), and only if the feed
//! differs, tell what changed (`since::visit`, in the `since` part, fetched then); report it
//! (`Action::SinceLastVisit`) and keep what the core says to. "Mark all as seen"
//! (`Action::MarkAllSeen`) keeps the feed as it is now. Storage that is off or full, a feed too
//! big to remember, or a part that could not be loaded give no marks and a plain note, never an
//! error.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use scorecard_core::since::storage::{from_storage, to_storage};
use scorecard_core::since::{acknowledge, glance, Seen, Unmarked};
use scorecard_core::states::StateSet;
use scorecard_core::storage_key;
use yew::prelude::*;

use crate::browser::storage::{self, StorageProblem};
use crate::lazy::Part;
use crate::since::SinceView;
use crate::state::{Action, ChangesRef, FeedRef, Store};

/// What this browser keeps, as read (or last written) by this widget.
#[derive(Default)]
struct Kept {
    /// `Err`: storage is off.
    seen: Option<Result<Option<Seen>, Unmarked>>,
    /// The text stored, so the same is not written again.
    text: Option<String>,
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
            // After the first screen is painted: at 100,000 officials this takes a while.
            let later = covered.map(|covered| {
                Timeout::new(0, move || {
                    let report = move |changes, problem| dispatch.dispatch(Action::SinceLastVisit { changes, problem });
                    let stored = match read(&key, &kept) {
                        Ok(stored) => stored,
                        Err(problem) => return report(None, Some(problem)),
                    };
                    match glance(stored.as_ref(), Seen::of(&feed, covered, today())) {
                        Ok(seen) => report(None, seen.and_then(|seen| keep(&key, &kept, seen).err())),
                        Err(now) => wasm_bindgen_futures::spawn_local(async move {
                            let part = SinceView::load().await;
                            if kept.borrow().serial != serial {
                                return;
                            }
                            let Ok(part) = part else { return report(None, Some(Unmarked::NotLoaded)) };
                            let visit = (part.visit)(stored.as_ref(), &feed, now);
                            let problem = visit.keep.and_then(|seen| keep(&key, &kept, seen).err());
                            // Marks last only while what the reader saw stays kept.
                            let changes = Some(visit.changes).filter(|c| !c.is_empty() && problem.is_none());
                            report(changes.map(|c| ChangesRef(Rc::new(c))), problem);
                        }),
                    }
                })
            });
            move || drop(later)
        });
    }
    let feed = feed.clone();
    use_effect_with(state.since.acknowledged, move |serial| {
        if let (true, Some(covered)) = (*serial > 0, covered) {
            let problem = match read(&key, &kept) {
                Err(problem) => Some(problem),
                Ok(stored) => keep(&key, &kept, acknowledge(stored.as_ref(), Seen::of(&feed, covered, today()))).err(),
            };
            dispatch.dispatch(Action::SinceProblem(problem));
        }
    });
}

fn read(key: &str, kept: &Shared) -> Result<Option<Seen>, Unmarked> {
    let mut kept = kept.borrow_mut();
    if kept.seen.is_none() {
        kept.seen = Some(match storage::load(key) {
            Ok(text) => {
                let seen = text.as_deref().and_then(from_storage);
                kept.text = text;
                Ok(seen)
            }
            Err(_) => Err(Unmarked::Unavailable),
        });
    }
    kept.seen.clone().unwrap_or(Ok(None))
}

/// Keeps `seen`, as the core writes it (without names, or not at all, past its size limit).
fn keep(key: &str, kept: &Shared, seen: Seen) -> Result<(), Unmarked> {
    let text = match to_storage(&seen) {
        Ok(text) => text,
        Err(problem) => {
            // What is kept is out of date: it would only take room.
            let _ = storage::remove(key);
            let mut kept = kept.borrow_mut();
            (kept.seen, kept.text) = (Some(Ok(None)), None);
            return Err(problem);
        }
    };
    if kept.borrow().text.as_deref() != Some(text.as_str()) {
        storage::save(key, &text).map_err(|problem| match problem {
            StorageProblem::Unavailable => Unmarked::Unavailable,
            StorageProblem::WriteFailed => Unmarked::Full,
        })?;
    }
    let mut kept = kept.borrow_mut();
    (kept.seen, kept.text) = (Some(Ok(Some(seen))), Some(text));
    Ok(())
}

/// Today on the reader's calendar, as days since 1970-01-01.
fn today() -> u32 {
    let now = js_sys::Date::new_0();
    let local = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local / 86_400_000.0).floor().max(0.0) as u32
}
