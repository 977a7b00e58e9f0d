import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
const ids = ['wang-jianguo','zhao-min','zhou-tao','xu-hui','chen-jing','li-wei','sun-li','liu-yang','zhang-xiaoyu','he-qiang'];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
for (const id of ids) {
  const out = { id };
  await page.goto(`http://127.0.0.1:4173/?asof=2026-11-25&lang=zh-CN&persona=${id}`);
  for (const lang of ['zh-CN', 'en']) {
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.getByTestId('rec').first().waitFor();
    const recs = await page.getByTestId('rec').evaluateAll((els) => els.map((e) => [e.querySelector('h3')?.textContent, e.querySelector('[data-testid=reason]')?.textContent]));
    out[lang] = recs;
  }
  console.log(JSON.stringify(out));
}
await browser.close();
