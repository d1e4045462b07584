//! "Your officials": the officials of a feed who represent a ZIP code, from the districts a
//! [`crate::zip_table`] gives it. Rules (documented in `docs/feed-format.md`):
//!
//! - **District**: officials of the district's state whose `division_id` equals the district's
//!   (when both have one), else whose `district` is the same (ignoring case and leading zeros;
//!   "0", "AL", "At-large" are all at large).
//! - **Statewide**: officials of the ZIP code's state(s) with no district, no city and no
//!   division id, or a division id naming the whole state. Senators are found this way.
//!
//! Districts are matched only when the feed's `meta.districts` equals the table's period;
//! otherwise (another period, or a feed that does not say while it has districts) only the
//! statewide officials are given, with a note derived from the ids.

use crate::feed::{Feed, Official};
use crate::i18n::Msg;
use crate::states::State;
use crate::zip_table::District;

/// One heading and the officials under it (indices into `feed.officials`, in name order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub heading: Msg,
    pub state: State,
    /// The position shared by a statewide group (`None` for a district's members).
    pub position: Option<String>,
    pub officials: Vec<u32>,
}

/// A district of the ZIP code and its officials (the widget's chooser for a split ZIP code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictGroup {
    pub district: District,
    pub group: Group,
}

/// Which districts a reader keeps, for a ZIP code split between several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DistrictChoice {
    #[default]
    All,
    /// An index into [`YourOfficials::districts`].
    One(usize),
}

/// Everything the widget shows for a ZIP code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YourOfficials {
    /// The ZIP code's states, in table order: the list can be narrowed to them.
    pub states: Vec<State>,
    /// One per district, when districts are matched; a chooser is needed when there are several.
    pub districts: Vec<DistrictGroup>,
    /// Statewide officials by state and position ("Senator (Vermont)").
    pub statewide: Vec<Group>,
    /// Why districts were not matched, in plain words, when they were not.
    pub note: Option<Msg>,
}

impl YourOfficials {
    /// Whether the reader must be offered a choice of district.
    pub fn is_split(&self) -> bool {
        self.districts.len() > 1
    }

    /// The groups to show, districts first, for the reader's choice.
    pub fn groups(&self, choice: DistrictChoice) -> Vec<&Group> {
        let districts = self.districts.iter().enumerate().filter(|(i, _)| match choice {
            DistrictChoice::All => true,
            DistrictChoice::One(one) => *i == one,
        });
        let states: Vec<State> = districts.clone().map(|(_, d)| d.district.state).collect();
        // With one district chosen, the statewide officials of its state only.
        let statewide = self.statewide.iter().filter(move |g| states.is_empty() || states.contains(&g.state));
        districts.map(|(_, d)| &d.group).chain(statewide).collect()
    }

    /// Every official shown for the choice, each once, in group order.
    pub fn officials(&self, choice: DistrictChoice) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for group in self.groups(choice) {
            for i in &group.officials {
                if !out.contains(i) {
                    out.push(*i);
                }
            }
        }
        out
    }
}

