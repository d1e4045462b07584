// Scorecard embed loader (see docs/embed.md).
//
// A host page includes this one module script. It mounts an independent widget in every
// element with a `data-scorecard` attribute, each in its own shadow root. The wasm and CSS are
// loaded from next to this file, so all of it can be served from any static host or CDN, on
// another origin than the page. No inline scripts, no eval: it runs under a strict CSP that
// allows this origin and 'wasm-unsafe-eval'.
import init, { mount } from './scorecard.js';

// Where the widget's files are: next to this loader.
const assets = new URL('./', import.meta.url).href;
const ready = init({ module_or_path: new URL('scorecard_bg.wasm', assets) });

// Each widget's feed, fetched while the wasm downloads and compiles (on a fast connection that
// is most of the wait). The widget alone decides which feed it loads (src/options.rs): it takes
// this answer only if it wants the same address, and cancels it otherwise. Only addresses it
// would fetch anyway are guessed: a same-site `?feed=` (for pages that take options from their
// address), its `data-feed`, or the bundled default next to these files.
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

const prefetched = new Map();
for (const element of document.querySelectorAll('[data-scorecard]')) {
  if (!element.shadowRoot) prefetched.set(element, prefetchFeed(element));
}

function mountWithFeed(element) {
  const feed = prefetched.get(element);
  prefetched.delete(element);
  mount(element, assets, feed);
}

async function mountAll(root = document) {
  await ready;
  for (const element of root.querySelectorAll('[data-scorecard]')) mountWithFeed(element);
}

async function mountOne(element) {
  await ready;
  mountWithFeed(element);
}

// The one global, for pages that add widgets after loading (mounting twice does nothing).
// A page that already uses the name keeps it.
if (!('Scorecard' in globalThis)) {
  Object.defineProperty(globalThis, 'Scorecard', { value: Object.freeze({ mount: mountOne, mountAll }) });
}

mountAll().catch((error) => {
  // The elements keep their own content (the no-JavaScript fallback).
  console.error('Scorecard could not start:', error);
});
