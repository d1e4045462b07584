//! The reducer, natively: each action's change to the state, and what is announced.

use std::rc::Rc;

use super::*;
use crate::feed::load_json;
use crate::filter::{SortKey, StanceChoice};
use crate::money::Cents;
use crate::share_link::View;
use crate::states::State;
use crate::zip_table::Shard;

fn feed_of(officials: &str) -> FeedRef {
    let json = format!(
        r#"{{ "format_version": 1, "meta": {{ "title": "T" }},
             "questions": [
                {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Yes" }}, {{ "id": "n", "label": "No" }} ] }},
                {{ "id": "q2", "text": "Q2?", "stances": [ {{ "id": "y", "label": "Yes" }} ] }} ],
             "officials": [ {officials} ] }}"#
    );
    FeedRef(Rc::new(load_json(json.as_bytes()).feed.unwrap()))
}

const OFFICIALS: &str = r#"
    { "id": "ann", "name": "Ann Able", "state": "VT", "position": "Senator", "stances": { "q": { "stance": "y" } } },
    { "id": "bo", "name": "Bo Baker", "state": "VT", "position": "Representative", "district": "0" },
    { "id": "cy", "name": "Cy Cole", "state": "MN", "position": "Senator" }"#;

fn state() -> AppState {
    AppState::new(feed_of(OFFICIALS), FilterSpec::default(), Shortlist::default())
}

fn after(mut s: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
    for action in actions {
        s.reduce(action, Some(&STEPS));
    }
    s
}

fn list(ids: &[&str]) -> Shortlist {
    let mut list = Shortlist::default();
    for id in ids {
        list.add(id, id).unwrap();
    }
    list
}

fn vt() -> State {
    State::parse("VT").unwrap()
}

#[test]
fn filter_changes_are_history_steps_but_typing_is_not() {
    let s = after(state(), [Action::ToggleStance(StanceChoice::Stance("y".into()))]);
    assert_eq!(s.history, HistoryMode::Push);
    let s = after(s, [Action::SetQuestion("q2".into())]);
    assert!(s.filter.stances.is_empty(), "stances belong to a question");
    assert_eq!(s.filter.question.as_deref(), Some("q2"));
    let s = after(s, [Action::SetName("ann".into())]);
    assert_eq!((s.filter.name.as_str(), s.history), ("ann", HistoryMode::Replace));
    let s = after(s, [Action::SetSort(SortKey::default())]);
    assert_eq!(s.history, HistoryMode::Push);
}

#[test]
fn positions_and_parties_empty_means_all() {
    let s = after(state(), [Action::SetPosition("Senator".into())]);
    assert_eq!(s.filter.positions.len(), 1);
    let s = after(s, [Action::SetPosition(String::new()), Action::SetParty(String::new())]);
    assert!(s.filter.positions.is_empty() && s.filter.parties.is_empty());
}

#[test]
fn states_and_clearing_are_announced() {
    let s = after(state(), [Action::AddState(vt())]);
    assert!(s.filter.states.contains(vt()));
    let s = after(s, [Action::RemoveState(vt())]);
    assert_eq!(s.announcement.text.en(), "Removed Vermont from the state filter");
    let serial = s.announcement.serial;
    let s = after(s, [Action::AddState(vt()), Action::ClearFilters]);
    assert!(s.filter.states.is_empty());
    assert_eq!((s.announcement.text.en().as_str(), s.announcement.serial), ("All filters cleared", serial + 1));
}

#[test]
fn opening_and_closing_an_official() {
    let s = after(state(), [Action::OpenOfficial("ann".into())]);
    assert_eq!((s.open.as_deref(), s.open_serial, s.history), (Some("ann"), 1, HistoryMode::Push));
    let s = after(s, [Action::CloseOfficial, Action::OpenOfficial("ann".into())]);
    assert_eq!(s.open_serial, 2, "each opening is a fresh dialog");
    let s = after(s, [Action::CloseOfficial]);
    assert_eq!((s.open, s.history), (None, HistoryMode::Replace));
}

