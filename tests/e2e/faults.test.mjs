// Faults: servers that misbehave, a feed that becomes unreachable (the saved copy is shown),
// storage that is disabled, full or corrupted, damaged share links, and a feed made of attacks.
// Whatever happens: a plain message, a way to try again, nothing lost, no script run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, assets, hosts, axeViolations, freshContext, waitForWidget, pickState, shortlistNames } from './support.mjs';

const corpus = path.join(hosts, '..', '..', 'corpus');
const defaultFeed = fs.readFileSync(path.join(hosts, '..', '..', '..', 'feeds', 'endorsements-2020.json'), 'utf8');

let hangFixed = false;

setUp({
  routes: {
    '/faults/error-500.json': () => ({ status: 500, type: 'text/plain', body: 'Internal Server Error' }),
    '/faults/hang.json': () => (hangFixed ? { body: defaultFeed } : { hang: true }),
    '/faults/truncated.json': () => ({
      handle: (res) => {
        // Announce the whole feed, send a tenth of it, then cut the connection.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(defaultFeed.length), 'access-control-allow-origin': '*' });
        res.write(defaultFeed.slice(0, defaultFeed.length / 10));
        setTimeout(() => res.socket.destroy(), 50);
      },
    }),
    '/faults/text-plain.json': () => ({ type: 'text/plain', body: defaultFeed }),
    '/faults/hostile.json': () => ({ body: fs.readFileSync(path.join(corpus, 'json', 'hostile-text.json'), 'utf8') }),
  },
  hosts: (assets) => ({
    '/faults.html': () => ({ type: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(hosts, 'faults.html'), 'utf8').replaceAll('{{ASSETS}}', assets.origin) }),
  }),
});

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ');

test('servers that misbehave: 500, a hang (time limit, then retry), a cut-off body, the wrong content type', async () => {
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${site.url}faults.html`);
  const alert = (id) => page.locator(`#${id}`).getByRole('alert');
  await alert('error-500').waitFor();
  assert.match(await text(alert('error-500')), /answered with error 500\. Try again in a moment\./);
  await alert('truncated').waitFor();
  assert.match(await text(alert('truncated')), /stopped arriving part-way \(the connection was cut\)/);
  // JSON served as text/plain still loads: the bytes decide JSON or CSV (source::detect_format);
  // the content type and the address's ending count only for an empty body.
  await page.locator('#text-plain .sc-count-number').waitFor();
  assert.equal(await page.locator('#text-plain .sc-count-number').textContent(), '1,015 officials');
  // The hanging server: the stated limit (data-timeout="2"), then a retry once it answers.
  await alert('hang').waitFor();
  assert.match(await text(alert('hang')), /took more than 2 seconds to arrive/);
  assert.ok(Date.now() - started < 15_000, 'the limit was applied');
  hangFixed = true;
  await page.locator('#hang').getByRole('button', { name: 'Try again' }).click();
  await page.locator('#hang .sc-count-number').waitFor();
  await context.close();
});

