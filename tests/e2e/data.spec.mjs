// The bank's data: a profile by URL, a bad profile (error card naming the field, in the
// user's language, app still usable), unreachable data, and the JS bridge for WebViews.

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

test('a profile by URL is evaluated', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/', { profile: '/test-data/good-profile.json' }));
  await expect(page.getByRole('region', { name: '中端客户（高）' })).toBeVisible();
  await expect(page.getByTestId('assets')).toHaveText('¥25万');
  expect(errors).toEqual([]);
});

test('a bad profile shows an error card naming the field, and the app stays usable', async ({ page }, info) => {
  const errors = trackErrors(page);
  await page.goto(at('/', { profile: '/test-data/bad-profile.json' }));
  const card = page.getByTestId('error-card');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toHaveText('客户资料有误');
  await expect(card.getByTestId('error-path')).toHaveText('$.holdings[0].balance');
  await expect(card).toContainText('不能为负数（当前为-500）');
  await expectAccessible(page, 'error card zh-CN');
  await page.screenshot({ path: info.outputPath('error-zh-CN.png'), fullPage: true });
  // The demo customer is shown meanwhile, and the app works.
  await expect(page.getByRole('region', { name: '中端客户（低）' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByRole('heading')).toHaveText('The customer profile has a problem');
  await expect(card).toContainText('Field');
  await expect(card).toContainText('must not be negative (got -500)');
  await page.screenshot({ path: info.outputPath('error-en.png'), fullPage: true });
  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(card).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('unreachable data says so', async ({ page }) => {
  // The browser itself logs the failed request; nothing else may be logged.
  const errors = trackErrors(page, (text) => text.includes('Failed to load resource'));
  await page.route('**/missing-profile.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(at('/', { profile: '/missing-profile.json', lang: 'en' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('The data could not be loaded');
  await expect(card).toContainText('HTTP 404');
  await expect(page.getByRole('region', { name: 'Mid-tier (lower)' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a bad ruleset by URL names the field', async ({ page }) => {
  const errors = trackErrors(page);
  await page.route('**/rules.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ id: 'x', version: '1', currency: 'CNY', locales: ['en'], review: { schedule: { type: 'monthly' }, downgrade: { type: 'never' } }, tiers: [{ id: 'a', name: { en: 'A' }, maintained_by: 'teller', service_route: 'counter', colour: '#000' }] }) }),
  );
  await page.goto(at('/', { ruleset: '/rules.json' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('等级规则有误');
  await expect(card.getByTestId('error-path')).toContainText('$.tiers[0]');
  expect(errors).toEqual([]);
});

test('a native WebView passes a profile with strataSetProfile or postMessage', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/'));
  await expect(page.getByRole('region', { name: '中端客户（低）' })).toBeVisible();
  await page.evaluate(() =>
    window.strataSetProfile({
      id: 'webview-1',
      birth_date: '1970-01-01',
      education: 'master',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '12000000' }],
    }),
  );
  await expect(page.getByRole('region', { name: '私人银行客户' })).toBeVisible();
  await page.evaluate(() =>
    window.postMessage(
      { type: 'strata:profile', profile: { id: 'webview-2', birth_date: '1975-06-01', education: 'bachelor', holdings: [{ product: 'demand-cny', family: 'deposit', balance: '1500000' }] } },
      window.location.origin,
    ),
  );
  await expect(page.getByRole('region', { name: '高端客户' })).toBeVisible();
  await page.evaluate(() => window.strataSetProfile('{"id": 7}'));
  await expect(page.getByTestId('error-card')).toContainText('$.id');
  await expect(page.getByRole('region', { name: '高端客户' })).toBeVisible();
  expect(errors).toEqual([]);
});
