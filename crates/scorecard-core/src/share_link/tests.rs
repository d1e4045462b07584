use super::token::{token, token_range, MAX_TOKEN, MIN_TOKEN};
use super::*;
use crate::feed::model::id_hash;

#[test]
fn a_preset_view_is_its_filters() {
    let vt: StateSet = [crate::states::State::parse("VT").unwrap()].into_iter().collect();
    let view = View::preset(Some("q2"), vt, Some("yes"));
    assert_eq!(view.filter.question.as_deref(), Some("q2"));
    assert_eq!(view.filter.states, vt);
    assert!(view.filter.stances.contains(&StanceChoice::Stance("yes".into())));
    assert_eq!((view.open, view.mine), (None, false));
    assert_eq!(View::preset(None, StateSet::EMPTY, None), View::default());
}

#[test]
fn tokens_round_trip_to_ranges() {
    let h = 0x0123_4567_89ab_cdefu64;
    for len in MIN_TOKEN..=MAX_TOKEN {
        let (low, high) = token_range(&token(h, len)).unwrap();
        assert!(low <= h && h <= high, "len {len}");
    }
    assert_eq!(token_range("abc"), None);
    assert_eq!(token_range("ab$d"), None);
    assert_eq!(token_range("abcdefghijk"), None);
}

#[test]
fn escaping() {
    assert_eq!(escape("U.S. House, 1+1 é"), "U.S.+House%2C+1%2B1+%C3%A9");
    assert_eq!(unescape(&escape("U.S. House, 1+1 é")), "U.S. House, 1+1 é");
    assert_eq!(unescape("%zz%"), "%zz%");
    assert_eq!(unescape("%E9"), "\u{FFFD}");
}

#[test]
fn with_param_keeps_other_fragment_parts() {
    assert_eq!(with_param("#comments&sc=1;st=VT", "sc", Some("1;st=NY")), "comments&sc=1;st=NY");
    assert_eq!(with_param("comments", "sc", Some("1")), "comments&sc=1");
    assert_eq!(with_param("comments&sc=1", "sc", None), "comments");
    assert_eq!(with_param("", "sc", None), "");
    // Two widgets keep separate parameters.
    assert_eq!(with_param("sc=1;st=VT", "sc-mn", Some("1;st=MN")), "sc=1;st=VT&sc-mn=1;st=MN");
    assert_eq!(find_param("sc=1;st=VT&sc-mn=1;st=MN", "sc"), Some("1;st=VT"));
    assert_eq!(find_param("sc=1;st=VT&sc-mn=1;st=MN", "sc-mn"), Some("1;st=MN"));
}

#[test]
fn my_officials_travels_as_a_flag_and_older_links_lack_it() {
    let feed = crate::feed::load_json(
        br#"{ "format_version": 1, "meta": { "title": "T" },
             "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
             "officials": [ { "id": "a", "name": "Ann", "state": "VT" } ] }"#,
    )
    .feed
    .unwrap();
    let mine = View { mine: true, ..View::default() };
    assert_eq!(encode(&mine, None, &feed), "1;m=1");
    assert!(decode("#sc=1;m=1", PARAM, &feed).view.mine);
    assert!(!decode("#sc=1;st=VT", PARAM, &feed).view.mine, "links made before the flag");
    assert!(!decode("#sc=1;m=0", PARAM, &feed).view.mine);
    assert_eq!(encode(&View::default(), None, &feed), "1");
}

#[test]
fn the_language_travels_in_the_view() {
    let feed = crate::feed::load_json(
        br#"{ "format_version": 1, "meta": { "title": "T" },
             "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
             "officials": [ { "id": "a", "name": "Ann", "state": "VT" } ] }"#,
    )
    .feed
    .unwrap();
    let spanish = View { lang: Some(Lang::Es), ..View::default() };
    assert_eq!(encode(&spanish, None, &feed), "1;lg=es");
    assert_eq!(decode("#sc=1;lg=es", PARAM, &feed).view, spanish);
    let decoded = decode("#sc=1;lg=fr", PARAM, &feed);
    assert_eq!((decoded.view.lang, decoded.problems.len()), (None, 0), "a language we do not speak: the browser's");
    assert_eq!(lang_in("#x=1&sc=1;st=VT;lg=es;c=ab", PARAM), Some(Lang::Es));
    assert_eq!(lang_in("#sc-other=1;lg=es", PARAM), None);
    assert_eq!(lang_in("", PARAM), None);
}

