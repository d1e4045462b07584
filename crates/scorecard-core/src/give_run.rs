//! The guided "Give to each" run over the shortlist: one official at a time, the page to open
//! with the amount; after each, "Did you give?" (yes sets the private Given mark, no moves on);
//! skip; resume later from a saved position; the total given so far. The widget opens one page
//! per click; this decides everything else.

use crate::feed::Feed;
use crate::i18n::Msg;
use crate::money::Cents;
use crate::next_step::{next_step, NextStep};
use crate::shortlist::Shortlist;

/// Where a run is. Saved as text (`to_storage`/`from_storage`) so a reader can stop and resume.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GiveRun {
    /// The officials of the run (ids), in shortlist order when it started.
    ids: Vec<String>,
    /// The next one to handle.
    position: usize,
    /// Its page was opened: waiting for "Did you give?".
    asking: bool,
    /// (id, cents) of each gift confirmed in this run.
    given: Vec<(String, u64)>,
    skipped: usize,
}

/// Why a shortlisted official is not in a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    AlreadyGiven,
    /// No longer in the feed (or their state's file is not loaded).
    NotInFeed,
    /// No donation page and no donation search: only "Contact", or nothing.
    NoDonationPage,
}

impl LeftOut {
    /// Why, in a few words: "already marked given".
    pub fn reason(&self) -> Msg {
        Msg::new(match self {
            LeftOut::AlreadyGiven => "give.left_out.given",
            LeftOut::NotInFeed => "give.left_out.not_in_feed",
            LeftOut::NoDonationPage => "give.left_out.no_page",
        })
    }
}

/// "Left out: Cy Castro (no donation page in this feed), Di (already marked given)." Names are
/// the shortlist's.
pub fn left_out_text(left_out: &[(String, LeftOut)]) -> Option<Msg> {
    let mut parts =
        left_out.iter().map(|(name, why)| Msg::new("give.left_out.item").text("name", name).msg("why", why.reason()));
    let first = parts.next()?;
    // "A (why), B (why)": each joined to the ones before it.
    let all = parts.fold(first, |list, next| Msg::new("give.left_out.next").msg("list", list).msg("next", next));
    Some(Msg::new("give.left_out").msg("list", all))
}

/// One official to give to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub amount: Cents,
    /// The page to open: [`NextStep::Give`] or [`NextStep::FindDonationPage`].
    pub step: NextStep,
    /// 1-based place in the run, and the run's length: "2 of 5".
    pub number: usize,
    pub of: usize,
}

impl Item {
    /// "2 of 5".
    pub fn position_text(&self) -> Msg {
        Msg::new("give.position").count("n", self.number).count("of", self.of)
    }

    /// "Did you give $27 to Peter Welch?"
    pub fn ask_text(&self) -> Msg {
        Msg::new("give.ask").money("amount", self.amount).text("name", &self.name)
    }
}

impl Step {
    /// The step's heading: "Give to each, 2 of 5: Peter Welch", the question, or done.
    pub fn heading(&self) -> Msg {
        match self {
            Step::Open(item) => Msg::new("give.heading").msg("position", item.position_text()).text("name", &item.name),
            Step::Ask(item) => item.ask_text(),
            Step::Done { .. } => Msg::new("give.heading.done"),
        }
    }
}

/// What the widget shows now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Show the official and a button to open the page.
    Open(Item),
    /// The page was opened: ask "Did you give?" (yes, no, or skip).
    Ask(Item),
    /// Everyone handled.
    Done { gifts: usize, total: Cents, skipped: usize },
}

impl GiveRun {
    /// A run over every shortlisted official not yet marked given who has a donation page or a
    /// donation search, in list order; the others with why they were left out.
    pub fn start(shortlist: &Shortlist, feed: &Feed) -> (GiveRun, Vec<(String, LeftOut)>) {
        let mut ids = Vec::new();
        let mut left_out = Vec::new();
        for entry in shortlist.entries() {
            let why = match feed.official(&entry.id) {
                _ if entry.given => Some(LeftOut::AlreadyGiven),
                None => Some(LeftOut::NotInFeed),
                Some(o) if !next_step(feed, o, entry.amount, None).is_donation() => Some(LeftOut::NoDonationPage),
                Some(_) => None,
            };
            match why {
                Some(why) => left_out.push((entry.id.clone(), why)),
                None => ids.push(entry.id.clone()),
            }
        }
        (GiveRun { ids, ..GiveRun::default() }, left_out)
    }

