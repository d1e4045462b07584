//! `@scorecard-widget/feed-tools`: the feed tools for organizers without Rust, as an npm package
//! (`target/package-feed-tools/`, packed beside it) with a `scorecard-feed` bin.
//!
//! The package is the native CLI itself, `crates/scorecard-cli` (main.rs and all), compiled for
//! `wasm32-wasip1` and started by `crates/scorecard-cli/npm/scorecard-feed.js` under Node's
//! built-in `node:wasi`. It is the same program, so it cannot answer differently: the CLI's tests
//! run against it too (`cargo xtask test`, tests/support/mod.rs). wasm-bindgen's Node target was
//! the other way: it has no file system, so the CLI's reading, writing and printing would have
//! been written again in JavaScript.

use std::path::{Path, PathBuf};

use super::{read, version, write};
use crate::{cargo_target_dir, cmd, repo, run, Result};

/// The package's name on npm; its version is the widget's (the root Cargo.toml).
pub const NAME: &str = "@scorecard-widget/feed-tools";

/// The target the CLI is compiled for (`cargo xtask setup` installs it).
pub const TARGET: &str = "wasm32-wasip1";

/// The Node versions that run it: `node:wasi` needs no flag from 20.0 on (and its `version`
/// option, which the bin passes, exists from then).
const NODE: &str = ">=20";

/// The wasm starts with this much memory (it is reserved, not used, until needed). Growing it a
/// little at a time was a third of the time of `validate` at 100k officials: each grow costs
/// Node a new buffer and a garbage collection.
const INITIAL_MEMORY: u64 = 256 << 20;

/// Where the package is written, and the tarball `npm pack` makes beside it.
pub fn out_dir() -> PathBuf {
    repo().join("target/package-feed-tools")
}

/// Builds the CLI for WASI and the package around it, and packs it. Returns the tarball's path.
pub fn package() -> Result<PathBuf> {
    let version = version()?;
    let wasm = build_wasm()?;
    let root = out_dir();
    let files = root.join("files");
    if root.exists() {
        std::fs::remove_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    }
    std::fs::create_dir_all(&files).map_err(|e| format!("{}: {e}", files.display()))?;
    let source = repo().join("crates/scorecard-cli/npm");
    let copy = |from: &Path, to: &str| {
        std::fs::copy(from, files.join(to)).map(|_| ()).map_err(|e| format!("{}: {e}", from.display()))
    };
    copy(&wasm, "scorecard-feed.wasm")?;
    copy(&source.join("scorecard-feed.js"), "scorecard-feed.js")?;
    copy(&repo().join("LICENSE"), "LICENSE")?;
    let readme = read(&source.join("README.md"))?
        .replace("{{NAME}}", NAME)
        .replace("{{VERSION}}", &version)
        .replace("{{EMBED_NAME}}", super::NAME)
        .replace("{{EMBED_README}}", &format!("https://www.npmjs.com/package/{}", super::NAME));
    if readme.contains("{{") {
        return Err("crates/scorecard-cli/npm/README.md: a placeholder is not filled in".into());
    }
    write(&files.join("README.md"), &readme)?;
    write(&files.join("package.json"), &package_json(&version)?)?;
    super::pack(NAME, &version, &root, &files)
}

/// `cargo rustc` for the one binary, so the memory setting is given to its link alone.
fn build_wasm() -> Result<PathBuf> {
    run(cmd("cargo")
        .args([
            "rustc",
            "--profile",
            "feed-tools",
            "-p",
            "scorecard-cli",
            "--bin",
            "scorecard-feed",
            "--target",
            TARGET,
        ])
        .args(["--", "-C", &format!("link-arg=--initial-memory={INITIAL_MEMORY}")]))?;
    Ok(cargo_target_dir()?.join(TARGET).join("feed-tools").join("scorecard-feed.wasm"))
}

fn package_json(version: &str) -> Result<String> {
    let json = serde_json::json!({
        "name": NAME,
        "version": version,
        "description": "scorecard-feed: check, convert, split and diff feeds for the Scorecard widget (the project's own command-line tool, compiled to WebAssembly, run by Node).",
        "license": "MIT",
        "keywords": ["scorecard", "endorsements", "elected officials", "feed", "csv", "validator", "cli", "wasi"],
        "type": "module",
        "bin": { "scorecard-feed": "scorecard-feed.js" },
        "files": ["scorecard-feed.js", "scorecard-feed.wasm"],
        "engines": { "node": NODE },
    });
    serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// Installs the packed tarball into a folder of its own, as a project would (`npm install`).
/// Returns the `scorecard-feed` command npm made for it.
pub fn install(tarball: &Path) -> Result<PathBuf> {
    let folder = out_dir().join("installed");
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    write(&folder.join("package.json"), "{ \"private\": true }\n")?;
    run(cmd("npm")
        .args(["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"])
        .arg(tarball)
        .current_dir(&folder))?;
    let bin = folder.join("node_modules/.bin/scorecard-feed");
    if !bin.exists() {
        return Err(format!("npm made no {}", bin.display()));
    }
    Ok(bin)
}
