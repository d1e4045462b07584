//! The copy of the first screen, live: the reader filters by stance, name, position and party,
//! sorts, scrolls the whole list and adds officials to the shortlist before the widget is in.
//! Every change is one of the core's `Action`s on the widget's own `AppState`, and the widget
//! starts from that state when it takes over (`Live::take`), so nothing a reader did is lost.
//!
//! What waits for the widget stays inert, as in the loader's copy: the state picker, the ZIP
//! code, details, "Compare", the downloads and the shortlist's own controls.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use scorecard_core::app_state::AppState;
use scorecard_core::filter::{self, FilterResult, SortKey, StanceChoice};
use scorecard_core::i18n::{Format, Lang};
use scorecard_core::list_window::{self, VisibleWindow, FALLBACK_ROW_HEIGHT, FALLBACK_VIEWPORT};
use scorecard_core::wording::{count_line, results_summary};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use super::dom::El;
use super::entry::Entries;
use super::row::{not_rated_badge, Rows};
use crate::i18n::I18n;
use crate::state::Action;

/// The live copy. Dropping it (or [`Live::take`]) stops it: its listeners go with it.
pub struct Live {
    screen: Rc<RefCell<Screen>>,
    _listeners: Vec<EventListener>,
}

impl Live {
    /// Makes `copy` (the loader's `[data-sc-snapshot]` element, the feed's default view as the
    /// prerenderer drew it) live from `state`, the widget's first state. `None` when the copy is
    /// not the markup expected (it then stays as the loader left it, until the widget is in).
    pub fn start(copy: &Element, state: AppState, refcode: Option<String>) -> Option<Live> {
        let doc = copy.owner_document()?;
        let parts = Parts::find(copy)?;
        let tr = I18n::for_feed(Lang::En, state.feed.meta.language());
        let result = filter::run(&state.feed, &state.filter);
        let total = result.matches.len();
        // The copy's rows: the first of the default view, nobody listed or picked.
        let rows = element_children(&parts.list)
            .into_iter()
            .zip(&result.matches)
            .enumerate()
            .map(|(place, (li, &official))| Slot { place, li, drawn: Drawn { official, listed: false, picked: false } })
            .collect();
        let screen = Screen {
            doc,
            window: VisibleWindow::first(total, FALLBACK_ROW_HEIGHT),
            state,
            result,
            tr,
            refcode,
            parts,
            rows,
            clear: None,
            empty: None,
            not_rated: None,
        };
        let screen = Rc::new(RefCell::new(screen));
        screen.borrow().parts.open_up();
        screen.borrow_mut().paint_all();
        let listeners = listen(copy, &screen);
        measure_later(Rc::downgrade(&screen));
        Some(Live { screen, _listeners: listeners })
    }

    /// Stops the screen and gives the state it reached, for the widget to start from.
    pub fn take(self) -> AppState {
        let Live { screen, _listeners: listeners } = self;
        drop(listeners);
        let state = screen.borrow().state.clone();
        state
    }

    /// Applies `action` as a reader's click or key would (for tests).
    pub fn dispatch(&self, action: Action) {
        self.screen.borrow_mut().dispatch(action);
    }
}

/// The elements of the copy the screen updates.
struct Parts {
    filters: Element,
    stances: Element,
    search: HtmlInputElement,
    position: Option<HtmlSelectElement>,
    party: Option<HtmlSelectElement>,
    sort: Option<HtmlSelectElement>,
    head: Element,
    /// The results' "Download CSV" (it waits for the widget; shown while there are results).
    download: Option<Element>,
    count: Element,
    summary: Element,
    list: Element,
    shortlist: Element,
}

impl Parts {
    fn find(copy: &Element) -> Option<Parts> {
        let one = |selector: &str| copy.query_selector(selector).ok().flatten();
        let select = |selector: &str| one(selector).and_then(|e| e.dyn_into::<HtmlSelectElement>().ok());
        Some(Parts {
            filters: one(".sc-filters")?,
            stances: one(".sc-filters .sc-stances")?,
            search: one(".sc-filters input[type=search]")?.dyn_into().ok()?,
            position: select(".sc-field-position select"),
            party: select(".sc-field-party select"),
            sort: select(".sc-field-sort select"),
            head: one(".sc-results .sc-results-head")?,
            download: one(".sc-results .sc-results-head > button"),
            count: one(".sc-results .sc-count > [aria-hidden]")?,
            summary: one(".sc-results .sc-summary")?,
            list: one(".sc-results ol.sc-list")?,
            shortlist: one(".sc-shortlist")?,
        })
    }

