// Times strata-core through its JS API in V8: evaluate + recommend per profile against the
// default catalog and a 500-product one. Prints numbers; asserts nothing.
// Usage: node tests/bench/engine.mjs <engine package built with --target nodejs>

import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const pkg = require(resolve(process.argv[2], 'strata_core.js'));
const { Engine } = pkg;

function profile(i) {
  const aum = ((i * 7919) % 2_000_000) + (i % 7 === 0 ? 3_000_000 : 0);
  return {
    id: `c${i}`,
    birth_date: `${1950 + (i % 55)}-0${1 + (i % 9)}-1${i % 9}`,
    education: ['senior_secondary', 'college', 'bachelor', 'master'][i % 4],
    risk: { level: ['C1', 'C3', 'C5'][i % 3], assessed_on: '2026-06-01' },
    holdings: [
      { product: 'demand-cny', family: 'deposit', balance: `${aum}.00` },
      { product: 'debit-standard', family: 'card' },
    ],
    external_assets: i % 5 === 0 ? [{ balance: `${aum * 2}` }] : [],
  };
}

function time(label, engine, profiles, options, json = false) {
  const run = json
    ? (p) => JSON.parse(engine.evaluateJson(JSON.stringify(p), '2026-11-25', options))
    : (p) => engine.evaluate(p, '2026-11-25', options);
  for (let i = 0; i < 200; i++) run(profiles[i % profiles.length]);
  const start = performance.now();
  for (const p of profiles) run(p);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${((ms * 1000) / profiles.length).toFixed(1).padStart(7)} µs/profile  (${profiles.length} profiles, ${ms.toFixed(0)} ms)`);
}

const profiles = Array.from({ length: 5000 }, (_, i) => profile(i));
const base = Engine.builtin('cn-retail');
const ruleset = base.ruleset;
const catalog = base.catalog;
const big = structuredClone(catalog);
for (let i = 0; big.products.length < 500; i++) {
  big.products.push({ ...catalog.products[i % catalog.products.length], id: `${catalog.products[i % catalog.products.length].id}-v${i}` });
}

time('tier only (cn-retail, no catalog)', new Engine(ruleset), profiles);
time(`evaluate + recommend (${catalog.products.length} products)`, base, profiles);
time('evaluate + recommend (500 products)', new Engine(ruleset, big), profiles);
time('  same, JSON text across the boundary', new Engine(ruleset, big), profiles, undefined, true);
time('tier only, JSON text', new Engine(ruleset), profiles, undefined, true);
time('evaluate + recommend + explain (500 products)', new Engine(ruleset, big), profiles.slice(0, 1000), { explain: true });
