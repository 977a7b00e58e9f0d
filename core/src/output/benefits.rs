//! What a tier brings and what changes between two tiers, compared by benefit kind and
//! level, never by text: a higher level of the same kind is an upgrade, not a loss and a gain.

use serde::Serialize;

use crate::ruleset::BenefitCategory;
use crate::text::Text;

/// A benefit a tier brings, with its category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TierBenefit {
    /// The category (a column of the domain table).
    pub category: BenefitCategory,
    /// Stable kind, e.g. `debit_card`.
    pub kind: String,
    /// Level within the kind, higher is better.
    pub level: u32,
    /// Yearly cost per customer, where the ruleset gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_cost: Option<crate::dec::Money>,
    /// What the customer reads, per locale.
    pub text: Text,
}

/// A kind held in both tiers at different levels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct LevelChange {
    /// The best benefit of the kind before.
    pub from: TierBenefit,
    /// The best benefit of the kind after.
    pub to: TierBenefit,
}

/// What changes in benefits from one tier to another.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct BenefitDiff {
    /// Kinds only the new tier brings.
    pub gained: Vec<TierBenefit>,
    /// Kinds the new tier brings at a higher level.
    pub upgraded: Vec<LevelChange>,
    /// Kinds the new tier brings at a lower level.
    pub downgraded: Vec<LevelChange>,
    /// Kinds only the old tier brings.
    pub lost: Vec<TierBenefit>,
    /// What stays as it is, in the new tier's words.
    pub kept: Vec<TierBenefit>,
}

impl BenefitDiff {
    /// Whether nothing is gained, lost or changes level.
    #[must_use]
    pub fn is_unchanged(&self) -> bool {
        self.gained.is_empty()
            && self.upgraded.is_empty()
            && self.downgraded.is_empty()
            && self.lost.is_empty()
    }
}

/// How one of a tier's benefits stands against the tier just below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Standing {
    /// A kind the tier below does not bring.
    Gained,
    /// A kind the tier below brings at a lower level.
    Upgraded,
    /// As below (and every benefit of the lowest tier).
    Same,
}

/// A tier's benefit and how it stands against the tier below.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Marked {
    /// The benefit.
    pub benefit: TierBenefit,
    /// Gained, upgraded or as below.
    pub standing: Standing,
}
