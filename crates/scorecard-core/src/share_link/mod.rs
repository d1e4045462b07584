//! The view and the shortlist in the URL fragment: a versioned, compact, tolerant codec.
//!
//! The fragment never reaches a server, so sharing a link shares nothing with anyone but the
//! person it is sent to. A widget's state is one parameter among whatever else the host page
//! keeps in its fragment (other `&`-separated parts are left alone): `sc`, or `sc-<id>` for a
//! widget whose element has an id (several widgets on one page each keep their own):
//!
//! ```text
//! #sc=1;q=sanders-2020;st=VT,NY;sn=endorsed;n=leahy;o=state;k=A,C,Rt7u;l=Ab3d,XyZw~50,Qq1w~12.50;c=Xy
//! ```
//!
//! - `1`: format version. Links of an unknown version are refused with a message.
//! - `q` question id; `st` state codes; `sn` stance ids (`_unrated` = not rated); `po`
//!   positions; `pa` parties; `n` name search; `o` sort; `d` the official whose details are
//!   open (a token, as below); `m=1` "my officials" (the officials of the reader's own ZIP code:
//!   the link never holds a ZIP code, so a recipient sees their own, or is asked for theirs).
//!   Free text is percent-encoded.
//! - `lg` the language the reader chose (`en`, `es`); absent: the embedder's or the browser's.
//! - `k` the officials compared side by side (2 to 4, see [`crate::compare`]), in order: an
//!   official on the link's shortlist by their place in `l` (`A` the first, `B` the second, …:
//!   base64url digits, at most 3), anyone else by a token (as below, 4 characters or more).
//!   Absent: no comparison shown.
//! - `l` the shortlist: one token per official, optionally `~` and an amount in dollars
//!   (absent = the default $27). A token is the shortest prefix (at least 4 characters) of the
//!   base64url FNV-1a hash of the official's id that is unique in the feed: 20 officials with
//!   amounts fit in under 200 characters.
//! - `ls` (sharded feeds only, see [`encode_sharded`]) the states of the listed and compared
//!   officials, so the recipient's widget knows which state files to load before it reads `l`
//!   and `k`. Older versions ignore it, as every unknown field.
//! - `c` a 2-character checksum of everything before it. Links are often cut off when pasted;
//!   a missing or wrong checksum is reported so the recipient can check the amounts.
//!
//! Decoding never fails: whatever cannot be read is reported in `problems` (`compare_note` for
//! the comparison) and skipped.

use crate::compare::MAX_COMPARED;
use crate::feed::model::id_hash;
use crate::feed::Feed;
use crate::filter::{FilterSpec, SortKey, StanceChoice};
use crate::i18n::Lang;
use crate::money::{Cents, DEFAULT_AMOUNT};
use crate::shortlist::Shortlist;
use crate::states::{State, StateSet};

mod compare;
mod escape;
mod list;
#[cfg(test)]
mod tests;
mod token;

use compare::{decode_compare, place};
use escape::{escape, join_escaped, split_escaped, unescape};
use list::decode_list;
use token::{checksum, resolve_token, token, token_len, MIN_TOKEN};

/// The fragment parameter of a widget without an id.
pub const PARAM: &str = "sc";
pub const VERSION: &str = "1";
/// Longer fragments are refused outright (they are not ours, or are an attack).
pub const MAX_LEN: usize = 16 * 1024;
/// Tokens in links to sharded feeds: the recipient may have other states loaded than the
/// sender, so a token must stay unique among officials the sender's widget never saw. 36 bits
/// keep the odds of a clash among 500,000 officials near one in 100,000 per official.
const MIN_TOKEN_SHARDED: usize = 6;
const NOT_RATED: &str = "_unrated";

/// A shortlist received in a link, resolved against the feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedList {
    /// `(official index in the feed, amount)`, in the link's order.
    pub entries: Vec<(usize, Cents)>,
    /// Tokens that match no official in this feed (e.g. the feed changed since).
    pub unknown: usize,
    /// Tokens that match several officials (the feed grew since the link was made).
    pub ambiguous: usize,
    pub integrity: Integrity,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Integrity {
    #[default]
    Intact,
    /// No checksum: the link was probably cut off.
    CutOff,
    /// The checksum does not match: the link was changed or damaged.
    Altered,
}