#[test]
fn adding_removing_and_undoing() {
    let s = after(state(), [Action::Add { id: "ann".into() }, Action::Add { id: "cy".into() }]);
    assert_eq!(s.announcement.text.en(), "Added Cy Cole to your shortlist (2 in all)");
    assert_eq!(s.shortlist.get("ann").and_then(|e| e.state), Some(vt()), "the state is kept for sharded feeds");
    let s = after(s, [Action::Remove { id: "ann".into() }]);
    assert_eq!(s.announcement.text.en(), "Removed Ann Able from your shortlist");
    assert_eq!(s.undo.as_ref().map(|u| u.describe().en()).as_deref(), Some("Removed Ann Able from your shortlist."));
    let s = after(s, [Action::Undo]);
    assert_eq!(s.shortlist.position("ann"), Some(0));
    assert_eq!(s.announcement.text.en(), "Put Ann Able back on your shortlist");
    let s = after(s, [Action::ClearShortlist]);
    assert!(s.shortlist.is_empty());
    assert_eq!(s.undo.as_ref().map(|u| u.describe().en()).as_deref(), Some("Cleared 2 officials from your shortlist."));
    let s = after(s, [Action::Undo]);
    assert_eq!((s.shortlist.len(), s.announcement.text.en().as_str()), (2, "Shortlist restored"));
    // An official no longer in the feed is listed under their id.
    let s = after(s, [Action::Add { id: "gone".into() }]);
    assert_eq!(s.shortlist.get("gone").map(|e| e.name.as_str()), Some("gone"));
}

#[test]
fn amounts_given_marks_order_and_budgets() {
    let s = after(AppState::new(feed_of(OFFICIALS), FilterSpec::default(), list(&["ann", "cy"])), []);
    assert_eq!(s.shortlist.get("ann").map(|e| e.name.as_str()), Some("Ann Able"), "names from the feed");
    let s = after(s, [Action::SetAmount { id: "ann".into(), text: "lots".into() }]);
    assert!(s.amount_errors.contains_key("ann"));
    let s = after(s, [Action::SetAmount { id: "ann".into(), text: "5".into() }]);
    assert!(s.amount_errors.is_empty());
    assert_eq!(s.shortlist.get("ann").map(|e| e.amount), Some(Cents(5_00)));
    let s = after(s, [Action::SetGiven { id: "ann".into(), given: true }, Action::Move { id: "cy".into(), to: 0 }]);
    assert_eq!((s.shortlist.get("ann").map(|e| e.given), s.shortlist.position("cy")), (Some(true), Some(0)));
    let s = after(s, [Action::SplitBudget("nothing".into())]);
    assert!(s.split_error.is_some());
    let s = after(s, [Action::SplitBudget("20".into())]);
    assert_eq!(s.split_error, None);
    assert_eq!(s.shortlist.total(), Cents(20_00));
    assert_eq!(s.announcement.text.en(), "Split $20 across 2 officials");
}

#[test]
fn the_address_is_the_view_and_a_waiting_shared_list() {
    use crate::share_link::decode;
    let s = state();
    assert_eq!(s.address(false), None, "the starting view needs no address");
    let s = after(s, [Action::AddState(State::parse("VT").unwrap())]);
    let plain = s.address(false).unwrap();
    assert!(!plain.contains("l="), "{plain}");
    // A shared list waits for the reader's choice; they change the view meanwhile. The address
    // has both: a reload asks again, on the view they chose (found by the soak: the address kept
    // the link's view while the screen showed another).
    let s =
        after(s, [Action::Add { id: "ann".into() }, Action::ReceiveShared { list: list(&["cy"]), problems: vec![] }]);
    let s = after(s, [Action::ClearFilters, Action::AddState(State::parse("MN").unwrap())]);
    let address = s.address(false).unwrap();
    let decoded = decode(&format!("sc={address}"), "sc", &s.feed);
    assert_eq!(decoded.view, s.view());
    assert_eq!(decoded.shared.map(|l| l.to_shortlist(&s.feed).len()), Some(1));
    // Once chosen, the list leaves the address.
    let s = after(s, [Action::ResolveShare(None)]);
    assert!(!s.address(false).unwrap().contains("l="));
}

