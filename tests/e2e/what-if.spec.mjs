// What-if: crossing a threshold changes the tier and the benefits, crossing back restores
// them; the slider works from the keyboard; staying low for three months downgrades.

import { expect, test } from '@playwright/test';
import { at, trackErrors } from './helpers.mjs';

test('adding the gap lifts Li Wei a tier; one cent less does not', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: '1' }));
  const result = page.getByRole('region', { name: /理财金|金卡/ }).filter({ has: page.locator('#what-if-tier') });
  const summary = page.getByTestId('what-if-summary');
  await expect(summary).toHaveText('试算结果：金卡，等级不变');
  await expect(summary).toHaveAttribute('aria-live', 'polite');

  const amount = page.getByLabel('金额（元）');
  await amount.fill('37500');
  await expect(summary).toHaveText('试算结果：理财金，升级');
  await expect(page.locator('#what-if-tier')).toHaveAttribute('data-tier', 'mid_upper');
  await expect(page.getByTestId('gained')).toBeVisible();
  await expect(result.getByTestId('gap-amount')).toHaveText('¥80万');

  await amount.fill('37499.99');
  await expect(summary).toHaveText('试算结果：金卡，等级不变');
  await expect(page.getByTestId('gained')).toHaveCount(0);
  await expect(result.getByTestId('gap-amount')).toHaveText('¥0.01');

  // The slider, from the keyboard: End is the top of its range, Home back to zero.
  const slider = page.getByRole('slider', { name: '金额滑块' });
  await slider.focus();
  await slider.press('End');
  await expect(amount).toHaveValue('100000');
  await expect(summary).toHaveText('试算结果：理财金，升级');
  await slider.press('Home');
  await expect(amount).toHaveValue('0');
  await expect(summary).toHaveText('试算结果：金卡，等级不变');
  expect(errors).toEqual([]);
});

test('moving assets from another bank makes Sun Li high-end, in English', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: 'sun-li', lang: 'en' }));
  await page.getByLabel('If I move from another bank').check();
  const amount = page.getByLabel('Amount (¥)');
  await amount.fill('819999');
  await expect(page.getByTestId('what-if-summary')).toHaveText('Result: Premier: Up a tier');
  await amount.fill('820000');
  await expect(page.getByTestId('what-if-summary')).toHaveText('Result: Wealth Management: Up a tier');
  await expect(page.getByTestId('gained')).toContainText('Dedicated AFP-certified relationship manager');
  await amount.fill('0');
  await expect(page.getByTestId('what-if-summary')).toHaveText('Result: Gold: Tier unchanged');
  expect(errors).toEqual([]);
});

test('staying below the bar for three months downgrades Zhou Tao and lists what he loses', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: 'zhou-tao' }));
  await page.getByLabel('如果3个月平均资产保持').check();
  await expect(page.getByTestId('what-if-summary')).toHaveText('试算结果：理财金，降级');
  await expect(page.getByTestId('lost')).toBeVisible();
  await page.getByLabel('金额（元）').fill('1000000');
  await expect(page.getByTestId('what-if-summary')).toHaveText('试算结果：财富管理，等级不变');
  await expect(page.getByTestId('lost')).toHaveCount(0);
  expect(errors).toEqual([]);
});
