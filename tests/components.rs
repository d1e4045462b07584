//! Component tests: the real widget mounted in headless Chromium on an inline feed, driven
//! through the DOM the way a user would (click, type), asserting on what is rendered.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner + chromedriver).
//!
//! Yew renders after an event in a task of its own, and some things wait for a paint (the
//! address, the rest of a list's rows): after each action a test waits for what it expects to
//! see (`wait_for_text`, `wait_until`, ... over tests/wait), polling until it is there or a
//! time limit passes, and then says what it was waiting for and what it saw instead.
//!
//! The panic hook's test (a real panic) is in tests/crash.rs, a wasm instance of its own.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use scorecard::app::LoadedFeed;
use scorecard::{App, AppProps, FeedSource, WidgetOptions};
use scorecard_core::embed::{EmbedOptions, UrlMode};
use scorecard_core::feed::load_json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod wait;
use wait::{wait_for, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = r#"{
  "format_version": 1,
  "meta": {
    "title": "Test scorecard",
    "updated": "2020-03-27",
    "attribution": { "text": "Data: Test Source (CC BY 4.0)", "url": "https://example.org/data" }
  },
  "questions": [
    { "id": "q1", "text": "Did they endorse our candidate?", "label": "Endorsed", "default_stance": "none",
      "stances": [
        { "id": "yes", "label": "Endorsed ours", "tone": "positive" },
        { "id": "other", "label": "Endorsed another", "tone": "negative" },
        { "id": "none", "label": "No endorsement" }
      ] },
    { "id": "q2", "text": "Second question?", "stances": [ { "id": "a", "label": "Answer A" } ] }
  ],
  "officials": [
    { "id": "ann", "name": "Ann Able", "state": "VT", "position": "Senator", "party": "Democratic",
      "donate_url": "https://secure.actblue.com/donate/ann?express_lane=true",
      "stances": { "q1": { "stance": "yes", "date": "2019-02-19", "evidence": [ { "url": "https://news.example.com/ann" } ] } } },
    { "id": "bob", "name": "Bob Baker", "state": "VT", "position": "Mayor", "city": "Burlington",
      "website": "https://bob.example.org",
      "stances": { "q1": { "stance": "other", "detail": "Someone Else" } } },
    { "id": "cy", "name": "Cy Castro", "state": "NY", "position": "Representative", "district": "12",
      "stances": { "q1": { "stance": "yes" } } },
    { "id": "dee", "name": "<img src=x onerror=\"window.__pwned=1\">Dee", "state": "NY",
      "website": "javascript:window.__pwned=1" }
  ]
}"#;

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the widget on FEED with its own storage key; the URL fragment is set first. Returns
/// once the widget shows its result count and as many rows as that count says.
async fn mount(storage_key: &str, fragment: &str, options: WidgetOptions) -> Mounted {
    let history = web_sys::window().unwrap().history().unwrap();
    let url = if fragment.is_empty() { "?".to_string() } else { format!("?#{fragment}") };
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), app_props(storage_key, options)).render();
    wait_for_list(&root).await;
    Mounted { root, handle: Some(handle) }
}

fn app_props(storage_key: &str, options: WidgetOptions) -> AppProps {
    let loaded = LoadedFeed::from_loaded(load_json(FEED.as_bytes()), storage_key.to_string()).unwrap();
    AppProps::new(FeedSource::Loaded(Rc::new(loaded)), options)
}

/// Waits until the first `selector` in `root` reads `expected`.
async fn wait_for_text(root: &Element, selector: &str, expected: &str) {
    wait_for(&format!("{selector} to read {expected:?}"), || match query(root, selector) {
        Some(element) if element.text_content().as_deref() == Some(expected) => Ok(()),
        Some(element) => Err(format!("{:?}", element.text_content().unwrap_or_default())),
        None => Err("no such element".into()),
    })
    .await
}

/// Waits until `root` has a `selector`, and returns it.
async fn wait_for_element(root: &Element, selector: &str) -> Element {
    wait_for(&format!("an element {selector}"), || query(root, selector).ok_or_else(|| "none".to_string())).await
}

/// Waits until `root` has no `selector`.
async fn wait_for_no_element(root: &Element, selector: &str) {
    wait_until(&format!("no element {selector}"), || query(root, selector).is_none()).await
}

/// Waits until `root` has an element labelled `label`, and returns it.
async fn wait_for_label(root: &Element, label: &str) -> Element {
    wait_for_element(root, &format!("[aria-label=\"{label}\"]")).await
}