/// What the supporter is looking at: filters, sort, and the official whose details are open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct View {
    pub filter: FilterSpec,
    /// Id of the official whose details are open.
    pub open: Option<String>,
    /// "My officials": the officials of the reader's ZIP code are shown. Only this flag travels
    /// in links, never the ZIP code: each reader's own stays on their device.
    pub mine: bool,
    /// Ids of the officials compared side by side, in order (empty: no comparison shown).
    pub compare: Vec<String>,
    /// The language the reader chose (`None`: the embedder's or the browser's). Part of the
    /// view, so a link opens in the language it was made in; never part of the shortlist.
    pub lang: Option<Lang>,
}

impl View {
    /// The view an embedder asks for with `data-question`, `data-states` and `data-stance`
    /// (shown when the address carries none).
    pub fn preset(question: Option<&str>, states: StateSet, stance: Option<&str>) -> View {
        let mut view = View::default();
        view.filter.question = question.map(str::to_string);
        view.filter.states = states;
        if let Some(stance) = stance {
            view.filter.stances.insert(StanceChoice::Stance(stance.to_string()));
        }
        view
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// Whether the fragment had our parameter at all.
    pub present: bool,
    pub view: View,
    pub shared: Option<SharedList>,
    /// The states of the shared list's officials (`ls`), when the link names them: the state
    /// files a sharded feed must load before `shared` can be read.
    pub list_states: StateSet,
    /// What could not be read, to say to the reader.
    pub problems: Vec<crate::i18n::Msg>,
    /// What could not be read of the comparison (officials not in this feed), said beside it.
    pub compare_note: Option<crate::i18n::Msg>,
}

impl SharedList {
    /// The shared entries as a [`Shortlist`] with the feed's names.
    pub fn to_shortlist(&self, feed: &Feed) -> Shortlist {
        Shortlist::from_entries(self.entries.iter().map(|&(i, amount)| crate::shortlist::Entry {
            id: feed.officials[i].id.clone(),
            name: feed.officials[i].name.clone(),
            amount,
            given: false,
            state: Some(feed.officials[i].state),
        }))
    }

