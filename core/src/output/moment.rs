//! What key moments (关键时点) return: the moment with its numbers, the action a bank takes
//! and, where one fits, a product. [`crate::evaluate::moments`] finds them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dec::Dec;
use crate::output::tier::TierRef;
use crate::profile::Family;

/// A moment worth acting on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "wasm",
    tsify(type = "MomentKind & { action: ActionCode; product?: string }")
)]
pub struct Moment {
    /// What happened, with its numbers.
    #[serde(flatten)]
    pub kind: MomentKind,
    /// What the bank does.
    pub action: ActionCode,
    /// A product that fits, from the recommendations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
}

/// The kinds of moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum MomentKind {
    /// A holding matures soon.
    Maturity {
        /// Product id.
        holding: String,
        /// Its family.
        family: Family,
        /// Maturity date.
        date: NaiveDate,
        /// Days from the as-of date.
        days: i64,
        /// Balance.
        amount: Dec,
    },
    /// A birthday this month.
    Birthday {
        /// This year's birthday.
        date: NaiveDate,
        /// The age reached.
        age: i32,
    },
    /// Salary arrived.
    Salary {
        /// When.
        date: NaiveDate,
        /// How much.
        amount: Dec,
    },
    /// A large amount came in.
    LargeInflow {
        /// When.
        date: NaiveDate,
        /// How much.
        amount: Dec,
    },
    /// A large amount went out.
    LargeOutflow {
        /// When.
        date: NaiveDate,
        /// How much (positive).
        amount: Dec,
    },
    /// The next tier is within reach.
    NearNextTier {
        /// The tier.
        tier: TierRef,
        /// Money missing.
        amount: Dec,
    },
    /// The tier may be lost on the date it is next at stake.
    DowngradeRisk {
        /// The tier.
        tier: String,
        /// The date that decides it (the retention's `review_date`).
        review_date: NaiveDate,
        /// Money to add to keep it (0 when still above the bar, but close).
        keep_amount: Dec,
    },
    /// A valuable customer's average assets fall fast.
    ChurnRisk {
        /// The fall, in percent.
        drop_percent: Dec,
    },
    /// The risk questionnaire is missing or expired: only the lowest-risk products are offered.
    RiskAssessmentDue {
        /// When it expired; absent when there is none.
        #[serde(skip_serializing_if = "Option::is_none")]
        expired_on: Option<NaiveDate>,
    },
}

impl MomentKind {
    /// Whether only staff see it: the churn alarm and a large outflow are the bank's cues to
    /// retain a customer, not news for the customer.
    #[must_use]
    pub fn is_staff_only(&self) -> bool {
        matches!(
            self,
            MomentKind::ChurnRisk { .. } | MomentKind::LargeOutflow { .. }
        )
    }
}

/// What the bank does at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ActionCode {
    /// Offer to reinvest a maturing holding.
    Reinvest,
    /// Review a maturing loan.
    ReviewLoan,
    /// Send greetings (emotional maintenance).
    Greet,
    /// Suggest putting part of the salary to work.
    AutoInvest,
    /// Advise on a large inflow.
    Advise,
    /// Call to understand and retain.
    Retain,
    /// Show how to reach the next tier.
    Upgrade,
    /// Have the relationship manager call.
    ContactManager,
    /// Ask the customer to re-take the risk questionnaire.
    ReassessRisk,
}
