// What-if: crossing a threshold changes the tier and the benefits, crossing back restores
// them; the slider works from the keyboard; staying low for three months downgrades.

import { expect, test } from '@playwright/test';
import { at, trackErrors } from './helpers.mjs';

test('what-if starts at the gap and lifts Li Wei a tier; one cent less does not', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: '1' }));
  const summary = page.getByTestId('what-if-summary');
  await expect(summary).toHaveAttribute('aria-live', 'polite');
  // The slider starts at the gap: the next tier.
  await expect(summary).toContainText('您将升级为理财金');

  const amount = page.getByLabel('存入金额（元）');
  await amount.fill('37499.99');
  await expect(summary).toContainText('您的等级仍为金卡');
  await expect(page.getByTestId('gained')).toHaveCount(0);

  await amount.fill('37500');
  await expect(summary).toContainText('您将升级为理财金');
  await expect(page.locator('#what-if-tier')).toHaveAttribute('data-tier', 'mid_upper');
  await expect(page.getByTestId('gained')).toBeVisible();
  await expect(page.getByTestId('lost')).toHaveCount(0);

  // The slider, from the keyboard: Home back to zero, End past the highest tier.
  const slider = page.getByRole('slider', { name: '金额滑块' });
  await slider.focus();
  await slider.press('Home');
  await expect(amount).toHaveValue('0');
  await expect(summary).toContainText('您的等级仍为金卡');
  await slider.press('End');
  await expect(summary).toContainText('您将升级为私人银行');
  expect(errors).toEqual([]);
});

test('moving assets from another bank makes Sun Li wealth-management, in English', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: 'sun-li', lang: 'en' }));
  await page.getByLabel('If I move assets here from another bank').check();
  const amount = page.getByLabel('Amount to move');
  await amount.fill('819999');
  await expect(page.getByTestId('what-if-summary')).toContainText('You would move up to Premier.');
  await amount.fill('820000');
  await expect(page.getByTestId('what-if-summary')).toContainText('You would move up to Wealth Management.');
  // A relationship manager is new; the gold debit card becomes the wealth-account platinum card.
  await expect(page.getByTestId('gained')).toContainText('Dedicated AFP-certified relationship manager');
  await expect(page.getByTestId('upgraded')).toContainText('Gold debit card → Wealth-account platinum card');
  await amount.fill('0');
  await expect(page.getByTestId('what-if-summary')).toContainText('Your tier would stay Gold.');
  expect(errors).toEqual([]);
});

test('keeping assets below the bar downgrades Zhou Tao and lists what he loses', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/what-if', { demo: 'zhou-tao' }));
  await page.getByLabel('如果我的资产一直保持在某一金额').check();
  const amount = page.getByLabel('保持的金额（元）');
  await amount.fill('900000');
  await expect(page.getByTestId('what-if-summary')).toContainText('您将降为理财金');
  await expect(page.getByTestId('lost')).toBeVisible();
  await amount.fill('1000000');
  await expect(page.getByTestId('what-if-summary')).toContainText('您的等级仍为财富管理');
  await expect(page.getByTestId('lost')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('what-if names one date for Zhou Tao: the review that decides his tier, then the next review once he is above the bar', async ({ page }) => {
  const errors = trackErrors(page);
  for (const [i, lang] of ['zh-CN', 'en'].entries()) {
    await page.goto(at('/what-if', { demo: 'zhou-tao', lang }));
    const amount = page.getByLabel(['存入金额（元）', 'Amount to add'][i]);
    const deciding = ['2026年12月31日', '31 Dec 2026'][i];
    const next = ['2026年11月30日', '30 Nov 2026'][i];
    const main = page.locator('main');
    // Still below the bar: the deferred downgrade's review, once, and not the next monthly one.
    await amount.fill('1');
    await expect(page.getByTestId('basis')).toContainText(deciding);
    await expect(page.getByTestId('what-if-dates')).toHaveCount(0);
    let text = await main.innerText();
    expect(text.split(deciding).length - 1).toBe(1);
    expect(text).not.toContain(next);
    // Back above the bar: nothing is deferred, the next review is the one date.
    await amount.fill('140000');
    await expect(page.getByTestId('what-if-dates')).toContainText(next);
    text = await main.innerText();
    expect(text.split(next).length - 1).toBe(1);
    expect(text).not.toContain(deciding);
  }
  expect(errors).toEqual([]);
});
