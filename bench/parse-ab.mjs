// Parse + validate of one feed in two or more builds of the site, alternated round by round, each
// load in a fresh browser (as `cargo xtask bench`'s cold loads), with the baseline's `JSON.parse`
// timed in the same rounds. For a change to loading: one cold load moves by ±15% on the 2-core
// machine, so a few percent shows only over rounds of alternated builds.
//
//   node bench/parse-ab.mjs [--rounds 8] [--feed 100k] DIST_A DIST_B [DIST_C…]
//
// DIST_*: folders of built sites (copies of dist/ from `cargo xtask build --release`). The feed is
// bench/tmp/feeds/<feed>.json (`cargo xtask synth`). Prints each round, then per build the median
// parse + validate, its ratio to `JSON.parse`, the widget's first results and its wasm memory.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { quantile } from './pool.mjs';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const flags = {};
const dists = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) flags[arg.slice(2)] = process.argv[++i];
  else dists.push(path.resolve(arg));
}
if (dists.length < 2) {
  console.error('usage: node bench/parse-ab.mjs [--rounds N] [--feed 100k] DIST_A DIST_B [DIST_C…]');
  process.exit(2);
}
const ROUNDS = Number(flags.rounds || 8);
const FEED = `${flags.feed || '100k'}.json`;

const servers = [];
for (const dist of dists) {
  servers.push(await serve([['/baseline/', path.join(here, 'baseline')], ['/bench-feeds/', path.join(here, 'tmp', 'feeds')], ['/', dist]]));
}

/** One cold load of `url` in a fresh browser: the page's `${mark}:…` figures. */
async function coldLoad(url, mark) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(`${mark}:results`).length > 0, mark, { timeout: 120_000, polling: 50 });
    return await page.evaluate((mark) => {
      const at = (name) => performance.getEntriesByName(`${mark}:${name}`)[0];
      return {
        parse: at('parse-end').startTime - at('parse-start').startTime,
        results: at('results').startTime,
        wasmMemory: at('results').detail?.wasmMemoryBytes ?? null,
      };
    }, mark);
  } finally {
    await browser.close();
  }
}

const figures = dists.map(() => ({ parse: [], ratio: [], results: [], wasmMemory: [] }));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [i, server] of servers.entries()) {
    const feed = encodeURIComponent(`${server.origin}/bench-feeds/${FEED}`);
    const widget = await coldLoad(`${server.origin}/index.html?feed=${feed}`, 'scorecard');
    const baseline = await coldLoad(`${server.origin}/baseline/index.html?feed=${feed}`, 'baseline');
    const f = figures[i];
    f.parse.push(widget.parse);
    f.ratio.push(widget.parse / baseline.parse);
    f.results.push(widget.results);
    if (widget.wasmMemory) f.wasmMemory.push(widget.wasmMemory / 1e6);
    console.log(`round ${round} ${path.basename(dists[i])}: parse ${widget.parse.toFixed(0)} ms, JSON.parse ${baseline.parse.toFixed(0)} ms (${(widget.parse / baseline.parse).toFixed(2)}×), first results ${widget.results.toFixed(0)} ms`);
  }
}

const median = (xs) => quantile(xs, 0.5);
console.log('');
for (const [i, f] of figures.entries()) {
  console.log(
    `${dists[i]}: parse + validate ${median(f.parse).toFixed(0)} ms (${median(f.ratio).toFixed(2)}× JSON.parse), ` +
      `first results ${median(f.results).toFixed(0)} ms, wasm memory ${median(f.wasmMemory).toFixed(1)} MB (medians of ${ROUNDS})`,
  );
}
for (const server of servers) await server.close?.();
process.exit(0);