/// Matches a feed's officials to a ZIP code's districts (from a ZIP table of `period`).
pub fn find(feed: &Feed, districts: &[&District], period: Option<&str>) -> YourOfficials {
    let mut states: Vec<State> = Vec::new();
    for d in districts {
        if !states.contains(&d.state) {
            states.push(d.state);
        }
    }
    let has_districts = feed_has_districts(feed);
    let note = match (feed.meta.districts.as_deref(), period) {
        (_, _) if !has_districts => None,
        (Some(feed_period), Some(table)) if feed_period == table => None,
        (Some(feed_period), Some(table)) => Some(
            Msg::new("zip.note.other_period")
                .msg("feed", describe_period(feed_period))
                .msg("table", describe_period(table)),
        ),
        (None, _) => Some(Msg::new("zip.note.feed_unsaid")),
        (Some(_), None) => Some(Msg::new("zip.note.table_unsaid")),
    };
    let match_districts = has_districts && note.is_none();
    // In the feed's name order: one pass over it per group.
    let ranked = |officials: Vec<u32>| {
        let mut wanted = vec![false; feed.officials.len()];
        for i in &officials {
            wanted[*i as usize] = true;
        }
        feed.name_order().iter().copied().filter(|i| wanted[*i as usize]).collect::<Vec<u32>>()
    };
    let district_groups = if match_districts {
        districts
            .iter()
            .map(|d| {
                let members =
                    (0..feed.officials.len() as u32).filter(|i| represents(&feed.officials[*i as usize], d)).collect();
                DistrictGroup {
                    district: (*d).clone(),
                    group: Group {
                        heading: district_heading(d),
                        state: d.state,
                        position: None,
                        officials: ranked(members),
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut statewide = Vec::new();
    for state in &states {
        let mut by_position: Vec<(Option<u32>, Vec<u32>)> = Vec::new();
        for (i, o) in feed.officials.iter().enumerate() {
            if o.state == *state && is_statewide(o) {
                match by_position.iter_mut().find(|(p, _)| *p == o.position) {
                    Some((_, list)) => list.push(i as u32),
                    None => by_position.push((o.position, vec![i as u32])),
                }
            }
        }
        // Positions in the feed's (alphabetical) order; officials without one last. A state has
        // a handful, so the smallest is picked each time (a general sort adds kilobytes of wasm).
        while let Some(next) = (0..by_position.len()).min_by_key(|i| by_position[*i].0.map_or(u32::MAX, |p| p)) {
            let (position, members) = by_position.remove(next);
            let label = position
                .map_or_else(|| Msg::new("zip.group.other_statewide"), |p| Msg::text_only(&feed.positions[p as usize]));
            statewide.push(Group {
                heading: Msg::new("zip.group.statewide").msg("label", label).state("state", *state),
                state: *state,
                position: position.map(|p| feed.positions[p as usize].clone()),
                officials: ranked(members),
            });
        }
    }
    YourOfficials { states, districts: district_groups, statewide, note }
}

/// Whether any official of the feed has a district or a division id (a feed without any has
/// nothing to match a ZIP code's districts against: it can only be narrowed to the states).
pub fn feed_has_districts(feed: &Feed) -> bool {
    feed.officials.iter().any(|o| o.district.is_some() || o.division_id.is_some())
}

/// Whether an official holds the seat of a table district.
fn represents(official: &Official, district: &District) -> bool {
    if official.state != district.state {
        return false;
    }
    match (&official.division_id, &district.division_id) {
        (Some(a), Some(b)) => a == b,
        _ => official.district.as_deref().is_some_and(|d| same_district(d, &district.district)),
    }
}

/// No district, no city, and no division id below the whole state.
fn is_statewide(official: &Official) -> bool {
    official.district.is_none()
        && official.city.is_none()
        && official.division_id.as_deref().is_none_or(is_whole_state_division)
}

/// `ocd-division/country:us/state:vt`, `…/district:dc`, `…/territory:pr`: one level below the country.
fn is_whole_state_division(id: &str) -> bool {
    id.strip_prefix("ocd-division/country:us/").is_some_and(|rest| {
        !rest.contains('/') && ["state:", "district:", "territory:"].iter().any(|k| rest.starts_with(k))
    })
}

/// Districts compared as people write them: "07" is "7", and "0", "00", "AL", "At-large" and
/// "at large" are all the at-large district.
pub fn same_district(a: &str, b: &str) -> bool {
    normalize_district(a) == normalize_district(b)
}

fn normalize_district(d: &str) -> String {
    let lower = crate::text::lower(d.trim());
    let squashed: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if squashed == "al" || squashed == "atlarge" {
        return "0".into();
    }
    if !squashed.is_empty() && squashed.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = squashed.trim_start_matches('0');
        return if trimmed.is_empty() { "0".into() } else { trimmed.into() };
    }
    lower
}

/// "Vermont, at large" or "Minnesota, district 5".
fn district_heading(d: &District) -> Msg {
    if normalize_district(&d.district) == "0" {
        Msg::new("zip.group.at_large").state("state", d.state)
    } else {
        Msg::new("zip.group.district").state("state", d.state).text("district", d.district.clone())
    }
}

/// Plain words for a districts period: `us-house-116` → "the 116th Congress"; other ids as
/// they are, in quotes.
pub fn describe_period(id: &str) -> Msg {
    match id.strip_prefix("us-house-").and_then(|n| n.parse::<u32>().ok()) {
        // The number as written ("116", not "116" grouped), with its English suffix.
        Some(n) => Msg::new("zip.period.congress").text("n", n.to_string()).text("suffix", ordinal_suffix(n)),
        None => Msg::new("zip.period.named").text("id", id),
    }
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}
