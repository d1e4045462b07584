// A feed's own languages (format 1.1), end to end: the default feed in Spanish shows its Spanish
// title, question and stance labels (and the results' sentence and the map use them), its
// untranslated words carry lang="en"; a feed written in Spanish is marked es in an English
// widget; axe-core stays clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, browser, site, freshContext, waitForWidget, makeFeed, axeViolations, screenshot } from './support.mjs';

const inSpanish = makeFeed(
  [{ id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes' } } }],
  { title: 'Quién respaldó a nuestra candidata', language: 'es' },
);

setUp({ routes: { '/fixtures/in-spanish.json': () => ({ body: inSpanish }) } });

const app = (page) => page.locator('[data-sc-app] > .scorecard');

test("the default feed in Spanish: its Spanish title, question and stance labels; what it did not translate is marked en", async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  await waitForWidget(page);
  const title = app(page).locator('.sc-title');
  assert.equal(await title.textContent(), '¿Quién respaldó a Bernie Sanders en 2020?');
  assert.equal(await title.getAttribute('lang'), null, 'in the reader\'s language: no mark');
  const question = app(page).locator('.sc-question');
  assert.equal(await question.textContent(), '¿Respaldaron a Bernie Sanders para presidente en 2020?');
  assert.equal(await question.getAttribute('lang'), null);
  const stances = page.getByRole('group', { name: 'Postura' });
  for (const label of ['Respaldó a Sanders', 'Respaldó a otro candidato', 'No respaldó a nadie']) {
    await stances.getByRole('checkbox', { name: new RegExp(label) }).waitFor();
  }
  // The credits are the feed's English words, marked so; so is a stance's detail ("Joe Biden").
  assert.equal(await app(page).locator('.sc-attribution').getAttribute('lang'), 'en');
  await stances.getByRole('checkbox', { name: /Respaldó a otro candidato/ }).check();
  const detail = app(page).locator('.sc-results .sc-detail').first();
  assert.equal(await detail.getAttribute('lang'), 'en');
  await stances.getByRole('checkbox', { name: /Respaldó a otro candidato/ }).uncheck();
  // The results' sentence and the badges speak the translated label.
  await stances.getByRole('checkbox', { name: /Respaldó a Sanders/ }).check();
  await page.getByRole('combobox', { name: 'Estado' }).fill('VT');
  await page.getByRole('combobox', { name: 'Estado' }).press('Enter');
  assert.equal(await app(page).locator('.sc-summary').textContent(), '8 funcionarios con la postura «Respaldó a Sanders» en Vermont');
  const badge = app(page).locator('.sc-results .sc-badge-label').first();
  assert.equal(await badge.textContent(), 'Respaldó a Sanders');
  assert.equal(await badge.getAttribute('lang'), null);
  assert.deepEqual(await axeViolations(page), [], 'the default feed in Spanish');
  await screenshot(page, 'feed-in-spanish-1280');

  // Switched to English: the feed's own words, unmarked.
  await page.getByRole('button', { name: 'English' }).click();
  await app(page).locator('.sc-title', { hasText: 'Who endorsed Bernie Sanders in 2020?' }).waitFor();
  assert.equal(await app(page).locator('.sc-title').getAttribute('lang'), null);
  assert.equal(await app(page).locator('.sc-summary').textContent(), '8 officials endorsed Sanders in Vermont');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed written in Spanish is marked es for an English reader, and not for a Spanish one', async () => {
  const { context, errors } = await freshContext(browser, { locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/in-spanish.json`);
  await waitForWidget(page);
  const title = app(page).locator('.sc-title');
  assert.equal(await title.textContent(), 'Quién respaldó a nuestra candidata');
  assert.equal(await title.getAttribute('lang'), 'es');
  assert.equal(await app(page).locator('.sc-question').getAttribute('lang'), 'es');
  assert.deepEqual(await axeViolations(page), [], 'a Spanish feed in English');
  await page.getByRole('button', { name: 'Español' }).click();
  await app(page).locator('.sc-layout[lang="es"]').waitFor();
  assert.equal(await app(page).locator('.sc-title').getAttribute('lang'), null);
  assert.deepEqual(errors, []);
  await context.close();
});
