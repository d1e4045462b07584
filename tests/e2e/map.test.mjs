// The map of the states (issue 16, part 2): a tile per state, shaded by the share of its officials
// with the chosen stance, and a filter: click (or Enter, Space) on a tile toggles its state in the
// state filter. Here: click Vermont and the list shows Vermont; keyboard only through the grid
// (one tile in the tab order, arrow keys move); the table alternative; a sharded feed before any
// state is loaded; a phone's width; axe in light and dark; the map's own part loaded on first use,
// and what the reader sees when it cannot be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setUp, browser, site, axeViolations, freshContext, waitForWidget, focused, repo, screenshot, pickState } from './support.mjs';

let shardDir;
setUp({
  prepare: () => {
    shardDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-map-shards-'));
    const args = ['split', path.join(repo, 'feeds', 'endorsements-2020.json'), '--out', shardDir];
    const bin = process.env.SCORECARD_FEED_BIN;
    if (bin) execFileSync(bin, args, { stdio: 'pipe' });
    else execFileSync('cargo', ['run', '--quiet', '-p', 'scorecard-cli', '--', ...args], { cwd: repo, stdio: 'pipe' });
  },
  routes: () => {
    const routes = {};
    for (const name of fs.readdirSync(shardDir)) {
      const body = fs.readFileSync(path.join(shardDir, name));
      routes[`/shards/${name}`] = () => ({ body });
    }
    return routes;
  },
  cleanup: () => shardDir && fs.rmSync(shardDir, { recursive: true, force: true }),
});

const map = (page) => page.getByRole('region', { name: 'Map of the states' });
const tiles = (page) => map(page).getByRole('group', { name: /Map of the states/ }).getByRole('button');
const tile = (page, name) => map(page).getByRole('button', { name: new RegExp(`^${name}:`) });
const offices = (page) => page.getByRole('region', { name: 'Results' }).locator('.sc-office').allTextContents();
/** Waits for `button` to say it is pressed (or not): the map follows the list a frame later. */
const pressed = (button, value) => button.and(button.page().locator(`[aria-pressed="${value}"]`)).waitFor();
const endorsedSanders = (page) => page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ });

async function openMap(page, url = site.url) {
  await page.goto(url);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Show the map' }).click();
  await map(page).waitFor();
}

