//! The first screen before yew is in (`scorecard::first_screen`) draws what the components draw:
//! for every official of every bundled feed, in English and in Spanish, listed or not, picked to
//! compare or not, its row is the same markup as `components::OfficialRow`'s (attributes compared
//! as a set, since the two renderers write them in different orders), and so is each shortlist
//! entry. And the live copy, driven as a reader would drive it, ends where the widget driven the
//! same way ends: the same filters, counts, rows and shortlist.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use scorecard::components::RowContext;
use scorecard::first_screen::row::Rows;
use scorecard::i18n::I18n;
use scorecard::state::{Action, FeedRef};
use scorecard_core::feed::{load_json, Feed};
use scorecard_core::i18n::Lang;
use scorecard_core::money::Cents;
use scorecard_core::shortlist::Shortlist;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};
use yew::prelude::*;

mod wait;
use wait::{wait_for, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

/// Every kind of row the bundled feeds may lack: a colour of the feed's own, evidence with and
/// without a title, a donation search, a contact address, markup in a name and a detail.
const VARIETY: &str = r##"{
  "format_version": 1,
  "meta": {
    "title": "Variety", "language": "en",
    "donation_search": "https://example.org/search?q={name}&state={state}"
  },
  "questions": [
    { "id": "q", "text": "Q?", "default_stance": "n",
      "stances": [
        { "id": "y", "label": "Yes", "tone": "positive", "color": "#1b7837" },
        { "id": "x", "label": "No", "tone": "negative" },
        { "id": "n", "label": "No answer" }
      ] }
  ],
  "officials": [
    { "id": "a", "name": "Ann <b>Able</b>", "state": "VT", "position": "Senator",
      "donate_url": "https://secure.actblue.com/donate/ann",
      "stances": { "q": { "stance": "y", "date": "2019-02-19", "detail": "<i>said so</i>",
        "evidence": [ { "url": "https://news.example.com/ann", "title": "Ann's speech" } ] } } },
    { "id": "b", "name": "Bob Baker", "state": "NY", "position": "Mayor", "city": "Albany",
      "stances": { "q": { "stance": "x", "evidence": [ { "url": "https://www.example.net/b", "date": "2020-01-02" } ] } } },
    { "id": "c", "name": "Cy Castro", "state": "TX", "email": "cy@example.org" }
  ]
}"##;

#[derive(Properties, PartialEq)]
struct ComponentRowsProps {
    feed: FeedRef,
    shortlist: Shortlist,
    compare: Vec<String>,
    refcode: Option<AttrValue>,
    tr: I18n,
}

/// Every official's row, drawn by the components.
#[function_component(ComponentRows)]
fn component_rows(props: &ComponentRowsProps) -> Html {
    let on_action = Callback::from(|_: Action| ());
    let rows = RowContext {
        feed: &props.feed,
        question: 0,
        shortlist: &props.shortlist,
        compare: &props.compare,
        refcode: &props.refcode,
        marks: &None,
        on_action: &on_action,
        tr: &props.tr,
    };
    html! {
        <ContextProvider<I18n> context={props.tr.clone()}>
            { for (0..props.feed.officials.len()).map(|i| rows.row(i)) }
        </ContextProvider<I18n>>
    }
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    feed: FeedRef,
    shortlist: Shortlist,
    compare: Vec<String>,
    drafts: std::collections::BTreeMap<String, String>,
    refcode: Option<String>,
    tr: I18n,
}

