//! The organizer's components: where the data comes from, what is wrong with it, how the
//! spreadsheet's columns map, the preview, the downloads and the embed snippet. They render
//! state and dispatch actions; reading and converting happen in `state.rs` via the core.

use std::cell::RefCell;
use std::rc::Rc;

use scorecard::app::{App, AppProps, FeedSource, LoadedFeed};
use scorecard::browser::{clipboard, download, fetch, shadow};
use scorecard::components::plural;
use scorecard::options::WidgetOptions;
use scorecard::state::FeedRef;
use scorecard_core::csv_import::CsvMapping;
use scorecard_core::diagnostics::{Diagnostic, Report, Severity};
use scorecard_core::feed::to_json_pretty;
use scorecard_core::stats::FeedStats;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, Field, MetaField, OrganizerState, Origin, Outcome, Sheet};

#[derive(Properties, PartialEq)]
pub struct OrganizerProps {
    /// The directory of the widget's files.
    pub assets: String,
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
                    <DownloadPanel feed={feed.clone()} sheet={state.sheet.clone()} origin={state.origin.clone()} />
                }
                <SnippetPanel feed={feed.clone()} feed_url={state.origin.as_ref().and_then(|o| o.url.clone())} assets={props.assets.clone()} />
                if !is_index {
                    <PreviewPanel feed={feed} assets={props.assets.clone()} />
                }
            }
        </div>
    }
}

