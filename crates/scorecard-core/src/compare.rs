//! Officials side by side: who can be picked for a comparison (2 to 4 officials of the feed), and
//! what the comparison says in words. The widget keeps the picks in `AppState::compare`; a
//! comparison on screen is part of the view ([`crate::share_link::View::compare`], `k` in links).

use crate::feed::Feed;
use crate::i18n::Msg;
use crate::wording::join_list;

/// At most this many officials side by side: four columns still fit a laptop's width, and
/// stacked on a phone each question stays about one screen.
pub const MAX_COMPARED: usize = 4;
/// Fewer is not a comparison.
pub const MIN_COMPARED: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    Added,
    Removed,
}

/// Why an official could not be picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// [`MAX_COMPARED`] are picked already.
    Full,
    /// Not an official of this feed (a shortlist entry the feed no longer has).
    NotInFeed,
}

/// Picks the official `id` for the comparison, or takes them back if they are picked.
pub fn toggle(picks: &mut Vec<String>, id: &str, feed: &Feed) -> Result<Picked, Refused> {
    if let Some(at) = picks.iter().position(|p| p == id) {
        picks.remove(at);
        return Ok(Picked::Removed);
    }
    if feed.official_index(id).is_none() {
        return Err(Refused::NotInFeed);
    }
    if picks.len() >= MAX_COMPARED {
        return Err(Refused::Full);
    }
    picks.push(id.to_string());
    Ok(Picked::Added)
}

/// Keeps the picks that are officials of `feed` (once each, at most [`MAX_COMPARED`]), in order:
/// after a newer copy of the feed, or from an address. Returns how many were not in the feed.
pub fn keep_in_feed(picks: &mut Vec<String>, feed: &Feed) -> usize {
    let before = picks.len();
    let mut kept: Vec<String> = Vec::with_capacity(picks.len().min(MAX_COMPARED));
    let mut missing = 0;
    for id in picks.drain(..) {
        if feed.official_index(&id).is_none() {
            missing += 1;
        } else if !kept.contains(&id) && kept.len() < MAX_COMPARED {
            kept.push(id);
        }
    }
    debug_assert!(kept.len() + missing <= before);
    *picks = kept;
    missing
}

/// Whether a comparison of `count` officials can be shown.
pub fn can_show(count: usize) -> bool {
    (MIN_COMPARED..=MAX_COMPARED).contains(&count)
}

/// What is said when an official is picked or taken back: "Added Ann Able to the comparison
/// (2 of 4)".
pub fn picked_text(picked: Picked, name: &str, count: usize) -> Msg {
    let key = match picked {
        Picked::Added => "compare.said.added",
        Picked::Removed => "compare.said.removed",
    };
    Msg::new(key).text("name", name).count("n", count).count("max", MAX_COMPARED)
}

/// Why `name` was not picked.
pub fn refused_text(refused: Refused, name: &str) -> Msg {
    match refused {
        Refused::Full => Msg::new("compare.refused.full").count("max", MAX_COMPARED).text("name", name),
        Refused::NotInFeed => Msg::new("compare.refused.not_in_feed").text("name", name),
    }
}

/// Asked to compare with too few picked.
pub fn too_few_text(count: usize) -> Msg {
    Msg::new("compare.too_few").count("n", count).count("min", MIN_COMPARED)
}

/// Officials of a comparison (from a link, or kept from an older copy of the feed) that are not
/// in this feed: they are left out, and the reader is told.
pub fn missing_text(missing: usize) -> Msg {
    Msg::new("compare.missing").count("n", missing)
}

/// A link that compares more officials than can be shown (never one this widget made).
pub fn too_many_text(count: usize) -> Msg {
    Msg::new("compare.too_many").count("n", count).count("max", MAX_COMPARED)
}

/// The bar under the results while officials are picked: "To compare: Ann Able and Bo Baker
/// (2 of 4)".
pub fn picks_text(names: &[&str]) -> Msg {
    Msg::new("compare.picks").msg("names", join_list(names)).count("n", names.len()).count("max", MAX_COMPARED)
}

/// The comparison table's caption.
pub fn caption(names: &[&str]) -> Msg {
    Msg::new("compare.caption").count("n", names.len()).msg("names", join_list(names))
}

