//! `cargo xtask package`: the widget as an npm package (`target/package/`), for bloggers who take
//! widgets from an npm CDN (jsDelivr, unpkg) pinned by version, with Subresource Integrity; and
//! beside it the feed tools for organizers (`package/feed_tools.rs`), at the same version.
//!
//! The package is the release site (`dist/`) without its precompressed copies (CDNs compress for
//! themselves), plus `package.json`, a README for bloggers (`web/package/README.md`, filled in)
//! and `integrity.json`. Files at a version never change, and the loader finds its siblings next
//! to its own URL, so the same files work from any host or path.
//!
//! Integrity is a chain: the blogger's snippet pins `embed.js` with its `integrity` attribute;
//! `embed.js` carries the hashes of the code and styles it loads (its `INTEGRITY` table, filled in
//! here), and `__wasm_split.js` the hashes of the parts it fetches. Data (feeds, ZIP tables) is
//! not hashed: the widget checks it as untrusted input, as it does any organizer's feed
//! (docs/embed.md, "Subresource Integrity").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::{cargo_metadata, cmd, output, repo, Result};

pub mod feed_tools;

/// The package's name on npm. Its version is the widget's (`version` in the root Cargo.toml).
pub const NAME: &str = "@scorecard-widget/embed";

/// Where `embed.js` expects its table of hashes; an empty table in a plain build.
const INTEGRITY_MARKER: &str = "/*sc-integrity*/ {}";

/// The organizer page's element, given the loader's hash for the snippets it writes.
const ORGANIZER_ELEMENT: &str = "<div data-scorecard-organizer";

/// Where the package is written, and the tarball `npm pack` makes beside it.
pub fn out_dir() -> PathBuf {
    repo().join("target/package")
}

/// Builds the package from the release site in `dist` and packs it. Returns the tarball's path.
pub fn package(dist: &Path) -> Result<PathBuf> {
    let version = version()?;
    let root = out_dir();
    let files = root.join("files");
    if root.exists() {
        std::fs::remove_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    }
    copy_site(dist, &files)?;
    let mut integrity = BTreeMap::new();
    // Innermost first: a file's hash is taken after the hashes it carries are written into it.
    pin_parts(&files, &mut integrity)?;
    for file in ["__wasm_split.js", "scorecard.js", "scorecard_bg.wasm", "scorecard.css"] {
        if files.join(file).exists() {
            integrity.insert(file.to_string(), hash(&files.join(file))?);
        }
    }
    for entry in read_dir(&files.join("first"))? {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        integrity.insert(format!("first/{name}"), hash(&entry)?);
    }
    let embed = files.join("embed.js");
    let loader = read(&embed)?;
    if !loader.contains(INTEGRITY_MARKER) {
        return Err(format!("{}: the integrity table's marker is missing", embed.display()));
    }
    let table = serde_json::to_string(&integrity).map_err(|e| e.to_string())?;
    write(&embed, &loader.replacen(INTEGRITY_MARKER, &table, 1))?;
    integrity.insert("embed.js".into(), hash(&embed)?);
    // The organizer page writes snippets that pin the loader.
    let organizer = files.join("organize.html");
    let page = read(&organizer)?;
    if !page.contains(ORGANIZER_ELEMENT) {
        return Err(format!("{}: no `{ORGANIZER_ELEMENT}` element", organizer.display()));
    }
    let pinned = format!("{ORGANIZER_ELEMENT} data-loader-integrity=\"{}\"", integrity["embed.js"]);
    write(&organizer, &page.replacen(ORGANIZER_ELEMENT, &pinned, 1))?;
    write(
        &files.join("integrity.json"),
        &(serde_json::to_string_pretty(&integrity).map_err(|e| e.to_string())? + "\n"),
    )?;

    let top_level = read_dir(&files)?
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some(if p.is_dir() { format!("{name}/") } else { name })
        })
        .collect();
    write(&files.join("package.json"), &package_json(&version, top_level)?)?;
    let readme = read(&repo().join("web/package/README.md"))?
        .replace("{{NAME}}", NAME)
        .replace("{{VERSION}}", &version)
        .replace("{{EMBED_INTEGRITY}}", &integrity["embed.js"])
        .replace("{{GLUE_INTEGRITY}}", &integrity["scorecard.js"])
        .replace("{{WASM_INTEGRITY}}", &integrity["scorecard_bg.wasm"]);
    write(&files.join("README.md"), &readme)?;
    std::fs::copy(repo().join("LICENSE"), files.join("LICENSE")).map_err(|e| format!("LICENSE: {e}"))?;

    let tarball = pack(NAME, &version, &root, &files)?;
    eprintln!("  embed.js integrity {}", integrity["embed.js"]);
    Ok(tarball)
}

