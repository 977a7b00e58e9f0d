// Home, Benefits and Compare as a customer reads them (issue 13, problems 4–6): what keeps an
// at-risk tier comes first, three benefits and one next action, the benefits grid with what
// the tier adds, the compare table; the bank's internal tier names and target segments never
// show; axe is clean in both languages, light and dark, at 360 px and with 200 % text; and
// screenshots of the three screens land in tests/artifacts/screens/.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';
import { at, expectAccessible, isReport, trackErrors } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCREENS_DIR = path.join(HERE, '..', 'artifacts', 'screens');
const RULESET = JSON.parse(fs.readFileSync(path.join(HERE, '..', '..', 'core', 'rulesets', 'cn-retail.json'), 'utf8'));

const LANGS = ['zh-CN', 'en'];
const SCREENS = [
  { name: 'home', path: '/' },
  { name: 'benefits', path: '/benefits' },
  { name: 'compare', path: '/compare' },
];

/** The browser's own text size at 200 %, as a customer sets it: rem-based sizes follow. */
async function largeText(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

async function open(page, p, params = {}) {
  await page.goto(at(p, { demo: 'li-wei', ...params }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', params.lang ?? 'zh-CN');
}

test('home: an at-risk customer sees the amount that keeps his tier first, with one review date', async ({ page }) => {
  const errors = trackErrors(page);
  for (const [i, lang] of LANGS.entries()) {
    await open(page, '/', { demo: 'zhou-tao', lang });
    const card = page.getByRole('region', { name: ['财富管理', 'Wealth Management'][i], exact: true });
    const keep = card.getByTestId('keep');
    await expect(keep).toBeVisible();
    await expect(keep).toContainText(['保持当前等级还需', 'To keep your tier, add'][i]);
    await expect(card.getByTestId('keep-amount')).toHaveText(/^¥[\d,.]+万?$/);
    // Instead of the ¥914万 gap to private banking, not under it.
    await expect(card.getByTestId('gap-amount')).toHaveCount(0);
    await expect(card.getByTestId('basis')).toHaveCount(0);
    // Core's deciding date (the review at which the deferred downgrade happens), and no other.
    const review = ['2026年12月31日', '31 Dec 2026'][i];
    await expect(card.getByTestId('review-date')).toContainText(review);
    const text = await page.locator('main').innerText();
    expect(text.split(review).length - 1, 'one review date on Home').toBe(1);
    expect(text, 'not the next monthly review').not.toContain(['2026年11月30日', '30 Nov 2026'][i]);
    // The one action is about keeping the tier.
    const action = page.getByTestId('next-action');
    await expect(action).toHaveCount(1);
    await expect(action).toHaveText(['试算如何保持当前等级', 'See how to keep your tier'][i]);
    await expect(action).toHaveAttribute('href', /^\/what-if/);
  }
  expect(errors).toEqual([]);
});

test('home: one next action, three benefits with icons, then moments and offers', async ({ page }) => {
  const errors = trackErrors(page);
  for (const [i, lang] of LANGS.entries()) {
    await open(page, '/', { lang });
    const card = page.getByRole('region', { name: ['金卡', 'Gold'][i], exact: true });
    await expect(card.getByTestId('gap-amount')).toBeVisible();
    await expect(card.locator('svg.tier-mark')).toHaveAttribute('aria-hidden', 'true');
    const tiles = page.getByTestId('highlights').getByTestId('benefit');
    await expect(tiles).toHaveCount(3);
    await expect(tiles.first()).toContainText(['部分增值服务', 'Some value-added services'][i]);
    for (const svg of await tiles.locator('svg').all()) await expect(svg).toHaveAttribute('aria-hidden', 'true');
    const action = page.getByTestId('next-action');
    await expect(action).toHaveCount(1);
    await expect(action).toHaveText(['试算如何升级为理财金', 'See how to reach Premier'][i]);
    await expect(action).toHaveAttribute('href', /^\/what-if/);
    // The order a banking app's tier page has: card, the action right under it (above the
    // fold on a phone), benefits, moments, offers.
    const order = await page.locator('main').evaluate((m) =>
      ['.tier-card', '.next-action', '.highlights', '#moments-title', '#recs-title'].map((s) =>
        [...m.querySelectorAll('*')].indexOf(m.querySelector(s)),
      ),
    );
    expect(order.every((x, k) => x >= 0 && (k === 0 || x > order[k - 1])), String(order)).toBe(true);
  }
  // The birthday greeting does not state the customer's age; the bundle is named once.
  await open(page, '/', { demo: 'chen-jing' });
  const birthday = page.getByTestId('moment').filter({ hasText: '生日快乐' });
  await expect(birthday).toBeVisible();
  await expect(birthday).not.toContainText('岁');
  await expect(page.locator('main')).not.toContainText('套餐」套餐');
  expect(errors).toEqual([]);
});

// The one next action sits above the fold of a 360×640 phone, clear of the tab bar, at
// normal text size: for the tier within reach, a tier to keep, assets held elsewhere and the
// top tier (an offer), in both languages, in demo mode (its banner on top) and with the
// bank's own profile (no banner).
const FOLD = ['li-wei', 'zhou-tao', 'sun-li', 'wang-jianguo'];
const DEMO_DIR = path.join(HERE, '..', '..', 'web', 'app', 'demo');

test('home: the next action is above the fold at 360×640, with and without the demo banner', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = trackErrors(page);
  expect(page.viewportSize()).toEqual({ width: 360, height: 640 });
  for (const id of FOLD) {
    const { profile } = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, `${id}.json`), 'utf8'));
    await page.route('**/bank/me.json', (route) => route.fulfill({ json: profile }));
    for (const lang of LANGS) {
      for (const demo of [true, false]) {
        const params = demo ? { demo: id, lang } : { profile: '/bank/me.json', lang };
        await page.goto(at('/', params));
        const what = `${id} ${lang} ${demo ? 'demo' : 'bank profile'}`;
        await expect(page.getByTestId('demo-banner'), what).toHaveCount(demo ? 1 : 0);
        const action = page.getByTestId('next-action');
        await expect(action, what).toBeVisible();
        const box = await action.boundingBox();
        const tabs = await page.locator('nav.tabs').boundingBox();
        expect(box.y + box.height, `${what}: below the fold`).toBeLessThanOrEqual(640);
        expect(box.y + box.height, `${what}: under the tab bar`).toBeLessThanOrEqual(tabs.y);
      }
    }
    await page.unroute('**/bank/me.json');
  }
  expect(errors).toEqual([]);
});

