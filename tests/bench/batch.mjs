// Times the batch JS API (Portfolio: pushColumns, tierAll) in V8 over generated customers:
// loading typed-array columns, the first tiering (metric columns computed), re-tiering under
// a moved threshold (columns reused), and the whole call chain, as tier evaluations per
// second. Checks a sample against per-customer `evaluate` first (tier, qualified, basis,
// reach and its amount). Prints numbers; asserts nothing beyond that sample.
// Usage: node tests/bench/batch.mjs <engine package, e.g. target/bench-engine> [customers]
// (the `web` package `cargo xtask bench peers` builds, or `cargo xtask engine`'s dist-engine/).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'dist-engine');
const pkg = await import(pathToFileURL(join(dir, 'strata_core.js')).href);
pkg.initSync({ module: readFileSync(join(dir, 'strata_core_bg.wasm')) });
const { Engine, Portfolio } = pkg;
const N = Number(process.argv[3] ?? 1_000_000);
const AS_OF = '2026-11-25';
const DAY = 86_400_000;
const days = (iso) => Math.floor(Date.parse(iso) / DAY);

// A deterministic customer spread over the whole ladder (an LCG, no Math.random).
function columns(n) {
  const assets = new BigInt64Array(n);
  const birthDate = new Int32Array(n);
  const education = new Uint8Array(n);
  const months = [0, 1, 2].map(() => new BigInt64Array(n));
  const tier = new Uint16Array(n).fill(65535);
  const since = new Int32Array(n);
  const reviewsBelow = new Uint32Array(n);
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < n; i++) {
    const magnitude = next() % 9; // 10^0 … 10^8 yuan
    const cents = BigInt(next() % 1_000_000) * 10n ** BigInt(magnitude);
    assets[i] = cents;
    birthDate[i] = days('1950-01-01') + (next() % 20_000);
    education[i] = 1 + (next() % 7);
    for (const m of months) m[i] = (cents * BigInt(90 + (next() % 20))) / 100n;
    if (next() % 3 === 0) {
      tier[i] = next() % 6;
      since[i] = days('2025-01-01') + (next() % 365);
      reviewsBelow[i] = next() % 4;
    }
  }
  return {
    assets,
    birthDate,
    education,
    productFamilies: new Uint8Array(n).fill(2),
    monthly: { deposit: months },
    tierIds: ['private_banking', 'high_end', 'mid_upper', 'mid_lower', 'potential', 'ordinary'],
    history: { tier, since, reviewsBelow },
  };
}

// The same customer as a profile, for `evaluate`.
function profile(c, i) {
  const money = (v) => `${v / 100n}.${String(v % 100n).padStart(2, '0')}`;
  const date = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  const asOf = new Date(AS_OF);
  const month = (k) => {
    const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - k, 1));
    return d.toISOString().slice(0, 7);
  };
  const p = {
    id: `c${i}`,
    birth_date: date(c.birthDate[i]),
    education: ['primary', 'junior_secondary', 'senior_secondary', 'college', 'bachelor', 'master', 'doctorate'][c.education[i] - 1],
    holdings: [
      { product: 'demand', family: 'deposit', balance: money(c.assets[i]) },
      { product: 'card', family: 'card', balance: '0' },
    ],
    monthly: c.monthly.deposit.map((m, k) => ({ month: month(k + 1), avg_daily: { deposit: money(m[i]) } })),
  };
  if (c.history.tier[i] !== 65535) {
    p.tier_history = { tier: c.tierIds[c.history.tier[i]], since: date(c.history.since[i]), reviews_below: c.history.reviewsBelow[i] };
  }
  return p;
}

// A decimal string ("43344.6") in cents (4334460n), without a float.
function toCents(s) {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

function time(label, n, f) {
  const start = performance.now();
  const out = f();
  const ms = performance.now() - start;
  const rate = Math.round((n / ms) * 1000);
  console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${rate.toLocaleString('en').padStart(12)} /s`);
  return out;
}

const current = Engine.builtin('cn-retail');
const moved = (bar) => {
  const rs = current.ruleset;
  rs.tiers[2].criteria.value = String(bar);
  return new Engine(rs);
};

// Agreement on a sample: the batch path gives what `evaluate` gives.
{
  const n = 2000;
  const c = columns(n);
  const p = new Portfolio(current, AS_OF);
  p.pushColumns(c);
  const t = p.tierAll(current);
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const e = current.evaluate(profile(c, i), AS_OF, { audience: 'staff', detail: 'full' });
    const cents = e.reach ? toCents(e.reach.amount) : -9223372036854775808n;
    const target = e.reach ? e.reach.tier.rank : 65535;
    if (e.tier.rank === t.tier[i] && e.qualified.rank === t.qualified[i] && e.basis.type === t.rules[t.rule[i]]
        && target === t.target[i] && cents === t.targetCents[i]) agree++;
    else if (agree + 5 > i) console.log('differs', i, e.tier.id, e.basis, e.reach, t.tier[i], t.rules[t.rule[i]], t.target[i], t.targetCents[i]);
  }
  console.log(`sample: ${agree}/${n} rows agree with evaluate`);
  p.free();
}

console.log(`${N.toLocaleString('en')} customers, cn-retail, as of ${AS_OF}`);
const c = columns(N);
const portfolio = new Portfolio(current, AS_OF);
time('pushColumns (load typed arrays)', N, () => portfolio.pushColumns(c));
time('tierAll, first (metric columns computed)', N, () => portfolio.tierAll(current));
time('tierAll again (columns cached)', N, () => portfolio.tierAll(current));
let bar = 200_000;
for (const targets of [false, true]) {
  const runs = 5;
  const engines = Array.from({ length: runs }, () => moved((bar += 1000)));
  const start = performance.now();
  for (const e of engines) portfolio.tierAll(e, { targets });
  const ms = (performance.now() - start) / runs;
  console.log(`${`re-tier, moved threshold, targets ${targets}`.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round((N / ms) * 1000).toLocaleString('en').padStart(12)} /s`);
}
portfolio.free();
time('one call chain: new Portfolio + pushColumns + tierAll', N, () => {
  const p = new Portfolio(current, AS_OF);
  p.pushColumns(c);
  const t = p.tierAll(current);
  p.free();
  return t;
});
const lines = Array.from({ length: 100_000 }, (_, i) => JSON.stringify(profile(c, i))).join('\n');
time('pushJsonl + tierAll (100,000 profiles as text)', 100_000, () => {
  const p = new Portfolio(current, AS_OF);
  p.pushJsonl(current, lines);
  const t = p.tierAll(current);
  p.free();
  return t;
});
