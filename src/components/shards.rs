//! What a reader sees of a sharded feed (an index plus one file per state): the prompt to pick
//! a state, with how many officials the feed has in how many states, and notes on the chosen
//! states' files that are still loading or failed, with a way to try again.

use scorecard_core::feed::shards::Progress;
use scorecard_core::states::State;
use yew::prelude::*;

use scorecard_core::i18n::Msg;
use scorecard_core::wording::{count_line, join_states, pick_state_summary};

use super::results_head;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct PickStatePromptProps {
    /// Officials in the whole feed, as its index counts them.
    pub officials: u64,
    pub states: usize,
}

/// Stands in for the results until a state is picked: a sharded feed is loaded one state at a
/// time.
#[function_component(PickStatePrompt)]
pub fn pick_state_prompt(props: &PickStatePromptProps) -> Html {
    let officials = usize::try_from(props.officials).unwrap_or(usize::MAX);
    let tr = use_i18n();
    html! {
        <section class="sc-results" aria-label={tr.t("results.label")}>
            { results_head(
                count_line(officials, props.states),
                tr.msg(&pick_state_summary(props.officials, props.states)),
                html! {},
                &tr,
            ) }
            <div class="sc-empty sc-pick-state">
                <p>{ tr.t("shards.pick") }</p>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShardNotesProps {
    pub progress: Progress,
    /// Fetch a state's file again.
    pub on_retry: Callback<State>,
}

/// "Loading the officials of Minnesota…", and for each file that failed, why and "Try again".
#[function_component(ShardNotes)]
pub fn shard_notes(props: &ShardNotesProps) -> Html {
    let Progress { loading, failed } = &props.progress;
    let names: &[State] = loading;
    let tr = use_i18n();
    html! {
        <>
            if !names.is_empty() {
                <p class="sc-notice sc-shard-loading" role="status">
                    { tr.msg(&Msg::new("shards.loading").msg("states", join_states(names))) }
                </p>
            }
            { for failed.iter().map(|(state, why)| {
                let state = *state;
                let on_retry = props.on_retry.reform(move |_: MouseEvent| state);
                html! {
                    <div class="sc-notice sc-shard-failed" role="alert">
                        <p>{ tr.msg(why) }</p>
                        <button type="button" class="sc-button sc-button-small" onclick={on_retry}>
                            { tr.t("app.try_again") }
                        </button>
                    </div>
                }
            }) }
        </>
    }
}