/// The shortlist panel, drawn by the components in the reader's language.
#[function_component(Panel)]
fn panel(props: &PanelProps) -> Html {
    use scorecard::components::ShortlistPanel;
    html! {
        <ContextProvider<I18n> context={props.tr.clone()}>
            <ShortlistPanel
                feed={props.feed.clone()}
                shortlist={props.shortlist.clone()}
                compare={props.compare.clone()}
                amount_errors={std::collections::BTreeMap::new()}
                amount_drafts={props.drafts.clone()}
                split_error={None::<scorecard_core::i18n::Msg>}
                refcode={props.refcode.clone()}
                share_url={None::<String>}
                on_copy_link={Callback::noop()}
                on_share={None::<Callback<()>>}
                on_download={Callback::noop()}
                on_action={Callback::noop()}
                node_ref={NodeRef::default()}
            />
        </ContextProvider<I18n>>
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A node's markup with each element's attributes sorted, and text as the DOM holds it.
fn canonical(node: &Node, out: &mut String) {
    canonical_with(node, out, &|_, _| true);
}

/// [`canonical`], with only the attributes `keep(element, name)` keeps.
fn canonical_with(node: &Node, out: &mut String, keep: &dyn Fn(&Element, &str) -> bool) {
    if let Some(element) = node.dyn_ref::<Element>() {
        let names = element.get_attribute_names();
        let mut attributes: Vec<(String, String)> = names
            .iter()
            .filter_map(|n| n.as_string())
            .filter(|n| keep(element, n))
            .map(|n| {
                let value = element.get_attribute(&n).unwrap_or_default();
                (n, value)
            })
            .collect();
        // What a reader sees in a field is its property (yew sets those, not the attributes).
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            attributes.retain(|(name, _)| name != "value" && name != "checked");
            attributes.push((".value".into(), input.value()));
            attributes.push((".checked".into(), input.checked().to_string()));
        }
        if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            attributes.push((".value".into(), select.value()));
        }
        attributes.sort();
        out.push('<');
        out.push_str(&element.tag_name().to_lowercase());
        for (name, value) in attributes {
            out.push_str(&format!(" {name}={value:?}"));
        }
        out.push('>');
        let children = element.child_nodes();
        for i in 0..children.length() {
            canonical_with(&children.item(i).unwrap(), out, keep);
        }
        out.push_str(&format!("</{}>", element.tag_name().to_lowercase()));
    } else if node.node_type() == Node::TEXT_NODE {
        out.push_str(&format!("{:?}", node.text_content().unwrap_or_default()));
    }
}

/// Each child element of `root`, canonical, with adjacent text merged (yew writes `{a}{" "}` as
/// two text nodes where the first screen writes one).
fn rows_of(root: &Element) -> Vec<String> {
    root.normalize();
    let children = root.children();
    (0..children.length())
        .map(|i| {
            let mut out = String::new();
            canonical(&children.item(i).unwrap(), &mut out);
            out
        })
        .collect()
}

/// Renders component `C` with `props` in a new element at the end of the page.
fn render<C: yew::BaseComponent>(props: C::Properties) -> (Element, yew::AppHandle<C>) {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    (root.clone(), yew::Renderer::<C>::with_root_and_props(root, props).render())
}

/// Draws every official of `feed` both ways and compares them row by row.
async fn same_rows(feed: Rc<Feed>, lang: Lang, what: &str) {
    let tr = I18n::for_feed(lang, feed.meta.language());
    let mut shortlist = Shortlist::default();
    let mut compare = Vec::new();
    for (i, official) in feed.officials.iter().enumerate() {
        if i % 7 == 3 {
            shortlist.add_with_amount(&official.id, &official.name, Cents(500 + 100 * (i as u64 % 5))).unwrap();
        }
        if i % 11 == 5 {
            compare.push(official.id.clone());
        }
    }
    let refcode = Some(AttrValue::from("blog"));

    let (yew_root, handle) = render::<ComponentRows>(ComponentRowsProps {
        feed: FeedRef(feed.clone()),
        shortlist: shortlist.clone(),
        compare: compare.clone(),
        refcode: refcode.clone(),
        tr: tr.clone(),
    });
    // Yew draws in a task of its own (rows are child components: a few rounds).
    wait_until(&format!("{what}: the components to draw every row"), || {
        yew_root.child_element_count() as usize == feed.officials.len()
    })
    .await;

    let plain_root = document().create_element("div").unwrap();
    let rows = Rows {
        doc: &document(),
        feed: &feed,
        question: 0,
        shortlist: &shortlist,
        compare: &compare,
        refcode: refcode.as_deref(),
        tr: &tr,
    };
    for i in 0..feed.officials.len() {
        plain_root.append_child(&rows.row(i).unwrap()).unwrap();
    }

    let (drawn, expected) = (rows_of(&plain_root), rows_of(&yew_root));
    handle.destroy();
    yew_root.remove();
    assert_eq!(expected.len(), feed.officials.len(), "{what}: the components drew every row");
    for (i, (drawn, expected)) in drawn.iter().zip(&expected).enumerate() {
        assert_eq!(drawn, expected, "{what}: row {i} ({})", feed.officials[i].id);
    }
}

