// Officials side by side (issue 15): pick 2 to 4 from the results or the shortlist, "Compare side
// by side" shows them in a table (every question of the feed a row, each official a column), the
// comparison is in the address and in share links. Here: compare three, copy the link, open it
// in a fresh browser and see the same comparison; the picking rules in the page (a fifth refused
// with a message, officials a link names that the feed no longer has left out with a note);
// keyboard only; a phone's width (stacked); axe in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, browser, site, axeViolations, freshContext, waitForWidget, pickState, addressHas, focused, withFocused, makeFeed, screenshot } from './support.mjs';

// A feed that loses an official between two visits (the link outlives them).
const officials = [
  { id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', stances: { q: { stance: 'yes', detail: 'Early', date: '2024-02-01', evidence: [{ url: 'https://news.example.com/ann', title: 'Ann says yes' }] } } },
  { id: 'bob', name: 'Bob Baker', state: 'VT', position: 'Senator', stances: { q: { stance: 'other' } } },
  { id: 'cy', name: 'Cy Castro', state: 'VT', position: 'Representative', stances: { q: { stance: 'yes' } } },
];
let shrunk = false;
setUp({
  routes: {
    '/fixtures/shrinking.json': () => ({ body: makeFeed(shrunk ? officials.filter((o) => o.id !== 'cy') : officials) }),
  },
});

const VERMONT = ['Peter Welch', 'Patrick J. Leahy', 'David Zuckerman'];
const dialog = (page) => page.getByRole('dialog', { name: 'Compare officials' });
const columns = (page) => dialog(page).locator('.sc-compare-name').allTextContents();
const results = (page) => page.getByRole('region', { name: 'Results' });
const shortlist = (page) => page.getByRole('region', { name: 'Shortlist' });

/** Vermont's officials who endorsed Sanders, the first two on the shortlist. */
async function vermont(page) {
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  for (const name of VERMONT.slice(0, 2)) await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
}

test('compare three, copy the link, open it in a fresh browser: the same comparison', async () => {
  const first = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await first.context.newPage();
  await vermont(page);
  // One picked from the shortlist, two from the results.
  await shortlist(page).getByRole('button', { name: 'Compare Peter Welch' }).click();
  for (const name of VERMONT.slice(1)) await results(page).getByRole('button', { name: `Compare ${name}` }).click();
  const bar = page.getByRole('region', { name: 'Comparison' });
  assert.equal(await bar.locator('.sc-compare-picks').textContent(), 'To compare: Peter Welch, Patrick J. Leahy and David Zuckerman (3 of 4)');
  // Picked wherever they are shown.
  assert.equal(await results(page).getByRole('button', { name: 'Compare Peter Welch' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await shortlist(page).getByRole('button', { name: 'Compare Patrick J. Leahy' }).getAttribute('aria-pressed'), 'true');
  assert.ok(!page.url().includes('k='), 'picking alone is not in the address');

  await bar.getByRole('button', { name: 'Compare side by side' }).click();
  await dialog(page).waitFor();
  assert.deepEqual(await columns(page), VERMONT);
  await assertTable(page);
  await addressHas(page, 'k=');
  assert.deepEqual(await axeViolations(page, '.sc-compare'), [], 'the comparison');

  await dialog(page).getByRole('button', { name: 'Copy link to this comparison' }).click();
  const link = await dialog(page).getByLabel('Link to this comparison', { exact: true }).inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await assert.doesNotReject(page.getByText('Link copied: it opens this comparison').first().waitFor());
  const fragment = decodeURIComponent(new URL(link).hash);
  // The two listed officials by their place in the list, the third by a token.
  assert.match(fragment, /;k=A,B,[A-Za-z0-9_-]{4,};l=/, fragment);
  await screenshot(page, 'compare-1280');

  // A fresh browser: the same comparison, and the shared shortlist once it is closed.
  const second = await freshContext(browser);
  const visitor = await second.context.newPage();
  await visitor.goto(link);
  await waitForWidget(visitor);
  await dialog(visitor).waitFor();
  assert.deepEqual(await columns(visitor), VERMONT);
  await assertTable(visitor);
  await visitor.keyboard.press('Escape');
  await dialog(visitor).waitFor({ state: 'detached' });
  await visitor.getByText('Shortlist shared with you: 2 officials, $54').waitFor();
  // The address is left as it arrived until the visitor has seen the shared list.
  await visitor.getByRole('region', { name: 'Shared shortlist' }).getByRole('button', { name: 'OK' }).click();
  await addressHas(visitor, 'k=', false);
  // The picks stay for another look.
  assert.match(await visitor.locator('.sc-compare-picks').textContent(), /^To compare: Peter Welch, Patrick J. Leahy and David Zuckerman/);
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.context.close();
  await second.context.close();
});

/** The comparison is a table: a caption, a column header per official, a row header per question. */
async function assertTable(page) {
  const table = dialog(page).getByRole('table');
  assert.equal(await table.locator('caption').textContent(), 'Where Peter Welch, Patrick J. Leahy and David Zuckerman stand on each question');
  const heads = await table.getByRole('columnheader').allTextContents();
  assert.equal(heads.length, 3);
  VERMONT.forEach((name, i) => assert.ok(heads[i].startsWith(name), heads[i]));
  const rows = await table.getByRole('rowheader').allTextContents();
  assert.deepEqual(rows, ['Did they endorse Bernie Sanders for president in 2020?Same stance']);
  const cells = table.getByRole('cell').filter({ hasText: 'Endorsed Sanders' });
  assert.equal(await cells.count(), 3);
  // Evidence links go through the one link component: a new tab, no opener, no referrer.
  const source = table.getByRole('link', { name: /^Source for Peter Welch: / }).first();
  assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await source.getAttribute('target'), '_blank');
}

test('at most four: a fifth is refused with a message; a column removed, Escape, the address', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await vermont(page);
  const names = await results(page).locator('.sc-name').allTextContents();
  assert.ok(names.length >= 5, names.join());
  for (const name of names.slice(0, 4)) await results(page).getByRole('button', { name: `Compare ${name}` }).click();
  const fifth = results(page).getByRole('button', { name: `Compare ${names[4]}` });
  await fifth.click();
  assert.equal(await fifth.getAttribute('aria-pressed'), 'false');
  const bar = page.getByRole('region', { name: 'Comparison' });
  assert.equal(await bar.locator('.sc-compare-note').textContent(), `You can compare up to 4 officials. Remove one before adding ${names[4]}.`);
  assert.match(await page.locator('.sc-live').textContent(), /^You can compare up to 4 officials/);
  assert.deepEqual(await axeViolations(page), [], 'the bar with its message');

  await bar.getByRole('button', { name: 'Compare side by side' }).click();
  await dialog(page).waitFor();
  assert.deepEqual(await columns(page), names.slice(0, 4));
  await dialog(page).getByRole('button', { name: `Remove ${names[1]} from the comparison` }).click();
  assert.deepEqual(await columns(page), [names[0], names[2], names[3]]);
  // Its button went with the column: focus is on the dialog's title, not lost.
  assert.equal(await withFocused(page, (el) => el.textContent), 'Compare officials');
  await addressHas(page, 'k=');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  await addressHas(page, 'k=', false);
  // Clear: nobody picked, the bar goes.
  await bar.getByRole('button', { name: 'Clear the comparison' }).click();
  await bar.waitFor({ state: 'detached' });
  assert.equal(await results(page).getByRole('button', { name: `Compare ${names[0]}` }).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Spanish: the picks, a fifth refused, the table\'s caption and whether they agree', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  await waitForWidget(page);
  await page.getByRole('combobox', { name: 'Estado' }).fill('VT');
  await page.getByRole('combobox', { name: 'Estado' }).press('Enter');
  await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox', { name: /Respaldó a Sanders/ }).check();
  const list = page.getByRole('region', { name: 'Resultados' });
  const names = await list.locator('.sc-name').allTextContents();
  assert.ok(names.length >= 5, names.join());
  for (const name of names.slice(0, 4)) await list.getByRole('button', { name: `Comparar a ${name}` }).click();
  await list.getByRole('button', { name: `Comparar a ${names[4]}` }).click();
  const bar = page.getByRole('region', { name: 'Comparación' });
  assert.equal(await bar.locator('.sc-compare-picks').textContent(), `Para comparar: ${names.slice(0, 3).join(', ')} y ${names[3]} (4 de 4)`);
  assert.equal(await bar.locator('.sc-compare-note').textContent(), `Puede comparar hasta 4 funcionarios. Quite a uno antes de agregar a ${names[4]}.`);
  await bar.getByRole('button', { name: 'Comparar lado a lado' }).click();
  const dialog = page.getByRole('dialog', { name: 'Comparar funcionarios' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('.sc-compare-caption').textContent(), `La postura de ${names.slice(0, 3).join(', ')} y ${names[3]} en cada pregunta`);
  for (const agree of await dialog.locator('.sc-compare-agree').allTextContents()) assert.ok(['Misma postura', 'Posturas distintas'].includes(agree), agree);
  // The feed's question, in Spanish (the feed translates it), unmarked.
  const question = dialog.locator('.sc-compare-question > span').first();
  assert.equal(await question.textContent(), '¿Respaldaron a Bernie Sanders para presidente en 2020?');
  assert.equal(await question.getAttribute('lang'), null);
  assert.deepEqual(await axeViolations(page, '.sc-compare'), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an official the link compares that the feed no longer has is left out, with a note', async () => {
  shrunk = false;
  const first = await freshContext(browser);
  const page = await first.context.newPage();
  await page.goto(`${site.url}?feed=fixtures/shrinking.json`);
  await waitForWidget(page);
  for (const name of ['Ann Able', 'Bob Baker', 'Cy Castro']) await page.getByRole('button', { name: `Compare ${name}` }).click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await dialog(page).waitFor();
  // Stance, detail, date and evidence with its site.
  const ann = dialog(page).getByRole('cell').filter({ hasText: 'Ann says yes' });
  assert.match(await ann.textContent(), /Endorsed ours.*Early.*Feb 1, 2024.*Ann says yes \(news\.example\.com\)/);
  assert.equal(await dialog(page).locator('.sc-compare-agree').textContent(), 'Stances differ');
  await addressHas(page, 'k=');
  const link = page.url();

  shrunk = true;
  const second = await freshContext(browser);
  const visitor = await second.context.newPage();
  await visitor.goto(link);
  await waitForWidget(visitor);
  await dialog(visitor).waitFor();
  assert.deepEqual(await columns(visitor), ['Ann Able', 'Bob Baker']);
  assert.equal(await dialog(visitor).locator('.sc-notice').textContent(), '1 official in the comparison is not in this feed and was left out.');
  assert.deepEqual(await axeViolations(visitor, '.sc-compare'), [], 'the comparison with a note');
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.context.close();
  await second.context.close();
});

test('keyboard only: pick, compare, move through the table, close; focus always visible', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  const tabTo = async (name) => {
    for (let i = 0; i < 60 && (await focused(page)) !== name; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(page), name);
  };
  await tabTo('Search officials');
  await page.keyboard.type('welch');
  await page.locator('.sc-count-number', { hasText: '1 official' }).waitFor();
  await tabTo('Compare Peter Welch');
  await page.keyboard.press('Enter');
  // Back to the search box (Shift+Tab), another name.
  for (let i = 0; i < 20 && (await focused(page)) !== 'Search officials'; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('leahy');
  await page.locator('.sc-count-number', { hasText: '1 official' }).waitFor();
  await tabTo('Compare Patrick J. Leahy');
  await page.keyboard.press('Space');
  await tabTo('Compare side by side');
  assert.notEqual(await withFocused(page, (el) => getComputedStyle(el).outlineStyle), 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  // Focus is in the dialog, on its title (what screen readers say first), and stays there.
  assert.equal(await focused(page), 'Compare officials');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    // Past the last control, Tab goes to the browser's own controls (the page's body here), then
    // back to the dialog's first: never to the page behind.
    if (await withFocused(page, (el) => el === document.body)) continue;
    seen.push(await focused(page));
    assert.equal(await withFocused(page, (el) => !!el.closest('dialog')), true, `focus left the dialog at ${seen.at(-1)}`);
    assert.notEqual(await withFocused(page, (el) => getComputedStyle(el).outlineStyle), 'none', `focus is visible on ${seen.at(-1)}`);
  }
  assert.ok(seen.filter((name) => name === 'Close the comparison').length >= 2, `Tab comes round again: ${seen.join(' | ')}`);
  for (const name of ['Remove Peter Welch from the comparison', 'Remove Patrick J. Leahy from the comparison', 'Copy link to this comparison']) {
    assert.ok(seen.includes(name), `${name} in ${seen.join(' | ')}`);
  }
  assert.ok(seen.some((name) => name.startsWith('Source for Peter Welch: ')), seen.join(' | '));
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  // Back where the reader was.
  assert.equal(await focused(page), 'Compare side by side');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`a phone, 375 px (${scheme}): stacked, no sideways scrolling, each cell says whose it is; axe`, async () => {
    const { context, errors } = await freshContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: scheme });
    const page = await context.newPage();
    await vermont(page);
    for (const name of VERMONT) await results(page).getByRole('button', { name: `Compare ${name}` }).click();
    assert.deepEqual(await axeViolations(page), [], 'the bar on a phone');
    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await dialog(page).waitFor();
    const sizes = await dialog(page).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, width: el.getBoundingClientRect().width }));
    assert.ok(sizes.scroll <= sizes.client, `the dialog scrolls sideways: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.width <= 375, JSON.stringify(sizes));
    // Stacked: the cells are blocks, each with its official's name (hidden from screen readers,
    // who have the column header).
    assert.equal(await dialog(page).locator('tbody td').first().evaluate((el) => getComputedStyle(el).display), 'block');
    const who = dialog(page).locator('.sc-compare-who').first();
    assert.ok(await who.isVisible());
    assert.equal(await who.getAttribute('aria-hidden'), 'true');
    // Still a table to assistive technology.
    assert.equal(await dialog(page).getByRole('columnheader').count(), 3);
    assert.equal(await dialog(page).getByRole('rowheader').count(), 1);
    assert.deepEqual(await axeViolations(page, '.sc-compare'), [], `the comparison at 375 px, ${scheme}`);
    await screenshot(page, `compare-375-${scheme}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