/// Whether the compared officials (indices into the feed) take the same stance on question `q`
/// ("Not rated" counting as a stance of its own): a reader scanning the table sees at once
/// where they differ.
pub fn agreement(feed: &Feed, q: usize, officials: &[usize]) -> Msg {
    let stance = |i: &usize| feed.officials[*i].stances.get(q).and_then(|r| r.as_ref()).map(|r| r.stance);
    let mut stances = officials.iter().map(stance);
    let first = stances.next();
    Msg::new(if stances.all(|s| Some(s) == first) { "compare.same" } else { "compare.differ" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;

    fn feed() -> Feed {
        load_json(
            br#"{ "format_version": 1, "meta": { "title": "T" },
                "questions": [
                    { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Yes" }, { "id": "n", "label": "No" } ] },
                    { "id": "r", "text": "R?", "stances": [ { "id": "y", "label": "Yes" } ] } ],
                "officials": [
                    { "id": "a", "name": "Ann", "state": "VT", "stances": { "q": { "stance": "y" }, "r": { "stance": "y" } } },
                    { "id": "b", "name": "Bo", "state": "VT", "stances": { "q": { "stance": "y" } } },
                    { "id": "c", "name": "Cy", "state": "VT", "stances": { "q": { "stance": "n" } } },
                    { "id": "d", "name": "Di", "state": "VT" },
                    { "id": "e", "name": "Ed", "state": "VT" } ] }"#,
        )
        .feed
        .unwrap()
    }

    #[test]
    fn at_most_four_and_only_officials_of_the_feed() {
        let feed = feed();
        let mut picks = Vec::new();
        for id in ["a", "b", "c", "d"] {
            assert_eq!(toggle(&mut picks, id, &feed), Ok(Picked::Added));
        }
        assert_eq!(toggle(&mut picks, "e", &feed), Err(Refused::Full), "a fifth is refused");
        assert_eq!(picks, ["a", "b", "c", "d"]);
        assert_eq!(toggle(&mut picks, "b", &feed), Ok(Picked::Removed), "picking again takes back");
        assert_eq!(toggle(&mut picks, "gone", &feed), Err(Refused::NotInFeed));
        assert_eq!(toggle(&mut picks, "e", &feed), Ok(Picked::Added));
        assert_eq!(picks, ["a", "c", "d", "e"], "in the order picked");
    }

    #[test]
    fn officials_not_in_the_feed_are_dropped_and_counted() {
        let feed = feed();
        let mut picks: Vec<String> = ["x", "a", "a", "y", "b", "c", "d", "e"].map(String::from).to_vec();
        assert_eq!(keep_in_feed(&mut picks, &feed), 2);
        assert_eq!(picks, ["a", "b", "c", "d"], "once each, at most four");
        assert_eq!(missing_text(1).en(), "1 official in the comparison is not in this feed and was left out.");
        assert_eq!(missing_text(2).en(), "2 officials in the comparison are not in this feed and were left out.");
    }

    #[test]
    fn two_to_four_can_be_shown() {
        assert_eq!((0..=5).map(can_show).collect::<Vec<_>>(), [false, false, true, true, true, false]);
    }

    #[test]
    fn words() {
        assert_eq!(picked_text(Picked::Added, "Ann", 2).en(), "Added Ann to the comparison (2 of 4)");
        assert_eq!(picked_text(Picked::Removed, "Ann", 1).en(), "Removed Ann from the comparison (1 of 4)");
        assert_eq!(
            refused_text(Refused::Full, "Ed").en(),
            "You can compare up to 4 officials. Remove one before adding Ed."
        );
        assert_eq!(refused_text(Refused::NotInFeed, "Ed").en(), "Ed is not in this feed, so cannot be compared.");
        assert_eq!(too_few_text(1).en(), "Pick at least 2 officials to compare (1 picked so far).");
        assert_eq!(too_many_text(6).en(), "The link compares 6 officials; only the first 4 were read.");
        assert_eq!(picks_text(&["Ann", "Bo"]).en(), "To compare: Ann and Bo (2 of 4)");
        assert_eq!(caption(&["Ann", "Bo", "Cy"]).en(), "Where Ann, Bo and Cy stand on each question");
    }

    #[test]
    fn agreement_counts_not_rated_as_a_stance() {
        let feed = feed();
        assert_eq!(agreement(&feed, 0, &[0, 1]).en(), "Same stance");
        assert_eq!(agreement(&feed, 0, &[0, 1, 2]).en(), "Stances differ");
        assert_eq!(agreement(&feed, 1, &[1, 2, 3]).en(), "Same stance", "none of them rated");
        assert_eq!(agreement(&feed, 1, &[0, 1]).en(), "Stances differ");
    }
}
