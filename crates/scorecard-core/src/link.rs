//! Safe links. A [`SafeUrl`] can only be made by checking a string, and only `https:` (and
//! `mailto:` for e-mail addresses) pass, so the widget cannot render a `javascript:`, `data:`
//! or plain `http:` link by mistake: the type is the proof.
//!
//! The check is a deliberate allow-list rather than a full URL parser: the `url` crate would
//! accept more (and pull Unicode IDNA tables into the wasm); we want less.

use std::fmt;

/// Longest URL accepted. Browsers take more, but a feed link this long is a mistake or an attack.
pub const MAX_URL_LEN: usize = 2048;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SafeUrl(String);

/// Why a string was refused as a link. `Display` gives a plain-English reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    TooLong(usize),
    /// Spaces, control characters or invisible characters inside the URL.
    InvisibleCharacters,
    /// A scheme other than https (e.g. `http`, `javascript`, `data`), lower-cased.
    NotHttps(String),
    /// No scheme at all, e.g. `www.example.com`.
    NoScheme,
    /// `user:password@host`: links with credentials are a phishing trick.
    Credentials,
    Malformed(&'static str),
    BadEmail,
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Empty => f.write_str("the link is empty"),
            UrlProblem::TooLong(len) => {
                write!(f, "the link is {len} characters long; the limit is {MAX_URL_LEN}")
            }
            UrlProblem::InvisibleCharacters => f.write_str("the link contains spaces, control or invisible characters"),
            UrlProblem::NotHttps(scheme) if scheme == "http" => {
                f.write_str("the link uses http:, which is not secure; only https: links are shown")
            }
            UrlProblem::NotHttps(scheme) => {
                write!(f, "links starting with \"{scheme}:\" are not allowed; only https: links are shown")
            }
            UrlProblem::NoScheme => f.write_str("the link must start with https://"),
            UrlProblem::Credentials => {
                f.write_str("the link contains a user name or password (user@host), which is not allowed")
            }
            UrlProblem::Malformed(why) => write!(f, "the link is malformed: {why}"),
            UrlProblem::BadEmail => f.write_str("not a valid e-mail address"),
        }
    }
}

impl SafeUrl {
    /// Accepts an absolute `https://` URL. Surrounding whitespace (common in spreadsheets) is
    /// trimmed; the scheme and host are lower-cased.
    pub fn https(raw: &str) -> Result<SafeUrl, UrlProblem> {
        Self::https_up_to(raw, MAX_URL_LEN)
    }

    /// Like [`SafeUrl::https`], for a link the widget derived from a `SafeUrl` by adding a few
    /// parameters (a donate link's amount and refcode): a feed URL just under the limit must not
    /// lose them.
    pub(crate) fn https_derived(raw: &str) -> Result<SafeUrl, UrlProblem> {
        Self::https_up_to(raw, MAX_URL_LEN + 256)
    }

    fn https_up_to(raw: &str, max_len: usize) -> Result<SafeUrl, UrlProblem> {
        // The same characters as `char::is_ascii_whitespace`, trimmed as bytes.
        let text = raw.trim_ascii();
        // Most links in a feed are plain: checked in one pass (the checks below, each a pass of
        // its own, were 9% of a 100k load in the browser). Anything else, accepted or refused,
        // takes the full path, which alone says what is wrong.
        if text.len() <= max_len {
            if let Some(url) = plain_https(text) {
                return Ok(url);
            }
        }
        Self::checked_https(text, max_len)
    }