#[test]
fn param_names() {
    assert_eq!(param_name(None), "sc");
    assert_eq!(param_name(Some("")), "sc");
    assert_eq!(param_name(Some("Minnesota-2024")), "sc-minnesota-2024");
    assert_eq!(param_name(Some("a&b=c;d")), "sc-abcd");
}

fn five_officials() -> Feed {
    crate::feed::load_json(
        br#"{ "format_version": 1, "meta": { "title": "T" },
             "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
             "officials": [ { "id": "a", "name": "Ann", "state": "VT" }, { "id": "b", "name": "Bo", "state": "NY" },
                            { "id": "c", "name": "Cy", "state": "MN" }, { "id": "d", "name": "Di", "state": "VT" },
                            { "id": "e", "name": "Ed", "state": "WI" } ] }"#,
    )
    .feed
    .unwrap()
}

fn comparing(ids: &[&str]) -> View {
    View { compare: ids.iter().map(|s| s.to_string()).collect(), ..View::default() }
}

fn field<'a>(link: &'a str, key: &str) -> Option<&'a str> {
    link.split(';').find_map(|f| f.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn a_comparison_names_listed_officials_by_place_and_others_by_token() {
    let feed = five_officials();
    let mut list = Shortlist::default();
    for id in ["b", "c"] {
        list.add(id, id).unwrap();
    }
    let view = comparing(&["c", "a", "b"]);
    let link = encode(&view, Some(&list), &feed);
    let k = field(&link, "k").unwrap();
    let items: Vec<&str> = k.split(',').collect();
    assert_eq!(items[0], "B", "Cy is second on the list");
    assert_eq!(items[2], "A", "Bo is first");
    assert!(items[1].len() >= 4, "Ann is not listed: a token, {k}");
    let decoded = decode(&format!("sc={link}"), PARAM, &feed);
    assert_eq!(decoded.view.compare, ["c", "a", "b"]);
    assert_eq!(decoded.compare_note, None);
    // Without a list (the page address), every one is a token.
    let alone = encode(&view, None, &feed);
    assert!(field(&alone, "k").unwrap().split(',').all(|t| t.len() >= 4), "{alone}");
    assert_eq!(decode(&format!("sc={alone}"), PARAM, &feed).view.compare, ["c", "a", "b"]);
    // No comparison, no field; older links have none.
    assert_eq!(field(&encode(&View::default(), Some(&list), &feed), "k"), None);
    assert!(decode("sc=1;st=VT", PARAM, &feed).view.compare.is_empty());
}

#[test]
fn officials_a_link_compares_that_are_not_in_the_feed_are_dropped_with_a_note() {
    let feed = five_officials();
    let link = encode(&comparing(&["a", "b", "c"]), None, &feed);
    let smaller = crate::feed::load_json(
        br#"{ "format_version": 1, "meta": { "title": "T" },
             "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
             "officials": [ { "id": "a", "name": "Ann", "state": "VT" }, { "id": "c", "name": "Cy", "state": "MN" } ] }"#,
    )
    .feed
    .unwrap();
    let decoded = decode(&format!("sc={link}"), PARAM, &smaller);
    assert_eq!(decoded.view.compare, ["a", "c"]);
    assert_eq!(
        decoded.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("1 official in the comparison is not in this feed and was left out.")
    );
    assert!(decoded.problems.is_empty(), "said beside the comparison, not as a problem of the list");
    // A place in a list the link does not have, or past its end, names nobody.
    let decoded = decode("sc=1;k=A,Z", PARAM, &feed);
    assert!(decoded.view.compare.is_empty());
    assert_eq!(
        decoded.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("2 officials in the comparison are not in this feed and were left out.")
    );
}

