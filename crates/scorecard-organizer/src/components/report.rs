//! "2. What we found": every problem, located, and counts of what loaded.

use scorecard_core::diagnostics::{Diagnostic, Report, Severity};
use scorecard_core::feed::language::Coverage;
use scorecard_core::stats::FeedStats;
use scorecard_core::wording::plural;
use yew::prelude::*;

use crate::state::{Origin, Outcome};

#[derive(Properties, PartialEq)]
pub struct ReportPanelProps {
    pub origin: Origin,
    pub outcome: Outcome,
}

fn diagnostic_item(d: &Diagnostic) -> Html {
    let (class, label) = match d.severity {
        Severity::Error => ("org-error", "Error"),
        Severity::Warning => ("org-warning", "Warning"),
    };
    html! {
        <li class={class}>
            <strong>{ label }</strong>{ " · " }
            <span class="org-location">{ d.location.to_string() }</span>{ ": " }
            { d.message.clone() }
        </li>
    }
}

/// Everything wrong with the input, located, and what loaded.
#[function_component(ReportPanel)]
pub fn report_panel(props: &ReportPanelProps) -> Html {
    let report: &Report = &props.outcome.report;
    let shards = props.outcome.shards.clone();
    // An index's feed has no officials: its counts are in the shards table instead.
    let stats = props.outcome.feed.as_ref().filter(|_| shards.is_none()).map(|feed| FeedStats::of(feed));
    const SHOWN: usize = 500;
    html! {
        <section class="org-panel org-report" aria-labelledby="org-report-title">
            <h2 id="org-report-title">{ "2. What we found" }</h2>
            <p class="org-source-name">{ props.origin.name.clone() }</p>
            if props.outcome.feed.is_none() {
                <p class="org-failure" role="alert">{ "No feed could be made from this. The first error below says why." }</p>
            }
            <p class="org-summary" role="status">
                if shards.is_some() {
                    { format!("The index: {}, {}", plural(report.error_count(), "error", "errors"), plural(report.warning_count(), "warning", "warnings")) }
                } else {
                    { report.summary() }
                }
            </p>
            if let Some(feed) = &props.outcome.feed {
                <p class="org-languages">
                    { format!("Written in {}. ", feed.meta.language()) }
                    { match Coverage::of(feed).iter().map(Coverage::describe).collect::<Vec<_>>() {
                        translations if translations.is_empty() => "No translations.".to_string(),
                        translations => format!("Translations: {}.", translations.join("; ")),
                    } }
                </p>
            }
            if !report.diagnostics.is_empty() {
                <ol class="org-diagnostics" aria-label="Problems">
                    { for report.diagnostics.iter().take(SHOWN).map(diagnostic_item) }
                </ol>
                if report.diagnostics.len() > SHOWN {
                    <p>{ format!("…and {} more. The command-line tool lists them all: scorecard-feed validate.", report.diagnostics.len() - SHOWN) }</p>
                }
            }
            if let Some(entries) = shards {
                <p class="org-hint">
                    { "This is the index of a sharded feed: one file per state, loaded by the widget as readers pick states. The state files are not loaded here; to check every one of them, run scorecard-feed validate on the index with --shards." }
                </p>
                <div class="org-stats">
                    <table class="org-table org-shards">
                        <caption>{ format!("{} in {}, one file each", plural(entries.iter().filter_map(|e| e.officials).map(|n| n as usize).sum(), "official", "officials"), plural(entries.len(), "state", "states")) }</caption>
                        <thead><tr><th scope="col">{ "State" }</th><th scope="col">{ "File" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                        <tbody>
                            { for entries.iter().map(|e| html! {
                                <tr>
                                    <td>{ format!("{} ({})", e.state.name(), e.state.code()) }</td>
                                    <td>{ e.url.clone() }</td>
                                    <td>{ e.officials.map_or_else(|| "not given".to_string(), |n| n.to_string()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(stats) = stats {
                <div class="org-stats">
                    { for stats.questions.iter().map(|q| html! {
                        <table class="org-table">
                            <caption>{ q.text.clone() }</caption>
                            <thead><tr><th scope="col">{ "Stance" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                            <tbody>
                                { for q.stances.iter().map(|(label, count)| html! { <tr><td>{ label.clone() }</td><td>{ count }</td></tr> }) }
                                if q.not_rated > 0 {
                                    <tr><td>{ "Not rated" }</td><td>{ q.not_rated }</td></tr>
                                }
                            </tbody>
                        </table>
                    }) }
                    <table class="org-table">
                        <caption>{ format!("{} in {}", plural(stats.officials, "official", "officials"), plural(stats.states.len(), "state", "states")) }</caption>
                        <thead><tr><th scope="col">{ "State" }</th><th scope="col">{ "Officials" }</th></tr></thead>
                        <tbody>
                            { for stats.states.iter().map(|(state, count)| html! { <tr><td>{ format!("{} ({})", state.name(), state.code()) }</td><td>{ count }</td></tr> }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
