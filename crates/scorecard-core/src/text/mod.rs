//! Text helpers: cleaning untrusted display text, accent-insensitive folding for search, lower
//! case, slugs.
//!
//! Folding takes every precomposed Latin letter to its base letters (é, ñ, ü, ł, ạ, ễ, ư, æ → e,
//! n, u, l, a, e, u, ae) and drops combining marks, from the small tables in `fold_table.rs`. A
//! Unicode normalization crate would cover more scripts but adds its tables to the wasm; names
//! in these feeds are Latin-script. Lower and upper case come from the same file for the Latin,
//! Greek, Cyrillic and Armenian alphabets, so the core brings no `char::to_lowercase` or
//! `to_uppercase` into the wasm (their tables and code: the widget's wasm is 1.5 KB smaller
//! gzipped without `to_uppercase`, and 0.9 KB without `to_lowercase` once the widget drops
//! its own call); letters of other scripts match exactly as written.

mod fold_table;

/// Cleans text from an untrusted source for display: removes control characters, bidi
/// overrides and invisible format characters, turns line breaks and tabs into spaces, collapses
/// runs of whitespace and trims. Emoji joiners (U+200D) are kept so emoji render intact.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Like [`clean`] but returns `None` for text that is empty once cleaned.
pub fn clean_opt(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|s| !s.is_empty())
}

/// Characters that must never reach the page: controls, bidi embedding/override/isolate
/// controls (they can reverse how a name or URL reads), and zero-width characters other than
/// the emoji joiner.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' // zero-width space/non-joiner, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // byte-order mark / zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
        )
}

/// Whether `text` contains characters [`clean`] would remove (other than whitespace changes).
pub fn has_invisible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && is_invisible(c))
}

/// Shortens `text` to at most `max_chars` characters, ending with "…" when cut.
pub fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars.saturating_sub(1)) {
        Some((cut, _)) if text[cut..].chars().count() > 1 => format!("{}…", &text[..cut]),
        _ => text.to_string(),
    }
}

/// Folds text for search: lower case, accents removed, whitespace collapsed.
/// `fold("José  Serrano")` is `"jose serrano"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold`], appended to `out`: a feed folds every official's name into one buffer.
pub fn fold_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        fold_ascii_into(out, text)
    } else {
        fold_chars_into(out, text)
    }
}

fn fold_chars_into(out: &mut String, text: &str) {
    let start = out.len();
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > start;
            continue;
        }
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(base) = fold_table::base(c) {
            out.push_str(base);
        } else {
            out.push(fold_table::lower(c));
        }
    }
}