    /// The current step. Officials removed from the list, marked given elsewhere, or gone from
    /// the feed since the run started are passed over.
    pub fn step(&self, shortlist: &Shortlist, feed: &Feed, refcode: Option<&str>) -> Step {
        match self.current(shortlist, feed, refcode) {
            Some((_, item)) if self.asking => Step::Ask(item),
            Some((_, item)) => Step::Open(item),
            None => Step::Done { gifts: self.given.len(), total: self.total_given(), skipped: self.skipped },
        }
    }

    fn current(&self, shortlist: &Shortlist, feed: &Feed, refcode: Option<&str>) -> Option<(usize, Item)> {
        (self.position..self.ids.len()).find_map(|i| {
            let id = &self.ids[i];
            let entry = shortlist.get(id).filter(|e| !e.given || (self.asking && i == self.position))?;
            let official = feed.official(id)?;
            let step = next_step(feed, official, entry.amount, refcode);
            step.is_donation().then(|| {
                let item = Item {
                    id: id.clone(),
                    name: official.name.clone(),
                    amount: entry.amount,
                    step,
                    number: i + 1,
                    of: self.ids.len(),
                };
                (i, item)
            })
        })
    }

    /// The reader opened the current official's page.
    pub fn opened(&mut self, shortlist: &Shortlist, feed: &Feed) {
        if let Some((i, _)) = self.current(shortlist, feed, None) {
            self.position = i;
            self.asking = true;
        }
    }

    /// "Did you give?" Yes marks the official given (a private mark) and adds the amount to the
    /// total; no does neither. Both move on.
    pub fn answer(&mut self, gave: bool, shortlist: &mut Shortlist, feed: &Feed) {
        let Some((i, item)) = self.current(shortlist, feed, None) else {
            return;
        };
        if gave {
            shortlist.set_given(&item.id, true);
            self.given.push((item.id, item.amount.0));
        }
        self.position = i + 1;
        self.asking = false;
    }

    /// Moves on without giving (before or after opening the page).
    pub fn skip(&mut self, shortlist: &Shortlist, feed: &Feed) {
        if let Some((i, _)) = self.current(shortlist, feed, None) {
            self.position = i + 1;
            self.asking = false;
            self.skipped += 1;
        }
    }

    /// How many officials the run is over.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The number of gifts confirmed in this run.
    pub fn gifts(&self) -> usize {
        self.given.len()
    }

    /// "Given so far: $54 to 2 officials", or "Nothing given yet".
    pub fn progress_text(&self) -> Msg {
        match self.given.len() {
            0 => Msg::new("give.progress.none"),
            n => Msg::new("give.progress").count("n", n).money("amount", self.total_given()),
        }
    }

    /// The total of the gifts confirmed in this run.
    pub fn total_given(&self) -> Cents {
        Cents(self.given.iter().map(|(_, c)| *c).sum())
    }

    /// The run as text, to save and resume: a line `1 position asking skipped`, then a line
    /// `i <id>` per official of the run and `g <cents> <id>` per gift. Plain text rather than
    /// JSON: a JSON reader for it added kilobytes to the widget's wasm. (Ids are cleaned text
    /// when a feed is read, so they hold no line breaks.)
    pub fn to_storage(&self) -> String {
        let mut out = format!("1 {} {} {}\n", self.position, u8::from(self.asking), self.skipped);
        for id in &self.ids {
            out.push_str("i ");
            out.push_str(id);
            out.push('\n');
        }
        for (id, cents) in &self.given {
            out.push_str(&format!("g {cents} {id}\n"));
        }
        out
    }