/// `npm pack` of the package in `files` into `root`; says what it packed. Returns the tarball.
fn pack(name: &str, version: &str, root: &Path, files: &Path) -> Result<PathBuf> {
    let packed = output(cmd("npm").args(["pack", "--json", "--pack-destination"]).arg(root).arg(files))
        .ok_or("npm pack failed")?;
    let report: serde_json::Value = serde_json::from_str(&packed).map_err(|e| format!("npm pack's report: {e}"))?;
    let report = &report[0];
    let tarball = root.join(report["filename"].as_str().ok_or("npm pack named no tarball")?);
    eprintln!(
        "package: {name}@{version}: {} files, {:.1} KB packed, {:.1} KB unpacked: {}",
        report["entryCount"],
        report["size"].as_f64().unwrap_or(0.0) / 1000.0,
        report["unpackedSize"].as_f64().unwrap_or(0.0) / 1000.0,
        tarball.display(),
    );
    Ok(tarball)
}

/// The widget's version: `version` in the root Cargo.toml, the one place it is written.
fn version() -> Result<String> {
    cargo_metadata()?["packages"]
        .as_array()
        .and_then(|packages| packages.iter().find(|p| p["name"] == "scorecard"))
        .and_then(|p| p["version"].as_str())
        .map(str::to_string)
        .ok_or_else(|| "cargo metadata: no version for the scorecard package".into())
}

/// `files`: the package's top-level files and folders, named one by one.
fn package_json(version: &str, files: Vec<String>) -> Result<String> {
    let json = serde_json::json!({
        "name": NAME,
        "version": version,
        "description": "An embeddable endorsement scorecard: where elected officials stand, and a donation shortlist to share. One script tag; everything runs in the reader's browser.",
        "license": "MIT",
        "keywords": ["scorecard", "endorsements", "elected officials", "embed", "widget", "webassembly"],
        "type": "module",
        // The loader is the entry point; every other file is reachable by its path, as a CDN serves it.
        "exports": { ".": "./embed.js", "./*": "./*" },
        "files": files,
        "sideEffects": true,
        // Only the package's own scripts (`npm pack`, the tests) run in Node; readers' browsers
        // need WebAssembly, ES modules and shadow DOM (docs/embed.md).
        "engines": { "node": ">=18" },
        "browser": "./embed.js",
    });
    serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// Every file of the release site but the precompressed copies, keeping the folders.
fn copy_site(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in read_dir(from)? {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if entry.is_dir() {
            copy_site(&entry, &to.join(&name))?;
        } else if !name.ends_with(".gz") && !name.ends_with(".br") {
            std::fs::copy(&entry, to.join(&name)).map_err(|e| format!("{}: {e}", entry.display()))?;
        }
    }
    Ok(())
}

/// Writes each part's hash into `__wasm_split.js`, where it fetches the part: the generated
/// loader's `fetch(new URL("./<part>.wasm", import.meta.url))` gains `{ integrity }`.
fn pin_parts(files: &Path, integrity: &mut BTreeMap<String, String>) -> Result {
    let split = files.join("__wasm_split.js");
    if !split.exists() {
        return Ok(()); // a build without parts
    }
    let mut js = read(&split)?;
    for entry in read_dir(files)? {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !(name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"))) {
            continue;
        }
        let sri = hash(&entry)?;
        let call = format!("fetch(new URL(\"./{name}\", import.meta.url))");
        if js.matches(&call).count() != 1 {
            return Err(format!("__wasm_split.js: expected one `{call}`; the splitter's output changed"));
        }
        js = js.replacen(
            &call,
            &format!("fetch(new URL(\"./{name}\", import.meta.url), {{ integrity: \"{sri}\" }})"),
            1,
        );
        integrity.insert(name, sri);
    }
    if js.matches("fetch(new URL(").count() != js.matches("{ integrity: ").count() {
        return Err("__wasm_split.js fetches a file the package does not pin".into());
    }
    write(&split, &js)
}

/// `sha384-<base64>`, as the `integrity` attribute and `fetch`'s option take it.
fn hash(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))))
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
