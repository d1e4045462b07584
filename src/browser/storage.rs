//! localStorage, which may be missing, disabled, full, or hold anything at all.
//! (gloo-storage throws when storage is disabled, so this uses web-sys directly.)

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Blocked by the browser or a privacy setting.
    Unavailable,
    /// Writing failed, usually because storage is full.
    WriteFailed,
}

impl StorageProblem {
    /// The catalogue key of what the reader is told (kept in the state as a key, shown in the
    /// reader's language; named through `Msg::new` so the catalogue test checks it).
    pub fn message(self) -> &'static str {
        use scorecard_core::i18n::Msg;
        match self {
            StorageProblem::Unavailable => Msg::new("storage.unavailable").key,
            StorageProblem::WriteFailed => Msg::new("storage.write_failed").key,
        }
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageProblem> {
    crate::browser::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageProblem::Unavailable)
}

/// The value saved under `key`. Without a window (the prerenderer), nothing is saved.
pub fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    if super::window().is_none() {
        return Ok(None);
    }
    local_storage()?.get_item(key).map_err(|_| StorageProblem::Unavailable)
}

pub fn save(key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?.set_item(key, value).map_err(|_| StorageProblem::WriteFailed)
}

pub fn remove(key: &str) -> Result<(), StorageProblem> {
    local_storage()?.remove_item(key).map_err(|_| StorageProblem::WriteFailed)
}

/// What is saved under `key`, read by `parse`; nothing when there is none, it is unreadable,
/// or storage is off (for what a reader loses little by forgetting: a ZIP code, a give run).
pub fn read<T>(key: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    load(key).ok().flatten().and_then(|text| parse(&text))
}

/// Keeps `value` under `key`, or forgets it (`None`). A browser that refuses storage simply
/// does not remember it (the shortlist's notice already says storage is off).
pub fn keep(key: &str, value: Option<String>) {
    let _ = match value {
        Some(value) => save(key, &value),
        None => remove(key),
    };
}
