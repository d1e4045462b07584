//! The widget's counting sentences, in one place: "34 officials", the results' count and the
//! one sentence screen readers hear for it, lists of names. Components only show these.

use crate::diagnostics::group_thousands;
use crate::feed::Feed;
use crate::filter::{FilterResult, FilterSpec, StanceChoice};
use crate::i18n::{Lang, Msg};
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
        1 if filter.states.len() == 1 => {
            filter.states.iter().next().map(|s| Msg::new("place.state").text("state", s.name()))
        }
        n => Some(in_states(n)),
    };
    Msg::new("summary").msg("count", officials(result.matches.len())).part("stance", stance).part("place", place)
}

/// " endorsed Sanders" for "Endorsed Sanders" (a first word longer than three letters ending in
/// "ed" is taken for a verb); " with the stance “Yes”" otherwise.
fn stance_phrase(label: &str, lang: Lang) -> Msg {
    let first_word = label.split_whitespace().next().unwrap_or("");
    if lang == Lang::En && first_word.len() > 3 && first_word.ends_with("ed") {
        let first = label.chars().next().map_or(0, char::len_utf8);
        let verb = format!("{}{}", lower(&label[..first]), &label[first..]);
        Msg::new("summary.verb").text("verb", verb)
    } else {
        Msg::new("summary.quoted").text("label", label)
    }
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
    fn a_verb_with_an_accented_capital_is_lowered() {
        assert_eq!(stance_phrase("Élected", Lang::En).en(), " élected");
    }
}
