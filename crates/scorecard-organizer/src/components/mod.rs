//! The organizer's components, one panel per file: where the data comes from (`source`), what
//! is wrong with it (`report`), how the spreadsheet's columns map (`mapping`), what it changes
//! from the published feed (`changes`), the downloads (`download`), the embed snippet (`snippet`) and the preview (`preview`), laid out by
//! `organizer`. They render state and dispatch actions; reading and converting happen in
//! `state.rs` via the core.

mod changes;
mod download;
mod mapping;
mod organizer;
mod preview;
mod report;
mod snippet;
mod source;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Origin;

pub use changes::ChangesPanel;
pub use download::DownloadPanel;
pub use mapping::MappingPanel;
pub use organizer::{Organizer, OrganizerProps};
pub use preview::PreviewPanel;
pub use report::ReportPanel;
pub use snippet::SnippetPanel;
pub use source::SourcePanel;

/// The start of a download's file name: the input's name without its folder and extension
/// ("my-sheet" for ".../my-sheet.csv"), or "feed".
fn file_stem(origin: Option<&Origin>) -> String {
    origin
        .map(|o| o.name.rsplit('/').next().unwrap_or("feed").split('.').next().unwrap_or("feed").to_string())
        .filter(|s| !s.is_empty() && s != "pasted text")
        .unwrap_or_else(|| "feed".to_string())
}

/// The value of the text field (or file input) an input or change event came from.
/// Fetches the web address typed into a panel's field, resolved against the page: `None` when
/// the field is blank, else where it comes from, at once (for the panel's "loading"), and later
/// its bytes and content type, or why they could not be had, through `done`.
fn fetch_typed_address(
    typed: &str,
    done: impl FnOnce(Origin, Result<(Vec<u8>, Option<String>), String>) + 'static,
) -> Option<Origin> {
    let address = typed.trim();
    if address.is_empty() {
        return None;
    }
    let absolute = scorecard::browser::location::absolute(address);
    let origin = Origin { name: absolute.clone(), url: Some(absolute.clone()) };
    let answer_to = origin.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let fetched =
            scorecard::browser::fetch::fetch_bytes(&absolute, scorecard::browser::fetch::DEFAULT_TIMEOUT_SECS).await;
        done(answer_to, fetched.map_err(|e| e.to_string()));
    });
    Some(origin)
}

fn input_value(event: &Event) -> String {
    input_element(event).map(|i| i.value()).unwrap_or_default()
}

/// Whether the checkbox a change event came from is ticked.
fn checked(event: &Event) -> bool {
    input_element(event).is_some_and(|i| i.checked())
}

/// The input element an event came from (a text field, checkbox or file input).
fn input_element(event: &Event) -> Option<web_sys::HtmlInputElement> {
    event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// The value of the select a change event came from.
fn select_value(event: &Event) -> String {
    event.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}
