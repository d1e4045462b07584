//! The tables behind [`super::fold`], [`super::lower`] and [`super::capitalize`]: base letters
//! of the precomposed Latin letters, and lower and upper case for the Latin, Greek, Cyrillic and
//! Armenian alphabets. Written out here (about 1 KB) so the wasm carries neither a normalization
//! library nor the standard library's Unicode case conversions; native tests check them against
//! both (`unicode-normalization`, `char::to_lowercase` and `char::to_uppercase`).

/// For each code point from U+00C0 to U+02AF (Latin-1 Supplement, Latin Extended-A and -B, IPA
/// Extensions) and
/// from U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese, Welsh, ...): its base letter,
/// lower-case (`ạ`, `Ầ` → `a`); a digit or capital, one of [`BASE_PAIRS`] (`Æ` → `ae`); `.`
/// for none (`×`, `Ə`: only lower-cased).
pub(super) const LATIN_1_TO_IPA: &[u8; 0x1F0] = b"\
    aaaaaa0ceeeeiiiidnooooo.ouuuuy32\
    aaaaaa0ceeeeiiiidnooooo.ouuuuy3y\
    aaaaaaccccccccddddeeeeeeeeeegggg\
    gggghhhhiiiiiiiiii44jjkkklllllll\
    lllnnnnnn.nnoooooo11rrrrrrssssss\
    ssttttttuuuuuuuuuuuuwwyyyzzzzzzs\
    bbbb...ccdddd....ffg.8.ikkl..nno\
    oo99pp.....ttttuu.vyyzz.........\
    ....555666777aaiioouuuuuuuuuu.aa\
    aa00ggggkkoooo..j555gg8.nnaa00oo\
    aaaaeeeeiiiioooorrrruuuusstt..hh\
    ndAAzzaaeeooooooooyylntjBCacclts\
    z..b..eejjqqrryy...b.cdd.......j\
    g.....h.i..lll...mnn.o......rrr.\
    ..s.j...t..v....zz...........j..\
    q..5.5..........\
";
pub(super) const LATIN_EXTENDED_ADDITIONAL: &[u8; 0x100] = b"\
    aabbbbbbccddddddddddeeeeeeeeeeff\
    gghhhhhhhhhhiiiikkkkkkllllllllmm\
    mmmmnnnnnnnnoooooooopppprrrrrrrr\
    ssssssssssttttttttuuuuuuuuuuvvvv\
    wwwwwwwwwwxxxxyyzzzzzzhtwyasss2.\
    aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
    eeeeeeeeiiiioooooooooooooooooooo\
    oooouuuuuuuuuuuuuuyyyyyyyyDDvvyy\
";

/// Two-letter bases, named in the tables above by `0`–`9` and then `A`, `B`, ...
pub(super) const BASE_PAIRS: [&str; 14] =
    ["ae", "oe", "ss", "th", "ij", "dz", "lj", "nj", "hv", "oi", "ou", "db", "qp", "ll"];

/// The base letters of `c`, if the tables above give it some.
pub(super) fn base(c: char) -> Option<&'static str> {
    let code = c as usize;
    let byte = match code {
        0xC0..=0x2AF => LATIN_1_TO_IPA[code - 0xC0],
        0x1E00..=0x1EFF => LATIN_EXTENDED_ADDITIONAL[code - 0x1E00],
        // Compatibility letters that decompose to a Latin one.
        0x2C65 => b'a', // ⱥ, the lower case of Ⱥ
        0x2C66 => b't', // ⱦ, the lower case of Ⱦ
        0x212A => b'k', // Kelvin sign
        0x212B => b'a', // Angstrom sign
        _ => return None,
    };
    match byte {
        b'a'..=b'z' => {
            const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
            let at = usize::from(byte - b'a');
            Some(&LETTERS[at..at + 1])
        }
        b'0'..=b'9' => Some(BASE_PAIRS[usize::from(byte - b'0')]),
        b'A'..=b'Z' => BASE_PAIRS.get(usize::from(byte - b'A') + 10).copied(),
        _ => None,
    }
}

