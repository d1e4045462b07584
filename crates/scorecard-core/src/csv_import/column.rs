//! The one list of an official's fields a spreadsheet column can fill: [`Column`].
//!
//! Each row of the table below defines one field everywhere it is needed: the key in mapping
//! files (`[columns]`, and the field name in located problems), the [`ColumnMapping`] field
//! that holds its spec, the label in the organizer's column picker, how detection's notes
//! describe it, the header spellings detection recognizes, and which field of the official it
//! fills. Adding a field is adding a row (and the field to the feed format, if it is new there).

use serde::{Deserialize, Serialize};

use super::mapping::ColumnSpec;
use crate::feed::doc::{IdentifierDoc, OfficialDoc, Text};

macro_rules! columns {
    ($(
        $(#[$doc:meta])*
        $variant:ident => $key:ident ($label:literal, $described:literal, $picker:literal)
            [$($header:literal),* $(,)?]
            |$official:ident, $value:ident| $fill:expr;
    )*) => {
        /// Which column (or rule) gives each official field. Unset fields are left empty.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ColumnMapping {
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $key: Option<ColumnSpec>,
            )*
        }

        /// An official's field that a spreadsheet column can fill.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Column {
            $( $(#[$doc])* $variant, )*
        }

        impl Column {
            /// Every field, in the order of mapping files and the organizer's picker.
            pub const ALL: &'static [Column] = &[$(Column::$variant),*];

            /// The key in mapping files (`sort_name`), also the field in located problems.
            pub fn key(self) -> &'static str {
                match self { $(Column::$variant => stringify!($key),)* }
            }

            /// What the organizer's column picker calls it: "Position (office)".
            pub fn label(self) -> &'static str {
                match self { $(Column::$variant => $label,)* }
            }

            /// What detection's notes say a column gives: "positions (offices)".
            pub fn described(self) -> &'static str {
                match self { $(Column::$variant => $described,)* }
            }

            /// Whether the organizer offers it (the rest are for mapping files).
            pub fn in_picker(self) -> bool {
                match self { $(Column::$variant => $picker,)* }
            }

            /// Header spellings detection recognizes, normalized (lower case, punctuation as
            /// spaces); empty for fields only an explicit mapping fills.
            pub fn headers(self) -> &'static [&'static str] {
                match self { $(Column::$variant => &[$($header),*],)* }
            }

            /// The spec in `mapping` that gives this field.
            pub fn get(self, mapping: &ColumnMapping) -> Option<&ColumnSpec> {
                match self { $(Column::$variant => mapping.$key.as_ref(),)* }
            }

            /// The spec in `mapping` that gives this field, to set or clear.
            pub fn get_mut(self, mapping: &mut ColumnMapping) -> &mut Option<ColumnSpec> {
                match self { $(Column::$variant => &mut mapping.$key,)* }
            }

            /// Puts a cell's value into the official's field.
            pub fn fill(self, official: &mut OfficialDoc<'static>, value: Text<'static>) {
                match self {
                    $(Column::$variant => {
                        let ($official, $value) = (official, value);
                        $fill
                    })*
                }
            }
        }
    };
}

