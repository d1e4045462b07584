//! Project chores as `cargo xtask <command>`, so a contributor needs only cargo.
//!
//! - `setup`: install what is missing: wasm32 targets (the widget's, the Node CLI's), trunk, wasm-bindgen-cli (the version in
//!   Cargo.lock), the wasm splitter (`wasm_split_cli_support`, pinned), Node packages
//!   (Playwright, axe-core), Chromium and its driver.
//! - `serve`: run the widget on its default feed at http://127.0.0.1:8080 (live reload).
//! - `build`: build the site into `dist/` (release: optimized, the wasm with the pinned nightly's
//!   size-optimized standard library, `--stable` without it; split into the main module and
//!   the parts loaded on first use; `.gz` and `.br` copies of every file).
//! - `test`: every test: format, lints, native unit/property tests, generated-file checks,
//!   component tests in headless Chromium, release build, npm packages, the CLI's tests again
//!   against the Node CLI, end-to-end tests.
//! - `feeds`: rebuild the bundled feeds and the feed JSON Schema from their sources.
//! - `bench`: the performance report against the plain-JS baseline: `bench/RESULTS.md`.
//! - `bench-smoke`: the coarse performance guard `test` runs (gross regressions only).
//! - `synth`: write a deterministic synthetic feed of any size (for benchmarks and trials).
//! - `package [--feed-tools]`: the npm packages: the widget for embeds (`target/package/`), with
//!   Subresource Integrity, and the feed tools for Node (`target/package-feed-tools/`; alone with
//!   `--feed-tools`, which needs no site build).
//! - `fuzz`: run the cargo-fuzz targets for a set time; failing inputs become regression tests.
//! - `soak`: the randomized soak (tests/e2e/soak.mjs; `test` runs one minute of it).
//! - `screenshots`: refresh the README screenshots in `docs/screenshots/`.
//!
//! Every command checks before installing, so running it again is fast.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod bench;
mod fuzz;
mod mutants;
mod precompress;
mod soak;
mod widget;

use widget::NIGHTLY;
mod package;
mod synth;

/// trunk 0.22 needs a newer rustc than the one this project builds with.
const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Packages that only make sense in the browser: linted and tested for wasm32, not natively.
const WASM_ONLY: [&str; 2] = ["scorecard", "scorecard-organizer"];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match command {
        "setup" => setup(Needs::all()),
        "serve" => serve(rest),
        "build" => build_site(rest.iter().any(|a| a == "--release"), rest.iter().any(|a| a == "--stable")).map(|_| ()),
        "test" => test(rest),
        "feeds" => feeds(),
        "bench" => bench::run_report(rest),
        "bench-smoke" => build(true).and_then(|_| bench::smoke()),
        // Run by trunk before each build (Trunk.toml): the widget's wasm and glue.
        "widget-wasm" => widget::from_trunk_hook(),
        "fuzz" => fuzz::fuzz(rest),
        "mutants" => mutants::mutants(rest),
        "synth" => synth::command(rest),
        "soak" => soak::command(rest),
        "package" if rest.iter().any(|a| a == "--feed-tools") => {
            setup(Needs { browser: false }).and_then(|()| package::feed_tools::package()).map(|_| ())
        }
        "package" => build(true).and_then(|dist| packages(&dist)).map(|_| ()),
        "screenshots" => build(true).and_then(|_| run(cmd("node").arg("tests/e2e/screenshots.mjs"))),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|serve|build|test|feeds|bench|bench-smoke|fuzz|mutants|synth|soak|package|screenshots>\n"
            );
            eprintln!("  serve [--port N] [--release]   run the widget on the default feed");
            eprintln!("  build [--release [--stable]]    the site in dist/ (release: wasm from the pinned nightly's");
            eprintln!("                                  size-optimized std; --stable: from stable)");
            eprintln!("  test [--skip-browser]           run every test (the CI command)");
            eprintln!(
                "  bench [--quick] [--runs N] [--reps N] [--sizes default,10k,100k,500k] [--no-native] [--report-only]"
            );
            eprintln!("                                  the performance report (bench/RESULTS.md)");
            eprintln!("  fuzz [--seconds N] [TARGET...]  run the fuzz targets (nightly; default 120 s each)");
            eprintln!("  mutants [PART...] [--shard K/N | --again] [--jobs J] [--list] [--report]");
            eprintln!("                                  mutation testing of the core (docs/mutation.md)");
            eprintln!("  synth N [--seed S] [-o FILE]    a synthetic feed of N officials (deterministic)");
            eprintln!("  soak [--minutes N] [--seed S]   random use, checked (replay: --phase P --steps K)");
            eprintln!("  package [--feed-tools]          the npm packages (target/package*/): the widget, with SRI");
            eprintln!("                                  hashes, and the feed tools for Node (alone: --feed-tools)");
            return ExitCode::from(if command == "help" || command == "--help" { 0 } else { 2 });
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// The workspace as `cargo metadata` describes it (its own packages only).
pub fn cargo_metadata() -> Result<serde_json::Value> {
    let metadata =
        output(cmd("cargo").args(["metadata", "--format-version", "1", "--no-deps"])).ok_or("cargo metadata failed")?;
    serde_json::from_str(&metadata).map_err(|e| format!("cargo metadata: {e}"))
}