#[test]
fn a_shared_list_is_taken_asked_about_or_ignored() {
    // No list of one's own: taken at once (the banner only says so).
    let s = after(state(), [Action::ReceiveShared { list: list(&["ann"]), problems: vec![] }]);
    assert_eq!(s.shortlist.len(), 1);
    assert_eq!(s.pending_share.as_ref().map(|p| p.needs_choice), Some(false));
    // The same list again: nothing to ask.
    let s = after(s, [Action::ResolveShare(None), Action::ReceiveShared { list: list(&["ann"]), problems: vec![] }]);
    assert_eq!(s.pending_share, None);
    // Another list: the reader chooses.
    let s = after(s, [Action::ReceiveShared { list: list(&["cy"]), problems: vec![] }]);
    assert_eq!(s.pending_share.as_ref().map(|p| p.needs_choice), Some(true));
    let merged = after(s.clone(), [Action::ResolveShare(Some(ShareChoice::Merge))]);
    assert_eq!(
        (merged.shortlist.len(), merged.announcement.text.en().as_str()),
        (2, "Added 1 official from the shared shortlist")
    );
    let replaced = after(s, [Action::ResolveShare(Some(ShareChoice::Replace))]);
    assert_eq!(replaced.shortlist.position("cy"), Some(0));
    assert_eq!(replaced.shortlist.len(), 1);
    let back = after(replaced, [Action::Undo]);
    assert_eq!(
        (back.shortlist.position("ann"), back.announcement.text.en().as_str()),
        (Some(0), "Your own shortlist is back")
    );
}

#[test]
fn a_new_feed_keeps_what_still_means_something() {
    let s = after(
        state(),
        [Action::SetQuestion("q2".into()), Action::OpenOfficial("cy".into()), Action::Add { id: "ann".into() }],
    );
    let smaller = FeedRef(Rc::new(
        load_json(
            br#"{ "format_version": 1, "meta": { "title": "T" },
                "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Yes" } ] } ],
                "officials": [ { "id": "ann", "name": "Ann B. Able", "state": "VT" } ] }"#,
        )
        .feed
        .unwrap(),
    ));
    let s = after(s, [Action::ReplaceFeed(smaller.clone())]);
    assert_eq!(s.feed, smaller);
    assert_eq!((s.open, s.filter.question), (None, None), "gone from the new feed");
    assert_eq!(s.shortlist.get("ann").map(|e| e.name.as_str()), Some("Ann B. Able"));
}

#[test]
fn restoring_a_view_replaces_the_history_entry() {
    let mut view = crate::share_link::View::preset(Some("q2"), [vt()].into_iter().collect(), None);
    view.open = Some("ann".into());
    let s = after(state(), [Action::RestoreView(view.clone())]);
    assert_eq!((s.view(), s.history), (view, HistoryMode::Replace));
}

const SHARD: &str = r#"{"zip_table":1,"prefix":"054","districts":[{"state":"VT","district":"0","zips":"01"}]}"#;

fn shard() -> Rc<Shard> {
    Rc::new(Shard::parse(SHARD.as_bytes()).unwrap())
}

