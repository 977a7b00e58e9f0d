// The demo customer's tier card: right tier and gap in both languages, the language
// switch, accessibility (axe), and a screenshot of each language kept as an artifact.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

function trackErrors(page) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('demo customer sees mid-tier and the gap to the next tier, in Chinese then English', async ({ page }, info) => {
  const errors = trackErrors(page);
  await page.goto('/?demo=1');

  const card = page.getByRole('region', { name: '金卡', exact: true });
  await expect(card).toBeVisible();
  await expect(page.getByTestId('gap-amount')).toHaveText('¥3.75万');
  await expect(card).toContainText('距离理财金还差');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '81');
  await page.screenshot({ path: info.outputPath('home-zh-CN.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('region', { name: 'Gold', exact: true })).toBeVisible();
  await expect(page.getByTestId('gap-amount')).toHaveText('¥37,500');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My customer tier');
  await page.screenshot({ path: info.outputPath('home-en.png'), fullPage: true });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  expect(errors).toEqual([]);
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/?demo=1');
  await expect(page.getByTestId('gap-amount')).toBeVisible();
  for (const lang of ['zh-CN', 'en']) {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${lang}: ${v.id}: ${v.help}`)).toEqual([]);
    if (lang === 'zh-CN') await page.getByRole('button', { name: 'English' }).click();
  }
});

// Issue 13: the skeleton index.html paints, the app's own stand-in while the profile loads,
// and the real card follow one another without moving anything on a 360×640 phone.
// wang-jianguo is in the top tier: nothing within reach, so his next action is the top offer,
// which comes with the catalog after the card.
for (const path of ['/?asof=2026-11-25&profile=/test-data/good-profile.json', '/?demo=1', '/?demo=wang-jianguo']) {
  test(`Home loads without a layout shift (${path})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) {
            window.__shifts.push({
              value: entry.value,
              nodes: (entry.sources ?? []).map((s) => s.node?.className ?? String(s.node)),
            });
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A slow network for the customer's data, so the loading state is on screen for a while
    // (as on a phone) rather than replaced within the same frame.
    await page.route('**/*.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.goto(path);
    await expect(page.locator('.tier-card')).toBeVisible();
    await expect(page.locator('p.privacy')).toBeAttached();
    // The offers come after the card (the catalog is added once the card is painted): their
    // arrival moves nothing either, the next action's place included.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // One frame more, so a shift the last render caused is reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => window.__shifts)).toEqual([]);
  });
}
