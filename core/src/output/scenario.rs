//! What-if outcomes: the new evaluation, the benefit diff, and slider marks.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dec::Dec;
use crate::model::what_if::{Scenario, ScenarioKind};
use crate::output::benefits::BenefitDiff;
use crate::output::evaluation::Evaluation;
use crate::output::tier::TierRef;

/// A scenario's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Outcome {
    /// The scenario, with the amount actually applied (a move is capped at what is declared).
    pub scenario: Scenario,
    /// The date evaluated: today, or for `keep` the day its averages have caught up.
    pub as_of: NaiveDate,
    /// The tier today.
    pub before: TierRef,
    /// The tier in the scenario.
    pub after: TierRef,
    /// What changes in benefits from `before` to `after`.
    pub benefits: BenefitDiff,
    /// The full evaluation in the scenario.
    pub evaluation: Evaluation,
}

/// The amount at which a tier is reached in a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Mark {
    /// The tier.
    pub tier: TierRef,
    /// The least amount (to the cent) that gives this tier or a higher one.
    pub amount: Dec,
}

/// A slider for a scenario: where it starts, how far it goes, its step and its marks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Range {
    /// The kind of scenario.
    pub kind: ScenarioKind,
    /// Where the slider starts: the nearest mark above today's tier (add, move), or today's
    /// assets (keep).
    pub start: Dec,
    /// The slider's end: past the highest mark (add, keep), or what is declared (move).
    pub max: Dec,
    /// A round step.
    pub step: Dec,
    /// Months of history the tiers' criteria average over, `None` when they read today's
    /// balances: what a `keep` amount stands for, so a face can say "近 3 个月日均资产保持在…".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Each tier a scenario of this kind reaches, highest first; for `keep`, today's tier too
    /// (its amount is what keeps it).
    pub marks: Vec<Mark>,
}
