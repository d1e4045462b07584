// Scorecard embed loader (see docs/embed.md).
//
// A host page includes this one module script. It mounts an independent widget in every
// element with a `data-scorecard` attribute, each in its own shadow root. The wasm and CSS are
// loaded from next to this file, so all of it can be served from any static host or CDN, on
// another origin than the page. No inline scripts, no eval: it runs under a strict CSP that
// allows this origin and 'wasm-unsafe-eval'.

// Where the widget's files are: next to this loader.
const assets = new URL('./', import.meta.url).href;

// Subresource Integrity of the code and styles this loader loads, by their path next to it.
// The npm package fills it in (`cargo xtask package`), so that a snippet pinning this file with
// its `integrity` attribute pins all of them; a plain build leaves it empty. Feeds and ZIP tables
// are data, checked as untrusted input, not hashed (docs/embed.md, "Subresource Integrity").
const INTEGRITY = /*sc-integrity*/ {};
const pinned = (file) => (INTEGRITY[file] ? { integrity: INTEGRITY[file] } : {});

// A module is verified by preloading it with its hash: the import below then takes it from the
// page's module map, and a file that fails the check fails the import.
for (const file of ['scorecard.js', '__wasm_split.js']) {
  if (!INTEGRITY[file]) continue;
  const preload = document.createElement('link');
  preload.rel = 'modulepreload';
  preload.href = new URL(file, assets).href;
  preload.integrity = INTEGRITY[file];
  document.head.append(preload);
}

// Everything the first screen needs is requested at once, none waiting on another (on a phone
// each wait costs a round trip): the wasm, compiled while it streams in; its JavaScript glue
// (imported dynamically so that this file runs without waiting for it); each widget's
// stylesheet and feed (below).
const wasm = fetch(new URL('scorecard_bg.wasm', assets), pinned('scorecard_bg.wasm'));
wasm.catch(() => {}); // reported by `ready`
const ready = import('./scorecard.js').then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue.mount;
});

// Each widget's feed, fetched while the wasm downloads and compiles. The widget alone decides
// which feed it loads (src/options.rs): it takes this answer only if it wants the same address,
// and cancels it otherwise. Only addresses it would fetch anyway are guessed: a same-site
// `?feed=` (for pages that take options from their address), its `data-feed`, or the bundled
// default next to these files.
function prefetchFeed(element) {
  const fromQuery = element.getAttribute('data-options') === 'query';
  const requested = fromQuery ? new URLSearchParams(location.search).get('feed')?.trim() : '';
  const named = element.getAttribute('data-feed')?.trim();
  let url;
  try {
    if (requested) {
      url = new URL(requested, location.href);
      if (url.origin !== location.origin) return undefined; // the widget checks those first
    } else {
      url = named ? new URL(named, location.href) : new URL('feeds/endorsements-2020.json', assets);
    }
  } catch {
    return undefined;
  }
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  response.catch(() => {}); // a failed guess is not an error: the widget reports its own fetch
  return { url: url.href, response, controller };
}

// The shadow root is attached now, with the stylesheet (so it downloads alongside the wasm) and a
// loading note; the widget takes over its `data-sc-root` element once the wasm is ready
// (src/browser/shadow.rs). That element stays hidden until the stylesheet is in, so nobody sees
// the widget unstyled.
function prepare(element) {
  const shadow = element.attachShadow({ mode: 'open' });
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = new URL('scorecard.css', assets).href;
  if (INTEGRITY['scorecard.css']) {
    stylesheet.integrity = INTEGRITY['scorecard.css'];
    stylesheet.crossOrigin = 'anonymous';
  }
  const root = document.createElement('div');
  root.setAttribute('data-sc-root', '');
  root.hidden = true;
  for (const type of ['load', 'error']) stylesheet.addEventListener(type, () => (root.hidden = false), { once: true });
  root.append(loadingNote(element));
  shadow.append(stylesheet, root);
  const waiting = awaiting(root, element);
  const firstScreen = firstScreenUrl(element);
  if (firstScreen) waiting.copy = showFirstScreen(waiting, firstScreen);
  return waiting;
}

// What the widget takes over when it mounts: its root, the feed's early fetch, and the
// officials added from the first screen's copy; `done` once it has, or could not start.
function awaiting(root, element) {
  return { root, feed: prefetchFeed(element), handoff: { adds: [] }, done: false };
}

/** The widget's own loading state (src/app.rs, `app.loading` in the catalogues), shown until it takes over. */
const LOADING = { en: 'Loading the scorecard…', es: 'Cargando el tablero…' };