fn input_value(event: &Event) -> String {
    event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Reads a picked or dropped file and dispatches it as input. The reader must live until it
/// finishes, so it is kept in `holder`.
fn read_file(
    file: web_sys::File,
    on_action: Callback<Action>,
    holder: Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>,
) {
    let name = file.name();
    let blob = gloo::file::Blob::from(file);
    on_action.emit(Action::Loading(Origin { name: name.clone(), url: None }));
    let reader = gloo::file::callbacks::read_as_bytes(&blob, move |result| match result {
        Ok(bytes) => on_action.emit(Action::Input { origin: Origin { name, url: None }, bytes: Rc::new(bytes) }),
        Err(error) => on_action.emit(Action::Failed(format!("The file {name} could not be read: {error}"))),
    });
    *holder.borrow_mut() = Some(reader);
}

#[derive(Properties, PartialEq)]
struct SourcePanelProps {
    on_action: Callback<Action>,
}

/// Three ways in: a web address, a file (picked or dropped), or pasted text.
#[function_component(SourcePanel)]
fn source_panel(props: &SourcePanelProps) -> Html {
    let url = use_state(String::new);
    let pasted = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let dragging = use_state(|| false);
    let on_action = props.on_action.clone();

    let on_url_input = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            url.set(value.unwrap_or_default());
        })
    };
    let on_fetch = {
        let url = url.clone();
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let address = url.trim().to_string();
            if address.is_empty() {
                return;
            }
            let absolute = scorecard::browser::location::absolute(&address);
            let origin = Origin { name: absolute.clone(), url: Some(absolute.clone()) };
            on_action.emit(Action::Loading(origin.clone()));
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match fetch::fetch_bytes(&absolute, fetch::DEFAULT_TIMEOUT_SECS).await {
                    Ok((bytes, _)) => on_action.emit(Action::Input { origin, bytes: Rc::new(bytes) }),
                    Err(error) => on_action.emit(Action::Failed(error.to_string())),
                }
            });
        })
    };
    let on_pick = {
        let on_action = on_action.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|files| files.get(0)) {
                read_file(file, on_action.clone(), reader.clone());
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
                read_file(file, on_action.clone(), reader.clone());
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
                on_action.emit(Action::Input { origin, bytes: Rc::new(text.into_bytes()) });
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

#[derive(Properties, PartialEq)]
struct ReportPanelProps {
    origin: Origin,
    outcome: Outcome,
}

fn diagnostic_item(d: &Diagnostic) -> Html {
    let (class, label) = match d.severity {
        Severity::Error => ("org-error", "Error"),
        Severity::Warning => ("org-warning", "Warning"),
    };
    html! {
        <li class={class}>
            <strong>{ label }</strong>{ " · " }
            <span class="org-location">{ d.location.to_string() }</span>{ ": " }
            { d.message.clone() }
        </li>
    }
}

/// Everything wrong with the input, located, and what loaded.
#[function_component(ReportPanel)]
fn report_panel(props: &ReportPanelProps) -> Html {
    let report: &Report = &props.outcome.report;
    let shards = props.outcome.shards.clone();
    // An index's feed has no officials: its counts are in the shards table instead.
    let stats = props.outcome.feed.as_ref().filter(|_| shards.is_none()).map(|feed| FeedStats::of(feed));
    const SHOWN: usize = 500;
    html! {
        <section class="org-panel org-report" aria-labelledby="org-report-title">
            <h2 id="org-report-title">{ "2. What we found" }</h2>
            <p class="org-source-name">{ props.origin.name.clone() }</p>
            if props.outcome.feed.is_none() {
                <p class="org-failure" role="alert">{ "No feed could be made from this. The first error below says why." }</p>
            }
            <p class="org-summary" role="status">
                if shards.is_some() {
                    { format!("The index: {}, {}", plural(report.error_count(), "error", "errors"), plural(report.warning_count(), "warning", "warnings")) }
                } else {
                    { report.summary() }
                }
            </p>
            if !report.diagnostics.is_empty() {
                <ol class="org-diagnostics" aria-label="Problems">
                    { for report.diagnostics.iter().take(SHOWN).map(diagnostic_item) }
                </ol>
                if report.diagnostics.len() > SHOWN {
                    <p>{ format!("…and {} more. The command-line tool lists them all: scorecard-feed validate.", report.diagnostics.len() - SHOWN) }</p>
                }
            }
            if let Some(entries) = shards {
                <p class="org-hint">
                    { "This is the index of a sharded feed: one file per state, loaded by the widget as readers pick states. The state files are not loaded here; to check every one of them, run scorecard-feed validate on the index with --shards." }
                </p>
                <div class="org-stats">
                    <table class="org-table org-shards">
                        <caption>{ format!("{} in {}, one file each", plural(entries.iter().filter_map(|e| e.officials).map(|n| n as usize).sum(), "official", "officials"), plural(entries.len(), "state", "states")) }</caption>
                        <thead><tr><th scope="col">{ "State" }</th><th scope="col">{ "File" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                        <tbody>
                            { for entries.iter().map(|e| html! {
                                <tr>
                                    <td>{ format!("{} ({})", e.state.name(), e.state.code()) }</td>
                                    <td>{ e.url.clone() }</td>
                                    <td>{ e.officials.map_or_else(|| "not given".to_string(), |n| n.to_string()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(stats) = stats {
                <div class="org-stats">
                    { for stats.questions.iter().map(|q| html! {
                        <table class="org-table">
                            <caption>{ q.text.clone() }</caption>
                            <thead><tr><th scope="col">{ "Stance" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                            <tbody>
                                { for q.stances.iter().map(|(label, count)| html! { <tr><td>{ label.clone() }</td><td>{ count }</td></tr> }) }
                                if q.not_rated > 0 {
                                    <tr><td>{ "Not rated" }</td><td>{ q.not_rated }</td></tr>
                                }
                            </tbody>
                        </table>
                    }) }
                    <table class="org-table">
                        <caption>{ format!("{} in {}", plural(stats.officials, "official", "officials"), plural(stats.states.len(), "state", "states")) }</caption>
                        <thead><tr><th scope="col">{ "State" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                        <tbody>
                            { for stats.states.iter().map(|(state, count)| html! { <tr><td>{ format!("{} ({})", state.name(), state.code()) }</td><td>{ count }</td></tr> }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MappingPanelProps {
    sheet: Sheet,
    on_action: Callback<Action>,
}

/// Which spreadsheet column feeds which field, which columns are questions, and the feed's
/// title and credits.
#[function_component(MappingPanel)]
fn mapping_panel(props: &MappingPanelProps) -> Html {
    let sheet = &props.sheet;
    let headers = &sheet.table.headers;
    let mapping = &sheet.mapping;
    let meta_input = |field: MetaField, label: &'static str, id: &'static str, value: Option<String>| {
        let on_change = props.on_action.reform(move |e: Event| Action::SetMeta { field, value: input_value(&e) });
        html! {
            <div class="org-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={value.unwrap_or_default()} onchange={on_change} />
            </div>
        }
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let mapping_error = use_state(|| None::<String>);
    let on_mapping_file = {
        let on_action = props.on_action.clone();
        let mapping_error = mapping_error.clone();
        Callback::from(move |e: Event| {
            let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
            let on_action = on_action.clone();
            let mapping_error = mapping_error.clone();
            let task = gloo::file::callbacks::read_as_text(&gloo::file::Blob::from(file), move |result| {
                match result
                    .map_err(|e| e.to_string())
                    .and_then(|text| serde_json::from_str::<CsvMapping>(&text).map_err(|e| e.to_string()))
                {
                    Ok(mapping) => {
                        mapping_error.set(None);
                        on_action.emit(Action::ApplyMapping(Box::new(mapping)));
                    }
                    Err(error) => mapping_error.set(Some(format!("That is not a mapping file saved here: {error}"))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    html! {
        <section class="org-panel org-mapping" aria-labelledby="org-mapping-title">
            <h2 id="org-mapping-title">{ "3. Spreadsheet columns" }</h2>
            if sheet.unsure {
                <p class="org-failure" role="alert">{ "Some columns could not be recognized. Choose them below." }</p>
            }
            <ul class="org-notes">
                { for sheet.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
            </ul>
            <div class="org-grid">
                { for Field::ALL.iter().map(|&field| {
                    let id = format!("org-field-{}", field.label().to_lowercase().replace([' ', '(', ')'], "-"));
                    let current = field.column(mapping).map(str::to_string);
                    let on_change = props.on_action.reform(move |e: Event| {
                        let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
                        Action::SetColumn { field, column: Some(value).filter(|v| !v.is_empty()) }
                    });
                    html! {
                        <div class="org-field">
                            <label for={id.clone()}>{ field.label() }</label>
                            <select id={id} onchange={on_change}>
                                <option value="" selected={current.is_none()}>{ "— none —" }</option>
                                { for headers.iter().map(|h| html! {
                                    <option value={h.clone()} selected={current.as_deref() == Some(h.as_str())}>{ h.clone() }</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </div>
            <fieldset class="org-questions">
                <legend>{ "Columns that hold stances (one question each)" }</legend>
                { for headers.iter().map(|h| {
                    let checked = mapping.questions.iter().any(|q| &q.column == h);
                    let column = h.clone();
                    let on_change = props.on_action.reform(move |_: Event| Action::ToggleQuestion { column: column.clone() });
                    html! {
                        <label class="org-check">
                            <input type="checkbox" checked={checked} onchange={on_change} />
                            { h.clone() }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="org-grid">
                { meta_input(MetaField::Title, "Title", "org-meta-title", Some(mapping.meta.title.clone())) }
                { meta_input(MetaField::Description, "Description", "org-meta-description", mapping.meta.description.clone()) }
                { meta_input(MetaField::Publisher, "Published by", "org-meta-publisher", mapping.meta.publisher.as_ref().map(|p| p.text.clone())) }
                { meta_input(MetaField::Attribution, "Data credit", "org-meta-attribution", mapping.meta.attribution.as_ref().map(|a| a.text.clone())) }
                { meta_input(MetaField::AttributionUrl, "Data credit link (https)", "org-meta-attribution-url", mapping.meta.attribution.as_ref().and_then(|a| a.url.clone())) }
                { meta_input(MetaField::Updated, "Data as of (YYYY-MM-DD)", "org-meta-updated", mapping.meta.updated.clone()) }
            </div>
            <div class="org-row">
                <label for="org-mapping-file">{ "Apply a saved mapping" }</label>
                <input id="org-mapping-file" type="file" accept=".json,application/json" onchange={on_mapping_file} />
            </div>
            if let Some(error) = &*mapping_error {
                <p class="org-failure" role="alert">{ error.clone() }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DownloadPanelProps {
    feed: FeedRef,
    sheet: Option<Sheet>,
    origin: Option<Origin>,
}

/// The normalized feed, and for spreadsheets the mapping that made it.
#[function_component(DownloadPanel)]
fn download_panel(props: &DownloadPanelProps) -> Html {
    let stem = props
        .origin
        .as_ref()
        .map(|o| o.name.rsplit('/').next().unwrap_or("feed").split('.').next().unwrap_or("feed").to_string())
        .filter(|s| !s.is_empty() && s != "pasted text")
        .unwrap_or_else(|| "feed".to_string());
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
            <h2 id="org-downloads-title">{ "4. Download" }</h2>
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

#[derive(Properties, PartialEq)]
struct SnippetPanelProps {
    feed: FeedRef,
    feed_url: Option<String>,
    assets: String,
}

/// Builds the snippet a blogger pastes, with every option.
#[function_component(SnippetPanel)]
fn snippet_panel(props: &SnippetPanelProps) -> Html {
    let feed_url = use_state(|| props.feed_url.clone().unwrap_or_default());
    let states = use_state(String::new);
    let question = use_state(String::new);
    let stance = use_state(String::new);
    let refcode = use_state(String::new);
    let theme = use_state(|| "auto".to_string());
    let compact = use_state(|| false);
    let copied = use_state(|| false);
    let text_field =
        |id: &'static str, label: &'static str, placeholder: &'static str, handle: &UseStateHandle<String>| {
            let value = (**handle).clone();
            let handle = handle.clone();
            let copied = copied.clone();
            let on_input = Callback::from(move |e: InputEvent| {
                let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
                handle.set(value.unwrap_or_default());
                copied.set(false);
            });
            html! {
                <div class="org-field">
                    <label for={id}>{ label }</label>
                    <input id={id} type="text" placeholder={placeholder} value={value} oninput={on_input} />
                </div>
            }
        };
    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<(String, String)>,
                  handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        let current = (*handle).clone();
        let on_change = Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
            handle.set(value.unwrap_or_default());
        });
        html! {
            <div class="org-field">
                <label for={id}>{ label }</label>
                <select id={id} onchange={on_change}>
                    { for options.into_iter().map(|(value, text)| html! { <option value={value.clone()} selected={value == current}>{ text }</option> }) }
                </select>
            </div>
        }
    };
    let feed = &props.feed;
    let mut question_options = vec![(String::new(), "First question".to_string())];
    question_options.extend(feed.questions.iter().map(|q| (q.id.clone(), q.label.clone())));
    let chosen_question = feed.question_index(&question).unwrap_or(0);
    let mut stance_options = vec![(String::new(), "All stances".to_string())];
    stance_options.extend(feed.questions[chosen_question].stances.iter().map(|s| (s.id.clone(), s.label.clone())));
    let theme_options = ["auto", "light", "dark"].iter().map(|t| (t.to_string(), t.to_string())).collect();

    let mut attributes = String::from("data-scorecard");
    let mut add = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            attributes.push_str(&format!(" data-{name}=\"{}\"", escape_attribute(value.trim())));
        }
    };
    add("feed", &feed_url);
    add("question", &question);
    add("states", &states);
    add("stance", &stance);
    add("refcode", &refcode);
    if *theme != "auto" {
        add("theme", &theme);
    }
    if *compact {
        attributes.push_str(" data-compact");
    }
    let embed = format!("{}embed.js", props.assets);
    let snippet = format!(
        "<div {attributes}>\n  <a href=\"{}\">{}</a>\n</div>\n<script type=\"module\" src=\"{embed}\"></script>\n",
        escape_attribute(if feed_url.trim().is_empty() { "https://example.org/" } else { feed_url.trim() }),
        escape_text(&feed.meta.title),
    );
    let on_compact = {
        let compact = compact.clone();
        Callback::from(move |e: Event| {
            let checked =
                e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
            compact.set(checked);
        })
    };
    let on_copy = {
        let snippet = snippet.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let snippet = snippet.clone();
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(clipboard::copy(&snippet).await);
            });
        })
    };
    html! {
        <section class="org-panel org-snippet" aria-labelledby="org-snippet-title">
            <h2 id="org-snippet-title">{ "5. Put it on a page" }</h2>
            <div class="org-grid">
                { text_field("org-snippet-feed", "Where the feed will be published", "https://example.org/feed.json", &feed_url) }
                { select("org-snippet-question", "Question", question_options, &question) }
                { text_field("org-snippet-states", "States", "MN, WI", &states) }
                { select("org-snippet-stance", "Stance", stance_options, &stance) }
                { text_field("org-snippet-refcode", "ActBlue refcode", "my-blog", &refcode) }
                { select("org-snippet-theme", "Theme", theme_options, &theme) }
                <label class="org-check"><input type="checkbox" checked={*compact} onchange={on_compact} />{ "Compact (for narrow columns)" }</label>
            </div>
            <label for="org-snippet-code">{ "Snippet" }</label>
            <textarea id="org-snippet-code" class="org-code" rows="5" readonly=true value={snippet} />
            <div class="org-row">
                <button type="button" class="org-button org-primary" onclick={on_copy}>{ "Copy snippet" }</button>
                <span role="status">{ if *copied { "Copied." } else { "" } }</span>
            </div>
        </section>
    }
}

fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

fn escape_text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[derive(Properties, PartialEq)]
struct PreviewPanelProps {
    feed: FeedRef,
    assets: String,
}

/// The widget itself on this feed, in its own shadow root, redrawn when the feed changes.
#[function_component(PreviewPanel)]
fn preview_panel(props: &PreviewPanelProps) -> Html {
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
                    let props = AppProps {
                        source: FeedSource::Loaded(Rc::new(loaded)),
                        options: WidgetOptions::default(),
                        first_screen: None,
                    };
                    let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
                    *app = Some((container, handle));
                }
            }
        });
    }
    html! {
        <section class="org-panel org-preview" aria-labelledby="org-preview-title">
            <h2 id="org-preview-title">{ "6. Preview" }</h2>
            <div ref={host} class="org-preview-host"></div>
        </section>
    }
}
