//! Everything the supporter can change, and every way they can change it.
//!
//! One [`Action`] per user intent, one reducer. The feed is shared (`Rc`) and never copied:
//! the state holds only what the user changes — filters, the shortlist, pending choices.
//! Filtering itself is derived from this state by the app with `scorecard_core::filter::run`,
//! and a ZIP code's officials with `scorecard_core::your_officials::find`.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::feed::Feed;
use scorecard_core::filter::{FilterSpec, SortKey, StanceChoice};
use scorecard_core::give_run::{GiveRun, LeftOut};
use scorecard_core::money::Cents;
use scorecard_core::share_link::View;
use scorecard_core::shortlist::{AddError, Entry, Removed, Shortlist};
use scorecard_core::states::State;
use scorecard_core::your_officials::{find, DistrictChoice, YourOfficials};
use scorecard_core::zip_lookup::{present, SavedZip};
use scorecard_core::zip_table::{lookup, unknown_message, Shard, Zip, ZipAnswer};
use yew::Reducible;

use crate::lazy::Part;
use crate::lookup::{self, Lookup};

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
    pub amount_errors: BTreeMap<String, String>,
    pub split_error: Option<String>,
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ZipStatus {
    /// Nothing looked up (a saved ZIP code waits until the reader asks for their officials).
    #[default]
    Idle,
    /// What was typed is not a ZIP code: why.
    Invalid(String),
    /// Waiting for the table's file.
    Looking,
    /// The districts are known: `ZipState::shard` has them.
    Found,
    /// A message: the table does not know the ZIP code, or could not be reached or read.
    Failed(String),
}

/// What the table gave for a lookup (`Ok(None)`: no file, so the ZIP code is unknown), or why
/// there is no answer, in words for the reader.
pub type ZipArrival = Result<Option<Rc<Shard>>, String>;