function loadingNote(element) {
  const lang = widgetLang(element);
  const frame = document.createElement('div');
  frame.className = 'scorecard';
  frame.lang = lang;
  const note = frame.appendChild(document.createElement('p'));
  note.className = 'sc-status';
  note.setAttribute('role', 'status');
  note.textContent = LOADING[lang];
  return frame;
}

// The standalone and iframe pages carry their default feed's first screen in the page itself,
// in a declarative shadow root (`cargo xtask build` writes it in): it paints with the page,
// before any script (hidden by the page's first script when its address may ask for another
// view). It is kept when the widget will start on that view, and otherwise replaced by the
// loading note (and the right copy, if there is one).
function adopt(element) {
  const root = element.shadowRoot.querySelector('[data-sc-root]');
  const builtIn = root.querySelector(':scope > [data-sc-snapshot]');
  const waiting = awaiting(root, element);
  const firstScreen = firstScreenUrl(element);
  if (firstScreen && firstScreen.pathname.endsWith(`/${builtIn?.dataset.scFeed}.html`)) {
    // The page's own check may have hidden it for an address it could not read this closely
    // (e.g. `?feed=` naming the default feed): it is the right copy after all.
    element.style.setProperty('--sc-built-in-copy', 'block');
    waiting.handoff.adds.push(...(earlyAdds.get(element) || []));
    takeOver(waiting, builtIn);
    root.replaceChildren(builtIn);
  } else {
    root.replaceChildren(loadingNote(element));
    if (firstScreen) waiting.copy = showFirstScreen(waiting, firstScreen);
  }
  return waiting;
}

// A copy of the widget's first screen, rendered at build time for each bundled feed's default
// view (crates/scorecard-prerender), shown while the wasm downloads: readers see the officials at
// once and can add them to the shortlist (the widget adds them for real when it takes over) or
// follow their next step (real links); filters, the ZIP code lookup and details wait for the
// widget. Only where the widget will start with exactly that view: a bundled feed, no view
// options on the element (or, for a page that takes them, in its address) and no view or
// shared list in the address.
const VIEW_OPTIONS = ['question', 'states', 'stance', 'compact', 'theme'];

