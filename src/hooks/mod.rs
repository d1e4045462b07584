//! Custom hooks: the browser-facing glue components need (scroll position, modal dialogs,
//! styles set without `style` attributes, a value drawn once the reader pauses or the frame is painted), and the widget's effects, one concern a hook (the
//! feed's loading, the address, what the browser keeps, what changed since the last visit,
//! state files, ZIP lookups, the buttons' handlers), kept out of the components and `app.rs` themselves.

mod use_address;
mod use_deferred;
mod use_feed;
mod use_focus_on_change;
mod use_handlers;
mod use_modal;
mod use_saved;
mod use_since;
mod use_staged_rows;
mod use_state_files;
mod use_style_property;
mod use_visible_window;
mod use_zip_lookup;

pub(crate) use use_address::{preset_view, use_address_listener, use_address_sync};
pub use use_deferred::{use_deferred, use_trailing};
pub(crate) use use_feed::{use_feed, FeedLoad};
pub use use_focus_on_change::use_focus_on_change;
pub(crate) use use_handlers::use_handlers;
pub use use_modal::use_modal;
pub(crate) use use_saved::{use_saved_lookup, use_saved_shortlist};
pub(crate) use use_since::use_since_last_visit;
pub use use_staged_rows::use_staged_rows;
pub(crate) use use_state_files::use_state_files;
pub use use_style_property::use_style_property;
pub use use_visible_window::use_visible_window;
pub(crate) use use_zip_lookup::use_zip_lookup;
