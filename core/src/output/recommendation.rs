//! What recommendations return: each offer with its score factors and reasons, and each
//! product kept out with the rule that excluded it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::{Prerequisite, RiskRating, Scenario};
use crate::dec::Dec;
use crate::output::tier::TierRef;
use crate::profile::{Family, RiskLevel};
use crate::text::Text;

/// A recommended product with its score and reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Recommendation {
    /// Product id.
    pub product: String,
    /// Name per locale.
    pub name: Text,
    /// Pitch per locale.
    pub pitch: Text,
    /// Family.
    pub family: Family,
    /// Risk rating, for investments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskRating>,
    /// Minimum amount.
    pub min_amount: Dec,
    /// Maximum amount, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<Dec>,
    /// A yearly contribution cap, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_cap: Option<Dec>,
    /// Term or lock-up in months, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_months: Option<u32>,
    /// Hours after buying during which the customer may cancel, where there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cooling_off_hours: Option<u32>,
    /// The risk disclosure the product's page must show (理财非存款、产品有风险、投资须谨慎).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Text>,
    /// Reason codes with their numbers, for a sentence per locale.
    pub reasons: Vec<Reason>,
    // How the offer ranked: the business lever and the factors are the bank's reasons, not
    // the customer's, so a customer-audience result leaves these five out.
    /// Staff only: `relevance × value × lever`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Dec>,
    /// Staff only: 1 + the relevance factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevance: Option<Dec>,
    /// Staff only: 1 + the value factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
    /// Staff only: the product's business priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lever: Option<Dec>,
    /// Staff only: every factor that counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<Vec<Factor>>,
}

impl Recommendation {
    /// Whether it is recommended because it lifts the customer a tier.
    #[must_use]
    pub fn lifts_tier(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| matches!(r, Reason::LiftsTier { .. }))
    }
}

/// One scoring factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Factor {
    /// Which.
    pub factor: FactorKind,
    /// Catalog weight × strategy multiplier.
    pub weight: Dec,
    /// How strongly it applies, 0–1.
    pub strength: Dec,
    /// `weight × strength`, added to relevance or value.
    pub points: Dec,
}

/// The scoring factors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum FactorKind {
    /// Helps reach the next tier (value).
    NextTier,
    /// Brings in assets held elsewhere (value).
    ExternalAssets,
    /// Fills a product family not yet held (relevance).
    NewFamily,
    /// Fits the customer's life stage and interests (relevance).
    LifeStage,
    /// Part of the tier's bundle (relevance).
    Bundle,
    /// Meant for the customer's tier (relevance).
    TierFit,
}

/// Why a product is recommended, with the numbers a sentence needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Reason {
    /// "Bring ¥50,000 from another bank into this product and you reach High-end." Given to
    /// at most one offer, and only when the customer shows the means for that new money
    /// (see [`crate::catalog::Lift`]).
    LiftsTier {
        /// The tier.
        tier: TierRef,
        /// New money to put in (the gap, at least the product's minimum).
        amount: Dec,
        /// Where the new money would come from.
        source: LiftSource,
    },
    /// "Brings your ¥900,000 held elsewhere under one roof."
    BringsAssets {
        /// Declared external assets.
        amount: Dec,
    },
    /// "You don't hold a fund yet."
    NewFamily {
        /// The family.
        family: Family,
    },
    /// "Fits your plans: retirement."
    LifeStage {
        /// Matching scenarios.
        tags: Vec<Scenario>,
    },
    /// "Part of the Wealth bundle for your tier."
    InBundle {
        /// Bundle name.
        bundle: Text,
    },
}

/// Where the new money of a tier lift would come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum LiftSource {
    /// Assets the customer declared at another bank.
    ExternalAssets,
    /// Money that came in recently.
    RecentInflow,
    /// A top-up small against what the customer holds here.
    TopUp,
}

/// Who an evaluation is for. A customer-audience result leaves out every staff-only field
/// (the customer-value score and stars, the churn alarm, retention moments, offers' scores,
/// levers and factors, a manager's reason for a manual tier): absent, not hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Audience {
    /// The customer's own device: the app, the widget, the kiosk (the default).
    #[default]
    Customer,
    /// Relationship managers and list-based marketing: everything.
    Staff,
}

crate::json_names!(Audience {
    Customer = "customer",
    Staff = "staff",
});

/// A product not recommended, and the rule that kept it out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "ExclusionRule & { product: string }"))]
pub struct Exclusion {
    /// Product id.
    pub product: String,
    /// The first rule that excluded it.
    #[serde(flatten)]
    pub rule: ExclusionRule,
}

/// Rules that keep a product out, checked in this order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ExclusionRule {
    /// Priority 0: switched off by the product team.
    SwitchedOff,
    /// Not offered to the customer's tier.
    IneligibleTier {
        /// The customer's tier.
        tier: String,
    },
    /// Outside the product's age limits (or the age is unknown).
    Age {
        /// The customer's age, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        age: Option<i32>,
    },
    /// The ruleset's elderly policy: from `from_age`, not above `max_risk` or beyond
    /// `max_term_months`; not proactively recommended whatever it scores.
    ElderlyPolicy {
        /// The customer's age.
        age: i32,
        /// The band that keeps it out.
        from_age: u32,
    },
    /// The ruleset's minors policy: no credit, and investments only with a guardian.
    MinorPolicy {
        /// The customer's age.
        age: i32,
    },
    /// Outside its availability window.
    Unavailable,
    /// Already held.
    Held,
    /// Needs a holding the customer does not have yet (a fund account, say).
    MissingPrerequisite {
        /// The product or family needed.
        requires: Prerequisite,
    },
    /// Declined recently; rests until the date.
    Declined {
        /// First day it may show again.
        until: NaiveDate,
    },
    /// Dismissed or shown too often without acting; rests until the date.
    Resting {
        /// First day it may show again.
        until: NaiveDate,
    },
    /// The minimum is beyond the customer's means (assets here and declared elsewhere).
    BelowMinimum {
        /// The product's minimum.
        min_amount: Dec,
        /// The customer's means.
        means: Dec,
    },
    /// The product's risk exceeds the customer's tolerance.
    Unsuitable {
        /// Product rating.
        rating: RiskRating,
        /// Customer tolerance.
        tolerance: RiskLevel,
    },
    /// The questionnaire is missing or expired: only the lowest-risk products are offered.
    RiskAssessmentDue {
        /// Product rating.
        rating: RiskRating,
    },
    /// For qualified investors only, and the customer does not meet the catalog's test.
    NotQualifiedInvestor,
    /// Diversity: the family already has its share of offers.
    FamilyLimit,
    /// Ranked below the top N.
    RankedOut {
        /// Its rank among eligible products (1-based).
        rank: usize,
    },
}
