//! Ranking: eligibility, then scoring, diversity and the top N, with explanations.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::Inputs;
use crate::catalog::{Product, Scenario, Strategy};
use crate::dec::Dec;
use crate::metrics::age_on;
use crate::profile::Family;
use crate::recommend::Audience;
use crate::recommend::Exclusion;
use crate::recommend::ExclusionRule;
use crate::recommend::Factor;
use crate::recommend::ProductIndex;
use crate::recommend::Reason;
use crate::recommend::Recommendation;
use crate::recommend::eligibility::exclusion;
use crate::recommend::eligibility::lift_means;
use crate::recommend::micros;
use crate::recommend::scenario_bit;
use crate::recommend::score::KINDS;
use crate::recommend::score::N_FACTORS;
use crate::recommend::score::bits;
use crate::recommend::score::parts;
use crate::recommend::score::pattern;

/// The ranked offers, and (with `explain`) every product left out with its rule.
// Short names for the inputs, catalog, profile, weights and flags keep the formulas readable.
#[allow(clippy::many_single_char_names)]
pub(crate) fn recommend(i: &Inputs) -> (Vec<Recommendation>, Vec<Exclusion>) {
    let c = i.catalog;
    let p = i.profile;
    // Saturating: these only compare with minimum amounts, and a profile built in code may
    // hold more than a parsed one can (see `crate::domain`).
    let external = p
        .external_assets
        .iter()
        .fold(Decimal::ZERO, |a, e| a.saturating_add(e.balance.0));
    let means = i.aum.saturating_add(external);
    let lift = lift_means(i, external);
    let age = p.birth_date.map(|b| age_on(b, i.as_of));
    let held: BTreeSet<Family> = p.holdings.iter().map(|h| h.family).collect();
    let held_mask: u32 = held
        .iter()
        .map(|f| 1u32 << (*f as u32))
        .fold(0, |a, b| a | b);
    let mut scenarios: BTreeSet<Scenario> = p.interests.iter().copied().collect();
    if let Some(a) = age {
        if a <= 30 {
            scenarios.insert(Scenario::Youth);
        }
        if a >= 50 {
            scenarios.insert(Scenario::Retirement);
        }
    }
    let bundle = c.bundles.get(i.tier);
    let strategy = c
        .strategy
        .get(i.tier)
        .copied()
        .unwrap_or(Strategy::Maintain);
    let w = &c.policy.weights;
    let two = Decimal::TWO;
    let (next_w, ext_w, fam_w, life_w, bundle_w) = match strategy {
        Strategy::Nurture => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0,
            w.life_stage.0 * two,
            w.bundle.0,
        ),
        Strategy::Deepen => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0 * two,
            w.life_stage.0,
            w.bundle.0,
        ),
        Strategy::Compete => (
            w.next_tier.0,
            w.external_assets.0 * two,
            w.new_family.0,
            w.life_stage.0,
            w.bundle.0,
        ),
        Strategy::Maintain => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0,
            w.life_stage.0,
            w.bundle.0,
        ),
    };
    // Score every eligible product without allocating; only the offers shown get their
    // factors and reasons built (a 500-product catalog would otherwise clone 500 texts).
    let weights = [next_w, ext_w, fam_w, life_w, bundle_w, w.tier_fit.0];
    let scenario_mask: u16 = scenarios
        .iter()
        .map(|s| scenario_bit(*s))
        .fold(0, |a, b| a | b);
    let tier_bit = 1u64 << i.tier_idx;
    let applies = |pr: &Product, ix: &ProductIndex| -> [bool; N_FACTORS] {
        [
            lift.as_ref().is_some_and(|l| l.fits(pr)),
            pr.family.is_investable() && external > Decimal::ZERO,
            held_mask & (1 << (pr.family as u32)) == 0,
            ix.tags & scenario_mask != 0,
            ix.bundles & tier_bit != 0,
            // Named for the tier, not open to every tier.
            ix.tiers != u64::MAX && ix.tiers & tier_bit != 0,
        ]
    };
    // relevance × value depends only on which factors apply: 2^N_FACTORS patterns, computed
    // once.
    let combos: Vec<Decimal> = (0..1u8 << N_FACTORS)
        .map(|bits| {
            let (r, v) = parts(&weights, pattern(bits));
            r * v
        })
        .collect();
    // Ranking runs on integers (millionths): decimal arithmetic per product dominated the
    // cost in wasm. The exact decimal score is computed for the offers shown.
    let combo_micros: Vec<i64> = combos.iter().map(|d| micros(*d)).collect();
    let explain = i.options.explain;
    let mut excluded = Vec::new();
    let mut ranked: Vec<(i64, &Product, [bool; N_FACTORS])> = Vec::new();
    for (pr, ix) in c.products.iter().zip(i.index) {
        if let Some(rule) = exclusion(pr, ix.tiers & tier_bit != 0, i, age, means) {
            if explain {
                excluded.push(Exclusion {
                    product: pr.id.clone(),
                    rule,
                });
            }
            continue;
        }
        let a = applies(pr, ix);
        let key = combo_micros[usize::from(bits(a))].saturating_mul(ix.priority_micros);
        ranked.push((key, pr, a));
    }
    // Highest score first; ties keep catalog order (the sort is stable).
    ranked.sort_by_key(|(key, _, _)| std::cmp::Reverse(*key));
    // The one offer that may claim a tier lift: the first shown that fits it.
    let lift_given = std::cell::Cell::new(false);
    let staff = i.options.audience == Audience::Staff;
    let build = |pr: &Product, a: [bool; N_FACTORS], score: Decimal| {
        let (relevance, value) = parts(&weights, a);
        let factors: Vec<Factor> = KINDS
            .iter()
            .zip(weights)
            .zip(a)
            .filter(|((_, w), on)| *on && *w > Decimal::ZERO)
            .map(|((kind, w), _)| Factor {
                factor: *kind,
                weight: Dec(w),
                strength: Dec(Decimal::ONE),
                points: Dec(w),
            })
            .collect();
        let mut reasons = Vec::new();
        if a[0]
            && !lift_given.get()
            && let Some(l) = &lift
        {
            lift_given.set(true);
            reasons.push(Reason::LiftsTier {
                tier: l.tier.clone(),
                amount: Dec(l.amount(pr)),
                source: l.source,
            });
        }
        if a[1] {
            reasons.push(Reason::BringsAssets {
                amount: Dec(external),
            });
        }
        if a[2] {
            reasons.push(Reason::NewFamily { family: pr.family });
        }
        if a[3] {
            let tags = pr
                .tags
                .iter()
                .copied()
                .filter(|t| scenarios.contains(t))
                .collect();
            reasons.push(Reason::LifeStage { tags });
        }
        if let Some(b) = bundle.filter(|_| a[4]) {
            reasons.push(Reason::InBundle {
                bundle: b.name.clone(),
            });
        }
        Recommendation {
            product: pr.id.clone(),
            name: pr.name.clone(),
            pitch: pr.pitch.clone(),
            family: pr.family,
            risk: pr.risk,
            min_amount: pr.min_amount.into(),
            max_amount: pr.max_amount.map(Dec::from),
            annual_cap: pr.annual_cap.map(Dec::from),
            term_months: pr.term_months,
            cooling_off_hours: pr.cooling_off_hours,
            disclosure: c.disclosure(pr).cloned(),
            reasons,
            score: staff.then(|| Dec(score.round_dp(4))),
            relevance: staff.then_some(Dec(relevance)),
            value: staff.then_some(Dec(value)),
            lever: staff.then_some(pr.priority),
            factors: staff.then_some(factors),
        }
    };
    let top_n = i.options.top_n.unwrap_or(c.policy.top_n) as usize;
    let mut per_family: BTreeMap<Family, u32> = BTreeMap::new();
    let mut out = Vec::new();
    for (rank, (_, pr, a)) in ranked.into_iter().enumerate() {
        let count = per_family.entry(pr.family).or_default();
        let rule = if *count >= c.policy.per_family {
            ExclusionRule::FamilyLimit
        } else if out.len() >= top_n {
            ExclusionRule::RankedOut { rank: rank + 1 }
        } else {
            *count += 1;
            out.push(build(pr, a, combos[usize::from(bits(a))] * pr.priority.0));
            continue;
        };
        if explain {
            excluded.push(Exclusion {
                product: pr.id.clone(),
                rule,
            });
        }
    }
    (out, excluded)
}
