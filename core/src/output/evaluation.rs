//! What an evaluation returns: the tier, why, how far the next one is, and what keeps it.
//!
//! Every number is a decimal string in JSON; every tier carries its id so a result always
//! says which rule produced it.

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::output::tier::TierRef;

use crate::dec::Dec;
use crate::output::moment::Moment;
use crate::output::recommendation::{Exclusion, Recommendation};
use crate::output::value::CustomerValue;
use crate::ruleset::{Maintainer, Op, ServiceRoute, Source, Unit};

/// The result of evaluating one profile. Every field is for the customer unless its doc says
/// *Staff only*; a customer-audience result (the default) leaves those out altogether.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Evaluation {
    /// The ruleset that produced this.
    pub ruleset: RulesetRef,
    /// The customer id from the profile.
    pub customer_id: String,
    /// The date evaluated on.
    pub as_of: NaiveDate,
    /// The tier the customer has.
    pub tier: TierRef,
    /// The tier the plain ladder gives (first match), before grace, deferral or manual floor.
    pub qualified: TierRef,
    /// Why the tier is what it is.
    pub basis: Basis,
    /// A change from the tier the bank held, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// Who maintains the customer and what a branch does on arrival.
    pub service: Service,
    /// The customer's financial assets here (the `aum` metric), in the ruleset's currency,
    /// whether or not the criteria read it: what a screen shows as "your assets".
    pub assets: Dec,
    /// The value of every metric the ruleset uses.
    pub metrics: Vec<MetricValue>,
    /// Each tier checked down the ladder until the first match, with every criterion.
    pub ladder: Vec<TierCheck>,
    /// The tier just above, and what it takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Gap>,
    /// Every tier above, nearest first (the first is `next`).
    pub above: Vec<Gap>,
    /// The nearest tier above that money or products reach, the amount and the progress:
    /// what a screen shows as "how far the next tier is".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<Reach>,
    /// The tier declared assets at other banks would give, and how much must move here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub potential: Option<Potential>,
    /// What keeps the tier, and the one date that decides it (`review_date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// Staff only: customer value (four indicators, a score, stars and the churn alarm);
    /// absent from a customer-audience result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<CustomerValue>,
    /// Key moments with the action to take. A customer-audience result leaves out the
    /// staff-only ones (the churn alarm, a large outflow to retain).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moments: Vec<Moment>,
    /// Ranked offers (with a catalog).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// With `explain`: every product not recommended and the rule that excluded it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_recommended: Vec<Exclusion>,
    /// Things worth knowing that did not stop the evaluation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Ruleset id and version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RulesetRef {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
}

/// Why the tier is what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Basis {
    /// The plain ladder result.
    Qualified,
    /// Below the bar, kept during a grace period.
    Grace {
        /// The day the grace ends; a downgrade applies from then.
        until: NaiveDate,
    },
    /// Below the bar; the downgrade waits for more reviews below it.
    DeferredDowngrade {
        /// Consecutive reviews below the bar so far.
        reviews_below: u32,
        /// Reviews below the bar that trigger the downgrade.
        reviews_allowed: u32,
        /// The review at which the downgrade happens if still below (also the retention's
        /// `review_date`, the date a screen shows).
        downgrade_review: NaiveDate,
    },
    /// Kept because the tier's minimum tenure has not passed.
    MinimumTenure {
        /// End of the tenure.
        until: NaiveDate,
    },
    /// The ruleset never downgrades.
    NeverDowngraded,
    /// Moved one tier down at a review; the plain ladder result is lower still.
    StepDown {
        /// The tier the plain ladder gives.
        qualified: String,
    },
    /// A relationship manager's assignment acts as a floor.
    ManualFloor {
        /// First day it no longer applies.
        until: NaiveDate,
        /// Staff only: the manager's reason (absent from a customer-audience result).
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

/// A change from the tier the bank held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Change {
    /// The previous tier id.
    pub from: String,
    /// Why it changed.
    pub reason: ChangeReason,
}

/// Reason code for a tier change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ChangeReason {
    /// Qualified for a higher tier (immediate).
    Upgrade,
    /// Below the bar for long enough at a review.
    Downgrade,
    /// The grace period ran out.
    GraceExpired,
    /// A manual assignment lifted the tier.
    Manual,
}

/// Who maintains the customer and where a branch routes them (identify & guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Service {
    /// Maintenance owner.
    pub maintained_by: Maintainer,
    /// Branch route on arrival.
    pub route: ServiceRoute,
    /// Priority service (优先服务), as the tier's `priority` says.
    pub priority: bool,
}

/// A metric's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MetricValue {
    /// Metric id.
    pub metric: String,
    /// Unit.
    pub unit: Unit,
    /// Value.
    pub value: Dec,
}

/// One tier checked on the way down the ladder.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TierCheck {
    /// Tier id.
    pub tier: String,
    /// Whether its criteria held.
    pub matched: bool,
    /// The criteria with actual values; absent on the fallback tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Trace>,
}