/// Waits until the widget in `root` shows its count and as many rows as it says (the rows past
/// the first screenful come a paint later).
async fn wait_for_list(root: &Element) {
    wait_for("the result count and that many rows", || {
        let count = text(root, ".sc-count-number");
        let rows = query_all(root, ".sc-results .sc-row").len();
        let said: Option<usize> = count.split(' ').next().and_then(|n| n.replace(',', "").parse().ok());
        if said == Some(rows) {
            Ok(())
        } else {
            Err(format!("count {count:?}, {rows} rows"))
        }
    })
    .await
}

/// Waits until `root` has a `<dialog>` shown as modal (the widget shows it once it is in the
/// page), and returns it.
async fn wait_for_open_dialog(root: &Element) -> Element {
    wait_for("a dialog, shown", || match query(root, "dialog") {
        Some(dialog) if dialog.dyn_ref::<web_sys::HtmlDialogElement>().unwrap().open() => Ok(dialog),
        Some(_) => Err("a dialog in the page but not shown".into()),
        None => Err("no dialog".into()),
    })
    .await
}

/// The page address's fragment.
fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<Element>().ok()).collect()
}

fn by_label(root: &Element, label: &str) -> Element {
    query(root, &format!("[aria-label=\"{label}\"]")).unwrap_or_else(|| panic!("no element labelled {label:?}"))
}

fn text(root: &Element, selector: &str) -> String {
    query(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

// The actions below only dispatch their events (listeners run at once); what they cause is
// rendered later, so the test then waits for it.

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

/// Types into an input and fires `change` (what leaving the field or pressing Enter does).
fn change(element: &Element, value: &str) {
    let input = element.dyn_ref::<HtmlInputElement>().unwrap();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &bubbling()).unwrap()).unwrap();
}

fn type_text(element: &Element, value: &str) {
    let input = element.dyn_ref::<HtmlInputElement>().unwrap();
    input.set_value(value);
    input
        .dispatch_event(
            &web_sys::InputEvent::new_with_event_init_dict("input", &web_sys::InputEventInit::new()).unwrap(),
        )
        .unwrap();
}

fn key(element: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    element
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

/// Types into the state picker and waits for its options.
async fn type_state(picker: &Element, root: &Element, value: &str) {
    type_text(picker, value);
    wait_until(&format!("state options for {value:?}"), || !query_all(root, "[role=option]").is_empty()).await;
}

fn bubbling() -> web_sys::EventInit {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init
}

/// Options of the standalone page: the view is kept in the URL.
fn syncing() -> WidgetOptions {
    WidgetOptions { embed: EmbedOptions { url: UrlMode::Sync, ..EmbedOptions::default() }, ..WidgetOptions::default() }
}

fn clear_storage(key: &str) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(&format!("{key}:shortlist")).unwrap();
}

#[wasm_bindgen_test]
async fn shows_title_attribution_and_count() {
    clear_storage("t1");
    let w = mount("t1", "", WidgetOptions::default()).await;
    assert_eq!(text(&w.root, ".sc-title"), "Test scorecard");
    assert!(text(&w.root, ".sc-provenance").contains("Data: Test Source (CC BY 4.0)"));
    assert!(text(&w.root, ".sc-provenance").contains("Data as of Mar 27, 2020"));
    assert_eq!(text(&w.root, ".sc-count-number"), "4 officials");
    // Ordered by family name: Able, Baker, Castro, then the hostile "…Dee".
    let names: Vec<String> = query_all(&w.root, ".sc-name").iter().filter_map(|e| e.text_content()).collect();
    assert_eq!(names[..3], ["Ann Able", "Bob Baker", "Cy Castro"]);
}

#[wasm_bindgen_test]
async fn stance_and_state_filters_narrow_the_list_and_show_counts() {
    clear_storage("t2");
    let w = mount("t2", "", syncing()).await;
    let stance_box = query_all(&w.root, ".sc-stances .sc-check")
        .into_iter()
        .find(|label| label.text_content().unwrap_or_default().contains("Endorsed ours"))
        .unwrap();
    assert!(stance_box.text_content().unwrap().ends_with('2'), "facet count shown");
    click(&query(&stance_box, "input").unwrap());
    wait_for_text(&w.root, ".sc-count-number", "2 officials").await;

    let picker = query(&w.root, "input[role=combobox]").unwrap();
    type_state(&picker, &w.root, "verm").await;
    let options = query_all(&w.root, "[role=option]");
    assert_eq!(options.len(), 1, "only states in the feed that match");
    assert!(options[0].text_content().unwrap().starts_with("Vermont"));
    key(&picker, "Enter");
    wait_for_text(&w.root, ".sc-count-number", "1 official").await;
    assert!(text(&w.root, ".sc-list").contains("Ann Able"));
    assert_eq!(picker.dyn_ref::<HtmlInputElement>().unwrap().value(), "", "the picker is ready for the next state");
    // The view is kept in the URL fragment (written once the view is painted).
    wait_until("the view in the address (sc=1, st=VT, sn=yes)", || {
        let hash = hash();
        hash.contains("sc=1") && hash.contains("st=VT") && hash.contains("sn=yes")
    })
    .await;

    click(&by_label(&w.root, "Remove Vermont from the state filter"));
    wait_for_text(&w.root, ".sc-count-number", "2 officials").await;
}

