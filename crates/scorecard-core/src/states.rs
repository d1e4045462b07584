//! U.S. states, DC and the inhabited territories, by USPS code.
//!
//! A [`State`] is an index into one fixed table, so a set of states fits in a `u64` bitset
//! ([`StateSet`]) and filtering by state is a bit test.

use std::fmt;

/// USPS code and name, sorted by code. DC, PR and the territories with a delegate in Congress
/// (AS, GU, MP, VI) are included: officials there are elected too.
const TABLE: [(&str, &str); 56] = [
    ("AK", "Alaska"),
    ("AL", "Alabama"),
    ("AR", "Arkansas"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DC", "District of Columbia"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
    ("HI", "Hawaii"),
    ("IA", "Iowa"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("MA", "Massachusetts"),
    ("MD", "Maryland"),
    ("ME", "Maine"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MO", "Missouri"),
    ("MP", "Northern Mariana Islands"),
    ("MS", "Mississippi"),
    ("MT", "Montana"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("NE", "Nebraska"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NV", "Nevada"),
    ("NY", "New York"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VA", "Virginia"),
    ("VI", "U.S. Virgin Islands"),
    ("VT", "Vermont"),
    ("WA", "Washington"),
    ("WI", "Wisconsin"),
    ("WV", "West Virginia"),
    ("WY", "Wyoming"),
];

/// Number of known states and territories.
pub const COUNT: usize = TABLE.len();

/// Each state by its code's two letters (`AA` at 0, `AB` at 1, … `ZZ` at 675): its index in
/// [`TABLE`] plus one, 0 for none.
const BY_CODE: [u8; 26 * 26] = {
    let mut by_code = [0; 26 * 26];
    let mut i = 0;
    while i < TABLE.len() {
        let code = TABLE[i].0.as_bytes();
        by_code[(code[0] - b'A') as usize * 26 + (code[1] - b'A') as usize] = i as u8 + 1;
        i += 1;
    }
    by_code
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct State(u8);

impl State {
    /// Reads a USPS code (any case) or a full name ("Vermont", "vermont"). Surrounding spaces
    /// are ignored.
    pub fn parse(text: &str) -> Option<State> {
        let text = text.trim();
        if let &[a, b] = text.as_bytes() {
            // Every official's state is read: looked up, not searched (a search was 2% of a 100k load).
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
                let at = usize::from(a.to_ascii_uppercase() - b'A') * 26 + usize::from(b.to_ascii_uppercase() - b'A');
                if let Some(i) = BY_CODE[at].checked_sub(1) {
                    return Some(State(i));
                }
            }
        }
        TABLE.iter().position(|(_, name)| name.eq_ignore_ascii_case(text)).map(|i| State(i as u8))
    }

    pub fn code(self) -> &'static str {
        TABLE[self.0 as usize].0
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        TABLE[self.0 as usize].1
    }

    /// The name in a language: the catalogue's `state.<code>` ("Nueva York"), else the English.
    pub fn name_in(self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::En => self.name(),
            _ => lang.catalogue().get(&format!("state.{}", self.code())).unwrap_or(self.name()),
        }
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn from_index(index: usize) -> Option<State> {
        (index < COUNT).then_some(State(index as u8))
    }

    pub fn all() -> impl Iterator<Item = State> {
        (0..COUNT as u8).map(State)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// States matching what someone typed, best first: an exact code ("vt"), then names starting
/// with the text ("ver"), then codes starting with it, then names containing it ("mont").
/// Empty text matches every state, in name order.
pub fn search(query: &str) -> Vec<State> {
    search_in(query, crate::i18n::Lang::En)
}

/// [`search`] for a reader of `lang`: their language's names ("nueva") match as the English
/// ones do, and the list is in the order of their names.
pub fn search_in(query: &str, lang: crate::i18n::Lang) -> Vec<State> {
    let query = crate::text::fold(query.trim());
    let mut scored: Vec<(u8, String, State)> = State::all()
        .filter_map(|state| {
            let code = state.code().to_ascii_lowercase();
            let own = crate::text::fold(state.name_in(lang));
            let names = [own.clone(), state.name().to_ascii_lowercase()];
            let rank = if query.is_empty() {
                3
            } else if code == query {
                0
            } else if names.iter().any(|n| n.starts_with(&query)) {
                1
            } else if code.starts_with(&query) {
                2
            } else if names.iter().any(|n| n.contains(&query)) {
                3
            } else {
                return None;
            };
            Some((rank, own, state))
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, _, state)| state).collect()
}

/// A set of states as a bitset. The empty set means "no state filter".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StateSet(u64);

impl StateSet {
    pub const EMPTY: StateSet = StateSet(0);

    pub fn contains(self, state: State) -> bool {
        self.0 & (1 << state.0) != 0
    }

    pub fn insert(&mut self, state: State) {
        self.0 |= 1 << state.0;
    }

    pub fn remove(&mut self, state: State) {
        self.0 &= !(1 << state.0);
    }

    pub fn toggle(&mut self, state: State) {
        self.0 ^= 1 << state.0;
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// States in code order.
    pub fn iter(self) -> impl Iterator<Item = State> {
        State::all().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<State> for StateSet {
    fn from_iter<I: IntoIterator<Item = State>>(iter: I) -> Self {
        let mut set = StateSet::EMPTY;
        for state in iter {
            set.insert(state);
        }
        set
    }
}

/// The state picker's choices for what was typed: [`search`]'s order, only states `available`
/// (with their counts) and not already `selected`; names in the reader's `lang`.
pub fn picker_matches(
    query: &str,
    selected: StateSet,
    available: &[(State, u32)],
    lang: crate::i18n::Lang,
) -> Vec<(State, u32)> {
    search_in(query, lang)
        .into_iter()
        .filter(|s| !selected.contains(*s))
        .filter_map(|s| available.iter().find(|(a, _)| *a == s).copied())
        .collect()
}

/// The option ↓ (`down`) or ↑ moves to from `active` among `n`, wrapping around.
pub fn step_choice(active: usize, n: usize, down: bool) -> usize {
    match n {
        0 => 0,
        _ if down => (active + 1) % n,
        _ => (active + n - 1) % n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_offers_available_states_not_yet_picked() {
        let (vt, va) = (State::parse("VT").unwrap(), State::parse("VA").unwrap());
        let available = [(vt, 3), (va, 5)];
        assert_eq!(picker_matches("v", StateSet::EMPTY, &available, crate::i18n::Lang::En).len(), 2);
        assert_eq!(picker_matches("vt", StateSet::EMPTY, &available, crate::i18n::Lang::En), [(vt, 3)]);
        let picked: StateSet = [vt].into_iter().collect();
        assert_eq!(picker_matches("v", picked, &available, crate::i18n::Lang::En), [(va, 5)]);
        assert!(picker_matches("texas", StateSet::EMPTY, &available, crate::i18n::Lang::En).is_empty());
    }

    #[test]
    fn arrows_wrap_around() {
        assert_eq!((step_choice(0, 3, true), step_choice(2, 3, true)), (1, 0));
        assert_eq!((step_choice(0, 3, false), step_choice(2, 3, false)), (2, 1));
        assert_eq!(step_choice(0, 0, true), 0);
    }

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(State::parse("VT").map(State::code), Some("VT"));
        assert_eq!(State::parse(" vt ").map(State::code), Some("VT"));
        assert_eq!(State::parse("Vermont").map(State::code), Some("VT"));
        assert_eq!(State::parse("district of columbia").map(State::code), Some("DC"));
        assert_eq!(State::parse("PR").map(State::name), Some("Puerto Rico"));
        assert_eq!(State::parse("DA"), None);
        assert_eq!(State::parse(""), None);
        assert_eq!(State::parse("ÉT"), None);
        assert_eq!(State::parse("V1"), None);
        for (i, (code, _)) in TABLE.iter().enumerate() {
            assert_eq!(State::parse(code), Some(State(i as u8)));
            assert_eq!(State::parse(&code.to_ascii_lowercase()), Some(State(i as u8)));
        }
    }

    #[test]
    fn search_ranks_codes_then_name_prefixes_then_substrings() {
        let codes = |q: &str| search(q).into_iter().map(State::code).collect::<Vec<_>>();
        assert_eq!(codes("vt"), ["VT"]);
        assert_eq!(codes("ver"), ["VT"]);
        assert_eq!(codes("new")[..2], ["NH", "NJ"]);
        assert_eq!(codes("mi")[0], "MI");
        assert!(codes("mi").contains(&"MS") && codes("mi").contains(&"MN"));
        assert_eq!(codes("carolina"), ["NC", "SC"]);
        assert_eq!(codes("  PR "), ["PR"]);
        assert_eq!(search("").len(), COUNT);
        assert!(search("zz").is_empty());
    }

    #[test]
    fn set_operations() {
        let vt = State::parse("VT").unwrap();
        let ny = State::parse("NY").unwrap();
        let mut set = StateSet::EMPTY;
        set.insert(vt);
        set.insert(ny);
        assert!(set.contains(vt) && set.contains(ny));
        assert_eq!(set.iter().map(State::code).collect::<Vec<_>>(), ["NY", "VT"]);
        set.toggle(vt);
        assert!(!set.contains(vt));
        assert_eq!(set.len(), 1);
        set.remove(ny);
        assert!(set.is_empty());
    }
}
