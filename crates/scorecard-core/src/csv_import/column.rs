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
        $variant:ident => $key:ident {
            label: $label:literal,
            described: $described:literal,
            picker: $picker:literal,
            headers: [$($header:literal),* $(,)?],
            fill: |$official:ident, $value:ident| $fill:expr $(,)?
        }
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
    Id => id {
        label: "Id",
        described: "ids",
        picker: true,
        headers: ["id", "official id", "person id", "candidate id"],
        fill: |o, v| o.id = Some(v),
    }
    Name => name {
        label: "Name",
        described: "names",
        picker: true,
        headers: [
            "name", "full name", "candidate", "candidate name", "endorser", "member", "member name",
            "official", "official name", "politician", "legislator",
        ],
        fill: |o, v| o.name = v,
    }
    SortName => sort_name {
        label: "Sort name",
        described: "sort names",
        picker: false,
        headers: ["sort name", "sortable name"],
        fill: |o, v| o.sort_name = Some(v),
    }
    State => state {
        label: "State",
        described: "states",
        picker: true,
        headers: ["state", "st", "state code", "state abbreviation", "state abbr", "state postal"],
        fill: |o, v| o.state = v,
    }
    Position => position {
        label: "Position (office)",
        described: "positions (offices)",
        picker: true,
        headers: ["position", "office", "office type", "office title", "title", "role", "chamber", "seat"],
        fill: |o, v| o.position = Some(v),
    }
    District => district {
        label: "District",
        described: "districts",
        picker: true,
        headers: ["district", "dist", "cd", "district number", "congressional district"],
        fill: |o, v| o.district = Some(v),
    }
    City => city {
        label: "City",
        described: "cities",
        picker: true,
        headers: ["city", "municipality", "town"],
        fill: |o, v| o.city = Some(v),
    }
    Party => party {
        label: "Party",
        described: "parties",
        picker: true,
        headers: ["party", "endorser party", "party affiliation", "affiliation", "candidate party"],
        fill: |o, v| o.party = Some(v),
    }
    DivisionId => division_id {
        label: "Division id (OCD)",
        described: "division ids",
        picker: false,
        headers: [],
        fill: |o, v| o.division_id = Some(v),
    }
    Website => website {
        label: "Website",
        described: "websites",
        picker: true,
        headers: ["website", "web site", "homepage", "campaign website", "official website"],
        fill: |o, v| o.website = Some(v),
    }
    ContactUrl => contact_url {
        label: "Contact form",
        described: "contact forms",
        picker: false,
        headers: ["contact form", "contact url", "contact page", "contact link"],
        fill: |o, v| o.contact_url = Some(v),
    }
    DonateUrl => donate_url {
        label: "Donate link",
        described: "donate links",
        picker: true,
        headers: ["donate", "donate url", "donate link", "donation url", "donation link", "actblue", "actblue url"],
        fill: |o, v| o.donate_url = Some(v),
    }
    Email => email {
        label: "E-mail",
        described: "e-mail addresses",
        picker: false,
        headers: ["email", "e mail", "email address"],
        fill: |o, v| o.email = Some(v),
    }
    Image => image {
        label: "Photo",
        described: "photos",
        picker: false,
        headers: ["photo", "image", "photo url", "image url", "picture"],
        fill: |o, v| o.image = Some(v),
    }
    Fec => fec {
        label: "FEC candidate id",
        described: "FEC candidate ids",
        picker: true,
        headers: ["fec", "fec id", "fec candidate id", "fec cand id"],
        fill: |o, v| o.identifiers.push(IdentifierDoc { scheme: "fec".into(), identifier: v }),
    }
    Bioguide => bioguide {
        label: "Bioguide id",
        described: "bioguide ids",
        picker: true,
        headers: ["bioguide", "bioguide id"],
        fill: |o, v| o.identifiers.push(IdentifierDoc { scheme: "bioguide".into(), identifier: v }),
    }
}

impl Column {
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
        // Detection takes fields in any order only because no spelling names two of them.
        let mut seen = std::collections::HashSet::new();
        for &column in Column::ALL {
            for header in column.headers() {
                assert!(seen.insert(*header), "{header} is spelled for two fields");
            }
        }
    }
}
