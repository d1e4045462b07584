// The phone half of `cargo xtask bench` (see bench/README.md): what a reader on a phone gets from
// a cold first load, and from a second visit, for the widget (standalone page, blog embed, iframe
// version) and the plain-JavaScript baseline, in the same run.
//
//   node bench/phone.mjs --feeds DIR --out FILE [--runs N] [--sizes default,10k]
//                        [--kinds baseline,standalone,embed,iframe]
//
// The phone profile is Lighthouse's mobile one, applied to every page alike through CDP: 4× CPU
// slowdown, 150 ms round trip, 1.6 Mbps down, 750 Kbps up, a 412 × 823 touch screen. Files are
// served gzipped (bench/serve.mjs).
//
// Two figures per load, both from navigation start, both found the same way for every page
// (bench/detect.mjs):
// - first results: an "Add" button of a result row is in the page, and painted;
// - first working click: that button is clicked as soon as it is there, and the official shows
//   in the shortlist, painted;
// - and, beside it, when the official shows in the widget's own shortlist (for the widget, once it
//   has taken over from the copy of its first screen, whose shortlist shows them before).
// A repeat visit loads the same page again in the same browser (HTTP cache and V8's compiled
// wasm warm; the first visit's shortlist cleared, so the click is measured again).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { dist, serve } from './serve.mjs';
import { SELECTORS, installDetector, reported } from './detect.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]?.startsWith('--') ? true : all[i + 1] ?? true]] : pairs), []),
);
const feedsDir = path.resolve(args.feeds || path.join(repo, 'bench', 'tmp', 'feeds'));
const out = path.resolve(args.out || path.join(repo, 'bench', 'tmp', 'phone.json'));
const RUNS = Number(args.runs || 5);
const SIZES = (args.sizes || 'default,10k').split(',');
const KINDS = (args.kinds || 'baseline,standalone,embed,iframe').split(',');

/** Lighthouse's mobile profile (MEASURING.md): bytes per second, ms. */
export const PHONE = {
  network: { offline: false, latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 },
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
};

function pageUrl(origin, kind, size) {
  const feed = size === 'default' ? '' : `/bench-feeds/${size}.json`;
  const query = feed ? `?feed=${encodeURIComponent(feed)}` : '';
  switch (kind) {
    case 'baseline':
      return `${origin}/baseline/index.html?feed=${encodeURIComponent(feed || '/feeds/endorsements-2020.json')}`;
    case 'standalone':
      return `${origin}/index.html${query}`;
    case 'embed':
      return `${origin}/bench-pages/embed.html${query}`;
    case 'iframe':
      return `${origin}/bench-pages/iframe.html${query}`;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

const launch = () => launchChromium(['--disable-quic']);

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
}

/** One load of `url` in `page`: first results and first working click, ms from navigation start. */
async function load(page, url, kind, reports) {
  reports.clear();
  const waitFor = (name) => reported(reports, name, `${kind} at ${url}`);
  await page.goto(url, { waitUntil: 'commit' });
  const start = await page.evaluate(() => performance.timeOrigin);
  const results = await waitFor('results');
  const scope = kind === 'iframe' ? page.frameLocator('iframe') : page;
  await scope.locator(SELECTORS[kind === 'baseline' ? 'baseline' : 'widget'].add).first().click();
  const listed = await waitFor('listed');
  const own = await waitFor('own');
  return { firstResults: results - start, firstClick: listed - start, ownClick: own - start };
}

/** What arrived when in one load: resource timing and the widget's marks (for the timeline). */
async function timeline(page, kind) {
  const frame = kind === 'iframe' ? page.frames().find((f) => f.url().includes('frame.html')) : page.mainFrame();
  const collect = () => ({
    origin: performance.timeOrigin,
    resources: performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname,
      start: Math.round(r.startTime),
      end: Math.round(r.responseEnd),
      bytes: r.transferSize,
    })),
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: Math.round(m.startTime) })),
  });
  const top = await page.evaluate(collect);
  const inner = frame === page.mainFrame() ? null : await frame.evaluate(collect);
  return { top, frame: inner };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const i = (s.length - 1) / 2;
  return (s[Math.floor(i)] + s[Math.ceil(i)]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

async function main() {
  const { origin, close, encoded } = await serve(
    [
      ['/baseline/', path.join(here, 'baseline')],
      ['/bench-feeds/', feedsDir],
      ['/', dist],
    ],
    { cache: 'max-age' },
  );
  // Compress everything a load fetches before the first timing.
  // (Every module of the split wasm: the widget's own part is fetched on every load.)
  const modules = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  for (const file of ['index.html', 'embed.js', 'scorecard.js', '__wasm_split.js', 'scorecard.css', 'frame.html', 'frame.js', 'frame.css', 'feeds/endorsements-2020.json', ...modules]) {
    if (fs.existsSync(path.join(dist, file))) encoded(path.join(dist, file));
  }
  for (const file of ['index.html', 'baseline.js']) encoded(path.join(here, 'baseline', file));
  for (const size of SIZES.filter((s) => s !== 'default')) encoded(path.join(feedsDir, `${size}.json`));

  const results = {
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
    profile: PHONE,
    runs: RUNS,
    sizes: {},
  };
  for (const size of SIZES) {
    const figures = Object.fromEntries(KINDS.map((k) => [k, { cold: [], repeat: [] }]));
    const timelines = {};
    for (let run = 0; run < RUNS; run++) {
      // Kinds alternate run by run, so drifts in machine load hit all alike.
      for (const kind of KINDS) {
        const browser = await launch();
        results.browser = browser.version();
        const context = await browser.newContext({ viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
        const reports = await installDetector(context, kind);
        const page = await context.newPage();
        await throttle(page);
        const url = pageUrl(origin, kind, size);
        figures[kind].cold.push(await load(page, url, kind, reports));
        if (run === RUNS - 1) timelines[kind] = await timeline(page, kind);
        // A second visit: what the first left in the HTTP cache and V8's code cache stays (time
        // for V8 to write its cache first); the saved shortlist goes, so the click counts again.
        await page.evaluate(() => localStorage.clear());
        await page.waitForTimeout(3000);
        await page.goto('about:blank');
        figures[kind].repeat.push(await load(page, url, kind, reports));
        await browser.close();
        const last = figures[kind].cold.at(-1);
        console.error(`phone: ${size} ${kind} run ${run + 1}: first results ${last.firstResults.toFixed(0)} ms, first click ${last.firstClick.toFixed(0)} ms (own shortlist ${last.ownClick.toFixed(0)} ms), repeat ${figures[kind].repeat.at(-1).firstResults.toFixed(0)} ms`);
      }
    }
    results.sizes[size] = Object.fromEntries(
      KINDS.map((kind) => {
        const pick = (visit, figure) => summary(figures[kind][visit].map((f) => f[figure]));
        return [
          kind,
          {
            cold: { firstResults: pick('cold', 'firstResults'), firstClick: pick('cold', 'firstClick'), ownClick: pick('cold', 'ownClick') },
            repeat: { firstResults: pick('repeat', 'firstResults'), firstClick: pick('repeat', 'firstClick') },
            timeline: timelines[kind],
          },
        ];
      }),
    );
  }
  await close();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`phone: wrote ${path.relative(repo, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
