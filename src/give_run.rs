//! The guided "Give to each" run's browser side: the run is saved in this browser (beside the
//! shortlist, per widget), so a reader can stop and come back to it. What the run does is
//! `scorecard_core::give_run`; its state is in `state.rs`, its view `components/give_run.rs`.

use scorecard_core::give_run::GiveRun;

use crate::browser::storage;

fn give_key_for(storage_key: &str) -> String {
    format!("{storage_key}:give")
}

/// A run left unfinished in this browser, if any (anything unreadable is none).
pub(crate) fn load_saved(storage_key: &str) -> Option<GiveRun> {
    storage::load(&give_key_for(storage_key)).ok().flatten().and_then(|text| GiveRun::from_storage(&text))
}

/// Keeps the run, or forgets it once it is closed.
pub(crate) fn keep(storage_key: &str, run: Option<&GiveRun>) {
    let key = give_key_for(storage_key);
    let _ = match run {
        Some(run) => storage::save(&key, &run.to_storage()),
        None => storage::remove(&key),
    };
}
