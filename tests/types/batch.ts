// Type-checks the batch API's declarations: columns of typed arrays in, typed arrays out.
// `cargo xtask test` runs `tsc` on this file.

import init, { Engine, Portfolio } from '../../dist-engine/strata_core.js';
import type { PortfolioColumns, RowIssues, StrataError, TierColumns } from '../../dist-engine/strata_core.js';

export async function studio(): Promise<string> {
  await init();
  const engine = Engine.builtin('cn-retail');
  const columns: PortfolioColumns = {
    assets: new BigInt64Array([25_000_000n, 6_000_000n]),
    birthDate: new Int32Array([3652, -1]),
    education: new Uint8Array([5, 3]),
    monthly: { deposit: [new BigInt64Array([24_000_000n, 5_000_000n])] },
    tierIds: ['high_end'],
    history: { tier: new Uint16Array([65535, 0]), since: new Int32Array([0, 19_723]) },
    attributes: { overdue_days: { values: new BigInt64Array([0n, -9223372036854775808n]), scale: 0 } },
  };
  try {
    const portfolio = new Portfolio(engine, '2026-11-25');
    const bad: RowIssues[] = portfolio.pushColumns(columns);
    const t: TierColumns = portfolio.tierAll(engine, { targets: true });
    const tier: number = t.tier[0];
    const name: string = t.tierIds[tier];
    const rule: string = t.rules[t.rule[0]];
    const cents: bigint | undefined = t.targetCents?.[0];
    const lean: TierColumns = portfolio.tierAll(engine, undefined);
    const more: RowIssues[] = portfolio.pushJsonl(engine, '{"id":"c","holdings":[]}\n');
    return [name, rule, cents, bad.length, lean.errors.length, more.length, portfolio.length, portfolio.id(0)].join(' ');
  } catch (err) {
    const e = err as StrataError;
    return e.errors.map((i) => `${i.path}: ${i.message}`).join('\n');
  }
}