    /// The loader made the copy's controls inert; these now work. What still waits for the
    /// widget stays inert (the state picker, and the head's download).
    fn open_up(&self) {
        for part in [&self.filters, &self.head] {
            let _ = part.remove_attribute("inert");
        }
        for waiting in
            self.filters.query_selector_all(".sc-combobox").into_iter().chain(self.head.query_selector_all("button"))
        {
            for i in 0..waiting.length() {
                if let Some(element) = waiting.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = element.set_attribute("inert", "");
                }
            }
        }
    }
}

/// What a row shows: whom, and the two things that change on it.
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    official: u32,
    listed: bool,
    picked: bool,
}

/// One `<li>` of the list, at its place in the results.
struct Slot {
    place: usize,
    li: Element,
    drawn: Drawn,
}

struct Screen {
    doc: Document,
    state: AppState,
    result: FilterResult,
    tr: I18n,
    refcode: Option<String>,
    parts: Parts,
    window: VisibleWindow,
    /// The list's rows, in order.
    rows: Vec<Slot>,
    /// Drawn here, when shown: the filters' "Clear filters", the results' "no match" block, the
    /// "Not rated" stance toggle.
    clear: Option<Element>,
    empty: Option<Element>,
    not_rated: Option<Element>,
}

impl Screen {
    fn dispatch(&mut self, action: Action) {
        let (filter, shortlist) = (self.state.filter.clone(), self.state.shortlist.clone());
        self.state.reduce(action, None);
        if self.state.filter != filter {
            self.result = filter::run(&self.state.feed, &self.state.filter);
            self.window = self.window.within(self.result.matches.len());
            let _ = self.paint_filters();
            let _ = self.paint_results();
        } else if self.state.shortlist != shortlist {
            let _ = self.paint_rows();
        }
        if self.state.shortlist != shortlist {
            let _ = self.paint_shortlist();
        }
    }

    fn paint_all(&mut self) {
        let _ = self.paint_filters();
        let _ = self.paint_results();
        let _ = self.paint_shortlist();
    }

    /// As `components::FilterPanel`: the controls' values, each choice's count, "Clear filters".
    fn paint_filters(&mut self) -> Result<(), JsValue> {
        let Screen { doc, state, result, tr, parts, .. } = self;
        let filter = &state.filter;
        let facets = &result.facets;
        let question = &state.feed.questions[result.question];
        let toggles = parts.stances.query_selector_all("label.sc-check")?;
        for (i, stance) in question.stances.iter().enumerate() {
            let Some(label) = toggles.item(i as u32).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            paint_toggle(
                &label,
                filter.stances.contains(&StanceChoice::Stance(stance.id.clone())),
                facets.stances[i],
                tr,
            )?;
        }
        let not_rated_on = filter.stances.contains(&StanceChoice::NotRated);
        shown_while(&mut self.not_rated, facets.not_rated > 0 || not_rated_on, || {
            let label = El::new(doc, "label")?
                .class("sc-check")?
                .child(El::new(doc, "input")?.attr("type", "checkbox")?)?
                .child(not_rated_badge(doc, tr)?)?
                .child(El::new(doc, "span")?.class("sc-facet-count")?)?
                .into_element();
            parts.stances.append_child(&label)?;
            Ok(label)
        })?;
        if let Some(label) = &self.not_rated {
            paint_toggle(label, not_rated_on, facets.not_rated, tr)?;
        }
        if parts.search.value() != filter.name {
            parts.search.set_value(&filter.name);
        }
        let feed = &state.feed;
        let first = |set: &std::collections::BTreeSet<String>| set.iter().next().cloned().unwrap_or_default();
        if let Some(select) = &parts.position {
            paint_counted(select, &feed.positions, &facets.positions, &first(&filter.positions));
        }
        if let Some(select) = &parts.party {
            paint_counted(select, &feed.parties, &facets.parties, &first(&filter.parties));
        }
        if let Some(select) = &parts.sort {
            select.set_value(filter.sort.as_str());
        }
        shown_while(&mut self.clear, filter.is_filtering(), || {
            let button = clear_button(doc, tr)?;
            parts.filters.append_child(&button)?;
            Ok(button)
        })
    }

