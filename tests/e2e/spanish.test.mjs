// The widget in Spanish, end to end: the browser's language by default, `?lang=es` and
// `data-lang`, the switch (nothing else changes: filters, shortlist, scroll), the language in
// the address and in share links (never in the shortlist), Intl's numbers and money, `lang`
// attributes, axe-core in Spanish, and no English first-screen copy for a Spanish reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, browser, site, freshContext, waitForWidget, makeFeed, axeViolations, addressHas, screenshot, shortlistNames } from './support.mjs';

const giving = makeFeed([
  { id: 'ann', name: 'Ann Able', state: 'VT', position: 'Senator', party: 'Democratic', donate_url: 'https://secure.actblue.com/donate/ann', stances: { q: { stance: 'yes' } } },
  { id: 'bob', name: 'Bob Baker', state: 'NY', position: 'Mayor', party: 'Working Families', website: 'https://bob.example.org', stances: { q: { stance: 'yes', date: '2024-03-01' } } },
  { id: 'cy', name: 'Cy Castro', state: 'NY', position: 'Mayor', party: 'Democratic', stances: { q: { stance: 'other', date: '2024-04-01', detail: 'Someone Else' } } },
]);

// A feed whose server fails once, then answers.
let failures = 0;
setUp({
  routes: {
    '/fixtures/giving.json': () => ({ body: giving }),
    '/fixtures/flaky.json': () => (failures-- > 0 ? { status: 500, type: 'text/plain', body: 'Internal Server Error' } : { body: giving }),
  },
});

const widgetLang = (page) => page.locator('[data-sc-app] > .scorecard .sc-layout').getAttribute('lang');

test('a Spanish browser gets the widget in Spanish, with numbers and money as Intl writes them', async () => {
  const { context, errors } = await freshContext(browser, { locale: 'es-US' });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForWidget(page);
  assert.equal(await widgetLang(page), 'es');
  // The default feed: 1,015 officials, es-US groups thousands with a comma.
  assert.match(await page.locator('[data-sc-app] .sc-count').innerText(), /^1,015 funcionarios en \d+ estados/);
  await page.getByRole('button', { name: /^Agregar a .+ a la lista$/ }).first().click();
  const shortlist = page.getByRole('region', { name: 'Lista de donaciones' });
  assert.equal(await shortlist.locator('.sc-total-amount').textContent(), '$27');
  // The default feed has its title in Spanish (unmarked); its credits are English, and said to be.
  assert.equal(await page.locator('[data-sc-app] .sc-title').getAttribute('lang'), null);
  assert.equal(await page.locator('[data-sc-app] .sc-attribution').getAttribute('lang'), 'en');
  assert.deepEqual(errors, []);
  await context.close();

  // Spain writes 1015 without a separator (a four-digit number is not grouped there).
  const spain = await freshContext(browser, { locale: 'es-ES' });
  const other = await spain.context.newPage();
  await other.goto(site.url);
  await waitForWidget(other);
  assert.match(await other.locator('[data-sc-app] .sc-count').innerText(), /^1015 funcionarios/);
  await spain.context.close();
});

