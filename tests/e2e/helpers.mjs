// Shared helpers for the end-to-end tests: error tracking, axe, and URLs pinned to the
// personas' anchor date so every expected amount and date is stable.

import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

export const AS_OF = '2026-11-25';

/** A path with the pinned as-of date and any other query parameters. */
export function at(path, params = {}) {
  const q = new URLSearchParams({ asof: AS_OF, ...params });
  return `${path}?${q}`;
}

/** Collects console errors and page errors; `allow` filters expected ones. */
export function trackErrors(page, allow = () => false) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !allow(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
}
