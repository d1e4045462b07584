//! "7. Preview": the widget itself on the feed.

use std::rc::Rc;

use scorecard::app::{App, AppProps, FeedSource, LoadedFeed};
use scorecard::browser::shadow;
use scorecard::options::WidgetOptions;
use scorecard::state::FeedRef;
use scorecard_core::diagnostics::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewPanelProps {
    pub feed: FeedRef,
    pub assets: String,
}

/// The widget itself on this feed, in its own shadow root, redrawn when the feed changes.
#[function_component(PreviewPanel)]
pub fn preview_panel(props: &PreviewPanelProps) -> Html {
    let host = use_node_ref();
    let app = use_mut_ref(|| None::<(web_sys::Element, yew::AppHandle<App>)>);
    {
        let host = host.clone();
        let assets = props.assets.clone();
        use_effect_with(props.feed.clone(), move |feed| {
            let mut app = app.borrow_mut();
            let container = match app.take() {
                Some((container, handle)) => {
                    handle.destroy();
                    Some(container)
                }
                None => host.cast::<web_sys::Element>().and_then(|h| {
                    let stylesheet = scorecard::browser::location::resolve("scorecard.css", &assets);
                    shadow::attach(&h, Some(&stylesheet)).ok()
                }),
            };
            if let Some(container) = container {
                let root = container.owner_document().and_then(|d| d.create_element("div").ok());
                if let Some(root) = root {
                    let _ = container.append_child(&root);
                    let loaded = LoadedFeed {
                        feed: feed.clone(),
                        report: Report::default(),
                        storage_key: "scorecard:v1:organizer-preview".into(),
                        stale: None,
                        shards: None,
                    };
                    let props = AppProps::new(FeedSource::Loaded(Rc::new(loaded)), WidgetOptions::default());
                    let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
                    *app = Some((container, handle));
                }
            }
        });
    }
    html! {
        <section class="org-panel org-preview" aria-labelledby="org-preview-title">
            <h2 id="org-preview-title">{ "7. Preview" }</h2>
            <div ref={host} class="org-preview-host"></div>
        </section>
    }
}
