//! Donate links. Only a feed's https donate URL is ever used. For ActBlue, the amount and the
//! embedder's refcode are added, and parameters that would charge without confirmation or make
//! the gift recurring are removed: a supporter clicking "Give $27" must land on a one-time $27
//! form they confirm themselves. Other platforms' URLs are used unchanged.
//!
//! A feed may also name a donation search ([`DonationSearch`]): an https address template that
//! finds an official's donation page when the feed has none. It is always shown as a search
//! ("Find a donation page"), never as the official's own page.

use std::fmt;

use crate::link::SafeUrl;
use crate::money::Cents;
use crate::states::State;

/// Query parameters removed from ActBlue links (compared case-insensitively): ours to set
/// (`amount`, `refcode`) and any that skip confirmation or make a gift recurring.
fn is_stripped_param(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key == "amount"
        || key == "refcode"
        || key.starts_with("express")
        || key.starts_with("recur")
        || key == "weekly"
        || key == "monthly"
}

pub fn is_actblue(url: &SafeUrl) -> bool {
    let host = url.site_name();
    host == "actblue.com" || host.ends_with(".actblue.com")
}

/// A refcode is tracking text the embedder chooses; keep it to what ActBlue accepts.
pub fn sanitize_refcode(refcode: &str) -> Option<String> {
    let cleaned: String =
        refcode.trim().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').take(64).collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// The link behind a "Give" button.
pub fn donate_link(url: &SafeUrl, amount: Cents, refcode: Option<&str>) -> SafeUrl {
    if !is_actblue(url) {
        return url.clone();
    }
    let text = url.as_str();
    let (before_fragment, fragment) = match text.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (text, None),
    };
    let (base, query) = match before_fragment.split_once('?') {
        Some((b, q)) => (b, q),
        None => (before_fragment, ""),
    };
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !is_stripped_param(p.split('=').next().unwrap_or("")))
        .map(str::to_string)
        .collect();
    params.push(format!("amount={}", amount.plain()));
    if let Some(refcode) = refcode.and_then(sanitize_refcode) {
        params.push(format!("refcode={refcode}"));
    }
    let mut out = format!("{base}?{}", params.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    // Only safe characters are added to a safe URL, and `https_derived` allows 256 characters
    // past the length limit for them (the amount, and a refcode of at most 64), so this does not
    // fail, even for a feed URL at the limit. Should it, the feed's own URL is used.
    SafeUrl::https_derived(&out).unwrap_or_else(|_| url.clone())
}

/// The placeholders a donation-search template may use.
const PLACEHOLDERS: [&str; 3] = ["{name}", "{state}", "{office}"];

/// A feed's donation-search address template (`meta.donation_search`), checked: https, with
/// `{name}` and optionally `{state}` and `{office}`, none of them in the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DonationSearch {
    template: String,
}

/// Why a donation-search template was refused; `Display` gives a plain reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    /// Braces around anything but `name`, `state` or `office`, or unbalanced braces.
    UnknownPlaceholder(String),
    NoName,
    /// A placeholder before the path: the host would depend on the data.
    PlaceholderInHost,
    Link(crate::link::UrlProblem),
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateProblem::UnknownPlaceholder(found) => write!(
                f,
                "the donation search has \"{found}\"; the only placeholders are {{name}}, {{state}} and {{office}}"
            ),
            TemplateProblem::NoName => f.write_str("the donation search must contain {name}"),
            TemplateProblem::PlaceholderInHost => {
                f.write_str("placeholders may only be in the path, query or fragment, not in the site's address")
            }
            TemplateProblem::Link(problem) => write!(f, "the donation search: {problem}"),
        }
    }
}

impl DonationSearch {
    pub fn parse(raw: &str) -> Result<DonationSearch, TemplateProblem> {
        let template = raw.trim_matches(|c: char| c.is_ascii_whitespace());
        let mut rest = template;
        while let Some(open) = rest.find(['{', '}']) {
            let tail = &rest[open..];
            match PLACEHOLDERS.iter().find(|p| tail.starts_with(**p)) {
                Some(p) => rest = &tail[p.len()..],
                None => {
                    let shown: String = tail.chars().take_while(|c| *c != '}').chain(Some('}')).take(20).collect();
                    return Err(TemplateProblem::UnknownPlaceholder(shown));
                }
            }
        }
        if !template.contains("{name}") {
            return Err(TemplateProblem::NoName);
        }
        let after_scheme = template.split_once("//").map_or(template, |(_, rest)| rest);
        let host = &after_scheme[..after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len())];
        if host.contains('{') {
            return Err(TemplateProblem::PlaceholderInHost);
        }
        // Checked with sample values, as every filled-in link will be.
        let sample = PLACEHOLDERS.iter().fold(template.to_string(), |t, p| t.replace(p, "x"));
        SafeUrl::https(&sample).map_err(TemplateProblem::Link)?;
        Ok(DonationSearch { template: template.to_string() })
    }

    pub fn template(&self) -> &str {
        &self.template
    }

    /// The search for one official. Each value is percent-encoded (every byte but letters,
    /// digits and `-._~`; spaces as `%20`), so data can add no parameter, path or fragment.
    /// `None` if the result is not a safe link (e.g. too long).
    pub fn fill(&self, name: &str, state: State, office: Option<&str>) -> Option<SafeUrl> {
        let url = self
            .template
            .replace("{name}", &percent_encode(name))
            .replace("{state}", &percent_encode(state.code()))
            .replace("{office}", &percent_encode(office.unwrap_or("")));
        SafeUrl::https_derived(&url).ok()
    }
}

