//! The copy of the first screen the loader shows before the wasm is ready (`web/embed.js`): the
//! widget's default view for a bundled feed, rendered at build time by these same components
//! (`crates/scorecard-prerender`). Once this module is in, it loads the feed and makes the copy
//! live ([`Live`]); the widget then starts from the feed it loaded and the state it reached, and
//! removes the copy in the frame its own screen is drawn.

use std::cell::RefCell;

use scorecard_core::i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};

use super::Live;
use crate::loading::{load_from_url, Fetched};
use crate::options::WidgetOptions;
use crate::state::AppState;

/// Marks the loader's copy of the first screen in the widget's root.
pub const SNAPSHOT: &str = "data-sc-snapshot";
/// Carries an official's id on their "Add" button, in the copy and in the widget alike.
pub const OFFICIAL: &str = "data-official";

pub struct FirstScreen {
    snapshot: web_sys::Element,
    /// What the loader shares with this module: `{ adds: [...] }`, the ids added from the copy
    /// before it, in order; `live` is set here once the copy is live (the loader's own handling
    /// of "Add" then stops).
    handoff: JsValue,
    /// The feed as loaded for the copy, until the widget takes it.
    fetched: RefCell<Option<Result<Fetched, Msg>>>,
    live: RefCell<Option<Live>>,
}

/// What the widget starts from: the state the live copy reached, or (when it never went live)
/// the officials added from the copy.
pub enum Handover {
    State(Box<AppState>),
    Adds(Vec<String>),
}

impl FirstScreen {
    /// The copy beside `app` (the element the widget renders into), if the loader put one
    /// there, and what the loader shares in `handoff`.
    pub fn find(app: &web_sys::Element, handoff: &JsValue) -> Option<FirstScreen> {
        let root = app.parent_element()?;
        let snapshot = root.query_selector(&format!(":scope > [{SNAPSHOT}]")).ok().flatten()?;
        // The widget draws in the background meanwhile; showing both would show two lists.
        let _ = app.set_attribute("hidden", "");
        Some(FirstScreen { snapshot, handoff: handoff.clone(), fetched: RefCell::default(), live: RefCell::default() })
    }

    /// Loads the feed at `url` and makes the copy live on it, from the widget's first state (what
    /// the browser kept, and the officials added from the copy so far). The feed is kept, read
    /// or not, for the widget ([`FirstScreen::take_fetched`]).
    pub(crate) async fn open(&self, url: &str, options: &WidgetOptions) {
        let fetched = load_from_url(url, options).await;
        if let Ok(Fetched::Feed(loaded)) = &fetched {
            let state = crate::start::initial_state(loaded, options, &self.loader_adds());
            if let Some(live) = Live::start(&self.snapshot, state, options.embed.refcode.clone()) {
                self.clear_loader_adds();
                let _ = js_sys::Reflect::set(&self.handoff, &"live".into(), &JsValue::TRUE);
                *self.live.borrow_mut() = Some(live);
            }
        }
        *self.fetched.borrow_mut() = Some(fetched);
    }

    /// The feed loaded for the copy, once (the widget's first load takes it instead of fetching).
    pub(crate) fn take_fetched(&self) -> Option<Result<Fetched, Msg>> {
        self.fetched.borrow_mut().take()
    }

    /// Stops the copy and gives what the widget starts from.
    pub fn take(&self) -> Handover {
        match self.live.borrow_mut().take() {
            Some(live) => Handover::State(Box::new(live.take())),
            None => {
                let adds = self.loader_adds();
                self.clear_loader_adds();
                Handover::Adds(adds)
            }
        }
    }

    fn adds_array(&self) -> js_sys::Array {
        js_sys::Reflect::get(&self.handoff, &"adds".into())
            .ok()
            .and_then(|a| a.dyn_into::<js_sys::Array>().ok())
            .unwrap_or_default()
    }

    /// The ids the loader kept for "Add" pressed on the copy, in order.
    fn loader_adds(&self) -> Vec<String> {
        self.adds_array().iter().filter_map(|id| id.as_string()).collect()
    }

    fn clear_loader_adds(&self) {
        self.adds_array().set_length(0);
    }

    /// Removes the copy: the widget's own screen is in place. A reader who had a control of the
    /// copy focused finds the focus on the same control of the widget (an official's "Add", or
    /// the same filter), once the widget's rows are drawn (they come after its first render, as
    /// child components).
    pub fn remove(&self) {
        let same = super::focused_within(&self.snapshot).and_then(|active| Focused::of(&self.snapshot, &active));
        let root = self.snapshot.parent_element();
        if let Some(app) = self.snapshot.next_element_sibling() {
            let _ = app.remove_attribute("hidden");
        }
        self.snapshot.remove();
        if let Some((same, root)) = same.zip(root) {
            crate::browser::after_paint(move || same.focus_in(&root));
        }
    }
}

/// A focused control of the copy, said so that the widget's own can be found.
enum Focused {
    /// An official's "Add" (or "Remove").
    Add(String),
    /// The filters' `n`th field (the copy's filters are the widget's, field for field), and
    /// where the caret was in it.
    Filter(u32, Option<u32>),
}

/// The fields of the filters, in order.
const FILTER_FIELDS: &str = ".sc-filters input, .sc-filters select, .sc-filters button";

impl Focused {
    fn of(copy: &web_sys::Element, active: &web_sys::Element) -> Option<Focused> {
        if let Some(id) = active.get_attribute(OFFICIAL) {
            return Some(Focused::Add(id));
        }
        let fields = copy.query_selector_all(FILTER_FIELDS).ok()?;
        let n = (0..fields.length()).find(|&i| fields.item(i).is_some_and(|f| f.is_same_node(Some(active))))?;
        let caret = active.dyn_ref::<web_sys::HtmlInputElement>().and_then(|i| i.selection_start().ok().flatten());
        Some(Focused::Filter(n, caret))
    }

    fn focus_in(self, root: &web_sys::Element) {
        let target = match &self {
            Focused::Add(id) => {
                root.query_selector(&format!(".sc-add[{OFFICIAL}=\"{}\"]", id.replace(['"', '\\'], ""))).ok().flatten()
            }
            Focused::Filter(n, _) => root
                .query_selector_all(FILTER_FIELDS)
                .ok()
                .and_then(|fields| fields.item(*n))
                .and_then(|f| f.dyn_into::<web_sys::Element>().ok()),
        };
        let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        let _ = target.focus();
        if let (Focused::Filter(_, Some(caret)), Some(input)) = (&self, target.dyn_ref::<web_sys::HtmlInputElement>()) {
            let _ = input.set_selection_range(*caret, *caret);
        }
    }
}

impl PartialEq for FirstScreen {
    fn eq(&self, other: &Self) -> bool {
        self.snapshot == other.snapshot
    }
}

impl std::fmt::Debug for FirstScreen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstScreen").field("live", &self.live.borrow().is_some()).finish_non_exhaustive()
    }
}
