// Finding and understanding: the state type-ahead, Back/Forward through views, the details
// dialog (with "who funds them"), a 100,000-official feed, downloads, print, feed updates and
// the share sheet. Test feeds are served next to the site and named with ?feed=.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setUp, browser, site, freshContext, waitForWidget, pickState, makeFeed, syntheticOfficials, screenshot, addressHas, RENDER_ALL_UP_TO, shortlistNames } from './support.mjs';

const detailed = makeFeed([
  {
    id: 'ann',
    name: 'Ann Able',
    state: 'VT',
    position: 'Senator',
    party: 'Democratic',
    identifiers: [{ scheme: 'fec', identifier: 'S4VT00033' }],
    website: 'https://ann.example.org',
    donate_url: 'https://secure.actblue.com/donate/ann',
    stances: {
      q: {
        stance: 'yes',
        date: '2024-02-19',
        evidence: [
          { url: 'https://news.example.com/ann', title: 'Ann backs our candidate', date: '2024-02-20', quote: 'I am all in.' },
          { url: 'https://video.example.net/ann' },
        ],
      },
    },
  },
  { id: 'bob', name: 'Bob Baker', state: 'NY', position: 'Mayor', city: 'Albany', stances: { q: { stance: 'other', detail: 'Someone Else' } } },
  { id: 'cy', name: 'Cy Castro', state: 'NY', position: 'Representative', district: '12' },
]);

let changing = makeFeed([
  { id: 'ann', name: 'Ann Able', state: 'VT' },
  { id: 'bob', name: 'Bob Baker', state: 'NY' },
]);
const big = makeFeed(syntheticOfficials(100_000));

setUp({
  routes: {
    '/fixtures/detailed.json': () => ({ body: detailed }),
    '/fixtures/changing.json': () => ({ body: changing }),
    '/fixtures/big.json': () => ({ body: big }),
  },
});

const count = (page) => page.locator('.sc-count-number').textContent();

/**
 * How many officials of a served feed a name search finds, as the widget counts them ("1
 * official", "1,234 officials"): every word of the search in the name, ignoring case and
 * accents (FilterSpec::name in crates/scorecard-core/src/filter.rs).
 */