#[test]
fn a_link_comparing_more_than_four_is_read_up_to_four() {
    let feed = five_officials();
    let tokens: Vec<String> = ["a", "b", "a", "c", "d", "e"].iter().map(|id| token(id_hash(id), MIN_TOKEN)).collect();
    let decoded = decode(&format!("sc=1;k={}", tokens.join(",")), PARAM, &feed);
    assert_eq!(decoded.view.compare, ["a", "b", "c"], "the first four items, once each");
    assert_eq!(
        decoded.compare_note.as_ref().map(crate::i18n::Msg::en).as_deref(),
        Some("The link compares 6 officials; only the first 4 were read.")
    );
    // Garbage is not a panic, and names nobody.
    for junk in ["sc=1;k=", "sc=1;k=,,,", "sc=1;k=%%%,~~,AAAAAAAAAAAAAAAAAA", "sc=1;k=A;l=;c=zz"] {
        let decoded = decode(junk, PARAM, &feed);
        assert!(decoded.view.compare.is_empty(), "{junk}");
    }
}

#[test]
fn sharded_links_name_the_states_of_the_compared_officials() {
    let feed = five_officials();
    let mut list = Shortlist::default();
    list.add_official(&feed.officials[1]).unwrap();
    let link = encode_sharded(&comparing(&["c", "e"]), Some(&list), &feed);
    assert_eq!(field(&link, "ls"), Some("MN,NY,WI"), "{link}");
    // Without a list too (the page address keeps the comparison across a reload).
    let alone = encode_sharded(&comparing(&["c", "e"]), None, &feed);
    assert_eq!(field(&alone, "ls"), Some("MN,WI"), "{alone}");
    assert_eq!(field(&alone, "c"), None, "a checksum only guards a list");
}

#[test]
fn a_link_is_read_up_to_its_length_limit_with_its_list_and_states_by_code_only() {
    let feed = five_officials();
    let mut list = Shortlist::default();
    for (id, amount) in [("a", Cents(10_00)), ("d", Cents(5_50))] {
        list.add(id, id).unwrap();
        list.set_amount(id, amount).unwrap();
    }
    let link = encode(&View::default(), Some(&list), &feed);
    // Another part of the fragment pads it to exactly the limit: read; one more byte: refused.
    let at_limit = |extra: usize| {
        let start = format!("sc={link}&pad=");
        format!("{start}{}", "x".repeat(MAX_LEN + extra - start.len()))
    };
    let decoded = decode(&at_limit(0), PARAM, &feed);
    assert_eq!(decoded.problems, []);
    assert_eq!(decoded.shared.as_ref().map(SharedList::total), Some(Cents(15_50)));
    let refused = decode(&at_limit(1), PARAM, &feed);
    assert_eq!((refused.present, refused.shared, refused.problems.len()), (true, None, 1));
    assert_eq!(
        refused.problems[0].en(),
        "This link is too long to be a Scorecard link (16,385 characters); it was ignored."
    );
    // States by their two-letter codes only: a name is not ours, whatever it names.
    let decoded = decode("sc=1;st=VT,Vermont", PARAM, &feed);
    assert_eq!(decoded.view.filter.states.iter().map(|s| s.code()).collect::<Vec<_>>(), ["VT"]);
    assert_eq!(decoded.problems.len(), 1);
}

