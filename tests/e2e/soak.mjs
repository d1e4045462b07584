// The randomized soak (`cargo xtask soak --minutes N --seed S`): a seeded random driver that
// uses the standalone page as a reader would for N minutes, first on the default feed, then on a
// 100,000-official feed, and checks after every step that nothing has gone wrong:
//
// - no page error and no console error, in any tab;
// - no crash message (a panic replaces the widget with one, and logs "Scorecard crashed");
// - the count shown equals the count recomputed here, from the feed's own JSON and the view the
//   widget wrote into the address (question, states, stances, positions, parties, name search).
//   Recomputed independently rather than read through a hook into the core: a hook would ask the
//   core to agree with itself, where this catches a core, a reducer or an address that drifted
//   apart from what the reader sees (the core's own filter is checked against a naive
//   reference by its property tests);
// - the shortlist in this browser's storage equals the one on screen (names, order, amounts,
//   Given marks), in every open tab; an amount still being typed (its field focused) is taken
//   on Enter or on leaving the field, so it is compared once the reader has left it.
//
// At the end of each feed's run: the JS heap's objects (not compiled code or the browser's capped
// performance timeline: `memory()`) and the wasm memory after a garbage collection are within
// 10% of their value after its first minute (a third of it for runs under three minutes), and
// the number of DOM nodes stayed under a bound at every step.
//
// The main tab keeps one document for the whole of a feed's run (so a leak accumulates where it
// can be measured): what needs a new document (a reload, another feed, a link opened in a fresh
// browser) happens in a second tab or a second browser profile, opened and closed as it goes,
// which also exercises two tabs sharing one shortlist.
//
// Every decision comes from one seeded generator per feed, so a seed replays the same steps:
// a failure prints the seed, the feed's run and the step, and the command that replays it
// (`--phase P --steps K` stops after that step). Controls are found by role, element and class,
// never by their English text.
//
// Run directly: node tests/e2e/soak.mjs --minutes 1 --seed 7 [--big FILE] [--phase default|100k]
// [--steps K] [--json FILE]. tests/e2e/soak.test.mjs checks the driver itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, dist, WIDGET_READY } from './support.mjs';

/** Invariants are retried for this long before a step fails (the widget writes the address and storage a frame or two after it paints). */
const SETTLE_MS = 3000;
/** The memory figures at the end may differ from those after the first minute by this much. */
const MEMORY_TOLERANCE = 0.1;
/**
 * At most this many DOM nodes in a page at any step. A long list renders only the rows on
 * screen, so the widget stays at a few thousand nodes whatever the feed; rows that leak pass
 * this within minutes.
 */
const DOM_NODE_LIMIT = 20_000;
/** Viewports the driver resizes to: phones to wide desktops. */
const VIEWPORTS = [[320, 640], [375, 812], [414, 896], [768, 1024], [1024, 768], [1280, 900], [1600, 1000]];
const AMOUNTS = ['27', '5', '100', '1', '0', '0.5', '12.34', '12.345', '10000', '10001', '99999', '-5', 'abc', '', '1e3', '$40', '1,000', ' 50 ', '3.50'];
/** Heap snapshot nodes the browser keeps to a bound: the performance timeline's entries (and the rectangles of layout shifts), the wasm module's compiled code. */
const BOUNDED_BY_BROWSER = /^(Performance\w*|LayoutShift\w*|LargestContentfulPaint|InteractionContentfulPaint|TaskAttributionTiming|blink::ScriptTimingInfo|DOMRectReadOnly|system \/ CppGCManaged \(WasmNativeModule\))$/;
const JUNK = ['<script>window.__pwned=1</script>', '"', "'", '%', '%%20', '🙂', 'ß', '  ', 'x'.repeat(300), ';sc=1;l=AAAA', 'é', '\u202e', 'a,b', '+'];
const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'ArrowDown', 'ArrowUp', 'Home', 'End'];
const BUNDLED = ['endorsements-2020', 'primaries-2018', 'congress-today'];
/** The standalone page's feed when its address names none. */
const DEFAULT_FEED = 'feeds/endorsements-2020.json';
/** The 100,000-official feed's address on the driver's server. */
const BIG_PATH = 'fixtures/synth-100k.json';

/** A small seeded generator (mulberry32): the same seed gives the same steps on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return {
    next,
    below,
    pick: (items) => items[below(items.length)],
    chance: (p) => next() < p,
    /** An index into `weights`, each chosen in proportion to its weight. */
    weighted(weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
      return weights.length - 1;
    },
  };
}

// ------------------------------------------------------------------ the count, recomputed

