//! What to offer next for each official: give on their own donation page, else search for one,
//! else contact them, else nothing. Every link is a [`SafeUrl`] (https, or mailto for e-mail).

use crate::donate::donate_link;
use crate::feed::{Feed, Official};
use crate::link::SafeUrl;
use crate::money::Cents;

/// An official's next step, with the link behind its button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// "Give $27": the official's own `donate_url` (ActBlue links get the amount and refcode).
    Give {
        url: SafeUrl,
        amount: Cents,
    },
    /// "Find a donation page": the feed's donation search filled in. A search, never presented
    /// as the official's own page.
    FindDonationPage {
        url: SafeUrl,
    },
    /// "Contact": their contact form, else website, else e-mail address.
    Contact {
        url: SafeUrl,
    },
    None,
}

impl NextStep {
    /// The button's text in the reader's language ([`NextStep::label`]).
    pub fn label_msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            NextStep::Give { amount, .. } => Msg::new("step.give").money("amount", *amount),
            NextStep::FindDonationPage { .. } => Msg::new("step.find"),
            NextStep::Contact { .. } => Msg::new("step.contact"),
            NextStep::None => Msg::text_only(""),
        }
    }

    /// The accessible name in the reader's language ([`NextStep::accessible_label`]).
    pub fn accessible_msg(&self, name: &str) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            NextStep::Give { amount, .. } => Msg::new("step.give.named").money("amount", *amount).text("name", name),
            NextStep::FindDonationPage { .. } => Msg::new("step.find.named").text("name", name),
            NextStep::Contact { url } if url.is_mailto() => Msg::new("step.contact.email").text("name", name),
            NextStep::Contact { .. } => Msg::new("step.contact.site").text("name", name),
            NextStep::None => Msg::text_only(name),
        }
    }

    /// The button's text: "Give $27", "Find a donation page", "Contact", or "" for none.
    pub fn label(&self) -> String {
        match self {
            NextStep::Give { amount, .. } => format!("Give {amount}"),
            NextStep::FindDonationPage { .. } => "Find a donation page".into(),
            NextStep::Contact { .. } => "Contact".into(),
            NextStep::None => String::new(),
        }
    }

    /// The link's accessible name, saying whom it is for and where it goes. It starts with the
    /// visible label, as WCAG 2.5.3 asks ("Give $27" → "Give $27 to Peter Welch (…)"). A
    /// donation search says it is a search: it is never presented as the official's own page.
    pub fn accessible_label(&self, name: &str) -> String {
        match self {
            NextStep::Give { amount, .. } => format!("Give {amount} to {name} (opens the campaign's page)"),
            NextStep::FindDonationPage { .. } => {
                format!("Find a donation page for {name} (opens a search, not their own page)")
            }
            NextStep::Contact { url } if url.is_mailto() => format!("Contact {name} (writes an e-mail)"),
            NextStep::Contact { .. } => format!("Contact {name} (opens their website)"),
            NextStep::None => String::new(),
        }
    }

    pub fn url(&self) -> Option<&SafeUrl> {
        match self {
            NextStep::Give { url, .. } | NextStep::FindDonationPage { url } | NextStep::Contact { url } => Some(url),
            NextStep::None => None,
        }
    }

    /// Whether the step leads to giving (a donation page, or a search for one).
    pub fn is_donation(&self) -> bool {
        matches!(self, NextStep::Give { .. } | NextStep::FindDonationPage { .. })
    }
}