#[wasm_bindgen_test]
async fn name_search_ignores_case_and_accents() {
    clear_storage("t3");
    let w = mount("t3", "", WidgetOptions::default()).await;
    let search = query(&w.root, "input[type=search]").unwrap();
    type_text(&search, "CASTRÓ");
    wait_for_text(&w.root, ".sc-count-number", "1 official").await;
    type_text(&search, "zzz");
    wait_for_text(&w.root, ".sc-count-number", "0 officials").await;
    assert!(text(&w.root, ".sc-empty").contains("No officials match"));
}

#[wasm_bindgen_test]
async fn a_new_filter_rewrites_the_rows_on_screen_in_place() {
    clear_storage("t3b");
    let w = mount("t3b", "", WidgetOptions::default()).await;
    let first_row = query(&w.root, ".sc-row").unwrap();
    assert!(first_row.text_content().unwrap().contains("Ann Able"));
    type_text(&query(&w.root, "input[type=search]").unwrap(), "castro");
    wait_for_text(&w.root, ".sc-count-number", "1 official").await;
    // The same elements, now telling of Cy Castro: making a row is most of what a filter costs.
    let row = query(&w.root, ".sc-row").unwrap();
    assert!(row.is_same_node(Some(&first_row)), "the first row's elements are kept");
    assert!(row.text_content().unwrap().contains("Cy Castro"));
    assert!(!row.text_content().unwrap().contains("Ann Able"));
    // Its button acts for the official it now shows.
    let add = query(&row, ".sc-add").unwrap();
    assert_eq!(add.get_attribute("data-official").as_deref(), Some("cy"));
    click(&add);
    wait_for_label(&w.root, "Remove Cy Castro from shortlist").await;
    assert!(query(&w.root, "[aria-label=\"Remove Ann Able from shortlist\"]").is_none());
}

#[wasm_bindgen_test]
async fn shortlist_add_amount_total_remove_and_undo() {
    clear_storage("t4");
    let w = mount("t4", "", WidgetOptions::default()).await;
    click(&by_label(&w.root, "Add Ann Able to shortlist"));
    wait_for_label(&w.root, "Remove Ann Able from shortlist").await;
    click(&by_label(&w.root, "Add Cy Castro to shortlist"));
    let shortlist = wait_for_element(&w.root, "section[aria-label=Shortlist]").await;
    wait_for_text(&shortlist, ".sc-total-amount", "$54").await;
    // The row's button now removes instead.
    assert!(query(&w.root, "[aria-label=\"Remove Ann Able from shortlist\"].sc-add").is_some());

    change(&by_label(&shortlist, "Amount for Ann Able"), "50");
    wait_for_text(&shortlist, ".sc-total-amount", "$77").await;
    change(&by_label(&shortlist, "Amount for Ann Able"), "0.50");
    wait_for_text(&shortlist, ".sc-field-error", "The smallest amount is $1.").await;
    assert_eq!(text(&shortlist, ".sc-total-amount"), "$77", "an invalid amount changes nothing");
    change(&by_label(&shortlist, "Amount for Ann Able"), "20000");
    wait_for_text(&shortlist, ".sc-field-error", "The largest amount per official is $10,000.").await;

    click(&by_label(&shortlist, "Remove Cy Castro from shortlist"));
    wait_for_text(&shortlist, ".sc-total-amount", "$50").await;
    assert!(text(&w.root, ".sc-undo").contains("Removed Cy Castro"));
    click(&query(&w.root, ".sc-undo button").unwrap());
    wait_for_text(&shortlist, ".sc-total-amount", "$77").await;

    // Saved for the next visit.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    wait_for("Ann Able at $50 saved in localStorage", || {
        let saved = storage.get_item("t4:shortlist").unwrap().unwrap_or_default();
        if saved.contains("\"id\":\"ann\"") && saved.contains("\"amount_cents\":5000") {
            Ok(())
        } else {
            Err(saved)
        }
    })
    .await;
}

/// Lets Yew render what the last action caused (its scheduler runs in a microtask), and no more:
/// no frame is painted before this returns.
async fn rendered() {
    for _ in 0..3 {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.unwrap();
    }
}

/// The ids of the panel's entries, in order.
fn entry_ids(shortlist: &Element) -> Vec<String> {
    query_all(shortlist, ".sc-entry").iter().filter_map(|e| e.get_attribute("data-official")).collect()
}

