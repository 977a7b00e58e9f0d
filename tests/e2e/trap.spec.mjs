// A trap in the release wasm never leaves a blank or frozen page. The release build turns
// every panic into a bare `unreachable` trap (-Cpanic=immediate-abort, xtask/src/proc.rs),
// a WebAssembly.RuntimeError with no message. The app and the kiosk then show their error
// card (web/fallback.js, plain DOM outside the wasm) in the customer's language, with a
// button that starts again; a widget shows its own card and tells the host through onError,
// while the other widgets, the host page and later mounts go on working.
//
// How the tests make the wasm trap, with nothing added to the shipped bytes: they make a DOM
// call the wasm relies on fail, so that Rust code in the release build panics for real, in
// the running instance, exactly where a bug would. Yew sets attributes with
// `.set_attribute(..).expect("invalid attribute key")` and mounts on
// `document.body().expect("no body node found")`: a setAttribute that throws (as the DOM
// does for a bad name) panics half-way through a render, a null `document.body` panics in
// main() before the first one. The console then shows the trap itself (RuntimeError:
// unreachable), which the tests check, so a change in how Yew fails would show up here.

import { mkdirSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { at, expectAccessible, recordViolations } from './helpers.mjs';

/** Where the screenshots of the cards go, for people to look at. */
const SHOTS = '/tmp/trap-shots';

/**
 * Makes the running wasm panic in its next render inside `selector` (shadow roots included):
 * the next setAttribute there throws, and Yew's `.expect` panics. One shot.
 */
async function panicInNextRender(page, selector) {
  await page.evaluate((selector) => {
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (...args) {
      const scope = document.querySelector(selector);
      let node = this;
      while (node && node !== scope) node = node.parentNode ?? node.host;
      if (!node) return setAttribute.apply(this, args);
      Element.prototype.setAttribute = setAttribute;
      throw new DOMException(`the test refuses the attribute ${args[0]}`, 'InvalidCharacterError');
    };
  }, selector);
}

/**
 * Makes the wasm panic in main(), before its first render: the first `document.body` read
 * after the wasm is instantiated is null. Once per tab, so the retry (a reload) starts well.
 */
async function panicAtStart(page) {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('test-panicked')) return;
    let instantiated = false;
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        return original.apply(this, args).then((result) => {
          instantiated = true;
          return result;
        });
      };
    }
    const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body');
    Object.defineProperty(Document.prototype, 'body', {
      ...body,
      get() {
        if (instantiated && !sessionStorage.getItem('test-panicked')) {
          sessionStorage.setItem('test-panicked', '1');
          return null;
        }
        return body.get.call(this);
      },
    });
  });
}

/** Console errors and uncaught errors, kept apart: the first may hold the trap, the second nothing. */
function watch(page) {
  const seen = { console: [], uncaught: [] };
  page.on('console', (m) => m.type() === 'error' && seen.console.push(m.text()));
  page.on('pageerror', (e) => seen.uncaught.push(e.message));
  return seen;
}

/** The trap was reported once on the console, with its detail, and never as uncaught. */
function expectReported(seen, prefix) {
  expect(seen.uncaught).toEqual([]);
  const reports = seen.console.filter((m) => m.startsWith(prefix));
  expect(reports).toHaveLength(1);
  expect(reports[0]).toContain('RuntimeError: unreachable');
}

/** Nothing technical on screen: no error names, wasm, stack or JSON path. */
async function expectNoTechnicalText(page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/RuntimeError|unreachable|wasm|panic|stack|\$\./i);
}

async function shot(target, name) {
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: `${SHOTS}/${name}.png` });
}

const APP = 'Strata stopped and shows its error card instead:';

