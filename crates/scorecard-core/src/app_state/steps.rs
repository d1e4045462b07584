//! The reducer's steps that need a ZIP code's officials or the give run. The reducer reaches
//! them only through a [`Steps`] table it is given: the widget's table is in its lookup part
//! (src/lookup.rs), so their code (and what only they use: matching districts to officials,
//! the words shown for them, the give run's steps) is in that part's wasm module, loaded when a
//! reader first uses "Your officials" or "Give to each".

use std::rc::Rc;

use super::{Action, AppState, ZipStatus};
use crate::i18n::Msg;
use crate::your_officials::{find, DistrictChoice, YourOfficials};
use crate::zip_lookup::{present, SavedZip};
use crate::zip_table::{lookup, unknown_message, Zip, ZipAnswer};

/// The steps, as function pointers: calling through the table never names the functions, so
/// they stay out of the widget's main module.
pub struct Steps {
    /// The table file for a ZIP code is at hand.
    pub found: fn(&mut AppState, Zip),
    /// The officials of a ZIP code again (the feed was replaced).
    pub your_officials: fn(&AppState, Zip) -> Option<YourOfficials>,
    /// A district of a split ZIP code was picked.
    pub chose: fn(&mut AppState),
    /// A step of the give run.
    pub give_step: fn(&mut AppState, &Action),
}

/// The steps (the widget names this table only in its lookup part).
pub static STEPS: Steps = Steps { found: found_in_table, your_officials, chose: chose_district, give_step };

/// Says that the steps' part could not be loaded, for `zip`.
pub fn not_loaded(zip: &Zip) -> Msg {
    Msg::new("zip.failed.part").text("zip", zip.to_string())
}

/// The lookup found districts for the ZIP code: the reader's saved pick, the narrowing of a feed
/// without districts, and one sentence for screen readers.
fn found_in_table(s: &mut AppState, zip: Zip) {
    let Some(your) = your_officials(s, zip) else {
        s.zip.status = ZipStatus::Failed(unknown_message(&zip));
        s.announce(unknown_message(&zip));
        return;
    };
    let same_place = s.zip.saved.as_ref().filter(|saved| saved.zip == zip);
    s.zip.choice = same_place.map_or(DistrictChoice::All, |saved| saved.choice(&your));
    s.zip.status = ZipStatus::Found;
    s.zip.saved = Some(SavedZip::new(zip, Some(&your), s.zip.choice));
    let shown = present(&s.feed, &your, s.zip.choice, &zip);
    if let Some(states) = shown.narrow_to {
        s.filter.states = states;
    }
    s.announce(shown.summary);
    s.zip.your = Some(Rc::new(your));
}

/// The feed's officials for `zip`, from the table file at hand.
fn your_officials(s: &AppState, zip: Zip) -> Option<YourOfficials> {
    let shard = s.zip.shard.as_ref()?;
    match lookup(Some(shard), &zip) {
        ZipAnswer::Districts(districts) => Some(find(&s.feed, &districts, shard.period.as_deref())),
        ZipAnswer::Unknown => None,
    }
}

/// A district of a split ZIP code was picked (`s.zip.choice`): keep it, and say who that is.
fn chose_district(s: &mut AppState) {
    if let (Some(zip), Some(your)) = (s.zip.zip, s.zip.your.clone()) {
        s.zip.saved = Some(SavedZip::new(zip, Some(&your), s.zip.choice));
        s.announce(present(&s.feed, &your, s.zip.choice, &zip).summary);
    }
}

/// A step of the give run: its page opened, "Did you give?" answered, or skipped.
fn give_step(s: &mut AppState, action: &Action) {
    let Some(mut run) = s.give.take() else { return };
    match action {
        Action::GiveOpened => run.opened(&s.shortlist, &s.feed),
        Action::GiveAnswered(gave) => {
            run.answer(*gave, &mut s.shortlist, &s.feed);
            s.announce(run.progress_text());
        }
        Action::GiveSkipped => run.skip(&s.shortlist, &s.feed),
        _ => {}
    }
    s.give = Some(run);
}
