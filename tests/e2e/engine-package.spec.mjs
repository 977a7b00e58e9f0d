// The engine package (dist-engine/, `cargo xtask engine`, `@strata/engine`) used directly by
// a product team's own screen (examples/engine-only/): evaluate a profile typed in a text
// area, show tier and gap, show every problem with its JSON path; in both languages, with
// axe, no console errors and no CSP violations. Also the package's own files.

import { expect, test } from '@playwright/test';

import { at, expectAccessible, expectClean, recordViolations, trackErrors } from './helpers.mjs';

const PAGE = '/examples/engine-only/';

async function open(page, params = {}) {
  await recordViolations(page);
  const errors = trackErrors(page);
  await page.goto(at(PAGE, params));
  await expect(page.getByRole('button', { name: params.lang === 'zh-CN' ? '计算' : 'Evaluate' })).toBeEnabled();
  return errors;
}

test('the engine-only page evaluates a profile and shows tier and gap', async ({ page }) => {
  const errors = await open(page);
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const result = page.getByRole('region', { name: 'Result', exact: true });
  await expect(result.getByTestId('tier')).toHaveText('Mid-tier (lower)');
  await expect(result.getByTestId('tier')).toHaveAttribute('data-tier', 'mid_lower');
  await expect(result.getByTestId('next')).toHaveText('Mid-tier (upper)');
  await expect(result.getByTestId('gap')).toHaveText('¥37,500');
  await expectAccessible(page, 'engine-only en');

  // More money: the next tier up.
  const profile = JSON.parse(await page.getByLabel('Customer profile (JSON)').inputValue());
  profile.holdings[0].balance = '100000.00';
  await page.getByLabel('Customer profile (JSON)').fill(JSON.stringify(profile));
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(result.getByTestId('tier')).toHaveText('Mid-tier (upper)');
  await expect(result.getByTestId('gap')).toHaveText('¥780,000');

  // Another shipped ruleset from the package.
  await expect(page.getByLabel('Ruleset').locator('option')).toHaveText(['cn-retail', 'cn-retail-5k', 'cn-star', 'cn-corporate', 'us-rewards']);
  await expectClean(page, errors);
});

test('the engine-only page lists every problem with its path', async ({ page }) => {
  const errors = await open(page);
  const text = page.getByLabel('Customer profile (JSON)');
  const problems = page.getByRole('region', { name: 'Problems', exact: true });

  const profile = JSON.parse(await text.inputValue());
  profile.holdings[0].balance = '-5.00';
  profile.holdings[1].balance = '-1.00';
  await text.fill(JSON.stringify(profile));
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(problems.getByTestId('problems-kind')).toHaveText('The profile has 2 problems:');
  // Focus moves to the fresh result, so it is in view and read aloud.
  await expect(problems.getByRole('heading', { name: 'Problems' })).toBeFocused();
  await expect(problems.getByTestId('problem-path')).toHaveText(['$.holdings[0].balance', '$.holdings[1].balance']);
  await expect(problems).toContainText('must not be negative');
  await expect(page.getByRole('region', { name: 'Result', exact: true })).toBeHidden();
  await expectAccessible(page, 'engine-only problems');

  // Not JSON at all: the parser's position becomes a path too.
  await text.fill('{ "id": "c-1", "holdings": [ { "balance": } ] }');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(problems.getByTestId('problem-path')).toHaveCount(1);
  await expect(problems.locator('li')).toHaveAttribute('data-type', 'parse');
  await expect(problems.getByTestId('problems-kind')).toHaveText('The profile has a problem:');

  // A bad date is the input's problem, named `asOf`.
  await text.fill(JSON.stringify(profile));
  await page.getByLabel('Evaluated on').fill('');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(problems.getByTestId('problems-kind')).toHaveText('The input has a problem:');
  await expect(problems.getByTestId('problem-path')).toHaveText('asOf');
  await expectClean(page, errors);
});

test('the engine-only page in Chinese', async ({ page }) => {
  const errors = await open(page, { lang: 'zh-CN' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '计算' }).click();
  const result = page.getByRole('region', { name: '结果', exact: true });
  await expect(result.getByTestId('tier')).toHaveText('中端客户（低）');
  await expect(result.getByTestId('next')).toHaveText('中端客户（高）');
  await expect(result.getByTestId('gap')).toHaveText('¥37,500');
  await expectAccessible(page, 'engine-only zh-CN');
  await expectClean(page, errors);
});

test('the package has its manifest, declarations and README', async ({ request }) => {
  const manifest = await (await request.get('/dist-engine/package.json')).json();
  expect(manifest).toMatchObject({
    name: '@strata/engine',
    type: 'module',
    main: 'strata_core.js',
    types: 'strata_core.d.ts',
  });
  for (const file of manifest.files) {
    expect((await request.get(`/dist-engine/${file}`)).status(), file).toBe(200);
  }
  const types = await (await request.get('/dist-engine/strata_core.d.ts')).text();
  for (const name of ['class Engine', 'interface Evaluation', 'interface StrataError', 'Profile']) {
    expect(types).toContain(name);
  }
  const wasm = await request.get('/dist-engine/strata_core_bg.wasm');
  expect(wasm.headers()['content-type']).toBe('application/wasm');
});
