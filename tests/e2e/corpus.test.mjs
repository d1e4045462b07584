// The bad-input corpus (tests/corpus/) through the widget: each file is served as the page's
// ?feed=, and the widget must show what tests/corpus/expected.json says the loader reports
// (the same file the native corpus test checks), keep the good records, and never run a
// script, render an unsafe link or a foreign element, or throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, freshContext, repo } from './support.mjs';

const corpus = path.join(repo, 'tests', 'corpus');
const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expected.json'), 'utf8'));

// Too big to commit: the corpus's valid feed with a 50 MB name (the native test makes the same).
const fiftyMegabytes = fs
  .readFileSync(path.join(corpus, 'json', 'valid.json'), 'utf8')
  .replace('"Bob Baker"', JSON.stringify('é'.repeat(25 * 1024 * 1024)));
const generated = {
  'json/fifty-megabyte-name.json': {
    body: fiftyMegabytes,
    expect: {
      summary: '2 loaded, 0 skipped, 1 warning',
      messages: ['warning: officials[1].name (line 55, column 7): the name is longer than 200 characters and was shortened'],
    },
  },
};

const cases = [
  ...Object.entries(expected).flatMap(([kind, files]) =>
    Object.entries(files).map(([name, expect]) => ({ file: `${kind}/${name}`, expect, body: () => fs.readFileSync(path.join(corpus, kind, name)) })),
  ),
  ...Object.entries(generated).map(([file, { body, expect }]) => ({ file, expect, body: () => body })),
];

const routes = {};
for (const { file, body } of cases) {
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  routes[`/corpus/${file}`] = () => ({ type, body: body() });
}
setUp({ routes });

/** What the widget shows, read from inside its shadow root, plus anything that should never be. */
async function inspect(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-scorecard]').shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      count: root.querySelector('.sc-count-number')?.textContent ?? null,
      error: root.querySelector('.sc-error p')?.textContent ?? null,
      retry: [...root.querySelectorAll('.sc-error button')].map((b) => b.textContent),
      notesSummary: root.querySelector('.sc-load-notes summary')?.textContent ?? null,
      notes: [...root.querySelectorAll('.sc-load-notes li')].map((li) => li.textContent),
      // The widget's own forms (the ZIP code lookup, the budget splitter) are not from the feed.
      foreign: all.filter((e) => /^(script|iframe|object|embed|img|svg|marquee|style|form|base|meta)$/i.test(e.localName) && !e.matches('form.sc-zip-form, form.sc-split')).map((e) => e.localName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      unsafeLinks: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((href) => !/^(https:|mailto:|#)/.test(href)),
      pwned: window.__pwned ?? null,
    };
  });
}

test('every corpus file: the widget shows the loader report, keeps the good records, runs nothing', async () => {
  const { context, errors } = await freshContext(browser);
  await context.addInitScript(() => {
    window.alert = () => {
      window.__pwned = 'alert';
    };
  });
  const failures = [];
  for (const { file, expect } of cases) {
    const page = await context.newPage();
    await page.goto(`${site.url}?feed=${encodeURIComponent(`/corpus/${file}`)}`);
    await page.locator('.sc-count-number, .sc-error').first().waitFor({ timeout: 60_000 });
    const seen = await inspect(page);
    const problems = [];
    if ('error' in expect) {
      if (seen.error !== `The scorecard data could not be read. ${expect.error}`) problems.push(`message ${JSON.stringify(seen.error)}`);
      if (seen.retry.join() !== 'Try again') problems.push('no "Try again"');
    } else {
      const loaded = Number(expect.summary.match(/^(\d+) loaded/)[1]);
      const count = `${loaded} ${loaded === 1 ? 'official' : 'officials'}`;
      if (seen.count !== count) problems.push(`count ${JSON.stringify(seen.count)}, wanted ${count}`);
      const summary = expect.messages.length ? `Notes on this data: ${expect.summary}` : null;
      if (seen.notesSummary !== summary) problems.push(`notes summary ${JSON.stringify(seen.notesSummary)}`);
      if (JSON.stringify(seen.notes) !== JSON.stringify(expect.messages.slice(0, 50))) problems.push(`notes ${JSON.stringify(seen.notes)}`);
    }
    if (seen.foreign.length) problems.push(`foreign elements ${seen.foreign}`);
    if (seen.handlers.length) problems.push(`event-handler attributes ${seen.handlers}`);
    if (seen.unsafeLinks.length) problems.push(`unsafe links ${seen.unsafeLinks}`);
    if (seen.pwned) problems.push(`a script ran: ${seen.pwned}`);
    if (problems.length) failures.push(`${file}: ${problems.join('; ')}`);
    await page.close();
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(errors, []);
  assert.ok(cases.length >= 30, `the corpus shrank to ${cases.length} files`);
  await context.close();
});
