// Writes the README screenshots (docs/screenshots/) from the built site: `cargo xtask screenshots`.
// Not a test: run it after visual changes and look at the pictures.
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, waitForWidget, repo, pickState, makeFeed } from './support.mjs';

const out = path.join(repo, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
// "Changed since your last visit": a feed served as it was, then as it is now (one official's
// stance changed, one joined, one left).
let sinceVersion = 1;
const official = (id, name, position, stance, extra = {}) => ({ id, name, state: 'VT', position, stances: { q: { stance, ...extra } } });
const sinceFeeds = [
  makeFeed([
    official('reyes', 'Alma Reyes', 'State senator', 'other', { date: '2024-02-12', evidence: [{ url: 'https://vtnews.example.org/reyes-feb', title: 'Reyes on the race' }] }),
    official('okafor', 'Ben Okafor', 'Mayor', 'yes', { date: '2024-01-20', evidence: [{ url: 'https://vtnews.example.org/okafor' }] }),
    official('lind', 'Carla Lindqvist', 'State representative', 'none'),
    official('moreau', 'Frank Moreau', 'State senator', 'yes'),
  ], { title: 'Where Vermont officials stand', updated: '2024-04-01' }),
  makeFeed([
    official('reyes', 'Alma Reyes', 'State senator', 'yes', { date: '2024-05-03', evidence: [{ url: 'https://vtnews.example.org/reyes-may', title: 'Reyes endorses ours' }] }),
    official('okafor', 'Ben Okafor', 'Mayor', 'yes', { date: '2024-01-20', evidence: [{ url: 'https://vtnews.example.org/okafor' }] }),
    official('lind', 'Carla Lindqvist', 'State representative', 'none'),
    official('walsh', 'Erin Walsh', 'Mayor', 'yes', { date: '2024-04-28', evidence: [{ url: 'https://vtnews.example.org/walsh' }] }),
  ], { title: 'Where Vermont officials stand', updated: '2024-05-06' }),
];
const site = await serve(undefined, { '/fixtures/since.json': () => ({ body: sinceFeeds[sinceVersion - 1] }) });
const browser = await launch();
// SCREENSHOTS=map writes only the pictures whose names start with "map".
const only = process.env.SCREENSHOTS ?? '';

// Opens a page at the shot's size and colour scheme, lets `prepare` set up the view, and saves
// the picture.
async function shoot(shot, prepare) {
  if (!shot.name.startsWith(only)) return;
  const viewport = { width: shot.width, height: shot.height };
  const context = await browser.newContext({ viewport, colorScheme: shot.scheme ?? 'light', deviceScaleFactor: 1, locale: shot.locale });
  const page = await context.newPage();
  await prepare(page);
  const file = path.join(out, `${shot.name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(repo, file)}`);
  await context.close();
}

// No hover and no focus ring in the picture (focus may be inside the widget's shadow root).
async function noPointerOrFocus(page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    el?.blur();
  });
}

// The default feed's Vermont officials who endorsed Sanders.
async function vermontEndorsers(page) {
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
}

const shots = [
  { name: 'desktop-1280', width: 1280, height: 860, scheme: 'light' },
  { name: 'tablet-768-dark', width: 768, height: 1000, scheme: 'dark' },
  { name: 'phone-375', width: 375, height: 812, scheme: 'light' },
];
for (const shot of shots) {
  await shoot(shot, async (page) => {
    await vermontEndorsers(page);
    for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
      await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
  });
}
// "Your officials" on Congress today for ZIP code 05401, one of them on the shortlist.
for (const shot of [
  { name: 'your-officials-1280', width: 1280, height: 900 },
  { name: 'your-officials-375', width: 375, height: 812 },
]) {
  await shoot(shot, async (page) => {
    await page.goto(`${site.url}?feed=feeds/congress-today.json`);
    await waitForWidget(page);
    await page.getByRole('textbox', { name: 'ZIP code' }).pressSequentially('05401');
    await page.locator('.sc-your .sc-name').first().waitFor();
    await page.locator('.sc-your').getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
    await page.locator('.sc-your').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -12));
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.activeElement?.blur());
  });
}
// Three of Vermont's officials side by side (two from the shortlist), light theme.
for (const shot of [
  { name: 'compare-1280', width: 1280, height: 860 },
  { name: 'compare-375', width: 375, height: 812 },
]) {
  await shoot(shot, async (page) => {
    await vermontEndorsers(page);
    for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
      await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
      await page.getByRole('region', { name: 'Shortlist' }).getByRole('button', { name: `Compare ${name}` }).click();
    }
    await page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Compare David Zuckerman' }).click();
    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await page.getByRole('dialog', { name: 'Compare officials' }).waitFor();
    await noPointerOrFocus(page);
  });
}