#[wasm_bindgen_test]
async fn the_panel_shows_an_add_after_the_row_and_with_any_change_made_in_it_meanwhile() {
    clear_storage("t4b");
    let w = mount("t4b", "", WidgetOptions::default()).await;
    click(&by_label(&w.root, "Add Ann Able to shortlist"));
    let shortlist = wait_for_element(&w.root, "section[aria-label=Shortlist]").await;
    wait_for_text(&shortlist, ".sc-total-amount", "$27").await;

    // The add's render changes the row; the panel's entry waits for that to be painted.
    click(&by_label(&w.root, "Add Cy Castro to shortlist"));
    rendered().await;
    assert!(query(&w.root, "[aria-label=\"Remove Cy Castro from shortlist\"].sc-add").is_some());
    assert_eq!(entry_ids(&shortlist), ["ann"], "the panel's new entry comes after the paint");
    // A change made in the panel before that paint brings the add with it.
    change(&by_label(&shortlist, "Amount for Ann Able"), "50");
    rendered().await;
    assert_eq!(entry_ids(&shortlist), ["ann", "cy"]);
    assert_eq!(text(&shortlist, ".sc-total-amount"), "$77");

    // And once painted, the panel has the latest list, with nothing undone.
    click(&by_label(&w.root, "Add Bob Baker to shortlist"));
    wait_until("Bob Baker in the panel", || entry_ids(&shortlist) == ["ann", "cy", "bob"]).await;
    assert_eq!(text(&shortlist, ".sc-total-amount"), "$104");
    yew::platform::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(entry_ids(&shortlist), ["ann", "cy", "bob"]);
    assert_eq!(text(&shortlist, ".sc-total-amount"), "$104");
}

#[wasm_bindgen_test]
async fn budget_split_gives_exact_whole_cents() {
    clear_storage("t5");
    let w = mount("t5", "", WidgetOptions::default()).await;
    for name in ["Ann Able", "Bob Baker", "Cy Castro"] {
        click(&by_label(&w.root, &format!("Add {name} to shortlist")));
        wait_for_label(&w.root, &format!("Remove {name} from shortlist")).await;
    }
    let shortlist = wait_for_element(&w.root, "section[aria-label=Shortlist]").await;
    wait_for_text(&shortlist, ".sc-total-amount", "$81").await;
    let budget = query(&shortlist, ".sc-split input").unwrap();
    budget.dyn_ref::<HtmlInputElement>().unwrap().set_value("100");
    click(&query(&shortlist, ".sc-split button").unwrap());
    wait_for_text(&shortlist, ".sc-total-amount", "$100").await;
    let amounts: Vec<String> = query_all(&shortlist, ".sc-amount input[aria-label^='Amount for']")
        .iter()
        .map(|e| e.dyn_ref::<HtmlInputElement>().unwrap().value())
        .collect();
    assert_eq!(amounts, ["33.34", "33.33", "33.33"]);
}