/** Latin letters that decomposing leaves whole, and their base letters as the core folds them (text/fold_table.rs). */
const WHOLE_LETTERS = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ħ: 'h', ı: 'i', ŋ: 'n' };
const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþðħıŋ]/g, (c) => WHOLE_LETTERS[c])
    .replace(/\s+/g, ' ')
    .trim();

/** What the count needs of a feed document: per official, the fields the filters read. */
export function indexFeed(json) {
  const feed = typeof json === 'string' ? JSON.parse(json) : json;
  const questions = feed.questions.map((q) => ({ id: q.id, def: q.default_stance ?? null, stances: new Set(q.stances.map((s) => s.id)) }));
  const officials = feed.officials.map((o) => ({
    name: fold(o.name),
    state: o.state,
    position: o.position ?? null,
    party: o.party ?? null,
    stances: Object.fromEntries(Object.entries(o.stances ?? {}).map(([q, s]) => [q, s.stance])),
  }));
  const names = feed.officials.map((o) => o.name);
  const positions = new Set(officials.map((o) => o.position).filter((p) => p !== null));
  const parties = new Set(officials.map((o) => o.party).filter((p) => p !== null));
  return { questions, officials, names, positions, parties, byId: new Map(feed.officials.map((o) => [o.id, o])) };
}

/** The share-link codec's free text: `+` for spaces, percent escapes. */
function unescapeText(text) {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** The view the widget wrote into the address's `sc=` part (crates/scorecard-core/src/share_link/mod.rs). */
export function viewFromHash(hash) {
  const part = hash.replace(/^#/, '').split('&').find((p) => p.startsWith('sc='));
  const view = { q: null, st: [], sn: [], po: [], pa: [], n: '' };
  if (!part) return view;
  const list = (v) => v.split(',').filter(Boolean).map(unescapeText).map((s) => s.trim()).filter(Boolean);
  for (const field of part.slice(3).split(';').slice(1)) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const [key, value] = [field.slice(0, eq), field.slice(eq + 1)];
    if (key === 'q') view.q = unescapeText(value);
    else if (key === 'st') view.st = value.split(',').filter(Boolean).map((s) => s.toUpperCase());
    else if (key === 'sn' || key === 'po' || key === 'pa') view[key] = list(value);
    else if (key === 'n') view.n = unescapeText(value);
  }
  return view;
}

/** How many officials of `feed` the `view` shows (FilterSpec in crates/scorecard-core/src/filter.rs). */
export function expectedCount(feed, view) {
  const question = feed.questions.find((q) => q.id === view.q) ?? feed.questions[0];
  const words = fold(view.n).split(' ').filter(Boolean);
  const stances = new Set(view.sn.filter((s) => s === '_unrated' || question?.stances.has(s)));
  const states = new Set(view.st);
  // A position or party the feed does not have is ignored (a view made on another feed), as
  // the stances of another question are.
  const positions = new Set(view.po.filter((p) => feed.positions.has(p)));
  const parties = new Set(view.pa.filter((p) => feed.parties.has(p)));
  let n = 0;
  for (const o of feed.officials) {
    if (states.size && !states.has(o.state)) continue;
    if (positions.size && !positions.has(o.position)) continue;
    if (parties.size && !parties.has(o.party)) continue;
    if (stances.size) {
      const own = question ? o.stances[question.id] ?? question.def : null;
      if (!stances.has(own && question.stances.has(own) ? own : '_unrated')) continue;
    }
    if (words.length && !words.every((w) => o.name.includes(w))) continue;
    n++;
  }
  return n;
}

// ------------------------------------------------------------------ what a page shows

/** Everything the invariants read, in one round trip (inside the widget's shadow root). */
function readPage() {
  const host = document.querySelector('[data-scorecard]');
  const root = host?.shadowRoot;
  const countNodes = (node) => {
    let n = 1;
    if (node.shadowRoot) n += countNodes(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) n += countNodes(c);
    return n;
  };
  const app = root?.querySelector('[data-sc-app] > .scorecard');
  const count = app?.querySelector('.sc-count-number')?.textContent ?? null;
  const entries = [...(app?.querySelectorAll('.sc-shortlist .sc-entry') ?? [])].map((li) => {
    const amount = li.querySelector('.sc-amount input');
    return {
      name: li.querySelector('.sc-entry-name')?.textContent ?? '',
      amount: amount?.value ?? '',
      invalid: amount?.getAttribute('aria-invalid') === 'true',
      // Still being typed in: an amount is taken on Enter or on leaving the field, so until then
      // the field may differ from what is kept (a step whose Enter timed out leaves it so).
      editing: !!amount && root.activeElement === amount,
      given: li.querySelector('.sc-given input')?.checked ?? false,
    };
  });
  const storage = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('scorecard:v1:') && key.endsWith(':shortlist')) storage[key] = localStorage.getItem(key);
    }
  } catch {
    /* storage disabled: nothing to compare */
  }
  return {
    doc: window.__soakDocument ?? null,
    href: location.href,
    hash: location.hash,
    ready: !!count,
    count,
    crashed: !!root?.querySelector('.sc-crashed') || document.body.textContent.includes('stopped working'),
    entries,
    storage,
    dialog: !!app?.querySelector('dialog[open]'),
    nodes: countNodes(document),
    wasm: (window.__soakMemories ?? []).reduce((sum, m) => sum + m.buffer.byteLength, 0),
  };
}

