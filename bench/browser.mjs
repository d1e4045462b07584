// The browser half of `cargo xtask bench` (see bench/README.md): measures the widget and the
// plain-JavaScript baseline (bench/baseline/) in the same Chromium run, on the same feeds, and
// writes the figures as JSON for the report.
//
//   node bench/browser.mjs --feeds DIR --out FILE [--runs N] [--reps N] [--sizes a,b]
//                          [--only widget|baseline] [--no-transfer] [--map-sizes a,b]
//                          [--settle MS] [--samples FILE]
//
// At the --map-sizes (default 100k; "" for none) the widget's interactions are measured with
// the map of the states hidden and shown, in turns (`mapComparison`, `mapInteractions`); with
// --samples their every sample is appended to FILE, and `node bench/pool.mjs FILE` pools runs.
// --settle waits MS after every change, measured or not, as a reader pauses.
//
// DIR holds the feeds by size name: `10k.json`, `100k.json`, `500k.json` (single files, for the
// baseline and the widget) and `500k-sharded/index.json` (the widget's sharded form); the
// default feed comes from the built site. Timing method and pitfalls: ../shared MEASURING notes,
// summarized in bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { dist, serve } from './serve.mjs';
import { installDetector, reported } from './detect.mjs';
import { pooled } from './pool.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]?.startsWith('--') ? true : all[i + 1] ?? true]] : pairs), []),
);
const feedsDir = path.resolve(args.feeds || path.join(repo, 'bench', 'tmp', 'feeds'));
const out = path.resolve(args.out || path.join(repo, 'bench', 'tmp', 'browser.json'));
const RUNS = Number(args.runs || 5); // cold loads per figure
// Repetitions per interaction, shared among the RUNS pages: one page's p95 moves with that
// page's own luck (bench/ANALYSIS.md, the A/A control and the map's pooled pages), so every
// cold-loaded page takes its share and the figures pool them.
const REPS = Number(args.reps || 50);
const REPS_PER_PAGE = Math.ceil(REPS / RUNS);
const SIZES = (args.sizes || 'default,10k,100k,500k').split(',');
const ONLY = args.only || null; // bench-smoke measures the widget alone
// Sizes at which the widget's interactions are measured a second time with the map of the
// states shown (issue 16: the map must not cost a 100k feed's interactions their frame).
const MAP_SIZES = (args['map-sizes'] || '100k').split(',').filter(Boolean);
const SETTLE_MS = Number(args.settle || 0);
// Each map comparison's samples, one JSON line per page, for `bench/pool.mjs` to pool runs.
const SAMPLES_FILE = args.samples ? path.resolve(args.samples) : null;

// ------------------------------------------------------------------ serving

const ROOTS = [
  ['/baseline/', path.join(here, 'baseline')],
  ['/bench-feeds/', feedsDir],
  ['/', dist],
];

// Memory figures: precise `performance.memory`, and `gc()` to read them after a collection.
const launch = () => launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);

// ------------------------------------------------------------------ statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => {
  const s = sorted(xs);
  if (!s.length) return null;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};
const summary = (xs) => ({ median: quantile(xs, 0.5), min: Math.min(...xs), max: Math.max(...xs), p95: quantile(xs, 0.95), n: xs.length });

// ------------------------------------------------------------------ what is measured

/** The two pages, for a size: where each loads its feed. */
function pages(origin, size) {
  const feed = size === 'default' ? `${origin}/feeds/endorsements-2020.json` : `${origin}/bench-feeds/${size}.json`;
  const widgetFeed = size === '500k' ? `${origin}/bench-feeds/500k-sharded/index.json` : feed;
  // The sharded 500k feed is opened on one state, as a reader arriving from a post about it.
  const widgetState = size === '500k' ? '&states=MN' : '';
  return {
    widget: { url: `${origin}/index.html?feed=${encodeURIComponent(widgetFeed)}${widgetState}`, mark: 'scorecard' },
    baseline: { url: `${origin}/baseline/index.html?feed=${encodeURIComponent(feed)}`, mark: 'baseline' },
  };
}

/** Renderer memory (PSS, bytes) of the largest renderer process of `browser`. */
async function rendererPss(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let largest = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const text = fs.readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
      const kb = Number(text.match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0);
      largest = Math.max(largest, kb * 1024);
    } catch {
      // The process ended, or /proc is not readable: no figure.
    }
  }
  return largest || null;
}