#[wasm_bindgen_test]
async fn give_links_are_safe_and_carry_amount_and_refcode() {
    clear_storage("t6");
    let options = WidgetOptions {
        embed: EmbedOptions { refcode: Some("blog".into()), ..EmbedOptions::default() },
        ..WidgetOptions::default()
    };
    let w = mount("t6", "", options).await;
    click(&by_label(&w.root, "Add Ann Able to shortlist"));
    wait_for_label(&w.root, "Remove Ann Able from shortlist").await;
    click(&by_label(&w.root, "Add Bob Baker to shortlist"));
    let shortlist = wait_for_element(&w.root, "section[aria-label=Shortlist]").await;
    wait_for_text(&shortlist, ".sc-shortlist-count", " (2)").await;
    let give = query(&w.root, "a.sc-give").unwrap();
    assert_eq!(give.get_attribute("href").unwrap(), "https://secure.actblue.com/donate/ann?amount=27&refcode=blog");
    assert_eq!(give.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert_eq!(give.get_attribute("target").unwrap(), "_blank");
    assert!(give.get_attribute("aria-label").unwrap().starts_with("Give $27 to Ann Able"));
    // Bob has no donation page: say so and offer to contact him (his website).
    assert!(text(&shortlist, ".sc-no-donate").contains("No donation page in this feed"));
    assert_eq!(
        by_label(&shortlist, "Contact Bob Baker (opens their website)").get_attribute("href").unwrap(),
        "https://bob.example.org"
    );
    // The rows offer the same next steps: Ann's gift, Bob's website, nothing for Cy.
    let row_steps: Vec<(String, String)> = query_all(&w.root, ".sc-results .sc-row")
        .iter()
        .map(|row| {
            let name = text(row, ".sc-name");
            let step = query(row, "a.sc-next-step").and_then(|a| a.get_attribute("aria-label")).unwrap_or_default();
            (name, step)
        })
        .collect();
    assert_eq!(
        row_steps[..3].to_vec(),
        [
            ("Ann Able".to_string(), "Give $27 to Ann Able (opens the campaign's page)".to_string()),
            ("Bob Baker".to_string(), "Contact Bob Baker (opens their website)".to_string()),
            ("Cy Castro".to_string(), String::new()),
        ]
    );
}

#[wasm_bindgen_test]
async fn hostile_feed_text_stays_text_and_unsafe_links_never_render() {
    clear_storage("t7");
    let w = mount("t7", "", WidgetOptions::default()).await;
    assert!(query(&w.root, "img").is_none(), "no element was made from feed text");
    assert!(text(&w.root, ".sc-list").contains("<img src=x"));
    for link in query_all(&w.root, "a[href]") {
        let href = link.get_attribute("href").unwrap();
        assert!(href.starts_with("https://"), "unsafe link rendered: {href}");
        assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn a_shared_link_asks_before_touching_an_existing_shortlist() {
    clear_storage("t8");
    // The visitor already has Bob on their list.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(
            "t8:shortlist",
            r#"{"version":1,"entries":[{"id":"bob","name":"Bob Baker","amount_cents":2700,"given":false}]}"#,
        )
        .unwrap();
    // Make a link holding Ann ($50) and Cy ($27) with the real encoder.
    let feed = load_json(FEED.as_bytes()).feed.unwrap();
    let mut list = scorecard_core::shortlist::Shortlist::default();
    list.add_with_amount("ann", "Ann Able", scorecard_core::money::Cents(5000)).unwrap();
    list.add("cy", "Cy Castro").unwrap();
    let param = scorecard_core::share_link::encode(&Default::default(), Some(&list), &feed);

    let w = mount("t8", &format!("sc={param}"), WidgetOptions::default()).await;
    let banner = wait_for_element(&w.root, "section[aria-label='Shared shortlist']").await;
    assert!(banner.text_content().unwrap().contains("Shortlist shared with you: 2 officials, $77"));
    let shortlist = query(&w.root, "section[aria-label=Shortlist]").unwrap();
    assert_eq!(text(&shortlist, ".sc-total-amount"), "$27", "own list untouched until the visitor chooses");

    let merge =
        query_all(&banner, "button").into_iter().find(|b| b.text_content().unwrap() == "Merge into mine").unwrap();
    click(&merge);
    wait_for_text(&shortlist, ".sc-total-amount", "$104").await;
    assert!(query(&w.root, "section[aria-label='Shared shortlist']").is_none());
    assert_eq!(text(&shortlist, ".sc-shortlist-count"), " (3)");
}

#[wasm_bindgen_test]
async fn question_picker_switches_the_stance_vocabulary() {
    clear_storage("t9");
    let w = mount("t9", "", WidgetOptions::default()).await;
    let picker = query(&w.root, "select[id$='-question']").expect("picker shown for a feed with 2 questions");
    let select = picker.dyn_ref::<web_sys::HtmlSelectElement>().unwrap();
    select.set_value("q2");
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &bubbling()).unwrap()).unwrap();
    wait_for_text(&w.root, ".sc-question", "Second question?").await;
    let stances = text(&w.root, ".sc-stances");
    assert!(
        stances.contains("Answer A") && stances.contains("Not rated") && !stances.contains("Endorsed ours"),
        "{stances}"
    );
}

#[wasm_bindgen_test]
async fn details_dialog_shows_everything_and_closes() {
    clear_storage("t10");
    let w = mount("t10", "", syncing()).await;
    let name =
        query_all(&w.root, ".sc-name-button").into_iter().find(|b| b.text_content().unwrap() == "Ann Able").unwrap();
    click(&name);
    let dialog = wait_for_open_dialog(&w.root).await;
    assert_eq!(text(&dialog, ".sc-dialog-title"), "Ann Able");
    let questions: Vec<String> =
        query_all(&dialog, ".sc-detail-question").iter().filter_map(|e| e.text_content()).collect();
    assert_eq!(
        questions,
        ["Did they endorse our candidate?", "Second question?"],
        "every question, not just the chosen one"
    );
    assert_eq!(
        query(&dialog, ".sc-evidence-list a").unwrap().get_attribute("href").unwrap(),
        "https://news.example.com/ann"
    );
    wait_until("the open details in the address (;d=)", || hash().contains(";d=")).await;
    click(&by_label(&dialog, "Close details"));
    wait_for_no_element(&w.root, "dialog").await;
}

