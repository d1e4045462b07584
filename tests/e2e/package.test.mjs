// The npm package as a blogger gets it: the tarball `cargo xtask package` packs (a step of
// `cargo xtask test`, before these tests), installed into an empty folder, served from a second
// origin on a versioned sub-path as an npm CDN serves it, and embedded in a third page under a
// strict Content-Security-Policy with Subresource Integrity. Files changed after packing are
// refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, browser, site, repo, serve, strictPolicy, freshContext, waitForWidget, recordCspViolations, cspViolations } from './support.mjs';

const packed = path.join(repo, 'target', 'package');
let installed; // the package's folder in node_modules
let manifest; // its package.json
let integrity; // its integrity.json
let cdn; // the second origin
let base; // the package's address there: <cdn>/npm/<name>@<version>/
const tampered = new Map(); // file in the package → bytes served instead

/** A route that serves the installed file, or its tampered bytes when a test asks. */
function served(file, type) {
  return () => ({ type, body: tampered.get(file) ?? fs.readFileSync(path.join(installed, file)) });
}

setUp({
  prepare: async () => {
    const tarball = fs.existsSync(packed) && fs.readdirSync(packed).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`no tarball in ${packed}: run cargo xtask package`);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-npm-'));
    fs.writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(packed, tarball)], { cwd: folder, stdio: 'pipe' });
    const [scope] = fs.readdirSync(path.join(folder, 'node_modules')).filter((d) => d.startsWith('@'));
    const [name] = fs.readdirSync(path.join(folder, 'node_modules', scope));
    installed = path.join(folder, 'node_modules', scope, name);
    manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    integrity = JSON.parse(fs.readFileSync(path.join(installed, 'integrity.json'), 'utf8'));
    // The CDN's layout: /npm/@scope/name@version/file, the install folder behind it.
    const prefix = `/npm/${manifest.name}@${manifest.version}/`;
    const routes = {};
    for (const [file, type] of [['embed.js', 'text/javascript'], ['scorecard.js', 'text/javascript'], ['scorecard_bg.wasm', 'application/wasm'], ['scorecard.css', 'text/css'], [partOf('widget'), 'application/wasm']]) {
      routes[prefix + file] = served(file, type);
    }
    const cdnRoot = path.join(folder, 'cdn');
    fs.mkdirSync(path.join(cdnRoot, 'npm', scope), { recursive: true });
    fs.symlinkSync(installed, path.join(cdnRoot, 'npm', scope, `${name}@${manifest.version}`));
    cdn = await serve(cdnRoot, routes);
    base = `${cdn.origin}${prefix}`;
  },
  routes: () => ({
    // The blogger's page: the snippet from the package's README, under the CSP docs/embed.md gives.
    '/blog.html': () => ({
      type: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': strictPolicy(cdn.origin) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body><h1>Where do they stand?</h1>
<div data-scorecard data-states="VT"><a id="fallback" href="https://example.org/scorecard">See the scorecard</a></div>
<script type="module" src="${base}embed.js" integrity="${integrity['embed.js']}" crossorigin="anonymous"></script></body></html>`,
    }),
  }),
  cleanup: async () => {
    await cdn?.close();
  },
});

/** The file name of a part (`split_<name>.wasm`), from the package's integrity table. */
function partOf(name) {
  return Object.keys(integrity).find((file) => file === `split_${name}.wasm`);
}

async function openBlog() {
  const { context, requests, errors } = await freshContext(browser);
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(`${site.url}blog.html`);
  return { context, page, requests, errors };
}

test('the packed package has what a blogger needs, at the version Cargo.toml gives', () => {
  const cargoVersion = fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8').match(/\[package\]\nname = "scorecard"\nversion = "([^"]+)"/)[1];
  assert.equal(manifest.version, cargoVersion);
  assert.match(manifest.name, /^@[a-z0-9-]+\/[a-z0-9-]+$/);
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.engines?.node, 'an engines field');
  assert.equal(manifest.exports['.'], './embed.js');
  for (const file of ['embed.js', 'scorecard.js', 'scorecard_bg.wasm', 'scorecard.css', 'frame.html', 'organize.html', 'feeds/endorsements-2020.json', 'zip/054.json', 'README.md', 'LICENSE']) {
    assert.ok(fs.existsSync(path.join(installed, file)), file);
  }
  const all = fs.readdirSync(installed, { recursive: true });
  assert.deepEqual(all.filter((f) => /\.(gz|br)$/.test(f)), [], 'no precompressed copies: CDNs compress');
  // Every file the loader loads is pinned, and the README's snippet carries the loader's hash.
  for (const file of ['embed.js', 'scorecard.js', '__wasm_split.js', 'scorecard_bg.wasm', 'scorecard.css', 'first/endorsements-2020.html', partOf('widget')]) {
    assert.match(integrity[file] ?? '', /^sha384-[A-Za-z0-9+/]{64}$/, file);
  }
  const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
  assert.ok(readme.includes(`${manifest.name}@${manifest.version}/embed.js"\n        integrity="${integrity['embed.js']}"`));
  assert.doesNotMatch(readme, /\{\{/, 'every placeholder filled in');
});

test('the docs name the package and version that are packed', () => {
  for (const doc of ['README.md', 'docs/embed.md']) {
    const text = fs.readFileSync(path.join(repo, doc), 'utf8');
    const urls = [...text.matchAll(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/([^/]+\/[^@/]+)@([^/]+)\//g)];
    assert.ok(urls.length > 0, doc);
    for (const [url, name, version] of urls) assert.deepEqual([name, version], [manifest.name, manifest.version], `${doc}: ${url}`);
  }
});

test('embedded from the CDN\'s sub-path under a strict CSP with SRI: everything works, nothing is blocked', async () => {
  const { context, page, requests, errors } = await openBlog();
  await waitForWidget(page);
  assert.equal(await page.locator('.sc-count-number').textContent(), '14 officials');
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  // A part, checked against its hash by __wasm_split.js.
  await page.getByRole('button', { name: 'Peter Welch', exact: true }).click();
  await page.getByRole('dialog', { name: 'Peter Welch' }).waitFor();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  // Every file came from the package's versioned folder.
  const widgetFiles = requests.filter((url) => !url.startsWith(site.origin));
  assert.ok(widgetFiles.length > 0);
  assert.deepEqual(widgetFiles.filter((url) => !url.startsWith(base)), []);
  await context.close();
});

test('a file changed after packing is refused: the loader by the snippet\'s hash, the rest by the loader\'s', async () => {
  const flip = (file) => {
    const bytes = Buffer.from(fs.readFileSync(path.join(installed, file)));
    bytes[bytes.length - 2] ^= 1;
    return bytes;
  };
  for (const file of ['embed.js', 'scorecard.js', 'scorecard_bg.wasm']) {
    tampered.set(file, flip(file));
    const { context, page, errors } = await openBlog();
    // The widget never starts; the page's own content is what readers see.
    await page.locator('#fallback').waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-sc-app]').count(), 0, file);
    assert.ok(errors.some((e) => /integrity/i.test(e)), `${file}: ${errors.join(' | ')}`);
    tampered.delete(file);
    await context.close();
  }
  // The widget's part: said in plain words, with "Try again".
  const part = partOf('widget');
  tampered.set(part, flip(part));
  const { context, page } = await openBlog();
  const notice = page.locator('.sc-error[role="alert"]');
  await notice.waitFor();
  assert.equal(await notice.locator('p').textContent(), 'The scorecard could not be loaded. Check your connection, then try again.');
  assert.equal(await notice.getByRole('button', { name: 'Try again' }).count(), 1);
  tampered.delete(part);
  await context.close();
});

test('the package\'s organizer page writes snippets that pin the loader of the same version', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${base}organize.html`);
  await page.getByLabel('Web address', { exact: true }).fill('feeds/endorsements-2020.json');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.locator('.org-summary', { hasText: '1,015 loaded' }).waitFor();
  const snippet = await page.getByRole('region', { name: '6. Put it on a page' }).getByLabel('Snippet', { exact: true }).inputValue();
  assert.ok(snippet.endsWith(`<script type="module" src="${base}embed.js"\n        integrity="${integrity['embed.js']}" crossorigin="anonymous"></script>\n`), snippet);
  assert.deepEqual(errors, []);
  await context.close();
});