/**
 * One cold load in a fresh browser: time to first results (painted rows with an "Add" button,
 * found the same way on both pages: bench/detect.mjs), the time its own results mark is set (for
 * the widget, its own first screen, after any copy of it the loader showed), parse time, memory.
 */
async function coldLoad(page, browser, which, reports) {
  const started = Date.now();
  reports.clear();
  await page.goto(which.url);
  const firstResults = (await reported(reports, 'results', which.url)) - (await page.evaluate(() => performance.timeOrigin));
  await page.waitForFunction((mark) => performance.getEntriesByName(`${mark}:results`).length > 0, which.mark, { timeout: 120_000, polling: 50 });
  const figures = await page.evaluate((mark) => {
    const get = (name) => performance.getEntriesByName(`${mark}:${name}`)[0];
    const results = get('results');
    const parseStart = get('parse-start');
    const parseEnd = get('parse-end');
    return {
      ownResults: results.startTime,
      parse: parseStart && parseEnd ? parseEnd.startTime - parseStart.startTime : null,
      wasmMemory: results.detail?.wasmMemoryBytes ?? null,
    };
  }, which.mark);
  figures.firstResults = firstResults;
  // The renderer's memory as the reader's first results show (what the budget counts), then
  // once the page has settled (garbage collection).
  figures.rendererPssAtResults = await rendererPss(browser);
  await page.evaluate(() => window.gc?.());
  await page.waitForTimeout(300);
  figures.jsHeap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  figures.rendererPss = await rendererPss(browser);
  figures.wall = Date.now() - started;
  return figures;
}

/** Arms a one-shot timer: the first `types` event's timeStamp to after the next paint. */
async function arm(page, types) {
  await page.evaluate((types) => {
    window.__latency = new Promise((resolve) => {
      const on = (event) => {
        for (const t of types) removeEventListener(t, on, true);
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      };
      for (const t of types) addEventListener(t, on, true);
    });
  }, types);
}
/** After each change, measured or not: a reader's pause, so that work a page defers until after
 * its paint is not under the next change (`--settle MS`; 0, the default, goes on at once). */
const settle = (page) => (SETTLE_MS ? page.waitForTimeout(SETTLE_MS) : Promise.resolve());
const latency = async (page) => {
  const ms = await page.evaluate(() => window.__latency);
  await settle(page);
  return ms;
};

/** The controls each implementation has for the four measured interactions. */
const CONTROLS = {
  widget: {
    stateOn: async (page) => {
      const box = page.getByRole('combobox', { name: 'State' });
      await box.fill('Vermont');
      await arm(page, ['keydown']);
      await box.press('Enter');
    },
    stateOff: async (page) => {
      const box = page.getByRole('combobox', { name: 'State' });
      await box.focus();
      await arm(page, ['keydown']);
      await box.press('Backspace');
    },
    stance: (page) => page.locator('.sc-stances input[type=checkbox]').first(),
    name: (page) => page.getByRole('searchbox', { name: 'Search officials' }),
    add: (page) => page.locator('.sc-list .sc-add').first(),
  },
  baseline: {
    stateOn: async (page) => {
      await arm(page, ['input', 'change']);
      await page.selectOption('#state', 'VT');
    },
    stateOff: async (page) => {
      await arm(page, ['input', 'change']);
      await page.selectOption('#state', '');
    },
    stance: (page) => page.locator('#stances input').first(),
    name: (page) => page.locator('#name'),
    add: (page) => page.locator('#list .row button').first(),
  },
};

/** p50, p95 and the rest of each interaction's samples. */
const summarize = (samples) => Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, summary(xs)]));

/** Every interaction's latencies, `reps` times each, and a share of the typing at a typist's pace. */
async function samples(page, kind, reps) {
  const c = CONTROLS[kind];
  const result = { state: [], stance: [], name: [], add: [] };
  for (let i = 0; i < reps; i++) {
    // A state filter change: on, then off (both are measured).
    await c.stateOn(page);
    result.state.push(await latency(page));
    await c.stateOff(page);
    result.state.push(await latency(page));
    // A stance toggle.
    await arm(page, ['click']);
    await c.stance(page).click();
    result.stance.push(await latency(page));
    await c.stance(page).click(); // back (not measured)
    await settle(page);
    // Adding to the shortlist (and removing, not measured).
    await arm(page, ['click']);
    await c.add(page).click();
    result.add.push(await latency(page));
    await c.add(page).click();
    await settle(page);
  }
  // Typing a five-letter name, one keystroke at a time: every keystroke is a sample.
  const box = c.name(page);
  for (let i = 0; i < Math.ceil(reps / 5); i++) {
    await box.fill('');
    await box.focus();
    for (const key of 'smith') {
      await arm(page, ['keydown']);
      await page.keyboard.press(key);
      result.name.push(await latency(page));
    }
  }
  await box.fill('');
  result.typing = await typing(page, box);
  return result;
}

