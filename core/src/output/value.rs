//! What customer value returns (domain §3): the score, each indicator's score and the churn
//! alarm. [`crate::evaluate::value`] computes them.

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
