// How the benchmark sees "first results" and "a working click" the same way on every page (the
// widget, with or without its first screen's copy, and the plain-JS baseline): a script added
// before the page's own watches the DOM, inside shadow roots and frames too, and reports the
// moment, after the next paint, when a result's "Add" button and then a shortlisted official
// are first in the page.

/**
 * How each page shows a result's "Add" button and a shortlisted official, and (`own`) the
 * official in the shortlist of the page's own running code: for the widget, its own shortlist,
 * not the one of the loader's copy of the first screen.
 */
export const SELECTORS = {
  widget: { add: '.sc-list .sc-add', listed: '.sc-entries li', own: '[data-sc-app] .sc-entries li' },
  baseline: { add: '#list .row button', listed: '#shortlist li', own: '#shortlist li' },
};

/**
 * Added to every frame before its own scripts: reports (through `__benchReport`) when `add` and
 * then `listed` first match, in the document or in any shadow root, after the next paint. Times
 * are absolute (timeOrigin + now), so a frame's compare with its parent's.
 */
function detector({ add, listed, own }) {
  const roots = [document];
  const seen = new Set();
  const check = () => {
    for (const [name, selector] of [['results', add], ['listed', listed], ['own', own]]) {
      if (seen.has(name) || !roots.some((root) => root.querySelector(selector))) continue;
      seen.add(name);
      // Reported only if still there and rendered when the frame is painted: a page may drop
      // what it showed before the first paint (the standalone page's built-in copy of another
      // view), and then it never counts.
      const shown = () => roots.some((root) => [...root.querySelectorAll(selector)].some((el) => el.checkVisibility()));
      const at = () => {
        if (shown()) window.__benchReport(name, performance.timeOrigin + performance.now());
        else seen.delete(name);
      };
      requestAnimationFrame(() => setTimeout(at));
    }
  };
  const adopt = (root) => {
    if (roots.includes(root)) return;
    roots.push(root);
    observe(root);
  };
  // A declarative shadow root (a page's HTML can carry one) is attached by the parser, never
  // through attachShadow: look for one on every element a mutation adds.
  const findParsedRoots = (records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const element of [node, ...node.querySelectorAll('*')]) {
          if (element.shadowRoot) adopt(element.shadowRoot);
        }
      }
    }
  };
  // Attributes too: what was added hidden (the widget's root until its stylesheet is in, the
  // standalone page's built-in copy until its script shows it) counts once it is shown.
  const watched = { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] };
  const observe = (root) =>
    new MutationObserver((records) => {
      if (seen.size < 3) findParsedRoots(records);
      check();
    }).observe(root, watched);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    adopt(root);
    return root;
  };
  observe(document);
  // The parser may attach a root after its host's mutation was seen: look once more when parsed.
  document.addEventListener('DOMContentLoaded', () => {
    findParsedRoots([{ addedNodes: [document.documentElement] }]);
    check();
  });
}

/**
 * Installs the detector in a browser context for `kind` ('baseline' or a widget page) and
 * returns the map its reports land in (name → absolute ms), cleared by the caller per load.
 */
export async function installDetector(context, kind) {
  const reports = new Map();
  await context.exposeBinding('__benchReport', (_source, name, at) => {
    if (!reports.has(name)) reports.set(name, at);
  });
  await context.addInitScript(detector, SELECTORS[kind === 'baseline' ? 'baseline' : 'widget']);
  return reports;
}

/** Resolves to the report `name` (absolute ms) once it is in, or rejects after `ms`. */
export function reported(reports, name, what, ms = 120_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms / 1000} s: ${what}`)), ms);
    const poll = () => (reports.has(name) ? (clearTimeout(timer), resolve(reports.get(name))) : setTimeout(poll, 5));
    poll();
  });
}
