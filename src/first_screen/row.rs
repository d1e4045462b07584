//! One official in the results, drawn as `components::OfficialRow` draws them (without the
//! "changed since your last visit" mark: that part comes with the widget).

use scorecard_core::describe;
use scorecard_core::feed::{Feed, Official, Question, Stance, StanceRecord};
use scorecard_core::i18n::Format;
use scorecard_core::money::{Cents, DEFAULT_AMOUNT};
use scorecard_core::next_step::{next_step, NextStep};
use scorecard_core::shortlist::Shortlist;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::El;
use crate::i18n::I18n;
use crate::markup::{
    compare_toggle_label, next_step_class, shortlist_button_words, source_label, tone_class, tone_icon,
};

/// What the rows of one list share (as `components::RowContext`).
pub struct Rows<'a> {
    pub doc: &'a Document,
    pub feed: &'a Feed,
    /// Index into `feed.questions`.
    pub question: usize,
    pub shortlist: &'a Shortlist,
    /// Ids of the officials picked to compare.
    pub compare: &'a [String],
    /// The embedder's ActBlue refcode.
    pub refcode: Option<&'a str>,
    pub tr: &'a I18n,
}

impl Rows<'_> {
    /// The `<article>` of the official at `index` (into `feed.officials`).
    pub fn row(&self, index: usize) -> Result<Element, JsValue> {
        let Rows { doc, feed, question, shortlist, compare, refcode, tr } = self;
        let official = &feed.officials[index];
        let listed = shortlist.contains(&official.id);
        let amount: Cents = shortlist.get(&official.id).map_or(DEFAULT_AMOUNT, |e| e.amount);
        let record = official.stances.get(*question).and_then(Option::as_ref);
        let stance = match record {
            Some(record) => stance_line(doc, &feed.questions[*question], record, tr)?,
            None => El::new(doc, "p")?.class("sc-stance-line")?.child(not_rated_badge(doc, tr)?)?,
        };
        let evidence = match record.and_then(|r| r.evidence.iter().find_map(|e| Some((e, e.url.as_ref()?)))) {
            Some((evidence, url)) => {
                let title = evidence.title.as_deref().unwrap_or_else(|| url.site_name());
                let link = link(doc, url.as_str(), None, Some(&tr.msg(&source_label(official, url.site_name()))))?
                    .text(title)?;
                Some(El::new(doc, "p")?.class("sc-evidence")?.text(&tr.t("row.source"))?.text(" ")?.child(link)?)
            }
            None => None,
        };
        let body = El::new(doc, "div")?
            .class("sc-row-body")?
            .child(
                El::new(doc, "h3")?.class("sc-name")?.child(
                    El::new(doc, "button")?
                        .attr("type", "button")?
                        .class("sc-name-button")?
                        .attr("aria-haspopup", "dialog")?
                        .text(&official.name)?,
                )?,
            )?
            .child(El::new(doc, "p")?.class("sc-office")?.text(&describe::office(feed, official, *tr))?)?
            .child(stance)?
            .child_opt(evidence)?;
        let (label, word) = shortlist_button_words(official, listed);
        let picked = compare.contains(&official.id);
        let actions = El::new(doc, "div")?
            .class("sc-row-actions")?
            .child_opt(next_step_link(doc, &next_step(feed, official, amount, *refcode), &official.name, tr)?)?
            .child(
                El::new(doc, "button")?
                    .attr("type", "button")?
                    .class(if listed { "sc-button sc-add sc-added" } else { "sc-button sc-add" })?
                    .attr("aria-label", &tr.msg(&label))?
                    .attr("data-official", &official.id)?
                    .text(&tr.t(word))?,
            )?
            .child(compare_toggle(doc, official, picked, tr)?)?;
        let article = El::new(doc, "article")?
            .class(if listed { "sc-row sc-row-listed" } else { "sc-row" })?
            .child(body)?
            .child(actions)?;
        Ok(article.into_element())
    }
}

/// As `components::stance_line`.
fn stance_line(doc: &Document, question: &Question, record: &StanceRecord, tr: &I18n) -> Result<El, JsValue> {
    let feed_lang = tr.feed_lang();
    let detail = match &record.detail {
        Some(detail) => {
            Some(El::new(doc, "span")?.class("sc-detail")?.attr_opt("lang", feed_lang.as_deref())?.text(detail)?)
        }
        None => None,
    };
    let date = match record.effective_date() {
        Some(date) => Some(El::new(doc, "span")?.class("sc-date")?.text(&tr.date(date))?),
        None => None,
    };
    El::new(doc, "p")?
        .class("sc-stance-line")?
        .child(badge(doc, &question.stances[record.stance as usize], tr)?)?
        .child_opt(detail)?
        .child_opt(date)
}

/// As `components::stance_badge`.
fn badge(doc: &Document, stance: &Stance, tr: &I18n) -> Result<El, JsValue> {
    let (label, lang) = crate::i18n::shown(stance.label_in(&tr.localize()));
    let badge = El::new(doc, "span")?.class(&format!("sc-badge {}", tone_class(stance.tone)))?;
    let badge = match &stance.color {
        Some(color) => badge.style_property("--sc-stance-color", color)?,
        None => badge,
    };
    badge
        .child(
            El::new(doc, "span")?.class("sc-badge-icon")?.attr("aria-hidden", "true")?.text(tone_icon(stance.tone))?,
        )?
        .child(El::new(doc, "span")?.class("sc-badge-label")?.attr_opt("lang", lang.as_deref())?.text(&label)?)
}

/// As `components::not_rated_badge`.
pub(super) fn not_rated_badge(doc: &Document, tr: &I18n) -> Result<El, JsValue> {
    El::new(doc, "span")?
        .class("sc-badge sc-tone-neutral")?
        .child(El::new(doc, "span")?.class("sc-badge-label")?.text(&tr.msg(&describe::not_rated()))?)
}

/// As `components::compare_toggle`.
pub(super) fn compare_toggle(doc: &Document, official: &Official, picked: bool, tr: &I18n) -> Result<El, JsValue> {
    El::new(doc, "button")?
        .attr("type", "button")?
        .class(if picked {
            "sc-button sc-button-small sc-compare-toggle sc-picked"
        } else {
            "sc-button sc-button-small sc-compare-toggle"
        })?
        .attr("aria-pressed", if picked { "true" } else { "false" })?
        .attr("aria-label", &tr.msg(&compare_toggle_label(official)))?
        .text(&tr.t("compare.toggle"))
}

/// As `components::next_step_link`.
pub(super) fn next_step_link(doc: &Document, step: &NextStep, name: &str, tr: &I18n) -> Result<Option<El>, JsValue> {
    let Some(url) = step.url() else { return Ok(None) };
    let class = format!("sc-button sc-next-step {}", next_step_class(step));
    let label = tr.msg(&step.accessible_msg(name));
    Ok(Some(link(doc, url.as_str(), Some(&class), Some(&label))?.text(&tr.msg(&step.label_msg()))?))
}

/// As `components::external_link`: `href` is a `SafeUrl`'s (https or mailto only).
pub(super) fn link(doc: &Document, href: &str, class: Option<&str>, label: Option<&str>) -> Result<El, JsValue> {
    El::new(doc, "a")?
        .attr("href", href)?
        .attr_opt("class", class)?
        .attr("target", "_blank")?
        .attr("rel", "noopener noreferrer")?
        .attr_opt("aria-label", label)
}