const digits = (text) => Number((text ?? '').replace(/[^0-9]/g, '') || 0);
/** An amount as the field shows it ("27", "12.50"; a reader's "$40" or "1,000" left as typed when it equals the amount). */
const cents = (text) => Math.round(Number(text.replace(/[$,\s]/g, '')) * 100);

/** The problems with what a page shows (empty when every invariant holds). */
function problems(seen, tab, feeds) {
  const out = [];
  if (seen.crashed) out.push('the widget shows its crash message');
  if (!seen.ready) return [...out, 'the widget shows no result count'];
  // A second tab's Back or Forward may cross into the page of another feed.
  const feedPath = new URL(seen.href).searchParams.get('feed') ?? DEFAULT_FEED;
  const feed = feeds.get(feedPath);
  if (!feed) return [...out, `a page on a feed the driver does not know: ${seen.href}`];
  const view = viewFromHash(seen.hash);
  const expected = expectedCount(feed, view);
  if (digits(seen.count) !== expected) out.push(`the count shows "${seen.count}", the feed gives ${expected} for the view ${JSON.stringify(view)}`);
  const key = Object.keys(seen.storage).find((k) => k.includes(feedPath));
  const stored = key ? JSON.parse(seen.storage[key]).entries : [];
  const shown = seen.entries.map((e) => e.name);
  if (JSON.stringify(stored.map((e) => e.name)) !== JSON.stringify(shown)) {
    out.push(`the shortlist on screen is ${JSON.stringify(shown)}, in storage ${JSON.stringify(stored.map((e) => e.name))}`);
  } else {
    seen.entries.forEach((e, i) => {
      if (!e.invalid && !e.editing && Number.isFinite(cents(e.amount)) && cents(e.amount) !== stored[i].amount_cents) out.push(`${e.name}: $${e.amount} on screen, ${stored[i].amount_cents} cents in storage`);
      if (e.given !== !!stored[i].given) out.push(`${e.name}: Given ${e.given} on screen, ${!!stored[i].given} in storage`);
    });
  }
  if (seen.nodes > DOM_NODE_LIMIT) out.push(`${seen.nodes} DOM nodes (more than ${DOM_NODE_LIMIT})`);
  return out;
}

// ------------------------------------------------------------------ the driver

class SoakFailure extends Error {}

/**
 * Run in every page before its scripts: keeps each wasm memory the page instantiates, for the
 * memory figures. (CDP's Runtime.queryObjects would find them without this, but it crashes
 * Chromium's renderer on this page.)
 */
const RECORD_WASM_MEMORY = `(() => {
  const memories = (window.__soakMemories = []);
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports ?? {})) {
      if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(keep);
    };
  }
})();`;

/**
 * Runs the soak. `phases`: which feeds' runs (default both; '100k' needs `big`, the path of the
 * 100,000-official feed). `steps`: stop each run after this many steps (a replay). `fault`:
 * `{ phase, step, kind }` plants a fault after that step, for the driver's own test: 'storage'
 * rewrites the saved list behind the widget's back, 'count' changes the count on screen.
 * Resolves to the figures; a broken invariant rejects with the seed, run and step.
 */
