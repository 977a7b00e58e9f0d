// The embeddable widget (dist-widget/, `cargo xtask widget`) on the example bank page
// (examples/host-page/): a compact widget mounted with mount() in the header and a full one
// as <strata-tier-card>, under hostile host CSS. Mount, update, unmount, two independent
// widgets, events with their payloads, CSS isolation both ways, theming, bad input, the
// custom element's attributes, both languages, axe, no console errors, no CSP violations.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { at, expectAccessible as axe, expectClean, isReport, recordViolations, trackErrors } from './helpers.mjs';

const PAGE = '/examples/host-page/';
const LOADER = '/dist-widget/strata-widget.js';

/** axe without its CSSOM preload: the widgets' shadow roots (see helpers.mjs). */
const expectAccessible = (page, label) => axe(page, label, { preload: false });

async function open(page, params = {}) {
  await recordViolations(page);
  const errors = trackErrors(page, isReport);
  await page.goto(at(PAGE, params));
  const header = page.locator('#header-tier');
  const main = page.locator('#main-tier');
  return { errors, header, main };
}

/** The log lines the host page wrote, parsed back: [source, kind, payload]. */
async function logged(page) {
  const lines = await page.locator('#event-log li').allTextContents();
  return lines.map((line) => {
    const [source, kind, ...rest] = line.split(' ');
    return [source, kind, JSON.parse(rest.join(' '))];
  });
}

test('both widgets show the tier in Chinese on the bank page, and its hostile CSS stays out', async ({ page }, info) => {
  const { errors, header, main } = await open(page);

  const compact = header.getByRole('region', { name: '您的等级', exact: true });
  await expect(compact.getByRole('heading', { name: '金卡' })).toBeVisible();
  await expect(compact.getByTestId('gap-amount')).toHaveText('¥3.75万');
  await expect(compact).toContainText('距离理财金还差');
  await expect(compact.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '81');
  await expect(compact.getByRole('status')).toHaveText('金卡：距离理财金还差¥3.75万');
  // The compact card's one button: what the tier brings.
  await expect(compact.getByRole('button')).toHaveText(['查看全部权益']);

  const full = main.getByRole('region', { name: '客户等级', exact: true });
  await expect(full.getByRole('heading', { name: '金卡' })).toBeVisible();
  await expect(full.getByTestId('assets')).toHaveText('¥16.25万');
  await expect(full.getByRole('heading', { name: '我的主要权益' })).toBeVisible();
  await expect(full.getByTestId('strata-rec').getByRole('heading', { name: '为您推荐' })).toBeVisible();
  await expect(full.getByTestId('strata-reason')).not.toBeEmpty();
  await expect(full.getByRole('button', { name: '查看全部权益' })).toBeVisible();
  await expect(full.getByRole('button', { name: '联系我的客户经理' })).toBeVisible();
  await expect(full.getByRole('button', { name: /^详情/ })).toBeVisible();

  // The page's `* { font-size: 30px !important; color: … }` and `button { display: none }`
  // do not reach inside: computed styles in the shadow roots are the widget's own.
  const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property);
  const tierName = full.locator('.tier-name');
  expect(await style(tierName, 'fontSize')).toBe('24px');
  expect(await style(tierName, 'color')).toBe('rgb(255, 255, 255)');
  expect(await style(full.locator('.strata-benefits li').first(), 'color')).toBe('rgb(28, 32, 36)');
  expect(await style(full.locator('.strata-benefits li').first(), 'fontSize')).toBe('16px');
  expect(await style(full.getByRole('button', { name: '查看全部权益' }), 'display')).toBe('flex');
  expect(await style(compact.locator('.tier-name'), 'fontSize')).toBe('20px');
  expect(await style(compact.locator('.tier-name'), 'letterSpacing')).toBe('normal');
  // … and the widget's CSS does not leak out: the host keeps its own (hostile) styles.
  expect(await style(page.locator('#host-text'), 'marginTop')).toBe('12px');
  expect(await style(page.locator('#host-text'), 'fontSize')).toBe('30px');
  expect(await style(page.locator('#controls-title'), 'textTransform')).toBe('uppercase');
  expect(await style(page.locator('#host-text'), 'color')).toBe('rgb(122, 0, 0)');

  // Theming: `theme` on mount() (radius, font) and custom properties from the page's CSS.
  expect(await header.locator('strata-widget-host').evaluate((el) => el.style.getPropertyValue('--strata-radius'))).toBe('8px');
  expect(await style(compact.locator('.tier-card'), 'borderTopLeftRadius')).toBe('8px');
  expect(await style(header.locator('.strata'), 'fontFamily')).toBe('Georgia, serif');
  expect(await style(full.locator('.tier-card'), 'borderTopLeftRadius')).toBe('4px');
  expect(await style(full.getByRole('button', { name: '联系我的客户经理' }), 'backgroundColor')).toBe('rgb(138, 21, 56)');
  expect(await style(full.getByRole('button', { name: '查看全部权益' }), 'color')).toBe('rgb(138, 21, 56)');

  // Everything the widget adds is inside shadow roots, with a <link> (no <style>, no style attributes).
  const shadows = await page.evaluate(() =>
    [...document.querySelectorAll('strata-widget-host')].map((host) => ({
      links: host.shadowRoot.querySelectorAll('link[rel="stylesheet"]').length,
      styles: host.shadowRoot.querySelectorAll('style').length,
      styled: host.shadowRoot.querySelectorAll('[style]').length,
      light: host.childNodes.length,
    })),
  );
  expect(shadows).toHaveLength(2);
  for (const shadow of shadows) {
    expect(shadow.links).toBe(1);
    expect(shadow.styles).toBe(0);
    expect(shadow.light).toBe(0);
  }

  await page.screenshot({ path: info.outputPath('host-page-zh-CN.png'), fullPage: true });
  await expectAccessible(page, 'host page zh-CN');
  await expectClean(page, errors);
});