test('benefits: an icon grid by category, marking what the tier adds over the tier below', async ({ page }) => {
  const errors = trackErrors(page);
  for (const [i, lang] of LANGS.entries()) {
    await open(page, '/benefits', { lang });
    await expect(page.getByTestId('adds')).toHaveText(
      ['与成长相比，新增4项、升级6项权益。', 'Compared with Growth: 4 new and 6 upgraded.'][i],
    );
    const categories = page.locator('.benefit-cat');
    await expect(categories).toHaveCount(5);
    await expect(categories.first().getByRole('heading', { level: 2 })).toHaveText(['品牌与银行卡', 'Brand and cards'][i]);
    const tile = (kind) => page.locator(`[data-testid="benefit"][data-kind="${kind}"]`);
    await expect(tile('signature_card').getByTestId('benefit-tag')).toHaveText(['升级', 'Upgraded'][i]);
    await expect(tile('wealth_centre').getByTestId('benefit-tag')).toHaveText(['新增', 'New'][i]);
    await expect(tile('debit_card').getByTestId('benefit-tag')).toHaveCount(0);
    // Icons are decoration: every one is hidden from assistive technology.
    const icons = page.locator('main svg');
    expect(await icons.count()).toBeGreaterThan(20);
    await expect(page.locator('main svg:not([aria-hidden="true"])')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('compare: a table with tiers as columns, the customer\'s column highlighted, row labels sticky', async ({ page }) => {
  const errors = trackErrors(page);
  for (const [i, lang] of LANGS.entries()) {
    await open(page, '/compare', { lang });
    const table = page.getByRole('table');
    await expect(table).toHaveCount(1);
    const heads = table.getByRole('columnheader');
    await expect(heads).toHaveCount(RULESET.tiers.length + 1);
    const names = RULESET.tiers.map((t) => t.display_name[lang]);
    for (const [k, n] of names.entries()) await expect(heads.nth(k + 1)).toContainText(n);
    const mine = table.locator('thead th[aria-current="true"]');
    await expect(mine).toHaveCount(1);
    await expect(mine).toHaveAttribute('data-tier', 'mid_lower');
    await expect(mine).toContainText(['当前等级', 'Your tier'][i]);
    // Every cell of the customer's column is highlighted.
    const col = names.indexOf(['金卡', 'Gold'][i]) + 2;
    const cells = table.locator(`tbody tr > :nth-child(${col})`);
    expect(await cells.count()).toBe(7);
    for (const c of await cells.all()) await expect(c).toHaveClass(/current/);
    // Rows: conditions, served by, then the five benefit categories; upgrades visible.
    await expect(table.getByRole('rowheader')).toHaveCount(7);
    await expect(table.locator('tbody .upgraded .tag').first()).toHaveText(['升级', 'Upgraded'][i]);
    // On a phone the table scrolls sideways inside its region while the row labels stay.
    const region = page.getByRole('region', { name: ['等级对比', 'Compare tiers'][i] });
    const { scrollWidth, clientWidth } = await region.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const label = table.getByRole('rowheader').first();
    expect(await label.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    const before = await label.boundingBox();
    await region.evaluate((e) => e.scrollBy(400, 0));
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    const after = await label.boundingBox();
    expect(Math.round(after.x)).toBe(Math.round(before.x));
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Target segments (a tier's description) are for staff only.
    const text = await page.locator('main').innerText();
    for (const t of RULESET.tiers) {
      for (const part of t.description[lang].split(/、|, /)) expect(text).not.toContain(part);
    }
  }
  expect(errors).toEqual([]);
});

test('compare from the kiosk\'s QR code: no profile needed, the scanned tier highlighted and in view, nobody\'s tier shown as "mine"', async ({ page }) => {
  // Without a profile the app reports that to the console (and a host's onError), as always.
  const errors = trackErrors(page, isReport);
  for (const [i, lang] of LANGS.entries()) {
    // What the kiosk's QR code opens: /compare?tier=<id>, and no customer at all.
    await page.goto(at('/compare', { tier: 'high_end', lang }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(['等级对比', 'Compare tiers'][i]);
    const table = page.getByRole('table');
    await expect(table.locator('th.tier-head')).toHaveCount(RULESET.tiers.length);
    // No error card and no column is "yours": no demo customer stands in.
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
    await expect(table.locator('[aria-current]')).toHaveCount(0);
    await expect(table.locator('.current')).toHaveCount(0);
    await expect(table.locator('thead')).not.toContainText(['当前等级', 'Your tier'][i]);
    await expect(page.getByRole('heading', { name: ['我的客户等级', 'My customer tier'][i] })).toHaveCount(0);
    // The scanned tier's column: highlighted top to bottom, badged, scrolled next to the labels.
    const head = table.locator('th.tier-head[data-tier="high_end"]');
    await expect(head).toHaveClass(/chosen/);
    await expect(head.getByTestId('chosen')).toHaveText(['您的评估结果', 'Your result'][i]);
    const col = RULESET.tiers.findIndex((t) => t.id === 'high_end') + 2;
    for (const c of await table.locator(`tbody tr > :nth-child(${col})`).all()) await expect(c).toHaveClass(/chosen/);
    await expect(table.locator('th.chosen')).toHaveCount(1);
    const region = page.getByRole('region', { name: ['等级对比', 'Compare tiers'][i] });
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    const box = await region.boundingBox();
    const label = await table.locator('thead .corner').boundingBox();
    const cell = await head.boundingBox();
    expect(cell.x).toBeGreaterThanOrEqual(label.x + label.width - 1);
    expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width + 1);
    await expectAccessible(page, `compare from a QR code ${lang}`);
  }
  // With a customer, her own column stays hers and the linked tier is highlighted beside it.
  await page.goto(at('/compare', { demo: 'li-wei', tier: 'private_banking' }));
  await expect(page.locator('th.tier-head[aria-current="true"]')).toHaveAttribute('data-tier', 'mid_lower');
  await expect(page.locator('th.tier-head.chosen')).toHaveAttribute('data-tier', 'private_banking');
  // A bank's profile that fails still says so, in the customer's words, above the table.
  await page.goto(at('/compare', { profile: '/test-data/bad-profile.json', tier: 'high_end' }));
  await expect(page.getByRole('alert')).toContainText('暂时无法显示您的等级');
  await expect(page.locator('th.tier-head.chosen')).toHaveAttribute('data-tier', 'high_end');
  // An unknown id highlights nothing and breaks nothing.
  await page.goto(at('/compare', { tier: 'no_such_tier' }));
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.locator('.chosen')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('customer screens never show the bank\'s internal tier names', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = trackErrors(page);
  const internal = RULESET.tiers.flatMap((t) => LANGS.map((l) => t.name[l]).filter((n, k) => n !== t.display_name[LANGS[k]]));
  for (const persona of ['zhou-tao', 'li-wei', 'sun-li', 'liu-yang', 'zhang-xiaoyu']) {
    for (const lang of LANGS) {
      for (const s of SCREENS) {
        await open(page, s.path, { demo: persona, lang });
        const text = await page.locator('body').innerText();
        const what = `${persona} ${s.name} ${lang}`;
        expect(text, what).not.toMatch(/中端客户|Mid-tier|(私人银行|高端|中端|潜力|普通)客户/);
        // Tier names wherever a tier is named (English internal names such as "Private
        // banking" also begin benefit texts, so they are checked on the names themselves).
        const named = await page.locator('[data-tier], .tier-title').allInnerTexts();
        for (const n of internal) {
          expect(text.includes(n) && /\p{Script=Han}/u.test(n), `${what}: ${n}`).toBe(false);
          for (const t of named) expect(t, `${what}: ${n}`).not.toContain(n);
        }
      }
    }
  }
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark']) {
  for (const s of SCREENS) {
    test(`${s.name}, ${scheme}: axe clean in both languages at 360 px and 200 % text, with screenshots`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors = trackErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      fs.mkdirSync(SCREENS_DIR, { recursive: true });
      for (const lang of LANGS) {
        await open(page, s.path, { lang });
        await expectAccessible(page, `${s.name} ${lang} ${scheme}`);
        await page.screenshot({ path: path.join(SCREENS_DIR, `${s.name}-${lang}-${scheme}.png`) });
        await page.screenshot({ path: path.join(SCREENS_DIR, `${s.name}-${lang}-${scheme}-full.png`), fullPage: true });
      }
      await largeText(page);
      for (const lang of LANGS) {
        await open(page, s.path, { lang });
        await expectAccessible(page, `${s.name} ${lang} ${scheme} 200 %`);
        // Nothing pushes the page sideways; the compare table scrolls in its own region.
        expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
        await page.screenshot({ path: path.join(SCREENS_DIR, `${s.name}-${lang}-${scheme}-200.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
    });
  }
}
