//! The widget's state: everything the supporter can change, and every way they can change it.
//!
//! One [`Action`] per user intent (or per answer from the browser: a file arrived, storage
//! failed), one reducer ([`AppState::reduce`], in `reduce.rs`). Here rather than in the widget
//! so that every change is tested natively; the widget wraps it as yew's reducer. The feed is
//! shared (`Rc`) and never copied: the state holds only what the user changes — filters, the
//! shortlist, pending choices. Filtering itself is derived from this state with
//! [`crate::filter::run`], and a ZIP code's officials with [`crate::your_officials::find`].
//!
//! The steps that need a ZIP code's officials or the give run (`steps.rs`) are reached only
//! through a [`Steps`] table the caller passes: the widget loads them on first use, in a wasm
//! module of their own, and passes `None` until then.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::feed::Feed;
use crate::filter::FilterSpec;
use crate::give_run::{GiveRun, LeftOut};
use crate::i18n::{Lang, Msg};
use crate::share_link::View;
use crate::shortlist::{Entry, Removed, Shortlist};
use crate::since::{Changes, Unmarked};
use crate::states::StateSet;
use crate::your_officials::{DistrictChoice, YourOfficials};
use crate::zip_lookup::SavedZip;
use crate::zip_table::{Shard, Zip};

mod reduce;
mod steps;
#[cfg(test)]
mod tests;

pub use reduce::Action;
pub use steps::{not_loaded, Steps, STEPS};

/// The loaded feed, shared by every component and compared by pointer: a feed never changes
/// once loaded, and comparing 100,000 officials on every render would be slow.
#[derive(Clone, Debug)]
pub struct FeedRef(pub Rc<Feed>);

impl PartialEq for FeedRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for FeedRef {
    type Target = Feed;
    fn deref(&self) -> &Feed {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    /// Id of the official whose details are open.
    pub open: Option<String>,
    /// Counts openings, so each one shows a fresh dialog even if a close and a reopen arrive
    /// together (the browser may already have closed the old one).
    pub open_serial: u32,
    /// How the last change should enter the browser's history (it lives in the URL).
    pub history: HistoryMode,
    pub shortlist: Shortlist,
    /// A shortlist from a link, waiting for the visitor to replace, merge or dismiss.
    pub pending_share: Option<PendingShare>,
    /// The last removal or clearing, which "Undo" reverses.
    pub undo: Option<Undo>,
    /// Per official id: why the typed amount was not accepted.
    pub amount_errors: BTreeMap<String, Msg>,
    /// Per official id: what an amount field holds while the reader types in it (or what it
    /// held when refused). Shown instead of the shortlist's amount, so a change from another
    /// tab arriving mid-typing does not rewrite the field under the reader's fingers.
    pub amount_drafts: BTreeMap<String, String>,
    pub split_error: Option<Msg>,
    /// Message for the screen-reader live region and the visible status line.
    pub announcement: Announcement,
    /// "My officials": the officials of the reader's ZIP code are shown (part of the view, so
    /// it can be shared; the ZIP code itself never is).
    pub mine: bool,
    /// The reader's ZIP code and its lookup.
    pub zip: ZipState,
    /// The guided "Give to each" run over the shortlist, while one is under way.
    pub give: Option<GiveRun>,
    /// Who the run left out and why (names from the shortlist), said when it starts.
    pub give_left_out: Vec<(String, LeftOut)>,
    /// Why this browser does not keep the shortlist (storage disabled or full), if it does not:
    /// a catalogue key.
    pub storage_problem: Option<&'static str>,
    /// The last share link made, shown so it can be copied by hand.
    pub share_url: Option<String>,
    /// A shortlist shared in an address pasted while the page was open, waiting for the files
    /// of its officials' states (a sharded feed).
    pub waiting_link: Option<WaitingLink>,
    /// Ids of the officials picked to compare side by side, in the order picked (at most
    /// [`crate::compare::MAX_COMPARED`]).
    pub compare: Vec<String>,
    /// The comparison of `compare` is shown (part of the view, so it is in the address and in
    /// share links).
    pub comparing: bool,
    /// Counts showings, so each one is a fresh dialog (as `open_serial`).
    pub compare_serial: u32,
    /// Why the last pick was refused, or which officials of a link or an older feed were left
    /// out: said beside the picks and in the comparison, not only to screen readers.
    pub compare_note: Option<Msg>,
    /// The language the reader chose with the switch, or a link or the address named (`None`:
    /// the embedder's or the browser's). Part of the view.
    pub lang: Option<Lang>,
    /// Whether the map of the states is shown, and as tiles or as a table.
    pub map: crate::tile_map::MapMode,
    /// What changed since the reader's last visit, and the "Changed" filter.
    pub since: SinceState,
}

/// "Changed since your last visit": the reader's own, kept in their browser, never in the view
/// or a link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SinceState {
    /// What changed (`None`: nothing, a first visit, or not known yet).
    pub changes: Option<ChangesRef>,
    /// The "Changed" filter: only officials changed or new are listed.
    pub only_changed: bool,
    /// Counts "Mark all as seen": the widget then keeps the feed as it is now.
    pub acknowledged: u32,
    /// Why this browser cannot keep what the reader saw, if it cannot.
    pub problem: Option<Unmarked>,
}