test('taps reach the host as events with their payloads, and nothing navigates', async ({ page }) => {
  const { errors, main } = await open(page);
  const full = main.getByRole('region', { name: '客户等级', exact: true });
  const product = await full.getByTestId('strata-rec').getAttribute('data-product');
  expect(product).toBeTruthy();
  const url = page.url();

  await full.getByRole('button', { name: /^详情/ }).click();
  await full.getByRole('button', { name: '查看全部权益' }).click();
  await full.getByRole('button', { name: '联系我的客户经理' }).click();
  // The compact header card, mounted with onAction: its callback and its event.
  await page.locator('#header-tier').getByRole('button', { name: '查看全部权益' }).click();

  await expect(page.locator('#event-log li')).toHaveCount(5);
  expect(await logged(page)).toEqual([
    ['main-tier', 'strata-action', { type: 'product', tier: 'mid_lower', product }],
    ['main-tier', 'strata-action', { type: 'see_all_benefits', tier: 'mid_lower' }],
    ['main-tier', 'strata-action', { type: 'talk_to_manager', tier: 'mid_lower' }],
    ['header-tier', 'onAction', { type: 'see_all_benefits', tier: 'mid_lower' }],
    ['header-tier', 'strata-action', { type: 'see_all_benefits', tier: 'mid_lower' }],
  ]);
  expect(page.url()).toBe(url);
  await expectClean(page, errors);
});

