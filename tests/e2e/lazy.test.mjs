// Parts of the release wasm (src/lazy.rs). The main module has the first screen (src/first_screen:
// the loader's copy made live, without yew); the widget itself (yew, the components, details, the
// map, comparing, Your officials, Give to each, what changed since the last visit) is the
// `widget` part, fetched as soon as the main module starts. A reader whose feed is a
// spreadsheet, has problems or is sharded, or who reads it in Spanish, gets that part's module
// too (split_<name>.wasm, plus any chunk_<n>.wasm it shares with another part), fetched by
// __wasm_split.js the first time it is needed.
//
// Here: which files each use fetches, that each feature works with what is fetched, that a part
// which cannot be loaded (offline, a server error) says so plainly while the rest keeps working
// and "Try again" then works, that a host serving .wasm with the wrong type loses nothing, and
// that every part has its precompressed copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, serve, axeViolations, freshContext, waitForWidget, pickState, makeFeed, partFiles, wasmFetched, fetchedPart, dist, repo, shortlistNames } from './support.mjs';

/** What each part fetches (its module and shared chunks), read from the build's dist/__wasm_split.js. */
const parts = partFiles();

/** A part's own module (not a chunk it may share with another part, which that one would load). */
const own = (name) => parts[name].find((f) => f.startsWith('split_'));
/** The main module, the widget's part every visit fetches, and the files of `names` parts, sorted. */
const expectWasm = (...names) => [...new Set(['scorecard_bg.wasm', ...['widget', ...names].flatMap((n) => parts[n])])].sort();
/** The widget itself is up (its part fetched). */
async function settled(page, requests) {
  await waitForWidget(page);
  await fetchedPart(requests, 'widget');
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

test('the build has the four parts, each with its .gz and .br, and a visit fetches the main module and the widget, nothing else', async () => {
  // "words_es": the Spanish catalogue (below); "careful" and "csv_import": feeds that are not
  // well-formed JSON.
  assert.deepEqual(Object.keys(parts).sort(), ['careful', 'csv_import', 'widget', 'words_es']);
  const files = new Set(['__wasm_split.js', ...Object.values(parts).flat()]);
  for (const file of files) {
    for (const copy of [file, `${file}.gz`, `${file}.br`]) assert.ok(fs.existsSync(path.join(dist, copy)), `dist/${copy}`);
  }
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await settled(page, requests);
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  // Details, the map and comparing come with the widget: nothing more is fetched for them.
  await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
  await page.getByRole('dialog', { name: 'Peter Welch' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show the map' }).click();
  await page.getByRole('region', { name: 'Map of the states' }).waitFor();
  assert.deepEqual(wasmFetched(requests), expectWasm());
  // The widget's part is asked for as the main module starts, not after the first screen.
  const [main, widget] = await page.evaluate((own) => {
    const at = (file) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(`/${file}`))?.startTime;
    return [at('scorecard_bg.wasm'), at(own)];
  }, own('widget'));
  assert.ok(main > 0 && widget > main, `the widget (asked for at ${widget} ms) after the main module (${main} ms)`);
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
  await fetchedPart(requests, 'widget', before);
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

test('details, comparing, Your officials and Give to each come with the widget: using them fetches nothing more', async () => {
  const { context, requests, errors } = await freshContext(browser);
  for (const host of ['https://secure.actblue.com/**', 'https://donate.example.org/**', 'https://search.example.org/**']) {
    await context.route(host, (route) => route.fulfill({ contentType: 'text/html', body: '<title>page</title>' }));
  }
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await settled(page, requests);
  const before = wasmFetched(requests);
  assert.deepEqual(before, expectWasm());

  // Details.
  await page.getByRole('button', { name: 'Ann Able', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ann Able' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });
  // Comparing.
  for (const name of ['Ann Able', 'Bob Baker']) await page.getByRole('button', { name: `Compare ${name}` }).click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  const comparison = page.getByRole('dialog', { name: 'Compare officials' });
  await comparison.waitFor();
  assert.deepEqual(await comparison.getByRole('columnheader').locator('.sc-compare-name').allTextContents(), ['Ann Able', 'Bob Baker']);
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });
  // Your officials.
  const field = page.getByRole('textbox', { name: 'ZIP code' });
  await field.pressSequentially('05401');
  const your = page.locator('.sc-your');
  await your.locator('.sc-name').first().waitFor();
  assert.equal(await your.locator('.sc-your-title').textContent(), 'Your officials for ZIP code 05401');
  assert.deepEqual(await your.locator('.sc-name').allTextContents(), ['Cy Castro', 'Ann Able', 'Bob Baker']);
  // Give to each, from officials added in Your officials.
  for (const name of ['Ann Able', 'Cy Castro']) await your.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  await shortlist.getByRole('button', { name: 'Give to each' }).click();
  const run = shortlist.getByRole('region', { name: /^Give to each|^Did you give/ });
  assert.equal(await run.locator('.sc-give-title').textContent(), 'Give to each, 1 of 2: Ann Able');
  const [popup] = await Promise.all([context.waitForEvent('page'), run.getByRole('link', { name: /^Give \$27 to Ann Able/ }).click()]);
  await popup.close();
  await run.getByRole('button', { name: 'Yes, I gave' }).click();
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Given so far: $27 to 1 official');
  // The only other request: the ZIP table's file.
  assert.deepEqual(wasmFetched(requests), before);
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

test('the widget cannot be loaded: the first screen keeps working, a plain message says so, and Try again brings the widget with what the reader did', async () => {
  const { context, errors } = await freshContext(browser);
  await context.route(`**/${own('widget')}`, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(site.url);
  const alert = page.locator('.sc-error[role="alert"]');
  await alert.waitFor();
  assert.equal(await alert.locator('p').textContent(), 'The scorecard could not be loaded. Check your connection, then try again.');
  // The first screen works without it: a stance, then "Add".
  const copy = page.locator('[data-sc-snapshot]');
  await copy.getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  await copy.locator('.sc-count-number').filter({ hasText: '34 officials' }).waitFor();
  const first = copy.locator('.sc-results .sc-name').first();
  const name = await first.textContent();
  await copy.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  await copy.locator('.sc-entries .sc-entry-name').filter({ hasText: name }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the first screen with the message');

  await context.unroute(`**/${own('widget')}`);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForWidget(page);
  assert.equal(await alert.count(), 0);
  assert.equal(await copy.count(), 0);
  assert.equal(await page.locator('.sc-count-number').textContent(), '34 officials');
  assert.deepEqual(await shortlistNames(page), [name]);
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

test('a host that serves .wasm without application/wasm: the widget and its parts start from their bytes, and everything works', async () => {
  const asOctets = (file) => () => ({ type: 'application/octet-stream', body: fs.readFileSync(path.join(dist, file)) });
  const routes = { '/scorecard_bg.wasm': asOctets('scorecard_bg.wasm') };
  for (const file of Object.values(parts).flat()) routes[`/${file}`] = asOctets(file);
  const wrong = await serve(undefined, routes);
  try {
    const { context, errors } = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(`${wrong.url}?lang=es`);
    await waitForWidget(page);
    await page.getByRole('group', { name: 'Idioma' }).waitFor();
    const state = page.getByRole('combobox', { name: 'Estado' });
    await state.fill('VT');
    await state.press('Enter');
    await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
    await page.getByRole('dialog', { name: 'Peter Welch' }).waitFor();
    assert.equal(await page.locator('.sc-part-failed').count(), 0);
    assert.deepEqual(ours(errors), []);
    await context.close();
  } finally {
    // Open, it would keep this file's process running after a failure.
    await wrong.close();
  }
});
