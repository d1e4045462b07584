//! "5. Download": the checked feed, and for spreadsheets the mapping that made it.

use scorecard::browser::download;
use scorecard::state::FeedRef;
use scorecard_core::feed::to_json_pretty;
use yew::prelude::*;

use super::file_stem;
use crate::state::{Origin, Sheet};

#[derive(Properties, PartialEq)]
pub struct DownloadPanelProps {
    pub feed: FeedRef,
    pub sheet: Option<Sheet>,
    pub origin: Option<Origin>,
}

/// The normalized feed, and for spreadsheets the mapping that made it.
#[function_component(DownloadPanel)]
pub fn download_panel(props: &DownloadPanelProps) -> Html {
    let stem = file_stem(props.origin.as_ref());
    let on_feed = {
        let feed = props.feed.clone();
        let name = format!("{stem}.feed.json");
        Callback::from(move |_| {
            download::download_text(&name, "application/json", &to_json_pretty(&feed.to_doc()));
        })
    };
    let on_mapping = props.sheet.as_ref().map(|sheet| {
        let mapping = sheet.mapping.clone();
        let name = format!("{stem}.mapping.json");
        Callback::from(move |_| {
            let text = serde_json::to_string_pretty(&mapping).unwrap_or_default();
            download::download_text(&name, "application/json", &text);
        })
    });
    html! {
        <section class="org-panel org-downloads" aria-labelledby="org-downloads-title">
            <h2 id="org-downloads-title">{ "5. Download" }</h2>
            <p class="org-hint">{ "The feed, checked and normalized: publish this file and point the widget at it." }</p>
            <div class="org-row">
                <button type="button" class="org-button org-primary" onclick={on_feed}>{ "Download feed (JSON)" }</button>
                if let Some(on_mapping) = on_mapping {
                    <button type="button" class="org-button" onclick={on_mapping}>{ "Download mapping" }</button>
                }
            </div>
            if props.sheet.is_some() {
                <p class="org-hint">{ "Keep the mapping with your spreadsheet: apply it next time, or use it with scorecard-feed convert --mapping." }</p>
            }
        </section>
    }
}
