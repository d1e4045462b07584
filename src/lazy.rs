//! Parts of the release wasm, so a reader's phone downloads less before the first screen works
//! (issue 13). The widget itself is one (`WidgetPart` in lib.rs: everything yew, fetched as the
//! first screen's module starts); the others come on first use. Every part is declared with
//! [`lazy_part!`], and used
//! through the [`Part`] trait: `P::load().await` where the caller can wait (reading a CSV feed),
//! `P::get()` where it cannot (a reducer, a render), and the [`use_part`] hook in a component that
//! draws a part (the component then shows nothing until the part is in, or
//! `components::part_failed` if it cannot be loaded).
//!
//! A hook rather than a generic wrapper component: every component type costs its own copy of
//! yew's machinery in the wasm (about 4 KB each), which a part's savings cannot afford.
//!
//! With the crate's `split` feature (only in the release wasm, `xtask/src/widget.rs`), a part's
//! value is made by a `#[wasm_split]` function: that function, and every function and table only
//! it reaches, is cut by `wasm-split-cli` into `split_<module>.wasm`, which `__wasm_split.js`
//! fetches next to `embed.js` the first time [`Part::load`] is awaited. Code two parts share goes
//! into a `chunk_<n>.wasm` both load. The value is a plain function pointer or a `&'static` table
//! of them: the main module then calls into the part's module through the function table, and
//! never names the functions themselves (naming one would keep it in the main module).
//!
//! Without `split` (dev builds, component tests, the organizer, the prerenderer), a part is an
//! ordinary function of this module: `get` always gives it, `load` is ready at once.
//!
//! A part reached only from the widget's part is declared `in_widget`: its code then comes with
//! the widget's part instead of a module of its own, since the splitter knows no order between
//! parts and would cut what the two share into dozens of small chunks, each a request. Its
//! `get` is then always ready, as without `split`.
//!
//! A part's module can fail to load (offline, a server error): [`NotLoaded`], never a crash. The failure is not kept, so the next
//! `load` tries again. Every caller says so in plain words and the rest of the widget goes on.

use std::future::Future;

use yew::prelude::*;

/// A part's module could not be fetched or started. The browser console has the details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> NotLoaded {
        NotLoaded
    }
}

/// A part of the widget that the release build loads on first use. Declared with
/// [`lazy_part!`].
pub trait Part: 'static {
    /// What the part gives: a function, or a table of functions, the main module calls.
    type Value: Copy + 'static;
    /// The part, if its module is in (without `split`: always).
    fn get() -> Option<Self::Value>;
    /// The part, its module fetched first if need be (once: callers waiting together share one
    /// fetch). `Err` if it could not be; the next call tries again.
    fn load() -> impl Future<Output = Result<Self::Value, NotLoaded>>;
    /// Starts fetching the part's module without waiting for it: for a part the reader is
    /// about to need (a failure here is only logged; the real use reports it).
    fn preload() {
        if Self::get().is_none() {
            wasm_bindgen_futures::spawn_local(async {
                let _ = Self::load().await;
            });
        }
    }
}

/// Declares a part: a unit struct implementing [`Part`], whose value is `$value`, made by a split
/// point in the wasm module `split_$module.wasm`. One split point per module: the splitter names
/// its exports after the module.
///
/// ```ignore
/// lazy_part! {
///     /// Reading CSV feeds (the csv crate, mapping detection).
///     pub struct CsvImport: fn(&[u8]) -> Loaded = csv_import => read_csv;
/// }
/// ```
macro_rules! lazy_part {
    // A part of the widget's part: its code comes in `split_widget.wasm`, not a module of its own.
    // (A part reached only from another part gets no module of its own: whatever the two share
    // would be cut into dozens of small chunks, each a request of its own.)
    (in_widget $(#[$doc:meta])* $vis:vis struct $part:ident: $value_ty:ty = $module:ident => $value:expr;) => {
        $(#[$doc])*
        $vis struct $part;

        impl $crate::lazy::Part for $part {
            type Value = $value_ty;

            fn get() -> Option<$value_ty> {
                Some::<$value_ty>($value)
            }

            fn load() -> impl ::std::future::Future<Output = Result<Self::Value, $crate::lazy::NotLoaded>> {
                async { Ok::<$value_ty, _>($value) }
            }
        }
    };
    ($(#[$doc:meta])* $vis:vis struct $part:ident: $value_ty:ty = $module:ident => $value:expr;) => {
        $(#[$doc])*
        $vis struct $part;

        const _: () = {
            #[cfg(feature = "split")]
            thread_local! {
                static LOADED: ::std::cell::Cell<Option<$value_ty>> = const { ::std::cell::Cell::new(None) };
            }

            // The split point. It must be the only code that names `$value`: whatever only it
            // reaches goes into the part's module.
            #[cfg(feature = "split")]
            #[allow(improper_ctypes_definitions)]
            #[::wasm_split_helpers::wasm_split($module, fallible)]
            fn split_point() -> Result<$value_ty, $crate::lazy::NotLoaded> {
                Ok($value)
            }

            impl $crate::lazy::Part for $part {
                type Value = $value_ty;

                fn get() -> Option<$value_ty> {
                    #[cfg(feature = "split")]
                    return LOADED.with(::std::cell::Cell::get);
                    #[cfg(not(feature = "split"))]
                    return Some::<$value_ty>($value);
                }

                fn load() -> impl ::std::future::Future<Output = Result<Self::Value, $crate::lazy::NotLoaded>> {
                    async {
                        #[cfg(feature = "split")]
                        return match LOADED.with(::std::cell::Cell::get) {
                            Some(value) => Ok(value),
                            None => {
                                let value = split_point().await?;
                                LOADED.with(|loaded| loaded.set(Some(value)));
                                Ok(value)
                            }
                        };
                        #[cfg(not(feature = "split"))]
                        return Ok::<$value_ty, _>($value);
                    }
                }
            }
        };
    };
}
pub(crate) use lazy_part;

/// Where a component stands with a part it needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Loading<T> {
    /// Its module is on its way.
    Pending,
    Ready(T),
    /// Its module could not be loaded; the component says so (and may offer to try again).
    Failed,
}

/// The part `P` for a component: ready at once when its module is in; otherwise fetched while
/// `wanted`, the component rendered again when it arrives or fails. The callback tries again
/// after a failure.
#[hook]
pub fn use_part<P: Part>(wanted: bool) -> (Loading<P::Value>, Callback<()>) {
    // Not `use_state_eq`: setting `false` again after a load must still render the part.
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let present = P::get().is_some();
    {
        let failed = failed.clone();
        use_effect_with((wanted && !present, *attempt), move |(fetch, _)| {
            if *fetch {
                wasm_bindgen_futures::spawn_local(async move {
                    // Either way the component renders again: with the part, or to say it failed.
                    failed.set(P::load().await.is_err());
                });
            }
        });
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |()| {
            failed.set(false);
            attempt.set(attempt.wrapping_add(1));
        })
    };
    let loading = match P::get() {
        Some(value) => Loading::Ready(value),
        None if *failed => Loading::Failed,
        None => Loading::Pending,
    };
    (loading, retry)
}