    /// A saved run; `None` if the text is not one (storage is untrusted: never panics).
    pub fn from_storage(text: &str) -> Option<GiveRun> {
        let mut lines = text.lines();
        let mut head = lines.next()?.split(' ');
        if head.next()? != "1" {
            return None;
        }
        let mut number = || head.next()?.parse::<usize>().ok();
        let (position, asking, skipped) = (number()?, number()?, number()?);
        let mut run = GiveRun { asking: asking == 1, skipped, ..GiveRun::default() };
        for line in lines {
            match line.split_once(' ')? {
                ("i", id) => run.ids.push(id.to_string()),
                ("g", gift) => {
                    let (cents, id) = gift.split_once(' ')?;
                    run.given.push((id.to_string(), cents.parse().ok()?));
                }
                _ => return None,
            }
        }
        run.position = position.min(run.ids.len());
        Some(run)
    }
}

/// What a finished run says: "You gave $81 to 3 officials. 1 skipped."
pub fn done_text(gifts: usize, total: Cents, skipped: usize) -> Msg {
    let gave = match gifts {
        0 => Msg::new("give.done.none"),
        n => Msg::new("give.done").count("n", n).money("amount", total),
    };
    match skipped {
        0 => gave,
        n => Msg::new("give.done.skipped").count("n", n).msg("gave", gave),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;

    #[test]
    fn each_step_has_its_heading() {
        let item = Item {
            id: "w".into(),
            name: "Peter Welch".into(),
            amount: Cents(27_00),
            step: NextStep::None,
            number: 2,
            of: 5,
        };
        assert_eq!(Step::Open(item.clone()).heading().en(), "Give to each, 2 of 5: Peter Welch");
        assert_eq!(Step::Ask(item).heading().en(), "Did you give $27 to Peter Welch?");
        assert_eq!(Step::Done { gifts: 0, total: Cents(0), skipped: 0 }.heading().en(), "Give to each: done");
    }

    fn feed() -> Feed {
        load_json(
            br#"{ "format_version": 1, "meta": { "title": "T" },
                 "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
                 "officials": [
                   { "id": "a", "name": "Ann", "state": "VT", "donate_url": "https://secure.actblue.com/donate/a" },
                   { "id": "b", "name": "Bo", "state": "VT", "donate_url": "https://example.org/b" },
                   { "id": "c", "name": "Cy", "state": "VT", "website": "https://cy.example" },
                   { "id": "d", "name": "Di", "state": "VT", "donate_url": "https://example.org/d" } ] }"#,
        )
        .feed
        .unwrap()
    }

    fn list(feed: &Feed, ids: &[&str]) -> Shortlist {
        let mut list = Shortlist::default();
        for id in ids {
            list.add_official(feed.official(id).unwrap()).unwrap();
        }
        list
    }

    fn current_id(step: &Step) -> Option<&str> {
        match step {
            Step::Open(item) | Step::Ask(item) => Some(&item.id),
            Step::Done { .. } => None,
        }
    }

    #[test]
    fn one_at_a_time_yes_marks_given_no_and_skip_move_on() {
        let feed = feed();
        let mut list = list(&feed, &["a", "b", "c", "d"]);
        list.set_amount("b", Cents(10_00)).unwrap();
        list.add_with_amount("gone", "Gone", Cents(5_00)).unwrap();
        let (mut run, left_out) = GiveRun::start(&list, &feed);
        assert_eq!(left_out, [("c".into(), LeftOut::NoDonationPage), ("gone".into(), LeftOut::NotInFeed)]);

        let Step::Open(item) = run.step(&list, &feed, Some("blog")) else { panic!() };
        assert_eq!((item.id.as_str(), item.number, item.of), ("a", 1, 3));
        assert_eq!(item.step.url().unwrap().as_str(), "https://secure.actblue.com/donate/a?amount=27&refcode=blog");
        run.opened(&list, &feed);
        assert!(matches!(run.step(&list, &feed, None), Step::Ask(_)));
        run.answer(true, &mut list, &feed);
        assert!(list.get("a").unwrap().given);

        let Step::Open(item) = run.step(&list, &feed, None) else { panic!() };
        assert_eq!((item.id.as_str(), item.amount), ("b", Cents(10_00)));
        run.opened(&list, &feed);
        run.answer(false, &mut list, &feed);
        assert!(!list.get("b").unwrap().given);

        assert_eq!(current_id(&run.step(&list, &feed, None)), Some("d"));
        run.skip(&list, &feed);
        assert_eq!(run.step(&list, &feed, None), Step::Done { gifts: 1, total: Cents(27_00), skipped: 1 });
        assert_eq!(run.total_given(), Cents(27_00));
    }

    #[test]
    fn a_run_resumes_where_it_was_and_passes_over_changes() {
        let feed = feed();
        let mut list = list(&feed, &["a", "b", "d"]);
        let (mut run, _) = GiveRun::start(&list, &feed);
        run.opened(&list, &feed);
        run.answer(true, &mut list, &feed);
        let saved = run.to_storage();
        assert_eq!(saved, "1 1 0 0\ni a\ni b\ni d\ng 2700 a\n");

        let mut resumed = GiveRun::from_storage(&saved).unwrap();
        assert_eq!(resumed, run);
        list.remove("b"); // removed meanwhile
        assert_eq!(current_id(&resumed.step(&list, &feed, None)), Some("d"));
        resumed.opened(&list, &feed);
        resumed.answer(true, &mut list, &feed);
        assert_eq!(resumed.step(&list, &feed, None), Step::Done { gifts: 2, total: Cents(54_00), skipped: 0 });

        for bad in ["", "not a run", "2 0 0 0", "1 0 0", "1 x 0 0", "1 0 0 0\nx y", "1 0 0 0\ng 12", "1 0 0 0\ng x a"] {
            assert_eq!(GiveRun::from_storage(bad), None, "{bad:?}");
        }
        let spaced = GiveRun { ids: vec!["an id with spaces".into()], ..GiveRun::default() };
        assert_eq!(GiveRun::from_storage(&spaced.to_storage()), Some(spaced));
        let odd = GiveRun::from_storage("1 99 1 0\ni a\n").unwrap();
        assert!(matches!(odd.step(&list, &feed, None), Step::Done { .. }), "a position past the end is the end");
    }

    #[test]
    fn the_run_speaks_plainly() {
        let feed = feed();
        let mut list = list(&feed, &["a", "b", "c"]);
        list.set_amount("b", Cents(10_50)).unwrap();
        let (mut run, left_out) = GiveRun::start(&list, &feed);
        assert_eq!((run.len(), run.is_empty(), run.gifts()), (2, false, 0));
        let named: Vec<(String, LeftOut)> =
            left_out.into_iter().map(|(id, why)| (list.get(&id).unwrap().name.clone(), why)).collect();
        assert_eq!(
            left_out_text(&named).map(|m| m.en()).as_deref(),
            Some("Left out: Cy (no donation page in this feed).")
        );
        assert_eq!(left_out_text(&[]), None);
        assert_eq!(run.progress_text().en(), "Nothing given yet");
        let Step::Open(item) = run.step(&list, &feed, None) else { panic!() };
        assert_eq!(
            (item.position_text().en().as_str(), item.ask_text().en().as_str()),
            ("1 of 2", "Did you give $27 to Ann?")
        );
        run.opened(&list, &feed);
        run.answer(true, &mut list, &feed);
        assert_eq!(run.progress_text().en(), "Given so far: $27 to 1 official");
        run.opened(&list, &feed);
        run.answer(true, &mut list, &feed);
        assert_eq!(run.progress_text().en(), "Given so far: $37.50 to 2 officials");
        assert_eq!(done_text(2, run.total_given(), 0).en(), "You gave $37.50 to 2 officials.");
        assert_eq!(done_text(1, Cents(27_00), 2).en(), "You gave $27 to 1 official. 2 skipped.");
        assert_eq!(done_text(0, Cents(0), 1).en(), "No gifts were marked this time. 1 skipped.");
        assert!(GiveRun::start(&Shortlist::default(), &feed).0.is_empty());
    }

    #[test]
    fn officials_marked_given_are_left_out_and_given_elsewhere_passed_over() {
        let feed = feed();
        let mut list = list(&feed, &["a", "b"]);
        list.set_given("a", true);
        let (run, left_out) = GiveRun::start(&list, &feed);
        assert_eq!(left_out, [("a".into(), LeftOut::AlreadyGiven)]);
        list.set_given("b", true); // e.g. in another tab
        assert!(matches!(run.step(&list, &feed, None), Step::Done { gifts: 0, .. }));
    }
}
