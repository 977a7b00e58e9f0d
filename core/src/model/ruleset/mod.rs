//! The ruleset document: a bank's tier ladder as data.
//!
//! These types are the authored JSON, parsed strictly (unknown fields are refused).
//! [`crate::Engine::new`] validates and compiles them; nothing here evaluates.

mod criterion;
mod from_json;

pub use criterion::{Comparison, Criterion, Op, Threshold};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::RiskRating;
use crate::dec::{Dec, Money};
use crate::json::FromJson;
use crate::profile::Family;
use crate::text::Text;

/// A versioned tier ladder authored by a bank's product team.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object))]
pub struct Ruleset {
    /// Stable identifier, e.g. `cn-retail`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"))
    )]
    pub id: String,
    /// The ruleset's own version, reported with every evaluation.
    pub version: String,
    /// Display name per locale.
    #[serde(default)]
    pub name: Text,
    /// ISO 4217 code of every money amount, e.g. `CNY`: metrics, thresholds and gaps are in
    /// it, and amounts a profile holds in another currency are converted into it.
    pub currency: String,
    /// Default exchange rates: units of `currency` per one unit of another currency, by ISO
    /// 4217 code (`{"USD": "7.1234"}`), above 0 and at most 1,000,000. A profile's own
    /// `fx_rates` win.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("propertyNames" = {"pattern": "^[A-Z]{3}$"}))
    )]
    pub fx_rates: BTreeMap<String, Dec>,
    /// Locales every text must be given in, e.g. `["zh-CN", "en"]`.
    pub locales: Vec<String>,
    /// Whether each tier also brings the benefits of the tiers below it, unless it lists the
    /// same kind itself (a rewards programme's "everything below, plus"). Without it, each
    /// tier lists all it brings.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative_benefits: bool,
    /// Extra numeric profile attributes the criteria use (`profile.attributes`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, InputDef>,
    /// Derived metrics: weighted sums over balances, loans and fee income.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metrics: BTreeMap<String, DerivedMetric>,
    /// When tiers are reviewed and how downgrades happen.
    pub review: Review,
    /// The ladder, highest tier first. First match wins; the last tier is the fallback.
    pub tiers: Vec<Tier>,
    /// Customer value: four indicators, their weights, stars and the churn alarm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueModel>,
    /// When a key moment is raised.
    #[serde(default)]
    pub moments: MomentPolicy,
    /// Who is not proactively offered what, by age: the elderly and minors policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerability: Option<Vulnerability>,
}

/// Age and vulnerability fit: offers a bank does not make proactively, whatever they score.
/// Every band whose `from_age` the customer has reached applies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Vulnerability {
    /// Bands for older customers (e.g. from 65: at most R3 and 36 months; from 75: R2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elderly: Vec<ElderlyBand>,
    /// Below an age: no credit, and investments only with a guardian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minors: Option<Minors>,
}

/// From an age, the highest risk and the longest term offered.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ElderlyBand {
    /// The age the band starts at.
    #[cfg_attr(feature = "schema", schemars(range(max = 130)))]
    pub from_age: u32,
    /// The highest product risk rating offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_risk: Option<RiskRating>,
    /// The longest term or lock-up offered, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 600)))]
    pub max_term_months: Option<u32>,
}

/// The minors policy.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Minors {
    /// Customers below this age are minors (18).
    #[cfg_attr(feature = "schema", schemars(range(max = 130)))]
    pub below_age: u32,
    /// Whether credit (loans) may be offered to a minor.
    #[serde(default)]
    pub credit: bool,
    /// Whether an investment needs the profile's `guardian` flag.
    #[serde(default)]
    pub investment_needs_guardian: bool,
}

/// Customer value (domain §3): contribution, risk, reputation and relatedness, each scored
/// 0–100 from a metric and combined by weight.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ValueModel {
    /// Income the customer brings (贡献度).
    pub contribution: Indicator,
    /// Credit risk (风险度); usually inverted so that less risk scores higher.
    pub risk: Indicator,
    /// Public standing (知名度).
    pub reputation: Indicator,
    /// Links to other customers (关联度).
    pub relatedness: Indicator,
    /// Score thresholds for 2, 3, 4 and 5 stars, ascending, each 0–100 (below the first: 1 star).
    pub stars: Vec<Dec>,
    /// The churn alarm for valuable customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub churn: Option<ChurnRule>,
}

