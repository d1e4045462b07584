// Time from typing a ZIP code's fifth digit to its officials painted, on the built site:
//   node bench/zip-lookup.mjs            (after `cargo xtask build --release` and, for the 100k
//                                          feed, `cargo xtask synth 100000 --seed 2020 -o bench/tmp/feeds/100k.json`)
//
// The fifth key's `keydown` timeStamp (captured on window) to the widget's `scorecard:zip-results`
// mark, set after the next paint (requestAnimationFrame → setTimeout(0)) once the officials are on
// screen. Each feed gets a fresh browser context; 15 ZIP codes with different first digits (each a
// table file fetched from the local server), then 15 with first digits already looked up (no
// fetch). Medians with min–max. The 100k feed is the synthetic one, said to use the table's period
// (`meta.districts: us-house-119`) so its representatives are matched by district.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, repo, WIDGET_READY } from '../tests/e2e/support.mjs';

const FETCHED = ['05401', '35062', '10001', '94110', '60614', '02138', '98101', '80202', '77002', '30303', '48201', '55401', '85004', '97201', '37203'];
// Same first three digits as one of the above, so no file is fetched.
const IN_MEMORY = ['05404', '35063', '10002', '94103', '60601', '02139', '98102', '80203', '77003', '30305', '48202', '55402', '85003', '97202', '37201'];

const synthetic = path.join(repo, 'bench', 'tmp', 'feeds', '100k.json');
const routes = {};
if (fs.existsSync(synthetic)) {
  const feed = JSON.parse(fs.readFileSync(synthetic, 'utf8'));
  feed.meta.districts = 'us-house-119';
  feed.meta.zip_table = '/zip/';
  const body = JSON.stringify(feed);
  routes['/bench/100k.json'] = () => ({ body });
}
const site = await serve(undefined, routes);
const browser = await launch();

async function measure(label, address) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}${address}`);
  await page.locator(WIDGET_READY).waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    window.__keys = [];
    window.addEventListener('keydown', (e) => window.__keys.push(e.timeStamp), true);
  });
  const field = page.getByRole('textbox', { name: 'ZIP code' });
  const once = async (zip) => {
    const marks = await page.evaluate(() => performance.getEntriesByName('scorecard:zip-results').length);
    await field.fill('');
    await page.evaluate(() => (window.__keys = []));
    await field.pressSequentially(zip);
    await page.waitForFunction((n) => performance.getEntriesByName('scorecard:zip-results').length > n, marks, { timeout: 60_000 });
    return page.evaluate(() => {
      const mark = performance.getEntriesByName('scorecard:zip-results').at(-1);
      const rows = document.querySelector('[data-scorecard]').shadowRoot.querySelectorAll('.sc-your .sc-row').length;
      return { ms: mark.startTime - window.__keys[4], rows };
    });
  };
  const fetched = [];
  for (const zip of FETCHED) fetched.push(await once(zip));
  const memory = [];
  for (const zip of IN_MEMORY) memory.push(await once(zip));
  await context.close();
  const summary = (runs) => {
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    const rows = runs.map((r) => r.rows).sort((a, b) => a - b);
    return `${ms[Math.floor(ms.length / 2)].toFixed(0)} ms (${ms[0].toFixed(0)}–${ms.at(-1).toFixed(0)}), rows ${rows[0]}–${rows.at(-1)}`;
  };
  console.log(`| ${label} | ${summary(fetched)} | ${summary(memory)} |`);
}

console.log('| feed | file fetched: median (min–max), rows shown | file already here | ');
console.log('|---|---|---|');
await measure('default (2020 tracker, 1,015)', '');
await measure('Congress today (537)', '?feed=feeds/congress-today.json');
if (routes['/bench/100k.json']) await measure('synthetic 100k', '?feed=bench/100k.json');
else console.log('(no bench/tmp/feeds/100k.json: run cargo xtask synth 100000 --seed 2020 -o bench/tmp/feeds/100k.json)');
await browser.close();
await site.close();
