// "Your officials" by ZIP code, and giving: the lookup on "Congress today" (one district, a ZIP
// code split between three, invalid, unknown and failed lookups), the ZIP code kept on the device
// (saved, forgotten, never in a link or a request but as the three digits of one table file),
// offline after a first lookup, two widgets under a strict CSP, the iframe version, every row's
// next step, the guided "Give to each", and axe on each new view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, assets, hostFile, strictPolicy, axeViolations, freshContext, waitForWidget, pickState, repo, dist, makeFeed, addressHas, focused, withFocused, WIDGET_READY, RENDER_ALL_UP_TO, recordCspViolations, cspViolations, shortlistNames } from './support.mjs';

const congress = JSON.parse(fs.readFileSync(path.join(repo, 'feeds', 'congress-today.json'), 'utf8'));

// A feed for giving: two donation pages (one ActBlue); the others get the feed's donation search.
const giving = makeFeed(
  [
    { id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', donate_url: 'https://secure.actblue.com/donate/ann', stances: { q: { stance: 'yes' } } },
    { id: 'bob', name: 'Bob Baker', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } },
    { id: 'cy', name: 'Cy Castro', state: 'VT', position: 'Representative', district: '0', donate_url: 'https://donate.example.org/cy', stances: { q: { stance: 'yes' } } },
    { id: 'dee', name: 'Dee Dunn', state: 'VT', position: 'Governor', website: 'https://dee.example.org', stances: { q: { stance: 'other' } } },
  ],
  { districts: 'us-house-119', zip_table: '../zip/', donation_search: 'https://search.example.org/give?q={name}&state={state}' },
);

// The table file for 054, served as the real one until `zipDown` (then the server fails), and
// a table file that is not one (for ZIP codes 123xx).
let zipDown = false;

// No official has a district: a ZIP code can only narrow the list to its state.
const noDistricts = makeFeed([
  { id: 'g', name: 'Gov Nor', state: 'VT', position: 'Governor', stances: { q: { stance: 'yes' } } },
  { id: 'm', name: 'May Or', state: 'VT', position: 'Mayor', city: 'Burlington', stances: { q: { stance: 'yes' } } },
  { id: 'n', name: 'New Yorker', state: 'NY', position: 'Mayor', city: 'Albany', stances: { q: { stance: 'yes' } } },
]);

// Twelve "statewide" judges in Vermont: more than "Your officials" lists in one group.
const judges = makeFeed(
  Array.from({ length: 12 }, (_, i) => ({ id: `j${i}`, name: `Judge ${String.fromCharCode(65 + i)}`, state: 'VT', position: 'Judge', stances: { q: { stance: 'yes' } } }))
    .concat([{ id: 'm', name: 'May Or', state: 'VT', position: 'Mayor', city: 'Burlington', district: '3', stances: { q: { stance: 'yes' } } }]),
  { districts: 'us-house-119', zip_table: '../zip/' },
);
const real054 = () => fs.readFileSync(path.join(dist, 'zip', '054.json'), 'utf8');