#[derive(Clone, Debug, PartialEq)]
pub struct PendingShare {
    pub list: Shortlist,
    /// Whether the visitor must choose (they already had their own list).
    pub needs_choice: bool,
    pub problems: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Removed(Removed),
    Cleared(Vec<Entry>),
    /// The list before it was replaced by a shared one.
    Replaced(Shortlist),
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
    pub text: String,
    pub serial: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareChoice {
    Replace,
    Merge,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetQuestion(String),
    AddState(State),
    RemoveState(State),
    ToggleStance(StanceChoice),
    /// Empty string: all positions.
    SetPosition(String),
    /// Empty string: all parties.
    SetParty(String),
    SetName(String),
    SetSort(SortKey),
    ClearFilters,
    OpenOfficial(String),
    CloseOfficial,
    /// Back/Forward or an edited address: show that view (it is already in the URL).
    RestoreView(View),
    /// A shortlist arrived in a link (on load, or pasted into the address while open).
    ReceiveShared {
        list: Shortlist,
        problems: Vec<String>,
    },
    Add {
        id: String,
    },
    Remove {
        id: String,
    },
    Undo,
    ClearShortlist,
    SetAmount {
        id: String,
        text: String,
    },
    SetGiven {
        id: String,
        given: bool,
    },
    Move {
        id: String,
        to: usize,
    },
    SplitBudget(String),
    ResolveShare(Option<ShareChoice>),
    Announce(String),
    /// A newer copy of the feed arrived (a retry got through): keep the filters, the shortlist
    /// and the open official wherever they still mean something.
    ReplaceFeed(FeedRef),
    /// The reader asks for the officials of what they typed in the ZIP code field.
    LookUpZip(String),
    /// The table's file for lookup number `serial` arrived (`Ok(None)`: there is none, so the
    /// ZIP code is unknown), or could not be had.
    ZipArrived {
        serial: u32,
        arrival: ZipArrival,
    },
    /// Which district of a split ZIP code is the reader's.
    ChooseDistrict(DistrictChoice),
    /// Show "Your officials" (looking up a saved ZIP code if need be), or go back to the list.
    ShowMine(bool),
    /// Forget the saved ZIP code, here and in this browser's storage.
    ForgetZip,
    /// A group too long for "Your officials": show all of it in the list (its state and
    /// position as the filters).
    ShowInList {
        state: State,
        position: Option<String>,
    },
    /// "Give to each": start a run over the shortlist.
    StartGiving,
    /// The reader opened the current official's page.
    GiveOpened,
    /// "Did you give?"
    GiveAnswered(bool),
    GiveSkipped,
    StopGiving,
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
            split_error: None,
            announcement: Announcement::default(),
            mine: false,
            zip: ZipState::default(),
            give: None,
            give_left_out: Vec::new(),
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

    /// The table file for `zip` is at hand: [`found_in_table`], through the lookup's part. That
    /// part read the file, so it is in; were it not, the reader is told.
    fn found(&mut self, zip: Zip) {
        match Lookup::get() {
            Some(part) => (part.found)(self, zip),
            None => {
                self.zip.status = ZipStatus::Failed(lookup::not_loaded(&zip));
                self.announce(lookup::not_loaded(&zip));
            }
        }
    }

    /// Sets the message for the live region (and the visible status line).
    pub fn announce(&mut self, text: impl Into<String>) {
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
    pub fn receive_shared(&mut self, list: Shortlist, problems: Vec<String>) {
        let same = self
            .shortlist
            .entries()
            .iter()
            .map(|e| (&e.id, e.amount))
            .eq(list.entries().iter().map(|e| (&e.id, e.amount)));
        if self.shortlist.is_empty() {
            self.shortlist = list.clone();
            self.pending_share = Some(PendingShare { list, needs_choice: false, problems });
        } else if !same {
            self.pending_share = Some(PendingShare { list, needs_choice: true, problems });
        }
    }

    /// What the URL shows.
    pub fn view(&self) -> View {
        View { filter: self.filter.clone(), open: self.open.clone(), mine: self.mine }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetQuestion(id) => {
                s.filter.question = Some(id);
                // Stance ids belong to a question; they mean nothing for another one.
                s.filter.stances.clear();
                s.filter_changed();
            }
            Action::AddState(state) => {
                s.filter.states.insert(state);
                s.filter_changed();
            }
            Action::RemoveState(state) => {
                s.filter.states.remove(state);
                s.filter_changed();
                s.announce(format!("Removed {} from the state filter", state.name()));
            }
            Action::ToggleStance(choice) => {
                s.filter.toggle_stance(choice);
                s.filter_changed();
            }
            Action::SetPosition(position) => {
                s.filter.positions = Some(position).filter(|p| !p.is_empty()).into_iter().collect();
                s.filter_changed();
            }
            Action::SetParty(party) => {
                s.filter.parties = Some(party).filter(|p| !p.is_empty()).into_iter().collect();
                s.filter_changed();
            }
            Action::SetName(name) => {
                s.filter.name = name;
                s.filter_changed();
                // One history entry per keystroke would make Back useless.
                s.history = HistoryMode::Replace;
            }
            Action::SetSort(sort) => {
                s.filter.sort = sort;
                s.history = HistoryMode::Push;
            }
            Action::ClearFilters => {
                s.filter.clear_filters();
                s.filter_changed();
                s.announce("All filters cleared");
            }
            Action::OpenOfficial(id) => {
                s.open = Some(id);
                s.open_serial = s.open_serial.wrapping_add(1);
                s.history = HistoryMode::Push;
            }
            Action::CloseOfficial => {
                s.open = None;
                s.history = HistoryMode::Replace;
            }
            Action::RestoreView(view) => {
                s.filter = view.filter;
                s.open = view.open;
                s.mine = view.mine;
                s.history = HistoryMode::Replace;
                s.look_up_if_mine();
            }
            Action::Add { id } => {
                let name = s.name_of(&id);
                let added = match s.feed.official(&id) {
                    // Its state tells a sharded feed which file to load for it next time.
                    Some(official) => s.shortlist.add_official(official),
                    None => s.shortlist.add(&id, &name),
                };
                match added {
                    Ok(()) => s.announce(format!("Added {name} to your shortlist ({} in all)", s.shortlist.len())),
                    Err(AddError::Full) => s.announce("Your shortlist is full; remove someone first."),
                    Err(AddError::AlreadyListed) => {}
                }
            }
            Action::Remove { id } => {
                if let Some(removed) = s.shortlist.remove(&id) {
                    s.amount_errors.remove(&id);
                    s.announce(format!("Removed {} from your shortlist", removed.entry.name));
                    s.undo = Some(Undo::Removed(removed));
                }
            }
            Action::Undo => match s.undo.take() {
                Some(Undo::Removed(removed)) => {
                    let name = removed.entry.name.clone();
                    s.shortlist.undo_remove(removed);
                    s.announce(format!("Put {name} back on your shortlist"));
                }
                Some(Undo::Cleared(entries)) => {
                    s.shortlist.undo_clear(entries);
                    s.announce("Shortlist restored");
                }
                Some(Undo::Replaced(previous)) => {
                    s.shortlist = previous;
                    s.announce("Your own shortlist is back");
                }
                None => {}
            },
            Action::ClearShortlist => {
                let entries = s.shortlist.clear();
                if !entries.is_empty() {
                    s.amount_errors.clear();
                    s.announce("Shortlist cleared");
                    s.undo = Some(Undo::Cleared(entries));
                }
            }
            Action::SetAmount { id, text } => match Cents::parse_gift(&text) {
                Ok(amount) => {
                    let _ = s.shortlist.set_amount(&id, amount);
                    s.amount_errors.remove(&id);
                    s.split_error = None;
                }
                Err(problem) => {
                    s.amount_errors.insert(id, problem.to_string());
                }
            },
            Action::SetGiven { id, given } => s.shortlist.set_given(&id, given),
            Action::Move { id, to } => s.shortlist.move_to(&id, to),
            Action::SplitBudget(text) => {
                let result = Cents::parse(&text)
                    .map_err(|e| e.to_string())
                    .and_then(|budget| s.shortlist.split_budget(budget).map(|()| budget).map_err(|e| e.to_string()));
                match result {
                    Ok(budget) => {
                        s.split_error = None;
                        s.amount_errors.clear();
                        s.announce(format!("Split {budget} across {} officials", s.shortlist.len()));
                    }
                    Err(message) => s.split_error = Some(message),
                }
            }
            Action::ResolveShare(choice) => {
                if let Some(pending) = s.pending_share.take() {
                    match choice {
                        Some(ShareChoice::Replace) => {
                            let previous = std::mem::replace(&mut s.shortlist, pending.list);
                            s.undo = Some(Undo::Replaced(previous));
                            s.announce("Your shortlist was replaced with the shared one");
                        }
                        Some(ShareChoice::Merge) => {
                            let summary = s.shortlist.merge(pending.list.entries());
                            s.announce(format!("Added {} officials from the shared shortlist", summary.added));
                        }
                        None => {}
                    }
                }
            }
            Action::ReceiveShared { list, problems } => s.receive_shared(list, problems),
            Action::Announce(text) => s.announce(text),
            Action::ReplaceFeed(feed) => {
                s.shortlist.refresh_names(&feed);
                if s.open.as_deref().is_some_and(|id| feed.official_index(id).is_none()) {
                    s.open = None;
                }
                if s.filter.question.as_deref().is_some_and(|id| feed.question_index(id).is_none()) {
                    s.filter.question = None;
                    s.filter.stances.clear();
                }
                s.feed = feed;
                // A sharded feed's state files arrived (those of the ZIP code's states, say).
                if let (Some(zip), ZipStatus::Found, Some(part)) = (s.zip.zip, &s.zip.status, Lookup::get()) {
                    s.zip.your = (part.your_officials)(&s, zip).map(Rc::new);
                }
            }
            Action::LookUpZip(text) => match Zip::parse(&text) {
                Err(problem) => {
                    s.zip.status = ZipStatus::Invalid(problem.to_string());
                    s.announce(problem.to_string());
                }
                Ok(zip) => {
                    if !s.mine {
                        s.mine = true;
                        s.history = HistoryMode::Push;
                    }
                    let again = s.zip.zip == Some(zip) && s.zip.status == ZipStatus::Found;
                    if !again {
                        s.zip.zip = Some(zip);
                        s.zip.serial = s.zip.serial.wrapping_add(1);
                        match &s.zip.shard {
                            // The file of these three digits is here already.
                            Some(shard) if shard.prefix == zip.prefix() => s.found(zip),
                            _ => s.zip.status = ZipStatus::Looking,
                        }
                    }
                }
            },
            Action::ZipArrived { serial, arrival } => {
                if let (Some(zip), true) = (s.zip.zip, serial == s.zip.serial && s.zip.status == ZipStatus::Looking) {
                    match arrival {
                        Ok(Some(shard)) => {
                            s.zip.shard = Some(shard);
                            s.found(zip);
                        }
                        Ok(None) => {
                            s.zip.status = ZipStatus::Failed(unknown_message(&zip));
                            s.announce(unknown_message(&zip));
                        }
                        Err(message) => {
                            s.zip.status = ZipStatus::Failed(message.clone());
                            s.announce(message);
                        }
                    }
                }
            }
            Action::ChooseDistrict(choice) => {
                s.zip.choice = choice;
                // Officials found means the lookup's part is in.
                if let Some(part) = Lookup::get() {
                    (part.chose)(&mut s);
                }
            }
            Action::ShowMine(mine) => {
                if s.mine != mine {
                    s.mine = mine;
                    s.history = HistoryMode::Push;
                }
                s.look_up_if_mine();
            }
            Action::ForgetZip => {
                s.zip = ZipState { serial: s.zip.serial.wrapping_add(1), ..ZipState::default() };
                s.announce("Your ZIP code was forgotten: it is no longer saved in this browser.");
            }
            Action::ShowInList { state, position } => {
                s.filter.clear_filters();
                s.filter.states.insert(state);
                s.filter.positions = position.into_iter().collect();
                s.mine = false;
                s.history = HistoryMode::Push;
            }
            Action::StartGiving => {
                let (run, left_out) = GiveRun::start(&s.shortlist, &s.feed);
                s.give_left_out = left_out.into_iter().map(|(id, why)| (s.name_of(&id), why)).collect();
                s.give = Some(run);
            }
            // Only the run's own view (in the lookup's part) sends these, so that part is in.
            Action::GiveOpened | Action::GiveAnswered(_) | Action::GiveSkipped => {
                if let Some(part) = Lookup::get() {
                    (part.give_step)(&mut s, &action);
                }
            }
            Action::StopGiving => {
                s.give = None;
                s.give_left_out.clear();
            }
        }
        Rc::new(s)
    }
}

// The reducer's steps behind the lookup's part (src/lookup.rs): the reducer above reaches them
// only through that part's table, so their code (and what only they use: matching districts
// to officials, the words shown for them, the give run's steps) is in its wasm module, loaded
// when a reader first uses "Your officials" or "Give to each".

/// The lookup found districts for the ZIP code: the reader's saved pick, the narrowing of a feed
/// without districts, and one sentence for screen readers.
pub(crate) fn found_in_table(s: &mut AppState, zip: Zip) {
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
pub(crate) fn your_officials(s: &AppState, zip: Zip) -> Option<YourOfficials> {
    let shard = s.zip.shard.as_ref()?;
    match lookup(Some(shard), &zip) {
        ZipAnswer::Districts(districts) => Some(find(&s.feed, &districts, shard.period.as_deref())),
        ZipAnswer::Unknown => None,
    }
}

/// A district of a split ZIP code was picked (`s.zip.choice`): keep it, and say who that is.
pub(crate) fn chose_district(s: &mut AppState) {
    if let (Some(zip), Some(your)) = (s.zip.zip, s.zip.your.clone()) {
        s.zip.saved = Some(SavedZip::new(zip, Some(&your), s.zip.choice));
        s.announce(present(&s.feed, &your, s.zip.choice, &zip).summary);
    }
}

/// A step of the give run: its page opened, "Did you give?" answered, or skipped.
pub(crate) fn give_step(s: &mut AppState, action: &Action) {
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
