// Every screen in both languages at 360 px: a heading, no serious or critical axe
// violations, and a full-page screenshot kept as an artifact.

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

const SCREENS = [
  { name: 'home', path: '/', h1: ['我的客户等级', 'My customer tier'] },
  { name: 'benefits', path: '/benefits', h1: ['我的权益', 'My benefits'] },
  { name: 'compare', path: '/compare', h1: ['等级对比', 'Compare tiers'] },
  { name: 'what-if', path: '/what-if', h1: ['等级试算', 'What if…'] },
  { name: 'product', path: '/product/fund-bond-c', h1: ['纯债基金（C类）', 'Bond fund (C shares)'] },
  { name: 'settings', path: '/settings', h1: ['设置', 'Settings'] },
  { name: 'not-found', path: '/no-such-page', h1: ['页面不存在', 'Page not found'] },
];

for (const s of SCREENS) {
  test(`${s.name} screen: accessible in Chinese and English, with screenshots`, async ({ page }, info) => {
    const errors = trackErrors(page);
    for (const [i, lang] of ['zh-CN', 'en'].entries()) {
      await page.goto(at(s.path, { demo: '1', lang }));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.h1[i]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectAccessible(page, `${s.name} ${lang}`);
      await page.screenshot({ path: info.outputPath(`${s.name}-${lang}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
  });
}

test('dark mode screens are accessible too', async ({ page }, info) => {
  const errors = trackErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/', '/what-if', '/compare']) {
    await page.goto(at(path, { demo: 'zhao-min' }));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, `dark ${path}`);
  }
  await page.screenshot({ path: info.outputPath('compare-dark-zh-CN.png'), fullPage: true });
  expect(errors).toEqual([]);
});
