// Sharded feeds end to end: the widget pointed at an index fetches the index alone, then only
// the state files it needs: the state the reader picks, the states of their saved shortlist
// after a reload, the states of a shortlist shared with them, the states preset in the address.
// The files are made here by `scorecard-feed split` from the bundled feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setUp, browser, site, axeViolations, freshContext, repo, addressHas, shortlistNames } from './support.mjs';

let shardDir;
let minnesotaFails = true;

/** Splits the bundled feed into `dir` with the CLI (SCORECARD_FEED_BIN, or cargo run). */
function splitBundledFeed(dir) {
  const args = ['split', path.join(repo, 'feeds', 'endorsements-2020.json'), '--out', dir];
  const bin = process.env.SCORECARD_FEED_BIN;
  if (bin) execFileSync(bin, args, { stdio: 'pipe' });
  else execFileSync('cargo', ['run', '--quiet', '-p', 'scorecard-cli', '--', ...args], { cwd: repo, stdio: 'pipe' });
}

setUp({
  prepare: () => {
    shardDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-shards-'));
    splitBundledFeed(shardDir);
  },
  routes: () => {
    const routes = {};
    for (const name of fs.readdirSync(shardDir)) {
      const body = fs.readFileSync(path.join(shardDir, name));
      routes[`/shards/${name}`] = () => ({ body });
    }
    // Minnesota's server fails until the test says otherwise.
    const minnesota = routes['/shards/MN.json'];
    routes['/shards/MN.json'] = (req) => (minnesotaFails ? { status: 503, type: 'text/plain', body: 'busy' } : minnesota(req));
    return routes;
  },
  cleanup: () => shardDir && fs.rmSync(shardDir, { recursive: true, force: true }),
});

/** The files under /shards/ the page asked for, in order. */
const shardFiles = (requests) => requests.filter((url) => url.includes('/shards/')).map((url) => new URL(url).pathname.slice('/shards/'.length));
const marks = (page) => page.evaluate(() => performance.getEntriesByName('scorecard:results').length);
const prompt = (page) => page.getByText('Pick a state to see its officials.', { exact: true });
const shortlist = (page) => page.getByRole('region', { name: 'Shortlist' });

