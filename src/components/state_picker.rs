//! The state filter: a type-ahead combobox over the states in the feed, matching names and
//! USPS codes ("ver", "VT"), with the chosen states shown as removable chips by the caller.
//! Keyboard: type to narrow, ↓/↑ to move, Enter to add, Escape to close, Backspace in the
//! empty box to remove the last state.

use scorecard_core::i18n::Format;
use scorecard_core::states::{self, State, StateSet};
use yew::prelude::*;

use super::{control_value, use_id};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct StatePickerProps {
    /// States present in the feed, with how many officials each would give.
    pub available: Vec<(State, u32)>,
    pub selected: StateSet,
    pub on_action: Callback<Action>,
}

#[function_component(StatePicker)]
pub fn state_picker(props: &StatePickerProps) -> Html {
    let id = use_id("state");
    let tr = crate::i18n::use_i18n();
    let query = use_state(String::new);
    // Compared before it is set: a blur sets it closed, and closed already must not draw again
    // under the click that moved the focus.
    let open = use_state_eq(|| false);
    let active = use_state(|| 0usize);

    // Only an open list, or Enter on a typed name, needs the matches; a closed list renders none
    // (every filter change would otherwise update fifty hidden counts).
    let matches: Vec<(State, u32)> = if *open || !query.is_empty() {
        states::picker_matches(&query, props.selected, &props.available, tr.lang())
    } else {
        Vec::new()
    };
    let active_index = (*active).min(matches.len().saturating_sub(1));
    let option_id = |i: usize| format!("{id}-option-{i}");

    let choose = {
        let on_action = props.on_action.clone();
        let query = query.clone();
        let active = active.clone();
        let open = open.clone();
        Callback::from(move |state: State| {
            on_action.emit(Action::AddState(state));
            query.set(String::new());
            active.set(0);
            open.set(false);
        })
    };
    let on_input = {
        let query = query.clone();
        let open = open.clone();
        let active = active.clone();
        Callback::from(move |e: InputEvent| {
            let value = control_value(&e);
            // Typing opens the list; emptying the box closes it (↓ or a click still shows all).
            open.set(!value.is_empty());
            query.set(value);
            active.set(0);
        })
    };
    let on_keydown = {
        let open = open.clone();
        let active = active.clone();
        let query = query.clone();
        let choose = choose.clone();
        let matches = matches.clone();
        let selected = props.selected;
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                e.prevent_default();
                if !*open {
                    open.set(true);
                } else if !matches.is_empty() {
                    active.set(states::step_choice(active_index, matches.len(), e.key() == "ArrowDown"));
                }
            }
            "Enter" => {
                if let Some((state, _)) = matches.get(active_index).filter(|_| *open || !query.is_empty()) {
                    e.prevent_default();
                    choose.emit(*state);
                }
            }
            "Escape" if *open => {
                e.prevent_default();
                open.set(false);
            }
            "Escape" => query.set(String::new()),
            "Backspace" if query.is_empty() => {
                if let Some(last) = selected.iter().last() {
                    on_action.emit(Action::RemoveState(last));
                }
            }
            _ => {}
        })
    };
    let on_click = {
        let open = open.clone();
        Callback::from(move |_| open.set(true))
    };
    let on_blur = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    let listbox_id = format!("{id}-listbox");
    let expanded = *open && !matches.is_empty();
    html! {
        <div class="sc-field sc-combobox">
            <label class="sc-field-label" for={id.clone()}>{ tr.t("picker.label") }</label>
            <input
                id={id.clone()}
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded={expanded.to_string()}
                aria-controls={listbox_id.clone()}
                aria-activedescendant={expanded.then(|| option_id(active_index))}
                placeholder={if props.selected.is_empty() { tr.t("picker.placeholder") } else { tr.t("picker.another") }}
                value={(*query).clone()}
                oninput={on_input}
                onkeydown={on_keydown}
                onclick={on_click}
                onblur={on_blur}
            />
            <ul class="sc-listbox" id={listbox_id} role="listbox" aria-label={tr.t("picker.list")} hidden={!expanded}>
                { for matches.iter().enumerate().filter(|_| expanded).map(|(i, (state, count))| {
                    let state = *state;
                    // mousedown, not click: it comes before the input's blur closes the list.
                    let on_pick = {
                        let choose = choose.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            choose.emit(state);
                        })
                    };
                    html! {
                        <li
                            id={option_id(i)}
                            role="option"
                            class={classes!("sc-option", (i == active_index).then_some("sc-option-active"))}
                            aria-selected={(i == active_index).to_string()}
                            onmousedown={on_pick}
                        >
                            <span>{ state.name_in(tr.lang()) }</span>
                            <span class="sc-option-code">{ state.code() }</span>
                            <span class="sc-facet-count">{ tr.number((*count).into()) }</span>
                        </li>
                    }
                }) }
            </ul>
            if *open && matches.is_empty() && !query.is_empty() {
                <p class="sc-listbox-empty" role="status">{ tr.msg(&scorecard_core::i18n::Msg::new("picker.none").text("query", (*query).clone())) }</p>
            }
        </div>
    }
}
