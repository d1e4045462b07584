//! What filtering reads, laid out for speed: one compact column per field, in name order.
//!
//! Filtering visits every official on every keystroke. Reading `Official`s for that means a
//! scattered walk over large structs (and a pointer chase per name and per stance list); these
//! columns are a few bytes per official, read front to back. Names are one folded text, so a
//! name search is a handful of substring scans over one buffer instead of a search per official.

use memchr::memmem;

use super::model::Official;
use crate::states::State;

/// "No value" in the `u32` and `u8` columns.
pub const NONE_U32: u32 = u32::MAX;
pub const NONE_U8: u8 = u8::MAX;

/// Columns indexed by rank: the official's position in name order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    pub state: Vec<State>,
    /// `Official::position`, or [`NONE_U32`].
    pub position: Vec<u32>,
    /// `Official::party`, or [`NONE_U32`].
    pub party: Vec<u32>,
    /// Stance index per question: `stances[rank * questions + q]`, or [`NONE_U8`] (not rated).
    pub stances: Vec<u8>,
    pub questions: usize,
    /// Every official's folded name, in rank order, each followed by a NUL
    /// (folded names never contain one, so no match can span two names).
    names: String,
    /// Where each rank's name starts in `names`.
    name_starts: Vec<u32>,
}

impl Columns {
    /// `folded(i)` is official `i`'s name folded for search.
    pub(crate) fn build<'a>(
        officials: &[Official],
        name_order: &[u32],
        questions: usize,
        folded: impl Fn(usize) -> &'a str,
    ) -> Columns {
        // Officials are read once, front to back, and only their few bytes are then put in name
        // order: walking the officials themselves in name order cost a cache miss per official
        // and another per stance list (7% of a native 100k load, by perf).
        let mut state = Vec::with_capacity(officials.len());
        let mut position = Vec::with_capacity(officials.len());
        let mut party = Vec::with_capacity(officials.len());
        let mut stances = Vec::with_capacity(officials.len() * questions);
        for o in officials {
            state.push(o.state);
            position.push(o.position.unwrap_or(NONE_U32));
            party.push(o.party.unwrap_or(NONE_U32));
            stances.extend(
                (0..questions).map(|q| o.stances.get(q).and_then(Option::as_ref).map_or(NONE_U8, |r| r.stance)),
            );
        }
        let in_name_order = |column: &[u32]| name_order.iter().map(|&i| column[i as usize]).collect();
        let mut c = Columns {
            state: name_order.iter().map(|&i| state[i as usize]).collect(),
            position: in_name_order(&position),
            party: in_name_order(&party),
            stances: Vec::with_capacity(name_order.len() * questions),
            questions,
            names: String::with_capacity(name_order.iter().map(|&i| folded(i as usize).len() + 1).sum()),
            name_starts: Vec::with_capacity(name_order.len()),
        };
        for &i in name_order {
            let i = i as usize;
            c.stances.extend_from_slice(&stances[i * questions..(i + 1) * questions]);
            c.name_starts.push(c.names.len() as u32);
            // Names are cleaned of control characters when the feed is read, so NUL only ends one
            // (a stray one would only split a name for searching; see the test below).
            c.names.push_str(folded(i));
            c.names.push('\0');
        }
        c
    }

    fn len(&self) -> usize {
        self.state.len()
    }

    pub fn stance(&self, rank: usize, question: usize) -> u8 {
        if question >= self.questions {
            return NONE_U8;
        }
        self.stances[rank * self.questions + question]
    }

    /// Which ranks' names contain every one of `words` (already folded), as a bitset
    /// (bit `rank % 64` of word `rank / 64`). `None` when there are no words.
    pub fn names_containing(&self, words: &[String]) -> Option<Vec<u64>> {
        let mut all: Option<Vec<u64>> = None;
        for word in words.iter().filter(|w| !w.is_empty()) {
            let mut hits = vec![0u64; self.len().div_ceil(64)];
            if word.contains('\0') {
                // Would match across two names; no name contains it.
                all = Some(hits);
                continue;
            }
            let finder = memmem::Finder::new(word.as_bytes());
            let mut rank = 0usize;
            for at in finder.find_iter(self.names.as_bytes()) {
                // Hits come in order, so the rank only moves forward.
                while rank + 1 < self.name_starts.len() && self.name_starts[rank + 1] as usize <= at {
                    rank += 1;
                }
                hits[rank / 64] |= 1 << (rank % 64);
            }
            all = Some(match all {
                None => hits,
                Some(mut acc) => {
                    acc.iter_mut().zip(&hits).for_each(|(a, h)| *a &= h);
                    acc
                }
            });
        }
        all
    }
}

/// Whether `rank` is in a bitset from [`Columns::names_containing`].
pub fn has(bits: &[u64], rank: usize) -> bool {
    bits.get(rank / 64).is_some_and(|w| w & (1 << (rank % 64)) != 0)
}

#[cfg(test)]
mod tests {
    use crate::feed::load_json;

    fn feed(names: &[&str]) -> crate::feed::Feed {
        let officials: Vec<String> =
            names.iter().enumerate().map(|(i, n)| format!(r#"{{"id":"o{i}","name":"{n}","state":"VT"}}"#)).collect();
        let json = format!(
            r#"{{"format_version":1,"meta":{{"title":"t"}},"questions":[{{"id":"q","text":"q","stances":[{{"id":"y","label":"Y"}}]}}],"officials":[{}]}}"#,
            officials.join(",")
        );
        load_json(json.as_bytes()).feed.expect("the test feed loads")
    }

    fn matching(names: &[&str], words: &[&str]) -> Vec<String> {
        let feed = feed(names);
        let c = feed.columns();
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let Some(bits) = c.names_containing(&words) else { return vec!["(no filter)".into()] };
        (0..c.state.len())
            .filter(|&rank| super::has(&bits, rank))
            .map(|rank| feed.officials[feed.name_order()[rank] as usize].name.clone())
            .collect()
    }

    #[test]
    fn every_word_must_be_in_the_same_name() {
        let names = ["Ann Smith", "Bo Smithers", "Cy Jones", "Smith Jones"];
        assert_eq!(matching(&names, &["smith"]), ["Smith Jones", "Ann Smith", "Bo Smithers"]);
        assert_eq!(matching(&names, &["smith", "jones"]), ["Smith Jones"]);
        // "smith" ends one name and "bo" starts the next in the buffer: no match across them.
        assert!(matching(&names, &["smithbo"]).is_empty());
        assert!(matching(&names, &["smith\0bo"]).is_empty());
        assert_eq!(matching(&names, &[]), ["(no filter)"]);
    }

    #[test]
    fn names_past_the_first_64_are_found() {
        // The hits are a bitset of one word per 64 names: names 64 and later are in the next words.
        let names: Vec<String> = (0..150).map(|i| format!("Name {i:03}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(matching(&names, &["149"]), ["Name 149"]);
        assert_eq!(matching(&names, &["e 06"]), (60..70).map(|i| format!("Name {i:03}")).collect::<Vec<_>>());
    }

    #[test]
    fn a_nul_in_a_feeds_name_does_not_split_it() {
        let names = [r"Ann\u0000Able", "Bo Smith"];
        let found = matching(&names, &["able"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("Ann"), "{found:?}");
        assert_eq!(matching(&names, &["ann", "able"]).len(), 1);
    }
}