/// Percent-encodes every byte of `value` except RFC 3986's unreserved characters.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> SafeUrl {
        SafeUrl::https(s).unwrap()
    }

    #[test]
    fn a_feed_url_at_the_length_limit_still_gets_the_amount() {
        // The amount and refcode still fit (`https_derived`); fuzz/regressions/donate_link/ holds
        // the fuzz target's input for the same case.
        let base = "https://secure.actblue.com/donate/x?a=";
        let long = format!("{base}{}", "b".repeat(crate::link::MAX_URL_LEN - base.len()));
        let link = donate_link(&url(&long), Cents(27_00), Some("blog"));
        assert!(link.as_str().ends_with("&amount=27&refcode=blog"), "{}", link.as_str());
    }

    #[test]
    fn actblue_gets_amount_and_refcode_and_loses_one_click_and_recurring() {
        let link = donate_link(
            &url("https://secure.actblue.com/donate/bernie?refcode=old&express_lane=true&recurring=12&Amount=5&utm_source=x"),
            Cents(2700),
            Some("blog-post"),
        );
        assert_eq!(link.as_str(), "https://secure.actblue.com/donate/bernie?utm_source=x&amount=27&refcode=blog-post");
    }

    #[test]
    fn every_one_click_and_recurring_parameter_is_removed() {
        for key in
            ["amount", "REFCODE", "express_lane", "expressLane", "recurring", "recurringMonthly", "weekly", "Monthly"]
        {
            let link =
                donate_link(&url(&format!("https://secure.actblue.com/donate/x?{key}=1&keep=1")), Cents(2700), None);
            assert_eq!(link.as_str(), "https://secure.actblue.com/donate/x?keep=1&amount=27", "{key}");
        }
    }

    #[test]
    fn cents_and_fragments_survive() {
        let link = donate_link(&url("https://secure.actblue.com/donate/x#form"), Cents(1250), None);
        assert_eq!(link.as_str(), "https://secure.actblue.com/donate/x?amount=12.50#form");
    }

    #[test]
    fn other_platforms_are_unchanged() {
        let original = url("https://example.org/give?express_lane=true");
        assert_eq!(donate_link(&original, Cents(2700), Some("x")), original);
    }

    #[test]
    fn refcodes_are_sanitized() {
        assert_eq!(sanitize_refcode(" my blog! <x> "), Some("myblogx".into()));
        assert_eq!(sanitize_refcode("\"&"), None);
        assert_eq!(sanitize_refcode(&"a".repeat(100)).map(|s| s.len()), Some(64));
    }

    #[test]
    fn donation_search_templates_are_checked() {
        assert!(DonationSearch::parse("https://example.org/search?q={name}&st={state}&o={office}").is_ok());
        assert_eq!(DonationSearch::parse("https://example.org/s?q=x"), Err(TemplateProblem::NoName));
        assert_eq!(DonationSearch::parse("https://{name}.example.org/"), Err(TemplateProblem::PlaceholderInHost));
        assert!(matches!(
            DonationSearch::parse("https://example.org/?q={nam}"),
            Err(TemplateProblem::UnknownPlaceholder(p)) if p == "{nam}"
        ));
        assert!(matches!(
            DonationSearch::parse("https://example.org/?q={name}}"),
            Err(TemplateProblem::UnknownPlaceholder(_))
        ));
        assert!(matches!(
            DonationSearch::parse("http://example.org/?q={name}"),
            Err(TemplateProblem::Link(crate::link::UrlProblem::NotHttps(_)))
        ));
        assert!(DonationSearch::parse("javascript:{name}").is_err());
        assert!(TemplateProblem::NoName.to_string().contains("{name}"));
    }

    #[test]
    fn donation_searches_encode_every_value() {
        let search =
            DonationSearch::parse(" https://Example.org/find?q={name}&state={state}&office={office}#{name} ").unwrap();
        let vt = State::parse("VT").unwrap();
        let url = search.fill("José O'Rourke & Co/#?", vt, Some("Senator")).unwrap();
        assert_eq!(
            url.as_str(),
            "https://example.org/find?q=Jos%C3%A9%20O%27Rourke%20%26%20Co%2F%23%3F&state=VT&office=Senator#Jos%C3%A9%20O%27Rourke%20%26%20Co%2F%23%3F"
        );
        assert_eq!(search.fill("A", vt, None).unwrap().as_str(), "https://example.org/find?q=A&state=VT&office=#A");
        let long = "n".repeat(3000);
        assert_eq!(search.fill(&long, vt, None), None);
    }

    #[test]
    fn lookalike_hosts_are_not_actblue() {
        assert!(!is_actblue(&url("https://actblue.com.evil.example/donate")));
        assert!(!is_actblue(&url("https://notactblue.com/donate")));
        assert!(is_actblue(&url("https://www.actblue.com/donate/x")));
    }
}