/// Where cargo writes what it builds: `target/`, unless `CARGO_TARGET_DIR` or a config says otherwise.
pub fn cargo_target_dir() -> Result<PathBuf> {
    let metadata = cargo_metadata()?;
    metadata["target_directory"].as_str().map(PathBuf::from).ok_or_else(|| "cargo metadata: no target directory".into())
}

/// PATH with the project's Node tools and cargo's bin first.
fn tool_path() -> String {
    let mut paths = vec![repo().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| home().map(|h| h.join(".cargo"))) {
        paths.push(home.join("bin"));
    }
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(repo()).env("PATH", tool_path());
    command
}

/// How a command is shown in logs: program and arguments, without the environment.
fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

pub fn run(command: &mut Command) -> Result {
    let shown = describe(command);
    eprintln!("$ {shown}");
    let status = command.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Output of a command that must succeed, or `None`.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

// ---------------------------------------------------------------- setup

#[derive(Clone, Copy)]
struct Needs {
    browser: bool,
}

impl Needs {
    fn all() -> Needs {
        Needs { browser: true }
    }
}

fn setup(needs: Needs) -> Result {
    let started = Instant::now();
    ensure_target("wasm32-unknown-unknown")?;
    // The CLI for Node (xtask/src/package/feed_tools.rs).
    ensure_target(package::feed_tools::TARGET)?;
    ensure_nightly()?;
    ensure_cargo_tool("trunk", TRUNK_VERSION, &["install", "trunk", "--version", TRUNK_VERSION, "--locked"])?;
    let bindgen = wasm_bindgen_version()?;
    ensure_cargo_tool("wasm-bindgen", &bindgen, &["install", "wasm-bindgen-cli", "--version", &bindgen])?;
    ensure_splitter()?;
    ensure_node_packages()?;
    if needs.browser {
        ensure_chromium()?;
    }
    eprintln!("setup: everything is installed ({:.1}s)", started.elapsed().as_secs_f64());
    Ok(())
}

fn ensure_target(target: &str) -> Result {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == target) {
        return Ok(());
    }
    run(cmd("rustup").args(["target", "add", target]))
}

