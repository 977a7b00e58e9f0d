// The product team's studio (/studio/): a generated portfolio, a malformed CSV (row and column
// of each bad row shown, the rest loaded), a threshold edited and the matrix following, a
// cell exported as CSV, axe, in both languages, and a screenshot of each.

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

const T = {
  'zh-CN': {
    title: '分层规则工作室',
    privacy: '客户数据只在本浏览器中处理，不会离开本机，也不会保存。',
    generate: '生成模拟客户',
    loaded: (n, bad) => `已载入 ${n} 位客户，${bad} 行有误。`,
    rowError: '第 3 行，deposit：',
    downgrades: /降级：(\d+) 人/,
    exportCell: '导出 中端客户（高） → 中端客户（低） 的客户',
  },
  en: {
    title: 'Tiering studio',
    privacy: 'The portfolio never leaves this browser: it is processed here and never stored.',
    generate: 'Generate a synthetic portfolio',
    loaded: (n, bad) => `${n} customers loaded, ${bad} rows with errors.`,
    rowError: 'Row 3, deposit: ',
    downgrades: /Downgrades: (\d+)/,
    exportCell: 'Export customers Mid-tier (upper) → Mid-tier (lower)',
  },
};

const CSV = [
  'id,birth_date,education,deposit',
  'c1,1980-01-01,bachelor,250000.00',
  'c2,1985-05-05,master,not-money',
  'c3,1990-02-02,college,60000',
  'c4,1970-07-07,bachelor,1200000',
].join('\n');

for (const lang of ['zh-CN', 'en']) {
  const t = T[lang];

  test(`studio: generate, edit a threshold, the matrix follows, export (${lang})`, async ({ page }) => {
    const errors = trackErrors(page);
    await page.goto(at('/studio/', { lang }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
    await expect(page.getByRole('note')).toHaveText(t.privacy);
    await page.locator('#gen-count').fill('20000');
    await page.getByRole('button', { name: t.generate }).click();
    await expect(page.locator('.studio-loaded')).toHaveText(t.loaded(20000, 0));
    await expect(page.locator('#matrix')).toBeVisible();
    await expect(page.locator('#downgrades')).toHaveText(t.downgrades);
    const before = await page.locator('#downgrades').textContent();
    expect(before).toMatch(lang === 'en' ? 'Downgrades: 0' : '降级：0 人');
    // Mid-upper (the third tier) from ¥200,000 to ¥250,000.
    await page.locator('.studio-threshold').nth(2).fill('250000');
    await expect(page.locator('#downgrades')).not.toHaveText(before);
    const moved = Number((await page.locator('#downgrades').textContent()).match(t.downgrades)[1]);
    expect(moved).toBeGreaterThan(0);
    await expectAccessible(page, `studio ${lang}`);
    await page.screenshot({ path: `artifacts/studio-${lang}.png`, fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t.exportCell }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('mid_upper-to-mid_lower.csv');
    const text = await (await file.createReadStream()).toArray();
    const lines = Buffer.concat(text).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('id,assets');
    expect(lines.length - 1).toBe(moved);
    expect(errors).toEqual([]);
  });

  test(`studio: a malformed CSV shows row and column, the rest load (${lang})`, async ({ page }) => {
    const errors = trackErrors(page);
    await page.goto(at('/studio/', { lang }));
    await page.locator('#portfolio-file').setInputFiles({
      name: 'portfolio.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await expect(page.locator('.studio-loaded')).toHaveText(t.loaded(3, 1));
    await expect(page.locator('.studio-errors li')).toHaveCount(1);
    await expect(page.locator('.studio-errors li')).toContainText(t.rowError);
    await expect(page.locator('#matrix')).toBeVisible();
    await expectAccessible(page, `studio csv ${lang}`);
    await page.screenshot({ path: `artifacts/studio-csv-${lang}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}