function firstScreenUrl(element) {
  // The copies are in English: a widget that starts in another language shows its loading note.
  if (widgetLang(element) !== 'en') return null;
  const fromQuery = element.getAttribute('data-options') === 'query';
  const query = new URLSearchParams(location.search);
  // A page that takes options from its address may name a bundled feed there (the standalone
  // page's feed chooser): its first screen is as good as the default's.
  const requested = fromQuery ? query.get('feed')?.trim() : '';
  const named = element.getAttribute('data-feed')?.trim();
  const bundled = new URL('feeds/', assets).href;
  let feed;
  try {
    const address = requested || named;
    feed = address ? new URL(address, location.href).href : new URL('feeds/endorsements-2020.json', assets).href;
  } catch {
    return null;
  }
  const name = feed.startsWith(bundled) && feed.endsWith('.json') ? feed.slice(bundled.length, -'.json'.length) : '';
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  if (VIEW_OPTIONS.some((option) => element.hasAttribute(`data-${option}`))) return null;
  if (fromQuery && VIEW_OPTIONS.some((option) => query.has(option))) return null;
  if (/(?:^#|&)sc(?:-[^=&]*)?=/.test(location.hash)) return null;
  return new URL(`first/${name}.html`, assets);
}

// The language the widget will start in, as src/app.rs decides it (`default_lang`): the
// page address's `lang` for a page that takes options from it, else `data-lang`, else the
// browser's first language the widget speaks; a language it does not speak counts as absent.
// A view's language in the fragment (`lg=`) is not read here: any view there skips the copy.
// Each language the widget speaks, with the locale it writes numbers in (`Lang::tag` and
// `Lang::default_locale` in crates/scorecard-core/src/i18n, whose tests hold this line to them).
const LOCALES = { en: 'en-US', es: 'es-US' };
const SPOKEN = Object.keys(LOCALES);

function widgetLang(element) {
  const speaks = (tag) => {
    const lang = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return SPOKEN.includes(lang) ? lang : '';
  };
  const fromQuery = element.getAttribute('data-options') === 'query';
  const asked = (fromQuery && new URLSearchParams(location.search).get('lang')?.trim()) || element.getAttribute('data-lang');
  const browser = [...(navigator.languages || []), navigator.language];
  return speaks(asked) || browser.map(speaks).find(Boolean) || 'en';
}

/** Shows the copy when it arrives; the promise settles once it is painted, or will not be shown. */
function showFirstScreen(waiting, url) {
  return fetch(url, pinned(url.href.slice(assets.length)))
    .then((response) => (response.ok ? response.text() : null))
    .then((html) => {
      // Nothing to show, or too late: the widget has taken over, or could not start.
      if (!html || waiting.done) return;
      const copy = document.createElement('div');
      copy.setAttribute('data-sc-snapshot', '');
      copy.innerHTML = html; // our own file, from next to this loader, like the wasm
      takeOver(waiting, copy);
      waiting.root.replaceChildren(copy);
      waiting.painted = nextPaint();
      return waiting.painted;
    })
    .catch(() => {}); // the loading note stays
}

// Resolves once the page has painted a frame. The widget waits for it after the copy is put in:
// on a repeat visit its wasm comes from the caches as the copy does, and mounting at once would
// hold the copy's first paint until the widget's own first render is done.
// A hidden page paints nothing (and runs no frames): it waits for nothing.
function nextPaint() {
  if (document.hidden) return undefined;
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

// A copy of the first screen, readied for readers: "Add" keeps the official for the widget (and
// again takes them back) and shows them in the copy's shortlist; what only the widget can do is
// inert until it takes over.
function takeOver(waiting, copy) {
  for (const part of copy.querySelectorAll('.sc-filters, .sc-your, .sc-results-head, .sc-name-button, .sc-compare-toggle, .sc-shortlist')) part.inert = true;
  copy.addEventListener('click', (event) => {
    // Once the wasm has made the copy live, it handles "Add" itself.
    if (waiting.handoff.live) return;
    const button = event.target.closest('.sc-add[data-official]');
    if (button) toggleAdd(copy, waiting.handoff.adds, button);
  });
}

/** "Add" pressed on the copy: the official goes into `adds` (or, pressed again, out of it). */
function toggleAdd(copy, adds, button) {
  const id = button.getAttribute('data-official');
  const at = adds.indexOf(id);
  if (at < 0) adds.push(id);
  else adds.splice(at, 1);
  button.classList.toggle('sc-added', at < 0);
  button.setAttribute('aria-pressed', String(at < 0));
  showAdded(copy, adds);
}

// The standalone and iframe pages paint their built-in copy while they are still being parsed,
// and `adopt` waits for the whole page: on a phone, a few hundred milliseconds in which "Add"
// would do nothing. Those pages load this file early (async, in their head), and until the page
// is parsed a press on a built-in copy is kept here, by widget element, for `adopt`.
const earlyAdds = new WeakMap();

function keepEarlyAdd(event) {
  const path = event.composedPath().filter((node) => node instanceof Element);
  const button = path.find((node) => node.matches('.sc-add[data-official]'));
  const copy = path.find((node) => node.hasAttribute('data-sc-snapshot'));
  const element = path.find((node) => node.hasAttribute('data-scorecard'));
  if (!button || !copy || !element) return;
  if (!earlyAdds.has(element)) earlyAdds.set(element, []);
  toggleAdd(copy, earlyAdds.get(element), button);
}

// The copy's shortlist lists `adds`, in order, with the entries the prerenderer drew for each
// official on the copy (`<template data-sc-entries>`, crates/scorecard-prerender); the widget
// draws the rest of the panel (the total, sharing) when it takes over.
function showAdded(copy, adds) {
  const drawn = copy.querySelector('template[data-sc-entries]')?.content;
  const panel = copy.querySelector('.sc-shortlist');
  if (!drawn || !panel) return;
  const entry = (id) => [...drawn.children].find((li) => li.getAttribute('data-official') === id);
  const entries = adds.map(entry).filter(Boolean).map((li) => li.cloneNode(true));
  let list = panel.querySelector('.sc-entries');
  if (!list) {
    list = document.createElement('ol');
    list.className = 'sc-entries';
    panel.querySelector('.sc-shortlist-title')?.after(list);
  }
  list.replaceChildren(...entries);
  list.hidden = entries.length === 0;
  const empty = panel.querySelector('.sc-empty-note');
  if (empty) empty.hidden = entries.length > 0;
}

// How long a widget ready to mount waits for its first screen's copy still on its way.
const COPY_WAIT_MS = 250;

// Elements this loader prepared and has not mounted yet.
const prepared = new Map();

function prepareAll(root) {
  for (const element of root.querySelectorAll('[data-scorecard]')) {
    if (prepared.has(element)) continue;
    if (!element.shadowRoot) prepared.set(element, prepare(element));
    else if (element.shadowRoot.querySelector('[data-sc-root]:not([data-sc-mounted])')) prepared.set(element, adopt(element));
  }
}

// The widget writes numbers, money, dates and plurals with the browser's `Intl` (src/i18n.rs).
// A page's first `Intl` formatters load the browser's locale data: on a phone profile that is
// 100–170 ms of script, which the widget would spend after its wasm arrives, on the way to the
// first working click. Done here, in idle moments while the wasm downloads, it is off that path
// (the data loaded for one locale serves the others).
function warmIntl(lang) {
  if (typeof Intl !== 'object') return;
  const locale = LOCALES[lang];
  const steps = [
    () => new Intl.NumberFormat(locale).format(1015),
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(27),
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(0),
    () => new Intl.PluralRules(locale).select(2),
  ];
  const idle = globalThis.requestIdleCallback || ((task) => setTimeout(task, 1));
  const next = () => {
    try {
      steps.shift()();
    } catch {
      // A browser without one of these: the widget writes numbers without it.
    }
    if (steps.length) idle(next);
  };
  idle(next);
}

// A release build keeps the Spanish catalogue in a module of its own, fetched for Spanish
// readers only (src/i18n.rs, `SpanishWords`). A widget starting in Spanish waits for it, so it
// is requested as soon as the page's widgets are known (`start`), while the main wasm downloads:
// the widget's own request then takes it from here.
// (`cargo xtask build --release` turns this on; other builds have no such module.)
const SPLIT_BUILD = /*sc-split*/ false;
function preloadSpanish() {
  if (!SPLIT_BUILD || ![...document.querySelectorAll('[data-scorecard]')].some((element) => widgetLang(element) === 'es')) return;
  const file = 'split_words_es.wasm';
  const preload = document.createElement('link');
  preload.rel = 'preload';
  preload.as = 'fetch';
  preload.crossOrigin = 'anonymous'; // as the module's `fetch` asks for it, so the two match
  preload.href = new URL(file, assets).href;
  if (INTEGRITY[file]) preload.integrity = INTEGRITY[file];
  document.head.append(preload);
}

// If the widget cannot start (no WebAssembly, a CSP without 'wasm-unsafe-eval', the files
// unreachable), the element shows its own content again: the host's no-JavaScript fallback.
function showFallback(element) {
  const waiting = prepared.get(element);
  prepared.delete(element);
  if (!waiting) return;
  waiting.done = true;
  waiting.feed?.controller.abort();
  waiting.root.replaceChildren(document.createElement('slot'));
  waiting.root.hidden = false;
}

/** Hands a prepared element to the widget: the loader's part is done. */
function take(element) {
  const waiting = prepared.get(element);
  prepared.delete(element);
  if (waiting) waiting.done = true;
  return waiting;
}

async function mountOne(element) {
  if (!prepared.has(element) && !element.shadowRoot) prepared.set(element, prepare(element));
  let mount;
  try {
    mount = await ready;
  } catch (error) {
    showFallback(element);
    throw error;
  }
  await mountPrepared(element, mount);
}

/** Mounts the widget in `element` (`mount`: the wasm is ready), taking over what the loader prepared. */
async function mountPrepared(element, mount) {
  // On a repeat visit the wasm, from the caches, can be ready a moment before the copy of the
  // first screen: the copy, a few tens of milliseconds away, shows the officials sooner than
  // the widget's own first render would. It is waited for that long at most.
  const copy = prepared.get(element)?.copy;
  if (copy) await Promise.race([copy, new Promise((resolve) => setTimeout(resolve, COPY_WAIT_MS))]);
  const waiting = take(element);
  await waiting?.painted;
  mount(element, assets, waiting?.feed, waiting?.handoff);
}

async function mountAll(root = document) {
  prepareAll(root);
  const elements = [...root.querySelectorAll('[data-scorecard]')];
  try {
    const mount = await ready;
    for (const element of elements) await mountPrepared(element, mount);
  } catch (error) {
    elements.forEach(showFallback);
    throw error;
  }
}

// The one global, for pages that add widgets after loading (mounting twice does nothing).
// A page that already uses the name keeps it.
if (!('Scorecard' in globalThis)) {
  Object.defineProperty(globalThis, 'Scorecard', { value: Object.freeze({ mount: mountOne, mountAll }) });
}

// What needs the page's widget elements waits until the page is parsed (a page that loads this
// file early); meanwhile presses on a built-in copy are kept (`keepEarlyAdd`).
function start() {
  document.removeEventListener('click', keepEarlyAdd);
  prepareAll(document);
  const firstWidget = document.querySelector('[data-scorecard]');
  if (firstWidget) warmIntl(widgetLang(firstWidget));
  preloadSpanish();
  mountAll().catch((error) => {
    console.error('Scorecard could not start:', error);
  });
}
if (document.readyState === 'loading') {
  document.addEventListener('click', keepEarlyAdd);
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
