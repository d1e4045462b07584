// A Google Sheet published to the web as CSV, loaded straight from the widget (`data-feed` set to
// its "Publish to web" CSV link), against local servers that answer as Google's do: the link's
// host (docs.google.com) redirects (307) to a second origin (googleusercontent.com) that serves
// the CSV as text/csv, both readable by other sites (CORS). An unpublished sheet answers with
// Google's sign-in page, HTML. The page's CSP must list both hosts in connect-src
// (docs/embed.md, "A Google Sheet as the feed").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, browser, site, repo, serve, freshContext, waitForWidget, recordCspViolations, cspViolations } from './support.mjs';

const PUBLISHED = '/spreadsheets/d/e/2PACX-published/pub';
const UNPUBLISHED = '/spreadsheets/d/e/2PACX-unpublished/pub';
const csv = fs.readFileSync(path.join(repo, 'templates', 'feed-repo', 'sheet.csv'), 'utf8');
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-sheets-'));
let docs; // stands in for docs.google.com
let content; // stands in for the googleusercontent.com host it redirects to

/** The host page: the widget from `assets`, the feed at `feed`, connect-src as given. */
function blog(assets, feed, connect) {
  const policy = [
    "default-src 'none'",
    `script-src ${assets.origin} 'wasm-unsafe-eval'`,
    `style-src ${assets.origin}`,
    `connect-src ${assets.origin} ${connect.join(' ')}`,
    "img-src 'self' data:",
  ].join('; ');
  return () => ({
    type: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': policy },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body>
<div data-scorecard data-feed="${feed}?output=csv"><a href="https://example.org/">Our scorecard</a></div>
<script type="module" src="${assets.origin}/embed.js"></script></body></html>`,
  });
}

setUp({
  prepare: async () => {
    content = await serve(empty, {
      '/pub/sheet.csv': () => ({ type: 'text/csv', body: csv, headers: { 'content-disposition': 'attachment; filename="Sheet1.csv"' } }),
    });
    docs = await serve(empty, {
      [PUBLISHED]: () => ({ status: 307, type: 'text/html; charset=UTF-8', headers: { location: `${content.origin}/pub/sheet.csv` } }),
      [UNPUBLISHED]: () => ({
        type: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html lang="en"><head><title>Google Sheets - Sign in</title></head><body><h1>Sign in</h1><p>to continue to Sheets</p></body></html>',
      }),
    });
  },
  hosts: (assets) => ({
    '/published.html': blog(assets, docs.origin + PUBLISHED, [docs.origin, content.origin]),
    '/unpublished.html': blog(assets, docs.origin + UNPUBLISHED, [docs.origin, content.origin]),
    '/one-host.html': blog(assets, docs.origin + PUBLISHED, [docs.origin]),
  }),
  cleanup: async () => {
    await docs?.close();
    await content?.close();
    fs.rmSync(empty, { recursive: true, force: true });
  },
});

async function open(name) {
  const { context, errors } = await freshContext(browser);
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(`${site.url}${name}`);
  return { context, page, errors };
}

test('a published sheet\'s CSV link loads through the redirect to the second host', async () => {
  const { context, page, errors } = await open('published.html');
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '12 officials');
  await page.getByRole('button', { name: 'Add Avery Lindqvist to shortlist' }).waitFor();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unpublished sheet (Google\'s sign-in page) is reported as a web page, not a feed', async () => {
  const { context, page } = await open('unpublished.html');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()).replace(/\s+/g, ' '), /this is a web page \(HTML\), not a JSON feed: check that the address points at the feed file itself/);
  await context.close();
});

test('with only docs.google.com in connect-src, the redirect is blocked and the widget says it could not load the feed', async () => {
  const { context, page } = await open('one-host.html');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()).replace(/\s+/g, ' '), /could not be loaded\. You may be offline, or the site that hosts it does not allow other sites to read it/);
  const violations = await cspViolations(page);
  // (A blocked redirect is reported under the address first asked for.)
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
  await context.close();
});
