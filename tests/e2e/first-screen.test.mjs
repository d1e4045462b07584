// The first screen before the wasm is ready: for a bundled feed's default view the loader shows
// a copy rendered at build time (crates/scorecard-prerender). Readers can add officials from it;
// the widget adds them for real when it takes over, in the same frame as the copy goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, dist, axeViolations, freshContext, waitForWidget, focused, shortlistNames } from './support.mjs';

// The standalone page sent up to the end of its widget element, the rest when `finishPage()`
// is called: a page still being parsed after its built-in copy painted, as on a slow phone.
let finishPage = () => {};
function halfSentPage(res) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const cut = html.indexOf('</main>');
  res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
  // Padding, so that the browser parses and paints what it has instead of waiting for more.
  res.write(`${html.slice(0, cut)}<!--${' '.repeat(4096)}-->`);
  finishPage = () => res.end(html.slice(cut));
}

// A blog post embedding the default feed on its default view (the standalone page carries its copy).
setUp({
  routes: {
    '/post.html': () => ({
      type: 'text/html',
      body: '<!doctype html><html lang="en"><title>A post</title><h1>A post</h1><div data-scorecard></div><script type="module" src="embed.js"></script></html>',
    }),
    '/half-sent.html': () => ({ handle: halfSentPage }),
  },
});

const COPY = '[data-sc-snapshot]';

