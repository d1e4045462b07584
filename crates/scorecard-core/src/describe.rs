//! How an official is described in one line, wherever they are shown (a result row, the
//! details dialog, the shortlist): office and district, city, state, party.

use crate::feed::shards::Presence;
use crate::feed::{Feed, Official};
use crate::states::State;

/// Shown where an official has no stance on the question.
pub const NOT_RATED: &str = "Not rated";

/// "Representative, District 7 · San Antonio · Vermont · Democratic". A district that is a
/// number is called "District 7"; a named one ("At-large") is shown as it is.
pub fn office(feed: &Feed, official: &Official) -> String {
    let mut parts = Vec::new();
    match (feed.position_label(official), &official.district) {
        (Some(position), Some(district)) if district.chars().all(|c| c.is_ascii_digit()) => {
            parts.push(format!("{position}, District {district}"))
        }
        (Some(position), Some(district)) => parts.push(format!("{position}, {district}")),
        (Some(position), None) => parts.push(position.to_string()),
        (None, Some(district)) => parts.push(format!("District {district}")),
        (None, None) => {}
    }
    if let Some(city) = &official.city {
        parts.push(city.clone());
    }
    parts.push(official.state.name().to_string());
    if let Some(party) = feed.party_label(official) {
        parts.push(party.to_string());
    }
    parts.join(" · ")
}

/// Why a listed official is not in the feed shown: their state's file is not loaded yet (a
/// sharded feed), or they are gone from it.
pub fn absent(presence: Presence, state: Option<State>) -> String {
    match (presence, state) {
        (Presence::NotLoaded, Some(state)) => format!("Not loaded yet ({})", state.name()),
        (Presence::NotLoaded, None) => "Not loaded yet".to_string(),
        (Presence::Gone | Presence::InFeed, _) => "No longer in this feed".to_string(),
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
        office(&feed, &feed.officials[0])
    }

    #[test]
    fn absent_officials_say_why() {
        let mn = State::parse("MN");
        assert_eq!(absent(Presence::NotLoaded, mn), "Not loaded yet (Minnesota)");
        assert_eq!(absent(Presence::NotLoaded, None), "Not loaded yet");
        assert_eq!(absent(Presence::Gone, mn), "No longer in this feed");
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
        assert_eq!(described(r#", "position": "Senator""#), "Senator · Vermont");
        assert_eq!(described(""), "Vermont");
    }
}
