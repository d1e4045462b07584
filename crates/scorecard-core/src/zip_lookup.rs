//! What the widget's "Your officials" lookup shows and keeps, decided here so it can be tested
//! natively: which ZIP table to ask (an embedder's, the feed's or the widget's own), what is saved
//! on the reader's device, the message for each way a lookup can fail, and the words around the
//! results (heading, the chooser of a split ZIP code, notes, the sentence screen readers hear).
//!
//! The lookup itself is [`crate::zip_table`] (typed text → districts) then
//! [`crate::your_officials::find`] (districts → officials).
//!
//! Privacy: a ZIP code never leaves the device except as the three digits of the one table file
//! fetched for it ([`Zip::shard_url`]); links carry at most the "my officials" flag
//! ([`crate::share_link::View::mine`]), never the ZIP code.

use crate::feed::Feed;
use crate::i18n::Msg;
use crate::states::{State, StateSet};
use crate::wording::{join_list, officials};
use crate::your_officials::{feed_has_districts, same_district, DistrictChoice, Group, YourOfficials};
use crate::zip_table::Zip;

/// What a reader sees next to the ZIP code field, so they know what happens to it.
pub fn privacy_note() -> Msg {
    Msg::new("zip.privacy")
}

/// Shown when a link asks for "my officials" and this browser has no ZIP code saved.
pub fn ask_for_zip() -> Msg {
    Msg::new("zip.ask")
}

/// Under a district no official of the feed holds (a scorecard of candidates, or a vacancy).
pub fn nobody_here() -> Msg {
    Msg::new("zip.nobody_here")
}

/// Whether typed text is a whole ZIP code, to look up as the reader types its last digit (five
/// digits, or ZIP+4 with all nine); anything else waits for Enter, which says what is wrong.
pub fn looks_complete(typed: &str) -> bool {
    let t = typed.trim();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match t.split_once('-') {
        Some((zip, plus4)) => zip.len() == 5 && plus4.len() == 4 && digits(zip) && digits(plus4),
        None => (t.len() == 5 || t.len() == 9) && digits(t),
    }
}

/// At most this many officials of a group are listed under "Your officials". A feed whose
/// offices carry no district or city (county officials, say) can give a state thousands of
/// "statewide" officials; the rest of such a group is shown in the list instead.
pub const GROUP_ROWS: usize = 10;

/// Under a group cut at [`GROUP_ROWS`]: "And 1,234 more." (`None` when none were left out).
pub fn more_in_group(group: &Group) -> Option<Msg> {
    let more = group.officials.len().saturating_sub(GROUP_ROWS);
    (more > 0).then(|| Msg::new("zip.more").count("n", more))
}

/// Which ZIP table a widget asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFrom {
    /// `data-zip-table` on the widget's element.
    Embedder,
    /// The feed's `meta.zip_table`.
    Feed,
    /// `zip/` beside the widget's own files (`dist/zip/`).
    Widget,
}

/// The ZIP table's folder, each candidate already resolved to an absolute address (the
/// embedder's against the page, the feed's against the feed, the widget's against its files).
///
/// The embedder's wins: they chose the page, its Content-Security-Policy and what they promise
/// their readers about where requests go. Then the feed's: its publisher knows which districts
/// its officials sit in. Then the widget's own. A table of the wrong period is still safe: its
/// files say their period, and [`crate::your_officials::find`] then matches statewide
/// officials only, with a note. The standalone and iframe pages take no table from their
/// address: whoever makes a link would learn the first digits of each reader's ZIP code.
pub fn choose_table(embedder: Option<String>, feed: Option<String>, widget: String) -> (TableFrom, String) {
    match (embedder, feed) {
        (Some(url), _) => (TableFrom::Embedder, url),
        (None, Some(url)) => (TableFrom::Feed, url),
        (None, None) => (TableFrom::Widget, widget),
    }
}

/// The ZIP code a reader saved in this browser (per widget, like the shortlist), with the
/// district they picked when it is split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedZip {
    pub zip: Zip,
    /// The picked district: its state and name as the table gives it.
    pub district: Option<(State, String)>,
}

impl SavedZip {
    /// The ZIP code and, for a split one, the district picked among `your`'s.
    pub fn new(zip: Zip, your: Option<&YourOfficials>, choice: DistrictChoice) -> SavedZip {
        let district = match (your, choice) {
            (Some(your), DistrictChoice::One(i)) => {
                your.districts.get(i).map(|d| (d.district.state, d.district.district.clone()))
            }
            _ => None,
        };
        SavedZip { zip, district }
    }

