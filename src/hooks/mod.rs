//! Custom hooks: the browser-facing glue components need (scroll position, modal dialogs),
//! kept out of the components themselves.

mod use_modal;
mod use_visible_window;

pub use use_modal::use_modal;
pub use use_visible_window::{use_visible_window, VisibleWindow};
