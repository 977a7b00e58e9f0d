//! The product catalog: what a bank can offer, with the rules and weights for choosing.
//!
//! Like a ruleset it is authored data, parsed strictly and validated with JSON paths. It
//! names the ruleset's tiers (eligibility, bundles, strategy), so it is checked against one.

pub use crate::model::life::LifeScenario as Scenario;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dec::{Dec, Money};
use crate::json::FromJson;
use crate::profile::Family;
use crate::text::Text;

/// A bank's product catalog.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object))]
pub struct Catalog {
    /// Stable id, e.g. `cn-retail-catalog`.
    pub id: String,
    /// The catalog's own version.
    pub version: String,
    /// The ruleset whose tiers it names.
    pub ruleset: String,
    /// Locales every text is given in.
    pub locales: Vec<String>,
    /// How offers are chosen.
    pub policy: Policy,
    /// The products.
    pub products: Vec<Product>,
    /// The product combination promoted to each tier (套餐), by tier id.
    #[serde(default)]
    pub bundles: BTreeMap<String, Bundle>,
    /// The marketing strategy per tier id (domain: nurture potential, deepen mid, compete high).
    #[serde(default)]
    pub strategy: BTreeMap<String, Strategy>,
}

/// How offers are chosen and how often they are shown.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Policy {
    /// Offers returned by default.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1000)))]
    pub top_n: u32,
    /// At most this many offers per product family.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1000)))]
    pub per_family: u32,
    /// A risk questionnaire is valid this many months.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
    pub risk_valid_months: u32,
    /// Scoring weights.
    pub weights: Weights,
    /// Contact policy.
    pub contact: Contact,
    /// When an offer may say it lifts the customer a tier.
    #[serde(default)]
    pub lift: Lift,
    /// The risk disclosure a product page must show, per family (理财非存款、产品有风险、投资须谨慎
    /// for wealth products); a product's own `disclosure` replaces it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("propertyNames" = {"$ref": "#/$defs/Family"}))
    )]
    pub disclosures: BTreeMap<Family, Text>,
    /// Who counts as a qualified investor (合格投资者), for products that require one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified_investor: Option<QualifiedInvestor>,
}

/// The qualified-investor test: financial assets (here and declared elsewhere) of at least
/// `financial_assets`, or an average yearly income of at least `average_income` over the last
/// three years; and in either case at least `experience_years` of investment experience.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct QualifiedInvestor {
    /// Financial assets at least this (e.g. ¥3,000,000).
    pub financial_assets: Money,
    /// Or an average yearly income at least this (e.g. ¥400,000).
    pub average_income: Money,
    /// And at least this many years of investment experience.
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub experience_years: u32,
}

/// When an offer may claim to lift the customer a tier: only with new money the customer
/// shows the means for. Money already here changes no tier when it moves between products,
/// so a claim needs one of: assets declared at another bank, a recent inflow, or a top-up
/// small against what is held here. The money missing must fit the product (its maximum),
/// and insurance premiums and pension contributions (capped by law) never make the claim.
/// At most one offer carries it.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Lift {
    /// A top-up of at most this percentage of the assets held here counts as within the
    /// customer's means (0–100; default 10).
    pub top_up_percent: Dec,
    /// Money that came in within this many days counts as new money (0–3650; default 30).
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub inflow_days: u32,
}

impl Default for Lift {
    fn default() -> Self {
        Lift {
            top_up_percent: Dec(rust_decimal::Decimal::TEN),
            inflow_days: 30,
        }
    }
}

/// Weights of the relevance and value factors, each 0–100. Each factor adds `weight × strength`
/// to 1.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Weights {
    /// The product helps reach the next tier.
    pub next_tier: Dec,
    /// The product fills a family the customer does not hold (embedding).
    pub new_family: Dec,
    /// The product's scenario tags fit the customer's life stage.
    pub life_stage: Dec,
    /// The product is in the tier's bundle.
    pub bundle: Dec,
    /// The product brings in assets held elsewhere (competing for the high end).
    pub external_assets: Dec,
    /// The product is meant for the customer's tier (it names the tier among its `tiers`),
    /// so a private-banking client's headline offers are private-banking products rather
    /// than a ¥100 bond every tier may buy (default 0).
    #[serde(default)]
    pub tier_fit: Dec,
}