test('a Spanish reader never sees the English copy of the first screen', async () => {
  const { context } = await freshContext(browser, { locale: 'es-MX' });
  const page = await context.newPage();
  // Whatever paints before the widget: record whether the built-in copy was ever visible.
  await page.addInitScript(() => {
    window.__copySeen = false;
    const check = () => {
      const host = document.querySelector('[data-scorecard]');
      const copy = host?.shadowRoot?.querySelector('[data-sc-snapshot]');
      if (copy && copy.checkVisibility?.()) window.__copySeen = true;
      if (!document.querySelector('[data-sc-app]')) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(site.url);
  await waitForWidget(page);
  assert.equal(await page.evaluate(() => window.__copySeen), false);
  assert.equal(await widgetLang(page), 'es');
  await context.close();
});

test('the Spanish journey: filter, shortlist, share link, opened in a fresh context, in Spanish', async () => {
  const { context, errors } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json&lang=es`);
  await waitForWidget(page);
  assert.equal(await widgetLang(page), 'es');
  await page.getByRole('combobox', { name: 'Estado' }).fill('NY');
  await page.getByRole('combobox', { name: 'Estado' }).press('Enter');
  await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox').first().check();
  assert.equal(await page.locator('[data-sc-app] .sc-summary').textContent(), '1 funcionario con la postura «Endorsed ours» en Nueva York');
  assert.ok(await page.getByRole('button', { name: 'Quitar Nueva York del filtro de estados' }).isVisible());
  await page.getByRole('button', { name: 'Agregar a Bob Baker a la lista' }).click();
  const shortlist = page.getByRole('region', { name: 'Lista de donaciones' });
  await shortlist.getByRole('textbox', { name: 'Monto para Bob Baker' }).fill('0.5');
  await shortlist.getByRole('textbox', { name: 'Monto para Bob Baker' }).press('Enter');
  assert.equal(await shortlist.locator('.sc-field-error').textContent(), 'El monto mínimo es $1.');
  await shortlist.getByRole('textbox', { name: 'Monto para Bob Baker' }).fill('30');
  await shortlist.getByRole('textbox', { name: 'Monto para Bob Baker' }).press('Enter');
  assert.equal(await shortlist.locator('.sc-total-amount').textContent(), '$30');
  assert.deepEqual(await axeViolations(page), [], 'Spanish, filtered, with a shortlist');

  await shortlist.getByRole('button', { name: 'Copiar el enlace para compartir' }).click();
  const link = await page.getByLabel('Enlace para compartir', { exact: true }).inputValue();
  const other = await freshContext(browser);
  const visitor = await other.context.newPage();
  await visitor.goto(link);
  await waitForWidget(visitor);
  assert.equal(await widgetLang(visitor), 'es', 'the link was made in Spanish');
  assert.match(await visitor.getByRole('region', { name: 'Lista compartida' }).innerText(), /Lista compartida con usted: 1 funcionario, \$30/);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the switch changes the language in place: filters, shortlist and scroll stay; Back returns', async () => {
  const { context, errors } = await freshContext(browser, { viewport: { width: 375, height: 700 } });
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json`);
  await waitForWidget(page);
  assert.equal(await widgetLang(page), 'en');
  await page.getByRole('button', { name: 'Add Ann Able to shortlist' }).click();
  await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox').first().check();
  await addressHas(page, 'sn=');
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => window.scrollY > 0);
  // Once the wheel's scroll has settled: mark what is in the middle of the screen, and where.
  for (let last = -1, y = 0; y !== last; await page.waitForTimeout(150)) [last, y] = [y, await page.evaluate(() => window.scrollY)];
  const inView = () => page.evaluate(() => {
    const root = document.querySelector('[data-scorecard]').shadowRoot;
    const marked = root.querySelector('[data-probe]') ?? root.elementFromPoint(innerWidth / 2, innerHeight / 2);
    marked.setAttribute('data-probe', '');
    return Math.round(marked.getBoundingClientRect().top);
  });
  const before = await inView();

  const español = page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' });
  assert.equal(await español.getAttribute('lang'), 'es');
  // Pressed where the page is scrolled to (a pointer click would first scroll the button into view).
  await español.evaluate((button) => button.click());
  await addressHas(page, 'lg=es');
  assert.equal(await widgetLang(page), 'es');
  assert.equal(await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('group', { name: 'Postura' }).getByRole('checkbox').first().isChecked(), true);
  assert.deepEqual(await shortlistNames(page, page.getByRole('region', { name: 'Lista de donaciones' })), ['Ann Able']);
  // The reader still sees what they saw, where they saw it: text above that got longer in
  // Spanish moves the page by as much (the browser's scroll anchoring), never to the top.
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.ok(Math.abs((await inView()) - before) <= 2, `moved from ${before} to ${await inView()}`);
  // The language is in the address, not in the saved shortlist.
  const saved = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join('\n'));
  assert.doesNotMatch(saved, /"es"|lg=|lang/);
  assert.deepEqual(await axeViolations(page), [], 'Spanish at 375 px');
  await screenshot(page, 'spanish-375');

  await page.goBack();
  await addressHas(page, 'lg=es', false);
  assert.equal(await widgetLang(page), 'en');
  assert.equal(await page.getByRole('group', { name: 'Stance' }).getByRole('checkbox').first().isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-lang on an embed sets the language', async () => {
  const { context, errors } = await freshContext(browser);
  const page = await context.newPage();
  await page.route(`${site.url}embed-es.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Embed</title><main><div data-scorecard data-lang="es" data-feed="fixtures/giving.json"></div></main><script type="module" src="embed.js"></script></html>`,
    }),
  );
  await page.goto(`${site.url}embed-es.html`);
  await waitForWidget(page);
  assert.equal(await widgetLang(page), 'es');
  assert.ok(await page.getByRole('button', { name: 'Agregar a Ann Able a la lista' }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('state names in Spanish: the picker finds "nueva" and "new", and its counts are Intl\'s', async () => {
  const { context, errors } = await freshContext(browser, { locale: 'es-US' });
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=es`);
  await waitForWidget(page);
  const box = page.getByRole('combobox', { name: 'Estado' });
  await box.fill('nueva');
  const options = page.getByRole('listbox', { name: 'Estados' }).getByRole('option');
  const names = await options.locator('span:first-child').allTextContents();
  assert.ok(names.includes('Nueva York') && names.includes('Nueva Jersey'), names.join(', '));
  await box.fill('new h');
  assert.equal(await options.first().locator('span:first-child').textContent(), 'Nuevo Hampshire');
  // Each option's count is written by Intl (digits only here: no state has 1,000 officials).
  assert.match(await options.first().locator('.sc-facet-count').textContent(), /^\d+$/);
  await box.press('Enter');
  assert.match(await page.locator('[data-sc-app] .sc-count').innerText(), / en Nuevo Hampshire/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged share link says what is wrong in Spanish', async () => {
  const { context, errors } = await freshContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/giving.json&lang=es`);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Agregar a Ann Able a la lista' }).click();
  await page.getByRole('button', { name: 'Agregar a Bob Baker a la lista' }).click();
  await page.getByRole('button', { name: 'Copiar el enlace para compartir' }).click();
  const link = await page.getByLabel('Enlace para compartir', { exact: true }).inputValue();
  assert.match(link, /;c=..(;|$)/);
  const other = await freshContext(browser);
  const visitor = await other.context.newPage();
  await visitor.goto(link.replace(/;c=..(?=;|$)/, ';c=zz'));
  await waitForWidget(visitor);
  const banner = visitor.getByRole('region', { name: 'Lista compartida' });
  assert.equal(await banner.locator('.sc-banner-problems li').first().textContent(), 'Este enlace se cambió o se dañó en el camino: revise los funcionarios y los montos.');
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed that fails to load says so in Spanish, and Volver a intentar loads it', async () => {
  failures = 1;
  const { context } = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}?feed=fixtures/flaky.json&lang=es`);
  const alert = page.locator('[data-scorecard]').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^El servidor que aloja \S+flaky\.json respondió con el error 500\. Vuelva a intentarlo en un momento\./);
  assert.equal(await page.locator('[data-sc-app] > .scorecard').getAttribute('lang'), 'es');
  assert.deepEqual(await axeViolations(page), [], 'the error in Spanish');
  await alert.getByRole('button', { name: 'Volver a intentar' }).click();
  await waitForWidget(page);
  assert.ok(await page.getByRole('button', { name: 'Agregar a Ann Able a la lista' }).isVisible());
  await context.close();
});