/// One value indicator: `100 × metric / full_at`, capped at 100.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Indicator {
    /// The metric read (built-in, input or derived).
    pub metric: String,
    /// The metric value that scores 100; above zero.
    pub full_at: Dec,
    /// Score `100 − …` instead, for indicators where less is better (overdue days).
    #[serde(default)]
    pub invert: bool,
    /// Weight in the combined score, 0–100.
    pub weight: Dec,
}

/// Flags a valuable customer whose average assets fall fast.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ChurnRule {
    /// Only customers scoring at least this (0–100) are watched.
    pub min_score: Dec,
    /// Months compared: the average of the last `months` against the `months` before.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 36)))]
    pub months: u32,
    /// A fall of at least this percentage (above 0, at most 100) raises the alarm.
    pub drop_percent: Dec,
}

/// Thresholds for key moments (关键时点).
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MomentPolicy {
    /// A holding maturing within this many days.
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub maturity_days: u32,
    /// Salary and large flows within this many days before the as-of date.
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub recent_days: u32,
    /// A flow at least this large, in or out.
    pub large_flow: Money,
    /// Within this percentage (0–100) of the next tier's bar.
    pub near_tier_percent: Dec,
    /// Less than this percentage (0–100) above the tier's bar is a downgrade risk.
    pub downgrade_margin_percent: Dec,
}

impl Default for MomentPolicy {
    fn default() -> Self {
        MomentPolicy {
            maturity_days: 30,
            recent_days: 7,
            large_flow: Money(rust_decimal::Decimal::from(100_000)),
            near_tier_percent: Dec(rust_decimal::Decimal::TEN),
            downgrade_margin_percent: Dec(rust_decimal::Decimal::TEN),
        }
    }
}

/// What kind of quantity a metric is; decides formatting and whether a gap is actionable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Unit {
    /// An amount in the ruleset's currency.
    Money,
    /// A score in points.
    Points,
    /// Whole years (age).
    Years,
    /// A count (product families held).
    Count,
    /// An ordinal rank (education level).
    Rank,
    /// Any other number.
    Number,
}

/// A numeric attribute the bank passes in `profile.attributes`.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct InputDef {
    /// Its unit.
    pub unit: Unit,
    /// Label per locale.
    #[serde(default)]
    pub label: Text,
    /// Value when a profile leaves it out; without one, the profile must give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Dec>,
}

/// A metric computed as `Σ points × source / per`.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DerivedMetric {
    /// Label per locale.
    pub label: Text,
    /// Unit of the result, usually `points`.
    pub unit: Unit,
    /// The weighted terms.
    pub terms: Vec<Term>,
}

/// One weighted term: e.g. 135 points per 10,000 of 6-month average short-term assets.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Term {
    /// What is weighted.
    pub source: Source,
    /// Points per `per` units of the source. With `per`, bounded so that the metric stays
    /// within 10^25 for every customer (validation says when it would not).
    pub points: Dec,
    /// Divisor of the source (default 1), above zero.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub per: Dec,
}

fn one() -> Dec {
    Dec(rust_decimal::Decimal::ONE)
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_one(d: &Dec) -> bool {
    d.0 == rust_decimal::Decimal::ONE
}

/// The quantity a derived-metric term reads.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Source {
    /// A built-in metric or declared input, by id.
    Metric(String),
    /// Average daily balance over the last `months` complete months, summed over `families`.
    AverageBalance {
        /// Product families summed.
        families: Vec<Family>,
        /// Months averaged (1–36).
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 36)))]
        months: u32,
    },
    /// Fee income over the last `months` complete months.
    FeeIncome {
        /// Months summed (1–36).
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 36)))]
        months: u32,
    },
}

/// When tiers are reviewed and how a customer moves down.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Review {
    /// Review dates.
    pub schedule: Schedule,
    /// How a customer below their tier's bar is moved down. Upgrades are always immediate.
    pub downgrade: Downgrade,
    /// Where a downgrade lands.
    #[serde(default)]
    pub downgrade_to: DowngradeTo,
    /// A tier, once reached, is kept at least this many months.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(max = 120)))]
    pub min_tenure_months: u32,
}

/// Review dates.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Schedule {
    /// At the end of every month.
    Monthly,
    /// On fixed dates every year, e.g. `["06-30", "12-31"]`.
    Dates {
        /// `MM-DD` strings.
        dates: Vec<String>,
    },
}

/// How a customer below their tier's bar moves down.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Downgrade {
    /// Never: a tier once reached is kept.
    Never,
    /// After this many consecutive reviews below the bar.
    AfterReviews {
        /// Consecutive reviews below the bar (≥ 1).
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 24)))]
        reviews: u32,
    },
    /// After this many months below the bar.
    Grace {
        /// Months of grace (≥ 1).
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
        months: u32,
    },
}