    /// The stored form: `05401`, or with a picked district `35062|AL|6` (plain text: a JSON
    /// reader for it would add kilobytes to the wasm).
    pub fn to_storage(&self) -> String {
        match &self.district {
            Some((state, district)) => format!("{}|{}|{district}", self.zip, state.code()),
            None => self.zip.to_string(),
        }
    }

    /// A saved ZIP code, or `None` for anything else (storage is untrusted: never panics).
    pub fn from_storage(text: &str) -> Option<SavedZip> {
        let mut parts = text.splitn(3, '|');
        let zip = parts.next().filter(|z| z.len() == 5).and_then(|z| Zip::parse(z).ok())?;
        let district = match (parts.next().and_then(State::parse), parts.next()) {
            (Some(state), Some(d)) if !d.is_empty() && d.len() <= 64 => Some((state, d.to_string())),
            _ => None,
        };
        Some(SavedZip { zip, district })
    }

    /// The saved pick among `your`'s districts; all of them when none was saved, or when the
    /// table no longer puts the ZIP code in that district.
    pub fn choice(&self, your: &YourOfficials) -> DistrictChoice {
        let Some((state, district)) = &self.district else { return DistrictChoice::All };
        your.districts
            .iter()
            .position(|d| d.district.state == *state && same_district(&d.district.district, district))
            .map_or(DistrictChoice::All, DistrictChoice::One)
    }
}

/// Why a ZIP code could not be looked up, other than its being invalid or unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    /// No answer: offline, or the table's host refused (browsers do not tell which).
    Unreachable,
    /// The table's server answered with an error (a missing file is not one: it means unknown).
    Status(u16),
    TimedOut {
        seconds: u32,
    },
    /// The file stopped arriving part-way.
    Interrupted,
    /// The file arrived but is not a ZIP table file of this format (from `Shard::parse`).
    Unreadable(String),
}

impl TableProblem {
    /// A plain message saying what happened and what the reader can do instead.
    pub fn message(&self, zip: &Zip) -> Msg {
        let zip_text = zip.to_string();
        match self {
            TableProblem::Unreachable => Msg::new("zip.failed.unreachable").text("zip", zip_text),
            TableProblem::Status(status) => {
                Msg::new("zip.failed.status").text("zip", zip_text).text("status", status.to_string())
            }
            TableProblem::TimedOut { seconds } => {
                Msg::new("zip.failed.timed_out").count("seconds", *seconds).text("zip", zip_text)
            }
            TableProblem::Interrupted => Msg::new("zip.failed.interrupted").text("zip", zip_text),
            // `why` is the table reader's own words (English, as the CLI's).
            TableProblem::Unreadable(why) => Msg::new("zip.failed.unreadable")
                .text("zip", zip_text)
                .text("prefix", zip.prefix().to_string())
                .text("why", why.clone()),
        }
    }
}

/// The chooser of a ZIP code split between districts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    /// "ZIP code 35062 is split between 3 districts. Which is yours?"
    pub legend: Msg,
    /// One per district, in the table's order: "Alabama, district 4: Robert B. Aderholt".
    pub options: Vec<Msg>,
    /// "All 3 districts".
    pub all: Msg,
}

/// Everything the "Your officials" panel shows for a found ZIP code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    /// "Your officials for ZIP code 05401".
    pub heading: Msg,
    pub chooser: Option<Chooser>,
    /// Why only statewide officials are matched, or that the list is narrowed to the states.
    pub note: Option<Msg>,
    /// For a feed without districts: narrow the main list to the ZIP code's states instead
    /// of listing officials here (every official of the state would be "statewide").
    pub narrow_to: Option<StateSet>,
    /// The groups to list, districts first.
    pub groups: Vec<&'a Group>,
    /// One sentence for screen readers, e.g. "3 officials for ZIP code 05401".
    pub summary: Msg,
}

