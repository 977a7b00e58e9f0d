// Type-checks the engine package's declarations (dist-engine/strata_core.d.ts) the way a
// product team's TypeScript would use them. `cargo xtask test` runs `tsc` on this file.

import init, { Engine, builtinRulesets, lint } from '../../dist-engine/strata_core.js';
import type { CustomerEvaluation, Evaluation, Profile, Ruleset, StrataError, Summary } from '../../dist-engine/strata_core.js';

export async function demo(): Promise<string> {
  await init();
  const ids: string[] = builtinRulesets();
  const engine = Engine.builtin(ids[0]);
  const ruleset: Ruleset = engine.ruleset;
  const profile: Profile = {
    id: 'c-1',
    birth_date: '1991-04-18',
    education: 'bachelor',
    holdings: [{ product: 'demand-cny', family: 'deposit', balance: '162500.00' }],
  };
  try {
    const e: CustomerEvaluation = engine.evaluate(profile, '2026-11-25', { top_n: 3, explain: true, detail: 'full' });
    const gap: string | undefined = e.next?.amount;
    const first = e.ladder[0].criteria;
    const held: boolean | undefined = first?.held;
    const offer = e.recommendations?.[0];
    const reason = offer?.reasons[0];
    const lifts = reason?.type === 'lifts_tier' ? `${reason.amount} ${reason.source}` : undefined;
    // The default audience is the customer's: no staff-only field in the type.
    const mine: CustomerEvaluation = engine.evaluate(profile, '2026-11-25', { detail: 'full' });
    // @ts-expect-error: the value score is for staff only.
    void mine.value;
    const staff: Evaluation = engine.evaluate(profile, '2026-11-25', { detail: 'full', audience: 'staff' });
    // The default is the lean summary: ids, the target, reason codes.
    const lean: Summary = engine.evaluate(profile, '2026-11-25');
    const target: string | undefined = lean.target?.amount;
    const progress: string | undefined = lean.target?.progress;
    const reasons: string[] = lean.reasons;
    const offerIds = engine.evaluate(profile, '2026-11-25', { top_n: 2 }).offers?.map((o) => o.product);
    // @ts-expect-error: a lean result has no ladder trace.
    void lean.ladder;
    const lever: string | undefined = staff.recommendations?.[0]?.lever;
    const moment = e.moments?.[0];
    const action: string | undefined = moment?.action;
    const excluded = e.not_recommended?.map((x) => x.rule);
    const findings = lint(ruleset).map((f) => `${f.severity} ${f.path}`);
    const fresh = new Engine(ruleset, engine.catalog);
    return [e.tier.id, gap, held, lifts, action, excluded?.length, findings.length, fresh.ruleset.id, lever, lean.tier, target, progress, reasons[0], offerIds?.[0]].join(' ');
  } catch (err) {
    const e = err as StrataError;
    return e.errors.map((i) => `${i.path}: ${i.message}`).join('\n');
  }
}