setUp({
  routes: {
    '/fixtures/giving.json': () => ({ body: giving }),
    '/fixtures/judges.json': () => ({ body: judges }),
    '/fixtures/no-districts.json': () => ({ body: noDistricts }),
    '/mirror/zip/054.json': () => ({ body: real054() }),
    '/zip/054.json': () => (zipDown ? { status: 503, type: 'text/plain', body: 'down' } : { body: real054() }),
    '/zip/123.json': () => ({ type: 'text/html', body: '<!doctype html><title>Not here</title>' }),
    '/zip/999.json': () => ({ status: 500, type: 'text/plain', body: 'Internal Server Error' }),
  },
  hosts: (assets) => {
    const page = (name, headers) => hostFile(assets, name, headers);
    return {
      '/zip.html': page('zip.html', { 'content-security-policy': strictPolicy(assets.origin) }),
      '/iframe-congress.html': () => ({
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>iframe</title></head><body><h1>In an iframe</h1><iframe id="f" title="Scorecard" src="${assets.origin}/frame.html?feed=feeds/congress-today.json" width="100%" height="1600"></iframe></body></html>`,
      }),
    };
  },
});

/** Errors other than the browser's own notes on failed requests (the tests fail some on purpose). */
const ours = (errors) => errors.filter((e) => !/Failed to load resource/.test(e));

const your = (scope) => scope.locator('.sc-your');
const headings = (scope) => your(scope).locator('.sc-your-heading').allTextContents();
const names = (scope) => your(scope).locator('.sc-name').allTextContents();
const zipField = (scope) => scope.getByRole('textbox', { name: 'ZIP code' });
const zipRequests = (requests) => requests.filter((url) => url.includes('/zip/')).map((url) => new URL(url).pathname);

/** Types a ZIP code key by key, as a reader does: the lookup starts with the fifth digit. */
async function typeZip(scope, zip) {
  await zipField(scope).fill('');
  await zipField(scope).pressSequentially(zip);
}

test('the page\'s feed chooser, then 05401: Vermont\'s at-large representative and both senators, each with a next step; the ZIP code stays on the device', async () => {
  const { context, errors, requests } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  // The standalone page (not the widget) picks among the bundled feeds; the default is the 2020 tracker.
  const chooser = page.getByRole('combobox', { name: 'Scorecard' });
  assert.equal(await chooser.inputValue(), 'feeds/endorsements-2020.json');
  await Promise.all([page.waitForURL(/\?feed=feeds%2Fcongress-today\.json$/), chooser.selectOption({ label: 'Congress today: who endorsed Sanders in 2020?' })]);
  await waitForWidget(page);
  assert.match(await page.locator('.sc-title').textContent(), /^Congress today/);
  assert.equal(await chooser.inputValue(), 'feeds/congress-today.json');

  await typeZip(page, '05401');
  await your(page).locator('.sc-name').first().waitFor();
  assert.equal(await your(page).locator('.sc-your-title').textContent(), 'Your officials for ZIP code 05401');
  assert.deepEqual(await headings(page), ['Vermont, at large', 'Senator (Vermont)']);
  assert.deepEqual(await names(page), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
  // Every row's next step: none of these has a donate link, so "Contact" (their site or form).
  for (const name of ['Becca Balint', 'Bernard Sanders', 'Peter Welch']) {
    const link = your(page).getByRole('link', { name: new RegExp(`^Contact ${name} \\(opens their website\\)$`) });
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('href'), /^https:\/\//);
  }
  assert.match(await page.locator('.sc-live').textContent(), /^3 officials for ZIP code 05401\.$/);
  assert.deepEqual(await axeViolations(page, '.sc-your'), [], 'lookup results');

  // Added from "Your officials", shared: the link says "my officials", never the ZIP code.
  await your(page).getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  assert.match(link, /[#&]sc=1;[^#]*m=1/);
  assert.doesNotMatch(link, /05401|5401/);
  await addressHas(page, 'm=1');
  assert.doesNotMatch(page.url(), /5401/);

  // Saved in this browser for next time; the view in the address shows them again on reload.
  const saved = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.endsWith(':zip')));
  assert.deepEqual(saved.map(([, v]) => v), ['05401']);
  await page.reload();
  await waitForWidget(page);
  await your(page).locator('.sc-name').first().waitFor();
  assert.equal(await zipField(page).inputValue(), '05401');
  assert.deepEqual(await names(page), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);

  // A recipient of the link who has no ZIP code saved is asked for theirs; one who has sees theirs.
  const stranger = await freshContext(browser);
  const theirs = await stranger.context.newPage();
  await theirs.goto(link);
  await waitForWidget(theirs);
  assert.equal(await your(theirs).locator('.sc-zip-message').textContent(), 'Enter your ZIP code to see your officials.');
  await typeZip(theirs, '35950');
  await your(theirs).locator('.sc-name').first().waitFor();
  assert.deepEqual(await headings(theirs), ['Alabama, district 4', 'Senator (Alabama)']);
  await theirs.reload(); // the same link again: their own ZIP code, not the sender's
  await waitForWidget(theirs);
  await your(theirs).locator('.sc-name').first().waitFor();
  assert.deepEqual(await headings(theirs), ['Alabama, district 4', 'Senator (Alabama)']);
  await stranger.context.close();

  // Forgotten on request: gone from the field, the panel and storage.
  await page.getByRole('button', { name: 'Forget my ZIP code' }).click();
  assert.equal(await zipField(page).inputValue(), '');
  assert.equal(await your(page).locator('.sc-name').count(), 0);
  assert.match(await page.locator('.sc-live').textContent(), /forgotten/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':zip'))), []);
  await page.reload();
  await waitForWidget(page);
  assert.equal(await zipField(page).inputValue(), '');

  // The ZIP code went nowhere but into the name of one file per lookup: 054.json, from the
  // widget's own host, once per page load that looked it up.
  assert.deepEqual(zipRequests(requests), ['/zip/054.json', '/zip/054.json']);
  assert.deepEqual(requests.filter((url) => /5401/.test(url)), []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(assets.origin)), []);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('a ZIP code split between three districts: the chooser names each member; pick one, or keep all', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  await typeZip(page, '35062');
  const chooser = page.getByRole('group', { name: 'ZIP code 35062 is split between 3 districts. Which is yours?' });
  await chooser.waitFor();
  const options = await chooser.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent));
  assert.deepEqual(options, [
    'Alabama, district 4: Robert B. Aderholt',
    'Alabama, district 6: Gary J. Palmer',
    'Alabama, district 7: Terri A. Sewell',
    'All 3 districts',
  ]);
  assert.equal(await chooser.getByRole('radio', { name: 'All 3 districts' }).isChecked(), true);
  assert.deepEqual(await headings(page), ['Alabama, district 4', 'Alabama, district 6', 'Alabama, district 7', 'Senator (Alabama)']);
  assert.deepEqual(await axeViolations(page, '.sc-your'), [], 'the chooser');

  // Pick one.
  await chooser.getByRole('radio', { name: /^Alabama, district 6/ }).check();
  assert.deepEqual(await headings(page), ['Alabama, district 6', 'Senator (Alabama)']);
  assert.deepEqual(await names(page), ['Gary J. Palmer', 'Katie Boyd Britt', 'Tommy Tuberville']);
  assert.match(await page.locator('.sc-live').textContent(), /^3 officials for ZIP code 35062\.$/);
  // The pick is kept with the ZIP code, in this browser.
  await page.reload();
  await waitForWidget(page);
  await your(page).locator('.sc-name').first().waitFor();
  assert.equal(await chooser.getByRole('radio', { name: /^Alabama, district 6/ }).isChecked(), true);
  assert.deepEqual(await headings(page), ['Alabama, district 6', 'Senator (Alabama)']);
  // Or keep all.
  await chooser.getByRole('radio', { name: 'All 3 districts' }).focus();
  await page.keyboard.press('Space');
  assert.deepEqual(await headings(page), ['Alabama, district 4', 'Alabama, district 6', 'Alabama, district 7', 'Senator (Alabama)']);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('in Spanish: the heading, the chooser of a split ZIP code, group headings, what screen readers hear, the privacy note', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json&lang=es`);
  await waitForWidget(page);
  assert.match(await your(page).locator('.sc-zip-privacy').textContent(), /^Su código postal se queda en este navegador\./);
  await page.getByRole('textbox', { name: 'Código postal' }).pressSequentially('35062');
  const chooser = page.getByRole('group', { name: 'El código postal 35062 está repartido entre 3 distritos. ¿Cuál es el suyo?' });
  await chooser.waitFor();
  assert.equal(await your(page).locator('.sc-your-title').textContent(), 'Sus funcionarios para el código postal 35062');
  const options = await chooser.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent));
  assert.deepEqual(options, [
    'Alabama, distrito 4: Robert B. Aderholt',
    'Alabama, distrito 6: Gary J. Palmer',
    'Alabama, distrito 7: Terri A. Sewell',
    'Los 3 distritos',
  ]);
  assert.deepEqual(await headings(page), ['Alabama, distrito 4', 'Alabama, distrito 6', 'Alabama, distrito 7', 'Senator (Alabama)']);
  await chooser.getByRole('radio', { name: /^Alabama, distrito 6/ }).check();
  await page.waitForFunction(() => /^3 funcionarios para el código postal 35062\.$/.test(document.querySelector('[data-scorecard]').shadowRoot.querySelector('.sc-live')?.textContent ?? ''));
  assert.deepEqual(await axeViolations(page, '.sc-your'), []);

  // What was typed is not a ZIP code, the table knows none, or its server fails: in Spanish.
  const message = () => your(page).locator('.sc-zip-message');
  const field = page.getByRole('textbox', { name: 'Código postal' });
  await field.fill('0540');
  await field.press('Enter');
  assert.equal(await message().textContent(), 'Eso tiene 4 cifras; un código postal tiene cinco, como 05401.');
  await field.fill('');
  await field.pressSequentially('00000');
  await message().filter({ hasText: 'ningún distrito' }).waitFor();
  assert.equal(await message().textContent(), 'No se conoce ningún distrito para el código postal 00000. Revíselo, o elija su estado.');
  await field.fill('');
  await field.pressSequentially('99901');
  await message().filter({ hasText: 'error 500' }).waitFor();
  assert.equal(
    await message().textContent(),
    'No se pudo buscar el código postal 99901: el servidor de la tabla de códigos postales respondió con el error 500. Vuelva a intentarlo, o elija su estado en los filtros.',
  );

  // A group cut short, in Spanish.
  await page.goto(`${assets.url}?feed=fixtures/judges.json&lang=es`);
  await waitForWidget(page);
  await page.getByRole('textbox', { name: 'Código postal' }).fill('');
  await page.getByRole('textbox', { name: 'Código postal' }).pressSequentially('05401');
  await your(page).locator('.sc-your-more').waitFor();
  assert.deepEqual(await headings(page), ['Vermont, distrito único', 'Judge (Vermont)']);
  assert.match(await your(page).locator('.sc-your-more').textContent(), /^Y 2 más\./);
  await your(page).getByRole('button', { name: 'Mostrarlos todos en la lista' }).waitFor();
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('invalid, unknown and failed lookups each get a plain message, and the rest of the widget keeps working', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  const message = () => your(page).locator('.sc-zip-message');

  await zipField(page).fill('abcde');
  await zipField(page).press('Enter');
  assert.equal(await message().textContent(), 'A ZIP code has five digits and nothing else, like 05401.');
  assert.equal(await zipField(page).getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page, '.sc-your'), [], 'an invalid ZIP code');
  await zipField(page).fill('0540');
  await zipField(page).press('Enter');
  assert.equal(await message().textContent(), 'That has 4 digits; a ZIP code has five, like 05401.');

  // No area: 00000's file does not exist (404), so the table knows no such ZIP code.
  await typeZip(page, '00000');
  await message().filter({ hasText: 'No district' }).waitFor();
  assert.equal(await message().textContent(), 'No district is known for ZIP code 00000. Check it, or pick your state instead.');
  assert.deepEqual(await axeViolations(page, '.sc-your'), [], 'an unknown ZIP code');

  // The table's server fails, or sends something that is not a table file.
  await typeZip(page, '99901');
  await message().filter({ hasText: 'error 500' }).waitFor();
  assert.equal(
    await message().textContent(),
    "ZIP code 99901 could not be looked up: the ZIP code table's server answered with error 500. Try again, or pick your state in the filters.",
  );
  await typeZip(page, '12345');
  await message().filter({ hasText: 'could not be read' }).waitFor();
  assert.match(await message().textContent(), /the ZIP code table's file for ZIP codes starting 123 could not be read \(this is a web page \(HTML\), not a ZIP table file\)/);
  assert.equal(await your(page).locator('.sc-name').count(), 0);

  // Everything else still works.
  await pickState(page, 'VT');
  assert.equal(await page.locator('.sc-results .sc-count-number').textContent(), '3 officials');
  await page.getByRole('button', { name: 'Add Becca Balint to shortlist' }).first().click();
  assert.deepEqual(await shortlistNames(page), ['Becca Balint']);
  // And a good ZIP code after all that.
  await typeZip(page, '05401');
  await your(page).locator('.sc-name').first().waitFor();
  assert.deepEqual(await names(page), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('offline after a first lookup: the table file is kept like the feed, and the lookup still works when its server fails', async () => {
  const { context, errors, requests } = await freshContext(browser);
  const page = await context.newPage();
  zipDown = false;
  await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  await typeZip(page, '05401');
  await your(page).locator('.sc-name').first().waitFor();
  // Kept in Cache Storage once it arrived.
  await page.waitForFunction(async (url) => !!(await caches.match(url)), `${assets.origin}/zip/054.json`);

  zipDown = true;
  try {
    // A new visit (the file is not in memory any more): the server fails, the saved copy answers.
    await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
    await waitForWidget(page);
    assert.equal(await zipField(page).inputValue(), '05401', 'the saved ZIP code');
    await page.getByRole('button', { name: 'Show my officials' }).click();
    await your(page).locator('.sc-name').first().waitFor();
    assert.deepEqual(await names(page), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
    // Another ZIP code with the same first digits needs no other file.
    const before = zipRequests(requests).length;
    await typeZip(page, '05404');
    await your(page).getByRole('heading', { name: 'Your officials for ZIP code 05404' }).waitFor();
    assert.deepEqual(await names(page), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
    assert.equal(zipRequests(requests).length, before);
    // The server did fail: a file never fetched before has no copy to fall back on.
    assert.ok(zipRequests(requests).filter((p) => p === '/zip/054.json').length >= 2);
  } finally {
    zipDown = false;
  }
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('two widgets under a strict Content-Security-Policy: each looks up its own ZIP code, nothing is blocked', async () => {
  const { context, errors, requests } = await freshContext(browser);
  await recordCspViolations(context);
  const page = await context.newPage();
  const response = await page.goto(`${site.url}zip.html`);
  assert.match(response.headers()['content-security-policy'], /connect-src http:\/\/127\.0\.0\.1:\d+;/);
  const congressWidget = page.locator('#congress');
  const tracker = page.locator('#tracker');
  await congressWidget.locator(WIDGET_READY).waitFor({ timeout: 30_000 });
  await tracker.locator(WIDGET_READY).waitFor({ timeout: 30_000 });

  await typeZip(congressWidget, '05401');
  await your(congressWidget).locator('.sc-name').first().waitFor();
  assert.deepEqual(await names(congressWidget), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
  await typeZip(congressWidget, '00000');
  await your(congressWidget).locator('.sc-zip-message', { hasText: 'No district' }).waitFor();
  await zipField(congressWidget).fill('abcde');
  await zipField(congressWidget).press('Enter');
  assert.equal(await your(congressWidget).locator('.sc-zip-message').textContent(), 'A ZIP code has five digits and nothing else, like 05401.');
  await typeZip(congressWidget, '35062');
  await your(congressWidget).getByRole('radio', { name: /^Alabama, district 7/ }).check();
  assert.deepEqual(await names(congressWidget), ['Terri A. Sewell', 'Katie Boyd Britt', 'Tommy Tuberville']);

  // The 2020 tracker's districts are the 116th Congress's: statewide officials only, and why.
  assert.equal(await zipField(tracker).inputValue(), '', 'the other widget has its own ZIP code');
  await typeZip(tracker, '05401');
  await your(tracker).locator('.sc-name').first().waitFor();
  assert.equal(
    await your(tracker).locator('.sc-your-note').textContent(),
    "This scorecard's districts are from the 116th Congress; ZIP codes here use the districts of the 119th Congress, so only statewide officials are matched.",
  );
  assert.ok((await headings(tracker)).includes('Senator (Vermont)'));
  assert.ok(!(await names(tracker)).includes('Peter Welch'), 'a representative of another period is not matched');

  assert.deepEqual(await cspViolations(page), []);
  const keys = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.endsWith(':zip')).map(([k, v]) => `${k.split(':').at(-2)}=${v}`).sort());
  assert.deepEqual(keys, ['congress=35062|AL|7', 'tracker=05401']);
  // The tracker widget names its own table (data-zip-table): asked there, not at the feed's.
  assert.deepEqual(zipRequests(requests), ['/zip/054.json', '/zip/000.json', '/zip/350.json', '/mirror/zip/054.json']);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('the iframe version looks ZIP codes up too', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}iframe-congress.html`);
  const frame = page.frameLocator('#f');
  await frame.locator(WIDGET_READY).waitFor({ timeout: 30_000 });
  await typeZip(frame, '05401');
  await your(frame).locator('.sc-name').first().waitFor();
  assert.deepEqual(await names(frame), ['Becca Balint', 'Bernard Sanders', 'Peter Welch']);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('every row of Congress today has a next step, except where the feed gives no link at all', async () => {
  // In the data: every official but those with no donate page, website, contact form or e-mail.
  const without = congress.officials.filter((o) => !o.donate_url && !o.website && !o.contact_url && !o.email).map((o) => o.name);
  assert.deepEqual(without, ['James Gallagher'], 'the roster has no link at all for him');
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json&states=CA,VT,NY`);
  await waitForWidget(page);
  const rows = page.locator('.sc-results .sc-row');
  const expected = congress.officials.filter((o) => ['CA', 'VT', 'NY'].includes(o.state)).length;
  assert.ok(expected <= RENDER_ALL_UP_TO, 'a list this short is drawn whole');
  await rows.nth(expected - 1).waitFor(); // the rows off screen come a frame later
  assert.equal(await rows.count(), expected);
  const missing = await rows.evaluateAll((all) => all.filter((row) => !row.querySelector('a.sc-next-step')).map((row) => row.querySelector('.sc-name').textContent));
  assert.deepEqual(missing, ['James Gallagher']);
  // In the details too.
  await page.getByRole('button', { name: 'Becca Balint', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Becca Balint' });
  await dialog.waitFor();
  assert.match(await dialog.getByRole('link', { name: /^Contact Becca Balint/ }).getAttribute('href'), /^https:\/\//);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('"Give to each" in Spanish: the step, the question, what was left out and the total so far', async () => {
  const { context, errors } = await freshContext(browser);
  for (const host of ['https://secure.actblue.com/**', 'https://donate.example.org/**', 'https://search.example.org/**']) {
    await context.route(host, (route) => route.fulfill({ contentType: 'text/html', body: '<title>page</title>' }));
  }
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=fixtures/giving.json&lang=es`);
  await waitForWidget(page);
  for (const name of ['Ann Able', 'Bob Baker', 'Dee Dunn']) await page.getByRole('button', { name: `Agregar a ${name} a la lista` }).click();
  const shortlist = page.getByRole('region', { name: 'Lista de donaciones' });
  await shortlist.getByRole('checkbox', { name: 'Donado a Dee Dunn' }).check();
  await shortlist.getByRole('button', { name: 'Donar a cada uno' }).click();
  const run = shortlist.getByRole('region', { name: /^Donar a cada uno|^¿Donó/ });
  const title = () => run.locator('.sc-give-title').textContent();
  assert.equal(await title(), 'Donar a cada uno, 1 de 2: Ann Able');
  assert.equal(await run.locator('.sc-give-left-out').textContent(), 'Quedan fuera: Dee Dunn (ya marcado como donado).');
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Aún no hay donaciones');
  const [popup] = await Promise.all([context.waitForEvent('page'), run.getByRole('link', { name: /^Donar \$27 a Ann Able/ }).click()]);
  await popup.close();
  assert.equal(await title(), '¿Donó $27 a Ann Able?');
  await run.getByRole('button', { name: 'Sí, doné' }).click();
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Donado hasta ahora: $27 a 1 funcionario');
  assert.equal(await title(), 'Donar a cada uno, 2 de 2: Bob Baker');
  await run.getByRole('button', { name: 'Omitir' }).click();
  assert.equal(await title(), 'Donar a cada uno: terminado');
  assert.match(await run.textContent(), /Donó \$27 a 1 funcionario\. Se omitió 1\./);
  assert.deepEqual(await axeViolations(page, '.sc-give-run'), []);
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('"Give to each": one official at a time, one click per page, "Did you give?" sets Given, skip, resume after a reload, the total so far', async () => {
  const { context, errors } = await freshContext(browser);
  // The pages given to are not fetched: the test answers for them.
  for (const host of ['https://secure.actblue.com/**', 'https://donate.example.org/**', 'https://search.example.org/**']) {
    await context.route(host, (route) => route.fulfill({ contentType: 'text/html', body: '<title>page</title>' }));
  }
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=fixtures/giving.json`);
  await waitForWidget(page);
  // Rows: the donation search reads as a search, never as the official's own page.
  assert.equal(await page.getByRole('link', { name: /^Find a donation page for Bob Baker/ }).getAttribute('href'), 'https://search.example.org/give?q=Bob%20Baker&state=VT');
  for (const name of ['Ann Able', 'Bob Baker', 'Cy Castro', 'Dee Dunn']) await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  const amount = shortlist.getByLabel('Amount for Cy Castro', { exact: true });
  await amount.fill('10');
  await amount.press('Enter');
  await shortlist.getByRole('checkbox', { name: 'Given to Dee Dunn' }).check(); // given already, elsewhere

  await shortlist.getByRole('button', { name: 'Give to each' }).click();
  const run = shortlist.getByRole('region', { name: /^Give to each|^Did you give/ });
  const title = () => run.locator('.sc-give-title').textContent();
  assert.equal(await title(), 'Give to each, 1 of 3: Ann Able');
  for (let i = 0; i < 50 && (await focused(page)) !== 'Give to each, 1 of 3: Ann Able'; i++) await page.waitForTimeout(20);
  assert.equal(await focused(page), 'Give to each, 1 of 3: Ann Able', 'the step takes the focus');
  assert.equal(await run.locator('.sc-give-left-out').textContent(), 'Left out: Dee Dunn (already marked given).');
  assert.deepEqual(await axeViolations(page, '.sc-give-run'), [], 'give run: open');

  // "Open" is a real link to a new tab: the browser opens it in the reader's own click.
  const open = async (name) => {
    const link = run.getByRole('link', { name });
    assert.deepEqual(await link.evaluate((a) => [a.tagName, a.target, a.rel]), ['A', '_blank', 'noopener noreferrer']);
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    const url = popup.url();
    await popup.close();
    return url;
  };
  assert.equal(await open(/^Give \$27 to Ann Able/), 'https://secure.actblue.com/donate/ann?amount=27');
  assert.equal(await title(), 'Did you give $27 to Ann Able?');
  assert.deepEqual(await axeViolations(page, '.sc-give-run'), [], 'give run: did you give?');
  await run.getByRole('button', { name: 'Yes, I gave' }).click();
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Given so far: $27 to 1 official');
  assert.equal(await shortlist.getByRole('checkbox', { name: 'Given to Ann Able' }).isChecked(), true);

  // A donation search, opened, then the reader did not give.
  assert.equal(await title(), 'Give to each, 2 of 3: Bob Baker');
  assert.equal(await open(/^Find a donation page for Bob Baker/), 'https://search.example.org/give?q=Bob%20Baker&state=VT');
  await run.getByRole('button', { name: 'No' }).click();
  assert.equal(await shortlist.getByRole('checkbox', { name: 'Given to Bob Baker' }).isChecked(), false);

  // Opened, then the page is reloaded: the run resumes at "Did you give?".
  assert.equal(await title(), 'Give to each, 3 of 3: Cy Castro');
  assert.equal(await open(/^Give \$10 to Cy Castro/), 'https://donate.example.org/cy');
  await page.reload();
  await waitForWidget(page);
  assert.equal(await title(), 'Did you give $10 to Cy Castro?');
  await run.getByRole('button', { name: 'Yes, I gave' }).click();
  assert.equal(await title(), 'Give to each: done');
  assert.equal(await run.locator('p', { hasText: 'You gave' }).textContent(), 'You gave $37 to 2 officials.');
  assert.equal(await run.locator('.sc-give-progress').textContent(), 'Given so far: $37 to 2 officials');
  assert.deepEqual(
    await shortlist.getByRole('checkbox', { name: /^Given to / }).evaluateAll((boxes) => boxes.map((b) => b.checked)),
    [true, false, true, true],
  );
  await run.getByRole('button', { name: 'Close' }).click();
  assert.equal(await run.count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':give'))), [], 'a closed run is not kept');

  // A new run leaves out those already given, and skips without opening.
  await shortlist.getByRole('button', { name: 'Give to each' }).click();
  assert.equal(await title(), 'Give to each, 1 of 1: Bob Baker');
  assert.match(await run.locator('.sc-give-left-out').textContent(), /Ann Able \(already marked given\)/);
  await run.getByRole('button', { name: 'Skip' }).click();
  assert.equal(await run.locator('p', { hasText: 'No gifts' }).textContent(), 'No gifts were marked this time. 1 skipped.');
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('a feed without districts: the ZIP code narrows the list to its state, and says so', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=fixtures/no-districts.json`);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-results .sc-count-number').textContent(), '3 officials');
  await typeZip(page, '05401');
  await your(page).locator('.sc-your-note').waitFor();
  assert.equal(
    await your(page).locator('.sc-your-note').textContent(),
    'This scorecard does not say which district each official serves, so the list below shows every official of Vermont.',
  );
  assert.equal(await page.locator('.sc-results .sc-count-number').textContent(), '2 officials');
  assert.deepEqual(await page.getByRole('list', { name: 'Selected states' }).getByRole('button').allTextContents(), ['Vermont ×']);
  assert.equal(await your(page).locator('.sc-name').count(), 0, 'the list shows them, not the panel');
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('a group too long for "Your officials" lists ten, says how many more, and shows them all in the list', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=fixtures/judges.json`);
  await waitForWidget(page);
  await typeZip(page, '05401');
  await your(page).locator('.sc-name').first().waitFor();
  assert.deepEqual(await headings(page), ['Vermont, at large', 'Judge (Vermont)']);
  assert.equal(await your(page).locator('.sc-name').count(), 10);
  assert.match(await your(page).locator('.sc-your-more').textContent(), /^And 2 more\./);
  await your(page).getByRole('button', { name: 'Show them all in the list' }).click();
  assert.equal(await your(page).locator('.sc-name').count(), 0, 'the panel makes way for the list');
  assert.equal(await page.locator('.sc-results .sc-count-number').textContent(), '12 officials');
  assert.equal(await page.getByLabel('Position', { exact: true }).inputValue(), 'Judge');
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('keyboard only: Tab to the ZIP code, type it, Tab on to an official and add them, then forget the ZIP code', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  const tabTo = async (name) => {
    for (let i = 0; i < 60 && (await focused(page)) !== name; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(page), name);
  };
  await tabTo('ZIP code');
  assert.notEqual(await withFocused(page, (el) => getComputedStyle(el).outlineStyle), 'none', 'focus is visible');
  await page.keyboard.type('05401');
  await your(page).locator('.sc-name').first().waitFor();
  await tabTo('Add Becca Balint to shortlist');
  assert.notEqual(await withFocused(page, (el) => getComputedStyle(el).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  assert.deepEqual(await shortlistNames(page), ['Becca Balint']);
  await tabTo('Forget my ZIP code');
  await page.keyboard.press('Enter');
  assert.equal(await zipField(page).inputValue(), '');
  assert.deepEqual(ours(errors), []);
  await context.close();
});

test('Your officials at 320 px: nothing sticks out sideways', async () => {
  const { context, errors } = await freshContext(browser, { viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  await typeZip(page, '35062');
  await your(page).locator('.sc-name').first().waitFor();
  const overflow = await page.evaluate(() => {
    const root = document.querySelector('[data-scorecard]').shadowRoot;
    const panel = root.querySelector('.sc-your');
    const limit = panel.getBoundingClientRect().right + 0.5;
    return [...panel.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > limit).map((el) => el.className || el.tagName);
  });
  assert.deepEqual(overflow, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(ours(errors), []);
  await context.close();
});