/// The pinned nightly with the standard library's sources (for `-Zbuild-std`) and their
/// dependencies fetched, so trunk's offline build finds them.
fn ensure_nightly() -> Result {
    let sysroot = output(cmd("rustc").arg(format!("+{NIGHTLY}")).args(["--print", "sysroot"]));
    let library = sysroot.map(|s| PathBuf::from(s.trim()).join("lib/rustlib/src/rust/library"));
    let has_target = || {
        output(cmd("rustup").args(["target", "list", "--installed", "--toolchain", NIGHTLY]))
            .is_some_and(|t| t.lines().any(|l| l.trim() == "wasm32-unknown-unknown"))
    };
    let library = match library.filter(|l| l.join("Cargo.toml").exists() && has_target()) {
        Some(library) => library,
        None => {
            run(cmd("rustup").args(["toolchain", "install", NIGHTLY, "--profile", "minimal"]).args([
                "--component",
                "rust-src",
                "--target",
                "wasm32-unknown-unknown",
            ]))?;
            let sysroot = output(cmd("rustc").arg(format!("+{NIGHTLY}")).args(["--print", "sysroot"]))
                .ok_or(format!("rustc +{NIGHTLY} does not run"))?;
            PathBuf::from(sysroot.trim()).join("lib/rustlib/src/rust/library")
        }
    };
    run(cmd("cargo").arg(format!("+{NIGHTLY}")).arg("fetch").arg("--manifest-path").arg(library.join("Cargo.toml")))
}

/// Installs `binary` with `cargo install` unless `binary --version` already reports `version`.
fn ensure_cargo_tool(binary: &str, version: &str, install: &[&str]) -> Result {
    let found = output(cmd(binary).arg("--version")).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    eprintln!("setup: installing {binary} {version} (found: {})", if found.is_empty() { "none" } else { found.trim() });
    run(cmd("cargo").args(install))
}

/// The splitter of the release wasm (xtask/src/widget.rs), at its pinned version. Installed as
/// a tool, like trunk and wasm-bindgen, rather than called as a library from xtask: xtask is a
/// workspace member, so its dependencies (rayon, gimli, regex, wasmparser, wasm-encoder, ...)
/// would be compiled by every clippy and test run of the workspace, where a tool is built once
/// per machine. It has no `--version`, so `cargo install --list` says which one is there.
fn ensure_splitter() -> Result {
    let (name, version) = (widget::SPLITTER_CRATE, widget::SPLITTER_VERSION);
    let installed = output(cmd("cargo").args(["install", "--list"])).unwrap_or_default();
    let wanted = format!("{name} v{version}:");
    let binary = std::env::split_paths(&tool_path()).any(|dir| dir.join(widget::SPLITTER_BINARY).exists());
    if binary && installed.lines().any(|line| line.trim() == wanted) {
        return Ok(());
    }
    eprintln!("setup: installing {name} {version} (its {} binary)", widget::SPLITTER_BINARY);
    let exact = format!("={version}");
    run(cmd("cargo").args(["install", name, "--version", &exact, "--features", "build-binary", "--locked"]))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock =
        std::fs::read_to_string(repo().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) =
                lines.next().and_then(|l| l.strip_prefix("version = \"")).map(|v| v.trim_end_matches('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_node_packages() -> Result {
    let root = repo();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l);
    if fresh && root.join("node_modules/playwright-core").exists() {
        return Ok(());
    }
    if output(cmd("npm").arg("--version")).is_none() {
        install_debian_packages(&["nodejs", "npm"])?;
    }
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))
}

fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    install_debian_packages(&["chromium", "chromium-driver"])
}

