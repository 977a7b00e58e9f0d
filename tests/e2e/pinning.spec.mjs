// A host can pin the ruleset, catalog or profile it passes by URL to a SHA-256
// (`?ruleset_sha256=` hex or `sha256-<base64>`): matching data is used, anything else is
// refused before it is parsed: the customer is told in words, the digests go to the console,
// and the app keeps its defaults.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { at, isReport, trackErrors, trackReports } from './helpers.mjs';

const RULESET = readFileSync(new URL('../../core/rulesets/cn-retail.json', import.meta.url));
const CATALOG = readFileSync(new URL('../../core/catalogs/cn-retail.json', import.meta.url));
const hex = (body) => createHash('sha256').update(body).digest('hex');
const sri = (body) => `sha256-${createHash('sha256').update(body).digest('base64')}`;

/** Serves the shipped ruleset and catalog from the bank's URLs, the ruleset tampered with. */
async function serveBankData(page) {
  const json = { contentType: 'application/json' };
  await page.route('**/bank/ruleset.json', (r) => r.fulfill({ ...json, body: RULESET }));
  await page.route('**/bank/catalog.json', (r) => r.fulfill({ ...json, body: CATALOG }));
  // The same ruleset with one threshold lowered: what a tampered copy would look like.
  const tampered = RULESET.toString().replace('"50000"', '"5000"');
  await page.route('**/bank/tampered.json', (r) => r.fulfill({ ...json, body: tampered }));
}

test('data matching its pin, in hex or SRI form, is used', async ({ page }) => {
  const errors = trackErrors(page);
  await serveBankData(page);
  await page.goto(
    at('/', {
      lang: 'en',
      ruleset: '/bank/ruleset.json',
      ruleset_sha256: hex(RULESET),
      catalog: '/bank/catalog.json',
      catalog_sha256: sri(CATALOG),
      profile: '/test-data/good-profile.json',
      profile_sha256: hex(readFileSync(new URL('../test-data/good-profile.json', import.meta.url))),
    }),
  );
  await expect(page.getByRole('region', { name: 'Premier', exact: true })).toBeVisible();
  await expect(page.getByTestId('error-card')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a ruleset whose SHA-256 differs from the pin is refused', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await serveBankData(page);
  await page.goto(at('/', { demo: '1', ruleset: '/bank/tampered.json', ruleset_sha256: sri(RULESET) }));
  const card = page.getByTestId('error-card');
  await expect(card).toHaveAttribute('data-kind', 'integrity');
  await expect(card.getByRole('heading')).toHaveText('您的等级暂时无法更新');
  await expect(card).not.toContainText('sha256');
  await expect.poll(() => reports.join('\n')).toContain(`but ${sri(RULESET)} was pinned`);
  expect(reports.join('\n')).toContain('/bank/tampered.json');
  // The shipped ruleset stays in force and the app works.
  await expect(page.getByRole('region', { name: '金卡', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByRole('heading')).toHaveText('Your tier could not be updated');
  expect(errors).toEqual([]);
});

test('a tampered catalog and a malformed pin are refused', async ({ page }) => {
  const errors = trackErrors(page, isReport);
  const reports = trackReports(page);
  await serveBankData(page);
  await page.goto(at('/', { demo: '1', lang: 'en', catalog: '/bank/catalog.json', catalog_sha256: hex(RULESET) }));
  const card = page.getByTestId('error-card');
  await expect(card).toHaveAttribute('data-kind', 'integrity');
  await expect(card.getByRole('heading')).toHaveText('Your tier could not be updated');
  await expect.poll(() => reports.join('\n')).toContain(`but ${hex(RULESET)} was pinned`);

  let fetched = false;
  await page.route('**/bank/other.json', (r) => {
    fetched = true;
    return r.fulfill({ body: '{}' });
  });
  await page.goto(at('/', { demo: '1', lang: 'en', ruleset: '/bank/other.json', ruleset_sha256: 'abc' }));
  await expect(card).toHaveAttribute('data-kind', 'integrity');
  await expect.poll(() => reports.join('\n')).toContain('neither 64 hex digits nor sha256-<base64>');
  expect(fetched).toBe(false);
  expect(errors).toEqual([]);
});
