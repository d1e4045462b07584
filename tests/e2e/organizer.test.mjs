// The organizer page: load from a file, a drop, pasted text or a web address; see every
// problem located; choose a spreadsheet's encoding; map unknown spreadsheet columns; compare with
// the published feed; preview;
// download; build the snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, browser, site, dist, freshContext, axePageViolations } from './support.mjs';

setUp();

async function openOrganizer(options = {}) {
  const { context, errors, requests } = await freshContext(browser, { acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto(`${site.url}organize.html`);
  await page.getByRole('heading', { name: '1. Your data' }).waitFor();
  return { context, page, errors, requests };
}

const summary = (page) => page.locator('.org-summary').textContent();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('a spreadsheet with unknown headers: map the columns, preview, download a valid feed and its mapping', async () => {
  const { context, page, errors, requests } = await openOrganizer();
  const csv = 'Politician,Home,Verdict,Proof\r\nAnn Able,VT,Yes,https://news.example.com/a\r\nBob Baker,NY,No,\r\nCy Castro,Puerto Rico,,\r\n';
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'my-sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.org-summary').waitFor();
  assert.match(await page.getByRole('heading', { name: '3. Spreadsheet columns' }).locator('..').textContent(), /could not be recognized/);
  const problems = await page.getByRole('list', { name: 'Problems' }).textContent();
  assert.match(problems, /no column gives the officials' states/);

  const columns = page.getByRole('region', { name: '3. Spreadsheet columns' });
  await columns.getByLabel('Name', { exact: true }).selectOption('Politician');
  await columns.getByLabel('State', { exact: true }).selectOption('Home');
  assert.equal(await summary(page), '3 loaded, 0 skipped, 0 warnings');
  // The Yes/No column was taken as a question; its counts show.
  assert.match(await page.locator('.org-stats').textContent(), /Verdict\?.*Yes1No1No answer1/s);
  await columns.getByLabel('Title', { exact: true }).fill('My scorecard');
  await columns.getByLabel('Title', { exact: true }).press('Tab');

  // The preview is the widget itself.
  const preview = page.locator('.org-preview-host');
  await preview.locator('.sc-count-number').waitFor();
  assert.equal(await preview.locator('.sc-count-number').textContent(), '3 officials');
  assert.equal(await preview.locator('.sc-title').textContent(), 'My scorecard');

  const feed = await download(page, 'Download feed (JSON)');
  assert.equal(feed.name, 'my-sheet.feed.json');
  const doc = JSON.parse(feed.text);
  assert.equal(doc.format_version, 1);
  assert.deepEqual(doc.officials.map((o) => [o.id, o.state]), [['ann-able-vt', 'VT'], ['bob-baker-ny', 'NY'], ['cy-castro-pr', 'PR']]);
  const mapping = JSON.parse((await download(page, 'Download mapping')).text);
  assert.equal(mapping.columns.name, 'Politician');
  assert.equal(mapping.columns.state, 'Home');

  // The downloaded feed loads cleanly.
  await page.getByLabel('Pasted text', { exact: true }).fill(feed.text);
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await page.locator('.org-summary', { hasText: '3 loaded, 0 skipped, 0 warnings' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Problems' }).count(), 0);

  // Nothing was uploaded: every request went to the organizer's own site.
  assert.deepEqual(requests.filter((url) => !url.startsWith(site.origin)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a spreadsheet Excel saved as Windows-1252: read as such and said so; another encoding can be chosen', async () => {
  const { context, page, errors } = await openOrganizer();
  const buffer = fs.readFileSync(new URL('../corpus/csv/windows-1252.csv', import.meta.url));
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer });
  await page.locator('.org-summary', { hasText: '4 loaded, 0 skipped, 1 warning' }).waitFor();
  const problems = page.getByRole('list', { name: 'Problems' });
  assert.match(await problems.textContent(), /read as Windows-1252 .*: row 2, column "Name" reads "José Peña"/);
  const encoding = page.getByRole('region', { name: '3. Spreadsheet columns' }).getByLabel('Text encoding', { exact: true });
  assert.equal(await encoding.locator('option:checked').textContent(), 'As the file shows (Windows-1252)');

  // Read as UTF-8, each name's bad bytes are located; chosen as Windows-1252, nothing to say.
  await encoding.selectOption('utf-8');
  await page.locator('.org-summary', { hasText: '4 loaded, 0 skipped, 4 warnings' }).waitFor();
  assert.match(await problems.textContent(), /Warning · row 2, column "Name": bytes 0xE9 0xF1 are not UTF-8/);
  await encoding.selectOption('windows-1252');
  await page.locator('.org-summary', { hasText: '4 loaded, 0 skipped, 0 warnings' }).waitFor();
  await page.locator('.org-preview-host').getByText('José Peña').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken JSON: the error names the line and column', async () => {
  const { context, page, errors } = await openOrganizer();
  const broken = '{\n  "format_version": 1,\n  "meta": { "title": "x" }\n  "questions": []\n}\n';
  await page.getByLabel('Pasted text', { exact: true }).fill(broken);
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await page.locator('.org-summary').waitFor();
  const problems = await page.getByRole('list', { name: 'Problems' }).textContent();
  assert.match(problems, /Error · line 4, column 3: expected a comma or \} here/);
  assert.match(await page.getByRole('alert').first().textContent(), /No feed could be made/);

  // Record-level problems point at the record's field.
  const feed = JSON.parse(fs.readFileSync(new URL('../../feeds/endorsements-2020.json', import.meta.url), 'utf8'));
  feed.officials = feed.officials.slice(0, 3);
  feed.officials[1].state = 'XX';
  await page.getByLabel('Pasted text', { exact: true }).fill(JSON.stringify(feed, null, 2));
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await page.locator('.org-summary', { hasText: '2 loaded, 1 skipped, 0 warnings' }).waitFor();
  assert.match(await page.getByRole('list', { name: 'Problems' }).textContent(), /officials\[1\]\.state \(line \d+, column \d+\): "XX" is not a U\.S\. state/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('from a web address, and by dropping a file; counts per state and stance; the snippet', async () => {
  const { context, page, errors } = await openOrganizer({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByLabel('Web address', { exact: true }).fill('feeds/endorsements-2020.json');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.locator('.org-summary', { hasText: '1,015 loaded, 0 skipped, 0 warnings' }).waitFor();
  // Which languages the feed is in (the page itself stays English).
  assert.equal(
    await page.locator('.org-languages').textContent(),
    'Written in en. Translations: es: title, description, 1 of 1 question texts, 3 of 3 stance labels.',
  );
  const stats = await page.locator('.org-stats').textContent();
  assert.match(stats, /Endorsed Sanders34/);
  assert.match(stats, /Vermont \(VT\)14/);

  const builder = page.getByRole('region', { name: '6. Put it on a page' });
  await builder.getByLabel('States', { exact: true }).fill('VT');
  await builder.getByLabel('Stance', { exact: true }).selectOption('endorsed-sanders');
  await builder.getByLabel('ActBlue refcode', { exact: true }).fill('my-blog');
  await builder.getByRole('checkbox', { name: 'Compact (for narrow columns)' }).check();
  const code = builder.getByLabel('Snippet', { exact: true });
  assert.doesNotMatch(await code.inputValue(), /data-map/, 'the default map needs no attribute');
  await builder.getByLabel('Map of the states', { exact: true }).selectOption({ label: 'Shown' });
  await builder.getByLabel('Language', { exact: true }).selectOption({ label: 'Español' });
  const snippet = await code.inputValue();
  assert.equal(
    snippet,
    `<div data-scorecard data-feed="${site.url}feeds/endorsements-2020.json" data-states="VT" data-stance="endorsed-sanders" data-refcode="my-blog" data-lang="es" data-compact data-map="on">\n` +
      `  <a href="${site.url}feeds/endorsements-2020.json">Who endorsed Bernie Sanders in 2020?</a>\n</div>\n` +
      `<script type="module" src="${site.url}embed.js"></script>\n`,
  );
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

  // Drop a spreadsheet on the page.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['name,state,endorsed\nAnn Able,VT,yes\n'], 'dropped.csv', { type: 'text/csv' }));
    document.querySelector('.org-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.org-source-name', { hasText: 'dropped.csv' }).waitFor();
  assert.equal(await summary(page), '1 loaded, 0 skipped, 0 warnings');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what changed: the published feed against the loaded one, a changelog and an Atom feed to download; Follow updates in the preview', async () => {
  const { context, page, errors } = await openOrganizer();
  const feed = JSON.parse(fs.readFileSync(path.join(dist, 'feeds/endorsements-2020.json'), 'utf8'));
  feed.meta.updated = '2020-04-02';
  feed.meta.updates_url = 'https://example.org/scorecard/updates.atom';
  const feinstein = feed.officials.find((o) => o.id === 'dianne-feinstein-ca');
  feinstein.stances['sanders-2020'] = { stance: 'endorsed-sanders', evidence: [{ url: 'https://example.org/news/1', title: 'Switches' }] };
  feed.officials.push({ id: 'new-vt', name: 'New <b>Person</b>', state: 'VT', stances: {} });
  await page.getByLabel('Pasted text', { exact: true }).fill(JSON.stringify(feed));
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await page.locator('.org-summary', { hasText: '1,016 loaded' }).waitFor();

  const changes = page.getByRole('region', { name: '4. What changed' });
  await changes.getByLabel("Published feed's address", { exact: true }).fill('feeds/endorsements-2020.json');
  await changes.getByRole('button', { name: 'Compare' }).click();
  const sentence = changes.locator('.org-changes-summary');
  await sentence.waitFor();
  assert.equal(await sentence.textContent(), "1 official added, 1 stance change, 2 changes to the feed's details");
  const changelog = changes.locator('.org-changelog');
  assert.match(await changelog.textContent(), /Dianne Feinstein \(CA, dianne-feinstein-ca\): Endorsed another candidate → Endorsed Sanders/);
  assert.match(await changelog.textContent(), /New <b>Person<\/b> \(VT, new-vt\)/, 'feed text stays text');
  assert.equal(await changelog.locator('b').count(), 0);
  const source = changelog.getByRole('link', { name: 'Switches' });
  assert.equal(await source.getAttribute('href'), 'https://example.org/news/1');
  assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');

  const markdown = await download(page, 'Download changelog (.md)');
  assert.equal(markdown.name, 'feed.changes.md');
  assert.match(markdown.text, /^# Changes to Who endorsed Bernie Sanders in 2020\?\n/);
  assert.match(markdown.text, /- \*\*New \\<b\\>Person\\<\/b\\>\*\* \(VT, `new-vt`\)/);
  const atom = await download(page, 'Download updates feed (.atom)');
  assert.equal(atom.name, 'feed.updates.atom');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return [doc.getElementsByTagName('parsererror').length, doc.getElementsByTagNameNS(ns, 'entry').length, doc.getElementsByTagNameNS(ns, 'updated')[0].textContent];
  }, atom.text);
  assert.deepEqual(parsed, [0, 1, '2020-04-02T00:00:00Z']);
  assert.deepEqual(await axePageViolations(page), []);

  // The widget links to the updates feed (meta.updates_url).
  const follow = page.locator('.org-preview-host').getByRole('link', { name: 'Follow updates' });
  assert.equal(await follow.getAttribute('href'), 'https://example.org/scorecard/updates.atom');
  assert.equal(await follow.getAttribute('rel'), 'noopener noreferrer');

  // The index of a sharded feed cannot be compared here: it says what can.
  const index = { format_version: 1, meta: feed.meta, questions: feed.questions, officials: [], shards: [{ state: 'VT', url: 'VT.json', officials: 14 }] };
  await changes.getByLabel('Published feed file', { exact: true }).setInputFiles({ name: 'index.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(index)) });
  assert.match(await changes.getByRole('alert').textContent(), /index\.json: This is the index of a sharded feed\. Compare sharded feeds with scorecard-feed diff/);
  assert.equal(await sentence.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no accessibility violations on the organizer page, with a report, columns and the preview', async () => {
  const { context, page, errors } = await openOrganizer();
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from('Politician,Home,Verdict\nAnn Able,VT,Yes\nBob Baker,XX,No\n') });
  await page.locator('.org-summary').waitFor();
  await page.getByRole('region', { name: '3. Spreadsheet columns' }).getByLabel('State', { exact: true }).selectOption('Home');
  await page.locator('.org-preview-host .sc-count-number').waitFor();
  assert.deepEqual(await axePageViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
