// Strata beside the rule engines a product team would compare, in one Node process so the
// ratios hold on a busy machine: the seed tier ladder (cn-retail) in plain JS,
// json-rules-engine and GoRules ZEN (when its native add-on installed), and Strata's engine
// package on the same synthetic profiles. Every row's tier is checked against plain JS; a
// mismatch fails the run. Prints a table and the ratios; asserts no speed.
//
// Usage: node tests/bench/peers/peers.mjs <engine package dir (--target web)> [N]
// Environment: BENCH_ROUNDS (default 3; the median round counts), BENCH_WARMUP (default 2000),
// BENCH_ROWS (a regular expression picking rows; plain_js always runs), BENCH_JSON=1 (JSON out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Engine as RulesEngine } from 'json-rules-engine';
import { makeProfiles, tierPlain } from './profiles.mjs';

const engineDir = resolve(process.argv[2] ?? 'dist-engine');
const N = Number(process.argv[3] ?? 20000);
const WARMUP = Math.min(N, Number(process.env.BENCH_WARMUP ?? 2000));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const only = process.env.BENCH_ROWS ? new RegExp(process.env.BENCH_ROWS) : null;
const profiles = makeProfiles(N);
const expected = profiles.map(tierPlain);
const rows = []; // [name, what it returns, run(lo, hi) → tiers (or a Promise of them)]
const row = (name, returns, run) => {
  if (name === 'plain_js' || !only || only.test(name)) rows.push([name, returns, run]);
};
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

row('plain_js', 'a tier string', (lo, hi) => {
  const out = new Array(hi - lo);
  for (let i = lo; i < hi; i++) out[i - lo] = tierPlain(profiles[i]);
  return out;
});

// json-rules-engine: one rule per tier, highest priority first; the first success wins.
const ladder = [
  ['private_banking', 60, { all: [{ fact: 'aum', operator: 'greaterThanInclusive', value: 10_000_000 }] }],
  ['high_end', 50, { all: [{ fact: 'aum', operator: 'greaterThanInclusive', value: 1_000_000 }] }],
  ['mid_upper', 40, { all: [{ fact: 'aum', operator: 'greaterThanInclusive', value: 200_000 }] }],
  ['mid_lower', 30, { all: [{ fact: 'aum', operator: 'greaterThanInclusive', value: 50_000 }] }],
  ['potential', 20, { all: [
    { fact: 'education', operator: 'in', value: ['college', 'bachelor', 'master', 'doctorate'] },
    { fact: 'age', operator: 'greaterThanInclusive', value: 16 },
    { fact: 'age', operator: 'lessThanInclusive', value: 28 }] }],
];
const jre = new RulesEngine([], { allowUndefinedFacts: true });
for (const [tier, priority, conditions] of ladder) jre.addRule({ conditions, priority, event: { type: tier } });
row('json_rules_engine', 'a tier string', async (lo, hi) => {
  const out = new Array(hi - lo);
  for (let i = lo; i < hi; i++) {
    const { events } = await jre.run(profiles[i]);
    out[i - lo] = events.length ? events[0].type : 'ordinary';
  }
  return out;
});

// GoRules ZEN, an optional dependency (a native add-on): a first-hit decision table.
let zenNote = 'installed';
try {
  const { ZenEngine } = await import('@gorules/zen-engine');
  const rule = (id, aum, edu, age, tier) => ({ _id: id, i_aum: aum, i_edu: edu, i_age: age, o_tier: `"${tier}"` });
  const jdm = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'in', position: { x: 0, y: 0 } },
      { id: 'dt', type: 'decisionTableNode', name: 'tiers', position: { x: 0, y: 0 }, content: {
        hitPolicy: 'first',
        inputs: [{ id: 'i_aum', name: 'aum', field: 'aum' }, { id: 'i_edu', name: 'education', field: 'education' }, { id: 'i_age', name: 'age', field: 'age' }],
        outputs: [{ id: 'o_tier', name: 'tier', field: 'tier' }],
        rules: [
          rule('r1', '>= 10000000', '', '', 'private_banking'),
          rule('r2', '>= 1000000', '', '', 'high_end'),
          rule('r3', '>= 200000', '', '', 'mid_upper'),
          rule('r4', '>= 50000', '', '', 'mid_lower'),
          rule('r5', '', '"college","bachelor","master","doctorate"', '[16..28]', 'potential'),
          rule('r6', '', '', '', 'ordinary'),
        ] } },
      { id: 'out', type: 'outputNode', name: 'out', position: { x: 0, y: 0 } },
    ],
    edges: [{ id: 'e1', sourceId: 'in', targetId: 'dt', type: 'edge' }, { id: 'e2', sourceId: 'dt', targetId: 'out', type: 'edge' }],
  };
  const decision = new ZenEngine().createDecision(jdm);
  row('gorules_zen', 'a tier string', async (lo, hi) => {
    const out = new Array(hi - lo);
    for (let i = lo; i < hi; i++) out[i - lo] = (await decision.evaluate(profiles[i])).result.tier;
    return out;
  });
} catch (e) {
  zenNote = `skipped: ${e.message.split('\n')[0]}`;
}