/** Blocks of `mapComparison`: each condition's reps come in this many turns. */
const MAP_BLOCKS = 4;

/**
 * The widget's interactions with the map of the states hidden and shown, in the same page, in
 * turns (hidden, shown, shown, hidden, …): the machine's drifts and the page's own aging (its
 * heap, the JIT) then fall on both alike, as they would not if one condition ran after the other.
 */
async function mapComparison(page, reps) {
  const hidden = {};
  const shown = {};
  const each = Math.ceil(reps / MAP_BLOCKS);
  for (let block = 0; block < MAP_BLOCKS; block++) {
    const order = block % 2 === 0 ? [false, true] : [true, false];
    for (const open of order) {
      await showMap(page, open);
      pooled(open ? shown : hidden, await samples(page, 'widget', each));
    }
  }
  await showMap(page, false);
  if (SAMPLES_FILE) fs.appendFileSync(SAMPLES_FILE, `${JSON.stringify({ hidden, shown })}\n`);
  return { hidden, shown };
}

async function showMap(page, open) {
  const toggle = page.getByRole('button', { name: open ? 'Show the map' : 'Hide the map' });
  if (await toggle.count()) await toggle.click();
  const map = page.getByRole('region', { name: 'Map of the states' });
  await (open ? map.waitFor() : map.waitFor({ state: 'detached' }));
  // The map's own first drawing is not what is measured.
  await page.waitForTimeout(300);
}

/** Keys a reader types without waiting for the page: "smith" and back to empty, 15 times. */
const TYPED = 'smith'.split('').concat(Array(5).fill('Backspace'));
const TYPING_ROUNDS = 15;
/** Each page's share of them (every page types: see REPS_PER_PAGE). */
const TYPING_ROUNDS_PER_PAGE = Math.ceil(TYPING_ROUNDS / RUNS);
/** Between keys: a quick typist's pace (about 12 keys a second). */
const TYPING_DELAY_MS = 80;

/**
 * Every keystroke's latency (keydown `timeStamp` to after the next paint) while keys come at a
 * typist's pace, without waiting for each other: work a page defers until after a paint lands
 * under the next key, as it does for a reader. 150 keystrokes.
 */
async function typing(page, box) {
  await box.focus();
  await page.evaluate(() => {
    window.__typed = [];
    // One listener a page: a map comparison types in the same page again, and more listeners
    // would count each key again (and add their own work to it).
    if (window.__typingTimed) return;
    window.__typingTimed = true;
    addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__typed.push(performance.now() - start)));
    }, true);
  });
  for (let round = 0; round < TYPING_ROUNDS_PER_PAGE; round++) {
    for (const key of TYPED) await page.keyboard.press(key, { delay: 0 }).then(() => page.waitForTimeout(TYPING_DELAY_MS));
  }
  await page.waitForTimeout(500);
  return page.evaluate(() => window.__typed);
}

// ------------------------------------------------------------------ transfer

/**
 * The files of the widget's own part in a release build (its module and the chunks it shares
 * with other parts), read from the build's __wasm_split.js; none in a build without the split.
 */
function widgetPartFiles() {
  const loader = path.join(dist, '__wasm_split.js');
  if (!fs.existsSync(loader)) return [];
  const js = fs.readFileSync(loader, 'utf8');
  const file = (body) => body.match(/new URL\("\.\/([^"]+)"/)[1];
  const chunks = {};
  for (const [, name, body] of js.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)) chunks[name] = file(body);
  const part = js.match(/export const __wasm_split_load_widget = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/);
  if (!part) return [];
  const shared = part[2].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunks[d]);
  return [file(part[1]), ...shared];
}

