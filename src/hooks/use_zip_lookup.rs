//! A ZIP code to look up: fetch the one table file for its first three digits, and give it to
//! the reducer as `Action::ZipArrived` (numbered, so an answer to an older lookup is dropped).

use yew::prelude::*;

use crate::options::WidgetOptions;
use crate::state::{Action, Store, ZipStatus};
use crate::zip_lookup;

#[hook]
pub(crate) fn use_zip_lookup(state: &UseReducerHandle<Store>, dispatch: &Callback<Action>, options: &WidgetOptions) {
    let dispatch = dispatch.clone();
    let options = options.clone();
    let feed = state.feed.clone();
    let looking = (state.zip.status == ZipStatus::Looking).then_some(state.zip.zip).flatten();
    use_effect_with((state.zip.serial, looking), move |(serial, looking)| {
        if let Some(zip) = *looking {
            let serial = *serial;
            let table = zip_lookup::table_url(&options, &feed);
            wasm_bindgen_futures::spawn_local(async move {
                let arrival = zip_lookup::fetch_shard(&table, zip, options.embed.timeout_secs).await;
                dispatch.emit(Action::ZipArrived { serial, arrival });
            });
        }
    });
}