    /// As `components::Results`: the count, the sentence screen readers hear, "no match", the rows.
    fn paint_results(&mut self) -> Result<(), JsValue> {
        let Screen { doc, state, result, tr, parts, .. } = self;
        let total = result.matches.len();
        let line = count_line(total, result.matching_states);
        let number = El::new(doc, "strong")?.class("sc-count-number")?.text(&tr.msg(&line.number))?.into_element();
        parts.count.replace_children_with_node_1(&number);
        if let Some(place) = &line.place {
            parts.count.append_with_str_1(&tr.msg(place))?;
        }
        let summary = results_summary(
            &state.feed,
            &state.filter,
            result,
            |s| s.label_in(&tr.localize()).text.to_string(),
            tr.lang(),
        );
        parts.summary.set_text_content(Some(&tr.msg(&summary)));
        // The download waits for the widget; it is there while there are results, as there.
        match &parts.download {
            Some(download) if total == 0 => download.remove(),
            Some(download) if !download.is_connected() => parts.head.append_child(download).map(|_| ())?,
            _ => {}
        }
        shown_while(&mut self.empty, total == 0, || {
            let block = El::new(doc, "div")?
                .class("sc-empty")?
                .child(El::new(doc, "p")?.text(&tr.t("results.none"))?)?
                .into_element();
            if state.filter.is_filtering() {
                let button = clear_button(doc, tr)?;
                block.append_child(&button)?;
            }
            parts.list.before_with_node_1(&block)?;
            Ok(block)
        })?;
        let windowed = list_window::windowed(total);
        parts.list.set_attribute("class", if windowed { "sc-list sc-list-windowed" } else { "sc-list" })?;
        self.paint_rows()
    }

    /// The rows in the window (all of them in a short list), each kept at its place in the
    /// results as the widget keys them: scrolling adds and removes rows at the ends, and a row
    /// is drawn again only when it shows someone else or its official was added or removed.
    fn paint_rows(&mut self) -> Result<(), JsValue> {
        let total = self.result.matches.len();
        let windowed = list_window::windowed(total);
        let (start, end) = if windowed { (self.window.start, self.window.end.min(total)) } else { (0, total) };
        let focused = self.focused_add();
        let Screen { doc, state, result, tr, refcode, parts, rows, .. } = self;
        let draw = Rows {
            doc,
            feed: &state.feed,
            question: result.question,
            shortlist: &state.shortlist,
            compare: &state.compare,
            refcode: refcode.as_deref(),
            tr,
        };
        rows.retain(|slot| {
            let keep = (start..end).contains(&slot.place);
            if !keep {
                slot.li.remove();
            }
            keep
        });
        let first_kept = rows.first().map_or(end, |slot| slot.place);
        let last_kept = rows.last().map_or(start, |slot| slot.place + 1);
        let before = rows.first().map(|slot| slot.li.clone());
        let mut fresh = Vec::new();
        for place in (start..first_kept).chain(last_kept.max(first_kept)..end) {
            let li = El::new(doc, "li")?.class("sc-slot")?.into_element();
            match (&before, place < first_kept) {
                (Some(first), true) => first.before_with_node_1(&li)?,
                _ => parts.list.append_child(&li).map(|_| ())?,
            }
            fresh.push(Slot { place, li, drawn: Drawn { official: u32::MAX, listed: false, picked: false } });
        }
        rows.extend(fresh);
        rows.sort_by_key(|slot| slot.place);
        let setsize = total.to_string();
        for slot in rows.iter_mut() {
            let official = result.matches[slot.place];
            let id = &state.feed.officials[official as usize].id;
            let want = Drawn { official, listed: state.shortlist.contains(id), picked: state.compare.contains(id) };
            slot.li.set_attribute("aria-setsize", &setsize)?;
            slot.li.set_attribute("aria-posinset", &(slot.place + 1).to_string())?;
            if slot.drawn != want {
                let row = draw.row(official as usize)?;
                // What waits for the widget: details and "Compare".
                for waiting in [".sc-name-button", ".sc-compare-toggle"] {
                    if let Some(button) = row.query_selector(waiting)? {
                        button.set_attribute("inert", "")?;
                    }
                }
                slot.li.replace_children_with_node_1(&row);
                slot.drawn = want;
                if focused.as_deref() == Some(id.as_str()) {
                    focus_add(&row);
                }
            }
        }
        // Padding stands in for the rows not drawn, so the scrollbar and positions stay true.
        let style = parts.list.dyn_ref::<HtmlElement>().map(HtmlElement::style);
        if let Some(style) = style {
            if windowed {
                style.set_property("padding-top", &format!("{}px", self.window.spacer_px(start)))?;
                style.set_property("padding-bottom", &format!("{}px", self.window.spacer_px(total - end)))?;
            } else {
                style.remove_property("padding-top")?;
                style.remove_property("padding-bottom")?;
            }
        }
        Ok(())
    }