/// Upper-case letters whose lower case is the next code point (`Ā` U+0100 → `ā` U+0101), one
/// bit each, from U+0100, U+0370 and U+1E00.
const NEXT_IS_LOWER: [(u32, &[u64]); 3] = [
    (
        0x100,
        &[
            0xAA54555555555555,
            0x2A555555555554AA,
            0x1128909501020894,
            0x551455554AAAA920,
            0x0805555455555555,
            0x0000000000005542,
        ],
    ),
    (
        0x370,
        &[
            0x0000000000000045,
            0x5555550000000000,
            0x0000000000000480,
            0x5555000000000000,
            0x5555555554015555,
            0x555555552AAA5555,
            0x5555555555555555,
        ],
    ),
    (0x1E00, &[0x5555555555555555, 0x5555555555555555, 0x5555555500155555, 0x5555555555555555]),
];

/// Upper-case letters no rule covers, and their lower case.
const IRREGULAR: [(u16, u16); 51] = [
    (0x0130, 0x0069),
    (0x0178, 0x00FF),
    (0x0181, 0x0253),
    (0x0186, 0x0254),
    (0x0189, 0x0256),
    (0x018A, 0x0257),
    (0x018E, 0x01DD),
    (0x018F, 0x0259),
    (0x0190, 0x025B),
    (0x0193, 0x0260),
    (0x0194, 0x0263),
    (0x0196, 0x0269),
    (0x0197, 0x0268),
    (0x019C, 0x026F),
    (0x019D, 0x0272),
    (0x019F, 0x0275),
    (0x01A6, 0x0280),
    (0x01A9, 0x0283),
    (0x01AE, 0x0288),
    (0x01B1, 0x028A),
    (0x01B2, 0x028B),
    (0x01B7, 0x0292),
    (0x01C4, 0x01C6),
    (0x01C7, 0x01C9),
    (0x01CA, 0x01CC),
    (0x01F1, 0x01F3),
    (0x01F6, 0x0195),
    (0x01F7, 0x01BF),
    (0x0220, 0x019E),
    (0x023A, 0x2C65),
    (0x023D, 0x019A),
    (0x023E, 0x2C66),
    (0x0243, 0x0180),
    (0x0244, 0x0289),
    (0x0245, 0x028C),
    (0x037F, 0x03F3),
    (0x0386, 0x03AC),
    (0x0388, 0x03AD),
    (0x0389, 0x03AE),
    (0x038A, 0x03AF),
    (0x038C, 0x03CC),
    (0x038E, 0x03CD),
    (0x038F, 0x03CE),
    (0x03CF, 0x03D7),
    (0x03F4, 0x03B8),
    (0x03F9, 0x03F2),
    (0x03FD, 0x037B),
    (0x03FE, 0x037C),
    (0x03FF, 0x037D),
    (0x04C0, 0x04CF),
    (0x1E9E, 0x00DF),
];

/// Lower case of one character, as `char::to_lowercase` gives it for the Latin, Greek,
/// Cyrillic and Armenian alphabets (U+0000–U+0586 and U+1E00–U+1EFF); `İ` becomes `i` (not
/// `i` and a combining dot). Other characters are returned as they are.
pub(super) fn lower(c: char) -> char {
    let code = c as u32;
    let offset = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => 0x20,
        0x400..=0x40F => 0x50,
        0x531..=0x556 => 0x30,
        _ if code < 0x100 => 0,
        _ => {
            let next = NEXT_IS_LOWER.iter().any(|(start, words)| {
                let bit = code.wrapping_sub(*start) as usize;
                words.get(bit / 64).is_some_and(|w| w >> (bit % 64) & 1 == 1)
            });
            if next {
                1
            } else {
                let found = u16::try_from(code).ok().and_then(|c| IRREGULAR.binary_search_by_key(&c, |(u, _)| *u).ok());
                return found.and_then(|i| char::from_u32(u32::from(IRREGULAR[i].1))).unwrap_or(c);
            }
        }
    };
    char::from_u32(code + offset).unwrap_or(c)
}