test('update re-renders, a bad profile shows the error card and onError, unmount empties the element', async ({ page }, info) => {
  const { errors, header, main } = await open(page);
  const compact = header.getByRole('region', { name: '您的等级', exact: true });
  const full = main.getByRole('region', { name: '客户等级', exact: true });
  await expect(full.getByRole('heading', { name: '金卡' })).toBeVisible();

  // A deposit: both widgets show the new tier (update() and the .profile property).
  await page.locator('#deposit').click();
  await expect(compact.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(full.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(full.getByTestId('assets')).toHaveText('¥21.25万');
  await expect(compact.getByRole('status')).toContainText('理财金：距离');

  // A negative balance: an error card in the customer's words in each widget (the field's
  // path goes to onError and the console, never the screen); the page goes on.
  await page.locator('#bad').click();
  for (const widget of [compact, full]) {
    const card = widget.getByTestId('error-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading')).toHaveText('暂时无法显示您的等级');
    await expect(card).toHaveAttribute('data-kind', 'profile');
    await expect(card).not.toContainText('$.holdings');
    await expect(card).not.toContainText('-500');
  }
  // onError for the mounted widget, and a strata-error event from each.
  await expect(page.locator('#event-log li')).toHaveCount(3);
  const issue = { type: 'negative', path: '$.holdings[0].balance', message: 'must not be negative (got -500)' };
  const failure = { kind: 'profile', errors: [issue] };
  expect((await logged(page)).sort()).toEqual(
    [
      ['header-tier', 'onError', failure],
      ['header-tier', 'strata-error', failure],
      ['main-tier', 'strata-error', failure],
    ].sort(),
  );
  await page.screenshot({ path: info.outputPath('host-page-error-zh-CN.png'), fullPage: true });
  await expectAccessible(page, 'error cards zh-CN');

  // A good profile again: both recover.
  await page.locator('#deposit').click();
  await expect(compact.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(full.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(page.getByTestId('error-card')).toHaveCount(0);

  // Unmount: the header element is left exactly as it was (empty); mounting again works.
  await page.locator('#remove').click();
  await expect(page.locator('strata-widget-host')).toHaveCount(0);
  expect(await header.evaluate((el) => el.childNodes.length)).toBe(0);
  await page.locator('#restore').click();
  await expect(compact.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(full.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(page.locator('strata-widget-host')).toHaveCount(2);
  await expectClean(page, errors);
});

test('the bank page in English', async ({ page }, info) => {
  const { errors, header, main } = await open(page, { lang: 'en' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const compact = header.getByRole('region', { name: 'Your tier', exact: true });
  await expect(compact.getByRole('heading', { name: 'Gold' })).toBeVisible();
  await expect(compact.getByTestId('gap-amount')).toHaveText('¥37,500');
  await expect(compact).toContainText('To reach Premier');
  const full = main.getByRole('region', { name: 'Customer tier', exact: true });
  await expect(full).toHaveAttribute('lang', 'en');
  await expect(full.getByTestId('assets')).toHaveText('¥162,500');
  await expect(full.getByRole('heading', { name: 'My main benefits' })).toBeVisible();
  await expect(full.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
  await expect(full.getByRole('button', { name: 'See all benefits' })).toBeVisible();
  await expect(full.getByRole('button', { name: 'Talk to my manager' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('host-page-en.png'), fullPage: true });
  await expectAccessible(page, 'host page en');

  await page.locator('#bad').click();
  const card = full.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expect(card).not.toContainText('$.');
  await expect(card).toContainText('Please try again in a moment');
  await expectAccessible(page, 'error cards en');
  await expectClean(page, errors);
});

test('two widgets on one page are independent: profiles, languages, themes, updates, unmount', async ({ page }) => {
  const { errors } = await open(page);
  await expect(page.locator('#main-tier .tier-name')).toBeVisible();
  await page.evaluate(async (loader) => {
    const { mount } = await import(loader);
    const rich = {
      id: 'rich',
      birth_date: '1970-01-01',
      education: 'master',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '1200000.00' }],
    };
    const young = JSON.stringify({
      id: 'young',
      birth_date: '1990-05-12',
      education: 'bachelor',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '60000.00' }],
    });
    window.__actions = { a: [], b: [] };
    for (const id of ['a', 'b']) {
      const div = document.createElement('div');
      div.id = `extra-${id}`;
      document.querySelector('main').prepend(div);
    }
    window.__a = await mount(document.getElementById('extra-a'), {
      profile: rich,
      locale: 'en',
      asOf: '2026-11-25',
      label: 'Widget A',
      theme: { accent: '#006400' },
      onAction: (action) => window.__actions.a.push(action),
    });
    window.__b = await mount(document.getElementById('extra-b'), {
      profile: young,
      locale: 'zh-CN',
      asOf: '2026-11-25',
      label: '组件乙',
      theme: { '--strata-accent': '#4b0082' },
      onAction: (action) => window.__actions.b.push(action),
    });
  }, LOADER);
  const a = page.getByRole('region', { name: 'Widget A', exact: true });
  const b = page.getByRole('region', { name: '组件乙', exact: true });
  await expect(a.getByRole('heading', { name: 'Wealth Management' })).toBeVisible();
  await expect(b.getByRole('heading', { name: '金卡' })).toBeVisible();
  const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await colour(a.getByRole('button', { name: 'Talk to my manager' }))).toBe('rgb(0, 100, 0)');
  expect(await colour(b.getByRole('button', { name: '联系我的客户经理' }))).toBe('rgb(75, 0, 130)');

  // Events go to their own widget's handler only.
  await a.getByRole('button', { name: 'See all benefits' }).click();
  await b.getByRole('button', { name: '联系我的客户经理' }).click();
  await expect.poll(() => page.evaluate(() => window.__actions)).toEqual({
    a: [{ type: 'see_all_benefits', tier: 'high_end' }],
    b: [{ type: 'talk_to_manager', tier: 'mid_lower' }],
  });

  // Updating one leaves the other alone; so does unmounting it.
  await page.evaluate(() =>
    window.__b.update({
      id: 'young',
      birth_date: '1990-05-12',
      education: 'bachelor',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '250000.00' }],
    }),
  );
  await expect(b.getByRole('heading', { name: '理财金' })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'Wealth Management' })).toBeVisible();
  expect(await page.evaluate(() => window.__a.unmount())).toBe(true);
  await expect(a).toHaveCount(0);
  expect(await page.locator('#extra-a').evaluate((el) => el.childNodes.length)).toBe(0);
  await b.getByRole('button', { name: '查看全部权益' }).click();
  await expect.poll(() => page.evaluate(() => window.__actions.b.length)).toBe(2);
  // The page's own widgets are untouched.
  await expect(page.locator('#main-tier').getByRole('heading', { name: '金卡' })).toBeVisible();
  await expectClean(page, errors);
});

