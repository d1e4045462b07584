//! The filter panel: question, states, stances (with live counts), name search, position,
//! party and sort. Counts come from the core's facets; this only renders them.

use std::rc::Rc;

use scorecard_core::filter::{FilterResult, FilterSpec, SortKey, StanceChoice};
use scorecard_core::states::State;
use yew::prelude::*;

use super::{control_value, not_rated_badge, use_id, StanceBadge, StatePicker};
use crate::i18n::use_i18n;
use crate::state::{Action, FeedRef};
use scorecard_core::i18n::{Format, Msg};

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub feed: FeedRef,
    pub filter: FilterSpec,
    pub result: Rc<FilterResult>,
    /// The state picker's choices when they are not the feed's own states: a sharded feed
    /// offers every state in its index, loaded or not.
    #[prop_or_default]
    pub states_available: Option<Vec<(State, u32)>>,
    /// False while a sharded feed waits for a state to be picked: no officials are loaded, so
    /// stance counts would all read 0; they are left out rather than shown wrong.
    #[prop_or(true)]
    pub counts_known: bool,
    /// How many officials changed or are new since the reader's last visit (`None`: no
    /// "Changed" filter), and whether it is on.
    #[prop_or_default]
    pub changed: Option<usize>,
    #[prop_or_default]
    pub only_changed: bool,
    pub on_action: Callback<Action>,
}