/// What changed since the last visit, shared and compared by pointer like [`FeedRef`] (there
/// may be 100,000 marks).
#[derive(Clone, Debug)]
pub struct ChangesRef(pub Rc<Changes>);

impl PartialEq for ChangesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ChangesRef {
    type Target = Changes;
    fn deref(&self) -> &Changes {
        &self.0
    }
}

/// A shared link waiting for state files: its fragment, read again once they are in.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitingLink {
    pub fragment: String,
    pub states: StateSet,
}

/// The reader's ZIP code: typed, or saved in this browser on an earlier visit. It stays on the
/// device; only the three-digit name of one table file is ever requested for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZipState {
    pub zip: Option<Zip>,
    pub status: ZipStatus,
    /// For a ZIP code split between districts: the reader's pick.
    pub choice: DistrictChoice,
    /// The table file last fetched: a ZIP code with the same first three digits needs no other.
    pub shard: Option<Rc<Shard>>,
    /// The officials of the ZIP code, worked out once when it is found (and again when the feed
    /// is replaced): a pass over the whole feed, too slow to repeat on every render at 100k.
    pub your: Option<Rc<YourOfficials>>,
    /// What this browser keeps (`None`: nothing, or forgotten); the app writes it to storage.
    pub saved: Option<SavedZip>,
    /// Counts lookups: the app fetches a file for each, and an answer to an older one is dropped.
    pub serial: u32,
}