test('a bad ruleset, catalog or option shows its error card and calls onError; the page keeps working', async ({ page }) => {
  const { errors } = await open(page);
  await expect(page.locator('#main-tier .tier-name')).toBeVisible();
  const reports = await page.evaluate(async (loader) => {
    const { mount, update, unmount } = await import(loader);
    const seen = [];
    const profile = {
      id: 'x',
      birth_date: '1990-05-12',
      education: 'bachelor',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '60000.00' }],
    };
    const div = document.createElement('div');
    document.querySelector('main').prepend(div);
    const onError = (list, kind) => seen.push({ kind, paths: list.map((e) => e.path), types: list.map((e) => e.type) });
    await mount(div, { profile, ruleset: '{"id": 3}', locale: 'en', onError });
    const ruleset = div.querySelector('strata-widget-host').shadowRoot.querySelector('[data-testid="error-card"] h2').textContent;
    await mount(div, { profile, catalog: { id: 'c' }, locale: 'zh-CN', onError });
    const catalog = div.querySelector('strata-widget-host').shadowRoot.querySelector('[data-testid="error-card"] h2').textContent;
    await mount(div, { profile, asOf: 'tomorrow', onError });
    const option = div.querySelector('strata-widget-host').shadowRoot.querySelector('[data-testid="error-card"] h2').textContent;
    await mount(div, { profile: '{ "id": ', onError });
    await update(div, profile);
    const recovered = div.querySelector('strata-widget-host').shadowRoot.querySelector('.tier-name')?.textContent;
    unmount(div);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { seen, ruleset, catalog, option, recovered, left: div.childNodes.length };
  }, LOADER);
  // The customer reads the same words whatever failed; the host learns which from onError.
  expect(reports.ruleset).toBe('Your tier cannot be shown right now');
  expect(reports.catalog).toBe('暂时无法显示您的等级');
  expect(reports.option).toBe('暂时无法显示您的等级');
  expect(reports.recovered).toBe('金卡');
  expect(reports.left).toBe(0);
  expect(reports.seen.map((s) => s.kind)).toEqual(['ruleset', 'catalog', 'input', 'profile']);
  expect(reports.seen[2]).toEqual({ kind: 'input', paths: ['asOf'], types: ['invalid'] });
  expect(reports.seen[3].types).toEqual(['parse']);
  for (const s of reports.seen) expect(s.paths.length).toBeGreaterThan(0);
  // The page's own widgets still work.
  // (The host logged the four strata-error events too: they bubble from any widget.)
  await expect(page.locator('#event-log li')).toHaveCount(4);
  await page.locator('#main-tier').getByRole('button', { name: '查看全部权益' }).click();
  await expect(page.locator('#event-log li')).toHaveCount(5);
  await expect(page.locator('#event-log li').last()).toHaveText(/^main-tier strata-action /);
  await expectClean(page, errors);
});

