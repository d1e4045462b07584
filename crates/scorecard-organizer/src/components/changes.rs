//! "4. What changed": the feed as published now (a web address or a file) against the one
//! loaded, before it is downloaded and published: the core's changelog, and its Markdown and
//! Atom downloads (`scorecard-feed diff` writes the same).

use std::rc::Rc;

use scorecard::browser::download;
use scorecard::components::ExternalLink;
use scorecard_core::date::Date;
use scorecard_core::diff::changelog::{self, capitalize_first, summary_sentence, Block, Format, Inline};
use scorecard_core::diff::{atom, FeedDiff};
use scorecard_core::link::SafeUrl;
use yew::prelude::*;

use super::source::read_file;
use super::{fetch_typed_address, input_element, input_value};
use crate::state::{Action, Origin, Published};

/// Most officials whose changes the page lists (the downloads have them all).
const SHOWN: usize = 500;

#[derive(Properties, PartialEq)]
pub struct ChangesPanelProps {
    pub published: Option<Published>,
    pub changes: Option<Rc<FeedDiff>>,
    /// The downloads' file names start with this.
    pub stem: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component(ChangesPanel)]
pub fn changes_panel(props: &ChangesPanelProps) -> Html {
    let url = use_state(String::new);
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let on_action = props.on_action.clone();

    let on_url_input = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| url.set(input_value(&e)))
    };
    let on_fetch = {
        let url = url.clone();
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let on_answer = on_action.clone();
            let started = fetch_typed_address(&url, move |origin, fetched| {
                let bytes = fetched.map(|(bytes, _)| Rc::new(bytes));
                on_answer.emit(Action::Published { origin, bytes });
            });
            if let Some(origin) = started {
                on_action.emit(Action::PublishedLoading(origin));
            }
        })
    };
    let on_pick = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let file = input_element(&e).and_then(|i| i.files()).and_then(|files| files.get(0));
            if let Some(file) = file {
                on_action.emit(Action::PublishedLoading(Origin { name: file.name(), url: None }));
                let done = on_action.reform(|(name, bytes): (String, Result<Vec<u8>, String>)| Action::Published {
                    origin: Origin { name, url: None },
                    bytes: bytes.map(Rc::new),
                });
                read_file(file, done, reader.clone());
            }
        })
    };

    html! {
        <section class="org-panel org-changes" aria-labelledby="org-changes-title">
            <h2 id="org-changes-title">{ "4. What changed" }</h2>
            <p class="org-hint">{ "Load the feed your readers have now to see what this one changes, before you publish it." }</p>
            <form class="org-row" onsubmit={on_fetch} novalidate=true>
                <label for="org-published-url">{ "Published feed's address" }</label>
                <input id="org-published-url" type="url" placeholder="https://example.org/feed.json" value={(*url).clone()} oninput={on_url_input} />
                <button type="submit" class="org-button">{ "Compare" }</button>
            </form>
            <div class="org-row">
                <label for="org-published-file">{ "Published feed file" }</label>
                <input id="org-published-file" type="file" accept=".json,application/json" onchange={on_pick} />
            </div>
            { published_status(props.published.as_ref()) }
            if let Some(changes) = &props.changes {
                { comparison(changes, &props.stem) }
            }
        </section>
    }
}

fn published_status(published: Option<&Published>) -> Html {
    match published {
        None => Html::default(),
        Some(Published { feed: None, origin }) => {
            html! { <p class="org-status" role="status">{ format!("Loading {}…", origin.name) }</p> }
        }
        Some(Published { feed: Some(Err(problem)), origin }) => {
            html! { <p class="org-failure" role="alert">{ format!("{}: {problem}", origin.name) }</p> }
        }
        Some(Published { feed: Some(Ok(_)), origin }) => {
            html! { <p class="org-compared-with">{ format!("Compared with {}", origin.name) }</p> }
        }
    }
}