/** A page whose wasm is held back until `release()`: the time a phone takes to download it. */
async function withHeldWasm(context) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route('**/scorecard_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}


test('before the wasm: the first screen shows the officials, and officials added from it are on the shortlist when the widget takes over', async () => {
  const { context, errors } = await freshContext(browser);
  const release = await withHeldWasm(context);
  const page = await context.newPage();
  await page.goto(site.url);

  const copy = page.locator(COPY);
  await copy.locator('.sc-list .sc-add').first().waitFor();
  assert.equal(await copy.locator('.sc-count-number').textContent(), '1,015 officials');
  const buttons = copy.locator('.sc-list .sc-add');
  const label = async (i) => (await buttons.nth(i).getAttribute('aria-label')).replace(/^Add (.*) to shortlist$/, '$1');
  const [first, second, third] = [await label(0), await label(1), await label(2)];

  // A click, a click taken back, and a key press: the loader keeps what the reader meant, and
  // the copy's shortlist shows it at once.
  const inCopysList = () => copy.locator('.sc-shortlist .sc-entry-name').allTextContents();
  const emptyNote = copy.locator('.sc-shortlist .sc-empty-note');
  assert.deepEqual(await inCopysList(), []);
  assert.equal(await emptyNote.isVisible(), true);
  await buttons.nth(0).click();
  assert.equal(await buttons.nth(0).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await inCopysList(), [first]);
  await buttons.nth(2).click();
  assert.deepEqual(await inCopysList(), [first, third]);
  await buttons.nth(2).click();
  assert.equal(await buttons.nth(2).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await inCopysList(), [first]);
  await buttons.nth(1).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await inCopysList(), [first, second]);
  assert.equal(await emptyNote.isVisible(), false);
  // Drawn by the widget's own components: the same amount field the widget will show, inert.
  assert.equal(await copy.locator('.sc-shortlist .sc-entry input[inputmode=decimal]').first().inputValue(), '27');
  assert.equal(await copy.locator('.sc-shortlist').evaluate((el) => el.inert), true);
  // The filters wait for the widget: the copy's are inert.
  assert.equal(await copy.locator('.sc-filters').evaluate((el) => el.inert), true);
  assert.equal(await page.locator('[data-sc-app] > .scorecard').count(), 0, 'only the copy is on screen');

  release();
  await waitForWidget(page);
  assert.equal(await page.locator(COPY).count(), 0, 'the copy is gone');
  assert.deepEqual(await shortlistNames(page), [first, second]);
  assert.ok(!(await shortlistNames(page)).includes(third));
  // Focus stays with the official the reader was on (a frame later, once the rows are drawn).
  const onSecond = `Remove ${second} from shortlist`;
  for (let frame = 0; frame < 50 && (await focused(page)) !== onSecond; frame++) await page.waitForTimeout(20);
  assert.equal(await focused(page), onSecond);
  assert.match(await page.locator('.sc-live').textContent(), new RegExp(`Added ${second}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the built-in copy painted while the page is still parsed: "Add" pressed then is kept', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}half-sent.html`, { waitUntil: 'commit' });
  const copy = page.locator(COPY);
  const button = copy.locator('.sc-list .sc-add').first();
  await button.waitFor();
  assert.equal(await page.evaluate(() => document.readyState), 'loading', 'the page is still being parsed');
  const name = (await button.getAttribute('aria-label')).replace(/^Add (.*) to shortlist$/, '$1');
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await copy.locator('.sc-shortlist .sc-entry-name').allTextContents(), [name]);

  finishPage();
  await waitForWidget(page);
  assert.deepEqual(await shortlistNames(page), [name]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the wasm ready before the copy (a repeat visit: both from the caches): the copy is still shown first, then the widget takes over', async () => {
  const { context, errors } = await freshContext(browser);
  // The copy answers only once the wasm is instantiated.
  let wasmReady;
  const instantiated = new Promise((resolve) => (wasmReady = resolve));
  await context.exposeBinding('__wasmReady', () => wasmReady());
  await context.addInitScript(() => {
    const instantiate = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...args) {
      const result = instantiate.apply(this, args);
      result.then(() => window.__wasmReady());
      return result;
    };
    // What the reader sees, in order: the copy, then the widget's own screen.
    window.__shown = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        for (const [name, selector] of [['copy', '[data-sc-snapshot] .sc-add'], ['widget', '[data-sc-app] .sc-add']]) {
          if (!window.__shown.includes(name) && root.querySelector(selector)) window.__shown.push(name);
        }
      }).observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await context.route('**/first/endorsements-2020.html', async (route) => {
    await instantiated;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${site.url}post.html`);
  await waitForWidget(page);
  await page.locator(COPY).waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => window.__shown), ['copy', 'widget']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no violations on the first screen', async () => {
  const { context, errors } = await freshContext(browser);
  const release = await withHeldWasm(context);
  const page = await context.newPage();
  await page.goto(site.url);
  await page.locator(`${COPY} .sc-list .sc-add`).first().waitFor();
  assert.deepEqual(await axeViolations(page, COPY), []);
  release();
  await waitForWidget(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first screen is only shown for the view the widget starts on', async () => {
  // A view in the page address (query options, or a view or shared list in the fragment): the
  // copy would show the wrong officials, so the loader does not ask for it.
  for (const address of ['?states=VT', '#sc=1;st=VT', '?feed=feeds/congress-today.json&states=VT']) {
    const { context, requests, errors } = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(`${site.url}${address}`);
    await waitForWidget(page);
    // The standalone page carries the default feed's copy in itself: it is not shown, and no
    // other is asked for.
    const asked = requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/first/'));
    assert.deepEqual(asked, [], address);
    assert.equal(await page.locator(COPY).count(), 0, address);
    assert.deepEqual(errors, [], address);
    await context.close();
  }
});

/** How many copies of the first screen the page shows, once the widget's stylesheet (which shows
 * the built-in one) is in: what the page paints with its HTML alone when the loader is held back. */
async function copiesShownByHtml(tab) {
  await tab.waitForFunction(() => {
    const sheet = document.querySelector('[data-scorecard]')?.shadowRoot?.querySelector('link[rel=stylesheet]');
    return document.readyState !== 'loading' && sheet?.sheet;
  });
  return tab.locator(COPY).evaluateAll((copies) => copies.filter((copy) => copy.checkVisibility()).length);
}

test('an address asking for another feed, view or list never paints the built-in copy, even before the loader runs', async () => {
  for (const [page, address] of [['', '?feed=feeds/congress-today.json'], ['', '?states=VT'], ['', '#sc=1;st=VT'], ['frame.html', '?feed=feeds/congress-today.json&frame=x']]) {
    const { context } = await freshContext(browser);
    // The loader held back: what the page paints with its HTML alone.
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await context.route('**/embed.js', async (route) => {
      await released;
      await route.continue();
    });
    const tab = await context.newPage();
    // Parsed (module scripts, the loader among them, hold back DOMContentLoaded, not this).
    await tab.goto(`${site.url}${page}${address}`, { waitUntil: 'commit' });
    assert.equal(await copiesShownByHtml(tab), 0, `${page}${address}`);
    release();
    await context.close();
  }
  // Only an iframe's own parameters keep it.
  const { context } = await freshContext(browser);
  await context.route('**/embed.js', () => {});
  const tab = await context.newPage();
  await tab.goto(`${site.url}frame.html?frame=x&refcode=blog`, { waitUntil: 'commit' });
  assert.equal(await copiesShownByHtml(tab), 1);
  await context.close();
});

test('the default feed named in the address: the page hides its built-in copy at first, and the loader shows it again', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const release = await withHeldWasm(context);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=feeds/endorsements-2020.json`);
  const copy = page.locator(COPY);
  await copy.locator('.sc-list .sc-add').first().waitFor();
  assert.equal(await copy.locator('.sc-count-number').textContent(), '1,015 officials');
  assert.deepEqual(requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/first/')), [], 'the built-in one');
  release();
  await waitForWidget(page);
  assert.equal(await page.locator(COPY).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bundled feed picked in the address (the page\'s feed chooser) gets its own first screen', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const release = await withHeldWasm(context);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=feeds/congress-today.json`);
  const copy = page.locator(COPY);
  await copy.locator('.sc-list .sc-add').first().waitFor();
  assert.match(await copy.locator('.sc-title').textContent(), /^Congress today/);
  assert.equal(await copy.locator('.sc-your').evaluate((el) => el.inert), true, 'the ZIP code lookup waits for the widget');
  release();
  await waitForWidget(page);
  assert.equal(await page.locator(COPY).count(), 0);
  assert.match(await page.locator('.sc-title').textContent(), /^Congress today/);
  const asked = requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/first/'));
  assert.deepEqual(asked, ['/first/congress-today.html'], 'its own (the default feed\'s is built into the page)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the standalone page carries its first screen: painted before any script, and without JavaScript too', async () => {
  // Without JavaScript: the officials, and the page's own word that the rest needs JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(site.url);
  await still.locator(`${COPY} .sc-list .sc-add`).first().waitFor();
  assert.equal(await still.locator(`${COPY} .sc-count-number`).textContent(), '1,015 officials');
  assert.match(await still.locator('.page-fallback').textContent(), /needs JavaScript/);
  assert.equal(await still.locator('.page-fallback').isVisible(), true);
  await noScript.close();

  // With it, the built-in copy is the one shown (nothing fetched for it), the fallback text goes,
  // and the widget takes over from it as from a fetched one.
  const { context, requests, errors } = await freshContext(browser);
  const release = await withHeldWasm(context);
  const page = await context.newPage();
  await page.goto(site.url);
  const copy = page.locator(COPY);
  await copy.locator('.sc-list .sc-add').first().waitFor();
  assert.equal(await page.locator('.page-fallback').isVisible(), false);
  await copy.locator('.sc-list .sc-add').first().click();
  const added = (await copy.locator('.sc-list .sc-add').first().getAttribute('aria-label')).replace(/^Add (.*) to shortlist$/, '$1');
  release();
  await waitForWidget(page);
  assert.equal(await page.locator(COPY).count(), 0);
  assert.deepEqual(await shortlistNames(page), [added]);
  assert.deepEqual(requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/first/')), []);
  assert.deepEqual(errors, []);
  await context.close();
});