test('<strata-tier-card> follows its attributes and its profile property', async ({ page }) => {
  // The browser logs the failed request for a missing profile-src; nothing else may be logged.
  await recordViolations(page);
  const errors = trackErrors(page, (text) => text.includes('Failed to load resource') || isReport(text));
  await page.goto(at(PAGE));
  const card = page.locator('#main-tier');
  await expect(card.getByRole('heading', { name: '金卡' })).toBeVisible();

  await card.evaluate((el) => el.setAttribute('locale', 'en'));
  await expect(card.getByRole('heading', { name: 'Gold' })).toBeVisible();
  await expect(card.getByRole('region', { name: 'Customer tier', exact: true })).toHaveAttribute('lang', 'en');

  await card.evaluate((el) => el.setAttribute('variant', 'compact'));
  await expect(card.locator('.strata')).toHaveAttribute('data-variant', 'compact');
  await expect(card.getByRole('button')).toHaveText(['See all benefits']);
  await expect(card.getByTestId('gap-amount')).toHaveText('¥37,500');

  await card.evaluate((el) => el.setAttribute('label', 'Tier summary'));
  await expect(card.getByRole('region', { name: 'Tier summary', exact: true })).toBeVisible();

  // A profile-src that cannot be fetched: the network card asks to check the connection;
  // the host learns the attribute at fault.
  await card.evaluate((el) => el.setAttribute('profile-src', 'missing.json'));
  const error = card.getByTestId('error-card');
  await expect(error.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expect(error).toContainText('check your connection');
  await expect(error).not.toContainText('profile-src');
  await expect(page.locator('#event-log li')).toHaveCount(1);
  expect((await logged(page))[0][2].kind).toBe('network');
  expect((await logged(page))[0][2].errors[0].path).toBe('profile-src');

  // Back to a good source, then a profile set as a property (JSON text works too).
  await card.evaluate((el) => el.setAttribute('profile-src', 'customer.json'));
  await expect(card.getByTestId('gap-amount')).toHaveText('¥37,500');
  await card.evaluate((el) => {
    el.profile = JSON.stringify({
      id: 'p',
      birth_date: '1970-01-01',
      education: 'master',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '1200000.00' }],
    });
  });
  await expect(card.getByRole('heading', { name: 'Wealth Management' })).toBeVisible();

  // A ruleset by URL: a bad one is reported as a ruleset problem.
  await card.evaluate((el) => el.setAttribute('ruleset-src', 'customer.json'));
  await expect(error).toHaveAttribute('data-kind', 'ruleset');
  await expect(error.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await card.evaluate((el) => el.removeAttribute('ruleset-src'));
  await expect(card.getByRole('heading', { name: 'Wealth Management' })).toBeVisible();

  // Removed from the page: everything it added goes; put back, it renders again.
  await card.evaluate((el) => {
    window.__card = el;
    el.remove();
  });
  expect(await page.evaluate(() => window.__card.childNodes.length)).toBe(0);
  await page.evaluate(() => document.querySelector('main').append(window.__card));
  await expect(card.getByRole('heading', { name: 'Wealth Management' })).toBeVisible();
  await expectAccessible(page, 'custom element');
  await expectClean(page, errors);
});