#[test]
fn a_zip_code_is_checked_looked_up_and_found() {
    let s = after(state(), [Action::LookUpZip("5401".into())]);
    assert!(matches!(s.zip.status, ZipStatus::Invalid(_)));
    assert!(s.zip.message(false).1, "said to be invalid");
    let s = after(s, [Action::LookUpZip("05401".into())]);
    assert_eq!((s.mine, s.history, &s.zip.status), (true, HistoryMode::Push, &ZipStatus::Looking));
    assert_eq!(s.zip.message(true).0.map(|m| m.en()).as_deref(), Some("Looking up ZIP code 05401…"));
    let serial = s.zip.serial;
    // An answer to an older lookup is dropped.
    let s = after(s, [Action::ZipArrived { serial: serial.wrapping_sub(1), arrival: Ok(Some(shard())) }]);
    assert_eq!(s.zip.status, ZipStatus::Looking);
    let s = after(s, [Action::ZipArrived { serial, arrival: Ok(Some(shard())) }]);
    assert_eq!(s.zip.status, ZipStatus::Found);
    assert!(s.zip.your.is_some());
    assert_eq!(s.zip.saved.as_ref().map(|z| z.zip.to_string()).as_deref(), Some("05401"));
    assert!(!s.announcement.text.en().is_empty());
    // The same three digits need no other file.
    let s = after(s, [Action::LookUpZip("05499".into())]);
    assert_ne!(s.zip.status, ZipStatus::Looking);
    // Forgetting it forgets everything but the count, so a late answer is dropped.
    let s = after(s, [Action::ForgetZip]);
    assert_eq!((s.zip.zip, s.zip.saved.as_ref(), s.zip.status.clone()), (None, None, ZipStatus::Idle));
    assert_eq!(s.zip.message(true).0.map(|m| m.en()).as_deref(), Some("Enter your ZIP code to see your officials."));
}

#[test]
fn unknown_and_unreachable_zip_codes_say_so() {
    let looking = after(state(), [Action::LookUpZip("05401".into())]);
    let serial = looking.zip.serial;
    let unknown = after(looking.clone(), [Action::ZipArrived { serial, arrival: Ok(None) }]);
    assert!(matches!(unknown.zip.status, ZipStatus::Failed(_)));
    let offline = after(looking, [Action::ZipArrived { serial, arrival: Err("offline".into()) }]);
    assert_eq!(offline.zip.status, ZipStatus::Failed(Msg::text_only("offline")));
    assert_eq!(offline.zip.message(true), (Some("offline".into()), false));
}

#[test]
fn without_the_steps_part_a_lookup_says_it_could_not_be_done() {
    let mut s = after(state(), [Action::LookUpZip("05401".into())]);
    let serial = s.zip.serial;
    s.reduce(Action::ZipArrived { serial, arrival: Ok(Some(shard())) }, None);
    let zip = crate::zip_table::Zip::parse("05401").unwrap();
    assert_eq!(s.zip.status, ZipStatus::Failed(not_loaded(&zip)));
    assert_eq!(s.announcement.text, not_loaded(&zip));
}

#[test]
fn a_saved_zip_code_is_looked_up_when_my_officials_are_asked_for() {
    let saved = crate::zip_lookup::SavedZip::from_storage("05401");
    assert!(saved.is_some());
    let s = state().with_saved(saved, None);
    assert_eq!(s.zip.status, ZipStatus::Idle, "not until asked");
    let s = after(s, [Action::ShowMine(true)]);
    assert_eq!((s.mine, &s.zip.status), (true, &ZipStatus::Looking));
    let s = after(s, [Action::ShowInList { state: vt(), position: Some("Senator".into()) }]);
    assert!(!s.mine);
    assert!(s.filter.states.contains(vt()) && s.filter.positions.contains("Senator"));
}

#[test]
fn a_give_run_starts_and_stops() {
    let s = after(state(), [Action::Add { id: "ann".into() }, Action::Add { id: "gone".into() }, Action::StartGiving]);
    assert!(s.give.is_some());
    // Named for the reader, from the feed or the list (who has no page to give on is said).
    let left_out: Vec<&str> = s.give_left_out.iter().map(|(name, _)| name.as_str()).collect();
    assert!(left_out.contains(&"gone") && left_out.contains(&"Ann Able"), "{left_out:?}");
    let s = after(s, [Action::GiveOpened, Action::GiveAnswered(true)]);
    assert!(s.give.is_some());
    let s = after(s, [Action::StopGiving]);
    assert_eq!((s.give.as_ref(), s.give_left_out.len()), (None, 0));
}