    /// The full check of a trimmed link: the link, or what is wrong with it.
    fn checked_https(text: &str, max_len: usize) -> Result<SafeUrl, UrlProblem> {
        if text.is_empty() {
            return Err(UrlProblem::Empty);
        }
        if text.len() > max_len {
            return Err(UrlProblem::TooLong(text.len()));
        }
        let invisible = if text.is_ascii() {
            text.bytes().any(|b| b <= b' ' || b == 0x7f)
        } else {
            text.chars().any(|c| c.is_whitespace() || crate::text::is_invisible(c))
        };
        if invisible {
            return Err(UrlProblem::InvisibleCharacters);
        }
        let Some(colon) = text.find(':') else {
            return Err(UrlProblem::NoScheme);
        };
        let scheme = &text[..colon];
        let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !scheme_ok {
            // "www.x.com:8080/path" or "//x.com": there is no scheme.
            return Err(UrlProblem::NoScheme);
        }
        if !scheme.eq_ignore_ascii_case("https") {
            return Err(UrlProblem::NotHttps(scheme.to_ascii_lowercase()));
        }
        if text.contains('\\') {
            return Err(UrlProblem::Malformed("backslashes are not allowed"));
        }
        let Some(rest) = text[colon + 1..].strip_prefix("//") else {
            return Err(UrlProblem::Malformed("https: must be followed by //"));
        };
        // By bytes (the three are ASCII, so never part of a longer character): a search for a
        // set of characters decodes every character of the link.
        let authority_end = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        if authority.contains('@') {
            return Err(UrlProblem::Credentials);
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        // Digits only (`parse` alone takes "+80"); an empty or too large port does not parse.
        if port.is_some_and(|port| !port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u16>().is_err()) {
            return Err(UrlProblem::Malformed("the port is not a number from 0 to 65535"));
        }
        if !is_valid_host(host) {
            return Err(UrlProblem::Malformed("the host name is missing or invalid"));
        }
        let mut normalized = String::with_capacity(text.len());
        normalized.push_str("https://");
        if authority.is_ascii() {
            normalized.push_str(authority);
            normalized.make_ascii_lowercase();
        } else {
            // Unicode host names are allowed; browsers turn them into punycode themselves.
            normalized.push_str(&crate::text::lower(authority));
        }
        normalized.push_str(&rest[authority_end..]);
        Ok(SafeUrl(normalized))
    }

    /// Accepts an e-mail address, bare (`jane@example.org`) or as a `mailto:` URL.
    pub fn mailto(raw: &str) -> Result<SafeUrl, UrlProblem> {
        let text = raw.trim();
        let address = match text.get(..7) {
            Some(prefix) if prefix.eq_ignore_ascii_case("mailto:") => &text[7..],
            _ => text,
        };
        let valid = address.len() <= 254
            && address.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=^_`{|}~.".contains(&b))
                    && is_valid_host(domain)
                    && domain.contains('.')
            });
        if !valid {
            return Err(UrlProblem::BadEmail);
        }
        Ok(SafeUrl(format!("mailto:{address}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host without a leading `www.`, e.g. `burlingtonfreepress.com`, for showing which
    /// site a source link goes to. Empty for `mailto:` links.
    pub fn site_name(&self) -> &str {
        let Some(rest) = self.0.strip_prefix("https://") else {
            return "";
        };
        let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
        let host = &rest[..end];
        host.strip_prefix("www.").unwrap_or(host)
    }

    pub fn is_mailto(&self) -> bool {
        self.0.starts_with("mailto:")
    }
}

/// A trimmed link that is plainly fine, normalized as [`SafeUrl::https`] would: `https://` (any
/// case), then an ASCII host name (the full check's rules: [`is_valid_host`]), then only printable
/// ASCII but a backslash. `None` for anything else (a port, a Unicode host, a bad link), which is
/// left to the full check.
fn plain_https(text: &str) -> Option<SafeUrl> {
    let bytes = text.as_bytes();
    if bytes.len() <= 8 || !bytes[..8].eq_ignore_ascii_case(b"https://") {
        return None;
    }
    let rest = &bytes[8..];
    let host_len = rest.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let plain =
        is_plain_host(&rest[..host_len]) && rest[host_len..].iter().all(|&b| b > b' ' && b < 0x7f && b != b'\\');
    // Both ends are ASCII bytes, so character boundaries.
    let host = &text[8..8 + host_len];
    plain.then(|| {
        let mut normalized = String::with_capacity(text.len());
        normalized.push_str("https://");
        normalized.push_str(host);
        normalized[8..].make_ascii_lowercase();
        normalized.push_str(&text[8 + host_len..]);
        SafeUrl(normalized)
    })
}

/// The FEC's page for a candidate ("who funds them"), for a well-formed FEC candidate id.
pub fn fec_candidate_page(fec_id: &str) -> Option<SafeUrl> {
    let valid = fec_id.len() == 9 && fec_id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    valid.then(|| SafeUrl(format!("https://www.fec.gov/data/candidate/{fec_id}/")))
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Host names: dot-separated labels of letters (any script), digits and hyphens, 1–63
/// characters each, not starting or ending with a hyphen, at most 253 bytes; one trailing dot
/// (the root: "example.com.") is allowed. IP literals in brackets are refused.
fn is_valid_host(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host);
    name.len() <= 253 && name.split('.').all(is_valid_label)
}

/// [`is_valid_host`] for a host of ASCII letters, digits, hyphens and dots, in one pass over its
/// bytes (`false` for anything else, which the full check then reads): a feed's links are
/// mostly such hosts, and splitting each into labels was most of checking a link.
fn is_plain_host(host: &[u8]) -> bool {
    let name = host.strip_suffix(b".").unwrap_or(host);
    if name.len() > 253 {
        return false;
    }
    let mut label_len = 0;
    let mut previous = b'.';
    for &b in name {
        match b {
            b'.' if label_len == 0 || label_len > 63 || previous == b'-' => return false,
            b'.' => label_len = 0,
            b'-' if label_len == 0 => return false,
            b'-' | b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => label_len += 1,
            _ => return false,
        }
        previous = b;
    }
    (1..=63).contains(&label_len) && previous != b'-'
}

fn is_valid_label(label: &str) -> bool {
    // Most hosts are ASCII: checked by bytes first, by characters only if not.
    let length = if label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        label.len()
    } else if label.chars().all(|c| c.is_alphanumeric() || c == '-') {
        label.chars().count()
    } else {
        return false;
    };
    (1..=63).contains(&length) && !label.starts_with('-') && !label.ends_with('-')
}

/// Checks a link one published file gives to another (a sharded feed's state file, a feed's ZIP
/// table): relative to the giving file's address (`MN.json`, `../zip/`, `/feeds/MN.json`), which
/// keeps it on that file's server, or an absolute `https://` URL. Returns it trimmed, or why it is
/// refused, naming the `files` it points at and the file it is relative to (`base`, e.g. "the index").
pub fn relative_or_https(raw: &str, files: &str, base: &str) -> Result<String, String> {
    let url = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    if url.is_empty() {
        return Err("the url is empty".into());
    }
    if url.len() > MAX_URL_LEN {
        return Err(format!("the url is {} characters long; the limit is {MAX_URL_LEN}", url.len()));
    }
    if url.chars().any(|c| c.is_whitespace() || crate::text::is_invisible(c)) {
        return Err("the url contains spaces, control or invisible characters".into());
    }
    // Browsers read a backslash as a slash: `\\evil.example/x` would leave the server.
    if url.contains('\\') {
        return Err("backslashes are not allowed in the url".into());
    }
    if url.starts_with("//") {
        return Err(format!(
            "a url starting with // leaves {base}'s server without saying how: write https:// in full, or a url relative to {base}"
        ));
    }
    if !has_scheme(url) {
        return Ok(url.to_string());
    }
    SafeUrl::https(url).map(|u| u.to_string()).map_err(|problem| match problem {
        UrlProblem::NotHttps(scheme) => {
            format!("{files} load only over https: or from {base}'s own server, not with \"{scheme}:\"")
        }
        other => other.to_string(),
    })
}

/// Whether a URL starts with a scheme (`https:`, `javascript:`) as browsers read it: a letter,
/// then letters, digits, `+`, `-` or `.`, then `:`, all before any `/`, `?` or `#`.
fn has_scheme(url: &str) -> bool {
    let first_part = &url[..url.find(['/', '?', '#']).unwrap_or(url.len())];
    first_part.find(':').is_some_and(|colon| {
        let scheme = &first_part[..colon];
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Decodes `%XX` escapes (`%20` → ` `, `%C3%A9` → `é`); a malformed escape (`%zz`, a `%` near
/// the end) is kept as written and bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("New%20York%2C%20NY%C3%A9"), "New York, NYé");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%+1%-1"), "%+1%-1");
        assert_eq!(percent_decode("a+b"), "a+b");
        assert_eq!(percent_decode("%E9"), "\u{FFFD}");
    }

    fn ok(raw: &str) -> String {
        SafeUrl::https(raw).map(|u| u.as_str().to_string()).unwrap_or_else(|e| panic!("{raw}: {e}"))
    }

    #[test]
    fn accepts_and_normalizes_https() {
        assert_eq!(ok("https://www.Example.com/Path?q=1#x"), "https://www.example.com/Path?q=1#x");
        assert_eq!(ok("  HTTPS://example.com "), "https://example.com");
        assert_eq!(ok("https://example.com:8443/a"), "https://example.com:8443/a");
        assert_eq!(ok("https://bücher.example/ä"), "https://bücher.example/ä");
    }

    #[test]
    fn refuses_unsafe_schemes() {
        for (raw, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            ("data:text/html,<script>alert(1)</script>", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("http://example.com", "http"),
            ("ftp://example.com", "ftp"),
        ] {
            assert_eq!(SafeUrl::https(raw), Err(UrlProblem::NotHttps(scheme.into())), "{raw}");
        }
    }

    #[test]
    fn a_port_is_a_number_from_0_to_65535() {
        for good in ["https://example.com:0/", "https://example.com:12345/", "https://example.com:65535/x"] {
            assert!(SafeUrl::https(good).is_ok(), "{good}");
        }
        for bad in [
            "https://example.com:65536/",
            "https://example.com:123456/",
            "https://example.com:8a/",
            "https://example.com:/",
            "https://example.com:+80/",
        ] {
            assert_eq!(
                SafeUrl::https(bad),
                Err(UrlProblem::Malformed("the port is not a number from 0 to 65535")),
                "{bad}"
            );
        }
    }

    proptest::proptest! {
        // The one-pass check accepts only what the full check accepts, normalized the same.
        #[test]
        fn plain_links_are_checked_as_the_full_check_does(
            text in "(https|HTTPS|http)(://|:/)([a-zA-Z0-9é._@:-]{0,12})([/?#\\\\ a-z%\u{7f}\u{202e}]{0,8})"
        ) {
            if let Some(url) = plain_https(&text) {
                proptest::prop_assert_eq!(SafeUrl::checked_https(&text, MAX_URL_LEN), Ok(url));
            }
        }

        // Labels around the 63-character limit, hosts around 253, hyphens at either end.
        #[test]
        fn ascii_hosts_are_checked_in_one_pass_as_label_by_label(
            host in "(([a-zA-Z0-9-]{0,4}|[a-z]{61,64})\\.){0,4}([a-zA-Z0-9-]{0,4}|[a-z]{61,64})\\.?\\.?"
        ) {
            proptest::prop_assert_eq!(is_plain_host(host.as_bytes()), is_valid_host(&host));
        }
    }

    #[test]
    fn plain_links_take_the_one_pass_check() {
        for plain in [
            "https://secure.actblue.com/donate/o1",
            "HTTPS://Example.COM",
            "https://a-b.example/x?y#z",
            "https://example.com.",
        ] {
            assert_eq!(plain_https(plain), SafeUrl::checked_https(plain, MAX_URL_LEN).ok(), "{plain}");
        }
        for other in
            ["https://example.com:8443/", "https://bücher.example/", "https://a/\\x", "https://user@a.example/"]
        {
            assert_eq!(plain_https(other), None, "{other}");
        }
    }

    #[test]
    fn host_names_are_labels_of_1_to_63_characters() {
        let host = |host: &str| SafeUrl::https(&format!("https://{host}/x")).map(|_| ());
        let bad = Err(UrlProblem::Malformed("the host name is missing or invalid"));
        let label = |c: &str, n: usize| c.repeat(n);
        for good in [
            "example.com.".to_string(),
            "a-b.example".to_string(),
            label("a", 63),
            label("é", 63), // 126 bytes, 63 characters
            // 253 bytes, the most a name may have, with or without the root's dot.
            format!("{}.{}.{}.{}", label("a", 63), label("b", 63), label("c", 63), label("d", 61)),
            format!("{}.{}.{}.{}.", label("a", 63), label("b", 63), label("c", 63), label("d", 61)),
        ] {
            assert_eq!(host(&good), Ok(()), "{good}");
        }
        for wrong in [
            ".".to_string(),
            ".example.com".to_string(),
            "example..com".to_string(),
            "example..com.".to_string(),
            "example.com..".to_string(),
            "-a.com".to_string(),
            "a-.com".to_string(),
            "a_b.com".to_string(),
            "bü_cher.example".to_string(),
            label("a", 64),
            label("é", 64),
            format!("{}.{}.{}.{}", label("a", 63), label("b", 63), label("c", 63), label("d", 62)),
        ] {
            assert_eq!(host(&wrong), bad, "{wrong}");
        }
    }

    #[test]
    fn refuses_malformed_and_tricky() {
        assert_eq!(SafeUrl::https(""), Err(UrlProblem::Empty));
        assert_eq!(SafeUrl::https("www.example.com"), Err(UrlProblem::NoScheme));
        // What comes before a colon is a scheme only if it starts with a letter and has only
        // letters, digits, +, - and . (else the reader is told the link lacks https://).
        assert_eq!(SafeUrl::https("www.example.com/page:2"), Err(UrlProblem::NoScheme));
        assert_eq!(SafeUrl::https("8080:example.com"), Err(UrlProblem::NoScheme));
        assert_eq!(SafeUrl::https("https://user:pw@example.com"), Err(UrlProblem::Credentials));
        assert_eq!(SafeUrl::https("\u{0001}javascript:alert(1)"), Err(UrlProblem::InvisibleCharacters));
        assert_eq!(SafeUrl::https("java\tscript:alert(1)"), Err(UrlProblem::InvisibleCharacters));
        assert_eq!(SafeUrl::https("https://exa mple.com"), Err(UrlProblem::InvisibleCharacters));
        assert_eq!(SafeUrl::https("https://example.com/\u{202E}fdp.exe"), Err(UrlProblem::InvisibleCharacters));
        assert!(matches!(SafeUrl::https("https:/example.com"), Err(UrlProblem::Malformed(_))));
        assert!(matches!(SafeUrl::https("https://"), Err(UrlProblem::Malformed(_))));
        assert!(matches!(SafeUrl::https("https:\\\\evil.com"), Err(UrlProblem::Malformed(_))));
        assert!(matches!(SafeUrl::https("https://-bad-.com"), Err(UrlProblem::Malformed(_))));
        assert!(matches!(SafeUrl::https("https://x.com:99999"), Err(UrlProblem::Malformed(_))));
        assert!(matches!(SafeUrl::https("https://[::1]/"), Err(UrlProblem::Malformed(_))));
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert!(matches!(SafeUrl::https(&long), Err(UrlProblem::TooLong(_))));
    }

    #[test]
    fn links_between_published_files_stay_relative_or_use_https() {
        let check = |raw: &str| relative_or_https(raw, "state files", "the index");
        assert_eq!(check(" MN.json "), Ok("MN.json".into()));
        assert_eq!(check("/feeds/MN.json"), Ok("/feeds/MN.json".into()));
        assert_eq!(check("https://Example.org/MN.json"), Ok("https://example.org/MN.json".into()));
        assert_eq!(
            check("http://example.org/MN.json"),
            Err("state files load only over https: or from the index's own server, not with \"http:\"".into())
        );
        assert!(check("//evil.example/MN.json")
            .unwrap_err()
            .starts_with("a url starting with // leaves the index's server"));
        assert_eq!(check("a\\b.json"), Err("backslashes are not allowed in the url".into()));
        assert_eq!(check("M N.json"), Err("the url contains spaces, control or invisible characters".into()));
        assert_eq!(check("  "), Err("the url is empty".into()));
        // The length limit, at its edge.
        let longest = format!("{}.json", "a".repeat(MAX_URL_LEN - 5));
        assert_eq!(check(&longest), Ok(longest.clone()));
        assert_eq!(
            check(&format!("a{longest}")),
            Err(format!("the url is {} characters long; the limit is {MAX_URL_LEN}", MAX_URL_LEN + 1))
        );
    }

    #[test]
    fn mailto() {
        assert_eq!(SafeUrl::mailto("jane@example.org").unwrap().as_str(), "mailto:jane@example.org");
        assert_eq!(SafeUrl::mailto("MAILTO:jane@example.org").unwrap().as_str(), "mailto:jane@example.org");
        assert_eq!(SafeUrl::mailto("jane@localhost"), Err(UrlProblem::BadEmail));
        assert_eq!(SafeUrl::mailto("<jane@example.org>"), Err(UrlProblem::BadEmail));
        assert_eq!(SafeUrl::mailto("jane@example.org?subject=x"), Err(UrlProblem::BadEmail));
    }

    #[test]
    fn fec_pages() {
        assert_eq!(fec_candidate_page("S4VT00033").unwrap().as_str(), "https://www.fec.gov/data/candidate/S4VT00033/");
        assert_eq!(fec_candidate_page("S4VT0003"), None);
        assert_eq!(fec_candidate_page("../../x"), None);
    }

    #[test]
    fn site_names() {
        assert_eq!(SafeUrl::https("https://www.cnn.com/x").unwrap().site_name(), "cnn.com");
        assert_eq!(SafeUrl::https("https://twitter.com:443?x").unwrap().site_name(), "twitter.com");
        assert_eq!(SafeUrl::mailto("a@b.org").unwrap().site_name(), "");
    }

    #[test]
    fn messages_are_plain() {
        assert_eq!(
            UrlProblem::NotHttps("http".into()).to_string(),
            "the link uses http:, which is not secure; only https: links are shown"
        );
    }
}