#[wasm_bindgen_test]
async fn summary_reads_as_a_sentence() {
    clear_storage("t11");
    let w = mount("t11", "", WidgetOptions::default()).await;
    let stance_box = query_all(&w.root, ".sc-stances .sc-check input")[0].clone();
    click(&stance_box);
    wait_for_text(&w.root, ".sc-summary", "2 officials endorsed ours in 2 states").await;
    let state = query(&w.root, "input[role=combobox]").unwrap();
    type_state(&state, &w.root, "VT").await;
    key(&state, "Enter");
    wait_for_text(&w.root, ".sc-summary", "1 official endorsed ours in Vermont").await;
}

#[wasm_bindgen_test]
async fn details_reopen_when_a_close_and_a_reopen_arrive_together() {
    clear_storage("t12");
    let w = mount("t12", "", WidgetOptions::default()).await;
    let name =
        query_all(&w.root, ".sc-name-button").into_iter().find(|b| b.text_content().unwrap() == "Ann Able").unwrap();
    click(&name);
    let dialog = wait_for_open_dialog(&w.root).await;
    // What Escape does (cancel, then close; the `close` event comes in a later task), and,
    // before anything else runs, a click that opens the details again.
    let closed = Rc::new(std::cell::Cell::new(false));
    let _on_close = gloo_events::EventListener::new(&dialog, "close", {
        let closed = closed.clone();
        move |_| closed.set(true)
    });
    let request_close = js_sys::Reflect::get(&dialog, &"requestClose".into()).unwrap();
    js_sys::Function::from(request_close).call0(&dialog).unwrap();
    name.dyn_ref::<HtmlElement>().unwrap().click();
    // Once the late `close` has come (and the widget has done what it does with it), the
    // details are open again, and shown, not left closed by the browser.
    wait_until("the late close event", || closed.get()).await;
    wait_for_open_dialog(&w.root).await;
}

// ---- "Your officials" and "Give to each", mounted on their own with the props the app gives.

const ZIP_FEED: &str = r#"{
  "format_version": 1,
  "meta": { "title": "New York", "districts": "us-house-119" },
  "questions": [ { "id": "q", "text": "Q?", "stances": [ { "id": "y", "label": "Yes" } ] } ],
  "officials": [
    { "id": "r10", "name": "Ten Rep", "state": "NY", "position": "Representative", "district": "10",
      "donate_url": "https://secure.actblue.com/donate/ten" },
    { "id": "r12", "name": "Twelve Rep", "state": "NY", "position": "Representative", "district": "12",
      "website": "https://twelve.example.org" },
    { "id": "s1", "name": "Sen Ator", "state": "NY", "position": "Senator", "donate_url": "https://example.org/sen" }
  ]
}"#;

/// Mounts a component with `props` in a fresh element, and the actions it emits.
fn mount_component<C>(props: C::Properties) -> (Mounted2<C>, Element)
where
    C: yew::BaseComponent,
{
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    (Mounted2 { root: root.clone(), handle: Some(handle) }, root)
}

struct Mounted2<C: yew::BaseComponent> {
    root: Element,
    handle: Option<yew::AppHandle<C>>,
}