/// Where a downgrade lands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum DowngradeTo {
    /// One tier down the ladder.
    #[default]
    OneDown,
    /// Straight to the tier the customer qualifies for.
    Qualified,
}

/// One rung of the ladder.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Tier {
    /// Stable id, e.g. `private_banking`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"))
    )]
    pub id: String,
    /// The bank's internal name per locale (what staff see, e.g. 中端客户（低）).
    pub name: Text,
    /// The name a customer sees per locale, the bank's service brand (e.g. 理财金); `name`
    /// when absent.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub display_name: Text,
    /// Staff only: who the tier is for, per locale (typical customers, target segments).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// When the customer qualifies; absent on the fallback tier only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Criterion>,
    /// What the tier brings, by category.
    #[serde(default)]
    pub benefits: Benefits,
    /// Who maintains customers of this tier.
    pub maintained_by: Maintainer,
    /// What a branch does when the customer walks in.
    pub service_route: ServiceRoute,
    /// Whether the tier brings priority service (优先服务: priority handling at the counter and
    /// in the queue). Data, not derived from the route: in the seed table private banking,
    /// high-end and mid-upper have it, mid-lower has "some value-added services" instead.
    #[serde(default)]
    pub priority: bool,
    /// Badge colour (CSS colour) for screens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

impl Tier {
    /// The name a customer sees: `display_name`, else `name`.
    #[must_use]
    pub fn customer_name(&self) -> &Text {
        if self.display_name.is_empty() {
            &self.name
        } else {
            &self.display_name
        }
    }
}

/// A tier's benefits grouped as in the domain table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Benefits {
    /// Brand and cards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brand_cards: Vec<Benefit>,
    /// Branch channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branch_channels: Vec<Benefit>,
    /// Electronic channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub e_channels: Vec<Benefit>,
    /// Product families offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Benefit>,
    /// Extra services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_services: Vec<Benefit>,
}

/// One benefit: a stable kind, a level within the kind, and its text. Two tiers' benefits
/// are compared by kind and level, never by text: "gold debit card" (`debit_card`, level 2)
/// is an upgrade of "debit card" (`debit_card`, level 1), not a loss and a gain.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Benefit {
    /// Stable id of what the benefit is, e.g. `debit_card`, `relationship_manager`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"))
    )]
    pub kind: String,
    /// Level within the kind, higher is better (0–100).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub level: u32,
    /// What the benefit costs the bank per customer per year, in the ruleset's currency, when
    /// the product team gives it (the studio sums it over a portfolio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_cost: Option<crate::dec::Money>,
    /// What the customer reads, per locale.
    pub text: Text,
}

impl Benefits {
    /// The categories in display order with their items.
    #[must_use]
    pub fn categories(&self) -> [(BenefitCategory, &[Benefit]); 5] {
        [
            (BenefitCategory::BrandCards, &self.brand_cards),
            (BenefitCategory::BranchChannels, &self.branch_channels),
            (BenefitCategory::EChannels, &self.e_channels),
            (BenefitCategory::Products, &self.products),
            (BenefitCategory::ExtraServices, &self.extra_services),
        ]
    }
}

/// A benefit category (a column of the domain table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum BenefitCategory {
    /// Brand and cards.
    BrandCards,
    /// Branch channels.
    BranchChannels,
    /// Electronic channels.
    EChannels,
    /// Product families offered.
    Products,
    /// Extra services.
    ExtraServices,
}

/// Who maintains the customer ("whoever maintains, answers for it and benefits from it").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Maintainer {
    /// A named relationship manager.
    RelationshipManager,
    /// The outlet.
    Outlet,
    /// The account teller.
    Teller,
    /// The branch's large-customer department (corporate).
    LargeCustomerDepartment,
    /// A designated outlet's specialist team (corporate SMEs).
    SpecialistTeam,
}

/// What a branch does when the customer arrives (identify & guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ServiceRoute {
    /// The private-banking centre and the customer's own relationship manager.
    PrivateBankingCentre,
    /// A relationship manager in the wealth-management centre.
    RelationshipManager,
    /// The wealth centre.
    WealthCentre,
    /// The priority counter.
    PriorityCounter,
    /// Self-service and e-channels, with the lobby manager's help.
    SelfService,
    /// The ordinary counter.
    Counter,
    /// The corporate large-customer department.
    CorporateDepartment,
}
