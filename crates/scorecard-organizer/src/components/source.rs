//! "1. Your data": a web address, a file (picked or dropped), or pasted text.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{fetch_typed_address, input_element, input_value};
use crate::state::{Action, Origin};

/// Reads a picked or dropped file; `done` gets its name and bytes, or why it could not be read.
/// The reader must live until it finishes, so it is kept in `holder`.
pub(super) fn read_file(
    file: web_sys::File,
    done: Callback<(String, Result<Vec<u8>, String>)>,
    holder: Rc<RefCell<Option<gloo_file::callbacks::FileReader>>>,
) {
    let name = file.name();
    let blob = gloo_file::Blob::from(file);
    let reader = gloo_file::callbacks::read_as_bytes(&blob, move |result| {
        let result = result.map_err(|error| format!("The file {name} could not be read: {error}"));
        done.emit((name, result));
    });
    *holder.borrow_mut() = Some(reader);
}

/// Reads a file as the organizer's input.
fn read_input(
    file: web_sys::File,
    on_action: Callback<Action>,
    holder: Rc<RefCell<Option<gloo_file::callbacks::FileReader>>>,
) {
    on_action.emit(Action::Loading(Origin { name: file.name(), url: None }));
    let done = on_action.reform(|(name, result): (String, Result<Vec<u8>, String>)| match result {
        Ok(bytes) => Action::Input { origin: Origin { name, url: None }, bytes: Rc::new(bytes), content_type: None },
        Err(message) => Action::Failed(message),
    });
    read_file(file, done, holder);
}

#[derive(Properties, PartialEq)]
pub struct SourcePanelProps {
    pub on_action: Callback<Action>,
}

/// Three ways in: a web address, a file (picked or dropped), or pasted text.
#[function_component(SourcePanel)]
pub fn source_panel(props: &SourcePanelProps) -> Html {
    let url = use_state(String::new);
    let pasted = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let dragging = use_state(|| false);
    let on_action = props.on_action.clone();

    let on_url_input = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| {
            url.set(input_value(&e));
        })
    };
    let on_fetch = {
        let url = url.clone();
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let on_answer = on_action.clone();
            let started = fetch_typed_address(&url, move |origin, fetched| match fetched {
                Ok((bytes, content_type)) => {
                    on_answer.emit(Action::Input { origin, bytes: Rc::new(bytes), content_type })
                }
                Err(error) => on_answer.emit(Action::Failed(error)),
            });
            if let Some(origin) = started {
                on_action.emit(Action::Loading(origin));
            }
        })
    };
    let on_pick = {
        let on_action = on_action.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = input_element(&e);
            if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|files| files.get(0)) {
                read_input(file, on_action.clone(), reader.clone());
            }
        })
    };
    let on_drop = {
        let on_action = on_action.clone();
        let reader = reader.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
                read_input(file, on_action.clone(), reader.clone());
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_| dragging.set(false))
    };
    let on_paste = {
        let pasted = pasted.clone();
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = pasted.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            if !text.trim().is_empty() {
                let origin = Origin { name: "pasted text".into(), url: None };
                on_action.emit(Action::Input { origin, bytes: Rc::new(text.into_bytes()), content_type: None });
            }
        })
    };
    html! {
        <section class="org-panel org-source" aria-labelledby="org-source-title">
            <h2 id="org-source-title">{ "1. Your data" }</h2>
            <p class="org-hint">
                { "A feed (JSON) or a spreadsheet saved as CSV. Files are read here, in your browser: nothing is uploaded." }
            </p>
            // novalidate: relative addresses ("feeds/x.json") are fine; they resolve against this page.
            <form class="org-row" onsubmit={on_fetch} novalidate=true>
                <label for="org-url">{ "Web address" }</label>
                <input id="org-url" type="url" placeholder="https://example.org/feed.json" value={(*url).clone()} oninput={on_url_input} />
                <button type="submit" class="org-button">{ "Load" }</button>
            </form>
            <div
                class={classes!("org-drop", dragging.then_some("org-drop-active"))}
                ondrop={on_drop}
                ondragover={on_drag_over}
                ondragleave={on_drag_leave}
            >
                <label for="org-file">{ "File" }</label>
                <input id="org-file" type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" onchange={on_pick} />
                <span class="org-hint">{ "or drop a file here" }</span>
            </div>
            <form class="org-paste" onsubmit={on_paste}>
                <label for="org-pasted">{ "Pasted text" }</label>
                <textarea id="org-pasted" ref={pasted} rows="6" spellcheck="false" placeholder="Paste JSON or CSV here" />
                <button type="submit" class="org-button">{ "Check pasted text" }</button>
            </form>
        </section>
    }
}