test('the loader is lazy: no glue or wasm until the first mount, and no cross-origin isolation needed', async ({ page }) => {
  await recordViolations(page);
  const errors = trackErrors(page, isReport);
  // The engine-only page knows nothing of the widget: import the loader there, then mount.
  await page.goto(at('/examples/engine-only/'));
  const fetched = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
  await page.evaluate((loader) => import(loader), LOADER);
  expect(await page.evaluate(() => customElements.get('strata-tier-card') !== undefined)).toBe(true);
  expect(await fetched()).toContain('strata-widget.js');
  expect(await fetched()).not.toContain('strata-widget-wasm.js');
  expect(await fetched()).not.toContain('strata-widget-wasm_bg.wasm');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);

  await page.evaluate(async (loader) => {
    const { mount } = await import(loader);
    const div = document.createElement('div');
    document.body.prepend(div);
    await mount(div, {
      profile: { id: 'x', birth_date: '1990-05-12', education: 'bachelor', holdings: [] },
      locale: 'en',
      variant: 'compact',
    });
  }, LOADER);
  await expect(page.getByRole('region', { name: 'Customer tier', exact: true }).getByRole('heading', { name: 'Everyday' })).toBeVisible();
  expect(await fetched()).toEqual(expect.arrayContaining(['strata-widget-wasm.js', 'strata-widget-wasm_bg.wasm', 'strata-widget.css']));
  await expectClean(page, errors);
});

