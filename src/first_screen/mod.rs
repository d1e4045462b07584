//! The first screen before yew is in: the loader's copy of the widget's first screen (rendered at
//! build time by the components, `crates/scorecard-prerender`), made to work with plain DOM calls
//! and the core's decisions, so that a phone's first download need not carry yew and the
//! components (issue 13: the first screen's transfer).
//!
//! Nothing here is yew: what it draws, it draws as the components do (the class names, icons and
//! words both write are in `crate::markup`), and `tests/first_screen.rs` holds its markup to
//! theirs, official by official.

mod copy;
mod dom;
pub mod entry;
mod live;
pub mod row;

pub use copy::{FirstScreen, Handover, OFFICIAL, SNAPSHOT};
pub use live::Live;
