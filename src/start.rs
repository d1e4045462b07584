//! The widget's first state, made once per feed: what this browser kept (the shortlist, a ZIP
//! code, a give run), the address (a view, a shared list) or the embedder's preset view, and
//! the officials a reader added from the loader's copy of the first screen. The first screen
//! (`crate::first_screen`) starts from it, and the widget from where the first screen got to.

use scorecard_core::give_run::GiveRun;
use scorecard_core::i18n::{Lang, Msg};
use scorecard_core::shortlist::Shortlist;
use scorecard_core::zip_lookup::SavedZip;
use scorecard_core::{share_link, storage_key, wording};

use crate::browser::{location, storage};
use crate::hooks::preset_view;
use crate::i18n::browser_languages;
use crate::loading::LoadedFeed;
use crate::options::WidgetOptions;
use crate::state::{Action, AppState};

/// The language when the reader has chosen none: the embedder's (`data-lang`, `?lang=`), else
/// the browser's first language the widget speaks, else English.
pub(crate) fn default_lang(options: &WidgetOptions) -> Lang {
    options.embed.lang.unwrap_or_else(|| Lang::from_preferences(browser_languages().iter().map(String::as_str)))
}

/// The first state: saved shortlist, then whatever the URL fragment carries (view, shared list),
/// or failing that the embedder's preset view; then the officials added from the loader's copy of
/// the first screen, as if clicked here. They are in the first render, so the widget's first
/// frame shows them in the shortlist (not a second render and layout after it).
pub(crate) fn initial_state(loaded: &LoadedFeed, options: &WidgetOptions, first_adds: &[String]) -> AppState {
    let key = storage_key::shortlist(&loaded.storage_key);
    let (text, storage_problem) = match storage::load(&key) {
        Ok(text) => (text, None),
        Err(problem) => (None, Some(problem.message())),
    };
    let (saved, notes, set_aside) = Shortlist::from_saved(text.as_deref());
    if let Some(text) = text.filter(|_| set_aside) {
        let _ = storage::save(&storage_key::damaged(&key), &text);
    }
    let param = share_link::param_name(options.instance.as_deref());
    let decoded = share_link::decode(&location::fragment(), &param, &loaded.feed);
    let view = if decoded.present { decoded.view } else { preset_view(options) };
    let mut state = AppState::new(loaded.feed.clone(), view.filter.clone(), saved);
    // The rest of the view: details, "my officials", a comparison.
    state.reduce(Action::RestoreView(view), None);
    if let Some(note) = decoded.compare_note {
        state.reduce(Action::CompareNote(note), None);
    }
    state.storage_problem = storage_problem;
    let mut state = state.with_saved(
        storage::read(&storage_key::zip(&loaded.storage_key), SavedZip::from_storage),
        storage::read(&storage_key::give_run(&loaded.storage_key), GiveRun::from_storage),
    );
    // The saved list's notes are English (they are rare, and name what was damaged).
    let notes: Vec<Msg> = notes.into_iter().map(Msg::from).chain(decoded.problems.iter().cloned()).collect();
    if let Some(shared) = decoded.shared {
        state.receive_shared(shared.to_shortlist(&loaded.feed), decoded.problems);
    } else if let Some(said) = wording::sentences(notes) {
        state.announce(said);
    }
    for id in first_adds {
        state.reduce(Action::Add { id: id.clone() }, None);
    }
    state
}