/// The entries of a shortlist of every third official (given, for some; one no longer in the
/// feed), drawn both ways.
async fn same_entries(feed: Rc<Feed>, lang: Lang, what: &str) {
    use scorecard::first_screen::entry::Entries;

    let tr = I18n::for_feed(lang, feed.meta.language());
    let mut shortlist = Shortlist::default();
    shortlist.add("no-longer-in-the-feed", "Gone Official").unwrap();
    let mut compare = Vec::new();
    for (i, official) in feed.officials.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
        shortlist.add_with_amount(&official.id, &official.name, Cents(100 * (i as u64 % 40) + 1)).unwrap();
        if i % 2 == 0 {
            shortlist.set_given(&official.id, true);
        }
        if i % 5 == 0 {
            compare.push(official.id.clone());
        }
    }
    let mut drafts = std::collections::BTreeMap::new();
    if let Some(official) = feed.officials.get(3) {
        drafts.insert(official.id.clone(), "12.5".to_string());
    }
    let refcode = Some("blog".to_string());

    let (yew_root, handle) = render::<Panel>(PanelProps {
        feed: FeedRef(feed.clone()),
        shortlist: shortlist.clone(),
        compare: compare.clone(),
        drafts: drafts.clone(),
        refcode: refcode.clone(),
        tr: tr.clone(),
    });
    let list = wait_for(&format!("{what}: the panel to list the entries"), || {
        yew_root.query_selector(".sc-entries").unwrap().ok_or_else(|| "no list yet".to_string())
    })
    .await;

    let plain_root = document().create_element("div").unwrap();
    let entries = Entries {
        doc: &document(),
        feed: &feed,
        compare: &compare,
        amount_drafts: &drafts,
        refcode: refcode.as_deref(),
        count: shortlist.len(),
        tr: &tr,
    };
    for (i, entry) in shortlist.entries().iter().enumerate() {
        plain_root.append_child(&entries.entry(i, entry).unwrap()).unwrap();
    }
    let (drawn, expected) = (rows_of(&plain_root), rows_of(&list));
    handle.destroy();
    yew_root.remove();
    assert_eq!(expected.len(), shortlist.len(), "{what}: the components drew every entry");
    for (i, (drawn, expected)) in drawn.iter().zip(&expected).enumerate() {
        assert_eq!(drawn, expected, "{what}: entry {i} ({})", shortlist.entries()[i].id);
    }
}

fn feed(json: &[u8]) -> Rc<Feed> {
    Rc::new(load_json(json).feed.expect("the feed loads"))
}

#[wasm_bindgen_test]
async fn every_row_and_shortlist_entry_of_the_bundled_feeds_is_drawn_as_the_components_draw_it() {
    let feeds = [
        ("endorsements-2020", &include_bytes!("../feeds/endorsements-2020.json")[..]),
        ("congress-today", &include_bytes!("../feeds/congress-today.json")[..]),
        ("primaries-2018", &include_bytes!("../feeds/primaries-2018.json")[..]),
    ];
    for (name, json) in feeds {
        let feed = feed(json);
        for lang in [Lang::En, Lang::Es] {
            same_rows(feed.clone(), lang, &format!("{name}, {lang:?}")).await;
            same_entries(feed.clone(), lang, &format!("{name}, {lang:?}")).await;
        }
    }
}

