//! The panic hook, through a real panic: every widget on the page is replaced by the crash
//! message, and the host page is left alone.
//!
//! A wasm instance of its own (not in components.rs): with `panic = "abort"` a panic traps and
//! never finishes, so from then on this instance counts as panicking for good (std refuses to
//! set another panic hook, and the test runner's cannot be put back). Nothing else runs here.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use scorecard::app::LoadedFeed;
use scorecard::{App, AppProps, FeedSource, WidgetOptions};
use scorecard_core::feed::load_json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod wait;
use wait::{wait_for, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = r#"{
  "format_version": 1,
  "meta": { "title": "Crash test" },
  "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Yes" } ] } ],
  "officials": [
    { "id": "ann", "name": "Ann Able", "state": "VT", "stances": { "q": { "stance": "y" } } },
    { "id": "bob", "name": "Bob Baker", "state": "NY" }
  ]
}"#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A bug in the widget's code, run by the browser (as an event handler or a timer is).
fn bug() {
    panic!("a bug in the widget");
}

#[wasm_bindgen_test]
async fn a_real_panic_replaces_every_widget_with_the_message_and_leaves_the_page_alone() {
    // Two widgets, each in its host's shadow root with its stylesheet (as `scorecard::mount`
    // puts them), and the host page's own text.
    let mut widgets = Vec::new();
    for key in ["crash-1", "crash-2"] {
        let host = document().create_element("div").unwrap();
        host.set_attribute("data-scorecard", "").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let root = scorecard::browser::shadow::attach(&host, Some("data:text/css,")).unwrap();
        let loaded = LoadedFeed::from_loaded(load_json(FEED.as_bytes()), key.to_string()).unwrap();
        let props = AppProps::new(FeedSource::Loaded(Rc::new(loaded)), WidgetOptions::default());
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        wait_for(&format!("widget {key} to show its count"), || {
            let count = root.query_selector(".sc-count-number").unwrap().and_then(|c| c.text_content());
            if count.as_deref() == Some("2 officials") {
                Ok(())
            } else {
                Err(format!("{count:?}"))
            }
        })
        .await;
        widgets.push((host, handle));
    }
    let neighbour = document().create_element("p").unwrap();
    neighbour.set_text_content(Some("the host page's own text"));
    document().body().unwrap().append_child(&neighbour).unwrap();

    // The hook the module installs as it starts (`#[wasm_bindgen(start)]`), in place of the
    // test runner's, which the runner set after the module started.
    scorecard::start();
    // A real panic, in a task of its own: it goes through the hook, then traps, ending that
    // task (not this test).
    let task = wasm_bindgen::closure::Closure::once_into_js(bug);
    web_sys::window().unwrap().set_timeout_with_callback(task.unchecked_ref()).unwrap();

    wait_until("the crash message in place of both widgets", || {
        widgets.iter().all(|(host, _)| host.shadow_root().unwrap().query_selector("[role=alert]").unwrap().is_some())
    })
    .await;
    for (host, _) in &widgets {
        let shadow = host.shadow_root().unwrap();
        let alert = shadow.query_selector("[role=alert]").unwrap().unwrap();
        assert_eq!(alert.text_content().unwrap(), scorecard::browser::CRASH_MESSAGE);
        assert!(
            shadow.query_selector("[data-sc-root], .sc-count-number").unwrap().is_none(),
            "the frozen widget is gone"
        );
        assert!(shadow.query_selector("link[rel=stylesheet]").unwrap().is_some(), "the stylesheet is kept");
    }
    assert_eq!(neighbour.text_content().unwrap(), "the host page's own text");
}