test('when the feed cannot be reached, the copy saved last time is shown, dated, with the shortlist intact', async () => {
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  // The copy is saved a moment after the first results (so saving never delays them).
  const saved = () =>
    page.evaluate(async () =>
      (await (await caches.open('scorecard-feeds-v1')).keys()).some((r) => r.url.endsWith('/feeds/endorsements-2020.json')),
    );
  for (let tries = 0; !(await saved()); tries++) {
    assert.ok(tries < 100, 'the feed is saved for offline use within 10 seconds');
    await page.waitForTimeout(100);
  }

  // Offline, as far as the feed is concerned.
  await context.route('**/feeds/endorsements-2020.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await waitForWidget(page);
  const notice = page.locator('.sc-stale');
  await notice.waitFor();
  assert.match(await text(notice), /^Showing data saved on [A-Z][a-z]{2} \d{1,2}, \d{4} at \d\d:\d\d UTC: the latest could not be loaded\. The scorecard data at .* could not be loaded\./);
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  assert.deepEqual(await shortlistNames(page), ['Peter Welch']);
  assert.deepEqual(await axeViolations(page), [], 'the saved copy, with its notice');

  // Back online: "Try again" gets the latest in place; the notice goes, the view and list stay.
  await context.unroute('**/feeds/endorsements-2020.json');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.match(await text(page.locator('.sc-live')), /The latest scorecard data is loaded\./);
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  assert.deepEqual(await shortlistNames(page), ['Peter Welch']);
  await context.close();
});

test('storage disabled, full, or corrupted: the widget works and says what it cannot keep', async () => {
  // Disabled (as by a privacy setting): reading localStorage throws.
  let { context, errors } = await freshContext(browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  let page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('welch');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.equal(await page.locator('.sc-total-amount').textContent(), '$27');
  assert.match(await text(page.locator('.scorecard')), /does not let the scorecard save anything, so your shortlist will not be kept after you leave\. Copy the share link to keep it\./);
  assert.deepEqual(errors, []);
  await context.close();

  // Full: every write fails.
  ({ context, errors } = await freshContext(browser));
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
  });
  page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('welch');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.match(await text(page.locator('.scorecard')), /could not be saved in this browser \(storage may be full\)\. Copy the share link to keep it\./);
  assert.deepEqual(errors, []);
  await context.close();

  // Corrupted: the saved list is unreadable; it is set aside (not destroyed) and a new one starts.
  ({ context, errors } = await freshContext(browser));
  page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith(':shortlist')));
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"entries":[{"id":'), key);
  await page.reload();
  await waitForWidget(page);
  assert.match(await text(page.locator('.sc-live')), /the saved shortlist is damaged .*; it was set aside and a new list started\./);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:damaged`), key), '{"version":1,"entries":[{"id":');
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('welch');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.equal(await page.locator('.sc-total-amount').textContent(), '$27');
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged share links: a message each, and the visitor\'s own list untouched', async () => {
  const { context, errors } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(assets.url);
  await waitForWidget(page);
  // A real link with two officials and amounts.
  for (const name of ['welch', 'leahy']) {
    await page.getByRole('searchbox', { name: 'Search officials' }).fill(name);
    await page.locator('.sc-add').first().click();
  }
  const amount = page.getByRole('region', { name: 'Shortlist' }).getByRole('textbox', { name: /^Amount for / }).first();
  await amount.fill('50');
  await amount.press('Enter');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  // The visitor's own list: Zuckerman only.
  await page.getByRole('button', { name: 'Clear shortlist' }).click();
  await page.getByRole('searchbox', { name: 'Search officials' }).fill('zuckerman');
  await page.locator('.sc-add').first().click();

  const param = link.slice(link.indexOf('#sc=') + 4);
  const cases = [
    ['cut off', param.slice(0, param.indexOf(';c=') - 3), /looks cut off/],
    ['altered', param.replace(/;c=..$/, ';c=zz'), /changed or damaged on the way/],
    ['unknown version', `9;${param.slice(2)}`, /made by a different version of the scorecard/],
    ['100 KB long', `${param}${'x'.repeat(100_000)}`, /too long to be a Scorecard link/],
    ['unknown officials', '1;l=AAAAAA,BBBBBB~10', /2 officials in the link are not in this feed/],
    ['bad amounts', param.replace(/;l=([^,~;]+)(~[^,;]*)?/, ';l=$1~-5').replace(/,([^,~;]+)(~[^,;]*)?;/, ',$1~NaN;'), /2 amounts in the link were not valid and were set to \$27/],
    ['overflowing amount', param.replace(/;l=([^,~;]+)(~[^,;]*)?/, ';l=$1~99999999999999999999'), /amount in the link was not valid/],
  ];
  for (const [what, fragment, expected] of cases) {
    await page.goto(`${assets.url}#sc=${fragment}`);
    await page.reload();
    await waitForWidget(page);
    const widget = await text(page.locator('.scorecard'));
    assert.match(widget, expected, what);
    assert.deepEqual(await shortlistNames(page), ['David Zuckerman'], `${what}: own list untouched`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed made of attacks: text stays text, unsafe links are not links, no script runs', async () => {
  const { context, errors } = await freshContext(browser);
  await context.addInitScript(() => {
    window.__pwned = undefined;
    window.alert = () => { window.__pwned = 'alert'; };
  });
  const page = await context.newPage();
  await page.goto(`${assets.url}?feed=faults/hostile.json`);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '2 officials');
  await page.getByRole('button', { name: /Eve/ }).first().click(); // open the details too
  await page.getByRole('dialog').waitFor();
  const seen = await page.evaluate(() => {
    const root = document.querySelector('[data-scorecard]').shadowRoot;
    const tags = [...new Set([...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort();
    const links = [...root.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), a.getAttribute('rel')]);
    const styled = [...root.querySelectorAll('[style]')].map((e) => e.getAttribute('style'));
    const forms = [...root.querySelectorAll('form')].map((f) => f.className);
    return { tags, links, styled, forms, pwned: window.__pwned, text: root.textContent };
  });
  assert.deepEqual(seen.forms, ['sc-zip-form'], 'the only form is the ZIP code lookup');
  assert.equal(seen.pwned, undefined, 'no script ran');
  // `form`: the widget's own ZIP code lookup (checked below to be the only one).
  const allowed = ['a', 'article', 'blockquote', 'button', 'details', 'dialog', 'div', 'fieldset', 'form', 'h2', 'h3', 'h4', 'header', 'input', 'label', 'legend', 'li', 'link', 'ol', 'option', 'p', 'section', 'select', 'span', 'strong', 'summary', 'ul'];
  assert.deepEqual(seen.tags.filter((t) => !allowed.includes(t)), [], 'no elements made from feed text');
  for (const [href, rel] of seen.links) {
    assert.ok(href.startsWith('https://') || href.startsWith('mailto:'), href);
    assert.equal(rel, 'noopener noreferrer');
  }
  assert.ok(seen.links.some(([href]) => href === 'https://example.org/ok?x=<script>'), 'the one real source link is kept');
  assert.ok(seen.text.includes('<img src=x onerror="window.__pwned=\'name\'">Eve'), 'text is shown as text');
  assert.ok(!seen.text.includes('\u202E'), 'bidi overrides removed');
  // The only inline styles are the CSSOM-set stance colours, and only valid #rrggbb ones.
  for (const style of seen.styled) assert.match(style, /^--sc-stance-color: #[0-9a-f]{6};$/);
  assert.deepEqual(errors, []);
  await context.close();
});