/// Decides an official's next step for a gift of `amount`, with the embedder's `refcode`.
pub fn next_step(feed: &Feed, official: &Official, amount: Cents, refcode: Option<&str>) -> NextStep {
    if let Some(url) = &official.donate_url {
        return NextStep::Give { url: donate_link(url, amount, refcode), amount };
    }
    let search = feed.meta.donation_search.as_ref();
    if let Some(url) = search.and_then(|s| s.fill(&official.name, official.state, feed.position_label(official))) {
        return NextStep::FindDonationPage { url };
    }
    match official.contact_url.as_ref().or(official.website.as_ref()).or(official.email.as_ref()) {
        Some(url) => NextStep::Contact { url: url.clone() },
        None => NextStep::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load_json;

    fn feed(search: &str, official: &str) -> Feed {
        let json = format!(
            r#"{{ "format_version": 1, "meta": {{ "title": "T" {search} }},
                 "questions": [ {{ "id": "q", "text": "Q?", "stances": [ {{ "id": "y", "label": "Y" }} ] }} ],
                 "officials": [ {{ "id": "a", "name": "Ann Able", "state": "VT", "position": "Senator" {official} }} ] }}"#
        );
        let loaded = load_json(json.as_bytes());
        assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
        loaded.feed.unwrap()
    }

    fn step(search: &str, official: &str) -> NextStep {
        let feed = feed(search, official);
        next_step(&feed, &feed.officials[0], Cents(27_00), Some("blog"))
    }

    const SEARCH: &str = r#", "donation_search": "https://example.org/find?q={name}&s={state}&o={office}""#;

    #[test]
    fn the_officials_own_page_comes_first() {
        let s = step(
            SEARCH,
            r#", "donate_url": "https://secure.actblue.com/donate/ann", "website": "https://ann.example""#,
        );
        assert_eq!(s.label(), "Give $27");
        assert_eq!(s.url().unwrap().as_str(), "https://secure.actblue.com/donate/ann?amount=27&refcode=blog");
        assert!(s.is_donation());
    }

    #[test]
    fn then_the_feeds_donation_search() {
        let s = step(SEARCH, r#", "website": "https://ann.example""#);
        assert_eq!(s.label(), "Find a donation page");
        assert_eq!(s.url().unwrap().as_str(), "https://example.org/find?q=Ann%20Able&s=VT&o=Senator");
        assert!(s.is_donation());
    }

    #[test]
    fn then_contact_then_nothing() {
        let s = step("", r#", "website": "https://ann.example", "contact_url": "https://ann.example/contact""#);
        assert_eq!((s.label().as_str(), s.url().unwrap().as_str()), ("Contact", "https://ann.example/contact"));
        assert!(!s.is_donation());
        assert_eq!(step("", r#", "website": "https://ann.example""#).url().unwrap().as_str(), "https://ann.example");
        assert_eq!(step("", r#", "email": "ann@example.org""#).url().unwrap().as_str(), "mailto:ann@example.org");
        assert_eq!(step("", ""), NextStep::None);
        assert_eq!(NextStep::None.label(), "");
    }

    #[test]
    fn accessible_names_start_with_the_visible_label_and_say_where_they_go() {
        let give = step(SEARCH, r#", "donate_url": "https://secure.actblue.com/donate/ann""#);
        let search = step(SEARCH, "");
        let form = step("", r#", "contact_url": "https://ann.example/contact""#);
        let mail = step("", r#", "email": "ann@example.org""#);
        for s in [&give, &search, &form, &mail] {
            assert!(s.accessible_label("Ann Able").starts_with(&s.label()), "{s:?}");
        }
        assert_eq!(give.accessible_label("Ann Able"), "Give $27 to Ann Able (opens the campaign's page)");
        assert_eq!(
            search.accessible_label("Ann Able"),
            "Find a donation page for Ann Able (opens a search, not their own page)"
        );
        assert_eq!(form.accessible_label("Ann Able"), "Contact Ann Able (opens their website)");
        assert_eq!(mail.accessible_label("Ann Able"), "Contact Ann Able (writes an e-mail)");
        assert_eq!(NextStep::None.accessible_label("Ann Able"), "");
    }

    #[test]
    fn unsafe_links_never_become_steps() {
        // Dropped when the feed is read, so nothing http: or javascript: can reach a button.
        let feed = load_json(
            br#"{ "format_version": 1, "meta": { "title": "T", "donation_search": "http://x.example/?q={name}" },
                 "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Y" } ] } ],
                 "officials": [ { "id": "a", "name": "A B", "state": "VT", "donate_url": "javascript:alert(1)",
                                  "contact_url": "http://x.example/" } ] }"#,
        )
        .feed
        .unwrap();
        assert_eq!(next_step(&feed, &feed.officials[0], Cents(27_00), None), NextStep::None);
    }
}