    pub fn total(&self) -> Cents {
        Cents(self.entries.iter().map(|(_, a)| a.0).sum())
    }
}

/// The fragment parameter for a widget: `sc`, or `sc-<id>` with the id reduced to letters,
/// digits and hyphens.
pub fn param_name(instance: Option<&str>) -> String {
    let id: String =
        instance.unwrap_or("").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect();
    if id.is_empty() {
        PARAM.to_string()
    } else {
        format!("{PARAM}-{}", id.to_ascii_lowercase())
    }
}

/// The parameter's value (`1;…`) for a view and, when given, a shortlist.
pub fn encode(view: &View, shortlist: Option<&Shortlist>, feed: &Feed) -> String {
    encode_with(view, shortlist, feed, MIN_TOKEN, false)
}

/// Like [`encode`], for a sharded feed, of which `feed` holds only the states loaded so far:
/// the link also names the states of the listed and compared officials (`ls`), and its tokens
/// are longer.
pub fn encode_sharded(view: &View, shortlist: Option<&Shortlist>, feed: &Feed) -> String {
    encode_with(view, shortlist, feed, MIN_TOKEN_SHARDED, true)
}

/// [`encode_sharded`] for a sharded feed, else [`encode`].
pub fn encode_for(view: &View, shortlist: Option<&Shortlist>, feed: &Feed, sharded: bool) -> String {
    if sharded {
        encode_sharded(view, shortlist, feed)
    } else {
        encode(view, shortlist, feed)
    }
}

fn encode_with(view: &View, shortlist: Option<&Shortlist>, feed: &Feed, min_token: usize, list_states: bool) -> String {
    let token_len = |feed: &Feed, hash: u64| token_len(feed, hash).max(min_token);
    let filter = &view.filter;
    let mut out = VERSION.to_string();
    if let Some(q) = &filter.question {
        push_field(&mut out, "q", &escape(q));
    }
    if !filter.states.is_empty() {
        push_field(&mut out, "st", &filter.states.iter().map(State::code).collect::<Vec<_>>().join(","));
    }
    if !filter.stances.is_empty() {
        let ids: Vec<String> = filter
            .stances
            .iter()
            .map(|c| match c {
                StanceChoice::Stance(id) => escape(id),
                StanceChoice::NotRated => NOT_RATED.to_string(),
            })
            .collect();
        push_field(&mut out, "sn", &ids.join(","));
    }
    if !filter.positions.is_empty() {
        push_field(&mut out, "po", &join_escaped(&filter.positions));
    }
    if !filter.parties.is_empty() {
        push_field(&mut out, "pa", &join_escaped(&filter.parties));
    }
    // The search is by words, so runs of spaces carry no meaning: the link keeps single ones.
    let name = crate::text::clean(&filter.name);
    if !name.is_empty() {
        push_field(&mut out, "n", &escape(&name));
    }
    if filter.sort != SortKey::Name {
        push_field(&mut out, "o", filter.sort.as_str());
    }
    if let Some(id) = &view.open {
        let hash = id_hash(id);
        push_field(&mut out, "d", &token(hash, token_len(feed, hash)));
    }
    if view.mine {
        push_field(&mut out, "m", "1");
    }
    if let Some(lang) = view.lang {
        push_field(&mut out, "lg", lang.tag());
    }
    let listed = shortlist.filter(|l| !l.is_empty());
    if !view.compare.is_empty() {
        let items: Vec<String> = view
            .compare
            .iter()
            .take(MAX_COMPARED)
            .map(|id| match listed.and_then(|l| l.position(id)) {
                Some(at) => place(at),
                None => {
                    let hash = id_hash(id);
                    token(hash, token_len(feed, hash))
                }
            })
            .collect();
        push_field(&mut out, "k", &items.join(","));
    }
    if let Some(list) = listed {
        let tokens: Vec<String> = list
            .entries()
            .iter()
            .map(|e| {
                let hash = id_hash(&e.id);
                let mut t = token(hash, token_len(feed, hash));
                if e.amount != DEFAULT_AMOUNT {
                    t.push('~');
                    t.push_str(&e.amount.plain());
                }
                t
            })
            .collect();
        push_field(&mut out, "l", &tokens.join(","));
    }
    if list_states {
        let listed_states = listed.into_iter().flat_map(|l| l.entries()).map(|e| (e.state, e.id.as_str()));
        let compared_states = view.compare.iter().map(|id| (None, id.as_str()));
        let states: StateSet = listed_states
            .chain(compared_states)
            .filter_map(|(state, id)| state.or_else(|| feed.official(id).map(|o| o.state)))
            .collect();
        if !states.is_empty() {
            push_field(&mut out, "ls", &states.iter().map(State::code).collect::<Vec<_>>().join(","));
        }
    }
    if listed.is_some() {
        let sum = checksum(&out);
        push_field(&mut out, "c", &sum);
    }
    out
}

/// The language a fragment's view names (`lg`), read before any feed is loaded (the widget's
/// loading screen speaks it already).
pub fn lang_in(fragment: &str, param: &str) -> Option<Lang> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let payload = find_param(fragment.get(..fragment.len().min(MAX_LEN))?, param)?;
    payload.split(';').skip(1).find_map(|field| field.strip_prefix("lg=")).and_then(Lang::parse)
}

