// The branch kiosk (/kiosk): the touch flow in both languages, the back button, the idle
// warning and reset on Playwright's fake clock, offline use, axe on every kind of screen,
// touch-target sizes, and screenshots of the attract and result screens at 360 px.

import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import { at, expectAccessible, isReport, trackErrors, trackReports } from './helpers.mjs';

const T = {
  'zh-CN': {
    title: '了解您的客户等级',
    start: '点击开始',
    assets: '您在本行的金融资产大约有多少？',
    age: '您的年龄是？',
    education: '您的最高学历是？',
    external: '您在其他银行还有金融资产吗？',
    back: '上一步',
    skip: '跳过',
    restart: '重新开始',
    still: '我还在',
    warning: '您还在吗？',
    optional: '可选问题',
  },
  en: {
    title: 'Find your customer tier',
    start: 'Touch to start',
    assets: 'About how much do you hold with us in financial assets?',
    age: 'How old are you?',
    education: 'What is your highest level of education?',
    external: 'Do you hold financial assets at other banks?',
    back: 'Back',
    skip: 'Skip',
    restart: 'Start over',
    still: "I'm still here",
    warning: 'Are you still there?',
    optional: 'Optional question',
  },
};

// One flow per language, each landing in a different tier and route.
const FLOWS = [
  {
    lang: 'zh-CN',
    answers: ['¥5万（含）至¥20万', '29岁及以上', '大专及以上', '¥20万（含）至¥100万'],
    tier: 'mid_lower',
    h1: '根据您的回答，您是 金卡',
    route: 'priority_counter',
    place: '优先窗口',
    // The priority counter serves mid-lower, but 优先服务 is mid-upper's and above.
    priority: false,
    benefit: '金卡借记卡',
    next: '本行金融资产达到¥20万即可成为理财金，在您现有资产基础上最多再增加¥15万。',
    potential: '您在他行至少有¥20万；将其中最多¥15万转入本行，即可成为理财金。',
    assumed: '按您所选区间的下限¥5万计算',
  },
  {
    lang: 'en',
    answers: ['¥1,000,000 to under ¥10,000,000', '16 to 28', 'Below college', null],
    tier: 'high_end',
    h1: 'From your answers, you are Wealth Management',
    route: 'relationship_manager',
    place: 'The wealth-management centre',
    priority: true,
    benefit: 'Wealth-account platinum card',
    next: 'Reach ¥10,000,000 in financial assets with us to become Private Banking: at most ¥9,000,000 more than you hold now.',
    potential: null,
    assumed: 'Worked out from the lower end of your band, ¥1,000,000',
  },
];

const h1 = (page) => page.getByRole('heading', { level: 1 });

/** Opens the kiosk and waits for the attract screen. */
async function open(page, lang, params = {}) {
  await page.goto(at('/kiosk/', { lang, ...params }));
  await expect(h1(page)).toHaveText(T[lang].title);
  await expect(h1(page)).toBeFocused();
}