test('click Vermont on the map: the list shows Vermont; the tiles say the counts in words', async () => {
  const { context, requests, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  // The map comes with the widget: showing it fetches nothing more.
  const before = requests.filter((url) => url.endsWith('.wasm')).length;
  await page.getByRole('button', { name: 'Show the map' }).click();
  await map(page).waitFor();
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, before, 'no module of its own');
  assert.equal(await page.getByRole('button', { name: 'Hide the map' }).getAttribute('aria-expanded'), 'true');

  // Every state, DC and the territories of this feed: 56 tiles.
  assert.equal(await tiles(page).count(), 56);
  assert.equal(await tile(page, 'Vermont').getAttribute('aria-label'), 'Vermont: 14 officials');
  await endorsedSanders(page).check();
  // The example of the issue, from the feed's own words.
  await tile(page, 'Vermont').and(page.getByRole('button', { name: 'Vermont: 8 of 14 endorsed Sanders' })).waitFor();
  assert.equal(await tile(page, 'Vermont').locator('.sc-tile-value').textContent(), '57%');
  assert.match(await map(page).locator('.sc-map-caption').textContent(), /Share of each state's officials who endorsed Sanders/);
  assert.deepEqual(await map(page).locator('.sc-map-legend li').allTextContents(), ['0%', '1–24%', '25–49%', '50–74%', '75–100%', 'No officials']);
  // Each swatch is coloured as the tiles of its shade are, and no two shades look alike.
  const colours = await map(page).evaluate((section) => {
    const look = (el) => getComputedStyle(el).backgroundColor;
    return [...section.querySelectorAll('.sc-map-legend .sc-swatch')].map((swatch) => {
      const shade = [...swatch.classList].find((c) => c.startsWith('sc-shade-'));
      const tile = section.querySelector(`.sc-tile.${shade}`);
      return { shade, swatch: look(swatch), tile: tile && look(tile) };
    });
  });
  for (const { shade, swatch, tile } of colours) {
    if (tile) assert.equal(swatch, tile, `the legend's ${shade} looks like its tiles`);
  }
  assert.equal(new Set(colours.map((c) => c.swatch)).size, colours.length, JSON.stringify(colours));

  await tile(page, 'Vermont').click();
  await pressed(tile(page, 'Vermont'), true);
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).waitFor();
  const shown = await offices(page);
  assert.equal(shown.length, 8);
  assert.ok(shown.every((office) => office.includes('Vermont')), shown.join('\n'));
  // A second state joins the filter; clicking Vermont again takes it out.
  await tile(page, 'New Hampshire').click();
  await page.getByRole('button', { name: 'Remove New Hampshire from the state filter' }).waitFor();
  await tile(page, 'Vermont').click();
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).waitFor({ state: 'detached' });
  await pressed(tile(page, 'Vermont'), false);
  assert.ok((await offices(page)).every((office) => office.includes('New Hampshire')));

  assert.deepEqual(await axeViolations(page), [], 'the map, light');
  await screenshot(page, 'map-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: one tile in the tab order, arrow keys move, Enter and Space pick', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await openMap(page);
  await map(page).getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Tab');
  // The first tile in reading order: Wisconsin, top row.
  assert.equal(await focused(page), 'Wisconsin: 20 officials');
  await page.keyboard.press('ArrowRight');
  assert.match(await focused(page), /^Vermont: 14 officials/);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).waitFor();
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(page), /^New York:/);
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Remove New York from the state filter' }).waitFor();
  await page.keyboard.press('End');
  assert.match(await focused(page), /^U\.S\. Virgin Islands:/);
  await page.keyboard.press('Home');
  assert.match(await focused(page), /^Wisconsin:/);
  // Only one tile is a tab stop: Tab leaves the grid, Shift+Tab comes back to the same tile.
  assert.equal(await map(page).locator('.sc-tile[tabindex="0"]').count(), 1);
  await page.keyboard.press('Tab');
  assert.doesNotMatch(await focused(page), /^Wisconsin:/);
  await page.keyboard.press('Shift+Tab');
  assert.match(await focused(page), /^Wisconsin:/);
  const states = await offices(page);
  assert.ok(states.length > 0 && states.every((o) => o.includes('Vermont') || o.includes('New York')), states.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the table alternative: the same numbers, and its rows pick states too', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await openMap(page);
  await endorsedSanders(page).check();
  await map(page).getByRole('button', { name: 'Show as table' }).click();
  const table = map(page).getByRole('table', { name: /Share of each state's officials who endorsed Sanders/ });
  await table.waitFor();
  assert.equal(await tiles(page).count(), 0, 'the table replaces the tiles');
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['State', 'Matching', 'Officials', 'Share']);
  const vermont = table.getByRole('row', { name: /Vermont/ });
  assert.deepEqual(await vermont.locator('td').allTextContents(), ['8', '14', '57%']);
  await vermont.getByRole('button', { name: 'Vermont' }).click();
  await pressed(vermont.getByRole('button', { name: 'Vermont' }), true);
  await page.getByRole('button', { name: 'Remove Vermont from the state filter' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the table');
  await map(page).getByRole('button', { name: 'Show as map' }).click();
  await tile(page, 'Vermont').waitFor();
  assert.equal(await tiles(page).count(), 56);
  assert.equal(await tile(page, 'Vermont').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sharded feed: before any state is loaded the tiles show the index counts; a tile loads its state', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=shards/index.json`);
  await page.getByText('Pick a state to see its officials.', { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Show the map' }).click();
  await map(page).waitFor();
  assert.equal(await tile(page, 'Vermont').getAttribute('aria-label'), 'Vermont: 14 officials, not loaded yet');
  assert.ok(await map(page).locator('.sc-map-legend').getByText('Not loaded yet').isVisible());
  await tile(page, 'Vermont').click();
  await page.getByRole('button', { name: 'Add Peter Welch to shortlist' }).waitFor();
  await tile(page, 'Vermont').and(page.getByRole('button', { name: 'Vermont: 14 officials' })).waitFor();
  assert.equal(await tile(page, 'Texas').getAttribute('aria-label'), 'Texas: 38 officials, not loaded yet');
  assert.deepEqual(await axeViolations(page), [], 'a sharded feed\'s map');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phone, dark: the map fits 320 px, the tiles keep their names; axe clean', async () => {
  for (const width of [320, 375]) {
    const { context, errors } = await freshContext(browser, { viewport: { width, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await openMap(page);
    await endorsedSanders(page).check();
    await map(page).getByRole('button', { name: 'Vermont: 8 of 14 endorsed Sanders' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling at ${width} px`);
    const box = await tile(page, 'Maine').boundingBox();
    assert.ok(box.x + box.width <= width, `Maine is on screen at ${width} px`);
    assert.ok(box.width >= 18, `tiles are big enough to tap (${box.width} px)`);
    assert.equal(await tile(page, 'Vermont').getAttribute('aria-label'), 'Vermont: 8 of 14 endorsed Sanders');
    assert.deepEqual(await axeViolations(page), [], `the map, dark, ${width} px`);
    await map(page).scrollIntoViewIfNeeded();
    await screenshot(page, `map-${width}-dark`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('map=off (data-map="off") leaves the map out; compact mode too, unless map=on', async () => {
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  const offered = async (query) => {
    await page.goto(`${site.url}?${query}`);
    await waitForWidget(page);
    return (await page.getByRole('button', { name: 'Show the map' }).count()) === 1;
  };
  assert.equal(await offered('map=off'), false, 'map=off');
  assert.equal(await offered('compact'), false, 'compact mode: off by default');
  assert.equal(await offered('compact&map=on'), true, 'compact mode, map=on');
  await context.close();
});

test('the map in Spanish: its words, each tile\'s name, the legend and the table; the switch changes them in place', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Mostrar el mapa' }).click();
  const mapa = page.getByRole('region', { name: 'Mapa de los estados' });
  await mapa.waitFor();
  assert.equal(await mapa.locator('.sc-map-caption').textContent(), 'Funcionarios en cada estado');
  const vermont = mapa.getByRole('group', { name: /Mapa de los estados/ }).getByRole('button', { name: /^Vermont:/ });
  assert.match(await vermont.getAttribute('aria-label'), /^Vermont: \d+ funcionarios?$/);
  // Each state by its Spanish name.
  assert.match(await mapa.getByRole('group', { name: /Mapa de los estados/ }).getByRole('button', { name: /^Nueva York: / }).getAttribute('aria-label'), /^Nueva York: \d+ funcionarios?$/);
  await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox', { name: /Respaldó a Sanders/ }).check();
  await mapa.getByText('Porcentaje de los funcionarios de cada estado con la postura «Respaldó a Sanders»', { exact: true }).waitFor();
  assert.match(await vermont.getAttribute('aria-label'), /^Vermont: \d+ de \d+ con la postura «Respaldó a Sanders»$/);
  const legend = await mapa.getByRole('list', { name: 'Leyenda' }).getByRole('listitem').allTextContents();
  assert.deepEqual(legend, ['0%', '1–24%', '25–49%', '50–74%', '75–100%', 'Sin funcionarios']);
  assert.ok(await mapa.getByText(/^Elija un estado para agregarlo al filtro/).isVisible());
  assert.deepEqual(await axeViolations(page), []);

  await mapa.getByRole('button', { name: 'Mostrar como tabla' }).click();
  await mapa.getByRole('table').waitFor();
  const headers = await mapa.getByRole('table').getByRole('columnheader').allTextContents();
  assert.deepEqual(headers, ['Estado', 'Coinciden', 'Funcionarios', 'Porcentaje']);
  assert.deepEqual(await axeViolations(page), []);

  // English in place: the same map, in English.
  await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
  const map = page.getByRole('region', { name: 'Map of the states' });
  await map.getByRole('button', { name: 'Show as map' }).click();
  assert.match(
    await map.getByRole('button', { name: /^Vermont:/ }).getAttribute('aria-label'),
    /^Vermont: \d+ of \d+ endorsed Sanders$/,
  );
  assert.equal(await map.locator('.sc-map-caption').textContent(), "Share of each state's officials who endorsed Sanders");
  assert.deepEqual(errors, []);
  await context.close();
});
