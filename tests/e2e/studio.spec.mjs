// The product team's studio (/studio/): a generated portfolio, a malformed CSV (row and column
// of each bad row shown in the page's language, the rest loaded), a threshold edited and the
// matrix following, a cell exported as CSV, a candidate ruleset loaded from a file (and a
// broken one refused with its problems), a downgrade rule edited in the form, axe, in both
// languages, and a screenshot of each.

import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import { at, expectAccessible, trackErrors } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

const T = {
  'zh-CN': {
    title: '分层规则工作室',
    privacy: '客户数据只在本浏览器中处理，不会离开本机，也不会保存。',
    generate: '生成模拟客户',
    loaded: (n, bad) => `已载入 ${n} 位客户，${bad} 行有误。`,
    rowError: '第 3 行，deposit：“not-money”不是金额，请写成 162500.00 的格式（最多两位小数）',
    fileLoaded: '已读取 raised.json（候选规则）。',
    fromFile: '文件：cn-retail-raised',
    fileRefused: 'broken.json 中的规则有误，未采用：问题见下方 JSON 检查。',
    policy: '降级规则',
    downgrades: /降级：(\d+) 人/,
    exportCell: '导出 中端客户（高） → 中端客户（低） 的客户',
  },
  en: {
    title: 'Tiering studio',
    privacy: 'The portfolio never leaves this browser: it is processed here and never stored.',
    generate: 'Generate a synthetic portfolio',
    loaded: (n, bad) => `${n} customers loaded, ${bad} rows with errors.`,
    rowError: 'Row 3, deposit: `not-money` is not an amount like 162500.00 (two decimals at most)',
    fileLoaded: 'raised.json loaded (Candidate ruleset).',
    fromFile: 'File: cn-retail-raised',
    fileRefused: 'broken.json was not used: its ruleset has problems, listed under the JSON below.',
    policy: 'Downgrade rule',
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

// cn-retail with mid-upper's bar at ¥250,000, under its own id: a candidate from a file.
const RAISED = (() => {
  const rs = JSON.parse(readFileSync(new URL('../../core/rulesets/cn-retail.json', import.meta.url), 'utf8'));
  rs.id = 'cn-retail-raised';
  rs.tiers[2].criteria.value = '250000';
  return JSON.stringify(rs, null, 2);
})();

// Customers the bank holds at mid-upper, one review below the bar so far: under cn-retail's
// "after 3 reviews" a raised bar defers their downgrade; "after 1 review" downgrades them.
const HELD = [
  'id,birth_date,education,deposit,tier,tier_since,reviews_below',
  'h1,1980-01-01,bachelor,210000.00,mid_upper,2025-01-01,1',
  'h2,1981-02-02,master,230000.00,mid_upper,2025-01-01,1',
  'h3,1982-03-03,college,300000.00,mid_upper,2025-01-01,1',
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
    await expect(page.locator('.studio-errors li')).toHaveText(t.rowError);
    await expect(page.locator('#matrix')).toBeVisible();
    await expectAccessible(page, `studio csv ${lang}`);
    await page.screenshot({ path: `artifacts/studio-csv-${lang}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test(`studio: a candidate ruleset from a file, a broken one refused (${lang})`, async ({ page }) => {
    const errors = trackErrors(page);
    await page.goto(at('/studio/', { lang }));
    await page.locator('#gen-count').fill('20000');
    await page.getByRole('button', { name: t.generate }).click();
    await expect(page.locator('#downgrades')).toHaveText(t.downgrades);
    const before = await page.locator('#downgrades').textContent();
    await page.locator('#candidate-file').setInputFiles({
      name: 'raised.json',
      mimeType: 'application/json',
      buffer: Buffer.from(RAISED),
    });
    await expect(page.locator('#ruleset-file-status')).toHaveText(t.fileLoaded);
    await expect(page.locator('#candidate-ruleset option:checked')).toHaveText(t.fromFile);
    await expect(page.locator('#downgrades')).not.toHaveText(before);
    await expect(page.locator('.studio-threshold').nth(2)).toHaveValue('250000');
    // A broken file is not used; the JSON box opens on it with its problems by path.
    await page.locator('#candidate-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(RAISED.replace('"250000"', '"lots"')),
    });
    await expect(page.locator('#ruleset-file-status')).toHaveText(t.fileRefused);
    await expect(page.locator('#lint li code').first()).toContainText('tiers[2]');
    await expect(page.locator('#candidate-ruleset option:checked')).toHaveText(t.fromFile);
    await expectAccessible(page, `studio ruleset file ${lang}`);
    expect(errors).toEqual([]);
  });

  test(`studio: a downgrade rule edited in the form (${lang})`, async ({ page }) => {
    const errors = trackErrors(page);
    await page.goto(at('/studio/', { lang }));
    await page.locator('#portfolio-file').setInputFiles({
      name: 'held.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HELD),
    });
    await expect(page.locator('.studio-loaded')).toHaveText(t.loaded(3, 0));
    await expect(page.locator('#downgrades')).toHaveText(t.downgrades);
    const none = await page.locator('#downgrades').textContent();
    // Raised to ¥250,000: two fall below it, but one review below of three defers them.
    await page.locator('.studio-threshold').nth(2).fill('250000');
    await expect(page.locator('#downgrade-kind')).toHaveValue('after_reviews');
    await expect(page.locator('#downgrade-n')).toHaveValue('3');
    await expect(page.locator('#downgrades')).toHaveText(none);
    // Downgrade after one review below: both move down now.
    await page.locator('#downgrade-n').fill('1');
    await expect(page.locator('#downgrades')).toHaveText(lang === 'en' ? 'Downgrades: 2' : '降级：2 人');
    // Never downgrade: nobody moves again.
    await page.locator('#downgrade-kind').selectOption('never');
    await expect(page.locator('#downgrade-n')).toHaveCount(0);
    await expect(page.locator('#downgrades')).toHaveText(none);
    await expect(page.getByRole('group', { name: t.policy })).toBeVisible();
    await expectAccessible(page, `studio policy ${lang}`);
    await page.screenshot({ path: `artifacts/studio-policy-${lang}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}
