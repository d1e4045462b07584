//! How an official is described in one line, wherever they are shown (a result row, the
//! details dialog, the shortlist): office and district, city, state, party.

use crate::feed::shards::Presence;
use crate::feed::{Feed, Official};
use crate::i18n::{Format, Msg};
use crate::states::State;

/// Shown where an official has no stance on the question.
pub fn not_rated() -> Msg {
    Msg::new("stance.not_rated")
}

/// "Representative, District 7 · San Antonio · Vermont · Democratic". A district that is a
/// number is called "District 7"; a named one ("At-large") is shown as it is.
pub fn office(feed: &Feed, official: &Official, format: &dyn Format) -> String {
    let mut parts = Vec::new();
    let numbered = |district: &str| Msg::new("office.district").text("district", district).render(format);
    match (feed.position_label(official), &official.district) {
        (Some(position), Some(district)) if district.chars().all(|c| c.is_ascii_digit()) => {
            parts.push(format!("{position}, {}", numbered(district)))
        }
        (Some(position), Some(district)) => parts.push(format!("{position}, {district}")),
        (Some(position), None) => parts.push(position.to_string()),
        (None, Some(district)) if district.chars().all(|c| c.is_ascii_digit()) => parts.push(numbered(district)),
        (None, Some(district)) => parts.push(district.clone()),
        (None, None) => {}
    }
    if let Some(city) = &official.city {
        parts.push(city.clone());
    }
    parts.push(official.state.name_in(format.lang()).to_string());
    if let Some(party) = feed.party_label(official) {
        parts.push(party.to_string());
    }
    parts.join(" · ")
}

/// Why a listed official is not in the feed shown: their state's file is not loaded yet (a
/// sharded feed), or they are gone from it.
pub fn absent(presence: Presence, state: Option<State>) -> Msg {
    match (presence, state) {
        (Presence::NotLoaded, Some(state)) => Msg::new("absent.not_loaded_in").state("state", state),
        (Presence::NotLoaded, None) => Msg::new("absent.not_loaded"),
        (Presence::Gone | Presence::InFeed, _) => Msg::new("absent.gone"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;

    fn described(fields: &str) -> String {
        let json = format!(
            r#"{{ "format_version": 1, "meta": {{ "title": "T" }},
                 "questions": [ {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Y" }} ] }} ],
                 "officials": [ {{ "id": "a", "name": "Ann Able", "state": "VT" {fields} }} ] }}"#
        );
        let feed = load_json(json.as_bytes()).feed.unwrap();
        office(&feed, &feed.officials[0], &crate::i18n::Plain(crate::i18n::Lang::En))
    }

    #[test]
    fn absent_officials_say_why() {
        let mn = State::parse("MN");
        assert_eq!(absent(Presence::NotLoaded, mn).en(), "Not loaded yet (Minnesota)");
        assert_eq!(absent(Presence::NotLoaded, None).en(), "Not loaded yet");
        assert_eq!(absent(Presence::Gone, mn).en(), "No longer in this feed");
    }

    #[test]
    fn everything_known() {
        assert_eq!(
            described(
                r#", "position": "Representative", "district": "7", "city": "Burlington", "party": "Democratic""#
            ),
            "Representative, District 7 · Burlington · Vermont · Democratic"
        );
    }

    #[test]
    fn named_districts_and_missing_parts() {
        assert_eq!(
            described(r#", "position": "Representative", "district": "At-large""#),
            "Representative, At-large · Vermont"
        );
        assert_eq!(described(r#", "district": "3""#), "District 3 · Vermont");
        assert_eq!(described(r#", "district": "At-large""#), "At-large · Vermont");
        assert_eq!(described(r#", "position": "Senator""#), "Senator · Vermont");
        assert_eq!(described(""), "Vermont");
    }
}