/// What to show for `zip`, whose districts gave `your`, with the reader's `choice`.
pub fn present<'a>(feed: &Feed, your: &'a YourOfficials, choice: DistrictChoice, zip: &Zip) -> Shown<'a> {
    let zip_text = zip.to_string();
    let heading = Msg::new("zip.heading").text("zip", zip_text.clone());
    let states: Vec<State> = your.states.to_vec();
    let places = crate::wording::join_states(&states);
    if !feed_has_districts(feed) {
        return Shown {
            heading,
            chooser: None,
            note: Some(Msg::new("zip.note.no_districts").msg("places", places.clone())),
            narrow_to: Some(your.states.iter().copied().collect()),
            groups: Vec::new(),
            summary: Msg::new("zip.said.narrowed").msg("places", places).text("zip", zip_text),
        };
    }
    let districts = your.districts.len();
    let chooser = your.is_split().then(|| Chooser {
        legend: Msg::new("zip.chooser").text("zip", zip_text.clone()).count("n", districts),
        options: your.districts.iter().map(|d| district_option(feed, &d.group)).collect(),
        all: Msg::new("zip.chooser.all").count("n", districts),
    });
    let count = your.officials(choice).len();
    let summary = match (count, your.is_split() && choice == DistrictChoice::All) {
        (0, _) => Msg::new("zip.said.none").text("zip", zip_text),
        (n, true) => {
            Msg::new("zip.said.split").count("n", districts).msg("officials", officials(n)).text("zip", zip_text)
        }
        (n, false) => Msg::new("zip.said.found").msg("officials", officials(n)).text("zip", zip_text),
    };
    Shown { heading, chooser, note: your.note.clone(), narrow_to: None, groups: your.groups(choice), summary }
}

