//! `scorecard-prerender FEED.json -o FIRST.html`: the widget's first screen for a feed, rendered
//! at build time by the widget's own components (yew's server renderer), for `web/embed.js` to
//! show while the wasm downloads.
//!
//! The screen is the one a first-time reader gets: the feed's default view, no saved shortlist,
//! nothing in the address (natively, `browser::window()` is `None`). The loader shows it only
//! when the widget will start with that view (docs/embed.md, "Before the widget is ready").
//!
//! After it comes a `<template data-sc-entries>`: the shortlist entry of each official the screen
//! lists, drawn by the same components with all of them added, so that the loader can show an
//! official added from the copy in the copy's shortlist at once, as the widget will.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use scorecard::app::LoadedFeed;
use scorecard::{App, AppProps, FeedSource, WidgetOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scorecard-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (feed, out) = match args.as_slice() {
        [feed, flag, out] if flag == "-o" => (PathBuf::from(feed), PathBuf::from(out)),
        _ => return Err("usage: scorecard-prerender FEED.json -o FIRST.html".into()),
    };
    let bytes = std::fs::read(&feed).map_err(|e| format!("{}: {e}", feed.display()))?;
    let loaded = LoadedFeed::from_loaded(scorecard_core::feed::load_json(&bytes), String::new()).map_err(|m| m.en())?;
    let loaded = Rc::new(loaded);
    let screen = render(props(&loaded, Vec::new()))?;
    let listed = attribute_values(&screen, "data-official");
    let filled = render(props(&loaded, listed))?;
    let entries = element_inner(&filled, "<ol class=\"sc-entries\">", "</ol>").unwrap_or_default();
    let html = format!("{screen}<template data-sc-entries>{entries}</template>");
    std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))
}

fn props(loaded: &Rc<LoadedFeed>, added: Vec<String>) -> AppProps {
    AppProps { added: Rc::new(added), ..AppProps::new(FeedSource::Loaded(Rc::clone(loaded)), WidgetOptions::default()) }
}

fn render(props: AppProps) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    Ok(tokio::task::LocalSet::new().block_on(&runtime, renderer.render()))
}

/// Every value of `name="…"` in rendered HTML, in order, each once, unescaped.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let opening = format!("{name}=\"");
    let mut values: Vec<String> = Vec::new();
    for piece in html.split(&opening).skip(1) {
        let Some(end) = piece.find('"') else { continue };
        let value = unescape(&piece[..end]);
        if !values.contains(&value) {
            values.push(value);
        }
    }
    values
}

/// What yew's server renderer escapes in attribute values, back.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The markup between `start` and the first `end` after it (the element must not nest its own kind).
fn element_inner<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let to = from + html[from..].find(end)?;
    Some(&html[from..to])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_are_in_order_once_each_and_unescaped() {
        let html = r#"<li data-official="a&amp;b"><button data-official="c"></button></li><b data-official="a&amp;b">"#;
        assert_eq!(attribute_values(html, "data-official"), ["a&b", "c"]);
        assert!(attribute_values("<p data-officials=\"x\">", "data-official").is_empty());
    }

    #[test]
    fn element_inner_takes_what_is_between() {
        assert_eq!(
            element_inner("<p><ol class=\"x\"><li>1</li></ol></p>", "<ol class=\"x\">", "</ol>"),
            Some("<li>1</li>")
        );
        assert_eq!(element_inner("<p></p>", "<ol>", "</ol>"), None);
    }

    #[test]
    fn the_first_screen_carries_each_listed_officials_entry() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../feeds/endorsements-2020.json")).unwrap();
        let loaded = Rc::new(LoadedFeed::from_loaded(scorecard_core::feed::load_json(&bytes), String::new()).unwrap());
        let screen = render(props(&loaded, Vec::new())).unwrap();
        let listed = attribute_values(&screen, "data-official");
        assert!(listed.len() >= 10, "the screen lists {} officials", listed.len());
        assert!(!screen.contains("sc-entries"), "the first screen's shortlist is empty");
        let filled = render(props(&loaded, listed.clone())).unwrap();
        let entries = element_inner(&filled, "<ol class=\"sc-entries\">", "</ol>").unwrap();
        assert_eq!(attribute_values(entries, "data-official"), listed);
    }
}