// Strata: the engine package (wasm-bindgen --target web), loaded from its bytes.
const pkg = await import(pathToFileURL(join(engineDir, 'strata_core.js')).href);
pkg.initSync({ module: readFileSync(join(engineDir, 'strata_core_bg.wasm')) });
const full = pkg.Engine.builtin('cn-retail'); // the shipped ruleset with its default catalog
const tiersOnly = new pkg.Engine(full.ruleset); // no catalog: no recommendations
const AS_OF = '2026-11-25';
// The profiles as Strata profiles, converted outside every timed region: born on 15 June so the
// age on AS_OF is exactly `age`; the AUM as one demand-deposit holding.
const EDU = { primary: 'primary', secondary: 'senior_secondary', college: 'college', bachelor: 'bachelor', master: 'master', doctorate: 'doctorate' };
const year = Number(AS_OF.slice(0, 4));
const sp = profiles.map((p, i) => ({
  id: `c${i}`,
  birth_date: `${year - p.age}-06-15`,
  education: EDU[p.education],
  holdings: [{ product: 'demand-cny', family: 'deposit', balance: `${p.aum}.00` }],
}));
// A lean result's tier is its id; a full result's is an object.
const tierOf = (r) => (typeof r.tier === 'string' ? r.tier : r.tier.id);
// What each Strata row returns, measured outside timing: JSON.stringify length of one result.
const sizes = {};
const evalRow = (name, returns, engine, options) => {
  row(name, returns, (lo, hi) => {
    const out = new Array(hi - lo);
    for (let i = lo; i < hi; i++) out[i - lo] = tierOf(engine.evaluate(sp[i], AS_OF, options));
    return out;
  });
  if (process.env.BENCH_SIZES !== '0') sizes[name] = Math.round(sp.slice(0, 200).reduce((a, p) => a + JSON.stringify(engine.evaluate(p, AS_OF, options)).length, 0) / Math.min(200, N));
};
const lean = (() => { try { full.evaluate(sp[0], AS_OF, { detail: 'lean' }); return true; } catch { return false; } })();
if (lean) {
  evalRow('strata_lean', 'lean result: tier, target, potential, retention, reasons', tiersOnly, undefined);
  evalRow('strata_lean_offers', 'lean result + top 5 offers (ids, reasons)', full, undefined);
  evalRow('strata_full_offers', 'full result + top 5 offers', full, { detail: 'full' });
  evalRow('strata_full', 'full result, no catalog', tiersOnly, { detail: 'full' });
} else {
  evalRow('strata_full_offers', 'full result + top 5 offers', full, undefined);
  evalRow('strata_full', 'full result, no catalog', tiersOnly, undefined);
}

// The same through JSON text: the profile as JSON in, the result's JSON text parsed in JS.
const texts = sp.map((p) => JSON.stringify(p));
const jsonRow = (name, returns, engine, options) => row(name, returns, (lo, hi) => {
  const out = new Array(hi - lo);
  for (let i = lo; i < hi; i++) out[i - lo] = tierOf(JSON.parse(engine.evaluateJson(texts[i], AS_OF, options)));
  return out;
});
if (process.env.BENCH_JSON_ROWS === '1') {
  jsonRow('strata_json_lean', 'lean, JSON text in and out', tiersOnly, undefined);
  jsonRow('strata_json_full_offers', 'full + offers, JSON text in and out', full, lean ? { detail: 'full' } : undefined);
}

// Rounds: every row in turn, warm-up (untimed) then the timed pass over all N; median per row.
const seconds = {};
const mismatches = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, , run] of rows) {
    if (WARMUP) await run(0, WARMUP);
    const t0 = process.hrtime.bigint();
    const got = await run(0, N);
    (seconds[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e9);
    mismatches[name] = (mismatches[name] ?? 0) + got.reduce((k, t, i) => k + (t !== expected[i]), 0);
  }
}
const rate = {};
for (const [name] of rows) rate[name] = N / median(seconds[name]);
// The wasm, the glue and the JS snippets the glue imports (snippets/<crate>-<hash>/*.js).
const snippetsDir = join(engineDir, 'snippets');
const snippets = existsSync(snippetsDir)
  ? readdirSync(snippetsDir).flatMap((d) => readdirSync(join(snippetsDir, d)).map((f) => join(snippetsDir, d, f)))
  : [];
const pkgFiles = [join(engineDir, 'strata_core_bg.wasm'), join(engineDir, 'strata_core.js'), ...snippets].map((f) => readFileSync(f));
const pkgSize = {
  raw: pkgFiles.reduce((a, b) => a + b.length, 0),
  gzip9: pkgFiles.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0),
};
const jreRate = rate.json_rules_engine;

if (process.env.BENCH_JSON === '1') {
  console.log(JSON.stringify({ n: N, rounds: ROUNDS, node: process.version, rate, mismatches, sizes, package: pkgSize, zen: zenNote }, null, 1));
} else {
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`peer benchmark: ${N.toLocaleString('en-US')} profiles, seed ladder, median of ${ROUNDS} rounds, Node ${process.version}; GoRules ZEN ${zenNote}`);
  console.log(`${'row'.padEnd(20)} ${'evals/s'.padStart(12)} ${'× json-rules-engine'.padStart(20)}  returns`);
  for (const [name, returns] of rows) {
    const size = sizes[name] ? ` (${fmt(sizes[name])} chars as JSON)` : '';
    console.log(`${name.padEnd(20)} ${fmt(rate[name]).padStart(12)} ${(rate[name] / jreRate).toFixed(2).padStart(20)}  ${returns}${size}`);
  }
  console.log(`engine package: ${fmt(pkgSize.raw)} B raw, ${fmt(pkgSize.gzip9)} B gzip -9 (glue + snippets + wasm)`);
}
const bad = Object.entries(mismatches).filter(([, k]) => k);
if (bad.length) {
  console.error(`tiers disagree with plain JS: ${bad.map(([n, k]) => `${n} ${k}`).join(', ')}`);
  process.exit(1);
}
