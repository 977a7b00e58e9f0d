// Smoke test: the app boots on a phone-sized screen, renders its main
// landmark with a heading, and logs no errors on the way.

import { expect, test } from '@playwright/test';

test('the app boots without errors', async ({ page }) => {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );

  await page.goto('/?demo=1');

  // The heading only appears once the wasm app has mounted.
  const main = page.getByRole('main');
  await expect(main).toBeVisible();
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  expect(errors).toEqual([]);
});

test('the assets arrive as the precompressed .br the size report counts', async ({ page }) => {
  const encodings = {};
  const urls = {};
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname.split('.').pop();
    if (['wasm', 'js', 'css'].includes(name)) {
      encodings[name] = response.headers()['content-encoding'];
      urls[name] = response.url();
    }
  });
  await page.goto('/?demo=1');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  expect(encodings).toEqual({ wasm: 'br', js: 'br', css: 'br' });

  // A client that takes no Brotli gets the .gz, and one that takes neither the file itself.
  for (const [accept, coding] of [['gzip', 'gzip'], ['identity', undefined]]) {
    const response = await page.request.get(urls.wasm, { headers: { 'Accept-Encoding': accept } });
    expect(response.headers()['content-encoding']).toBe(coding);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
  }
});
