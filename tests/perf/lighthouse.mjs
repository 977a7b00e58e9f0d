// Lighthouse (mobile) on Home: the four category scores, first contentful paint (the
// skeleton) and largest contentful paint, against issue 13's targets. Home is loaded as a
// bank opens it, with a real customer's profile by URL (?profile=, served by serve.mjs from
// tests/test-data/), so the LCP is the tier card drawn from that profile; without one the
// page would show only the no-profile card. A measurement, not a
// test: it exits 0 unless Lighthouse or the server cannot run.
//
//   LIGHTHOUSE=/path/to/node_modules/.bin/lighthouse node tests/perf/lighthouse.mjs [--dist DIR] [--json FILE]
//
// Besides the scores it lists what the LCP waited for: the requests that ended before it
// (transfer bytes and priority: Lighthouse's simulation shares the bandwidth among them and
// starts the higher priorities first) and the main thread's work by kind (scaled 4× in the
// simulation). --json keeps the whole report in FILE.
//
// Lighthouse is not among tests/package.json's packages (it is large); install it anywhere
// with `npm install lighthouse` and point LIGHTHOUSE at its binary. Chromium is Debian's
// (CHROME_PATH=/usr/bin/chromium unless set).

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { serve } from './server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(here, '..', '..', 'dist') },
    json: { type: 'string' },
  },
});
const LIGHTHOUSE = process.env.LIGHTHOUSE ?? 'lighthouse';
const PAGE = '/?asof=2026-11-25&profile=/test-data/good-profile.json';
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const { port, child: server } = await serve(values.dist);
const out = values.json ?? join(tmpdir(), `strata-lighthouse-${port}.json`);
try {
  execFileSync(
    LIGHTHOUSE,
    [
      `http://127.0.0.1:${port}${PAGE}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox',
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
  );
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  for (const [id, target] of Object.entries(TARGETS)) {
    const score = Math.round(lhr.categories[id].score * 100);
    console.log(`${id.padEnd(16)} ${String(score).padStart(3)}  (target ≥ ${target})${score < target ? '  BELOW' : ''}`);
  }
  const ms = (a) => lhr.audits[a].numericValue;
  const fcp = ms('first-contentful-paint');
  const lcp = ms('largest-contentful-paint');
  console.log(`FCP              ${Math.round(fcp)} ms  (target ≤ 1000)${fcp > 1000 ? '  OVER' : ''}`);
  console.log(`LCP              ${Math.round(lcp)} ms  (target ≤ 2000)${lcp > 2000 ? '  OVER' : ''}`);
  console.log(`CLS              ${ms('cumulative-layout-shift').toFixed(3)}`);
  console.log(`TBT              ${Math.round(ms('total-blocking-time'))} ms`);
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcpElement) console.log(`LCP element      ${lcpElement.snippet}`);
  // Observed (unthrottled) request times: the order and overlap the simulation starts from.
  const observedLcp = lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  console.log('requests ending before the observed LCP (transfer bytes, priority):');
  for (const r of requests.filter((r) => observedLcp === undefined || r.networkEndTime <= observedLcp)) {
    const path = new URL(r.url).pathname;
    console.log(`  ${String(r.transferSize).padStart(7)}  ${String(r.priority ?? '').padEnd(8)} ${path}`);
  }
  for (const item of lhr.audits['mainthread-work-breakdown']?.details?.items ?? []) {
    console.log(`main thread      ${item.groupLabel ?? item.group}: ${Math.round(item.duration)} ms (unthrottled)`);
  }
  for (const [id, c] of Object.entries(lhr.categories)) {
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1 && id !== 'performance') console.log(`  ${id}: ${ref.id}: ${a.title}`);
    }
  }
} finally {
  server.kill();
  if (!values.json) rmSync(out, { force: true });
}