#[test]
fn the_browsers_answers_are_state_too() {
    let s = after(state(), [Action::StorageProblem(Some("full")), Action::ShowShareUrl("https://x/#sc=1".into())]);
    assert_eq!((s.storage_problem, s.share_url.as_deref()), (Some("full"), Some("https://x/#sc=1")));
    let link = WaitingLink { fragment: "sc=1".into(), states: [vt()].into_iter().collect() };
    let s = after(s, [Action::WaitForStates(Some(link.clone())), Action::StorageProblem(None)]);
    assert_eq!((s.waiting_link.as_ref(), s.storage_problem), (Some(&link), None));
    let s = after(s, [Action::WaitForStates(None), Action::Announce("hi".into())]);
    assert_eq!((s.waiting_link, s.announcement.text.en().as_str()), (None, "hi"));
}

#[test]
fn another_tabs_changes_replace_the_list_with_names_from_this_feed_and_are_announced() {
    let s = after(state(), [Action::Add { id: "ann".into() }]);
    let mut theirs = list(&["cy", "ann"]);
    theirs.set_amount("cy", Cents(4_00)).unwrap();
    let s = after(s, [Action::SyncShortlist(theirs.clone())]);
    assert!(s.shortlist.same_choices(&theirs));
    assert_eq!(s.shortlist.get("cy").map(|e| e.name.as_str()), Some("Cy Cole"));
    assert_eq!(s.announcement.text.en(), "Your shortlist was changed in another tab or window.");
}

#[test]
fn an_amount_being_typed_is_shown_as_typed_until_taken_even_when_another_tab_changes_it() {
    let s = after(state(), [Action::Add { id: "ann".into() }, Action::Add { id: "cy".into() }]);
    let field = |s: &AppState, id: &str| super::amount_field(&s.amount_drafts, s.shortlist.get(id).unwrap());
    assert_eq!(field(&s, "ann"), crate::money::DEFAULT_AMOUNT.plain());
    let s = after(s, [Action::TypeAmount { id: "ann".into(), text: "1".into() }]);
    let mut theirs = s.shortlist.clone();
    theirs.set_amount("ann", Cents(10_00)).unwrap();
    theirs.set_amount("cy", Cents(3_00)).unwrap();
    let s = after(s, [Action::SyncShortlist(theirs)]);
    assert_eq!(
        (field(&s, "ann"), field(&s, "cy")),
        ("1".to_string(), "3".to_string()),
        "the draft stays; the rest syncs"
    );
    let s = after(
        s,
        [
            Action::TypeAmount { id: "ann".into(), text: "12".into() },
            Action::SetAmount { id: "ann".into(), text: "12".into() },
        ],
    );
    assert_eq!((s.shortlist.get("ann").map(|e| e.amount), field(&s, "ann")), (Some(Cents(12_00)), "12".to_string()));
    let s = after(s, [Action::LeaveAmount { id: "ann".into() }]);
    assert!(s.amount_drafts.is_empty());

    // Refused: the text stays beside its error, after leaving too, until it is mended.
    let s = after(
        s,
        [Action::SetAmount { id: "ann".into(), text: "lots".into() }, Action::LeaveAmount { id: "ann".into() }],
    );
    assert_eq!((field(&s, "ann"), s.shortlist.get("ann").map(|e| e.amount)), ("lots".to_string(), Some(Cents(12_00))));
    let s = after(s, [Action::SetAmount { id: "ann".into(), text: "7".into() }]);
    assert_eq!((field(&s, "ann"), s.amount_errors.len()), ("7".to_string(), 0));
    // Focus left without a change: the field shows the list's amount again.
    let s =
        after(s, [Action::TypeAmount { id: "cy".into(), text: "3".into() }, Action::LeaveAmount { id: "cy".into() }]);
    assert!(s.amount_drafts.is_empty());
    // A draft goes with its entry, and with a split budget.
    let s = after(s, [Action::TypeAmount { id: "ann".into(), text: "9".into() }, Action::Remove { id: "ann".into() }]);
    assert!(s.amount_drafts.is_empty());
    let s = after(s, [Action::TypeAmount { id: "cy".into(), text: "9".into() }, Action::SplitBudget("30".into())]);
    assert_eq!(field(&s, "cy"), "30");
}

