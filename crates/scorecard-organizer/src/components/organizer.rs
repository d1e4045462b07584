//! The page: the panels in order, each shown once there is something for it.

use yew::prelude::*;

use super::{
    file_stem, ChangesPanel, DownloadPanel, MappingPanel, PreviewPanel, ReportPanel, SnippetPanel, SourcePanel,
};
use crate::state::{Action, OrganizerState};

#[derive(Properties, PartialEq)]
pub struct OrganizerProps {
    /// The directory of the widget's files.
    pub assets: String,
    /// The loader's Subresource Integrity hash, when the page is the npm package's.
    pub loader_integrity: Option<String>,
}

#[function_component(Organizer)]
pub fn organizer(props: &OrganizerProps) -> Html {
    let state = use_reducer(OrganizerState::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let feed = state.outcome.as_ref().and_then(|o| o.feed.clone());
    // The index of a sharded feed has no officials to download or preview; the snippet points
    // the widget at the index, which loads the state files itself.
    let is_index = state.outcome.as_ref().is_some_and(|o| o.shards.is_some());
    html! {
        <div class="org">
            <SourcePanel on_action={dispatch.clone()} />
            if state.loading {
                <p class="org-status" role="status">{ "Loading…" }</p>
            }
            if let Some(failure) = &state.failure {
                <p class="org-failure" role="alert">{ failure.clone() }</p>
            }
            if let (Some(origin), Some(outcome)) = (&state.origin, &state.outcome) {
                <ReportPanel origin={origin.clone()} outcome={outcome.clone()} />
            }
            if let Some(sheet) = &state.sheet {
                <MappingPanel sheet={sheet.clone()} on_action={dispatch.clone()} />
            }
            if let Some(feed) = feed {
                if !is_index {
                    <ChangesPanel
                        published={state.published.clone()}
                        changes={state.changes.clone()}
                        stem={file_stem(state.origin.as_ref())}
                        on_action={dispatch.clone()}
                    />
                    <DownloadPanel feed={feed.clone()} sheet={state.sheet.clone()} origin={state.origin.clone()} />
                }
                <SnippetPanel feed={feed.clone()} feed_url={state.origin.as_ref().and_then(|o| o.url.clone())} assets={props.assets.clone()} loader_integrity={props.loader_integrity.clone()} />
                if !is_index {
                    <PreviewPanel feed={feed} assets={props.assets.clone()} />
                }
            }
        </div>
    }
}
