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
