// Embedding: the widget on pages it does not control. The widget's files are served from one
// origin (like a CDN) and the host pages from another, exactly as docs/embed.md says to paste.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { setUp, browser, site, assets, hosts, hostFile, strictPolicy, dist, axeViolations, freshContext, waitForWidget, pickState, addressHas, recordCspViolations, cspViolations, partFiles, fetchedPart, shortlistNames } from './support.mjs';

let flakyUp = false;

const feed = fs.readFileSync(path.join(hosts, '..', '..', '..', 'feeds', 'endorsements-2020.json'), 'utf8');
/** A plain host page with `body` and the loader from `assets`. */
function hostPage(title, body, assets) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><h1>${title}</h1>${body}<script type="module" src="${assets.origin}/embed.js"></script></body></html>`;
}

setUp({
  routes: {
    // Feeds that fail in the ways real ones do.
    '/broken/web-page.json': () => ({ type: 'text/html', body: '<!doctype html><title>Oops</title><p>Moved.</p>' }),
    '/broken/no-cors.json': () => ({ body: feed, cors: false }),
    '/broken/flaky.json': () => (flakyUp ? { body: feed } : { status: 503, type: 'text/plain', body: 'down for maintenance' }),
  },
  hosts: (assets) => {
    const page = (name, headers) => hostFile(assets, name, headers);
    return {
      '/hostile.html': page('hostile.html'),
      '/two.html': page('two.html'),
      '/iframe.html': page('iframe.html'),
      '/broken.html': page('broken.html'),
      '/csp.html': page('csp.html', { 'content-security-policy': strictPolicy(assets.origin) }),
      // A page that adds widgets after it loaded, and one whose widget keeps its view in the address.
      '/later.html': () => ({ type: 'text/html; charset=utf-8', body: hostPage('Widgets added later', '<div data-scorecard id="first" data-states="VT"></div>', assets) }),
      '/sync.html': () => ({ type: 'text/html; charset=utf-8', body: hostPage('The view in the address', '<div data-scorecard id="synced" data-url="sync"></div>', assets) }),
    };
  },
});

test('a hostile host page: its CSS and globals do not reach the widget, the widget does not reach it', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}hostile.html`);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '1,015 officials');

  // It works: filter and shortlist.
  await pickState(page, 'VT');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.deepEqual(await shortlistNames(page), ['Peter Welch']);

  // The host's rules did not get in: buttons show, sizes are the widget's, the host's font is inherited.
  const inside = await page.evaluate(() => {
    const root = document.getElementById('widget').shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    const add = style('.sc-add');
    return {
      buttonDisplay: add.display,
      buttonTransform: add.textTransform,
      countSize: parseFloat(style('.sc-count-number').fontSize),
      titleColor: style('.sc-title').color,
      titleOutline: style('.sc-title').outlineStyle,
      font: style('.scorecard').fontFamily,
      hostDisplay: getComputedStyle(document.getElementById('widget')).display,
    };
  });
  assert.notEqual(inside.buttonDisplay, 'none');
  assert.equal(inside.buttonTransform, 'none');
  assert.ok(inside.countSize > 14 && inside.countSize < 24, `count is ${inside.countSize}px`);
  assert.notEqual(inside.titleColor, 'rgb(255, 0, 0)');
  assert.equal(inside.titleOutline, 'none');
  assert.match(inside.font, /Georgia/, 'the host font is inherited');
  assert.equal(inside.hostDisplay, 'block');

  // The widget did not get out: the host's own elements look and read as before.
  const after = await page.evaluate(() => Array.from(document.querySelectorAll('#host-title, #before, #host-button, #after')).map((el) => {
    const cs = getComputedStyle(el);
    return [el.id, cs.display, cs.fontSize, cs.color, cs.fontFamily, cs.outlineColor].join('|');
  }));
  assert.deepEqual(after, await page.evaluate(() => window.__hostBefore));
  assert.deepEqual(
    await page.evaluate(() => Array.from(document.querySelectorAll('#host-title, #before, #host-button, #widget, #after')).map((el) => el.outerHTML)),
    await page.evaluate(() => window.__hostHtmlBefore),
    'the page\'s own markup, including the widget element and its fallback, is untouched',
  );
  // Its globals are its own: the loader did not overwrite the page's `Scorecard`, nor anything else.
  assert.deepEqual(await page.evaluate(() => [window.Scorecard.mine, init, mount, wasm_bindgen, __wbg_init, yew, App]), [true, 'host', 'host', 'host', 'host', 'host', 'host']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two widgets on one page, two feeds: options, views, shortlists and storage stay apart', async () => {
  const { context, errors, requests } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}two.html`);
  const twenty = page.locator('#twenty');
  const eighteen = page.locator('#eighteen');
  await twenty.locator('.sc-count-number').waitFor();
  await eighteen.locator('.sc-count-number').waitFor();
  // The loader fetched both feeds while the wasm loaded, and each widget took its answer:
  // one request per feed.
  assert.deepEqual(
    requests.filter((url) => url.includes('/feeds/')).sort(),
    [`${assets.origin}/feeds/endorsements-2020.json`, `${assets.origin}/feeds/primaries-2018.json`],
  );
  assert.equal(await twenty.locator('.sc-title').textContent(), 'Who endorsed Bernie Sanders in 2020?');
  assert.equal(await eighteen.locator('.sc-title').textContent(), 'Who backed whom in the 2018 Democratic primaries');
  // Presets from data-* attributes.
  assert.equal(await twenty.locator('.sc-count-number').textContent(), '14 officials');
  assert.equal(await eighteen.locator('.sc-question').textContent(), 'Did Our Revolution endorse them in the 2018 primary?');
  // data-states="MI, NY" data-stance="endorsed" on the our-revolution question: counted from the feed.
  const eighteenFeed = JSON.parse(fs.readFileSync(path.join(hosts, '..', '..', '..', 'feeds', 'primaries-2018.json'), 'utf8'));
  const question = eighteenFeed.questions.find((q) => q.id === 'our-revolution');
  const endorsed = eighteenFeed.officials.filter((o) => ['MI', 'NY'].includes(o.state) && (o.stances?.[question.id]?.stance ?? question.default_stance) === 'endorsed');
  assert.ok(endorsed.length > 1, 'the presets find officials in the feed');
  const eighteenCount = await eighteen.locator('.sc-count-number').textContent();
  assert.equal(eighteenCount, `${endorsed.length} officials`);
  assert.equal(await eighteen.locator('.scorecard').getAttribute('class'), 'scorecard sc-theme-dark sc-compact');
  assert.deepEqual(await axeViolations(page, '.scorecard', '#eighteen'), [], 'compact and dark');
  // Themed through custom properties set by the host on one widget only.
  const themed = await page.evaluate(() => {
    const look = (id) => {
      const root = document.getElementById(id).shadowRoot;
      return [getComputedStyle(root.querySelector('.scorecard')).fontFamily, getComputedStyle(root.querySelector('.sc-primary')).backgroundColor];
    };
    return [look('twenty'), look('eighteen')];
  });
  assert.match(themed[0][0], /DejaVu Sans Mono/);
  assert.equal(themed[0][1], 'rgb(107, 44, 145)');
  assert.doesNotMatch(themed[1][0], /DejaVu Sans Mono/);
  assert.notEqual(themed[1][1], 'rgb(107, 44, 145)');

  await twenty.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  assert.deepEqual(await shortlistNames(page, twenty), ['Peter Welch']);
  assert.deepEqual(await shortlistNames(page, eighteen), []);
  await twenty.getByRole('searchbox', { name: 'Search officials' }).fill('leahy');
  assert.equal(await eighteen.locator('.sc-count-number').textContent(), eighteenCount, 'the other widget did not move');

  await page.reload();
  await twenty.locator('.sc-count-number').waitFor();
  await eighteen.locator('.sc-count-number').waitFor();
  assert.deepEqual(await shortlistNames(page, twenty), ['Peter Welch']);
  assert.deepEqual(await shortlistNames(page, eighteen), []);
  // Embeds leave the host page's address alone.
  assert.equal(new URL(page.url()).hash, '');
  // Each widget keeps its own shortlist, and what its reader saw (changed since the last visit).
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const kept = keys.map((k) => k.replace(/^.*:(twenty|eighteen):(\w+)$/, '$1 $2')).sort();
  assert.deepEqual(kept, ['eighteen seen', 'eighteen shortlist', 'twenty seen', 'twenty shortlist'], keys.join(', '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget files come from another origin than the page, and only the feed and those files are fetched', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}hostile.html`);
  await waitForWidget(page);
  assert.notEqual(site.origin, assets.origin);
  // The widget itself, a part every visit fetches beside the first screen's main module, from
  // the widget's origin too.
  await fetchedPart(requests, 'widget');
  const widget = partFiles().widget.map((file) => `/${file}`);
  const fromAssets = () => requests.filter((url) => url.startsWith(assets.origin)).map((url) => new URL(url).pathname).sort();
  // The bundled feed's first screen too: this widget starts on its default view. The loader of
  // the parts loaded on first use (__wasm_split.js, imported by scorecard.js) comes with the
  // glue; of the parts themselves (split_*.wasm, chunk_*.wasm) only that one is used yet.
  const needed = ['/__wasm_split.js', '/embed.js', '/feeds/endorsements-2020.json', '/first/endorsements-2020.html', '/scorecard.css', '/scorecard.js', '/scorecard_bg.wasm', ...widget];
  assert.deepEqual(fromAssets(), needed.sort());
  const elsewhere = requests.filter((url) => !url.startsWith(assets.origin) && !url.startsWith(site.origin));
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page with a strict Content-Security-Policy: everything works, nothing is blocked', async () => {
  const { context, errors } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await recordCspViolations(context);
  const page = await context.newPage();
  const response = await page.goto(`${site.url}csp.html`);
  assert.match(response.headers()['content-security-policy'], /script-src http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval'/);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  // Styles applied (the stylesheet was allowed; no style attributes were needed).
  const badge = await page.locator('.sc-badge').first().evaluate((el) => getComputedStyle(el).borderRadius);
  assert.notEqual(badge, '0px');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
  await page.getByRole('dialog', { name: 'Peter Welch' }).waitFor();
  await page.keyboard.press('Escape');
  // The map of the states: a part of its own, its tiles placed by class (no style attributes).
  await page.getByRole('button', { name: 'Show the map' }).click();
  const maine = page.getByRole('region', { name: 'Map of the states' }).getByRole('button', { name: /^Maine:/ });
  assert.equal(await maine.evaluate((el) => getComputedStyle(el).gridColumnStart), '11');
  await page.getByRole('region', { name: 'Map of the states' }).getByRole('button', { name: /^Vermont:/ }).click();
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).waitFor({ state: 'detached' });
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe version takes its options from its address and sizes itself through postMessage', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}iframe.html`);
  const frame = page.frameLocator('#scorecard-frame');
  await frame.locator('.sc-count-number').waitFor();
  assert.equal(await frame.locator('.sc-count-number').textContent(), '14 officials');
  assert.equal(await frame.locator('.scorecard').getAttribute('class'), 'scorecard sc-theme-dark');
  await page.waitForFunction(() => Number(document.getElementById('scorecard-frame').height) > 600);
  // Fewer results make the widget shorter: the parent is told and follows.
  const before = Number(await page.locator('#scorecard-frame').getAttribute('height'));
  await frame.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  await frame.locator('.sc-count-number', { hasText: '8 officials' }).waitFor();
  await page.waitForFunction((h) => Number(document.getElementById('scorecard-frame').height) < h, before);
  await frame.getByRole('button', { name: 'Add Patrick J. Leahy to shortlist' }).click();
  await assert.doesNotReject(frame.getByRole('region', { name: 'Shortlist' }).locator('.sc-entry-name', { hasText: 'Patrick J. Leahy' }).waitFor());
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript the fallback content shows; with it, the fallback stays in the page for search engines', async () => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto(`${site.url}hostile.html`);
  assert.equal(await page.getByRole('link', { name: 'See the scorecard' }).isVisible(), true);
  await noScript.close();

  const { context } = await freshContext(browser);
  const live = await context.newPage();
  await live.goto(`${site.url}hostile.html`);
  await waitForWidget(live);
  assert.equal(await live.locator('#fallback').count(), 1);
  assert.equal(await live.locator('#fallback').isVisible(), false);
  await context.close();
});