test('<strata-tier-card> checks a pinned SHA-256 before using what it fetched', async ({ page }) => {
  const customer = readFileSync(new URL('../../examples/host-page/customer.json', import.meta.url));
  const sha = (body, enc) => createHash('sha256').update(body).digest(enc);
  const { errors, main } = await open(page);
  await expect(main.getByRole('heading', { name: '金卡' })).toBeVisible();
  await main.evaluate((el) => el.setAttribute('locale', 'en'));

  // The right digest, in either notation: shown as before.
  await main.evaluate((el, pin) => el.setAttribute('profile-sha256', pin), sha(customer, 'hex'));
  await expect(main.getByTestId('gap-amount')).toHaveText('¥37,500');
  await main.evaluate((el, pin) => el.setAttribute('profile-sha256', pin), `sha256-${sha(customer, 'base64')}`);
  await expect(main.getByTestId('gap-amount')).toHaveText('¥37,500');

  // Another digest: refused with the integrity card, reported to the host as such.
  const other = sha(Buffer.from('something else'), 'hex');
  await main.evaluate((el, pin) => el.setAttribute('profile-sha256', pin), other);
  const card = main.getByTestId('error-card');
  await expect(card).toHaveAttribute('data-kind', 'integrity');
  await expect(card.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expect(card).not.toContainText(other);
  const last = async () => (await logged(page)).at(-1)[2];
  await expect.poll(async () => (await last()).kind).toBe('integrity');
  expect((await last()).errors[0].path).toBe('profile-sha256');
  expect((await last()).errors[0].message).toContain(`but ${other} was pinned`);

  // A malformed pin is refused too.
  await main.evaluate((el) => el.setAttribute('profile-sha256', 'abc'));
  await expect.poll(async () => (await last()).errors[0].message).toContain('neither 64 hex digits nor sha256-<base64>');
  await expectClean(page, errors);
});

test('the built loader fetches glue, wasm and stylesheet with Subresource Integrity; a tampered wasm is refused', async ({ page }) => {
  // The values `cargo xtask widget` wrote into the loader and integrity.json agree.
  const listing = JSON.parse(readFileSync(new URL('../../dist-widget/integrity.json', import.meta.url), 'utf8'));
  const loader = readFileSync(new URL('../../dist-widget/strata-widget.js', import.meta.url), 'utf8');
  for (const name of ['strata-widget-wasm.js', 'strata-widget-wasm_bg.wasm', 'strata-widget.css']) {
    expect(listing[name]).toMatch(/^sha384-/);
    expect(loader).toContain(`'${listing[name]}'`);
  }
  const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
  expect(listing['strata-widget.js']).toBe(sri(loader));

  // One flipped byte in the wasm: mount rejects, nothing runs, the page goes on.
  await page.route('**/strata-widget-wasm_bg.wasm', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ body, contentType: 'application/wasm' });
  });
  // The browser reports the refused wasm on the console; nothing else may be logged.
  const errors = trackErrors(page, (text) => /integrity|Subresource/i.test(text) || isReport(text));
  await page.goto(at('/examples/engine-only/'));
  const outcome = await page.evaluate(async (url) => {
    const { mount } = await import(url);
    const div = document.createElement('div');
    document.body.prepend(div);
    return mount(div, { profile: { id: 'x', holdings: [] }, locale: 'en' }).then(
      () => 'mounted',
      (e) => `refused: ${e?.message ?? e}`,
    );
  }, LOADER);
  expect(outcome).toMatch(/^refused: /);
  await expect(page.getByRole('region', { name: 'Customer tier', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Evaluate' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('mount settles even when unmounted or replaced at once, and a profile set before the loader ran is used', async ({ page }) => {
  await recordViolations(page);
  const errors = trackErrors(page, isReport);
  await page.goto(at('/examples/engine-only/'));
  // An element given its profile before the loader defined <strata-tier-card>.
  await page.evaluate(() => {
    const el = document.createElement('strata-tier-card');
    el.id = 'early';
    el.setAttribute('locale', 'en');
    el.profile = { id: 'e', birth_date: '1980-01-01', education: 'master', holdings: [{ product: 'demand-cny', family: 'deposit', balance: '1200000.00' }] };
    document.body.prepend(el);
  });
  const outcome = await page.evaluate(async (loader) => {
    const { mount, unmount, update } = await import(loader);
    const profile = { id: 'x', holdings: [] };
    const one = document.createElement('div');
    const two = document.createElement('div');
    document.body.append(one, two);
    // Unmounted before its stylesheet loaded; and mounted twice in a row (React StrictMode).
    const first = mount(one, { profile, locale: 'en' });
    unmount(one);
    const a = mount(two, { profile, locale: 'en' });
    const b = mount(two, { profile, locale: 'en' });
    const settled = (p) =>
      Promise.race([p.then(() => 'settled', () => 'rejected'), new Promise((r) => setTimeout(() => r('hung'), 5000))]);
    const results = await Promise.all([settled(first), settled(a), settled(b)]);
    // An update on the unmounted widget says so at once instead of waiting.
    results.push(await settled(Promise.resolve().then(async () => update(await first, profile))));
    return results;
  }, LOADER);
  expect(outcome).toEqual(['settled', 'settled', 'settled', 'rejected']);
  await expect(page.locator('#early').getByRole('heading', { name: 'Wealth Management' })).toBeVisible();
  await expectClean(page, errors);
});

test('theming reaches the tier card, and a theme that makes text unreadable is refused with a warning', async ({ page }, info) => {
  const { errors } = await open(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await expect(page.locator('#main-tier .tier-name')).toBeVisible();
  const profile = {
    id: 'themed',
    birth_date: '1991-04-18',
    education: 'bachelor',
    holdings: [{ product: 'demand-cny', family: 'deposit', balance: '162500.00' }],
  };
  await page.evaluate(
    async ([loader, profile]) => {
      const { mount } = await import(loader);
      for (const id of ['good', 'bad']) {
        const div = document.createElement('div');
        div.id = `themed-${id}`;
        document.querySelector('main').prepend(div);
      }
      const common = { profile, locale: 'en', asOf: '2026-11-25', variant: 'compact' };
      // The bank's own colours: a claret card with white text, a claret accent.
      await mount(document.getElementById('themed-good'), {
        ...common,
        label: 'Themed',
        theme: { 'tier-colour': '#8a1538', accent: '#8a1538' },
      });
      // A light yellow card under the default white text: unreadable.
      await mount(document.getElementById('themed-bad'), {
        ...common,
        label: 'Refused',
        theme: { 'tier-colour': '#ffe066', '--strata-tier-text': '#ffffff', radius: '2px' },
      });
    },
    [LOADER, profile],
  );
  const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property);
  const good = page.getByRole('region', { name: 'Themed', exact: true });
  await expect(good.getByRole('heading', { name: 'Gold' })).toBeVisible();
  expect(await style(good.locator('.tier-card'), 'backgroundColor')).toBe('rgb(138, 21, 56)');
  expect(await style(good.locator('.tier-card'), 'color')).toBe('rgb(255, 255, 255)');
  expect(await style(good.getByRole('button'), 'color')).toBe('rgb(138, 21, 56)');

  const bad = page.getByRole('region', { name: 'Refused', exact: true });
  await expect(bad.getByRole('heading', { name: 'Gold' })).toBeVisible();
  // The refused colour is unset on the host: the card wears the tier's own colour (#2f5d94)
  // with white text; what was not refused (the radius) stays.
  const host = page.locator('#themed-bad strata-widget-host');
  expect(await host.evaluate((el) => el.style.getPropertyValue('--strata-tier-colour'))).toBe('initial');
  expect(await host.evaluate((el) => el.style.getPropertyValue('--strata-tier-text'))).toBe('initial');
  expect(await style(bad.locator('.tier-card'), 'backgroundColor')).toBe('rgb(47, 93, 148)');
  expect(await style(bad.locator('.tier-card'), 'color')).toBe('rgb(255, 255, 255)');
  expect(await style(bad.locator('.tier-card'), 'borderTopLeftRadius')).toBe('2px');
  expect(warnings).toEqual([
    expect.stringMatching(
      /^strata-widget: theme refused: text #ffffff on #ffe066 has a contrast of 1\.\d\d:1, under WCAG AA's 4\.5:1 \(--strata-tier-text on --strata-tier-colour\); the default is used for --strata-tier-text and --strata-tier-colour\.$/,
    ),
  ]);
  await page.locator('#themed-good').screenshot({ path: info.outputPath('widget-themed-en.png') });
  await page.locator('#themed-bad').screenshot({ path: info.outputPath('widget-theme-refused-en.png') });
  await expectAccessible(page, 'themed widgets');
  await expectClean(page, errors);
});

test('a customer whose downgrade is deferred reads one date: the review that decides the tier', async ({ page }) => {
  const { errors } = await open(page);
  await expect(page.locator('#main-tier .tier-name')).toBeVisible();
  // Zhou Tao's profile (web/app/demo/zhou-tao.json): high-end, below its bar at one review
  // of the three allowed, so the tier is decided at the second review from now.
  const { profile } = JSON.parse(readFileSync(new URL('../../web/app/demo/zhou-tao.json', import.meta.url), 'utf8'));
  for (const [locale, deciding, next] of [
    ['zh-CN', '2026年12月31日', '2026年11月30日'],
    ['en', '31 Dec 2026', '30 Nov 2026'],
  ]) {
    await page.evaluate(
      async ([loader, profile, locale]) => {
        const { mount } = await import(loader);
        document.getElementById('deferred')?.remove();
        const div = document.createElement('div');
        div.id = 'deferred';
        document.querySelector('main').prepend(div);
        await mount(div, { profile, locale, asOf: '2026-11-25', label: 'Deferred' });
      },
      [LOADER, profile, locale],
    );
    const card = page.locator('#deferred');
    await expect(card.getByTestId('basis')).toContainText(deciding);
    // All the widget says, through its shadow roots.
    const text = await card.evaluate((root) => {
      const words = (n) =>
        n.nodeType === Node.TEXT_NODE
          ? n.data
          : [...(n.shadowRoot ? [n.shadowRoot] : []), ...n.childNodes].filter((c) => c.nodeName !== 'STYLE').map(words).join(' ');
      return words(root);
    });
    expect(text.split(deciding).length - 1).toBe(1);
    expect(text).not.toContain(next);
  }
  await expectClean(page, errors);
});