export async function soak({ minutes = 1, seed = 1, big = null, phases = null, steps = null, fault = null, log = (line) => console.log(line) } = {}) {
  const chosen = phases ?? (big ? ['default', '100k'] : ['default']);
  const bigText = chosen.includes('100k') ? fs.readFileSync(big, 'utf8') : null;
  const site = await serve(dist, bigText ? { [`/${BIG_PATH}`]: () => ({ body: bigText }) } : {});
  const browser = await launch();
  const feeds = new Map();
  for (const name of BUNDLED) feeds.set(`feeds/${name}.json`, indexFeed(fs.readFileSync(path.join(dist, 'feeds', `${name}.json`), 'utf8')));
  if (bigText) feeds.set(BIG_PATH, indexFeed(bigText));
  const zipPrefixes = fs.existsSync(path.join(dist, 'zip')) ? fs.readdirSync(path.join(dist, 'zip')).filter((f) => /^\d{3}\.json$/.test(f)).map((f) => f.slice(0, 3)) : [];
  const share = { default: 0.6, '100k': 0.4 };
  const totalShare = chosen.reduce((s, p) => s + share[p], 0);
  const figures = { seed, phases: [] };
  try {
    for (const [i, phase] of chosen.entries()) {
      const ms = (minutes * 60_000 * share[phase]) / totalShare;
      const run = new Run({ browser, site, feeds, zipPrefixes, phase, seed: seed * 16 + i + (phase === '100k' ? 1 : 0), userSeed: seed, ms, steps, fault, log });
      figures.phases.push(await run.go());
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return figures;
}

class Run {
  constructor({ browser, site, feeds, zipPrefixes, phase, seed, userSeed, ms, steps, fault, log }) {
    Object.assign(this, { browser, site, feeds, zipPrefixes, phase, ms, maxSteps: steps, fault, log, userSeed });
    this.r = rng(seed);
    this.errors = [];
    this.tabs = [];
    this.contexts = [];
    this.step = 0;
    this.checks = 0;
    this.skipped = 0;
    this.actions = {};
    this.trail = [];
    this.ours = new WeakSet();
    this.maxNodes = 0;
    /** The steps after which the main tab's wasm memory grew (it never shrinks), to find what grows it. */
    this.wasmGrowth = [];
  }

  feedOf(phase) {
    return phase === '100k' ? BIG_PATH : 'feeds/endorsements-2020.json';
  }

  async context() {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    await context.addInitScript(RECORD_WASM_MEMORY);
    // Nothing leaves this machine: a donate page, website or fec.gov opened from the widget is
    // answered here with an empty page, and the tab it opened is closed.
    await context.route((url) => !url.href.startsWith(this.site.origin), (route) => route.fulfill({ contentType: 'text/html', body: '<title>elsewhere</title>' }));
    context.on('page', (page) => {
      const where = () => `step ${this.step}`;
      page.on('pageerror', (error) => this.errors.push(`page error at ${where()}: ${error.message}`));
      page.on('console', (message) => {
        // The browser's own line for a ZIP code table file that does not exist (404): how an
        // unknown ZIP code's prefix is learned (zip.test ignores it too), not an error.
        const expected = /Failed to load resource.*404/.test(message.text()) && message.location().url.startsWith(`${this.site.origin}/zip/`);
        if (message.type() === 'error' && !expected) this.errors.push(`console error at ${where()}: ${message.text()} (${message.location().url}:${message.location().lineNumber})`);
      });
      // A tab the widget opened (a donate page, a website): closed once it has loaded. The
      // driver's own tabs are in `ours` by then.
      setTimeout(() => {
        if (!this.ours.has(page)) page.waitForLoadState().catch(() => {}).finally(() => page.close().catch(() => {}));
      }, 1000);
    });
    this.contexts.push(context);
    return context;
  }

  async open(context, feed, url) {
    const page = await context.newPage();
    this.ours.add(page);
    const tab = { page, feed, feedUrl: feed, context };
    await page.goto(url ?? this.urlOf(feed));
    await page.locator(WIDGET_READY).first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => (window.__soakDocument = 1));
    tab.firstEntry = await page.evaluate(() => navigation.currentEntry.index);
    this.tabs.push(tab);
    return tab;
  }

  urlOf(feed) {
    return feed === 'feeds/endorsements-2020.json' ? this.site.url : `${this.site.url}?feed=${feed}`;
  }

  async go() {
    const started = Date.now();
    const { context } = { context: await this.context() };
    this.main = await this.open(context, this.feedOf(this.phase));
    this.cdp = await context.newCDPSession(this.main.page);
    this.log(`soak: seed ${this.userSeed}, ${this.phase} feed: the page is up (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const t0 = Date.now();
    const baselineAt = Math.min(60_000, this.ms / 3);
    let baseline = null;
    while (this.maxSteps ? this.step < this.maxSteps : Date.now() - t0 < this.ms) {
      this.step++;
      const action = await this.act();
      this.actions[action.split(':')[0]] = (this.actions[action.split(':')[0]] ?? 0) + 1;
      this.trail.push(`${this.step} ${action}`);
      if (process.env.SOAK_VERBOSE) this.log(`  ${this.step} ${action}`);
      if (this.fault && this.fault.phase === this.phase && this.fault.step === this.step) {
        await this.frames(this.main.page); // the step's own saves land first
        await this.plant(this.fault.kind);
      }
      await this.check(action);
      if (!baseline && Date.now() - t0 >= baselineAt) baseline = { ...(await this.memory()), at: Math.round((Date.now() - t0) / 1000) };
    }
    const last = await this.memory();
    baseline ??= last;
    const figures = {
      phase: this.phase,
      seconds: Math.round((Date.now() - t0) / 1000),
      steps: this.step,
      checks: this.checks,
      skipped: this.skipped,
      actions: this.actions,
      memory: { first: baseline, last, wasmGrewAt: this.wasmGrowth },
      domNodes: { first: baseline.domNodes, last: last.domNodes, max: this.maxNodes, limit: DOM_NODE_LIMIT },
    };
    for (const [name, key] of [['JS heap objects', 'jsHeap'], ['wasm memory', 'wasm']]) {
      const grown = (last[key] - baseline[key]) / baseline[key];
      if (Math.abs(grown) > MEMORY_TOLERANCE && !this.maxSteps) {
        const grew = key === 'wasm' ? `; it grew after steps ${this.wasmGrowth.slice(-8).map((g) => `${g.step} (${g.action}) to ${g.bytes}`).join(', ')}` : '';
        this.fail(`${name} after GC went from ${baseline[key]} bytes (at ${baseline.at} s) to ${last[key]} (${(grown * 100).toFixed(1)}%, more than ${MEMORY_TOLERANCE * 100}%)${grew}`, 'the end');
      }
    }
    for (const c of this.contexts) await c.close();
    this.log(`soak: ${this.phase}: ${JSON.stringify(figures)}`);
    return figures;
  }

  /**
   * JS heap and wasm memory of the main tab after a garbage collection, and its DOM nodes. The
   * heap checked (`jsHeap`) is its objects, from a heap snapshot: not compiled code (V8's, and the
   * wasm module's, compiled as new paths run) nor the browser's performance timeline (event,
   * paint and layout-shift entries, each buffer capped), which grow to a bound whatever the page
   * does. A 15-minute run's whole heap grew 12% that way (snapshots after 100 and 300 stance
   * toggles: code and timeline entries only); `jsHeapAll` is the whole, for the record.
   */
  async memory() {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    const seen = await this.main.page.evaluate(readPage);
    return { jsHeap: await this.heapObjects(), jsHeapAll: usedSize, wasm: seen.wasm, domNodes: seen.nodes };
  }

  /** The main tab's heap snapshot: bytes of V8's objects, but not compiled code or timeline entries. */
  async heapObjects() {
    const chunks = [];
    const collect = (event) => chunks.push(event.chunk);
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
    await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    this.cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
    const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
    const fields = snapshot.meta.node_fields;
    const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const types = snapshot.meta.node_types[0];
    let bytes = 0;
    for (let i = 0; i < nodes.length; i += fields.length) {
      // V8's own objects: not compiled code, nor the browser's objects ('native': the DOM, whose
      // nodes are counted apart, and the timeline's entries).
      if (['code', 'native'].includes(types[nodes[i + type]]) || BOUNDED_BY_BROWSER.test(strings[nodes[i + name]])) continue;
      bytes += nodes[i + size];
    }
    return bytes;
  }

  fail(message, where = `step ${this.step}`) {
    const replay = `cargo xtask soak --seed ${this.userSeed} --phase ${this.phase} --steps ${this.step}`;
    const trail = this.trail.slice(-12).join('\n  ');
    throw new SoakFailure(`soak failed: seed ${this.userSeed}, ${this.phase} feed, ${where}: ${message}\n  the last steps:\n  ${trail}\n  replay: ${replay}`);
  }

  /** Waits until every open tab satisfies the invariants, or fails with what is wrong. */
  async check(action) {
    await this.frames(this.main.page);
    for (const tab of [...this.tabs]) {
      if (tab.page.isClosed()) continue;
      if (tab !== this.main) {
        // A second tab may be loading a page (Back or Forward across pages, a reload).
        await tab.page.locator(WIDGET_READY).first().waitFor({ timeout: 120_000 }).catch(() => {});
      }
      const deadline = Date.now() + SETTLE_MS;
      let wrong = [];
      for (;;) {
        let seen;
        try {
          seen = await tab.page.evaluate(readPage);
        } catch (error) {
          // Navigating (a reload or a link in a side tab): read it again once it is there.
          seen = null;
          wrong = [`the page could not be read: ${error.message.split('\n')[0]}`];
        }
        if (seen && tab === this.main && !seen.doc) {
          // The main tab left its document (it should keep one: see the top of this file).
          this.fail(`the main tab loaded a new document (${seen.href}) after ${action}`);
        }
        if (seen) {
          wrong = this.errors.length ? [] : problems(seen, tab, this.feeds);
          if (seen.nodes > this.maxNodes && tab === this.main) this.maxNodes = seen.nodes;
          const high = this.wasmGrowth.at(-1)?.bytes ?? 0;
          if (tab === this.main && seen.wasm > high) this.wasmGrowth.push({ step: this.step, action: action.slice(0, 80), bytes: seen.wasm });
        }
        if (this.errors.length) this.fail(this.errors.join('; '));
        if (!wrong.length) break;
        if (Date.now() > deadline) this.fail(`${tab === this.main ? 'main tab' : 'second tab'}: ${wrong.join('; ')} (after ${action}; the tab's address: ${seen?.href})`);
        await tab.page.waitForTimeout(50);
      }
      this.checks += 4; // errors, crash, count, storage
    }
  }

  frames(page) {
    return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))).catch(() => {});
  }

  async plant(kind) {
    const page = this.main.page;
    if (kind === 'storage') {
      await page.evaluate((feedUrl) => {
        const key = Object.keys(localStorage).find((k) => k.endsWith(':shortlist') && k.includes(feedUrl));
        const saved = key ? JSON.parse(localStorage.getItem(key)) : { version: 1, entries: [] };
        saved.entries.push({ id: 'planted', name: 'Planted Fault', amount_cents: 2700 });
        localStorage.setItem(key ?? `scorecard:v1:${location.origin}/${feedUrl}:shortlist`, JSON.stringify(saved));
      }, this.main.feedUrl);
    } else if (kind === 'count') {
      await page.evaluate(() => {
        const el = document.querySelector('[data-scorecard]').shadowRoot.querySelector('[data-sc-app] .sc-count-number');
        el.textContent = `${Number(el.textContent.replace(/[^0-9]/g, '')) + 1} officials`;
      });
    }
  }

  // -------------------------------------------------------------- actions

  /** One random step; returns what it did, for the trail. */
  async act() {
    const r = this.r;
    const side = this.tabs.find((t) => t !== this.main && !t.page.isClosed());
    // Most steps act on the main tab; some on the second tab while one is open.
    const tab = side && r.chance(0.25) ? side : this.main;
    const kinds = [
      ['control', 60],
      ['back', 5],
      ['forward', 3],
      ['resize', 3],
      ['scroll', 4],
      ['key', 4],
      ['link', 4],
      ['tab', side ? 3 : 2],
    ];
    const kind = kinds[r.weighted(kinds.map(([, w]) => w))][0];
    const mark = tab === this.main ? '' : 'second tab: ';
    return mark + (await this.actOn(tab, kind, side));
  }

  async actOn(tab, kind, side) {
    const r = this.r;
    try {
      switch (kind) {
        case 'control':
          return await this.control(tab);
        case 'back':
        case 'forward':
          return await this.history(tab, kind);
        case 'resize': {
          const [width, height] = r.pick(VIEWPORTS);
          await tab.page.setViewportSize({ width, height });
          return `resize: ${width}x${height}`;
        }
        case 'scroll': {
          const by = Math.round((r.next() - 0.4) * 6000);
          await tab.page.evaluate((y) => window.scrollBy(0, y), by);
          return `scroll: ${by}`;
        }
        case 'key': {
          const key = r.pick(KEYS);
          await tab.page.keyboard.press(key);
          return `key: ${key}`;
        }
        case 'link':
          return await this.shareLink(tab);
        case 'tab':
          return await this.sideTab(side);
      }
    } catch (error) {
      if (error instanceof SoakFailure) throw error;
      // A control that moved, was covered or went away between being picked and acted on: the
      // step did nothing, which is no failure (the invariants still run).
      this.skipped++;
      return `${kind}: skipped (${error.message.split('\n')[0].slice(0, 100)})`;
    }
  }

  /** Back or Forward, never out of the tab's first document (the main tab keeps one). */
  async history(tab, kind) {
    const page = tab.page;
    const before = page.url();
    // A tab's first entry is the browser's empty page before it: never back into that.
    if (kind === 'back' && (await page.evaluate(() => navigation.currentEntry.index)) <= tab.firstEntry) return 'back: at the first entry';
    await page.evaluate((k) => (k === 'back' ? history.back() : history.forward()), kind);
    await page.waitForTimeout(100);
    if (!page.url().startsWith(this.site.origin)) {
      await page.goForward();
      return `${kind}: left the page, came back`;
    }
    return `${kind}: ${before === page.url() ? 'no entry' : 'moved'}`;
  }

  /** Everything a reader can act on in the widget, in document order, with what each is. */
  async controls(page) {
    const locator = page.locator('[data-scorecard] [data-sc-app]').locator('button, input, select, a[href], summary');
    const described = await locator.evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden], [inert]');
        const modal = el.getRootNode().querySelector?.('dialog[open]');
        const area = ['sc-dialog', 'sc-shortlist', 'sc-results', 'sc-filters', 'sc-your', 'sc-dock', 'sc-banner', 'sc-undo', 'sc-notice']
          .find((c) => el.closest(`.${c}`)) ?? 'other';
        return {
          usable: visible && !el.disabled && !el.readOnly && (!modal || modal.contains(el)),
          tag: el.tagName.toLowerCase(),
          type: el.type ?? '',
          role: el.getAttribute('role') ?? '',
          area,
          inAmount: !!el.closest('.sc-entry .sc-amount'),
          inSplit: !!el.closest('.sc-split'),
          inZip: !!el.closest('.sc-zip-form'),
          target: el.getAttribute('target') ?? '',
          href: el.getAttribute('href') ?? '',
          label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
        };
      }),
    );
    return { locator, described };
  }

  async control(tab) {
    const r = this.r;
    const { locator, described } = await this.controls(tab.page);
    const weight = { 'sc-results': 3, 'sc-shortlist': 3, 'sc-filters': 3, 'sc-your': 1.5, 'sc-dialog': 3, 'sc-dock': 1.5, 'sc-banner': 2, 'sc-undo': 1, 'sc-notice': 1, other: 1 };
    const usable = described
      .map((d, i) => ({ ...d, i }))
      // Links that would take the tab elsewhere (not a new tab, not within the page) are left out.
      .filter((d) => d.usable && !(d.tag === 'a' && d.target !== '_blank' && !d.href.startsWith('#')));
    if (!usable.length) return 'control: none usable';
    // A category first (so the hundreds of rows do not drown the shortlist), then a control in it.
    const areas = [...new Set(usable.map((d) => d.area))];
    const area = areas[r.weighted(areas.map((a) => weight[a]))];
    const inArea = usable.filter((d) => d.area === area);
    const d = r.pick(inArea);
    const el = locator.nth(d.i);
    const what = `${d.area} ${d.tag}${d.type ? `[${d.type}]` : ''} "${d.label}"`;
    const options = { timeout: 1500 };
    if (d.tag === 'select') {
      const values = await el.evaluate((s) => [...s.options].map((o) => o.value));
      const value = r.pick(values);
      await el.selectOption(value, options);
      return `select: ${what} = ${value}`;
    }
    if (d.tag === 'input' && ['text', 'search', ''].includes(d.type)) {
      const text = this.textFor(d, tab);
      if (d.role === 'combobox') {
        await el.fill(text, options);
        const key = r.pick(['Enter', 'Enter', 'ArrowDown', 'Escape', 'Backspace']);
        await el.press(key, options);
        return `type: ${what} "${text}" + ${key}`;
      }
      if (r.chance(0.2) && text.length < 12) {
        await el.click(options);
        await el.press('Control+A', options);
        await tab.page.keyboard.type(text, { delay: 5 });
      } else {
        await el.fill(text, options);
      }
      // Amounts, budgets and ZIP codes are taken on Enter (or leaving the field).
      const key = d.type === 'search' ? null : r.pick(['Enter', 'Enter', 'Tab']);
      if (key) await el.press(key, options);
      return `type: ${what} "${text.slice(0, 40)}"${key ? ` + ${key}` : ''}`;
    }
    await el.click(options);
    return `click: ${what}`;
  }

  /** What a reader might type into a field: names, states, amounts, ZIP codes, and junk. */
  textFor(d, tab) {
    const r = this.r;
    if (r.chance(0.08)) return r.pick(JUNK);
    if (d.inAmount || d.inSplit) return r.pick(AMOUNTS);
    if (d.inZip) {
      const prefix = this.zipPrefixes.length ? r.pick(this.zipPrefixes) : '054';
      return r.pick([`${prefix}${String(r.below(100)).padStart(2, '0')}`, `${prefix}${String(r.below(100)).padStart(2, '0')}-1234`, '05401', '00000', 'abcde', '0540', '']);
    }
    if (d.role === 'combobox') {
      return r.pick(['vt', 'VT', 'verm', 'new', 'ny', 'Calif', 'tex', 'p', 'dc', 'puerto', 'zz', 'wis', 'm', '']);
    }
    const names = this.feeds.get(tab.feed).names;
    const name = r.pick(names);
    const words = name.split(/\s+/);
    return r.pick([
      '',
      r.pick(words),
      r.pick(words).toLowerCase().slice(0, 3 + r.below(4)),
      name,
      fold(name),
      `${r.pick(words)} ${r.pick(names).split(/\s+/)[0]}`,
      String.fromCharCode(97 + r.below(26)),
    ]);
  }

  /** Copies the share link (or the comparison's) and opens it: here, in the second tab or in a fresh browser. */
  async shareLink(tab) {
    const r = this.r;
    const page = tab.page;
    let link = await page.locator('[data-scorecard] [data-sc-app] .sc-share-url').first().inputValue({ timeout: 500 }).catch(() => '');
    if (!link) {
      const copy = page.locator('[data-scorecard] [data-sc-app] .sc-share-buttons button').first();
      if (!(await copy.isEnabled({ timeout: 500 }).catch(() => false))) return 'link: nothing to share';
      await copy.click({ timeout: 1500 });
      link = await page.locator('[data-scorecard] [data-sc-app] .sc-share-url').first().inputValue({ timeout: 1500 });
    }
    const where = r.pick(['here', 'tab', 'fresh']);
    if (where === 'here') {
      // Pasted into this tab's address bar: a change of fragment, the same document.
      await page.goto(link);
      return `link: opened here ${link.slice(link.indexOf('#'))}`;
    }
    await this.closeSide();
    const context = where === 'tab' ? tab.context : await this.context();
    const opened = await this.open(context, tab.feed, link);
    opened.fresh = where === 'fresh';
    return `link: opened in ${where === 'tab' ? 'a second tab' : 'a fresh browser'} ${link.slice(link.indexOf('#'))}`;
  }

  async closeSide() {
    for (const t of this.tabs.filter((t) => t !== this.main)) {
      await t.page.close().catch(() => {});
      if (t.context !== this.main.context) {
        await t.context.close().catch(() => {});
        this.contexts = this.contexts.filter((c) => c !== t.context);
      }
    }
    this.tabs = [this.main];
  }

  /** Opens a second tab (this feed or another bundled one), reloads it, or closes it. */
  async sideTab(side) {
    const r = this.r;
    if (side && r.chance(0.6)) {
      const choice = r.below(3);
      if (choice === 0 && !side.fresh) {
        // The standalone page's own feed chooser: picking one loads the page on that feed.
        const feed = `feeds/${r.pick(BUNDLED)}.json`;
        await Promise.all([side.page.waitForNavigation(), side.page.locator('#feed-chooser select').selectOption(feed)]);
        await side.page.locator(WIDGET_READY).first().waitFor({ timeout: 120_000 });
        Object.assign(side, { feed, feedUrl: feed });
        return `tab: switched the second tab to ${feed}`;
      }
      if (choice === 1) {
        await this.closeSide();
        return 'tab: closed the second tab';
      }
      await side.page.reload();
      await side.page.locator(WIDGET_READY).first().waitFor({ timeout: 120_000 });
      return 'tab: reloaded the second tab';
    }
    await this.closeSide();
    // Another feed (which the page's chooser opens as a new page) or the same one.
    const feed = r.chance(0.5) ? this.main.feed : `feeds/${r.pick(BUNDLED)}.json`;
    await this.open(this.main.context, feed);
    return `tab: opened ${feed} in a second tab`;
  }
}