test('when the widget cannot start (its wasm unreachable), the page\'s own content shows again', async () => {
  const { context, errors } = await freshContext(browser);
  await context.route('**/scorecard_bg.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${site.url}hostile.html`);
  // The loader covered it at once; once the start fails, its slot shows it again.
  await page.getByRole('link', { name: 'See the scorecard' }).waitFor({ state: 'visible' });
  assert.equal(await page.locator('.sc-status, [data-sc-snapshot]').count(), 0, 'no loading note or first screen left');
  assert.ok(errors.some((e) => e.includes('Scorecard could not start')), errors.join('\n'));
  await context.close();
});

test('feeds that cannot be loaded say why in plain words, and offer to try again', async () => {
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}broken.html`);
  const message = async (id) => {
    const alert = page.locator(`#${id}`).getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()).replace(/\s+/g, ' ');
  };
  assert.match(await message('missing'), /was not found at .*\/broken\/missing\.json \(error 404\)\. The link to it may be wrong or out of date\./);
  assert.match(await message('web-page'), /this is a web page \(HTML\), not a JSON feed: check that the address points at the feed file itself/);
  assert.match(await message('no-cors'), /could not be loaded\. You may be offline, or the site that hosts it does not allow other sites to read it \(a CORS setting on that server\)\./);
  assert.match(await message('flaky'), /answered with error 503\. Try again in a moment\./);
  // The server is back: "Try again" loads it, without reloading the page.
  flakyUp = true;
  await page.locator('#flaky').getByRole('button', { name: 'Try again' }).click();
  await page.locator('#flaky .sc-count-number').waitFor();
  assert.equal(await page.locator('#flaky .sc-count-number').textContent(), '1,015 officials');
  await context.close();
});

