//! One entry of the shortlist, drawn as `components::shortlist_entry` draws it: the first screen
//! lists what a reader adds before the widget is in (its amounts and buttons wait for the widget,
//! which also adds the total and sharing).

use scorecard_core::app_state::amount_field;
use scorecard_core::describe;
use scorecard_core::feed::shards::presence;
use scorecard_core::feed::Feed;
use scorecard_core::i18n::Msg;
use scorecard_core::next_step::{next_step, NextStep};
use scorecard_core::shortlist::Entry;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::El;
use super::row::{compare_toggle, link, next_step_link};
use crate::i18n::I18n;

/// What every entry of the panel shares (as `components::EntryContext`, without the amounts'
/// errors: an amount is only typed once the widget is in).
pub struct Entries<'a> {
    pub doc: &'a Document,
    pub feed: &'a Feed,
    pub compare: &'a [String],
    pub amount_drafts: &'a BTreeMap<String, String>,
    pub refcode: Option<&'a str>,
    /// How many entries there are.
    pub count: usize,
    pub tr: &'a I18n,
}

impl Entries<'_> {
    /// Entry number `i` (from 0).
    pub fn entry(&self, i: usize, entry: &Entry) -> Result<Element, JsValue> {
        let Entries { doc, feed, compare, amount_drafts, refcode, count, tr } = self;
        let official = feed.official(&entry.id);
        let name = entry.name.as_str();
        let give = match official {
            Some(o) => match next_step(feed, o, entry.amount, *refcode) {
                step @ (NextStep::Give { .. } | NextStep::FindDonationPage { .. }) => {
                    next_step_link(doc, &step, name, tr)?
                }
                step => {
                    let no_donate = El::new(doc, "span")?.class("sc-no-donate")?.text(&tr.t("entry.no_donate"))?;
                    Some(match step.url() {
                        Some(url) => no_donate.text(" · ")?.child(
                            link(doc, url.as_str(), None, Some(&tr.msg(&step.accessible_msg(name))))?
                                .text(&tr.msg(&step.label_msg()))?,
                        )?,
                        None => no_donate,
                    })
                }
            },
            None => {
                let presence = presence(feed, entry, None);
                Some(El::new(doc, "span")?.class("sc-gone")?.text(&tr.msg(&describe::absent(presence, entry.state)))?)
            }
        };
        let tool = |key: &'static str, icon: &str, disabled: bool| -> Result<El, JsValue> {
            let button = El::new(doc, "button")?.attr("type", "button")?.class("sc-icon-button")?;
            let button = if disabled { button.attr("disabled", "disabled")? } else { button };
            button.attr("aria-label", &tr.msg(&Msg::new(key).text("name", name)))?.text(icon)
        };
        let office = match official {
            Some(o) => Some(El::new(doc, "span")?.class("sc-entry-office")?.text(&describe::office(feed, o, *tr))?),
            None => None,
        };
        let head = El::new(doc, "div")?
            .class("sc-entry-head")?
            .child(
                El::new(doc, "div")?
                    .class("sc-entry-who")?
                    .child(El::new(doc, "span")?.class("sc-entry-name")?.text(name)?)?
                    .child_opt(office)?,
            )?
            .child(
                El::new(doc, "span")?
                    .class("sc-entry-tools")?
                    .child(tool("entry.up", "↑", i == 0)?)?
                    .child(tool("entry.down", "↓", i + 1 == *count)?)?
                    .child(tool("row.remove.named", "×", false)?)?,
            )?;
        let amount = El::new(doc, "label")?
            .class("sc-amount")?
            .child(El::new(doc, "span")?.class("sc-amount-prefix")?.attr("aria-hidden", "true")?.text("$")?)?
            .child(
                El::new(doc, "input")?
                    .attr("type", "text")?
                    .attr("inputmode", "decimal")?
                    .attr("autocomplete", "off")?
                    .value(&amount_field(amount_drafts, entry))?
                    .attr("aria-label", &tr.msg(&Msg::new("entry.amount").text("name", name)))?,
            )?;
        let given = El::new(doc, "label")?
            .class("sc-given")?
            .child(
                El::new(doc, "input")?
                    .attr("type", "checkbox")?
                    .checked(entry.given)?
                    .attr("aria-label", &tr.msg(&Msg::new("entry.given.named").text("name", name)))?,
            )?
            .child(El::new(doc, "span")?.attr("aria-hidden", "true")?.text(&tr.t("entry.given"))?)?;
        let compare = match official {
            Some(o) => Some(compare_toggle(doc, o, compare.contains(&entry.id), tr)?),
            None => None,
        };
        let controls = El::new(doc, "div")?
            .class("sc-entry-controls")?
            .child(amount)?
            .child_opt(give)?
            .child(given)?
            .child_opt(compare)?;
        let li = El::new(doc, "li")?
            .class(if entry.given { "sc-entry sc-entry-given" } else { "sc-entry" })?
            .attr("data-official", &entry.id)?
            .child(head)?
            .child(controls)?;
        Ok(li.into_element())
    }
}
