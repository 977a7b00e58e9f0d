// Times the batch JS API in headless Chromium (Debian's, as the end-to-end tests use):
// loading 1,000,000 customers from typed arrays, the first tiering, and re-tiering under a
// moved threshold with the metric columns cached. Prints numbers; asserts nothing.
// Usage (from tests/): node bench/batch-chromium.mjs <engine package built with --target web> [customers]

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

const dir = resolve(process.argv[2]);
const N = Number(process.argv[3] ?? 1_000_000);

// Runs in the page: the same generated customers as batch.mjs.
const page = `<!doctype html><meta charset="utf-8"><script type="module">
import init, { Engine, Portfolio } from './strata_core.js';
await init();
const N = ${N};
const days = (iso) => Math.floor(Date.parse(iso) / 86400000);
let x = 12345;
const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
const assets = new BigInt64Array(N), birthDate = new Int32Array(N), education = new Uint8Array(N);
const months = [0, 1, 2].map(() => new BigInt64Array(N));
const tier = new Uint16Array(N).fill(65535), since = new Int32Array(N), reviewsBelow = new Uint32Array(N);
for (let i = 0; i < N; i++) {
  const cents = BigInt(next() % 1000000) * 10n ** BigInt(next() % 9);
  assets[i] = cents;
  birthDate[i] = days('1950-01-01') + (next() % 20000);
  education[i] = 1 + (next() % 7);
  for (const m of months) m[i] = (cents * BigInt(90 + (next() % 20))) / 100n;
  if (next() % 3 === 0) { tier[i] = next() % 6; since[i] = days('2025-01-01') + (next() % 365); reviewsBelow[i] = next() % 4; }
}
const columns = { assets, birthDate, education, productFamilies: new Uint8Array(N).fill(2),
  monthly: { deposit: months },
  tierIds: ['private_banking', 'high_end', 'mid_upper', 'mid_lower', 'potential', 'ordinary'],
  history: { tier, since, reviewsBelow } };
const current = Engine.builtin('cn-retail');
const moved = (bar) => { const rs = current.ruleset; rs.tiers[2].criteria.value = String(bar); return new Engine(rs); };
const out = [];
const time = (label, f) => { const t = performance.now(); f(); out.push([label, performance.now() - t]); };
const p = new Portfolio(current, '2026-11-25');
time('pushColumns (load typed arrays)', () => p.pushColumns(columns));
time('tierAll, first (metric columns computed)', () => p.tierAll(current));
let bar = 200000;
for (const targets of [false, true]) {
  for (let r = 0; r < 3; r++) {
    const e = moved((bar += 1000));
    time('re-tier, moved threshold, targets ' + targets, () => p.tierAll(e, { targets }));
  }
}
for (const slice of [200000]) {
  const e = moved((bar += 1000));
  let worst = 0;
  for (let s = 0; s < N; s += slice) {
    const t = performance.now();
    p.tierRows(e, s, s + slice);
    worst = Math.max(worst, performance.now() - t);
  }
  out.push(['longest tierRows slice of ' + slice, worst]);
}
window.result = out;
</script>`;

const server = createServer(async (req, res) => {
  const name = req.url === '/' ? null : req.url.slice(1).split('?')[0];
  if (!name) {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  try {
    const body = await readFile(join(dir, name));
    const type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error(e));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  const result = await tab.waitForFunction(() => window.result, null, { timeout: 300_000, polling: 500 });
  console.log(`${N.toLocaleString('en')} customers, cn-retail, headless Chromium (${browser.version()})`);
  for (const [label, ms] of await result.jsonValue()) {
    const rate = label.startsWith('longest') ? '' : `${Math.round((N / ms) * 1000).toLocaleString('en').padStart(12)} /s`;
    console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms  ${rate}`);
  }
} finally {
  await browser.close();
  server.close();
}