impl<C: yew::BaseComponent> Drop for Mounted2<C> {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

type Emitted = Rc<std::cell::RefCell<Vec<scorecard::state::Action>>>;

fn recorder() -> (Emitted, yew::Callback<scorecard::state::Action>) {
    let emitted: Emitted = Rc::default();
    let sink = emitted.clone();
    (emitted, yew::Callback::from(move |a| sink.borrow_mut().push(a)))
}

fn zip_feed() -> scorecard::state::FeedRef {
    scorecard::state::FeedRef(Rc::new(load_json(ZIP_FEED.as_bytes()).feed.unwrap()))
}

#[wasm_bindgen_test]
async fn your_officials_lists_each_district_with_a_chooser_and_looks_up_at_the_fifth_digit() {
    use scorecard::components::{YourOfficialsPanel, YourOfficialsProps};
    use scorecard::state::{Action, ZipState, ZipStatus};
    use scorecard_core::your_officials::{find, DistrictChoice};
    use scorecard_core::zip_table::{lookup, Shard, Zip, ZipAnswer};

    let feed = zip_feed();
    let shard = Rc::new(
        Shard::parse(
            br#"{"zip_table":1,"period":"us-house-119","attribution":{"text":"ZIP to district: test"},"prefix":"100",
                 "districts":[{"state":"NY","district":"10","zips":"01"},{"state":"NY","district":"12","zips":"0102"}]}"#,
        )
        .unwrap(),
    );
    let zip = Zip::parse("10001").unwrap();
    let ZipAnswer::Districts(districts) = lookup(Some(&shard), &zip) else { panic!("10001 is in the shard") };
    let your = Rc::new(find(&feed, &districts, shard.period.as_deref()));
    let (emitted, on_action) = recorder();
    let props = YourOfficialsProps {
        feed: feed.clone(),
        zip: ZipState { zip: Some(zip), status: ZipStatus::Found, shard: Some(shard), ..ZipState::default() },
        your: Some(your),
        mine: true,
        question: 0,
        shortlist: Default::default(),
        compare: Vec::new(),
        refcode: None,
        marks: None,
        on_action,
    };
    let (_mounted, root) = mount_component::<YourOfficialsPanel>(props);
    wait_for_text(&root, ".sc-your-title", "Your officials for ZIP code 10001").await;
    assert_eq!(text(&root, ".sc-chooser legend"), "ZIP code 10001 is split between 2 districts. Which is yours?");
    let labels: Vec<String> = query_all(&root, ".sc-chooser label").iter().filter_map(|l| l.text_content()).collect();
    assert_eq!(labels, ["New York, district 10: Ten Rep", "New York, district 12: Twelve Rep", "All 2 districts"]);
    let headings: Vec<String> = query_all(&root, ".sc-your-heading").iter().filter_map(|h| h.text_content()).collect();
    assert_eq!(headings, ["New York, district 10", "New York, district 12", "Senator (New York)"]);
    // Each row with its next step.
    assert!(query(&root, "a[aria-label=\"Give $27 to Ten Rep (opens the campaign's page)\"]").is_some());
    assert!(query(&root, "a[aria-label=\"Contact Twelve Rep (opens their website)\"]").is_some());
    assert!(text(&root, ".sc-your-credit").contains("ZIP to district: test"));

    // Actions are emitted as the events are handled, at once.
    click(&query_all(&root, ".sc-chooser input")[1]);
    assert_eq!(emitted.borrow().last(), Some(&Action::ChooseDistrict(DistrictChoice::One(1))));

    // The lookup starts with the fifth digit, not before; other text waits for Enter.
    let input = query(&root, "input[autocomplete=postal-code]").unwrap();
    emitted.borrow_mut().clear();
    type_text(&input, "0540");
    type_text(&input, "abcde");
    assert!(emitted.borrow().is_empty(), "{:?}", emitted.borrow());
    type_text(&input, "05401");
    assert_eq!(emitted.borrow().as_slice(), [Action::LookUpZip("05401".into())]);
    // Enter (submitting the form) looks it up too.
    emitted.borrow_mut().clear();
    query(&root, "form").unwrap().dyn_ref::<web_sys::HtmlFormElement>().unwrap().request_submit().unwrap();
    assert_eq!(emitted.borrow().as_slice(), [Action::LookUpZip("05401".into())]);
}

#[wasm_bindgen_test]
async fn your_officials_says_what_went_wrong_next_to_the_field() {
    use scorecard::components::{YourOfficialsPanel, YourOfficialsProps};
    use scorecard::state::{ZipState, ZipStatus};

    let (_emitted, on_action) = recorder();
    let props = YourOfficialsProps {
        feed: zip_feed(),
        zip: ZipState {
            status: ZipStatus::Invalid("A ZIP code has five digits and nothing else, like 05401.".into()),
            ..ZipState::default()
        },
        your: None,
        mine: true,
        question: 0,
        shortlist: Default::default(),
        compare: Vec::new(),
        refcode: None,
        marks: None,
        on_action,
    };
    let (_mounted, root) = mount_component::<YourOfficialsPanel>(props);
    let input = wait_for_element(&root, "input[autocomplete=postal-code]").await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    let message_id = described.split(' ').next().unwrap();
    assert_eq!(
        document().get_element_by_id(message_id).and_then(|m| m.text_content()).as_deref(),
        Some("A ZIP code has five digits and nothing else, like 05401.")
    );
    assert_eq!(query_all(&root, ".sc-row").len(), 0);
}