function transfer() {
  const files = {
    // What the first screen needs: its wasm (reading the feed, the copy of the first screen made
    // live) and its glue (with the parts' loader it imports, in a release build), the loader, the
    // stylesheet, and the copy of the default feed's first screen, shown until the wasm is ready.
    widget: ['scorecard_bg.wasm', 'scorecard.js', '__wasm_split.js', 'embed.js', 'scorecard.css', 'first/endorsements-2020.html']
      .map((f) => path.join(dist, f))
      .filter((f) => fs.existsSync(f)),
    // Reported beside it, not counted in it: the widget itself, fetched as the first screen's
    // module starts, while the first screen already works.
    'widget part': widgetPartFiles().map((f) => path.join(dist, f)),
    baseline: [path.join(here, 'baseline', 'baseline.js'), path.join(here, 'baseline', 'index.html')],
  };
  const sizes = (file) => {
    const raw = fs.readFileSync(file);
    return {
      file: path.relative(file.startsWith(dist) ? dist : here, file),
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  const result = {};
  for (const [kind, list] of Object.entries(files)) {
    const each = list.map(sizes);
    const total = each.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    result[kind] = { files: each, total };
  }
  return result;
}

// ------------------------------------------------------------------ main

async function main() {
  const { origin, close, encoded } = await serve(ROOTS);
  const results = {
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory: os.totalmem(), node: process.version },
    runs: RUNS,
    reps: REPS,
    transfer: args['no-transfer'] ? null : transfer(),
    sizes: {},
  };
  // The widget's modules (its own part is fetched on every load), compressed before the first timing.
  for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'))) encoded(path.join(dist, file));
  for (const size of SIZES) {
    if (size !== 'default' && !fs.existsSync(path.join(feedsDir, `${size}.json`))) {
      console.error(`bench: no ${size}.json in ${feedsDir}; skipped`);
      continue;
    }
    // Compressed before the first timing, so no load waits for it.
    if (size !== 'default') encoded(path.join(feedsDir, `${size}.json`));
    const shards = path.join(feedsDir, `${size}-sharded`);
    if (fs.existsSync(shards)) for (const file of fs.readdirSync(shards)) encoded(path.join(shards, file));
    const entry = {};
    const kinds = Object.entries(pages(origin, size)).filter(([kind]) => !ONLY || kind === ONLY);
    const loads = Object.fromEntries(kinds.map(([kind]) => [kind, []]));
    // Each page's interaction samples, pooled over the pages: each kind's (the widget's with the
    // map hidden), and the widget's with the map shown where the map is compared.
    const measured = Object.fromEntries(kinds.map(([kind]) => [kind, {}]));
    const mapShown = {};
    const comparesMap = (kind) => kind === 'widget' && MAP_SIZES.includes(size);
    // Cold loads: a fresh browser each time (no compiled-wasm or HTTP cache, one renderer).
    // Implementations alternate run by run so drifts in machine load hit both alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [kind, which] of kinds) {
        const browser = await launch();
        results.browser = browser.version();
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const reports = await installDetector(context, kind);
        const page = await context.newPage();
        loads[kind].push(await coldLoad(page, browser, which, reports));
        if (comparesMap(kind)) {
          const turns = await mapComparison(page, REPS_PER_PAGE);
          pooled(measured[kind], turns.hidden);
          pooled(mapShown, turns.shown);
        } else {
          pooled(measured[kind], await samples(page, kind, REPS_PER_PAGE));
        }
        await browser.close();
      }
    }
    for (const [kind] of kinds) {
      const pick = (k) => loads[kind].map((l) => l[k]).filter((x) => x !== null && x !== undefined);
      entry[kind] = { interactions: summarize(measured[kind]) };
      if (comparesMap(kind)) entry[kind].mapInteractions = summarize(mapShown);
      Object.assign(entry[kind], {
        firstResults: summary(pick('firstResults')),
        ownResults: summary(pick('ownResults')),
        parse: pick('parse').length ? summary(pick('parse')) : null,
        jsHeap: summary(pick('jsHeap')),
        wasmMemory: pick('wasmMemory').length ? summary(pick('wasmMemory')) : null,
        rendererPss: pick('rendererPss').length ? summary(pick('rendererPss')) : null,
        rendererPssAtResults: pick('rendererPssAtResults').length ? summary(pick('rendererPssAtResults')) : null,
      });
      console.error(`bench: ${size} ${kind}: first results ${entry[kind].firstResults.median.toFixed(0)} ms`);
    }
    results.sizes[size] = entry;
  }
  await close();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench: wrote ${path.relative(repo, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
