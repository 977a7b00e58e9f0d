// Navigation: the tab bar, deep links, the back button, product details from a
// recommendation, and the language choice remembered across a reload.

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

test('tabs, product detail and the back button keep the customer and the date', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/', { demo: 'xu-hui' }));
  await expect(page.getByRole('region', { name: '理财金', exact: true })).toBeVisible();

  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '权益' }).click();
  await expect(page).toHaveURL(/\/benefits\?.*demo=xu-hui/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的权益');
  await expect(page.getByRole('heading', { level: 2, name: '增值服务' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '权益' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: '等级' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('等级对比');
  // Compare is a table with a column per tier; the customer's own is marked current.
  const current = page.locator('th.tier-head[aria-current="true"]');
  await expect(current).toHaveAttribute('data-tier', 'mid_upper');
  await expect(page.locator('th.tier-head')).toHaveCount(6);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的权益');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的客户等级');

  // The first recommendation's details, against the customer's (expired) questionnaire.
  await page.getByTestId('rec').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/product\/debit-wealth-account\?/);
  await expect(page.getByTestId('tolerance')).toHaveText('C4 成长型（已过期）');
  await expect(page.getByTestId('reasons')).toContainText('您尚未开通银行卡');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的客户等级');
  expect(errors).toEqual([]);
});

test('a deep link to a product shows risk against tolerance and why it is not offered', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/product/fund-equity-growth', { demo: 'chen-jing', lang: 'en' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Growth equity fund');
  await expect(page.getByTestId('risk')).toHaveText(/^R\d /);
  await expect(page.getByTestId('tolerance')).toHaveText('C2 cautious');
  await expect(page.getByText('Above your risk tolerance; it cannot be recommended to you.')).toBeVisible();
  await expect(page.getByTestId('excluded')).toContainText('above your tolerance');
  expect(errors).toEqual([]);
});

test('a product page shows its risk disclosure and cooling-off period, as text', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/product/fund-bond-c', { demo: 'li-wei' }));
  await expect(page.getByTestId('disclosure')).toContainText('基金有风险，投资须谨慎；过往业绩不代表未来表现');
  await page.goto(at('/product/life-whole', { demo: 'li-wei', lang: 'en' }));
  await expect(page.getByTestId('disclosure')).toContainText('Insurance is not a deposit');
  await expect(page.getByTestId('cooling-off')).toHaveText('You may cancel within 360 hours of buying, no questions asked');
  await expectAccessible(page, 'product with disclosure');
  expect(errors).toEqual([]);
});

test('the language choice is remembered, and only the language is stored', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/settings', { demo: '1' }));
  await page.getByLabel('English').check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await page.getByLabel(/Zhang Xiaoyu/).check();
  await expect(page).toHaveURL(/demo=zhang-xiaoyu/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('region', { name: 'Growth', exact: true })).toBeVisible();
  const stored = await page.evaluate(() => ({ ...localStorage }));
  expect(stored).toEqual({ 'strata.lang': 'en' });
  expect(errors).toEqual([]);
});
