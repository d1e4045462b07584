// Parts loaded on first use (src/lazy.rs). The release wasm is split: the main module has the
// first screen and everything most readers use; a reader who opens an official's details, looks
// up a ZIP code, starts "Give to each", compares officials side by side, or whose feed is a
// spreadsheet, has problems or is
// sharded, or who reads it in Spanish, gets that part's module (split_<name>.wasm, plus any chunk_<n>.wasm it shares with
// another part) from next to embed.js, fetched by __wasm_split.js the first time it is needed.
// Every reader gets the "since" part (what changed since their last visit) once the first
// screen is painted.
//
// Here: which files each first use fetches (and that a second use fetches nothing), that each
// feature works through its part, that a part which cannot be loaded (offline, a server error,
// a host serving .wasm with the wrong type) says so plainly while the rest of the widget keeps
// working and "Try again" then works, and that every part has its precompressed copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, serve, axeViolations, freshContext, waitForWidget, pickState, makeFeed, partFiles, wasmFetched, fetchedPart, dist, repo, shortlistNames } from './support.mjs';

/** What each part fetches (its module and shared chunks), read from the build's dist/__wasm_split.js. */
const parts = partFiles();

/** A part's own module (not a chunk it may share with another part, which that one would load). */
const own = (name) => parts[name].find((f) => f.startsWith('split_'));
/** The main module, the `since` part every visit fetches once its first screen is painted, and the files of `names` parts, sorted. */
const expectWasm = (...names) => [...new Set(['scorecard_bg.wasm', ...['since', ...names].flatMap((n) => parts[n])])].sort();
/** The widget's first screen is up, and the `since` part that follows it has been asked for. */
async function settled(page, requests) {
  await waitForWidget(page);
  await fetchedPart(requests, 'since');
}
/**
 * Errors other than the ones a test causes on purpose: the browser's notes on failed requests,
 * and the loader's log of a part it could not load (a failed fetch, with __wasm_split.js in its
 * stack, or a module the browser would not compile, logged without one).
 */
const ours = (errors) =>
  errors.filter((e) => !/^Failed to load resource|^TypeError: Failed to execute 'compile' on 'WebAssembly'/.test(e) && !e.includes('/__wasm_split.js:'));

// The guided give run needs officials with a donation page (or search), and a ZIP table.
const giving = makeFeed(
  [
    { id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', donate_url: 'https://secure.actblue.com/donate/ann', stances: { q: { stance: 'yes' } } },
    { id: 'bob', name: 'Bob Baker', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } },
    { id: 'cy', name: 'Cy Castro', state: 'VT', position: 'Representative', district: '0', donate_url: 'https://donate.example.org/cy', stances: { q: { stance: 'yes' } } },
  ],
  { districts: 'us-house-119', zip_table: '../zip/', donation_search: 'https://search.example.org/give?q={name}&state={state}' },
);
// One record the one-pass read cannot take: read by the careful part, reported and skipped.
const badRecord = makeFeed([
  { id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } },
  { id: 'bob', name: 5, state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } },
]);
const spreadsheet = fs.readFileSync(path.join(repo, 'tests', 'corpus', 'csv', 'bom-crlf-quoted.csv'));

setUp({
  routes: {
    '/fixtures/giving.json': () => ({ body: giving }),
    '/fixtures/bad-record.json': () => ({ body: badRecord }),
    '/fixtures/sheet.csv': () => ({ type: 'text/csv', body: spreadsheet }),
  },
});

