// Accessibility: axe-core (WCAG 2.x A/AA rules) on each main view, and the core flow by keyboard.
// More views are checked where they come up: the first screen (first-screen.test), a saved copy
// shown offline (faults.test), a compact widget (embed.test), a part that could not be loaded
// (lazy.test), a sharded feed's prompt and failed state (shards.test), "Your officials" and "Give
// to each" (zip.test), the organizer page (organizer.test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, browser, site, axeViolations, freshContext, waitForWidget, pickState, makeFeed, focused as focusedOn, withFocused, painted } from './support.mjs';

// A feed whose server does not answer (the loading view stays), one whose server fails (the
// error view), and one with a record that cannot be read (the load notes).
const unreadable = makeFeed([
  { id: 'ann', name: 'Ann Able', state: 'VT', stances: { q: { stance: 'yes' } } },
  { id: 'bob', name: 5, state: 'VT' },
]);
setUp({
  routes: {
    '/fixtures/never.json': () => ({ hang: true }),
    '/fixtures/down.json': () => ({ status: 500, type: 'text/plain', body: 'Internal Server Error' }),
    '/fixtures/unreadable.json': () => ({ body: unreadable }),
  },
});

/**
 * The widget's elements that move: a transition or an animation (there are none, so a reader's
 * reduced-motion setting has nothing to stop).
 */
const moving = (page) =>
  page.evaluate(() =>
    [...document.querySelector('[data-scorecard]').shadowRoot.querySelectorAll('*')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none';
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );

/** Errors other than the browser's notes on the requests the tests fail on purpose. */
const ours = (errors) => errors.filter((e) => !/^Failed to load resource/.test(e));

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations (${scheme}): start, filtered, shortlist with a shared link`, async () => {
    const { context, errors } = await freshContext(browser, { colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(site.url);
    await waitForWidget(page);
    assert.deepEqual(await axeViolations(page), [], 'start view');

    await pickState(page, 'VT');
    await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
    await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
    await page.getByRole('button', { name: 'Add Patrick J. Leahy to shortlist' }).click();
    const amount = page.getByRole('region', { name: 'Shortlist' }).getByLabel('Amount for Peter Welch', { exact: true });
    await amount.fill('0.5');
    await amount.press('Enter');
    await page.getByRole('button', { name: 'Copy share link' }).click();
    assert.deepEqual(await axeViolations(page), [], 'filtered, shortlist with an amount error and a share link');

    // The state list open, then the details dialog.
    await page.getByRole('combobox', { name: 'State' }).fill('new');
    assert.deepEqual(await axeViolations(page), [], 'state list open');
    await page.getByRole('combobox', { name: 'State' }).press('Escape');
    await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
    await page.getByRole('dialog', { name: 'Peter Welch' }).waitFor();
    assert.deepEqual(await axeViolations(page, '.sc-dialog'), [], 'details dialog');
    assert.deepEqual(await moving(page), [], 'nothing moves: no transition or animation');
    await page.keyboard.press('Escape');

    const link = await page.getByLabel('Share link', { exact: true }).inputValue();
    const other = await (await freshContext(browser, { colorScheme: scheme })).context.newPage();
    await other.goto(link);
    await waitForWidget(other);
    await other.getByRole('region', { name: 'Shared shortlist' }).waitFor();
    assert.deepEqual(await axeViolations(other), [], 'shared-link banner');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations (${scheme}): loading, a feed that failed, load notes, no results, undo`, async () => {
    const { context, errors } = await freshContext(browser, { colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${site.url}?feed=fixtures/never.json`);
    await page.locator('.scorecard .sc-status', { hasText: 'Loading the scorecard' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), [], 'loading');

    await page.goto(`${site.url}?feed=fixtures/down.json`);
    await page.locator('.scorecard .sc-error').waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), [], 'a feed that failed to load');

    await page.goto(`${site.url}?feed=fixtures/unreadable.json`);
    await waitForWidget(page);
    await page.locator('.sc-load-notes summary').click();
    await page.locator('.sc-load-notes li').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'load notes, open');

    await page.goto(site.url);
    await waitForWidget(page);
    await page.getByRole('searchbox', { name: 'Search officials' }).fill('zzzz');
    await page.locator('.sc-empty').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'no results');

    await page.getByRole('searchbox', { name: 'Search officials' }).fill('welch');
    await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
    await page.getByRole('region', { name: 'Shortlist' }).getByRole('button', { name: 'Remove Peter Welch from shortlist' }).click();
    await page.locator('.sc-undo').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'undo');
    assert.deepEqual(ours(errors), []);
    await context.close();
  });
}

test('the core flow works from the keyboard alone', async () => {
  const { context, errors } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  const focused = () => focusedOn(page);
  // Tab to the search box, type a name.
  for (let i = 0; i < 40 && !(await focused()).startsWith('Search officials'); i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Search officials');
  await page.keyboard.type('welch');
  await page.locator('.sc-count-number', { hasText: '1 official' }).waitFor();
  // Tab on to the result's add button and press Enter.
  for (let i = 0; i < 40 && (await focused()) !== 'Add Peter Welch to shortlist'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Add Peter Welch to shortlist');
  await page.keyboard.press('Enter');
  await painted(page);
  // On to the amount field: type a new amount, Enter.
  for (let i = 0; i < 40 && (await focused()) !== 'Amount for Peter Welch'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Amount for Peter Welch');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await page.locator('.sc-total-amount', { hasText: '$40' }).waitFor();
  // On to "Copy share link".
  for (let i = 0; i < 40 && (await focused()) !== 'Copy share link'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Copy share link');
  await page.keyboard.press('Enter');
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  assert.ok(link.includes('l='), link);
  // Focus is always visible: the focused element has an outline.
  const outline = await withFocused(page, (el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(errors, []);
  await context.close();
});