/// "Alabama, district 4: Robert B. Aderholt"; at most three names, then "and 2 more".
fn district_option(feed: &Feed, group: &Group) -> Msg {
    let names: Vec<&str> = group.officials.iter().map(|i| feed.officials[*i as usize].name.as_str()).collect();
    let who = match names.len() {
        0 => Msg::new("zip.option.nobody"),
        1..=3 => join_list(&names),
        n => Msg::new("zip.option.more").count("n", n - 2).text("first", names[0]).text("second", names[1]),
    };
    Msg::new("zip.option").msg("heading", group.heading.clone()).msg("who", who)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;
    use crate::your_officials::find;
    use crate::zip_table::District;

    fn feed(districts: &str, officials: &str) -> Feed {
        let json = format!(
            r#"{{ "format_version": 1, "meta": {{ "title": "T" {districts} }},
                 "questions": [ {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Y" }} ] }} ],
                 "officials": [ {officials} ] }}"#
        );
        load_json(json.as_bytes()).feed.unwrap()
    }

    const ALABAMA: &str = r#"
        { "id": "a4", "name": "Robert Aderholt", "state": "AL", "position": "Representative", "district": "4" },
        { "id": "a6", "name": "Gary Palmer", "state": "AL", "position": "Representative", "district": "6" },
        { "id": "s1", "name": "Katie Britt", "state": "AL", "position": "Senator" },
        { "id": "s2", "name": "Tommy Tuberville", "state": "AL", "position": "Senator" }"#;

    fn district(state: &str, d: &str) -> District {
        District { state: State::parse(state).unwrap(), district: d.into(), division_id: None }
    }

    fn zip(text: &str) -> Zip {
        Zip::parse(text).unwrap()
    }

    #[test]
    fn the_embedders_table_beats_the_feeds_which_beats_the_widgets_own() {
        let widget = || "https://cdn.example/v1/zip/".to_string();
        let (e, f) = (Some("https://blog.example/zip/".to_string()), Some("https://feeds.example/zip/".to_string()));
        assert_eq!(choose_table(e.clone(), f.clone(), widget()), (TableFrom::Embedder, e.clone().unwrap()));
        assert_eq!(choose_table(None, f.clone(), widget()), (TableFrom::Feed, f.unwrap()));
        assert_eq!(choose_table(None, None, widget()), (TableFrom::Widget, widget()));
    }

    #[test]
    fn a_saved_zip_code_round_trips_and_storage_garbage_is_nothing() {
        let plain = SavedZip { zip: zip("05401"), district: None };
        assert_eq!(plain.to_storage(), "05401");
        assert_eq!(SavedZip::from_storage(&plain.to_storage()), Some(plain));
        let picked =
            SavedZip { zip: zip("35062"), district: Some((State::parse("AL").unwrap(), "Suffolk | 12".into())) };
        assert_eq!(picked.to_storage(), "35062|AL|Suffolk | 12");
        assert_eq!(SavedZip::from_storage(&picked.to_storage()), Some(picked));
        for bad in ["", "0540", "abcde", "05401-1234", "null", "{\"zip\":\"05401\"}", "|05401", "054011"] {
            assert_eq!(SavedZip::from_storage(bad), None, "{bad}");
        }
        // A district without a known state is dropped, the ZIP code kept.
        let odd = SavedZip::from_storage("05401|XX|1").unwrap();
        assert_eq!(odd.district, None);
        assert_eq!(SavedZip::from_storage("05401|VT|").unwrap().district, None);
    }

    #[test]
    fn the_saved_pick_is_found_again_or_falls_back_to_all() {
        let feed = feed(r#", "districts": "us-house-119""#, ALABAMA);
        let (d4, d6, d7) = (district("AL", "4"), district("AL", "6"), district("AL", "7"));
        let your = find(&feed, &[&d4, &d6, &d7], Some("us-house-119"));
        let saved = SavedZip::new(zip("35062"), Some(&your), DistrictChoice::One(1));
        assert_eq!(saved.district, Some((State::parse("AL").unwrap(), "6".into())));
        assert_eq!(saved.choice(&your), DistrictChoice::One(1));
        let gone = SavedZip { zip: zip("35062"), district: Some((State::parse("AL").unwrap(), "9".into())) };
        assert_eq!(gone.choice(&your), DistrictChoice::All, "the table no longer has it");
        assert_eq!(SavedZip::new(zip("35062"), Some(&your), DistrictChoice::All).district, None);
    }

    #[test]
    fn a_split_zip_code_gets_a_chooser_naming_each_districts_members() {
        let feed = feed(r#", "districts": "us-house-119""#, ALABAMA);
        let (d4, d6, d7) = (district("AL", "4"), district("AL", "6"), district("AL", "7"));
        let your = find(&feed, &[&d4, &d6, &d7], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("35062"));
        assert_eq!(shown.heading.en(), "Your officials for ZIP code 35062");
        let chooser = shown.chooser.unwrap();
        assert_eq!(chooser.legend.en(), "ZIP code 35062 is split between 3 districts. Which is yours?");
        assert_eq!(
            chooser.options.iter().map(Msg::en).collect::<Vec<_>>(),
            [
                "Alabama, district 4: Robert Aderholt",
                "Alabama, district 6: Gary Palmer",
                "Alabama, district 7: no one in this scorecard"
            ]
        );
        assert_eq!(chooser.all.en(), "All 3 districts");
        assert_eq!(
            shown.summary.en(),
            "4 officials for ZIP code 35062, which is split between 3 districts: pick yours to narrow them."
        );
        let one = present(&feed, &your, DistrictChoice::One(1), &zip("35062"));
        assert_eq!(one.summary.en(), "3 officials for ZIP code 35062.");
        let headings: Vec<String> = one.groups.iter().map(|g| g.heading.en()).collect();
        assert_eq!(headings, ["Alabama, district 6", "Senator (Alabama)"]);
    }

    #[test]
    fn one_district_no_chooser_and_nobody_is_said_plainly() {
        let feed = feed(r#", "districts": "us-house-119""#, ALABAMA);
        let d4 = district("AL", "4");
        let your = find(&feed, &[&d4], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("35950"));
        assert_eq!((shown.chooser, shown.note, shown.narrow_to), (None, None, None));
        assert_eq!(shown.summary.en(), "3 officials for ZIP code 35950.");
        let elsewhere = district("VT", "0");
        let your = find(&feed, &[&elsewhere], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("05401"));
        assert_eq!(shown.summary.en(), "None of this scorecard's officials represent ZIP code 05401.");
    }

    #[test]
    fn another_period_passes_on_the_cores_note() {
        let feed = feed(r#", "districts": "us-house-116""#, ALABAMA);
        let (d4, d6) = (district("AL", "4"), district("AL", "6"));
        let your = find(&feed, &[&d4, &d6], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("35062"));
        assert_eq!(shown.chooser, None, "districts are not matched, so there is nothing to choose");
        assert_eq!(
            shown.note.map(|n| n.en()).as_deref(),
            Some("This scorecard's districts are from the 116th Congress; ZIP codes here use the districts of the 119th Congress, so only statewide officials are matched.")
        );
        assert_eq!(shown.summary.en(), "2 officials for ZIP code 35062.");
    }

    #[test]
    fn a_feed_without_districts_narrows_the_list_to_the_states() {
        let feed = feed(
            "",
            r#"{ "id": "m", "name": "May Or", "state": "NH", "position": "Mayor", "city": "Nashua" },
                               { "id": "g", "name": "Gov Nor", "state": "VT", "position": "Governor" }"#,
        );
        let (vt, nh) = (district("VT", "0"), district("NH", "2"));
        let your = find(&feed, &[&vt, &nh], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("03031"));
        assert_eq!(
            shown.narrow_to,
            Some([State::parse("VT").unwrap(), State::parse("NH").unwrap()].into_iter().collect())
        );
        assert!(shown.groups.is_empty());
        assert_eq!(
            shown.note.map(|n| n.en()).as_deref(),
            Some("This scorecard does not say which district each official serves, so the list below shows every official of Vermont and New Hampshire.")
        );
        assert_eq!(
            shown.summary.en(),
            "The list now shows the officials of Vermont and New Hampshire, for ZIP code 03031."
        );
    }

    #[test]
    fn each_failure_says_what_happened_and_what_to_do() {
        let z = zip("05401");
        assert_eq!(
            TableProblem::Unreachable.message(&z).en(),
            "ZIP code 05401 could not be looked up: the ZIP code table could not be reached. You may be offline. Try again, or pick your state in the filters."
        );
        assert!(TableProblem::Status(503).message(&z).en().contains("answered with error 503. Try again"));
        assert!(TableProblem::TimedOut { seconds: 20 }.message(&z).en().contains("more than 20 seconds"));
        assert!(TableProblem::Interrupted.message(&z).en().contains("stopped arriving part-way"));
        assert_eq!(
            TableProblem::Unreadable("this is a web page (HTML), not a ZIP table file".into()).message(&z).en(),
            "ZIP code 05401 could not be looked up: the ZIP code table's file for ZIP codes starting 054 could not be read (this is a web page (HTML), not a ZIP table file). Pick your state in the filters instead."
        );
    }

    #[test]
    fn a_lookup_starts_with_the_last_digit_typed() {
        for complete in ["05401", " 05401 ", "05401-1234", "054011234"] {
            assert!(looks_complete(complete), "{complete}");
            assert!(Zip::parse(complete).is_ok(), "what looks complete also parses: {complete}");
        }
        for partial in ["", "0540", "05401-", "05401-12", "054011", "abcde", "0540a", "05401-12345"] {
            assert!(!looks_complete(partial), "{partial}");
        }
    }

    #[test]
    fn a_big_group_is_cut_and_says_how_many_more() {
        let group = |n: u32| Group {
            heading: Msg::text_only("Judge (Alabama)"),
            state: State::parse("AL").unwrap(),
            position: Some("Judge".into()),
            officials: (0..n).collect(),
        };
        assert_eq!(more_in_group(&group(GROUP_ROWS as u32)), None);
        assert_eq!(more_in_group(&group(GROUP_ROWS as u32 + 1)).map(|m| m.en()).as_deref(), Some("And 1 more."));
        assert_eq!(
            more_in_group(&group(GROUP_ROWS as u32 + 1_234)).map(|m| m.en()).as_deref(),
            Some("And 1,234 more.")
        );
    }

    #[test]
    fn a_split_zip_code_in_spanish() {
        use crate::i18n::{Lang, Plain};
        let es = Plain(Lang::Es);
        let feed = feed(r#", "districts": "us-house-119""#, ALABAMA);
        let (d4, d6, d7) = (district("AL", "4"), district("AL", "6"), district("AL", "7"));
        let your = find(&feed, &[&d4, &d6, &d7], Some("us-house-119"));
        let shown = present(&feed, &your, DistrictChoice::All, &zip("35062"));
        assert_eq!(shown.heading.render(&es), "Sus funcionarios para el código postal 35062");
        let chooser = shown.chooser.unwrap();
        assert_eq!(
            chooser.legend.render(&es),
            "El código postal 35062 está repartido entre 3 distritos. ¿Cuál es el suyo?"
        );
        assert_eq!(chooser.options[2].render(&es), "Alabama, distrito 7: nadie de este tablero");
        assert_eq!(
            shown.summary.render(&es),
            "4 funcionarios para el código postal 35062, que está repartido entre 3 distritos: elija el suyo para acotarlos."
        );
    }
}
