//! Custom hooks: the browser-facing glue components need (scroll position, modal dialogs,
//! styles set without `style` attributes),
//! kept out of the components themselves.

mod use_focus_on_change;
mod use_modal;
mod use_staged_rows;
mod use_style_property;
mod use_visible_window;

pub use use_focus_on_change::use_focus_on_change;
pub use use_modal::use_modal;
pub use use_staged_rows::use_staged_rows;
pub use use_style_property::use_style_property;
pub use use_visible_window::{use_visible_window, VisibleWindow};
