//! Rosters in the congress-legislators format (`legislators-current.yaml` of the
//! unitedstates/congress-legislators project) → feed officials, one per member, from their
//! current (last) term. A roster says who holds office, not where they stand: its feed gets
//! its questions from a [`crate::join`].
//!
//! The YAML is read by the command-line tool (its YAML crate stays out of the wasm) into the
//! types here; everything decided about a member is decided here. What is specific to a feed
//! (labels, party names, division-id patterns) comes from a [`RosterMapping`].

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location, Report};
use crate::feed::doc::{FeedDoc, IdentifierDoc, MetaDoc, OfficialDoc, QuestionDoc, Text, FORMAT_VERSION};
use crate::feed::validate::{FeedPath, Locate};
use crate::join::NameParts;
use crate::states::State;

/// One member, as the format writes them (fields the importer does not use are ignored).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Legislator {
    #[serde(default)]
    pub id: LegislatorIds,
    #[serde(default)]
    pub name: LegislatorName,
    /// Oldest first; the last is the current term.
    #[serde(default)]
    pub terms: Vec<Term>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LegislatorIds {
    pub bioguide: Option<String>,
    /// Every FEC candidate id the member has had (one per office sought).
    #[serde(default)]
    pub fec: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LegislatorName {
    #[serde(default)]
    pub first: String,
    pub middle: Option<String>,
    #[serde(default)]
    pub last: String,
    pub suffix: Option<String>,
    pub nickname: Option<String>,
    pub official_full: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Term {
    /// `sen` or `rep`.
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub state: String,
    /// House only; 0 is at large.
    pub district: Option<i64>,
    pub party: Option<String>,
    pub url: Option<String>,
    pub contact_form: Option<String>,
}

/// What a feed built from a roster calls things. Everything has a default but `meta`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterMapping {
    pub meta: MetaDoc,
    /// Position labels by kind of seat.
    #[serde(default)]
    pub positions: Positions,
    /// Party names as the roster writes them → as the feed shows them, e.g. `Democrat = "Democratic"`.
    #[serde(default)]
    pub parties: BTreeMap<String, String>,
    /// The `district` of at-large House seats (district 0 in the roster), e.g. "At-large".
    #[serde(default = "at_large")]
    pub at_large: String,
    #[serde(default)]
    pub division_ids: DivisionIds,
}

fn at_large() -> String {
    "At-large".into()
}

impl Default for RosterMapping {
    fn default() -> Self {
        RosterMapping {
            meta: MetaDoc::default(),
            positions: Positions::default(),
            parties: BTreeMap::new(),
            at_large: at_large(),
            division_ids: DivisionIds::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Positions {
    pub senator: String,
    pub representative: String,
    /// Members for DC, American Samoa, Guam, the Northern Mariana Islands and the Virgin Islands.
    pub delegate: String,
    /// The member for Puerto Rico.
    pub resident_commissioner: String,
}

impl Default for Positions {
    fn default() -> Self {
        Positions {
            senator: "Senator".into(),
            representative: "Representative".into(),
            delegate: "Delegate".into(),
            resident_commissioner: "Resident Commissioner".into(),
        }
    }
}

/// Division ids of House seats, as patterns with `{state}` (lower-case USPS code) and
/// `{district}`. Unset patterns give no division id.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DivisionIds {
    /// A numbered district, e.g. "ocd-division/country:us/state:{state}/cd:{district}".
    pub district: Option<String>,
    /// An at-large seat, e.g. "ocd-division/country:us/state:{state}/cd:at-large".
    pub at_large: Option<String>,
    /// Seats whose division is a whole state or territory, by USPS code, overriding the above
    /// (e.g. `DC = "ocd-division/country:us/district:dc"`).
    #[serde(default)]
    pub states: BTreeMap<String, String>,
}

/// Non-voting House members: a delegate for each of these, a resident commissioner for PR.
const DELEGATE_STATES: [&str; 5] = ["DC", "AS", "GU", "MP", "VI"];

/// A roster as a feed document (no questions yet), each official's name in parts (for joins),
/// and where each official came from (for messages).
pub struct Imported {
    pub doc: FeedDoc<'static>,
    pub names: Vec<NameParts>,
    pub locator: RosterLocator,
}

/// Turns [`FeedPath`]s of an imported roster into `[12] Maria Cantwell, terms[-1].url`.
pub struct RosterLocator {
    /// (position in the roster, name) of each official in the doc.
    records: Vec<(usize, String)>,
}

impl Locate for RosterLocator {
    fn locate(&self, path: &FeedPath<'_>) -> Location {
        let path = match path {
            FeedPath::Official { index, field } => {
                let (record, name) = self.records.get(*index).cloned().unwrap_or((*index, String::new()));
                let field = match field.as_ref() {
                    "website" => "terms[-1].url",
                    "contact_url" => "terms[-1].contact_form",
                    "state" | "district" | "party" => "terms[-1]",
                    "identifiers" => "id",
                    f if f.starts_with("identifiers") => "id.fec",
                    "" => "",
                    _ => "name",
                };
                let sep = if field.is_empty() { "" } else { ", " };
                format!("[{record}] {name}{sep}{field}")
            }
            FeedPath::Root(field) => format!("mapping: {field}"),
            FeedPath::Question { index, field } => format!("questions[{index}] {field}"),
        };
        Location::Record { path }
    }
}

/// Imports every member with a current term. Members that cannot be made into an official (no
/// bioguide id, no term, an unknown state or kind of seat) are reported and left out.
pub fn import(legislators: &[Legislator], mapping: &RosterMapping, report: &mut Report) -> Imported {
    let mut officials = Vec::with_capacity(legislators.len());
    let mut names = Vec::with_capacity(legislators.len());
    let mut records = Vec::with_capacity(legislators.len());
    for (i, member) in legislators.iter().enumerate() {
        let name = display_name(&member.name);
        let at = |field: &str| Location::Record { path: format!("[{i}] {name}, {field}") };
        let Some(bioguide) = member.id.bioguide.clone().filter(|b| !b.trim().is_empty()) else {
            report.push(Diagnostic::error(at("id.bioguide"), "no bioguide id, which the feed uses as the id; skipped"));
            report.skipped += 1;
            continue;
        };
        let Some(term) = member.terms.last() else {
            report.push(Diagnostic::error(at("terms"), "no terms, so no current office; skipped"));
            report.skipped += 1;
            continue;
        };
        let Some(state) = State::parse(&term.state) else {
            report.push(Diagnostic::error(
                at("terms[-1].state"),
                format!("\"{}\" is not a U.S. state or territory code; skipped", term.state),
            ));
            report.skipped += 1;
            continue;
        };
        let p = &mapping.positions;
        let (position, district, division_id) = match term.kind.as_str() {
            "sen" => (&p.senator, None, None),
            "rep" => {
                let position = match state.code() {
                    "PR" => &p.resident_commissioner,
                    code if DELEGATE_STATES.contains(&code) => &p.delegate,
                    _ => &p.representative,
                };
                let number = term.district.unwrap_or(0);
                let district = if number == 0 { mapping.at_large.clone() } else { number.to_string() };
                (position, Some(district), division_id(&mapping.division_ids, state, number))
            }
            other => {
                report.push(Diagnostic::error(
                    at("terms[-1].type"),
                    format!("\"{other}\" is neither sen nor rep; skipped"),
                ));
                report.skipped += 1;
                continue;
            }
        };
        let party = term.party.as_ref().map(|p| mapping.parties.get(p).cloned().unwrap_or_else(|| p.clone()));
        // The current office's FEC ids first ("S" for the Senate, "H" for the House, the
        // member's state): the widget's "Who funds them" uses the first.
        let office = if term.kind == "sen" { 'S' } else { 'H' };
        let mut fec = member.id.fec.clone();
        fec.sort_by_key(|id| !(id.starts_with(office) && id.get(2..4) == Some(state.code())));
        let identifiers =
            std::iter::once(IdentifierDoc { scheme: "bioguide".into(), identifier: bioguide.clone().into() })
                .chain(fec.into_iter().map(|id| IdentifierDoc { scheme: "fec".into(), identifier: id.into() }))
                .collect();
        let n = &member.name;
        officials.push(OfficialDoc {
            id: Some(Text::from(bioguide)),
            name: Text::from(name.clone()),
            sort_name: Some(Text::from(format!("{}, {}", n.last, n.nickname.as_deref().unwrap_or(&n.first)))),
            state: Text::from(state.code().to_string()),
            position: Some(Text::from(position.clone())),
            district: district.map(Text::from),
            party: party.map(Text::from),
            division_id: division_id.map(Text::from),
            identifiers,
            website: term.url.clone().map(Text::from),
            contact_url: term.contact_form.clone().map(Text::from),
            ..OfficialDoc::default()
        });
        names.push(NameParts {
            full: name.clone(),
            first: Some(n.first.clone()),
            middle: n.middle.clone(),
            nickname: n.nickname.clone(),
            last: Some(n.last.clone()),
            suffix: n.suffix.clone(),
            official_full: n.official_full.clone(),
        });
        records.push((i, name));
    }
    let doc = FeedDoc {
        schema: None,
        format_version: FORMAT_VERSION,
        meta: mapping.meta.clone(),
        questions: Vec::<QuestionDoc>::new(),
        officials,
        shards: Vec::new(),
    };
    Imported { doc, names, locator: RosterLocator { records } }
}

/// The name shown: `official_full`, else first, middle, last and suffix.
fn display_name(name: &LegislatorName) -> String {
    if let Some(full) = name.official_full.as_deref().filter(|f| !f.trim().is_empty()) {
        return full.trim().to_string();
    }
    let parts = [Some(name.first.as_str()), name.middle.as_deref(), Some(name.last.as_str()), name.suffix.as_deref()];
    parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" ")
}

fn division_id(ids: &DivisionIds, state: State, district: i64) -> Option<String> {
    if let Some(id) = ids.states.get(state.code()) {
        return Some(id.clone());
    }
    let pattern = if district == 0 { ids.at_large.as_ref() } else { ids.district.as_ref() }?;
    Some(pattern.replace("{state}", &state.code().to_ascii_lowercase()).replace("{district}", &district.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(first: &str, last: &str, kind: &str, state: &str, district: Option<i64>) -> Legislator {
        Legislator {
            id: LegislatorIds { bioguide: Some(format!("{}000001", &last[..1])), fec: vec![] },
            name: LegislatorName { first: first.into(), last: last.into(), ..LegislatorName::default() },
            terms: vec![Term {
                kind: kind.into(),
                state: state.into(),
                district,
                party: Some("Democrat".into()),
                ..Term::default()
            }],
        }
    }

    fn mapping() -> RosterMapping {
        RosterMapping {
            meta: MetaDoc { title: "Congress".into(), ..MetaDoc::default() },
            parties: [("Democrat".to_string(), "Democratic".to_string())].into(),
            division_ids: DivisionIds {
                district: Some("ocd-division/country:us/state:{state}/cd:{district}".into()),
                at_large: Some("ocd-division/country:us/state:{state}/cd:at-large".into()),
                states: [("DC".to_string(), "ocd-division/country:us/district:dc".to_string())].into(),
            },
            ..RosterMapping::default()
        }
    }

    #[test]
    fn seats_become_positions_districts_and_division_ids() {
        let members = [
            member("Ann", "Able", "sen", "VT", None),
            member("Bo", "Best", "rep", "VT", Some(0)),
            member("Cy", "Cole", "rep", "MN", Some(5)),
            member("Di", "Dee", "rep", "DC", Some(0)),
            member("Ed", "Eve", "rep", "PR", Some(0)),
        ];
        let mut report = Report::default();
        let imported = import(&members, &mapping(), &mut report);
        assert!(report.diagnostics.is_empty());
        let o = &imported.doc.officials;
        let seat = |i: usize| {
            (
                o[i].position.as_deref().unwrap_or(""),
                o[i].district.as_deref().unwrap_or(""),
                o[i].division_id.as_deref().unwrap_or(""),
            )
        };
        assert_eq!(seat(0), ("Senator", "", ""));
        assert_eq!(seat(1), ("Representative", "At-large", "ocd-division/country:us/state:vt/cd:at-large"));
        assert_eq!(seat(2), ("Representative", "5", "ocd-division/country:us/state:mn/cd:5"));
        assert_eq!(seat(3), ("Delegate", "At-large", "ocd-division/country:us/district:dc"));
        assert_eq!(seat(4).0, "Resident Commissioner");
        assert_eq!(o[0].party.as_deref(), Some("Democratic"));
        assert_eq!(o[0].sort_name.as_deref(), Some("Able, Ann"));
    }

    #[test]
    fn the_current_offices_fec_id_comes_first() {
        let mut m = member("Ann", "Able", "sen", "WA", None);
        m.id.fec = vec!["H2WA01054".into(), "S8WA00194".into()];
        let imported = import(&[m], &mapping(), &mut Report::default());
        let ids: Vec<&str> = imported.doc.officials[0].identifiers.iter().map(|i| &*i.identifier).collect();
        assert_eq!(ids, ["A000001", "S8WA00194", "H2WA01054"]);
    }

    #[test]
    fn unusable_members_are_reported_and_left_out() {
        let mut no_id = member("Ann", "Able", "sen", "VT", None);
        no_id.id.bioguide = None;
        let mut no_terms = member("Bo", "Best", "sen", "VT", None);
        no_terms.terms.clear();
        let bad_state = member("Cy", "Cole", "sen", "XX", None);
        let mut report = Report::default();
        let imported = import(&[no_id, no_terms, bad_state], &mapping(), &mut report);
        assert!(imported.doc.officials.is_empty());
        let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[0],
            "error: [0] Ann Able, id.bioguide: no bioguide id, which the feed uses as the id; skipped"
        );
        assert_eq!(messages[1], "error: [1] Bo Best, terms: no terms, so no current office; skipped");
        assert!(messages[2].starts_with("error: [2] Cy Cole, terms[-1].state: \"XX\""));
        assert_eq!(report.skipped, 3);
    }
}
