//! Customer value (domain §3): four indicators scored 0–100, combined by the ruleset's
//! weights into one score and a star rating, and the churn alarm for valuable customers
//! whose average assets fall fast.

pub use crate::output::value::{ChurnRisk, CustomerValue, IndicatorKind, IndicatorScore};

use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::metrics::{self, Ctx};

/// `100 × actual / full_at`, within 0–100; inverted when less is better.
pub(crate) fn indicator_score(actual: Decimal, full_at: Decimal, invert: bool) -> Decimal {
    let hundred = Decimal::ONE_HUNDRED;
    let raw = if full_at <= Decimal::ZERO {
        Decimal::ZERO
    } else {
        // Clamped before dividing: a large actual over a small `full_at` would overflow.
        actual.clamp(Decimal::ZERO, full_at) * hundred / full_at
    };
    let s = if invert { hundred - raw } else { raw };
    s.round_dp(2)
}

/// Stars from ascending thresholds: 1 + how many the score reaches.
pub(crate) fn stars(score: Decimal, thresholds: &[Dec]) -> u8 {
    1 + thresholds.iter().filter(|t| score >= t.0).count() as u8
}

/// The percentage fall from `before` to `recent`, when there is one.
pub(crate) fn drop_percent(before: Decimal, recent: Decimal) -> Option<Decimal> {
    (before > Decimal::ZERO && recent < before)
        .then(|| ((before - recent) * Decimal::ONE_HUNDRED / before).round_dp(2))
}

impl Engine {
    pub(crate) fn customer_value(
        &self,
        ctx: &Ctx,
        vals: &[Decimal],
    ) -> Result<Option<CustomerValue>, metrics::Overflow> {
        let (Some(model), Some(slots)) = (self.ruleset.value.as_ref(), self.value) else {
            return Ok(None);
        };
        let indicators: Vec<IndicatorScore> = slots
            .iter()
            .map(|(kind, slot)| {
                let ind = match kind {
                    IndicatorKind::Contribution => &model.contribution,
                    IndicatorKind::Risk => &model.risk,
                    IndicatorKind::Reputation => &model.reputation,
                    IndicatorKind::Relatedness => &model.relatedness,
                };
                IndicatorScore {
                    indicator: *kind,
                    metric: ind.metric.clone(),
                    actual: Dec(vals[*slot].round_dp(2)),
                    score: Dec(indicator_score(vals[*slot], ind.full_at.0, ind.invert)),
                    weight: ind.weight,
                }
            })
            .collect();
        let total_weight: Decimal = indicators.iter().map(|i| i.weight.0).sum();
        let score = if total_weight.is_zero() {
            Decimal::ZERO
        } else {
            (indicators
                .iter()
                .map(|i| i.score.0 * i.weight.0)
                .sum::<Decimal>()
                / total_weight)
                .round_dp(2)
        };
        let mut churn_risk = None;
        if let Some(c) = model.churn.as_ref().filter(|c| score >= c.min_score.0) {
            let recent = ctx.asset_average(0, c.months)?;
            let before = ctx.asset_average(c.months, c.months)?;
            churn_risk = drop_percent(before, recent)
                .filter(|d| *d >= c.drop_percent.0)
                .map(|d| ChurnRisk {
                    before: Dec(before.round_dp(2)),
                    recent: Dec(recent.round_dp(2)),
                    drop_percent: Dec(d),
                });
        }
        Ok(Some(CustomerValue {
            score: Dec(score),
            stars: stars(score, &model.stars),
            indicators,
            churn_risk,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn indicator_scores_are_capped_and_invertible() {
        assert_eq!(indicator_score(d("5000"), d("20000"), false), d("25"));
        assert_eq!(indicator_score(d("50000"), d("20000"), false), d("100"));
        assert_eq!(indicator_score(d("30"), d("90"), true), d("66.67"));
        assert_eq!(indicator_score(d("-5"), d("90"), false), d("0"));
    }

    #[test]
    fn stars_and_drops() {
        let t = [Dec(d("20")), Dec(d("40")), Dec(d("60")), Dec(d("80"))];
        assert_eq!(stars(d("0"), &t), 1);
        assert_eq!(stars(d("60"), &t), 4);
        assert_eq!(stars(d("100"), &t), 5);
        assert_eq!(drop_percent(d("1000"), d("700")), Some(d("30")));
        assert_eq!(drop_percent(d("0"), d("700")), None);
        assert_eq!(drop_percent(d("700"), d("1000")), None);
    }
}