function searchCount(feed, search) {
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search).split(' ').filter(Boolean);
  const n = JSON.parse(feed).officials.filter((o) => words.every((w) => fold(o.name).includes(w))).length;
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'official' : 'officials'}`;
}

test('state type-ahead: names and codes, keyboard, chips', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  const box = page.getByRole('combobox', { name: 'State' });
  await box.fill('verm');
  const options = page.getByRole('listbox', { name: 'States' }).getByRole('option');
  assert.equal(await options.first().textContent(), 'VermontVT14');
  await box.press('Enter');
  assert.equal(await count(page), '14 officials');
  await pickState(page, 'ny');
  assert.equal(await count(page), '68 officials');
  await box.fill('new');
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  assert.match(await page.getByRole('listbox', { name: 'States' }).getByRole('option', { selected: true }).textContent(), /^New Mexico/);
  await box.press('Escape');
  assert.equal(await page.getByRole('listbox', { name: 'States' }).isHidden(), true);
  await box.fill('');
  await box.press('Backspace'); // removes the last chip shown (chips are in code order: NY, VT)
  assert.equal(await count(page), '54 officials');
  await page.getByRole('button', { name: 'Remove New York from the state filter' }).click();
  assert.equal(await count(page), '1,015 officials');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the view lives in the URL: Back and Forward step through it, reload restores it', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  await page.getByLabel('Sort by', { exact: true }).selectOption('date');
  assert.equal(await count(page), '8 officials');
  await addressHas(page, 'o=date'); // the sort's history entry (and those before it) are in
  await page.goBack();
  assert.equal(await page.getByLabel('Sort by', { exact: true }).inputValue(), 'name');
  await page.goBack();
  assert.equal(await count(page), '14 officials');
  assert.equal(await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).isChecked(), false);
  await page.goBack();
  assert.equal(await count(page), '1,015 officials');
  await page.goForward();
  assert.equal(await count(page), '14 officials');
  await page.reload();
  await waitForWidget(page);
  assert.equal(await count(page), '14 officials');
  assert.ok(await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).isVisible());
  // A screen reader hears the whole summary.
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  assert.equal(await page.locator('.sc-summary').textContent(), '8 officials endorsed Sanders in Vermont');
  assert.deepEqual(errors, []);
  await context.close();
});

test('details: every source, website, who funds them; opens from the URL; closes with Escape', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/detailed.json`);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Ann Able', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ann Able' });
  await dialog.waitFor();
  await addressHas(page, ';d=');
  assert.ok(page.url().includes(';d='), page.url());
  const source = dialog.getByRole('link', { name: 'Ann backs our candidate' });
  assert.equal(await source.getAttribute('href'), 'https://news.example.com/ann');
  assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
  assert.ok((await dialog.textContent()).includes('I am all in.'));
  assert.equal(await dialog.getByRole('link', { name: 'video.example.net' }).getAttribute('href'), 'https://video.example.net/ann');
  assert.equal(await dialog.getByRole('link', { name: 'Who funds them (FEC)' }).getAttribute('href'), 'https://www.fec.gov/data/candidate/S4VT00033/');
  assert.equal(await dialog.getByRole('link', { name: 'Website' }).getAttribute('href'), 'https://ann.example.org');
  await dialog.getByRole('button', { name: 'Add Ann Able to shortlist' }).click();
  await screenshot(page, 'details-1280');

  await page.reload();
  await waitForWidget(page);
  await page.getByRole('dialog', { name: 'Ann Able' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' }); // the element itself, not just its role
  await addressHas(page, ';d=', false);
  assert.ok(!page.url().includes(';d='), page.url());
  assert.deepEqual(await shortlistNames(page), ['Ann Able']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('100,000 officials: only the visible rows are in the page, and scrolling reaches the end', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${site.url}?feed=fixtures/big.json`);
  await waitForWidget(page);
  console.log(`# 100k feed: first results after ${Date.now() - started} ms (informational)`);
  assert.equal(await count(page), '100,000 officials');
  const rendered = await page.locator('.sc-slot').count();
  assert.ok(rendered > 5 && rendered < RENDER_ALL_UP_TO, `${rendered} rows rendered`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // The window of rows follows the scroll after a frame or two; on a busy machine that can be
  // well over 100 ms, so wait for the last row to appear rather than for a fixed time.
  await page.locator('.sc-slot[aria-posinset="100000"]').waitFor({ timeout: 10_000 });
  const positions = await page.locator('.sc-slot').evaluateAll((slots) => slots.map((s) => Number(s.getAttribute('aria-posinset'))));
  assert.equal(Math.max(...positions), 100_000);
  assert.ok(await page.locator('.sc-slot').count() < RENDER_ALL_UP_TO);
  // Filtering a big list still answers.
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('garcia 9999');
  await page.locator('.sc-count-number', { hasNotText: '100,000' }).waitFor();
  const expected = searchCount(big, 'garcia 9999');
  assert.notEqual(expected, '0 officials', 'the search finds someone in the fixture');
  assert.equal(await count(page), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long list scrolled to its end, then filtered to a shorter long one, shows its last rows (found by the soak)', async () => {
  // The list's window of rows was measured for the longer list; the render after the filter
  // sliced rows past the shorter one's end, and the widget crashed.
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/big.json`);
  await waitForWidget(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('.sc-slot[aria-posinset="100000"]').waitFor({ timeout: 10_000 });
  // Ticked where it is, without scrolling to it (as a click on a sticky filter panel would be).
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox').first().evaluate((box) => box.click());
  await page.locator('.sc-count-number', { hasNotText: '100,000' }).waitFor();
  const shown = Number((await count(page)).replace(/\D/g, ''));
  assert.ok(shown > RENDER_ALL_UP_TO && shown < 90_000, `${shown} officials: still a long list, far shorter`);
  await page.locator(`.sc-slot[aria-posinset="${shown}"]`).waitFor({ state: 'attached', timeout: 10_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSV downloads of the results and the shortlist; printing shows just the shortlist', async () => {
  const { context, errors } = await freshContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  let [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'scorecard-results.csv');
  let text = fs.readFileSync(await download.path(), 'utf8');
  let lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'name,state,position,district,city,party,stance: Endorsed Sanders in 2020,detail,date,source,id');
  assert.equal(lines.length, 15);
  assert.ok(lines.some((l) => l.startsWith('Peter Welch,VT,Representative,At-large,,Democratic,Endorsed Sanders,,2019-02-19,https://')));

  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Shortlist' }).getByRole('button', { name: 'Download CSV' }).click()]);
  text = fs.readFileSync(await download.path(), 'utf8');
  lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.deepEqual(lines, ['name,state,position,amount,given,donate link,in this feed,id', 'Peter Welch,VT,Representative,27,no,,yes,peter-welch-vt', 'Total,,,27']);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sc-filters').isVisible(), false);
  assert.equal(await page.locator('.sc-results').isVisible(), false);
  assert.equal(await page.getByRole('region', { name: 'Shortlist' }).isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Copy share link' }).isVisible(), false);
  await screenshot(page, 'print');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed that changes under the reader: filters and amounts kept, a vanished official stays marked, a changed stance shows', async () => {
  changing = makeFeed([
    { id: 'ann', name: 'Ann Able', state: 'VT', stances: { q: { stance: 'yes' } } },
    { id: 'bob', name: 'Bob Baker', state: 'NY', stances: { q: { stance: 'yes' } } },
    { id: 'cy', name: 'Cy Castro', state: 'NY', stances: { q: { stance: 'yes' } } },
  ]);
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/changing.json`);
  await waitForWidget(page);
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed ours/ }).check();
  await page.getByRole('button', { name: 'Add Bob Baker to shortlist' }).click();
  await page.getByRole('button', { name: 'Add Ann Able to shortlist' }).click();
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  await shortlist.getByLabel('Amount for Bob Baker', { exact: true }).fill('10');
  await shortlist.getByLabel('Amount for Bob Baker', { exact: true }).press('Enter');
  // The organizer publishes: Bob left the feed, Ann now endorsed someone else.
  changing = makeFeed([
    { id: 'ann', name: 'Ann Able', state: 'VT', stances: { q: { stance: 'other', detail: 'Someone Else', date: '2024-06-01' } } },
    { id: 'cy', name: 'Cy Castro', state: 'NY', stances: { q: { stance: 'yes' } } },
  ]);
  await page.reload();
  await waitForWidget(page);
  // The filter is kept: only Cy still endorsed ours.
  assert.equal(await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed ours/ }).isChecked(), true);
  assert.equal(await page.locator('.sc-count-number').textContent(), '1 official');
  // The shortlist keeps both, Bob with his amount, marked as gone.
  assert.deepEqual(await shortlistNames(page, shortlist), ['Bob Baker', 'Ann Able']);
  assert.ok((await shortlist.textContent()).includes('No longer in this feed'));
  assert.match(await shortlist.getByLabel('Amount for Bob Baker', { exact: true }).inputValue(), /^10(\.00)?$/);
  assert.equal(await page.locator('.sc-total-amount').textContent(), '$37');
  // Ann's new stance is what the list shows for her.
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  const ann = page.getByRole('list', { name: 'Officials' }).getByRole('listitem').filter({ hasText: 'Ann Able' });
  assert.match(await ann.textContent(), /Endorsed another/);
  assert.match(await ann.textContent(), /Someone Else/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the share sheet (Web Share API) gets the link where the browser has one', async () => {
  const { context, errors } = await freshContext(browser);
  await context.addInitScript(() => {
    navigator.share = async (data) => {
      window.__shared = data;
    };
  });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('leahy');
  await page.getByRole('button', { name: 'Add Patrick J. Leahy to shortlist' }).click();
  await page.getByRole('button', { name: 'Share…' }).click();
  const shared = await page.waitForFunction(() => window.__shared).then((h) => h.jsonValue());
  assert.ok(shared.url.startsWith(site.url) && shared.url.includes('l='), shared.url);
  assert.equal(shared.title, 'My shortlist: Who endorsed Bernie Sanders in 2020?');
  // Without the API there is no such button.
  const plain = await (await freshContext(browser)).context.newPage();
  await plain.goto(site.url);
  await waitForWidget(plain);
  assert.equal(await plain.getByRole('button', { name: 'Share…' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed named in the address must be this site or https', async () => {
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=${encodeURIComponent('http://example.com/feed.json')}`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /is not allowed: feeds load from this site or over https/);
  await page.goto(`${site.url}?feed=${encodeURIComponent('javascript:alert(1)')}`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /is not allowed/);
  await context.close();
});

test('several questions: the picker switches stances and counts (2018 primaries feed)', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=feeds/primaries-2018.json`);
  await waitForWidget(page);
  assert.equal(await count(page), '811 officials');
  const stances = page.getByRole('group', { name: 'Stance' });
  await stances.getByRole('checkbox', { name: /Endorsed/ }).first().check();
  assert.equal(await count(page), '9 officials', 'Sanders endorsed 9 candidates');
  await page.getByLabel('Question', { exact: true }).selectOption('our-revolution');
  // Stances belong to a question, so switching clears the stance filter.
  assert.equal(await count(page), '811 officials');
  await stances.getByRole('checkbox', { name: /Endorsed/ }).first().check();
  assert.equal(await count(page), '85 officials');
  assert.equal(await page.locator('.sc-question').textContent(), 'Did Our Revolution endorse them in the 2018 primary?');
  await addressHas(page, 'q=our-revolution');
  await addressHas(page, 'sn=');
  await page.reload();
  await waitForWidget(page);
  assert.equal(await count(page), '85 officials', 'the question is part of the view in the URL');
  assert.deepEqual(errors, []);
  await context.close();
});
