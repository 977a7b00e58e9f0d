// The screen matrix: every customer screen at 360×640, in zh-CN and en, light and dark, and
// at 200 % text. On each: axe finds nothing serious, nothing overflows the phone's width, no
// tab label is clipped, no console error. A screenshot of each (not the 200 % ones) goes to
// tests/artifacts/screens/ (git-ignored) for people to look at. Home, Benefits and Compare
// are checked only generically here; their content has its own specs.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'screens');
mkdirSync(SHOTS, { recursive: true });

const SCREENS = [
  // The demo customer (demo mode: production shows no made-up customer).
  { name: 'home', path: '/', params: { demo: 'li-wei' } },
  { name: 'benefits', path: '/benefits', params: { demo: 'li-wei' } },
  { name: 'compare', path: '/compare', params: { demo: 'li-wei' } },
  { name: 'what-if', path: '/what-if', params: { demo: 'li-wei' } },
  { name: 'product', path: '/product/fund-bond-c', params: { demo: 'li-wei' } },
  { name: 'settings', path: '/settings', params: { demo: 'li-wei' } },
  { name: 'not-found', path: '/no-such-page', params: { demo: 'li-wei' } },
  // The error state: a profile the bank passed that does not read.
  { name: 'error', path: '/', params: { profile: '/test-data/bad-profile.json' }, error: true },
];

/** Nothing wider than the phone, and every tab's label shown whole. */
async function expectFits(page, label) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide, `${label}: page wider than the screen`).toBeLessThanOrEqual(0);
  const clipped = await page.locator('.tab').evaluateAll((tabs) =>
    tabs.filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1).map((t) => t.textContent),
  );
  expect(clipped, `${label}: clipped tab labels`).toEqual([]);
}

for (const s of SCREENS) {
  for (const lang of ['zh-CN', 'en']) {
    for (const scheme of ['light', 'dark']) {
      test(`${s.name} ${lang} ${scheme}: accessible, fits 360 px and 200 % text`, async ({ page }) => {
        // A bad profile is meant to log its detail to the console.
        const errors = trackErrors(page, () => Boolean(s.error));
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(at(s.path, { lang, ...(s.params ?? {}) }));
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        // Drawn whole: no stand-in left (index.html's, or the offers still coming).
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        if (s.error) await expect(page.getByRole('alert').first()).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const label = `${s.name} ${lang} ${scheme}`;
        await expectAccessible(page, label);
        await expectFits(page, label);
        await page.screenshot({ path: join(SHOTS, `${s.name}-${lang}-${scheme}.png`), fullPage: true });
        // 200 % text, as a browser's text-size setting gives it (through the CSSOM: the CSP
        // refuses a <style> tag).
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
        });
        await expectAccessible(page, `${label} 200%`);
        await expectFits(page, `${label} 200%`);
        expect(errors).toEqual([]);
      });
    }
  }
}

test('settings: text size, theme and clearing this device\'s data', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/settings', { lang: 'en', demo: 'li-wei' }));
  const html = page.locator('html');
  await page.getByRole('radio', { name: 'Extra large' }).check();
  await expect(html).toHaveAttribute('data-text', 'larger');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // Remembered across a reload, and applied before the app (web/prefs.js).
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expectAccessible(page, 'settings dark, extra large');
  await page.getByRole('button', { name: "Clear this device's data" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cleared' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'system');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('strata.')))).toEqual([]);
  expect(errors).toEqual([]);
});

test('product: the disclosure, and apply / talk to my manager reach the host as strata-action', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/product/fund-bond-c', { demo: 'li-wei' }));
  await expect(page.getByTestId('disclosure')).toContainText('理财非存款、产品有风险、投资须谨慎');
  await page.evaluate(() => {
    window.__actions = [];
    window.addEventListener('strata-action', (e) => window.__actions.push(e.detail));
  });
  await page.getByTestId('talk-to-manager').click();
  const actions = await page.evaluate(() => window.__actions);
  expect(actions).toHaveLength(1);
  expect(actions[0]).toMatchObject({ type: 'talk_to_manager', product: 'fund-bond-c' });
  expect(typeof actions[0].tier).toBe('string');
  expect(errors).toEqual([]);
});

test('what-if: starts at the gap, ticks on the track, and says what changes in words', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: 'li-wei' }));
  const slider = page.getByTestId('slider');
  const marks = page.getByTestId('ticks').locator('li');
  await expect(marks.first()).toBeAttached();
  // The slider starts at the nearest mark (the gap: ¥37,500 for Li Wei), sits on its tick,
  // and goes past the highest mark; each mark has a tick and a button.
  await expect(page.getByTestId('amount')).toHaveValue('37500');
  const [value, max] = await slider.evaluate((s) => [Number(s.value), Number(s.max)]);
  expect(value).toBe(100);
  expect(max).toBe(100 * (await marks.count() + 1));
  expect(await marks.count()).toBe(await page.getByTestId('marks').locator('li').count());
  // The highest position is core's end, past every tier.
  await slider.fill(String(max));
  await expect(page.getByTestId('what-if-summary')).toContainText('私人银行');
  await slider.fill('100');
  await expect(page.getByTestId('amount')).toHaveValue('37500');
  await expect(page.getByTestId('what-if-summary')).toContainText('您将升级为');
  // Keep: a finished sentence as its label.
  await page.getByRole('radio', { name: /保持在某一金额/ }).check();
  await expect(page.getByTestId('what-if-summary')).toContainText('评定');
  expect(errors).toEqual([]);
});
