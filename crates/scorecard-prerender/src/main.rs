//! `scorecard-prerender FEED.json -o FIRST.html`: the widget's first screen for a feed, rendered
//! at build time by the widget's own components (yew's server renderer), for `web/embed.js` to
//! show while the wasm downloads.
//!
//! The screen is the one a first-time reader gets: the feed's default view, no saved shortlist,
//! nothing in the address (natively, `browser::window()` is `None`). The loader shows it only
//! when the widget will start with that view (docs/embed.md, "Before the widget is ready").

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
    let props =
        AppProps { source: FeedSource::Loaded(Rc::new(loaded)), options: WidgetOptions::default(), first_screen: None };
    let html = render(props)?;
    std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))
}

fn render(props: AppProps) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    Ok(tokio::task::LocalSet::new().block_on(&runtime, renderer.render()))
}
