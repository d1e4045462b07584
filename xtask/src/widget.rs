//! The widget's wasm and its JavaScript glue (`scorecard_bg.wasm`, `scorecard.js`), built into
//! `target/widget-dist/` for `index.html` to copy into the site. Trunk runs it before each build
//! (`cargo xtask widget-wasm`, a `pre_build` hook in Trunk.toml), so `trunk serve` rebuilds it
//! on changes as it would its own.
//!
//! Not trunk's own Rust pipeline, because:
//! - the widget crate is also an `rlib` (the component tests, the organizer and the prerenderer
//!   use it); built for both, its public items stay exported and LTO keeps them. Built here as a
//!   `cdylib` alone, the wasm is 25 KB gzip smaller;
//! - a release build uses the pinned nightly's size-optimized standard library ([`NIGHTLY`]);
//! - the custom sections wasm-bindgen leaves (names of its shims, producers) are dropped.

use std::path::{Path, PathBuf};

use crate::{cmd, repo, run, Result};

/// The nightly toolchain the release wasm is built with (pinned: builds repeat), for the
/// size-optimized standard library: `-Zbuild-std` with `optimize_for_size`, derived `Debug`
/// printing only type names (`shallow`: `none` would also blank the values serde's messages
/// quote), no panic locations. Everything else, tests included, uses the stable toolchain;
/// `build --release --stable` (environment `SCORECARD_STABLE=1`) makes the release wasm on
/// stable too.
pub const NIGHTLY: &str = "nightly-2026-10-30";

/// Where the wasm and its glue are written.
pub fn out_dir() -> PathBuf {
    repo().join("target/widget-dist")
}

/// `cargo xtask widget-wasm`, as trunk's hook: the profile is trunk's, and the organizer's
/// trunk build (which has its own wasm) is left alone.
pub fn from_trunk_hook() -> Result {
    let page = std::env::var("TRUNK_HTML_FILE").unwrap_or_default();
    if !page.is_empty() && Path::new(&page).file_name().is_some_and(|f| f != "index.html") {
        return Ok(());
    }
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let stable = std::env::var("SCORECARD_STABLE").is_ok_and(|s| s == "1");
    build(release, stable)
}

pub fn build(release: bool, stable: bool) -> Result {
    let profile = if release { "release" } else { "debug" };
    let mut cargo = cmd("cargo");
    cargo.args(["rustc", "-p", "scorecard", "--lib", "--crate-type", "cdylib", "--target", "wasm32-unknown-unknown"]);
    if release {
        cargo.arg("--release");
        if !stable {
            cargo
                .env("RUSTUP_TOOLCHAIN", NIGHTLY)
                .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
                .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-Zfmt-debug=shallow -Zlocation-detail=none");
        }
    }
    run(&mut cargo)?;
    let built = repo().join("target/wasm32-unknown-unknown").join(profile).join("scorecard.wasm");
    let out = out_dir();
    let mut bindgen = cmd("wasm-bindgen");
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", "scorecard", "--out-dir"]).arg(&out).arg(&built);
    run(&mut bindgen)?;
    if release {
        let wasm = out.join("scorecard_bg.wasm");
        let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
        let stripped = without_custom_sections(&bytes).ok_or(format!("{}: not a wasm module", wasm.display()))?;
        std::fs::write(&wasm, stripped).map_err(|e| format!("{}: {e}", wasm.display()))?;
    }
    Ok(())
}

/// The module without its custom sections (names, producers, target features): nothing the
/// browser needs. `None` if `bytes` is not a well-formed sequence of sections.
fn without_custom_sections(bytes: &[u8]) -> Option<Vec<u8>> {
    const HEADER: usize = 8; // "\0asm" and the version
    let mut out = bytes.get(..HEADER)?.to_vec();
    let mut at = HEADER;
    while at < bytes.len() {
        let id = bytes[at];
        let (size, leb) = leb128(bytes.get(at + 1..)?)?;
        let end = (at + 1 + leb).checked_add(size)?;
        let section = bytes.get(at..end)?;
        if id != 0 {
            out.extend_from_slice(section);
        }
        at = end;
    }
    Some(out)
}

/// An unsigned LEB128 number at the start of `bytes`, and how many bytes it took.
fn leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    for (i, byte) in bytes.iter().enumerate().take(5) {
        value |= usize::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_sections_go_and_the_others_stay() {
        // Header, a type section (id 1, 4 bytes), a custom section (id 0, 5 bytes), a custom
        // section of 130 bytes (a two-byte size), a start section (id 8, 1 byte).
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([1, 4, 1, 0x60, 0, 0]);
        module.extend([0, 5, 4, b'n', b'a', b'm', b'e']);
        module.extend([0, 0x82, 0x01]);
        module.extend(std::iter::repeat_n(7u8, 130));
        module.extend([8, 1, 0]);
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend([1, 4, 1, 0x60, 0, 0, 8, 1, 0]);
        assert_eq!(without_custom_sections(&module), Some(expected));
    }

    #[test]
    fn a_cut_off_module_is_refused() {
        let module = b"\0asm\x01\0\0\0\x01\x09\x01".to_vec();
        assert_eq!(without_custom_sections(&module), None);
    }
}
