// Shared helpers for the end-to-end tests: a static server for the built site (dist/), Chromium
// (Debian's, driven by playwright-core) started the way this machine needs, the before/after
// every test file shares (`setUp`), axe-core runs, and facts read from the build and the sources.
import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const dist = path.resolve(process.env.SCORECARD_DIST || path.join(repo, 'dist'));
export const artifacts = path.join(here, 'artifacts');
/** Host pages (tests/e2e/hosts/*.html) that load the widget from another origin. */
export const hosts = path.join(here, 'hosts');

/**
 * A route serving host page `name` with `{{ASSETS}}` pointing at the widget's server `assets`,
 * sent with `headers` (e.g. a Content-Security-Policy).
 */
export const hostFile = (assets, name, headers = {}) => () => ({
  type: 'text/html; charset=utf-8',
  headers,
  body: fs.readFileSync(path.join(hosts, name), 'utf8').replaceAll('{{ASSETS}}', assets.origin),
});

/** The Content-Security-Policy docs/embed.md gives hosts, for widget files at `origin`. */
export function strictPolicy(origin) {
  return [
    "default-src 'none'",
    `script-src ${origin} 'wasm-unsafe-eval'`,
    `style-src ${origin}`,
    `connect-src ${origin}`,
    "img-src 'self' data:", // the host's own favicon; the widget needs no images
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Serves `root` (and `routes`, see below) on 127.0.0.1 at a free port. Resolves to
 * { url, origin, close, requests }.
 * With SCORECARD_URL set (e.g. to `cargo xtask serve`'s http://127.0.0.1:8080/), tests run
 * against that server instead.
 */
export function serve(root = dist, routes = {}) {
  if (process.env.SCORECARD_URL && Object.keys(routes).length === 0) {
    const url = new URL(process.env.SCORECARD_URL);
    return Promise.resolve({ url: url.href, origin: url.origin, requests: [], close: async () => {} });
  }
  if (root === dist && !fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the site first (cargo xtask build --release)`);
  }
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    // Extra routes: pathname → (req) => { status?, type?, body?, headers?, cors?, hang? }. Tests
    // use them to serve fixture feeds, feeds that change between visits, and failing servers.
    if (routes[pathname]) {
      const answer = routes[pathname](req);
      // `handle`: the route writes the response itself (to misbehave at the socket level).
      if (answer.handle) return answer.handle(res);
      const { status = 200, type = 'application/json', body = '', headers = {}, cors = true, hang = false } = answer;
      if (hang) return; // never answer: a server that hangs
      const base = { 'content-type': type, 'cache-control': 'no-store', ...(cors ? { 'access-control-allow-origin': '*' } : {}) };
      res.writeHead(status, { ...base, ...headers });
      res.end(body);
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // With CORS, like the rest: otherwise a browser on another origin cannot see it is a 404.
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end('not found');
      return;
    }
    // CORS like a CDN: host pages on other origins load the widget's module, wasm and feeds.
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Chromium as root on this machine: no sandbox, no GPU, no background traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Chromium, once `setUp`'s `before` has run (node runs each test file in its own process). */
export let browser;
/** The file's server: the built site, or with `setUp({ hosts })` the host pages. */
export let site;
/** With `setUp({ hosts })`: the built site, on another origin than the host pages. */
export let assets;

/**
 * The before/after every test file shares. Before its tests: the servers, then Chromium. After
 * them: Chromium, the servers, then `cleanup`. The browser and servers are the live exports
 * `browser`, `site` and `assets` above, for the tests to import.
 *
 * - `routes`: extra routes beside the built site (see `serve`); an object, or a function that
 *   returns one (called in `before`, after `prepare`).
 * - `hosts`: `(assets) => routes` for files whose pages embed the widget from another origin:
 *   the built site is then served as `assets`, and `site` serves tests/e2e/hosts with the
 *   routes this returns (host pages that name `assets.origin`).
 * - `prepare`, `cleanup`: anything more the file needs first and undoes last.
 */
export function setUp({ routes = {}, hosts: hostRoutes, prepare, cleanup } = {}) {
  before(async () => {
    await prepare?.();
    const own = typeof routes === 'function' ? routes() : routes;
    if (hostRoutes) {
      assets = await serve(dist, own);
      site = await serve(hosts, hostRoutes(assets));
    } else {
      site = await serve(dist, own);
    }
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await assets?.close();
    await cleanup?.();
  });
}

/** The WCAG rules every axe run checks. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function runAxe(page, context, rules = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: path.join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
  }
  const result = await page.evaluate(
    ([context, tags, rules]) =>
      // eslint-disable-next-line no-undef
      axe.run(context ?? document, { runOnly: { type: 'tag', values: tags }, rules }),
    [context, AXE_TAGS, rules],
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * axe-core's WCAG 2.x A/AA and best-practice violations in a widget (inside its shadow root),
 * one per line. `selector` narrows it to a part of the widget (e.g. the dialog); `host` picks
 * the widget on a page with several (every `[data-scorecard]` by default).
 */
export function axeViolations(page, selector = '.scorecard', host = '[data-scorecard]') {
  // The page around the widget is not the widget's to judge (no h1, landmarks, etc.).
  return runAxe(page, { include: [[host, selector]] }, { region: { enabled: false }, 'page-has-heading-one': { enabled: false } });
}

/** The same, for a whole page of our own (the organizer), every rule on. */
export function axePageViolations(page) {
  return runAxe(page, null);
}

/**
 * What each part of the split release wasm fetches, read from the build's own loader
 * (dist/__wasm_split.js): part name → its module and the shared chunks it needs, sorted. Chunk
 * numbers change from build to build.
 */
export function partFiles() {
  const js = fs.readFileSync(path.join(dist, '__wasm_split.js'), 'utf8');
  const file = (body) => body.match(/new URL\("\.\/([^"]+)"/)[1];
  const chunks = {};
  for (const [, name, body] of js.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)) chunks[name] = file(body);
  const parts = {};
  for (const [, name, body, deps] of js.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g)) {
    const shared = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunks[d]);
    parts[name] = [file(body), ...shared].sort();
  }
  return parts;
}

/** The wasm files among `requests` (URLs), as sorted file names. */
export const wasmFetched = (requests) => [...new Set(requests.filter((url) => url.endsWith('.wasm')).map((url) => path.basename(new URL(url).pathname)))].sort();

/**
 * Waits until every file of part `name` (see {@link partFiles}) is among `requests` (the live
 * list a context records into), counting from its `from`th entry on; fails after 5 s.
 */
export async function fetchedPart(requests, name, from = 0) {
  const parts = partFiles();
  const fetched = () => wasmFetched(requests.slice(from));
  for (let i = 0; i < 200; i++) {
    if (parts[name].every((f) => fetched().includes(f))) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`part ${name} was not fetched: ${fetched()}`);
}

/**
 * A `usize` constant of the widget's Rust sources (src/ and its core), read from where it is defined, so a
 * test that depends on it never keeps a copy that drifts. Fails if it is not defined exactly once.
 */
export function rustConstant(name) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.rs')) {
        for (const [, value] of fs.readFileSync(full, 'utf8').matchAll(new RegExp(`\\bconst ${name}: usize = ([0-9_]+);`, 'g'))) {
          found.push([path.relative(repo, full), Number(value.replaceAll('_', ''))]);
        }
      }
    }
  };
  for (const dir of ['src', 'crates/scorecard-core/src']) walk(path.join(repo, dir));
  if (found.length !== 1) throw new Error(`const ${name}: usize is defined ${found.length} times in the widget and its core: ${JSON.stringify(found)}`);
  return found[0][1];
}

/**
 * Up to this many results the widget draws every row; beyond it, only those on screen
 * (crates/scorecard-core/src/list_window.rs).
 */
export const RENDER_ALL_UP_TO = rustConstant('RENDER_ALL_UP_TO');

/**
 * A fresh browser context (its own storage, like a new browser profile) that records every
 * request, and every page error and console error (with where it was logged from), for the
 * test to check.
 */
// Collects every Content-Security-Policy violation of the context's pages, for `cspViolations`.
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
}

/** The page's CSP violations so far ("directive blocked-URI"), when recorded. */
export function cspViolations(page) {
  return page.evaluate(() => window.__violations);
}

export async function freshContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      errors.push(url ? `${message.text()} (at ${url}:${lineNumber})` : message.text());
    });
  });
  return { context, requests, errors };
}

/**
 * Waits until the widget has loaded its feed and shows a result count: the widget's own, not
 * the loader's copy of the first screen (`[data-sc-snapshot]`), which shows one before.
 */
export async function waitForWidget(page) {
  await page.locator(WIDGET_READY).first().waitFor({ timeout: 30_000 });
}

/** The widget's result count, once the widget itself (not the first screen's copy) shows it. */
export const WIDGET_READY = '[data-sc-app] > .scorecard .sc-count-number';

/**
 * Resolves once `page` (a page or a frame) has painted a frame and run the tasks that frame
 * queued. The shortlist panel shows an add from a row in the render after that
 * (`use_trailing`, src/hooks/use_deferred.rs), so a read of the panel right after a click waits
 * for this first.
 */
export const painted = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));

/** The names on the shortlist panel in `scope` (by default the page's "Shortlist" region), once the panel has caught up. */
export async function shortlistNames(page, scope = page.getByRole('region', { name: 'Shortlist' })) {
  await painted(page);
  return scope.locator('.sc-entry-name').allTextContents();
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Types into the State type-ahead and picks the first match with Enter. */
export async function pickState(page, text) {
  const box = page.getByRole('combobox', { name: 'State' });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Waits until the page address has (or, with `present` false, no longer has) `part` in its
 * fragment. The widget writes the view into the address once the view is painted, a frame
 * after it shows on screen, so a test that reads the address or goes Back waits for that.
 */
export async function addressHas(page, part, present = true) {
  await page.waitForFunction(([part, present]) => location.hash.includes(part) === present, [part, present], { polling: 'raf' });
}

/** A feed document (format v1) with `officials` and one question with three stances. */
export function makeFeed(officials, meta = {}) {
  return JSON.stringify({
    format_version: 1,
    meta: { title: 'Test feed', updated: '2024-05-01', attribution: { text: 'Data: test fixture' }, ...meta },
    questions: [
      {
        id: 'q',
        text: 'Did they endorse our candidate?',
        default_stance: 'none',
        stances: [
          { id: 'yes', label: 'Endorsed ours', tone: 'positive' },
          { id: 'other', label: 'Endorsed another', tone: 'negative' },
          { id: 'none', label: 'No endorsement' },
        ],
      },
    ],
    officials,
  });
}

/**
 * A deterministic synthetic feed of `n` officials (a small LCG, so every run is the same).
 * Realistic enough for scrolling: spread over states, stances and name lengths.
 */
export function syntheticOfficials(n) {
  const states = ['CA', 'TX', 'NY', 'FL', 'PA', 'IL', 'OH', 'VT', 'MN', 'WA', 'PR', 'DC'];
  const first = ['Ann', 'Bob', 'Carmen', 'Dmitri', 'Eleanor', 'Francisco', 'Grace', 'Hiroshi', 'Ines', 'José'];
  const last = ['Smith', 'Nguyen', 'García', 'Okafor', 'Kowalski', 'Haddad', 'Lee', 'Ocasio-Rivera', 'Brown', 'Müller'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out = [];
  for (let i = 0; i < n; i++) {
    const stance = ['yes', 'other', 'none'][next() % 3];
    out.push({
      id: `o${i}`,
      name: `${first[next() % first.length]} ${last[next() % last.length]} ${i}`,
      state: states[next() % states.length],
      position: ['Mayor', 'State senator', 'Council member'][next() % 3],
      stances: { q: { stance, ...(stance === 'none' ? {} : { date: '2024-01-15', evidence: [{ url: `https://news.example.com/${i}` }] }) } },
    });
  }
  return out;
}

/**
 * What has keyboard focus, looking inside shadow roots (the widget lives in one): its
 * aria-label, else its label's text, else its text, else its tag.
 */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    return (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.tagName).trim();
  });
}

/** Evaluates `fn(deepActiveElement)` in the page. */
export function withFocused(page, fn) {
  return page.evaluate(`(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return (${fn})(el);
  })()`);
}
