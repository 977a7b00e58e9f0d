// One engine, thin faces: on the same profile, the app's tier card, its what-if screen and
// the widget show exactly what the engine package computes — the tier, the nearest reachable
// tier and the amount to it. The faces only format; a face that computed a gap of its own
// would disagree here.

import { expect, test } from '@playwright/test';

import { AS_OF, at } from './helpers.mjs';

const PROFILES = ['/examples/host-page/customer.json', '/test-data/good-profile.json'];

/** The engine package's own answer for a profile served at `url`. */
async function engineAnswer(page, url) {
  await page.goto('/examples/engine-only/');
  return page.evaluate(
    async ([url, asOf]) => {
      const mod = await import('/dist-engine/strata_core.js');
      await mod.default();
      const profile = await (await fetch(url)).text();
      const engine = mod.Engine.builtin('cn-retail');
      const e = JSON.parse(engine.evaluateJson(profile, asOf, { detail: 'full' }));
      return { tier: e.tier.id, reach: e.reach?.tier.id ?? null, amount: e.reach?.amount ?? null };
    },
    [url, AS_OF],
  );
}

/** An amount as the app writes it in English: the exact amount, grouped. */
const money = (amount) =>
  `¥${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

for (const url of PROFILES) {
  test(`the tier card, what-if and the widget agree with the engine on ${url}`, async ({ page }) => {
    const want = await engineAnswer(page, url);
    expect(want.reach, 'a tier within reach').not.toBeNull();

    // The app's tier card.
    await page.goto(at('/', { profile: url, lang: 'en' }));
    const card = page.locator('#tier-name');
    await expect(card).toHaveAttribute('data-tier', want.tier);
    await expect(page.getByTestId('gap-amount').first()).toHaveText(money(want.amount));

    // What-if starts at the gap, so its result is the tier within reach.
    await page.goto(at('/what-if', { profile: url, lang: 'en' }));
    await expect(page.locator('#what-if-tier')).toHaveAttribute('data-tier', want.reach);

    // The widget, given the same profile by URL.
    await page.goto(at('/examples/host-page/', { lang: 'en' }));
    await page.evaluate((src) => document.getElementById('main-tier').setAttribute('profile-src', src), url);
    const widget = page.locator('#main-tier');
    await expect(widget.locator('[data-tier]').first()).toHaveAttribute('data-tier', want.tier);
    await expect(widget.getByTestId('gap-amount').first()).toHaveText(money(want.amount));
  });
}