columns! {
    // field => key (organizer label, how notes describe it, offered in the organizer)
    //     [header spellings detection knows] |official, value| where a value goes
    Id => id ("Id", "ids", true)
        ["id", "official id", "person id", "candidate id"]
        |o, v| o.id = Some(v);
    Name => name ("Name", "names", true)
        ["name", "full name", "candidate", "candidate name", "endorser", "member", "member name", "official",
         "official name", "politician", "legislator"]
        |o, v| o.name = v;
    SortName => sort_name ("Sort name", "sort names", false)
        ["sort name", "sortable name"]
        |o, v| o.sort_name = Some(v);
    State => state ("State", "states", true)
        ["state", "st", "state code", "state abbreviation", "state abbr", "state postal"]
        |o, v| o.state = v;
    Position => position ("Position (office)", "positions (offices)", true)
        ["position", "office", "office type", "office title", "title", "role", "chamber", "seat"]
        |o, v| o.position = Some(v);
    District => district ("District", "districts", true)
        ["district", "dist", "cd", "district number", "congressional district"]
        |o, v| o.district = Some(v);
    City => city ("City", "cities", true)
        ["city", "municipality", "town"]
        |o, v| o.city = Some(v);
    Party => party ("Party", "parties", true)
        ["party", "endorser party", "party affiliation", "affiliation", "candidate party"]
        |o, v| o.party = Some(v);
    DivisionId => division_id ("Division id (OCD)", "division ids", false)
        []
        |o, v| o.division_id = Some(v);
    Website => website ("Website", "websites", true)
        ["website", "web site", "homepage", "campaign website", "official website"]
        |o, v| o.website = Some(v);
    ContactUrl => contact_url ("Contact form", "contact forms", false)
        ["contact form", "contact url", "contact page", "contact link"]
        |o, v| o.contact_url = Some(v);
    DonateUrl => donate_url ("Donate link", "donate links", true)
        ["donate", "donate url", "donate link", "donation url", "donation link", "actblue", "actblue url"]
        |o, v| o.donate_url = Some(v);
    Email => email ("E-mail", "e-mail addresses", false)
        ["email", "e mail", "email address"]
        |o, v| o.email = Some(v);
    Image => image ("Photo", "photos", false)
        ["photo", "image", "photo url", "image url", "picture"]
        |o, v| o.image = Some(v);
    Fec => fec ("FEC candidate id", "FEC candidate ids", true)
        ["fec", "fec id", "fec candidate id", "fec cand id"]
        |o, v| push_identifiers(o, "fec", &v);
    Bioguide => bioguide ("Bioguide id", "bioguide ids", true)
        ["bioguide", "bioguide id"]
        |o, v| push_identifiers(o, "bioguide", &v);
}

/// Each id in a cell becomes an identifier of its own, in order, a repeat once: a member who ran
/// for both chambers has an FEC id for each, written in one cell ("H6NC09200;H4NC08066"). The
/// validator checks each on its own, so a bad one costs only itself.
fn push_identifiers(official: &mut OfficialDoc<'static>, scheme: &'static str, cell: &str) {
    let ids = cell.split(|c: char| matches!(c, ';' | ',' | '|' | '/') || c.is_whitespace());
    for id in ids.filter(|id| !id.is_empty()) {
        if !official.identifiers.iter().any(|i| i.scheme == scheme && i.identifier == id) {
            let identifier = Text::from(id.to_string());
            official.identifiers.push(IdentifierDoc { scheme: scheme.into(), identifier });
        }
    }
}

impl Column {
    /// The fields the organizer's column picker offers, in its order: as in mapping files, but
    /// the id last (most sheets have none, and ids are made from the name and state).
    pub fn in_picker_order() -> impl Iterator<Item = Column> {
        let offered = || Column::ALL.iter().copied().filter(|c| c.in_picker());
        offered().filter(|c| *c != Column::Id).chain(offered().filter(|c| *c == Column::Id))
    }

    /// The field a key names (`"sort_name"` → [`Column::SortName`]).
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.iter().copied().find(|c| c.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_mapping_files_keys_and_spellings_belong_to_one_field() {
        let mut mapping = ColumnMapping::default();
        for &column in Column::ALL {
            assert_eq!(Column::from_key(column.key()), Some(column));
            *column.get_mut(&mut mapping) = Some(ColumnSpec::Header(column.label().into()));
        }
        let json = serde_json::to_string(&mapping).unwrap();
        let at: Vec<Option<usize>> = Column::ALL.iter().map(|c| json.find(&format!("\"{}\":", c.key()))).collect();
        assert!(at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1]), "{json}");
        let back: ColumnMapping = serde_json::from_str(&json).unwrap();
        for &column in Column::ALL {
            assert_eq!(column.get(&back).and_then(ColumnSpec::header), Some(column.label()));
        }
        let picker: Vec<&str> = Column::in_picker_order().map(Column::label).collect();
        assert_eq!(
            picker,
            [
                "Name",
                "State",
                "Position (office)",
                "District",
                "City",
                "Party",
                "Website",
                "Donate link",
                "FEC candidate id",
                "Bioguide id",
                "Id"
            ]
        );
        // Detection takes fields in any order only because no spelling names two of them.
        let mut seen = std::collections::HashSet::new();
        for &column in Column::ALL {
            for header in column.headers() {
                assert!(seen.insert(*header), "{header} is spelled for two fields");
            }
        }
    }
}