#[wasm_bindgen_test]
async fn give_to_each_asks_after_each_page_and_counts_what_was_given() {
    use scorecard::components::{GiveRunPanel, GiveRunProps};
    use scorecard::state::Action;
    use scorecard_core::give_run::GiveRun;
    use scorecard_core::shortlist::Shortlist;

    let feed = zip_feed();
    let mut list = Shortlist::default();
    for id in ["r10", "r12", "s1"] {
        list.add_official(feed.official(id).unwrap()).unwrap();
    }
    // No run yet: the button that starts one.
    let (emitted, on_action) = recorder();
    let props = GiveRunProps {
        feed: feed.clone(),
        shortlist: list.clone(),
        run: None,
        left_out: Vec::new(),
        refcode: Some("blog".into()),
        on_action: on_action.clone(),
    };
    let (mounted, root) = mount_component::<GiveRunPanel>(props);
    click(&wait_for_element(&root, ".sc-give-start button").await);
    assert_eq!(emitted.borrow().as_slice(), [Action::StartGiving]);
    drop(mounted);

    // A run part-way: Ten Rep given, Sen Ator's page opened. (Twelve Rep has no donation page.)
    let (mut run, left_out) = GiveRun::start(&list, &feed);
    assert_eq!(run.len(), 2);
    run.opened(&list, &feed);
    run.answer(true, &mut list, &feed);
    run.opened(&list, &feed);
    let left_out = left_out.into_iter().map(|(id, why)| (list.get(&id).unwrap().name.clone(), why)).collect();
    let props = GiveRunProps { feed, shortlist: list, run: Some(run), left_out, refcode: None, on_action };
    let (_mounted, root) = mount_component::<GiveRunPanel>(props);
    wait_for_text(&root, ".sc-give-title", "Did you give $27 to Sen Ator?").await;
    assert_eq!(text(&root, ".sc-give-progress"), "Given so far: $27 to 1 official");
    assert_eq!(text(&root, ".sc-give-left-out"), "Left out: Twelve Rep (no donation page in this feed).");
    let again = query(&root, ".sc-give-again a").unwrap();
    assert_eq!(again.get_attribute("href").as_deref(), Some("https://example.org/sen"));
    assert_eq!(again.get_attribute("target").as_deref(), Some("_blank"));
    emitted.borrow_mut().clear();
    let yes = query_all(&root, ".sc-give-actions button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Yes, I gave")
        .unwrap();
    click(&yes);
    assert_eq!(emitted.borrow().as_slice(), [Action::GiveAnswered(true)]);
}

#[wasm_bindgen_test]
async fn the_map_shows_each_states_share_and_its_tiles_pick_states() {
    clear_storage("tmap");
    let w = mount("tmap", "", WidgetOptions::default()).await;
    click(&wait_for_element(&w.root, ".sc-map-toggle").await);
    wait_for_label(&w.root, "Vermont: 2 officials").await;
    assert_eq!(query_all(&w.root, ".sc-tile").len(), 52, "50 states, DC and Puerto Rico");
    let stance_box = query_all(&w.root, ".sc-stances .sc-check")
        .into_iter()
        .find(|label| label.text_content().unwrap_or_default().contains("Endorsed ours"))
        .unwrap();
    click(&query(&stance_box, "input").unwrap());
    // The feed's own words: "Endorsed ours" reads as a verb.
    let vermont = wait_for_label(&w.root, "Vermont: 1 of 2 endorsed ours").await;
    assert_eq!(text(&vermont, ".sc-tile-value"), "50%");
    assert!(vermont.class_list().contains("sc-shade-3"));
    assert_eq!(vermont.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&vermont);
    wait_for_text(&w.root, ".sc-count-number", "1 official").await;
    wait_until("Vermont's tile pressed", || {
        by_label(&w.root, "Vermont: 1 of 2 endorsed ours").get_attribute("aria-pressed").as_deref() == Some("true")
    })
    .await;
    // Arrow keys move the one tab stop: down from Vermont is New York.
    key(&by_label(&w.root, "Vermont: 1 of 2 endorsed ours"), "ArrowDown");
    let new_york = wait_for_label(&w.root, "New York: 1 of 2 endorsed ours").await;
    wait_until("New York is the tab stop", || new_york.get_attribute("tabindex").as_deref() == Some("0")).await;
    assert_eq!(query_all(&w.root, ".sc-tile[tabindex=\"0\"]").len(), 1);
}

#[wasm_bindgen_test]
fn dates_written_from_the_cache_are_the_dates_asked_for() {
    use scorecard::i18n::I18n;
    use scorecard_core::date::Date;
    use scorecard_core::i18n::{Format, Lang};
    let cached = I18n::new(Lang::En);
    // More distinct dates than the cache keeps, each asked for twice, interleaved with others.
    let dates: Vec<Date> =
        (0..300u16).map(|i| Date::new(2000 + i % 25, (i % 12) as u8 + 1, (i % 28) as u8 + 1).unwrap()).collect();
    for (i, date) in dates.iter().enumerate() {
        let fresh = I18n::new(Lang::En).date(*date);
        assert_eq!(cached.date(*date), fresh, "first time: {date:?}");
        assert_eq!(cached.date(dates[i / 2]), I18n::new(Lang::En).date(dates[i / 2]), "again: {:?}", dates[i / 2]);
        assert_eq!(cached.date(*date), fresh, "second time: {date:?}");
    }
    assert_eq!(cached.date(Date::new(2020, 3, 27).unwrap()), "Mar 27, 2020");
}
