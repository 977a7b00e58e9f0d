//! Ranking: eligibility, then scoring, diversity and the top N, with explanations.

use rust_decimal::Decimal;

use super::Inputs;
use crate::catalog::{Product, Scenario};
use crate::dec::Dec;
use crate::metrics::age_on;
use crate::recommend::Audience;
use crate::recommend::Exclusion;
use crate::recommend::ExclusionRule;
use crate::recommend::Factor;
use crate::recommend::ProductIndex;
use crate::recommend::Reason;
use crate::recommend::Recommendation;
use crate::recommend::eligibility::exclusion;
use crate::recommend::eligibility::lift_means;
use crate::recommend::scenario_bit;
use crate::recommend::score::KINDS;
use crate::recommend::score::N_FACTORS;
use crate::recommend::score::bits;
use crate::recommend::score::parts;

/// Room for every product family, by `Family as usize`: fewer than 32, as the held-family
/// mask's bit per family already needs.
const FAMILIES: usize = 32;

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
    let held_mask: u32 = p
        .holdings
        .iter()
        .fold(0, |a, h| a | (1u32 << (h.family as u32)));
    let mut scenario_mask: u16 = p.interests.iter().fold(0, |a, s| a | scenario_bit(*s));
    if let Some(a) = age {
        if a <= 30 {
            scenario_mask |= scenario_bit(Scenario::Youth);
        }
        if a >= 50 {
            scenario_mask |= scenario_bit(Scenario::Retirement);
        }
    }
    let bundle = c.bundles.get(i.tier);
    // The strategy's weights and every pattern's score, computed when the catalog was
    // attached.
    let scores = &i.index.tiers[i.tier_idx];
    let weights = scores.weights;
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
    let explain = i.options.explain;
    let mut excluded = Vec::new();
    // Ranking runs on integers (millionths): decimal arithmetic per product dominated the
    // cost in wasm. The exact decimal score is computed for the offers shown.
    let mut ranked: Vec<(i64, usize, [bool; N_FACTORS])> = Vec::with_capacity(c.products.len());
    for (n, (pr, ix)) in c.products.iter().zip(&i.index.products).enumerate() {
        let tier_ok = ix.tiers & tier_bit != 0;
        // Without `explain` no rule is returned: skip what the tier rules out before
        // building one (it would copy the tier's id).
        if !explain && !tier_ok {
            continue;
        }
        if let Some(rule) = exclusion(pr, tier_ok, i, age, means) {
            if explain {
                excluded.push(Exclusion {
                    product: pr.id.clone(),
                    rule,
                });
            }
            continue;
        }
        let a = applies(pr, ix);
        let key = scores.combo_micros[usize::from(bits(a))].saturating_mul(ix.priority_micros);
        ranked.push((key, n, a));
    }
    // Highest score first; ties keep catalog order. Positions are unique, so the unstable
    // sort (which needs no scratch buffer) gives the stable order.
    ranked.sort_unstable_by_key(|(key, n, _)| (std::cmp::Reverse(*key), *n));
    // The one offer that may claim a tier lift: the first shown that fits it.
    let mut lift_given = false;
    let staff = i.options.audience == Audience::Staff;
    let mut build = |pr: &Product, a: [bool; N_FACTORS]| {
        let mut reasons = Vec::new();
        if a[0]
            && !lift_given
            && let Some(l) = &lift
        {
            lift_given = true;
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
                .filter(|t| scenario_mask & scenario_bit(*t) != 0)
                .collect();
            reasons.push(Reason::LifeStage { tags });
        }
        if let Some(b) = bundle.filter(|_| a[4]) {
            reasons.push(Reason::InBundle {
                bundle: b.name.clone(),
            });
        }
        let mut offer = Recommendation {
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
            score: None,
            relevance: None,
            value: None,
            lever: None,
            factors: None,
        };
        // The bank's reasons, computed only for staff.
        if staff {
            let (relevance, value) = parts(&weights, a);
            let score = scores.combos[usize::from(bits(a))] * pr.priority.0;
            let factors = KINDS
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
            offer.score = Some(Dec(score.round_dp(4)));
            offer.relevance = Some(Dec(relevance));
            offer.value = Some(Dec(value));
            offer.lever = Some(pr.priority);
            offer.factors = Some(factors);
        }
        offer
    };
    let top_n = i.options.top_n.unwrap_or(c.policy.top_n) as usize;
    // Offers so far per family, indexed by `Family as usize`.
    let mut per_family = [0u32; FAMILIES];
    let mut out = Vec::with_capacity(top_n.min(ranked.len()));
    for (rank, (_, n, a)) in ranked.into_iter().enumerate() {
        // Without `explain` nothing past the top N is reported.
        if out.len() >= top_n && !explain {
            break;
        }
        let pr = &c.products[n];
        let count = &mut per_family[pr.family as usize];
        let rule = if *count >= c.policy.per_family {
            ExclusionRule::FamilyLimit
        } else if out.len() >= top_n {
            ExclusionRule::RankedOut { rank: rank + 1 }
        } else {
            *count += 1;
            out.push(build(pr, a));
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
