//! Recommendations: eligibility → suitability (never overridden) → exclusions and contact
//! policy → scoring → diversity → top N. Every factor of the score and every exclusion is
//! returned, so a product team can see why an offer shows or never does.
//!
//! `score = relevance × value × lever`, where relevance = 1 + new-family, life-stage and
//! bundle factors, value = 1 + next-tier and external-assets factors, lever = the product's
//! business priority. Each factor is `weight × strength`, with weights from the catalog
//! scaled by the tier's strategy.
//!
//! `eligibility` keeps products out (suitability is never overridden), `rank` scores and
//! picks the top N, `score` holds the factor arithmetic shared with catalog validation.
//! Output types live in [`crate::output::recommendation`].

mod eligibility;
mod rank;
pub(crate) mod score;

pub use crate::output::recommendation::{
    Audience, Exclusion, ExclusionRule, Factor, FactorKind, LiftSource, Reason, Recommendation,
};
pub(crate) use rank::recommend;
use score::{N_FACTORS, parts, pattern};

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Catalog, Scenario, Strategy};
use crate::evaluation::TierRef;
use crate::json::FromJson;
use crate::profile::{Profile, RiskLevel};
use crate::ruleset::Vulnerability;

/// Options for one evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Options {
    /// Offers to return (default: the catalog's `top_n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_n: Option<u32>,
    /// Also list every product not recommended, with the rule that excluded it.
    #[serde(default)]
    pub explain: bool,
    /// Who the result is for (default: the customer).
    #[serde(default)]
    pub audience: Audience,
}

/// Where the customer stands on risk, for suitability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RiskStatus {
    /// A valid questionnaire.
    Valid(RiskLevel),
    /// Expired on that date.
    Expired(NaiveDate),
    /// Never taken.
    Missing,
}

impl RiskStatus {
    pub(crate) fn of(p: &Profile, as_of: NaiveDate, valid_months: u32) -> Self {
        match &p.risk {
            None => RiskStatus::Missing,
            Some(r) => {
                let expires = r
                    .assessed_on
                    .checked_add_months(Months::new(valid_months))
                    .unwrap_or(NaiveDate::MAX);
                if as_of >= expires {
                    RiskStatus::Expired(expires)
                } else {
                    RiskStatus::Valid(r.level)
                }
            }
        }
    }
}

/// What the recommender reads from the evaluation.
pub(crate) struct Inputs<'a> {
    pub catalog: &'a Catalog,
    /// The catalog's precomputed masks and scores.
    pub index: &'a Index,
    /// The customer's tier, as a ladder position.
    pub tier_idx: usize,
    pub profile: &'a Profile,
    pub as_of: NaiveDate,
    pub tier: &'a str,
    /// The nearest tier above that money reaches, and the money missing.
    pub next: Option<(TierRef, Decimal)>,
    pub aum: Decimal,
    pub risk: RiskStatus,
    pub options: &'a Options,
    /// The ruleset's elderly and minors policies.
    pub vulnerability: Option<&'a Vulnerability>,
}

/// What ranking needs that depends only on the ruleset and the catalog, computed once when
/// the catalog is attached: each product's masks and each tier's scores.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    /// Per product, in catalog order.
    pub(crate) products: Vec<ProductIndex>,
    /// Per tier, in ladder order.
    pub(crate) tiers: Vec<TierScores>,
}

/// A product's tiers, scenario tags and bundles as bit masks, computed once per catalog so
/// that ranking 500 products does no string comparisons.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProductIndex {
    /// Bit `t`: offered to tier `t` (all bits when the product names no tiers).
    pub(crate) tiers: u64,
    /// Bit per `Scenario`.
    pub(crate) tags: u16,
    /// Bit `t`: in tier `t`'s bundle.
    pub(crate) bundles: u64,
    /// Business priority in millionths, for integer ranking.
    pub(crate) priority_micros: i64,
}

/// One tier's scoring: the catalog's weights scaled by the tier's strategy, and
/// `relevance × value` for each of the `2^N_FACTORS` patterns of factors that apply (exact,
/// and in millionths for ranking), so that no call sums or multiplies decimals to rank.
#[derive(Clone, Debug)]
pub(crate) struct TierScores {
    pub(crate) weights: [Decimal; N_FACTORS],
    pub(crate) combos: [Decimal; N_PATTERNS],
    pub(crate) combo_micros: [i64; N_PATTERNS],
}

/// How many patterns of factors there are.
pub(crate) const N_PATTERNS: usize = 1 << N_FACTORS;

/// A small non-negative decimal in millionths, saturating.
fn micros(d: Decimal) -> i64 {
    (d * Decimal::from(1_000_000))
        .round()
        .mantissa()
        .clamp(0, i128::from(i64::MAX)) as i64
}

pub(crate) fn scenario_bit(s: Scenario) -> u16 {
    1 << (s as u16)
}

/// The weights of `strategy`: nurture doubles life stage, deepen new family, compete
/// external assets; maintain keeps the catalog's.
fn weights(c: &Catalog, strategy: Strategy) -> [Decimal; N_FACTORS] {
    let w = &c.policy.weights;
    let two = Decimal::TWO;
    let mut out = [
        w.next_tier.0,
        w.external_assets.0,
        w.new_family.0,
        w.life_stage.0,
        w.bundle.0,
        w.tier_fit.0,
    ];
    match strategy {
        Strategy::Nurture => out[3] *= two,
        Strategy::Deepen => out[2] *= two,
        Strategy::Compete => out[1] *= two,
        Strategy::Maintain => {}
    }
    out
}

/// Masks for every product and scores for every tier; `tier_ids` in ladder order
/// (validation keeps it within 64).
pub(crate) fn index(c: &Catalog, tier_ids: &[&str]) -> Index {
    let bit = |id: &str| {
        tier_ids
            .iter()
            .position(|t| *t == id)
            .map_or(0, |i| 1u64 << i)
    };
    let products = c
        .products
        .iter()
        .map(|p| ProductIndex {
            tiers: if p.tiers.is_empty() {
                u64::MAX
            } else {
                p.tiers.iter().map(|t| bit(t)).fold(0, |a, b| a | b)
            },
            tags: p
                .tags
                .iter()
                .map(|t| scenario_bit(*t))
                .fold(0, |a, b| a | b),
            bundles: c
                .bundles
                .iter()
                .filter(|(_, b)| b.products.contains(&p.id))
                .map(|(t, _)| bit(t))
                .fold(0, |a, b| a | b),
            priority_micros: micros(p.priority.0),
        })
        .collect();
    let tiers = tier_ids
        .iter()
        .map(|t| {
            let strategy = c.strategy.get(*t).copied().unwrap_or(Strategy::Maintain);
            let weights = weights(c, strategy);
            let combos: [Decimal; N_PATTERNS] = std::array::from_fn(|bits| {
                let (r, v) = parts(&weights, pattern(bits as u8));
                r * v
            });
            TierScores {
                weights,
                combos,
                combo_micros: combos.map(micros),
            }
        })
        .collect();
    Index { products, tiers }
}