/// The changes in words, and the downloads.
fn comparison(changes: &Rc<FeedDiff>, stem: &str) -> Html {
    let on_markdown = {
        let (changes, name) = (changes.clone(), format!("{stem}.changes.md"));
        Callback::from(move |_| {
            download::download_text(&name, "text/markdown", &changelog::write(&changes, Format::Markdown, None));
        })
    };
    let on_atom = {
        let (changes, name) = (changes.clone(), format!("{stem}.updates.atom"));
        Callback::from(move |_| {
            download::download_text(&name, "application/atom+xml", &atom::write(&changes, atom_date(&changes)));
        })
    };
    // The document's title and count sentence are the panel's own.
    let blocks = changelog::document(changes, Some(SHOWN));
    html! {
        <>
            <p class="org-changes-summary" role="status">{ capitalize_first(&summary_sentence(&changes.summary())) }</p>
            if !changes.is_empty() {
                <div class="org-changelog">{ render_blocks(blocks.get(2..).unwrap_or_default()) }</div>
                <div class="org-row">
                    <button type="button" class="org-button" onclick={on_markdown}>{ "Download changelog (.md)" }</button>
                    <button type="button" class="org-button" onclick={on_atom}>{ "Download updates feed (.atom)" }</button>
                </div>
                <p class="org-hint">{ "Publish the updates feed and put its address in the feed's meta.updates_url: the widget then shows \u{201c}Follow updates\u{201d}." }</p>
            }
        </>
    }
}

/// The Atom feed's date: the new feed's "data as of", else today.
fn atom_date(changes: &FeedDiff) -> Date {
    let today = || Date::from_unix_days((js_sys::Date::now() / 86_400_000.0).floor() as i64);
    changes.about.updated.or_else(today).unwrap_or(Date { year: 2000, month: 1, day: 1 })
}

/// The changelog's blocks as elements: headings one level down (the panel's is `h2`), list
/// items nested by depth.
fn render_blocks(blocks: &[Block]) -> Html {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Heading(level, inlines) => {
                let inner = inline_html(inlines);
                out.push(if *level <= 2 {
                    html! { <h3>{ inner }</h3> }
                } else {
                    html! { <h4>{ inner }</h4> }
                });
                i += 1;
            }
            Block::Paragraph(inlines) => {
                out.push(html! { <p>{ inline_html(inlines) }</p> });
                i += 1;
            }
            Block::Item(..) => {
                let end =
                    blocks[i..].iter().position(|b| !matches!(b, Block::Item(..))).map_or(blocks.len(), |n| i + n);
                out.push(list(&blocks[i..end], 0));
                i = end;
            }
        }
    }
    out.into_iter().collect()
}

/// Items of `depth` or deeper as one list: each item of `depth` with the deeper ones after it.
fn list(items: &[Block], depth: u8) -> Html {
    let depth_of = |b: &Block| if let Block::Item(d, _) = b { *d } else { depth };
    let mut entries = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let inlines = match &items[i] {
            Block::Item(d, inlines) if *d <= depth => Some(inlines),
            _ => None,
        };
        let start = if inlines.is_some() { i + 1 } else { i };
        let end = items[start..].iter().position(|b| depth_of(b) <= depth).map_or(items.len(), |n| start + n);
        let nested = (end > start).then(|| list(&items[start..end], depth + 1));
        entries.push(
            html! { <li>{ inlines.map(|l| inline_html(l)).unwrap_or_default() }{ nested.unwrap_or_default() }</li> },
        );
        i = end.max(i + 1);
    }
    html! { <ul>{ for entries }</ul> }
}

fn inline_html(inlines: &[Inline]) -> Html {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Strong(text) => html! { <strong>{ text.clone() }</strong> },
            Inline::Code(text) => html! { <code>{ text.clone() }</code> },
            // Every link is a SafeUrl, rendered by the widget's one link component.
            Inline::Link { text, url } => match SafeUrl::https(url) {
                Ok(url) => html! { <ExternalLink url={url}>{ text.clone() }</ExternalLink> },
                Err(_) => html! { { text.clone() } },
            },
        })
        .collect()
}
