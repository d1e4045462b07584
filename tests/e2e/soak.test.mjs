// The soak driver's own tests (the soak itself is `cargo xtask soak`; a minute of it runs in
// `cargo xtask test`): its recomputed count agrees with the widget on known views, a broken
// invariant is caught at the step it was broken and reported with the seed and that step, and
// replaying the seed repeats the same steps and the same failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { soak, indexFeed, viewFromHash, expectedCount, rng } from './soak.mjs';
import { dist } from './support.mjs';

test('the recomputed count: known views of the default feed, and the address codec', () => {
  const feed = indexFeed(fs.readFileSync(path.join(dist, 'feeds', 'endorsements-2020.json'), 'utf8'));
  // The same figures the end-to-end tests read from the widget (finding.test, supporter.test).
  assert.equal(expectedCount(feed, viewFromHash('')), 1015);
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;st=VT')), 14);
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;st=NY,VT')), 68);
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;st=VT;sn=endorsed-sanders;o=date')), 8);
  assert.deepEqual(viewFromHash('#other=1&sc=1;q=a%20b;n=ocasio+cortez;po=State+senator,Mayor;c=Xy'), { q: 'a b', st: [], sn: [], po: ['State senator', 'Mayor'], pa: [], n: 'ocasio cortez' });
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;n=OCASIO')), 1);
  // A party the feed does not have is ignored (the widget shows every official for it).
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;pa=Whig')), 1015);
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;pa=Whig,Democratic')), expectedCount(feed, viewFromHash('#sc=1;pa=Democratic')));
  // ß folds to "ss", as the core folds it: the widget showed 23 for it (a 30-minute soak).
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;n=%C3%9F')), 23);
  assert.equal(expectedCount(feed, viewFromHash('#sc=1;n=%C3%9F')), expectedCount(feed, viewFromHash('#sc=1;n=ss')));
});

test('the generator is the same for the same seed', () => {
  const a = rng(7);
  const b = rng(7);
  const c = rng(8);
  const run = (g) => Array.from({ length: 20 }, () => g.below(1000));
  const first = run(a);
  assert.deepEqual(first, run(b));
  assert.notDeepEqual(first, run(c));
});

/** Runs the driver on the default feed, its log kept. */
async function drive(options) {
  const lines = [];
  try {
    const figures = await soak({ minutes: 10, phases: ['default'], log: (line) => lines.push(line), ...options });
    return { figures, lines };
  } catch (error) {
    return { error, lines };
  }
}

for (const kind of ['storage', 'count']) {
  test(`a broken invariant (${kind}) fails at its step with the seed, and the seed replays it`, async () => {
    const fault = { phase: 'default', step: 9, kind };
    const first = await drive({ seed: 41, steps: 12, fault });
    assert.ok(first.error, 'the planted fault was not noticed');
    const message = first.error.message;
    assert.match(message, /soak failed: seed 41, default feed, step 9:/);
    assert.match(message, kind === 'storage' ? /the shortlist on screen is .* in storage .*Planted Fault/ : /the count shows ".*", the feed gives \d+/);
    assert.match(message, /replay: cargo xtask soak --seed 41 --phase default --steps 9/);
    // The same seed: the same steps, the same failure.
    const again = await drive({ seed: 41, steps: 12, fault });
    const firstLine = (text) => text.split('\n')[0].replace(/127\.0\.0\.1:\d+/g, 'SITE'); // each run has its own port
    assert.equal(firstLine(again.error?.message ?? ''), firstLine(message));
    assert.equal(trail(again.error.message), trail(message));
  });
}

test('without a fault, a few steps pass and are counted', async () => {
  const { figures, error } = await drive({ seed: 41, steps: 8 });
  assert.equal(error, undefined, error?.message);
  const [run] = figures.phases;
  assert.equal(run.steps, 8);
  assert.ok(run.checks >= 8 * 4, `${run.checks} checks`);
  assert.ok(run.memory.last.wasm > 0 && run.memory.last.jsHeap > 0, JSON.stringify(run.memory));
  // The heap checked leaves out compiled code, so it is less than the whole heap.
  assert.ok(run.memory.last.jsHeap < run.memory.last.jsHeapAll, JSON.stringify(run.memory));
  assert.ok(run.domNodes.max > 100 && run.domNodes.max <= run.domNodes.limit, JSON.stringify(run.domNodes));
});

/** The steps a failure lists (without the action's detail that depends on time, like skipped clicks' messages). */
function trail(message) {
  return message
    .split('\n')
    .filter((l) => /^\s+\d+ /.test(l))
    .map((l) => l.trim().replace(/127\.0\.0\.1:\d+/g, 'SITE'))
    .join('\n');
}