#[test]
fn a_shared_lists_problems_are_each_counted_and_said() {
    // Two ids whose four-character tokens are the same: that token cannot tell them apart.
    let (a, feed) = sharing_bits(24..64);
    let (cy, same) = (token(id_hash("c"), MIN_TOKEN), token(id_hash(&a), MIN_TOKEN));
    let (nobody, nor) = (token(id_hash("nobody"), 8), token(id_hash("no one"), 8));
    // Signed as a widget signs its links, so only the list's own problems are said.
    let signed = |payload: String| format!("sc={payload};c={}", super::token::checksum(&payload));
    let decoded = decode(&signed(format!("1;l={cy}~lots,{cy}~0,{same},{same}~5,{nobody},{nor},x,!!!!")), PARAM, &feed);
    let shared = decoded.shared.unwrap();
    assert_eq!((shared.entries, shared.unknown, shared.ambiguous), (vec![(2, crate::money::DEFAULT_AMOUNT)], 2, 2));
    let said: Vec<String> = decoded.problems.iter().map(|p| p.en()).collect();
    assert_eq!(
        said,
        [
            "2 entries in the link could not be read.",
            "2 amounts in the link were not valid and were set to $27.",
            "2 officials in the link are not in this feed.",
            "2 officials in the link could not be told apart from others and were left out.",
        ]
    );

    // Up to the shortlist's limit is read without a word; past it, said.
    let many = |n: usize| signed(format!("1;l={}", vec![cy.as_str(); n].join(",")));
    let too_many =
        |link: &str| decode(link, PARAM, &feed).problems.iter().any(|p| p.en().starts_with("The link lists"));
    assert!(!too_many(&many(crate::shortlist::MAX_ENTRIES)));
    assert!(too_many(&many(crate::shortlist::MAX_ENTRIES + 1)));
}

/// Two ids whose hashes share their first `bits` (a number in that range) and no more, found by
/// trying ids in turn; the first of them, and a feed of both and "c".
fn sharing_bits(bits: std::ops::Range<u32>) -> (String, Feed) {
    let mut by_prefix = std::collections::HashMap::new();
    let (a, b) = (0..)
        .map(|i| format!("x{i}"))
        .find_map(|id| {
            let hash = id_hash(&id);
            let other = by_prefix.insert(hash >> 40, id.clone())?;
            bits.contains(&(id_hash(&other) ^ hash).leading_zeros()).then_some((other, id))
        })
        .unwrap();
    let json = format!(
        r#"{{ "format_version": 1, "meta": {{ "title": "T" }},
             "questions": [ {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Y" }} ] }} ],
             "officials": [ {{ "id": "{a}", "name": "A", "state": "VT" }}, {{ "id": "{b}", "name": "B", "state": "VT" }},
                            {{ "id": "c", "name": "Cy", "state": "MN" }} ] }}"#
    );
    let loaded = crate::feed::load_json(json.as_bytes());
    (a, loaded.feed.unwrap_or_else(|| panic!("{json}: {:?}", loaded.report)))
}

#[test]
fn tokens_are_as_long_as_telling_officials_apart_takes_and_a_changed_link_is_noticed() {
    // Sharing exactly 24 bits, four characters: the fifth tells them apart.
    let (a, feed) = sharing_bits(24..25);
    let ids: Vec<&str> = feed.officials.iter().map(|o| o.id.as_str()).collect();
    let mut list = Shortlist::default();
    for id in &ids {
        list.add(id, id).unwrap();
    }
    let link = encode(&View::default(), Some(&list), &feed);
    let tokens: Vec<&str> = field(&link, "l").unwrap().split(',').collect();
    let len = |id: &str| tokens[ids.iter().position(|i| *i == id).unwrap()].len();
    assert_eq!((len(&a), len("c")), (5, MIN_TOKEN), "{link}");
    assert!(ids.iter().all(|id| len(id) == if *id == "c" { 4 } else { 5 }), "{link}");
    let decoded = decode(&format!("sc={link}"), PARAM, &feed);
    assert_eq!(decoded.problems, []);
    assert_eq!(
        decoded.shared.unwrap().to_shortlist(&feed).entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ids
    );

    // A range that starts at an official's very hash holds them.
    let c = id_hash("c");
    assert_eq!(super::token::matches((c, c), &feed), [2]);

    // An amount changed on the way: the checksum no longer matches, and the reader is told.
    let changed = link.replacen(&format!("l={}", tokens[0]), &format!("l={}~9", tokens[0]), 1);
    assert_ne!(changed, link);
    let decoded = decode(&format!("sc={changed}"), PARAM, &feed);
    assert_eq!(
        decoded.problems.iter().map(|p| p.en()).collect::<Vec<_>>(),
        ["This link was changed or damaged on the way: check the officials and amounts."]
    );
}