#[function_component(FilterPanel)]
pub fn filter_panel(props: &FilterPanelProps) -> Html {
    let tr = use_i18n();
    let FilterPanelProps { feed, filter, result, states_available, counts_known, changed, only_changed, on_action } =
        props;
    let question = &feed.questions[result.question];
    let facets = &result.facets;

    let on_question = on_action.reform(|e: Event| Action::SetQuestion(control_value(&e)));
    let on_name = on_action.reform(|e: InputEvent| Action::SetName(control_value(&e)));
    let on_position = on_action.reform(|e: Event| Action::SetPosition(control_value(&e)));
    let on_party = on_action.reform(|e: Event| Action::SetParty(control_value(&e)));
    let on_sort = on_action.reform(|e: Event| Action::SetSort(SortKey::parse(&control_value(&e)).unwrap_or_default()));
    let on_clear = on_action.reform(|_| Action::ClearFilters);

    // One pass over the feed, once per feed, not per render.
    let states_in_feed = use_memo(feed.clone(), |feed| {
        scorecard_core::filter::states_in_feed(feed).into_iter().map(|(state, _)| state).collect::<Vec<State>>()
    });
    let stance_toggle = |choice: StanceChoice, label: Html, count: u32| {
        let checked = filter.stances.contains(&choice);
        let on_change = {
            let choice = choice.clone();
            on_action.reform(move |_: Event| Action::ToggleStance(choice.clone()))
        };
        html! {
            <label class="sc-check">
                <input type="checkbox" checked={checked} onchange={on_change} />
                { label }
                if *counts_known {
                    <span class="sc-facet-count">{ tr.number(count.into()) }</span>
                }
            </label>
        }
    };
    let ids = use_id("filters");
    let to = tr.localize();
    let (question_text, question_lang) = crate::i18n::shown(question.text_in(&to));
    let id = |field: &str| format!("{ids}-{field}");
    let selected_position = filter.positions.iter().next().cloned().unwrap_or_default();
    let selected_party = filter.parties.iter().next().cloned().unwrap_or_default();

    html! {
        <section class="sc-filters" aria-label={tr.t("filters.label")}>
            if feed.questions.len() > 1 {
                <div class="sc-field">
                    <label class="sc-field-label" for={id("question")}>{ tr.t("filters.question") }</label>
                    <select id={id("question")} onchange={on_question}>
                        { for feed.questions.iter().enumerate().map(|(i, q)| {
                            let (label, lang) = crate::i18n::shown(q.label_in(&to));
                            html! { <option value={q.id.clone()} selected={i == result.question} lang={lang}>{ label }</option> }
                        }) }
                    </select>
                </div>
            }
            <p class="sc-question" lang={question_lang}>{ question_text }</p>

            <StatePicker
                available={states_available.clone().unwrap_or_else(|| states_in_feed.iter().map(|s| (*s, facets.states[s.index()])).collect())}
                selected={filter.states}
                on_action={on_action.clone()}
            />
            if !filter.states.is_empty() {
                <ul class="sc-chips" aria-label={tr.t("filters.selected_states")}>
                    { for filter.states.iter().map(|s| {
                        let on_remove = on_action.reform(move |_| Action::RemoveState(s));
                        html! {
                            <li>
                                <button type="button" class="sc-chip" onclick={on_remove} aria-label={tr.msg(&Msg::new("filters.remove_state").state("state", s))}>
                                    { s.name_in(tr.lang()) }<span aria-hidden="true">{ " ×" }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }

            if let Some(count) = changed {
                <label class="sc-check sc-changed-filter">
                    <input type="checkbox" checked={*only_changed} onchange={on_action.reform(|e: Event| Action::ShowChanged(super::control_checked(&e)))} />
                    { tr.t("since.filter") }
                    <span class="sc-facet-count">{ tr.number(*count as u64) }</span>
                </label>
            }
            <fieldset class="sc-stances">
                <legend>{ tr.t("filters.stance") }</legend>
                { for question.stances.iter().enumerate().map(|(i, stance)| stance_toggle(
                    StanceChoice::Stance(stance.id.clone()),
                    html! { <StanceBadge stance={stance.clone()} /> },
                    facets.stances[i],
                )) }
                if facets.not_rated > 0 || filter.stances.contains(&StanceChoice::NotRated) {
                    { stance_toggle(StanceChoice::NotRated, not_rated_badge(&tr), facets.not_rated) }
                }
            </fieldset>

            <div class="sc-field">
                <label class="sc-field-label" for={id("search")}>{ tr.t("filters.search") }</label>
                <input id={id("search")} type="search" placeholder={tr.t("filters.search_placeholder")} autocomplete="off" value={filter.name.clone()} oninput={on_name} />
            </div>

            if !feed.positions.is_empty() {
                { counted_select(&id("position"), "position", &tr.t("filters.position"), &tr.t("filters.all_positions"), &feed.positions, &facets.positions, &selected_position, on_position) }
            }
            if feed.parties.len() > 1 {
                { counted_select(&id("party"), "party", &tr.t("filters.party"), &tr.t("filters.all_parties"), &feed.parties, &facets.parties, &selected_party, on_party) }
            }
            <div class="sc-field sc-field-sort">
                <label class="sc-field-label" for={id("sort")}>{ tr.t("filters.sort") }</label>
                <select id={id("sort")} onchange={on_sort}>
                    { for SortKey::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*k == filter.sort}>{ tr.msg(&k.msg()) }</option>
                    }) }
                </select>
            </div>
            if filter.is_filtering() || *only_changed {
                <button type="button" class="sc-button sc-button-quiet" onclick={on_clear}>{ tr.t("filters.clear") }</button>
            }
        </section>
    }
}

/// A choice among a feed's values (positions, parties), each with its count, and "all" first.
#[allow(clippy::too_many_arguments)]
fn counted_select(
    id: &str,
    field: &str,
    label: &str,
    all: &str,
    values: &[String],
    counts: &[u32],
    selected: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class={classes!("sc-field", format!("sc-field-{field}"))}>
            <label class="sc-field-label" for={id.to_string()}>{ label.to_string() }</label>
            <select id={id.to_string()} {onchange}>
                <option value="" selected={selected.is_empty()}>{ all.to_string() }</option>
                { for values.iter().zip(counts).map(|(value, count)| html! {
                    <option value={value.clone()} selected={value == selected}>{ format!("{value} — {count}") }</option>
                }) }
            </select>
        </div>
    }
}