// A return after the feed changed: the notice, and the changed and new officials marked (the
// "Changed" filter on). On a phone the filters come between them: the picture is as tall as it
// takes.
for (const shot of [
  { name: 'since-1280', width: 1280, height: 800 },
  { name: 'since-375', width: 375, height: 812, fit: true },
]) {
  await shoot(shot, async (page) => {
    sinceVersion = 1;
    await page.goto(`${site.url}?feed=fixtures/since.json`);
    await waitForWidget(page);
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(':seen')));
    sinceVersion = 2;
    await page.reload();
    await waitForWidget(page);
    await page.locator('.sc-mark').first().waitFor();
    await page.getByRole('button', { name: 'Show only changes' }).click();
    await page.getByRole('button', { name: 'Show only changes', pressed: true }).waitFor();
    if (shot.fit) {
      const height = await page.locator('.sc-results .sc-row').first().evaluate((row) => {
        const root = row.getRootNode();
        return Math.ceil(row.getBoundingClientRect().bottom - root.querySelector('.sc-since').getBoundingClientRect().top + 36);
      });
      await page.setViewportSize({ width: shot.width, height });
    }
    await page.locator('.sc-since').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -12));
    await page.mouse.move(0, 0);
  });
}
// The map of the states: the share of each state's officials who endorsed Sanders, Vermont
// picked; light and dark.
for (const shot of [
  { name: 'map-1280', width: 1280, height: 900, scheme: 'light' },
  { name: 'map-375', width: 375, height: 812, scheme: 'light' },
  { name: 'map-1280-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'map-375-dark', width: 375, height: 812, scheme: 'dark' },
]) {
  await shoot(shot, async (page) => {
    await page.goto(site.url);
    await waitForWidget(page);
    await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
    await page.getByRole('button', { name: 'Show the map' }).click();
    const map = page.getByRole('region', { name: 'Map of the states' });
    await map.getByRole('button', { name: /^Vermont:/ }).click();
    await noPointerOrFocus(page);
    await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -48));
  });
}
// The widget in Spanish (`?lang=es`, a Spanish browser): Vermont, endorsed Sanders, two on the
// shortlist; 1280 and 375 px, light and dark.
for (const shot of [
  { name: 'spanish-1280', width: 1280, height: 860, scheme: 'light' },
  { name: 'spanish-1280-dark', width: 1280, height: 860, scheme: 'dark' },
  { name: 'spanish-375', width: 375, height: 812, scheme: 'light' },
  { name: 'spanish-375-dark', width: 375, height: 812, scheme: 'dark' },
]) {
  await shoot({ ...shot, locale: 'es-US' }, async (page) => {
    await page.goto(`${site.url}?lang=es`);
    await waitForWidget(page);
    const box = page.getByRole('combobox', { name: 'Estado' });
    await box.fill('VT');
    await box.press('Enter');
    await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox', { name: /Respaldó a Sanders/ }).check();
    for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
      await page.getByRole('button', { name: `Agregar a ${name} a la lista` }).click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
  });
}
await browser.close();
await site.close();
