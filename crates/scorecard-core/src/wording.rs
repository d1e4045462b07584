//! The widget's counting sentences, in one place: "34 officials", the results' count and the
//! one sentence screen readers hear for it, lists of names, "3 changes since you last looked
//! on …" and what changed. Components only show these.

use crate::describe::not_rated;
use crate::diagnostics::group_thousands;
use crate::feed::{Feed, Official};
use crate::filter::{FilterResult, FilterSpec, StanceChoice};
use crate::i18n::{Lang, Msg};
use crate::since::{Changes, Left, RecordChange};
use crate::states::State;
use crate::text::lower;

/// "1 official", "34 officials", "1,204 officials".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group_thousands(n as u64), if n == 1 { one } else { many })
}

/// "Minnesota", "Minnesota and Wisconsin", "Iowa, Minnesota and Wisconsin".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `join_names` in the reader's language: "Iowa, Ohio and Utah", "Iowa, Ohio y Utah".
pub fn join_list(names: &[&str]) -> Msg {
    match names {
        [] => Msg::text_only(""),
        [one] => Msg::text_only(*one),
        [rest @ .., last] => Msg::new("list.and").text("rest", rest.join(", ")).text("last", *last),
    }
}

/// Sentences said one after another, or `None` for none.
pub fn sentences(said: impl IntoIterator<Item = Msg>) -> Option<Msg> {
    said.into_iter().reduce(|first, next| Msg::new("sentences").msg("first", first).msg("next", next))
}

/// States in a sentence, by their names in the reader's language: "Iowa, Ohio and Utah",
/// "Nueva York y Ohio".
pub fn join_states(states: &[State]) -> Msg {
    join_msgs(states.iter().map(|s| Msg::new("text").state("text", *s)).collect())
}

/// Messages in a sentence: "a, b and c", "a, b y c".
pub fn join_msgs(mut items: Vec<Msg>) -> Msg {
    let Some(last) = items.pop() else { return Msg::text_only("") };
    let mut items = items.into_iter();
    match items.next() {
        None => last,
        Some(first) => {
            let rest = items.fold(first, |rest, next| Msg::new("list.comma").msg("rest", rest).msg("next", next));
            Msg::new("list.and").msg("rest", rest).msg("last", last)
        }
    }
}

/// The results' count as shown above the list: "34 officials", and " in 12 states" when the
/// officials are in any state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountLine {
    pub number: Msg,
    pub place: Option<Msg>,
}

/// "34 officials" (`count.officials`).
pub fn officials(n: impl TryInto<u64>) -> Msg {
    Msg::new("count.officials").count("n", n)
}

pub fn count_line(officials: usize, states: usize) -> CountLine {
    CountLine { number: self::officials(officials), place: (states > 0).then(|| in_states(states)) }
}

/// " in 12 states".
fn in_states(states: usize) -> Msg {
    Msg::new("place.states").count("n", states)
}

/// What screen readers hear for a sharded feed before a state is picked.
pub fn pick_state_summary(officials: u64, states: usize) -> Msg {
    let line = count_line(usize::try_from(officials).unwrap_or(usize::MAX), states);
    Msg::new("shards.pick_summary").msg("count", line.number).part("place", line.place)
}

/// "34 officials endorsed Sanders in 12 states": the count, the one stance chosen (if one),
/// and where, in `lang`. `label` is the stance's label in the reader's language. In English, a
/// stance label that starts with a past-tense verb ("Endorsed …", "Backed …") reads as part of
/// the sentence (`summary.verb`); others are quoted (`summary.quoted`). In Spanish every label
/// is quoted: a label's verb is not conjugated for the count ("Respaldó" is not "respaldaron").
pub fn results_summary(
    feed: &Feed,
    filter: &FilterSpec,
    result: &FilterResult,
    label: impl Fn(&crate::feed::Stance) -> String,
    lang: Lang,
) -> Msg {
    let question = &feed.questions[result.question];
    let stance = match filter.stances.iter().collect::<Vec<_>>().as_slice() {
        [StanceChoice::Stance(id)] => {
            question.stances.iter().find(|s| &s.id == id).map(|s| stance_phrase(&label(s), lang))
        }
        [StanceChoice::NotRated] => Some(Msg::new("summary.not_rated")),
        _ => None,
    };
    let place = match result.matching_states {
        0 => None,
        1 if filter.states.len() == 1 => filter.states.iter().next().map(|s| Msg::new("place.state").state("state", s)),
        n => Some(in_states(n)),
    };
    Msg::new("summary").msg("count", officials(result.matches.len())).part("stance", stance).part("place", place)
}