const FIVE: &str = r#"
    { "id": "ann", "name": "Ann Able", "state": "VT" }, { "id": "bo", "name": "Bo Baker", "state": "VT" },
    { "id": "cy", "name": "Cy Cole", "state": "MN" }, { "id": "di", "name": "Di Dunn", "state": "MN" },
    { "id": "ed", "name": "Ed Eads", "state": "NY" }"#;

fn picks(s: &AppState) -> Vec<&str> {
    s.compare.iter().map(String::as_str).collect()
}

fn picking(ids: &[&str]) -> AppState {
    let s = AppState::new(feed_of(FIVE), FilterSpec::default(), Shortlist::default());
    after(s, ids.iter().map(|id| Action::ToggleCompare(id.to_string())))
}

#[test]
fn picking_up_to_four_to_compare() {
    let s = picking(&["ann", "bo"]);
    assert_eq!(s.compare, ["ann", "bo"]);
    assert_eq!(s.announcement.text.en(), "Added Bo Baker to the comparison (2 of 4)");
    assert!(!s.comparing, "picking does not show the comparison yet");
    assert!(s.view().compare.is_empty(), "nor put it in the address");
    let s = after(s, [Action::ToggleCompare("cy".into()), Action::ToggleCompare("di".into())]);
    // A fifth is refused, with a message beside the picks and for screen readers.
    let s = after(s, [Action::ToggleCompare("ed".into())]);
    assert_eq!(s.compare, ["ann", "bo", "cy", "di"]);
    let refused = "You can compare up to 4 officials. Remove one before adding Ed Eads.";
    assert_eq!(
        (s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(), s.announcement.text.en().as_str()),
        (Some(refused), refused)
    );
    // Taking one back makes room, and the message goes.
    let s = after(s, [Action::ToggleCompare("bo".into()), Action::ToggleCompare("ed".into())]);
    assert_eq!((picks(&s), s.compare_note.as_ref()), (["ann", "cy", "di", "ed"].to_vec(), None));
}

#[test]
fn an_official_not_in_the_feed_cannot_be_picked() {
    let mut s = picking(&[]);
    s.shortlist.add("gone", "Gone Person").unwrap();
    let s = after(s, [Action::ToggleCompare("gone".into())]);
    assert!(s.compare.is_empty());
    assert_eq!(
        s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("Gone Person is not in this feed, so cannot be compared.")
    );
}

#[test]
fn showing_closing_and_clearing_the_comparison() {
    // One is not enough.
    let s = after(picking(&["ann"]), [Action::ShowComparison]);
    assert!(!s.comparing);
    assert_eq!(
        s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("Pick at least 2 officials to compare (1 picked so far).")
    );
    let s = after(s, [Action::ToggleCompare("cy".into()), Action::OpenOfficial("bo".into())]);
    let s = after(s, [Action::ShowComparison]);
    assert_eq!((s.comparing, s.compare_serial, s.history), (true, 1, HistoryMode::Push));
    assert_eq!(s.open, None, "one dialog at a time");
    assert_eq!(s.view().compare, ["ann", "cy"], "in the address now");
    let s = after(s, [Action::CloseComparison]);
    assert_eq!((s.comparing, s.history), (false, HistoryMode::Replace));
    assert_eq!(s.compare, ["ann", "cy"], "the picks stay");
    let s = after(s, [Action::ShowComparison]);
    assert_eq!(s.compare_serial, 2, "each showing is a fresh dialog");
    let s = after(s, [Action::ClearCompare]);
    assert!(s.compare.is_empty() && !s.comparing);
    assert_eq!(s.announcement.text.en(), "Comparison cleared");
}