    /// As `components::ShortlistPanel`'s title and entries (the total and sharing come with the
    /// widget).
    fn paint_shortlist(&mut self) -> Result<(), JsValue> {
        let Screen { doc, state, tr, refcode, parts, .. } = self;
        let panel = &parts.shortlist;
        let count = state.shortlist.len();
        if let Some(title) = panel.query_selector(".sc-shortlist-title")? {
            if let Some(old) = title.query_selector(".sc-shortlist-count")? {
                old.remove();
            }
            if count > 0 {
                let number = format!(" ({})", tr.number(count as u64));
                title
                    .append_child(&El::new(doc, "span")?.class("sc-shortlist-count")?.text(&number)?.into_element())?;
            }
            if let Some(empty) = panel.query_selector(".sc-empty-note")? {
                empty.toggle_attribute_with_force("hidden", count > 0)?;
            }
            let list = match panel.query_selector(".sc-entries")? {
                Some(list) => list,
                None => {
                    let list = El::new(doc, "ol")?.class("sc-entries")?.into_element();
                    title.after_with_node_1(&list)?;
                    list
                }
            };
            let draw = Entries {
                doc,
                feed: &state.feed,
                compare: &state.compare,
                amount_drafts: &state.amount_drafts,
                refcode: refcode.as_deref(),
                count,
                tr,
            };
            let entries = js_sys::Array::new();
            for (i, entry) in state.shortlist.entries().iter().enumerate() {
                let entry = draw.entry(i, entry)?;
                entries.push(&entry);
            }
            list.replace_children_with_node(&entries);
            list.toggle_attribute_with_force("hidden", count == 0)?;
        }
        Ok(())
    }

    /// The id on the "Add" (or "Remove") button that has the focus, if one has.
    fn focused_add(&self) -> Option<String> {
        let active = super::focused_within(&self.parts.list)?;
        if !active.class_list().contains("sc-add") {
            return None;
        }
        active.get_attribute(super::OFFICIAL)
    }

    /// Measures the list as `hooks::use_visible_window` does, and draws the rows of the window.
    fn measure(&mut self) {
        let total = self.result.matches.len();
        if !list_window::windowed(total) {
            return;
        }
        let Some(window) = crate::browser::window() else { return };
        let row_height = self
            .parts
            .list
            .query_selector(".sc-slot")
            .ok()
            .flatten()
            .and_then(|row| row.dyn_into::<HtmlElement>().ok())
            .map(|row| f64::from(row.offset_height()))
            .filter(|h| *h > 0.0)
            .unwrap_or(self.window.row_height);
        let viewport = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(FALLBACK_VIEWPORT);
        let next = VisibleWindow::at(total, row_height, viewport, self.parts.list.get_bounding_client_rect().top());
        if next != self.window {
            self.window = next;
            let _ = self.paint_rows();
        }
    }
}

/// Keeps an element the screen draws itself in `slot` while it is `wanted`: made (and put in its
/// place) by `make` when it is wanted and not there, removed when it is there and not wanted.
fn shown_while(
    slot: &mut Option<Element>,
    wanted: bool,
    make: impl FnOnce() -> Result<Element, JsValue>,
) -> Result<(), JsValue> {
    match (wanted, slot.take()) {
        (true, None) => *slot = Some(make()?),
        (false, Some(element)) => element.remove(),
        (_, kept) => *slot = kept,
    }
    Ok(())
}

/// A stance's toggle: checked as the filter says, with its count.
fn paint_toggle(label: &Element, checked: bool, count: u32, tr: &I18n) -> Result<(), JsValue> {
    if let Some(input) = label.query_selector("input")?.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
        input.set_checked(checked);
    }
    if let Some(number) = label.query_selector(".sc-facet-count")? {
        number.set_text_content(Some(&tr.number(count.into())));
    }
    Ok(())
}

/// A choice among a feed's values with their counts (as `counted_select`): "all" first.
fn paint_counted(select: &HtmlSelectElement, values: &[String], counts: &[u32], selected: &str) {
    // Options are the select's children (no groups).
    let options = select.children();
    for (i, (value, count)) in values.iter().zip(counts).enumerate() {
        if let Some(option) = options.item(i as u32 + 1) {
            let text = format!("{value} — {count}");
            if option.text_content().as_deref() != Some(text.as_str()) {
                option.set_text_content(Some(&text));
            }
        }
    }
    if select.value() != selected {
        select.set_value(selected);
    }
}

