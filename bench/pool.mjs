// Pools the map comparisons' samples of several runs (`bench/browser.mjs --samples FILE`, one
// JSON line a page) and prints each interaction's p50 and p95, map hidden and shown, and their
// difference. One run's p95 difference is too noisy to hold against a +2 ms budget
// (bench/ANALYSIS.md, the A/A control): pooled runs are not.
//
//   node bench/pool.mjs FILE [FILE…]
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The q-quantile of `xs`, interpolated (the bench's `quantile`). */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

/** `into`'s samples with `more`'s appended, interaction by interaction ({ state: [...], ... }). */
export function pooled(into, more) {
  for (const [key, xs] of Object.entries(more)) into[key] = (into[key] || []).concat(xs);
  return into;
}

/** Every line's samples, pooled: { hidden: { state: [...], ... }, shown: { ... } }. */
export function pool(lines) {
  const all = { hidden: {}, shown: {} };
  for (const line of lines) {
    for (const arm of ['hidden', 'shown']) pooled(all[arm], line[arm]);
  }
  return all;
}

function main(files) {
  if (!files.length) {
    console.error('usage: node bench/pool.mjs FILE [FILE…]');
    process.exit(2);
  }
  const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  const { hidden, shown } = pool(lines);
  const ms = (x) => x.toFixed(1).padStart(6);
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`.padStart(6);
  console.log(`${lines.length} pages pooled; ms, map shown minus hidden`);
  console.log('interaction  samples  hidden p50    p95 | shown p50    p95 | diff p50    p95');
  for (const key of Object.keys(hidden)) {
    const [h, s] = [hidden[key], shown[key] || []];
    const [h50, h95, s50, s95] = [quantile(h, 0.5), quantile(h, 0.95), quantile(s, 0.5), quantile(s, 0.95)];
    console.log(`${key.padEnd(11)} ${String(h.length).padStart(8)}     ${ms(h50)} ${ms(h95)} |   ${ms(s50)} ${ms(s95)} |  ${signed(s50 - h50)} ${signed(s95 - h95)}`);
  }
}

// Run as a script (bench/browser.mjs imports `pooled` from here).
if (import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
