//! The class names, icons and words that both renderers of a result row write: the components
//! (yew), and the first screen before yew is in (`first_screen`, plain DOM calls). Written once
//! here so the two cannot drift apart; `tests/first_screen.rs` holds their markup equal.

use scorecard_core::feed::doc::Tone;
use scorecard_core::feed::Official;
use scorecard_core::i18n::Msg;
use scorecard_core::next_step::NextStep;

/// A stance's icon, drawn beside its label so colour is never the only signal.
pub fn tone_icon(tone: Tone) -> &'static str {
    match tone {
        Tone::Positive => "✓",
        Tone::Negative => "✗",
        Tone::Neutral => "○",
    }
}

/// A stance's colour class.
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Positive => "sc-tone-positive",
        Tone::Negative => "sc-tone-negative",
        Tone::Neutral => "sc-tone-neutral",
    }
}

/// The class of a next step's link: "Give", "Find a donation page" or "Contact".
pub fn next_step_class(step: &NextStep) -> &'static str {
    match step {
        NextStep::Give { .. } => "sc-give",
        NextStep::FindDonationPage { .. } => "sc-find",
        _ => "sc-contact",
    }
}

/// What the shortlist button of an official says: its accessible name ("Add Peter Welch to
/// shortlist") and its visible word, which starts that name (WCAG 2.5.3).
pub fn shortlist_button_words(official: &Official, listed: bool) -> (Msg, &'static str) {
    let (named, word) = if listed { ("row.remove.named", "row.remove") } else { ("row.add.named", "row.add") };
    (Msg::new(named).text("name", official.name.clone()), word)
}

/// The accessible name of an official's "Compare" toggle ("Compare Peter Welch").
pub fn compare_toggle_label(official: &Official) -> Msg {
    Msg::new("compare.toggle.named").text("name", official.name.clone())
}

/// The accessible name of the link to the page a stance was taken from.
pub fn source_label(official: &Official, site: &str) -> Msg {
    Msg::new("row.source.named").text("name", official.name.clone()).text("site", site.to_string())
}
