// Loader of the organizer page: the organizer's own wasm module (not the widget's).
import init, { mount_organizer } from './scorecard-organizer.js';

const assets = new URL('./', import.meta.url).href;
await init({ module_or_path: new URL('scorecard-organizer_bg.wasm', assets) });
for (const element of document.querySelectorAll('[data-scorecard-organizer]')) mount_organizer(element, assets);