/// " endorsed Sanders" for "Endorsed Sanders" (a first word longer than three letters ending in
/// "ed" is taken for a verb); " with the stance “Yes”" otherwise.
pub(crate) fn stance_phrase(label: &str, lang: Lang) -> Msg {
    let first_word = label.split_whitespace().next().unwrap_or("");
    if lang == Lang::En && first_word.len() > 3 && first_word.ends_with("ed") {
        let first = label.chars().next().map_or(0, char::len_utf8);
        let verb = format!("{}{}", lower(&label[..first]), &label[first..]);
        Msg::new("summary.verb").text("verb", verb)
    } else {
        Msg::new("summary.quoted").text("label", label)
    }
}

/// "3 changes since you last looked on Nov 2, 2026": the heading of "Changed since your last
/// visit" (every official changed, new or gone counts once).
pub fn since_heading(changes: &Changes) -> Msg {
    match changes.since {
        Some(date) => Msg::new("since.heading.dated").count("n", changes.count()).date("date", date),
        None => Msg::new("since.heading").count("n", changes.count()),
    }
}

/// "Marked in the list: 1 changed, 2 new." (`None` when only officials who left changed).
pub fn since_marked(changes: &Changes) -> Option<Msg> {
    let changed = |n: usize| Msg::new("since.changed").count("n", n);
    let new = |n: usize| Msg::new("since.new").count("n", n);
    let parts = match changes.counts() {
        (0, 0) => return None,
        (c, 0) => changed(c),
        (0, n) => new(n),
        (c, n) => Msg::new("since.changed_and_new").msg("changed", changed(c)).msg("new", new(n)),
    };
    Some(Msg::new("since.marked").msg("parts", parts))
}

/// Who left the feed, in one sentence: "Left the scorecard: Bo Baker (Vermont) and Cy Cole
/// (Minnesota)."; when their names were not kept, "2 officials left the scorecard (Minnesota
/// and Vermont)."
pub fn since_left(left: &[Left]) -> Option<Msg> {
    if left.is_empty() {
        return None;
    }
    let mut named: Vec<Msg> = left
        .iter()
        .filter_map(|l| Some(Msg::new("since.left.who").text("name", l.name.clone()?).state("state", l.state)))
        .collect();
    let unnamed = left.len() - named.len();
    if named.is_empty() {
        let mut states: Vec<State> = left.iter().map(|l| l.state).collect();
        states.sort_unstable_by_key(|s| s.name());
        states.dedup();
        return Some(Msg::new("since.left.count").count("n", unnamed).msg("states", join_states(&states)));
    }
    if unnamed > 0 {
        named.push(Msg::new("since.others").count("n", unnamed));
    }
    let names = join_msgs(named);
    Some(Msg::new("since.left").count("n", left.len()).msg("names", names))
}

/// A changed record in words, for the mark on its official's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeWords {
    pub question_index: usize,
    /// The question's label.
    pub question: String,
    /// The stance the reader saw ("Not rated" when none).
    pub from: Msg,
    /// The stance now.
    pub to: Msg,
    pub stance_changed: bool,
}

/// `change` for `official` of `feed` in words; `None` for a question the feed no longer has.
/// Stance labels are the feed's own words, shown as they are.
pub fn record_change(feed: &Feed, official: &Official, change: &RecordChange) -> Option<ChangeWords> {
    let question_index = feed.question_index(&change.question)?;
    let question = &feed.questions[question_index];
    let record = official.stances.get(question_index).and_then(Option::as_ref);
    let to = record.and_then(|r| question.stances.get(usize::from(r.stance))).map(|s| s.label.as_str());
    let label = |l: Option<&str>| l.map_or_else(not_rated, Msg::text_only);
    Some(ChangeWords {
        question_index,
        question: question.label.clone(),
        from: label(change.old.as_ref().map(|s| s.label.as_str())),
        to: label(to),
        stance_changed: change.stance_changed,
    })
}