/// [`fold_into`] for ASCII text (most names), byte by byte: the same rules without decoding
/// characters.
fn fold_ascii_into(out: &mut String, text: &str) {
    let start = out.len();
    if !needs_cleaning(text) {
        // Printable, single spaces inside: folding only lower-cases it (most names).
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for b in text.bytes() {
        if is_ascii_whitespace(b) {
            pending_space = out.len() > start;
            continue;
        }
        if b.is_ascii_control() {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// `char::is_whitespace` for ASCII (unlike `u8::is_ascii_whitespace`, it includes U+000B).
pub(crate) fn is_ascii_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Whether [`clean`] would change `text`. Most texts in a feed are clean ASCII, checked here
/// byte by byte.
pub fn needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return true;
    }
    let mut previous_space = false;
    for &b in bytes {
        match b {
            b' ' if previous_space => return true,
            b' ' => previous_space = true,
            0x21..=0x7e => previous_space = false,
            // Controls (tabs, newlines included) always need it; anything else is not ASCII.
            0x00..=0x1f | 0x7f => return true,
            _ => {
                return text.chars().any(|c| (c.is_whitespace() && c != ' ') || is_invisible(c)) || text.contains("  ")
            }
        }
    }
    false
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Lower case, for the Latin, Greek, Cyrillic and Armenian alphabets (as `str::to_lowercase`,
/// but `İ` becomes `i`); other letters stay as they are. Accents are kept: `lower("ÉCOLE")` is
/// `"école"`.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(fold_table::lower).collect()
}

/// `text` with its first letter in upper case ("representative" → "Representative"), for the
/// same alphabets as [`lower`].
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(fold_table::upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// A lower-case, hyphen-separated identifier made of ASCII letters and digits:
/// `slug("Jesus \"Chuy\" García")` is `"jesus-chuy-garcia"`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `text` is a valid identifier for questions and stances: 1–64 characters of
/// `a-z`, `0-9`, `-` and `_`, starting with a letter or digit.
pub fn is_identifier(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_')
}

/// An Open Civic Data division id as feeds and ZIP tables may give it:
/// `ocd-division/…`, lower-case letters, digits and `/ : _ . ~ -`, at most 200 characters.
pub fn is_division_id(text: &str) -> bool {
    text.starts_with("ocd-division/")
        && text.len() <= 200
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"/:_.~-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The byte-by-byte shortcuts must agree with the general rules they skip.
        #[test]
        fn ascii_folding_equals_folding_by_characters(text in "[\\x00-\\x7f]{0,40}") {
            let (mut fast, mut general) = (String::from("x"), String::from("x"));
            fold_ascii_into(&mut fast, &text);
            fold_chars_into(&mut general, &text);
            prop_assert_eq!(fast, general);
        }

        #[test]
        fn needs_cleaning_exactly_when_clean_changes_the_text(text in "([\\x00-\\x7f]|[ \u{a0}\u{202e}\u{200b}é\u{3000}]){0,30}") {
            prop_assert_eq!(needs_cleaning(&text), clean(&text) != text);
        }
    }

    #[test]
    fn clean_removes_controls_and_bidi_and_collapses_spaces() {
        assert_eq!(clean("  Jane\u{202E}  Doe\n\t"), "Jane Doe");
        assert_eq!(clean("a\u{0007}b\u{200B}c"), "abc");
        assert_eq!(clean("👩\u{200D}🚀"), "👩\u{200D}🚀");
        assert_eq!(clean("<script>alert(1)</script>"), "<script>alert(1)</script>");
        assert!(has_invisible("x\u{2066}y"));
        assert!(!has_invisible("plain text"));
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("José E. Serrano"), "jose e. serrano");
        assert_eq!(fold("Nydia M. VELÁZQUEZ"), "nydia m. velazquez");
        assert_eq!(fold("Muñoz"), "munoz");
        // Decomposed input (e + combining acute) folds like precomposed.
        assert_eq!(fold("Jose\u{0301}"), "jose");
        assert_eq!(fold("Łukasz Straße"), "lukasz strasse");
        assert_eq!(fold("Rick Trevi̱o"), "rick trevio");
        // Latin Extended Additional: Vietnamese names.
        assert_eq!(fold("Phạm Nguyễn Thị Hồng Nhung"), "pham nguyen thi hong nhung");
        assert_eq!(fold("TRƯƠNG Đức Vũ ỹ Ộ"), "truong duc vu y o");
        assert_eq!(fold("ΑΘΗΝΑ Жуков"), "αθηνα жуков");
    }

    /// The independent reference: canonical decomposition (NFD) minus combining marks, lower
    /// case from the standard library.
    fn reference_fold(c: char) -> String {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let base: String = std::iter::once(c).nfd().filter(|c| !is_combining_mark(*c)).collect();
        base.to_lowercase()
    }

    #[test]
    fn every_latin_letter_folds_to_its_decomposition_without_marks() {
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let reference = reference_fold(c);
            let decomposes_to_latin = !reference.is_empty()
                && reference != c.to_lowercase().to_string()
                && reference.chars().all(|r| r.is_ascii_alphabetic());
            if decomposes_to_latin {
                assert_eq!(fold(&c.to_string()), reference, "U+{:04X} {c}", c as u32);
                checked += 1;
            }
        }
        assert!(checked >= 489, "{checked}"); // the precomposed Latin letters
                                              // Letters with no decomposition that the table gives a base anyway (stroke, ligatures).
        for (letters, base) in [("ØøĐđŁłĦħŦŧıƀƚ", "oodd llhhttibl"), ("ÆæŒœßẞÞþĲĳ", "aeaeoeoessssththijij")]
        {
            assert_eq!(fold(letters).replace(' ', ""), base.replace(' ', ""));
        }
    }

    #[test]
    fn every_latin_letter_folds_the_same_in_either_case() {
        let latin = (0xC0..=0x24F).chain(0x1E00..=0x1EFF).filter_map(char::from_u32);
        for c in latin.filter(|c| c.is_alphabetic()) {
            let folded = fold(&c.to_string());
            assert_eq!(folded, fold(&c.to_lowercase().to_string()), "U+{:04X} {c}", c as u32);
            assert_eq!(folded, folded.to_lowercase(), "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn lower_case_equals_the_standard_librarys_for_the_alphabets_it_covers() {
        let covered = (0..=0x586).chain(0x1E00..=0x1EFF).filter_map(char::from_u32);
        for c in covered.filter(|c| *c != 'İ') {
            assert_eq!(lower(&c.to_string()), c.to_lowercase().to_string(), "U+{:04X} {c}", c as u32);
        }
        assert_eq!(lower("İSTANBUL École ΣΟΦΙΑ"), "istanbul école σοφια");
        assert_eq!(lower("Ⴀ 𐐀"), "Ⴀ 𐐀", "other scripts stay as written");
    }

    #[test]
    fn upper_case_of_a_first_letter_equals_the_standard_librarys_where_it_is_one_letter() {
        let covered = (0..=0x586).chain(0x1E00..=0x1EFF).filter_map(char::from_u32);
        let mut differ = Vec::new();
        for c in covered {
            let std: Vec<char> = c.to_uppercase().collect();
            let ours = capitalize(&c.to_string());
            if std.len() == 1 && ours != std[0].to_string() {
                differ.push(format!("U+{:04X} {c}", c as u32));
            }
            if std.len() > 1 {
                assert_eq!(ours, c.to_string(), "U+{:04X} has no one-letter upper case: kept", c as u32);
            }
        }
        assert_eq!(differ, Vec::<String>::new());
        assert_eq!(capitalize("state senator"), "State senator");
        assert_eq!(capitalize("élue"), "Élue");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Jesus \"Chuy\" García"), "jesus-chuy-garcia");
        assert_eq!(slug("  T.J. Donovan "), "t-j-donovan");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abcd", 4), "abcd");
        assert_eq!(truncate("ééééé", 3), "éé…");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("sanders-2020"));
        assert!(is_identifier("our_revolution"));
        assert!(!is_identifier("Sanders"));
        assert!(!is_identifier("-x"));
        assert!(!is_identifier(""));
        assert!(!is_identifier(&"a".repeat(65)));
    }
}
