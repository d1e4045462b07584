// The feed repository template (templates/feed-repo) as an organizer gets it: copied into an
// empty folder with both npm packages installed from the tarballs `cargo xtask package` packs (a
// step of `cargo xtask test`, before these tests). Its one script (publish.mjs, all the workflow
// runs) checks the sample sheet, builds the site for an address, and the site is served there
// and embedded in a blog on another origin; a second publication lists what changed (when the
// CLI has `diff`); a large feed is split; a sheet broken on purpose fails with its row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, browser, site, repo, serve, strictPolicy, freshContext, waitForWidget, recordCspViolations, cspViolations } from './support.mjs';

const template = path.join(repo, 'templates', 'feed-repo');
let folder; // the organizer's copy of the template
let pages; // the server standing in for GitHub Pages, serving the copy's site/
let hasDiff; // whether this version of scorecard-feed has the diff command

/** The tarball `cargo xtask package` packed into `dir` (under target/). */
function tarball(dir) {
  const packed = path.join(repo, 'target', dir);
  const file = fs.existsSync(packed) && fs.readdirSync(packed).find((f) => f.endsWith('.tgz'));
  if (!file) throw new Error(`no tarball in ${packed}: run cargo xtask package`);
  return path.join(packed, file);
}

/**
 * `node publish.mjs ...args` in the copy: its exit code and everything it printed. Not spawnSync:
 * the script asks the Pages server, which runs in this process, for the published feed.
 */
function publish(args = [], env = {}) {
  const child = spawn('node', ['publish.mjs', ...args], { cwd: folder, env: { ...process.env, ...env } });
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }));
  });
}

const sheet = () => path.join(folder, 'sheet.csv');
const original = fs.readFileSync(path.join(template, 'sheet.csv'), 'utf8');

setUp({
  prepare: async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-feed-repo-'));
    fs.cpSync(template, folder, { recursive: true });
    // Both at once: each stands in for the registry's copy the template's package.json names.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball('package'), tarball('package-feed-tools')], { cwd: folder, stdio: 'pipe' });
    fs.mkdirSync(path.join(folder, 'site'));
    pages = await serve(path.join(folder, 'site'));
    const help = spawnSync(path.join(folder, 'node_modules', '.bin', 'scorecard-feed'), ['help'], { encoding: 'utf8' });
    hasDiff = /^ {2}diff\s/m.test(help.stdout);
  },
  routes: () => ({
    // A blog that pastes the snippet the script printed, under the CSP docs/embed.md gives.
    '/blog.html': () => ({
      type: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': strictPolicy(pages.origin) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body><h1>Where do they stand?</h1>
${fs.readFileSync(path.join(folder, 'site', 'snippet.html'), 'utf8')}</body></html>`,
    }),
  }),
  cleanup: async () => {
    await pages?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  },
});

test('the template names the packages at the version Cargo.toml gives, and its workflow runs only publish.mjs', () => {
  const cargoVersion = fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8').match(/\[package\]\nname = "scorecard"\nversion = "([^"]+)"/)[1];
  const manifest = JSON.parse(fs.readFileSync(path.join(template, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.devDependencies, { '@scorecard-widget/embed': cargoVersion, '@scorecard-widget/feed-tools': cargoVersion });
  const workflow = fs.readFileSync(path.join(template, '.github', 'workflows', 'publish.yml'), 'utf8');
  const runs = [...workflow.matchAll(/^\s*(?:- )?run: (.*)$/gm)].map((m) => m[1]);
  assert.deepEqual(runs.filter((r) => !r.startsWith('echo ')), ['npm install --no-audit --no-fund', 'node publish.mjs', 'node publish.mjs --publish --site-url "${{ steps.pages.outputs.base_url }}"']);
  // The docs' npx lines name the package that is packed, at its version.
  const tools = JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', '@scorecard-widget', 'feed-tools', 'package.json'), 'utf8'));
  assert.equal(tools.version, cargoVersion);
  for (const doc of ['README.md', 'docs/csv-import.md', 'docs/organizer.md']) {
    const named = [...fs.readFileSync(path.join(repo, doc), 'utf8').matchAll(/(@scorecard-widget\/feed-tools)@([0-9][^\s`]*)/g)];
    assert.ok(named.length > 0, doc);
    for (const [, name, version] of named) assert.deepEqual([name, version], [tools.name, tools.version], doc);
  }
  assert.match(workflow, /^ {2}push:$/m);
  assert.match(workflow, /^ {2}pull_request:$/m);
});

