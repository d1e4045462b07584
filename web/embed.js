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

async function mountAll(root = document) {
  await ready;
  for (const element of root.querySelectorAll('[data-scorecard]')) mount(element, assets);
}

async function mountOne(element) {
  await ready;
  mount(element, assets);
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
