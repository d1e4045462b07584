use super::token::{token, token_range, MAX_TOKEN, MIN_TOKEN};
use super::*;

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
fn param_names() {
    assert_eq!(param_name(None), "sc");
    assert_eq!(param_name(Some("")), "sc");
    assert_eq!(param_name(Some("Minnesota-2024")), "sc-minnesota-2024");
    assert_eq!(param_name(Some("a&b=c;d")), "sc-abcd");
}