/// Lower-case letters whose upper case is not the inverse of [`lower`] (`ı` → `I`, `ǆ` → `Ǆ`),
/// or lies outside the alphabets covered (`ɐ` → `Ɐ`).
const UPPER_IRREGULAR: [(u16, u16); 40] = [
    (0x0131, 0x0049),
    (0x017F, 0x0053),
    (0x019B, 0xA7DC),
    (0x01C5, 0x01C4),
    (0x01C6, 0x01C4),
    (0x01C8, 0x01C7),
    (0x01C9, 0x01C7),
    (0x01CB, 0x01CA),
    (0x01CC, 0x01CA),
    (0x01F2, 0x01F1),
    (0x01F3, 0x01F1),
    (0x023F, 0x2C7E),
    (0x0240, 0x2C7F),
    (0x0250, 0x2C6F),
    (0x0251, 0x2C6D),
    (0x0252, 0x2C70),
    (0x025C, 0xA7AB),
    (0x0261, 0xA7AC),
    (0x0264, 0xA7CB),
    (0x0265, 0xA78D),
    (0x0266, 0xA7AA),
    (0x026A, 0xA7AE),
    (0x026B, 0x2C62),
    (0x026C, 0xA7AD),
    (0x0271, 0x2C6E),
    (0x027D, 0x2C64),
    (0x0282, 0xA7C5),
    (0x0287, 0xA7B1),
    (0x029D, 0xA7B2),
    (0x029E, 0xA7B0),
    (0x0345, 0x0399),
    (0x03C2, 0x03A3),
    (0x03D0, 0x0392),
    (0x03D1, 0x0398),
    (0x03D5, 0x03A6),
    (0x03D6, 0x03A0),
    (0x03F0, 0x039A),
    (0x03F1, 0x03A1),
    (0x03F5, 0x0395),
    (0x1E9B, 0x1E60),
];

/// Upper case of one character, as `char::to_uppercase` gives it for the alphabets [`lower`]
/// covers where that is one character (`ß` stays `ß`, `ŉ` stays `ŉ`): the inverse of [`lower`]
/// and the exceptions above. Other characters are returned as they are.
pub(super) fn upper(c: char) -> char {
    let code = c as u32;
    let irregular = u16::try_from(code).ok().and_then(|c| UPPER_IRREGULAR.binary_search_by_key(&c, |(l, _)| *l).ok());
    if let Some(i) = irregular {
        return char::from_u32(u32::from(UPPER_IRREGULAR[i].1)).unwrap_or(c);
    }
    let offset: i64 = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => -0x20,
        0x450..=0x45F => -0x50,
        0x561..=0x586 => -0x30,
        0xB5 => 0x39C - 0xB5, // micro sign → Greek capital mu
        _ if code < 0x100 && code != 0xFF => 0,
        _ => {
            let previous = code.wrapping_sub(1);
            let after_upper = NEXT_IS_LOWER.iter().any(|(start, words)| {
                let bit = previous.wrapping_sub(*start) as usize;
                words.get(bit / 64).is_some_and(|w| w >> (bit % 64) & 1 == 1)
            });
            if after_upper {
                -1
            } else {
                let found = IRREGULAR.iter().find(|(u, l)| u32::from(*l) == code && !matches!(*u, 0x130 | 0x1E9E));
                return found.and_then(|(u, _)| char::from_u32(u32::from(*u))).unwrap_or(c);
            }
        }
    };
    u32::try_from(i64::from(code) + offset).ok().and_then(char::from_u32).unwrap_or(c)
}
