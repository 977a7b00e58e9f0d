// The app under the strict Content-Security-Policy the build writes (xtask/src/harden.rs):
// the policy arrives as a header and a meta tag, it is enforced (an injected inline script
// does not run), and walking every screen reports no violation.

import { expect, test } from '@playwright/test';

import { at, recordViolations } from './helpers.mjs';

test('the policy is sent, strict, and the app runs under it', async ({ page }) => {
  await recordViolations(page);
  const response = await page.goto(at('/', { demo: '1' }));
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(header).toContain("style-src 'self';");
  expect(header).toContain("frame-ancestors 'self'");
  expect(header).not.toContain("'unsafe-inline'");
  expect(header).not.toContain("'unsafe-eval'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header.startsWith(meta)).toBe(true);
  // Every built asset carries Subresource Integrity, the fallback script (web/fallback.js) too.
  for (const link of await page.locator('link[rel="modulepreload"], link[rel="stylesheet"], script[src]').all()) {
    expect(await link.getAttribute('integrity')).toMatch(/^sha384-/);
  }
  await expect(page.locator('script[src*="/fallback-"]')).toHaveCount(1);

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const path of ['/benefits', '/compare', '/what-if', '/settings', '/product/unknown']) {
    await page.goto(at(path, { demo: '1' }));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test('an injected inline script or style attribute is refused', async ({ page }) => {
  await recordViolations(page);
  await page.goto(at('/', { demo: '1' }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
  });
  await expect.poll(() => page.evaluate(() => window.__csp.length)).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  const colour = await page.locator('#styled').evaluate((el) => getComputedStyle(el).color);
  expect(colour).not.toBe('rgb(255, 0, 0)');
});

test('the kiosk build has its own policy and runs under it', async ({ page }) => {
  await recordViolations(page);
  const response = await page.goto(at('/kiosk/', { lang: 'en' }));
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header.startsWith(meta)).toBe(true);
  await page.getByRole('button', { name: /touch to start/i }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test('a tampered app wasm is refused by its integrity; an intact one loads without warnings', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(at('/', { demo: '1' }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Chrome warns about integrity on a fetch preload; the build moves it to the fetch.
  expect(messages).toEqual([]);

  await page.route('**/strata-web-*_bg.wasm', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ body, contentType: 'application/wasm' });
  });
  await page.reload();
  await expect.poll(() => messages.some((m) => /integrity/i.test(m))).toBe(true);
  await expect(page.locator('.tier-card')).toHaveCount(0);
});