#[test]
fn removing_a_column_below_two_ends_the_comparison() {
    let s = after(picking(&["ann", "bo", "cy"]), [Action::ShowComparison, Action::ToggleCompare("bo".into())]);
    assert_eq!((s.comparing, s.view().compare), (true, vec!["ann".to_string(), "cy".to_string()]));
    assert_eq!(s.history, HistoryMode::Push, "a column removed is a step Back undoes");
    let s = after(s, [Action::ToggleCompare("ann".into())]);
    assert!(!s.comparing);
    assert_eq!(s.compare, ["cy"]);
    assert_eq!(
        s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("Pick at least 2 officials to compare (1 picked so far).")
    );
}

#[test]
fn a_view_with_a_comparison_shows_it_and_one_without_closes_it() {
    let view = |ids: &[&str]| View { compare: ids.iter().map(|s| s.to_string()).collect(), ..View::default() };
    let s = after(picking(&["di"]), [Action::RestoreView(view(&["ann", "bo", "cy"]))]);
    assert_eq!((s.compare.len(), s.comparing, s.compare_serial), (3, true, 1));
    // Forward to another comparison: the same dialog, new columns.
    let s = after(s, [Action::RestoreView(view(&["ann", "bo"]))]);
    assert_eq!((s.compare.len(), s.comparing, s.compare_serial), (2, true, 1));
    // Back to a view without one: closed, the picks kept for later.
    let s = after(s, [Action::RestoreView(View::default())]);
    assert_eq!((s.comparing, s.compare.len()), (false, 2));
    // Officials not in the feed are left out, with a note; one left is not a comparison.
    let s = after(s, [Action::RestoreView(view(&["ann", "zed", "ann", "bo"]))]);
    assert_eq!((picks(&s), s.comparing), (["ann", "bo"].to_vec(), true));
    assert_eq!(
        s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("1 official in the comparison is not in this feed and was left out.")
    );
    let s = after(s, [Action::RestoreView(view(&["zed", "cy"]))]);
    assert_eq!((picks(&s), s.comparing), (["cy"].to_vec(), false));
    // What a link's decoding could not read is said after the view is restored.
    let s = after(s, [Action::CompareNote("The link compares 6 officials; only the first 4 were read.".into())]);
    assert_eq!(s.announcement.text.en(), "The link compares 6 officials; only the first 4 were read.");
    assert!(s.compare_note.is_some());
}

