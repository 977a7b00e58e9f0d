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

/** Whether a console error is the app's own report of a failure ("strata: could not load …"):
 * the technical detail the customer never sees on screen. */
export const isReport = (text) => text.startsWith('strata: ');

/** Collects the app's failure reports from the console. */
export function trackReports(page) {
  const reports = [];
  page.on('console', (m) => m.type() === 'error' && isReport(m.text()) && reports.push(m.text()));
  return reports;
}

/** Collects console errors and page errors; `allow` filters expected ones. */
export function trackErrors(page, allow = () => false) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !allow(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * No serious or critical axe violations on the page as it is now. `preload: false` for pages
 * with shadow roots: to read their stylesheets axe adds <style>@import …</style> to a scratch
 * document, which a strict CSP (style-src 'self') refuses and reports; the preload serves
 * one rule, css-orientation-lock.
 */
export async function expectAccessible(page, label, { preload = true } = {}) {
  const results = await new AxeBuilder({ page }).options({ preload }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
}

/** Records every CSP violation the page reports, from the first script on (window.__csp). */
export async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
}

/** No console or page errors, and no CSP violation (after recordViolations). */
export async function expectClean(page, errors) {
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
}
