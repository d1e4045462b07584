//! Every change, one [`Action`] each, and the reducer that makes it.

use std::rc::Rc;

use super::*;
use crate::filter::{SortKey, StanceChoice};
use crate::i18n::Msg;
use crate::money::Cents;
use crate::shortlist::AddError;
use crate::since::Unmarked;
use crate::states::State;
use crate::zip_table::unknown_message;

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
    /// The reader picked a language with the switch: a new history entry, nothing else changes.
    SetLang(Lang),
    /// A shortlist arrived in a link (on load, or pasted into the address while open).
    ReceiveShared {
        list: Shortlist,
        problems: Vec<crate::i18n::Msg>,
    },
    Add {
        id: String,
    },
    Remove {
        id: String,
    },
    Undo,
    ClearShortlist,
    /// An amount field was left, or Enter pressed in it: take what it holds.
    SetAmount {
        id: String,
        text: String,
    },
    /// A keystroke in an amount field: what it holds now, not yet taken.
    TypeAmount {
        id: String,
        text: String,
    },
    /// Focus left an amount field (after its `SetAmount`, if it changed).
    LeaveAmount {
        id: String,
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
    Announce(Msg),
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
    /// This browser would not keep the shortlist (why), or keeps it again (`None`).
    StorageProblem(Option<&'static str>),
    /// The shortlist as merged with another tab's changes (`shortlist::Synced`).
    SyncShortlist(Shortlist),
    /// A share link was made: show it, so it can be copied by hand.
    ShowShareUrl(String),
    /// A shared list pasted while open waits for its states' files (`None`: it was read).
    WaitForStates(Option<WaitingLink>),
    /// Pick an official to compare side by side, or take them back if picked (a column's
    /// "Remove" too).
    ToggleCompare(String),
    /// "Compare side by side": show the comparison of the picks.
    ShowComparison,
    CloseComparison,
    /// Unpick everyone (and close the comparison).
    ClearCompare,
    /// What could not be read of a link's comparison (`Decoded::compare_note`), after the view
    /// was restored.
    CompareNote(Msg),
    /// What changed since the reader's last visit (`None`: nothing, or a first visit), and why
    /// this browser cannot keep what the reader saw, if it cannot.
    SinceLastVisit {
        changes: Option<ChangesRef>,
        problem: Option<Unmarked>,
    },
    /// The browser cannot keep what the reader saw (why), or can again (`None`).
    SinceProblem(Option<Unmarked>),
    /// The "Changed" filter on or off.
    ShowChanged(bool),
    /// "Mark all as seen": the marks go, and the feed as it is now is what the reader saw.
    MarkAllSeen,
    /// Show or hide the map of the states, or switch it between tiles and a table.
    ShowMap(crate::tile_map::MapMode),
}

impl AppState {
    /// Makes the change `action` asks for. `steps`: the steps loaded on first use, if they are
    /// in (the widget's lookup part; always [`STEPS`] natively).
    pub fn reduce(&mut self, action: Action, steps: Option<&Steps>) {
        let s = self;
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
                s.announce(Msg::new("said.state_removed").state("state", state));
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
                s.since.only_changed = false;
                s.filter_changed();
                s.announce(Msg::new("said.filters_cleared"));
            }
            Action::SetLang(lang) => {
                s.lang = Some(lang);
                s.history = HistoryMode::Push;
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
                s.lang = view.lang;
                s.restore_comparison(view.compare);
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
                    Ok(()) => s.announce(Msg::new("said.added").text("name", name).count("n", s.shortlist.len())),
                    Err(AddError::Full) => s.announce(Msg::new("said.full")),
                    Err(AddError::AlreadyListed) => {}
                }
            }
            Action::Remove { id } => {
                if let Some(removed) = s.shortlist.remove(&id) {
                    s.forget_amount_field(&id);
                    s.announce(Msg::new("said.removed").text("name", removed.entry.name.clone()));
                    s.undo = Some(Undo::Removed(removed));
                }
            }
            Action::Undo => match s.undo.take() {
                Some(Undo::Removed(removed)) => {
                    let name = removed.entry.name.clone();
                    s.shortlist.undo_remove(removed);
                    s.announce(Msg::new("said.put_back").text("name", name));
                }
                Some(Undo::Cleared(entries)) => {
                    s.shortlist.undo_clear(entries);
                    s.announce(Msg::new("said.restored"));
                }
                Some(Undo::Replaced(previous)) => {
                    s.shortlist = previous;
                    s.announce(Msg::new("said.own_back"));
                }
                None => {}
            },
            Action::ClearShortlist => {
                let entries = s.shortlist.clear();
                if !entries.is_empty() {
                    s.forget_amount_fields();
                    s.announce(Msg::new("said.cleared"));
                    s.undo = Some(Undo::Cleared(entries));
                }
            }
            Action::SetAmount { id, text } => match Cents::parse_gift(&text) {
                Ok(amount) => {
                    let _ = s.shortlist.set_amount(&id, amount);
                    s.forget_amount_field(&id);
                    s.split_error = None;
                }
                Err(problem) => {
                    s.amount_errors.insert(id.clone(), problem.msg());
                    s.amount_drafts.insert(id, text);
                }
            },
            Action::TypeAmount { id, text } => {
                s.amount_drafts.insert(id, text);
            }
            // What was refused stays in view beside its error until it is mended.
            Action::LeaveAmount { id } => {
                if !s.amount_errors.contains_key(&id) {
                    s.amount_drafts.remove(&id);
                }
            }
            Action::SetGiven { id, given } => s.shortlist.set_given(&id, given),
            Action::Move { id, to } => s.shortlist.move_to(&id, to),
            Action::SplitBudget(text) => {
                let result = Cents::parse(&text)
                    .map_err(|e| e.msg())
                    .and_then(|budget| s.shortlist.split_budget(budget).map(|()| budget).map_err(|e| e.msg()));
                match result {
                    Ok(budget) => {
                        s.split_error = None;
                        s.forget_amount_fields();
                        s.announce(Msg::new("said.split").money("amount", budget).count("n", s.shortlist.len()));
                    }
                    Err(message) => s.split_error = Some(message),
                }
            }
            Action::ResolveShare(choice) => {
                if let Some(pending) = s.pending_share.take() {
                    match choice {
                        Some(ShareChoice::Replace) => {
                            let previous = std::mem::replace(&mut s.shortlist, pending.list);
                            s.forget_amount_fields();
                            s.undo = Some(Undo::Replaced(previous));
                            s.announce(Msg::new("said.replaced"));
                        }
                        Some(ShareChoice::Merge) => {
                            let summary = s.shortlist.merge(pending.list.entries());
                            s.announce(Msg::new("said.merged").count("n", summary.added));
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
                let missing = crate::compare::keep_in_feed(&mut s.compare, &s.feed);
                if missing > 0 {
                    s.compare_says(crate::compare::missing_text(missing));
                    s.comparing &= crate::compare::can_show(s.compare.len());
                }
                // A sharded feed's state files arrived (those of the ZIP code's states, say).
                if let (Some(zip), ZipStatus::Found, Some(steps)) = (s.zip.zip, &s.zip.status, steps) {
                    s.zip.your = (steps.your_officials)(s, zip).map(Rc::new);
                }
            }
            Action::LookUpZip(text) => match Zip::parse(&text) {
                Err(problem) => {
                    s.zip.status = ZipStatus::Invalid(problem.msg());
                    s.announce(problem.msg());
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
                            Some(shard) if shard.prefix == zip.prefix() => s.found(zip, steps),
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
                            s.found(zip, steps);
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
                if let Some(steps) = steps {
                    (steps.chose)(s);
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
                s.announce(Msg::new("said.zip_forgotten"));
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
                if let Some(steps) = steps {
                    (steps.give_step)(s, &action);
                }
            }
            Action::StopGiving => {
                s.give = None;
                s.give_left_out.clear();
            }
            Action::StorageProblem(problem) => s.storage_problem = problem,
            Action::SyncShortlist(mut list) => {
                list.refresh_names(&s.feed);
                s.shortlist = list;
                s.announce(Msg::new("said.other_tab"));
            }
            Action::ShowShareUrl(url) => s.share_url = Some(url),
            Action::WaitForStates(link) => s.waiting_link = link,
            Action::ShowMap(mode) => s.map = mode,
            Action::ToggleCompare(id) => {
                let name = s.name_of(&id);
                match crate::compare::toggle(&mut s.compare, &id, &s.feed) {
                    Ok(picked) => {
                        s.compare_note = None;
                        s.announce(crate::compare::picked_text(picked, &name, s.compare.len()));
                        if s.comparing {
                            // A column removed: the view changed. Below two, there is nothing
                            // left to compare, and the picks stay for the next comparison.
                            s.history = HistoryMode::Push;
                            if !crate::compare::can_show(s.compare.len()) {
                                s.comparing = false;
                                s.compare_says(crate::compare::too_few_text(s.compare.len()));
                            }
                        }
                    }
                    Err(refused) => s.compare_says(crate::compare::refused_text(refused, &name)),
                }
            }
            Action::ShowComparison => {
                if crate::compare::can_show(s.compare.len()) {
                    s.comparing = true;
                    s.compare_serial = s.compare_serial.wrapping_add(1);
                    s.compare_note = None;
                    // One dialog at a time; a link made before showed another view.
                    s.open = None;
                    s.share_url = None;
                    s.history = HistoryMode::Push;
                } else {
                    s.compare_says(crate::compare::too_few_text(s.compare.len()));
                }
            }
            Action::CloseComparison => {
                if s.comparing {
                    s.comparing = false;
                    s.share_url = None;
                    s.history = HistoryMode::Replace;
                }
            }
            Action::ClearCompare => {
                if s.comparing {
                    s.history = HistoryMode::Push;
                }
                s.compare.clear();
                s.comparing = false;
                s.compare_note = None;
                s.announce(Msg::new("said.compare_cleared"));
            }
            Action::CompareNote(note) => s.compare_says(note),
            Action::SinceLastVisit { changes, problem } => {
                s.since.changes = changes.filter(|c| !c.is_empty());
                s.since.only_changed &= s.since.changes.is_some();
                s.since.problem = problem;
            }
            Action::SinceProblem(problem) => s.since.problem = problem,
            Action::ShowChanged(on) => s.since.only_changed = on && s.since.changes.is_some(),
            Action::MarkAllSeen => {
                if s.since.changes.take().is_some() {
                    s.since.only_changed = false;
                    s.since.acknowledged = s.since.acknowledged.wrapping_add(1);
                    s.announce(Msg::new("said.all_seen"));
                }
            }
        }
    }
}