test('the index alone first; a picked state loads its file only; a reload brings back the shortlisted official', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=shards/index.json`);
  await prompt(page).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.sc-count-number').textContent(), '1,015 officials');
  assert.match(await page.locator('.sc-summary').textContent(), /^1,015 officials in 56 states\. Pick a state/);
  assert.deepEqual(shardFiles(requests), ['index.json']);
  assert.equal(await marks(page), 0, 'no results painted yet');
  // No officials are loaded, so the stances carry no counts (rather than a row of zeros).
  assert.equal(await page.locator('.sc-stances label').count(), 3);
  assert.equal(await page.locator('.sc-facet-count').count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'the prompt to pick a state');

  // The picker offers every state of the index, with its count, before any file is loaded.
  const box = page.getByRole('combobox', { name: 'State' });
  await box.fill('Vermont');
  assert.match(await page.locator('[data-scorecard]').getByRole('option').first().textContent(), /^Vermont\s*VT\s*14$/);
  await box.press('Enter');
  const add = page.getByRole('button', { name: 'Add Peter Welch to shortlist' });
  await add.waitFor();
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  assert.deepEqual(shardFiles(requests), ['index.json', 'VT.json']);
  const counts = await page.locator('.sc-facet-count').allTextContents();
  assert.equal(counts.length, 3);
  assert.equal(counts.reduce((sum, n) => sum + Number(n), 0), 14, counts.join());
  await page.waitForFunction(() => performance.getEntriesByName('scorecard:results').length === 1);

  await add.click();
  assert.deepEqual(await shortlistNames(page, shortlist(page)), ['Peter Welch']);
  // Out of the view: only the saved shortlist says Vermont is needed.
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).click();
  await prompt(page).waitFor();
  await addressHas(page, 'st=VT', false);

  requests.length = 0;
  await page.reload();
  await prompt(page).waitFor({ timeout: 30_000 });
  const entry = shortlist(page).locator('.sc-entry');
  await entry.locator('.sc-entry-office').waitFor();
  assert.equal(await entry.locator('.sc-entry-name').textContent(), 'Peter Welch');
  assert.match(await entry.locator('.sc-entry-office').textContent(), /Vermont/);
  assert.equal(await shortlist(page).locator('.sc-gone, .sc-not-loaded').count(), 0, 'not marked gone');
  assert.deepEqual(shardFiles(requests), ['index.json', 'VT.json']);

  // A shared link names its officials' states: the visitor loads those files first.
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  assert.match(link, /;ls=VT;c=/);
  const visitor = await freshContext(browser);
  const visitorPage = await visitor.context.newPage();
  await visitorPage.goto(link);
  await visitorPage.getByRole('region', { name: 'Shared shortlist' }).or(shortlist(visitorPage).locator('.sc-entry-office')).first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await shortlistNames(visitorPage, shortlist(visitorPage)), ['Peter Welch']);
  assert.equal(await shortlist(visitorPage).locator('.sc-gone, .sc-not-loaded').count(), 0);
  assert.deepEqual(shardFiles(visitor.requests), ['index.json', 'VT.json']);
  assert.deepEqual(visitor.errors, []);
  await visitor.context.close();

  // A saved entry from before states were remembered, in a state not loaded: not gone either.
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith(':shortlist')));
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.entries.push({ id: 'walter-mondale-mn', name: 'Walter Mondale', amount_cents: 2700 });
    localStorage.setItem(key, JSON.stringify(saved));
  }, key);
  await page.goto(`${site.url}?feed=shards/index.json`);
  await prompt(page).waitFor({ timeout: 30_000 });
  await shortlist(page).locator('.sc-entry-office').first().waitFor();
  assert.equal(await shortlist(page).locator('.sc-not-loaded').textContent(), 'Not loaded yet');
  assert.equal(await shortlist(page).locator('.sc-gone').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('states preset in the address load with the index; a state file that fails says so and can be tried again', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  // Minnesota's answer waits (up to 5 s) for Vermont's file to be asked for: fetched one after
  // the other, Vermont would only be asked for once Minnesota's answer is in.
  let vermontAsked;
  const vermont = new Promise((resolve) => (vermontAsked = resolve));
  page.on('request', (request) => request.url().endsWith('/shards/VT.json') && vermontAsked(true));
  let bothAskedFor;
  await context.route('**/shards/MN.json', (route) => {
    bothAskedFor = Promise.race([vermont, new Promise((resolve) => setTimeout(resolve, 5_000, false))]);
    return bothAskedFor.then(() => route.continue());
  });
  await page.goto(`${site.url}?feed=shards/index.json&states=VT,MN`);
  const failure = page.getByRole('alert').filter({ hasText: 'The officials of Minnesota could not be loaded.' });
  await failure.waitFor({ timeout: 30_000 });
  assert.match(await failure.textContent(), /answered with error 503/);
  // Vermont's officials are shown meanwhile, and counted as results painted.
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  assert.deepEqual(shardFiles(requests).sort(), ['MN.json', 'VT.json', 'index.json']);
  assert.ok(await bothAskedFor, 'the two files were asked for side by side, not one after the other');
  await page.waitForFunction(() => performance.getEntriesByName('scorecard:results').length === 1);
  assert.deepEqual(await axeViolations(page), [], 'a state file that failed');

  await context.unroute('**/shards/MN.json');
  minnesotaFails = false;
  await failure.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Add Walter Mondale to shortlist' }).waitFor();
  assert.equal(await failure.count(), 0);
  assert.notEqual(await page.locator('.sc-count-number').textContent(), '14 officials');
  assert.deepEqual(shardFiles(requests).filter((f) => f === 'MN.json'), ['MN.json', 'MN.json']);
  // Errors the page logged for the failed request itself are the browser's, not ours.
  assert.deepEqual(errors.filter((e) => !e.includes('503')), []);
  await context.close();
});

test('offline, the index and the state files saved last time are shown, dated', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=shards/index.json&states=VT`);
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).waitFor({ timeout: 30_000 });
  // Copies are saved a moment after the first results.
  const saved = () =>
    page.evaluate(async () => (await (await caches.open('scorecard-feeds-v1')).keys()).map((r) => new URL(r.url).pathname).sort());
  for (let tries = 0; (await saved()).length < 2; tries++) {
    assert.ok(tries < 100, 'the index and the state file are saved within 10 seconds');
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await saved(), ['/shards/VT.json', '/shards/index.json']);

  // The state file alone cannot be reached: Vermont comes from its saved copy, and the notice names it.
  await context.route('**/shards/VT.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  const notice = page.locator('.sc-stale');
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.textContent(), /^Showing data saved on .*: the latest could not be loaded\. The officials of Vermont could not be loaded\./);
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');

  // Nothing can be reached: the same, from the saved index.
  await context.route('**/shards/index.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await notice.waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).waitFor();

  // Back online: "Try again" brings the latest, and the notice goes.
  await context.unroute('**/shards/index.json');
  await context.unroute('**/shards/VT.json');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  // Errors the page logged for the failed requests themselves are the browser's, not ours.
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('a comparison across states: its address names their states, and a fresh browser loads those files first', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=shards/index.json`);
  const box = page.getByRole('combobox', { name: 'State' });
  await box.waitFor({ timeout: 30_000 });
  await box.fill('Vermont');
  await box.press('Enter');
  await page.getByRole('button', { name: 'Compare Peter Welch' }).click();
  // Another state: Vermont out of the view, New York in.
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).click();
  await box.fill('New York');
  await box.press('Enter');
  await page.getByRole('button', { name: 'Compare Alexandria Ocasio-Cortez' }).click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  const names = (p) => p.getByRole('dialog', { name: 'Compare officials' }).locator('.sc-compare-name').allTextContents();
  await page.getByRole('dialog', { name: 'Compare officials' }).waitFor();
  assert.deepEqual(await names(page), ['Peter Welch', 'Alexandria Ocasio-Cortez']);
  await addressHas(page, 'k=');
  const address = page.url();
  assert.match(decodeURIComponent(new URL(address).hash), /;ls=NY,VT\b|;ls=VT,NY\b/);

  const visitor = await freshContext(browser);
  const other = await visitor.context.newPage();
  await other.goto(address);
  await other.getByRole('dialog', { name: 'Compare officials' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await names(other), ['Peter Welch', 'Alexandria Ocasio-Cortez']);
  assert.deepEqual(shardFiles(visitor.requests).sort(), ['NY.json', 'VT.json', 'index.json']);
  assert.deepEqual([...errors, ...visitor.errors], []);
  await visitor.context.close();
  await context.close();
});

test('the organizer checks an index by its address: its report and every state with its count, without loading the files', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}organize.html`);
  await page.getByLabel('Web address', { exact: true }).fill('shards/index.json');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.locator('.org-summary', { hasText: 'The index: 0 errors, 0 warnings' }).waitFor({ timeout: 30_000 });
  const table = page.locator('.org-shards');
  assert.match(await table.locator('caption').textContent(), /^1,015 officials in 56 states, one file each$/);
  assert.match(await table.textContent(), /Vermont \(VT\)VT\.json14/);
  assert.match(await page.locator('.org-report').textContent(), /run scorecard-feed validate on the index with --shards/);
  // Nothing to download or preview; the snippet points the widget at the index.
  assert.equal(await page.getByRole('button', { name: 'Download feed (JSON)' }).count(), 0);
  const snippet = await page.getByRole('region', { name: '6. Put it on a page' }).getByLabel('Snippet', { exact: true }).inputValue();
  assert.match(snippet, /data-feed="http:\/\/127\.0\.0\.1:\d+\/shards\/index\.json"/);
  assert.deepEqual(shardFiles(requests), ['index.json']);
  assert.deepEqual(errors, []);
  await context.close();
});
