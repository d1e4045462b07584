//! "Your officials" past its field, and "Give to each" past its button: a part loaded on first
//! use (src/lazy.rs). The ZIP code field and the "Give to each" button are drawn by the main
//! module, exactly as the build-time first screen shows them; what they lead to is here: reading
//! the ZIP table's file, finding the feed's officials for its districts, the reducer's steps that
//! use them, drawing them (the district chooser, the groups), and the guided give run.
//!
//! The part is fetched as soon as a reader shows they are about to use it (the ZIP code field
//! or the "Give to each" button gets focus or a pointer; a lookup or a run starts), so that by
//! the fifth digit it is usually in. If it cannot be loaded, the lookup says so next to the field
//! and the give run in its place; the rest of the widget goes on.

use scorecard_core::app_state::{Steps, STEPS};
use scorecard_core::your_officials::YourOfficials;
use scorecard_core::zip_table::{Shard, Zip};
use yew::prelude::*;

use crate::components::{give_run_steps, your_officials_found, GiveRunStepsProps, YourOfficialsProps};
use crate::lazy::lazy_part;

lazy_part! {
    in_widget
    /// Everything behind the ZIP code field and the "Give to each" button.
    pub(crate) struct Lookup: &'static LookupPart = your_officials => &LOOKUP;
}

/// What the main module calls in the lookup's part.
pub(crate) struct LookupPart {
    /// Reads one ZIP table file.
    pub(crate) parse_shard: fn(&[u8]) -> Result<Shard, String>,
    /// The reducer's steps (the core's `app_state::Steps`): the table file for a ZIP code is at
    /// hand; the officials of a ZIP code again (the feed was replaced); a district picked; a
    /// step of the give run.
    pub(crate) steps: &'static Steps,
    /// "Your officials" for a found ZIP code: its heading, and the chooser, notes and groups.
    pub(crate) found_view: fn(&YourOfficialsProps, &Zip, &YourOfficials, &str, &crate::i18n::I18n) -> (String, Html),
    /// The give run under way.
    pub(crate) give_run: fn(GiveRunStepsProps) -> Html,
}

static LOOKUP: LookupPart =
    LookupPart { parse_shard: Shard::parse, steps: &STEPS, found_view: your_officials_found, give_run: give_run_steps };
