// Writes the README screenshots (docs/screenshots/) from the built site: `cargo xtask screenshots`.
// Not a test: run it after visual changes and look at the pictures.
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, waitForWidget, repo, pickState } from './support.mjs';

const out = path.join(repo, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const site = await serve();
const browser = await launch();
const shots = [
  { name: 'desktop-1280', width: 1280, height: 860, scheme: 'light' },
  { name: 'tablet-768-dark', width: 768, height: 1000, scheme: 'dark' },
  { name: 'phone-375', width: 375, height: 812, scheme: 'light' },
];
for (const shot of shots) {
  const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
    await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  const file = path.join(out, `${shot.name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(repo, file)}`);
  await context.close();
}
// "Your officials" on Congress today for ZIP code 05401, one of them on the shortlist.
for (const shot of [
  { name: 'your-officials-1280', width: 1280, height: 900 },
  { name: 'your-officials-375', width: 375, height: 812 },
]) {
  const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=feeds/congress-today.json`);
  await waitForWidget(page);
  await page.getByRole('textbox', { name: 'ZIP code' }).pressSequentially('05401');
  await page.locator('.sc-your .sc-name').first().waitFor();
  await page.locator('.sc-your').getByRole('button', { name: 'Add Peter Welch to shortlist' }).click();
  await page.locator('.sc-your').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -12));
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
  const file = path.join(out, `${shot.name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(repo, file)}`);
  await context.close();
}
// Three of Vermont's officials side by side (two from the shortlist), light theme.
for (const shot of [
  { name: 'compare-1280', width: 1280, height: 860 },
  { name: 'compare-375', width: 375, height: 812 },
]) {
  const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  await pickState(page, 'VT');
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
  for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
    await page.getByRole('button', { name: `Add ${name} to shortlist` }).click();
    await page.getByRole('region', { name: 'Shortlist' }).getByRole('button', { name: `Compare ${name}` }).click();
  }
  await page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Compare David Zuckerman' }).click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await page.getByRole('dialog', { name: 'Compare officials' }).waitFor();
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    el?.blur();
  });
  const file = path.join(out, `${shot.name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(repo, file)}`);
  await context.close();
}
// The widget in Spanish (`?lang=es`, a Spanish browser): Vermont, endorsed Sanders, two on the
// shortlist; 1280 and 375 px, light and dark.
async function spanishShots(browser, site) {
  for (const shot of [
    { name: 'spanish-1280', width: 1280, height: 860, scheme: 'light' },
    { name: 'spanish-1280-dark', width: 1280, height: 860, scheme: 'dark' },
    { name: 'spanish-375', width: 375, height: 812, scheme: 'light' },
    { name: 'spanish-375-dark', width: 375, height: 812, scheme: 'dark' },
  ]) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme, deviceScaleFactor: 1, locale: 'es-US' });
    const page = await context.newPage();
    await page.goto(`${site.url}?lang=es`);
    await waitForWidget(page);
    const box = page.getByRole('combobox', { name: 'Estado' });
    await box.fill('VT');
    await box.press('Enter');
    await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox', { name: /Endorsed Sanders/ }).check();
    for (const name of ['Peter Welch', 'Patrick J. Leahy']) {
      await page.getByRole('button', { name: `Agregar a ${name} a la lista` }).click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    const file = path.join(out, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(repo, file)}`);
    await context.close();
  }
}
await spanishShots(browser, site);
await browser.close();
await site.close();