/// The results' summary with the "Changed" filter on: "2 officials in 1 state, changed or new
/// since your last visit".
pub fn only_changed(summary: Msg) -> Msg {
    Msg::new("summary.only_changed").msg("summary", summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;
    use crate::filter::run;
    use crate::states::State;

    fn feed() -> Feed {
        load_json(
            br#"{ "format_version": 1, "meta": { "title": "T" },
                "questions": [ { "id": "q", "text": "Q?", "stances": [
                    { "id": "e", "label": "Endorsed Sanders" }, { "id": "y", "label": "Yes" }, { "id": "r", "label": "Red flag" } ] } ],
                "officials": [
                    { "id": "a", "name": "Ann Able", "state": "VT", "stances": { "q": { "stance": "e" } } },
                    { "id": "b", "name": "Bo Baker", "state": "MN", "stances": { "q": { "stance": "y" } } },
                    { "id": "c", "name": "Cy Cole", "state": "MN" } ] }"#,
        )
        .feed
        .unwrap()
    }

    fn summary(filter: &FilterSpec) -> String {
        let feed = feed();
        results_summary(&feed, filter, &run(&feed, filter), |s| s.label.clone(), Lang::En).en()
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(plural(1, "official", "officials"), "1 official");
        assert_eq!(plural(0, "official", "officials"), "0 officials");
        assert_eq!(plural(1204, "state", "states"), "1,204 states");
        let line = count_line(3, 2);
        assert_eq!((line.number.en(), line.place.map(|p| p.en())), ("3 officials".into(), Some(" in 2 states".into())));
        assert_eq!(count_line(0, 0).place, None);
        assert_eq!(pick_state_summary(1, 1).en(), "1 official in 1 state. Pick a state to see its officials.");
        let es = crate::i18n::Plain(crate::i18n::Lang::Es);
        assert_eq!(
            pick_state_summary(1015, 3).render(&es),
            "1,015 funcionarios en 3 estados. Elija un estado para ver sus funcionarios."
        );
    }

    #[test]
    fn names_are_joined_with_and() {
        assert_eq!(join_names(&[]), "");
        assert_eq!(join_names(&["Iowa"]), "Iowa");
        assert_eq!(join_names(&["Iowa", "Ohio"]), "Iowa and Ohio");
        assert_eq!(join_names(&["Iowa", "Ohio", "Utah"]), "Iowa, Ohio and Utah");
        assert_eq!(join_list(&["Iowa", "Ohio", "Utah"]).en(), "Iowa, Ohio and Utah");
        assert_eq!(join_list(&["Iowa"]).en(), "Iowa");
        let es = crate::i18n::Plain(crate::i18n::Lang::Es);
        assert_eq!(join_list(&["Iowa", "Ohio", "Utah"]).render(&es), "Iowa, Ohio y Utah");
    }

    #[test]
    fn a_past_tense_stance_reads_as_a_sentence() {
        let mut filter = FilterSpec::default();
        assert_eq!(summary(&filter), "3 officials in 2 states");
        filter.stances.insert(StanceChoice::Stance("e".into()));
        assert_eq!(summary(&filter), "1 official endorsed Sanders in 1 state");
        filter.states.insert(State::parse("VT").unwrap());
        assert_eq!(summary(&filter), "1 official endorsed Sanders in Vermont");
        // Spanish quotes the label, whatever its first word.
        let feed = feed();
        let es = crate::i18n::Plain(crate::i18n::Lang::Es);
        let said = results_summary(&feed, &filter, &run(&feed, &filter), |_| "Respaldó a Sanders".into(), Lang::Es)
            .render(&es);
        assert_eq!(said, "1 funcionario con la postura «Respaldó a Sanders» en Vermont");
    }

    #[test]
    fn other_stances_are_quoted() {
        let mut filter = FilterSpec::default();
        filter.stances.insert(StanceChoice::Stance("y".into()));
        assert_eq!(summary(&filter), "1 official with the stance “Yes” in 1 state");
        // "Red" ends in "ed" but is too short for a verb.
        let mut filter = FilterSpec::default();
        filter.stances.insert(StanceChoice::Stance("r".into()));
        assert_eq!(summary(&filter), "0 officials with the stance “Red flag”");
        let mut filter = FilterSpec::default();
        filter.stances.insert(StanceChoice::NotRated);
        assert_eq!(summary(&filter), "1 official not rated in 1 state");
    }

    #[test]
    fn changes_since_the_last_visit_in_words() {
        use crate::date::Date;
        use crate::since::{Mark, OldStance};
        let mut changes = Changes { since: Date::new(2026, 11, 2), ..Changes::default() };
        changes.marks.insert("a".into(), Mark::New);
        assert_eq!(since_heading(&changes).en(), "1 change since you last looked on Nov 2, 2026");
        assert_eq!(since_marked(&changes).map(|m| m.en()).as_deref(), Some("Marked in the list: 1 new."));
        changes.marks.insert("b".into(), Mark::Changed(Vec::new()));
        let vt = State::parse("VT").unwrap();
        changes.left.push(Left { state: vt, name: Some("Bo Baker".into()) });
        assert_eq!(since_heading(&changes).en(), "3 changes since you last looked on Nov 2, 2026");
        assert_eq!(since_marked(&changes).map(|m| m.en()).as_deref(), Some("Marked in the list: 1 changed, 1 new."));
        assert_eq!(
            since_left(&changes.left).map(|m| m.en()).as_deref(),
            Some("Left the scorecard: Bo Baker (Vermont).")
        );
        changes.since = None;
        changes.marks.clear();
        assert_eq!(since_heading(&changes).en(), "1 change since your last visit");
        assert_eq!(since_marked(&changes), None);
        // Without names (too many to keep), they are counted.
        let mn = State::parse("MN").unwrap();
        let unnamed = [Left { state: vt, name: None }, Left { state: mn, name: None }, Left { state: mn, name: None }];
        assert_eq!(
            since_left(&unnamed).map(|m| m.en()).as_deref(),
            Some("3 officials left the scorecard (Minnesota and Vermont).")
        );
        let mixed = [Left { state: vt, name: Some("Bo Baker".into()) }, Left { state: mn, name: None }];
        assert_eq!(
            since_left(&mixed).map(|m| m.en()).as_deref(),
            Some("Left the scorecard: Bo Baker (Vermont) and 1 other.")
        );
        assert_eq!(since_left(&[]), None);
        assert_eq!(
            only_changed("2 officials in 1 state".into()).en(),
            "2 officials in 1 state, changed or new since your last visit"
        );
        // A changed record: the stance the reader saw, and the stance now.
        let feed = feed();
        let change = RecordChange {
            question: "q".into(),
            old: Some(OldStance { id: "y".into(), label: "Yes".into() }),
            stance_changed: true,
        };
        let words = record_change(&feed, &feed.officials[0], &change).unwrap();
        assert_eq!(
            (words.from.en().as_str(), words.to.en().as_str(), words.question.as_str()),
            ("Yes", "Endorsed Sanders", "Q?")
        );
        let rated = RecordChange { old: None, ..change.clone() };
        assert_eq!(record_change(&feed, &feed.officials[0], &rated).unwrap().from.en(), "Not rated");
        let cy = feed.official("c").unwrap();
        assert_eq!(record_change(&feed, cy, &change).unwrap().to.en(), "Not rated");
        assert_eq!(record_change(&feed, cy, &RecordChange { question: "gone".into(), ..change }), None);
    }

    #[test]
    fn a_verb_with_an_accented_capital_is_lowered() {
        assert_eq!(stance_phrase("Élected", Lang::En).en(), " élected");
    }
}