test('checking the sample sheet passes and writes no site', async () => {
  const { code, out, err } = await publish();
  assert.equal(code, 0, err);
  assert.match(err, /sheet\.csv: 12 loaded, 0 skipped, 0 warnings/);
  assert.match(out, /The sheet is fine/);
  assert.deepEqual(fs.readdirSync(path.join(folder, 'site')), []);
});

test('published, the site serves the feed and the widget; the printed snippet embeds it in a blog under a strict CSP', async () => {
  const { code, out, err } = await publish(['--publish', '--site-url', pages.url]);
  assert.equal(code, 0, err);
  const snippet = fs.readFileSync(path.join(folder, 'site', 'snippet.html'), 'utf8');
  assert.ok(out.includes(snippet), 'the snippet is printed');
  const integrity = JSON.parse(fs.readFileSync(path.join(folder, 'site', 'integrity.json'), 'utf8'))['embed.js'];
  assert.equal(
    snippet,
    `<div data-scorecard data-feed="${pages.url}feed.json">\n  <a href="${pages.url}">Who signed the Clean Water Pledge? (sample)</a>\n</div>\n` +
      `<script type="module" src="${pages.url}embed.js"\n        integrity="${integrity}" crossorigin="anonymous"></script>\n`,
  );
  for (const file of ['feed.json', 'embed.js', 'scorecard_bg.wasm', 'zip/054.json', 'index.html', '.nojekyll']) {
    assert.ok(fs.existsSync(path.join(folder, 'site', file)), file);
  }
  assert.match(out, hasDiff ? /Nothing published at .*feed\.json yet/ : /has no diff command/);

  const { context, requests, errors } = await freshContext(browser);
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(`${site.url}blog.html`);
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '12 officials');
  await page.getByRole('button', { name: 'Add Dana Whitfield to shortlist' }).waitFor();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith(pages.origin)), []);
  // The site's own page shows the widget too.
  const own = await context.newPage();
  await own.goto(pages.url);
  await waitForWidget(own);
  assert.equal(await own.locator('.sc-count-number').textContent(), '12 officials');
  await context.close();
});

test('published again after an edit: what changed is listed against the published feed (when the CLI has diff)', async () => {
  fs.writeFileSync(sheet(), original.replace('Farah Quist,WI,State representative,76,Democratic,,,,', 'Farah Quist,WI,State representative,76,Democratic,Yes,https://example.org/news/quist-signs,2026-03-12,'));
  const { code, out, err } = await publish(['--publish', '--site-url', pages.url]);
  fs.writeFileSync(sheet(), original);
  assert.equal(code, 0, err);
  if (!hasDiff) {
    assert.match(out, /has no diff command: no changes\.md or updates\.atom/);
    assert.ok(!fs.existsSync(path.join(folder, 'site', 'changes.md')));
    return;
  }
  assert.match(fs.readFileSync(path.join(folder, 'site', 'changes.md'), 'utf8'), /Farah Quist/);
  assert.match(fs.readFileSync(path.join(folder, 'site', 'updates.atom'), 'utf8'), /<feed[\s>]/);
});

test('a feed larger than the limit is published split by state, and the snippet names its index', async () => {
  const { code, out, err } = await publish(['--publish', '--site-url', pages.url], { SCORECARD_SPLIT_OVER: '5' });
  assert.equal(code, 0, err);
  assert.match(out, /12 officials: splitting by state/);
  const index = JSON.parse(fs.readFileSync(path.join(folder, 'site', 'feed', 'index.json'), 'utf8'));
  assert.deepEqual(index.shards.map((s) => s.state), ['IA', 'MI', 'MN', 'WI']);
  assert.match(fs.readFileSync(path.join(folder, 'site', 'snippet.html'), 'utf8'), new RegExp(`data-feed="${pages.url}feed/index\\.json"`));
  const check = spawnSync(path.join(folder, 'node_modules', '.bin', 'scorecard-feed'), ['validate', 'site/feed/index.json', '--shards'], { cwd: folder, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stderr, /12 loaded, 0 skipped, 0 warnings/);
});

test('a sheet broken on purpose fails the check, saying which row and column', async () => {
  fs.writeFileSync(sheet(), original.replace('Dana Whitfield,WI,', 'Dana Whitfield,XX,'));
  const checked = await publish();
  const published = await publish(['--publish', '--site-url', pages.url]);
  fs.writeFileSync(sheet(), original);
  for (const { code, err } of [checked, published]) {
    assert.equal(code, 1, err);
    assert.match(err, /sheet\.csv: error: row 5, column "State": "XX" is not a U\.S\. state or territory code \(like VT, DC or PR\); Dana Whitfield skipped/);
    assert.match(err, /publish\.mjs: sheet\.csv has errors \(above, each with its row and column\)/);
  }
});