test('widgets added later: Scorecard.mount and Scorecard.mountAll mount them; mounting twice does nothing', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}later.html`);
  const count = (id) => page.locator(`#${id} [data-sc-app] > .scorecard .sc-count-number`);
  await count('first').waitFor({ timeout: 30_000 });
  assert.equal(await count('first').textContent(), '14 officials');
  // One element, then two more at once; then everything again, which mounts nothing new.
  await page.evaluate(() => {
    const add = (id, states) => {
      const element = document.createElement('div');
      Object.assign(element, { id });
      element.setAttribute('data-scorecard', '');
      element.setAttribute('data-states', states);
      document.body.append(element);
      return element;
    };
    window.later = add('later', 'NY');
    return Scorecard.mount(window.later);
  });
  await count('later').waitFor();
  await page.evaluate(() => {
    for (const [id, states] of [['a', 'MN'], ['b', 'WI']]) {
      const element = document.createElement('div');
      element.id = id;
      element.setAttribute('data-scorecard', '');
      element.setAttribute('data-states', states);
      document.body.append(element);
    }
    return Scorecard.mountAll();
  });
  await count('a').waitFor();
  await count('b').waitFor();
  await page.evaluate(() => Promise.all([Scorecard.mount(window.later), Scorecard.mountAll()]));
  const apps = await page.evaluate(() => ['first', 'later', 'a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('[data-sc-app]').length));
  assert.deepEqual(apps, [1, 1, 1, 1], 'one widget in each element');
  const counts = await Promise.all(['first', 'later', 'a', 'b'].map((id) => count(id).textContent()));
  assert.ok(counts.every((c) => /^[\d,]+ officials?$/.test(c)), counts.join(', '));
  assert.notEqual(counts[1], counts[0], 'the later widget has its own options (New York, not Vermont)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-url="sync": the reader\'s view goes into the host page\'s address, and Back steps through it', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}sync.html`);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '1,015 officials');
  await pickState(page, 'VT');
  await page.locator('.sc-count-number', { hasText: '14 officials' }).waitFor();
  await addressHas(page, 'st=VT');
  assert.equal(new URL(page.url()).pathname, '/sync.html', 'the host page stays; only its fragment changes');
  await page.goBack();
  await page.locator('.sc-count-number', { hasText: '1,015 officials' }).waitFor();
  await addressHas(page, 'st=VT', false);
  await page.goForward();
  await page.locator('.sc-count-number', { hasText: '14 officials' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('compressed copies: every text and wasm file of the build has a .gz and a .br that unpack to it, unless one would be no smaller', () => {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const files = walk(dist).filter((file) => /\.(html|js|css|wasm|json|csv|svg)$/.test(file));
  assert.ok(files.length > 100, `${files.length} files`);
  const formats = [
    ['gz', zlib.gunzipSync, (raw) => zlib.gzipSync(raw, { level: 9 })],
    ['br', zlib.brotliDecompressSync, (raw) => zlib.brotliCompressSync(raw)],
  ];
  for (const file of files) {
    const raw = fs.readFileSync(file);
    for (const [suffix, unpack, pack] of formats) {
      const copy = `${file}.${suffix}`;
      if (fs.existsSync(copy)) assert.ok(unpack(fs.readFileSync(copy)).equals(raw), `${copy} unpacks to ${file}`);
      else assert.ok(pack(raw).length >= raw.length, `${copy} is missing, and would be smaller`);
    }
  }
});
