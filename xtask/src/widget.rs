//! The widget's wasm and its JavaScript glue (`scorecard_bg.wasm`, `scorecard.js`), built into
//! `target/widget-dist/` for `index.html` to copy into the site (`copy-dir`, flat next to
//! `embed.js`). Trunk runs it before each build (`cargo xtask widget-wasm`, a `pre_build` hook in
//! Trunk.toml), so `trunk serve` rebuilds it on changes as it would its own.
//!
//! Not trunk's own Rust pipeline, because:
//! - the widget crate is also an `rlib` (the component tests, the organizer and the prerenderer
//!   use it); built for both, its public items stay exported and LTO keeps them. Built here as a
//!   `cdylib` alone, the wasm is 25 KB gzip smaller;
//! - a release build uses the pinned nightly's size-optimized standard library ([`NIGHTLY`]);
//! - a release build is split: the widget's `split` feature turns the functions marked
//!   `#[wasm_split]` (src/lazy.rs) into split points, and `wasm-split-cli` cuts what only they
//!   reach into modules of their own (`split_<name>.wasm`, code two of them share in
//!   `chunk_<n>.wasm`), loaded on first use by `__wasm_split.js`. That must happen between the
//!   link and wasm-bindgen, which trunk cannot do;
//! - the custom sections wasm-bindgen and the splitter leave (names, producers) are dropped.
//!
//! Dev builds (`trunk serve`), the component tests, the organizer and the prerenderer never
//! turn `split` on: without the splitter its split points would be imports nothing provides.

use std::path::{Path, PathBuf};

use crate::{cargo_target_dir, cmd, repo, run, Result};

/// The nightly toolchain the release wasm is built with (pinned: builds repeat), for the
/// size-optimized standard library: `-Zbuild-std` with `optimize_for_size`, derived `Debug`
/// printing only type names (`shallow`: `none` would also blank the values serde's messages
/// quote), no panic locations. Everything else, tests included, uses the stable toolchain;
/// `build --release --stable` (environment `SCORECARD_STABLE=1`) makes the release wasm on
/// stable too.
pub const NIGHTLY: &str = "nightly-2026-10-30";

/// The splitter (crates.io `wasm_split_cli_support`, its `wasm-split-cli` binary), installed by
/// `cargo xtask setup`. Pinned, like wasm-bindgen: it rewrites the module between the linker and
/// wasm-bindgen, and its `__wasm_split.js` relies on wasm-bindgen's glue (`initSync`).
pub const SPLITTER_CRATE: &str = "wasm_split_cli_support";
pub const SPLITTER_VERSION: &str = "0.2.4";
pub const SPLITTER_BINARY: &str = "wasm-split-cli";

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
        // Split points on, and the relocations the splitter reads. A link argument, after `--`:
        // `cargo rustc` gives it to the widget crate's final link alone, so no dependency is
        // rebuilt and no other build (tests, organizer) changes.
        cargo.args(["--release", "--features", "split"]);
        if !stable {
            cargo
                .env("RUSTUP_TOOLCHAIN", NIGHTLY)
                .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
                .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-Zfmt-debug=shallow -Zlocation-detail=none");
        }
        cargo.args(["--", "-C", "link-arg=--emit-relocs"]);
    }
    run(&mut cargo)?;
    let built = cargo_target_dir()?.join("wasm32-unknown-unknown").join(profile).join("scorecard.wasm");
    let out = out_dir();
    // A clean folder: index.html copies all of it, and a chunk from an earlier build must not
    // be shipped beside a main module it does not match.
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let main_module = if release { split(&built)? } else { built };
    let mut bindgen = cmd("wasm-bindgen");
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", "scorecard", "--out-dir"]).arg(&out);
    if release {
        // The chunks call into the main module through exports the linker made; wasm-bindgen
        // would otherwise remove them.
        bindgen.arg("--keep-lld-exports");
    }
    run(bindgen.arg(&main_module))?;
    if release {
        for entry in std::fs::read_dir(&out).map_err(|e| format!("{}: {e}", out.display()))? {
            let wasm = entry.map_err(|e| e.to_string())?.path();
            if wasm.extension().is_some_and(|x| x == "wasm") {
                strip_custom_sections(&wasm)?;
            }
        }
    }
    Ok(())
}

/// Splits the linked module: the main module (for wasm-bindgen) is returned; the split modules,
/// shared chunks and their loader `__wasm_split.js` go straight into [`out_dir`].
fn split(built: &Path) -> Result<PathBuf> {
    let work = repo().join("target/widget-split");
    let _ = std::fs::remove_dir_all(&work);
    run(cmd(SPLITTER_BINARY).arg(built).arg(&work).args(["--out-name", "scorecard", "--target", "web"]))?;
    let main_module = work.join("scorecard.wasm");
    let loader = work.join("__wasm_split.js");
    let text = std::fs::read_to_string(&loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    std::fs::write(&loader, tolerate_wasm_type(&text)?).map_err(|e| format!("{}: {e}", loader.display()))?;
    for entry in std::fs::read_dir(&work).map_err(|e| format!("{}: {e}", work.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path != main_module {
            let to = out_dir().join(&name);
            std::fs::copy(&path, &to).map_err(|e| format!("{} → {}: {e}", path.display(), to.display()))?;
        }
    }
    Ok(main_module)
}

/// How the splitter's loader starts each part: streaming, which refuses a module a host serves
/// without `application/wasm`.
const STREAMING: &str = "WebAssembly.instantiateStreaming(src, imports)";

/// The splitter's loader (`__wasm_split.js`), starting a part from its bytes when the host sends
/// it with another type, as wasm-bindgen's glue does for the main module: the widget itself is a
/// part, and such a host must not lose it. Fails if the splitter's output changed shape.
fn tolerate_wasm_type(loader: &str) -> Result<String> {
    const FALLBACK: &str = "
// (Added by xtask/src/widget.rs.) A host that serves .wasm with another type than
// application/wasm: the part is started from its bytes instead of while it streams.
async function instantiatePart(src, imports) {
    const response = await src;
    try {
        return await WebAssembly.instantiateStreaming(response, imports);
    } catch (error) {
        if (!response.ok || response.headers.get('Content-Type') === 'application/wasm') throw error;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
";
    let parts = loader.matches(STREAMING).count();
    let first_line = loader.find('\n').ok_or("__wasm_split.js: empty")?;
    if parts == 0 || !loader[..first_line].starts_with("import ") {
        return Err("__wasm_split.js: not the shape expected (the splitter's output changed)".into());
    }
    let body = loader[first_line + 1..].replace(STREAMING, "instantiatePart(src, imports)");
    Ok(format!("{}{FALLBACK}{body}", &loader[..=first_line]))
}

fn strip_custom_sections(wasm: &Path) -> Result {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let stripped = without_custom_sections(&bytes).ok_or(format!("{}: not a wasm module", wasm.display()))?;
    std::fs::write(wasm, stripped).map_err(|e| format!("{}: {e}", wasm.display()))
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
    fn the_parts_loader_starts_a_part_from_its_bytes_when_the_type_is_wrong() {
        let loader = "import { initSync } from \"./scorecard.js\";\nconst a = async (imports) => (WebAssembly.instantiateStreaming(src, imports));\nconst b = async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n";
        let patched = tolerate_wasm_type(loader).unwrap();
        assert!(patched.starts_with("import { initSync }"));
        assert_eq!(patched.matches("(instantiatePart(src, imports))").count(), 2);
        assert_eq!(patched.matches(STREAMING).count(), 0, "{patched}");
        assert!(tolerate_wasm_type("const a = 1;\n").is_err());
    }

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