/** Taps an answer on the question shown. */
async function answer(page, label) {
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** The questionnaire from the attract screen to the result (`null` skips the optional step). */
async function complete(page, lang, answers) {
  const t = T[lang];
  await page.getByRole('button', { name: t.start }).click();
  for (const [i, q] of [t.assets, t.age, t.education].entries()) {
    await expect(h1(page)).toHaveText(q);
    await expect(h1(page)).toBeFocused();
    await expect(page.getByTestId('kiosk-step')).toContainText(`${i + 1}/3`);
    await answer(page, answers[i]);
  }
  await expect(h1(page)).toHaveText(t.external);
  await expect(page.getByTestId('kiosk-step')).toHaveText(t.optional);
  if (answers[3]) {
    await answer(page, answers[3]);
  } else {
    await page.getByRole('button', { name: t.skip }).click();
  }
}

/** Every touch target on the page is at least 64 px high. */
async function expectLargeTargets(page) {
  const heights = await page
    .locator('.kiosk-option, .kiosk-primary, .kiosk-secondary')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(64);
}

/** Axe needs the page's timers, so the paused fake clock runs while it checks, then pauses. */
async function accessibleWhileTicking(page, label) {
  await page.clock.resume();
  await expectAccessible(page, label);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
}

async function storageIsEmpty(page) {
  const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
  expect(stored).toEqual([0, 0, '']);
}

for (const f of FLOWS) {
  test(`the full flow in ${f.lang}: tier, benefits, next tier, route; screenshots`, async ({ page }, info) => {
    const errors = trackErrors(page);
    const t = T[f.lang];
    await open(page, f.lang);
    // Full screen on its own: no top bar, tab bar or persona.
    await expect(page.locator('.top-bar, nav.tabs')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', f.lang);
    await expectLargeTargets(page);
    await expectAccessible(page, `attract ${f.lang}`);
    await page.screenshot({ path: info.outputPath(`kiosk-attract-${f.lang}.png`), fullPage: true });

    await page.getByRole('button', { name: t.start }).click();
    await expect(h1(page)).toHaveText(t.assets);
    await expectLargeTargets(page);
    await expectAccessible(page, `question ${f.lang}`);
    await page.screenshot({ path: info.outputPath(`kiosk-question-${f.lang}.png`), fullPage: true });
    await page.getByRole('button', { name: t.back }).click();
    await expect(h1(page)).toHaveText(t.title);

    await complete(page, f.lang, f.answers);
    const tier = page.getByTestId('kiosk-tier');
    await expect(tier).toHaveText(f.h1);
    await expect(tier).toHaveAttribute('data-tier', f.tier);
    await expect(tier).toBeFocused();
    await expect(page.locator('.kiosk-route')).toHaveAttribute('data-route', f.route);
    await expect(page.getByTestId('kiosk-route')).toHaveText(f.place);
    await expect(page.getByTestId('kiosk-priority')).toHaveCount(f.priority ? 1 : 0);
    await expect(page.getByTestId('kiosk-benefits').getByRole('listitem').first()).toHaveText(f.benefit);
    await expect(page.getByTestId('kiosk-next')).toHaveText(f.next);
    await expect(page.getByText(f.assumed)).toBeVisible();
    if (f.potential) {
      await expect(page.getByTestId('kiosk-potential')).toHaveText(f.potential);
    } else {
      await expect(page.getByTestId('kiosk-potential')).toHaveCount(0);
    }
    for (const a of f.answers.filter(Boolean)) {
      await expect(page.getByTestId('kiosk-answers')).toContainText(a);
    }
    // The badge colour is the tier's, set through the CSSOM (no style attribute).
    const colour = await page.locator('.kiosk-tier').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(colour).not.toBe('rgb(86, 96, 107)');
    // Only the CSSOM sets styles (a strict CSP blocks style attributes written in markup).
    const styled = await page.locator('[style]').evaluateAll((els) => els.map((e) => e.getAttribute('style')));
    expect(styled).toEqual([expect.stringMatching(/^--tier-colour: #[0-9a-f]{6};$/)]);
    await expectLargeTargets(page);
    await expectAccessible(page, `result ${f.lang}`);
    await page.screenshot({ path: info.outputPath(`kiosk-result-${f.lang}.png`), fullPage: true });

    await page.getByRole('button', { name: t.restart }).click();
    await expect(h1(page)).toHaveText(t.title);
    await expect(page.getByTestId('kiosk-tier')).toHaveCount(0);
    await storageIsEmpty(page);
    expect(errors).toEqual([]);
  });
}

test('the back button keeps earlier answers, the language switch keeps the place', async ({ page }) => {
  const errors = trackErrors(page);
  const zh = T['zh-CN'];
  await open(page, 'zh-CN');
  await page.getByRole('button', { name: zh.start }).click();
  await answer(page, '¥20万（含）至¥100万');
  await answer(page, '16–28岁');
  await expect(h1(page)).toHaveText(zh.education);
  await page.getByRole('button', { name: zh.back }).click();
  await expect(h1(page)).toHaveText(zh.age);
  await expect(h1(page)).toBeFocused();
  await expect(page.getByTestId('kiosk-step')).toContainText('2/3');
  // The answer given is marked (visibly and for screen readers).
  await expect(page.locator('.kiosk-option.chosen')).toHaveText('16–28岁（已选）');
  await page.getByRole('button', { name: zh.back }).click();
  await expect(h1(page)).toHaveText(zh.assets);
  await expect(page.locator('.kiosk-option.chosen')).toHaveText('¥20万（含）至¥100万（已选）');

  // Switching language mid-way keeps the question and the answers.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText(T.en.assets);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.kiosk-option.chosen')).toHaveText('¥200,000 to under ¥1,000,000 (chosen)');

  // Back from the first question returns to the attract screen and forgets.
  await page.getByRole('button', { name: T.en.back }).click();
  await expect(h1(page)).toHaveText(T.en.title);
  await page.getByRole('button', { name: T.en.start }).click();
  await expect(page.locator('.kiosk-option.chosen')).toHaveCount(0);
  await storageIsEmpty(page);
  expect(errors).toEqual([]);
});

test('idle: a warning with a countdown, "I\'m still here" keeps the answers, the end forgets them', async ({ page }, info) => {
  const errors = trackErrors(page);
  const zh = T['zh-CN'];
  await page.clock.install();
  await open(page, 'zh-CN', { idle: '45' });
  // No warning on the attract screen, however long it waits.
  await page.clock.runFor(300_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.getByRole('button', { name: zh.start }).click();
  await answer(page, '¥100万（含）至¥1000万');
  // From here on the fake clock moves only when told: the last tap is at a known time.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await answer(page, '29岁及以上');
  await expect(h1(page)).toHaveText(zh.education);
  await page.clock.runFor(44_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(1_000);
  const dialog = page.getByRole('alertdialog', { name: zh.warning });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const still = dialog.getByRole('button', { name: zh.still });
  await expect(still).toBeFocused();
  // Default 30 s; said once assertively, then politely at 20, 10 and 5 s.
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('30');
  await expect(page.getByTestId('kiosk-announce')).toHaveText('为保护您的隐私，屏幕将在30秒后清除您的回答。');
  await expect(page.getByTestId('kiosk-announce-polite')).toHaveText('');
  await page.clock.runFor(1_000);
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('29');
  await expect(page.getByTestId('kiosk-announce-polite')).toHaveText('');
  await page.clock.runFor(9_000);
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('20');
  await expect(page.getByTestId('kiosk-announce-polite')).toHaveText('还剩20秒');
  // The assertive sentence was said once; it does not linger with a stale count.
  await expect(page.getByTestId('kiosk-announce')).toHaveText('');
  await page.clock.runFor(1_000);
  await expect(page.getByTestId('kiosk-announce-polite')).toHaveText('还剩20秒');
  // The rest of the page is inert under the modal.
  await expect(page.locator('.kiosk-screen')).toHaveJSProperty('inert', true);
  await page.screenshot({ path: info.outputPath('kiosk-warning-zh-CN.png'), animations: 'disabled' });
  await accessibleWhileTicking(page, 'idle warning zh-CN');
  await expect(dialog).toBeVisible();

  // "I'm still here": the warning closes, the answers stay, the timer starts again.
  await still.click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(h1(page)).toHaveText(zh.education);
  await page.getByRole('button', { name: zh.back }).click();
  await expect(page.locator('.kiosk-option.chosen')).toHaveText('29岁及以上（已选）');
  await page.locator('.kiosk-option.chosen').click();
  await answer(page, '大专以下');
  await page.getByRole('button', { name: zh.skip }).click();
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'high_end');
  await page.clock.runFor(44_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(1_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  // Escape works as "I'm still here" for keyboard users.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-tier')).toBeVisible();

  // Left alone: warning, then after 30 s the attract screen with nothing remembered.
  await page.clock.runFor(45_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(29_000);
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('1');
  await expect(page.getByTestId('kiosk-tier')).toBeAttached();
  await page.clock.runFor(1_000);
  await expect(h1(page)).toHaveText(zh.title);
  await expect(h1(page)).toBeFocused();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const html = await page.content();
  for (const gone of ['财富管理', '¥100万（含）', '29岁及以上', '大专以下', '财富管理中心', 'kiosk-tier']) {
    expect(html).not.toContain(gone);
  }
  await page.getByRole('button', { name: zh.start }).click();
  await expect(page.locator('.kiosk-option.chosen')).toHaveCount(0);
  await storageIsEmpty(page);
  expect(await page.context().cookies()).toEqual([]);
  expect(errors).toEqual([]);
});

test('the warning gives at least 20 s, whatever ?warn= says, and speaks English', async ({ page }) => {
  const errors = trackErrors(page);
  const en = T.en;
  await page.clock.install();
  await open(page, 'en', { idle: '10', warn: '5' });
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await page.getByRole('button', { name: en.start }).click();
  await expect(h1(page)).toHaveText(en.assets);
  await page.clock.runFor(9_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(1_000);
  const dialog = page.getByRole('alertdialog', { name: en.warning });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('20');
  await expect(page.getByTestId('kiosk-announce')).toHaveText(
    'To protect your privacy, the screen clears your answers in 20 seconds.',
  );
  await accessibleWhileTicking(page, 'idle warning en');
  const left = Number(await page.getByTestId('kiosk-countdown').textContent());
  expect(left).toBeGreaterThan(1);
  await page.clock.runFor((left - 1) * 1_000);
  await expect(page.getByTestId('kiosk-countdown')).toHaveText('1');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('kiosk-announce-polite')).toHaveText('5 seconds left');
  await page.clock.runFor(1_000);
  await expect(h1(page)).toHaveText(en.title);
  expect(errors).toEqual([]);
});

test('offline once loaded: the whole flow works without the network', async ({ page, context }) => {
  const errors = trackErrors(page);
  await open(page, 'zh-CN');
  // Loaded means the service worker has its files too (it installs in the background).
  await page.evaluate(() => navigator.serviceWorker.ready);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await complete(page, 'zh-CN', ['¥1000万及以上', '16岁以下', '大专以下', null]);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'private_banking');
  await expect(page.locator('.kiosk-route')).toHaveAttribute('data-route', 'private_banking_centre');
  await expect(page.getByTestId('kiosk-next')).toHaveText('您已是最高等级');
  await page.getByRole('button', { name: T['zh-CN'].restart }).click();
  await complete(page, 'zh-CN', ['¥5万以下', '16–28岁', '大专及以上', '¥5万（含）至¥20万']);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'potential');
  await expect(page.getByTestId('kiosk-potential')).toHaveText(
    '您在他行至少有¥5万；将其中最多¥5万转入本行，即可成为金卡。',
  );
  expect(requests).toEqual([]);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('a double tap answers once: its second tap never lands on the next screen', async ({ page }) => {
  const errors = trackErrors(page);
  await open(page, 'en');
  await page.getByRole('button', { name: T.en.start }).dblclick();
  await expect(h1(page)).toHaveText(T.en.assets);
  await expect(page.locator('.kiosk-option.chosen')).toHaveCount(0);
  await page.getByRole('button', { name: 'Under ¥50,000', exact: true }).dblclick();
  await expect(h1(page)).toHaveText(T.en.age);
  await expect(page.locator('.kiosk-option.chosen')).toHaveCount(0);
  // A single tap and the keyboard still answer.
  await page.getByRole('button', { name: '29 or over', exact: true }).click();
  await expect(h1(page)).toHaveText(T.en.education);
  await page.getByRole('button', { name: T.en.back }).focus();
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(T.en.age);
  expect(errors).toEqual([]);
});

test("a bank's ruleset by URL: nothing is asked until it is here, then its own bands", async ({ page }) => {
  const errors = trackErrors(page);
  const rules = readFileSync(new URL('../../core/rulesets/us-rewards.json', import.meta.url));
  let release;
  const arrived = new Promise((r) => {
    release = r;
  });
  await page.route('**/bank/us-rewards.json', async (route) => {
    await arrived;
    await route.fulfill({ contentType: 'application/json', body: rules });
  });
  await page.goto(at('/kiosk/', { lang: 'en', ruleset: '/bank/us-rewards.json' }));
  await expect(page.getByRole('status')).toHaveText('Loading…');
  await expect(page.getByRole('button', { name: T.en.start })).toHaveCount(0);
  release();
  await page.getByRole('button', { name: T.en.start }).click();
  await expect(h1(page)).toHaveText(T.en.assets);
  const options = await page.getByTestId('kiosk-option').allTextContents();
  expect(options.length).toBeGreaterThan(2);
  expect(options.every((o) => o.includes('$'))).toBe(true);
  // Through to the result: the take-away names the bank's ruleset for the benefits page.
  for (const q of [T.en.age, T.en.education]) {
    await page.getByTestId('kiosk-option').nth(2).click();
    await expect(h1(page)).toHaveText(q);
  }
  await page.getByTestId('kiosk-option').first().click();
  await page.getByRole('button', { name: T.en.skip }).click();
  await expect(page.getByTestId('kiosk-tier')).toBeVisible();
  await expect(page.getByTestId('kiosk-qr-text')).toHaveText(
    /^http:\/\/127\.0\.0\.1:\d+\/compare\?tier=[a-z_]+&ruleset=%2Fbank%2Fus-rewards\.json$/,
  );
  expect(errors).toEqual([]);
});

test('at the top tier the result promises no higher tier', async ({ page }) => {
  const errors = trackErrors(page);
  await open(page, 'en');
  await complete(page, 'en', ['¥10,000,000 or more', '29 or over', 'College or above', '¥50,000 to under ¥200,000']);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'private_banking');
  await expect(page.locator('.kiosk-assumed')).toHaveText('Worked out from the lower end of your band, ¥10,000,000.');
  await expect(page.getByTestId('kiosk-potential')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a kiosk that reloads without network still starts, from its service worker', async ({ page, context }) => {
  const errors = trackErrors(page);
  await open(page, 'en');
  // Once the worker controls the page, every file of the build is cached.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('strata-kiosk-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/kiosk/');
  expect(cached.some((p) => p.endsWith('_bg.wasm'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(h1(page)).toHaveText(T.en.title);
  await complete(page, 'en', ['¥200,000 to under ¥1,000,000', '29 or over', 'College or above', null]);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'mid_upper');
  // Nothing but the build's own files is cached: no answers, no profile.
  const keys = await page.evaluate(async () => {
    const all = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
    }
    return all;
  });
  expect(keys.every((p) => p === '/kiosk/' || /^\/kiosk\/[\w.-]+\.(js|wasm|css)$/.test(p))).toBe(true);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('a landscape 1080p lobby screen shows the result side by side, in dark mode too', async ({ page }, info) => {
  const errors = trackErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'en');
  await complete(page, 'en', ['¥200,000 to under ¥1,000,000', '29 or over', 'College or above', null]);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'mid_upper');
  await expect(page.getByTestId('kiosk-route')).toHaveText('The wealth centre');
  // The route, the benefits and the answers stand side by side in three columns.
  const tops = await page
    .locator('.kiosk-col')
    .evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(tops).toHaveLength(3);
  expect(new Set(tops).size).toBe(1);
  await expectAccessible(page, 'result 1080p');
  await page.screenshot({ path: info.outputPath('kiosk-result-1080p-en.png') });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expectAccessible(page, 'result 1080p dark');
  await page.screenshot({ path: info.outputPath('kiosk-result-1080p-dark-en.png') });
  await page.getByRole('button', { name: 'Start over' }).click();
  await expectAccessible(page, 'attract 1080p dark');
  await page.screenshot({ path: info.outputPath('kiosk-attract-1080p-dark-en.png') });
  expect(errors).toEqual([]);
});

/** Nothing scrolls: the page is no taller than the screen, and "Start over" (when shown) is in it. */
async function expectAboveTheFold(page, label) {
  const { scroll, height } = await page.evaluate(() => ({
    scroll: document.scrollingElement.scrollHeight,
    height: window.innerHeight,
  }));
  expect(scroll, `${label}: page height`).toBeLessThanOrEqual(height);
  const restart = page.locator('.kiosk-restart');
  if ((await restart.count()) > 0) {
    await expect(restart).toBeInViewport({ ratio: 1 });
  }
}

// The longest result the questions give (a next tier and assets elsewhere), on both lobby
// screens in both languages: every screen fits, the type is large enough to read from a
// step back, and on a portrait screen the result fills the screen rather than its top.
const SCREENS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
];
const LONGEST = {
  'zh-CN': ['¥5万（含）至¥20万', '29岁及以上', '大专及以上', '¥20万（含）至¥100万'],
  en: ['¥50,000 to under ¥200,000', '29 or over', 'College or above', '¥200,000 to under ¥1,000,000'],
};
for (const screen of SCREENS) {
  for (const lang of ['zh-CN', 'en']) {
    test(`a ${screen.name} lobby screen in ${lang}: every screen above the fold; large text`, async ({ page }, info) => {
      const errors = trackErrors(page);
      const t = T[lang];
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await open(page, lang);
      await expectAboveTheFold(page, 'attract');
      await page.getByRole('button', { name: t.start }).click();
      for (const [i, q] of [t.assets, t.age, t.education, t.external].entries()) {
        await expect(h1(page)).toHaveText(q);
        await expectAboveTheFold(page, q);
        await answer(page, LONGEST[lang][i]);
      }
      await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'mid_lower');
      await expect(page.getByTestId('kiosk-potential')).toBeVisible();
      await expect(page.getByTestId('kiosk-qr')).toBeVisible();
      await expectAboveTheFold(page, 'result');
      const body = await page.locator('.kiosk-route p:not(.kiosk-place)').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(body).toBeGreaterThanOrEqual(20);
      if (screen.name === 'portrait') {
        // Not crammed into the top: "Start over" sits in the lower half of the screen.
        const box = await page.locator('.kiosk-restart').boundingBox();
        expect(box.y).toBeGreaterThan(screen.height / 2);
      }
      await expectAccessible(page, `result ${screen.name} ${lang}`);
      await page.screenshot({ path: info.outputPath(`kiosk-result-${screen.name}-${lang}.png`) });

      // Large text: everything 1.25 times larger.
      const toggle = page.getByRole('button', { name: lang === 'en' ? 'Large text' : '大字' });
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      const large = await page.locator('.kiosk-route p:not(.kiosk-place)').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(large / body).toBeCloseTo(1.25, 1);
      // Large text fits the lobby screen too: no scroll, "Start over" whole on screen.
      await expectAboveTheFold(page, 'result, large text');
      await expectAccessible(page, `result ${screen.name} ${lang} large`);
      await page.screenshot({ path: info.outputPath(`kiosk-result-${screen.name}-${lang}-large.png`) });
      // A new customer starts with the usual size.
      await page.getByRole('button', { name: t.restart }).click();
      await expect(h1(page)).toHaveText(t.title);
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      // Large text from the start: every screen above the fold as well.
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expectAboveTheFold(page, 'attract, large text');
      await page.getByRole('button', { name: t.start }).click();
      for (const [i, q] of [t.assets, t.age, t.education, t.external].entries()) {
        await expect(h1(page)).toHaveText(q);
        await expectAboveTheFold(page, `${q}, large text`);
        await answer(page, LONGEST[lang][i]);
      }
      await expect(page.getByTestId('kiosk-potential')).toBeVisible();
      await expectAboveTheFold(page, 'result, large text from the start');
      expect(errors).toEqual([]);
    });
  }
}

test('large text on the phone-sized screen and on the questions, by keyboard too', async ({ page }, info) => {
  const errors = trackErrors(page);
  await open(page, 'zh-CN');
  const toggle = page.getByRole('button', { name: '大字' });
  const size = () => page.locator('.kiosk').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect((await size()) / before).toBeCloseTo(1.25, 1);
  await page.getByRole('button', { name: T['zh-CN'].start }).click();
  await expect(h1(page)).toHaveText(T['zh-CN'].assets);
  await expectLargeTargets(page);
  await expectAccessible(page, 'question large zh-CN');
  await page.screenshot({ path: info.outputPath('kiosk-question-large-zh-CN.png'), fullPage: true });
  // Back to the start forgets the answers, not the size the reader chose.
  await page.getByRole('button', { name: T['zh-CN'].back }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

for (const lang of ['zh-CN', 'en']) {
  test(`"none" at other banks in ${lang}: answered, no assets elsewhere, no potential tier`, async ({ page }) => {
    const errors = trackErrors(page);
    const none = lang === 'en' ? 'None' : '没有';
    await open(page, lang);
    await complete(page, lang, [...LONGEST[lang].slice(0, 3), none]);
    await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'mid_lower');
    await expect(page.getByTestId('kiosk-potential')).toHaveCount(0);
    const row = page.getByTestId('kiosk-answers').locator('div').last();
    await expect(row.locator('dd')).toHaveText(none);
    await expectAccessible(page, `result none ${lang}`);
    expect(errors).toEqual([]);
  });
}

test('the take-away QR code holds the tier and the benefits page, no answers or amounts', async ({ page }, info) => {
  const errors = trackErrors(page);
  await open(page, 'zh-CN');
  await complete(page, 'zh-CN', LONGEST['zh-CN']);
  await expect(page.getByTestId('kiosk-tier')).toHaveAttribute('data-tier', 'mid_lower');
  const qr = page.getByRole('img', { name: '二维码：该等级的权益页面' });
  await expect(qr).toBeVisible();
  // Drawn as one SVG path of unit squares, dark on white.
  const squares = await qr.locator('path').evaluate((p) => p.getAttribute('d').match(/M/g).length);
  expect(squares).toBeGreaterThan(100);
  const text = await page.getByTestId('kiosk-qr-text').textContent();
  const origin = new URL(page.url()).origin;
  expect(text).toBe(`${origin}/compare?tier=mid_lower`);
  // Nothing but the address and the tier: no amount, band, age or answer.
  const query = new URL(text).search;
  expect(query).not.toMatch(/\d/);
  for (const secret of ['¥', '万', '50000', '200000', 'asof', 'age', 'education']) {
    expect(text).not.toContain(secret);
  }
  await qr.screenshot({ path: info.outputPath('kiosk-qr.png') });
  // The bank's benefits page by URL, and its ruleset along with the tier.
  await page.goto(at('/kiosk/', { lang: 'en', benefits: 'https://bank.example/tiers?x=1#top' }));
  await complete(page, 'en', LONGEST.en);
  await expect(page.getByTestId('kiosk-qr-text')).toHaveText('https://bank.example/tiers?x=1&tier=mid_lower');
  // An address that is not a web page gives no code at all.
  await page.goto(at('/kiosk/', { lang: 'en', benefits: 'javascript:alert(1)' }));
  await complete(page, 'en', LONGEST.en);
  await expect(page.getByTestId('kiosk-tier')).toBeVisible();
  await expect(page.getByTestId('kiosk-qr')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('bank rules that cannot be loaded: the kiosk says so in words, retries, and logs the detail', async ({ page }) => {
  const errors = trackErrors(page, (text) => text.includes('Failed to load resource') || isReport(text));
  const reports = trackReports(page);
  await page.route('**/kiosk-rules.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(at('/kiosk/', { ruleset: '/kiosk-rules.json' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('暂时无法显示您的等级');
  await expect(card.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(card).not.toContainText('404');
  await expect(card).not.toContainText('kiosk-rules');
  await expect.poll(() => reports.join('\n')).toContain('HTTP 404');
  await expectAccessible(page, 'kiosk error card');
  expect(errors).toEqual([]);
});