test('the app: a trap in a render shows the card in Chinese; retry brings the app back', async ({ page }) => {
  await recordViolations(page);
  const seen = watch(page);
  await page.goto(at('/', { demo: '1' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的客户等级');

  // A tap on a tab: the render that follows panics.
  await panicInNextRender(page, 'body');
  await page.getByRole('link', { name: '权益', exact: true }).click();
  const card = page.getByRole('alert');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('暂时无法显示您的等级，请稍后重试。');
  await expect(card.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The card replaced the frozen page: no tabs, no tier card left to tap.
  await expect(page.locator('nav.tabs, .tier-card')).toHaveCount(0);
  await expectNoTechnicalText(page);
  expectReported(seen, APP);
  await expectAccessible(page, 'app fallback zh-CN');
  await shot(page, 'app-render-zh-CN');
  expect(await page.evaluate(() => window.__csp)).toEqual([]);

  // Retry: a fresh page and instance, on the page the customer was going to.
  await card.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的权益');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: '首页', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的客户等级');
  expect(seen.uncaught).toEqual([]);
});

test('the app: a trap at start-up shows the card in English; retry starts the app', async ({ page }) => {
  await recordViolations(page);
  const seen = watch(page);
  await panicAtStart(page);
  await page.goto(at('/', { demo: '1', lang: 'en' }));
  const card = page.getByRole('alert');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('Your tier cannot be shown right now. Please try again later.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.brand')).toHaveText('Strata Wealth');
  await expectNoTechnicalText(page);
  expectReported(seen, APP);
  await expectAccessible(page, 'app fallback en');
  await shot(page, 'app-start-en');
  expect(await page.evaluate(() => window.__csp)).toEqual([]);

  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My customer tier');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(seen.uncaught).toEqual([]);
});

test('the app: a wasm that does not load shows the card too', async ({ page }) => {
  await page.route('**/strata-web-*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(at('/', { demo: '1' }));
  await expect(page.getByRole('alert').getByRole('heading', { level: 1 })).toHaveText('暂时无法显示您的等级，请稍后重试。');
  await expectNoTechnicalText(page);
  await page.unroute('**/strata-web-*_bg.wasm');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的客户等级');
});

test('the kiosk: its own card in its language; it starts over on a tap or by itself', async ({ page }) => {
  await recordViolations(page);
  const seen = watch(page);
  await page.clock.install();
  await page.goto(at('/kiosk/', { lang: 'en' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your customer tier');

  await panicInNextRender(page, 'body');
  await page.getByRole('button', { name: 'Touch to start' }).click();
  const card = page.getByRole('alert');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('Your tier cannot be shown right now. Please try again later.');
  await expect(card).toContainText('If you need help, please ask the lobby manager.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoTechnicalText(page);
  expectReported(seen, APP);
  // A kiosk-size touch target, as on every kiosk screen.
  const height = await card.getByRole('button').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeGreaterThanOrEqual(64);
  await page.clock.resume();
  await expectAccessible(page, 'kiosk fallback en');
  await shot(page, 'kiosk-render-en');

  await card.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your customer tier');

  // Left alone, the card starts over by itself after a minute.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await panicInNextRender(page, 'body');
  await page.getByRole('button', { name: 'Touch to start' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your customer tier');
  expect(seen.uncaught).toEqual([]);
});

test('the kiosk in Chinese: a trap at start-up', async ({ page }) => {
  const seen = watch(page);
  await panicAtStart(page);
  await page.goto(at('/kiosk/'));
  const card = page.getByRole('alert');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('暂时无法显示您的等级，请稍后重试。');
  await expect(card).toContainText('如需帮助，请咨询大堂经理。');
  await expectAccessible(page, 'kiosk fallback zh-CN');
  await shot(page, 'kiosk-start-zh-CN');
  expectReported(seen, APP);
  await card.getByRole('button', { name: '重新开始' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('了解您的客户等级');
});

// ── The widget ──────────────────────────────────────────────────────────────────────────

const HOST = '/examples/host-page/';
const LOADER = '/dist-widget/strata-widget.js';
const WIDGET = 'strata-widget: the wasm stopped';

/** The host page's event log, parsed: [source, kind, payload]. */
async function logged(page) {
  const lines = await page.locator('#event-log li').allTextContents();
  return lines.map((line) => {
    const [source, kind, ...rest] = line.split(' ');
    return [source, kind, JSON.parse(rest.join(' '))];
  });
}

for (const lang of ['zh-CN', 'en']) {
  const T = {
    'zh-CN': {
      header: '您的等级',
      main: '客户等级',
      title: '暂时无法显示您的等级，请稍后重试。',
      retry: '重试',
      upper: '理财金',
      all: '查看全部权益',
    },
    en: {
      header: 'Your tier',
      main: 'Customer tier',
      title: 'Your tier cannot be shown right now. Please try again later.',
      retry: 'Try again',
      upper: 'Premier',
      all: 'See all benefits',
    },
  }[lang];

  test(`the widget (${lang}): a trap in one shows its card and onError; the other, the host and new mounts go on`, async ({
    page,
  }) => {
    await recordViolations(page);
    const seen = watch(page);
    await page.goto(at(HOST, lang === 'en' ? { lang } : {}));
    const header = page.locator('#header-tier').getByRole('region', { name: T.header });
    const main = page.locator('#main-tier').getByRole('region', { name: T.main });
    await expect(header.locator('.tier-name')).toBeVisible();
    await expect(main.locator('.tier-name')).toBeVisible();
    // The host's own error handlers: a widget's trap must not reach them.
    await page.evaluate(() => {
      window.__hostSaw = [];
      addEventListener('error', (e) => window.__hostSaw.push(String(e.error)));
      addEventListener('unhandledrejection', (e) => window.__hostSaw.push(String(e.reason)));
    });

    // A deposit re-renders both widgets; the header's render panics.
    await panicInNextRender(page, '#header-tier');
    await page.locator('#deposit').click();
    const card = header.getByTestId('error-card');
    await expect(card.getByRole('heading')).toHaveText(T.title);
    await expect(card).toHaveAttribute('role', 'alert');
    await expect(header).toHaveAttribute('lang', lang);
    expect(await header.innerText()).not.toMatch(/RuntimeError|unreachable|wasm/i);
    // The host heard it: onError with an `internal` error, and the strata-error event.
    await expect(page.locator('#event-log li')).toHaveCount(2);
    const log = await logged(page);
    const failure = log.find(([, kind]) => kind === 'onError')?.[2];
    expect(failure.kind).toBe('internal');
    expect(failure.errors).toEqual([{ type: 'internal', path: '$', message: expect.stringContaining('RuntimeError: unreachable') }]);
    expect(log.map(([source, kind]) => `${source} ${kind}`).sort()).toEqual(['header-tier onError', 'header-tier strata-error']);
    // The other widget moved to a fresh instance and shows the deposit; its buttons work.
    await expect(main.getByRole('heading', { name: T.upper })).toBeVisible();
    await main.getByRole('button', { name: T.all }).click();
    await expect(page.locator('#event-log li')).toHaveCount(3);
    await expect(page.locator('#event-log li').last()).toHaveText(/^main-tier strata-action /);
    await expectAccessible(page, `widget fallback ${lang}`, { preload: false });
    await shot(page.locator('.bank-header'), `widget-${lang}`);

    // The retry button brings the trapped widget back, with what it was showing.
    await card.getByRole('button', { name: T.retry }).click();
    await expect(header.getByRole('heading', { name: T.upper })).toBeVisible();
    await expect(header.getByTestId('error-card')).toHaveCount(0);

    // The host's own buttons: another deposit reaches both widgets.
    await page.locator('#deposit').click();
    await expect(main.getByTestId('assets')).toHaveText(lang === 'en' ? '¥262,500' : '¥26.25万');

    // A new mount works, in the fresh instance.
    const mounted = await page.evaluate(async (loader) => {
      const { mount } = await import(loader);
      const div = document.createElement('div');
      document.querySelector('main').prepend(div);
      await mount(div, {
        profile: { id: 'n', birth_date: '1990-05-12', education: 'bachelor', holdings: [] },
        locale: 'en',
        label: 'New widget',
      });
      return div.querySelector('strata-widget-host').shadowRoot.querySelector('.tier-name')?.textContent;
    }, LOADER);
    expect(mounted).toBe('Everyday');

    expect(await page.evaluate(() => window.__hostSaw)).toEqual([]);
    expectReported(seen, WIDGET);
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
  });
}

test('the widget: an update after a trap tries again, and unmount leaves nothing behind', async ({ page }) => {
  const seen = watch(page);
  await page.goto(at('/examples/engine-only/'));
  const result = await page.evaluate(async (loader) => {
    const { mount, update, unmount } = await import(loader);
    const errors = [];
    const profile = (balance) => ({
      id: 'u',
      birth_date: '1990-05-12',
      education: 'bachelor',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance }],
    });
    const div = document.createElement('div');
    document.body.prepend(div);
    const handle = await mount(div, { profile: profile('60000.00'), locale: 'en', onError: (e, kind) => errors.push(kind) });
    const shadow = () => div.querySelector('strata-widget-host').shadowRoot;
    // The next render of this widget panics.
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (...args) {
      if (this.getRootNode() !== shadow()) return setAttribute.apply(this, args);
      Element.prototype.setAttribute = setAttribute;
      throw new DOMException('refused', 'InvalidCharacterError');
    };
    // The trap and the card follow the update on the widget's own schedule: wait for what
    // the page shows (frame by frame, at most 300 frames), never for a fixed time.
    const until = async (read) => {
      for (let frame = 0; frame < 300 && !read(); frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return read();
    };
    await update(handle, profile('250000.00'));
    const card = await until(() => shadow().querySelector('[data-testid="error-card"]')?.dataset.kind);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await update(handle, profile('1200000.00'));
    const tier = await until(() => shadow().querySelector('.tier-name')?.textContent);
    unmount(handle);
    return { card, errors, tier, left: div.childNodes.length };
  }, LOADER);
  expect(result).toEqual({ card: 'internal', errors: ['internal'], tier: 'Wealth Management', left: 0 });
  expectReported(seen, WIDGET);
});