/// A criterion with its outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
// A flattened union: TypeScript spells it as an intersection (an interface cannot extend it).
#[cfg_attr(feature = "wasm", tsify(type = "TraceNode & { held: boolean }"))]
pub struct Trace {
    /// Whether it held.
    pub held: bool,
    /// The node.
    #[serde(flatten)]
    pub node: TraceNode,
}

/// A criterion node with actual values.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum TraceNode {
    /// Every child must hold.
    All {
        /// Children.
        all: Vec<Trace>,
    },
    /// One child must hold.
    Any {
        /// Children.
        any: Vec<Trace>,
    },
    /// A comparison.
    Compare(Comparison),
}

/// `actual op threshold` on one metric.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Comparison {
    /// Metric id.
    pub metric: String,
    /// Unit.
    pub unit: Unit,
    /// Operator.
    pub op: Op,
    /// Threshold.
    pub threshold: Dec,
    /// The customer's value.
    pub actual: Dec,
}

/// What a tier above needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Gap {
    /// The tier.
    pub tier: TierRef,
    /// Whether the customer can get there by adding money or products (not by age, say).
    pub reachable: bool,
    /// The money missing: the largest money shortfall, or for a score the least money that
    /// closes it (see `equivalents`). An increase of the metric, so for an average an
    /// increase of the average.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Dec>,
    /// Each failing criterion and how much is missing.
    pub shortfalls: Vec<Shortfall>,
}

/// One failing criterion.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Shortfall {
    /// The comparison.
    #[serde(flatten)]
    pub comparison: Comparison,
    /// How much the metric must rise, when raising it helps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Dec>,
    /// Whether the customer can close it (money, products), not age or education.
    pub actionable: bool,
    /// For a derived score: the same gap as an amount of each weighted source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub equivalents: Vec<Equivalent>,
}

/// A score gap expressed as an amount of one source ("¥74,075 more short-term assets").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Equivalent {
    /// The weighted source.
    pub source: Source,
    /// How much more of it closes the gap alone.
    pub amount: Dec,
}

/// The nearest reachable tier above.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Reach {
    /// The tier.
    pub tier: TierRef,
    /// The money that reaches it: the gap's amount, rounded up to the cent.
    pub amount: Dec,
    /// How much of the deciding bar is met, from 0 to 1, rounded down so that it never
    /// overstates the progress.
    pub progress: Dec,
    /// The money bar to reach ("reach ¥200,000"): the deciding comparison's threshold when
    /// it compares money; none for a score or a count, whose bar is not an amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bar: Option<Dec>,
}

/// A tier within reach with assets held elsewhere (潜在符合).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Potential {
    /// The tier counting declared external assets.
    pub tier: TierRef,
    /// Declared external assets.
    pub external_assets: Dec,
    /// How much must move here to reach it (the gap's money amount), when money closes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_needed: Option<Dec>,
    /// The failing criteria without the external assets.
    pub shortfalls: Vec<Shortfall>,
}

/// What keeps the tier on the date it is next at stake.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Retention {
    /// The tier being kept.
    pub tier: String,
    /// The one date that decides whether the customer keeps the tier, and the only one a
    /// screen needs to show: the day the tier is next actually at stake if nothing changes.
    /// For a deferred downgrade, the review at which it happens if still below (the basis's
    /// `downgrade_review`, not the review before it); during a grace period or a manager's
    /// floor, the day it ends; during a minimum tenure, the first day the ruleset's downgrade
    /// policy would act after it; otherwise the next review. When the ruleset never
    /// downgrades, nothing is at stake: the next review, with no `amount_to_keep`.
    pub review_date: NaiveDate,
    /// Whether the customer meets the bar today.
    pub on_track: bool,
    /// When not on track and the tier can be lost: the money the tightest bar still needs by
    /// `review_date` (保级).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_to_keep: Option<Dec>,
    /// Each money or product criterion: the bar and the margin above it (negative = short).
    pub requirements: Vec<Requirement>,
}

/// One criterion to keep meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Requirement {
    /// The comparison.
    #[serde(flatten)]
    pub comparison: Comparison,
    /// `actual − threshold`: the room above the bar, or how much is short when negative.
    pub margin: Dec,
}

/// A note on the evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Warning {
    /// No monthly history at all: averages over it read as zero.
    NoHistory {
        /// Months the ruleset's averages read.
        months: u32,
    },
    /// No monthly record for a month an average reads; it counts as zero.
    MissingMonth {
        /// The month, `YYYY-MM`.
        month: String,
    },
    /// The manual assignment has expired and no longer applies.
    ManualExpired {
        /// When it expired.
        expired: NaiveDate,
    },
    /// An attribute the ruleset does not declare; it was ignored.
    UnknownAttribute {
        /// The attribute.
        name: String,
    },
}