#[test]
fn a_newer_feed_without_a_compared_official_leaves_them_out() {
    let s = after(picking(&["ann", "bo", "cy"]), [Action::ShowComparison]);
    let s = after(
        s,
        [Action::ReplaceFeed(feed_of(
            r#"{ "id": "ann", "name": "Ann Able", "state": "VT" },
        { "id": "bo", "name": "Bo Baker", "state": "VT" }"#,
        ))],
    );
    assert_eq!((picks(&s), s.comparing), (["ann", "bo"].to_vec(), true));
    assert_eq!(
        s.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("1 official in the comparison is not in this feed and was left out.")
    );
    let s = after(s, [Action::ReplaceFeed(feed_of(r#"{ "id": "ann", "name": "Ann Able", "state": "VT" }"#))]);
    assert_eq!((picks(&s), s.comparing), (["ann"].to_vec(), false));
}

#[test]
fn the_language_is_part_of_the_view_and_nothing_else_changes() {
    let s = after(
        AppState::new(feed_of(OFFICIALS), FilterSpec::default(), list(&["ann"])),
        [Action::ToggleStance(StanceChoice::Stance("y".into()))],
    );
    let before = (s.filter.clone(), s.shortlist.clone());
    let s = after(s, [Action::SetLang(crate::i18n::Lang::Es)]);
    assert_eq!((s.lang, s.history), (Some(crate::i18n::Lang::Es), HistoryMode::Push));
    assert_eq!((s.filter.clone(), s.shortlist.clone()), before);
    let view = s.view();
    assert_eq!(view.lang, Some(crate::i18n::Lang::Es));
    // Back to a view without a language: the embedder's or the browser's again.
    let s = after(s, [Action::RestoreView(View { lang: None, ..view })]);
    assert_eq!(s.lang, None);
    assert_eq!(s.shortlist, before.1);
}

#[test]
fn changes_since_the_last_visit_and_the_changed_filter() {
    use crate::since::{Changes, Mark, Unmarked};
    let mut changes = Changes::default();
    changes.marks.insert("bo".into(), Mark::New);
    let changes = ChangesRef(Rc::new(changes));
    let s = after(state(), [Action::ShowChanged(true)]);
    assert!(!s.since.only_changed, "nothing to show");
    let s =
        after(s, [Action::SinceLastVisit { changes: Some(changes.clone()), problem: None }, Action::ShowChanged(true)]);
    assert!(s.since.only_changed);
    let within = changes.indices(&s.feed);
    let result = crate::filter::run_within(&s.feed, &s.filter, Some(&within));
    let ids: Vec<&str> = result.matches.iter().map(|i| s.feed.officials[*i as usize].id.as_str()).collect();
    assert_eq!(ids, ["bo"]);
    assert_eq!((result.facets.states[vt().index()], result.facets.not_rated), (1, 1), "counts among them");
    // The reader's own: not in the view (the address, links), not a step of history.
    assert_eq!((s.view(), s.history), (state().view(), HistoryMode::Replace));
    assert!(!after(s.clone(), [Action::ClearFilters]).since.only_changed);
    let s = after(s, [Action::MarkAllSeen]);
    assert_eq!((s.since.changes.is_none(), s.since.only_changed, s.since.acknowledged), (true, false, 1));
    assert_eq!(s.announcement.text.en(), "All changes are marked as seen.");
    assert_eq!(after(s.clone(), [Action::MarkAllSeen]).since.acknowledged, 1, "nothing more to mark");
    let s =
        after(s, [Action::SinceLastVisit { changes: Some(ChangesRef(Rc::new(Changes::default()))), problem: None }]);
    assert_eq!(s.since.changes, None, "no changes are none");
    let s = after(s, [Action::SinceProblem(Some(Unmarked::Full))]);
    assert_eq!(s.since.problem, Some(Unmarked::Full));
    // Changes that no longer include the filter's officials turn it off.
    let s = after(
        s,
        [
            Action::SinceLastVisit { changes: Some(changes), problem: None },
            Action::ShowChanged(true),
            Action::SinceLastVisit { changes: None, problem: None },
        ],
    );
    assert!(!s.since.only_changed);
}

#[test]
fn the_map_is_shown_as_tiles_or_a_table_and_is_not_part_of_the_view() {
    use crate::tile_map::MapMode;
    let s = state();
    assert_eq!(s.map, MapMode::Hidden);
    let s = after(s, [Action::ShowMap(MapMode::Tiles)]);
    assert_eq!(s.map, MapMode::Tiles);
    let view = s.view();
    let s = after(s, [Action::ShowMap(MapMode::Table), Action::AddState(vt())]);
    assert_eq!(s.map, MapMode::Table);
    assert!(s.filter.states.contains(vt()));
    let s = after(s, [Action::RemoveState(vt()), Action::ShowMap(MapMode::Hidden)]);
    assert_eq!((s.map, s.view()), (MapMode::Hidden, view));
}