/// How often an offer may be shown.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Contact {
    /// An offer the customer dismissed rests this many days.
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub rest_after_dismiss_days: u32,
    /// An offer declined (said no to) rests this many days.
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub rest_after_decline_days: u32,
    /// An offer seen this many times without acting…
    pub max_impressions: u32,
    /// …rests this many days after the last time it was shown.
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub rest_after_impressions_days: u32,
}

/// A product the bank offers.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Product {
    /// Stable id, matching `holdings[].product`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"))
    )]
    pub id: String,
    /// Name per locale.
    pub name: Text,
    /// One line per locale saying why it is worth having.
    pub pitch: Text,
    /// Product family.
    pub family: Family,
    /// Risk rating, required for investment families and absent on deposits and cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskRating>,
    /// Minimum amount to buy or open.
    #[serde(default)]
    pub min_amount: Money,
    /// Maximum amount one customer may hold or buy, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<Money>,
    /// Tiers it may be offered to; empty means every tier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// Age limits, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeRange>,
    /// Life scenarios it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Scenario>,
    /// When it can be offered (inclusive dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<Window>,
    /// Business lever the product team turns up or down (1 = neutral, 0 = never shown, at most 100).
    #[serde(default = "one")]
    pub priority: Dec,
    /// A yearly contribution cap (personal pension: ¥12,000 a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_cap: Option<Money>,
    /// Lock-up or term in months (a 5-year deposit: 60), for the age policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 600)))]
    pub term_months: Option<u32>,
    /// What the customer must hold first (a fund account, a deposit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Prerequisite>,
    /// Offered only to qualified investors (the catalog's `policy.qualified_investor`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub qualified_investor: bool,
    /// Hours after buying during which the customer may cancel (冷静期).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 720)))]
    pub cooling_off_hours: Option<u32>,
    /// The risk disclosure its page must show; else the family's in `policy.disclosures`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Text>,
}

impl Catalog {
    /// The risk disclosure `pr`'s page must show: its own, else its family's.
    #[must_use]
    pub fn disclosure<'c>(&'c self, pr: &'c Product) -> Option<&'c Text> {
        pr.disclosure
            .as_ref()
            .or_else(|| self.policy.disclosures.get(&pr.family))
    }
}

/// A holding a product needs first: a product by id, or any product of a family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Prerequisite {
    /// This product held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Or any product of this family held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Family>,
}

fn one() -> Dec {
    Dec(rust_decimal::Decimal::ONE)
}

/// Product risk rating R1 (lowest) to R5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum RiskRating {
    /// Lowest risk.
    R1,
    /// Low.
    R2,
    /// Medium.
    R3,
    /// Medium-high.
    R4,
    /// High.
    R5,
}

impl RiskRating {
    /// 1–5.
    #[must_use]
    pub fn level(self) -> u8 {
        self as u8 + 1
    }
}

/// Inclusive age limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct AgeRange {
    /// Youngest age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 130)))]
    pub min: Option<u32>,
    /// Oldest age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 130)))]
    pub max: Option<u32>,
}

/// Inclusive availability dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Window {
    /// First day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// A tier's promoted bundle.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Bundle {
    /// Name per locale, without the word "bundle" (套餐): sentences add it — 「金卡成长」套餐.
    pub name: Text,
    /// Product ids.
    pub products: Vec<String>,
}

/// Marketing strategy for a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Strategy {
    /// Nurture (培育): youth products and low minimums weigh more.
    Nurture,
    /// Deepen (定位): filling new product families weighs more.
    Deepen,
    /// Compete (竞争): bringing in assets held elsewhere weighs more.
    Compete,
    /// Maintain: the weights as they are.
    Maintain,
}