#[wasm_bindgen_test]
async fn rows_and_entries_with_colours_evidence_searches_contacts_and_markup_are_drawn_as_the_components_draw_them() {
    let feed = feed(VARIETY.as_bytes());
    assert_eq!(feed.officials.len(), 3);
    for lang in [Lang::En, Lang::Es] {
        same_rows(feed.clone(), lang, &format!("variety, {lang:?}")).await;
        same_entries(feed.clone(), lang, &format!("variety, {lang:?}")).await;
    }
}

// ------------------------------------------------------------------ the live copy

/// One thing a reader does, on the copy and on the widget alike.
#[derive(Debug)]
enum Step {
    /// Ticks the `n`th stance.
    Tick(u32),
    /// Types into the name search (the whole field's text).
    Type(&'static str),
    /// Picks `value` in the select of the field `class` (`sc-field-position`, ...).
    Choose(&'static str, &'static str),
    /// Presses "Add" (or "Remove") on the row at `n` (from 1) in the results.
    Press(u32),
    /// Presses the filters' "Clear filters".
    Clear,
}

fn element(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn html(element: &Element) -> web_sys::HtmlElement {
    element.clone().dyn_into().unwrap()
}

fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

fn act(root: &Element, step: &Step) {
    match step {
        Step::Tick(n) => {
            let inputs = root.query_selector_all(".sc-stances input").unwrap();
            html(&inputs.item(*n).unwrap().dyn_into().unwrap()).click();
        }
        Step::Type(text) => {
            let input: web_sys::HtmlInputElement = element(root, ".sc-filters input[type=search]").dyn_into().unwrap();
            input.set_value(text);
            fire(&input, "input");
        }
        Step::Choose(field, value) => {
            let select: web_sys::HtmlSelectElement = element(root, &format!(".{field} select")).dyn_into().unwrap();
            select.set_value(value);
            fire(&select, "change");
        }
        Step::Press(n) => html(&element(root, &format!(".sc-slot[aria-posinset=\"{n}\"] .sc-add"))).click(),
        Step::Clear => html(&element(root, ".sc-filters > button.sc-button-quiet")).click(),
    }
}

/// What a reader sees of `root` that the copy draws: the filters, the results' head, the rows
/// both have drawn (long lists draw those near the viewport), the shortlist's title and entries.
/// Ids are numbered per widget, and what waits for the widget is inert in the copy: neither
/// is compared.
fn seen(root: &Element) -> Vec<(String, String)> {
    let keep = |element: &Element, name: &str| {
        // (An option's `selected` attribute is what it started as; the select's value is compared.)
        let numbered_or_waiting = matches!(
            name,
            "inert" | "id" | "for" | "aria-controls" | "aria-describedby" | "aria-labelledby" | "selected"
        );
        let windowed_padding = name == "style" && element.class_list().contains("sc-list-windowed");
        !(numbered_or_waiting || windowed_padding)
    };
    let markup = |node: &Element| {
        let mut out = String::new();
        node.normalize();
        canonical_with(node, &mut out, &keep);
        out
    };
    let mut parts = vec![
        ("filters".to_string(), markup(&element(root, ".sc-filters"))),
        ("results head".to_string(), markup(&element(root, ".sc-results-head"))),
        ("shortlist title".to_string(), markup(&element(root, ".sc-shortlist-title"))),
    ];
    if let Some(entries) = root.query_selector(".sc-entries:not([hidden])").unwrap() {
        parts.push(("entries".into(), markup(&entries)));
    }
    let list = element(root, ".sc-results ol");
    let slots = list.children();
    for i in 0..slots.length() {
        let slot = slots.item(i).unwrap();
        parts.push((format!("row {}", slot.get_attribute("aria-posinset").unwrap_or_default()), markup(&slot)));
    }
    parts
}

/// The parts of `a` and `b` that differ (rows only one of them drew are not compared).
fn differences(a: &[(String, String)], b: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, markup) in a {
        let Some((_, other)) = b.iter().find(|(n, _)| n == name) else {
            if !name.starts_with("row ") {
                out.push(format!("{name}: only on the copy"));
            }
            continue;
        };
        if markup != other {
            out.push(format!("{name}:\n  copy:   {markup}\n  widget: {other}"));
        }
    }
    if let Some((name, _)) = b.iter().find(|(n, _)| !n.starts_with("row ") && !a.iter().any(|(m, _)| m == n)) {
        out.push(format!("{name}: only on the widget"));
    }
    out
}

#[wasm_bindgen_test]
async fn the_live_copy_ends_where_the_widget_driven_the_same_way_ends() {
    use scorecard::app::LoadedFeed;
    use scorecard::first_screen::Live;
    use scorecard::{App, AppProps, FeedSource, WidgetOptions};
    use scorecard_core::app_state::AppState;
    use scorecard_core::filter::FilterSpec;

    let bytes = include_bytes!("../feeds/endorsements-2020.json");
    let widget = |key: &str| {
        let loaded = LoadedFeed::from_loaded(load_json(bytes), key.to_string()).unwrap();
        render::<App>(AppProps::new(FeedSource::Loaded(Rc::new(loaded)), WidgetOptions::default()))
    };
    let listed = |root: &Element| root.query_selector_all(".sc-results .sc-slot").unwrap().length() > 0;

    // The copy: the widget's own first screen, as the prerenderer draws it for the loader.
    let (first, first_handle) = widget("live-copy-source");
    wait_until("the widget's first screen", || listed(&first)).await;
    let copy = document().create_element("div").unwrap();
    copy.set_attribute("data-sc-snapshot", "").unwrap();
    copy.append_child(&first.first_element_child().unwrap().clone_node_with_deep(true).unwrap()).unwrap();
    first_handle.destroy();
    first.remove();
    document().body().unwrap().prepend_with_node_1(&copy).unwrap();
    let feed = FeedRef(Rc::new(load_json(bytes).feed.unwrap()));
    let live = Live::start(&copy, AppState::new(feed, FilterSpec::default(), Shortlist::default()), None)
        .expect("the copy is the markup the first screen expects");

    // The widget, beside it, driven the same way.
    let (root, handle) = widget("live-copy-widget");
    wait_until("the widget's first screen", || listed(&root)).await;

    let steps = [
        Step::Press(2),
        Step::Tick(0),
        Step::Press(1),
        Step::Type("an"),
        Step::Tick(2),
        Step::Choose("sc-field-position", "Governor"),
        Step::Type("zzzz"),
        Step::Type(""),
        Step::Choose("sc-field-sort", "state"),
        Step::Press(1),
        Step::Clear,
        Step::Choose("sc-field-party", "Democratic"),
        Step::Press(2),
    ];
    for step in &steps {
        act(&copy, step);
        act(&root, step);
        wait_for(&format!("the copy and the widget to agree after {step:?}"), || {
            let found = differences(&seen(&copy), &seen(&root));
            if found.is_empty() {
                Ok(())
            } else {
                Err(found.join("\n"))
            }
        })
        .await;
    }
    // What the widget takes over is what both show.
    let state = live.take();
    let entries = root.query_selector_all(".sc-entries > li").unwrap();
    let shown: Vec<String> = (0..entries.length())
        .map(|i| entries.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-official").unwrap())
        .collect();
    let taken: Vec<String> = state.shortlist.entries().iter().map(|e| e.id.clone()).collect();
    assert!(!taken.is_empty());
    assert_eq!(taken, shown);
    assert!(state.filter.parties.contains("Democratic"));
    handle.destroy();
    root.remove();
    copy.remove();
}