// ------------------------------------------------------------------ command line

async function main() {
  const args = process.argv.slice(2);
  const value = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const minutes = Number(value('--minutes') ?? 1);
  const seed = Number(value('--seed') ?? Date.now() % 1_000_000);
  const steps = value('--steps') ? Number(value('--steps')) : null;
  const phase = value('--phase');
  const big = value('--big') ?? null;
  const phases = phase ? [phase] : big ? ['default', '100k'] : ['default'];
  console.log(`soak: seed ${seed}, ${steps ? `${steps} steps` : `${minutes} minute(s)`}, feeds: ${phases.join(', ')}`);
  try {
    const figures = await soak({ minutes, seed, big, phases, steps });
    const out = value('--json');
    if (out) fs.writeFileSync(out, JSON.stringify(figures, null, 2));
    const steps_ = figures.phases.reduce((s, p) => s + p.steps, 0);
    const checks = figures.phases.reduce((s, p) => s + p.checks, 0);
    console.log(`soak: passed: seed ${seed}, ${steps_} steps, ${checks} invariant checks`);
    // The plain closing line CI's log reader counts.
    console.log(`soak: ${figures.phases.length} passed, 0 failed`);
  } catch (error) {
    console.error(error.message);
    if (!(error instanceof SoakFailure)) console.error(error.stack);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