fn install_debian_packages(packages: &[&str]) -> Result {
    let is_root = output(cmd("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if is_root { cmd("apt-get") } else { cmd("sudo") };
        if !is_root {
            command.args(["-n", "apt-get"]);
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq", "--no-install-recommends"]);
    install.args(packages);
    run(&mut install).map_err(|e| format!("{e}\nInstall them by hand: apt-get install {}", packages.join(" ")))
}

// ---------------------------------------------------------------- serve, build, feeds

fn serve(args: &[String]) -> Result {
    setup(Needs { browser: false })?;
    build_organizer(args.iter().any(|a| a == "--release"))?;
    zip_table()?;
    first_screens()?;
    let port = args.iter().position(|a| a == "--port").and_then(|i| args.get(i + 1)).map_or("8080", String::as_str);
    eprintln!("\nServing the widget at http://127.0.0.1:{port}/ (Ctrl-C to stop)\n");
    let mut command = cmd("trunk");
    command.args(["serve", "--address", "127.0.0.1", "--port", port]);
    if args.iter().any(|a| a == "--release") {
        command.arg("--release");
    }
    run(&mut command)
}

/// Builds the site into `dist/` and returns its path: first the organizer's wasm (its own
/// module, so blog readers never download it), then the widget and pages, which copy it in.
pub fn build(release: bool) -> Result<PathBuf> {
    build_site(release, false)
}

/// [`build`]; with `stable`, a release build's wasm is made by the stable toolchain too.
fn build_site(release: bool, stable: bool) -> Result<PathBuf> {
    setup(Needs { browser: false })?;
    build_organizer(release)?;
    zip_table()?;
    first_screens()?;
    // Trunk's hook builds the widget's wasm (widget.rs), stable if asked.
    let mut command = cmd("trunk");
    command.args(["build", "--dist", "dist"]).env("SCORECARD_STABLE", if stable { "1" } else { "0" });
    if release {
        command.arg("--release");
    }
    run(&mut command)?;
    let dist = repo().join("dist");
    build_in_first_screens(&dist)?;
    if release {
        mark_split_build(&dist)?;
        let count = precompress::precompress(&dist)?;
        eprintln!("build: wrote .gz and .br copies of {count} files in dist/");
    }
    Ok(dist)
}

/// Tells the loader its wasm is split into parts (web/embed.js, `SPLIT_BUILD`), so it may
/// request a part early (the Spanish catalogue, for a widget starting in Spanish).
fn mark_split_build(dist: &Path) -> Result {
    const MARKER: &str = "/*sc-split*/ false";
    let loader = dist.join("embed.js");
    let js = std::fs::read_to_string(&loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    if !dist.join("split_words_es.wasm").exists() || js.matches(MARKER).count() != 1 {
        return Err(format!("{}: no Spanish part, or not one `{MARKER}` in the loader", dist.display()));
    }
    std::fs::write(&loader, js.replacen(MARKER, "/*sc-split*/ true", 1))
        .map_err(|e| format!("{}: {e}", loader.display()))
}

fn build_organizer(release: bool) -> Result {
    let mut command = cmd("trunk");
    command.args(["build", "web/organizer-build.html", "--dist", "target/organize-dist"]);
    if release {
        command.arg("--release");
    }
    run(&mut command)
}

/// The ZIP table the site ships (`[zip_table]` in feeds/bundled.toml), into target/zip-table,
/// which index.html copies to dist/zip/. Generated, not committed: hundreds of files.
fn zip_table() -> Result {
    let cli = ["run", "--quiet", "-p", "scorecard-cli", "--", "zip-table", "feeds/bundled.toml"];
    run(cmd("cargo").args(cli).args(["--out", "target/zip-table"]))
}

/// Each bundled feed's first screen, rendered by the widget's own components
/// (crates/scorecard-prerender) into target/first-screen/<feed>.html, which index.html copies to
/// dist/first/: the loader shows it while the wasm downloads (docs/embed.md).
fn first_screens() -> Result {
    let out = repo().join("target/first-screen");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let feeds = std::fs::read_dir(repo().join("feeds")).map_err(|e| format!("feeds/: {e}"))?;
    let mut feeds: Vec<PathBuf> =
        feeds.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    feeds.sort();
    for feed in feeds {
        let Some(stem) = feed.file_stem() else { continue };
        let page = out.join(stem).with_extension("html");
        run(cmd("cargo").args(["run", "--quiet", "-p", "scorecard-prerender", "--"]).arg(&feed).arg("-o").arg(&page))?;
    }
    Ok(())
}

/// Where the standalone and iframe pages (index.html, web/frame.html) take their default feed's
/// first screen.
const FIRST_SCREEN_MARKER: &str =
    "<!--sc-first-screen: the default feed's first screen, written in by cargo xtask build-->";

/// Writes the default feed's first screen into the standalone and iframe pages, as a
/// declarative shadow root of their widget element: it paints with the page, before any script
/// runs (and without JavaScript at all). Until the widget's stylesheet is in, the copy is hidden
/// (the stylesheet shows it). The page's own fallback text shows through a slot below it, for
/// readers without JavaScript (below, so that the loader removing it moves nothing on screen);
/// the loader keeps the copy when the widget starts on that view (web/embed.js, `adopt`).
///
/// That copy is the default feed's default view, so an address that may ask for another feed,
/// view or a shared list (any query option but the iframe's `frame` and `refcode`, or a
/// fragment), or whose reader's browser prefers Spanish (the copy is in English), must never
/// paint it. The first thing in the page's head decides: it runs before
/// any stylesheet, so nothing can hold it back past the first paint (a script beside the copy
/// waits for the page's stylesheet, and on a slow phone the copy sometimes painted first). It
/// sets `--sc-built-in-copy: none`, which inherits into the shadow root, where the stylesheet's
/// rule for the copy reads it. embed.js then shows the right copy, if any.
const HIDE_WRONG_FIRST_SCREEN: &str = "<script>if (location.hash || [...new URLSearchParams(location.search).keys()]\
     .some((key) => key !== 'frame' && key !== 'refcode') || [...(navigator.languages || []), navigator.language]\
     .map((l) => String(l || '').split(/[-_]/)[0].toLowerCase()).find((l) => l === 'en' || l === 'es') === 'es') \
     document.documentElement.style.setProperty('--sc-built-in-copy', 'none');</script>";

fn build_in_first_screens(dist: &Path) -> Result {
    let feed = "endorsements-2020";
    let screen = dist.join("first").join(format!("{feed}.html"));
    let screen = std::fs::read_to_string(&screen).map_err(|e| format!("{}: {e}", screen.display()))?;
    let root = format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"scorecard.css\">\
         <div data-sc-root><div data-sc-snapshot data-sc-feed=\"{feed}\" hidden>{screen}</div><slot></slot></div></template>"
    );
    for page in ["index.html", "frame.html"] {
        let path = dist.join(page);
        let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !html.contains(FIRST_SCREEN_MARKER) {
            return Err(format!("{}: the first screen's marker is missing", path.display()));
        }
        if !html.contains("<head>") {
            return Err(format!("{}: no <head> to put the first screen's check in", path.display()));
        }
        let html = html.replacen("<head>", &format!("<head>\n  {HIDE_WRONG_FIRST_SCREEN}"), 1);
        std::fs::write(&path, html.replacen(FIRST_SCREEN_MARKER, &root, 1))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn feeds() -> Result {
    run(cmd("cargo").args(["run", "--quiet", "-p", "scorecard-cli", "--", "bundle", "feeds/bundled.toml"]))?;
    let schema = output(cmd("cargo").args(["run", "--quiet", "-p", "scorecard-cli", "--", "schema"]))
        .ok_or("scorecard-feed schema failed")?;
    std::fs::write(repo().join("docs/feed.schema.json"), schema).map_err(|e| e.to_string())?;
    eprintln!("feeds: wrote feeds/*.json and docs/feed.schema.json");
    Ok(())
}

/// Both npm packages, from the release site in `dist`: their tarballs (the widget's, the feed
/// tools').
fn packages(dist: &Path) -> Result<(PathBuf, PathBuf)> {
    Ok((package::package(dist)?, package::feed_tools::package()?))
}

// ---------------------------------------------------------------- test

struct Step {
    name: &'static str,
    seconds: f64,
    passed: usize,
}

fn test(args: &[String]) -> Result {
    let started = Instant::now();
    let browser = !args.iter().any(|a| a == "--skip-browser");
    setup(Needs { browser })?;
    let mut steps: Vec<Step> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<usize>| -> Result {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        let passed = f()?;
        steps.push(Step { name, seconds: t.elapsed().as_secs_f64(), passed });
        Ok(())
    };

    step("format", &mut || run(cmd("cargo").args(["fmt", "--all", "--check"])).map(|()| 0))?;
    step("lints", &mut || {
        run(cmd("cargo").args(["clippy", "--workspace"]).args(WASM_ONLY.map(|p| ["--exclude", p]).concat()).args([
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run(cmd("cargo")
            .args(["clippy", "--target", "wasm32-unknown-unknown", "--all-targets"])
            .args(WASM_ONLY.map(|p| ["-p", p]).concat())
            .args(["--", "-D", "warnings"]))?;
        // The widget as the release build compiles it: its parts behind split points.
        run(cmd("cargo").args(["clippy", "--target", "wasm32-unknown-unknown", "-p", "scorecard", "--lib"]).args([
            "--features",
            "split",
            "--",
            "-D",
            "warnings",
        ]))
        .map(|()| 0)
    })?;
    step("native unit, property and generated-file tests", &mut || {
        cargo_tests(cmd("cargo").args(["test", "--workspace"]).args(WASM_ONLY.map(|p| ["--exclude", p]).concat()))
    })?;
    if browser {
        step("component tests (wasm-bindgen-test, headless Chromium)", &mut || {
            let webdriver = repo().join("tests/webdriver.json");
            cargo_tests(
                cmd("cargo")
                    .args(["test", "-p", "scorecard", "--target", "wasm32-unknown-unknown"])
                    .env("CHROMEDRIVER", CHROMEDRIVER)
                    .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", webdriver)
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
            )
        })?;
    }
    step("release build (trunk)", &mut || build(true).map(|_| 0))?;
    // The end-to-end tests install them from their tarballs: the widget is embedded from another
    // origin, the feed tools run the feed repository template (templates/feed-repo).
    let mut feed_tools = None;
    step("npm packages", &mut || {
        feed_tools = Some(packages(&repo().join("dist"))?.1);
        Ok(0)
    })?;
    // The same cases as the native binary's, so the two cannot drift (tests/support/mod.rs).
    step("the CLI's tests against the Node CLI (@scorecard-widget/feed-tools)", &mut || {
        let tarball = feed_tools.as_deref().ok_or("the feed tools were not packed")?;
        let bin = package::feed_tools::install(tarball)?;
        cargo_tests(cmd("cargo").args(["test", "-p", "scorecard-cli", "--tests"]).env("SCORECARD_FEED", bin))
    })?;
    if browser {
        step("end-to-end tests (Playwright, Chromium)", &mut || {
            let out = run_captured(
                cmd("node")
                    .args(["--test", "--test-concurrency=1", "tests/e2e/"])
                    .env("SCORECARD_DIST", repo().join("dist")),
            )?;
            Ok(count_after(&out, "# pass "))
        })?;
        step("performance smoke (gross regressions only)", &mut || bench::smoke().map(|()| 0))?;
        step("soak (1 minute, seeded random use)", &mut || soak::ci().map(|()| 0))?;
    }

    eprintln!("\n==> summary");
    for s in &steps {
        let count = if s.passed > 0 { format!("{:>4} passed", s.passed) } else { "          ".into() };
        eprintln!("  {count}  {:>6.1}s  {}", s.seconds, s.name);
    }
    let seconds = started.elapsed().as_secs_f64();
    if browser {
        eprintln!("  all tests passed in {seconds:.1}s");
    } else {
        eprintln!(
            "  the tests above passed in {seconds:.1}s; skipped (--skip-browser): component tests, end-to-end \
             tests and the performance smoke, which need Chromium"
        );
    }
    Ok(())
}

/// Runs a command to its end, then prints its output (stdout, then stderr) and returns them
/// for counting. Nothing is shown while it runs.
fn run_captured(command: &mut Command) -> Result<String> {
    let shown = describe(command);
    eprintln!("$ {shown}");
    let out = command.output().map_err(|e| format!("could not start {shown}: {e}"))?;
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprint!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{shown} failed ({})", out.status))
    }
}

fn cargo_tests(command: &mut Command) -> Result<usize> {
    let out = run_captured(command)?;
    Ok(out
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .sum())
}

fn count_after(text: &str, prefix: &str) -> usize {
    text.lines().filter_map(|l| l.trim().strip_prefix(prefix)?.trim().parse::<usize>().ok()).sum()
}
