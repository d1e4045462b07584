//! "6. Put it on a page": the embed snippet, written by the core's `embed` module so that
//! the widget reads back exactly the options chosen here.

use scorecard::browser::clipboard;
use scorecard::state::FeedRef;
use scorecard_core::embed::{self, parse_states, EmbedOptions, Theme};
use scorecard_core::i18n::Lang;
use yew::prelude::*;

use super::{checked, input_value, select_value};

#[derive(Properties, PartialEq)]
pub struct SnippetPanelProps {
    pub feed: FeedRef,
    pub feed_url: Option<String>,
    pub assets: String,
    /// The loader's hash (the npm package's organizer page), for the snippet's `integrity`.
    pub loader_integrity: Option<String>,
}

/// Builds the snippet a blogger pastes, with every option.
#[function_component(SnippetPanel)]
pub fn snippet_panel(props: &SnippetPanelProps) -> Html {
    let feed_url = use_state(|| props.feed_url.clone().unwrap_or_default());
    let states = use_state(String::new);
    let question = use_state(String::new);
    let stance = use_state(String::new);
    let refcode = use_state(String::new);
    let theme = use_state(|| "auto".to_string());
    let compact = use_state(|| false);
    // "" is the widget's default (shown, except in compact mode); "on" and "off" are data-map's.
    let map = use_state(String::new);
    // "" follows the reader's browser; otherwise a language's tag (data-lang).
    let lang = use_state(String::new);
    let copied = use_state(|| false);
    let text_field =
        |id: &'static str, label: &'static str, placeholder: &'static str, handle: &UseStateHandle<String>| {
            let value = (**handle).clone();
            let handle = handle.clone();
            let copied = copied.clone();
            let on_input = Callback::from(move |e: InputEvent| {
                handle.set(input_value(&e));
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
            handle.set(select_value(&e));
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
    let map_options = vec![
        (String::new(), "Shown, except in compact mode".to_string()),
        ("on".to_string(), "Shown".to_string()),
        ("off".to_string(), "Hidden".to_string()),
    ];
    let mut lang_options = vec![(String::new(), "The reader's browser language".to_string())];
    lang_options.extend(Lang::ALL.iter().map(|l| (l.tag().to_string(), l.name().to_string())));
    let theme_options = Theme::ALL.iter().map(|t| (t.value().to_string(), t.value().to_string())).collect();

    let non_blank = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let options = EmbedOptions {
        feed: non_blank(&feed_url),
        question: non_blank(&question),
        states: parse_states(&states),
        stance: non_blank(&stance),
        refcode: non_blank(&refcode),
        theme: Theme::parse(&theme),
        compact: *compact,
        map: embed::parse_map(&map),
        lang: Lang::parse(&lang),
        ..EmbedOptions::default()
    };
    let snippet = embed::snippet(
        &options,
        options.feed.as_deref().unwrap_or("https://example.org/"),
        &feed.meta.title,
        &format!("{}embed.js", props.assets),
        props.loader_integrity.as_deref(),
    );
    let on_compact = {
        let compact = compact.clone();
        Callback::from(move |e: Event| {
            compact.set(checked(&e));
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
            <h2 id="org-snippet-title">{ "6. Put it on a page" }</h2>
            <div class="org-grid">
                { text_field("org-snippet-feed", "Where the feed will be published", "https://example.org/feed.json", &feed_url) }
                { select("org-snippet-question", "Question", question_options, &question) }
                { text_field("org-snippet-states", "States", "MN, WI", &states) }
                { select("org-snippet-stance", "Stance", stance_options, &stance) }
                { text_field("org-snippet-refcode", "ActBlue refcode", "my-blog", &refcode) }
                { select("org-snippet-theme", "Theme", theme_options, &theme) }
                { select("org-snippet-map", "Map of the states", map_options, &map) }
                { select("org-snippet-lang", "Language", lang_options, &lang) }
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
