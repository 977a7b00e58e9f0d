//! Customer value (domain §3): four indicators scored 0–100, combined by the ruleset's
//! weights into one score and a star rating, and the churn alarm for valuable customers
//! whose average assets fall fast.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::dec::Dec;

/// The customer's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CustomerValue {
    /// Combined score, 0–100.
    pub score: Dec,
    /// 1–5 stars.
    pub stars: u8,
    /// Each indicator's part.
    pub indicators: Vec<IndicatorScore>,
    /// Set when a valuable customer's average assets fall faster than the ruleset allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub churn_risk: Option<ChurnRisk>,
}

/// One indicator's part of the value score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct IndicatorScore {
    /// Which indicator.
    pub indicator: IndicatorKind,
    /// The metric read.
    pub metric: String,
    /// Its value.
    pub actual: Dec,
    /// Score 0–100.
    pub score: Dec,
    /// Weight in the combined score.
    pub weight: Dec,
}

/// The four indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum IndicatorKind {
    /// 贡献度.
    Contribution,
    /// 风险度.
    Risk,
    /// 知名度.
    Reputation,
    /// 关联度.
    Relatedness,
}

/// Average assets falling fast.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ChurnRisk {
    /// Average of the earlier months.
    pub before: Dec,
    /// Average of the recent months.
    pub recent: Dec,
    /// The fall, in percent.
    pub drop_percent: Dec,
}

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