test('the build has the eight parts, each with its .gz and .br, and the first screen fetches none of them', async () => {
  // "since": changed since a reader's last visit (tests/e2e/since.test.mjs), fetched on every
  // visit once the first screen is painted. "words_es": the Spanish catalogue (below).
  assert.deepEqual(Object.keys(parts).sort(), ['careful', 'compare', 'csv_import', 'details', 'since', 'tile_map', 'words_es', 'your_officials']);
  const files = new Set(['__wasm_split.js', ...Object.values(parts).flat()]);
  for (const file of files) {
    for (const copy of [file, `${file}.gz`, `${file}.br`]) assert.ok(fs.existsSync(path.join(dist, copy)), `dist/${copy}`);
  }
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await fetchedPart(requests, 'since');
  assert.deepEqual(wasmFetched(requests), expectWasm());
  const [painted, since] = await page.evaluate((own) => [
    performance.getEntriesByName('scorecard:results')[0]?.startTime,
    performance.getEntriesByType('resource').find((r) => r.name.endsWith(`/${own}`))?.startTime,
  ], own('since'));
  assert.ok(painted > 0 && since > painted, `the since part (asked for at ${since} ms) comes after the first screen (${painted} ms)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Spanish: a reader starting in it gets the catalogue beside the main wasm and never sees English; switching to it fetches it once', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  await settled(page, requests);
  assert.equal(await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(wasmFetched(requests), expectWasm('words_es'));
  // Asked for by the loader's preload, beside the main module, and that answer used: fetched once.
  const words = await page.evaluate((file) => performance.getEntriesByType('resource').filter((r) => r.name.endsWith(`/${file}`)).map((r) => r.initiatorType), own('words_es'));
  assert.deepEqual(words, ['link']);
  assert.equal(requests.filter((url) => url.endsWith(`/${own('words_es')}`)).length, 1);
  assert.deepEqual(errors, []);

  // An English reader switching: the catalogue comes then, and once.
  const english = await context.newPage();
  const before = requests.length;
  await english.goto(site.url);
  await waitForWidget(english);
  // The live list, from `before` on: a copy taken now would never see the part arrive.
  await fetchedPart(requests, 'since', before);
  assert.ok(!wasmFetched(requests.slice(before)).includes(own('words_es')), 'not for an English reader');
  const group = (name) => english.getByRole('group', { name });
  await group('Language').getByRole('button', { name: 'Español' }).click();
  await group('Idioma').waitFor();
  await group('Idioma').getByRole('button', { name: 'English' }).click();
  await group('Language').getByRole('button', { name: 'Español' }).click();
  await group('Idioma').waitFor();
  assert.equal(requests.slice(before).filter((url) => url.endsWith(`/${own('words_es')}`)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Spanish that cannot be loaded: said plainly, the widget stays in English and works; Try again, or Close to keep English', async () => {
  const { context, errors } = await freshContext(browser);
  await context.route(`**/${own('words_es')}`, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  const notice = page.locator('.sc-part-failed');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await notice.locator('p').textContent(), 'Español could not be loaded. You may be offline; the scorecard stays in English.');
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.deepEqual(await shortlistNames(page), ['Peter Welch']);
  // Close: English, and the address says so.
  await notice.getByRole('button', { name: 'Close' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => /(^#|&)sc=[^&]*lg=en/.test(location.hash));
  // Asked for again, and back online: Try again shows Spanish, with the shortlist kept.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
  await notice.waitFor();
  await context.unroute(`**/${own('words_es')}`);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('group', { name: 'Idioma' }).waitFor();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(await shortlistNames(page, page.getByRole('region', { name: 'Lista de donaciones' })), ['Peter Welch']);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('details: the part comes with the first opening, and later openings fetch nothing', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await settled(page, requests);
  await pickState(page, 'VT');
  assert.deepEqual(wasmFetched(requests), expectWasm());
  await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Peter Welch' });
  await dialog.waitFor();
  assert.deepEqual(wasmFetched(requests), expectWasm('details'));
  await dialog.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });
  const before = requests.length;
  await page.getByRole('button', { name: 'Patrick J. Leahy', exact: true }).click();
  await page.getByRole('dialog', { name: 'Patrick J. Leahy' }).waitFor();
  assert.deepEqual(requests.slice(before).filter((url) => url.endsWith('.wasm')), []);
  assert.deepEqual(await shortlistNames(page), ['Peter Welch']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare: picking fetches nothing; the part comes as the reader reaches for "Compare side by side", and works', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await settled(page, requests);
  for (const name of ['Ann Able', 'Bob Baker']) await page.getByRole('button', { name: `Compare ${name}` }).click();
  assert.deepEqual(wasmFetched(requests), expectWasm());
  const show = page.getByRole('button', { name: 'Compare side by side' });
  await show.hover();
  await fetchedPart(requests, 'compare');
  await show.click();
  const dialog = page.getByRole('dialog', { name: 'Compare officials' });
  await dialog.waitFor();
  assert.deepEqual(await dialog.getByRole('columnheader').locator('.sc-compare-name').allTextContents(), ['Ann Able', 'Bob Baker']);
  assert.deepEqual(wasmFetched(requests), expectWasm('compare'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Your officials: its part is fetched as the reader reaches for the field, before the fifth digit; Give to each then needs nothing more', async () => {
  const { context, requests, errors } = await freshContext(browser);
  for (const host of ['https://secure.actblue.com/**', 'https://donate.example.org/**', 'https://search.example.org/**']) {
    await context.route(host, (route) => route.fulfill({ contentType: 'text/html', body: '<title>page</title>' }));
  }
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await settled(page, requests);
  assert.deepEqual(wasmFetched(requests), expectWasm());
  const field = page.getByRole('textbox', { name: 'ZIP code' });
  await field.focus();
  await fetchedPart(requests, 'your_officials');
  assert.deepEqual(requests.filter((url) => url.includes('/zip/')), [], 'no table file before a ZIP code is typed');
  await field.pressSequentially('05401');
  const your = page.locator('.sc-your');
  await your.locator('.sc-name').first().waitFor();
  assert.equal(await your.locator('.sc-your-title').textContent(), 'Your officials for ZIP code 05401');
  assert.deepEqual(await your.locator('.sc-name').allTextContents(), ['Cy Castro', 'Ann Able', 'Bob Baker']);

  // Give to each, from officials added in Your officials: the part is in already.
  for (const name of ['Ann Able', 'Cy Castro']) await your.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  await shortlist.getByRole('button', { name: 'Give to each' }).click();
  const run = shortlist.getByRole('region', { name: /^Give to each|^Did you give/ });
  assert.equal(await run.locator('.sc-give-title').textContent(), 'Give to each, 1 of 2: Ann Able');
  const [popup] = await Promise.all([context.waitForEvent('page'), run.getByRole('link', { name: /^Give \$27 to Ann Able/ }).click()]);
  await popup.close();
  await run.getByRole('button', { name: 'Yes, I gave' }).click();
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Given so far: $27 to 1 official');
  assert.deepEqual(wasmFetched(requests), expectWasm('your_officials'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Give to each alone: the part is fetched as the reader reaches for the button, and the run works', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await settled(page, requests);
  for (const name of ['Ann Able', 'Bob Baker']) await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  assert.deepEqual(wasmFetched(requests), expectWasm());
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  const start = shortlist.getByRole('button', { name: 'Give to each' });
  await start.hover();
  await fetchedPart(requests, 'your_officials');
  await start.click();
  const run = shortlist.getByRole('region', { name: /^Give to each|^Did you give/ });
  assert.equal(await run.locator('.sc-give-title').textContent(), 'Give to each, 1 of 2: Ann Able');
  await run.getByRole('button', { name: 'Skip' }).click();
  assert.equal(await run.locator('.sc-give-title').textContent(), 'Give to each, 2 of 2: Bob Baker');
  assert.deepEqual(wasmFetched(requests), expectWasm('your_officials'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a spreadsheet feed: its reader is fetched beside it, and it loads; a JSON feed never fetches it', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/sheet.csv`);
  await settled(page, requests);
  assert.equal(await page.locator('.sc-count-number').textContent(), '2 officials');
  assert.deepEqual((await page.locator('.sc-name').allTextContents()).sort(), ['Sanders, Bernie', 'Welch, "Peter"']);
  assert.deepEqual(wasmFetched(requests), expectWasm('csv_import'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed with a bad record goes through the careful part: reported at its line, skipped, the rest shown', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/bad-record.json`);
  await settled(page, requests);
  assert.equal(await page.locator('.sc-count-number').textContent(), '1 official');
  assert.match(await page.locator('.sc-load-notes summary').textContent(), /1 loaded, 1 skipped/);
  assert.match(await page.locator('.sc-load-notes li').first().textContent(), /^error: officials\[1\]\.name \(line \d+, column \d+\)/);
  assert.deepEqual(wasmFetched(requests), expectWasm('careful'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link, copying it and the downloads need no part of their own', async () => {
  const { context, requests, errors } = await freshContext(browser, { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(site.url);
  await settled(page, requests);
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Shortlist' }).getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'shortlist.csv');

  const visitor = await freshContext(browser);
  const other = await visitor.context.newPage();
  await other.goto(link);
  await settled(other, visitor.requests);
  await other.getByText('Shortlist shared with you: 1 official, $27').waitFor();
  assert.deepEqual(wasmFetched([...requests, ...visitor.requests]), expectWasm());
  assert.deepEqual([...errors, ...visitor.errors], []);
  await visitor.context.close();
  await context.close();
});

test('a part that cannot be loaded: a plain message in its place, the rest keeps working, and Try again works once it can', async () => {
  const { context, errors } = await freshContext(browser);
  // A part's own module, not a chunk it shares: a blocked shared chunk would fail other parts too.
  const own = (name) => parts[name].find((file) => file.startsWith('split_'));
  const block = (name, how) => context.route(`**/${own(name)}`, how);
  const unblock = (name) => context.unroute(`**/${own(name)}`);
  // Offline for the details, a server error for the lookup.
  await block('details', (route) => route.abort('internetdisconnected'));
  await block('your_officials', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await waitForWidget(page);

  // Details.
  await page.getByRole('button', { name: 'Ann Able', exact: true }).click();
  const notice = page.locator('.sc-part-failed');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await notice.locator('p').textContent(), 'The details of Ann Able could not be loaded. You may be offline; the list and your shortlist still work.');
  assert.equal(await page.getByRole('dialog').count(), 0);
  await notice.getByRole('button', { name: 'Close' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Add Ann Able to shortlist' }).click();
  await page.getByRole('button', { name: 'Bob Baker', exact: true }).click();
  await notice.waitFor();
  await unblock('details');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('dialog', { name: 'Bob Baker' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });

  // The lookup says so next to the field; filters still work.
  const field = page.getByRole('textbox', { name: 'ZIP code' });
  await field.pressSequentially('05401');
  const message = page.locator('.sc-zip-message');
  await message.filter({ hasText: 'could not be looked up' }).waitFor();
  assert.equal(await message.textContent(), 'ZIP code 05401 could not be looked up: this part of the scorecard could not be loaded. You may be offline. Try again, or pick your state in the filters.');
  // Give to each shares the lookup's part: the same failure, in the run's place.
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  await shortlist.getByRole('button', { name: 'Give to each' }).click();
  const runNotice = shortlist.locator('.sc-part-failed');
  await runNotice.waitFor();
  assert.match(await runNotice.locator('p').textContent(), /^Give to each could not be loaded\. You may be offline; each official's own Give button/);
  await runNotice.getByRole('button', { name: 'Close' }).click();
  await shortlist.getByRole('button', { name: 'Give to each' }).waitFor();
  await page.getByRole('button', { name: 'Hide my officials' }).click();
  // The comparison, offline: said in its place; Close gives up, the picks stay.
  await block('compare', (route) => route.abort('internetdisconnected'));
  for (const name of ['Ann Able', 'Bob Baker']) await page.getByRole('region', { name: 'Results' }).getByRole('button', { name: `Compare ${name}` }).click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await notice.waitFor();
  assert.equal(await notice.locator('p').textContent(), 'The comparison could not be loaded. You may be offline; the list and your shortlist still work.');
  await notice.getByRole('button', { name: 'Close' }).click();
  await notice.waitFor({ state: 'detached' });
  await unblock('compare');
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await page.getByRole('dialog', { name: 'Compare officials' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });
  await pickState(page, 'VT');
  assert.equal(await page.locator('.sc-count-number').textContent(), '3 officials');
  // Back online: Find looks it up.
  await unblock('your_officials');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.locator('.sc-your .sc-name').first().waitFor();
  assert.equal(await page.locator('.sc-your-title').textContent(), 'Your officials for ZIP code 05401');
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('a feed whose reader cannot be loaded says so and offers to try again', async () => {
  const { context, errors } = await freshContext(browser);
  for (const name of ['csv_import', 'careful']) await context.route(`**/${own(name)}`, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  for (const [feed, what, count] of [['fixtures/sheet.csv', 'reads spreadsheets (CSV)', '2 officials'], ['fixtures/bad-record.json', 'reads this feed', '1 official']]) {
    await page.goto(`${site.url}?feed=${feed}`);
    const alert = page.locator('.sc-error');
    await alert.waitFor({ timeout: 30_000 });
    assert.equal(await alert.locator('p').textContent(), `The scorecard data could not be read: the part of the scorecard that ${what} could not be loaded. Check your connection, then try again.`);
    await context.unrouteAll();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await waitForWidget(page);
    assert.equal(await page.locator('.sc-count-number').textContent(), count);
    for (const name of ['csv_import', 'careful']) await context.route(`**/${own(name)}`, (route) => route.abort('internetdisconnected'));
  }
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('a host that serves .wasm without application/wasm: the widget starts, but its parts cannot load, and say so', async () => {
  const asOctets = (file) => () => ({ type: 'application/octet-stream', body: fs.readFileSync(path.join(dist, file)) });
  const routes = { '/scorecard_bg.wasm': asOctets('scorecard_bg.wasm') };
  for (const file of Object.values(parts).flat()) routes[`/${file}`] = asOctets(file);
  const wrong = await serve(undefined, routes);
  try {
    const { context, errors } = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(wrong.url);
    await waitForWidget(page);
    await pickState(page, 'VT');
    await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
    await page.locator('.sc-part-failed').waitFor();
    assert.match(await page.locator('.sc-part-failed p').textContent(), /^The details of Peter Welch could not be loaded/);
    assert.deepEqual(await axeViolations(page), [], 'a part that could not be loaded');
    assert.ok(errors.some((e) => e.includes("Incorrect response MIME type. Expected 'application/wasm'")), errors.join('\n'));
    assert.deepEqual(ours(errors), []);
    await context.close();
  } finally {
    // Open, it would keep this file's process running after a failure.
    await wrong.close();
  }
});
