// The bank's data: a profile by URL, the JS bridge for WebViews, and every way it can fail.
// A failure is told in the customer's words with a way on (retry, or dismiss when an earlier
// result still shows); the technical detail (JSON paths, parser and HTTP messages) goes to
// the console and the host's strataOnError, never the screen. Without a profile there is no
// tier at all: demo customers only in demo mode (?demo=), which says so.

import { expect, test } from '@playwright/test';
import { at, expectAccessible, isReport, trackErrors, trackReports } from './helpers.mjs';

/** Nothing technical on the card: no JSON path, parser message, HTTP status or URL. */
async function expectNoDetail(card) {
  for (const detail of ['$.', 'profile', 'HTTP', '404', 'json', 'expected', 'parse']) {
    await expect(card).not.toContainText(detail);
  }
}

test('a profile by URL is evaluated', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/', { profile: '/test-data/good-profile.json' }));
  await expect(page.getByRole('region', { name: '理财金', exact: true })).toBeVisible();
  await expect(page.getByTestId('assets')).toHaveText('¥25万');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('no profile: the customer is told in words, can retry, and sees no demo tier', async ({ page }, info) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await page.goto(at('/'));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('暂时无法显示您的等级');
  await expect(card.getByRole('button', { name: '重试' })).toBeVisible();
  await expectNoDetail(card);
  await expect(page.locator('.tier-card')).toHaveCount(0);
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expectAccessible(page, 'no profile zh-CN');
  await page.screenshot({ path: info.outputPath('no-profile-zh-CN.png'), fullPage: true });
  // The detail is in the console, for the developer.
  await expect.poll(() => reports.join('\n')).toContain('"path":"profile"');
  // Settings offers no demo customer outside demo mode.
  await page.goto(at('/settings', { lang: 'en' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your tier cannot be shown right now');
  await expect(page.getByRole('group', { name: 'Demo customer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('error-card')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a malformed profile: customer words, retry, the detail only in the console', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await page.route('**/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "id": ' }));
  await page.goto(at('/', { profile: '/broken.json', lang: 'en' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expect(card.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectNoDetail(card);
  await expect(page.locator('.tier-card')).toHaveCount(0);
  await expect.poll(() => reports.join('\n')).toContain('/broken.json');
  expect(reports.join('\n')).toContain('"type":"parse"');
  expect(errors).toEqual([]);
});

test('a bad profile names its field in the console and to the host, never on screen', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await page.addInitScript(() => {
    window.__errors = [];
    window.strataOnError = (errors, kind) => window.__errors.push({ kind, errors });
  });
  await page.goto(at('/', { profile: '/test-data/bad-profile.json' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('暂时无法显示您的等级');
  await expect(card).toContainText('请稍后重试');
  await expectNoDetail(card);
  await expect.poll(() => page.evaluate(() => window.__errors)).toEqual([
    { kind: 'profile', errors: [{ type: 'negative', path: '$.holdings[0].balance', message: 'must not be negative (got -500)' }] },
  ]);
  expect(reports.join('\n')).toContain('$.holdings[0].balance');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expectNoDetail(card);
  expect(errors).toEqual([]);
});

test('unreachable data says so in words; the HTTP status is in the console', async ({ page }) => {
  // The browser itself logs the failed request; the app logs its report.
  const errors = trackErrors(page, (text) => text.includes('Failed to load resource') || isReport(text));
  const reports = trackReports(page);
  await page.route('**/missing-profile.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(at('/', { profile: '/missing-profile.json', lang: 'en' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('Your tier cannot be shown right now');
  await expect(card).toContainText('check your connection');
  await expectNoDetail(card);
  await expect(page.locator('.tier-card')).toHaveCount(0);
  await expect.poll(() => reports.join('\n')).toContain('HTTP 404');
  expect(errors).toEqual([]);
});

test('a bad ruleset by URL: the demo keeps its tier, the path is in the console', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await page.route('**/rules.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ id: 'x', version: '1', currency: 'CNY', locales: ['en'], review: { schedule: { type: 'monthly' }, downgrade: { type: 'never' } }, tiers: [{ id: 'a', name: { en: 'A' }, maintained_by: 'teller', service_route: 'counter', colour: '#000' }] }) }),
  );
  await page.goto(at('/', { demo: '1', ruleset: '/rules.json' }));
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('您的等级暂时无法更新');
  await expectNoDetail(card);
  await expect(page.getByRole('region', { name: '金卡', exact: true })).toBeVisible();
  await expect.poll(() => reports.join('\n')).toContain('$.tiers[0]');
  await card.getByRole('button', { name: '知道了' }).click();
  await expect(card).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('demo mode says so on screen, in both languages', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto(at('/', { demo: '1' }));
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toHaveText('演示模式：这是虚构的演示客户，不是您的真实资料。');
  await expect(page.getByRole('region', { name: '金卡', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(banner).toHaveText('Demo mode: this is a made-up demo customer, not your own data.');
  await page.goto(at('/settings', { demo: 'xu-hui', lang: 'en' }));
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Demo customer' })).toBeVisible();
  await expectAccessible(page, 'demo banner');
  expect(errors).toEqual([]);
});

test('a native WebView passes a profile with strataSetProfile or postMessage', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  await page.goto(at('/'));
  // No profile yet: no tier, no demo customer.
  await expect(page.getByTestId('error-card')).toBeVisible();
  await expect(page.locator('.tier-card')).toHaveCount(0);
  await page.evaluate(() =>
    window.strataSetProfile({
      id: 'webview-1',
      birth_date: '1970-01-01',
      education: 'master',
      holdings: [{ product: 'demand-cny', family: 'deposit', balance: '12000000' }],
    }),
  );
  await expect(page.getByRole('region', { name: '私人银行', exact: true })).toBeVisible();
  await expect(page.getByTestId('error-card')).toHaveCount(0);
  await page.evaluate(() =>
    window.postMessage(
      { type: 'strata:profile', profile: { id: 'webview-2', birth_date: '1975-06-01', education: 'bachelor', holdings: [{ product: 'demand-cny', family: 'deposit', balance: '1500000' }] } },
      window.location.origin,
    ),
  );
  await expect(page.getByRole('region', { name: '财富管理', exact: true })).toBeVisible();
  await page.evaluate(() => {
    window.__errors = [];
    window.strataOnError = (errors, kind) => window.__errors.push({ kind, paths: errors.map((e) => e.path) });
    window.strataSetProfile('{"id": 7}');
  });
  const card = page.getByTestId('error-card');
  await expect(card.getByRole('heading')).toHaveText('您的等级暂时无法更新');
  await expectNoDetail(card);
  await expect.poll(() => page.evaluate(() => window.__errors.map((e) => e.kind))).toEqual(['profile']);
  expect(await page.evaluate(() => window.__errors[0].paths)).toContain('$.id');
  await expect(page.getByRole('region', { name: '财富管理', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