/// "Clear filters", as the filters and the "no match" block show it.
fn clear_button(doc: &Document, tr: &I18n) -> Result<Element, JsValue> {
    Ok(El::new(doc, "button")?
        .attr("type", "button")?
        .class("sc-button sc-button-quiet")?
        .text(&tr.t("filters.clear"))?
        .into_element())
}

fn element_children(parent: &Element) -> Vec<Element> {
    let children = parent.children();
    (0..children.length()).filter_map(|i| children.item(i)).collect()
}

fn focus_add(row: &Element) {
    if let Some(button) = row.query_selector(".sc-add").ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// Measures once the page has painted (as the widget does: the layout is then in place).
fn measure_later(screen: Weak<RefCell<Screen>>) {
    let _ = crate::browser::after_paint(move || {
        if let Some(screen) = screen.upgrade() {
            screen.borrow_mut().measure();
        }
    });
}

/// The reader's clicks, ticks, typing and scrolling, as actions on the screen.
fn listen(copy: &Element, screen: &Rc<RefCell<Screen>>) -> Vec<EventListener> {
    let on = |target: &web_sys::EventTarget,
              kind: &'static str,
              handle: fn(&mut Screen, &web_sys::Event) -> Option<Action>| {
        let screen = Rc::downgrade(screen);
        EventListener::new(target, kind, move |event| {
            let Some(screen) = screen.upgrade() else { return };
            let action = handle(&mut screen.borrow_mut(), event);
            if let Some(action) = action {
                screen.borrow_mut().dispatch(action);
                measure_later(Rc::downgrade(&screen));
            }
        })
    };
    let mut listeners = vec![on(copy, "click", clicked), on(copy, "change", changed), on(copy, "input", typed)];
    if let Some(window) = crate::browser::window() {
        for kind in ["scroll", "resize"] {
            let screen = Rc::downgrade(screen);
            listeners.push(EventListener::new(&window, kind, move |_| {
                if let Some(screen) = screen.upgrade() {
                    screen.borrow_mut().measure();
                }
            }));
        }
    }
    listeners
}

fn target_element(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// "Add" or "Remove" on a row; "Clear filters".
fn clicked(screen: &mut Screen, event: &web_sys::Event) -> Option<Action> {
    let target = target_element(event)?;
    let button = target.closest("button").ok().flatten()?;
    let clears = screen.clear.as_ref() == Some(&button)
        || screen.empty.as_ref().is_some_and(|block| block.contains(Some(&button)));
    if clears {
        return Some(Action::ClearFilters);
    }
    if !button.matches(".sc-add[data-official]").unwrap_or(false) || !screen.parts.list.contains(Some(&button)) {
        return None;
    }
    let id = button.get_attribute(super::OFFICIAL)?;
    Some(if screen.state.shortlist.contains(&id) { Action::Remove { id } } else { Action::Add { id } })
}

/// A stance ticked; a position, party or order chosen.
fn changed(screen: &mut Screen, event: &web_sys::Event) -> Option<Action> {
    let target = target_element(event)?;
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        let value = select.value();
        let is = |part: &Option<HtmlSelectElement>| part.as_ref().is_some_and(|p| p == select);
        return if is(&screen.parts.position) {
            Some(Action::SetPosition(value))
        } else if is(&screen.parts.party) {
            Some(Action::SetParty(value))
        } else if is(&screen.parts.sort) {
            Some(Action::SetSort(SortKey::parse(&value).unwrap_or_default()))
        } else {
            None
        };
    }
    let label = target.closest("label.sc-check").ok().flatten()?;
    if screen.not_rated.as_ref() == Some(&label) {
        return Some(Action::ToggleStance(StanceChoice::NotRated));
    }
    let toggles = element_children(&screen.parts.stances);
    let i = toggles.iter().filter(|e| e.matches("label.sc-check").unwrap_or(false)).position(|e| *e == label)?;
    let question = &screen.state.feed.questions[screen.result.question];
    Some(Action::ToggleStance(StanceChoice::Stance(question.stances.get(i)?.id.clone())))
}

/// A name typed into the search.
fn typed(screen: &mut Screen, event: &web_sys::Event) -> Option<Action> {
    let target = target_element(event)?;
    (target == *screen.parts.search.unchecked_ref::<Element>()).then(|| Action::SetName(screen.parts.search.value()))
}
