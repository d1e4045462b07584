// "Changed since your last visit": a reader visits, the served feed changes (one official's
// stance changes, one official is added and one removed), and they come back: the notice, the
// marks on the changed rows, the "Changed" filter, "Mark all as seen". Also: a first visit shows
// nothing and fetches nothing more; the marks never enter the address; storage that is off or
// full gives a plain note; a sharded feed works state by state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setUp, browser, site, axeViolations, freshContext, waitForWidget, makeFeed, partFiles, wasmFetched, pickState, addressHas, focused, screenshot } from './support.mjs';

const ann = (stance, extra = {}) => ({ id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', stances: { q: { stance, ...extra } } });
const bob = { id: 'bob', name: 'Bob Baker', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } };
const cy = { id: 'cy', name: 'Cy Castro', state: 'VT', position: 'Representative', district: '0', stances: { q: { stance: 'yes' } } };
const di = { id: 'di', name: 'Di Dunn', state: 'MN', position: 'Governor' };
const eve = { id: 'eve', name: 'Eve Ernst', state: 'MN', position: 'Mayor', stances: { q: { stance: 'yes' } } };
const fay = { id: 'fay', name: 'Fay Fox', state: 'MN', position: 'Mayor' };
const before = ann('other', { date: '2024-01-10', evidence: [{ url: 'https://old.example.com/ann', title: 'An old story' }] });
const after = ann('yes', { date: '2024-05-03', evidence: [{ url: 'https://news.example.com/ann', title: 'Ann Able backs ours' }] });

/** Which version of each served feed: 1 before the change, 2 after. */
let version = 1;
const feeds = {
  '/fixtures/changing.json': [makeFeed([before, bob, cy, di]), makeFeed([after, cy, di, eve])],
};
// A sharded feed: an index and a file each for Vermont and Minnesota.
const index = (counts) => {
  const doc = JSON.parse(makeFeed([]));
  doc.shards = [{ state: 'VT', url: 'VT.json', officials: counts[0] }, { state: 'MN', url: 'MN.json', officials: counts[1] }];
  return JSON.stringify(doc);
};
feeds['/fixtures/sharded/index.json'] = [index([3, 1]), index([3, 2])];
feeds['/fixtures/sharded/VT.json'] = [makeFeed([before, bob, cy]), makeFeed([after, bob, cy])];
feeds['/fixtures/sharded/MN.json'] = [makeFeed([di]), makeFeed([di, fay])];

const routes = {};
for (const [route, versions] of Object.entries(feeds)) routes[route] = () => ({ body: versions[version - 1] });
setUp({ routes });

const parts = partFiles();
const notice = (page) => page.getByRole('region', { name: /changes? since/ });
const row = (page, name) => page.locator('.sc-results .sc-row').filter({ has: page.getByRole('button', { name, exact: true }) });
const names = (page) => page.locator('.sc-results .sc-name').allTextContents();
/** Waits until this browser keeps what the reader saw of the feed; its stored text. */
async function remembered(page) {
  const handle = await page.waitForFunction(() => Object.keys(localStorage).find((k) => k.endsWith(':seen')));
  return page.evaluate((key) => localStorage.getItem(key), await handle.jsonValue());
}
/** A first visit to the changing feed, kept by this browser; then the feed changes (the page
 * not reloaded yet). */
async function seenThenChanged(query = '') {
  version = 1;
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/changing.json${query}`);
  await waitForWidget(page);
  await remembered(page);
  version = 2;
  return { context, errors, page };
}
/** Today on the reader's calendar, as the widget writes dates ("Nov 30, 2026"). */
const today = (page) => page.evaluate(() => new Date().toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }));

test('a first visit shows nothing; back after a change: the notice, the marks, the Changed filter, Mark all as seen', async () => {
  version = 1;
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/changing.json`);
  await waitForWidget(page);
  const kept = await remembered(page);
  assert.ok(kept.length < 300, `${kept.length} characters kept for 4 officials`);
  assert.equal(await page.locator('.sc-since, .sc-mark').count(), 0);
  // Remembering what the reader saw comes with the widget's part, for a first visit too.
  assert.ok(parts.widget.every((f) => wasmFetched(requests).includes(f)), 'the widget, for a first visit too');

  version = 2;
  await page.reload();
  await waitForWidget(page);
  await notice(page).waitFor();
  assert.equal(await notice(page).getByRole('heading').textContent(), `3 changes since you last looked on ${await today(page)}`);
  const text = await notice(page).textContent();
  assert.match(text, /Marked in the list: 1 changed, 1 new\./);
  assert.match(text, /Left the scorecard: Bob Baker \(Vermont\)\./);
  // Ann's stance changed: before → now, with the new date and source.
  const mark = row(page, 'Ann Able').locator('.sc-mark');
  assert.equal(await mark.locator('.sc-mark-tag').textContent(), 'Changed');
  assert.equal(await mark.locator('.sc-mark-old').textContent(), 'Endorsed another');
  assert.equal(await mark.locator('.sc-mark-new-stance').textContent(), 'Endorsed ours');
  assert.match(await mark.textContent(), /May 3, 2024/);
  const source = mark.getByRole('link', { name: 'New source for Ann Able: news.example.com' });
  assert.equal(await source.getAttribute('href'), 'https://news.example.com/ann');
  assert.equal(await row(page, 'Eve Ernst').locator('.sc-mark').textContent(), 'New since your last visit');
  assert.equal(await row(page, 'Cy Castro').locator('.sc-mark').count(), 0);
  assert.deepEqual(await axeViolations(page, '.sc-since'), []);
  assert.deepEqual(await axeViolations(page), []);

  // The Changed filter: only those two; the address does not change (the marks are the reader's own).
  const address = await page.evaluate(() => location.href);
  const filter = page.getByRole('checkbox', { name: /Changed since your last visit/ });
  await filter.check();
  await page.waitForFunction(() => document.querySelector('[data-scorecard]').shadowRoot.querySelectorAll('.sc-results .sc-row').length === 2);
  assert.deepEqual(await names(page), ['Ann Able', 'Eve Ernst']);
  assert.match(await page.locator('.sc-summary').textContent(), /^2 officials in 2 states, changed or new since your last visit$/);
  assert.equal(await notice(page).getByRole('button', { name: 'Show only changes' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => location.href), address);
  await screenshot(page, 'since-filtered');
  await notice(page).getByRole('button', { name: 'Show only changes' }).click();
  await page.waitForFunction(() => document.querySelector('[data-scorecard]').shadowRoot.querySelectorAll('.sc-results .sc-row').length === 4);

  // The marks stay until the reader says they saw them.
  await page.reload();
  await waitForWidget(page);
  await notice(page).waitFor();
  await row(page, 'Ann Able').locator('.sc-mark').waitFor();
  await notice(page).getByRole('button', { name: 'Mark all as seen' }).click();
  const done = page.getByText('All changes are marked as seen. New ones will be marked on your next visit.');
  await done.waitFor();
  assert.equal(await focused(page), 'All changes are marked as seen. New ones will be marked on your next visit.');
  assert.equal(await page.locator('.sc-mark').count(), 0);
  assert.equal(await filter.count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await waitForWidget(page);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.sc-since, .sc-mark').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Spanish: the notice, the marks, the Changed filter and Mark all as seen; the switch changes them in place', async () => {
  const { context, errors, page } = await seenThenChanged('&lang=es');
  await page.reload();
  await waitForWidget(page);
  const aviso = page.getByRole('region', { name: /cambios? desde/ });
  await aviso.waitFor();
  // Dates as the widget writes them in Spanish (Intl, es-US, medium).
  const spanish = (y, m, d) => page.evaluate(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('es-US', { dateStyle: 'medium', timeZone: 'UTC' }), [y, m, d]);
  const now = new Date();
  const today = await spanish(now.getFullYear(), now.getMonth() + 1, now.getDate());
  assert.equal(await aviso.getByRole('heading').textContent(), `3 cambios desde que lo consultó por última vez, el ${today}`);
  const text = await aviso.textContent();
  assert.match(text, /Marcados en la lista: 1 con cambios, 1 nuevo\./);
  assert.match(text, /Dejó el tablero: Bob Baker \(Vermont\)\./);
  const mark = row(page, 'Ann Able').locator('.sc-mark');
  assert.equal(await mark.locator('.sc-mark-tag').textContent(), 'Cambió');
  // The stance labels are the feed's own words, in English, and said to be.
  assert.equal(await mark.locator('.sc-mark-old').getAttribute('lang'), 'en');
  assert.equal(await mark.locator('.sc-visually-hidden').textContent(), ' cambió a ');
  assert.match(await mark.textContent(), new RegExp(await spanish(2024, 5, 3)));
  await mark.getByRole('link', { name: 'Nueva fuente sobre Ann Able: news.example.com' }).waitFor();
  assert.equal(await row(page, 'Eve Ernst').locator('.sc-mark').textContent(), 'Nuevo desde su última visita');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('checkbox', { name: /Con cambios desde su última visita/ }).check();
  await page.waitForFunction(() => document.querySelector('[data-scorecard]').shadowRoot.querySelectorAll('.sc-results .sc-row').length === 2);
  assert.equal(await page.locator('.sc-summary').textContent(), '2 funcionarios en 2 estados, con cambios o nuevos desde su última visita');
  assert.equal(await aviso.getByRole('button', { name: 'Mostrar solo los cambios' }).getAttribute('aria-pressed'), 'true');

  // English in place: the same notice and marks, in English.
  await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
  await notice(page).getByRole('button', { name: 'Show only changes', pressed: true }).waitFor();
  assert.equal(await row(page, 'Ann Able').locator('.sc-mark-tag').textContent(), 'Changed');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();

  await aviso.getByRole('button', { name: 'Marcar todo como visto' }).click();
  const done = 'Todos los cambios están marcados como vistos. Los nuevos se marcarán en su próxima visita.';
  await page.getByText(done).waitFor();
  assert.equal(await focused(page), done);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('shared links open as they do today: the marks stay in the browser that saw the change', async () => {
  const { context, errors, page } = await seenThenChanged();
  await page.reload();
  await waitForWidget(page);
  await pickState(page, 'VT');
  await addressHas(page, 'sc=');
  await row(page, 'Ann Able').locator('.sc-mark').waitFor();
  const link = await page.evaluate(() => location.href);
  assert.doesNotMatch(decodeURIComponent(link), /changed|seen|mark/i);
  // Another browser opens the link: the view, no marks.
  const other = await freshContext(browser);
  const theirs = await other.context.newPage();
  await theirs.goto(link);
  await waitForWidget(theirs);
  await theirs.waitForTimeout(300);
  assert.deepEqual(await names(theirs), ['Ann Able', 'Cy Castro']);
  assert.equal(await theirs.locator('.sc-since, .sc-mark').count(), 0);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('storage disabled or full: no marks and a plain note, never an error', async () => {
  version = 1;
  const cases = [
    [
      () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }),
      'Changes since your last visit cannot be marked: this browser does not let the scorecard keep anything.',
    ],
    [
      () => { Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); }; },
      "Changes since your last visit cannot be marked: this browser's storage for this page is full.",
    ],
  ];
  for (const [script, note] of cases) {
    const { context, errors } = await freshContext(browser);
    await context.addInitScript(script);
    const page = await context.newPage();
    await page.goto(`${site.url}?feed=fixtures/changing.json`);
    await waitForWidget(page);
    await page.getByText(note).waitFor();
    assert.equal(await page.locator('.sc-since, .sc-mark').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a sharded feed works state by state: a state never seen is taken in silently', async () => {
  version = 1;
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/sharded/index.json`);
  await page.getByText('Pick a state to see its officials.', { exact: true }).waitFor({ timeout: 30_000 });
  await pickState(page, 'VT');
  await row(page, 'Ann Able').waitFor();
  await addressHas(page, 'sc=');
  await remembered(page);
  // Vermont changes; Minnesota, which this reader never opened, gains an official.
  version = 2;
  await page.reload();
  await notice(page).waitFor({ timeout: 30_000 });
  assert.equal(await notice(page).getByRole('heading').textContent(), `1 change since you last looked on ${await today(page)}`);
  assert.equal(await row(page, 'Ann Able').locator('.sc-mark-tag').textContent(), 'Changed');
  await pickState(page, 'MN');
  await row(page, 'Fay Fox').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await row(page, 'Fay Fox').locator('.sc-mark').count(), 0, 'Minnesota is new to this reader: nothing to compare');
  assert.match(await notice(page).getByRole('heading').textContent(), /^1 change since/);
  await notice(page).getByRole('button', { name: 'Mark all as seen' }).click();
  await page.reload();
  await row(page, 'Fay Fox').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.sc-since, .sc-mark').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
