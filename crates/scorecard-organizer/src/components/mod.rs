//! The organizer's components, one panel per file: where the data comes from (`source`), what
//! is wrong with it (`report`), how the spreadsheet's columns map (`mapping`), the downloads
//! (`download`), the embed snippet (`snippet`) and the preview (`preview`), laid out by
//! `organizer`. They render state and dispatch actions; reading and converting happen in
//! `state.rs` via the core.

mod download;
mod mapping;
mod organizer;
mod preview;
mod report;
mod snippet;
mod source;

use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use download::DownloadPanel;
pub use mapping::MappingPanel;
pub use organizer::{Organizer, OrganizerProps};
pub use preview::PreviewPanel;
pub use report::ReportPanel;
pub use snippet::SnippetPanel;
pub use source::SourcePanel;

/// The value of the text field (or file input) an input or change event came from.
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