/// Finds and decodes the parameter `param` in a URL fragment (with or without the leading `#`).
pub fn decode(fragment: &str, param: &str, feed: &Feed) -> Decoded {
    let mut decoded = Decoded::default();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LEN {
        decoded.present = fragment.contains(&format!("{param}="));
        decoded.problems.push(crate::i18n::Msg::new("link.too_long").count("n", fragment.len()));
        return decoded;
    }
    let Some(payload) = find_param(fragment, param) else {
        return decoded;
    };
    decoded.present = true;
    let mut fields = payload.split(';');
    let version = fields.next().unwrap_or("");
    if version != VERSION {
        decoded.problems.push(
            crate::i18n::Msg::new("link.other_version").text("version", crate::text::truncate(&unescape(version), 12)),
        );
        return decoded;
    }
    let mut list_text: Option<&str> = None;
    let mut compare_text: Option<&str> = None;
    let mut check: Option<&str> = None;
    for field in fields {
        let (key, value) = field.split_once('=').unwrap_or((field, ""));
        let filter = &mut decoded.view.filter;
        match key {
            "q" => filter.question = Some(unescape(value)).filter(|q| !q.is_empty()),
            "st" => {
                for code in value.split(',').filter(|c| !c.is_empty()) {
                    match State::parse(code) {
                        Some(state) if code.len() == 2 => filter.states.insert(state),
                        _ => decoded.problems.push(
                            crate::i18n::Msg::new("link.unknown_state")
                                .text("state", crate::text::truncate(&unescape(code), 12)),
                        ),
                    }
                }
            }
            "sn" => {
                filter.stances = value
                    .split(',')
                    // Compared after unescaping, so no spelling of "_unrated" can come back as a
                    // stance id (ids never start with `_`, see `text::is_identifier`).
                    .map(unescape)
                    .filter(|s| !s.is_empty())
                    .map(|s| if s == NOT_RATED { StanceChoice::NotRated } else { StanceChoice::Stance(s) })
                    .collect();
            }
            "po" => filter.positions = split_escaped(value),
            "pa" => filter.parties = split_escaped(value),
            "n" => filter.name = crate::text::truncate(&unescape(value), 100),
            "o" => filter.sort = SortKey::parse(value).unwrap_or_default(),
            // A language this widget does not speak is left to the browser's.
            "lg" => decoded.view.lang = Lang::parse(value),
            "d" => decoded.view.open = resolve_token(value, feed).map(|i| feed.officials[i].id.clone()),
            "m" => decoded.view.mine = value == "1",
            "k" => compare_text = Some(value),
            "l" => list_text = Some(value),
            // Only a hint of which state files to load: unknown codes are dropped quietly.
            "ls" => {
                decoded.list_states = value.split(',').filter(|c| c.len() == 2).filter_map(State::parse).collect();
            }
            "c" => check = Some(value),
            _ => {} // Unknown fields: from a later minor version; ignore.
        }
    }
    // Per item of the list: its official, if found (the comparison may name them by place).
    let mut listed = Vec::new();
    if let Some(list_text) = list_text {
        let integrity = match check {
            None => Integrity::CutOff,
            Some(sum) => {
                let signed = payload.rfind(";c=").map_or(payload, |i| &payload[..i]);
                if checksum(signed) == sum {
                    Integrity::Intact
                } else {
                    Integrity::Altered
                }
            }
        };
        match integrity {
            Integrity::Intact => {}
            Integrity::CutOff => decoded.problems.push(crate::i18n::Msg::new("link.cut_off")),
            Integrity::Altered => decoded.problems.push(crate::i18n::Msg::new("link.altered")),
        }
        let (shared, read) = decode_list(list_text, feed, integrity, &mut decoded.problems);
        decoded.shared = Some(shared);
        listed = read;
    }
    if let Some(compare_text) = compare_text {
        let (officials, note) = decode_compare(compare_text, feed, &listed);
        decoded.view.compare = officials.into_iter().map(|i| feed.officials[i].id.clone()).collect();
        decoded.compare_note = note;
    }
    decoded
}

/// Returns `fragment` (without `#`) with the parameter `param` set to `value` (as made by
/// [`encode`]), or removed when `value` is `None`. Other parameters are kept in place.
pub fn with_param(fragment: &str, param: &str, value: Option<&str>) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let prefix = format!("{param}=");
    let mut parts: Vec<String> = fragment.split('&').filter(|p| !p.is_empty()).map(str::to_string).collect();
    let ours = parts.iter().position(|p| p.starts_with(&prefix));
    match (ours, value) {
        (Some(i), Some(new)) => parts[i] = format!("{prefix}{new}"),
        (Some(i), None) => {
            parts.remove(i);
        }
        (None, Some(new)) => parts.push(format!("{prefix}{new}")),
        (None, None) => {}
    }
    parts.join("&")
}

fn find_param<'a>(fragment: &'a str, param: &str) -> Option<&'a str> {
    fragment.split('&').find_map(|part| part.strip_prefix(param)?.strip_prefix('='))
}

fn push_field(out: &mut String, key: &str, value: &str) {
    out.push(';');
    out.push_str(key);
    out.push('=');
    out.push_str(value);
}