impl ZipState {
    /// The message under the ZIP code field, and whether it says the input is invalid:
    /// why it was not a ZIP code or could not be looked up, that a lookup is under way, or (with
    /// "my officials" asked for and no ZIP code) to type one.
    pub fn message(&self, mine: bool) -> (Option<Msg>, bool) {
        match &self.status {
            ZipStatus::Invalid(why) => (Some(why.clone()), true),
            ZipStatus::Failed(why) => (Some(why.clone()), false),
            ZipStatus::Looking => (self.zip.map(|z| Msg::new("zip.looking").text("zip", z.to_string())), false),
            ZipStatus::Idle | ZipStatus::Found if mine && self.zip.is_none() => {
                (Some(crate::zip_lookup::ask_for_zip()), false)
            }
            ZipStatus::Idle | ZipStatus::Found => (None, false),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ZipStatus {
    /// Nothing looked up (a saved ZIP code waits until the reader asks for their officials).
    #[default]
    Idle,
    /// What was typed is not a ZIP code: why.
    Invalid(Msg),
    /// Waiting for the table's file.
    Looking,
    /// The districts are known: `ZipState::shard` has them.
    Found,
    /// A message: the table does not know the ZIP code, or could not be reached or read.
    Failed(Msg),
}

/// What the table gave for a lookup (`Ok(None)`: no file, so the ZIP code is unknown), or why
/// there is no answer, in words for the reader.
pub type ZipArrival = Result<Option<Rc<Shard>>, Msg>;

#[derive(Clone, Debug, PartialEq)]
pub struct PendingShare {
    pub list: Shortlist,
    /// Whether the visitor must choose (they already had their own list).
    pub needs_choice: bool,
    pub problems: Vec<crate::i18n::Msg>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Removed(Removed),
    Cleared(Vec<Entry>),
    /// The list before it was replaced by a shared one.
    Replaced(Shortlist),
}

impl Undo {
    /// What "Undo" would undo, in words.
    pub fn describe(&self) -> Msg {
        match self {
            Undo::Removed(removed) => Msg::new("undo.removed").text("name", removed.entry.name.clone()),
            Undo::Cleared(entries) => Msg::new("undo.cleared").msg("count", crate::wording::officials(entries.len())),
            Undo::Replaced(_) => Msg::new("undo.replaced"),
        }
    }
}

/// How a change of view enters the browser's history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry, so Back undoes it: picking a filter, opening details.
    Push,
    /// In place of the current entry: typing a name, closing details, first load.
    #[default]
    Replace,
}

/// Text to announce; `serial` changes every time so a repeated message is announced again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    pub text: Msg,
    pub serial: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareChoice {
    Replace,
    Merge,
}

impl AppState {
    pub fn new(feed: FeedRef, filter: FilterSpec, mut shortlist: Shortlist) -> Self {
        shortlist.refresh_names(&feed);
        AppState {
            feed,
            filter,
            open: None,
            open_serial: 0,
            history: HistoryMode::Replace,
            shortlist,
            pending_share: None,
            undo: None,
            amount_errors: BTreeMap::new(),
            amount_drafts: BTreeMap::new(),
            split_error: None,
            announcement: Announcement::default(),
            mine: false,
            zip: ZipState::default(),
            give: None,
            give_left_out: Vec::new(),
            storage_problem: None,
            share_url: None,
            waiting_link: None,
            compare: Vec::new(),
            comparing: false,
            compare_serial: 0,
            compare_note: None,
            lang: None,
            since: SinceState::default(),
            map: crate::tile_map::MapMode::default(),
        }
    }

    /// Starts with a ZIP code saved in this browser, and a give run left unfinished.
    pub fn with_saved(mut self, zip: Option<SavedZip>, give: Option<GiveRun>) -> Self {
        self.zip.zip = zip.as_ref().map(|z| z.zip);
        self.zip.saved = zip;
        self.give = give;
        self.look_up_if_mine();
        self
    }

    /// Asking for "my officials" with a ZIP code known but not yet looked up starts the lookup.
    fn look_up_if_mine(&mut self) {
        if self.mine && self.zip.zip.is_some() && self.zip.status == ZipStatus::Idle {
            self.zip.status = ZipStatus::Looking;
            self.zip.serial = self.zip.serial.wrapping_add(1);
        }
    }

    /// The table file for `zip` is at hand: [`Steps::found`]. The part with the steps read the
    /// file, so it is in; were it not, the reader is told.
    fn found(&mut self, zip: Zip, steps: Option<&Steps>) {
        match steps {
            Some(steps) => (steps.found)(self, zip),
            None => {
                self.zip.status = ZipStatus::Failed(not_loaded(&zip));
                self.announce(not_loaded(&zip));
            }
        }
    }

    /// Forgets what official `id`'s amount field holds apart from the list, its draft and its
    /// error: the entry went, or the field's amount was taken.
    fn forget_amount_field(&mut self, id: &str) {
        self.amount_errors.remove(id);
        self.amount_drafts.remove(id);
    }

    /// [`Self::forget_amount_field`] for every entry: the list's amounts were all set, or it went.
    fn forget_amount_fields(&mut self) {
        self.amount_errors.clear();
        self.amount_drafts.clear();
    }

    /// Sets the message for the live region (and the visible status line).
    pub fn announce(&mut self, text: impl Into<Msg>) {
        self.announcement = Announcement { text: text.into(), serial: self.announcement.serial.wrapping_add(1) };
    }

    fn name_of(&self, id: &str) -> String {
        self.feed
            .official(id)
            .map(|o| o.name.clone())
            .or_else(|| self.shortlist.get(id).map(|e| e.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// A filter change is a step Back can undo.
    fn filter_changed(&mut self) {
        self.history = HistoryMode::Push;
    }

    /// A shortlist from a link. With no list of their own, the visitor gets it at once; with a
    /// different one, they are asked (the banner); the same list changes nothing.
    pub fn receive_shared(&mut self, list: Shortlist, problems: Vec<crate::i18n::Msg>) {
        let same = self.shortlist.same_list(&list);
        if self.shortlist.is_empty() {
            self.shortlist = list.clone();
            self.pending_share = Some(PendingShare { list, needs_choice: false, problems });
        } else if !same {
            self.pending_share = Some(PendingShare { list, needs_choice: true, problems });
        }
    }

    /// What the URL shows.
    pub fn view(&self) -> View {
        let compare = if self.comparing { self.compare.clone() } else { Vec::new() };
        View { filter: self.filter.clone(), open: self.open.clone(), mine: self.mine, compare, lang: self.lang }
    }

    /// What the page address keeps (the widget's parameter, when it syncs the address): the
    /// view, and while a shared list waits for the visitor's choice, that list too, so that a
    /// reload still asks and the view they chose meanwhile is kept (the address never says one
    /// view while the screen shows another). `None`: the starting view, nothing waiting.
    pub fn address(&self, sharded: bool) -> Option<String> {
        let view = self.view();
        let waiting = self.pending_share.as_ref().map(|p| &p.list);
        (view != View::default() || waiting.is_some())
            .then(|| crate::share_link::encode_for(&view, waiting, &self.feed, sharded))
    }

    /// The comparison a view asks for (Back/Forward, an address, a link): its officials become
    /// the picks, and it is shown if there are enough of them. A view without one closes it and
    /// keeps the picks.
    fn restore_comparison(&mut self, compare: Vec<String>) {
        let was_comparing = self.comparing;
        self.compare_note = None;
        if compare.is_empty() {
            self.comparing = false;
            return;
        }
        self.compare = compare;
        let missing = crate::compare::keep_in_feed(&mut self.compare, &self.feed);
        if missing > 0 {
            self.compare_note = Some(crate::compare::missing_text(missing));
        }
        self.comparing = crate::compare::can_show(self.compare.len());
        if self.comparing && !was_comparing {
            self.compare_serial = self.compare_serial.wrapping_add(1);
        }
    }

    /// Says `text` beside the picks and to screen readers.
    fn compare_says(&mut self, text: Msg) {
        self.announce(text.clone());
        self.compare_note = Some(text);
    }
}

/// What the amount field of a shortlist entry shows, given [`AppState::amount_drafts`]: the
/// reader's draft if they are typing in it or it was refused, else the entry's amount.
pub fn amount_field(drafts: &BTreeMap<String, String>, entry: &crate::shortlist::Entry) -> String {
    match drafts.get(&entry.id) {
        Some(draft) => draft.clone(),
        None => entry.amount.plain(),
    }
}
